// The adapter from loaded tables to the themes' inputs: locations and catalogue read by their
// columns, bad tables named with the row and the problem, region values summed to a parent
// level with "<5" and missing parts kept apart.
#include "core/errors.hpp"
#include "core/themes/theme_data.hpp"

#include <gtest/gtest.h>

namespace vak::core::themes {
namespace {

Dataset Table(const std::string& name, std::vector<std::string> columns, std::vector<std::vector<std::string>> rows)
{
    Dataset d;
    d.name = name;
    for (const std::string& c : columns) {
        DimensionColumn column;
        column.name = c;
        d.dimensions.push_back(column);
    }
    for (const auto& row : rows)
        for (std::size_t c = 0; c < columns.size(); ++c)
            d.dimensions[c].Encode(row[c]);
    d.SetRowCount(rows.size());
    return d;
}

TEST(ThemeData, LocationsNeedPointsAndUniqueCodes)
{
    Dataset d = Table("vestigingen", {"vestiging_code", "brin", "naam", "gemeente_code"},
                      {{"99AA00", "99AA", "Hoofd", "GM0014"}, {"99AA01", "99AA", "Tweede", "GM1952"}});
    d.dimensions[3].role = DimensionRole::Region;
    EXPECT_THROW(ReadLocations(d), InputError) << "no points";
    d.x = {235865, 249108};
    d.y = {581985, 579577};
    const std::vector<Location> l = ReadLocations(d);
    ASSERT_EQ(l.size(), 2u);
    EXPECT_EQ(l[1].code, "99AA01");
    EXPECT_EQ(l[1].brin, "99AA");
    EXPECT_EQ(l[1].region_code, "GM1952");
    EXPECT_EQ(l[1].position, (Vec2d{249108, 579577}));

    d.dimensions[0].Encode("99AA00");
    d.dimensions[1].Encode("99AA");
    d.dimensions[2].Encode("Dubbel");
    d.dimensions[3].Encode("GM0014");
    d.x.push_back(1);
    d.y.push_back(1);
    d.SetRowCount(3);
    try {
        ReadLocations(d);
        FAIL() << "a location listed twice is refused";
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("row 4"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("99AA00"), std::string::npos) << e.what();
    }
}

TEST(ThemeData, CatalogueLevelsAndLearningPaths)
{
    const Dataset d = Table("opleidingen", {"crebo", "naam", "niveau", "kamer", "leerwegen"},
                            {{"90100", "Assistent", "1", "Techniek", "BOL/BBL"},
                             {"90200", "Kok", "3", "Voedsel", "BOL"},
                             {"90300", "Onbekend", "x", "", "BBL"}});
    const std::vector<Programme> p = ReadCatalogue(d);
    ASSERT_EQ(p.size(), 3u);
    EXPECT_EQ(p[0].level, 1);
    EXPECT_TRUE(p[0].bol && p[0].bbl);
    EXPECT_TRUE(p[1].bol && !p[1].bbl);
    EXPECT_EQ(p[2].level, 0) << "an unreadable level is unknown, not 1";
    EXPECT_EQ(CatalogueIndex(p).at("90200"), 1);
    EXPECT_THROW(ReadCatalogue(Table("x", {"naam"}, {{"a"}})), InputError);
    EXPECT_EQ(ParseLearningPath(" bbl "), LearningPath::Bbl);
    EXPECT_EQ(ParseLearningPath("deeltijd"), LearningPath::Any);
}

TEST(ThemeData, RollUpKeepsSuppressedAndMissingPartsApart)
{
    RegionLayer layer;
    layer.name = "gemeente";
    for (const auto& [code, parent] : {std::pair{"GM1", "PV1"}, {"GM2", "PV1"}, {"GM3", "PV2"}, {"GM4", "PV2"},
                                       {"GM5", "PV3"}}) {
        RegionFeature f;
        f.code = code;
        f.parents = {{"provincie", parent}};
        layer.features.push_back(f);
    }
    const std::map<std::string, RegionValue> values = {
        {"GM1", {10, agg::GroupState::Known, 0}},
        {"GM2", {0, agg::GroupState::Unknown, 1}}, // "<5"
        {"GM3", {7, agg::GroupState::Known, 0}},
        {"GM4", {0, agg::GroupState::Unknown, 0}}, // missing
        {"GM5", {0, agg::GroupState::Unknown, 2}},
        {"GM9", {5, agg::GroupState::Known, 0}}, // not in the layer
    };
    std::vector<std::string> unplaced;
    const std::map<std::string, RegionValue> p = RollUp(values, layer, "provincie", &unplaced);
    EXPECT_EQ(p.at("PV1").state, agg::GroupState::Known);
    EXPECT_DOUBLE_EQ(p.at("PV1").value, 10.0);
    EXPECT_EQ(p.at("PV1").suppressed, 1);
    EXPECT_EQ(p.at("PV2").state, agg::GroupState::Unknown) << "a missing part is not a small one";
    EXPECT_EQ(p.at("PV3").state, agg::GroupState::Unknown);
    EXPECT_EQ(p.at("PV3").suppressed, 2);
    EXPECT_EQ(unplaced, std::vector<std::string>{"GM9"});
}

} // namespace
} // namespace vak::core::themes
