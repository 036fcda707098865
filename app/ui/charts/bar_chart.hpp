// Horizontal bars, one row per item (sector, region, programme): labels on the left, the value
// at the end of each bar with thousands separators, optionally sorted, stacked (or grouped)
// when an item has several parts. An unknown value is a short hatched grey "onbekend" bar,
// never a bar of length 0. A click on a row returns its item (for filtering); selected items
// are drawn strong and the others pale.
#pragma once

#include "ui/charts/chart_axes.hpp"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace vak::ui::charts {

struct BarItem {
    std::string label;
    std::vector<double> values; // one per part (BarChartData::part_names); kUnknown where unknown
    bool selected = false;
};

enum class BarOrder { AsGiven, Descending, Ascending };

struct BarChartData {
    std::vector<BarItem> items;
    std::vector<std::string> part_names; // legend when items have several parts
    bool stacked = true;                 // several parts: stacked (true) or side by side
    BarOrder order = BarOrder::Descending;
    core::NumberFormat format;
    double reference_value = kUnknown;   // e.g. the national average: a dashed line
    std::string reference_label;
    Language language = Language::Dutch;
};

struct BarChartResult {
    std::optional<int> hovered_item; // index into BarChartData::items
    std::optional<int> clicked_item;
    std::vector<int> row_order;      // item index per row, top to bottom
    std::vector<PixelRect> row_rects; // per item (data order): the row's full width
    PixelRect plot;
    LinearScale x;
};

// `size.y` <= 0: as tall as the rows need; otherwise the rows share that height (within
// readable limits: more rows than fit make the chart taller, for the caller to scroll).
BarChartResult DrawBarChart(const char* id, const BarChartData& data, ImVec2 size = ImVec2(0, 0));

// [SECTION] The parts the chart is computed from (no ImGui needed)

// The bar's total: the sum of its parts; unknown when any part is unknown or there are none.
double BarTotal(const BarItem& item);
// Item indices in drawing order: by total (stable for equal totals), unknown totals last.
std::vector<int> BarRowOrder(std::span<const BarItem> items, BarOrder order);

} // namespace vak::ui::charts
