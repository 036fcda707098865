// Vacancy density and tension on hand-made numbers: municipal population summed to the
// labour-market regions through the layer's parent codes, the denominator named, unknown kept.
#include "core/themes/krimp.hpp"
#include "core/themes/vacancy_density.hpp"

#include <gtest/gtest.h>

namespace vak::core::themes {
namespace {

RegionLayer Gemeenten()
{
    RegionLayer layer;
    layer.name = "gemeente";
    for (const auto& [code, parent] :
         {std::pair{"GM1", "AM01"}, {"GM2", "AM01"}, {"GM3", "AM02"}, {"GM4", "AM03"}, {"GM5", ""}}) {
        RegionFeature f;
        f.code = code;
        if (*parent)
            f.parents = {{"arbeidsmarktregio", parent}};
        layer.features.push_back(f);
    }
    return layer;
}

TEST(VacancyDensity, ChoosesWorkingAgeWhenLoadedElseInhabitants)
{
    EXPECT_EQ(ChooseDenominator({"inwoners_16_19", "inwoners", "mbo_studenten"}).label, "inwoners");
    EXPECT_FALSE(ChooseDenominator({"inwoners_16_19", "inwoners"}).working_age);
    const Denominator working = ChooseDenominator({"inwoners", "inwoners_15-74"});
    EXPECT_EQ(working.label, "inwoners_15-74");
    EXPECT_TRUE(working.working_age);
    EXPECT_TRUE(ChooseDenominator({"inwoners_16_19", "mbo_studenten"}).label.empty()) << "an age band is not everyone";
}

TEST(VacancyDensity, PerThousandInhabitantsOfTheRegion)
{
    const RegionLayer layer = Gemeenten();
    const std::map<std::string, RegionValue> population = {
        {"GM1", {30000, agg::GroupState::Known, 0}},
        {"GM2", {20000, agg::GroupState::Known, 0}},
        {"GM3", {0, agg::GroupState::Unknown, 0}}, // missing: AM02 has no known population
        {"GM4", {0, agg::GroupState::Known, 0}},   // 0 inhabitants: no density, not infinity
        {"GM5", {1000, agg::GroupState::Known, 0}}, // no labour-market region: reported
    };
    const std::map<std::string, RegionValue> vacancies = {{"AM01", {1200, agg::GroupState::Known, 0}},
                                                          {"AM02", {300, agg::GroupState::Known, 0}},
                                                          {"AM03", {10, agg::GroupState::Known, 0}},
                                                          {"AM04", {7, agg::GroupState::Known, 0}}};
    const VacancyDensity d =
        ComputeVacancyDensity(vacancies, population, layer, "arbeidsmarktregio", {"inwoners", false});
    EXPECT_EQ(d.denominator.label, "inwoners");
    ASSERT_EQ(d.regions.size(), 4u);
    EXPECT_EQ(d.regions[0].region, "AM01");
    EXPECT_DOUBLE_EQ(d.regions[0].population.value, 50000.0);
    EXPECT_DOUBLE_EQ(d.regions[0].per_thousand.value, 1200.0 / 50000.0 * 1000.0);
    EXPECT_EQ(d.regions[1].per_thousand.state, agg::GroupState::Unknown);
    EXPECT_EQ(d.regions[2].per_thousand.state, agg::GroupState::Unknown);
    EXPECT_EQ(d.regions[3].region, "AM04");
    EXPECT_EQ(d.regions[3].population.state, agg::GroupState::Empty);
    EXPECT_EQ(d.regions[3].per_thousand.state, agg::GroupState::Unknown);
    EXPECT_EQ(d.unplaced, std::vector<std::string>{"GM5"});
}

TEST(VacancyDensity, TensionIsVacanciesPerStudentOfTheMatchingChamber)
{
    RegionTable vacancies, students;
    vacancies["AM01"]["Zorg"] = {900, agg::GroupState::Known, 0};
    vacancies["AM01"]["Techniek"] = {400, agg::GroupState::Known, 0};
    students["AM01"]["Zorg"] = {300, agg::GroupState::Known, 0};
    students["AM01"]["Handel"] = {50, agg::GroupState::Known, 0};
    const std::vector<RegionTension> t = ComputeTension(vacancies, students);
    ASSERT_EQ(t.size(), 3u); // Handel, Techniek, Zorg
    EXPECT_EQ(t[0].chamber, "Handel");
    EXPECT_EQ(t[0].per_student.state, agg::GroupState::Unknown); // students, no vacancies row
    EXPECT_EQ(t[1].chamber, "Techniek");
    EXPECT_EQ(t[1].per_student.state, agg::GroupState::Unknown); // vacancies, no students
    EXPECT_DOUBLE_EQ(t[2].per_student.value, 3.0);
}

TEST(VacancyDensity, ChangeBetweenTwoQuarters)
{
    RegionTable series;
    series["AM01"]["2024KW4"] = {1000, agg::GroupState::Known, 0};
    series["AM01"]["2025KW4"] = {1250, agg::GroupState::Known, 0};
    series["AM02"]["2025KW4"] = {10, agg::GroupState::Known, 0};
    const std::vector<RegionChange> c = ComputeChanges(series, "2024KW4", "2025KW4");
    EXPECT_DOUBLE_EQ(c[0].percent.value, 25.0);
    EXPECT_EQ(c[1].percent.state, agg::GroupState::Unknown); // no start
}

// The tension map's value per region: one chamber's ratio as ComputeTension gives it, or all
// named chambers together (their vacancies over their students; chamber "" left out).
TEST(TensionPerRegion, OneChamberOrAllNamedChambersTogether)
{
    const RegionValue k30{30, agg::GroupState::Known, 0}, k10{10, agg::GroupState::Known, 0},
        k50{50, agg::GroupState::Known, 0}, k40{40, agg::GroupState::Known, 0}, k99{99, agg::GroupState::Known, 0},
        none{0, agg::GroupState::Empty, 0}, unknown{0, agg::GroupState::Unknown, 1};
    std::vector<RegionTension> tension = {
        {"AM01", "Zorg", k30, k10, Ratio(k30, k10)},
        {"AM01", "Techniek", k50, k40, Ratio(k50, k40)},
        {"AM01", "", k99, none, Ratio(k99, none)},       // a sector without a chamber: left out of "all"
        {"AM02", "Zorg", k30, unknown, Ratio(k30, unknown)}, // students only "<5": unknown
    };
    const std::map<std::string, RegionValue> zorg = TensionPerRegion(tension, "Zorg");
    ASSERT_EQ(zorg.size(), 2u);
    EXPECT_DOUBLE_EQ(zorg.at("AM01").value, 3.0);
    EXPECT_EQ(zorg.at("AM02").state, agg::GroupState::Unknown);
    const std::map<std::string, RegionValue> all = TensionPerRegion(tension, "");
    EXPECT_EQ(all.at("AM01").state, agg::GroupState::Known);
    EXPECT_DOUBLE_EQ(all.at("AM01").value, (30.0 + 50.0) / (10.0 + 40.0));
    EXPECT_EQ(all.at("AM02").state, agg::GroupState::Unknown) << "30 vacancies over students known only as '<5'";
    EXPECT_TRUE(TensionPerRegion(tension, "Handel").empty());
}

} // namespace
} // namespace vak::core::themes
