#include "io/workspace_loader.hpp"

#include "io/region_dissolve.hpp"
#include "io/region_reader.hpp"

#include <algorithm>
#include <set>

namespace vak::io {

void LoadRegionFiles(const core::RegionFileOptions& options, core::Workspace& workspace)
{
    // Read everything first, so one bad file leaves the workspace as it was.
    std::vector<core::RegionLayer> layers;
    for (const std::string& file : options.files) {
        RegionReadOptions read;
        read.layer = options.layer;
        read.code_field = options.code_field;
        read.name_field = options.name_field;
        read.target_crs = options.crs;
        layers.push_back(ReadRegionLayer(file, read));
    }
    if (layers.empty())
        return;

    // Levels above the first layer, from its grouping attributes, unless a loaded file already
    // is that level.
    std::set<std::string> levels;
    for (const core::RegionFeature& f : layers.front().features)
        for (const auto& [level, code] : f.parents)
            levels.insert(level);
    std::vector<core::RegionLayer> derived;
    std::vector<std::string> grouping_messages;
    for (const std::string& level : levels) {
        const RegionGrouping grouping = GroupByParent(layers.front(), level);
        for (const std::string& problem : grouping.problems)
            grouping_messages.push_back(layers.front().source + ": level " + level + ": " + problem);
        derived.push_back(DissolveRegions(layers.front(), grouping));
    }
    // Finest level first, as a user reads a hierarchy: gemeente, COROP, ..., landsdeel.
    std::stable_sort(derived.begin(), derived.end(), [](const core::RegionLayer& a, const core::RegionLayer& b) {
        return a.features.size() > b.features.size();
    });

    for (core::RegionLayer& layer : layers) {
        for (const core::LayerProblem& p : layer.problems)
            workspace.Messages().push_back(layer.source + ": " + p.message);
        workspace.AddLayer(std::move(layer));
    }
    for (core::RegionLayer& layer : derived)
        workspace.AddLayer(std::move(layer));
    for (std::string& message : grouping_messages)
        workspace.Messages().push_back(std::move(message));
}

} // namespace vak::io
