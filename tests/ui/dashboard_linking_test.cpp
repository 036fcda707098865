// Linking, end to end in a headless dashboard on the demo data: after the same actions the
// panels take (pick regions, move the year, click a bar, switch table and level), what the map,
// time chart and bars show equals the naive reference aggregation of the same table.
#include "core/errors.hpp"
#include "gpu/egl_headless_context.hpp"
#include "io/workspace_loader.hpp"
#include "support/demo_dashboard_fixture.hpp"
#include "support/golden_image.hpp"
#include "support/headless_session.hpp"
#include "support/reference_aggregate.hpp"
#include "ui/ui_session.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <imgui.h>

namespace vak::ui {
namespace {

class DashboardLinking : public test::HeadlessSessionTest {
protected:
    void SetUp() override
    {
        if (!StartDemoSession({1280, 800}))
            return;
        Frame();
        ASSERT_TRUE(m_session->Model().HasData()) << "the demo tables load at the default start";
    }
    void Frame()
    {
        m_headless.Frame();
        m_headless.Frame(); // the model takes last frame's actions at the start of a frame
    }
    // The model's filters, rebuilt by the test from what was picked, for the reference loop.
    core::agg::FilterSet Filters(bool with_period, bool with_regions, int region_dim) const
    {
        const core::DashboardModel& model = m_session->Model();
        const core::agg::FactTable& t = *model.Table();
        core::agg::FilterSet f;
        if (model.QuantityDimension() >= 0)
            f.Restrict(model.QuantityDimension(), {std::uint32_t(model.QuantityCode())},
                       t.dimensions[std::size_t(model.QuantityDimension())].Cardinality());
        if (with_period) {
            const int period_dim = PeriodDimension();
            f.Restrict(period_dim,
                       {std::uint32_t(t.FindCode(period_dim, model.Periods()[std::size_t(model.PeriodIndex())]))},
                       t.dimensions[std::size_t(period_dim)].Cardinality());
        }
        if (with_regions) {
            std::vector<std::uint32_t> codes;
            for (const std::string& code : m_workspace.GetSelection().Codes())
                codes.push_back(std::uint32_t(t.FindCode(region_dim, code)));
            f.Restrict(region_dim, codes, t.dimensions[std::size_t(region_dim)].Cardinality());
        }
        if (!model.SelectedBars().empty())
            f.Restrict(model.BarsDimension(), model.SelectedBars(),
                       t.dimensions[std::size_t(model.BarsDimension())].Cardinality());
        return f;
    }
    int PeriodDimension() const
    {
        const core::agg::FactTable& t = *m_session->Model().Table();
        for (std::size_t d = 0; d < t.dimensions.size(); ++d)
            if (t.dimensions[d].role == core::DimensionRole::Period)
                return int(d);
        return -1;
    }
};

TEST_F(DashboardLinking, PickedRegionsDriveTheTimeChartAndTheYearDrivesTheMap)
{
    core::DashboardModel& model = m_session->Model();
    const core::agg::FactTable& t = *model.Table();
    const int region_dim = t.FindDimension(m_workspace.ActiveLayer()->name);
    ASSERT_GE(region_dim, 0);
    m_workspace.GetSelection().SelectOnly("GM0014");  // Groningen
    m_workspace.GetSelection().Toggle("GM0363");      // Amsterdam
    model.SelectPeriod(5);
    Frame();

    core::agg::ViewSpec by_period;
    by_period.measure = model.Measure();
    by_period.group_by[0] = PeriodDimension();
    const core::agg::ViewResult years = test::ReferenceAggregate(t, Filters(false, true, region_dim), by_period);
    const std::vector<core::RegionValue> series = model.PeriodSeries();
    ASSERT_EQ(series.size(), model.Periods().size());
    for (std::size_t i = 0; i < series.size(); ++i) {
        const long code = t.FindCode(PeriodDimension(), model.Periods()[i]);
        EXPECT_EQ(series[i].value, years.Value(std::size_t(code))) << model.Periods()[i];
    }

    core::agg::ViewSpec by_region = by_period;
    by_region.group_by[0] = region_dim;
    const core::agg::ViewResult map = test::ReferenceAggregate(t, Filters(true, false, region_dim), by_region);
    const std::vector<core::RegionValue> shown = model.MapValues(*m_workspace.ActiveLayer());
    const auto& features = m_workspace.ActiveLayer()->features;
    for (std::size_t i = 0; i < features.size(); ++i) {
        const long code = t.FindCode(region_dim, features[i].code);
        ASSERT_GE(code, 0) << features[i].code;
        EXPECT_EQ(shown[i].value, map.Value(std::size_t(code))) << features[i].code;
    }
}

TEST_F(DashboardLinking, BrushedYearsMapTheChangeWithDeclineInRed)
{
    core::DashboardModel& model = m_session->Model();
    const auto& periods = model.Periods();
    const int from = int(std::find(periods.begin(), periods.end(), "2025") - periods.begin());
    const int to = int(std::find(periods.begin(), periods.end(), "2035") - periods.begin());
    ASSERT_LT(to, int(periods.size()));
    model.SetChange(from, to);
    Frame();
    // Each region's change equals the one computed from its own series.
    const core::RegionLayer& layer = *m_workspace.ActiveLayer();
    const std::vector<core::RegionValue> change = model.MapValues(layer);
    std::size_t declining = 0;
    for (std::size_t i = 0; i < layer.features.size(); ++i) {
        const std::vector<core::RegionValue> series = model.PeriodSeriesOf(layer.features[i].code);
        if (change[i].state != core::agg::GroupState::Known)
            continue;
        EXPECT_NEAR(change[i].value, (series[std::size_t(to)].value / series[std::size_t(from)].value - 1) * 100, 1e-9);
        declining += change[i].value < 0;
    }
    EXPECT_GT(declining, 0u) << "the demo's periphery shrinks between 2025 and 2035";
    test::CompareWithGolden(m_session->Frame().ReadPixels(), "dashboard_change.png");
}

TEST_F(DashboardLinking, ClickedBarsFilterTheMapOnTheVacancyTable)
{
    core::DashboardModel& model = m_session->Model();
    int vacancies = -1;
    for (int i : model.TableChoices())
        if (m_workspace.Tables()[std::size_t(i)]->dataset.name.find("vacature") != std::string::npos)
            vacancies = i;
    ASSERT_GE(vacancies, 0);
    model.SelectTable(vacancies);
    m_workspace.SetActiveLayer(1); // arbeidsmarktregio: what the vacancy table is per
    Frame();
    ASSERT_GE(model.BarsDimension(), 0);
    model.ToggleBar(0);
    model.ToggleBar(2);
    Frame();
    const core::agg::FactTable& t = *model.Table();
    const int region_dim = t.FindDimension(m_workspace.ActiveLayer()->name);
    core::agg::ViewSpec by_region;
    by_region.measure = model.Measure();
    by_region.group_by[0] = region_dim;
    const core::agg::ViewResult map = test::ReferenceAggregate(t, Filters(true, false, region_dim), by_region);
    const std::vector<core::RegionValue> shown = model.MapValues(*m_workspace.ActiveLayer());
    const auto& features = m_workspace.ActiveLayer()->features;
    for (std::size_t i = 0; i < features.size(); ++i)
        EXPECT_EQ(shown[i].value, map.Value(std::size_t(t.FindCode(region_dim, features[i].code)))) << features[i].code;
    // The bars themselves still show every sector.
    core::agg::ViewSpec by_bar = by_region;
    by_bar.group_by[0] = model.BarsDimension();
    core::agg::FilterSet without_bars = Filters(true, false, region_dim);
    without_bars.Clear(model.BarsDimension());
    const core::agg::ViewResult bars = test::ReferenceAggregate(t, without_bars, by_bar);
    const std::vector<core::RegionValue> bar_values = model.BarValues();
    ASSERT_EQ(bar_values.size(), bars.GroupCount());
    for (std::size_t g = 0; g < bars.GroupCount(); ++g)
        EXPECT_EQ(bar_values[g].value, bars.Value(g));
}

} // namespace
} // namespace vak::ui
