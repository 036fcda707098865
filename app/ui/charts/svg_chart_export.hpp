// The dashboard's charts as SVG files for reports: the time chart, the bar chart and the scatter,
// from the same data structures the charts panel draws (TimeSeriesData, BarChartData,
// ScatterChartData), with the title, round axis ticks in the locale (core::NiceTicks,
// core::FormatAxisTick), the unit as axis title, a legend and the source line under the chart.
// Every data point is one mark carrying its value in a data- attribute (shortest round-trip
// text), so a report's reader or a script can check the numbers: a circle per known value of a
// line, a rect per bar, a circle per scatter point. Unknown values ("<5", missing) get no mark
// on a line or in the scatter, and a grey, labelled "onbekend" bar in the bar chart.
//
// The time chart draws what DrawTimeSeriesChart draws from the same data: in index mode each
// line against its base period (a circle's data-value is the measured value, data-index the
// index it is drawn at; the axis says "index (<base> = 100)", a base line at 100), the forecast
// band and dashes, the brushed periods as a band, the current period's marker, and each line's
// pattern (LinePattern::DashDot as stroke-dasharray) in the plot and in the legend.
//
// Pure text: no ImGui drawing, no GL, no GDAL.
#pragma once

#include "ui/charts/bar_chart.hpp"
#include "ui/charts/scatter_chart.hpp"
#include "ui/charts/time_series_chart.hpp"

#include <filesystem>
#include <string>

namespace vak::ui::charts {

// What every exported chart carries besides its plot.
struct SvgFrame {
    std::string title;  // as the chart's heading on screen
    std::string source; // "Bron: …" (and "synthetische demodata" where it applies)
    int width = 900;
    int height = 540;
};

std::string TimeSeriesSvg(const TimeSeriesData& data, const SvgFrame& frame);
std::string BarChartSvg(const BarChartData& data, const SvgFrame& frame);
std::string ScatterSvg(const ScatterChartData& data, const SvgFrame& frame);

// Writes `svg` atomically (temporary sibling, then rename). Throws core::InputError naming the
// file and the problem.
void WriteSvgFile(const std::string& svg, const std::filesystem::path& path);

} // namespace vak::ui::charts
