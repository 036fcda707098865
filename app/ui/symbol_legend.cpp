#include "ui/symbol_legend.hpp"

#include "core/text/number_format.hpp"
#include "core/themes/programme_spread.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace vak::ui {

float SymbolRadius(double size, double largest, float scale)
{
    const float max_radius = 16.0f * scale, min_radius = 3.0f * scale;
    if (!(largest > 0) || !(size > 0))
        return min_radius;
    return std::max(min_radius, max_radius * static_cast<float>(std::sqrt(size / largest)));
}

void DrawSymbolLegend(ImDrawList* draw, ImVec2 map_min, ImVec2 map_max, float scale, bool dutch,
                      const core::DashboardModel::DerivedMap& map, const char* title)
{
    double largest = 0;
    for (const auto& s : map.symbols)
        largest = std::max(largest, s.size);
    const std::vector<double> values = core::themes::SymbolLegendValues(largest);
    if (values.empty())
        return;
    const core::NumberLocale locale = dutch ? core::NumberLocale::Dutch : core::NumberLocale::English;
    std::vector<std::string> labels;
    std::vector<float> radii;
    for (double v : values) {
        labels.push_back(core::FormatNumber(v, 0, locale));
        radii.push_back(SymbolRadius(v, largest, scale));
    }
    // Circles side by side on one baseline, each value under its circle.
    const float pad = 8.0f * scale, gap = 10.0f * scale;
    const float line = ImGui::GetTextLineHeight();
    std::vector<float> widths;
    float row_w = 0;
    for (std::size_t i = 0; i < values.size(); ++i) {
        widths.push_back(std::max(2.0f * radii[i], ImGui::CalcTextSize(labels[i].c_str()).x));
        row_w += widths.back() + (i ? gap : 0.0f);
    }
    const float box_w = std::max(row_w, ImGui::CalcTextSize(title).x) + 2 * pad;
    const float box_h = pad + line + 4.0f * scale + 2.0f * radii.front() + 2.0f * scale + line + pad;
    // Above the scale bar and north arrow (about 55 px at 100 %).
    const ImVec2 min(map_min.x + 12.0f * scale, map_max.y - 62.0f * scale - box_h);
    const ImVec2 max(min.x + box_w, min.y + box_h);
    if (min.y < map_min.y)
        return; // a map too low to hold it
    draw->AddRectFilled(min, max, IM_COL32(255, 255, 255, 232), 4 * scale);
    draw->AddRect(min, max, IM_COL32(150, 156, 166, 255), 4 * scale);
    const ImU32 ink = IM_COL32(30, 34, 40, 255);
    // The map's symbol colours (ui/panels/map_panel.cpp, DrawSymbols).
    const ImU32 fill = IM_COL32(217, 95, 2, 200), edge = IM_COL32(255, 255, 255, 235);
    draw->AddText(ImVec2(min.x + pad, min.y + pad), ink, title);
    const float base = min.y + pad + line + 4.0f * scale + 2.0f * radii.front();
    float x = min.x + pad;
    for (std::size_t i = 0; i < values.size(); ++i) {
        const float cx = x + widths[i] * 0.5f;
        draw->AddCircleFilled(ImVec2(cx, base - radii[i]), radii[i], fill, 32);
        draw->AddCircle(ImVec2(cx, base - radii[i]), radii[i], edge, 32, 1.2f * scale);
        const float tw = ImGui::CalcTextSize(labels[i].c_str()).x;
        draw->AddText(ImVec2(cx - tw * 0.5f, base + 2.0f * scale), ink, labels[i].c_str());
        x += widths[i] + gap;
    }
}

} // namespace vak::ui
