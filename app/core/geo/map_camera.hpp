// The map's view: which part of the world (display CRS) shows in the map panel, at what zoom.
// Screen coordinates are pixels from the panel's top-left corner, y down; world y points up.
// Pure arithmetic, so pan/zoom behaviour is unit-tested and shared by window and exports.
#pragma once

#include "core/geo/geo_types.hpp"

#include <array>

namespace vak::core {

class MapCamera {
public:
    void SetViewport(double width_px, double height_px);
    double ViewportWidth() const { return m_width; }
    double ViewportHeight() const { return m_height; }

    // Shows all of `world` with `margin_px` free on every side, plus `top_px` more at the top
    // (where a toolbar sits); sets the zoom limits around it.
    void Fit(const Box2d& world, double margin_px, double top_px = 0, double right_px = 0);
    // Drag by (dx, dy) screen pixels: the world moves with the mouse.
    void PanPixels(double dx, double dy);
    // Zooms by `factor` (> 1 zooms in) keeping the world point under `screen_px` in place.
    void ZoomAt(Vec2d screen_px, double factor);

    Vec2d ScreenToWorld(Vec2d px) const;
    Vec2d WorldToScreen(Vec2d world) const;
    Box2d VisibleWorld() const;
    double UnitsPerPixel() const { return m_units_per_px; }
    Vec2d Centre() const { return m_centre; }
    void Set(Vec2d centre, double units_per_px);

    // Column-major 4x4 matrix from (world - origin) to GL clip space, for shaders that get
    // vertex positions relative to a mesh origin (floats keep centimetres that way).
    std::array<float, 16> ClipFromLocal(Vec2d origin) const;

private:
    void ClampZoom();

    double m_width = 1;
    double m_height = 1;
    Vec2d m_centre;
    double m_units_per_px = 1;
    double m_min_units_per_px = 0;   // most zoomed in
    double m_max_units_per_px = 0;   // most zoomed out (0: unlimited until the first Fit)
};

} // namespace vak::core
