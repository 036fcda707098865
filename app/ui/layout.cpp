#include "ui/layout.hpp"

#include <algorithm>

namespace vak::ui {

DashboardLayout ComputeLayout(const LayoutInput& in)
{
    const float width = std::max(in.display_w, 0.0f);
    const float height = std::max(in.display_h - in.top, 0.0f);
    const float s = std::max(in.scale, 0.1f);

    // Status bar: one text line plus padding. Time panel: title bar plus a slider row.
    const float status_h = std::min(height, in.line_height + 10.0f * s);
    // Title bar, the slider row and two lines of text, with padding; at most a quarter of the
    // height, so the map stays the largest panel on small screens at large scales.
    const float body_h = height - status_h;
    const float time_h = std::min(0.25f * body_h, 5.2f * in.line_height + 44.0f * s);

    // Side panels: a share of the width with minimums and maximums that follow the scale,
    // then shrunk together if the map would get less than 45 % of the width.
    float left_w = std::clamp(0.20f * width, 240.0f * s, 420.0f * s);
    // The charts need room for axes and labels in font units: at projector scales they take
    // their minimum before the map does.
    float right_w = std::clamp(0.28f * width, 380.0f * s, 620.0f * s);
    const float max_sides = 0.55f * width;
    if (left_w + right_w > max_sides) {
        const float shrink = max_sides / (left_w + right_w);
        left_w *= shrink;
        right_w *= shrink;
    }
    const float centre_w = width - left_w - right_w;

    DashboardLayout layout;
    const float y0 = in.top;
    layout[LayoutSlot::Filters] = {0.0f, y0, left_w, body_h};
    layout[LayoutSlot::Map] = {left_w, y0, centre_w, body_h - time_h};
    layout[LayoutSlot::Time] = {left_w, y0 + body_h - time_h, centre_w, time_h};
    layout[LayoutSlot::Charts] = {left_w + centre_w, y0, right_w, body_h};
    layout[LayoutSlot::Status] = {0.0f, y0 + body_h, width, status_h};
    return layout;
}

DashboardLayout ComputePresentationLayout(const LayoutInput& in)
{
    const float width = std::max(in.display_w, 0.0f);
    const float height = std::max(in.display_h - in.top, 0.0f);
    const float s = std::max(in.scale, 0.1f);
    // Footer: two text lines (filters, then source and period), the line spacing between them and
    // the theme's window padding above and below (ui/theme.cpp: 7 and 10 at 100 %), plus a margin.
    const float footer_h = std::min(0.25f * height, 2.0f * in.line_height + 32.0f * s);
    const float body_h = height - footer_h;
    // One chart needs its axes in font units; past 40 % it would take the room from the map.
    const float charts_w = std::min(std::max(0.30f * width, 320.0f * s), 0.40f * width);
    const float map_w = width - charts_w;

    DashboardLayout layout;
    const float y0 = in.top;
    layout[LayoutSlot::Filters] = {0.0f, y0, 0.0f, body_h};
    layout[LayoutSlot::Map] = {0.0f, y0, map_w, body_h};
    layout[LayoutSlot::Time] = {0.0f, y0 + body_h, map_w, 0.0f};
    layout[LayoutSlot::Charts] = {map_w, y0, charts_w, body_h};
    layout[LayoutSlot::Status] = {0.0f, y0 + body_h, width, footer_h};
    return layout;
}

} // namespace vak::ui
