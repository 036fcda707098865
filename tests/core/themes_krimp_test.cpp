// Krimp on a hand-made pupils table: series per region and level through the engine, change
// between two years, ranking (unknown never ranked as 0), index series.
#include "core/aggregate/cpu_engine.hpp"
#include "core/themes/krimp.hpp"

#include <gtest/gtest.h>

namespace vak::core::themes {
namespace {

struct Row {
    const char* gemeente;
    const char* year;
    const char* maat;
    ValueState state;
    std::int64_t value;
};

constexpr ValueState K = ValueState::Known;
constexpr ValueState S = ValueState::Suppressed;

// GM1, GM2 in PV1; GM3, GM4 in PV2.
const Row kRows[] = {
    {"GM1", "2015", "leerlingen", K, 200}, {"GM1", "2025", "leerlingen", K, 150}, // -25 %
    {"GM2", "2015", "leerlingen", K, 100}, {"GM2", "2025", "leerlingen", K, 110}, // +10 %
    {"GM3", "2015", "leerlingen", K, 80},  {"GM3", "2025", "leerlingen", S, 0},   // end unknown
    {"GM4", "2015", "leerlingen", K, 50},  {"GM4", "2025", "leerlingen", K, 40},  // -20 %
    {"GM1", "2025", "inwoners", K, 9000},  // another quantity: never summed with pupils
};

Dataset Pupils()
{
    Dataset d;
    d.name = "leerlingen";
    for (const char* n : {"gemeente_code", "jaar", "maat"}) {
        DimensionColumn c;
        c.name = n;
        d.dimensions.push_back(c);
    }
    d.dimensions[0].role = DimensionRole::Region;
    d.dimensions[1].role = DimensionRole::Period;
    MeasureColumn m;
    m.name = "aantal";
    for (const Row& r : kRows) {
        d.dimensions[0].Encode(r.gemeente);
        d.dimensions[1].Encode(r.year);
        d.dimensions[2].Encode(r.maat);
        m.Append(r.state, r.value, 0);
    }
    d.measures.push_back(m);
    d.SetRowCount(std::size(kRows));
    return d;
}

RegionLayer Gemeenten()
{
    RegionLayer layer;
    layer.name = "gemeente";
    for (const auto& [code, parent] : {std::pair{"GM1", "PV1"}, {"GM2", "PV1"}, {"GM3", "PV2"}, {"GM4", "PV2"}}) {
        RegionFeature f;
        f.code = code;
        f.parents = {{"provincie", parent}};
        layer.features.push_back(f);
    }
    return layer;
}

class KrimpTest : public ::testing::Test {
protected:
    RegionLayer m_layer = Gemeenten();
    LevelTable m_table = BuildLevelTable(Pupils(), &m_layer);
    agg::CpuEngine m_engine{agg::CpuEngineOptions{1, agg::CubeMode::Auto}};
    RegionTable Series(const std::string& level)
    {
        return SumPerRegionAndPeriod(m_engine, m_table, level, {{"maat", "leerlingen"}});
    }
};

TEST_F(KrimpTest, ChangeAbsoluteAndPercentPerMunicipality)
{
    const std::vector<RegionChange> changes = ComputeChanges(Series("gemeente"), "2015", "2025");
    ASSERT_EQ(changes.size(), 4u);
    std::map<std::string, RegionChange> by;
    for (const RegionChange& c : changes)
        by[c.region] = c;
    EXPECT_DOUBLE_EQ(by["GM1"].absolute.value, 150.0 - 200.0);
    EXPECT_DOUBLE_EQ(by["GM1"].percent.value, (150.0 - 200.0) / 200.0 * 100.0);
    EXPECT_DOUBLE_EQ(by["GM2"].percent.value, 10.0);
    EXPECT_EQ(by["GM3"].percent.state, agg::GroupState::Unknown);
    EXPECT_EQ(by["GM3"].absolute.state, agg::GroupState::Unknown);
    EXPECT_DOUBLE_EQ(by["GM4"].absolute.value, -10.0);
}

TEST_F(KrimpTest, RankingLeavesUnknownOutInsteadOfRankingItAsZero)
{
    const std::vector<RegionChange> changes = ComputeChanges(Series("gemeente"), "2015", "2025");
    const std::vector<int> ranked = RankShrinking(changes);
    std::vector<std::string> order;
    for (int i : ranked)
        order.push_back(changes[std::size_t(i)].region);
    EXPECT_EQ(order, (std::vector<std::string>{"GM1", "GM4", "GM2"}));
    EXPECT_EQ(RankShrinking(changes, 1).size(), 1u);
}

TEST_F(KrimpTest, ProvincesSumTheirMunicipalitiesAndKeepTheSuppressedPart)
{
    const std::vector<RegionChange> changes = ComputeChanges(Series("provincie"), "2015", "2025");
    ASSERT_EQ(changes.size(), 2u);
    EXPECT_EQ(changes[0].region, "PV1");
    EXPECT_DOUBLE_EQ(changes[0].absolute.value, (150.0 + 110.0) - (200.0 + 100.0));
    // PV2 in 2025: GM4's 40 is known, GM3's "<5" is left out and counted, never taken as 0 silently.
    EXPECT_EQ(changes[1].to.state, agg::GroupState::Known);
    EXPECT_DOUBLE_EQ(changes[1].to.value, 40.0);
    EXPECT_EQ(changes[1].to.suppressed, 1);
    EXPECT_EQ(changes[1].percent.suppressed, 1);
}

TEST(Krimp, IndexSeriesWithBaseYear100)
{
    const std::vector<RegionValue> series = {{200, agg::GroupState::Known, 0},
                                             {150, agg::GroupState::Known, 0},
                                             {0, agg::GroupState::Unknown, 1},
                                             {0, agg::GroupState::Empty, 0}};
    const std::vector<RegionValue> index = IndexSeries(series, 0);
    EXPECT_DOUBLE_EQ(index[0].value, 100.0);
    EXPECT_DOUBLE_EQ(index[1].value, 75.0);
    EXPECT_EQ(index[2].state, agg::GroupState::Unknown);
    EXPECT_EQ(index[3].state, agg::GroupState::Empty);
    // An unknown base makes every point unknown, not 0 or infinite.
    for (const RegionValue& v : IndexSeries(series, 2))
        EXPECT_NE(v.state, agg::GroupState::Known);
}

TEST_F(KrimpTest, NationalLineAndRegionSeries)
{
    const RegionTable series = Series("gemeente");
    const std::vector<std::string> years = {"2015", "2025"};
    const std::vector<RegionValue> total = TotalSeries(series, years);
    EXPECT_DOUBLE_EQ(total[0].value, 200.0 + 100.0 + 80.0 + 50.0);
    EXPECT_DOUBLE_EQ(total[1].value, 150.0 + 110.0 + 40.0);
    EXPECT_EQ(total[1].suppressed, 1);
    const std::vector<RegionValue> gm2 = SeriesOf(series, "GM2", years);
    EXPECT_DOUBLE_EQ(gm2[1].value, 110.0);
    EXPECT_EQ(SeriesOf(series, "GM9", years)[0].state, agg::GroupState::Empty);
}

} // namespace
} // namespace vak::core::themes
