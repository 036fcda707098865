// The dashboard's cross-filter: which views recompute after which change, and that their
// results are those of the engine under the cross-filter rule. Also the `aggregate` command's
// text queries (--by, --where) resolved against a table's names.
#include "core/aggregate/cpu_engine.hpp"
#include "core/aggregate/cross_filter.hpp"
#include "core/aggregate/query_text.hpp"
#include "core/errors.hpp"
#include "support/random_fact_table.hpp"
#include "support/reference_aggregate.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace vak::core::agg {
namespace {

// Counts the views each Compute is asked for, to see what the cross-filter recomputes.
class CountingEngine final : public Engine {
public:
    explicit CountingEngine(std::shared_ptr<const FactTable> table) { m_inner.Load(std::move(table)); }
    std::string Describe() const override { return "counting"; }
    EngineInfo Info() const override { return m_inner.Info(); }
    void Load(std::shared_ptr<const FactTable> table) override { m_inner.Load(std::move(table)); }
    std::vector<ViewResult> Compute(const FilterSet& filters, const std::vector<ViewSpec>& views) override
    {
        batches.push_back(views.size());
        return m_inner.Compute(filters, views);
    }
    std::vector<std::size_t> batches;

private:
    CpuEngine m_inner{{1, CubeMode::Never}};
};

struct Dashboard {
    std::shared_ptr<const FactTable> table;
    CountingEngine engine;
    CrossFilter cross;
    int map, years, sectors;

    Dashboard()
        : table(std::make_shared<FactTable>(test::RandomFactTable(11, {5000, {30, 10, 6}, 1, false}))),
          engine(table), cross(engine)
    {
        ViewSpec by;
        by.measure = 0;
        by.group_by[0] = 0;
        map = cross.AddView(by);
        by.group_by[0] = 1;
        years = cross.AddView(by);
        by.group_by[0] = 2;
        sectors = cross.AddView(by);
    }
};

TEST(CrossFilter, ClickingARegionRecomputesTheOtherViewsNotTheMap)
{
    Dashboard d;
    EXPECT_EQ(d.cross.Update().size(), 3u);
    EXPECT_TRUE(d.cross.Update().empty()); // nothing changed: nothing recomputed

    d.cross.Filters().Restrict(0, {3, 4}, 30); // regions clicked on the map
    std::vector<int> updated = d.cross.Update();
    std::sort(updated.begin(), updated.end());
    EXPECT_EQ(updated, (std::vector<int>{d.years, d.sectors}));

    d.cross.Filters().Restrict(1, {2}, 10); // a year brushed
    updated = d.cross.Update();
    std::sort(updated.begin(), updated.end());
    EXPECT_EQ(updated, (std::vector<int>{d.map, d.sectors}));
    EXPECT_EQ(d.engine.batches.back(), 2u);

    for (int id : {d.map, d.years, d.sectors})
        EXPECT_EQ(d.cross.Result(id), test::ReferenceAggregate(*d.table, d.cross.Filters(), d.cross.View(id)))
            << "view " << id;
}

TEST(CrossFilter, ChangingAViewRecomputesOnlyThatView)
{
    Dashboard d;
    d.cross.Update();
    ViewSpec max = d.cross.View(d.sectors);
    max.aggregate = Aggregate::Max;
    d.cross.SetView(d.sectors, max);
    EXPECT_EQ(d.cross.Update(), (std::vector<int>{d.sectors}));
    EXPECT_EQ(d.cross.Result(d.sectors), test::ReferenceAggregate(*d.table, d.cross.Filters(), max));
}

TEST(CrossFilter, AsynchronousSubmitAndPollGiveTheSameResults)
{
    Dashboard d;
    d.cross.Filters().Restrict(2, {0, 1}, 6);
    d.cross.Submit();
    EXPECT_TRUE(d.cross.Busy());
    const std::vector<int> updated = d.cross.Poll(true);
    EXPECT_EQ(updated.size(), 3u);
    EXPECT_FALSE(d.cross.Busy());
    EXPECT_EQ(d.cross.Result(d.map), test::ReferenceAggregate(*d.table, d.cross.Filters(), d.cross.View(d.map)));
}

TEST(CrossFilter, ABatchRunningWhenTheTableChangesIsDropped)
{
    Dashboard d;
    d.cross.Submit();
    d.cross.Invalidate(); // the engine got another table meanwhile
    EXPECT_TRUE(d.cross.Poll(true).empty()) << "results of the old table are not kept";
    EXPECT_EQ(d.cross.Update().size(), 3u) << "every view is computed again";
}

FactTable PupilTable()
{
    FactTable t;
    t.name = "leerlingen.csv";
    t.rows = 4;
    t.dimensions = {FactDimension{"GEMEENTECODE", DimensionRole::Region, {"GM0014", "GM0034"}, {0, 0, 1, 1}},
                    FactDimension{"jaar", DimensionRole::Period, {"2019", "2020"}, {0, 1, 0, 1}}};
    FactMeasure pupils;
    pupils.name = "LEERLINGEN";
    pupils.values = {10, 20, 30, 40};
    pupils.states.assign(4, ValueState::Known);
    t.measures = {pupils};
    return t;
}

TEST(QueryText, RegionAndYearFindTheDimensionsByRoleAndRangesByValue)
{
    const FactTable t = PupilTable();
    AggregateCommandOptions options;
    options.by = {"region"};
    options.where = {{"year", "2020..2030"}};
    const ResolvedQuery q = ResolveAggregateCommand(t, options);
    EXPECT_EQ(q.view.group_by[0], 0);
    EXPECT_EQ(q.view.measure, 0);
    CpuEngine engine;
    engine.Load(std::make_shared<FactTable>(t));
    EXPECT_EQ(engine.Compute(q.filters, {q.view}).at(0).values, (std::vector<std::int64_t>{20, 40}));
    EXPECT_EQ(GroupLabels(t, q.view, 1), (std::vector<std::string>{"GM0034"}));
}

TEST(QueryText, UnknownNamesAndValuesListWhatTheTableHas)
{
    const FactTable t = PupilTable();
    AggregateCommandOptions options;
    options.by = {"sector"};
    try {
        ResolveAggregateCommand(t, options);
        FAIL();
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("GEMEENTECODE, jaar"), std::string::npos) << e.what();
    }
    options.by = {};
    options.where = {{"GEMEENTECODE", "GM0014,GM9999"}};
    try {
        ResolveAggregateCommand(t, options);
        FAIL();
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("no value 'GM9999'"), std::string::npos) << e.what();
    }
}

} // namespace
} // namespace vak::core::agg
