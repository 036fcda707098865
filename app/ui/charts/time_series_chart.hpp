// Lines over periods (years, or quarters as CBS publishes vacancies): one per series (selected
// regions), a reference line (the national figure) drawn dark and thick, history solid and
// forecast dashed, optionally as an index (base period = 100) computed here from the raw
// values. Unknown values break the line; they never drop it to 0. Hovering shows every series'
// value in the nearest period; dragging across the chart brushes a period range; a click picks
// a period; a double click clears the brush.
//
// The x axis is the period's position (0, 1, 2 ...), so quarters and years share one code path;
// labels name whole years, on the year's first period.
#pragma once

#include "core/data/period.hpp"
#include "ui/charts/chart_axes.hpp"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace vak::ui::charts {

// Positions into TimeSeriesData::periods.
struct PeriodRange {
    int first = 0;
    int last = 0; // inclusive, >= first

    bool operator==(const PeriodRange&) const = default;
};

// How a series' measured (history) part is drawn; a forecast part is dashed whatever this says.
enum class LinePattern {
    Solid,
    DashDot, // a line of another kind than the measured ones: the Krimp theme's leading indicator
};

struct TimeSeries {
    std::string name;           // legend and read-out
    std::vector<double> values; // one per period of TimeSeriesData::periods; kUnknown where unknown
    int forecast_from = -1;     // index of the first forecast value; -1: all history
    bool is_reference = false;  // the national line: dark, thick, drawn under the others
    LinePattern pattern = LinePattern::Solid; // on screen, in the legend and in the SVG alike
};

struct TimeSeriesData {
    std::vector<core::Period> periods; // in order, without gaps; the x axis
    std::vector<TimeSeries> series;
    core::NumberFormat format;             // raw values in read-outs; the axis follows its style
    std::string unit;                      // y axis title ("leerlingen"); replaced in index mode
    bool index_mode = false;               // each series / its value in the base period * 100
    int index_base = 0;                    // position of the base period
    bool y_from_zero = false;              // counts that must not look dramatic: start at 0
    std::optional<int> current_period;     // marker line
    std::optional<PeriodRange> selected_periods; // the brush from earlier frames, drawn as a band
    Language language = Language::Dutch;
};

struct TimeSeriesResult {
    bool hovered = false;
    std::optional<int> hovered_period;
    std::optional<int> hovered_series;  // from the legend: that line is highlighted
    std::optional<int> clicked_period;  // a click without a drag
    std::optional<PeriodRange> brushing; // while the drag is on
    std::optional<PeriodRange> brushed;  // the drag ended this frame: the new range
    bool brush_cleared = false;         // double click
    PixelRect plot;                     // where the lines are, for overlays and tests
    LinearScale x;                      // period position <-> pixel
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
SeriesGeometry BuildSeriesGeometry(std::span<const double> values, int forecast_from, const LinearScale& x,
                                   const LinearScale& y);

// Consecutive periods from their labels ("2010" ... "2040", "2019KW1" ... "2025KW4"), or an
// empty vector when a label is not a period, the kinds are mixed or a period is missing: the
// chart needs an even time axis.
std::vector<core::Period> ConsecutivePeriods(std::span<const std::string> labels);

// The positions `a` and `b` in order, clamped to 0 .. count - 1.
PeriodRange OrderedPeriodRange(int a, int b, int count);

} // namespace vak::ui::charts
