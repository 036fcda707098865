// Lines over years: one per series (selected regions), a reference line (the national figure)
// drawn dark and thick, history solid and forecast dashed, optionally as an index (base year
// = 100) computed here from the raw values. Unknown values break the line; they never drop it
// to 0. Hovering shows every series' value in the nearest year; dragging across the chart
// brushes a year range; a click picks a year; a double click clears the brush.
#pragma once

#include "ui/charts/chart_axes.hpp"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace vak::ui::charts {

struct YearRange {
    int first = 0;
    int last = 0; // inclusive, >= first

    bool operator==(const YearRange&) const = default;
};

struct TimeSeries {
    std::string name;           // legend and read-out
    std::vector<double> values; // one per year from TimeSeriesData::first_year; kUnknown where unknown
    int forecast_from = -1;     // index of the first forecast value; -1: all history
    bool is_reference = false;  // the national line: dark, thick, drawn under the others
};

struct TimeSeriesData {
    int first_year = 0;
    std::vector<TimeSeries> series;
    core::NumberFormat format;             // raw values in read-outs; the axis follows its style
    std::string unit;                      // y axis title ("leerlingen"); replaced in index mode
    bool index_mode = false;               // each series / its value in index_base_year * 100
    int index_base_year = 0;
    bool y_from_zero = false;              // counts that must not look dramatic: start at 0
    std::optional<int> current_year;       // marker line
    std::optional<YearRange> selected_years; // the brush from earlier frames, drawn as a band
    Language language = Language::Dutch;
};

struct TimeSeriesResult {
    bool hovered = false;
    std::optional<int> hovered_year;
    std::optional<int> hovered_series;  // from the legend: that line is highlighted
    std::optional<int> clicked_year;    // a click without a drag
    std::optional<YearRange> brushing;  // while the drag is on
    std::optional<YearRange> brushed;   // the drag ended this frame: the new range
    bool brush_cleared = false;         // double click
    PixelRect plot;                     // where the lines are, for overlays and tests
    LinearScale x;                      // year <-> pixel
    LinearScale y;                      // plotted value (index in index mode) <-> pixel
};

// Draws the chart at the cursor. `size` <= 0 takes the available width / 14 lines of text.
TimeSeriesResult DrawTimeSeriesChart(const char* id, const TimeSeriesData& data, ImVec2 size = ImVec2(0, 0));

// [SECTION] The parts the chart is computed from (no ImGui needed)

// values[i] / values[base_index] * 100; all unknown when the base value is unknown or 0.
std::vector<double> ComputeIndexValues(std::span<const double> values, int base_index);

// What one series draws: polylines through runs of known values, each either history or
// forecast (the segment into the first forecast value is forecast), and the known values
// that have no known neighbour (drawn as dots, or they would vanish).
struct SeriesGeometry {
    struct Run {
        std::vector<ImVec2> points;
        bool forecast = false;
    };
    std::vector<Run> runs;
    std::vector<ImVec2> lone_points;
    std::vector<bool> lone_forecast;
};

// `values` are the plotted values (after ComputeIndexValues in index mode).
SeriesGeometry BuildSeriesGeometry(std::span<const double> values, int forecast_from, int first_year,
                                   const LinearScale& x, const LinearScale& y);

// The years `a` and `b` in order, clamped to the chart's years.
YearRange OrderedYearRange(int a, int b, int first_year, int last_year);

} // namespace vak::ui::charts
