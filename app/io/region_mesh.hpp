// Triangulates a region layer for the GPU with GEOS's constrained Delaunay triangulation
// (holes and islands included) and collects the outline segments. Runs on all cores; the
// result does not depend on the number of threads.
#pragma once

#include "core/geo/region_layer.hpp"

namespace vak::io {

// Fills layer.mesh from layer.features[*].polygons, and layer.coarse with simplified levels for
// zoomed-out views where they save vertices. Throws core::InputError when GEOS cannot
// triangulate a polygon (naming the feature).
void BuildRegionMesh(core::RegionLayer& layer);

} // namespace vak::io
