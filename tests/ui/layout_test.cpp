#include "ui/layout.hpp"

#include <gtest/gtest.h>

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

} // namespace
} // namespace vak::ui
