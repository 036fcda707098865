// The data of the charts panel's charts, built from the dashboard's state in one place: the
// charts panel draws it and the SVG export (ui/session_exports) writes it, so an exported chart
// holds the numbers, index mode, periods and lines the panel shows (issue 8).
//
// Build* functions only compute: no ImGui calls, so the exporter can build outside a frame.
// Texts come in `language`, as the panel's headings.
#pragma once

#include "core/dashboard/region_value.hpp"
#include "ui/charts/bar_chart.hpp"
#include "ui/charts/scatter_chart.hpp"
#include "ui/charts/time_series_chart.hpp"
#include "ui/texts/texts.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace vak::core {
class DashboardModel;
class Workspace;
} // namespace vak::core

namespace vak::ui {
class ThemeController;
} // namespace vak::ui

namespace vak::ui::charts {

// What the charts panel lets its user choose that changes what a chart shows. The panel keeps
// it (ChartsPanel::Choices); the exporter asks the panel for it.
struct ChartChoices {
    bool index_mode = true; // krimp is about relative change: regions of any size compare
};

// More lines than the national one plus this many regions stop being readable.
inline constexpr std::size_t kMaxRegionLines = 6;

// The time chart: the national line, up to kMaxRegionLines selected regions of the active level,
// and the Krimp theme's leading indicator (primary-school pupils, dash-dot) when its table is
// loaded. In index mode the base is where the map's change starts (both answer "since when"),
// else the first period; the current period is marked unless a change is shown, which is the
// brushed band instead.
struct TimeChart {
    std::optional<TextId> unavailable; // set: no chart (the periods are not an even time axis)
    std::string title;
    TimeSeriesData data;
    std::size_t regions_left_out = 0; // selected regions beyond kMaxRegionLines
};
// `themes` is not const: it keeps the leading indicator between frames.
TimeChart BuildTimeChart(const core::DashboardModel& model, const core::Workspace& workspace, ThemeController& themes,
                         const ChartChoices& choices, Language language);

// The bars: the measure per category of the table's bar dimension in the map's period.
struct BarsChart {
    std::optional<TextId> unavailable; // set: the table has no such dimension
    std::string title;                 // "<measure> per <dimension>"
    std::string period;                // the map's period, beside the title; empty without one
    BarChartData data;
};
BarsChart BuildBarsChart(const core::DashboardModel& model, Language language);

// A value as the charts draw it: its number when known, else kUnknown (never 0: a suppressed
// count is no measurement); Plotted does so for a series.
double KnownOrUnknown(const core::RegionValue& value);
std::vector<double> Plotted(const std::vector<core::RegionValue>& values);

// Per feature of the active level (in layer order), its values in Periods() order: built once
// and shared by the scatter and the region table. Empty without an active level.
using RegionSeries = std::vector<std::vector<core::RegionValue>>;
RegionSeries BuildRegionSeries(const core::DashboardModel& model, const core::Workspace& workspace);

// Each region's change against its size in the later period, from the map's change (or the
// first period to the map's), with the national change and the average region as quadrant lines.
struct ScatterChart {
    std::optional<TextId> unavailable; // set: no level, or no two periods to compare
    std::string title;
    ScatterChartData data;
};
// `region_series`: BuildRegionSeries of the same state. `periods` (indices into the model's
// periods): the two to compare instead, the side-by-side compare's while the map shows one.
ScatterChart BuildChangeSizeScatter(const core::DashboardModel& model, const core::Workspace& workspace,
                                    const RegionSeries& region_series, Language language,
                                    std::optional<std::pair<int, int>> periods = std::nullopt);

} // namespace vak::ui::charts
