// Region layers from the real CBS boundary files in ../shared/geodata/cbs.
#include "core/errors.hpp"
#include "core/text/utf8.hpp"
#include "io/ogr_handles.hpp"
#include "io/region_dissolve.hpp"
#include "io/region_hit_test.hpp"
#include "io/region_reader.hpp"
#include "support/shared_data.hpp"

#include <gtest/gtest.h>
#include <ogr_srs_api.h>

#include <algorithm>
#include <cmath>
#include <map>

namespace vak::io {
namespace {

const char* kGemeente2025 = "geodata/cbs/gemeente_2025.topojson";
const char* kAmr2025 = "geodata/cbs/arbeidsmarktregio_2025.topojson";
const char* kProvincie2025 = "geodata/cbs/provincie_2025.topojson";
const char* kGemeente2015 = "geodata/cbs/2015/Gemeente_2015_layer_q1e3.json";
const char* kProvincie2015 = "geodata/cbs/2015/Provincie_2015_layer_q1e3.json";
const char* kProvinceTable = "data/real/gemeente_provincie_2025.csv";

core::RegionLayer Read(const char* relative)
{
    return ReadRegionLayer(test::SharedFile(relative));
}

TEST(RealRegionLayers, FeatureCounts2025)
{
    VAK_REQUIRE_SHARED(kGemeente2025);
    EXPECT_EQ(Read(kGemeente2025).features.size(), 342u);
    EXPECT_EQ(Read(kAmr2025).features.size(), 35u);
    EXPECT_EQ(Read(kProvincie2025).features.size(), 12u);
}

TEST(RealRegionLayers, MunicipalitiesLieInTheNetherlandsInRdNew)
{
    VAK_REQUIRE_SHARED(kGemeente2025);
    const core::RegionLayer layer = Read(kGemeente2025);
    EXPECT_EQ(layer.crs, "EPSG:28992");
    EXPECT_EQ(layer.code_field, "statcode");
    EXPECT_EQ(layer.name_field, "statnaam");
    // RD New covers the Netherlands with x 0..300 km and y 300..625 km.
    for (const core::RegionFeature& f : layer.features) {
        SCOPED_TRACE(f.code + " " + f.name);
        EXPECT_EQ(f.code.rfind("GM", 0), 0u);
        EXPECT_GT(f.label_point.x, 0.0);
        EXPECT_LT(f.label_point.x, 300000.0);
        EXPECT_GT(f.label_point.y, 300000.0);
        EXPECT_LT(f.label_point.y, 625000.0);
        EXPECT_TRUE(f.bounds.Contains(f.label_point));
        EXPECT_GT(f.area, 1e6) << "every municipality is larger than 1 km2";
    }
    const int amsterdam = layer.FindByCode("GM0363");
    ASSERT_GE(amsterdam, 0);
    EXPECT_EQ(layer.features[amsterdam].name, "Amsterdam");
}

TEST(RealRegionLayers, CrsAssumptionIsReported)
{
    VAK_REQUIRE_SHARED(kGemeente2025);
    const core::RegionLayer layer = Read(kGemeente2025);
    bool assumed = false;
    for (const core::LayerProblem& p : layer.problems)
        assumed = assumed || (p.kind == core::LayerProblem::Kind::AssumedCrs &&
                              p.message.find("EPSG:4326") != std::string::npos);
    EXPECT_TRUE(assumed);
}

TEST(RealRegionLayers, TopoJsonThatStartsWithArcsOpens)
{
    VAK_REQUIRE_SHARED(kGemeente2015);
    const core::RegionLayer layer = Read(kGemeente2015);
    EXPECT_EQ(layer.features.size(), 393u);
    // The 2015 file carries the hierarchy as attributes.
    ASSERT_FALSE(layer.features.empty());
    EXPECT_NE(layer.features[0].Parent("provincie"), nullptr);
    EXPECT_NE(layer.features[0].Parent("corop_gebied"), nullptr);
}

TEST(RealRegionLayers, TriangleAreasSumToPolygonAreas)
{
    VAK_REQUIRE_SHARED(kGemeente2025);
    for (const char* file : {kGemeente2025, kProvincie2025, kGemeente2015}) {
        SCOPED_TRACE(file);
        const core::RegionLayer layer = Read(file);
        double polygons = 0;
        for (const core::RegionFeature& f : layer.features)
            polygons += f.area;
        EXPECT_NEAR(core::MeshArea(layer.mesh), polygons, polygons * 0.001);
        // And per feature, for islands and holes alike.
        for (std::size_t i = 0; i < layer.features.size(); ++i)
            EXPECT_NEAR(core::MeshArea(layer.mesh, static_cast<int>(i)), layer.features[i].area,
                        layer.features[i].area * 0.001 + 1.0)
                << layer.features[i].code;
    }
}

double AreaByKey(const core::RegionLayer& layer, std::map<std::string, double>& out, bool by_name)
{
    double total = 0;
    for (const core::RegionFeature& f : layer.features) {
        out[by_name ? core::RegionNameKey(f.name) : f.code] += f.area;
        total += f.area;
    }
    return total;
}

void ExpectSameAreas(const core::RegionLayer& derived, const core::RegionLayer& reference, bool by_name)
{
    ASSERT_EQ(derived.features.size(), 12u);
    std::map<std::string, double> a, b;
    AreaByKey(derived, a, by_name);
    AreaByKey(reference, b, by_name);
    for (const auto& [key, area] : b) {
        SCOPED_TRACE(key);
        ASSERT_TRUE(a.count(key)) << "no derived region for " << key;
        EXPECT_NEAR(a[key], area, area * 0.01);
    }
}

TEST(RealRegionLayers, Municipalities2015DissolvedByProvinceAttributeMatchTheProvinceLayer)
{
    VAK_REQUIRE_SHARED(kGemeente2015);
    const core::RegionLayer gemeenten = Read(kGemeente2015);
    const RegionGrouping grouping = GroupByParent(gemeenten, "provincie");
    EXPECT_TRUE(grouping.problems.empty());
    const core::RegionLayer provinces = DissolveRegions(gemeenten, grouping);
    EXPECT_EQ(provinces.name, "provincie");
    ExpectSameAreas(provinces, Read(kProvincie2015), false);
}

TEST(RealRegionLayers, Municipalities2025GroupedByLookupTableMatchTheProvinceLayer)
{
    VAK_REQUIRE_SHARED(kProvinceTable);
    const core::RegionLayer gemeenten = Read(kGemeente2025);
    const RegionGrouping grouping = GroupByTable(gemeenten, test::SharedFile(kProvinceTable));
    EXPECT_TRUE(grouping.problems.empty()) << grouping.problems.front();
    EXPECT_EQ(grouping.level, "province");
    const core::RegionLayer provinces = DissolveRegions(gemeenten, grouping);
    // The table says "Friesland", the boundaries "Fryslân": matched by name key.
    ExpectSameAreas(provinces, Read(kProvincie2025), true);
    EXPECT_GE(provinces.FindByCode("Friesland"), 0);
}

TEST(RealRegionLayers, HitTestFindsAmsterdamAtTheDam)
{
    VAK_REQUIRE_SHARED(kGemeente2025);
    const core::RegionLayer layer = Read(kGemeente2025);
    // The Dam square, 52.3731 N 4.8932 E, to RD New with PROJ (independent of the reader).
    const TransformHandle to_rd = MakeTransform("EPSG:4326", "EPSG:28992");
    double x = 4.8932, y = 52.3731;
    ASSERT_TRUE(OCTTransform(to_rd.get(), 1, &x, &y, nullptr));

    const RegionHitTester hits(layer);
    const int found = hits.FeatureAt({x, y});
    ASSERT_GE(found, 0);
    EXPECT_EQ(layer.features[found].code, "GM0363");
    EXPECT_EQ(hits.FeatureAt({x, y + 400000.0}), -1) << "far out in the North Sea";
}

// Even-odd crossing test, written out here so the lasso is checked against something that
// is not GEOS.
bool InsideRing(const std::vector<core::Vec2d>& ring, core::Vec2d p)
{
    bool inside = false;
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const core::Vec2d a = ring[i], b = ring[j];
        if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x)
            inside = !inside;
    }
    return inside;
}

TEST(RealRegionLayers, LassoPicksTheMunicipalitiesWhoseLabelPointItEncloses)
{
    VAK_REQUIRE_SHARED(kGemeente2025);
    const core::RegionLayer layer = Read(kGemeente2025);
    const RegionHitTester hits(layer);
    // A concave freehand-like ring (an L shape) over the Randstad, open at the end as a user
    // leaves it: closed by the tester.
    const core::Vec2d a = layer.features[layer.FindByCode("GM0363")].label_point; // Amsterdam
    const core::Vec2d u = layer.features[layer.FindByCode("GM0344")].label_point; // Utrecht
    const std::vector<core::Vec2d> ring = {{a.x - 6000, a.y + 6000}, {a.x + 6000, a.y + 6000},
                                           {a.x + 6000, u.y + 6000},  {u.x + 6000, u.y + 6000},
                                           {u.x + 6000, u.y - 6000},  {a.x - 6000, u.y - 6000}};
    const std::vector<int> picked = hits.FeaturesInside(ring);
    std::vector<int> expected;
    for (std::size_t i = 0; i < layer.features.size(); ++i)
        if (InsideRing(ring, layer.features[i].label_point))
            expected.push_back(static_cast<int>(i));
    EXPECT_EQ(picked, expected);
    EXPECT_NE(std::find(picked.begin(), picked.end(), layer.FindByCode("GM0363")), picked.end());
    EXPECT_NE(std::find(picked.begin(), picked.end(), layer.FindByCode("GM0344")), picked.end());
    EXPECT_LT(picked.size(), 60u) << "the notch of the L keeps the regions between out";
    EXPECT_GT(picked.size(), 2u);

    // A lasso that crosses itself (a figure eight round both cities) still picks both.
    const std::vector<core::Vec2d> eight = {{a.x - 3000, a.y - 3000}, {a.x + 3000, a.y + 3000},
                                            {u.x - 3000, u.y + 3000}, {u.x + 3000, u.y - 3000},
                                            {a.x + 3000, a.y - 3000}, {a.x - 3000, a.y + 3000}};
    const std::vector<int> both = hits.FeaturesInside(eight);
    EXPECT_NE(std::find(both.begin(), both.end(), layer.FindByCode("GM0363")), both.end());
    EXPECT_TRUE(hits.FeaturesInside(std::vector<core::Vec2d>{a, u}).empty()) << "two points enclose nothing";
}

TEST(RealRegionLayers, NeighbourhoodLayerLoadsAllFeatures)
{
    VAK_REQUIRE_SHARED("geodata/cbs/2015/Buurt_2014_layer_q1e3.json");
    const core::RegionLayer layer = Read("geodata/cbs/2015/Buurt_2014_layer_q1e3.json");
    EXPECT_EQ(layer.features.size(), 11691u);
    // Degenerate neighbourhoods (collapsed by quantisation) are kept and reported, not dropped.
    std::size_t reported = 0;
    for (const core::LayerProblem& p : layer.problems)
        reported += p.feature >= 0;
    EXPECT_GT(reported, 0u);
    EXPECT_GT(layer.mesh.TriangleCount(), 11691u);
}

TEST(RegionFiles, MissingFileIsNamed)
{
    try {
        ReadRegionLayer("/nonexistent/gemeenten.gpkg");
        FAIL();
    } catch (const core::InputError& e) {
        EXPECT_NE(std::string(e.what()).find("/nonexistent/gemeenten.gpkg: file not found"), std::string::npos)
            << e.what();
    }
}

} // namespace
} // namespace vak::io
