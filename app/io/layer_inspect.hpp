// `vakatlas inspect FILE`: what GDAL sees in a file (layers, feature counts, fields, CRS,
// extent) and what vakatlas would make of it (code and name fields, parent levels, display CRS,
// problems found and how they were handled), as plain text in the style of ogrinfo.
#pragma once

#include "io/region_reader.hpp"

#include <cstddef>
#include <string>

namespace vak::io {

struct InspectOptions {
    RegionReadOptions read;
    std::string join_regions;  // tables: check their codes against this region file
    std::string region_column;
    std::string recode_file;
    std::string period_column;
    double scale = 0;
    std::size_t max_problems = 25; // problems listed one by one; the rest are counted
};

// Throws core::InputError when the file cannot be opened at all.
std::string InspectFile(const std::string& path, const InspectOptions& options);

} // namespace vak::io
