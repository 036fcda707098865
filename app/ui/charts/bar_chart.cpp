#include "ui/charts/bar_chart.hpp"

#include <algorithm>
#include <numeric>

namespace vak::ui::charts {

// [SECTION] Computation

double BarTotal(const BarItem& item)
{
    if (item.values.empty())
        return kUnknown;
    double total = 0.0;
    for (double v : item.values) {
        if (!IsKnown(v))
            return kUnknown;
        total += v;
    }
    return total;
}

std::vector<int> BarRowOrder(std::span<const BarItem> items, BarOrder order)
{
    std::vector<int> rows(items.size());
    std::iota(rows.begin(), rows.end(), 0);
    if (order == BarOrder::AsGiven)
        return rows;
    std::vector<double> totals(items.size());
    for (std::size_t i = 0; i < items.size(); ++i)
        totals[i] = BarTotal(items[i]);
    std::stable_sort(rows.begin(), rows.end(), [&](int a, int b) {
        const double ta = totals[static_cast<std::size_t>(a)];
        const double tb = totals[static_cast<std::size_t>(b)];
        if (!IsKnown(ta) || !IsKnown(tb))
            return IsKnown(ta) && !IsKnown(tb); // unknown last, whatever the direction
        return order == BarOrder::Descending ? ta > tb : ta < tb;
    });
    return rows;
}

// [SECTION] Drawing

namespace {

int PartCount(const BarChartData& data)
{
    std::size_t parts = 1;
    for (const BarItem& item : data.items)
        parts = std::max(parts, item.values.size());
    return static_cast<int>(parts);
}

ImU32 PartColor(const ChartColors& c, int part, int part_count)
{
    return part_count == 1 ? c.bar : SeriesColor(part);
}

// The value text at the end of a bar: the total (stacked) or the value; "+ onbekend" when
// some known parts are drawn but others are unknown.
std::string EndLabel(const std::vector<double>& values, const core::NumberFormat& format, core::NumberLocale locale,
                     Language language)
{
    double known_sum = 0.0;
    bool any_known = false;
    bool any_unknown = values.empty();
    for (double v : values) {
        if (IsKnown(v)) {
            known_sum += v;
            any_known = true;
        } else {
            any_unknown = true;
        }
    }
    if (!any_known)
        return TrIn(TextId::chart_unknown, language);
    std::string text = core::FormatValue(known_sum, format, locale);
    if (any_unknown)
        text += std::string(" ") + TrIn(TextId::chart_partly_unknown, language);
    return text;
}

} // namespace

BarChartResult DrawBarChart(const char* id, const BarChartData& data, ImVec2 size)
{
    const ChartMetrics m = CurrentChartMetrics();
    const ChartColors c = CurrentChartColors();
    const core::NumberLocale locale = NumberLocaleFor(data.language);
    const int part_count = PartCount(data);
    const bool stacked = data.stacked || part_count == 1;
    const int item_count = static_cast<int>(data.items.size());

    BarChartResult result;
    result.row_order = BarRowOrder(data.items, data.order);

    // The value range: stacked parts pile up from 0 on either side; grouped ones stand alone.
    double low = 0.0;
    double high = 0.0;
    bool any_selected = false;
    for (const BarItem& item : data.items) {
        any_selected = any_selected || item.selected;
        double positive = 0.0;
        double negative = 0.0;
        for (double v : item.values) {
            if (!IsKnown(v))
                continue;
            if (stacked)
                (v >= 0 ? positive : negative) += v;
            else
                low = std::min(low, v), high = std::max(high, v);
        }
        low = std::min(low, negative);
        high = std::max(high, positive);
    }
    if (IsKnown(data.reference_value)) {
        low = std::min(low, data.reference_value);
        high = std::max(high, data.reference_value);
    }

    std::vector<LegendEntry> legend;
    if (part_count > 1)
        for (int p = 0; p < part_count; ++p)
            legend.push_back({p < static_cast<int>(data.part_names.size()) ? data.part_names[static_cast<std::size_t>(p)]
                                                                           : std::string(),
                              PartColor(c, p, part_count), SwatchKind::Box, false});
    if (IsKnown(data.reference_value))
        legend.push_back({data.reference_label + ": " + core::FormatValue(data.reference_value, data.format, locale),
                          c.reference, SwatchKind::DashedLine, false});

    // Heights: legend, rows, axis labels. The legend needs the width, which the button fixes;
    // measure it against the width the button will get.
    const float width = size.x > 0.0f ? size.x : std::max(ImGui::GetContentRegionAvail().x, m.font * 8.0f);
    const float legend_height = legend.empty() ? 0.0f : LayoutLegend(legend, ImVec2(0, 0), width).height + m.pad * 0.5f;
    const float axis_height = m.font + m.label_gap + m.font * 0.2f;
    const float natural_row = m.font * 1.7f;
    float row_height = natural_row;
    if (size.y > 0.0f && item_count > 0)
        row_height = std::clamp((size.y - legend_height - axis_height) / static_cast<float>(item_count), m.font * 1.25f,
                                m.font * 2.4f);
    const float rows_height = row_height * static_cast<float>(std::max(1, item_count));
    const float height = legend_height + rows_height + axis_height;

    ChartArea area = BeginChartArea(id, ImVec2(width, height), height);
    ImDrawList* dl = area.draw_list;
    const PixelRect& rect = area.rect;
    const LegendLayout legend_layout = LayoutLegend(legend, rect.min, rect.Width());

    // Columns: labels | (values of negative bars) plot (values of positive bars).
    float label_width = 0.0f;
    float value_width = TextSize(TrIn(TextId::chart_unknown, data.language)).x;
    std::vector<std::string> end_labels(data.items.size());
    for (std::size_t i = 0; i < data.items.size(); ++i) {
        label_width = std::max(label_width, TextSize(data.items[i].label).x);
        if (stacked) {
            end_labels[i] = EndLabel(data.items[i].values, data.format, locale, data.language);
            value_width = std::max(value_width, TextSize(end_labels[i]).x);
        } else {
            for (double v : data.items[i].values)
                value_width = std::max(value_width, TextSize(core::FormatValue(v, data.format, locale)).x);
        }
    }
    label_width = std::min(label_width, rect.Width() * 0.38f);
    const float value_room = value_width + m.label_gap * 2.0f;
    PixelRect plot;
    plot.min = ImVec2(rect.min.x + label_width + m.pad + (low < 0.0 ? value_room : 0.0f), rect.min.y + legend_height);
    plot.max = ImVec2(rect.max.x - (high > 0.0 || low >= 0.0 ? value_room : m.pad), plot.min.y + rows_height);
    plot.max.x = std::max(plot.max.x, plot.min.x + m.font * 2.0f);
    const ValueAxis axis = BuildValueAxis(low, high, plot.Width(), m.font * 5.5f, data.format.style, locale);
    const LinearScale x(axis.min, axis.max, plot.min.x, plot.max.x);
    result.plot = plot;
    result.x = x;

    DrawLegend(dl, legend, legend_layout, area.mouse, false, c, m);
    DrawValueAxisBelow(dl, plot, axis, x, c, m);

    const float zero_x = std::round(x.ToPixel(0.0)) + 0.5f;
    const float bar_thickness = row_height * 0.66f;
    const float unknown_length = std::min(m.font * 2.5f, plot.Width() * 0.25f);
    result.row_rects.assign(data.items.size(), PixelRect{});
    // Value texts go on top of everything (the reference line passes behind them).
    struct ValueLabel {
        ImVec2 at;
        ImU32 color;
        std::string text;
    };
    std::vector<ValueLabel> value_labels;
    for (int row = 0; row < static_cast<int>(result.row_order.size()); ++row) {
        const int item_index = result.row_order[static_cast<std::size_t>(row)];
        const BarItem& item = data.items[static_cast<std::size_t>(item_index)];
        const float top = plot.min.y + row_height * static_cast<float>(row);
        const PixelRect row_rect{ImVec2(rect.min.x, top), ImVec2(rect.max.x, top + row_height)};
        result.row_rects[static_cast<std::size_t>(item_index)] = row_rect;
        const bool hovered = area.hovered && row_rect.Contains(area.mouse);
        if (hovered) {
            result.hovered_item = item_index;
            dl->AddRectFilled(row_rect.min, row_rect.max, ImGui::GetColorU32(ImGuiCol_FrameBg));
        }
        if (area.released && !area.dragged && row_rect.Contains(area.mouse))
            result.clicked_item = item_index;

        // Label, right-aligned against the bars.
        const std::string label = TruncateToWidth(item.label, label_width);
        const ImVec2 label_size = TextSize(label);
        dl->AddText(ImVec2(rect.min.x + label_width - label_size.x, top + (row_height - label_size.y) * 0.5f), c.text,
                    label.c_str());

        const bool dimmed = any_selected && !item.selected;
        const float bar_top = top + (row_height - bar_thickness) * 0.5f;
        const int parts = std::max(1, static_cast<int>(item.values.size()));
        float positive_end = zero_x; // where the next stacked part starts, each side of zero
        float negative_end = zero_x;
        bool any_known = false;
        bool any_unknown = item.values.empty();
        float drawn_left = plot.max.x; // extent of the known bars, for the selection outline
        float drawn_right = plot.min.x;
        for (int p = 0; p < parts; ++p) {
            const double v = p < static_cast<int>(item.values.size()) ? item.values[static_cast<std::size_t>(p)] : kUnknown;
            float y0 = bar_top;
            float y1 = bar_top + bar_thickness;
            if (!stacked) { // grouped: the row's bar height split between the parts
                const float part_height = bar_thickness / static_cast<float>(parts);
                y0 = bar_top + part_height * static_cast<float>(p);
                y1 = y0 + part_height - std::max(1.0f, m.font * 0.06f);
            }
            ImU32 color = PartColor(c, p, part_count);
            if (dimmed)
                color = part_count == 1 ? c.bar_dimmed : Lighten(color, 0.62f);
            if (!IsKnown(v)) {
                any_unknown = true;
                if (!stacked) {
                    AddHatchedRect(dl, {ImVec2(zero_x, y0), ImVec2(zero_x + unknown_length, y1)}, c.unknown_fill,
                                   c.unknown_hatch, m.font * 0.3f, m.hairline);
                    const char* text = TrIn(TextId::chart_unknown, data.language);
                    value_labels.push_back({ImVec2(zero_x + unknown_length + m.label_gap, (y0 + y1 - m.font) * 0.5f),
                                            c.muted_text, text});
                }
                continue;
            }
            any_known = true;
            float start = zero_x;
            float end = x.ToPixel(v);
            if (stacked) {
                float& side = v >= 0 ? positive_end : negative_end;
                start = side;
                end = side + (x.ToPixel(v) - zero_x);
                side = end;
            }
            dl->AddRectFilled(ImVec2(std::min(start, end), y0), ImVec2(std::max(start, end), y1), color);
            drawn_left = std::min(drawn_left, std::min(start, end));
            drawn_right = std::max(drawn_right, std::max(start, end));
            if (!stacked) {
                const std::string text = core::FormatValue(v, data.format, locale);
                const float text_w = TextSize(text).x;
                const float text_x = v >= 0 ? end + m.label_gap : end - m.label_gap - text_w;
                value_labels.push_back({ImVec2(text_x, (y0 + y1 - m.font) * 0.5f), dimmed ? c.muted_text : c.text, text});
            }
        }
        if (stacked) {
            float label_x = positive_end + m.label_gap;
            if (any_unknown) { // all or part unknown: a hatched stub after the known parts
                const float stub = any_known ? unknown_length * 0.5f : unknown_length;
                AddHatchedRect(dl, {ImVec2(positive_end, bar_top), ImVec2(positive_end + stub, bar_top + bar_thickness)},
                               c.unknown_fill, c.unknown_hatch, m.font * 0.3f, m.hairline);
                label_x = positive_end + stub + m.label_gap;
            }
            const std::string& text = end_labels[static_cast<std::size_t>(item_index)];
            const bool negative_total = any_known && !any_unknown && negative_end < zero_x && positive_end == zero_x;
            if (negative_total)
                label_x = negative_end - m.label_gap - TextSize(text).x;
            value_labels.push_back({ImVec2(label_x, bar_top + (bar_thickness - m.font) * 0.5f),
                                    any_known && !dimmed ? c.text : c.muted_text, text});
        }
        if (item.selected && drawn_right > drawn_left) // an outline: the selection reads in grey print too
            dl->AddRect(ImVec2(drawn_left, bar_top), ImVec2(drawn_right, bar_top + bar_thickness), c.selection_edge,
                        0.0f, ImDrawFlags_None, m.hairline * 1.5f);
    }
    // The zero line over the bars' starts, and the reference line over everything.
    dl->AddLine(ImVec2(zero_x, plot.min.y), ImVec2(zero_x, plot.max.y), c.axis, m.hairline);
    if (IsKnown(data.reference_value)) {
        const float rx = std::round(x.ToPixel(data.reference_value)) + 0.5f;
        const ImVec2 line[] = {ImVec2(rx, plot.min.y), ImVec2(rx, plot.max.y)};
        AddDashedPolyline(dl, line, c.reference, m.line, m.font * 0.4f, m.font * 0.25f);
    }
    for (const ValueLabel& label : value_labels)
        AddTextWithHalo(dl, label.at, label.color, label.text, c, m);

    if (result.hovered_item && !area.active) {
        const BarItem& item = data.items[static_cast<std::size_t>(*result.hovered_item)];
        std::vector<ReadoutRow> rows;
        if (part_count > 1) {
            for (int p = 0; p < part_count; ++p) {
                const double v = p < static_cast<int>(item.values.size()) ? item.values[static_cast<std::size_t>(p)] : kUnknown;
                rows.push_back({p < static_cast<int>(data.part_names.size()) ? data.part_names[static_cast<std::size_t>(p)]
                                                                             : std::string(),
                                IsKnown(v) ? core::FormatValue(v, data.format, locale)
                                           : TrIn(TextId::chart_unknown, data.language),
                                PartColor(c, p, part_count), SwatchKind::Box, false});
            }
        } else {
            const double v = item.values.empty() ? kUnknown : item.values.front();
            rows.push_back({"", IsKnown(v) ? core::FormatValue(v, data.format, locale)
                                           : TrIn(TextId::chart_unknown, data.language),
                            0, SwatchKind::Box, false});
        }
        DrawReadoutTooltip(item.label, rows);
    }
    return result;
}

} // namespace vak::ui::charts
