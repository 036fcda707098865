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

// Every polygon in `g` (Polygon, MultiPolygon, or the polygonal parts of a GeometryCollection
// that MakeValid may return). Lines and points are skipped; returns how many parts were skipped.
int CollectPolygons(const GeosContext& ctx, const GEOSGeometry* g, std::vector<core::Polygon>& out);

// A GEOS (multi)polygon from core polygons.
GeosGeometry MakeGeosMultiPolygon(const GeosContext& ctx, const std::vector<core::Polygon>& polygons);

} // namespace vak::io
