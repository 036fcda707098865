#include "io/region_hit_test.hpp"

#include "io/geos_context.hpp"

#include <algorithm>

namespace vak::io {

struct RegionHitTester::Impl {
    // Members are destroyed bottom-up: the tree and the prepared geometries go before the
    // shapes they refer to, and everything before the context.
    GeosContext geos;
    std::vector<GeosGeometry> shapes;  // one per feature (empty when it has no polygons)
    std::vector<GeosPrepared> prepared; // same order
    std::vector<int> ids;              // stable storage for the tree's items
    std::vector<core::Vec2d> label_points; // one per feature
    GeosTree tree{geos};
};

RegionHitTester::RegionHitTester(const core::RegionLayer& layer) : m_impl(std::make_unique<Impl>())
{
    Impl& s = *m_impl;
    const std::size_t n = layer.features.size();
    s.shapes.resize(n);
    s.prepared.resize(n);
    s.ids.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        s.ids[i] = static_cast<int>(i);
        s.label_points.push_back(layer.features[i].label_point);
        if (layer.features[i].polygons.empty())
            continue;
        s.shapes[i] = MakeGeosMultiPolygon(s.geos, layer.features[i].polygons);
        if (!s.shapes[i])
            continue; // a ring GEOS refuses: the region cannot be hovered, but nothing breaks
        s.prepared[i] = GeosPrepared(s.geos, s.shapes[i].Get());
        if (s.prepared[i].Get())
            s.tree.Insert(s.shapes[i].Get(), &s.ids[i]);
    }
}

RegionHitTester::~RegionHitTester() = default;

int RegionHitTester::FeatureAt(core::Vec2d world) const
{
    Impl& s = *m_impl;
    GeosGeometry point(s.geos, GEOSGeom_createPointFromXY_r(s.geos.Handle(), world.x, world.y));
    if (!point)
        return -1;
    int best = -1;
    for (int id : s.tree.Candidates(point.Get()))
        if ((best < 0 || id < best) && GEOSPreparedIntersects_r(s.geos.Handle(), s.prepared[id].Get(), point.Get()) == 1)
            best = id;
    return best;
}

} // namespace vak::io

namespace vak::io {

std::vector<int> RegionHitTester::FeaturesInside(std::span<const core::Vec2d> ring) const
{
    Impl& s = *m_impl;
    if (ring.size() < 3)
        return {};
    core::Polygon polygon;
    polygon.rings.emplace_back(ring.begin(), ring.end());
    if (polygon.rings[0].front().x != polygon.rings[0].back().x || polygon.rings[0].front().y != polygon.rings[0].back().y)
        polygon.rings[0].push_back(polygon.rings[0].front());
    GeosGeometry drawn = MakeGeosMultiPolygon(s.geos, {polygon});
    if (!drawn)
        return {};
    if (GEOSisValid_r(s.geos.Handle(), drawn.Get()) != 1)
        drawn = GeosGeometry(s.geos, GEOSMakeValid_r(s.geos.Handle(), drawn.Get()));
    if (!drawn)
        return {};
    GeosPrepared prepared(s.geos, drawn.Get());
    if (!prepared.Get())
        return {};
    std::vector<int> inside;
    for (std::size_t i = 0; i < s.label_points.size(); ++i) {
        GeosGeometry point(s.geos, GEOSGeom_createPointFromXY_r(s.geos.Handle(), s.label_points[i].x, s.label_points[i].y));
        if (point && GEOSPreparedIntersects_r(s.geos.Handle(), prepared.Get(), point.Get()) == 1)
            inside.push_back(static_cast<int>(i));
    }
    return inside;
}

} // namespace vak::io
