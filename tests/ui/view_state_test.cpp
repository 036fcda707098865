// Views on a running dashboard (the demo data, headless): what is captured, saved, loaded and
// applied comes back identical; a view that does not fit the data is refused with the key named
// and leaves the dashboard as it was; a saved view renders headless as its golden image.
#include "core/dashboard/dashboard_model.hpp"
#include "core/errors.hpp"
#include "core/workspace.hpp"
#include "io/view_file.hpp"
#include "io/workspace_loader.hpp"
#include "support/demo_dashboard_fixture.hpp"
#include "support/golden_image.hpp"
#include "support/temp_dir.hpp"
#include "ui/file_actions.hpp"
#include "ui/headless_render.hpp"
#include "ui/panels/charts_panel.hpp"
#include "ui/panels/map_panel.hpp"
#include "ui/ui_session.hpp"
#include "ui/view_state_binding.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <memory>

namespace vak::ui {
namespace {

constexpr core::ImageSize kSize{1280, 720};

// The message of the InputError `apply` throws; fails the test when none is thrown.
template <typename F>
std::string ErrorOf(F&& apply)
{
    try {
        apply();
    } catch (const core::InputError& e) {
        return e.what();
    }
    ADD_FAILURE() << "expected core::InputError";
    return {};
}

class ViewStateTest : public test::DemoDashboardTest {
protected:
    void SetUp() override { (void)StartDemo(kSize); }

    void Frame() { m_dashboard->Frames(2); } // the model takes last frame's actions at a frame's start

    // Changes everything a view holds away from the default start, as a user would: another
    // table (one split into bars), a coarser level it covers, two regions, a year, a change
    // map, two bars, classes, language, scale and a zoomed camera.
    void ChangeEverything()
    {
        core::DashboardModel& model = Session().Model();
        for (int i : model.TableChoices()) {
            if (i == model.TableIndex())
                continue;
            model.SelectTable(i);
            Frame();
            if (model.BarsDimension() >= 0 && model.Periods().size() >= 3)
                break;
        }
        ASSERT_GE(model.BarsDimension(), 0) << "a demo table splits into bars";
        // The coarsest level the table has figures for, other than the one the map opened on.
        int level = -1;
        for (std::size_t i = 0; i < Workspace().Layers().size(); ++i) {
            bool covered = false;
            model.MapValues(*Workspace().Layers()[i], &covered);
            if (covered && int(i) != Workspace().ActiveLayerIndex() &&
                (level < 0 || Workspace().Layers()[i]->features.size() <
                                  Workspace().Layers()[std::size_t(level)]->features.size()))
                level = int(i);
        }
        ASSERT_GE(level, 0);
        Workspace().SetActiveLayer(level);
        const auto& regions = Workspace().ActiveLayer()->features;
        ASSERT_GE(regions.size(), 2u);
        Workspace().GetSelection().Assign({regions[0].code, regions[1].code});
        model.SelectPeriod(1);
        model.SetChange(0, int(model.Periods().size()) - 1);
        model.MapStyle().method = core::ClassMethod::NaturalBreaks;
        model.MapStyle().classes = 6;
        model.MapStyle().palette = core::PaletteId::Blues;
        Session().Settings().language = Language::English;
        Session().Settings().scale_percent = 125;
        const std::uint32_t bars = model.Table()->dimensions[std::size_t(model.BarsDimension())].Cardinality();
        ASSERT_GE(bars, 2u);
        model.ToggleBar(0);
        model.ToggleBar(bars - 1);
        // The time chart in raw values rather than the index it starts with.
        ASSERT_NE(Session().GetDashboard().Charts(), nullptr);
        ui::charts::ChartChoices choices = Session().GetDashboard().Charts()->Choices();
        ASSERT_TRUE(choices.index_mode);
        choices.index_mode = false;
        Session().GetDashboard().Charts()->SetChoices(choices);
        Frame();
        // A camera a user zoomed to: a third of the country around its middle.
        const core::MapCamera& shown = Session().GetDashboard().Map()->Camera();
        Session().GetDashboard().Map()->RequestViewCamera(core::ViewCamera{
            shown.Centre() + core::Vec2d{1000.5, -2000.25}, shown.UnitsPerPixel() / 3.0, shown.ViewportWidth(),
            shown.ViewportHeight()});
        Frame();
    }

    test::TempDir m_temp{"vak_view_state"};
};

TEST_F(ViewStateTest, CaptureSaveLoadApplyCaptureGivesTheSameState)
{
    ChangeEverything();
    const core::ViewState saved = CaptureView(Session());
    // What was set is what was captured (names and codes, not indices).
    const core::DashboardModel& model = Session().Model();
    EXPECT_EQ(saved.table, Workspace().Tables()[std::size_t(model.TableIndex())]->dataset.name);
    EXPECT_EQ(saved.level, Workspace().ActiveLayer()->name);
    EXPECT_EQ(saved.selected_regions,
              (std::vector<std::string>{Workspace().GetSelection().Codes().begin(), Workspace().GetSelection().Codes().end()}));
    EXPECT_EQ(saved.selected_regions.size(), 2u);
    EXPECT_EQ(saved.period, model.Periods()[1]);
    EXPECT_EQ(saved.change_from, model.Periods().front());
    EXPECT_EQ(saved.change_to, model.Periods().back());
    EXPECT_EQ(saved.selected_bars.size(), 2u);
    EXPECT_EQ(saved.language, "en");
    EXPECT_EQ(saved.ui_scale_percent, 125);
    EXPECT_EQ(saved.style.method, core::ClassMethod::NaturalBreaks);
    EXPECT_FALSE(saved.chart_index);
    ASSERT_TRUE(saved.camera.has_value()) << "a moved map keeps its camera";

    const auto file = m_temp.Path() / "view.json";
    io::WriteViewFile(saved, file);
    const core::ViewState loaded = io::ReadViewFile(file);
    EXPECT_EQ(loaded, saved);

    // A fresh dashboard opened on the file shows the same state.
    m_dashboard.reset(); // one GL context at a time
    m_dashboard = std::make_unique<HeadlessDashboard>(test::HeadlessOptions(), loaded.data, core::RegionFileOptions{},
                                                      &loaded, kSize, file.string());
    const core::ViewState reopened = CaptureView(Session());
    EXPECT_EQ(reopened, saved);
    EXPECT_EQ(Workspace().ActiveLayer()->name, saved.level);
    EXPECT_TRUE(Session().Model().ShowsChange());
    EXPECT_FALSE(Session().GetDashboard().Charts()->Choices().index_mode) << "the time chart as it was saved";
}

TEST_F(ViewStateTest, AppliedInARunningDashboardTheStateComesBack)
{
    const core::ViewState start = CaptureView(Session());
    ChangeEverything();
    const core::ViewState changed = CaptureView(Session());
    ASSERT_NE(changed, start);
    ApplyView(Session(), start);
    Frame();
    EXPECT_EQ(CaptureView(Session()), start);
    ApplyView(Session(), changed);
    Frame();
    EXPECT_EQ(CaptureView(Session()), changed);
}

TEST_F(ViewStateTest, AViewThatDoesNotFitIsRefusedAndChangesNothing)
{
    ChangeEverything();
    const core::ViewState before = CaptureView(Session());
    const std::uint64_t selection_version = Workspace().GetSelection().Version();

    // Another table whose periods lack the one asked for: the table is loaded to find out, then
    // the dashboard goes back to what it showed.
    core::ViewState other_table;
    other_table.data = before.data;
    other_table.level = before.level;
    for (int i : Session().Model().TableChoices())
        if (Workspace().Tables()[std::size_t(i)]->dataset.name != before.table)
            other_table.table = Workspace().Tables()[std::size_t(i)]->dataset.name;
    ASSERT_FALSE(other_table.table.empty());
    other_table.period = "1850";
    std::string message = ErrorOf([&] { ApplyView(Session(), other_table, "v.json"); });
    EXPECT_NE(message.find("v.json: $.shown.period"), std::string::npos) << message;
    EXPECT_NE(message.find("'1850'"), std::string::npos) << message;
    Frame();
    EXPECT_EQ(CaptureView(Session()), before);

    core::ViewState no_level = before;
    no_level.level = "wijk";
    message = ErrorOf([&] { ApplyView(Session(), no_level, "v.json"); });
    EXPECT_NE(message.find("$.map.level: no level 'wijk'"), std::string::npos) << message;

    core::ViewState no_region = before;
    no_region.selected_regions = {"PV31", "PV99"};
    message = ErrorOf([&] { ApplyView(Session(), no_region, "v.json"); });
    EXPECT_NE(message.find("$.map.selected_regions: no region 'PV99'"), std::string::npos) << message;

    core::ViewState no_measure = before;
    no_measure.measure = "gewicht";
    message = ErrorOf([&] { ApplyView(Session(), no_measure, "v.json"); });
    EXPECT_NE(message.find("$.shown.measure"), std::string::npos) << message;

    core::ViewState other_data = before;
    other_data.data.tables.files = {"/elsewhere/leerlingen.csv"};
    message = ErrorOf([&] { ApplyView(Session(), other_data, "v.json"); });
    EXPECT_NE(message.find("other data files"), std::string::npos) << message;

    Frame();
    EXPECT_EQ(CaptureView(Session()), before);
    EXPECT_EQ(std::vector<std::string>(Workspace().GetSelection().Codes().begin(), Workspace().GetSelection().Codes().end()),
              before.selected_regions);
    EXPECT_GE(Workspace().GetSelection().Version(), selection_version);
}

TEST_F(ViewStateTest, TheFileMenusRequestsSaveOpenAndReportWithoutThrowing)
{
    ChangeEverything();
    const core::ViewState changed = CaptureView(Session());
    const std::string file = (m_temp.Path() / "menu.json").string();
    FileResult saved = RunFileRequest(Session(), {FileAction::SaveView, file});
    ASSERT_TRUE(saved.ok) << saved.message;
    EXPECT_EQ(io::ReadViewFile(file), changed);

    // A broken file: the modal shows why, and the dashboard keeps what it showed.
    const std::string broken = (m_temp.Path() / "broken.json").string();
    std::ofstream(broken) << "{\"vakatlas_view\": 1, \"map\": {\"tile_map\": \"yes\"}}";
    const FileResult refused = RunFileRequest(Session(), {FileAction::OpenView, broken});
    EXPECT_FALSE(refused.ok);
    EXPECT_NE(refused.message.find(broken + ": $.map.tile_map: expected true or false"), std::string::npos)
        << refused.message;
    Frame();
    EXPECT_EQ(CaptureView(Session()), changed);

    // A view of just its version keeps the table, measure and period shown, and resets the rest:
    // no selection, change map or bars, a fitted map, Dutch at 100 %.
    const std::string plain = (m_temp.Path() / "plain.json").string();
    std::ofstream(plain) << "{\"vakatlas_view\": 1}";
    const FileResult opened = RunFileRequest(Session(), {FileAction::OpenView, plain});
    ASSERT_TRUE(opened.ok) << opened.message;
    Frame();
    const core::ViewState reset = CaptureView(Session());
    EXPECT_EQ(reset.table, changed.table);
    EXPECT_EQ(reset.period, changed.period);
    EXPECT_EQ(reset.language, "nl");
    EXPECT_EQ(reset.ui_scale_percent, 100);
    EXPECT_TRUE(reset.selected_regions.empty());
    EXPECT_TRUE(reset.change_from.empty());
    EXPECT_TRUE(reset.selected_bars.empty());
    EXPECT_FALSE(reset.camera.has_value());
}

// The view a facilitator saves for a room: the change in pupils 2025-2035 per municipality,
// zoomed to one province (Limburg), with two municipalities picked for the time chart.
core::ViewState LimburgChangeView(const core::Workspace& workspace)
{
    core::ViewState view;
    view.level = "gemeente";
    view.table = "leerlingen_gemeente";
    view.period = "2035";
    view.change_from = "2025";
    view.change_to = "2035";
    view.selected_regions = {"GM0917", "GM0935"}; // Heerlen, Maastricht
    const core::RegionLayer& provinces = *workspace.Layers()[std::size_t(io::FindLevel(workspace, "provincie"))];
    const core::Box2d limburg = provinces.features[std::size_t(provinces.FindByCode("PV31"))].bounds;
    // Limburg whole in the left half of a 600 x 500 pixel map, the right half kept for the legend
    // (as a user would pan it).
    const double metres_per_px = 1.15 * std::max(limburg.Width() / 300, limburg.Height() / 500);
    view.camera = core::ViewCamera{limburg.Centre() + core::Vec2d{150 * metres_per_px, 0}, metres_per_px, 600, 500};
    return view;
}

TEST_F(ViewStateTest, ASavedChangeMapOfOneProvinceRendersAsItsGoldenImage)
{
    const core::ViewState view = LimburgChangeView(Workspace());
    const auto file = m_temp.Path() / "limburg.json";
    io::WriteViewFile(view, file);
    const core::ViewState loaded = io::ReadViewFile(file);
    m_dashboard.reset();
    const core::RgbaImage image = RenderView(test::HeadlessOptions(), loaded, kSize);
    test::CompareWithGolden(image, "view_limburg_change.png");
}

} // namespace
} // namespace vak::ui
