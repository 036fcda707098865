// The demo geography for a first start without files: the municipality facts table in
// geodata/ (code, name, a point inside, area, province, labour-market region, neighbours)
// turned into a tile map of municipalities, and provinces and labour-market regions dissolved
// from its tiles. Real positions and names; no boundaries (those come from the user's files).
#pragma once

#include "core/geo/region_layer.hpp"
#include "core/workspace.hpp"

#include <string>
#include <vector>

namespace vak::io {

struct MunicipalityFacts {
    core::RegionLayer layer; // label points (RD New), areas and parents; no polygons
    std::vector<std::vector<int>> neighbours;
    std::vector<std::pair<std::string, std::string>> group_names; // code -> name, provinces and regions
};

// Reads the facts table ('#' lines at the top are its source statement). Throws
// core::InputError naming the file, row and column of anything that cannot be read.
MunicipalityFacts ReadMunicipalityFacts(const std::string& path);

// Adds the demo layers to `workspace` (municipalities, labour-market regions, provinces, all
// as tile maps) and marks it as the demo. `facts_path` empty: geodata/gemeenten_2025.csv found
// like the shaders (VAKATLAS_GEODATA, next to the executable, installed, source tree).
void LoadDemoGeography(core::Workspace& workspace, const std::string& facts_path = {});

} // namespace vak::io
