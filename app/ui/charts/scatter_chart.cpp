#include "ui/charts/scatter_chart.hpp"

#include <algorithm>
#include <cstdio>
#include <numeric>

namespace vak::ui::charts {

// [SECTION] Computation

namespace {

double Median(std::vector<double> values)
{
    if (values.empty())
        return 0.0;
    const std::size_t mid = values.size() / 2;
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(mid), values.end());
    return values[mid];
}

bool PointKnown(const ScatterPoint& p) { return IsKnown(p.x) && IsKnown(p.y); }

} // namespace

std::vector<int> ExtremePoints(std::span<const ScatterPoint> points, int count)
{
    std::vector<double> xs;
    std::vector<double> ys;
    std::vector<int> known;
    for (std::size_t i = 0; i < points.size(); ++i)
        if (PointKnown(points[i])) {
            xs.push_back(points[i].x);
            ys.push_back(points[i].y);
            known.push_back(static_cast<int>(i));
        }
    if (known.empty() || count <= 0)
        return {};
    const auto [x_min, x_max] = std::minmax_element(xs.begin(), xs.end());
    const auto [y_min, y_max] = std::minmax_element(ys.begin(), ys.end());
    // Each axis in units of its own range, so a measure in thousands does not outweigh one in
    // percent.
    const double x_spread = *x_max > *x_min ? *x_max - *x_min : 1.0;
    const double y_spread = *y_max > *y_min ? *y_max - *y_min : 1.0;
    const double x_mid = Median(xs);
    const double y_mid = Median(ys);
    std::vector<double> distance(points.size(), 0.0);
    for (int i : known) {
        const ScatterPoint& p = points[static_cast<std::size_t>(i)];
        distance[static_cast<std::size_t>(i)] = std::hypot((p.x - x_mid) / x_spread, (p.y - y_mid) / y_spread);
    }
    std::stable_sort(known.begin(), known.end(), [&](int a, int b) {
        return distance[static_cast<std::size_t>(a)] > distance[static_cast<std::size_t>(b)];
    });
    known.resize(std::min(known.size(), static_cast<std::size_t>(count)));
    return known;
}

// [SECTION] Drawing

ScatterChartResult DrawScatterChart(const char* id, const ScatterChartData& data, ImVec2 size)
{
    const ChartMetrics m = CurrentChartMetrics();
    const ChartColors c = CurrentChartColors();
    const core::NumberLocale locale = NumberLocaleFor(data.language);
    ScatterChartResult result;

    double x_low = kUnknown, x_high = kUnknown, y_low = kUnknown, y_high = kUnknown;
    auto grow = [](double& low, double& high, double v) {
        if (!IsKnown(v))
            return;
        low = IsKnown(low) ? std::min(low, v) : v;
        high = IsKnown(high) ? std::max(high, v) : v;
    };
    bool any_selected = false;
    for (const ScatterPoint& p : data.points) {
        if (!PointKnown(p)) {
            ++result.unknown_points;
            continue;
        }
        grow(x_low, x_high, p.x);
        grow(y_low, y_high, p.y);
        any_selected = any_selected || p.selected;
    }
    grow(x_low, x_high, data.quadrant_x);
    grow(y_low, y_high, data.quadrant_y);
    // A little air, so that no point sits on the frame.
    auto widen = [](double& low, double& high) {
        if (!IsKnown(low))
            return;
        const double margin = (high - low) * 0.04;
        low -= margin;
        high += margin;
    };
    // Counts and sizes never go below zero: the air must not make the axis start at -20.000.
    const bool x_from_zero = IsKnown(x_low) && x_low >= 0, y_from_zero = IsKnown(y_low) && y_low >= 0;
    widen(x_low, x_high);
    widen(y_low, y_high);
    if (x_from_zero)
        x_low = std::max(x_low, 0.0);
    if (y_from_zero)
        y_low = std::max(y_low, 0.0);

    ChartArea area = BeginChartArea(id, size, m.font * 16.0f);
    ImDrawList* dl = area.draw_list;
    const PixelRect& rect = area.rect;

    PixelRect plot;
    plot.min.y = rect.min.y + m.font + m.pad * 0.75f;
    plot.max.y = rect.max.y - (m.font + m.label_gap) - (m.font + m.pad * 0.4f);
    const ValueAxis y_axis = BuildValueAxis(y_low, y_high, plot.Height(), m.font * 3.0f, data.y_format.style, locale);
    plot.min.x = rect.min.x + WidestTickLabel(y_axis) + m.label_gap;
    plot.max.x = rect.max.x - m.font * 1.5f;
    const ValueAxis x_axis = BuildValueAxis(x_low, x_high, plot.Width(), m.font * 5.5f, data.x_format.style, locale);
    const LinearScale x(x_axis.min, x_axis.max, plot.min.x, plot.max.x);
    const LinearScale y(y_axis.min, y_axis.max, plot.max.y, plot.min.y);
    result.plot = plot;
    result.x = x;
    result.y = y;

    DrawValueAxisLeft(dl, plot, y_axis, y, c, m);
    DrawValueAxisBelow(dl, plot, x_axis, x, c, m);
    dl->AddRect(plot.min, plot.max, c.axis, 0.0f, ImDrawFlags_None, m.hairline);
    dl->AddText(ImVec2(rect.min.x, rect.min.y), c.muted_text, TruncateToWidth(data.y_title, rect.Width()).c_str());
    const std::string x_title = TruncateToWidth(data.x_title, rect.Width() * 0.6f);
    const float bottom_row = rect.max.y - m.font;
    dl->AddText(ImVec2(plot.max.x - TextSize(x_title).x, bottom_row), c.muted_text, x_title.c_str());
    if (result.unknown_points > 0) {
        char note[96];
        std::snprintf(note, sizeof note, TrIn(TextId::chart_unknown_points, data.language), result.unknown_points);
        dl->AddText(ImVec2(rect.min.x, bottom_row), c.muted_text,
                    TruncateToWidth(note, rect.Width() * 0.38f).c_str());
    }

    // Quadrant lines at the reference values, each with its value written at the edge.
    const float dash = m.font * 0.4f;
    const float gap = m.font * 0.25f;
    std::vector<PixelRect> taken; // label rectangles placed so far
    if (IsKnown(data.quadrant_x)) {
        const float px = std::round(x.ToPixel(data.quadrant_x)) + 0.5f;
        const ImVec2 line[] = {ImVec2(px, plot.min.y), ImVec2(px, plot.max.y)};
        AddDashedPolyline(dl, line, c.reference, m.hairline * 1.5f, dash, gap);
    }
    if (IsKnown(data.quadrant_y)) {
        const float py = std::round(y.ToPixel(data.quadrant_y)) + 0.5f;
        const ImVec2 line[] = {ImVec2(plot.min.x, py), ImVec2(plot.max.x, py)};
        AddDashedPolyline(dl, line, c.reference, m.hairline * 1.5f, dash, gap);
    }

    // Hover: the nearest point within reach of the mouse.
    const float reach = std::max(m.point_radius * 2.5f, m.font * 0.7f);
    float best = reach * reach;
    std::vector<ImVec2> screen(data.points.size());
    for (std::size_t i = 0; i < data.points.size(); ++i) {
        const ScatterPoint& p = data.points[i];
        if (!PointKnown(p))
            continue;
        screen[i] = ImVec2(x.ToPixel(p.x), y.ToPixel(p.y));
        if (!area.hovered)
            continue;
        const float dx = screen[i].x - area.mouse.x;
        const float dy = screen[i].y - area.mouse.y;
        if (dx * dx + dy * dy <= best) {
            best = dx * dx + dy * dy;
            result.hovered_point = static_cast<int>(i);
        }
    }
    if (area.released && !area.dragged && result.hovered_point)
        result.clicked_point = result.hovered_point;

    // Points: plain ones first, then the selected, then the hovered one on top.
    auto draw_point = [&](std::size_t i, bool hovered) {
        const ScatterPoint& p = data.points[i];
        const bool strong = p.selected || !any_selected;
        const ImU32 fill = strong ? (any_selected ? c.bar_selected : WithAlpha(c.bar, 0.8f)) : c.bar_dimmed;
        const float radius = m.point_radius * (p.selected || hovered ? 1.3f : 1.0f);
        dl->AddCircleFilled(screen[i], radius, fill, 16);
        dl->AddCircle(screen[i], radius, p.selected || hovered ? c.selection_edge : c.background, 16,
                      p.selected || hovered ? m.hairline * 1.5f : m.hairline);
    };
    for (int pass = 0; pass < 2; ++pass)
        for (std::size_t i = 0; i < data.points.size(); ++i)
            if (PointKnown(data.points[i]) && data.points[i].selected == (pass == 1) &&
                result.hovered_point != static_cast<int>(i))
                draw_point(i, false);
    if (result.hovered_point)
        draw_point(static_cast<std::size_t>(*result.hovered_point), true);

    // Quadrant labels after the points, so they stay readable; their places are taken first.
    if (IsKnown(data.quadrant_x)) {
        const std::string text = data.quadrant_x_label + " " + core::FormatValue(data.quadrant_x, data.x_format, locale);
        const ImVec2 at(std::round(x.ToPixel(data.quadrant_x)) + m.label_gap, plot.min.y + m.font * 0.15f);
        AddTextWithHalo(dl, at, c.reference, text, c, m);
        taken.push_back({at, ImVec2(at.x + TextSize(text).x, at.y + m.font)});
    }
    if (IsKnown(data.quadrant_y)) {
        const std::string text = data.quadrant_y_label + " " + core::FormatValue(data.quadrant_y, data.y_format, locale);
        const ImVec2 text_size = TextSize(text);
        const ImVec2 at(plot.max.x - text_size.x - m.font * 0.3f, std::round(y.ToPixel(data.quadrant_y)) - text_size.y - m.font * 0.1f);
        AddTextWithHalo(dl, at, c.reference, text, c, m);
        taken.push_back({at, ImVec2(at.x + text_size.x, at.y + text_size.y)});
    }

    // Labels: hovered, selected, then extremes; each at the first free place around its point.
    std::vector<int> wanted;
    if (result.hovered_point)
        wanted.push_back(*result.hovered_point);
    for (std::size_t i = 0; i < data.points.size(); ++i)
        if (data.points[i].selected && PointKnown(data.points[i]))
            wanted.push_back(static_cast<int>(i));
    for (int i : ExtremePoints(data.points, data.extreme_labels))
        wanted.push_back(i);
    for (int i : wanted) {
        if (std::find(result.labelled_points.begin(), result.labelled_points.end(), i) != result.labelled_points.end())
            continue;
        const ScatterPoint& p = data.points[static_cast<std::size_t>(i)];
        const std::string text = TruncateToWidth(p.label, m.font * 12.0f);
        const ImVec2 text_size = TextSize(text);
        const ImVec2 at = screen[static_cast<std::size_t>(i)];
        const float away = m.point_radius + m.font * 0.25f;
        const ImVec2 places[] = {
            ImVec2(at.x + away, at.y - text_size.y * 0.5f),               // right
            ImVec2(at.x - away - text_size.x, at.y - text_size.y * 0.5f), // left
            ImVec2(at.x - text_size.x * 0.5f, at.y - away - text_size.y), // above
            ImVec2(at.x - text_size.x * 0.5f, at.y + away),               // below
        };
        std::optional<PixelRect> chosen;
        for (const ImVec2& place : places) {
            const PixelRect candidate{place, ImVec2(place.x + text_size.x, place.y + text_size.y)};
            const bool inside = candidate.min.x >= plot.min.x && candidate.max.x <= plot.max.x &&
                                candidate.min.y >= plot.min.y && candidate.max.y <= plot.max.y;
            const bool free = std::none_of(taken.begin(), taken.end(),
                                           [&](const PixelRect& r) { return r.Overlaps(candidate); });
            if (inside && free) {
                chosen = candidate;
                break;
            }
        }
        // A selected point is always named, even where its label must overlap another.
        if (!chosen && p.selected)
            chosen = PixelRect{places[0], ImVec2(places[0].x + text_size.x, places[0].y + text_size.y)};
        if (!chosen)
            continue;
        taken.push_back(*chosen);
        result.labelled_points.push_back(i);
        AddTextWithHalo(dl, chosen->min, c.text, text, c, m);
    }

    if (result.hovered_point && !area.active) {
        const ScatterPoint& p = data.points[static_cast<std::size_t>(*result.hovered_point)];
        const ReadoutRow rows[] = {
            {data.x_title, core::FormatValue(p.x, data.x_format, locale), 0, SwatchKind::Box, false},
            {data.y_title, core::FormatValue(p.y, data.y_format, locale), 0, SwatchKind::Box, false},
        };
        DrawReadoutTooltip(p.label, rows);
    }
    return result;
}

} // namespace vak::ui::charts
