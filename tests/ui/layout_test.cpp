#include "ui/layout.hpp"
#include "ui/presentation.hpp"

#include <gtest/gtest.h>
#include <imgui.h>

#include <tuple>

namespace vak::ui {
namespace {

bool Overlaps(const Rect& a, const Rect& b)
{
    const float eps = 0.01f;
    return a.x < b.Right() - eps && b.x < a.Right() - eps && a.y < b.Bottom() - eps && b.y < a.Bottom() - eps;
}

class LayoutTiling : public ::testing::TestWithParam<std::tuple<float, float, float>> {};

TEST_P(LayoutTiling, PanelsTileTheAreaBelowTheMenuWithoutOverlap)
{
    const auto [w, h, scale] = GetParam();
    LayoutInput in;
    in.display_w = w;
    in.display_h = h;
    in.top = 22 * scale;
    in.scale = scale;
    in.line_height = 16 * scale;
    const DashboardLayout layout = ComputeLayout(in);

    float area = 0;
    for (int i = 0; i < kLayoutSlotCount; ++i) {
        const Rect& r = layout.slots[i];
        EXPECT_GT(r.w, 0) << "slot " << i;
        EXPECT_GT(r.h, 0) << "slot " << i;
        EXPECT_GE(r.x, 0);
        EXPECT_GE(r.y, in.top - 0.01f);
        EXPECT_LE(r.Right(), w + 0.01f);
        EXPECT_LE(r.Bottom(), h + 0.01f);
        area += r.Area();
        for (int j = i + 1; j < kLayoutSlotCount; ++j)
            EXPECT_FALSE(Overlaps(r, layout.slots[j])) << "slots " << i << " and " << j;
    }
    EXPECT_NEAR(area, w * (h - in.top), w * h * 1e-4f);

    const Rect& map = layout[LayoutSlot::Map];
    EXPECT_GE(map.w, 0.45f * w - 0.5f) << "the map keeps at least 45% of the width";
    EXPECT_GT(map.Area(), layout[LayoutSlot::Filters].Area());
    EXPECT_GT(map.Area(), layout[LayoutSlot::Charts].Area());
    // Filters left of the map, charts right, time under the map, status at the bottom.
    EXPECT_LE(layout[LayoutSlot::Filters].Right(), map.x + 0.01f);
    EXPECT_GE(layout[LayoutSlot::Charts].x, map.Right() - 0.01f);
    EXPECT_NEAR(layout[LayoutSlot::Time].y, map.Bottom(), 0.01f);
    EXPECT_NEAR(layout[LayoutSlot::Status].Bottom(), h, 0.01f);
}

INSTANTIATE_TEST_SUITE_P(Screens, LayoutTiling,
                         ::testing::Values(std::make_tuple(1280.f, 720.f, 1.0f), std::make_tuple(1920.f, 1080.f, 1.0f),
                                           std::make_tuple(1920.f, 1080.f, 2.0f), std::make_tuple(1280.f, 720.f, 3.0f),
                                           std::make_tuple(3840.f, 2160.f, 3.0f), std::make_tuple(1024.f, 768.f, 1.5f)));

TEST(Layout, SidePanelsGrowWithTheScaleOnAWideScreen)
{
    LayoutInput in{3840, 2160, 0, 1.0f, 16};
    const DashboardLayout small = ComputeLayout(in);
    in.scale = 2.0f;
    in.line_height = 32;
    const DashboardLayout large = ComputeLayout(in);
    EXPECT_GT(large[LayoutSlot::Filters].w, small[LayoutSlot::Filters].w);
    EXPECT_GT(large[LayoutSlot::Status].h, small[LayoutSlot::Status].h);
}

class PresentationLayout : public ::testing::TestWithParam<std::tuple<float, float, float>> {};

TEST_P(PresentationLayout, HidesTheFiltersAndKeepsTheMapLargest)
{
    const auto [w, h, scale] = GetParam();
    LayoutInput in;
    in.display_w = w;
    in.display_h = h;
    in.top = 0; // no menu bar while presenting
    in.scale = scale;
    in.line_height = 16 * scale;
    const DashboardLayout layout = ComputePresentationLayout(in);
    EXPECT_EQ(layout[LayoutSlot::Filters].Area(), 0.0f) << "no filters panel";
    EXPECT_EQ(layout[LayoutSlot::Time].Area(), 0.0f) << "no time slider (the arrow keys step bookmarks)";
    const Rect& map = layout[LayoutSlot::Map];
    const Rect& charts = layout[LayoutSlot::Charts];
    const Rect& footer = layout[LayoutSlot::Status];
    EXPECT_GT(charts.Area(), 0.0f) << "one chart stays";
    EXPECT_GT(map.Area(), charts.Area());
    EXPECT_GT(map.Area(), footer.Area());
    EXPECT_GE(map.w, 0.6f * w - 0.01f);
    // The footer holds two lines of text and spans the width at the bottom.
    EXPECT_GE(footer.h, 2 * in.line_height);
    EXPECT_FLOAT_EQ(footer.w, w);
    EXPECT_FLOAT_EQ(footer.Bottom(), h);
    // Map, charts and footer tile the screen.
    EXPECT_NEAR(map.Area() + charts.Area() + footer.Area(), w * h, 0.5f);
    EXPECT_FALSE(Overlaps(map, charts));
    EXPECT_FALSE(Overlaps(map, footer));
    EXPECT_FALSE(Overlaps(charts, footer));
}

INSTANTIATE_TEST_SUITE_P(ProjectorsAndLaptops, PresentationLayout,
                         ::testing::Values(std::make_tuple(1920.0f, 1080.0f, 2.0f), std::make_tuple(1280.0f, 720.0f, 2.0f),
                                           std::make_tuple(1024.0f, 768.0f, 3.0f), std::make_tuple(3840.0f, 2160.0f, 2.5f),
                                           std::make_tuple(1600.0f, 900.0f, 1.0f)));

// A projector's interface scale follows its height: 200 % on full HD, and a 720p projector gets
// the same share of its screen for text instead of a stamp-sized map.
TEST(PresentationScale, FollowsTheDisplaysHeightInUiScaleSteps)
{
    EXPECT_EQ(PresentationScaleFor(1080), kPresentationScalePercent);
    EXPECT_EQ(PresentationScaleFor(720), 125);  // 133 wanted
    EXPECT_EQ(PresentationScaleFor(800), 150);  // WXGA projectors: 148 wanted
    EXPECT_EQ(PresentationScaleFor(1200), 200); // 222 wanted
    EXPECT_EQ(PresentationScaleFor(1440), 250); // 267 wanted
    EXPECT_EQ(PresentationScaleFor(2160), 300); // 400 wanted, the largest step
    EXPECT_EQ(PresentationScaleFor(480), 100);  // never below the smallest step
}

TEST(PresentationScale, FollowsTheDisplayUntilThePresenterChoosesAScale)
{
    ImGuiContext* context = ImGui::CreateContext();
    ImGui::SetCurrentContext(context);
    ImGui::GetIO().DisplaySize = ImVec2(1280, 720);
    UiSettings settings;
    settings.scale_percent = 100;
    Presentation presentation;
    presentation.SetActive(true, settings);
    EXPECT_EQ(settings.scale_percent, kPresentationScalePercent) << "before the display is known";
    presentation.BeginFrame(settings);
    EXPECT_EQ(settings.scale_percent, 125) << "the 720p projector";
    ImGui::GetIO().DisplaySize = ImVec2(1920, 1080); // full screen on the second monitor
    presentation.BeginFrame(settings);
    EXPECT_EQ(settings.scale_percent, 200);
    settings.scale_percent = 175; // Ctrl - : the presenter's choice stays
    presentation.BeginFrame(settings);
    ImGui::GetIO().DisplaySize = ImVec2(1280, 720);
    presentation.BeginFrame(settings);
    EXPECT_EQ(settings.scale_percent, 175);
    presentation.SetActive(false, settings);
    EXPECT_EQ(settings.scale_percent, 100) << "the scale from before presenting";
    // A presenter who came with a large scale keeps it on a small display.
    settings.scale_percent = 150;
    presentation.SetActive(true, settings);
    presentation.BeginFrame(settings);
    EXPECT_EQ(settings.scale_percent, 150);
    ImGui::DestroyContext(context);
}

} // namespace
} // namespace vak::ui
