// Plain geometry value types shared by core, io, gpu and ui. Coordinates are in the layer's
// display CRS (metres in EPSG:28992 RD New or EPSG:3857) unless a name says otherwise.
#pragma once

#include <algorithm>
#include <cmath>
#include <limits>

namespace vak::core {

struct Vec2d {
    double x = 0;
    double y = 0;

    friend Vec2d operator+(Vec2d a, Vec2d b) { return {a.x + b.x, a.y + b.y}; }
    friend Vec2d operator-(Vec2d a, Vec2d b) { return {a.x - b.x, a.y - b.y}; }
    friend Vec2d operator*(Vec2d a, double s) { return {a.x * s, a.y * s}; }
    friend bool operator==(Vec2d a, Vec2d b) { return a.x == b.x && a.y == b.y; }
};

inline double Distance(Vec2d a, Vec2d b)
{
    return std::hypot(a.x - b.x, a.y - b.y);
}

// Axis-aligned box; empty until the first Expand.
struct Box2d {
    double min_x = std::numeric_limits<double>::infinity();
    double min_y = std::numeric_limits<double>::infinity();
    double max_x = -std::numeric_limits<double>::infinity();
    double max_y = -std::numeric_limits<double>::infinity();

    bool Empty() const { return !(min_x <= max_x && min_y <= max_y); }
    double Width() const { return Empty() ? 0.0 : max_x - min_x; }
    double Height() const { return Empty() ? 0.0 : max_y - min_y; }
    Vec2d Centre() const { return {(min_x + max_x) * 0.5, (min_y + max_y) * 0.5}; }

    void Expand(Vec2d p)
    {
        min_x = std::min(min_x, p.x);
        min_y = std::min(min_y, p.y);
        max_x = std::max(max_x, p.x);
        max_y = std::max(max_y, p.y);
    }
    void Expand(const Box2d& b)
    {
        if (b.Empty())
            return;
        Expand(Vec2d{b.min_x, b.min_y});
        Expand(Vec2d{b.max_x, b.max_y});
    }
    bool Contains(Vec2d p) const { return p.x >= min_x && p.x <= max_x && p.y >= min_y && p.y <= max_y; }
    bool Intersects(const Box2d& b) const
    {
        return !Empty() && !b.Empty() && b.min_x <= max_x && min_x <= b.max_x && b.min_y <= max_y && min_y <= b.max_y;
    }
};

} // namespace vak::core
