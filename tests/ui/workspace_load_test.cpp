// Loading other data files while the dashboard runs: a view or a bookmark made of other files
// loads them on a worker, with steps a progress bar can show, and then looks exactly as saved;
// a file that breaks the load, or the user's Stop, leaves the dashboard as it was.
#include "core/errors.hpp"
#include "core/load_progress.hpp"
#include "core/story.hpp"
#include "io/png_export.hpp"
#include "io/view_file.hpp"
#include "io/workspace_loader.hpp"
#include "support/ci.hpp"
#include "support/demo_dashboard_fixture.hpp"
#include "support/shared_data.hpp"
#include "support/temp_dir.hpp"
#include "ui/dashboard.hpp"
#include "ui/file_actions.hpp"
#include "ui/headless_render.hpp"
#include "ui/texts/texts.hpp"
#include "ui/ui_session.hpp"
#include "ui/view_state_binding.hpp"

#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <thread>
#include <vector>

namespace vak::ui {
namespace {

constexpr core::ImageSize kSize{1280, 720};
const char* const kRegions = "geodata/cbs/gemeente_2025.topojson";
const char* const kTable = "data/real/cbs_kwb_2019_gemeenten.csv";

core::ViewData RealData(const std::string& regions, const std::string& table)
{
    core::ViewData data;
    data.regions.files = {regions};
    data.tables.files = {table};
    return data;
}

TEST(LoadWorkspace, CountsOneStepPerFileAndOneForTheLevelsAndNeverRunsBackwards)
{
    VAK_REQUIRE_SHARED(kRegions);
    const core::ViewData data = RealData(test::SharedFile(kRegions), test::SharedFile(kTable));
    core::LoadProgress progress;
    core::Workspace workspace;
    std::atomic<bool> done{false};
    std::vector<core::LoadProgress::Snapshot> seen;
    std::thread poller([&] {
        while (!done.load()) {
            seen.push_back(progress.Read());
            std::this_thread::sleep_for(std::chrono::microseconds(200));
        }
    });
    io::LoadWorkspace(data.regions, data.tables, workspace, &progress);
    done = true;
    poller.join();

    const core::LoadProgress::Snapshot last = progress.Read();
    EXPECT_EQ(last.steps, 3) << "the boundary file, its levels, the table";
    EXPECT_EQ(last.step, 2);
    EXPECT_EQ(last.kind, core::LoadProgress::StepKind::File);
    EXPECT_EQ(last.what, "cbs_kwb_2019_gemeenten.csv") << "the file's name, not its folders";
    // Inside the boundary file the bar moves with the features read, before the next step.
    EXPECT_TRUE(std::any_of(seen.begin(), seen.end(), [](const auto& s) {
        return s.step == 0 && s.fraction > 0.0 && s.fraction < 0.5;
    })) << seen.size() << " snapshots";
    double before = 0;
    int before_step = 0;
    for (const auto& s : seen) {
        EXPECT_GE(s.fraction, before) << "at step " << s.step << " (" << s.what << ")";
        EXPECT_GE(s.step, before_step);
        EXPECT_LE(s.fraction, 1.0);
        before = s.fraction;
        before_step = s.step;
    }
    // The same load as the command line's two calls make.
    core::Workspace direct;
    io::LoadRegionFiles(data.regions, direct);
    io::LoadDataFiles(data.tables, direct);
    ASSERT_EQ(workspace.Layers().size(), direct.Layers().size());
    for (std::size_t i = 0; i < direct.Layers().size(); ++i) {
        EXPECT_EQ(workspace.Layers()[i]->name, direct.Layers()[i]->name);
        EXPECT_EQ(workspace.Layers()[i]->features.size(), direct.Layers()[i]->features.size());
    }
    ASSERT_EQ(workspace.Tables().size(), 1u);
    EXPECT_EQ(workspace.Tables()[0]->dataset.RowCount(), direct.Tables()[0]->dataset.RowCount());
    EXPECT_EQ(workspace.Tables()[0]->joined_layer, direct.Tables()[0]->joined_layer);
}

TEST(LoadWorkspace, StoppedBeforeItEndsItThrowsAndAddsNothing)
{
    VAK_REQUIRE_SHARED(kRegions);
    const core::ViewData data = RealData(test::SharedFile(kRegions), test::SharedFile(kTable));
    core::LoadProgress progress;
    progress.Cancel();
    core::Workspace workspace;
    EXPECT_THROW(io::LoadWorkspace(data.regions, data.tables, workspace, &progress), core::LoadCancelled);
    EXPECT_TRUE(workspace.Layers().empty());
    EXPECT_TRUE(workspace.Tables().empty());
}

TEST(LoadStepText, SaysWhichFileOfHowManyOrThatLevelsAreDerived)
{
    const Language before = CurrentLanguage();
    SetLanguage(Language::Dutch);
    core::LoadProgress::Snapshot s;
    s.what = "gemeente_2025.topojson";
    s.step = 0;
    s.steps = 3;
    EXPECT_EQ(LoadStepText(s), "Laden 1/3: gemeente_2025.topojson");
    s.kind = core::LoadProgress::StepKind::Levels;
    s.step = 1;
    EXPECT_EQ(LoadStepText(s), "Laden 2/3: regioniveaus van gemeente_2025.topojson");
    SetLanguage(Language::English);
    EXPECT_EQ(LoadStepText(s), "Loading 2/3: region levels of gemeente_2025.topojson");
    SetLanguage(before);
}

// The window's start: the dashboard draws at once on an empty workspace while the files load,
// then shows them; a file that cannot be read leaves it empty and says why.
class WorkspaceLoadAtStart : public test::HeadlessSessionTest {};

TEST_F(WorkspaceLoadAtStart, TheEmptyDashboardDrawsUntilTheLoadTakesOver)
{
    VAK_REQUIRE_SHARED(kRegions);
    if (!StartSession(kSize)) // on the empty workspace
        return;
    core::Workspace& workspace = m_workspace;
    test::HeadlessSession& headless = m_headless;
    UiSession& session = *m_session;
    for (int i = 0; i < 3; ++i)
        headless.Frame(); // nothing loaded: no layer, no table
    EXPECT_FALSE(session.Model().HasData());

    core::ViewData broken;
    broken.regions.files = {"/nonexistent/gemeenten.gpkg"};
    session.StartLoad(broken, [](UiSession&) { ADD_FAILURE() << "nothing was loaded"; }, {});
    session.FinishLoadBlocking();
    ASSERT_TRUE(session.GetDashboard().Outcome().has_value());
    EXPECT_NE(session.GetDashboard().Outcome()->message.find("/nonexistent/gemeenten.gpkg"), std::string::npos);
    headless.Frame();
    EXPECT_TRUE(workspace.Layers().empty());

    bool started = false;
    session.StartLoad(RealData(test::SharedFile(kRegions), test::SharedFile(kTable)),
                      [&](UiSession&) { started = true; }, {});
    while (session.Load())
        headless.Frame();
    headless.Frame();
    EXPECT_TRUE(started);
    EXPECT_EQ(workspace.Layers().size(), 1u) << "the session's workspace is the loaded one";
    EXPECT_TRUE(session.Model().HasData());
}

// A demo dashboard that is asked to open views made of the real CBS files.
class WorkspaceLoadTest : public test::DemoDashboardTest {
protected:
    void SetUp() override
    {
        if (!test::HaveShared(kRegions))
            GTEST_SKIP() << "../shared is absent: real-data test skipped";
        // The boundary file and table are copied, so a test can break them after saving the view.
        m_regions = (m_temp.Path() / "gemeente_2025.topojson").string();
        m_table = (m_temp.Path() / "kwb_2019.csv").string();
        std::filesystem::copy_file(test::SharedFile(kRegions), m_regions);
        std::filesystem::copy_file(test::SharedFile(kTable), m_table);
        try {
            m_target = MakeTargetView();
        } catch (const core::InputError& e) {
            test::FailInCiOrSkip(e);
            return;
        }
        if (!StartDemo(kSize))
            return;
        m_view_file = (m_temp.Path() / "gemeenten.json").string();
        io::WriteViewFile(m_target, m_view_file);
    }
    // What a user saw on the real files: two municipalities selected, natural breaks, English.
    core::ViewState MakeTargetView()
    {
        HeadlessDashboard other(test::HeadlessOptions(), RealData(m_regions, m_table), core::RegionFileOptions{}, nullptr, kSize);
        UiSession& session = other.Session();
        core::ViewData sources = RealData(m_regions, m_table);
        session.SetDataSources(sources);
        other.Frames(2);
        const auto& features = other.GetWorkspace().ActiveLayer()->features;
        other.GetWorkspace().GetSelection().Assign({features[3].code, features[40].code});
        session.Model().MapStyle().method = core::ClassMethod::NaturalBreaks;
        session.Model().MapStyle().classes = 4;
        session.Settings().language = Language::English;
        other.Frames(2);
        return CaptureView(session);
    }

    const std::optional<FileResult>& Outcome() { return Session().GetDashboard().Outcome(); }

    test::TempDir m_temp{"vak_workspace_load"};
    std::string m_regions, m_table, m_view_file;
    core::ViewState m_target;
};

TEST_F(WorkspaceLoadTest, AViewOfOtherFilesLoadsThemAndThenLooksAsSaved)
{
    const core::ViewState demo = CaptureView(Session());
    ASSERT_FALSE(core::SameData(demo.data, m_target.data));

    const FileResult asked = RunFileRequest(Session(), {FileAction::OpenView, m_view_file});
    EXPECT_TRUE(asked.pending) << asked.message;
    ASSERT_NE(Session().Load(), nullptr) << "the files load on a worker";
    ASSERT_NE(Session().Load()->Progress(), nullptr) << "with steps the progress bar shows";
    Session().FinishLoadBlocking();
    EXPECT_EQ(Session().Load(), nullptr);
    ASSERT_TRUE(Outcome().has_value());
    EXPECT_TRUE(Outcome()->ok) << Outcome()->message;
    EXPECT_EQ(Outcome()->message, "opened " + m_view_file);
    m_dashboard->Frames(3);

    EXPECT_TRUE(core::SameData(Session().DataSources(), m_target.data));
    EXPECT_EQ(CaptureView(Session()), m_target);
    EXPECT_EQ(Session().GetWorkspace().ActiveLayer()->features.size(), 342u) << "the 2025 municipalities";
    EXPECT_EQ(Session().GetWorkspace().GetSelection().Codes().size(), 2u);
    EXPECT_TRUE(Session().Model().HasData());
    EXPECT_EQ(Session().Model().Table()->name, Session().GetWorkspace().Tables()[0]->dataset.name);
}

TEST_F(WorkspaceLoadTest, ABrokenFileLeavesTheDashboardAsItWasAndSaysWhich)
{
    m_dashboard->Frames(2);
    const core::ViewState before = CaptureView(Session());
    // Broken after the view was saved: the view file reads, its boundary file does not.
    std::ofstream(m_regions, std::ios::trunc) << "{\"type\": \"Topology\", \"objects\": {";
    const FileResult asked = RunFileRequest(Session(), {FileAction::OpenView, m_view_file});
    ASSERT_TRUE(asked.pending) << asked.message;
    Session().FinishLoadBlocking();
    ASSERT_TRUE(Outcome().has_value());
    EXPECT_FALSE(Outcome()->ok);
    EXPECT_NE(Outcome()->message.find(m_regions), std::string::npos) << Outcome()->message;
    m_dashboard->Frames(2);
    EXPECT_EQ(CaptureView(Session()), before);
    EXPECT_TRUE(Session().Model().HasData());
}

TEST_F(WorkspaceLoadTest, AViewThatDoesNotFitTheFilesItLoadedPutsThePreviousDataBack)
{
    // Not the default start, so that coming back to it proves the user's choices came back.
    Session().GetWorkspace().GetSelection().Assign({Session().GetWorkspace().ActiveLayer()->features[5].code});
    Session().Model().MapStyle().classes = 3;
    m_dashboard->Frames(2);
    const core::ViewState before = CaptureView(Session());
    const std::size_t demo_layers = Session().GetWorkspace().Layers().size();
    // The files load, but the view names a municipality they do not have: found only once the
    // new data is in the session, so the demo data must come back.
    core::ViewState misfit = m_target;
    misfit.selected_regions = {"GM9999"};
    const std::string file = (m_temp.Path() / "misfit.json").string();
    io::WriteViewFile(misfit, file);
    ASSERT_TRUE(RunFileRequest(Session(), {FileAction::OpenView, file}).pending);
    Session().FinishLoadBlocking();
    ASSERT_TRUE(Outcome().has_value());
    EXPECT_FALSE(Outcome()->ok);
    EXPECT_NE(Outcome()->message.find("$.map.selected_regions: no region 'GM9999'"), std::string::npos)
        << Outcome()->message;
    m_dashboard->Frames(2);
    EXPECT_EQ(Session().GetWorkspace().Layers().size(), demo_layers);
    EXPECT_TRUE(core::SameData(Session().DataSources(), before.data));
    EXPECT_EQ(CaptureView(Session()), before);
}

TEST_F(WorkspaceLoadTest, StoppedByTheUserTheDashboardKeepsItsData)
{
    m_dashboard->Frames(2);
    const core::ViewState before = CaptureView(Session());
    ASSERT_TRUE(RunFileRequest(Session(), {FileAction::OpenView, m_view_file}).pending);
    ASSERT_NE(Session().Load(), nullptr);
    Session().Load()->Cancel();
    Session().FinishLoadBlocking();
    ASSERT_TRUE(Outcome().has_value());
    EXPECT_FALSE(Outcome()->ok);
    EXPECT_EQ(Outcome()->message, Tr(TextId::progress_load_stopped));
    m_dashboard->Frames(2);
    EXPECT_EQ(CaptureView(Session()), before);
}

TEST_F(WorkspaceLoadTest, AStoryStepsBetweenBookmarksOfOtherDataFiles)
{
    m_dashboard->Frames(2);
    const core::ViewState demo = CaptureView(Session());
    core::Story story;
    story.bookmarks.push_back({"Demo", "", demo});
    story.bookmarks.push_back({"Gemeenten", "", m_target});
    StoryPlayer& player = Session().GetDashboard().Story();
    player.SetStory(story, "story.json");
    player.Go(Session(), 0, false);
    m_dashboard->Frames(2);
    EXPECT_EQ(player.Current(), 0);

    player.Step(Session(), +1, false); // other files: loads, then steps
    Session().FinishLoadBlocking();
    ASSERT_TRUE(Outcome().has_value());
    EXPECT_TRUE(Outcome()->ok) << Outcome()->message;
    m_dashboard->Frames(3);
    EXPECT_EQ(player.Current(), 1);
    core::ViewState shown = CaptureView(Session());
    // A story keeps the presenter's language and scale; the rest is the bookmark's.
    shown.language = m_target.language;
    EXPECT_EQ(shown, m_target);

    player.Step(Session(), -1, false); // back to the demo data
    Session().FinishLoadBlocking();
    ASSERT_TRUE(Outcome().has_value());
    EXPECT_TRUE(Outcome()->ok) << Outcome()->message;
    m_dashboard->Frames(3);
    EXPECT_EQ(player.Current(), 0);
    EXPECT_TRUE(core::SameData(Session().DataSources(), demo.data));
    EXPECT_EQ(CaptureView(Session()), demo);
}

TEST_F(WorkspaceLoadTest, WhileTheFilesLoadTheDashboardDrawsOnWithTheStepAndABar)
{
    // 11,000 neighbourhoods: a load long enough to watch.
    const char* const kNeighbourhoods = "geodata/cbs/2015/Buurt_2014_layer_q1e3.json";
    VAK_REQUIRE_SHARED(kNeighbourhoods);
    m_dashboard->Frames(2);
    const core::ViewState before = CaptureView(Session());
    core::ViewData data;
    data.regions.files = {test::SharedFile(kNeighbourhoods)};
    bool applied = false;
    // A clock that says a second has passed at each look: the progress is due from the first
    // frame, however fast this machine reads the file.
    auto seconds = std::make_shared<double>(0.0);
    Session().StartLoad(data, [&](UiSession&) { applied = true; }, "loaded", [seconds] { return *seconds += 1.0; });
    ASSERT_NE(Session().Load(), nullptr);
    // Frames go on while the worker reads, the progress window with them. (The session drops the
    // load in the frame that finishes it: ask it each time.)
    bool shown = false;
    while (Session().Load() && !shown) {
        m_dashboard->Frames(1);
        const ImGuiWindow* progress = ImGui::FindWindowByName("###progress");
        // Auto-sized windows are measured in their first frame and drawn from the next.
        shown = Session().Load() && progress && progress->Active && !progress->Hidden &&
                Session().Load()->ShowProgress();
    }
    if (!shown)
        GTEST_SKIP() << "the load ended within the two frames a progress window needs to be drawn";
    // (GDAL opens the file in one go, so the bar may still stand at 0 here.)
    const core::LoadProgress::Snapshot now = Session().Load()->Progress()->Read();
    EXPECT_EQ(now.steps, 2) << "the file and its levels";
    EXPECT_LT(now.fraction, 1.0);
    EXPECT_EQ(CaptureView(Session()), before) << "the dashboard is untouched while it loads";
    // In the map's corner, clear of the panels with controls (the time panel's Play button).
    const ImGuiWindow* progress = ImGui::FindWindowByName("###progress");
    const ImGuiWindow* map = ImGui::FindWindowByName("###map");
    ASSERT_TRUE(progress && map);
    EXPECT_TRUE(map->Rect().Contains(progress->Rect()));
    for (const char* panel : {"###time", "###filters", "###charts"})
        if (const ImGuiWindow* other = ImGui::FindWindowByName(panel))
            EXPECT_FALSE(other->Rect().Overlaps(progress->Rect())) << panel;
    if (const char* dir = std::getenv("VAK_LOOK_DIR"))
        io::WritePng(m_dashboard->Screenshot(), std::filesystem::path(dir) / "loading_progress.png");
    Session().FinishLoadBlocking();
    EXPECT_TRUE(applied);
    ASSERT_TRUE(Outcome().has_value());
    EXPECT_TRUE(Outcome()->ok) << Outcome()->message;
    m_dashboard->Frames(2);
    EXPECT_GT(Session().GetWorkspace().ActiveLayer()->features.size(), 10000u);
}

} // namespace
} // namespace vak::ui
