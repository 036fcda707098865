// RAII wrappers around the GEOS C API (reentrant "_r" functions, one context per thread) and
// conversions between GEOS geometries and core::Polygon.
#pragma once

#include "core/geo/region_layer.hpp"

#include <geos_c.h>

#include <memory>
#include <utility>
#include <string>
#include <vector>

namespace vak::io {

class GeosContext {
public:
    GeosContext();
    ~GeosContext();
    GeosContext(const GeosContext&) = delete;
    GeosContext& operator=(const GeosContext&) = delete;

    GEOSContextHandle_t Handle() const { return m_handle; }
    // Last error GEOS reported on this context (empty when none), cleared by the call.
    std::string TakeError() const;
    // Records a problem found before GEOS was called, reported the same way.
    void ReportError(const std::string& message) const { m_error = message; }

private:
    static void OnMessage(const char* message, void* user);

    GEOSContextHandle_t m_handle;
    mutable std::string m_error; // written by GEOS through the handler
};

// Owning pointer to a GEOS geometry of one context.
class GeosGeometry {
public:
    GeosGeometry() = default;
    GeosGeometry(const GeosContext& ctx, GEOSGeometry* g) : m_ctx(ctx.Handle()), m_g(g) {}
    ~GeosGeometry() { Reset(); }
    GeosGeometry(GeosGeometry&& o) noexcept : m_ctx(o.m_ctx), m_g(o.m_g) { o.m_g = nullptr; }
    GeosGeometry& operator=(GeosGeometry&& o) noexcept
    {
        if (this != &o) {
            Reset();
            m_ctx = o.m_ctx;
            m_g = o.m_g;
            o.m_g = nullptr;
        }
        return *this;
    }
    GeosGeometry(const GeosGeometry&) = delete;
    GeosGeometry& operator=(const GeosGeometry&) = delete;

    GEOSGeometry* Get() const { return m_g; }
    GEOSGeometry* Release() { return std::exchange(m_g, nullptr); }
    explicit operator bool() const { return m_g != nullptr; }
    void Reset()
    {
        if (m_g)
            GEOSGeom_destroy_r(m_ctx, m_g);
        m_g = nullptr;
    }

private:
    GEOSContextHandle_t m_ctx = nullptr;
    GEOSGeometry* m_g = nullptr;
};

// Owning wrappers for a prepared geometry and an STR-tree of one context.
class GeosPrepared {
public:
    GeosPrepared() = default;
    GeosPrepared(const GeosContext& ctx, const GEOSGeometry* g) : m_ctx(ctx.Handle()), m_p(GEOSPrepare_r(m_ctx, g)) {}
    ~GeosPrepared()
    {
        if (m_p)
            GEOSPreparedGeom_destroy_r(m_ctx, m_p);
    }
    GeosPrepared(GeosPrepared&& o) noexcept : m_ctx(o.m_ctx), m_p(std::exchange(o.m_p, nullptr)) {}
    GeosPrepared& operator=(GeosPrepared&& o) noexcept
    {
        std::swap(m_ctx, o.m_ctx);
        std::swap(m_p, o.m_p);
        return *this;
    }
    const GEOSPreparedGeometry* Get() const { return m_p; }

private:
    GEOSContextHandle_t m_ctx = nullptr;
    const GEOSPreparedGeometry* m_p = nullptr;
};

class GeosTree {
public:
    explicit GeosTree(const GeosContext& ctx) : m_ctx(ctx.Handle()), m_tree(GEOSSTRtree_create_r(m_ctx, 10)) {}
    ~GeosTree() { GEOSSTRtree_destroy_r(m_ctx, m_tree); }
    GeosTree(const GeosTree&) = delete;
    GeosTree& operator=(const GeosTree&) = delete;

    // `item` must outlive the tree.
    void Insert(const GEOSGeometry* g, int* item) { GEOSSTRtree_insert_r(m_ctx, m_tree, g, item); }
    // Ids of the items whose envelope meets `g`'s envelope. No C++ code runs inside GEOS's
    // callback but a push_back guarded against exceptions, which must not cross GEOS's C frames.
    std::vector<int> Candidates(const GEOSGeometry* g) const;

private:
    GEOSContextHandle_t m_ctx;
    GEOSSTRtree* m_tree;
};

// Every polygon in `g` (Polygon, MultiPolygon, or the polygonal parts of a GeometryCollection
// that MakeValid may return). Lines and points are skipped; returns how many parts were skipped.
int CollectPolygons(const GeosContext& ctx, const GEOSGeometry* g, std::vector<core::Polygon>& out);

// Fills a region's polygons, area, label point (GEOS point on surface) and bounds from a valid
// geometry. Returns the number of non-polygon parts skipped.
int FillRegionShape(const GeosContext& ctx, const GEOSGeometry* g, core::RegionFeature& region);

// A GEOS (multi)polygon from core polygons; empty (null) when GEOS refuses a ring (fewer than
// four points, not closed), with the reason in ctx.TakeError(). Callers name the feature.
GeosGeometry MakeGeosMultiPolygon(const GeosContext& ctx, const std::vector<core::Polygon>& polygons);

} // namespace vak::io
