#include "core/geo/region_layer.hpp"

#include <atomic>
#include <cmath>

namespace vak::core {

std::uint64_t NextLayerUid()
{
    static std::atomic<std::uint64_t> next{1};
    return next.fetch_add(1);
}

const std::string* RegionFeature::Parent(const std::string& level) const
{
    for (const auto& [key, value] : parents)
        if (key == level)
            return &value;
    return nullptr;
}

const char* ProblemKindName(LayerProblem::Kind kind)
{
    switch (kind) {
    case LayerProblem::Kind::RepairedGeometry: return "repaired geometry";
    case LayerProblem::Kind::EmptyGeometry: return "empty geometry";
    case LayerProblem::Kind::MissingCode: return "missing code";
    case LayerProblem::Kind::DuplicateCode: return "duplicate code";
    case LayerProblem::Kind::NotPolygon: return "not a polygon";
    case LayerProblem::Kind::AssumedCrs: return "assumed CRS";
    case LayerProblem::Kind::Other: return "problem";
    }
    return "problem";
}

const RegionMesh& RegionLayer::MeshFor(double units_per_pixel) const
{
    const RegionMesh* best = &mesh;
    for (const MeshLevel& level : coarse)
        if (level.tolerance * 2.0 <= units_per_pixel)
            best = &level.mesh;
    return *best;
}

int RegionLayer::FindByCode(const std::string& code) const
{
    auto it = m_by_code.find(code);
    return it == m_by_code.end() ? -1 : it->second;
}

void RegionLayer::BuildIndex()
{
    m_by_code.clear();
    for (std::size_t i = 0; i < features.size(); ++i)
        m_by_code.emplace(features[i].code, static_cast<int>(i));
}

double MeshArea(const RegionMesh& mesh, int feature)
{
    double total = 0;
    for (std::size_t t = 0; t + 2 < mesh.triangles.size(); t += 3) {
        const std::uint32_t a = mesh.triangles[t], b = mesh.triangles[t + 1], c = mesh.triangles[t + 2];
        if (feature >= 0 && mesh.feature_of_vertex[a] != static_cast<std::uint32_t>(feature))
            continue;
        const double ax = mesh.positions[2 * a], ay = mesh.positions[2 * a + 1];
        const double bx = mesh.positions[2 * b], by = mesh.positions[2 * b + 1];
        const double cx = mesh.positions[2 * c], cy = mesh.positions[2 * c + 1];
        total += std::abs((bx - ax) * (cy - ay) - (cx - ax) * (by - ay)) * 0.5;
    }
    return total;
}

namespace {

double RingSignedArea(const std::vector<Vec2d>& ring)
{
    double sum = 0;
    for (std::size_t i = 0; i + 1 < ring.size(); ++i)
        sum += ring[i].x * ring[i + 1].y - ring[i + 1].x * ring[i].y;
    return sum * 0.5;
}

} // namespace

double PolygonArea(const Polygon& polygon)
{
    double area = 0;
    for (std::size_t r = 0; r < polygon.rings.size(); ++r) {
        const double a = std::abs(RingSignedArea(polygon.rings[r]));
        area += r == 0 ? a : -a;
    }
    return area;
}

} // namespace vak::core
