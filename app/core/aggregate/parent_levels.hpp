// Coarser region levels as dimensions of a fact table: a table joined to municipalities also
// groups by their COROP area, province, ... (the parent codes the layer's features carry), so
// the map and the themes can show it at any level the boundaries know.
#pragma once

#include "core/aggregate/fact_table.hpp"
#include "core/geo/region_layer.hpp"

#include <string>
#include <vector>

namespace vak::core::agg {

// Names the table's region dimension `region_dimension` after `joined` (the level it is) and
// adds one Region dimension per parent level of `joined`'s features, in the order they first
// appear; a region without a parent at a level (or unknown to the layer) gets the empty label
// there. Returns the levels, the joined one first.
std::vector<std::string> AddParentLevels(FactTable& table, int region_dimension, const RegionLayer& joined);

} // namespace vak::core::agg
