// The fixed dashboard layout: filters left, map centre, charts right, time slider below the
// map, status bar at the bottom. A pure function of the display size and the UI scale, so it is
// tested without a window; panels only draw inside the rectangles it gives.
#pragma once

namespace vak::ui {

struct Rect {
    float x = 0, y = 0, w = 0, h = 0;
    float Right() const { return x + w; }
    float Bottom() const { return y + h; }
    float Area() const { return w * h; }
};

enum class LayoutSlot { Filters, Map, Charts, Time, Status, Count_ };
inline constexpr int kLayoutSlotCount = static_cast<int>(LayoutSlot::Count_);

struct DashboardLayout {
    Rect slots[kLayoutSlotCount];
    const Rect& operator[](LayoutSlot s) const { return slots[static_cast<int>(s)]; }
    Rect& operator[](LayoutSlot s) { return slots[static_cast<int>(s)]; }
};

struct LayoutInput {
    float display_w = 0;
    float display_h = 0;
    float top = 0;          // height taken by the main menu bar
    float scale = 1.0f;     // UI scale, 1.0 = 100 %
    float line_height = 16; // text line height at this scale (status bar height follows it)
};

// Rectangles tile the area below `top` exactly: no gaps, no overlaps. The side panels keep a
// minimum width that grows with the scale, but never squeeze the map below 45 % of the width.
DashboardLayout ComputeLayout(const LayoutInput& in);

// Presentation mode (ui/presentation.*): no filters panel and no time slider (their slots are
// empty rectangles at the left and bottom edges), the map large on the left, one chart column on
// the right, and the status slot as a footer with the filters and the data's source. The map
// keeps at least 60 % of the width and is always the largest panel.
DashboardLayout ComputePresentationLayout(const LayoutInput& in);

} // namespace vak::ui
