// The three theme presets in a headless dashboard on the demo data: after choosing a theme,
// what the map shows equals a figure the test computes straight from the demo CSV files.
#include "core/errors.hpp"
#include "io/demo_cache.hpp"
#include "io/png_export.hpp"
#include "io/view_file.hpp"
#include "io/workspace_loader.hpp"
#include "core/themes/theme_data.hpp"
#include "support/csv_fields.hpp"
#include "support/demo_dashboard_fixture.hpp"
#include "support/golden_image.hpp"
#include "support/headless_session.hpp"
#include "support/shared_data.hpp"
#include "support/temp_dir.hpp"
#include "ui/theme_controller.hpp"
#include "ui/ui_session.hpp"
#include "ui/view_state_binding.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <map>
#include <set>
#include <sstream>

namespace vak::ui {
namespace {

// The demo files are plain ';'-separated text whose names never hold a ';'.
std::vector<std::vector<std::string>> ReadRows(const std::string& file)
{
    std::ifstream in(io::DemoCacheDir() + "/" + file);
    std::vector<std::vector<std::string>> rows;
    std::string line;
    std::getline(in, line); // header
    while (std::getline(in, line)) {
        std::vector<std::string> fields;
        std::stringstream ss(line);
        std::string field;
        while (std::getline(ss, field, ';'))
            fields.push_back(field);
        rows.push_back(fields);
    }
    return rows;
}

class Themes : public test::HeadlessSessionTest {
protected:
    void SetUp() override
    {
        if (!StartDemoSession({1280, 800}))
            return;
        m_headless.Frame();
    }
    void Choose(Theme theme)
    {
        ASSERT_TRUE(m_headless.ChooseTheme(theme));
        m_headless.Frame(); // the theme's map follows the preset
    }
    core::RegionValue MapValueOf(const std::string& code)
    {
        const core::RegionLayer& layer = *m_workspace.ActiveLayer();
        const std::vector<core::RegionValue> values = m_session->Model().MapValues(layer);
        return values[static_cast<std::size_t>(layer.FindByCode(code))];
    }
};

TEST_F(Themes, KrimpShowsTheChangeOfMboStudentsFrom2015To2030)
{
    Choose(Theme::Krimp);
    const core::DashboardModel& model = m_session->Model();
    ASSERT_TRUE(model.ShowsChange());
    EXPECT_EQ(model.Periods()[static_cast<std::size_t>(model.ChangeFrom())], "2015");
    EXPECT_EQ(model.Periods()[static_cast<std::size_t>(model.ChangeTo())], "2030");
    EXPECT_NE(model.MeasureTitle().find("mbo_studenten"), std::string::npos);
    // Groningen (GM0014), from the file: mbo students in 2015 and in 2030.
    double start = 0, end = 0;
    for (const auto& row : ReadRows("leerlingen_gemeente.csv"))
        if (row[0] == "GM0014" && row[3] == "mbo_studenten") {
            if (row[2] == "2015")
                start += std::stod(row[4]);
            if (row[2] == "2030")
                end += std::stod(row[4]);
        }
    ASSERT_GT(start, 0);
    const core::RegionValue shown = MapValueOf("GM0014");
    ASSERT_EQ(shown.state, core::agg::GroupState::Known);
    EXPECT_NEAR(shown.value, (end - start) / start * 100.0, 1e-9);
}

TEST_F(Themes, VacanciesAreMappedPerThousandInhabitantsPerLabourMarketRegion)
{
    Choose(Theme::Vacancies);
    const core::RegionLayer& layer = *m_workspace.ActiveLayer();
    EXPECT_EQ(layer.name, "arbeidsmarktregio") << "the vacancies' own level";
    const core::DashboardModel& model = m_session->Model();
    ASSERT_NE(model.Derived(), nullptr);
    const std::string period = model.Periods()[static_cast<std::size_t>(model.PeriodIndex())];
    const std::string year = period.substr(0, 4);
    // From the files: the region's vacancies in the quarter, and the inhabitants of its
    // municipalities (the gemeente layer's parent codes) in that year.
    double vacancies = 0;
    for (const auto& row : ReadRows("vacatures_regio_sector_kwartaal.csv"))
        if (row[0] == "AM01" && row[5] == period)
            vacancies += std::stod(row[8]);
    std::set<std::string> members;
    for (const auto& l : m_workspace.Layers())
        if (l->name == "gemeente")
            for (const core::RegionFeature& f : l->features)
                for (const auto& [level, parent] : f.parents)
                    if (level == "arbeidsmarktregio" && parent == "AM01")
                        members.insert(f.code);
    ASSERT_FALSE(members.empty());
    double inhabitants = 0;
    for (const auto& row : ReadRows("leerlingen_gemeente.csv"))
        if (members.count(row[0]) && row[2] == year && row[3] == "inwoners")
            inhabitants += std::stod(row[4]);
    ASSERT_GT(inhabitants, 0);
    const core::RegionValue shown = MapValueOf("AM01");
    ASSERT_EQ(shown.state, core::agg::GroupState::Known);
    EXPECT_NEAR(shown.value, vacancies / inhabitants * 1000.0, 1e-9);
    EXPECT_NE(model.Derived()->title.find("1.000 inwoners"), std::string::npos) << model.Derived()->title;

    // Krimp against vacancy density, for the same region: the students' change 2015 -> the
    // quarter's year, summed over its municipalities in the file, and the same density.
    double students_from = 0, students_to = 0;
    for (const auto& row : ReadRows("leerlingen_gemeente.csv"))
        if (members.count(row[0]) && row[3] == "mbo_studenten") {
            if (row[2] == "2015")
                students_from += std::stod(row[4]);
            if (row[2] == year)
                students_to += std::stod(row[4]);
        }
    const ThemeController::KrimpVacancies& kv = m_session->Themes().KrimpAgainstVacancies(m_workspace, model);
    ASSERT_TRUE(kv.problem.empty()) << kv.problem;
    EXPECT_EQ(kv.level, "arbeidsmarktregio");
    EXPECT_EQ(kv.from, "2015");
    EXPECT_EQ(kv.to, year);
    ASSERT_EQ(kv.change_percent.at("AM01").state, core::agg::GroupState::Known);
    EXPECT_NEAR(kv.change_percent.at("AM01").value, (students_to - students_from) / students_from * 100.0, 1e-9);
    EXPECT_NEAR(kv.per_thousand.at("AM01").value, vacancies / inhabitants * 1000.0, 1e-9);

    // Back to counts: the table's own values again.
    Choose(Theme::Krimp);
    EXPECT_EQ(model.Derived(), nullptr);
}

TEST_F(Themes, ProgrammeSpreadCountsDistinctProgrammesPerMunicipality)
{
    Choose(Theme::Programmes);
    const core::DashboardModel& model = m_session->Model();
    ASSERT_NE(model.Derived(), nullptr);
    const std::string year = model.Periods()[static_cast<std::size_t>(model.PeriodIndex())];
    std::set<std::string> crebos;
    for (const auto& row : ReadRows("inschrijvingen.csv"))
        if (row[3] == "GM0014" && row[4] == year && (row[6] == "<5" || std::stod(row[6]) > 0))
            crebos.insert(row[2]);
    ASSERT_FALSE(crebos.empty());
    const core::RegionValue shown = MapValueOf("GM0014");
    ASSERT_EQ(shown.state, core::agg::GroupState::Known);
    EXPECT_EQ(shown.value, static_cast<double>(crebos.size()));
}

// Straight-line km from each demo municipality's fact point to the nearest location offering
// `crebo` in `year` (students known above 0, or "<5"), leaving out `closed`: a brute-force loop
// over the CSV files.
std::map<std::string, double> NearestKm(const std::string& crebo, const std::string& year,
                                        const std::set<std::string>& closed)
{
    std::set<std::string> offering;
    for (const auto& row : ReadRows("inschrijvingen.csv"))
        if (row[2] == crebo && row[4] == year && (row[6] == "<5" || std::stod(row[6]) > 0) && !closed.count(row[0]))
            offering.insert(row[0]);
    std::vector<core::Vec2d> sites;
    for (const auto& row : ReadRows("vestigingen.csv"))
        if (offering.count(row[0]))
            sites.push_back({std::stod(row[row.size() - 2]), std::stod(row[row.size() - 1])});
    std::map<std::string, double> km;
    for (const core::themes::Origin& o : io::DemoMunicipalityOrigins()) {
        double best = std::numeric_limits<double>::infinity();
        for (const core::Vec2d& s : sites)
            best = std::min(best, std::hypot(s.x - o.position.x, s.y - o.position.y));
        km[o.code] = best / 1000.0;
    }
    return km;
}

std::string Unquoted(std::string field)
{
    if (field.size() >= 2 && field.front() == '"' && field.back() == '"')
        field = field.substr(1, field.size() - 2);
    return field;
}

// The overview's symbols: every location offering a programme of the chosen chamber and levels
// in the chosen learning path, sized by those students, as the CSV files say; the map counts
// the same programmes per municipality.
TEST_F(Themes, LocationSymbolsFollowTheChamberLevelAndPathFilter)
{
    Choose(Theme::Programmes);
    ThemeController& themes = m_session->Themes();
    core::themes::ProgrammeFilter filter;
    filter.chambers = {"Zorg, welzijn en sport", "Handel"};
    filter.levels = {2, 3};
    filter.path = core::themes::LearningPath::Bbl;
    themes.SetProgrammeFilter(filter);
    m_headless.Frame();
    m_headless.Frame();
    const core::DashboardModel& model = m_session->Model();
    ASSERT_NE(model.Derived(), nullptr);
    const std::string year = model.Periods()[static_cast<std::size_t>(model.PeriodIndex())];

    std::map<std::string, std::pair<std::string, int>> catalogue; // crebo -> chamber, level
    for (const auto& f : ReadRows("opleidingen.csv"))
        catalogue[f[0]] = {Unquoted(f[3]), std::stoi(f[2])};
    std::map<std::string, std::string> location_name;
    for (const auto& f : ReadRows("vestigingen.csv"))
        location_name[f[0]] = Unquoted(f[2]);
    std::map<std::string, double> students;                      // location -> BBL students
    std::map<std::string, std::set<std::string>> per_municipality; // distinct crebos offered
    for (const auto& f : ReadRows("inschrijvingen.csv")) {
        if (f[4] != year || f[5] != "BBL")
            continue;
        const auto& [chamber, level] = catalogue.at(f[2]);
        if (!filter.chambers.count(chamber) || !filter.levels.count(level))
            continue;
        ASSERT_NE(f[6], "<5") << "the demo has no suppressed counts; this sum would need them";
        const double n = std::stod(f[6]);
        if (n <= 0)
            continue; // a known 0 offers nothing
        students[f[0]] += n;
        per_municipality[f[3]].insert(f[2]);
    }
    ASSERT_GT(students.size(), 5u) << "a filter that leaves several locations";
    std::vector<std::pair<std::string, double>> expected, shown;
    for (const auto& [location, n] : students)
        expected.emplace_back(location_name.at(location), n);
    for (const auto& symbol : model.Derived()->symbols)
        shown.emplace_back(symbol.label, symbol.size);
    std::sort(expected.begin(), expected.end());
    std::sort(shown.begin(), shown.end());
    EXPECT_EQ(shown, expected);
    // The map under them counts the same programmes.
    for (const auto& [municipality, crebos] : per_municipality) {
        const core::RegionValue value = MapValueOf(municipality);
        EXPECT_EQ(value.state, core::agg::GroupState::Known) << municipality;
        EXPECT_EQ(value.value, static_cast<double>(crebos.size())) << municipality;
    }
    // No filter: more locations than with it.
    const core::ViewState saved = CaptureView(*m_session);
    EXPECT_EQ(saved.theme.filter_levels, (std::vector<int>{2, 3}));
    EXPECT_EQ(saved.theme.filter_path, "BBL");
    themes.SetProgrammeFilter({});
    m_headless.Frame();
    m_headless.Frame();
    EXPECT_GT(model.Derived()->symbols.size(), expected.size());
    // A saved view brings the filter back.
    ApplyView(*m_session, saved, "test view");
    m_headless.Frame();
    m_headless.Frame();
    EXPECT_EQ(model.Derived()->symbols.size(), expected.size());
}

// Tension: the vacancies of a region in the quarter for one sector chamber over the students
// enrolled there in programmes of that chamber, as the CSV files say; all chambers together is
// the vacancies of every named chamber over all those students. Set VAKATLAS_TENSION_PNG to keep
// the picture.
TEST_F(Themes, TensionIsVacanciesPerEnrolledStudentOfTheMatchingChamber)
{
    Choose(Theme::Vacancies);
    ThemeController& themes = m_session->Themes();
    const std::string chamber = "Zorg, welzijn en sport";
    themes.SetVacancyMeasure(ThemeController::VacancyMeasure::PerStudent, chamber);
    m_headless.Frame(); // the catalogue is loaded by the radio button in the UI; here by hand:
    core::TableFileOptions more;
    more.files = io::DemoThemeTables();
    io::LoadDataFiles(more, m_workspace);
    m_headless.Frame();
    m_headless.Frame();
    const core::DashboardModel& model = m_session->Model();
    ASSERT_NE(model.Derived(), nullptr);
    ASSERT_EQ(m_workspace.ActiveLayer()->name, "arbeidsmarktregio");
    const std::string period = model.Periods()[static_cast<std::size_t>(model.PeriodIndex())];
    const std::string year = period.substr(0, 4);

    std::map<std::string, std::string> chamber_of;
    for (const auto& f : ReadRows("opleidingen.csv"))
        chamber_of[f[0]] = Unquoted(f[3]);
    std::map<std::string, std::string> region_of; // gemeente -> arbeidsmarktregio
    for (const auto& l : m_workspace.Layers())
        if (l->name == "gemeente")
            for (const core::RegionFeature& f : l->features)
                if (const std::string* parent = f.Parent("arbeidsmarktregio"))
                    region_of[f.code] = *parent;
    std::map<std::string, double> vacancies, all_vacancies, students, all_students; // per region
    for (const auto& f : ReadRows("vacatures_regio_sector_kwartaal.csv")) {
        if (f[5] != period || Unquoted(f[4]).empty())
            continue;
        all_vacancies[f[0]] += std::stod(f[8]);
        if (Unquoted(f[4]) == chamber)
            vacancies[f[0]] += std::stod(f[8]);
    }
    bool year_found = false;
    for (const auto& f : ReadRows("inschrijvingen.csv")) {
        if (f[4] != year)
            continue;
        year_found = true;
        const std::string& region = region_of.at(f[3]);
        all_students[region] += std::stod(f[6]);
        if (chamber_of.at(f[2]) == chamber)
            students[region] += std::stod(f[6]);
    }
    ASSERT_TRUE(year_found) << "the demo enrolment has the vacancies' year " << year;
    int compared = 0;
    for (const auto& [region, v] : vacancies) {
        if (!students.count(region))
            continue;
        const core::RegionValue shown = MapValueOf(region);
        ASSERT_EQ(shown.state, core::agg::GroupState::Known) << region;
        EXPECT_NEAR(shown.value, v / students.at(region), 1e-9) << region;
        ++compared;
    }
    EXPECT_GE(compared, 30) << "most of the 35 regions have both";
    EXPECT_NE(model.Derived()->title.find("per ingeschreven mbo-student (" + chamber + ")"), std::string::npos)
        << model.Derived()->title;
    if (const char* path = std::getenv("VAKATLAS_TENSION_PNG"))
        io::WritePng(m_session->Frame().ReadPixels(), path);

    EXPECT_TRUE(CaptureView(*m_session).theme.tension);
    EXPECT_EQ(CaptureView(*m_session).theme.tension_chamber, chamber);
    themes.SetVacancyMeasure(ThemeController::VacancyMeasure::PerStudent);
    m_headless.Frame();
    EXPECT_NEAR(MapValueOf("AM01").value, all_vacancies.at("AM01") / all_students.at("AM01"), 1e-9);
    // Back to per 1,000 inhabitants: the title says so again.
    themes.SetVacancyMeasure(ThemeController::VacancyMeasure::PerThousand);
    m_headless.Frame();
    ASSERT_NE(model.Derived(), nullptr);
    EXPECT_NE(model.Derived()->title.find("1.000"), std::string::npos) << model.Derived()->title;
}

// The tension map of one chamber in a view file: saved, read back identical, and applied to a
// dashboard that shows another theme, it brings back the same map values; a chamber the
// vacancies do not relate to is refused naming $.theme.tension.chamber, the dashboard kept.
TEST_F(Themes, TheTensionMapComesBackFromAViewFile)
{
    Choose(Theme::Vacancies);
    ThemeController& themes = m_session->Themes();
    const std::string chamber = "Techniek en gebouwde omgeving";
    themes.SetVacancyMeasure(ThemeController::VacancyMeasure::PerStudent, chamber);
    core::TableFileOptions more; // the catalogue, as the radio button loads it
    more.files = io::DemoThemeTables();
    io::LoadDataFiles(more, m_workspace);
    m_headless.Frame();
    m_headless.Frame();
    const core::DashboardModel& model = m_session->Model();
    ASSERT_NE(model.Derived(), nullptr);
    ASSERT_NE(model.Derived()->title.find(chamber), std::string::npos) << model.Derived()->title;
    const std::map<std::string, core::RegionValue> tension = model.Derived()->values;
    ASSERT_GE(tension.size(), 30u);

    const core::ViewState saved = CaptureView(*m_session);
    EXPECT_TRUE(saved.theme.tension);
    EXPECT_FALSE(saved.theme.per_thousand);
    EXPECT_EQ(saved.theme.tension_chamber, chamber);
    test::TempDir dir{"vak_tension_view"};
    const std::filesystem::path file = dir.Path() / "tension.json";
    io::WriteViewFile(saved, file);
    const core::ViewState read = io::ReadViewFile(file);
    EXPECT_EQ(read, saved);

    themes.SetVacancyMeasure(ThemeController::VacancyMeasure::PerThousand);
    Choose(Theme::Krimp);
    ASSERT_FALSE(CaptureView(*m_session).theme.tension);
    ApplyView(*m_session, read, "tension.json");
    m_headless.Frame();
    m_headless.Frame();
    EXPECT_EQ(CaptureView(*m_session), saved);
    ASSERT_NE(model.Derived(), nullptr);
    int same = 0;
    for (const auto& [region, value] : tension) {
        const auto it = model.Derived()->values.find(region);
        ASSERT_NE(it, model.Derived()->values.end()) << region;
        EXPECT_EQ(it->second.state, value.state) << region;
        if (value.state == core::agg::GroupState::Known) {
            EXPECT_DOUBLE_EQ(it->second.value, value.value) << region;
            ++same;
        }
    }
    EXPECT_GE(same, 30);

    core::ViewState wrong = saved;
    wrong.theme.tension_chamber = "Ruimtevaart";
    try {
        ApplyView(*m_session, wrong, "wrong.json");
        ADD_FAILURE() << "an unknown chamber was applied";
    } catch (const core::InputError& e) {
        const std::string message = e.what();
        EXPECT_NE(message.find("wrong.json: $.theme.tension.chamber: no sector chamber 'Ruimtevaart' (chambers: "),
                  std::string::npos)
            << message;
        EXPECT_NE(message.find(chamber), std::string::npos) << message;
    }
    EXPECT_EQ(CaptureView(*m_session), saved) << "the dashboard as it was";
}

// Krimp with DUO's real primary-school file loaded beside the demo: the time chart gets one more
// line, the primary pupils of the selected municipalities per year (the leading indicator),
// equal to the sums this test makes straight from the CSV, unknown after the file's last year;
// other themes add nothing.
TEST(ThemesLeadingIndicator, PrimaryPupilsOfTheSelectionAsOneMoreLine)
{
    core::Workspace workspace;
    test::HeadlessSession headless;
    if (!test::StartKrimpWithPrimaryPupils(headless, workspace, {1280, 800}))
        return;
    UiSession& session = headless.Session();
    ThemeController& themes = session.Themes();
    ASSERT_EQ(workspace.ActiveLayer()->name, "gemeente");
    workspace.GetSelection().Assign({"GM0014", "GM0080"}); // Groningen, Leeuwarden

    // The file by hand: municipality codes without leading zeros, "<5" left out.
    std::map<std::string, double> expected; // year -> pupils of the two municipalities
    {
        std::ifstream in(test::SharedFile(test::kDuoPrimaryPupils));
        std::string line;
        std::getline(in, line);
        while (std::getline(in, line)) {
            const std::vector<std::string> f = test::SplitCsvLine(line, ';');
            ASSERT_EQ(f.size(), 38u) << line;
            if (f[6] != "14" && f[6] != "80")
                continue;
            for (int year = 1996; year <= 2025; ++year) {
                const std::string& cell = f[static_cast<std::size_t>(8 + year - 1996)];
                if (cell != "<5")
                    expected[std::to_string(year)] += std::stod(cell);
            }
        }
    }
    const core::DashboardModel& model = session.Model();
    charts::TimeSeriesData data;
    data.periods = charts::ConsecutivePeriods(model.Periods());
    ASSERT_FALSE(data.periods.empty());
    themes.AddLeadingIndicator(workspace, data);
    ASSERT_EQ(data.series.size(), 1u);
    const charts::TimeSeries& line = data.series[0];
    EXPECT_NE(line.name.find("basisschoolleerlingen in de selectie"), std::string::npos) << line.name;
    EXPECT_NE(line.name.find("voorloper"), std::string::npos) << line.name;
    int compared = 0;
    for (std::size_t i = 0; i < data.periods.size(); ++i) {
        const std::string year = std::to_string(data.periods[i].year);
        if (data.periods[i].year <= 2025) {
            ASSERT_TRUE(expected.count(year)) << year;
            EXPECT_DOUBLE_EQ(line.values[i], expected.at(year)) << year;
            ++compared;
        } else {
            EXPECT_TRUE(std::isnan(line.values[i])) << year << ": no primary data that year";
        }
    }
    EXPECT_GE(compared, 10) << "the demo's years and the file's overlap for a decade at least";
    // The vacancies theme has no such line.
    ASSERT_TRUE(headless.ChooseTheme(Theme::Vacancies));
    charts::TimeSeriesData other;
    other.periods = data.periods;
    themes.AddLeadingIndicator(workspace, other);
    EXPECT_TRUE(other.series.empty());
    headless.Stop();
}

TEST_F(Themes, ProgrammeReachabilityAndAClosureScenarioMatchABruteForceOverTheFiles)
{
    Choose(Theme::Programmes);
    ThemeController& themes = m_session->Themes();
    themes.ChooseProgramme("90415"); // Allround medewerker grafimedia: a handful of locations
    m_headless.Frame();
    m_headless.Frame();
    const core::DashboardModel& model = m_session->Model();
    ASSERT_NE(model.Derived(), nullptr);
    EXPECT_EQ(m_workspace.ActiveLayer()->name, "gemeente");
    const std::string year = model.Periods()[static_cast<std::size_t>(model.PeriodIndex())];
    const std::map<std::string, double> before = NearestKm("90415", year, {});
    int compared = 0;
    for (const auto& [code, km] : before) {
        const core::RegionValue shown = MapValueOf(code);
        ASSERT_EQ(shown.state, core::agg::GroupState::Known) << code;
        EXPECT_NEAR(shown.value, km, 1e-6) << code;
        ++compared;
    }
    EXPECT_EQ(compared, 342);
    EXPECT_FALSE(model.Derived()->symbols.empty()) << "the locations offering it are drawn";
    // The km bands rise strictly, also when nobody lives beyond the last fixed band (equal edges
    // would be refused and the map would silently fall back to quantiles).
    const std::vector<double>& edges = model.Derived()->class_edges;
    ASSERT_GE(edges.size(), 3u);
    for (std::size_t i = 1; i < edges.size(); ++i)
        EXPECT_LT(edges[i - 1], edges[i]) << "edge " << i;

    // Close it at Utrecht's location (99AN00): municipalities near Utrecht get further.
    themes.SetClosed("99AN00", true);
    m_headless.Frame();
    const std::map<std::string, double> after = NearestKm("90415", year, {"99AN00"});
    EXPECT_NEAR(MapValueOf("GM0344").value, after.at("GM0344"), 1e-6);
    EXPECT_GT(after.at("GM0344"), before.at("GM0344"));
    const core::themes::ScenarioResult* outcome = themes.ScenarioOutcome();
    ASSERT_NE(outcome, nullptr);
    int further = 0;
    for (const auto& [code, km] : after)
        further += km > before.at(code) + 1e-9;
    EXPECT_EQ(outcome->summary.municipalities_further, further);
    test::CompareWithGolden(m_session->Frame().ReadPixels(), "theme_programme_scenario.png");

    // Saved with the view and put back: the theme, programme and scenario, not the preset.
    const core::ViewState saved = CaptureView(*m_session);
    EXPECT_EQ(saved.theme.name, "opleidingsaanbod");
    EXPECT_EQ(saved.theme.programme, "90415");
    EXPECT_EQ(saved.theme.closed_locations, (std::vector<std::string>{"99AN00"}));
    Choose(Theme::Krimp);
    themes.ChooseProgramme({});
    ApplyView(*m_session, saved, "test view");
    m_headless.Frame();
    m_headless.Frame();
    ASSERT_NE(model.Derived(), nullptr);
    EXPECT_NEAR(MapValueOf("GM0344").value, after.at("GM0344"), 1e-6);
    EXPECT_EQ(CaptureView(*m_session).theme, saved.theme);

    // A named scenario and edited alert rules travel through the view file too, and come back
    // after the programme (and with it the saved list) and the rules were reset.
    themes.SaveScenario("Utrecht dicht");
    std::vector<core::themes::AlertRule> rules = core::themes::DefaultAlertRules();
    rules[0].enabled = false;
    rules[1].threshold = 4;
    themes.SetAlertRules(rules);
    const core::ViewState with_lists = CaptureView(*m_session);
    ASSERT_EQ(with_lists.theme.scenarios.size(), 1u);
    EXPECT_EQ(with_lists.theme.scenarios[0].name, "Utrecht dicht");
    EXPECT_EQ(with_lists.theme.scenarios[0].edits,
              (std::vector<core::themes::ScenarioEdit>{{core::themes::ScenarioEdit::Kind::Close, "90415", "99AN00", {}}}));
    EXPECT_EQ(with_lists.theme.alert_rules, std::optional(rules));
    test::TempDir dir{"vak_theme_view"};
    io::WriteViewFile(with_lists, dir.Path() / "v.json");
    themes.ChooseProgramme({});
    themes.SetAlertRules(core::themes::DefaultAlertRules());
    ASSERT_TRUE(themes.SavedScenarios().empty());
    ApplyView(*m_session, io::ReadViewFile(dir.Path() / "v.json"), "v.json");
    m_headless.Frame();
    EXPECT_EQ(themes.AlertRules(), rules);
    ASSERT_EQ(themes.SavedScenarios().size(), 1u);
    EXPECT_EQ(themes.SavedScenarios()[0], with_lists.theme.scenarios[0]);
    EXPECT_EQ(CaptureView(*m_session).theme, with_lists.theme);
}

} // namespace
} // namespace vak::ui
