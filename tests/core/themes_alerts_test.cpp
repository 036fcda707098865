// Alerts: each rule fires exactly on the constructed cases and not on the near misses beside
// them (a value at the threshold, a "<5" that might reach it, a unique programme with one
// location outside the shrinking region), and disabled rules stay silent.
#include "core/themes/alerts.hpp"

#include <gtest/gtest.h>

namespace vak::core::themes {
namespace {

RegionValue Known(double v, std::int64_t suppressed = 0) { return {v, agg::GroupState::Known, suppressed}; }

AlertInputs Inputs()
{
    AlertInputs in;
    // Programmes at institutions, threshold 50 below.
    in.programmes = {
        {"B1", "100", Known(49), 0, 0, 0, SmallState::Small},       // fires: 49 < 50
        {"B1", "200", Known(50), 0, 0, 0, SmallState::NotSmall},    // near miss: exactly 50
        {"B2", "100", Known(45, 1), 0, 0, 0, SmallState::Small},    // fires: at most 49
        {"B2", "200", Known(46, 1), 0, 0, 0, SmallState::Unknown},  // near miss: could be 50
        {"B2", "300", Known(10), 1, 0, 0, SmallState::Unknown},     // a missing part: unknown
    };
    in.institution_region = {{"B1", "GM1"}, {"B2", "GM3"}};
    in.students_per_region = {{"GM1", Known(99)},
                              {"GM2", Known(100)},
                              {"GM3", {0, agg::GroupState::Unknown, 2}}, // two "<5": at most 8
                              {"GM4", {0, agg::GroupState::Unknown, 0}}}; // missing
    // Pupils: GM1 -20 % in 5 years, GM2 exactly -10 %, GM3 -10.5 %, GM4 unknown end.
    in.reference_year = "2025";
    in.pupils["GM1"]["2020"] = Known(100);
    in.pupils["GM1"]["2025"] = Known(80);
    in.pupils["GM2"]["2020"] = Known(100);
    in.pupils["GM2"]["2025"] = Known(90);
    in.pupils["GM3"]["2020"] = Known(200);
    in.pupils["GM3"]["2025"] = Known(179);
    in.pupils["GM4"]["2020"] = Known(100);
    in.pupils["GM4"]["2025"] = {0, agg::GroupState::Unknown, 1};
    in.pupils["GM1"]["2015"] = Known(10); // over 10 years GM1 grew: only the rule's years count
    // Unique programmes: 400 only at L1 (GM1, shrinking); 500 only at L2 (GM2, exactly -10 %);
    // 600 at L1 and L3 (GM1 shrinking, GM5 unknown); 700 offered at two places, not unique.
    in.programme_locations = {{"400", 1, true}, {"500", 1, true}, {"600", 2, true}, {"700", 2, false}};
    const RegionValue some = Known(3);
    in.offers = {{"L1", "400", LearningPath::Bol, some}, {"L1", "400", LearningPath::Bbl, some},
                 {"L2", "500", LearningPath::Bol, some}, {"L1", "600", LearningPath::Bol, some},
                 {"L3", "600", LearningPath::Bol, some}, {"L1", "700", LearningPath::Bol, some},
                 {"L4", "700", LearningPath::Bol, some}};
    in.location_region = {{"L1", "GM1"}, {"L2", "GM2"}, {"L3", "GM5"}, {"L4", "GM3"}};
    // Vacancies: AM01 +25 %, AM02 exactly +20 %, AM03 from 0 (no %), AM04 -50 %.
    in.vacancy_from = "2024KW4";
    in.vacancy_to = "2025KW4";
    in.vacancies["AM01"]["2024KW4"] = Known(400);
    in.vacancies["AM01"]["2025KW4"] = Known(500);
    in.vacancies["AM02"]["2024KW4"] = Known(100);
    in.vacancies["AM02"]["2025KW4"] = Known(120);
    in.vacancies["AM03"]["2024KW4"] = Known(0);
    in.vacancies["AM03"]["2025KW4"] = Known(50);
    in.vacancies["AM04"]["2024KW4"] = Known(100);
    in.vacancies["AM04"]["2025KW4"] = Known(50);
    return in;
}

std::vector<AlertHit> Evaluate(AlertRule rule)
{
    return EvaluateAlerts({rule}, Inputs());
}

TEST(Alerts, SmallProgrammeAtInstitution)
{
    const std::vector<AlertHit> hits = Evaluate({AlertKind::SmallProgramme, true, "klein", 50, 0});
    ASSERT_EQ(hits.size(), 2u);
    EXPECT_EQ(hits[0].brin, "B1");
    EXPECT_EQ(hits[0].crebo, "100");
    EXPECT_EQ(hits[0].region, "GM1");
    EXPECT_DOUBLE_EQ(hits[0].value, 49.0);
    EXPECT_EQ(hits[1].brin, "B2");
    EXPECT_EQ(hits[1].crebo, "100");
    EXPECT_DOUBLE_EQ(hits[1].value, 49.0); // 45 + one "<5" counted as at most 4
    EXPECT_DOUBLE_EQ(hits[1].threshold, 50.0);
    EXPECT_EQ(hits[1].kind, AlertKind::SmallProgramme);
}

TEST(Alerts, SmallRegion)
{
    const std::vector<AlertHit> hits = Evaluate({AlertKind::SmallRegion, true, "", 100, 0});
    ASSERT_EQ(hits.size(), 2u);
    EXPECT_EQ(hits[0].region, "GM1"); // 99
    EXPECT_EQ(hits[1].region, "GM3"); // "<5" twice: at most 8; GM2 (100) and GM4 (missing) do not fire
}

TEST(Alerts, FastDeclineOverTheRulesYears)
{
    const std::vector<AlertHit> hits = Evaluate({AlertKind::FastDecline, true, "", 10, 5});
    ASSERT_EQ(hits.size(), 2u);
    EXPECT_EQ(hits[0].region, "GM1");
    EXPECT_DOUBLE_EQ(hits[0].value, -20.0);
    EXPECT_EQ(hits[0].from_period, "2020");
    EXPECT_EQ(hits[0].to_period, "2025");
    EXPECT_EQ(hits[1].region, "GM3"); // -10.5 %; GM2's -10 % exactly is a near miss, GM4 unknown
    EXPECT_DOUBLE_EQ(hits[1].value, -10.5);
    // Over 10 years GM1 grew from 10: no hit for it.
    for (const AlertHit& h : Evaluate({AlertKind::FastDecline, true, "", 10, 10}))
        EXPECT_NE(h.region, "GM1");
}

TEST(Alerts, UniqueProgrammeInShrinkingRegion)
{
    const std::vector<AlertHit> hits = Evaluate({AlertKind::UniqueInShrinkingRegion, true, "", 10, 5});
    // 400: only at L1 in GM1 (-20 %). 500: GM2 exactly -10 %, a near miss. 600: also at L3 in
    // GM5, of unknown change. 700: not unique, although L4 lies in shrinking GM3.
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].crebo, "400");
    EXPECT_EQ(hits[0].location, "L1");
    EXPECT_EQ(hits[0].region, "GM1");
    EXPECT_DOUBLE_EQ(hits[0].value, -20.0);
}

TEST(Alerts, VacancyGrowth)
{
    const std::vector<AlertHit> hits = Evaluate({AlertKind::VacancyGrowth, true, "", 20, 0});
    ASSERT_EQ(hits.size(), 1u); // AM02's +20 % is a near miss, AM03 has no % from 0
    EXPECT_EQ(hits[0].region, "AM01");
    EXPECT_DOUBLE_EQ(hits[0].value, 25.0);
    EXPECT_EQ(hits[0].from_period, "2024KW4");
}

TEST(Alerts, DisabledRulesAreSilentAndHitsNameTheirRule)
{
    std::vector<AlertRule> rules = {{AlertKind::VacancyGrowth, false, "", 20, 0},
                                    {AlertKind::VacancyGrowth, true, "groei", 0, 0}};
    const std::vector<AlertHit> hits = EvaluateAlerts(rules, Inputs());
    ASSERT_EQ(hits.size(), 2u); // AM01 and AM02 grew; AM03 from 0 has no %, AM04 fell
    for (const AlertHit& h : hits)
        EXPECT_EQ(h.rule, 1);
    EXPECT_EQ(EvaluateAlerts({}, Inputs()).size(), 0u);
    EXPECT_EQ(std::string(AlertKindName(AlertKind::UniqueInShrinkingRegion)), "unique_in_shrinking_region");
}

AlertHit Hit(int rule, AlertKind kind, const std::string& region, double value, double threshold)
{
    AlertHit h;
    h.rule = rule;
    h.kind = kind;
    h.region = region;
    h.value = value;
    h.threshold = threshold;
    return h;
}

// The list a board member reads: per rule, the biggest problem on top; the rule that fires on
// everything below the ones that fire on a few; switched-off rules absent.
TEST(AlertGroups, MostPressingFirstWithinARuleAndBusyRulesLast)
{
    const std::vector<AlertRule> rules = {{AlertKind::SmallProgramme, true, "", 50, 0},
                                          {AlertKind::FastDecline, false, "", 10, 5},
                                          {AlertKind::FastDecline, true, "", 10, 5},
                                          {AlertKind::VacancyGrowth, true, "", 20, 0},
                                          {AlertKind::SmallRegion, true, "", 100, 0},
                                          {AlertKind::UniqueInShrinkingRegion, true, "", 10, 5}};
    const std::vector<AlertHit> hits = {
        Hit(0, AlertKind::SmallProgramme, "GM1", 45, 50), // 0: 5 short
        Hit(0, AlertKind::SmallProgramme, "GM2", 3, 50),  // 1: 47 short, the smallest
        Hit(0, AlertKind::SmallProgramme, "GM3", 49, 50), // 2: 1 short
        Hit(0, AlertKind::SmallProgramme, "GM4", 3, 50),  // 3: as small as GM2, after it
        Hit(2, AlertKind::FastDecline, "GM1", -12, 10),   // 4
        Hit(2, AlertKind::FastDecline, "GM2", -30.5, 10), // 5: the steepest
        Hit(2, AlertKind::FastDecline, "GM3", -11, 10),   // 6
        Hit(3, AlertKind::VacancyGrowth, "AM1", 25, 20),  // 7
        Hit(3, AlertKind::VacancyGrowth, "AM2", 80, 20),  // 8: the largest growth
        Hit(5, AlertKind::UniqueInShrinkingRegion, "GM5", -15, 10), // 9
        Hit(5, AlertKind::UniqueInShrinkingRegion, "GM6", -40, 10), // 10
        Hit(5, AlertKind::UniqueInShrinkingRegion, "GM7", -20, 10), // 11
    };
    const std::vector<AlertGroup> groups = GroupAlerts(rules, hits);
    // Two hits before three before four; among the three-hit rules the rule order (2, 5); the
    // rule without hits last; rule 1 is off.
    const std::vector<AlertGroup> expected = {{3, {8, 7}},        // growth: 80 %, 25 %
                                              {2, {5, 4, 6}},     // decline: -30.5, -12, -11 %
                                              {5, {10, 11, 9}},   // unique: -40, -20, -15 %
                                              {0, {1, 3, 0, 2}},  // small: 3, 3, 45, 49 students
                                              {4, {}}};
    EXPECT_EQ(groups, expected);
    EXPECT_DOUBLE_EQ(AlertSeverity(hits[1]), 47.0);
    EXPECT_DOUBLE_EQ(AlertSeverity(hits[5]), 30.5);
    EXPECT_DOUBLE_EQ(AlertSeverity(hits[8]), 80.0);
}

TEST(AlertGroups, EvaluatedHitsGroupUnderTheirRule)
{
    const std::vector<AlertRule> rules = {{AlertKind::SmallProgramme, true, "", 50, 0},
                                          {AlertKind::FastDecline, true, "", 10, 5}};
    const std::vector<AlertHit> hits = EvaluateAlerts(rules, Inputs());
    const std::vector<AlertGroup> groups = GroupAlerts(rules, hits);
    ASSERT_EQ(groups.size(), 2u);
    // Both rules have two hits: rule order. GM1 fell 20 %, GM3 10.5 %: GM1 first.
    EXPECT_EQ(groups[0].rule, 0);
    EXPECT_EQ(groups[1].rule, 1);
    ASSERT_EQ(groups[1].hits.size(), 2u);
    EXPECT_EQ(hits[groups[1].hits[0]].region, "GM1");
    EXPECT_EQ(hits[groups[1].hits[1]].region, "GM3");
    // Both small programmes have at most 49 students: equal, so by region as evaluated.
    ASSERT_EQ(groups[0].hits.size(), 2u);
    EXPECT_EQ(hits[groups[0].hits[0]].region, "GM1");
    EXPECT_EQ(hits[groups[0].hits[1]].region, "GM3");
}

} // namespace
} // namespace vak::core::themes
