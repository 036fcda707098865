// Reachability: the nearest-location search against a brute-force scan on random points (many
// seeds, with ties on a coarse grid), and the straight-line distances, classes and "no location"
// of a small hand-made case.
#include "core/errors.hpp"
#include "core/themes/reachability.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace vak::core::themes {
namespace {

TEST(NearestPointIndex, AgreesWithBruteForceOnRandomPoints)
{
    for (unsigned seed = 1; seed <= 300; ++seed) {
        std::mt19937 rng(seed);
        // Every third seed puts points on a coarse grid, so equal distances (ties) are common.
        const bool grid = seed % 3 == 0;
        auto coordinate = [&]() {
            return grid ? static_cast<double>(std::uniform_int_distribution<int>(0, 6)(rng)) * 1000.0
                        : std::uniform_real_distribution<double>(0.0, 300000.0)(rng);
        };
        const int n = std::uniform_int_distribution<int>(0, 80)(rng);
        std::vector<Vec2d> points;
        for (int i = 0; i < n; ++i)
            points.push_back({coordinate(), coordinate()});
        const NearestPointIndex index(points);
        for (int q = 0; q < 50; ++q) {
            const Vec2d query{coordinate(), coordinate()};
            int best = -1;
            double best_distance = std::numeric_limits<double>::infinity();
            for (int i = 0; i < n; ++i) {
                const double d = std::hypot(points[std::size_t(i)].x - query.x, points[std::size_t(i)].y - query.y);
                if (d < best_distance) { // strict: the first (lowest index) of equals stays
                    best_distance = d;
                    best = i;
                }
            }
            const NearestPointIndex::Hit hit = index.Nearest(query);
            ASSERT_EQ(hit.point, best) << "seed " << seed << " query " << q;
            if (best >= 0) {
                ASSERT_EQ(hit.distance, best_distance) << "seed " << seed << " query " << q;
            }
        }
    }
}

TEST(Reachability, StraightLineKilometresToTheNearestOfferingLocation)
{
    const std::vector<Location> locations = {{"L1", "B1", "", "GM1", {0, 0}},
                                             {"L2", "B1", "", "GM2", {30000, 40000}},
                                             {"L3", "B2", "", "GM3", {100000, 0}}};
    const std::vector<Programme> catalogue = {{"100", "Bakker", 2, "Voedsel", true, true},
                                              {"200", "Pianotechnicus", 4, "Specialistisch", true, false}};
    RegionValue some{10, agg::GroupState::Known, 0};
    const std::vector<Offer> offers = {{"L1", "100", LearningPath::Bbl, some},
                                       {"L2", "100", LearningPath::Bol, some},
                                       {"L3", "200", LearningPath::Bol, some}};
    const std::vector<Origin> origins = {{"GM1", {0, 0}}, {"GM2", {30000, 0}}, {"GM3", {90000, 0}}};

    ProgrammeChoice bakker;
    bakker.crebos = {"100"};
    const std::vector<Reach> any = ComputeReachability(origins, SitesOffering(offers, locations, bakker, catalogue));
    ASSERT_EQ(any.size(), 3u);
    EXPECT_TRUE(any[0].reachable);
    EXPECT_DOUBLE_EQ(any[0].km, 0.0);
    EXPECT_EQ(any[0].nearest, "L1");
    EXPECT_EQ(any[0].km_class, 0);
    // GM2 at (30 km, 0): L1 is 30 km away, L2 40 km (straight up): L1, class 30-50.
    EXPECT_DOUBLE_EQ(any[1].km, 30.0);
    EXPECT_EQ(any[1].nearest, "L1");
    EXPECT_EQ(any[1].km_class, 3);
    // GM3 at (90 km, 0): L2 is hypot(60, 40) km away, L1 90 km.
    EXPECT_DOUBLE_EQ(any[2].km, std::hypot(60.0, 40.0));
    EXPECT_EQ(any[2].nearest, "L2");
    EXPECT_EQ(any[2].km_class, 4);

    // Only BOL: L1 teaches it in BBL only, so GM1 now looks to L2, 50 km away.
    bakker.path = LearningPath::Bol;
    const std::vector<Reach> bol = ComputeReachability(origins, SitesOffering(offers, locations, bakker, catalogue));
    EXPECT_DOUBLE_EQ(bol[0].km, 50.0);
    EXPECT_EQ(bol[0].nearest, "L2");

    // A level nobody offers: no location at all, not a distance of 0.
    bakker.level = 3;
    const std::vector<Reach> none = ComputeReachability(origins, SitesOffering(offers, locations, bakker, catalogue));
    for (const Reach& r : none) {
        EXPECT_FALSE(r.reachable);
        EXPECT_TRUE(std::isinf(r.km));
        EXPECT_EQ(r.km_class, -1);
        EXPECT_TRUE(r.nearest.empty());
    }

    // No crebo chosen: every programme counts, so GM3 reaches L3 at 10 km.
    const std::vector<Reach> all = ComputeReachability(origins, SitesOffering(offers, locations, {}, catalogue));
    EXPECT_DOUBLE_EQ(all[2].km, 10.0);
    EXPECT_EQ(all[2].nearest, "L3");
}

TEST(Reachability, OffersAtUnknownLocationsAreReportedNotDropped)
{
    const std::vector<Location> locations = {{"L1", "B1", "", "GM1", {0, 0}}};
    const std::vector<Offer> offers = {{"L9", "100", LearningPath::Bol, {3, agg::GroupState::Known, 0}}};
    std::vector<std::string> unplaced;
    EXPECT_TRUE(SitesOffering(offers, locations, {}, {}, &unplaced).empty());
    EXPECT_EQ(unplaced, std::vector<std::string>{"L9"});
}

TEST(DistanceClasses, BoundsBelongToTheClassAbove)
{
    DistanceClasses classes; // <10, 10-20, 20-30, 30-50, 50+
    EXPECT_EQ(classes.Count(), 5);
    EXPECT_EQ(classes.ClassOf(0), 0);
    EXPECT_EQ(classes.ClassOf(9.999), 0);
    EXPECT_EQ(classes.ClassOf(10), 1);
    EXPECT_EQ(classes.ClassOf(49.9), 3);
    EXPECT_EQ(classes.ClassOf(50), 4);
    EXPECT_EQ(classes.ClassOf(500), 4);
    EXPECT_EQ(classes.ClassOf(std::numeric_limits<double>::infinity()), -1);
    classes.upper_km = {5};
    EXPECT_EQ(classes.ClassOf(4), 0);
    EXPECT_EQ(classes.ClassOf(6), 1);
}

TEST(Reachability, TileMapsAreNotPlacesToMeasureFrom)
{
    RegionLayer layer;
    layer.name = "gemeente";
    RegionFeature f;
    f.code = "GM1";
    f.label_point = {1000, 2000};
    layer.features.push_back(f);
    const std::vector<Origin> origins = OriginsOf(layer);
    ASSERT_EQ(origins.size(), 1u);
    EXPECT_EQ(origins[0].position, (Vec2d{1000, 2000}));
    layer.is_tile_map = true;
    EXPECT_THROW(OriginsOf(layer), InputError);
}

} // namespace
} // namespace vak::core::themes
