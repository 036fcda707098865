#include "io/geos_context.hpp"

#include <new>
#include <string>

namespace vak::io {

GeosContext::GeosContext() : m_handle(GEOS_init_r())
{
    GEOSContext_setErrorMessageHandler_r(m_handle, &GeosContext::OnMessage, this);
}

GeosContext::~GeosContext()
{
    GEOS_finish_r(m_handle);
}

void GeosContext::OnMessage(const char* message, void* user)
{
    static_cast<GeosContext*>(user)->m_error = message ? message : "";
}

std::string GeosContext::TakeError() const
{
    return std::exchange(m_error, {});
}

namespace {

std::vector<core::Vec2d> ReadRing(const GeosContext& ctx, const GEOSGeometry* ring)
{
    std::vector<core::Vec2d> points;
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(ctx.Handle(), ring);
    unsigned int n = 0;
    if (!seq || !GEOSCoordSeq_getSize_r(ctx.Handle(), seq, &n))
        return points;
    points.resize(n);
    for (unsigned int i = 0; i < n; ++i)
        GEOSCoordSeq_getXY_r(ctx.Handle(), seq, i, &points[i].x, &points[i].y);
    return points;
}

void ReadPolygon(const GeosContext& ctx, const GEOSGeometry* g, std::vector<core::Polygon>& out)
{
    if (GEOSisEmpty_r(ctx.Handle(), g))
        return;
    core::Polygon polygon;
    polygon.rings.push_back(ReadRing(ctx, GEOSGetExteriorRing_r(ctx.Handle(), g)));
    const int holes = GEOSGetNumInteriorRings_r(ctx.Handle(), g);
    for (int h = 0; h < holes; ++h)
        polygon.rings.push_back(ReadRing(ctx, GEOSGetInteriorRingN_r(ctx.Handle(), g, h)));
    out.push_back(std::move(polygon));
}

GEOSGeometry* MakeRing(const GeosContext& ctx, const std::vector<core::Vec2d>& ring)
{
    if (ring.size() < 4 || !(ring.front() == ring.back())) {
        ctx.ReportError("a ring of " + std::to_string(ring.size()) + " points" +
                        (ring.size() >= 2 && !(ring.front() == ring.back()) ? ", not closed" : ""));
        return nullptr;
    }
    GEOSCoordSequence* seq = GEOSCoordSeq_create_r(ctx.Handle(), static_cast<unsigned>(ring.size()), 2);
    for (std::size_t i = 0; i < ring.size(); ++i)
        GEOSCoordSeq_setXY_r(ctx.Handle(), seq, static_cast<unsigned>(i), ring[i].x, ring[i].y);
    return GEOSGeom_createLinearRing_r(ctx.Handle(), seq);
}

} // namespace

int CollectPolygons(const GeosContext& ctx, const GEOSGeometry* g, std::vector<core::Polygon>& out)
{
    switch (GEOSGeomTypeId_r(ctx.Handle(), g)) {
    case GEOS_POLYGON: ReadPolygon(ctx, g, out); return 0;
    case GEOS_MULTIPOLYGON:
    case GEOS_GEOMETRYCOLLECTION: {
        int skipped = 0;
        const int n = GEOSGetNumGeometries_r(ctx.Handle(), g);
        for (int i = 0; i < n; ++i)
            skipped += CollectPolygons(ctx, GEOSGetGeometryN_r(ctx.Handle(), g, i), out);
        return skipped;
    }
    default: return GEOSisEmpty_r(ctx.Handle(), g) ? 0 : 1;
    }
}

int FillRegionShape(const GeosContext& ctx, const GEOSGeometry* g, core::RegionFeature& region)
{
    const int skipped = CollectPolygons(ctx, g, region.polygons);
    if (region.polygons.empty())
        return skipped;
    GEOSArea_r(ctx.Handle(), g, &region.area);
    GeosGeometry point(ctx, GEOSPointOnSurface_r(ctx.Handle(), g));
    if (point) {
        GEOSGeomGetX_r(ctx.Handle(), point.Get(), &region.label_point.x);
        GEOSGeomGetY_r(ctx.Handle(), point.Get(), &region.label_point.y);
    }
    for (const core::Polygon& polygon : region.polygons)
        for (const core::Vec2d& p : polygon.rings.front())
            region.bounds.Expand(p);
    return skipped;
}

GeosGeometry MakeGeosMultiPolygon(const GeosContext& ctx, const std::vector<core::Polygon>& polygons)
{
    // Every created ring and polygon is owned by `made` until the collection takes them, so a
    // refused ring frees what was built so far.
    std::vector<GeosGeometry> parts;
    for (const core::Polygon& polygon : polygons) {
        if (polygon.rings.empty())
            continue;
        std::vector<GeosGeometry> rings;
        for (const auto& ring : polygon.rings) {
            rings.emplace_back(ctx, MakeRing(ctx, ring));
            if (!rings.back())
                return {};
        }
        std::vector<GEOSGeometry*> holes;
        for (std::size_t r = 1; r < rings.size(); ++r)
            holes.push_back(rings[r].Release());
        parts.emplace_back(ctx, GEOSGeom_createPolygon_r(ctx.Handle(), rings[0].Release(), holes.data(),
                                                         static_cast<unsigned>(holes.size())));
        if (!parts.back())
            return {};
    }
    std::vector<GEOSGeometry*> raw;
    for (GeosGeometry& part : parts)
        raw.push_back(part.Release());
    return GeosGeometry(ctx, GEOSGeom_createCollection_r(ctx.Handle(), GEOS_MULTIPOLYGON, raw.data(),
                                                         static_cast<unsigned>(raw.size())));
}

std::vector<int> GeosTree::Candidates(const GEOSGeometry* g) const
{
    struct Result {
        std::vector<int> ids;
        bool failed = false;
    } result;
    GEOSSTRtree_query_r(
        m_ctx, m_tree, g,
        [](void* item, void* user) {
            auto* r = static_cast<Result*>(user);
            try {
                r->ids.push_back(*static_cast<int*>(item));
            } catch (...) {
                r->failed = true;
            }
        },
        &result);
    if (result.failed)
        throw std::bad_alloc();
    return result.ids;
}

} // namespace vak::io
