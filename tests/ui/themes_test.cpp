// The three theme presets in a headless dashboard on the demo data: after choosing a theme,
// what the map shows equals a figure the test computes straight from the demo CSV files.
#include "core/errors.hpp"
#include "io/demo_cache.hpp"
#include "io/workspace_loader.hpp"
#include "support/ci.hpp"
#include "support/headless_session.hpp"
#include "ui/theme_controller.hpp"
#include "ui/ui_session.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
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

class Themes : public ::testing::Test {
protected:
    void SetUp() override
    {
        try {
            io::LoadRegionFiles({}, m_workspace);
            io::LoadDataFiles({}, m_workspace);
            m_headless.Start(m_workspace, {1280, 800});
        } catch (const core::InputError& e) {
            if (test::InCi())
                FAIL() << e.what();
            GTEST_SKIP() << e.what();
        }
        m_session = &m_headless.Session();
        m_headless.Frame();
    }
    void TearDown() override { m_headless.Stop(); }
    void Choose(Theme theme)
    {
        m_session->Themes().Select(theme);
        for (int i = 0; i < 6 && !(i >= 2 && m_session->Themes().Settled()); ++i)
            m_headless.Frame();
        ASSERT_TRUE(m_session->Themes().Settled());
        m_headless.Frame(); // the theme's map follows the preset
    }
    core::RegionValue MapValueOf(const std::string& code)
    {
        const core::RegionLayer& layer = *m_workspace.ActiveLayer();
        const std::vector<core::RegionValue> values = m_session->Model().MapValues(layer);
        return values[static_cast<std::size_t>(layer.FindByCode(code))];
    }

    core::Workspace m_workspace;
    test::HeadlessSession m_headless;
    UiSession* m_session = nullptr;
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

} // namespace
} // namespace vak::ui
