// Map labels without overlap: candidates in priority order (larger regions first), each placed
// at its anchor or, failing that, just above or below it; a label that would overlap one
// already placed, or leave the view, is dropped. Greedy and deterministic.
#pragma once

#include <span>
#include <vector>

namespace vak::core {

struct LabelCandidate {
    int id = 0;              // caller's id (feature index)
    float anchor_x = 0;      // screen pixels, label centre
    float anchor_y = 0;
    float width = 0;         // text size in pixels
    float height = 0;
    float priority = 0;      // larger first (e.g. region area on screen)
};

struct PlacedLabel {
    int id = 0;
    float x = 0; // top-left corner in screen pixels
    float y = 0;
};

// Screen areas labels must keep clear of (a toolbar, the scale bar).
struct LabelObstacle {
    float x = 0, y = 0, width = 0, height = 0;
};

// `view_w` x `view_h`: the visible area; `gap`: free pixels kept around every label.
std::vector<PlacedLabel> PlaceLabels(std::span<const LabelCandidate> candidates, float view_w, float view_h,
                                     float gap, std::span<const LabelObstacle> obstacles = {});

} // namespace vak::core
