// The dashboard's model as the panels drive it: a pupil table joined to municipalities, shown
// per municipality and per province, filtered by a selection, over the years; the expected
// values are summed in the test from the rows it wrote.
#include "core/aggregate/cpu_engine.hpp"
#include "core/dashboard/dashboard_model.hpp"

#include <gtest/gtest.h>

namespace vak::core {
namespace {

RegionLayer Layer(const std::string& name, std::vector<std::pair<std::string, std::string>> code_parent, bool derived)
{
    RegionLayer layer;
    layer.name = name;
    layer.is_derived = derived;
    for (const auto& [code, parent] : code_parent) {
        RegionFeature f;
        f.code = code;
        f.name = code;
        if (!parent.empty())
            f.parents = {{"provincie", parent}};
        layer.features.push_back(f);
    }
    return layer;
}

struct Row {
    const char* gemeente;
    const char* jaar;
    const char* maat;
    ValueState state;
    std::int64_t value;
};

const Row kRows[] = {
    {"GM0014", "2020", "leerlingen", ValueState::Known, 100}, {"GM0014", "2021", "leerlingen", ValueState::Known, 90},
    {"GM0034", "2020", "leerlingen", ValueState::Known, 40},  {"GM0034", "2021", "leerlingen", ValueState::Suppressed, 0},
    {"GM0363", "2020", "leerlingen", ValueState::Known, 700}, {"GM0363", "2021", "leerlingen", ValueState::Known, 720},
    {"GM0014", "2021", "inwoners", ValueState::Known, 230000}, {"GM0363", "2021", "inwoners", ValueState::Known, 900000},
};

Workspace MakeWorkspace()
{
    Workspace ws;
    ws.AddLayer(Layer("gemeente", {{"GM0014", "PV20"}, {"GM0034", "PV24"}, {"GM0363", "PV27"}, {"GM0999", "PV27"}}, false));
    ws.AddLayer(Layer("provincie", {{"PV20", ""}, {"PV24", ""}, {"PV27", ""}}, true));
    Workspace::LoadedTable table;
    table.joined_layer = "gemeente";
    Dataset& d = table.dataset;
    d.name = "leerlingen";
    d.dimensions.resize(3);
    d.dimensions[0].name = "gemeente_code";
    d.dimensions[0].role = DimensionRole::Region;
    d.dimensions[1].name = "jaar";
    d.dimensions[1].role = DimensionRole::Period;
    d.dimensions[2].name = "maat";
    MeasureColumn aantal;
    aantal.name = "aantal";
    for (const Row& row : kRows) {
        d.dimensions[0].Encode(row.gemeente);
        d.dimensions[1].Encode(row.jaar);
        d.dimensions[2].Encode(row.maat);
        aantal.Append(row.state, row.value, 0);
    }
    d.measures.push_back(aantal);
    d.SetRowCount(std::size(kRows));
    ws.AddTable(std::move(table));
    return ws;
}

std::int64_t Expected(const char* maat, const char* jaar, auto&& region_filter)
{
    std::int64_t sum = 0;
    for (const Row& row : kRows)
        if (std::string(row.maat) == maat && std::string(row.jaar) == jaar && region_filter(row.gemeente) &&
            row.state == ValueState::Known)
            sum += row.value;
    return sum;
}

TEST(DashboardModel, MapShowsTheLatestYearOfPupilsPerMunicipalityWithUnknownAndNoData)
{
    Workspace ws = MakeWorkspace();
    agg::CpuEngine engine;
    DashboardModel model(engine);
    model.Update(ws);
    ASSERT_TRUE(model.HasData());
    EXPECT_EQ(model.Periods(), (std::vector<std::string>{"2020", "2021"}));
    EXPECT_EQ(model.Periods()[std::size_t(model.PeriodIndex())], "2021");
    EXPECT_EQ(model.MeasureTitle(), "aantal · leerlingen"); // pupils chosen over inhabitants
    const std::vector<RegionValue> values = model.MapValues(*ws.ActiveLayer());
    EXPECT_EQ(values[0].value, 90);
    EXPECT_EQ(values[1].state, agg::GroupState::Unknown); // only "<5" in 2021: unknown, not 0
    EXPECT_EQ(values[2].value, 720);
    EXPECT_EQ(values[3].state, agg::GroupState::Empty);   // GM0999: no rows at all

    model.SelectPeriod(0);
    model.Update(ws);
    EXPECT_EQ(model.MapValues(*ws.ActiveLayer())[1].value, Expected("leerlingen", "2020", [](std::string g) { return g == "GM0034"; }));

    // The change 2020 -> 2021 in %: Groningen 100 -> 90; GM0034 ends in "<5": unknown, not -100 %.
    const std::uint64_t version = model.MapVersion();
    model.SetChange(1, 0); // either order
    model.Update(ws);
    EXPECT_NE(model.MapVersion(), version);
    const std::vector<RegionValue> change = model.MapValues(*ws.ActiveLayer());
    EXPECT_DOUBLE_EQ(change[0].value, (90.0 - 100.0) / 100.0 * 100.0);
    EXPECT_EQ(change[1].state, agg::GroupState::Unknown);
    EXPECT_DOUBLE_EQ(change[2].value, (720.0 - 700.0) / 700.0 * 100.0);
    EXPECT_EQ(change[3].state, agg::GroupState::Empty);
    model.ClearChange();
    EXPECT_EQ(model.MapValues(*ws.ActiveLayer())[0].value, 100); // back to the year's values
}

TEST(DashboardModel, ProvinceLevelSumsItsMunicipalitiesAndASelectionFiltersTheTimeChartOnly)
{
    Workspace ws = MakeWorkspace();
    agg::CpuEngine engine;
    DashboardModel model(engine);
    ws.SetActiveLayer(1); // provincie
    model.Update(ws);
    bool covered = false;
    const std::vector<RegionValue> provinces = model.MapValues(*ws.ActiveLayer(), &covered);
    EXPECT_TRUE(covered);
    EXPECT_EQ(provinces[2].value, Expected("leerlingen", "2021", [](std::string g) { return g == "GM0363"; }));

    ws.GetSelection().SelectOnly("PV27");
    model.Update(ws);
    const std::vector<RegionValue> years = model.PeriodSeries();
    ASSERT_EQ(years.size(), 2u);
    auto in_pv27 = [](std::string g) { return g == "GM0363" || g == "GM0999"; };
    EXPECT_EQ(years[0].value, Expected("leerlingen", "2020", in_pv27));
    EXPECT_EQ(years[1].value, Expected("leerlingen", "2021", in_pv27));
    // Lines per region and the national line ignore the selection.
    EXPECT_EQ(model.PeriodSeriesOf("PV20")[0].value, Expected("leerlingen", "2020", [](std::string g) { return g == "GM0014"; }));
    EXPECT_EQ(model.NationalPeriodSeries()[1].value, Expected("leerlingen", "2021", [](std::string) { return true; }));
    EXPECT_EQ(model.PeriodSeriesOf("PV24")[1].state, agg::GroupState::Unknown);
    // The map still shows every province.
    EXPECT_EQ(model.MapValues(*ws.ActiveLayer())[0].value, Expected("leerlingen", "2021", [](std::string g) { return g == "GM0014"; }));

    model.SelectQuantity(1 - model.QuantityCode()); // inhabitants
    model.Update(ws);
    EXPECT_EQ(model.MapValues(*ws.ActiveLayer())[2].value, Expected("inwoners", "2021", in_pv27));
}

TEST(DashboardModel, ClickingABarFiltersTheMapToThatSectorWhileTheBarsKeepEverySector)
{
    Workspace ws;
    ws.AddLayer(Layer("arbeidsmarktregio", {{"AM01", ""}, {"AM02", ""}}, false));
    Workspace::LoadedTable table;
    table.joined_layer = "arbeidsmarktregio";
    Dataset& d = table.dataset;
    d.name = "vacatures";
    d.dimensions.resize(3);
    d.dimensions[0].name = "arbeidsmarktregio_code";
    d.dimensions[0].role = DimensionRole::Region;
    d.dimensions[1].name = "jaar";
    d.dimensions[1].role = DimensionRole::Period;
    d.dimensions[2].name = "sector_naam";
    MeasureColumn vacatures;
    vacatures.name = "vacatures";
    struct V {
        const char* region;
        const char* sector;
        std::int64_t n;
    };
    const V rows[] = {{"AM01", "Zorg", 30}, {"AM01", "Bouw", 5}, {"AM02", "Zorg", 7}, {"AM02", "Bouw", 11}};
    for (const V& v : rows) {
        d.dimensions[0].Encode(v.region);
        d.dimensions[1].Encode("2025");
        d.dimensions[2].Encode(v.sector);
        vacatures.Append(ValueState::Known, v.n, 0);
    }
    d.measures.push_back(vacatures);
    d.SetRowCount(std::size(rows));
    ws.AddTable(std::move(table));

    agg::CpuEngine engine;
    DashboardModel model(engine);
    model.Update(ws);
    ASSERT_EQ(model.BarsDimension(), 2);
    EXPECT_EQ(model.MapValues(*ws.ActiveLayer())[0].value, 35);
    model.ToggleBar(1); // "Bouw"
    model.Update(ws);
    EXPECT_EQ(model.MapValues(*ws.ActiveLayer())[0].value, 5);
    EXPECT_EQ(model.MapValues(*ws.ActiveLayer())[1].value, 11);
    const std::vector<RegionValue> bars = model.BarValues();
    ASSERT_EQ(bars.size(), 2u);
    EXPECT_EQ(bars[0].value, 37); // the bars ignore their own filter: Zorg still shown
    EXPECT_EQ(bars[1].value, 16);
    ws.GetSelection().SelectOnly("AM02"); // a region: the bars follow it
    model.Update(ws);
    EXPECT_EQ(model.BarValues()[0].value, 7);
    model.ClearBars();
    model.Update(ws);
    EXPECT_EQ(model.MapValues(*ws.ActiveLayer())[0].value, 35);
}

TEST(DashboardModel, PeriodsSortNumbersFirstThenTextWhateverTheLabels)
{
    Workspace ws;
    ws.AddLayer(Layer("gemeente", {{"GM0014", ""}}, false));
    Workspace::LoadedTable table;
    table.joined_layer = "gemeente";
    Dataset& d = table.dataset;
    d.name = "odd periods";
    d.dimensions.resize(2);
    d.dimensions[0].name = "gemeente_code";
    d.dimensions[0].role = DimensionRole::Region;
    d.dimensions[1].name = "periode";
    d.dimensions[1].role = DimensionRole::Period;
    MeasureColumn n;
    n.name = "n";
    // Enough labels for std::sort's non-insertion path, with the mixes that once formed a cycle.
    std::vector<std::string> labels = {"10", "9", "1a", "nan", "inf", "2019KW2", "2019KW1"};
    for (int y = 2000; y < 2020; ++y)
        labels.push_back(std::to_string(y));
    for (const std::string& label : labels) {
        d.dimensions[0].Encode("GM0014");
        d.dimensions[1].Encode(label);
        n.Append(ValueState::Known, 1, 0);
    }
    d.measures.push_back(n);
    d.SetRowCount(labels.size());
    ws.AddTable(std::move(table));
    agg::CpuEngine engine;
    DashboardModel model(engine);
    model.Update(ws);
    const std::vector<std::string>& periods = model.Periods();
    ASSERT_EQ(periods.size(), labels.size());
    EXPECT_EQ(periods[0], "9");
    EXPECT_EQ(periods[1], "10");
    EXPECT_EQ(periods[2], "2000");
    EXPECT_EQ(periods[21], "2019");
    // Then the text labels in text order: "1a", "2019KW1", "2019KW2", "inf", "nan".
    EXPECT_EQ(std::vector<std::string>(periods.begin() + 22, periods.end()),
              (std::vector<std::string>{"1a", "2019KW1", "2019KW2", "inf", "nan"}));
}

} // namespace
} // namespace vak::core
