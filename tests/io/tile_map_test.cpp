// Tile maps of the real 2025 layers: one hexagon per region, near its real place, neighbours
// mostly kept, and usable like any layer (dissolve, hit test).
#include "core/geo/hex_tile_map.hpp"
#include "io/region_dissolve.hpp"
#include "io/region_hit_test.hpp"
#include "io/region_reader.hpp"
#include "io/tile_map.hpp"
#include "support/shared_data.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>

namespace vak::io {
namespace {

const char* kGemeente2025 = "geodata/cbs/gemeente_2025.topojson";

TEST(RegionNeighbours, AmsterdamTouchesAmstelveenNotMaastricht)
{
    VAK_REQUIRE_SHARED(kGemeente2025);
    const core::RegionLayer layer = ReadRegionLayer(test::SharedFile(kGemeente2025));
    const auto neighbours = RegionNeighbours(layer);
    const int amsterdam = layer.FindByCode("GM0363");
    auto touches = [&](const char* code) {
        const int other = layer.FindByCode(code);
        return std::count(neighbours[amsterdam].begin(), neighbours[amsterdam].end(), other) > 0;
    };
    EXPECT_TRUE(touches("GM0362"));  // Amstelveen
    EXPECT_TRUE(touches("GM0384"));  // Diemen
    EXPECT_FALSE(touches("GM0935")); // Maastricht
    // Symmetric.
    for (std::size_t i = 0; i < neighbours.size(); ++i)
        for (int j : neighbours[i])
            EXPECT_TRUE(std::count(neighbours[j].begin(), neighbours[j].end(), static_cast<int>(i)));
}

TEST(TileMapLayer, EveryMunicipalityGetsOneHexagonNearItsPlace)
{
    VAK_REQUIRE_SHARED(kGemeente2025);
    const core::RegionLayer layer = ReadRegionLayer(test::SharedFile(kGemeente2025));
    const core::RegionLayer tiles = BuildTileMapLayer(layer);
    ASSERT_EQ(tiles.features.size(), 342u);
    EXPECT_TRUE(tiles.is_tile_map);
    std::set<std::pair<long long, long long>> centres;
    for (std::size_t i = 0; i < tiles.features.size(); ++i) {
        const core::RegionFeature& t = tiles.features[i];
        ASSERT_EQ(t.polygons.size(), 1u);
        EXPECT_EQ(t.polygons[0].rings[0].size(), 7u) << "a closed hexagon";
        EXPECT_EQ(t.code, layer.features[i].code);
        centres.insert({std::llround(t.label_point.x), std::llround(t.label_point.y)});
    }
    EXPECT_EQ(centres.size(), 342u) << "no two regions share a tile";
    // All tiles have one size, and together about the land area of the municipalities.
    double area = 0, tiles_area = 0;
    for (std::size_t i = 0; i < 342; ++i) {
        area += layer.features[i].area;
        tiles_area += tiles.features[i].area;
        EXPECT_DOUBLE_EQ(tiles.features[i].area, tiles.features[0].area);
    }
    EXPECT_NEAR(tiles_area, area, area * 0.01);
    EXPECT_NEAR(core::MeshArea(tiles.mesh), tiles_area, tiles_area * 0.001);

    // Amsterdam's tile lies within a few tiles of Amsterdam, and hit-testing finds it there.
    const int a = layer.FindByCode("GM0363");
    const double radius = std::sqrt(tiles.features[0].area / (1.5 * std::sqrt(3.0)));
    EXPECT_LT(core::Distance(tiles.features[a].label_point, layer.features[a].label_point), 4 * radius);
    const RegionHitTester hits(tiles);
    EXPECT_EQ(hits.FeatureAt(tiles.features[a].label_point), a);
}

TEST(TileMapLayer, KeepsMostNeighboursAndDissolvesIntoProvinces)
{
    VAK_REQUIRE_SHARED("data/real/gemeente_provincie_2025.csv");
    const core::RegionLayer layer = ReadRegionLayer(test::SharedFile(kGemeente2025));
    const auto neighbours = RegionNeighbours(layer);
    const core::RegionLayer tiles = BuildTileMapLayer(layer, neighbours);
    std::size_t pairs = 0, kept = 0;
    for (std::size_t i = 0; i < neighbours.size(); ++i)
        for (int j : neighbours[i])
            if (j > static_cast<int>(i)) {
                ++pairs;
                // Adjacent hexagons share an edge: their distance is sqrt(3) radii.
                const double d = core::Distance(tiles.features[i].label_point, tiles.features[j].label_point);
                const double radius = std::sqrt(tiles.features[0].area / (1.5 * std::sqrt(3.0)));
                kept += d < 1.8 * radius;
            }
    EXPECT_GT(static_cast<double>(kept) / static_cast<double>(pairs), 0.6);

    const core::RegionLayer provinces =
        DissolveRegions(tiles, GroupByTable(tiles, test::SharedFile("data/real/gemeente_provincie_2025.csv")));
    EXPECT_EQ(provinces.features.size(), 12u);
}

} // namespace
} // namespace vak::io
