// Two measures per region as points (e.g. pupil decline against vacancy density), with
// quadrant lines at given values (the national figures), labels for the selected and hovered
// points and for the most extreme ones where they do not overlap, a hover read-out, and a click
// that returns the point. Points with an unknown measure are not drawn; a note counts them.
#pragma once

#include "ui/charts/chart_axes.hpp"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace vak::ui::charts {

struct ScatterPoint {
    std::string label;
    double x = kUnknown;
    double y = kUnknown;
    bool selected = false;
};

struct ScatterChartData {
    std::vector<ScatterPoint> points;
    std::string x_title; // measure names, with their unit
    std::string y_title;
    core::NumberFormat x_format;
    core::NumberFormat y_format;
    double quadrant_x = kUnknown; // kUnknown: no line
    double quadrant_y = kUnknown;
    std::string quadrant_x_label; // "landelijk": at the vertical line
    std::string quadrant_y_label; // "gemiddelde regio": at the horizontal line
    int extreme_labels = 6;       // how many extreme points may get a label
    Language language = Language::Dutch;
};

struct ScatterChartResult {
    std::optional<int> hovered_point; // index into ScatterChartData::points
    std::optional<int> clicked_point;
    std::vector<int> labelled_points; // which points got a label this frame
    int unknown_points = 0;           // not drawn: x or y unknown
    PixelRect plot;
    LinearScale x;
    LinearScale y;
};

// `size` <= 0 takes the available width / 16 lines of text.
ScatterChartResult DrawScatterChart(const char* id, const ScatterChartData& data, ImVec2 size = ImVec2(0, 0));

// [SECTION] The parts the chart is computed from (no ImGui needed)

// Points to label when there is room, most important first: the most extreme points (furthest
// from the median point, in units of each axis's spread), at most `count`.
std::vector<int> ExtremePoints(std::span<const ScatterPoint> points, int count);

} // namespace vak::ui::charts
