#include "ui/charts/table_view.hpp"

#include "core/text/utf8.hpp"
#include "ui/charts/time_series_chart.hpp"

#include <algorithm>
#include <numeric>

namespace vak::ui::charts {

// [SECTION] Computation

double SparklineChange(std::span<const double> values)
{
    const auto first = std::find_if(values.begin(), values.end(), IsKnown);
    const auto last = std::find_if(values.rbegin(), values.rend(), IsKnown);
    if (first == values.end() || first == last.base() - 1 || *first == 0.0)
        return kUnknown;
    return (*last - *first) / std::fabs(*first) * 100.0;
}

std::vector<int> TableRowOrder(const TableViewData& data, TableSort sort)
{
    std::vector<int> order(data.rows.size());
    std::iota(order.begin(), order.end(), 0);
    const int number_count = static_cast<int>(data.number_columns.size());
    if (sort.column <= 0) {
        // Names compared without case, accents and punctuation ("'s-Hertogenbosch" under h).
        std::vector<std::string> keys(data.rows.size());
        for (std::size_t i = 0; i < data.rows.size(); ++i)
            keys[i] = core::RegionNameKey(data.rows[i].label);
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
            const std::string& ka = keys[static_cast<std::size_t>(a)];
            const std::string& kb = keys[static_cast<std::size_t>(b)];
            return sort.descending ? kb < ka : ka < kb;
        });
        return order;
    }
    std::vector<double> keys(data.rows.size(), kUnknown);
    for (std::size_t i = 0; i < data.rows.size(); ++i) {
        const TableRow& row = data.rows[i];
        if (sort.column <= number_count) {
            const std::size_t k = static_cast<std::size_t>(sort.column - 1);
            keys[i] = k < row.numbers.size() ? row.numbers[k] : kUnknown;
        } else {
            keys[i] = SparklineChange(row.sparkline);
        }
    }
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        const double ka = keys[static_cast<std::size_t>(a)];
        const double kb = keys[static_cast<std::size_t>(b)];
        if (!IsKnown(ka) || !IsKnown(kb))
            return IsKnown(ka) && !IsKnown(kb); // unknown last in both directions
        return sort.descending ? ka > kb : ka < kb;
    });
    return order;
}

// [SECTION] Drawing

namespace {

void DrawSparkline(ImDrawList* dl, const PixelRect& cell, const TableRow& row, const ChartColors& c,
                   const ChartMetrics& m)
{
    double low = kUnknown;
    double high = kUnknown;
    for (double v : row.sparkline)
        if (IsKnown(v)) {
            low = IsKnown(low) ? std::min(low, v) : v;
            high = IsKnown(high) ? std::max(high, v) : v;
        }
    if (!IsKnown(low))
        return;
    if (high == low) { // a flat line in the middle, not at the bottom
        low -= 1.0;
        high += 1.0;
    }
    // Each row scaled to its own range: the shape (decline, growth) is what a sparkline shows.
    const float inset = m.point_radius;
    const int count = static_cast<int>(row.sparkline.size());
    const LinearScale x(0, std::max(1, count - 1), cell.min.x + inset, cell.max.x - inset);
    const LinearScale y(low, high, cell.max.y - inset, cell.min.y + inset);
    const ImU32 color = c.bar; // not dimmed by a selection: the row background marks it
    const float thickness = std::max(1.0f, m.line * 0.75f);
    const SeriesGeometry geometry = BuildSeriesGeometry(row.sparkline, row.sparkline_forecast_from, x, y);
    for (const SeriesGeometry::Run& run : geometry.runs) {
        if (run.forecast)
            AddDashedPolyline(dl, run.points, color, thickness, m.font * 0.3f, m.font * 0.2f);
        else
            dl->AddPolyline(run.points.data(), static_cast<int>(run.points.size()), color, ImDrawFlags_None, thickness);
    }
    for (const ImVec2& p : geometry.lone_points)
        dl->AddCircleFilled(p, thickness * 1.2f, color, 8);
    // The latest known value as a dot: where the region stands now.
    for (int i = count - 1; i >= 0; --i)
        if (IsKnown(row.sparkline[static_cast<std::size_t>(i)])) {
            dl->AddCircleFilled(ImVec2(x.ToPixel(i), y.ToPixel(row.sparkline[static_cast<std::size_t>(i)])),
                                thickness * 1.6f, color, 12);
            break;
        }
}

void RightAlignedText(const std::string& text, ImU32 color)
{
    const float width = TextSize(text).x;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, ImGui::GetContentRegionAvail().x - width));
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopStyleColor();
}

} // namespace

TableViewResult DrawTableView(const char* id, const TableViewData& data, ImVec2 size, TableSort initial_sort)
{
    const ChartMetrics m = CurrentChartMetrics();
    const ChartColors c = CurrentChartColors();
    const core::NumberLocale locale = NumberLocaleFor(data.language);
    const int number_count = static_cast<int>(data.number_columns.size());
    const bool with_sparkline = !data.sparkline_header.empty();
    const int column_count = 1 + number_count + (with_sparkline ? 1 : 0);

    TableViewResult result;
    result.sort = initial_sort;
    const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_BordersOuter | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_PadOuterX;
    // Rows a little taller than ImGui's default: a table on a projector is read from afar.
    const ImVec2 cell_padding(m.font * 0.4f, m.font * 0.22f);
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, cell_padding);
    const bool visible = ImGui::BeginTable(id, column_count, flags, ImVec2(size.x, std::max(0.0f, size.y)));
    ImGui::PopStyleVar(); // the table keeps the padding it began with
    if (!visible) {
        result.row_order = TableRowOrder(data, result.sort);
        return result;
    }
    ImGui::TableSetupScrollFreeze(0, 1); // the header stays while the rows scroll

    // Column widths fit the widest number (formatted) or the header plus its sort arrow.
    const float arrow_room = m.font * 1.2f;
    auto sort_flags = [&](int column) {
        ImGuiTableColumnFlags f = column == 0 ? ImGuiTableColumnFlags_PreferSortAscending
                                              : ImGuiTableColumnFlags_PreferSortDescending;
        if (column == initial_sort.column) {
            // ImGui starts a default sort in the column's preferred direction: make it the asked one.
            f &= ~(ImGuiTableColumnFlags_PreferSortAscending | ImGuiTableColumnFlags_PreferSortDescending);
            f |= ImGuiTableColumnFlags_DefaultSort | (initial_sort.descending ? ImGuiTableColumnFlags_PreferSortDescending
                                                                              : ImGuiTableColumnFlags_PreferSortAscending);
        }
        return f;
    };
    // Names keep a readable width (up to 12 em, the longest name if shorter); the sparklines
    // take what is left, so a narrow panel squeezes the trend, not the names.
    float label_width = TextSize(data.label_header).x + arrow_room;
    for (const TableRow& row : data.rows)
        label_width = std::max(label_width, TextSize(row.label).x);
    const float table_width = ImGui::GetContentRegionAvail().x; // inside the table: its width
    label_width = std::clamp(label_width, m.font * 5.0f, std::max(m.font * 5.0f, std::min(m.font * 12.0f, table_width * 0.36f)));
    ImGui::TableSetupColumn(data.label_header.c_str(),
                            (with_sparkline ? ImGuiTableColumnFlags_WidthFixed : ImGuiTableColumnFlags_WidthStretch) |
                                sort_flags(0),
                            with_sparkline ? label_width : 0.0f, 0);
    std::vector<std::vector<std::string>> texts(data.rows.size(), std::vector<std::string>(static_cast<std::size_t>(number_count)));
    for (int k = 0; k < number_count; ++k) {
        const TableNumberColumn& column = data.number_columns[static_cast<std::size_t>(k)];
        float width = TextSize(column.header).x + arrow_room;
        for (std::size_t r = 0; r < data.rows.size(); ++r) {
            const TableRow& row = data.rows[r];
            const double v = static_cast<std::size_t>(k) < row.numbers.size() ? row.numbers[static_cast<std::size_t>(k)] : kUnknown;
            texts[r][static_cast<std::size_t>(k)] =
                IsKnown(v) ? core::FormatValue(v, column.format, locale) : TrIn(TextId::chart_unknown, data.language);
            width = std::max(width, TextSize(texts[r][static_cast<std::size_t>(k)]).x);
        }
        ImGui::TableSetupColumn(column.header.c_str(), ImGuiTableColumnFlags_WidthFixed | sort_flags(k + 1), width,
                                static_cast<ImGuiID>(k + 1));
    }
    if (with_sparkline)
        ImGui::TableSetupColumn(data.sparkline_header.c_str(),
                                ImGuiTableColumnFlags_WidthStretch | sort_flags(number_count + 1), 1.0f,
                                static_cast<ImGuiID>(number_count + 1));
    // The header row by hand (as TableHeadersRow does it) to learn where each header is.
    result.header_rects.assign(static_cast<std::size_t>(column_count), PixelRect{});
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int column = 0; column < column_count; ++column) {
        if (!ImGui::TableSetColumnIndex(column))
            continue;
        ImGui::PushID(column);
        ImGui::TableHeader(ImGui::TableGetColumnName(column));
        result.header_rects[static_cast<std::size_t>(column)] = {ImGui::GetItemRectMin(), ImGui::GetItemRectMax()};
        ImGui::PopID();
    }

    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs()) {
        if (specs->SpecsCount > 0) {
            result.sort.column = specs->Specs[0].ColumnIndex;
            result.sort.descending = specs->Specs[0].SortDirection == ImGuiSortDirection_Descending;
        }
        specs->SpecsDirty = false; // the order is recomputed every frame from the spec
    }
    result.row_order = TableRowOrder(data, result.sort);

    const float row_height = ImGui::GetTextLineHeight(); // the cell padding gives the rows air
    ImGuiListClipper clipper; // only the visible rows are drawn: 345 municipalities scroll freely
    clipper.Begin(static_cast<int>(result.row_order.size()), row_height + cell_padding.y * 2.0f);
    while (clipper.Step()) {
        for (int line = clipper.DisplayStart; line < clipper.DisplayEnd; ++line) {
            const int index = result.row_order[static_cast<std::size_t>(line)];
            const TableRow& row = data.rows[static_cast<std::size_t>(index)];
            ImGui::TableNextRow(ImGuiTableRowFlags_None, row_height);
            ImGui::PushID(index);
            ImGui::TableSetColumnIndex(0);
            // An empty selectable spanning the row takes the click; the name is plain text, so
            // names with '#' in them stay as they are.
            if (ImGui::Selectable("##row", row.selected,
                                  ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap,
                                  ImVec2(0.0f, row_height)))
                result.clicked_row = index;
            if (ImGui::IsItemHovered())
                result.hovered_row = index;
            ImGui::SameLine(0.0f, 0.0f);
            ImGui::TextUnformatted(row.label.c_str());
            for (int k = 0; k < number_count; ++k) {
                ImGui::TableSetColumnIndex(k + 1);
                const double v = static_cast<std::size_t>(k) < row.numbers.size() ? row.numbers[static_cast<std::size_t>(k)] : kUnknown;
                RightAlignedText(texts[static_cast<std::size_t>(index)][static_cast<std::size_t>(k)],
                                 IsKnown(v) ? c.text : c.muted_text);
            }
            if (with_sparkline) {
                ImGui::TableSetColumnIndex(number_count + 1);
                const ImVec2 at = ImGui::GetCursorScreenPos();
                const float width = ImGui::GetContentRegionAvail().x;
                DrawSparkline(ImGui::GetWindowDrawList(), {at, ImVec2(at.x + width, at.y + row_height)}, row, c, m);
                ImGui::Dummy(ImVec2(width, row_height));
            }
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
    return result;
}

} // namespace vak::ui::charts
