#include "ui/charts/chart_axes.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

namespace vak::ui::charts {

// [SECTION] Values and texts

core::NumberLocale NumberLocaleFor(Language language)
{
    return language == Language::English ? core::NumberLocale::English : core::NumberLocale::Dutch;
}

std::string PeriodLabel(const core::Period& period, Language language)
{
    if (period.quarter == 0)
        return std::to_string(period.year);
    char label[32];
    std::snprintf(label, sizeof label, TrIn(TextId::chart_quarter, language), period.year, period.quarter);
    return label;
}

// [SECTION] Geometry

float LinearScale::ToPixel(double value) const
{
    const double span = m_value1 - m_value0;
    if (span == 0.0)
        return 0.5f * (m_pixel0 + m_pixel1);
    return m_pixel0 + static_cast<float>((value - m_value0) / span) * (m_pixel1 - m_pixel0);
}

double LinearScale::ToValue(float pixel) const
{
    const float span = m_pixel1 - m_pixel0;
    if (span == 0.0f)
        return 0.5 * (m_value0 + m_value1);
    return m_value0 + static_cast<double>((pixel - m_pixel0) / span) * (m_value1 - m_value0);
}

// [SECTION] Colours and sizes

namespace {

ImVec4 Mix(const ImVec4& a, const ImVec4& b, float t)
{
    return ImVec4(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, a.z + (b.z - a.z) * t, a.w + (b.w - a.w) * t);
}

// Okabe & Ito (2008), "Color Universal Design": distinguishable with every common colour
// vision deficiency. Yellow and black are left out: yellow vanishes on white, black is the
// reference line's.
constexpr std::array<ImU32, 6> kSeriesColors = {
    IM_COL32(0, 114, 178, 255),   // blue
    IM_COL32(213, 94, 0, 255),    // vermillion
    IM_COL32(0, 158, 115, 255),   // bluish green
    IM_COL32(204, 121, 167, 255), // reddish purple
    IM_COL32(230, 159, 0, 255),   // orange
    IM_COL32(86, 180, 233, 255),  // sky blue
};

} // namespace

ImU32 SeriesColor(int index)
{
    const int n = static_cast<int>(kSeriesColors.size());
    return kSeriesColors[static_cast<std::size_t>(((index % n) + n) % n)];
}

ImU32 Lighten(ImU32 color, float amount)
{
    ImVec4 c = ImGui::ColorConvertU32ToFloat4(color);
    c = Mix(c, ImVec4(1, 1, 1, c.w), std::clamp(amount, 0.0f, 1.0f));
    return ImGui::ColorConvertFloat4ToU32(c);
}

ImU32 WithAlpha(ImU32 color, float alpha)
{
    ImVec4 c = ImGui::ColorConvertU32ToFloat4(color);
    c.w = std::clamp(alpha, 0.0f, 1.0f);
    return ImGui::ColorConvertFloat4ToU32(c);
}

ChartColors CurrentChartColors()
{
    const ImGuiStyle& style = ImGui::GetStyle();
    const ImVec4 text = style.Colors[ImGuiCol_Text];
    const ImVec4 disabled = style.Colors[ImGuiCol_TextDisabled];
    const ImVec4 border = style.Colors[ImGuiCol_Border];
    const ImU32 data_blue = SeriesColor(0);
    ChartColors c{};
    c.text = ImGui::ColorConvertFloat4ToU32(text);
    // Halfway between text and disabled text: tick labels must survive a washed-out projector.
    c.muted_text = ImGui::ColorConvertFloat4ToU32(Mix(text, disabled, 0.5f));
    c.axis = ImGui::ColorConvertFloat4ToU32(Mix(border, text, 0.35f));
    c.grid = ImGui::ColorConvertFloat4ToU32(ImVec4(border.x, border.y, border.z, border.w * 0.5f));
    c.background = ImGui::ColorConvertFloat4ToU32(style.Colors[ImGuiCol_WindowBg]);
    c.reference = IM_COL32(52, 57, 65, 255);
    c.bar = data_blue;
    c.bar_selected = data_blue;
    c.bar_dimmed = Lighten(data_blue, 0.62f);
    c.selection_edge = ImGui::ColorConvertFloat4ToU32(text);
    // The map's no-data grey (core/style NoDataColor, #c8c8c8) with darker hatching: unknown
    // looks the same on the map and in the charts.
    c.unknown_fill = IM_COL32(200, 200, 200, 255);
    c.unknown_hatch = IM_COL32(128, 128, 128, 255);
    c.brush_fill = WithAlpha(data_blue, 0.13f);
    c.brush_edge = WithAlpha(data_blue, 0.75f);
    c.hover_guide = ImGui::ColorConvertFloat4ToU32(ImVec4(text.x, text.y, text.z, 0.35f));
    c.marker = ImGui::ColorConvertFloat4ToU32(ImVec4(text.x, text.y, text.z, 0.7f));
    c.forecast_band = IM_COL32(0, 0, 0, 12);
    return c;
}

ChartMetrics CurrentChartMetrics()
{
    ChartMetrics m;
    m.font = ImGui::GetFontSize();
    m.line = std::max(1.5f, m.font * 0.125f);
    m.thick_line = std::max(2.5f, m.font * 0.2f);
    m.hairline = std::max(1.0f, m.font * 0.0625f);
    m.point_radius = std::max(3.0f, m.font * 0.28f);
    m.pad = m.font * 0.5f;
    m.label_gap = m.font * 0.4f;
    return m;
}

// [SECTION] The chart area

ChartArea BeginChartArea(const char* id, ImVec2 size, float default_height)
{
    const float font = ImGui::GetFontSize();
    const ImVec2 available = ImGui::GetContentRegionAvail();
    if (size.x <= 0.0f)
        size.x = std::max(available.x, font * 8.0f);
    if (size.y <= 0.0f)
        size.y = default_height;
    size.y = std::max(size.y, font * 4.0f);
    ImGui::InvisibleButton(id, size, ImGuiButtonFlags_MouseButtonLeft);

    const ImGuiIO& io = ImGui::GetIO();
    ChartArea area;
    area.rect = {ImGui::GetItemRectMin(), ImGui::GetItemRectMax()};
    area.draw_list = ImGui::GetWindowDrawList();
    area.mouse = io.MousePos;
    area.hovered = ImGui::IsItemHovered();
    area.active = ImGui::IsItemActive();
    area.released = ImGui::IsItemDeactivated();
    area.double_clicked = area.hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left);
    area.press_position = io.MouseClickedPos[ImGuiMouseButton_Left];
    const float drag_threshold = font * 0.4f; // a hand on a touchpad moves a little on a click
    area.dragged = (area.active || area.released) && (std::fabs(area.mouse.x - area.press_position.x) > drag_threshold ||
                                                      std::fabs(area.mouse.y - area.press_position.y) > drag_threshold);
    return area;
}

// [SECTION] Axes

ImVec2 TextSize(std::string_view text)
{
    return ImGui::CalcTextSize(text.data(), text.data() + text.size());
}

ValueAxis BuildValueAxis(double data_min, double data_max, float pixel_length, float tick_spacing,
                         core::NumberStyle style, core::NumberLocale locale)
{
    ValueAxis axis;
    if (!IsKnown(data_min) || !IsKnown(data_max)) {
        data_min = 0.0; // nothing known: an empty 0..1 frame rather than no frame
        data_max = 1.0;
    }
    const int target = std::clamp(static_cast<int>(pixel_length / std::max(1.0f, tick_spacing)) + 1, 2, 11);
    std::vector<double> ticks = core::NiceTicks(data_min, data_max, target);
    if (ticks.size() < 2)
        ticks = {data_min, data_max > data_min ? data_max : data_min + 1.0};
    axis.min = ticks.front();
    axis.max = ticks.back();
    axis.step = ticks[1] - ticks[0];
    const double max_abs = std::max(std::fabs(axis.min), std::fabs(axis.max));
    for (double value : ticks)
        axis.ticks.push_back({value, core::FormatAxisTick(value, axis.step, max_abs, style, locale)});
    return axis;
}

float WidestTickLabel(const ValueAxis& axis)
{
    float widest = 0.0f;
    for (const AxisTick& tick : axis.ticks)
        widest = std::max(widest, TextSize(tick.label).x);
    return widest;
}

void DrawValueAxisLeft(ImDrawList* draw_list, const PixelRect& plot, const ValueAxis& axis, const LinearScale& y,
                       const ChartColors& colors, const ChartMetrics& metrics)
{
    for (const AxisTick& tick : axis.ticks) {
        const float py = std::round(y.ToPixel(tick.value)) + 0.5f; // crisp one-pixel lines
        // The zero line is where bars start and changes turn: darker than the other gridlines.
        const ImU32 line = tick.value == 0.0 ? colors.axis : colors.grid;
        draw_list->AddLine(ImVec2(plot.min.x, py), ImVec2(plot.max.x, py), line, metrics.hairline);
        const ImVec2 size = TextSize(tick.label);
        draw_list->AddText(ImVec2(plot.min.x - metrics.label_gap - size.x, py - size.y * 0.5f), colors.muted_text,
                           tick.label.c_str());
    }
}

void DrawValueAxisBelow(ImDrawList* draw_list, const PixelRect& plot, const ValueAxis& axis, const LinearScale& x,
                        const ChartColors& colors, const ChartMetrics& metrics)
{
    const std::size_t n = axis.ticks.size();
    std::vector<float> centres(n);
    std::vector<float> widths(n);
    for (std::size_t i = 0; i < n; ++i) {
        centres[i] = std::round(x.ToPixel(axis.ticks[i].value)) + 0.5f;
        widths[i] = TextSize(axis.ticks[i].label).x;
    }
    // Write every `stride`-th label, the smallest stride at which neighbours keep a gap.
    std::size_t stride = 1;
    for (; stride < n; ++stride) {
        bool fits = true;
        for (std::size_t i = stride; i < n && fits; i += stride)
            fits = centres[i] - centres[i - stride] >= 0.5f * (widths[i] + widths[i - stride]) + metrics.font;
        if (fits)
            break;
    }
    for (std::size_t i = 0; i < n; ++i) {
        const AxisTick& tick = axis.ticks[i];
        const ImU32 line = tick.value == 0.0 ? colors.axis : colors.grid;
        draw_list->AddLine(ImVec2(centres[i], plot.min.y), ImVec2(centres[i], plot.max.y), line, metrics.hairline);
        if (i % stride == 0)
            draw_list->AddText(ImVec2(centres[i] - widths[i] * 0.5f, plot.max.y + metrics.label_gap), colors.muted_text,
                               tick.label.c_str());
    }
}

std::vector<int> YearTicks(int first_year, int last_year, float pixel_width, float label_width)
{
    if (first_year > last_year)
        std::swap(first_year, last_year);
    if (first_year == last_year)
        return {first_year};
    const float pixels_per_year = pixel_width / static_cast<float>(last_year - first_year);
    int step = 1;
    for (int decade = 1; decade <= 1000000; decade *= 10) {
        bool found = false;
        for (int factor : {1, 2, 5}) {
            step = factor * decade;
            if (pixels_per_year * static_cast<float>(step) >= label_width * 1.8f) {
                found = true;
                break;
            }
        }
        if (found)
            break;
    }
    std::vector<int> years;
    // Multiples of the step (2020, 2025, 2030), so the labels are round years.
    const int first_multiple = first_year % step == 0 ? first_year : first_year + (step - ((first_year % step) + step) % step);
    for (int year = first_multiple; year <= last_year; year += step)
        years.push_back(year);
    if (years.empty()) // a range shorter than one step: label its ends
        years = {first_year, last_year};
    return years;
}

std::vector<int> PeriodTicks(std::span<const core::Period> periods, float pixel_width, float label_width)
{
    if (periods.empty())
        return {};
    const int first_year = periods.front().year;
    const int last_year = periods.back().year;
    // Pixels per year from pixels per period: four quarters make a year.
    const float per_year = periods.size() > 1 ? pixel_width / static_cast<float>(periods.size() - 1) *
                                                    (periods.front().quarter != 0 ? 4.0f : 1.0f)
                                              : pixel_width;
    std::vector<int> ticks;
    for (int year : YearTicks(first_year, last_year, per_year * static_cast<float>(last_year - first_year), label_width))
        for (std::size_t i = 0; i < periods.size(); ++i)
            if (periods[i].year == year && periods[i].quarter <= 1) {
                ticks.push_back(static_cast<int>(i));
                break;
            }
    if (ticks.empty()) // a part of one year only: label its first period
        ticks.push_back(0);
    return ticks;
}

void DrawPeriodAxisBelow(ImDrawList* draw_list, const PixelRect& plot, std::span<const core::Period> periods,
                         std::span<const int> ticks, const LinearScale& x, const ChartColors& colors,
                         const ChartMetrics& metrics)
{
    const float base = std::round(plot.max.y) + 0.5f;
    draw_list->AddLine(ImVec2(plot.min.x, base), ImVec2(plot.max.x, base), colors.axis, metrics.hairline);
    const int count = static_cast<int>(periods.size());
    if (count > 1 && std::fabs(x.ToPixel(1) - x.ToPixel(0)) >= metrics.font * 0.3f)
        for (int i = 0; i < count; ++i) {
            const float px = std::round(x.ToPixel(i)) + 0.5f;
            draw_list->AddLine(ImVec2(px, base), ImVec2(px, base + metrics.font * 0.2f), colors.axis, metrics.hairline);
        }
    for (int i : ticks) {
        if (i < 0 || i >= count)
            continue;
        const float px = std::round(x.ToPixel(i)) + 0.5f;
        draw_list->AddLine(ImVec2(px, base), ImVec2(px, base + metrics.font * 0.35f), colors.axis, metrics.hairline);
        char label[16];
        std::snprintf(label, sizeof label, "%d", periods[static_cast<std::size_t>(i)].year); // no thousands separators
        const ImVec2 size = TextSize(label);
        draw_list->AddText(ImVec2(px - size.x * 0.5f, base + metrics.label_gap), colors.muted_text, label);
    }
}

// [SECTION] Legend

namespace {

float SwatchWidth(const ChartMetrics& m) { return m.font * 1.6f; }
float SwatchGap(const ChartMetrics& m) { return m.font * 0.35f; }

} // namespace

LegendLayout LayoutLegend(std::span<const LegendEntry> entries, ImVec2 origin, float width)
{
    const ChartMetrics m = CurrentChartMetrics();
    const float row_height = m.font * 1.4f;
    const float entry_gap = m.font * 1.1f;
    LegendLayout layout;
    float x = origin.x;
    float y = origin.y;
    for (const LegendEntry& entry : entries) {
        const float entry_width =
            std::min(width, SwatchWidth(m) + SwatchGap(m) + TextSize(entry.label).x);
        if (x > origin.x && x + entry_width > origin.x + width) {
            x = origin.x;
            y += row_height;
        }
        layout.entries.push_back({ImVec2(x, y), ImVec2(x + entry_width, y + row_height)});
        x += entry_width + entry_gap;
    }
    layout.height = entries.empty() ? 0.0f : y + row_height - origin.y;
    return layout;
}

void DrawSwatch(ImDrawList* draw_list, const PixelRect& box, SwatchKind kind, ImU32 color, bool thick,
                const ChartColors& colors, const ChartMetrics& m)
{
    const ImVec2 centre((box.min.x + box.max.x) * 0.5f, (box.min.y + box.max.y) * 0.5f);
    const float half = m.font * 0.36f;
    const float line = thick ? m.thick_line : m.line;
    switch (kind) {
    case SwatchKind::Box:
        draw_list->AddRectFilled(ImVec2(centre.x - half, centre.y - half), ImVec2(centre.x + half, centre.y + half), color,
                                 m.font * 0.1f);
        break;
    case SwatchKind::Line:
        draw_list->AddLine(ImVec2(box.min.x, centre.y), ImVec2(box.max.x, centre.y), color, line);
        break;
    case SwatchKind::DashedLine: {
        const ImVec2 points[] = {ImVec2(box.min.x, centre.y), ImVec2(box.max.x, centre.y)};
        AddDashedPolyline(draw_list, points, color, line, m.font * 0.35f, m.font * 0.25f);
        break;
    }
    case SwatchKind::DashDotLine: {
        const ImVec2 points[] = {ImVec2(box.min.x, centre.y), ImVec2(box.max.x, centre.y)};
        const std::array<float, 4> pattern = DashDotPattern(m);
        AddPatternedPolyline(draw_list, points, color, line, pattern);
        break;
    }
    case SwatchKind::Dot:
        draw_list->AddCircleFilled(centre, m.point_radius, color, 16);
        break;
    case SwatchKind::Hatched:
        AddHatchedRect(draw_list, {ImVec2(centre.x - half, centre.y - half), ImVec2(centre.x + half, centre.y + half)},
                       colors.unknown_fill, colors.unknown_hatch, m.font * 0.3f, m.hairline);
        break;
    }
}

std::optional<int> DrawLegend(ImDrawList* draw_list, std::span<const LegendEntry> entries, const LegendLayout& layout,
                              ImVec2 mouse, bool hover_enabled, const ChartColors& colors, const ChartMetrics& m)
{
    std::optional<int> hovered;
    for (std::size_t i = 0; i < entries.size() && i < layout.entries.size(); ++i) {
        const LegendEntry& entry = entries[i];
        const PixelRect& rect = layout.entries[i];
        if (hover_enabled && rect.Contains(mouse))
            hovered = static_cast<int>(i);
        const PixelRect swatch{rect.min, ImVec2(rect.min.x + SwatchWidth(m), rect.max.y)};
        DrawSwatch(draw_list, swatch, entry.kind, entry.color, entry.thick, colors, m);
        const float text_x = swatch.max.x + SwatchGap(m);
        const std::string label = TruncateToWidth(entry.label, rect.max.x - text_x);
        const float text_y = rect.min.y + (rect.Height() - m.font) * 0.5f;
        draw_list->AddText(ImVec2(text_x, text_y), colors.text, label.c_str());
    }
    return hovered;
}

// [SECTION] Hover read-out

void DrawReadoutTooltip(std::string_view title, std::span<const ReadoutRow> rows)
{
    const ChartColors colors = CurrentChartColors();
    const ChartMetrics m = CurrentChartMetrics();
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(title.data(), title.data() + title.size());
    if (!rows.empty())
        ImGui::Separator();
    bool any_swatch = false;
    float label_width = 0.0f;
    float value_width = 0.0f;
    for (const ReadoutRow& row : rows) {
        any_swatch = any_swatch || row.color != 0;
        label_width = std::max(label_width, TextSize(row.label).x);
        value_width = std::max(value_width, TextSize(row.value).x);
    }
    const float swatch_width = any_swatch ? m.font * 1.5f : 0.0f;
    const float column_gap = m.font * 1.2f;
    const float start_x = ImGui::GetCursorPosX();
    ImDrawList* draw_list = ImGui::GetWindowDrawList();
    for (const ReadoutRow& row : rows) {
        const ImVec2 at = ImGui::GetCursorScreenPos();
        if (row.color != 0)
            DrawSwatch(draw_list, {at, ImVec2(at.x + swatch_width - m.font * 0.4f, at.y + ImGui::GetTextLineHeight())},
                       row.kind, row.color, row.thick, colors, m);
        ImGui::SetCursorPosX(start_x + swatch_width);
        ImGui::TextUnformatted(row.label.c_str());
        ImGui::SameLine(start_x + swatch_width + label_width + column_gap + value_width - TextSize(row.value).x);
        ImGui::TextUnformatted(row.value.c_str());
    }
    ImGui::EndTooltip();
}

// [SECTION] Drawing helpers

void AddDashedPolyline(ImDrawList* draw_list, std::span<const ImVec2> points, ImU32 color, float thickness, float dash,
                       float gap)
{
    const float pattern[] = {dash, gap};
    AddPatternedPolyline(draw_list, points, color, thickness, pattern);
}

void AddPatternedPolyline(ImDrawList* draw_list, std::span<const ImVec2> points, ImU32 color, float thickness,
                          std::span<const float> pattern)
{
    if (points.size() < 2 || pattern.empty() || pattern[0] <= 0.0f)
        return;
    for (const float length : pattern)
        if (!(length >= 0.0f))
            return; // a negative (or NaN) length would never end
    std::size_t part = 0;            // even parts are drawn, odd ones left out
    float left_in_part = pattern[0]; // pixels until the part ends
    for (std::size_t i = 1; i < points.size(); ++i) {
        const ImVec2 a = points[i - 1];
        const ImVec2 b = points[i];
        const float length = std::sqrt((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y));
        if (length <= 0.0f)
            continue;
        float done = 0.0f;
        while (done < length) {
            const float piece = std::min(left_in_part, length - done);
            if (part % 2 == 0) {
                const float t0 = done / length;
                const float t1 = (done + piece) / length;
                draw_list->AddLine(ImVec2(a.x + (b.x - a.x) * t0, a.y + (b.y - a.y) * t0),
                                   ImVec2(a.x + (b.x - a.x) * t1, a.y + (b.y - a.y) * t1), color, thickness);
            }
            done += piece;
            left_in_part -= piece;
            if (left_in_part <= 0.0f) {
                part = (part + 1) % pattern.size();
                left_in_part = pattern[part];
            }
        }
    }
}

std::array<float, 4> DashDotPattern(const ChartMetrics& m)
{
    // Longer dashes than a forecast's, each followed by a dot: distinct at a glance and in print.
    return {m.font * 0.8f, m.font * 0.25f, m.font * 0.15f, m.font * 0.25f};
}

void AddHatchedRect(ImDrawList* draw_list, const PixelRect& rect, ImU32 fill, ImU32 hatch, float spacing,
                    float thickness)
{
    draw_list->AddRectFilled(rect.min, rect.max, fill);
    if (spacing <= 0.0f)
        return;
    draw_list->PushClipRect(rect.min, rect.max, true);
    const float height = rect.Height();
    for (float offset = -height; offset < rect.Width(); offset += spacing)
        draw_list->AddLine(ImVec2(rect.min.x + offset, rect.max.y), ImVec2(rect.min.x + offset + height, rect.min.y),
                           hatch, thickness);
    draw_list->PopClipRect();
}

void AddTextWithHalo(ImDrawList* draw_list, ImVec2 pos, ImU32 color, std::string_view text, const ChartColors& colors,
                     const ChartMetrics& m)
{
    const ImVec2 size = TextSize(text);
    const float margin = m.font * 0.15f;
    draw_list->AddRectFilled(ImVec2(pos.x - margin, pos.y), ImVec2(pos.x + size.x + margin, pos.y + size.y),
                             WithAlpha(colors.background, 0.85f), margin);
    draw_list->AddText(pos, color, text.data(), text.data() + text.size());
}

std::string TruncateToWidth(std::string_view text, float width)
{
    if (TextSize(text).x <= width + 0.5f) // half a pixel: layout sums may round below the text's own width
        return std::string(text);
    static constexpr std::string_view kEllipsis = "\xE2\x80\xA6";
    // Cut points at UTF-8 sequence starts only; the longest prefix that fits with the ellipsis.
    // Labels are short (names of regions), so trying each cut point in turn is cheap.
    std::size_t best = 0;
    for (std::size_t cut = 1; cut <= text.size(); ++cut) {
        if (cut < text.size() && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
            continue;
        std::string candidate(text.substr(0, cut));
        candidate += kEllipsis;
        if (TextSize(candidate).x > width)
            break;
        best = cut;
    }
    std::string result(text.substr(0, best));
    while (!result.empty() && result.back() == ' ')
        result.pop_back();
    return result + std::string(kEllipsis);
}

} // namespace vak::ui::charts
