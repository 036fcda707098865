// View files as a user meets them: what is saved reads back the same, a broken, newer or
// mistyped file is refused with the file, the key's JSON path and the problem named, and a save
// that fails half-way leaves the previous file as it was.
#include "core/errors.hpp"
#include "core/view_state.hpp"
#include "io/output_file.hpp"
#include "io/view_file.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace vak::io {
namespace {

namespace fs = std::filesystem;

void WriteText(const fs::path& path, const std::string& text)
{
    std::ofstream(path, std::ios::binary) << text;
}

std::string ReadText(const fs::path& path)
{
    std::ostringstream text;
    text << std::ifstream(path, std::ios::binary).rdbuf();
    return text.str();
}

// The message of the InputError that `read` throws; fails the test when none is thrown.
template <typename F>
std::string ErrorOf(F&& read)
{
    try {
        read();
    } catch (const core::InputError& e) {
        return e.what();
    }
    ADD_FAILURE() << "expected core::InputError";
    return {};
}

class ViewFileTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        fs::create_directories(m_dir / "data");
        WriteText(m_dir / "data" / "gemeenten.gpkg", "stand-in: only its existence is checked");
        WriteText(m_dir / "data" / "leerlingen.csv", "stand-in");
    }

    // Every field away from its default, so a field that is not written or read shows.
    core::ViewState FullView() const
    {
        core::ViewState view;
        view.data.regions.files = {(m_dir / "data" / "gemeenten.gpkg").string()};
        view.data.regions.code_field = "statcode";
        view.data.regions.crs = "EPSG:28992";
        view.data.tables.files = {(m_dir / "data" / "leerlingen.csv").string()};
        view.data.tables.region_column = "gemeentecode";
        view.data.tables.scale = 1000;
        view.data.tables.demo_tables = false;
        view.language = "en";
        view.ui_scale_percent = 200;
        view.level = "provincie";
        view.tile_map = true;
        // 1/3 and 0.1 have no short decimal form: they must come back bit for bit.
        view.camera = core::ViewCamera{{155000.0 + 1.0 / 3.0, 463000.1}, 312.5 / 3.0, 900, 640};
        view.selected_regions = {"PV20", "PV31"};
        view.style.method = core::ClassMethod::NaturalBreaks;
        view.style.classes = 7;
        view.style.palette = core::PaletteId::Blues;
        view.table = "leerlingen";
        view.measure = "aantal";
        view.quantity = "mbo_studenten";
        view.period = "2025";
        view.change_from = "2025";
        view.change_to = "2035";
        view.selected_bars = {"Techniek", "Zorg & welzijn"};
        view.chart_index = false; // raw values in the time chart, not the default index
        view.theme.name = "opleidingsaanbod";
        view.theme.programme = "90415";
        view.theme.closed_locations = {"99AN00", "99BY00"};
        view.theme.threshold_km = 25.5;
        view.theme.per_thousand = false;
        view.theme.density = true;
        view.theme.alert_rules = std::vector<core::themes::AlertRule>{{core::themes::AlertKind::SmallProgramme, false, "", 50, 0},
                                  {core::themes::AlertKind::FastDecline, true, "Zeeland eerst", 7.5, 3},
                                  {core::themes::AlertKind::SmallRegion, true, "", 250, 0}};
        view.theme.filter_chambers = {"Handel", "Zorg, welzijn en sport"};
        view.theme.filter_levels = {2, 3};
        view.theme.filter_path = "BBL";
        view.theme.tension = true;
        view.theme.tension_chamber = "ICT en creatieve industrie";
        view.compare = core::CompareViewState{false, "2015", "2030"};
        view.theme.scenarios = {
            {"Utrecht dicht", {{core::themes::ScenarioEdit::Kind::Close, "90415", "99AN00", {}}}},
            {"naar Breda", {{core::themes::ScenarioEdit::Kind::Close, "90415", "99AN00", {}},
                            {core::themes::ScenarioEdit::Kind::Move, "90415", "99BY00", "99CC01"}}}};
        return view;
    }

    test::TempDir m_temp{"vak_view_file"};
    fs::path m_dir = m_temp.Path();
};

TEST_F(ViewFileTest, WhatIsSavedReadsBackTheSame)
{
    const core::ViewState view = FullView();
    const fs::path file = m_dir / "view.json";
    WriteViewFile(view, file);
    EXPECT_EQ(ReadViewFile(file), view);
    // Human-readable: the version key and names, not indices.
    const std::string text = ReadText(file);
    EXPECT_NE(text.find("\"vakatlas_view\":1"), std::string::npos) << text;
    EXPECT_NE(text.find("\"Zorg & welzijn\""), std::string::npos) << text;
    EXPECT_NE(text.find("\"natural_breaks\""), std::string::npos) << text;
}

TEST_F(ViewFileTest, AnUnknownThemeIsRefusedNamingTheKey)
{
    core::ViewState view = FullView();
    WriteViewFile(view, m_dir / "theme.json");
    std::string text = ReadText(m_dir / "theme.json");
    const std::size_t at = text.find("\"opleidingsaanbod\"");
    ASSERT_NE(at, std::string::npos) << text;
    text.replace(at, std::string("\"opleidingsaanbod\"").size(), "\"banen\"");
    std::ofstream(m_dir / "theme.json", std::ios::trunc) << text;
    try {
        ReadViewFile(m_dir / "theme.json");
        FAIL() << "an unknown theme was accepted";
    } catch (const core::InputError& e) {
        EXPECT_NE(std::string(e.what()).find("$.theme.name"), std::string::npos) << e.what();
    }
}

TEST_F(ViewFileTest, ManualClassEdgesReadBackExactly)
{
    core::ViewState view = FullView();
    view.style.method = core::ClassMethod::Manual;
    view.style.manual_edges = {0.0, 250.5, 1000.0 / 3.0, 2500.0};
    view.style.classes = 3;
    WriteViewFile(view, m_dir / "manual.json");
    EXPECT_EQ(ReadViewFile(m_dir / "manual.json"), view);
}

TEST_F(ViewFileTest, DataPathsTravelWithTheViewFolder)
{
    const core::ViewState view = FullView();
    WriteViewFile(view, m_dir / "view.json");
    // Written relative to the view's folder, so the folder can be moved as a whole.
    const std::string text = ReadText(m_dir / "view.json");
    EXPECT_NE(text.find("\"data/leerlingen.csv\""), std::string::npos) << text;
    const fs::path moved = m_dir.string() + "_moved";
    fs::remove_all(moved);
    fs::rename(m_dir, moved);
    const core::ViewState read = ReadViewFile(moved / "view.json");
    fs::rename(moved, m_dir); // back, for the TempDir to remove
    EXPECT_EQ(read.data.tables.files, std::vector<std::string>{(moved / "data" / "leerlingen.csv").string()});
}

TEST_F(ViewFileTest, ADefaultViewNeedsOnlyItsVersion)
{
    const fs::path file = m_dir / "minimal.json";
    WriteText(file, "{\"vakatlas_view\": 1}");
    const core::ViewState defaults;
    const core::ViewState read = ReadViewFile(file);
    EXPECT_TRUE(read == defaults);
}

TEST_F(ViewFileTest, ACorruptedFileIsRefusedAsNotJson)
{
    const fs::path file = m_dir / "broken.json";
    WriteViewFile(FullView(), file);
    const std::string text = ReadText(file);
    WriteText(file, text.substr(0, text.size() / 2)); // cut off half-way, as by a full disk
    const std::string message = ErrorOf([&] { ReadViewFile(file); });
    EXPECT_NE(message.find(file.string()), std::string::npos) << message;
    EXPECT_NE(message.find("not valid JSON"), std::string::npos) << message;
}

TEST_F(ViewFileTest, AFileOfANewerVersionIsRefusedWithWhatToDo)
{
    const fs::path file = m_dir / "future.json";
    WriteText(file, "{\"vakatlas_view\": 2, \"presentation\": {\"bookmarks\": []}}");
    const std::string message = ErrorOf([&] { ReadViewFile(file); });
    EXPECT_NE(message.find("$.vakatlas_view"), std::string::npos) << message;
    EXPECT_NE(message.find("version 2 is newer"), std::string::npos) << message;
    EXPECT_NE(message.find("newer vakatlas"), std::string::npos) << message;
}

TEST_F(ViewFileTest, AnyJsonThatIsNoViewIsRefused)
{
    const fs::path file = m_dir / "other.json";
    WriteText(file, "{\"type\": \"FeatureCollection\", \"features\": []}");
    EXPECT_NE(ErrorOf([&] { ReadViewFile(file); }).find("not a vakatlas view"), std::string::npos);
    WriteText(file, "[1, 2, 3]");
    EXPECT_NE(ErrorOf([&] { ReadViewFile(file); }).find("not a vakatlas view"), std::string::npos);
}

TEST_F(ViewFileTest, AWrongTypeNamesTheKeyAndWhatWasExpected)
{
    const fs::path file = m_dir / "typed.json";
    WriteText(file, R"({"vakatlas_view": 1, "map": {"classification": {"classes": "five"}}})");
    const std::string message = ErrorOf([&] { ReadViewFile(file); });
    EXPECT_NE(message.find(file.string()), std::string::npos) << message;
    EXPECT_NE(message.find("$.map.classification.classes"), std::string::npos) << message;
    EXPECT_NE(message.find("expected a whole number, found a text"), std::string::npos) << message;

    WriteText(file, R"({"vakatlas_view": 1, "map": {"selected_regions": ["GM0014", 363]}})");
    EXPECT_NE(ErrorOf([&] { ReadViewFile(file); }).find("$.map.selected_regions[1]: expected a text"),
              std::string::npos);
}

TEST_F(ViewFileTest, AnUnknownKeyIsReportedWithTheKnownOnes)
{
    const fs::path file = m_dir / "typo.json";
    WriteText(file, R"({"vakatlas_view": 1, "map": {"levle": "provincie"}})");
    const std::string message = ErrorOf([&] { ReadViewFile(file); });
    EXPECT_NE(message.find("$.map.levle: unknown key"), std::string::npos) << message;
    EXPECT_NE(message.find("level"), std::string::npos) << message;
}

TEST_F(ViewFileTest, AValueOutOfRangeIsRefused)
{
    const fs::path file = m_dir / "range.json";
    WriteText(file, R"({"vakatlas_view": 1, "interface": {"scale_percent": 900}})");
    EXPECT_NE(ErrorOf([&] { ReadViewFile(file); }).find("$.interface.scale_percent: 900 is outside 100..300"),
              std::string::npos);
    WriteText(file, R"({"vakatlas_view": 1, "map": {"classification": {"palette": "Rainbow"}}})");
    EXPECT_NE(ErrorOf([&] { ReadViewFile(file); }).find("$.map.classification.palette: 'Rainbow'"),
              std::string::npos);
    WriteText(file, R"({"vakatlas_view": 1, "map": {"classification": {"method": "manual", "classes": 2,
                                                                   "edges": [0, 500, 100]}}})");
    EXPECT_NE(ErrorOf([&] { ReadViewFile(file); }).find("$.map.classification.edges: edges must rise strictly"),
              std::string::npos);
    WriteText(file, R"({"vakatlas_view": 1, "shown": {"table": "t", "change": {"from": "2025"}}})");
    EXPECT_NE(ErrorOf([&] { ReadViewFile(file); }).find("$.shown.change: needs both"), std::string::npos);
}

// Alert rules and saved scenarios: a file from before them reads with the default rules; a
// rules-only view (no theme chosen) keeps its rules; bad values name their JSON path.
TEST_F(ViewFileTest, AlertRulesAndScenariosReadBackOrAreRefusedByPath)
{
    const fs::path file = m_dir / "rules.json";
    WriteText(file, R"({"vakatlas_view": 1, "theme": {"name": "krimp"}})");
    EXPECT_FALSE(ReadViewFile(file).theme.alert_rules.has_value()) << "the default rules";
    EXPECT_TRUE(ReadViewFile(file).theme.scenarios.empty());

    core::ViewState rules_only;
    rules_only.theme.alert_rules = std::vector<core::themes::AlertRule>{{core::themes::AlertKind::VacancyGrowth, true, "", 35, 0}};
    WriteViewFile(rules_only, file);
    EXPECT_EQ(ReadViewFile(file), rules_only);
    EXPECT_NE(ReadText(file).find("\"vacancy_growth\""), std::string::npos) << ReadText(file);

    WriteText(file, R"({"vakatlas_view": 1, "theme": {"alert_rules": [
        {"kind": "small_programme", "threshold": 50},
        {"kind": "fast_decline", "threshold": -5, "years": 5}]}})");
    EXPECT_NE(ErrorOf([&] { ReadViewFile(file); }).find("rules.json: $.theme.alert_rules[1].threshold: must be a number from 0 to 1000"),
              std::string::npos)
        << ErrorOf([&] { ReadViewFile(file); });
    WriteText(file, R"({"vakatlas_view": 1, "theme": {"alert_rules": [{"kind": "fast_decline", "threshold": 10, "years": 0}]}})");
    EXPECT_NE(ErrorOf([&] { ReadViewFile(file); }).find("$.theme.alert_rules[0].years: 0 is outside 1..50"),
              std::string::npos);
    WriteText(file, R"({"vakatlas_view": 1, "theme": {"alert_rules": [{"kind": "too_small", "threshold": 10}]}})");
    EXPECT_NE(ErrorOf([&] { ReadViewFile(file); }).find("$.theme.alert_rules[0].kind: 'too_small' is not one of"),
              std::string::npos);
    WriteText(file, R"({"vakatlas_view": 1, "theme": {"alert_rules": [{"kind": "small_region", "threshold": "50"}]}})");
    EXPECT_NE(ErrorOf([&] { ReadViewFile(file); }).find("$.theme.alert_rules[0].threshold: expected a number"),
              std::string::npos);
    WriteText(file, R"({"vakatlas_view": 1, "theme": {"alert_rules": [{"kind": "small_region"}]}})");
    EXPECT_NE(ErrorOf([&] { ReadViewFile(file); }).find("$.theme.alert_rules[0].threshold: missing"),
              std::string::npos);
    WriteText(file, R"({"vakatlas_view": 1, "theme": {"scenarios": [{"name": "a", "edits": [
        {"kind": "close", "crebo": "90415", "location": "99AN00"},
        {"kind": "move", "crebo": "90415", "location": "99AN00"}]}]}})");
    EXPECT_NE(ErrorOf([&] { ReadViewFile(file); }).find("$.theme.scenarios[0].edits[1].to: a move needs"),
              std::string::npos);
    WriteText(file, R"({"vakatlas_view": 1, "theme": {"scenarios": [{"edits": []}]}})");
    EXPECT_NE(ErrorOf([&] { ReadViewFile(file); }).find("$.theme.scenarios[0].name: a saved scenario needs a name"),
              std::string::npos);
    WriteText(file, R"({"vakatlas_view": 1, "theme": {"scenarios": [{"name": "a", "edits": [{"kind": "open"}]}]}})");
    EXPECT_NE(ErrorOf([&] { ReadViewFile(file); }).find("$.theme.scenarios[0].edits[0].kind: 'open' is not one of close, move"),
              std::string::npos);
    WriteText(file, R"({"vakatlas_view": 1, "theme": {"programme_filter": {"levels": [2, 5]}}})");
    EXPECT_NE(ErrorOf([&] { ReadViewFile(file); }).find("$.theme.programme_filter.levels[1]: 5 is not a level (1..4)"),
              std::string::npos);
    WriteText(file, R"({"vakatlas_view": 1, "theme": {"programme_filter": {"path": "BOLBBL"}}})");
    EXPECT_NE(ErrorOf([&] { ReadViewFile(file); }).find("$.theme.programme_filter.path: 'BOLBBL' is not BOL or BBL"),
              std::string::npos);
    WriteText(file, R"({"vakatlas_view": 1, "theme": {"scenarios": {"name": "a"}}})");
    EXPECT_NE(ErrorOf([&] { ReadViewFile(file); }).find("$.theme.scenarios: expected a list of objects"),
              std::string::npos);
}

// The side-by-side compare and the Vacatures tension map: both kinds of compare and a tension
// map of one chamber or of all read back; a file from before them opens one map without
// tension; contradictions are refused naming the key.
TEST_F(ViewFileTest, CompareAndTensionReadBackOrAreRefusedByPath)
{
    const fs::path file = m_dir / "compare.json";
    core::ViewState years = FullView();
    WriteViewFile(years, file);
    EXPECT_EQ(ReadViewFile(file), years);
    EXPECT_NE(ReadText(file).find("\"compare\""), std::string::npos) << ReadText(file);
    ASSERT_TRUE(ReadViewFile(file).compare.has_value());
    EXPECT_EQ(ReadViewFile(file).compare->from, "2015");
    EXPECT_EQ(ReadViewFile(file).compare->to, "2030");

    core::ViewState scenario = FullView(); // the Opleidingsaanbod theme with a programme
    scenario.compare = core::CompareViewState{true, "", ""};
    scenario.theme.tension_chamber.clear(); // tension of all chambers together
    WriteViewFile(scenario, file);
    const core::ViewState read = ReadViewFile(file);
    EXPECT_EQ(read, scenario);
    EXPECT_TRUE(read.compare && read.compare->scenario);
    EXPECT_TRUE(read.theme.tension);
    EXPECT_TRUE(read.theme.tension_chamber.empty());

    // The default choice of periods: compare open, no periods named.
    core::ViewState chosen_later = FullView();
    chosen_later.compare = core::CompareViewState{};
    WriteViewFile(chosen_later, file);
    EXPECT_EQ(ReadViewFile(file), chosen_later);

    // Older files: no compare, no tension.
    WriteText(file, R"({"vakatlas_view": 1, "shown": {"table": "t", "period": "2025"}, "theme": {"name": "vacatures",
                        "per_thousand": true}})");
    EXPECT_FALSE(ReadViewFile(file).compare.has_value());
    EXPECT_FALSE(ReadViewFile(file).theme.tension);
    EXPECT_TRUE(ReadViewFile(file).theme.per_thousand);
    // The tension map alone: per_thousand is then off.
    WriteText(file, R"({"vakatlas_view": 1, "theme": {"name": "vacatures", "tension": {"chamber": "Zorg"}}})");
    EXPECT_TRUE(ReadViewFile(file).theme.tension);
    EXPECT_FALSE(ReadViewFile(file).theme.per_thousand);
    EXPECT_EQ(ReadViewFile(file).theme.tension_chamber, "Zorg");

    const auto refused = [&](const std::string& json, const std::string& expected) {
        WriteText(file, json);
        const std::string message = ErrorOf([&] { ReadViewFile(file); });
        EXPECT_NE(message.find(expected), std::string::npos) << json << "\n" << message;
        EXPECT_NE(message.find(file.string()), std::string::npos) << message;
    };
    refused(R"({"vakatlas_view": 1, "shown": {"table": "t"}, "compare": {"from": "2015"}})",
            "$.compare.to: missing");
    refused(R"({"vakatlas_view": 1, "shown": {"table": "t"}, "compare": {"from": 2015, "to": "2030"}})",
            "$.compare.from: expected a text, found a whole number");
    refused(R"({"vakatlas_view": 1, "compare": {"from": "2015", "to": "2030"}})",
            "$.compare: periods need the table");
    refused(R"({"vakatlas_view": 1, "compare": {"scenario": true}})", "$.compare.scenario: needs the opleidingsaanbod theme");
    refused(R"({"vakatlas_view": 1, "theme": {"name": "opleidingsaanbod", "programme": "90415"},
                "compare": {"scenario": true, "from": "2015", "to": "2030"}})",
            "$.compare: 'from' and 'to' are periods of the years compare");
    refused(R"({"vakatlas_view": 1, "compare": {"periods": ["2015", "2030"]}})", "$.compare.periods: unknown key");
    refused(R"({"vakatlas_view": 1, "compare": true})", "$.compare: expected an object");
    refused(R"({"vakatlas_view": 1, "theme": {"name": "vacatures", "per_thousand": true, "tension": {}}})",
            "$.theme.tension: the tension map replaces per_thousand");
    refused(R"({"vakatlas_view": 1, "theme": {"name": "vacatures", "tension": {"chamber": 3}}})",
            "$.theme.tension.chamber: expected a text");
    refused(R"({"vakatlas_view": 1, "theme": {"name": "vacatures", "tension": {"kamer": "Zorg"}}})",
            "$.theme.tension.kamer: unknown key");
}

TEST_F(ViewFileTest, AMissingDataFileIsNamedBeforeAnythingLoads)
{
    core::ViewState view = FullView();
    const fs::path file = m_dir / "view.json";
    WriteViewFile(view, file);
    fs::remove(m_dir / "data" / "leerlingen.csv");
    const std::string message = ErrorOf([&] { ReadViewFile(file); });
    EXPECT_NE(message.find("$.data.tables.files[0]"), std::string::npos) << message;
    EXPECT_NE(message.find((m_dir / "data" / "leerlingen.csv").string()), std::string::npos) << message;
    EXPECT_NE(message.find("not found"), std::string::npos) << message;
}

TEST_F(ViewFileTest, AnInterruptedSaveLeavesThePreviousFileIntact)
{
    const fs::path file = m_dir / "view.json";
    const core::ViewState before = FullView();
    WriteViewFile(before, file);
    const std::string saved = ReadText(file);
    // The save's temporary file cannot be written (a folder holds its name: this fails for root
    // too), as if the disk filled or the program died before the rename.
    const fs::path blocked = TemporarySibling(file);
    fs::create_directory(blocked);
    core::ViewState after = before;
    after.period = "2030";
    const std::string message = ErrorOf([&] { WriteViewFile(after, file); });
    EXPECT_NE(message.find(file.string()), std::string::npos) << message;
    EXPECT_EQ(ReadText(file), saved);
    EXPECT_EQ(ReadViewFile(file), before);
    EXPECT_TRUE(fs::is_directory(blocked)) << "only our own temporary file is ever removed";
    fs::remove(blocked);
    // Once the obstacle is gone, saving works, and no temporary is left beside the view.
    WriteViewFile(after, file);
    EXPECT_EQ(ReadViewFile(file), after);
    EXPECT_FALSE(fs::exists(blocked));
}

TEST_F(ViewFileTest, SavingOverAFolderIsRefusedAndTheFolderKept)
{
    const fs::path folder = m_dir / "views.json";
    fs::create_directory(folder);
    WriteText(folder / "inside.txt", "kept");
    const std::string message = ErrorOf([&] { WriteViewFile(FullView(), folder); });
    EXPECT_NE(message.find("it is a folder"), std::string::npos) << message;
    EXPECT_EQ(ReadText(folder / "inside.txt"), "kept");
    EXPECT_NE(ErrorOf([&] { ReadViewFile(folder); }).find("is a folder"), std::string::npos);
}

} // namespace
} // namespace vak::io
