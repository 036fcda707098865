// The map's legend, drawn over the map's bottom-right corner: what is shown (measure, period,
// source), one row per class with its colour, range and number of regions, and rows for regions
// whose values are unknown (only "<5") and regions without data, so that no colour on the map is
// left unexplained.
#pragma once

#include "core/style/choropleth.hpp"

#include <imgui.h>

#include <string>

namespace vak::ui {

struct MapLegendText {
    std::string title;    // "aantal · mbo_studenten"
    std::string subtitle; // "2040 · Bron: synthetische demodata"
    std::string note;     // shown instead of classes when the level has no data, else empty
    bool dutch = true;    // number format
    bool percent = false; // class edges are percentages (a change map): signed, with %
    std::string no_data_label; // replaces "geen gegevens" where no value has a meaning of its own
    // One band along the bottom, the classes side by side (wrapping when they do not fit), for
    // the side-by-side compare: under two narrow maps a column of rows would take half of one
    // map. Without the per-class counts (a band is read at a glance; the tooltip has values).
    bool strip = false;
};

struct LegendRect {
    ImVec2 min, max;
};

// Returns the legend's rectangle (min == max when nothing was drawn). Rows: in the bottom-right
// corner; a strip: centred along the bottom edge.
LegendRect DrawMapLegend(ImDrawList* draw, ImVec2 map_min, ImVec2 map_max, float scale, ImFont* heading,
                     const core::Choropleth& map, const MapLegendText& text);

} // namespace vak::ui
