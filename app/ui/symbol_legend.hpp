// The size legend of the map's proportional symbols (students per location): a few round
// values (core::themes::SymbolLegendValues) drawn as the circles the map would draw for them,
// in a small box at the map's bottom left, above the scale bar. SymbolRadius is the one size
// rule, used by the map's symbols and by this legend alike.
#pragma once

#include "core/dashboard/dashboard_model.hpp"

#include <imgui.h>

namespace vak::ui {

// Circle radius in pixels for a symbol of `size` when the largest on the map is `largest`:
// area follows the value (radius ~ square root), the largest 16 px at 100 %, none below 3 px.
float SymbolRadius(double size, double largest, float scale);

// Draws nothing when the map has no symbols. `map_min`/`map_max`: the map's screen rectangle.
void DrawSymbolLegend(ImDrawList* draw, ImVec2 map_min, ImVec2 map_max, float scale, bool dutch,
                      const core::DashboardModel::DerivedMap& map, const char* title);

} // namespace vak::ui
