// Derived region layers: municipalities grouped into provinces, labour-market regions or a
// platform's own sub-regions, and dissolved into one shape per group with GEOS (unary union).
// A grouping comes from a parent attribute of the layer or from a lookup table (region code ->
// group), and says which regions it could not place.
#pragma once

#include "core/geo/region_layer.hpp"

#include <string>
#include <vector>

namespace vak::io {

struct RegionGroup {
    std::string code; // group code, or the group's name when the table has names only
    std::string name;
};

struct RegionGrouping {
    std::string level;                 // name of the derived level, e.g. "provincie"
    std::string source;                // "attribute provincie" or the lookup table's path
    std::vector<int> group_of_feature; // per feature of the layer: index into groups, -1 = none
    std::vector<RegionGroup> groups;
    std::vector<std::string> problems; // regions without a group, table rows without a region
};

// Groups by a parent attribute of the layer (RegionFeature::parents), e.g. "provincie".
RegionGrouping GroupByParent(const core::RegionLayer& layer, const std::string& level);

// Groups by a table read through GDAL (CSV with any separator, XLSX, ODS): `code_column` holds
// region codes in any common spelling ("GM0285", "285", "0285"), `group_column` the group.
// Empty column names: the first and second column. Groups that differ only in spelling
// ("Friesland", "Fryslân") are one group, named as in the table's first occurrence.
RegionGrouping GroupByTable(const core::RegionLayer& layer, const std::string& table_path,
                            const std::string& code_column = {}, const std::string& group_column = {});

// One feature per group: the union of its members' polygons, with area, label point, mesh and
// parents kept where all members agree. Throws core::InputError when GEOS fails on a group.
core::RegionLayer DissolveRegions(const core::RegionLayer& layer, const RegionGrouping& grouping);

} // namespace vak::io
