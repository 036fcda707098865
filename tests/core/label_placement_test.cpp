#include "core/geo/label_placement.hpp"

#include <gtest/gtest.h>

namespace vak::core {
namespace {

bool Overlap(const PlacedLabel& a, const LabelCandidate& ca, const PlacedLabel& b, const LabelCandidate& cb)
{
    return a.x < b.x + cb.width && b.x < a.x + ca.width && a.y < b.y + cb.height && b.y < a.y + ca.height;
}

TEST(LabelPlacement, NoTwoPlacedLabelsOverlap)
{
    std::vector<LabelCandidate> c;
    for (int i = 0; i < 400; ++i)
        c.push_back({i, 20.0f + (i * 37) % 760, 15.0f + (i * 53) % 570, 60, 14, static_cast<float>(i % 17)});
    const auto placed = PlaceLabels(c, 800, 600, 2);
    ASSERT_FALSE(placed.empty());
    EXPECT_LT(placed.size(), c.size()) << "a crowded map drops labels";
    for (std::size_t i = 0; i < placed.size(); ++i) {
        const LabelCandidate& ci = c[placed[i].id];
        EXPECT_GE(placed[i].x, 0);
        EXPECT_LE(placed[i].x + ci.width, 800);
        for (std::size_t j = i + 1; j < placed.size(); ++j)
            EXPECT_FALSE(Overlap(placed[i], ci, placed[j], c[placed[j].id])) << placed[i].id << " vs " << placed[j].id;
    }
}

TEST(LabelPlacement, HigherPriorityWinsAConflict)
{
    const std::vector<LabelCandidate> c = {
        {1, 100, 100, 80, 14, 1.0f},  // small region
        {2, 110, 100, 80, 14, 50.0f}, // large region, same spot
    };
    const auto placed = PlaceLabels(c, 400, 300, 2);
    ASSERT_FALSE(placed.empty());
    EXPECT_EQ(placed.front().id, 2);
    // The loser moves above or below rather than vanishing, when there is room.
    ASSERT_EQ(placed.size(), 2u);
    EXPECT_NE(placed[1].y, placed[0].y);
}

TEST(LabelPlacement, LabelsOutsideTheViewAreDropped)
{
    const std::vector<LabelCandidate> c = {{1, -50, 100, 40, 14, 1}, {2, 100, 1000, 40, 14, 1}, {3, 100, 100, 40, 14, 1}};
    const auto placed = PlaceLabels(c, 400, 300, 0);
    ASSERT_EQ(placed.size(), 1u);
    EXPECT_EQ(placed[0].id, 3);
}

TEST(LabelPlacement, ObstaclesStayClear)
{
    const std::vector<LabelCandidate> c = {{1, 100, 20, 60, 14, 1}, {2, 100, 200, 60, 14, 1}};
    const LabelObstacle toolbar{0, 0, 400, 40};
    const auto placed = PlaceLabels(c, 400, 300, 2, std::span(&toolbar, 1));
    ASSERT_EQ(placed.size(), 1u);
    EXPECT_EQ(placed[0].id, 2);
}

TEST(LabelPlacement, Deterministic)
{
    std::vector<LabelCandidate> c;
    for (int i = 0; i < 200; ++i)
        c.push_back({i, 10.0f + (i * 29) % 380, 10.0f + (i * 31) % 280, 50, 12, 1.0f});
    const auto a = PlaceLabels(c, 400, 300, 1);
    const auto b = PlaceLabels(c, 400, 300, 1);
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i)
        EXPECT_EQ(a[i].id, b[i].id);
}

} // namespace
} // namespace vak::core
