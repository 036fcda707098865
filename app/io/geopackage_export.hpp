// The aggregated regions of the map as a GeoPackage (GDAL's GPKG driver): one feature per region
// of the level, with its code, name, value and the value's state (known, unknown: only "<5" or
// missing values, empty: no rows), the suppressed count, period, measure, unit and source, and
// its geometry in the layer's CRS. Analysts continue in QGIS from here. Written atomically.
#pragma once

#include "core/dashboard/region_value.hpp"
#include "core/geo/region_layer.hpp"
#include "io/export_stamp.hpp"

#include <filesystem>
#include <vector>

namespace vak::io {

// `values` holds one entry per feature of `layer`. Throws core::InputError.
void WriteRegionsGeoPackage(const core::RegionLayer& layer, const std::vector<core::RegionValue>& values,
                            const ExportStamp& stamp, const std::filesystem::path& path);

// "known", "unknown" or "empty", as the exports and `vakatlas aggregate` write it.
const char* StateName(core::agg::GroupState state);

} // namespace vak::io
