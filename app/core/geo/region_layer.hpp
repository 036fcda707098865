// A layer of regions (municipalities, labour-market regions, provinces, custom groupings) as the
// rest of the program sees it: codes, names, parent codes, polygons in the display CRS, and a
// triangle mesh plus outlines ready for the GPU. Built by io (GDAL/GEOS); no library types here.
#pragma once

#include "core/geo/geo_types.hpp"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace vak::core {

// Ring 0 is the outer shell, the others are holes. Rings are closed (first point == last).
struct Polygon {
    std::vector<std::vector<Vec2d>> rings;
};

struct RegionFeature {
    std::string code; // "GM0363"; unique within a layer
    std::string name; // "Amsterdam"
    std::vector<Polygon> polygons; // islands are separate polygons
    Box2d bounds;
    Vec2d label_point; // a point inside the region (GEOS point-on-surface), for labels and joins
    double area = 0;   // in display CRS units (m2 in RD New)
    // Parent codes or names by level, e.g. {"provincie", "PV27"}, {"arbeidsmarktregio", "Groot Amsterdam"}.
    std::vector<std::pair<std::string, std::string>> parents;

    const std::string* Parent(const std::string& level) const;
};

// GPU-ready geometry of a whole layer. Positions are relative to `origin` so that floats keep
// centimetre precision over the whole country (RD coordinates reach 620,000 m).
struct RegionMesh {
    Vec2d origin;
    std::vector<float> positions;          // x, y per vertex
    std::vector<std::uint32_t> feature_of_vertex;
    std::vector<std::uint32_t> triangles;  // 3 indices per triangle
    std::vector<std::uint32_t> outlines;   // 2 indices per boundary segment
    // Feature f's segments are outlines[outline_offsets[f] .. outline_offsets[f + 1]), so a
    // hovered or selected region's boundary can be redrawn alone.
    std::vector<std::uint32_t> outline_offsets;

    std::size_t VertexCount() const { return feature_of_vertex.size(); }
    std::size_t TriangleCount() const { return triangles.size() / 3; }
};

// Something found while reading a layer, with the feature named; shown by `vakatlas inspect`
// and in the interface. Nothing is dropped without one of these.
struct LayerProblem {
    enum class Kind { RepairedGeometry, EmptyGeometry, MissingCode, DuplicateCode, NotPolygon, AssumedCrs, Other };
    Kind kind = Kind::Other;
    long feature = -1; // index in the source layer (OGR feature order), -1 for the whole layer
    std::string message;
};

const char* ProblemKindName(LayerProblem::Kind kind);

// A coarser copy of the mesh for zoomed-out views: each region simplified with GEOS
// (topology-preserving per region) at `tolerance` display units. Drawn while a pixel covers at
// least twice the tolerance, so the simplification stays below half a pixel.
struct MeshLevel {
    double tolerance = 0;
    RegionMesh mesh;
};

// A number no other layer object of this process has; caches (GPU buffers, hit testers) key on
// it rather than on the address, which a later layer may reuse.
std::uint64_t NextLayerUid();

struct RegionLayer {
    std::uint64_t uid = NextLayerUid();
    std::string name;        // layer name ("gemeente_2025") or level name for derived layers
    std::string source;      // file it came from, or how it was derived
    std::string crs;         // display CRS, "EPSG:28992" or "EPSG:3857"
    std::string code_field;  // attribute used for codes ("statcode")
    std::string name_field;  // attribute used for names ("statnaam")
    bool is_tile_map = false; // hexagons of equal size instead of real boundaries
    bool is_derived = false;  // made by dissolving another layer (name = the level's field)
    std::vector<RegionFeature> features;
    RegionMesh mesh;                 // full detail
    std::vector<MeshLevel> coarse;   // increasing tolerance; empty when simplifying gains little
    Box2d bounds;
    std::vector<LayerProblem> problems;

    // The mesh to draw at `units_per_pixel`: the coarsest whose error stays under half a pixel.
    const RegionMesh& MeshFor(double units_per_pixel) const;

    // Index of the feature with this code, or -1. Call BuildIndex() after changing features.
    int FindByCode(const std::string& code) const;
    void BuildIndex();

private:
    std::unordered_map<std::string, int> m_by_code;
};

// Sum of triangle areas of one feature (or all when feature < 0), in display CRS units: the
// check that the mesh covers exactly the polygons.
double MeshArea(const RegionMesh& mesh, int feature = -1);

// Area of a polygon with holes (shoelace), display CRS units.
double PolygonArea(const Polygon& polygon);

} // namespace vak::core
