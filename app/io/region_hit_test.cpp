#include "io/region_hit_test.hpp"

#include "io/geos_context.hpp"

#include <algorithm>

namespace vak::io {

struct RegionHitTester::Impl {
    GeosContext geos;
    std::vector<GeosGeometry> shapes;                  // one per feature (may be empty)
    std::vector<const GEOSPreparedGeometry*> prepared; // same order
    std::vector<int> ids;                              // stable storage for the tree's items
    GEOSSTRtree* tree = nullptr;

    ~Impl()
    {
        if (tree)
            GEOSSTRtree_destroy_r(geos.Handle(), tree);
        for (const GEOSPreparedGeometry* p : prepared)
            if (p)
                GEOSPreparedGeom_destroy_r(geos.Handle(), p);
    }
};

RegionHitTester::RegionHitTester(const core::RegionLayer& layer) : m_impl(std::make_unique<Impl>())
{
    Impl& s = *m_impl;
    const std::size_t n = layer.features.size();
    s.shapes.resize(n);
    s.prepared.assign(n, nullptr);
    s.ids.resize(n);
    s.tree = GEOSSTRtree_create_r(s.geos.Handle(), 10);
    for (std::size_t i = 0; i < n; ++i) {
        s.ids[i] = static_cast<int>(i);
        if (layer.features[i].polygons.empty())
            continue;
        s.shapes[i] = MakeGeosMultiPolygon(s.geos, layer.features[i].polygons);
        s.prepared[i] = GEOSPrepare_r(s.geos.Handle(), s.shapes[i].Get());
        GEOSSTRtree_insert_r(s.geos.Handle(), s.tree, s.shapes[i].Get(), &s.ids[i]);
    }
}

RegionHitTester::~RegionHitTester() = default;

int RegionHitTester::FeatureAt(core::Vec2d world) const
{
    Impl& s = *m_impl;
    if (!s.tree)
        return -1;
    GeosGeometry point(s.geos, GEOSGeom_createPointFromXY_r(s.geos.Handle(), world.x, world.y));
    struct Query {
        Impl* impl;
        const GEOSGeometry* point;
        int best = -1;
    } query{&s, point.Get()};
    GEOSSTRtree_query_r(
        s.geos.Handle(), s.tree, point.Get(),
        [](void* item, void* user) {
            auto* q = static_cast<Query*>(user);
            const int id = *static_cast<int*>(item);
            if ((q->best < 0 || id < q->best) &&
                GEOSPreparedIntersects_r(q->impl->geos.Handle(), q->impl->prepared[id], q->point) == 1)
                q->best = id;
        },
        &query);
    return query.best;
}

} // namespace vak::io
