// Tests for the hexagon tile map generator on synthetic layers made here (no files): a jittered
// lattice like municipalities of similar size, a dense city in a sparse countryside (the Randstad
// against the north), coincident centroids, and one or two features.
#include "core/geo/hex_tile_map.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace vak::core {
namespace {

const double kSqrt3 = std::sqrt(3.0);

struct Layer {
    std::vector<Vec2d> centroids;
    std::vector<std::vector<int>> neighbours;
};

// Uniform in [0, 1) from mt19937, whose sequence the standard fixes (the distributions it
// leaves to the library), so the inputs are the same on every platform.
class Uniform {
public:
    explicit Uniform(std::uint32_t seed) : m_engine(seed) {}
    double operator()() { return static_cast<double>(m_engine()) / 4294967296.0; }

private:
    std::mt19937 m_engine;
};

// A columns x rows lattice in RD-like metres, each point moved up to jitter * spacing, with
// 4-neighbour adjacency.
Layer JitteredGrid(int columns, int rows, double spacing, double jitter, std::uint32_t seed)
{
    Uniform uniform(seed);
    Layer layer;
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < columns; ++c)
            layer.centroids.push_back({150000.0 + c * spacing + (2 * uniform() - 1) * jitter * spacing,
                                       450000.0 + r * spacing + (2 * uniform() - 1) * jitter * spacing});
    layer.neighbours.resize(layer.centroids.size());
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < columns; ++c) {
            auto& list = layer.neighbours[static_cast<std::size_t>(r * columns + c)];
            if (c > 0)
                list.push_back(r * columns + c - 1);
            if (c + 1 < columns)
                list.push_back(r * columns + c + 1);
            if (r > 0)
                list.push_back((r - 1) * columns + c);
            if (r + 1 < rows)
                list.push_back((r + 1) * columns + c);
        }
    return layer;
}

// Each point joined to its k nearest others (both ways), a stand-in for shared boundaries.
std::vector<std::vector<int>> NearestNeighbours(const std::vector<Vec2d>& points, std::size_t k)
{
    std::vector<std::vector<int>> lists(points.size());
    for (std::size_t i = 0; i < points.size(); ++i) {
        std::vector<std::pair<double, int>> by_distance;
        for (std::size_t j = 0; j < points.size(); ++j)
            if (j != i)
                by_distance.emplace_back(Distance(points[i], points[j]), static_cast<int>(j));
        std::sort(by_distance.begin(), by_distance.end());
        for (std::size_t n = 0; n < k && n < by_distance.size(); ++n) {
            const int j = by_distance[n].second;
            lists[i].push_back(j);
            lists[static_cast<std::size_t>(j)].push_back(static_cast<int>(i)); // duplicates are allowed
        }
    }
    return lists;
}

// 150 points in a 4 km disc around (40 km, 40 km) and 150 spread over 100 km x 100 km.
Layer CityAndCountryside()
{
    Uniform uniform(7);
    Layer layer;
    for (int i = 0; i < 150; ++i) {
        const double radius = 4000.0 * std::sqrt(uniform());
        const double angle = 6.283185307179586 * uniform();
        layer.centroids.push_back({40000.0 + radius * std::cos(angle), 40000.0 + radius * std::sin(angle)});
    }
    for (int i = 0; i < 150; ++i)
        layer.centroids.push_back({100000.0 * uniform(), 100000.0 * uniform()});
    layer.neighbours = NearestNeighbours(layer.centroids, 4);
    return layer;
}

// What every layout must satisfy: one distinct cell per feature, centres on their cells, and
// hexagons that do not overlap.
void ExpectValidLayout(const HexTileMap& map, std::size_t count)
{
    ASSERT_EQ(map.cells.size(), count);
    ASSERT_EQ(map.centres.size(), count);
    ASSERT_GT(map.hex_radius, 0.0);
    const std::set<std::pair<int, int>> distinct(map.cells.begin(), map.cells.end());
    EXPECT_EQ(distinct.size(), count);
    int off_cell = 0;
    int overlapping = 0;
    const double closest = kSqrt3 * map.hex_radius * (1.0 - 1e-9);
    for (std::size_t i = 0; i < count; ++i) {
        if (Distance(map.centres[i], map.CellCentre(map.cells[i])) > 1e-9 * map.hex_radius)
            ++off_cell;
        for (std::size_t j = i + 1; j < count; ++j)
            if (Distance(map.centres[i], map.centres[j]) < closest)
                ++overlapping;
    }
    EXPECT_EQ(off_cell, 0);
    EXPECT_EQ(overlapping, 0);
}

// Index of the feature with the smallest key(centroid).
template <typename Key>
std::size_t ArgMin(const std::vector<Vec2d>& points, Key key)
{
    return static_cast<std::size_t>(
        std::min_element(points.begin(), points.end(), [&](Vec2d a, Vec2d b) { return key(a) < key(b); }) -
        points.begin());
}

void ExpectOrderKeptInTheLarge(const HexTileMap& map, const std::vector<Vec2d>& centroids)
{
    const std::size_t west = ArgMin(centroids, [](Vec2d p) { return p.x; });
    const std::size_t east = ArgMin(centroids, [](Vec2d p) { return -p.x; });
    const std::size_t south = ArgMin(centroids, [](Vec2d p) { return p.y; });
    const std::size_t north = ArgMin(centroids, [](Vec2d p) { return -p.y; });
    EXPECT_LT(map.centres[west].x, map.centres[east].x);
    EXPECT_LT(map.centres[south].y, map.centres[north].y);
}

TEST(HexTileMap, JitteredGridGetsDistinctNonOverlappingHexagons)
{
    const Layer layer = JitteredGrid(20, 15, 5000.0, 0.3, 1);
    const HexTileMap map = BuildHexTileMap(layer.centroids, layer.neighbours);
    ExpectValidLayout(map, layer.centroids.size());
}

TEST(HexTileMap, JitteredGridKeepsNeighboursTogetherAndStaysNearHome)
{
    const Layer layer = JitteredGrid(20, 15, 5000.0, 0.3, 1);
    const HexTileMap map = BuildHexTileMap(layer.centroids, layer.neighbours);
    const HexTileQuality quality = MeasureHexTileMap(map, layer.centroids, layer.neighbours);
    EXPECT_GE(quality.kept_adjacency, 0.6);
    EXPECT_LE(quality.mean_displacement, 1.5);
    // The automatic size should give hexagons about as large as a lattice cell (25 km2 here).
    const double hex_area = 1.5 * kSqrt3 * map.hex_radius * map.hex_radius;
    EXPECT_NEAR(hex_area / (5000.0 * 5000.0), 1.0, 0.15);
}

TEST(HexTileMap, SameInputGivesTheSameOutputBitForBit)
{
    const Layer layer = CityAndCountryside();
    const HexTileMap first = BuildHexTileMap(layer.centroids, layer.neighbours);
    const HexTileMap second = BuildHexTileMap(layer.centroids, layer.neighbours);
    EXPECT_EQ(first.hex_radius, second.hex_radius);
    EXPECT_EQ(first.origin, second.origin);
    EXPECT_EQ(first.cells, second.cells);
    ASSERT_EQ(first.centres.size(), second.centres.size());
    for (std::size_t i = 0; i < first.centres.size(); ++i)
        EXPECT_EQ(first.centres[i], second.centres[i]) << "feature " << i;
}

TEST(HexTileMap, ImprovementPassesNeverRaiseTheCost)
{
    for (const Layer& layer : {JitteredGrid(20, 15, 5000.0, 0.3, 2), CityAndCountryside()}) {
        HexTileOptions greedy_only;
        greedy_only.improvement_passes = 0;
        const HexTileMap before = BuildHexTileMap(layer.centroids, layer.neighbours, greedy_only);
        const HexTileMap after = BuildHexTileMap(layer.centroids, layer.neighbours);
        ExpectValidLayout(after, layer.centroids.size());
        const HexTileQuality q_before = MeasureHexTileMap(before, layer.centroids, layer.neighbours);
        const HexTileQuality q_after = MeasureHexTileMap(after, layer.centroids, layer.neighbours);
        EXPECT_LE(q_after.cost, q_before.cost + 1e-9);
    }
}

TEST(HexTileMap, KeepsGeographicOrderInTheLarge)
{
    const Layer grid = JitteredGrid(20, 15, 5000.0, 0.3, 3);
    ExpectOrderKeptInTheLarge(BuildHexTileMap(grid.centroids, grid.neighbours), grid.centroids);
    const Layer mixed = CityAndCountryside();
    ExpectOrderKeptInTheLarge(BuildHexTileMap(mixed.centroids, mixed.neighbours), mixed.centroids);
}

TEST(HexTileMap, DenseCityGrowsAroundItselfWhileTheCountrysideStaysPut)
{
    const Layer layer = CityAndCountryside();
    const HexTileMap map = BuildHexTileMap(layer.centroids, layer.neighbours);
    ExpectValidLayout(map, layer.centroids.size());
    // The city needs far more cells than its 4 km disc holds, so it grows, but around its own
    // centre rather than being pushed aside.
    const Vec2d city_centre = {40000.0, 40000.0};
    Vec2d city;
    for (std::size_t i = 0; i < 150; ++i)
        city = city + map.centres[i] * (1.0 / 150.0);
    EXPECT_LE(Distance(city, city_centre), 3.0 * map.hex_radius);
    // Countryside away from the city keeps its place: the growing city only displaces what is
    // near it.
    std::vector<double> far_away;
    for (std::size_t i = 150; i < layer.centroids.size(); ++i)
        if (Distance(layer.centroids[i], city_centre) > 50000.0)
            far_away.push_back(Distance(map.centres[i], layer.centroids[i]) / map.hex_radius);
    ASSERT_GE(far_away.size(), 20u);
    std::sort(far_away.begin(), far_away.end());
    EXPECT_LE(far_away[far_away.size() / 2], 1.5);
    EXPECT_LE(far_away.back(), 4.0);
}

TEST(HexTileMap, IdenticalCentroidsGetACompactBlob)
{
    std::vector<Vec2d> centroids(40, Vec2d{155000.0, 463000.0});
    const HexTileMap map = BuildHexTileMap(centroids, {});
    ExpectValidLayout(map, centroids.size());
    // 37 cells lie within three rings of a cell and 61 within four: 40 coincident features fit
    // in four rings of the shared spot.
    for (std::size_t i = 0; i < centroids.size(); ++i)
        EXPECT_LE(Distance(map.centres[i], centroids[i]), 4.0 * kSqrt3 * map.hex_radius + 1e-6) << "feature " << i;
}

TEST(HexTileMap, IdenticalCentroidsAmongOthers)
{
    Layer layer = JitteredGrid(10, 10, 3000.0, 0.2, 4);
    for (int i = 0; i < 12; ++i) // twelve features reported at one point, e.g. a missing geometry
        layer.centroids.push_back(layer.centroids[55]);
    layer.neighbours.resize(layer.centroids.size());
    const HexTileMap map = BuildHexTileMap(layer.centroids, layer.neighbours);
    ExpectValidLayout(map, layer.centroids.size());
}

TEST(HexTileMap, OneFeatureSitsOnItsCentroid)
{
    const std::vector<Vec2d> centroids = {{121000.0, 487000.0}};
    const HexTileMap map = BuildHexTileMap(centroids, {});
    ExpectValidLayout(map, 1);
    EXPECT_EQ(map.centres[0], centroids[0]);

    HexTileOptions options;
    options.hex_radius = 2500.0;
    const HexTileMap sized = BuildHexTileMap(centroids, {{}}, options);
    EXPECT_EQ(sized.hex_radius, 2500.0);
    EXPECT_EQ(sized.centres[0], centroids[0]);
}

TEST(HexTileMap, TwoNeighboursTouchAndKeepTheirSides)
{
    const std::vector<Vec2d> centroids = {{100000.0, 400000.0}, {110000.0, 401000.0}};
    const std::vector<std::vector<int>> neighbours = {{1}, {0}};
    const HexTileMap map = BuildHexTileMap(centroids, neighbours);
    ExpectValidLayout(map, 2);
    EXPECT_TRUE(HexTileMap::CellsAdjacent(map.cells[0], map.cells[1]));
    EXPECT_LT(map.centres[0].x, map.centres[1].x);
    EXPECT_DOUBLE_EQ(MeasureHexTileMap(map, centroids, neighbours).kept_adjacency, 1.0);
}

TEST(HexTileMap, EmptyInputGivesAnEmptyMap)
{
    const HexTileMap map = BuildHexTileMap({}, {});
    EXPECT_TRUE(map.cells.empty());
    EXPECT_TRUE(map.centres.empty());
}

TEST(HexTileMap, OneSidedAndDuplicateNeighbourListsMeanTheSame)
{
    const Layer layer = JitteredGrid(8, 6, 4000.0, 0.25, 5);
    std::vector<std::vector<int>> one_sided(layer.neighbours.size());
    for (std::size_t i = 0; i < layer.neighbours.size(); ++i)
        for (int j : layer.neighbours[i])
            if (static_cast<std::size_t>(j) > i) {
                one_sided[i].push_back(j);
                one_sided[i].push_back(j);
                one_sided[i].push_back(static_cast<int>(i)); // a self reference is ignored
            }
    const HexTileMap symmetric = BuildHexTileMap(layer.centroids, layer.neighbours);
    const HexTileMap sloppy = BuildHexTileMap(layer.centroids, one_sided);
    EXPECT_EQ(symmetric.cells, sloppy.cells);
}

TEST(HexTileMap, NonFiniteCentroidIsRejectedByIndex)
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    for (const Vec2d bad : {Vec2d{nan, 1.0}, Vec2d{1.0, inf}, Vec2d{-inf, nan}}) {
        std::vector<Vec2d> centroids = {{0.0, 0.0}, {1.0, 0.0}, {2.0, 0.0}, bad};
        try {
            BuildHexTileMap(centroids, {});
            ADD_FAILURE() << "no exception";
        } catch (const std::invalid_argument& error) {
            EXPECT_NE(std::string(error.what()).find("feature 3"), std::string::npos) << error.what();
        }
    }
}

TEST(HexTileMap, BadNeighboursAndOptionsAreRejected)
{
    const std::vector<Vec2d> centroids = {{0.0, 0.0}, {1.0, 0.0}};
    EXPECT_THROW(BuildHexTileMap(centroids, {{1}, {2}}), std::invalid_argument);
    EXPECT_THROW(BuildHexTileMap(centroids, {{-1}, {}}), std::invalid_argument);
    EXPECT_THROW(BuildHexTileMap(centroids, {{1}}), std::invalid_argument);
    HexTileOptions options;
    options.hex_radius = -1.0;
    EXPECT_THROW(BuildHexTileMap(centroids, {}, options), std::invalid_argument);
    options = {};
    options.improvement_passes = -1;
    EXPECT_THROW(BuildHexTileMap(centroids, {}, options), std::invalid_argument);
    options = {};
    options.hex_radius = 1e-12; // would need cells beyond int range
    EXPECT_THROW(BuildHexTileMap({{0.0, 0.0}, {1e6, 0.0}}, {}, options), std::invalid_argument);
}

TEST(HexTileMap, CellsAdjacentMeansSharingAnEdge)
{
    const std::pair<int, int> cell = {3, -2};
    const std::vector<std::pair<int, int>> around = {{4, -2}, {4, -3}, {3, -3}, {2, -2}, {2, -1}, {3, -1}};
    for (const auto& other : around) {
        EXPECT_TRUE(HexTileMap::CellsAdjacent(cell, other));
        EXPECT_TRUE(HexTileMap::CellsAdjacent(other, cell));
    }
    EXPECT_FALSE(HexTileMap::CellsAdjacent(cell, cell));
    EXPECT_FALSE(HexTileMap::CellsAdjacent(cell, {5, -2}));
    EXPECT_FALSE(HexTileMap::CellsAdjacent(cell, {4, -1})); // the gap between two neighbours
}

TEST(HexTileMap, CornersRunCounterClockwiseAndNeighboursShareAnEdge)
{
    HexTileMap map;
    map.hex_radius = 2.0;
    map.origin = {10.0, 20.0};
    map.cells = {{0, 0}, {1, 0}, {0, 1}};
    for (const auto& cell : map.cells)
        map.centres.push_back(map.CellCentre(cell));

    const auto corners = map.Corners(0);
    double twice_area = 0;
    for (std::size_t k = 0; k < 6; ++k) {
        const Vec2d a = corners[k];
        const Vec2d b = corners[(k + 1) % 6];
        twice_area += a.x * b.y - b.x * a.y;
        EXPECT_NEAR(Distance(a, map.centres[0]), 2.0, 1e-12);
    }
    EXPECT_NEAR(twice_area / 2, 1.5 * kSqrt3 * 4.0, 1e-9); // positive: counter-clockwise
    // Pointy top: one corner straight above the centre.
    EXPECT_NEAR(corners[1].x, map.centres[0].x, 1e-12);
    EXPECT_NEAR(corners[1].y, map.centres[0].y + 2.0, 1e-12);

    for (std::size_t other : {1u, 2u}) {
        int shared = 0;
        for (const Vec2d a : map.Corners(0))
            for (const Vec2d b : map.Corners(other))
                shared += Distance(a, b) < 1e-9 ? 1 : 0;
        EXPECT_EQ(shared, 2) << "cell " << other;
    }
}

TEST(HexTileMap, ThousandsOfFeaturesStayValid)
{
    Layer layer = JitteredGrid(60, 50, 1000.0, 0.45, 6);
    // A dense core on top, as in a city.
    Uniform uniform(8);
    for (int i = 0; i < 500; ++i)
        layer.centroids.push_back({180000.0 + 3000.0 * uniform(), 470000.0 + 3000.0 * uniform()});
    layer.neighbours.resize(layer.centroids.size());
    const HexTileMap map = BuildHexTileMap(layer.centroids, layer.neighbours);
    ASSERT_EQ(map.cells.size(), layer.centroids.size());
    const std::set<std::pair<int, int>> distinct(map.cells.begin(), map.cells.end());
    EXPECT_EQ(distinct.size(), layer.centroids.size());
    ExpectOrderKeptInTheLarge(map, layer.centroids);
}

} // namespace
} // namespace vak::core
