// The choropleth the map draws: classes and colours from region values, with unknown
// ("<5" only) and no-data regions kept out of the classes and coloured apart, and ranks.
#include "core/style/choropleth.hpp"

#include <gtest/gtest.h>

namespace vak::core {
namespace {

RegionValue Known(double v) { return {v, agg::GroupState::Known, 0}; }

TEST(Choropleth, UnknownAndNoDataRegionsGetTheirOwnColoursNotAClass)
{
    const std::vector<RegionValue> values = {Known(10), Known(20), {0, agg::GroupState::Unknown, 2},
                                             Known(30), {0, agg::GroupState::Empty, 0}, Known(40)};
    ChoroplethStyle style;
    style.classes = 2;
    style.method = ClassMethod::EqualInterval;
    const Choropleth map = MakeChoropleth(values, style);
    ASSERT_EQ(map.classification.Classes(), 2);
    EXPECT_EQ(map.unknown_features, 1u);
    EXPECT_EQ(map.no_data_features, 1u);
    // Equal interval over 10..40: edges 10, 25, 40.
    EXPECT_EQ(map.feature_classes, (std::vector<int>{0, 0, -1, 1, -1, 1}));
    EXPECT_EQ(map.feature_colors[2], NoDataColor()); // hatched on top: feature_unknown
    EXPECT_EQ(map.feature_unknown, (std::vector<std::uint8_t>{0, 0, 1, 0, 0, 0}));
    EXPECT_EQ(map.feature_colors[4], NoDataColor());
    EXPECT_EQ(map.feature_colors[0], map.class_colors[0]);
    EXPECT_EQ(map.feature_colors[5], map.class_colors[1]);
    EXPECT_NE(map.class_colors[0], map.class_colors[1]);
    // Ranks: 40 first, the unknown and empty regions unranked.
    EXPECT_EQ(map.feature_ranks, (std::vector<std::size_t>{4, 3, 0, 2, 0, 1}));
    EXPECT_EQ(map.ranked, 4u);
}

TEST(Choropleth, NoKnownValueLeavesEveryRegionOutOfTheClasses)
{
    const std::vector<RegionValue> values = {{0, agg::GroupState::Unknown, 1}, {0, agg::GroupState::Empty, 0}};
    const Choropleth map = MakeChoropleth(values, {});
    EXPECT_EQ(map.classification.Classes(), 0);
    EXPECT_EQ(map.feature_classes, (std::vector<int>{-1, -1}));
    EXPECT_EQ(map.feature_colors[1], NoDataColor());
}

TEST(Choropleth, ManualBreaksPlaceRegionsByTheUsersEdgesAndFallBackWhileIncomplete)
{
    // Pupils per region: 120, 480, 950, 2.400, 7.000; the user's edges 0; 500; 1.000; 5.000.
    std::vector<RegionValue> values;
    for (double v : {120.0, 480.0, 950.0, 2400.0, 7000.0})
        values.push_back({v, agg::GroupState::Known, 1});
    ChoroplethStyle style;
    style.method = ClassMethod::Manual;
    style.manual_edges = {0, 500, 1000, 5000};
    style.classes = 3;
    const Choropleth map = MakeChoropleth(values, style);
    ASSERT_EQ(map.classification.Classes(), 3);
    // 7.000 lies above the last edge: the last class, whose edge widens to keep the legend true.
    EXPECT_EQ(map.feature_classes, (std::vector<int>{0, 0, 1, 2, 2}));
    EXPECT_EQ(map.classification.breaks.back(), 7000.0);
    EXPECT_EQ(map.classification.counts, (std::vector<std::size_t>{2, 1, 2}));

    // Edges not yet usable (one edge typed so far): quantiles meanwhile, never a blank map.
    style.manual_edges = {500};
    const Choropleth fallback = MakeChoropleth(values, style);
    EXPECT_EQ(fallback.classification.method, ClassMethod::Quantile);
    for (int c : fallback.feature_classes)
        EXPECT_GE(c, 0);
}

} // namespace
} // namespace vak::core
