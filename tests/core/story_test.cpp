// Stories without files: stepping clamps at the ends as a clicker user expects, batch file names
// keep the order and read as the title, the camera's glide zooms geometrically, and a bookmark's
// problems are named by its JSON path.
#include "core/story.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace vak::core {
namespace {

TEST(Story, StepsClampAtBothEndsAndStartAtTheFirst)
{
    EXPECT_EQ(StepBookmark(-1, 3, +1), 0);
    EXPECT_EQ(StepBookmark(-1, 3, -1), 0);
    EXPECT_EQ(StepBookmark(0, 3, +1), 1);
    EXPECT_EQ(StepBookmark(1, 3, +1), 2);
    EXPECT_EQ(StepBookmark(2, 3, +1), 2) << "a clicker pressed once too often stays on the last";
    EXPECT_EQ(StepBookmark(0, 3, -1), 0);
    EXPECT_EQ(StepBookmark(2, 3, -1), 1);
    EXPECT_EQ(StepBookmark(7, 3, +1), 0) << "an index past a shortened story starts again";
    EXPECT_EQ(StepBookmark(-1, 0, +1), -1);
}

TEST(Story, BatchFileNamesKeepTheOrderAndReadAsTheTitle)
{
    EXPECT_EQ(BookmarkFileName(0, "Krimp in Limburg", "png"), "01-krimp-in-limburg.png");
    EXPECT_EQ(BookmarkFileName(9, "  MBO-studenten, 2015 \xE2\x80\x93 2030!  ", "png"), "10-mbo-studenten-2015-2030.png");
    // Accented letters keep their base letter; other non-ASCII text separates words.
    EXPECT_EQ(BookmarkFileName(1, "Zeeuws-Vlaanderen \xC3\xA9\xC3\xA9n", "png"), "02-zeeuws-vlaanderen-een.png");
    EXPECT_EQ(BookmarkFileName(1, "Fryslân \xE2\x80\x94 Súdwest", "png"), "02-fryslan-sudwest.png");
    EXPECT_EQ(BookmarkFileName(2, "???", "png"), "03-bladwijzer.png");
    EXPECT_EQ(BookmarkFileName(3, "Arbeidsmarktregio's", "png"), "04-arbeidsmarktregios.png");
    const std::string longest = BookmarkFileName(0, std::string(60, 'a'), "");
    EXPECT_EQ(longest, "01-" + std::string(40, 'a'));
    EXPECT_EQ(BookmarkFileName(99, "x", "png"), "100-x.png");
}

TEST(Story, TheGlideEasesAndZoomsGeometrically)
{
    EXPECT_DOUBLE_EQ(EaseInOut(-1.0), 0.0);
    EXPECT_DOUBLE_EQ(EaseInOut(0.0), 0.0);
    EXPECT_DOUBLE_EQ(EaseInOut(0.5), 0.5);
    EXPECT_DOUBLE_EQ(EaseInOut(1.0), 1.0);
    EXPECT_DOUBLE_EQ(EaseInOut(2.0), 1.0);
    EXPECT_LT(EaseInOut(0.1), 0.1) << "a slow start";
    EXPECT_GT(EaseInOut(0.9), 0.9) << "a slow stop";

    const ViewCamera from{{100000.0, 400000.0}, 1000.0, 800, 600};
    const ViewCamera to{{200000.0, 500000.0}, 10.0, 1600, 900};
    const ViewCamera start = InterpolateCamera(from, to, 0.0);
    EXPECT_DOUBLE_EQ(start.centre.x, 100000.0);
    EXPECT_NEAR(start.units_per_pixel, 1000.0, 1e-9);
    const ViewCamera middle = InterpolateCamera(from, to, 0.5);
    EXPECT_DOUBLE_EQ(middle.centre.x, 150000.0);
    EXPECT_DOUBLE_EQ(middle.centre.y, 450000.0);
    // Half way in time is half way in zoom steps: sqrt(1000 * 10) = 100, not (1000 + 10) / 2.
    EXPECT_NEAR(middle.units_per_pixel, 100.0, 1e-9);
    const ViewCamera end = InterpolateCamera(from, to, 1.0);
    EXPECT_NEAR(end.units_per_pixel, 10.0, 1e-9);
    EXPECT_EQ(end.viewport_width, 1600);
}

TEST(Story, ProblemsNameTheBookmarkAndKey)
{
    Story story;
    story.bookmarks.push_back({"Eerste", "", {}});
    story.bookmarks.push_back({"", "notitie", {}});
    story.bookmarks.push_back({"Derde", std::string(kMaxBookmarkNote + 1, 'x'), {}});
    story.bookmarks[0].view.ui_scale_percent = 900;
    const std::vector<std::string> problems = ValidateStory(story);
    ASSERT_EQ(problems.size(), 3u);
    EXPECT_EQ(problems[0].rfind("$.bookmarks[0].view.interface.scale_percent", 0), 0u) << problems[0];
    EXPECT_EQ(problems[1].rfind("$.bookmarks[1].title: empty", 0), 0u) << problems[1];
    EXPECT_EQ(problems[2].rfind("$.bookmarks[2].note", 0), 0u) << problems[2];
    story.bookmarks[0].view.ui_scale_percent = 200;
    story.bookmarks[1].title = "Tweede";
    story.bookmarks[2].note = "kort";
    EXPECT_TRUE(ValidateStory(story).empty());
}

} // namespace
} // namespace vak::core
