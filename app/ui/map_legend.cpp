#include "ui/map_legend.hpp"

#include "core/text/number_format.hpp"
#include "ui/texts/texts.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace vak::ui {

namespace {

ImU32 ToImU32(std::uint32_t rgba)
{
    // RGBA8 words as the GPU takes them (red in the low byte), the same layout as ImU32.
    return static_cast<ImU32>(rgba);
}

struct Row {
    std::uint32_t color;
    std::string label;
    std::string count;
    bool hatched = false;
};

void DrawSwatch(ImDrawList* draw, ImVec2 at, float swatch, float scale, const Row& row)
{
    draw->AddRectFilled(at, ImVec2(at.x + swatch, at.y + swatch), ToImU32(row.color));
    if (row.hatched) { // as the map draws unknown regions
        draw->PushClipRect(at, ImVec2(at.x + swatch, at.y + swatch), true);
        for (float d = -swatch; d < swatch; d += 9.0f * 0.5f * (1 + scale))
            draw->AddLine(ImVec2(at.x + d, at.y + swatch), ImVec2(at.x + d + swatch, at.y),
                          ToImU32(core::SuppressedMarkColor()), 1.5f * scale);
        draw->PopClipRect();
    }
    draw->AddRect(at, ImVec2(at.x + swatch, at.y + swatch), IM_COL32(120, 126, 136, 255));
}

// The strip: title and source on one line when they fit (else each wrapped), then the classes
// left to right, wrapped to as many lines as they need, the band as wide as its widest line.
LegendRect DrawStrip(ImDrawList* draw, ImVec2 map_min, ImVec2 map_max, float scale, ImFont* heading,
                     const std::vector<Row>& rows, const MapLegendText& text)
{
    const float line = ImGui::GetTextLineHeight();
    const float gap = 4 * scale, pad = 6 * scale, swatch = line * 0.95f;
    const float item_gap = line; // between one class and the next swatch
    const float available = (map_max.x - map_min.x) - 4 * pad;
    if (available <= swatch * 4)
        return {map_min, map_min};

    ImGui::PushFont(heading);
    const float title_w = ImGui::CalcTextSize(text.title.c_str()).x;
    ImGui::PopFont();
    const float subtitle_w = ImGui::CalcTextSize(text.subtitle.c_str()).x;
    const bool one_line = title_w + item_gap + subtitle_w <= available;

    // The classes in lines: each line's items and width.
    std::vector<std::vector<std::size_t>> lines(1);
    std::vector<float> line_w(1, 0.0f);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const float w = swatch + 2 * gap + ImGui::CalcTextSize(rows[i].label.c_str()).x;
        const float with_gap = lines.back().empty() ? w : line_w.back() + item_gap + w;
        if (!lines.back().empty() && with_gap > available) {
            lines.emplace_back();
            line_w.push_back(w);
        } else {
            line_w.back() = with_gap;
        }
        lines.back().push_back(i);
    }
    float width = *std::max_element(line_w.begin(), line_w.end());
    width = std::max(width, std::min(one_line ? title_w + item_gap + subtitle_w : std::max(title_w, subtitle_w), available));
    width = std::min(width, available);
    ImGui::PushFont(heading);
    const float title_h = ImGui::CalcTextSize(text.title.c_str(), nullptr, false, width).y;
    ImGui::PopFont();
    const float subtitle_h = one_line ? 0.0f : ImGui::CalcTextSize(text.subtitle.c_str(), nullptr, false, width).y;
    const float head_h = one_line ? std::max(title_h, line) : title_h + subtitle_h;
    const float height = head_h + gap + float(lines.size()) * (swatch + gap) - gap;

    const float centre = 0.5f * (map_min.x + map_max.x);
    const ImVec2 min(centre - 0.5f * width - pad, map_max.y - pad - height - 2 * pad);
    const ImVec2 max(centre + 0.5f * width + pad, map_max.y - pad);
    if (min.y < map_min.y + 0.5f * (map_max.y - map_min.y))
        return {min, min}; // no room: better no legend than one over half the maps
    // Opaque: the maps' divider and the scale bar must not show through the band.
    draw->AddRectFilled(min, max, IM_COL32(255, 255, 255, 255), 4 * scale);
    draw->AddRect(min, max, IM_COL32(150, 156, 166, 255), 4 * scale);
    const ImU32 ink = IM_COL32(30, 34, 40, 255), muted = IM_COL32(84, 90, 100, 255);
    draw->PushClipRect(min, max, true);
    const float x = min.x + pad;
    float y = min.y + pad;
    draw->AddText(heading, heading->FontSize, ImVec2(x, y), ink, text.title.c_str(), nullptr, width);
    if (one_line) {
        // The source on the title's baseline side: the body font is the smaller one.
        draw->AddText(ImVec2(x + title_w + item_gap, y + (title_h - line)), muted, text.subtitle.c_str());
        y += head_h + gap;
    } else {
        y += title_h;
        draw->AddText(nullptr, 0.0f, ImVec2(x, y), muted, text.subtitle.c_str(), nullptr, width);
        y += subtitle_h + gap;
    }
    for (const std::vector<std::size_t>& items : lines) {
        float ix = x;
        for (std::size_t i : items) {
            const Row& row = rows[i];
            DrawSwatch(draw, ImVec2(ix, y), swatch, scale, row);
            const float label_w = ImGui::CalcTextSize(row.label.c_str()).x;
            draw->AddText(ImVec2(ix + swatch + 2 * gap, y + (swatch - line) * 0.5f), ink, row.label.c_str());
            ix += swatch + 2 * gap + label_w + item_gap;
        }
        y += swatch + gap;
    }
    draw->PopClipRect();
    return {min, max};
}

} // namespace

LegendRect DrawMapLegend(ImDrawList* draw, ImVec2 map_min, ImVec2 map_max, float scale, ImFont* heading,
                         const core::Choropleth& map, const MapLegendText& text)
{
    const core::NumberLocale locale = text.dutch ? core::NumberLocale::Dutch : core::NumberLocale::English;
    const float line = ImGui::GetTextLineHeight();
    const float gap = 4 * scale, pad = 8 * scale, swatch = line * 0.95f;

    // Rows: class ranges, then unknown and no-data when present.
    std::vector<Row> rows;
    const core::Classification& c = map.classification;
    const int decimals = core::DecimalsToTellApart(c.breaks);
    for (int i = 0; i < c.Classes(); ++i) {
        auto edge = [&](double v) {
            return text.percent ? core::FormatSignedPercent(v, 1, locale) // a tenth of a percent is enough
                                : core::FormatNumber(v, decimals, locale);
        };
        const std::string from = edge(c.breaks[std::size_t(i)]);
        const std::string to = edge(c.breaks[std::size_t(i) + 1]);
        rows.push_back({map.class_colors[std::size_t(i)], from == to ? from : from + " \xE2\x80\x93 " + to,
                        std::to_string(c.counts[std::size_t(i)])});
    }
    if (map.unknown_features > 0)
        rows.push_back({core::NoDataColor(), Tr(TextId::legend_unknown), std::to_string(map.unknown_features), true});
    if (map.no_data_features > 0 && text.note.empty())
        rows.push_back({core::NoDataColor(), text.no_data_label.empty() ? Tr(TextId::legend_no_data) : text.no_data_label.c_str(),
                        std::to_string(map.no_data_features)});

    if (text.strip && text.note.empty())
        return DrawStrip(draw, map_min, map_max, scale, heading, rows, text);

    // Width: the widest of title, subtitle and rows.
    ImGui::PushFont(heading);
    const ImVec2 title_size = ImGui::CalcTextSize(text.title.c_str());
    ImGui::PopFont();
    float count_w = 0;
    for (const Row& row : rows)
        count_w = std::max(count_w, ImGui::CalcTextSize(row.count.c_str()).x);
    const float note_w = std::min(ImGui::CalcTextSize(text.note.c_str()).x, 22 * line);
    // Title and source wrap rather than widening the legend beyond its rows (up to 20 em).
    float rows_width = 0;
    for (const Row& row : rows)
        rows_width = std::max(rows_width, swatch + gap * 2 + ImGui::CalcTextSize(row.label.c_str()).x + gap * 3 + count_w);
    float width =
        std::max(rows_width, std::min(std::max(title_size.x, ImGui::CalcTextSize(text.subtitle.c_str()).x), 20 * line));
    width = std::max(width, note_w);
    width = std::min(width, (map_max.x - map_min.x) * 0.45f);
    ImGui::PushFont(heading);
    const float title_h = ImGui::CalcTextSize(text.title.c_str(), nullptr, false, width).y;
    ImGui::PopFont();
    const float subtitle_h = ImGui::CalcTextSize(text.subtitle.c_str(), nullptr, false, width).y;
    float height = title_h + subtitle_h + gap;
    if (!text.note.empty())
        height += ImGui::CalcTextSize(text.note.c_str(), nullptr, false, width).y + gap;
    else
        height += float(rows.size()) * (swatch + gap);

    const ImVec2 max(map_max.x - pad, map_max.y - pad);
    const ImVec2 min(max.x - width - 2 * pad, max.y - height - 2 * pad);
    if (min.x < map_min.x || min.y < map_min.y)
        return {min, min}; // no room: better no legend than one over the whole map
    draw->AddRectFilled(min, max, IM_COL32(255, 255, 255, 232), 4 * scale);
    draw->AddRect(min, max, IM_COL32(150, 156, 166, 255), 4 * scale);
    const ImU32 ink = IM_COL32(30, 34, 40, 255), muted = IM_COL32(84, 90, 100, 255);
    draw->PushClipRect(min, max, true);
    float y = min.y + pad;
    const float x = min.x + pad;
    draw->AddText(heading, heading->FontSize, ImVec2(x, y), ink, text.title.c_str(), nullptr, width);
    y += title_h;
    draw->AddText(nullptr, 0.0f, ImVec2(x, y), muted, text.subtitle.c_str(), nullptr, width);
    y += subtitle_h + gap;
    if (!text.note.empty()) {
        draw->AddText(nullptr, 0.0f, ImVec2(x, y), muted, text.note.c_str(), nullptr, width);
    } else {
        for (const Row& row : rows) {
            DrawSwatch(draw, ImVec2(x, y), swatch, scale, row);
            const float text_y = y + (swatch - line) * 0.5f;
            draw->AddText(ImVec2(x + swatch + 2 * gap, text_y), ink, row.label.c_str());
            const float cw = ImGui::CalcTextSize(row.count.c_str()).x;
            draw->AddText(ImVec2(max.x - pad - cw, text_y), muted, row.count.c_str());
            y += swatch + gap;
        }
    }
    draw->PopClipRect();
    return {min, max};
}

} // namespace vak::ui
