// The CPU backend of the aggregation core against the naive reference loop: random tables,
// filters and views (seeded), every cube mode and thread count, and the edge cases a user meets
// (nothing left after filtering, one region, suppressed-only groups, sums beyond 2^32).
#include "core/aggregate/cpu_engine.hpp"
#include "core/errors.hpp"
#include "support/random_fact_table.hpp"
#include "support/reference_aggregate.hpp"

#include <gtest/gtest.h>

#include <numeric>
#include <random>

namespace vak::core::agg {
namespace {

void ExpectMatchesReference(Engine& engine, const FactTable& table, const FilterSet& filters,
                            const std::vector<ViewSpec>& views, const std::string& context)
{
    const std::vector<ViewResult> results = engine.Compute(filters, views);
    ASSERT_EQ(results.size(), views.size());
    for (std::size_t v = 0; v < views.size(); ++v) {
        const ViewResult expected = test::ReferenceAggregate(table, filters, views[v]);
        ASSERT_EQ(results[v].GroupCount(), expected.GroupCount()) << context << " view " << test::DescribeView(views[v]);
        for (std::size_t g = 0; g < expected.GroupCount(); ++g) {
            ASSERT_EQ(results[v].rows[g], expected.rows[g]) << context << " " << test::DescribeView(views[v]) << " group " << g;
            ASSERT_EQ(results[v].values[g], expected.values[g]) << context << " " << test::DescribeView(views[v]) << " group " << g;
            ASSERT_EQ(results[v].suppressed[g], expected.suppressed[g]) << context << " group " << g;
            ASSERT_EQ(results[v].states[g], expected.states[g]) << context << " " << test::DescribeView(views[v]) << " group " << g;
        }
        EXPECT_EQ(results[v].decimals, expected.decimals) << context;
    }
}

struct EngineCase {
    unsigned threads;
    CubeMode cube;
};

class CpuEngineProperty : public ::testing::TestWithParam<EngineCase> {};

TEST_P(CpuEngineProperty, RandomTablesFiltersAndViewsMatchTheReference)
{
    const EngineCase param = GetParam();
    for (std::uint32_t seed = 1; seed <= 12; ++seed) {
        test::RandomTableShape shape;
        shape.rows = 3000 + seed * 1777;
        shape.cardinalities = {std::uint32_t(5 + seed * 7), 12, std::uint32_t(2 + seed % 5)};
        const auto table = std::make_shared<FactTable>(test::RandomFactTable(seed, shape));
        CpuEngine engine({param.threads, param.cube});
        engine.Load(table);
        std::mt19937_64 rng(seed * 7919);
        for (int round = 0; round < 8; ++round) {
            const FilterSet filters = test::RandomFilters(rng, *table);
            std::vector<ViewSpec> views;
            for (int v = 0; v < 4; ++v)
                views.push_back(test::RandomView(rng, *table));
            ExpectMatchesReference(engine, *table, filters, views,
                                   "seed " + std::to_string(seed) + " round " + std::to_string(round));
            if (HasFatalFailure())
                return;
        }
    }
}

INSTANTIATE_TEST_SUITE_P(ThreadsAndCube, CpuEngineProperty,
                         ::testing::Values(EngineCase{1, CubeMode::Never}, EngineCase{3, CubeMode::Never},
                                           EngineCase{2, CubeMode::Always}, EngineCase{4, CubeMode::Auto}));

// A small hand-made table: regions A, B, C; years 2020, 2021; pupils with a "<5".
FactTable SmallTable()
{
    FactTable t;
    t.name = "small";
    t.rows = 6;
    FactDimension region{"region", DimensionRole::Region, {"A", "B", "C"}, {0, 0, 1, 1, 2, 2}};
    FactDimension year{"year", DimensionRole::Period, {"2020", "2021"}, {0, 1, 0, 1, 0, 1}};
    t.dimensions = {region, year};
    FactMeasure pupils;
    pupils.name = "pupils";
    pupils.values = {100, 90, 40, 0, 0, 0};
    pupils.states = {ValueState::Known, ValueState::Known, ValueState::Known, ValueState::Suppressed,
                     ValueState::Suppressed, ValueState::Missing};
    t.measures = {pupils};
    return t;
}

TEST(CpuEngine, SumByRegionKeepsSuppressedOnlyRegionsUnknownNotZero)
{
    CpuEngine engine;
    engine.Load(std::make_shared<FactTable>(SmallTable()));
    ViewSpec by_region;
    by_region.measure = 0;
    by_region.group_by[0] = 0;
    const ViewResult r = engine.Compute({}, {by_region}).at(0);
    EXPECT_EQ(r.values, (std::vector<std::int64_t>{190, 40, 0}));
    EXPECT_EQ(r.states[0], GroupState::Known);
    EXPECT_EQ(r.states[1], GroupState::Known); // 40 known, one "<5" left out: suppressed says so
    EXPECT_EQ(r.suppressed[1], 1);
    EXPECT_EQ(r.states[2], GroupState::Unknown); // only "<5" and "." : unknown, not 0
}

TEST(CpuEngine, CrossFilterRuleAViewIgnoresTheFilterOnItsOwnDimension)
{
    const auto table = std::make_shared<FactTable>(SmallTable());
    CpuEngine engine;
    engine.Load(table);
    FilterSet filters;
    filters.Restrict(0, {0}, 3);                                 // region A selected on the map
    filters.Restrict(1, table->CodesInRange(1, "2021", "2021"), 2); // year 2021 brushed
    ViewSpec by_region, by_year;
    by_region.measure = by_year.measure = 0;
    by_region.group_by[0] = 0;
    by_year.group_by[0] = 1;
    const auto results = engine.Compute(filters, {by_region, by_year});
    // The map still shows every region (for 2021 only); the year chart every year (of region A).
    EXPECT_EQ(results[0].values, (std::vector<std::int64_t>{90, 0, 0}));
    EXPECT_EQ(results[0].states[1], GroupState::Unknown);
    EXPECT_EQ(results[1].values, (std::vector<std::int64_t>{100, 90}));
}

TEST(CpuEngine, AFilterThatLetsNothingThroughEmptiesOtherViewsButNotItsOwn)
{
    const auto table = std::make_shared<FactTable>(SmallTable());
    for (CubeMode cube : {CubeMode::Never, CubeMode::Always}) {
        CpuEngine engine({1, cube});
        engine.Load(table);
        FilterSet filters;
        filters.Restrict(0, {}, 3);
        ViewSpec total, by_region;
        total.measure = by_region.measure = 0;
        by_region.group_by[0] = 0;
        const auto results = engine.Compute(filters, {total, by_region});
        EXPECT_EQ(results[0].states.at(0), GroupState::Empty);
        EXPECT_EQ(results[0].rows.at(0), 0);
        EXPECT_EQ(results[1].values, (std::vector<std::int64_t>{190, 40, 0}));
    }
}

TEST(CpuEngine, SumsBeyondTwoToTheThirtyTwoAreExact)
{
    test::RandomTableShape shape;
    shape.rows = 20000;
    shape.big_value = 3'000'000'000;
    shape.cardinalities = {3};
    const auto table = std::make_shared<FactTable>(test::RandomFactTable(42, shape));
    CpuEngine engine({2, CubeMode::Never});
    engine.Load(table);
    ViewSpec total;
    total.measure = 0;
    const ViewResult r = engine.Compute({}, {total}).at(0);
    std::int64_t expected = 0;
    for (std::size_t i = 0; i < table->rows; ++i)
        expected += table->measures[0].values[i];
    EXPECT_GT(expected, std::int64_t(1) << 40);
    EXPECT_EQ(r.values.at(0), expected);
}

TEST(CpuEngine, CountDistinctCountsOfferedProgrammesOnly)
{
    // Programme P1 at two locations of region A, P2 with "<5" in A, P3 with a known 0 in A.
    FactTable t;
    t.name = "programmes";
    t.rows = 4;
    t.dimensions = {FactDimension{"region", DimensionRole::Region, {"A", "B"}, {0, 0, 0, 0}},
                    FactDimension{"programme", DimensionRole::Category, {"P1", "P2", "P3"}, {0, 0, 1, 2}}};
    FactMeasure students;
    students.name = "students";
    students.values = {30, 12, 0, 0};
    students.states = {ValueState::Known, ValueState::Known, ValueState::Suppressed, ValueState::Known};
    t.measures = {students};
    const auto table = std::make_shared<FactTable>(t);
    for (CubeMode cube : {CubeMode::Never, CubeMode::Always}) {
        CpuEngine engine({1, cube});
        engine.Load(table);
        ViewSpec offered;
        offered.aggregate = Aggregate::CountDistinct;
        offered.distinct_dimension = 1;
        offered.measure = 0;
        offered.group_by[0] = 0;
        ViewSpec listed = offered;
        listed.measure = -1;
        const auto results = engine.Compute({}, {offered, listed});
        EXPECT_EQ(results[0].values, (std::vector<std::int64_t>{2, 0})); // P1 and P2 ("<5" still means offered)
        EXPECT_EQ(results[0].states[1], GroupState::Empty);
        EXPECT_EQ(results[1].values, (std::vector<std::int64_t>{3, 0}));
    }
}

TEST(CpuEngine, PointBinsPutEdgePointsInTheUpperCellAndSkipPointsOutside)
{
    FactTable t;
    t.name = "points";
    t.rows = 5;
    t.dimensions = {FactDimension{"sector", DimensionRole::Category, {"zorg"}, {0, 0, 0, 0, 0}}};
    t.x = {0, 9, 10, -1, 25};
    t.y = {0, 0, 10, 0, 0};
    const auto table = std::make_shared<FactTable>(t);
    CpuEngine engine;
    engine.Load(table);
    ViewSpec density;
    density.aggregate = Aggregate::Count;
    density.bins = PointGrid{0, 0, 10, 2, 2};
    const ViewResult r = engine.Compute({}, {density}).at(0);
    EXPECT_EQ(r.values, (std::vector<std::int64_t>{2, 0, 0, 1})); // (0,0),(9,0) | (10,10); -1 and 25 outside
}

TEST(CpuEngine, PointBinsAreExactForAnyCellSizeAndNegativeOrigins)
{
    test::RandomTableShape shape;
    shape.rows = 20000;
    const auto table = std::make_shared<FactTable>(test::RandomFactTable(9, shape));
    CpuEngine engine({2, CubeMode::Never});
    engine.Load(table);
    for (std::int64_t cell : {std::int64_t(1), std::int64_t(3), std::int64_t(7), std::int64_t(9973),
                              std::int64_t(1) << 20, (std::int64_t(1) << 31) - 2}) {
        ViewSpec density;
        density.aggregate = Aggregate::Sum;
        density.measure = 0;
        const std::uint32_t n = static_cast<std::uint32_t>(std::min<std::int64_t>(300, ((std::int64_t(1) << 31) - 2) / cell));
        // Origin left of and below most points, so offsets are large; a second grid right of them.
        density.bins = PointGrid{-5000000, 1000, cell, n, n};
        EXPECT_EQ(engine.Compute({}, {density}).at(0), test::ReferenceAggregate(*table, {}, density)) << "cell " << cell;
        density.bins = PointGrid{1550000, 4600000, cell, n, n};
        EXPECT_EQ(engine.Compute({}, {density}).at(0), test::ReferenceAggregate(*table, {}, density)) << "cell " << cell;
    }
    ViewSpec too_wide;
    too_wide.aggregate = Aggregate::Count;
    too_wide.bins = PointGrid{0, 0, std::int64_t(1) << 30, 4, 1};
    EXPECT_THROW(engine.Compute({}, {too_wide}), InputError);
}

// Point views read the rows partitioned by their low-cardinality dimensions and skip the
// partitions a filter rules out: the bins must still equal the reference loop's, for filters on
// partitioning dimensions, on others, on both, and beside views that ignore some filters.
TEST(CpuEngine, PointBinsOverPartitionedRowsMatchTheReference)
{
    test::RandomTableShape shape;
    shape.rows = 200000;
    shape.cardinalities = {300, 7, 6}; // 200,000 rows / 4,096 allows 48 partitions: 7 x 6 = 42
    const auto table = std::make_shared<FactTable>(test::RandomFactTable(31, shape));
    for (const EngineCase param : {EngineCase{2, CubeMode::Auto}, EngineCase{3, CubeMode::Never}}) {
        CpuEngine engine({param.threads, param.cube});
        engine.Load(table);
        ASSERT_EQ(engine.PointPartitionCount(), 42u);
        std::mt19937_64 rng(4242);
        for (int round = 0; round < 10; ++round) {
            const FilterSet filters = test::RandomFilters(rng, *table);
            ViewSpec density;
            density.aggregate = round % 2 ? Aggregate::Count : Aggregate::Sum;
            density.measure = round % 2 ? -1 : 0;
            density.bins = PointGrid{1200000, 3000000, 25000 + 5000 * round, 120, 140};
            std::vector<ViewSpec> views = {density, test::RandomView(rng, *table), test::RandomView(rng, *table)};
            views[1].bins.reset();
            ExpectMatchesReference(engine, *table, filters, views, "round " + std::to_string(round));
            if (HasFatalFailure())
                return;
        }
        // Only a filter on a partitioning dimension, letting one code through, and nothing at all.
        FilterSet one_year;
        one_year.Restrict(1, {3}, 7);
        ViewSpec count_grid;
        count_grid.aggregate = Aggregate::Count;
        count_grid.bins = PointGrid{1200000, 3000000, 40000, 120, 140};
        ExpectMatchesReference(engine, *table, one_year, {count_grid}, "one code");
        FilterSet nothing;
        nothing.Restrict(2, {}, 6);
        ExpectMatchesReference(engine, *table, nothing, {count_grid}, "nothing passes");
    }
}

// The scan tests filters on dimensions of at most 64 codes inline (a bit of a 64-bit word per
// code) and others, or more than three per view, through a per-block mask. Every mix must give the
// reference loop's results, including the last bit of the word (code 63 of 64 codes) and a
// dimension of 65 codes just beyond it.
TEST(CpuEngine, FiltersTestedInlineOrThroughTheMaskMatchTheReference)
{
    test::RandomTableShape shape;
    shape.rows = 30000;
    shape.cardinalities = {64, 65, 31, 3, 2};
    FactTable t = test::RandomFactTable(77, shape);
    for (std::size_t r = 0; r < t.rows; r += 97) { // the skew makes the top codes rare: make them common
        t.dimensions[0].codes[r] = 63;
        t.dimensions[1].codes[r] = 64;
    }
    const auto table = std::make_shared<FactTable>(std::move(t));
    std::vector<std::uint32_t> all_but_top(63);
    std::iota(all_but_top.begin(), all_but_top.end(), 0u);
    std::vector<FilterSet> cases(5);
    cases[0].Restrict(0, all_but_top, 64);                          // only code 63 fails
    cases[1].Restrict(0, {63}, 64);                                 // only code 63 passes
    cases[2].Restrict(0, {0, 5, 63}, 64);                           // inline beside a mask filter
    cases[2].Restrict(1, {1, 64}, 65);
    cases[2].Restrict(2, {3, 4, 30}, 31);
    for (int d : {0, 2, 3, 4})                                      // four small filters: a view
        cases[3].Restrict(d, {0, 1}, table->dimensions[std::size_t(d)].Cardinality()); // grouped by dim1 tests four
    cases[4].Restrict(1, {64}, 65);                                 // only code 64 of 65 passes
    std::mt19937_64 rng(99);
    for (int round = 0; round < 8; ++round)
        cases.push_back(test::RandomFilters(rng, *table));

    std::vector<ViewSpec> views;
    for (int d = 0; d < 5; ++d) {
        ViewSpec by;
        by.measure = 0;
        by.group_by[0] = d;
        views.push_back(by);
    }
    ViewSpec count_two, total;
    count_two.aggregate = Aggregate::Count;
    count_two.group_by[0] = 2;
    count_two.group_by[1] = 3;
    total.aggregate = Aggregate::Count;
    total.measure = 1;
    views.push_back(count_two);
    views.push_back(total);
    for (unsigned threads : {1u, 2u}) {
        CpuEngine engine({threads, CubeMode::Never});
        engine.Load(table);
        for (std::size_t c = 0; c < cases.size(); ++c) {
            ExpectMatchesReference(engine, *table, cases[c], views,
                                   std::to_string(threads) + " threads, case " + std::to_string(c));
            // One view at a time too: a lone view that tests its filters inline makes no mask.
            for (const ViewSpec& view : views)
                ExpectMatchesReference(engine, *table, cases[c], {view}, "alone, case " + std::to_string(c));
            if (HasFatalFailure())
                return;
        }
    }
}

// A count-distinct view over many groups needs a large bit set per thread; the engine keeps its
// histograms between calls for speed, but not beyond its budget, and results stay exact.
TEST(CpuEngine, ScratchBeyondItsBudgetIsFreedAfterTheCall)
{
    test::RandomTableShape shape;
    shape.rows = 20000;
    shape.cardinalities = {400, 300, 50};
    const auto table = std::make_shared<FactTable>(test::RandomFactTable(5, shape));
    CpuEngineOptions options{2, CubeMode::Never};
    options.scratch_budget_bytes = std::size_t(1) << 20;
    CpuEngine engine(options);
    engine.Load(table);
    ViewSpec by_region;
    by_region.aggregate = Aggregate::Sum;
    by_region.measure = 0;
    by_region.group_by[0] = 2;
    ViewSpec distinct = by_region;
    distinct.aggregate = Aggregate::CountDistinct;
    distinct.measure = -1;
    distinct.group_by[0] = 0; // 400 x 300 = 120,000 groups
    distinct.group_by[1] = 1;
    distinct.distinct_dimension = 1; // x 300 codes: 36 M bits, 4.5 MB a thread
    ExpectMatchesReference(engine, *table, {}, {by_region}, "small");
    const std::size_t small = engine.ScratchBytes();
    EXPECT_GT(small, 0u) << "a small view's histograms are kept for the next call";
    EXPECT_LE(small, options.scratch_budget_bytes);
    ExpectMatchesReference(engine, *table, {}, {distinct}, "large");
    EXPECT_EQ(engine.ScratchBytes(), 0u) << "over budget: freed after the call";
    ExpectMatchesReference(engine, *table, {}, {distinct, by_region}, "again");
}

TEST(CpuEngine, CubeIsBuiltOnlyWhenItShrinksTheTable)
{
    test::RandomTableShape shape;
    shape.rows = 50000;
    shape.cardinalities = {20, 10};
    CpuEngine engine({1, CubeMode::Auto});
    engine.Load(std::make_shared<FactTable>(test::RandomFactTable(3, shape)));
    EXPECT_GT(engine.CubeCells(), 0u);
    EXPECT_LE(engine.CubeCells(), 200u);
    shape.cardinalities = {5000, 5000};
    shape.rows = 20000;
    engine.Load(std::make_shared<FactTable>(test::RandomFactTable(4, shape)));
    EXPECT_EQ(engine.CubeCells(), 0u);
}

TEST(CpuEngine, InvalidViewsAreRefusedWithAClearMessage)
{
    CpuEngine engine;
    engine.Load(std::make_shared<FactTable>(SmallTable()));
    ViewSpec no_measure; // Sum without a measure
    EXPECT_THROW(engine.Compute({}, {no_measure}), InputError);
    ViewSpec bins;
    bins.aggregate = Aggregate::Count;
    bins.bins = PointGrid{0, 0, 10, 4, 4};
    try {
        engine.Compute({}, {bins});
        FAIL() << "bins on a table without points must be refused";
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("no point coordinates"), std::string::npos) << e.what();
    }
}

TEST(CpuEngine, BrokenTablesAndFiltersAreRefusedBeforeAnyScan)
{
    CpuEngine engine;
    FactTable bad = SmallTable();
    bad.dimensions[0].codes[4] = 7; // no label 7
    EXPECT_THROW(engine.Load(std::make_shared<FactTable>(bad)), InputError);
    bad = SmallTable();
    bad.measures[0].values.pop_back();
    EXPECT_THROW(engine.Load(std::make_shared<FactTable>(bad)), InputError);
    engine.Load(std::make_shared<FactTable>(SmallTable()));
    FilterSet filters;
    filters.Restrict(5, {0}, 1);
    ViewSpec total;
    total.measure = 0;
    EXPECT_THROW(engine.Compute(filters, {total}), InputError);
}

TEST(FactTable, RealMeasuresGetTheFewestDecimalsThatKeepThemExact)
{
    Dataset d;
    d.name = "shares";
    d.SetRowCount(3);
    DimensionColumn region;
    region.name = "region";
    for (const char* code : {"A", "B", "C"})
        region.Encode(code);
    d.dimensions.push_back(region);
    MeasureColumn share;
    share.name = "share";
    share.is_count = false;
    share.Append(ValueState::Known, 0, 0.25);
    share.Append(ValueState::Known, 0, 12.5);
    share.Append(ValueState::Suppressed, 0, 0);
    d.measures.push_back(share);
    const FactTable t = PackDataset(d);
    EXPECT_EQ(t.measures[0].decimals, 2);
    EXPECT_EQ(t.measures[0].values, (std::vector<std::int64_t>{25, 1250, 0}));
    EXPECT_EQ(t.measures[0].states[2], ValueState::Suppressed);
}

TEST(FactTable, CodesInRangeComparesYearsAsNumbers)
{
    FactTable t;
    t.dimensions = {FactDimension{"year", DimensionRole::Period, {"2025", "998", "2010", "2030"}, {}}};
    EXPECT_EQ(t.CodesInRange(0, "999", "2025"), (std::vector<std::uint32_t>{0, 2}));
}

} // namespace
} // namespace vak::core::agg
