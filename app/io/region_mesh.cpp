#include "io/region_mesh.hpp"

#include "core/errors.hpp"
#include "core/hardware_threads.hpp"
#include "io/geos_context.hpp"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <exception>
#include <mutex>
#include <thread>
#include <unordered_map>

namespace vak::io {

namespace {

// One feature's part of the mesh, in world coordinates, with local indices.
struct FeatureMesh {
    std::vector<core::Vec2d> vertices;
    std::vector<std::uint32_t> triangles;
    std::vector<std::uint32_t> outlines;
};

struct PointKey {
    std::uint64_t x, y;
    bool operator==(const PointKey& o) const { return x == o.x && y == o.y; }
};
struct PointKeyHash {
    std::size_t operator()(const PointKey& k) const { return k.x * 0x9E3779B97F4A7C15ull ^ (k.y + (k.x << 6)); }
};

// Shares vertices between outline and triangles: GEOS keeps input coordinates exactly, so a
// triangle corner equals the ring point bit for bit (except after the snapped retry below,
// where the triangles get vertices of their own).
class VertexIndex {
public:
    explicit VertexIndex(FeatureMesh& mesh) : m_mesh(mesh) {}
    std::uint32_t Of(core::Vec2d p)
    {
        PointKey key;
        std::memcpy(&key.x, &p.x, 8);
        std::memcpy(&key.y, &p.y, 8);
        auto [it, inserted] = m_map.emplace(key, static_cast<std::uint32_t>(m_mesh.vertices.size()));
        if (inserted)
            m_mesh.vertices.push_back(p);
        return it->second;
    }

private:
    FeatureMesh& m_mesh;
    std::unordered_map<PointKey, std::uint32_t, PointKeyHash> m_map;
};

FeatureMesh TriangulateFeature(const GeosContext& geos, const std::string& code,
                               const std::vector<core::Polygon>& polygons)
{
    FeatureMesh mesh;
    VertexIndex index(mesh);
    for (const core::Polygon& polygon : polygons)
        for (const auto& ring : polygon.rings)
            for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
                mesh.outlines.push_back(index.Of(ring[i]));
                mesh.outlines.push_back(index.Of(ring[i + 1]));
            }
    for (const core::Polygon& polygon : polygons) {
        GeosGeometry shape = MakeGeosMultiPolygon(geos, {polygon});
        if (!shape)
            throw core::InputError("feature " + code + ": " + geos.TakeError());
        GeosGeometry triangles(geos, GEOSConstrainedDelaunayTriangulation_r(geos.Handle(), shape.Get()));
        if (!triangles) {
            // Nearly coincident vertices (a union of almost-touching shapes) can defeat the
            // triangulation; snapped to a millimetre grid they no longer do.
            GeosGeometry snapped(geos, GEOSGeom_setPrecision_r(geos.Handle(), shape.Get(), 0.001, 0));
            if (snapped)
                triangles = GeosGeometry(geos, GEOSConstrainedDelaunayTriangulation_r(geos.Handle(), snapped.Get()));
        }
        if (!triangles)
            throw core::InputError("feature " + code + ": GEOS cannot triangulate it (" + geos.TakeError() + ")");
        const int n = GEOSGetNumGeometries_r(geos.Handle(), triangles.Get());
        for (int t = 0; t < n; ++t) {
            const GEOSGeometry* tri = GEOSGetGeometryN_r(geos.Handle(), triangles.Get(), t);
            const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(geos.Handle(), GEOSGetExteriorRing_r(geos.Handle(), tri));
            core::Vec2d p[3];
            for (unsigned k = 0; k < 3; ++k)
                GEOSCoordSeq_getXY_r(geos.Handle(), seq, k, &p[k].x, &p[k].y);
            for (const core::Vec2d& corner : p)
                mesh.triangles.push_back(index.Of(corner));
        }
    }
    return mesh;
}

} // namespace

namespace {

// Polygons of one feature simplified with GEOS, topology preserved within the feature (no
// self-intersections, holes stay inside). Neighbours are simplified independently, so their
// shared border can part by up to the tolerance: invisible while it is under half a pixel.
std::vector<core::Polygon> Simplified(const GeosContext& geos, const core::RegionFeature& feature, double tolerance)
{
    std::vector<core::Polygon> out;
    if (feature.polygons.empty())
        return out;
    GeosGeometry shape = MakeGeosMultiPolygon(geos, feature.polygons);
    if (!shape)
        return feature.polygons;
    GeosGeometry simple(geos, GEOSTopologyPreserveSimplify_r(geos.Handle(), shape.Get(), tolerance));
    if (!simple)
        return feature.polygons;
    CollectPolygons(geos, simple.Get(), out);
    return out;
}

// Runs `work(i, geos)` for every feature on all cores, each thread with its own GEOS context.
template <typename Work>
void ForEachFeature(std::size_t count, Work&& work)
{
    const unsigned threads = std::max(1u, std::min<unsigned>(core::HardwareThreads(),
                                                             static_cast<unsigned>(count / 64 + 1)));
    std::atomic<std::size_t> next{0};
    std::exception_ptr failure;
    std::mutex failure_mutex;
    auto run = [&] {
        GeosContext geos;
        for (std::size_t i; (i = next.fetch_add(1)) < count;) {
            try {
                work(i, geos);
            } catch (...) {
                std::lock_guard lock(failure_mutex);
                if (!failure)
                    failure = std::current_exception();
            }
        }
    };
    {
        // jthreads join when they go out of scope, also if starting a later one throws.
        std::vector<std::jthread> pool;
        for (unsigned t = 1; t < threads; ++t)
            pool.emplace_back(run);
        run();
    }
    if (failure)
        std::rethrow_exception(failure);
}

// Concatenates per-feature parts in feature order, so the mesh is the same for any number of
// threads.
core::RegionMesh Concatenate(const std::vector<FeatureMesh>& parts, core::Vec2d origin)
{
    core::RegionMesh mesh;
    mesh.origin = origin;
    for (std::size_t f = 0; f < parts.size(); ++f) {
        const FeatureMesh& part = parts[f];
        const auto base = static_cast<std::uint32_t>(mesh.feature_of_vertex.size());
        mesh.outline_offsets.push_back(static_cast<std::uint32_t>(mesh.outlines.size()));
        for (const core::Vec2d& v : part.vertices) {
            mesh.positions.push_back(static_cast<float>(v.x - origin.x));
            mesh.positions.push_back(static_cast<float>(v.y - origin.y));
            mesh.feature_of_vertex.push_back(static_cast<std::uint32_t>(f));
        }
        for (std::uint32_t i : part.triangles)
            mesh.triangles.push_back(base + i);
        for (std::uint32_t i : part.outlines)
            mesh.outlines.push_back(base + i);
    }
    mesh.outline_offsets.push_back(static_cast<std::uint32_t>(mesh.outlines.size()));
    return mesh;
}

} // namespace

void BuildRegionMesh(core::RegionLayer& layer)
{
    const std::size_t count = layer.features.size();
    const core::Vec2d origin = layer.bounds.Empty() ? core::Vec2d{} : layer.bounds.Centre();
    std::vector<FeatureMesh> parts(count);
    ForEachFeature(count, [&](std::size_t i, const GeosContext& geos) {
        parts[i] = TriangulateFeature(geos, layer.features[i].code, layer.features[i].polygons);
    });
    layer.mesh = Concatenate(parts, origin);

    // Coarser levels for zoomed-out views: about one and four pixels of a 3000-pixel-wide view
    // of the whole layer. A level is kept only when it saves at least a quarter of the vertices.
    layer.coarse.clear();
    const double extent = std::max(layer.bounds.Width(), layer.bounds.Height());
    std::size_t previous = layer.mesh.VertexCount();
    for (double divisor : {3000.0, 750.0}) {
        const double tolerance = extent / divisor;
        if (!(tolerance > 0))
            break;
        // Simplify first and count: triangulating is the expensive part, and it is skipped
        // for data that is already coarse (such as the quantised CBS TopoJSON files).
        std::vector<std::vector<core::Polygon>> simplified(count);
        ForEachFeature(count, [&](std::size_t i, const GeosContext& geos) {
            simplified[i] = Simplified(geos, layer.features[i], tolerance);
        });
        std::size_t points = 0;
        for (const auto& polygons : simplified)
            for (const core::Polygon& polygon : polygons)
                for (const auto& ring : polygon.rings)
                    points += ring.size() > 0 ? ring.size() - 1 : 0;
        if (points > previous * 3 / 4)
            continue;
        ForEachFeature(count, [&](std::size_t i, const GeosContext& geos) {
            parts[i] = TriangulateFeature(geos, layer.features[i].code, simplified[i]);
        });
        core::RegionMesh mesh = Concatenate(parts, origin);
        previous = mesh.VertexCount();
        layer.coarse.push_back({tolerance, std::move(mesh)});
    }
}

} // namespace vak::io
