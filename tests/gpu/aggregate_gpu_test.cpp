// The GPU aggregation engine against the naive reference (support/reference_aggregate.hpp):
// random tables, filters and views for many seeds, then the edges one by one. Every failure
// names its seed, so it can be replayed.
#include "gpu/aggregate/gpu_engine.hpp"
#include "support/gl_fixture.hpp"
#include "support/random_fact_table.hpp"
#include "support/reference_aggregate.hpp"

#include <epoxy/gl.h>

#include <chrono>
#include <cstdint>
#include <limits>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace vak::gpu {
namespace {

using core::ValueState;
using core::agg::Aggregate;
using core::agg::FactTable;
using core::agg::FilterSet;
using core::agg::GroupState;
using core::agg::PointGrid;
using core::agg::ViewResult;
using core::agg::ViewSpec;

// The first difference, readable; empty when equal.
std::string Difference(const ViewResult& want, const ViewResult& got)
{
    if (want.decimals != got.decimals)
        return "decimals " + std::to_string(want.decimals) + " vs " + std::to_string(got.decimals);
    if (want.GroupCount() != got.GroupCount() || want.rows.size() != got.rows.size() ||
        want.states.size() != got.states.size())
        return "group count " + std::to_string(want.GroupCount()) + " vs " + std::to_string(got.GroupCount());
    for (std::size_t g = 0; g < want.GroupCount(); ++g) {
        auto field = [&](const char* name, std::int64_t a, std::int64_t b) {
            return "group " + std::to_string(g) + " " + name + ": reference " + std::to_string(a) + ", GPU " +
                   std::to_string(b);
        };
        if (want.rows[g] != got.rows[g])
            return field("rows", want.rows[g], got.rows[g]);
        if (want.suppressed[g] != got.suppressed[g])
            return field("suppressed", want.suppressed[g], got.suppressed[g]);
        if (want.values[g] != got.values[g])
            return field("value", want.values[g], got.values[g]);
        if (want.states[g] != got.states[g])
            return field("state", int(want.states[g]), int(got.states[g]));
    }
    return want == got ? "" : "results differ";
}

// Random views over wide dimensions can ask for more groups than a view may have, or than the
// reference computes quickly; such views are drawn again.
bool Affordable(const FactTable& table, const ViewSpec& view)
{
    const std::size_t groups = core::agg::GroupCount(table, view);
    if (groups > (std::size_t(1) << 20))
        return false;
    return view.aggregate != Aggregate::CountDistinct ||
           groups * table.dimensions[std::size_t(view.distinct_dimension)].Cardinality() <= (std::size_t(1) << 27);
}

class GpuAggregateTest : public test::GlTest {
protected:
    void SetUp() override
    {
        test::GlTest::SetUp();
        if (IsSkipped() || HasFatalFailure())
            return;
        m_engine = std::make_unique<GpuEngine>(ShaderLibrary(VAK_TEST_SHADER_DIR));
    }
    void TearDown() override
    {
        m_engine.reset(); // its GL objects go while the context is still current
        test::GlTest::TearDown();
    }

    std::shared_ptr<const FactTable> Load(FactTable table)
    {
        auto shared = std::make_shared<const FactTable>(std::move(table));
        m_engine->Load(shared);
        return shared;
    }

    // Computes the views on the GPU and expects the reference's results exactly.
    void ExpectReference(const FactTable& table, const FilterSet& filters, const std::vector<ViewSpec>& views,
                         const std::string& context)
    {
        const std::vector<ViewResult> got = m_engine->Compute(filters, views);
        ASSERT_EQ(got.size(), views.size()) << context;
        for (std::size_t v = 0; v < views.size(); ++v) {
            const std::string diff = Difference(test::ReferenceAggregate(table, filters, views[v]), got[v]);
            EXPECT_EQ(diff, "") << context << ", view " << v << ": " << test::DescribeView(views[v]);
        }
    }

    // Random filters and views over a loaded random table, `rounds` times.
    void ExpectRandomViews(std::uint32_t seed, const FactTable& table, int rounds, int views_per_round)
    {
        std::mt19937_64 rng(seed * 7919u + 1u);
        for (int round = 0; round < rounds; ++round) {
            const FilterSet filters = test::RandomFilters(rng, table);
            std::vector<ViewSpec> views;
            while (views.size() < std::size_t(views_per_round)) {
                const ViewSpec view = test::RandomView(rng, table);
                if (Affordable(table, view))
                    views.push_back(view);
            }
            ExpectReference(table, filters, views, "seed " + std::to_string(seed) + ", round " + std::to_string(round));
            if (HasFailure())
                return;
        }
    }

    std::unique_ptr<GpuEngine> m_engine;
};

// A small hand-made table: `codes` per row of one region dimension (cardinality `regions`),
// one measure with the given values and states.
FactTable SmallTable(std::uint32_t regions, const std::vector<std::uint32_t>& codes,
                     const std::vector<std::int64_t>& values, const std::vector<ValueState>& states)
{
    FactTable table;
    table.name = "small";
    table.rows = codes.size();
    auto& region = table.dimensions.emplace_back();
    region.name = "region";
    for (std::uint32_t c = 0; c < regions; ++c)
        region.labels.push_back(std::to_string(100 + c)); // text labels are not needed here
    region.codes = codes;
    auto& measure = table.measures.emplace_back();
    measure.name = "pupils";
    measure.values = values;
    measure.states = states;
    return table;
}

ViewSpec ByDimension(Aggregate aggregate, int measure, int dimension)
{
    ViewSpec view;
    view.aggregate = aggregate;
    view.measure = measure;
    view.group_by[0] = dimension;
    return view;
}

// [SECTION] randomized property tests

TEST_F(GpuAggregateTest, RandomViewsMatchTheReference)
{
    for (std::uint32_t seed = 1; seed <= 40; ++seed) {
        test::RandomTableShape shape;
        shape.rows = 10000 + (seed * 7717u) % 50000;
        shape.suppressed_share = seed % 4 == 0 ? 0.6 : 0.05; // sometimes mostly "<5"
        shape.points = seed % 5 != 0;
        const auto table = Load(test::RandomFactTable(seed, shape));
        ExpectRandomViews(seed, *table, 3, 6);
        if (HasFailure())
            return;
    }
}

TEST_F(GpuAggregateTest, RandomViewsWithSumsBeyond32BitsMatchTheReference)
{
    for (std::uint32_t seed = 101; seed <= 112; ++seed) {
        test::RandomTableShape shape;
        shape.rows = 20000;
        // Measure 0 is int64 on the GPU: split sums, two-pass min/max. Values up to 3e9 keep the
        // high word 0 and only carry; up to 1e13 they differ in the high word too.
        shape.big_value = seed <= 106 ? 3'000'000'000 : 10'000'000'000'000;
        shape.max_value = 2'000'000;
        const auto table = Load(test::RandomFactTable(seed, shape));
        ExpectRandomViews(seed, *table, 3, 6);
        if (HasFailure())
            return;
    }
}

TEST_F(GpuAggregateTest, RandomViewsOverALargeTableMatchTheReference)
{
    test::RandomTableShape shape;
    shape.rows = 200000;
    shape.cardinalities = {355, 12, 30, 9};
    shape.measures = 3;
    const auto table = Load(test::RandomFactTable(301, shape));
    ExpectRandomViews(301, *table, 2, 6);
}

TEST_F(GpuAggregateTest, RandomViewsOverWideCodesMatchTheReference)
{
    // 16- and 32-bit code columns, and group counts past shared memory for 2-D group-bys.
    for (std::uint32_t seed = 201; seed <= 206; ++seed) {
        test::RandomTableShape shape;
        shape.rows = 30000;
        shape.cardinalities = {300, 70000, 5, 1};
        const auto table = Load(test::RandomFactTable(seed, shape));
        ExpectRandomViews(seed, *table, 2, 5);
        if (HasFailure())
            return;
    }
}

// [SECTION] edge cases

TEST_F(GpuAggregateTest, AFilterWithNoCodesEmptiesOtherViewsButNotItsOwn)
{
    test::RandomTableShape shape;
    shape.rows = 5000;
    const auto table = Load(test::RandomFactTable(7, shape));
    FilterSet filters;
    filters.Restrict(0, {}, table->dimensions[0].Cardinality());
    const std::vector<ViewSpec> views = {ByDimension(Aggregate::Sum, 0, 1), ByDimension(Aggregate::Sum, 0, 0)};
    ExpectReference(*table, filters, views, "empty filter");
    const std::vector<ViewResult> got = m_engine->Compute(filters, views);
    for (std::size_t g = 0; g < got[0].GroupCount(); ++g) {
        EXPECT_EQ(got[0].rows[g], 0);
        EXPECT_EQ(got[0].states[g], GroupState::Empty);
    }
    // Brushing inside a view never empties that view.
    std::int64_t own_rows = 0;
    for (std::int64_t rows : got[1].rows)
        own_rows += rows;
    EXPECT_EQ(own_rows, std::int64_t(table->rows));
}

TEST_F(GpuAggregateTest, FiltersThatPassNoRowLeaveEveryGroupEmpty)
{
    const auto table = Load(SmallTable(4, {0, 1, 1, 2}, {5, 6, 7, 8}, std::vector<ValueState>(4, ValueState::Known)));
    FilterSet filters;
    filters.Restrict(0, {3}, 4); // a code no row has
    ViewSpec total;
    total.aggregate = Aggregate::Count;
    const std::vector<ViewResult> got = m_engine->Compute(filters, {total});
    ASSERT_EQ(got[0].GroupCount(), 1u);
    EXPECT_EQ(got[0].rows[0], 0);
    EXPECT_EQ(got[0].values[0], 0);
    EXPECT_EQ(got[0].states[0], GroupState::Empty);
    ExpectReference(*table, filters, {total, ByDimension(Aggregate::Max, 0, 0)}, "no row passes");
}

TEST_F(GpuAggregateTest, ATableWithOneRegionCode)
{
    const auto table = Load(SmallTable(1, std::vector<std::uint32_t>(1000, 0), std::vector<std::int64_t>(1000, 3),
                                       std::vector<ValueState>(1000, ValueState::Known)));
    const std::vector<ViewResult> got = m_engine->Compute({}, {ByDimension(Aggregate::Sum, 0, 0)});
    ASSERT_EQ(got[0].GroupCount(), 1u);
    EXPECT_EQ(got[0].values[0], 3000);
    EXPECT_EQ(got[0].rows[0], 1000);
    ViewSpec distinct = ByDimension(Aggregate::CountDistinct, -1, -1);
    distinct.distinct_dimension = 0;
    ExpectReference(*table, {}, {distinct, ByDimension(Aggregate::Min, 0, 0)}, "one region");
}

TEST_F(GpuAggregateTest, GroupsWithOnlySuppressedValuesAreUnknownNotZero)
{
    using enum ValueState;
    const auto table =
        Load(SmallTable(3, {0, 0, 1, 1, 2}, {0, 0, 40, 0, 0}, {Suppressed, Suppressed, Known, Suppressed, Missing}));
    for (Aggregate aggregate : {Aggregate::Sum, Aggregate::Count, Aggregate::Min, Aggregate::Max}) {
        const ViewResult got = m_engine->Compute({}, {ByDimension(aggregate, 0, 0)})[0];
        SCOPED_TRACE(core::agg::AggregateName(aggregate));
        EXPECT_EQ(got.states[0], GroupState::Unknown);
        EXPECT_EQ(got.values[0], 0);
        EXPECT_EQ(got.suppressed[0], 2);
        EXPECT_EQ(got.states[1], GroupState::Known);
        EXPECT_EQ(got.states[2], GroupState::Unknown); // missing only
    }
    // For count-distinct a suppressed value still means the code occurs.
    ViewSpec distinct = ByDimension(Aggregate::CountDistinct, 0, -1);
    distinct.distinct_dimension = 0;
    const ViewResult offered = m_engine->Compute({}, {distinct})[0];
    EXPECT_EQ(offered.values[0], 2); // regions 0 and 1; region 2 is only missing
    EXPECT_EQ(offered.states[0], GroupState::Known);
    ExpectReference(*table, {}, {distinct, ByDimension(Aggregate::Sum, 0, 0)}, "suppressed only");
}

TEST_F(GpuAggregateTest, SumsNear2To40AndNegativeValuesAreExact)
{
    // 4,000 rows of about +-2^39 over 3 regions: sums near 2^40, carries and borrows between
    // the 32-bit words in both directions.
    const std::size_t rows = 4000;
    std::vector<std::uint32_t> codes(rows);
    std::vector<std::int64_t> values(rows);
    std::int64_t expected[3] = {};
    for (std::size_t r = 0; r < rows; ++r) {
        codes[r] = static_cast<std::uint32_t>(r % 3);
        const std::int64_t magnitude = (std::int64_t(1) << 39) + std::int64_t(r) * 1'000'003;
        values[r] = codes[r] == 1 ? -magnitude : (codes[r] == 2 && r % 2 ? -magnitude / 3 : magnitude);
        expected[codes[r]] += values[r];
    }
    const auto table = Load(SmallTable(3, codes, values, std::vector<ValueState>(rows, ValueState::Known)));
    const ViewResult got = m_engine->Compute({}, {ByDimension(Aggregate::Sum, 0, 0)})[0];
    for (int g = 0; g < 3; ++g)
        EXPECT_EQ(got.values[std::size_t(g)], expected[g]) << "region " << g;
    EXPECT_GT(got.values[0], std::int64_t(1) << 40);
    EXPECT_LT(got.values[1], -(std::int64_t(1) << 40));
    ExpectReference(*table, {}, {ByDimension(Aggregate::Sum, 0, 0), ByDimension(Aggregate::Min, 0, 0),
                                 ByDimension(Aggregate::Max, 0, 0)},
                    "near 2^40");
}

TEST_F(GpuAggregateTest, SortedTablesWithLongRunsOfOneGroup)
{
    // Rows sorted by region, as most files are: a whole workgroup then adds into one group's
    // shared counters (the replicated histograms), with carries between the 32-bit words.
    const std::size_t rows = 60000;
    std::vector<std::uint32_t> codes(rows);
    std::vector<std::int64_t> values(rows);
    std::vector<ValueState> states(rows, ValueState::Known);
    for (std::size_t r = 0; r < rows; ++r) {
        codes[r] = static_cast<std::uint32_t>(r / 5000);
        values[r] = (std::int64_t(1) << 39) + std::int64_t(r) * 7919 - (r % 7 == 0 ? (std::int64_t(1) << 41) : 0);
        if (r % 11 == 0)
            states[r] = ValueState::Suppressed;
        else if (r % 13 == 0)
            states[r] = ValueState::Missing;
        if (states[r] != ValueState::Known)
            values[r] = 0;
    }
    FactTable table = SmallTable(12, codes, values, states);
    auto& parity = table.dimensions.emplace_back();
    parity.name = "parity";
    parity.labels = {"even", "odd", "third"};
    for (std::size_t r = 0; r < rows; ++r)
        parity.codes.push_back(static_cast<std::uint32_t>(r % 2 + (r % 5000 == 17 ? 1 : 0)));
    const auto loaded = Load(std::move(table));
    std::vector<ViewSpec> views;
    for (Aggregate aggregate : {Aggregate::Sum, Aggregate::Count, Aggregate::Min, Aggregate::Max}) {
        views.push_back(ByDimension(aggregate, 0, 0));
        views.push_back(ByDimension(aggregate, 0, -1));
    }
    ViewSpec distinct = ByDimension(Aggregate::CountDistinct, 0, 0);
    distinct.distinct_dimension = 1;
    views.push_back(distinct);
    FilterSet filters;
    filters.Restrict(1, {0, 2}, 3);
    ExpectReference(*loaded, {}, views, "sorted");
    ExpectReference(*loaded, filters, views, "sorted, filtered");
}

TEST_F(GpuAggregateTest, MinAndMaxOfNegativeAndExtremeValues)
{
    constexpr std::int64_t kLow = std::numeric_limits<std::int64_t>::min() / 2;
    constexpr std::int64_t kHigh = std::numeric_limits<std::int64_t>::max() / 2;
    // Region 0 int64 values sharing a high word, region 1 negatives only, region 2 one value.
    const std::vector<std::int64_t> values = {(std::int64_t(5) << 32) + 7, (std::int64_t(5) << 32) + 3, kLow, kHigh,
                                              -4'000'000'000, -17, -3, 0, (std::int64_t(-1) << 32) + 1};
    const std::vector<std::uint32_t> codes = {0, 0, 0, 0, 1, 1, 1, 1, 2};
    using enum ValueState;
    const auto table =
        Load(SmallTable(3, codes, values, {Known, Known, Known, Known, Known, Known, Known, Missing, Known}));
    const ViewResult min = m_engine->Compute({}, {ByDimension(Aggregate::Min, 0, 0)})[0];
    const ViewResult max = m_engine->Compute({}, {ByDimension(Aggregate::Max, 0, 0)})[0];
    EXPECT_EQ(min.values, (std::vector<std::int64_t>{kLow, -4'000'000'000, (std::int64_t(-1) << 32) + 1}));
    EXPECT_EQ(max.values, (std::vector<std::int64_t>{kHigh, -3, (std::int64_t(-1) << 32) + 1}));

    // The same through the int32 path.
    const auto narrow = Load(SmallTable(2, {0, 0, 0, 1, 1}, {-5, 12, -2'000'000'000, -1, -9},
                                        {Known, Known, Known, Known, Suppressed}));
    EXPECT_EQ(m_engine->Compute({}, {ByDimension(Aggregate::Min, 0, 0)})[0].values,
              (std::vector<std::int64_t>{-2'000'000'000, -1}));
    EXPECT_EQ(m_engine->Compute({}, {ByDimension(Aggregate::Max, 0, 0)})[0].values,
              (std::vector<std::int64_t>{12, -1}));
    ExpectReference(*narrow, {}, {ByDimension(Aggregate::Min, 0, 0), ByDimension(Aggregate::Max, 0, 0)}, "narrow");
}

TEST_F(GpuAggregateTest, PointBinsBeyondSharedMemoryUseGlobalAtomics)
{
    test::RandomTableShape shape;
    shape.rows = 60000;
    const auto table = Load(test::RandomFactTable(31, shape));
    ViewSpec density;
    density.aggregate = Aggregate::Count;
    density.bins = PointGrid{200000, 2400000, 10000, 300, 300}; // 90,000 bins over most points
    ViewSpec sum = density;
    sum.aggregate = Aggregate::Sum;
    sum.measure = 1;
    ViewSpec distinct = density;
    distinct.aggregate = Aggregate::CountDistinct;
    distinct.distinct_dimension = 2;
    FilterSet filters;
    filters.Restrict(1, {0, 2, 3, 5, 8}, table->dimensions[1].Cardinality());
    ExpectReference(*table, filters, {density, sum, distinct}, "300x300 bins");
    const ViewResult got = m_engine->Compute({}, {density})[0];
    ASSERT_EQ(got.GroupCount(), 90000u);
    std::int64_t binned = 0;
    for (std::int64_t rows : got.rows)
        binned += rows;
    EXPECT_GT(binned, std::int64_t(table->rows) / 2);
}

TEST_F(GpuAggregateTest, PointBinsAtTheInt32EdgesAndWithWideCells)
{
    constexpr std::int32_t kMin = std::numeric_limits<std::int32_t>::min();
    constexpr std::int32_t kMax = std::numeric_limits<std::int32_t>::max();
    const std::vector<std::int32_t> coordinates = {kMin,    kMin + 1,  -1'000'001, -1,       0,
                                                   1,       999'999,   1'000'000,  kMax - 1, kMax};
    FactTable table = SmallTable(1, {}, {}, {});
    for (std::int32_t x : coordinates)
        for (std::int32_t y : coordinates) {
            table.x.push_back(x);
            table.y.push_back(y);
        }
    table.rows = table.x.size();
    table.dimensions[0].codes.assign(table.rows, 0);
    table.measures[0].values.assign(table.rows, 1);
    table.measures[0].states.assign(table.rows, ValueState::Known);
    const auto loaded = Load(std::move(table));
    // ValidateView keeps grids below 2^31 - 1 decimetres across, but origins may lie anywhere.
    constexpr std::int64_t kWidest = (std::int64_t(1) << 31) - 2;
    const std::vector<PointGrid> grids = {
        {-1'000'000, -1'000'000, 1'000'000, 2, 2},
        {kMin, kMin, 1, 4, 4},
        {std::int64_t(kMax) - 2, std::int64_t(kMax) - 2, 1, 5, 5},
        {kMin, kMin, kWidest, 1, 1},                                      // one cell over every point
        {-1, -1, kWidest, 1, 1},                                          // a cell past the last int32
        {std::int64_t(kMin) - 7, std::int64_t(kMin) - 7, kWidest / 4, 4, 3}, // starts below every point
        {std::int64_t(kMin) + 3, -5, 715'827'881, 3, 2},                  // cells not dividing 2^32
        {-(std::int64_t(1) << 40), -(std::int64_t(1) << 40), kWidest, 1, 1}, // far outside
        {std::int64_t(kMax) + 1, 0, 10, 4, 4},                            // right of every point
        {-123457, -98765, 4099, 1000, 1000},                              // a million bins
    };
    std::vector<ViewSpec> views;
    for (const PointGrid& grid : grids) {
        ViewSpec view;
        view.aggregate = Aggregate::Count;
        view.bins = grid;
        views.push_back(view);
    }
    ExpectReference(*loaded, {}, views, "int32 edges");
}

TEST_F(GpuAggregateTest, TwoDimensionalGroupBy)
{
    test::RandomTableShape shape;
    shape.rows = 20000;
    shape.cardinalities = {40, 12, 7};
    const auto table = Load(test::RandomFactTable(41, shape));
    std::vector<ViewSpec> views;
    for (Aggregate aggregate : {Aggregate::Sum, Aggregate::Count, Aggregate::Min, Aggregate::Max}) {
        ViewSpec view = ByDimension(aggregate, aggregate == Aggregate::Count ? -1 : 1, 0);
        view.group_by[1] = 1;
        views.push_back(view);
    }
    ViewSpec distinct = ByDimension(Aggregate::CountDistinct, 0, 1);
    distinct.group_by[1] = 0;
    distinct.distinct_dimension = 2;
    views.push_back(distinct);
    FilterSet filters;
    filters.Restrict(0, {1, 2, 3, 30}, 40); // does not apply: the views group by region
    filters.Restrict(2, {0, 1, 4}, 7);
    ExpectReference(*table, filters, views, "region x year");
    EXPECT_EQ(m_engine->Compute(filters, {views[0]})[0].GroupCount(), 40u * 12u);
}

TEST_F(GpuAggregateTest, SubmitAndCollectMatchCompute)
{
    test::RandomTableShape shape;
    shape.rows = 50000;
    const auto table = Load(test::RandomFactTable(51, shape));
    std::mt19937_64 rng(51);
    const FilterSet filters = test::RandomFilters(rng, *table);
    std::vector<ViewSpec> views;
    for (int v = 0; v < 6; ++v)
        views.push_back(test::RandomView(rng, *table));

    std::vector<ViewResult> collected;
    EXPECT_FALSE(m_engine->Collect(collected, false)) << "nothing was submitted";
    m_engine->Submit(filters, views);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (!m_engine->Collect(collected, false)) {
        ASSERT_LT(std::chrono::steady_clock::now(), deadline) << "Collect(false) never became true";
        std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
    EXPECT_EQ(collected, m_engine->Compute(filters, views));
    EXPECT_FALSE(m_engine->Collect(collected, true)) << "results are handed over once";

    // A second Submit replaces the first; Collect(true) waits for it.
    m_engine->Submit({}, views);
    m_engine->Submit(filters, {views[1]});
    ASSERT_TRUE(m_engine->Collect(collected, true));
    ASSERT_EQ(collected.size(), 1u);
    EXPECT_EQ(Difference(test::ReferenceAggregate(*table, filters, views[1]), collected[0]), "");
}

TEST_F(GpuAggregateTest, LoadReplacesTheTable)
{
    test::RandomTableShape first_shape;
    first_shape.rows = 8000;
    const auto first = Load(test::RandomFactTable(61, first_shape));
    ExpectRandomViews(61, *first, 1, 4);
    test::RandomTableShape second_shape;
    second_shape.rows = 12000;
    second_shape.cardinalities = {5, 300};
    second_shape.measures = 1;
    second_shape.points = false;
    const auto second = Load(test::RandomFactTable(62, second_shape));
    ExpectRandomViews(62, *second, 2, 4);
    // An empty table: every view answers with empty groups.
    test::RandomTableShape empty_shape;
    empty_shape.rows = 0;
    const auto empty = Load(test::RandomFactTable(63, empty_shape));
    ExpectRandomViews(63, *empty, 1, 4);
}

TEST_F(GpuAggregateTest, InvalidViewsAndFiltersThrowInputError)
{
    test::RandomTableShape shape;
    shape.rows = 100;
    shape.points = false;
    const auto table = Load(test::RandomFactTable(71, shape));
    ViewSpec no_measure;
    no_measure.aggregate = Aggregate::Sum;
    EXPECT_THROW(m_engine->Compute({}, {no_measure}), core::InputError);
    ViewSpec bins;
    bins.aggregate = Aggregate::Count;
    bins.bins = PointGrid{0, 0, 10, 4, 4}; // the table has no points
    EXPECT_THROW(m_engine->Compute({}, {ByDimension(Aggregate::Count, -1, 0), bins}), core::InputError);
    ViewSpec unknown_dimension = ByDimension(Aggregate::Count, -1, 9);
    EXPECT_THROW(m_engine->Compute({}, {unknown_dimension}), core::InputError);
    FilterSet filters;
    filters.Restrict(9, {0}, 4);
    EXPECT_THROW(m_engine->Compute(filters, {ByDimension(Aggregate::Count, -1, 0)}), core::InputError);
    // The engine is still usable afterwards.
    ExpectReference(*table, {}, {ByDimension(Aggregate::Count, -1, 0)}, "after errors");
}

TEST_F(GpuAggregateTest, ABadTableIsRefusedAndTheLoadedOneKept)
{
    const auto good = Load(SmallTable(2, {0, 1, 1}, {1, 2, 3}, std::vector<ValueState>(3, ValueState::Known)));
    FactTable bad = SmallTable(2, {0, 2}, {1, 2}, std::vector<ValueState>(2, ValueState::Known));
    try {
        m_engine->Load(std::make_shared<const FactTable>(bad));
        FAIL() << "a code past the dictionary was accepted";
    } catch (const core::InputError& e) {
        EXPECT_NE(std::string(e.what()).find("row 1"), std::string::npos) << e.what();
    }
    bad.dimensions[0].codes = {0};
    EXPECT_THROW(m_engine->Load(std::make_shared<const FactTable>(bad)), core::InputError);
    EXPECT_EQ(m_engine->Compute({}, {ByDimension(Aggregate::Sum, 0, 0)})[0].values, (std::vector<std::int64_t>{1, 5}));
}

TEST_F(GpuAggregateTest, ResultsBeyondTheStorageBlockLimitAreRefusedWithTheSize)
{
    test::RandomTableShape shape;
    shape.rows = 100;
    const auto table = Load(test::RandomFactTable(81, shape));
    ViewSpec fine_bins;
    fine_bins.aggregate = Aggregate::Count;
    fine_bins.bins = PointGrid{0, 0, 1, 4096, 4096}; // 2^24 bins, 32 bytes of results each
    GLint64 limit = 0;
    glGetInteger64v(GL_MAX_SHADER_STORAGE_BLOCK_SIZE, &limit);
    const std::int64_t needed = std::int64_t(4096) * 4096 * 32;
    if (needed <= limit)
        GTEST_SKIP() << "this driver's storage blocks hold " << limit << " bytes";
    try {
        m_engine->Compute({}, {fine_bins});
        FAIL() << "expected InputError";
    } catch (const core::InputError& e) {
        EXPECT_NE(std::string(e.what()).find(std::to_string(needed)), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find(std::to_string(limit)), std::string::npos) << e.what();
    }
}

TEST_F(GpuAggregateTest, DescribeAndInfoNameTheRenderer)
{
    EXPECT_TRUE(m_engine->Info().gpu);
    EXPECT_FALSE(m_engine->Info().device.empty());
    EXPECT_NE(m_engine->Describe().find(m_engine->Info().device), std::string::npos);
    EXPECT_EQ(m_engine->Describe().rfind("GPU, ", 0), 0u) << m_engine->Describe();
    EXPECT_GT(m_engine->Describe().size(), 5u);
}

} // namespace
} // namespace vak::gpu
