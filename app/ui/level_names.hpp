// What a region layer is called in the interface: "Gemeente", "Provincie", ... recognised from
// the layer's name (gemeente_2025, provincie, rpa_gebied, Buurt_2014_layer), else its own name.
#pragma once

#include "core/geo/region_layer.hpp"

#include <string>

namespace vak::ui {

std::string LevelLabel(const core::RegionLayer& layer);

} // namespace vak::ui
