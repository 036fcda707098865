// A sortable table of regions: a name column, number columns (right-aligned, localised) and an
// optional sparkline column drawn in the cell. Clicking a header sorts by it (again: the other
// way round); unknown numbers are written "onbekend" and sort last in both directions. ImGui
// keeps the sort state with the table's ID; the widget keeps nothing.
#pragma once

#include "ui/charts/chart_axes.hpp"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace vak::ui::charts {

struct TableNumberColumn {
    std::string header;
    core::NumberFormat format;
};

struct TableRow {
    std::string label;
    std::vector<double> numbers;   // one per number column; kUnknown where unknown
    std::vector<double> sparkline; // values over the years; kUnknown breaks the line
    int sparkline_forecast_from = -1;
    bool selected = false;
};

struct TableViewData {
    std::string label_header;                  // "Regio"
    std::vector<TableNumberColumn> number_columns;
    std::string sparkline_header;              // empty: no sparkline column
    std::vector<TableRow> rows;
    Language language = Language::Dutch;
};

// Which column the rows are sorted by: 0 the labels, 1..n the number columns, n+1 the
// sparklines (by their change from the first to the last known value).
struct TableSort {
    int column = 0;
    bool descending = false;

    bool operator==(const TableSort&) const = default;
};

struct TableViewResult {
    std::optional<int> hovered_row; // index into TableViewData::rows
    std::optional<int> clicked_row;
    TableSort sort;
    std::vector<int> row_order; // row index per displayed line, top to bottom
    std::vector<PixelRect> header_rects; // per column, for tooltips on headers and tests
};

// `size.y` <= 0: the table takes the remaining height of the window (rows scroll, the header
// stays). `initial_sort` applies until the user clicks a header.
TableViewResult DrawTableView(const char* id, const TableViewData& data, ImVec2 size = ImVec2(0, 0),
                              TableSort initial_sort = {1, true});

// [SECTION] The parts the table is computed from (no ImGui needed)

// Relative change from the first to the last known value, in percent; unknown with fewer than
// two known values or a first value of 0.
double SparklineChange(std::span<const double> values);
// Row indices in display order for `sort` (stable; unknown values last either way).
std::vector<int> TableRowOrder(const TableViewData& data, TableSort sort);

} // namespace vak::ui::charts
