// The alert rules' inputs as the application builds them from the demo tables: a few fields
// against the demo's CSV files, and the default rules firing on exactly the cases this test
// finds in those files itself (small programmes at institutions, fast-declining municipalities,
// unique programmes whose only location shrinks, vacancy growth).
#include "core/aggregate/cpu_engine.hpp"
#include "core/themes/alert_inputs.hpp"
#include "io/demo_cache.hpp"
#include "io/workspace_loader.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

namespace vak::io {
namespace {

namespace themes = core::themes;

// A demo CSV as rows of fields by header name. The demo quotes names with commas, never with
// ';', and every column read here is a code or a number.
struct Csv {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    std::size_t Column(const std::string& name) const
    {
        const auto it = std::find(header.begin(), header.end(), name);
        EXPECT_NE(it, header.end()) << name;
        return static_cast<std::size_t>(it - header.begin());
    }
};

Csv ReadCsv(const std::string& file)
{
    std::ifstream in(DemoCacheDir() + "/" + file);
    Csv csv;
    std::string line;
    auto split = [](const std::string& text) {
        std::vector<std::string> fields;
        std::stringstream ss(text);
        for (std::string f; std::getline(ss, f, ';');)
            fields.push_back(f);
        return fields;
    };
    std::getline(in, line);
    csv.header = split(line);
    while (std::getline(in, line))
        csv.rows.push_back(split(line));
    return csv;
}

class AlertInputsDemo : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        s_workspace = new core::Workspace;
        LoadRegionFiles({}, *s_workspace);
        LoadDataFiles({}, *s_workspace);
        core::TableFileOptions theme;
        theme.files = DemoThemeTables();
        LoadDataFiles(theme, *s_workspace);
        s_inputs = new themes::ThemeInputs(themes::BuildThemeInputs(*s_workspace));
    }
    static void TearDownTestSuite()
    {
        delete s_inputs;
        delete s_workspace;
        s_inputs = nullptr;
        s_workspace = nullptr;
    }
    static core::Workspace* s_workspace;
    static themes::ThemeInputs* s_inputs;
};
core::Workspace* AlertInputsDemo::s_workspace = nullptr;
themes::ThemeInputs* AlertInputsDemo::s_inputs = nullptr;

// Per municipality, mbo students in a year, from leerlingen_gemeente.csv.
std::map<std::string, double> MboStudents(const Csv& csv, const std::string& year)
{
    std::map<std::string, double> students;
    const std::size_t code = csv.Column("gemeente_code"), jaar = csv.Column("jaar"), maat = csv.Column("maat"),
                      aantal = csv.Column("aantal");
    for (const auto& row : csv.rows)
        if (row[jaar] == year && row[maat] == "mbo_studenten")
            students[row[code]] += std::stod(row[aantal]);
    return students;
}

TEST_F(AlertInputsDemo, FieldsAgreeWithTheCsv)
{
    ASSERT_TRUE(s_inputs->problems.empty());
    core::agg::CpuEngine engine;
    themes::AlertInputsSources sources;
    const themes::AlertInputs in = themes::BuildAlertInputs(engine, *s_inputs, "gemeente", "2025", &sources);
    EXPECT_TRUE(sources.problems.empty());
    EXPECT_EQ(sources.enrolment_year, "2025");
    EXPECT_EQ(sources.pupils_quantity, "mbo_studenten");
    EXPECT_EQ(sources.vacancies_level, "arbeidsmarktregio") << "the vacancies' own level on a municipality map";
    EXPECT_EQ(in.reference_year, "2025");
    EXPECT_EQ(in.vacancy_to, "2025KW4") << "the last quarter";
    EXPECT_EQ(in.vacancy_from, "2024KW4") << "the same quarter a year earlier";

    // Institutions: each lies where its first location (by code) lies.
    const Csv locations = ReadCsv("vestigingen.csv");
    std::map<std::string, std::pair<std::string, std::string>> first; // brin -> (location, gemeente)
    for (const auto& row : locations.rows) {
        const std::string& brin = row[locations.Column("brin")];
        const std::string& code = row[locations.Column("vestiging_code")];
        auto [it, added] = first.emplace(brin, std::make_pair(code, row[locations.Column("gemeente_code")]));
        if (!added && code < it->second.first)
            it->second = {code, row[locations.Column("gemeente_code")]};
    }
    ASSERT_FALSE(first.empty());
    for (const auto& [brin, place] : first) {
        const auto it = in.institution_region.find(brin);
        ASSERT_NE(it, in.institution_region.end()) << brin;
        EXPECT_EQ(it->second, place.second) << brin;
    }

    // Pupils of Groningen in 2025, and every location's municipality.
    const Csv pupils = ReadCsv("leerlingen_gemeente.csv");
    const double groningen = MboStudents(pupils, "2025").at("GM0014");
    ASSERT_GT(groningen, 0);
    EXPECT_DOUBLE_EQ(in.pupils.at("GM0014").at("2025").value, groningen);
    for (const auto& row : locations.rows) {
        const auto it = in.location_region.find(row[locations.Column("vestiging_code")]);
        if (it != in.location_region.end()) { // a location without enrolment rows has no region here
            EXPECT_EQ(it->second, row[locations.Column("gemeente_code")]);
        }
    }
    EXPECT_GT(in.location_region.size(), locations.rows.size() / 2);

    // Vacancies of labour-market region AM01 in the last quarter.
    const Csv vacancies = ReadCsv("vacatures_regio_sector_kwartaal.csv");
    double am01 = 0;
    for (const auto& row : vacancies.rows)
        if (row[vacancies.Column("arbeidsmarktregio_code")] == "AM01" && row[vacancies.Column("periode")] == "2025KW4")
            am01 += std::stod(row[vacancies.Column("vacatures")]);
    ASSERT_GT(am01, 0);
    EXPECT_DOUBLE_EQ(in.vacancies.at("AM01").at("2025KW4").value, am01);
}

TEST_F(AlertInputsDemo, DefaultRulesFireOnTheCasesInTheCsv)
{
    core::agg::CpuEngine engine;
    // Up to 2030: the pupils' forecast, where the demo's periphery shrinks (the enrolment and the
    // vacancies end in 2025 and are read there).
    const themes::AlertInputs in = themes::BuildAlertInputs(engine, *s_inputs, "gemeente", "2030");
    ASSERT_EQ(in.reference_year, "2030");
    const std::vector<themes::AlertRule> rules = themes::DefaultAlertRules();
    const std::vector<themes::AlertHit> hits = themes::EvaluateAlerts(rules, in);
    auto rule_of = [&](themes::AlertKind kind) {
        for (std::size_t i = 0; i < rules.size(); ++i)
            if (rules[i].kind == kind)
                return rules[i];
        ADD_FAILURE() << "no default rule " << themes::AlertKindName(kind);
        return themes::AlertRule{};
    };

    // Small programmes: institution x programme pairs under 50 students in 2025, both learning
    // paths and all locations together (the demo has no "<5").
    const Csv enrolment = ReadCsv("inschrijvingen.csv");
    std::map<std::pair<std::string, std::string>, double> students; // (brin, crebo)
    std::map<std::string, std::set<std::string>> offered_at;          // crebo -> locations
    for (const auto& row : enrolment.rows) {
        if (row[enrolment.Column("jaar")] != "2025")
            continue;
        ASSERT_NE(row[enrolment.Column("aantal")], "<5");
        const double n = std::stod(row[enrolment.Column("aantal")]);
        if (n <= 0)
            continue; // a known 0 does not offer the programme
        students[{row[enrolment.Column("brin")], row[enrolment.Column("crebo")]}] += n;
        offered_at[row[enrolment.Column("crebo")]].insert(row[enrolment.Column("vestiging_code")]);
    }
    const double small = rule_of(themes::AlertKind::SmallProgramme).threshold;
    std::set<std::pair<std::string, std::string>> small_csv;
    for (const auto& [pair, n] : students)
        if (n < small)
            small_csv.insert(pair);
    ASSERT_FALSE(small_csv.empty()) << "the demo has small programmes";
    std::set<std::pair<std::string, std::string>> small_hits;
    for (const themes::AlertHit& h : hits)
        if (h.kind == themes::AlertKind::SmallProgramme) {
            small_hits.insert({h.brin, h.crebo});
            EXPECT_LT(h.value, small);
            EXPECT_EQ(h.value, students.at({h.brin, h.crebo}));
            EXPECT_FALSE(h.region.empty()) << h.brin << " has a region to zoom to";
        }
    EXPECT_EQ(small_hits, small_csv);

    // Fast decline: municipalities whose mbo students fall by more than the threshold in the
    // rule's years up to 2030.
    const themes::AlertRule decline = rule_of(themes::AlertKind::FastDecline);
    const Csv pupils = ReadCsv("leerlingen_gemeente.csv");
    const std::map<std::string, double> now = MboStudents(pupils, "2030");
    const std::map<std::string, double> before = MboStudents(pupils, std::to_string(2030 - decline.years));
    std::set<std::string> declining_csv;
    for (const auto& [code, n] : now)
        if (before.count(code) && before.at(code) > 0 && (n - before.at(code)) / before.at(code) * 100.0 < -decline.threshold)
            declining_csv.insert(code);
    ASSERT_FALSE(declining_csv.empty()) << "the demo's periphery shrinks";
    std::set<std::string> declining_hits;
    for (const themes::AlertHit& h : hits)
        if (h.kind == themes::AlertKind::FastDecline)
            declining_hits.insert(h.region);
    EXPECT_EQ(declining_hits, declining_csv);

    // Unique programmes (one location nationally) whose location lies in a municipality
    // shrinking faster than the rule's threshold.
    const themes::AlertRule unique = rule_of(themes::AlertKind::UniqueInShrinkingRegion);
    const Csv locations = ReadCsv("vestigingen.csv");
    std::map<std::string, std::string> municipality;
    for (const auto& row : locations.rows)
        municipality[row[locations.Column("vestiging_code")]] = row[locations.Column("gemeente_code")];
    const std::map<std::string, double> unique_before = MboStudents(pupils, std::to_string(2030 - unique.years));
    std::set<std::string> unique_csv;
    for (const auto& [crebo, where] : offered_at) {
        if (where.size() != 1)
            continue;
        const std::string& code = municipality.at(*where.begin());
        if (unique_before.count(code) && now.count(code) && unique_before.at(code) > 0 &&
            (now.at(code) - unique_before.at(code)) / unique_before.at(code) * 100.0 < -unique.threshold)
            unique_csv.insert(crebo);
    }
    ASSERT_FALSE(unique_csv.empty()) << "a specialist craft taught only in a shrinking municipality";
    std::set<std::string> unique_hits;
    for (const themes::AlertHit& h : hits)
        if (h.kind == themes::AlertKind::UniqueInShrinkingRegion) {
            unique_hits.insert(h.crebo);
            EXPECT_EQ(h.location, *offered_at.at(h.crebo).begin());
        }
    EXPECT_EQ(unique_hits, unique_csv);

    // Vacancy growth per labour-market region, 2024KW4 -> 2025KW4.
    const double growth = rule_of(themes::AlertKind::VacancyGrowth).threshold;
    const Csv vacancies = ReadCsv("vacatures_regio_sector_kwartaal.csv");
    std::map<std::string, std::map<std::string, double>> per_region;
    for (const auto& row : vacancies.rows)
        per_region[row[vacancies.Column("arbeidsmarktregio_code")]][row[vacancies.Column("periode")]] +=
            std::stod(row[vacancies.Column("vacatures")]);
    std::set<std::string> growing_csv;
    for (auto& [region, periods] : per_region)
        if (periods["2024KW4"] > 0 && (periods["2025KW4"] - periods["2024KW4"]) / periods["2024KW4"] * 100.0 > growth)
            growing_csv.insert(region);
    std::set<std::string> growing_hits;
    for (const themes::AlertHit& h : hits)
        if (h.kind == themes::AlertKind::VacancyGrowth)
            growing_hits.insert(h.region);
    EXPECT_EQ(growing_hits, growing_csv);
    // A lower threshold must reach the regions that grew at all.
    std::vector<themes::AlertRule> any_growth = {{themes::AlertKind::VacancyGrowth, true, "", 0, 0}};
    std::set<std::string> grew_csv;
    for (auto& [region, periods] : per_region)
        if (periods["2024KW4"] > 0 && periods["2025KW4"] > periods["2024KW4"])
            grew_csv.insert(region);
    ASSERT_FALSE(grew_csv.empty());
    std::set<std::string> grew_hits;
    for (const themes::AlertHit& h : themes::EvaluateAlerts(any_growth, in))
        grew_hits.insert(h.region);
    EXPECT_EQ(grew_hits, grew_csv);
}

TEST_F(AlertInputsDemo, CoarserLevelsAndMissingTables)
{
    core::agg::CpuEngine engine;
    // On the province map every region code is a province, and the students add up to the file's.
    themes::AlertInputsSources sources;
    const themes::AlertInputs in = themes::BuildAlertInputs(engine, *s_inputs, "provincie", "2030", &sources);
    EXPECT_EQ(sources.enrolment_year, "2025") << "the enrolment's latest year up to 2030";
    EXPECT_EQ(in.reference_year, "2030") << "the pupils reach 2030 (forecast)";
    EXPECT_EQ(in.vacancy_to, "2025KW4");
    double total = 0;
    for (const auto& [code, v] : in.students_per_region) {
        EXPECT_EQ(code.rfind("PV", 0), 0u) << code;
        total += v.value;
    }
    const Csv enrolment = ReadCsv("inschrijvingen.csv");
    double csv_total = 0;
    for (const auto& row : enrolment.rows)
        if (row[enrolment.Column("jaar")] == "2025")
            csv_total += std::stod(row[enrolment.Column("aantal")]);
    EXPECT_DOUBLE_EQ(total, csv_total);
    for (const auto& [brin, region] : in.institution_region)
        EXPECT_EQ(region.rfind("PV", 0), 0u) << brin << " " << region;
    for (const auto& [region, periods] : in.vacancies)
        EXPECT_EQ(region.rfind("PV", 0), 0u) << region;

    // Without vacancies and population: their fields stay empty and their rules find nothing;
    // the enrolment's rules still work.
    themes::ThemeInputs partial = *s_inputs;
    partial.vacancies = {};
    partial.population = {};
    const themes::AlertInputs some = themes::BuildAlertInputs(engine, partial, "gemeente", "2025", &sources);
    EXPECT_TRUE(sources.problems.empty());
    EXPECT_TRUE(some.vacancies.empty());
    EXPECT_TRUE(some.pupils.empty());
    EXPECT_TRUE(some.location_region.empty());
    EXPECT_TRUE(some.vacancy_from.empty());
    EXPECT_FALSE(some.programmes.empty());
    std::size_t small = 0;
    for (const themes::AlertHit& h : themes::EvaluateAlerts(themes::DefaultAlertRules(), some)) {
        EXPECT_EQ(h.kind, themes::AlertKind::SmallProgramme) << themes::AlertKindName(h.kind);
        ++small;
    }
    EXPECT_GT(small, 0u);
}

TEST(AlertPeriods, LatestPeriodUpToTheYear)
{
    const std::vector<std::string> quarters = {"2024KW3", "2024KW4", "2025KW1", "2025KW2"};
    EXPECT_EQ(themes::PeriodUpTo(quarters, "2025"), "2025KW2");
    EXPECT_EQ(themes::PeriodUpTo(quarters, "2024KW4"), "2024KW4");
    EXPECT_EQ(themes::PeriodUpTo(quarters, "2030"), "2025KW2");
    EXPECT_EQ(themes::PeriodUpTo(quarters, "2020"), "");
    const std::vector<std::string> years = {"2015", "2020", "2025"};
    EXPECT_EQ(themes::PeriodUpTo(years, "2025KW3"), "2025");
    EXPECT_EQ(themes::PeriodUpTo(years, "2023"), "2020");
    EXPECT_EQ(themes::PeriodUpTo(years, "nonsense"), "2025");
}

} // namespace
} // namespace vak::io
