#include "core/aggregate/parent_levels.hpp"

#include <algorithm>
#include <unordered_map>

namespace vak::core::agg {

std::vector<std::string> AddParentLevels(FactTable& table, int region_dimension, const RegionLayer& joined)
{
    table.dimensions[std::size_t(region_dimension)].name = joined.name;
    std::vector<std::string> levels{joined.name};
    std::vector<std::string> parents;
    for (const RegionFeature& f : joined.features)
        for (const auto& [level, code] : f.parents)
            if (std::find(parents.begin(), parents.end(), level) == parents.end())
                parents.push_back(level);
    std::unordered_map<std::string, const RegionFeature*> by_code;
    for (const RegionFeature& f : joined.features)
        by_code.emplace(f.code, &f);
    for (const std::string& level : parents) {
        // Per region code its parent's code (once per code, not per row).
        const FactDimension& regions = table.dimensions[std::size_t(region_dimension)];
        FactDimension parent;
        parent.name = level;
        parent.role = DimensionRole::Region;
        std::unordered_map<std::string, std::uint32_t> parent_code;
        std::vector<std::uint32_t> of_region(regions.Cardinality());
        for (std::uint32_t c = 0; c < regions.Cardinality(); ++c) {
            const auto it = by_code.find(regions.labels[c]);
            const std::string* p = it != by_code.end() ? it->second->Parent(level) : nullptr;
            const auto [slot, added] =
                parent_code.emplace(p ? *p : std::string(), static_cast<std::uint32_t>(parent.labels.size()));
            if (added)
                parent.labels.push_back(slot->first);
            of_region[c] = slot->second;
        }
        parent.codes.resize(table.rows);
        for (std::size_t r = 0; r < table.rows; ++r)
            parent.codes[r] = of_region[regions.codes[r]];
        table.dimensions.push_back(std::move(parent)); // `regions` may move: not used after this
        levels.push_back(level);
    }
    return levels;
}

} // namespace vak::core::agg
