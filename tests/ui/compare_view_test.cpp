// Side-by-side compare: one classification for both maps (a colour means the same number left
// and right), the right map holds the other period's values as the aggregation core gives them,
// and both maps follow one camera whichever of them the user pans or zooms.
#include "ui/compare_view.hpp"

#include "core/dashboard/dashboard_model.hpp"
#include "core/errors.hpp"
#include "core/style/palette.hpp"
#include "core/workspace.hpp"
#include "io/png_export.hpp"
#include "io/view_file.hpp"
#include "support/csv_fields.hpp"
#include "support/demo_dashboard_fixture.hpp"
#include "support/png_reader.hpp"
#include "support/temp_dir.hpp"
#include "ui/headless_render.hpp"
#include "ui/presentation.hpp"
#include "ui/session_exports.hpp"
#include "ui/view_state_binding.hpp"
#include "core/themes/scenario.hpp"
#include "ui/panels/charts_panel.hpp"
#include "ui/panels/map_panel.hpp"
#include "ui/theme_controller.hpp"
#include "ui/ui_session.hpp"

#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>

namespace vak::ui {
namespace {

core::RegionValue Known(double v)
{
    return {v, core::agg::GroupState::Known, 0};
}

TEST(SharedChoropleth, BothSidesUseTheClassesOfAllTheirValues)
{
    CompareSides sides;
    sides.left.values = {Known(0), Known(10), Known(20), core::RegionValue{}};
    sides.right.values = {Known(30), Known(40), Known(50), Known(20)};
    sides.right.values[1].state = core::agg::GroupState::Unknown; // only "<5" there
    core::ChoroplethStyle style;
    style.method = core::ClassMethod::EqualInterval;
    style.classes = 5;
    const SharedChoropleth shared = MakeSharedChoropleth(sides, style);
    // Equal intervals over 0..50 (the unknown 40 takes no part): edges every 10.
    const std::vector<double> edges = {0, 10, 20, 30, 40, 50};
    EXPECT_EQ(shared.both.classification.breaks, edges);
    EXPECT_EQ(shared.left.classification.breaks, edges);
    EXPECT_EQ(shared.right.classification.breaks, edges);
    EXPECT_EQ(shared.left.feature_classes, (std::vector<int>{0, 1, 2, -1}));
    EXPECT_EQ(shared.right.feature_classes, (std::vector<int>{3, -1, 4, 2}));
    // The same number, the same colour on either side.
    EXPECT_EQ(shared.left.feature_colors[2], shared.right.feature_colors[3]);
    EXPECT_EQ(shared.left.feature_colors[3], core::NoDataColor());
    EXPECT_EQ(shared.right.feature_unknown, (std::vector<std::uint8_t>{0, 1, 0, 0}));
    // Per side, the counts are its own regions.
    EXPECT_EQ(shared.left.classification.counts, (std::vector<std::size_t>{1, 1, 1, 0, 0}));
    EXPECT_EQ(shared.right.classification.counts, (std::vector<std::size_t>{0, 0, 1, 1, 1}));
    // Classified alone, the left side would spread its three values over all five colours.
    const core::Choropleth alone = core::MakeChoropleth(sides.left.values, style);
    EXPECT_NE(alone.feature_colors[2], shared.left.feature_colors[2]);
}

class CompareViewTest : public test::DemoDashboardTest {
protected:
    void SetUp() override
    {
        if (!StartDemo({1280, 720}))
            return;
        ASSERT_GE(Model().Periods().size(), 2u);
    }

    const core::RegionLayer& Layer() { return *Workspace().ActiveLayer(); }
    MapPanel& Map() { return *Session().GetDashboard().Map(); }

    // The pixel of `image` nearest `at` (screen coordinates) that has colour `rgba`, within 2 px:
    // outlines and anti-aliasing may cover the point itself.
    static bool HasColourNear(const core::RgbaImage& image, ImVec2 at, std::uint32_t rgba)
    {
        for (int dy = -2; dy <= 2; ++dy)
            for (int dx = -2; dx <= 2; ++dx) {
                const int x = static_cast<int>(at.x) + dx, y = static_cast<int>(at.y) + dy;
                if (x < 0 || y < 0 || x >= image.width || y >= image.height)
                    continue;
                const std::uint8_t* px = image.Row(y) + 4 * x;
                bool same = true;
                for (int ch = 0; ch < 3; ++ch)
                    same = same && std::abs(int(px[ch]) - int((rgba >> (8 * ch)) & 0xFF)) <= 3;
                if (same)
                    return true;
            }
        return false;
    }

    // Every region whose label point lies on both maps shows its side's colour there.
    void ExpectBothMapsColouredThroughTheCamera(const core::RgbaImage& image, ImVec2 left, ImVec2 right)
    {
        const core::MapCamera& camera = Map().Camera();
        const CompareView& compare = Map().Compare();
        int checked = 0, matched_left = 0, matched_right = 0;
        for (std::size_t i = 0; i < Layer().features.size(); ++i) {
            const core::Vec2d p = camera.WorldToScreen(Layer().features[i].label_point);
            // The upper half, away from the toolbar and the titles: the legend covers the right
            // map's lower part at this size.
            const double w = camera.ViewportWidth(), h = camera.ViewportHeight();
            if (p.x < 20 || p.y < 110 || p.x > w - 20 || p.y > h - 90 || p.y > 0.5 * h)
                continue;
            ++checked;
            matched_left += HasColourNear(image, ImVec2(left.x + float(p.x), left.y + float(p.y)),
                                          compare.Colours().left.feature_colors[i]);
            matched_right += HasColourNear(image, ImVec2(right.x + float(p.x), right.y + float(p.y)),
                                           compare.Colours().right.feature_colors[i]);
        }
        ASSERT_GT(checked, 20);
        // A label drawn over a point may hide it; nearly all must match.
        EXPECT_GE(matched_left, checked * 9 / 10) << "of " << checked;
        EXPECT_GE(matched_right, checked * 9 / 10) << "of " << checked;
    }

    // The compare's two sides equal the map's own values (the aggregation core's) with
    // `from`, then `to` selected. Changes the model's period (the compare keeps its sides).
    void ExpectSidesAreTheCoresValues(const std::string& from, const std::string& to)
    {
        const CompareSides sides = Map().Compare().Sides();
        ASSERT_TRUE(sides.problem.empty()) << sides.problem;
        EXPECT_EQ(sides.left.title, from);
        EXPECT_EQ(sides.right.title, to);
        for (const auto& [label, side] : {std::pair{from, &sides.left}, std::pair{to, &sides.right}}) {
            const auto& periods = Model().Periods();
            const auto it = std::find(periods.begin(), periods.end(), label);
            ASSERT_NE(it, periods.end());
            Model().ClearChange();
            Model().SelectPeriod(static_cast<int>(it - periods.begin()));
            Model().Update(Workspace());
            const std::vector<core::RegionValue> map = Model().MapValues(Layer());
            ASSERT_EQ(map.size(), side->values.size());
            int known = 0;
            for (std::size_t i = 0; i < map.size(); ++i) {
                EXPECT_EQ(side->values[i].state, map[i].state) << label << " " << Layer().features[i].code;
                EXPECT_DOUBLE_EQ(side->values[i].value, map[i].value) << label << " " << Layer().features[i].code;
                known += map[i].state == core::agg::GroupState::Known;
            }
            EXPECT_GT(known, 100) << label;
        }
    }

    // Where the left and right maps start on screen (the map window's inner rectangle).
    std::pair<ImVec2, ImVec2> MapOrigins()
    {
        ImGuiWindow* window = ImGui::FindWindowByName("###map");
        EXPECT_NE(window, nullptr);
        if (!window)
            return {};
        const float side_w = static_cast<float>(Map().Camera().ViewportWidth());
        return {window->InnerRect.Min, ImVec2(window->InnerRect.Max.x - side_w, window->InnerRect.Min.y)};
    }
};

TEST_F(CompareViewTest, TheRightSideHoldsTheOtherPeriodsCoreResult)
{
    Model().ClearChange();
    Model().Update(Workspace());
    const int first = 0, last = static_cast<int>(Model().Periods().size()) - 1;
    const CompareSides sides = BuildYearSides(Model(), Layer(), first, last, Language::Dutch);
    ASSERT_TRUE(sides.problem.empty()) << sides.problem;
    EXPECT_EQ(sides.left.title, Model().Periods()[first]);
    EXPECT_EQ(sides.right.title, Model().Periods()[last]);
    // The map's own values with each period selected in turn.
    for (const auto& [period, side] : {std::pair{first, &sides.left}, std::pair{last, &sides.right}}) {
        Model().SelectPeriod(period);
        Model().Update(Workspace());
        const std::vector<core::RegionValue> map = Model().MapValues(Layer());
        ASSERT_EQ(map.size(), side->values.size());
        int known = 0;
        for (std::size_t i = 0; i < map.size(); ++i) {
            EXPECT_EQ(side->values[i].state, map[i].state) << Layer().features[i].code;
            EXPECT_DOUBLE_EQ(side->values[i].value, map[i].value) << Layer().features[i].code;
            known += map[i].state == core::agg::GroupState::Known;
        }
        EXPECT_GT(known, 100);
    }
    // Different periods: some region differs (the demo shrinks and grows).
    int differ = 0;
    for (std::size_t i = 0; i < sides.left.values.size(); ++i)
        differ += sides.left.values[i].value != sides.right.values[i].value;
    EXPECT_GT(differ, 0);
}

TEST_F(CompareViewTest, CompareOptionOpensBothPeriodsWithTheirCoreValues)
{
    // --compare 2015,2030 as render applies it.
    m_dashboard->OpenCompare({core::Period{2015, 0}, core::Period{2030, 0}});
    const CompareView& compare = Map().Compare();
    ASSERT_TRUE(compare.Active());
    ASSERT_TRUE(compare.Ready()) << compare.Sides().problem;
    EXPECT_EQ(compare.Mode(), CompareMode::Years);
    EXPECT_EQ(compare.Sides().left.title, "2015");
    EXPECT_EQ(compare.Sides().right.title, "2030");
    // The map's own values with 2015, then 2030 selected.
    ExpectSidesAreTheCoresValues("2015", "2030");
    // A period the table lacks: a usage error naming the option and the value; compare unchanged.
    try {
        m_dashboard->OpenCompare({core::Period{2015, 0}, core::Period{2099, 0}});
        ADD_FAILURE() << "no error for 2099";
    } catch (const core::UsageError& e) {
        EXPECT_NE(std::string(e.what()).find("--compare 2015,2099"), std::string::npos) << e.what();
    }
    EXPECT_EQ(Map().Compare().Sides().right.title, "2030");
}

TEST_F(CompareViewTest, RequestedPeriodsAreFoundOnceTheTableIsThere)
{
    // --compare in a window: asked before the first frame, found while drawing.
    Map().Compare().RequestPeriods({core::Period{2020, 0}, core::Period{2040, 0}});
    m_dashboard->Frames(2);
    EXPECT_TRUE(Map().Compare().Active());
    EXPECT_EQ(Map().Compare().Sides().left.title, "2020");
    EXPECT_EQ(Map().Compare().Sides().right.title, "2040");
    Map().Compare().RequestPeriods({core::Period{1990, 0}, core::Period{2040, 0}});
    m_dashboard->Frames(1);
    EXPECT_NE(Map().Compare().Sides().problem.find("1990"), std::string::npos) << Map().Compare().Sides().problem;
}

TEST_F(CompareViewTest, BothMapsShowTheirPeriodWithOneCameraWhicheverIsZoomed)
{
    Model().ClearChange();
    const int last = static_cast<int>(Model().Periods().size()) - 1;
    Map().Compare().SetActive(true);
    Map().Compare().SetMode(CompareMode::Years);
    Map().Compare().SetPeriods(0, last);
    m_dashboard->Frames(4);
    ASSERT_TRUE(Map().Compare().Ready()) << Map().Compare().Sides().problem;
    // One set of class edges for both maps.
    EXPECT_EQ(Map().Compare().Colours().left.classification.breaks,
              Map().Compare().Colours().right.classification.breaks);
    ImGuiWindow* window = ImGui::FindWindowByName("###map");
    ASSERT_NE(window, nullptr);
    const ImVec2 left = window->InnerRect.Min;
    const float side_w = static_cast<float>(Map().Camera().ViewportWidth());
    EXPECT_LT(side_w, window->InnerRect.GetWidth() * 0.5f + 1.0f);
    const ImVec2 right(window->InnerRect.Max.x - side_w, left.y);
    core::RgbaImage image = m_dashboard->Screenshot();
    if (const char* out = std::getenv("VAK_COMPARE_PNG"))
        io::WritePng(image, out);
    ExpectBothMapsColouredThroughTheCamera(image, left, right);

    // Zoom in with the wheel over the right map: the one camera changes, and both maps follow.
    const double before = Map().Camera().UnitsPerPixel();
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(right.x + side_w * 0.4f, left.y + window->InnerRect.GetHeight() * 0.5f);
    m_dashboard->Frames(1);
    io.MouseWheel = 2.0f;
    m_dashboard->Frames(1);
    io.MouseWheel = 0.0f;
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX); // no hover tint in the check
    m_dashboard->Frames(2);
    EXPECT_NEAR(Map().Camera().UnitsPerPixel(), before / (1.25 * 1.25), before * 1e-9);
    image = m_dashboard->Screenshot();
    ExpectBothMapsColouredThroughTheCamera(image, left, right);
    // Off again: one map over the whole panel.
    Map().Compare().SetActive(false);
    m_dashboard->Frames(2);
    EXPECT_NEAR(Map().Camera().ViewportWidth(), window->InnerRect.GetWidth(), 1.0);
}

TEST_F(CompareViewTest, NowAndAfterTheScenarioShareTheKmBands)
{
    ThemeController& themes = Session().Themes();
    themes.Select(Theme::Programmes);
    for (int i = 0; i < 8 && !(i >= 2 && themes.Settled()); ++i)
        m_dashboard->Frames(1);
    ASSERT_TRUE(themes.Settled());
    themes.ChooseProgramme("90415"); // a handful of locations
    m_dashboard->Frames(2);
    themes.SetClosed("99AN00", true); // Utrecht's
    m_dashboard->Frames(2);
    const core::themes::ScenarioResult* outcome = themes.ScenarioOutcome();
    ASSERT_NE(outcome, nullptr);
    Map().Compare().SetActive(true);
    Map().Compare().SetMode(CompareMode::Scenario);
    m_dashboard->Frames(3);
    const CompareView& compare = Map().Compare();
    ASSERT_TRUE(compare.Ready()) << compare.Sides().problem;
    EXPECT_EQ(compare.Sides().left.title, "Nu");
    EXPECT_EQ(compare.Sides().right.title, "Scenario: 1 locaties dicht");
    // Per municipality: the scenario's distances before (left) and after (right).
    int checked = 0, further = 0;
    for (const core::themes::ReachChange& change : outcome->municipalities) {
        const int f = Layer().FindByCode(change.before.code);
        ASSERT_GE(f, 0) << change.before.code;
        const core::RegionValue& left = compare.Sides().left.values[static_cast<std::size_t>(f)];
        const core::RegionValue& right = compare.Sides().right.values[static_cast<std::size_t>(f)];
        ASSERT_EQ(left.state, core::agg::GroupState::Known);
        ASSERT_EQ(right.state, core::agg::GroupState::Known);
        EXPECT_DOUBLE_EQ(left.value, change.before.km);
        EXPECT_DOUBLE_EQ(right.value, change.after.km);
        further += right.value > left.value;
        ++checked;
    }
    EXPECT_EQ(checked, 342);
    EXPECT_EQ(further, outcome->summary.municipalities_further);
    EXPECT_GT(further, 0);
    // The theme's km bands (0, 10, 20, 30, 50, then up to the farthest of either side), the same
    // on both maps.
    const std::vector<double>& edges = compare.Colours().left.classification.breaks;
    EXPECT_EQ(edges, compare.Colours().right.classification.breaks);
    ASSERT_EQ(edges.size(), 6u);
    EXPECT_EQ(std::vector<double>(edges.begin(), edges.end() - 1), (std::vector<double>{0, 10, 20, 30, 50}));
    // The region table beside the maps: km now, after the scenario and the km added, the
    // municipality with the longest new trip first.
    const ChartsPanel* charts = Session().GetDashboard().Charts();
    ASSERT_NE(charts, nullptr);
    const charts::TableViewData& table = charts->ShownTable();
    ASSERT_EQ(table.number_columns.size(), 3u);
    EXPECT_EQ(table.number_columns[0].header, "Nu");
    EXPECT_EQ(table.number_columns[2].header, "km erbij");
    ASSERT_EQ(table.rows.size(), Layer().features.size());
    double most_added = 0;
    for (const core::themes::ReachChange& change : outcome->municipalities) {
        const charts::TableRow& row = table.rows[static_cast<std::size_t>(Layer().FindByCode(change.before.code))];
        EXPECT_DOUBLE_EQ(row.numbers[0], change.before.km) << change.before.code;
        EXPECT_DOUBLE_EQ(row.numbers[1], change.after.km) << change.before.code;
        EXPECT_DOUBLE_EQ(row.numbers[2], change.after.km - change.before.km) << change.before.code;
        most_added = std::max(most_added, change.after.km - change.before.km);
    }
    ASSERT_FALSE(charts->ShownTableOrder().row_order.empty());
    EXPECT_GT(most_added, 0.0);
    EXPECT_DOUBLE_EQ(table.rows[static_cast<std::size_t>(charts->ShownTableOrder().row_order[0])].numbers[2], most_added);
    // Its CSV: each municipality now and after the scenario, in km, the distances exact.
    test::TempDir dir{"vak_compare_scenario_csv"};
    const std::filesystem::path csv = dir.Path() / "scenario.csv";
    ExportRegionTableCsv(Session(), csv);
    std::ifstream in(csv);
    std::string line;
    std::getline(in, line);
    std::map<std::string, std::map<std::string, double>> km; // code -> side -> km
    std::size_t lines = 0;
    while (std::getline(in, line)) {
        ++lines;
        // code,name,value,state,suppressed,period,measure,unit,... (names may be quoted)
        const std::vector<std::string> cells = test::SplitCsvLine(line);
        ASSERT_GE(cells.size(), 8u) << line;
        EXPECT_EQ(cells[7], "km");
        if (!cells[2].empty())
            km[cells[0]][cells[5]] = std::stod(cells[2]);
    }
    EXPECT_EQ(lines, 2 * Layer().features.size());
    for (const core::themes::ReachChange& change : outcome->municipalities) {
        EXPECT_DOUBLE_EQ(km[change.before.code]["now"], change.before.km) << change.before.code;
        EXPECT_DOUBLE_EQ(km[change.before.code]["scenario"], change.after.km) << change.before.code;
    }
    if (const char* out = std::getenv("VAK_COMPARE_SCENARIO_PNG"))
        io::WritePng(m_dashboard->Screenshot(), out);
}

// A view saved with the compare open: captured with its two periods, written and read back,
// and applied to a dashboard showing one map, it opens the compare on those periods, whose
// sides are the core's values; a period the table lacks is refused naming $.compare.from and
// leaves the dashboard as it was.
TEST_F(CompareViewTest, AViewSavedInCompareOpensTheCompareOnItsPeriods)
{
    m_dashboard->OpenCompare({core::Period{2015, 0}, core::Period{2030, 0}});
    const core::ViewState saved = CaptureView(Session());
    ASSERT_TRUE(saved.compare.has_value());
    EXPECT_FALSE(saved.compare->scenario);
    EXPECT_EQ(saved.compare->from, "2015");
    EXPECT_EQ(saved.compare->to, "2030");
    test::TempDir dir{"vak_compare_view"};
    const std::filesystem::path file = dir.Path() / "compare.json";
    io::WriteViewFile(saved, file);
    const core::ViewState read = io::ReadViewFile(file);
    EXPECT_EQ(read, saved);

    // One map, other periods: then the view.
    Map().Compare().SetPeriods(0, 1);
    Map().Compare().SetActive(false);
    m_dashboard->Frames(2);
    EXPECT_FALSE(CaptureView(Session()).compare.has_value());
    ApplyView(Session(), read, "compare.json");
    m_dashboard->Frames(3);
    ASSERT_TRUE(Map().Compare().Active());
    EXPECT_EQ(Map().Compare().Mode(), CompareMode::Years);
    ASSERT_TRUE(Map().Compare().Ready()) << Map().Compare().Sides().problem;
    EXPECT_EQ(Model().Periods()[static_cast<std::size_t>(Map().Compare().LeftPeriod())], "2015");
    EXPECT_EQ(Model().Periods()[static_cast<std::size_t>(Map().Compare().RightPeriod())], "2030");
    EXPECT_EQ(CaptureView(Session()), saved);

    core::ViewState wrong = saved;
    wrong.compare->from = "2099";
    try {
        ApplyView(Session(), wrong, "wrong.json");
        ADD_FAILURE() << "a compare period the table lacks was applied";
    } catch (const core::InputError& e) {
        const std::string message = e.what();
        EXPECT_NE(message.find("wrong.json: $.compare.from: table "), std::string::npos) << message;
        EXPECT_NE(message.find("has no period '2099' (periods: 2010, 2011"), std::string::npos) << message;
    }
    m_dashboard->Frames(2);
    EXPECT_EQ(CaptureView(Session()), saved) << "the dashboard as it was";
    ExpectSidesAreTheCoresValues("2015", "2030");
}

// `render --view` of a view saved in compare mode: both maps drawn, each region in its side's
// class colour (one classification: the shared legend's), read back from the written PNG.
TEST_F(CompareViewTest, RenderOfACompareViewDrawsBothPeriodsInTheSharedColours)
{
    m_dashboard->OpenCompare({core::Period{2015, 0}, core::Period{2040, 0}});
    const core::ViewState view = CaptureView(Session());
    ASSERT_TRUE(view.compare.has_value());
    // As render does: a new headless dashboard made from the view, written to a PNG.
    m_dashboard.reset();
    m_dashboard = std::make_unique<HeadlessDashboard>(test::HeadlessOptions(), view.data, core::RegionFileOptions{},
                                                      &view, core::ImageSize{1280, 720}, "compare.json");
    m_dashboard->SettleTheme();
    m_dashboard->SettleCompare();
    ASSERT_TRUE(Map().Compare().Ready()) << Map().Compare().Sides().problem;
    EXPECT_EQ(Map().Compare().Sides().left.title, "2015");
    EXPECT_EQ(Map().Compare().Sides().right.title, "2040");
    test::TempDir dir{"vak_compare_render"};
    const std::string png = (dir.Path() / "compare.png").string();
    io::WritePng(m_dashboard->Screenshot(), png);
    const core::RgbaImage image = test::ReadPng(png);
    ASSERT_EQ(image.width, 1280);
    const auto [left, right] = MapOrigins();
    ExpectBothMapsColouredThroughTheCamera(image, left, right);
    // Some region changes class between 2015 and 2040: the halves are not one image twice.
    const SharedChoropleth& colours = Map().Compare().Colours();
    int differ = 0;
    for (std::size_t i = 0; i < colours.left.feature_classes.size(); ++i)
        differ += colours.left.feature_classes[i] != colours.right.feature_classes[i];
    EXPECT_GT(differ, 10);
}

// A story bookmark holds a view: a compare bookmark opens the compare, the next one without it
// closes it again.
TEST_F(CompareViewTest, ABookmarkCanBeACompare)
{
    m_dashboard->OpenCompare({core::Period{2020, 0}, core::Period{2035, 0}});
    const core::ViewState compare = CaptureView(Session());
    Map().Compare().SetActive(false);
    m_dashboard->Frames(2);
    const core::ViewState single = CaptureView(Session());
    ASSERT_FALSE(single.compare.has_value());
    ApplyView(Session(), compare, "bookmark 1");
    m_dashboard->Frames(3);
    EXPECT_TRUE(Map().Compare().Active());
    EXPECT_EQ(Map().Compare().Sides().right.title, "2035");
    ApplyView(Session(), single, "bookmark 2");
    m_dashboard->Frames(2);
    EXPECT_FALSE(Map().Compare().Active());
}

// The scenario compare ("Nu | Scenario") is captured as such and comes back with the theme.
TEST_F(CompareViewTest, AScenarioCompareIsCapturedAndApplied)
{
    ThemeController& themes = Session().Themes();
    themes.Select(Theme::Programmes);
    for (int i = 0; i < 8 && !(i >= 2 && themes.Settled()); ++i)
        m_dashboard->Frames(1);
    themes.ChooseProgramme("90415");
    themes.SetClosed("99AN00", true);
    Map().Compare().SetActive(true);
    Map().Compare().SetMode(CompareMode::Scenario);
    m_dashboard->Frames(3);
    ASSERT_TRUE(Map().Compare().Ready()) << Map().Compare().Sides().problem;
    const core::ViewState view = CaptureView(Session());
    ASSERT_TRUE(view.compare.has_value());
    EXPECT_TRUE(view.compare->scenario);
    EXPECT_TRUE(view.compare->from.empty());
    Map().Compare().SetMode(CompareMode::Years);
    Map().Compare().SetActive(false);
    m_dashboard->Frames(2);
    ApplyView(Session(), view, "scenario.json");
    m_dashboard->Frames(4);
    EXPECT_TRUE(Map().Compare().Active());
    EXPECT_EQ(Map().Compare().Mode(), CompareMode::Scenario);
    ASSERT_TRUE(Map().Compare().Ready()) << Map().Compare().Sides().problem;
    EXPECT_EQ(Map().Compare().Sides().left.title, "Nu");
}

// render --compare FROM,TO --presentation: the compare in presentation layout (large type, the
// footer), written as a PNG whose two maps are coloured, with the legend as one band below.
TEST_F(CompareViewTest, PresentationRendersTheCompare)
{
    m_dashboard.reset();
    const core::CommonOptions options = test::HeadlessOptions();
    test::TempDir dir{"vak_compare_presentation"};
    const std::string png = (dir.Path() / "presentation.png").string();
    const std::string said =
        RenderPresentationPng(options, core::ViewData{}, core::RegionFileOptions{}, nullptr, "view",
                              core::ImageSize{1920, 1080}, png, std::pair{core::Period{2015, 0}, core::Period{2030, 0}});
    EXPECT_NE(said.find("presentation mode, compare"), std::string::npos) << said;
    if (const char* out = std::getenv("VAK_COMPARE_PRESENTATION_PNG"))
        std::filesystem::copy_file(png, out, std::filesystem::copy_options::overwrite_existing);
    const core::RgbaImage image = test::ReadPng(png);
    ASSERT_EQ(image.width, 1920);
    ASSERT_EQ(image.height, 1080);
    // The divider between the two maps (the compare's own colour) runs down the map panel.
    int divider_rows = 0;
    for (int y = 0; y < image.height; ++y)
        for (int x = 0; x < image.width; ++x) {
            const std::uint8_t* px = image.Row(y) + 4 * x;
            if (px[0] == 60 && px[1] == 66 && px[2] == 76) {
                ++divider_rows;
                break;
            }
        }
    EXPECT_GT(divider_rows, 300);
    // A period the table lacks: the usage error of --compare, nothing written.
    const std::string other = (dir.Path() / "other.png").string();
    EXPECT_THROW(RenderPresentationPng(options, core::ViewData{}, core::RegionFileOptions{}, nullptr, "view",
                                       core::ImageSize{1280, 720}, other,
                                       std::pair{core::Period{2015, 0}, core::Period{2099, 0}}),
                 core::UsageError);
    EXPECT_FALSE(std::filesystem::exists(other));
}

// While the maps compare two periods, the region table lists both periods' values (the
// aggregation core's, as the map shows them with that period selected) and the change between
// them, steepest decline first, instead of the single period on the model.
TEST_F(CompareViewTest, TheRegionTableListsBothPeriodsAndTheirChange)
{
    Model().ClearChange();
    const int first = 0, last = static_cast<int>(Model().Periods().size()) - 1;
    Model().SelectPeriod(1); // neither compared period
    Model().Update(Workspace());
    Map().Compare().SetActive(true);
    Map().Compare().SetMode(CompareMode::Years);
    Map().Compare().SetPeriods(first, last);
    m_dashboard->Frames(3);
    ASSERT_TRUE(Map().Compare().Ready()) << Map().Compare().Sides().problem;
    const ChartsPanel* charts = Session().GetDashboard().Charts();
    ASSERT_NE(charts, nullptr);
    const charts::TableViewData table = charts->ShownTable();
    const std::vector<int> order = charts->ShownTableOrder().row_order;
    const std::string from = Model().Periods()[first], to = Model().Periods()[last];
    ASSERT_EQ(table.number_columns.size(), 3u);
    EXPECT_EQ(table.number_columns[0].header, from);
    EXPECT_EQ(table.number_columns[1].header, to);
    EXPECT_EQ(table.number_columns[2].header, "t.o.v. " + from);
    ASSERT_EQ(table.rows.size(), Layer().features.size());

    // The scatter beside it (on screen and exported) shows the change between the compared periods.
    EXPECT_NE(ChartSvg(Session(), SvgChartKind::Scatter).find("verandering " + from + "\xE2\x80\x93" + to),
              std::string::npos);

    std::vector<std::vector<core::RegionValue>> core_values;
    for (int period : {first, last}) {
        Model().SelectPeriod(period);
        Model().Update(Workspace());
        core_values.push_back(Model().MapValues(Layer()));
    }
    const auto number = [](const core::RegionValue& v) {
        return v.state == core::agg::GroupState::Known ? v.value : charts::kUnknown;
    };
    int known_changes = 0;
    for (std::size_t i = 0; i < table.rows.size(); ++i) {
        const charts::TableRow& row = table.rows[i];
        EXPECT_EQ(row.label, Layer().features[i].name);
        ASSERT_EQ(row.numbers.size(), 3u);
        EXPECT_DOUBLE_EQ(row.numbers[0], number(core_values[0][i])) << Layer().features[i].code;
        EXPECT_DOUBLE_EQ(row.numbers[1], number(core_values[1][i])) << Layer().features[i].code;
        const core::RegionValue change = core::ChangePercent(core_values[0][i], core_values[1][i]);
        EXPECT_DOUBLE_EQ(row.numbers[2], number(change)) << Layer().features[i].code;
        known_changes += change.state == core::agg::GroupState::Known;
    }
    EXPECT_GT(known_changes, 100);
    // Ranked by the change, steepest decline first; unknown changes last.
    ASSERT_EQ(order.size(), table.rows.size());
    double previous = -1e300;
    bool unknown_seen = false;
    for (int r : order) {
        const double change = table.rows[static_cast<std::size_t>(r)].numbers[2];
        if (change == charts::kUnknown) {
            unknown_seen = true;
            continue;
        }
        EXPECT_FALSE(unknown_seen) << "a known change below an unknown one";
        EXPECT_GE(change, previous);
        previous = change;
    }

    // Presenting, the card at 200 % holds the later period and the change only, still ranked by it.
    Presentation& presentation = Session().GetDashboard().GetPresentation();
    presentation.SetActive(true, Session().Settings());
    m_dashboard->Frames(3);
    ASSERT_EQ(charts->ShownTable().number_columns.size(), 2u);
    EXPECT_EQ(charts->ShownTable().number_columns[0].header, to);
    EXPECT_EQ(charts->ShownTable().number_columns[1].header, "t.o.v. " + from);
    EXPECT_TRUE(charts->ShownTable().sparkline_header.empty());
    ASSERT_FALSE(charts->ShownTableOrder().row_order.empty());
    EXPECT_EQ(charts->ShownTableOrder().row_order[0], order[0]) << "the same region leads the ranking";
    presentation.SetActive(false, Session().Settings());
    m_dashboard->Frames(2);

    // Closing the compare brings back the model's own period (2011 here) to the table and scatter.
    Model().SelectPeriod(1);
    Model().Update(Workspace());
    Map().Compare().SetActive(false);
    m_dashboard->Frames(2);
    ASSERT_FALSE(charts->ShownTable().number_columns.empty());
    EXPECT_EQ(charts->ShownTable().number_columns[0].header, Model().Periods()[std::size_t(Model().PeriodIndex())]);
    EXPECT_NE(ChartSvg(Session(), SvgChartKind::Scatter).find("verandering " + from + "\xE2\x80\x93" +
                                                               Model().Periods()[std::size_t(Model().PeriodIndex())]),
              std::string::npos);
}

} // namespace
} // namespace vak::ui
