#include "io/region_dissolve.hpp"

#include "core/errors.hpp"
#include "core/text/region_codes.hpp"
#include "core/text/utf8.hpp"
#include "io/geos_context.hpp"
#include "io/region_mesh.hpp"
#include "io/vector_source.hpp"

#include <ogr_api.h>

#include <map>

namespace vak::io {

namespace {

int AddGroup(RegionGrouping& grouping, std::map<std::string, int>& by_key, const std::string& key,
             const std::string& code, const std::string& name)
{
    auto [it, inserted] = by_key.emplace(key, static_cast<int>(grouping.groups.size()));
    if (inserted)
        grouping.groups.push_back({code, name});
    return it->second;
}

int ColumnIndex(OGRFeatureDefnH defn, const std::string& wanted, int fallback, const std::string& path)
{
    if (wanted.empty()) {
        if (fallback >= OGR_FD_GetFieldCount(defn))
            throw core::InputError(path + ": a lookup table needs two columns (region code, group)");
        return fallback;
    }
    const int index = OGR_FD_GetFieldIndex(defn, wanted.c_str());
    if (index < 0)
        throw core::InputError(path + ": no column '" + wanted + "'");
    return index;
}

} // namespace

RegionGrouping GroupByParent(const core::RegionLayer& layer, const std::string& level)
{
    RegionGrouping grouping;
    grouping.level = level;
    grouping.source = "attribute " + level;
    std::map<std::string, int> by_key;
    for (const core::RegionFeature& f : layer.features) {
        const std::string* parent = f.Parent(level);
        if (!parent) {
            grouping.group_of_feature.push_back(-1);
            grouping.problems.push_back(f.code + " (" + f.name + "): no " + level);
            continue;
        }
        grouping.group_of_feature.push_back(AddGroup(grouping, by_key, *parent, *parent, *parent));
    }
    return grouping;
}

RegionGrouping GroupByTable(const core::RegionLayer& layer, const std::string& table_path,
                            const std::string& code_column, const std::string& group_column)
{
    OpenedVector opened = OpenVector(table_path);
    if (GDALDatasetGetLayerCount(opened.Get()) < 1)
        throw core::InputError(table_path + ": no table in the file");
    OGRLayerH table = GDALDatasetGetLayer(opened.Get(), 0);
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(table);
    const int code_index = ColumnIndex(defn, code_column, 0, table_path);
    const int group_index = ColumnIndex(defn, group_column, 1, table_path);

    RegionGrouping grouping;
    grouping.level = OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, group_index));
    grouping.source = table_path;
    grouping.group_of_feature.assign(layer.features.size(), -1);
    std::vector<std::string> codes;
    for (const core::RegionFeature& f : layer.features)
        codes.push_back(f.code);
    const core::RegionCodeMatcher matcher(codes);
    std::map<std::string, int> by_key;
    long row = 1; // the header is row 1 in a spreadsheet's numbering
    OGR_L_ResetReading(table);
    while (OGRFeatureH feature = OGR_L_GetNextFeature(table)) {
        ++row;
        const std::string code(core::Trim(OGR_F_GetFieldAsString(feature, code_index)));
        const std::string group(core::Trim(OGR_F_GetFieldAsString(feature, group_index)));
        OGR_F_Destroy(feature);
        const int region = matcher.Find(code);
        if (region < 0) {
            grouping.problems.push_back(table_path + " row " + std::to_string(row) + ": region code '" + code +
                                        "' is not in layer " + layer.name);
            continue;
        }
        if (group.empty()) {
            grouping.problems.push_back(table_path + " row " + std::to_string(row) + ": no group for " + code);
            continue;
        }
        const int index = AddGroup(grouping, by_key, core::RegionNameKey(group), group, group);
        int& current = grouping.group_of_feature[region];
        if (current >= 0 && current != index) {
            grouping.problems.push_back(table_path + " row " + std::to_string(row) + ": " + code + " is already in group '" +
                                        grouping.groups[current].name + "'; '" + group + "' ignored");
            continue;
        }
        current = index;
    }
    for (std::size_t i = 0; i < layer.features.size(); ++i)
        if (grouping.group_of_feature[i] < 0)
            grouping.problems.push_back(layer.features[i].code + " (" + layer.features[i].name + "): not in " +
                                        table_path);
    return grouping;
}

core::RegionLayer DissolveRegions(const core::RegionLayer& layer, const RegionGrouping& grouping)
{
    core::RegionLayer result;
    result.name = grouping.level;
    result.is_derived = true;
    result.source = layer.name + " dissolved by " + grouping.source;
    result.crs = layer.crs;
    result.code_field = grouping.level;
    result.name_field = grouping.level;
    std::vector<std::vector<int>> members(grouping.groups.size());
    for (std::size_t i = 0; i < grouping.group_of_feature.size() && i < layer.features.size(); ++i)
        if (grouping.group_of_feature[i] >= 0)
            members[static_cast<std::size_t>(grouping.group_of_feature[i])].push_back(static_cast<int>(i));

    GeosContext geos;
    for (std::size_t g = 0; g < grouping.groups.size(); ++g) {
        core::RegionFeature region;
        region.code = grouping.groups[g].code;
        region.name = grouping.groups[g].name;
        std::vector<core::Polygon> parts;
        for (int m : members[g])
            parts.insert(parts.end(), layer.features[m].polygons.begin(), layer.features[m].polygons.end());
        // Parents that every member shares carry over (a province keeps its landsdeel).
        if (!members[g].empty())
            for (const auto& [level, code] : layer.features[members[g].front()].parents) {
                bool shared = level != grouping.level;
                for (int m : members[g]) {
                    const std::string* p = layer.features[m].Parent(level);
                    shared = shared && p && *p == code;
                }
                if (shared)
                    region.parents.emplace_back(level, code);
            }
        if (!parts.empty()) {
            GeosGeometry collection = MakeGeosMultiPolygon(geos, parts);
            if (!collection)
                throw core::InputError("dissolving " + layer.name + " into " + region.name + ": " + geos.TakeError());
            GeosGeometry merged(geos, GEOSUnaryUnion_r(geos.Handle(), collection.Get()));
            if (!merged)
                throw core::InputError("dissolving " + layer.name + " into " + region.name + " failed in GEOS: " +
                                       geos.TakeError());
            FillRegionShape(geos, merged.Get(), region);
            result.bounds.Expand(region.bounds);
        }
        result.features.push_back(std::move(region));
    }
    result.BuildIndex();
    BuildRegionMesh(result);
    return result;
}

} // namespace vak::io
