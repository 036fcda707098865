// Tile maps (hexagon cartograms) of region layers: one equal hexagon per region, placed by
// core::BuildHexTileMap from the regions' label points and their adjacency (regions whose
// boundaries touch, found with GEOS). The result is an ordinary RegionLayer: same codes, names
// and parents, so data joins, selection and dissolving work on it unchanged.
#pragma once

#include "core/geo/region_layer.hpp"

#include <vector>

namespace vak::io {

// Per feature, the features whose polygons lie within `tolerance` display units (touching
// boundaries). Symmetric, sorted.
std::vector<std::vector<int>> RegionNeighbours(const core::RegionLayer& layer, double tolerance = 1.0);

// A tile map from label points and neighbour lists (the demo geography has no boundaries,
// only facts). Regions without a label point get no hexagon and are reported.
core::RegionLayer BuildTileMapLayer(const core::RegionLayer& source, const std::vector<std::vector<int>>& neighbours);

// A tile map of a layer with boundaries: neighbours from RegionNeighbours.
core::RegionLayer BuildTileMapLayer(const core::RegionLayer& source);

} // namespace vak::io
