// The themes on the demo as the application will load it: the start tables, then the locations
// and the programme catalogue loaded on demand through the ordinary table import. The adapter
// must find every table by its columns, the default dashboard must not change, and the
// reachability and unique programmes must agree with what this test reads straight from the
// demo's CSV files.
#include "core/aggregate/cpu_engine.hpp"
#include "core/errors.hpp"
#include "core/dashboard/dashboard_model.hpp"
#include "core/themes/programme_spread.hpp"
#include "core/themes/reachability.hpp"
#include "core/themes/scenario.hpp"
#include "core/themes/vacancy_density.hpp"
#include "io/demo_cache.hpp"
#include "io/workspace_loader.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace vak::io {
namespace {

namespace themes = core::themes;

std::vector<std::string> Fields(const std::string& line)
{
    std::vector<std::string> fields;
    std::stringstream in(line);
    for (std::string f; std::getline(in, f, ';');)
        fields.push_back(f);
    return fields;
}

// crebo -> the locations with students in 2025, read from inschrijvingen.csv (codes only: no
// quoting in the columns read).
std::map<std::string, std::set<std::string>> OfferedIn2025(const std::string& path)
{
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);
    EXPECT_EQ(line, "vestiging_code;brin;crebo;gemeente_code;jaar;leerweg;aantal");
    std::map<std::string, std::set<std::string>> offered;
    while (std::getline(in, line)) {
        const std::vector<std::string> f = Fields(line);
        if (f.size() == 7 && f[4] == "2025" && std::stol(f[6]) > 0)
            offered[f[2]].insert(f[0]);
    }
    return offered;
}

class ThemesDemo : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        s_workspace = new core::Workspace;
        LoadRegionFiles({}, *s_workspace);
        LoadDataFiles({}, *s_workspace); // the start tables
        core::TableFileOptions theme;
        theme.files = DemoThemeTables();
        LoadDataFiles(theme, *s_workspace);
    }
    static void TearDownTestSuite()
    {
        delete s_workspace;
        s_workspace = nullptr;
    }
    static core::Workspace* s_workspace;
};
core::Workspace* ThemesDemo::s_workspace = nullptr;

TEST_F(ThemesDemo, TablesAreFoundByTheirColumnsAndTheDashboardIsUnchanged)
{
    const themes::ThemeTables t = themes::FindThemeTables(*s_workspace);
    const auto& tables = s_workspace->Tables();
    ASSERT_EQ(tables.size(), 5u);
    ASSERT_GE(t.locations, 0);
    ASSERT_GE(t.catalogue, 0);
    ASSERT_GE(t.enrolment, 0);
    ASSERT_GE(t.population, 0);
    ASSERT_GE(t.vacancies, 0);
    EXPECT_EQ(tables[std::size_t(t.locations)]->dataset.name, "vestigingen");
    EXPECT_EQ(tables[std::size_t(t.locations)]->joined_layer, "gemeente");
    EXPECT_EQ(tables[std::size_t(t.catalogue)]->dataset.name, "opleidingen");
    EXPECT_TRUE(tables[std::size_t(t.catalogue)]->joined_layer.empty()) << "a lookup without regions";
    EXPECT_EQ(tables[std::size_t(t.enrolment)]->dataset.name, "inschrijvingen");
    EXPECT_EQ(tables[std::size_t(t.population)]->dataset.name, "leerlingen_gemeente");
    EXPECT_EQ(tables[std::size_t(t.vacancies)]->dataset.name, "vacatures_regio_sector_kwartaal");
    EXPECT_EQ(themes::ReadLocations(tables[std::size_t(t.locations)]->dataset).size(), 367u);
    const std::vector<themes::Programme> catalogue = themes::ReadCatalogue(tables[std::size_t(t.catalogue)]->dataset);
    EXPECT_EQ(catalogue.size(), 177u);
    for (const themes::Programme& p : catalogue)
        EXPECT_TRUE(p.level >= 1 && p.level <= 4 && !p.chamber.empty() && (p.bol || p.bbl)) << p.crebo;

    // The dashboard offers the same tables as before and still opens on the pupils.
    core::agg::CpuEngine engine;
    core::DashboardModel model(engine);
    model.Sync(*s_workspace);
    EXPECT_EQ(model.TableChoices(), (std::vector<int>{0, 1, 2}));
    EXPECT_EQ(model.Table()->name, "leerlingen_gemeente");
}

TEST_F(ThemesDemo, ReachabilityAndUniqueProgrammesAgreeWithTheCsv)
{
    const themes::ThemeTables t = themes::FindThemeTables(*s_workspace);
    const auto& tables = s_workspace->Tables();
    const std::vector<themes::Location> locations = themes::ReadLocations(tables[std::size_t(t.locations)]->dataset);
    const std::vector<themes::Programme> catalogue = themes::ReadCatalogue(tables[std::size_t(t.catalogue)]->dataset);
    const core::RegionLayer& gemeente = *s_workspace->Layers().front();
    const themes::LevelTable enrolment = themes::BuildLevelTable(tables[std::size_t(t.enrolment)]->dataset, &gemeente);
    core::agg::CpuEngine engine;
    const std::vector<themes::Offer> offers = themes::ReadOffers(engine, enrolment, "2025");

    const std::map<std::string, std::set<std::string>> csv = OfferedIn2025(DemoCacheDir() + "/inschrijvingen.csv");
    std::set<std::string> unique_csv;
    for (const auto& [crebo, where] : csv)
        if (where.size() == 1)
            unique_csv.insert(crebo);
    std::set<std::string> unique;
    for (const themes::ProgrammeLocations& p : themes::LocationsPerProgramme(engine, enrolment, "2025", {}, catalogue))
        if (p.unique)
            unique.insert(p.crebo);
    EXPECT_EQ(unique, unique_csv);
    ASSERT_FALSE(unique.empty()) << "the demo's specialist crafts are taught at one location";

    // The tile map is no place to measure from; the facts' points are.
    EXPECT_THROW(themes::OriginsOf(gemeente), core::InputError);
    const std::vector<themes::Origin> origins = DemoMunicipalityOrigins();
    ASSERT_EQ(origins.size(), gemeente.features.size());
    std::map<std::string, core::Vec2d> position;
    for (const themes::Location& l : locations)
        position[l.code] = l.position;
    for (const std::string& crebo : {*unique.begin(), csv.begin()->first}) {
        themes::ProgrammeChoice choice;
        choice.crebos = {crebo};
        const std::vector<themes::Reach> reach =
            themes::ComputeReachability(origins, themes::SitesOffering(offers, locations, choice, catalogue));
        for (std::size_t i = 0; i < origins.size(); ++i) {
            double nearest = std::numeric_limits<double>::infinity();
            for (const std::string& location : csv.at(crebo)) {
                const core::Vec2d p = position.at(location);
                nearest = std::min(nearest, std::hypot(p.x - origins[i].position.x, p.y - origins[i].position.y));
            }
            ASSERT_TRUE(reach[i].reachable);
            EXPECT_DOUBLE_EQ(reach[i].km, nearest / 1000.0) << crebo << " from " << origins[i].code;
        }
    }

    // Closing the only location of a unique programme cuts every municipality off.
    const std::string only = *unique.begin();
    themes::ScenarioOptions options;
    options.choice.crebos = {only};
    const themes::ScenarioResult closed = themes::EvaluateScenario(
        origins, locations, offers, catalogue, {},
        {"close", {{themes::ScenarioEdit::Kind::Close, only, *csv.at(only).begin(), ""}}}, options);
    EXPECT_EQ(closed.summary.municipalities_lost_access, static_cast<int>(origins.size()));
    EXPECT_TRUE(closed.summary.problems.empty());
}

// Sum of column `value` over the rows of a demo CSV whose `key` columns hold the given texts.
double SumCsv(const std::string& path, const std::vector<std::pair<std::string, std::string>>& where,
              const std::string& value)
{
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);
    const std::vector<std::string> header = Fields(line);
    auto column = [&](const std::string& name) {
        return static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin());
    };
    double sum = 0;
    while (std::getline(in, line)) {
        // The demo quotes names with commas, never with ';': a split on ';' gives the header's fields.
        const std::vector<std::string> f = Fields(line);
        EXPECT_EQ(f.size(), header.size()) << line;
        if (f.size() != header.size())
            continue;
        bool match = true;
        for (const auto& [key, text] : where)
            match = match && f[column(key)] == text;
        if (match)
            sum += std::stod(f[column(value)]);
    }
    return sum;
}

TEST_F(ThemesDemo, VacancyDensityAndTensionFromTheLoadedTables)
{
    const themes::ThemeInputs in = themes::BuildThemeInputs(*s_workspace);
    EXPECT_TRUE(in.problems.empty());
    ASSERT_NE(in.municipalities, nullptr);
    core::agg::CpuEngine engine;

    const int quantity = in.population.Column({"maat"});
    ASSERT_GE(quantity, 0);
    const themes::Denominator denominator =
        themes::ChooseDenominator(in.population.table->dimensions[std::size_t(quantity)].labels);
    EXPECT_EQ(denominator.label, "inwoners");
    EXPECT_FALSE(denominator.working_age) << "the demo has no working-age measure: the UI must say inhabitants";
    const auto population =
        themes::SumPerRegion(engine, in.population, in.municipalities->name, {{"maat", denominator.label}, {"jaar", "2025"}});
    const auto vacancies = themes::SumPerRegion(engine, in.vacancies, "arbeidsmarktregio", {{"periode", "2025KW4"}});
    const themes::VacancyDensity density =
        themes::ComputeVacancyDensity(vacancies, population, *in.municipalities, "arbeidsmarktregio", denominator);
    EXPECT_TRUE(density.unplaced.empty());
    ASSERT_EQ(density.regions.size(), 35u);
    double people = 0, open = 0;
    for (const themes::RegionDensity& r : density.regions) {
        ASSERT_EQ(r.per_thousand.state, core::agg::GroupState::Known) << r.region;
        EXPECT_DOUBLE_EQ(r.per_thousand.value, r.vacancies.value / r.population.value * 1000.0);
        people += r.population.value;
        open += r.vacancies.value;
    }
    const std::string dir = DemoCacheDir();
    EXPECT_DOUBLE_EQ(people, SumCsv(dir + "/leerlingen_gemeente.csv", {{"jaar", "2025"}, {"maat", "inwoners"}}, "aantal"));
    EXPECT_DOUBLE_EQ(open, SumCsv(dir + "/vacatures_regio_sector_kwartaal.csv", {{"periode", "2025KW4"}}, "vacatures"));

    // Tension: every enrolled student of 2025 is counted once, under the chamber of the catalogue.
    const themes::RegionTable students =
        themes::StudentsPerRegionAndChamber(engine, in.enrolment, "arbeidsmarktregio", "2025", in.catalogue);
    const themes::RegionTable by_chamber = themes::SumPerRegionAndColumn(engine, in.vacancies, "arbeidsmarktregio",
                                                                         "verwante_kamer", {{"periode", "2025KW4"}});
    double enrolled = 0;
    for (const themes::RegionTension& t : themes::ComputeTension(by_chamber, students)) {
        EXPECT_FALSE(t.chamber.empty()) << "every demo crebo is in the catalogue";
        enrolled += t.students.state == core::agg::GroupState::Known ? t.students.value : 0.0;
    }
    EXPECT_DOUBLE_EQ(enrolled, SumCsv(dir + "/inschrijvingen.csv", {{"jaar", "2025"}}, "aantal"));
}

} // namespace
} // namespace vak::io
