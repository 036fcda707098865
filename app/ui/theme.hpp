// Colours and sizes of the interface. A light, high-contrast theme: it projects well in a lit
// room and prints well in reports. Sizes scale with the UI scale.
#pragma once

#include "gpu/map_canvas.hpp"

namespace vak::ui {

// Resets the current ImGui style to the vakatlas theme at `scale` (1.0 = 100 %).
void ApplyTheme(float scale);

// The presentation-mode theme (ui/presentation.*): ApplyTheme's sizes, with pure white panels,
// near-black text, thick dark outlines and a darker muted text, for a projector in a lit room.
void ApplyPresentationTheme(float scale);

// Background behind all panels (the frame's clear colour), RGBA 0..1.
void FrameClearColor(float out_rgba[4]);

// Colours of the map canvas, matched to the theme. The grid shows only on an empty map, where
// it marks the map area; under regions it would read as a graticule that is not there.
gpu::MapCanvasStyle MapCanvasStyleFor(float scale, bool with_grid);

} // namespace vak::ui
