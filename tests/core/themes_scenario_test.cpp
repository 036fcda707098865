// Scenarios on a line of four municipalities and three locations, worked out by hand:
//
//   km:    0        20      30     45  50            100
//          A        B              C   L2            D
//          L1                                         L3
//
// Programme P is offered at L1 and L2. Threshold 30 km. Before: A 0 (L1), B 20 (L1),
// C 5 (L2), D 50 (L2).
#include "core/errors.hpp"
#include "core/themes/scenario.hpp"

#include <gtest/gtest.h>

namespace vak::core::themes {
namespace {

constexpr double kKm = 1000.0;

struct Fixture {
    std::vector<Origin> origins = {{"A", {0, 0}}, {"B", {20 * kKm, 0}}, {"C", {45 * kKm, 0}}, {"D", {100 * kKm, 0}}};
    std::vector<Location> locations = {{"L1", "B1", "", "A", {0, 0}},
                                       {"L2", "B2", "", "C", {50 * kKm, 0}},
                                       {"L3", "B3", "", "D", {100 * kKm, 0}}};
    std::vector<Offer> offers = {{"L1", "P", LearningPath::Bol, {60, agg::GroupState::Known, 0}},
                                 {"L1", "P", LearningPath::Bbl, {20, agg::GroupState::Known, 0}},
                                 {"L2", "P", LearningPath::Bol, {70, agg::GroupState::Known, 0}},
                                 {"L3", "Q", LearningPath::Bol, {9, agg::GroupState::Known, 0}}};
    std::map<std::string, RegionValue> people = {{"A", {100, agg::GroupState::Known, 0}},
                                                 {"B", {200, agg::GroupState::Known, 0}},
                                                 {"C", {0, agg::GroupState::Unknown, 1}}, // "<5" only
                                                 {"D", {400, agg::GroupState::Known, 2}}};
    ScenarioOptions options;
    Fixture()
    {
        options.choice.crebos = {"P"};
        options.threshold_km = 30;
    }
    ScenarioResult Run(const Scenario& s) const
    {
        return EvaluateScenario(origins, locations, offers, {}, people, s, options);
    }
};

TEST(Scenario, ClosingAtL1PushesOnlyAPastTheThreshold)
{
    const Fixture f;
    const ScenarioResult r = f.Run({"close L1", {{ScenarioEdit::Kind::Close, "P", "L1", ""}}});
    ASSERT_EQ(r.municipalities.size(), 4u);
    // A: 0 -> 50 km (to L2): beyond. B: 20 -> 30 km: exactly the threshold, not beyond (near miss).
    EXPECT_DOUBLE_EQ(r.municipalities[0].before.km, 0.0);
    EXPECT_DOUBLE_EQ(r.municipalities[0].after.km, 50.0);
    EXPECT_TRUE(r.municipalities[0].pushed_beyond);
    EXPECT_DOUBLE_EQ(r.municipalities[1].after.km, 30.0);
    EXPECT_FALSE(r.municipalities[1].pushed_beyond);
    EXPECT_FALSE(r.municipalities[2].pushed_beyond);
    EXPECT_FALSE(r.municipalities[3].pushed_beyond); // 50 km before and after: not pushed, already there
    EXPECT_EQ(r.summary.name, "close L1");
    EXPECT_EQ(r.summary.municipalities_pushed_beyond, 1);
    EXPECT_DOUBLE_EQ(r.summary.people_pushed_beyond, 100.0);
    EXPECT_EQ(r.summary.municipalities_lost_access, 0);
    EXPECT_EQ(r.summary.municipalities_further, 2); // A and B
    EXPECT_TRUE(r.summary.problems.empty());
}

TEST(Scenario, ClosingEverywhereLosesAccessWithoutCountingItTwice)
{
    const Fixture f;
    const ScenarioResult r = f.Run({"close all", {{ScenarioEdit::Kind::Close, "P", "L1", ""},
                                                  {ScenarioEdit::Kind::Close, "P", "L2", ""}}});
    for (const ReachChange& c : r.municipalities) {
        EXPECT_TRUE(c.lost_access) << c.before.code;
        EXPECT_FALSE(c.pushed_beyond) << c.before.code;
        EXPECT_FALSE(c.after.reachable);
    }
    EXPECT_EQ(r.summary.municipalities_lost_access, 4);
    EXPECT_EQ(r.summary.municipalities_pushed_beyond, 0);
    // A + B + D known; C's people are "<5" only: unknown, counted apart, never as 0.
    EXPECT_DOUBLE_EQ(r.summary.people_lost_access, 100.0 + 200.0 + 400.0);
    EXPECT_EQ(r.summary.affected_with_unknown_people, 1);
    EXPECT_EQ(r.summary.suppressed_parts, 2); // D's two "<5" parts are not in its 400
}

TEST(Scenario, MovingL2ToL3PushesCAndBringsDCloser)
{
    const Fixture f;
    const ScenarioResult r = f.Run({"move", {{ScenarioEdit::Kind::Move, "P", "L2", "L3"}}});
    // C: 5 km (L2) -> 45 km (L1; L3 is 55): beyond, with unknown people. D: 50 -> 0.
    EXPECT_DOUBLE_EQ(r.municipalities[2].after.km, 45.0);
    EXPECT_EQ(r.municipalities[2].after.nearest, "L1");
    EXPECT_TRUE(r.municipalities[2].pushed_beyond);
    EXPECT_DOUBLE_EQ(r.municipalities[3].after.km, 0.0);
    EXPECT_EQ(r.summary.municipalities_pushed_beyond, 1);
    EXPECT_DOUBLE_EQ(r.summary.people_pushed_beyond, 0.0);
    EXPECT_EQ(r.summary.affected_with_unknown_people, 1);

    // The moved offer took its students along.
    const std::vector<Offer> after = ApplyScenario(f.offers, {"move", {{ScenarioEdit::Kind::Move, "P", "L2", "L3"}}},
                                                   f.locations);
    const auto moved = std::find_if(after.begin(), after.end(),
                                    [](const Offer& o) { return o.crebo == "P" && o.location == "L3"; });
    ASSERT_NE(moved, after.end());
    EXPECT_DOUBLE_EQ(moved->students.value, 70.0);
    EXPECT_EQ(std::count_if(after.begin(), after.end(), [](const Offer& o) { return o.location == "L2"; }), 0);
}

TEST(Scenario, EditsThatChangeNothingAreReported)
{
    const Fixture f;
    const ScenarioResult r = f.Run({"wrong", {{ScenarioEdit::Kind::Close, "P", "L3", ""},
                                              {ScenarioEdit::Kind::Move, "P", "L1", "L9"}}});
    ASSERT_EQ(r.summary.problems.size(), 2u);
    EXPECT_EQ(r.summary.problems[0].edit, 0);
    EXPECT_EQ(r.summary.problems[0].kind, EditProblem::Kind::NotOffered);
    EXPECT_EQ(r.summary.problems[1].edit, 1);
    EXPECT_EQ(r.summary.problems[1].kind, EditProblem::Kind::UnknownLocation);
    EXPECT_EQ(r.summary.municipalities_further, 0);
}

TEST(Scenario, SummariesCompareScenariosInOrder)
{
    const Fixture f;
    const std::vector<Scenario> scenarios = {{"close L1", {{ScenarioEdit::Kind::Close, "P", "L1", ""}}},
                                             {"none", {}},
                                             {"close L2", {{ScenarioEdit::Kind::Close, "P", "L2", ""}}}};
    const std::vector<ScenarioSummary> s =
        CompareScenarios(f.origins, f.locations, f.offers, {}, f.people, scenarios, f.options);
    ASSERT_EQ(s.size(), 3u);
    EXPECT_EQ(s[0].name, "close L1");
    EXPECT_DOUBLE_EQ(s[0].people_pushed_beyond, 100.0);
    EXPECT_EQ(s[1].municipalities_further, 0);
    // Closing L2: C 5 -> 45 km (beyond, unknown people), D 50 -> 100 km (already beyond).
    EXPECT_EQ(s[2].municipalities_pushed_beyond, 1);
    EXPECT_EQ(s[2].affected_with_unknown_people, 1);
    EXPECT_EQ(s[2].municipalities_further, 2);
}

} // namespace
} // namespace vak::core::themes
