#include "core/geo/map_camera.hpp"

#include <algorithm>

namespace vak::core {

void MapCamera::SetViewport(double width_px, double height_px)
{
    m_width = std::max(width_px, 1.0);
    m_height = std::max(height_px, 1.0);
}

void MapCamera::Fit(const Box2d& world, double margin_px, double top_px, double right_px)
{
    if (world.Empty())
        return;
    const double usable_w = std::max(m_width - 2 * margin_px - right_px, 1.0);
    const double usable_h = std::max(m_height - 2 * margin_px - top_px, 1.0);
    m_units_per_px = std::max({world.Width() / usable_w, world.Height() / usable_h, 1e-9});
    // Centre the data in the area below the top strip.
    m_centre = world.Centre();
    m_centre.y += 0.5 * top_px * m_units_per_px;
    m_centre.x += 0.5 * right_px * m_units_per_px; // and left of a strip kept for the legend
    // From a street (0.1 m per pixel, or the fitted scale for data smaller than that) to four
    // times the data's extent; min <= max always holds.
    m_min_units_per_px = std::min(0.1, m_units_per_px);
    m_max_units_per_px = m_units_per_px * 4.0;
}

void MapCamera::Set(Vec2d centre, double units_per_px)
{
    m_centre = centre;
    m_units_per_px = units_per_px;
    ClampZoom();
}

void MapCamera::PanPixels(double dx, double dy)
{
    m_centre.x -= dx * m_units_per_px;
    m_centre.y += dy * m_units_per_px;
}

void MapCamera::ZoomAt(Vec2d screen_px, double factor)
{
    if (factor <= 0)
        return;
    const Vec2d anchor = ScreenToWorld(screen_px);
    m_units_per_px /= factor;
    ClampZoom();
    // Move the centre so that `anchor` is under the cursor again.
    const Vec2d moved = ScreenToWorld(screen_px);
    m_centre = m_centre + (anchor - moved);
}

void MapCamera::ClampZoom()
{
    if (m_max_units_per_px > 0)
        m_units_per_px = std::clamp(m_units_per_px, m_min_units_per_px, m_max_units_per_px);
}

Vec2d MapCamera::ScreenToWorld(Vec2d px) const
{
    return {m_centre.x + (px.x - m_width * 0.5) * m_units_per_px, m_centre.y - (px.y - m_height * 0.5) * m_units_per_px};
}

Vec2d MapCamera::WorldToScreen(Vec2d world) const
{
    return {(world.x - m_centre.x) / m_units_per_px + m_width * 0.5,
            m_height * 0.5 - (world.y - m_centre.y) / m_units_per_px};
}

Box2d MapCamera::VisibleWorld() const
{
    Box2d box;
    box.Expand(ScreenToWorld({0, 0}));
    box.Expand(ScreenToWorld({m_width, m_height}));
    return box;
}

std::array<float, 16> MapCamera::ClipFromLocal(Vec2d origin) const
{
    // clip = (local + origin - centre) * 2 / (viewport * units_per_px)
    const double sx = 2.0 / (m_width * m_units_per_px);
    const double sy = 2.0 / (m_height * m_units_per_px);
    const double tx = (origin.x - m_centre.x) * sx;
    const double ty = (origin.y - m_centre.y) * sy;
    return {static_cast<float>(sx), 0, 0, 0, 0, static_cast<float>(sy), 0, 0, 0, 0, 1, 0,
            static_cast<float>(tx), static_cast<float>(ty), 0, 1};
}

} // namespace vak::core
