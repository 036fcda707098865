// The demo geography a first start shows: built from the committed facts table only.
#include "core/errors.hpp"
#include "io/demo_geography.hpp"
#include "io/region_hit_test.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace vak::io {
namespace {

const std::string kFacts = std::string(VAK_TEST_SOURCE_DIR) + "/geodata/gemeenten_2025.csv";

TEST(DemoGeography, FactsTableHasEveryMunicipalityOf2025)
{
    const MunicipalityFacts facts = ReadMunicipalityFacts(kFacts);
    ASSERT_EQ(facts.layer.features.size(), 342u);
    const int amsterdam = facts.layer.FindByCode("GM0363");
    ASSERT_GE(amsterdam, 0);
    const core::RegionFeature& a = facts.layer.features[amsterdam];
    EXPECT_EQ(a.name, "Amsterdam");
    ASSERT_NE(a.Parent("provincie"), nullptr);
    EXPECT_EQ(*a.Parent("provincie"), "PV27");
    // Near the Dam (RD 121,400 / 487,400) within the 0.01 degree rounding and the point-on-surface.
    EXPECT_NEAR(a.label_point.x, 121400, 6000);
    EXPECT_NEAR(a.label_point.y, 487400, 6000);
    EXPECT_GT(facts.neighbours[amsterdam].size(), 3u);
}

TEST(DemoGeography, LevelsAreTileMapsOfMunicipalitiesRegionsAndProvinces)
{
    core::Workspace workspace;
    LoadDemoGeography(workspace, kFacts);
    EXPECT_TRUE(workspace.IsDemo());
    ASSERT_EQ(workspace.Layers().size(), 3u);
    EXPECT_EQ(workspace.Layers()[0]->features.size(), 342u);
    EXPECT_EQ(workspace.Layers()[1]->features.size(), 35u);
    EXPECT_EQ(workspace.Layers()[2]->features.size(), 12u);
    for (const auto& layer : workspace.Layers())
        EXPECT_TRUE(layer->is_tile_map);
    // Province names come from the facts table, not the codes.
    const core::RegionLayer& provinces = *workspace.Layers()[2];
    const int noord_holland = provinces.FindByCode("PV27");
    ASSERT_GE(noord_holland, 0);
    EXPECT_EQ(provinces.features[noord_holland].name, "Noord-Holland");
    // The province's shape holds its municipalities' tiles: Amsterdam's tile centre is inside.
    const core::RegionLayer& tiles = *workspace.Layers()[0];
    const RegionHitTester hits(provinces);
    EXPECT_EQ(hits.FeatureAt(tiles.features[tiles.FindByCode("GM0363")].label_point), noord_holland);
}

TEST(DemoGeography, SameFactsGiveTheSameMapEveryTime)
{
    core::Workspace a, b;
    LoadDemoGeography(a, kFacts);
    LoadDemoGeography(b, kFacts);
    const core::RegionLayer& la = *a.Layers()[0];
    const core::RegionLayer& lb = *b.Layers()[0];
    ASSERT_EQ(la.mesh.positions.size(), lb.mesh.positions.size());
    EXPECT_EQ(la.mesh.positions, lb.mesh.positions);
}

TEST(DemoGeography, BrokenFactsTableNamesRowAndColumn)
{
    test::TempDir dir("vak_facts");
    const std::string path = (dir.Path() / "facts.csv").string();
    std::ofstream(path) << "# comment\n"
                           "code;naam;lon;lat;opp_km2;provincie_code;provincie;arbeidsmarktregio_code;arbeidsmarktregio;buren\n"
                           "GM0001;Een;5.1;52.1;10;PV26;Utrecht;AM16;Midden-Utrecht;\n"
                           "GM0002;Twee;oost;52.2;10;PV26;Utrecht;AM16;Midden-Utrecht;GM0001\n";
    try {
        ReadMunicipalityFacts(path);
        FAIL();
    } catch (const core::InputError& e) {
        const std::string msg = e.what();
        EXPECT_NE(msg.find("row 4"), std::string::npos) << msg;
        EXPECT_NE(msg.find("lon"), std::string::npos) << msg;
        EXPECT_NE(msg.find("'oost'"), std::string::npos) << msg;
    }
}

} // namespace
} // namespace vak::io
