// Stories and presentation mode on a running dashboard (the demo data, headless): stepping
// through three bookmarks applies each one's table, period and level and keeps the presenter's
// scale; a bookmark that does not fit leaves the dashboard and the story where they were; the
// batch render writes one numbered PNG per bookmark; presentation mode at 1920x1080 matches its
// reviewed golden image.
#include "core/dashboard/dashboard_model.hpp"
#include "core/errors.hpp"
#include "core/workspace.hpp"
#include "support/demo_dashboard_fixture.hpp"
#include "support/golden_image.hpp"
#include "support/png_reader.hpp"
#include "support/temp_dir.hpp"
#include "ui/headless_render.hpp"
#include "ui/panels/map_panel.hpp"
#include "ui/presentation.hpp"
#include "ui/story_player.hpp"
#include "ui/ui_session.hpp"
#include "ui/view_state_binding.hpp"

#include <imgui.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <tuple>

namespace vak::ui {
namespace {

// What a facilitator sees change from one bookmark to the next.
struct Shown {
    std::string table, period, level;
    bool operator==(const Shown&) const = default;
};

std::ostream& operator<<(std::ostream& out, const Shown& s)
{
    return out << s.table << " / " << s.period << " / " << s.level;
}

// Each test starts the demo dashboard at the size it needs.
class StoryPlayerTest : public test::DemoDashboardTest {
protected:
    StoryPlayer& Player() { return Session().GetDashboard().Story(); }
    void Frame() { m_dashboard->Frames(2); }

    Shown Now()
    {
        const core::DashboardModel& model = Session().Model();
        return {model.Table()->name, model.Periods()[std::size_t(model.PeriodIndex())], Workspace().ActiveLayer()->name};
    }

    // A level other than `not_this` that the shown table has figures for; -1 when none.
    int OtherCoveredLevel(int not_this)
    {
        for (std::size_t i = 0; i < Workspace().Layers().size(); ++i) {
            bool covered = false;
            Session().Model().MapValues(*Workspace().Layers()[i], &covered);
            if (covered && int(i) != not_this)
                return int(i);
        }
        return -1;
    }
};

TEST_F(StoryPlayerTest, SteppingAppliesEachBookmarkAndKeepsThePresentersScale)
{
    if (!StartDemo({1280, 720}))
        return;
    core::DashboardModel& model = Session().Model();
    core::Story story;
    std::vector<Shown> expected;
    // 1: the default start, at its last period.
    model.SelectPeriod(int(model.Periods().size()) - 1);
    Frame();
    story.bookmarks.push_back({"Start", "", CaptureView(Session())});
    expected.push_back(Now());
    // 2: another table, its first period.
    const int first_table = model.TableIndex();
    for (int i : model.TableChoices()) {
        if (i == first_table)
            continue;
        model.SelectTable(i);
        Frame();
        if (model.Periods().size() >= 2)
            break;
    }
    ASSERT_NE(model.TableIndex(), first_table);
    ASSERT_GE(model.Periods().size(), 2u);
    model.SelectPeriod(0);
    Frame();
    story.bookmarks.push_back({"Tweede tabel", "eerste jaar", CaptureView(Session())});
    expected.push_back(Now());
    // 3: the same table on another level, a middle period.
    const int level = OtherCoveredLevel(Workspace().ActiveLayerIndex());
    ASSERT_GE(level, 0) << "a demo table covers two levels";
    Workspace().SetActiveLayer(level);
    model.SelectPeriod(int(model.Periods().size()) / 2);
    Frame();
    story.bookmarks.push_back({"Ander niveau", "", CaptureView(Session())});
    expected.push_back(Now());
    ASSERT_NE(expected[0], expected[1]);
    ASSERT_NE(expected[1], expected[2]);

    // The presenter's scale, chosen after the bookmarks were made at 100 %.
    Session().Settings().scale_percent = 150;
    Player().SetStory(story, "verhaal.json");
    EXPECT_EQ(Player().Current(), -1);
    for (int i = 0; i < 3; ++i) {
        Player().Step(Session(), +1, false);
        Frame();
        EXPECT_EQ(Player().Current(), i);
        EXPECT_EQ(Now(), expected[std::size_t(i)]) << "bookmark " << i + 1;
        EXPECT_EQ(Session().Settings().scale_percent, 150) << "a bookmark does not change the interface scale";
    }
    Player().Step(Session(), +1, false); // once too often: stays on the last
    Frame();
    EXPECT_EQ(Player().Current(), 2);
    EXPECT_EQ(Now(), expected[2]);
    Player().Step(Session(), -1, false);
    Frame();
    EXPECT_EQ(Player().Current(), 1);
    EXPECT_EQ(Now(), expected[1]);

    // The glide ends on the bookmark's camera (ImGui's 1/60 s frames: 0.6 s is 36 frames).
    core::Story zoomed = story;
    const core::MapCamera& camera = Session().GetDashboard().Map()->Camera();
    const core::ViewCamera target{camera.Centre() + core::Vec2d{5000.0, -3000.0}, camera.UnitsPerPixel() / 4.0,
                                  camera.ViewportWidth(), camera.ViewportHeight()};
    zoomed.bookmarks[2].view.camera = target;
    Player().SetStory(zoomed, "verhaal.json");
    Player().Go(Session(), 2, true);
    m_dashboard->Frames(10);
    const double half_way = Session().GetDashboard().Map()->Camera().UnitsPerPixel();
    EXPECT_GT(half_way, target.units_per_pixel * 1.01) << "still on its way after 10 frames";
    m_dashboard->Frames(40);
    EXPECT_NEAR(Session().GetDashboard().Map()->Camera().Centre().x, target.centre.x, 1e-6);
    EXPECT_NEAR(Session().GetDashboard().Map()->Camera().UnitsPerPixel(), target.units_per_pixel, 1e-9);
}

TEST_F(StoryPlayerTest, ABookmarkThatDoesNotFitLeavesEverythingAsItWas)
{
    if (!StartDemo({1280, 720}))
        return;
    core::Story story;
    story.bookmarks.push_back({"Goed", "", CaptureView(Session())});
    core::ViewState bad = story.bookmarks[0].view;
    bad.period = "1850";
    story.bookmarks.push_back({"Fout", "", bad});
    Player().SetStory(story, "verhaal.json");
    Player().Step(Session(), +1, false);
    Frame();
    const Shown before = Now();
    try {
        Player().Step(Session(), +1, false);
        ADD_FAILURE() << "expected core::InputError";
    } catch (const core::InputError& e) {
        const std::string message = e.what();
        EXPECT_NE(message.find("bookmark 2"), std::string::npos) << message;
        EXPECT_NE(message.find("1850"), std::string::npos) << message;
    }
    Frame();
    EXPECT_EQ(Player().Current(), 0);
    EXPECT_EQ(Now(), before);
    // Through the menu's request the error becomes a message, not an exception.
    const StoryResult result = RunStoryRequest(Session(), {StoryRequest::Kind::Next, {}, {}, {}});
    EXPECT_FALSE(result.ok);
    EXPECT_EQ(Player().Current(), 0);
}

TEST_F(StoryPlayerTest, BatchRenderWritesOneNumberedImagePerBookmark)
{
    if (!StartDemo({1280, 720}))
        return;
    core::Story story;
    story.bookmarks.push_back({"Krimp in Nederland", "", CaptureView(Session())});
    Session().Model().SelectPeriod(0);
    Frame();
    story.bookmarks.push_back({"Eerste jaar", "", CaptureView(Session())});
    m_dashboard.reset(); // one EGL context at a time
    test::TempDir dir("vak_story_render");
    const auto written =
        RenderStory(test::HeadlessOptions(), story, "verhaal.json", {640, 360}, dir.Path() / "beelden", false);
    ASSERT_EQ(written.size(), 2u);
    EXPECT_EQ(written[0], dir.Path() / "beelden" / "01-krimp-in-nederland.png");
    EXPECT_EQ(written[1], dir.Path() / "beelden" / "02-eerste-jaar.png");
    for (const auto& path : written) {
        const core::RgbaImage image = test::ReadPng(path.string());
        EXPECT_EQ(image.width, 640);
        EXPECT_EQ(image.height, 360);
    }
}

TEST_F(StoryPlayerTest, PresentationModeAt1920x1080MatchesItsGolden)
{
    if (!StartDemo({1920, 1080}))
        return;
    core::Story story;
    story.bookmarks.push_back({"Krimp van het mbo", "Minder studenten in de grensregio's", CaptureView(Session())});
    Player().SetStory(story, "verhaal.json");
    Player().Go(Session(), 0, false);
    Presentation& presentation = Session().GetDashboard().GetPresentation();
    presentation.SetActive(true, Session().Settings());
    EXPECT_EQ(Session().Settings().scale_percent, kPresentationScalePercent);
    // The pointer over the map, where a facilitator points.
    ImGui::GetIO().MousePos = ImVec2(700, 520);
    m_dashboard->Frames(5);
    test::CompareWithGolden(m_dashboard->Screenshot(), "presentation_1920x1080.png");
    // Leaving the mode gives the scale back.
    presentation.SetActive(false, Session().Settings());
    EXPECT_EQ(Session().Settings().scale_percent, 100);
}

} // namespace
} // namespace vak::ui
