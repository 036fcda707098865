// The alert card in a headless dashboard on the demo: the default rules find hits, counted on
// the charts' tab; the inputs are built once per data, level and year, not per frame; a
// threshold edit moves the count the way the rule says; a click selects the hit's region on the
// active level (through the parent codes when the levels differ) and the map zooms to it.
#include "core/errors.hpp"
#include "io/demo_cache.hpp"
#include "io/png_export.hpp"
#include "io/workspace_loader.hpp"
#include "support/demo_dashboard_fixture.hpp"
#include "ui/alerts_card.hpp"
#include "ui/panels/map_panel.hpp"
#include "ui/theme_controller.hpp"
#include "ui/ui_session.hpp"

#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace vak::ui {
namespace {

namespace themes = core::themes;

class Alerts : public test::HeadlessSessionTest {
protected:
    // The demo, with its locations and catalogue when `theme_tables` (programme names in the
    // lines); false when the test was skipped or failed.
    [[nodiscard]] bool Start(bool theme_tables, core::ImageSize size = {1280, 800})
    {
        if (!StartDemoSession(size, theme_tables ? io::DemoThemeTables() : std::vector<std::string>{}))
            return false;
        m_headless.Frame();
        return true;
    }
    void Choose(Theme theme)
    {
        ASSERT_TRUE(m_headless.ChooseTheme(theme));
        m_headless.Frame();
    }
    void SetLevel(const std::string& name)
    {
        for (std::size_t i = 0; i < m_workspace.Layers().size(); ++i)
            if (m_workspace.Layers()[i]->name == name)
                m_workspace.SetActiveLayer(static_cast<int>(i));
        ASSERT_EQ(m_workspace.ActiveLayer()->name, name);
    }
    std::size_t CountOf(const AlertsState& state, themes::AlertKind kind) const
    {
        std::size_t n = 0;
        for (const themes::AlertHit& h : state.hits)
            n += h.kind == kind;
        return n;
    }
    // The charts' tab bar and its alerts tab, as ImGui laid them out in the last frame.
    std::pair<ImGuiTabBar*, ImGuiTabItem*> AlertsTab()
    {
        ImGuiContext& g = *ImGui::GetCurrentContext();
        for (int i = 0; i < g.TabBars.GetMapSize(); ++i)
            if (ImGuiTabBar* bar = g.TabBars.TryGetMapData(i))
                for (ImGuiTabItem& tab : bar->Tabs)
                    if (std::string(bar->GetTabName(&tab)).find("###alerts_tab") != std::string::npos)
                        return {bar, &tab};
        return {nullptr, nullptr};
    }
};

// From the demo's enrolment file: brin -> municipality of its first location by code, and the
// students of each (brin, crebo) in 2025.
struct Enrolment {
    std::map<std::string, std::string> municipality;
    std::map<std::pair<std::string, std::string>, long> students_2025;
};
Enrolment ReadEnrolment()
{
    std::ifstream in(io::DemoCacheDir() + "/inschrijvingen.csv");
    std::string line;
    std::getline(in, line);
    EXPECT_EQ(line, "vestiging_code;brin;crebo;gemeente_code;jaar;leerweg;aantal");
    std::map<std::string, std::pair<std::string, std::string>> first;
    Enrolment result;
    while (std::getline(in, line)) {
        std::vector<std::string> f;
        std::stringstream ss(line);
        for (std::string field; std::getline(ss, field, ';');)
            f.push_back(field);
        auto [it, added] = first.emplace(f[1], std::make_pair(f[0], f[3]));
        if (!added && f[0] < it->second.first)
            it->second = {f[0], f[3]};
        if (f[4] == "2025")
            result.students_2025[{f[1], f[2]}] += std::stol(f[6]);
    }
    for (const auto& [brin, place] : first)
        result.municipality[brin] = place.second;
    return result;
}

TEST_F(Alerts, DefaultRulesFindHitsCountedOnTheTabAndComputedOncePerInput)
{
    if (!Start(false))
        return;
    Choose(Theme::Programmes);
    const core::DashboardModel& model = m_session->Model();
    ASSERT_FALSE(model.ShowsChange());
    const std::string year = model.Periods()[static_cast<std::size_t>(model.PeriodIndex())];
    AlertsState state;
    UpdateAlerts(m_workspace, year, state);
    EXPECT_GT(CountOf(state, themes::AlertKind::SmallProgramme), 0u) << "the demo has programmes under 50 students";
    EXPECT_EQ(state.inputs_builds, 1);
    // The dashboard's tab counts the same hits (its own state, the same year and level).
    const auto [bar, tab] = AlertsTab();
    ASSERT_NE(tab, nullptr) << "the alerts tab beside the middle chart";
    const std::string label = bar->GetTabName(tab);
    // It counts the rules that found something, not the hits (the small programmes alone run
    // into the hundreds).
    std::size_t firing = 0;
    for (std::size_t r = 0; r < state.rules.size(); ++r)
        if (state.rules[r].enabled && std::any_of(state.hits.begin(), state.hits.end(),
                                                  [&](const themes::AlertHit& h) { return h.rule == static_cast<int>(r); }))
            ++firing;
    ASSERT_GE(firing, 2u);
    EXPECT_EQ(label.substr(0, label.find("###")), "Aandachtspunten (" + std::to_string(firing) + " regels)");
    EXPECT_EQ(AlertTabLabel(state, Language::English), "Alerts (" + std::to_string(firing) + " rules)");
    // The busiest rule is listed last, so the rare hits stay in view above it.
    ASSERT_FALSE(state.groups.empty());
    for (std::size_t g = 1; g < state.groups.size(); ++g)
        if (!state.groups[g].hits.empty()) {
            EXPECT_LE(state.groups[g - 1].hits.size(), state.groups[g].hits.size());
        }

    // Frames and calls with nothing changed reuse the inputs; a year or a level builds them again.
    for (int i = 0; i < 3; ++i)
        UpdateAlerts(m_workspace, year, state);
    EXPECT_EQ(state.inputs_builds, 1);
    UpdateAlerts(m_workspace, "2020", state);
    EXPECT_EQ(state.inputs_builds, 2);
    SetLevel("provincie");
    UpdateAlerts(m_workspace, "2020", state);
    EXPECT_EQ(state.inputs_builds, 3);
    for (const themes::AlertHit& h : state.hits) {
        if (h.kind == themes::AlertKind::SmallProgramme) {
            EXPECT_EQ(h.region.rfind("PV", 0), 0u) << h.region;
        }
    }
}

TEST_F(Alerts, ThresholdEditsMoveTheCountTheWayTheRuleSays)
{
    if (!Start(false))
        return;
    AlertsState state;
    UpdateAlerts(m_workspace, "2025", state);
    ASSERT_EQ(state.rules[0].kind, themes::AlertKind::SmallProgramme);
    ASSERT_EQ(state.rules[0].threshold, 50);
    const std::size_t at50 = CountOf(state, themes::AlertKind::SmallProgramme);
    state.rules[0].threshold = 20;
    state.rules_changed = true;
    UpdateAlerts(m_workspace, "2025", state);
    const std::size_t at20 = CountOf(state, themes::AlertKind::SmallProgramme);
    EXPECT_LT(at20, at50) << "fewer programmes are under 20 than under 50";
    state.rules[0].threshold = 100;
    state.rules_changed = true;
    UpdateAlerts(m_workspace, "2025", state);
    EXPECT_GT(CountOf(state, themes::AlertKind::SmallProgramme), at50);
    // Decline: a lower threshold finds at least as many municipalities, and more here.
    ASSERT_EQ(state.rules[1].kind, themes::AlertKind::FastDecline);
    const std::size_t decline10 = CountOf(state, themes::AlertKind::FastDecline);
    state.rules[1].threshold = 2;
    state.rules_changed = true;
    UpdateAlerts(m_workspace, "2025", state);
    EXPECT_GT(CountOf(state, themes::AlertKind::FastDecline), decline10);
    // Off: silent.
    state.rules[0].enabled = false;
    state.rules_changed = true;
    UpdateAlerts(m_workspace, "2025", state);
    EXPECT_EQ(CountOf(state, themes::AlertKind::SmallProgramme), 0u);
    EXPECT_EQ(state.inputs_builds, 1) << "an edit evaluates the rules again, not the tables";
}

TEST_F(Alerts, ClickSelectsTheRegionOnTheActiveLevelAndTheMapZoomsThere)
{
    if (!Start(false))
        return;
    ASSERT_EQ(m_workspace.ActiveLayer()->name, "gemeente");
    AlertsState state;
    UpdateAlerts(m_workspace, "2025", state);
    const themes::AlertHit* small = nullptr;
    for (const themes::AlertHit& h : state.hits)
        if (h.kind == themes::AlertKind::SmallProgramme && !small)
            small = &h;
    ASSERT_NE(small, nullptr);
    const Enrolment enrolment = ReadEnrolment();
    const std::string municipality = enrolment.municipality.at(small->brin);
    EXPECT_EQ(SelectAlertHit(m_workspace, *small), std::vector<std::string>{municipality});
    EXPECT_EQ(m_workspace.GetSelection().Codes(), std::set<std::string>{municipality});
    // Its line, from parts: no catalogue is loaded here, so the code stands for the programme.
    const std::string name =
        m_workspace.ActiveLayer()->features[std::size_t(m_workspace.ActiveLayer()->FindByCode(municipality))].name;
    const long students = enrolment.students_2025.at({small->brin, small->crebo});
    ASSERT_LT(students, 1000) << "written without a thousands separator below";
    EXPECT_EQ(AlertHitText(*small, state, m_workspace, Language::Dutch),
              "Kleine opleiding: " + small->crebo + " bij " + small->brin + " (" + name + "): " + std::to_string(students) +
                  " studenten < 50");

    // The map fits the region (with its surroundings): zoomed in from the whole country, the
    // region inside the view.
    MapPanel& map = *m_session->GetDashboard().Map();
    m_headless.Frame();
    const double whole = map.Camera().UnitsPerPixel();
    map.RequestFitTo({municipality});
    m_headless.Frame();
    const core::MapCamera& camera = map.Camera();
    EXPECT_LT(camera.UnitsPerPixel(), whole * 0.5);
    const core::Box2d& b = m_workspace.ActiveLayer()->features[std::size_t(m_workspace.ActiveLayer()->FindByCode(municipality))].bounds;
    for (const core::Vec2d corner : {core::Vec2d{b.min_x, b.min_y}, core::Vec2d{b.max_x, b.max_y}}) {
        const core::Vec2d p = camera.WorldToScreen(corner);
        EXPECT_TRUE(p.x >= 0 && p.x <= camera.ViewportWidth() && p.y >= 0 && p.y <= camera.ViewportHeight())
            << p.x << "," << p.y;
    }

    // Province map: the same hit selects the province the municipality lies in.
    const core::RegionLayer& gemeente = *m_workspace.ActiveLayer();
    const std::string* province = gemeente.features[std::size_t(gemeente.FindByCode(municipality))].Parent("provincie");
    ASSERT_NE(province, nullptr);
    SetLevel("provincie");
    EXPECT_EQ(SelectAlertHit(m_workspace, *small), std::vector<std::string>{*province});
    EXPECT_EQ(m_workspace.GetSelection().Codes(), std::set<std::string>{*province});

    // A labour-market region's hit on the municipality map selects its municipalities.
    SetLevel("gemeente");
    state.rules = {{themes::AlertKind::VacancyGrowth, true, "", -100, 0}}; // any known change
    state.rules_changed = true;
    UpdateAlerts(m_workspace, "2025", state);
    const themes::AlertHit* am01 = nullptr;
    for (const themes::AlertHit& h : state.hits)
        if (h.region == "AM01")
            am01 = &h;
    ASSERT_NE(am01, nullptr);
    std::vector<std::string> members;
    for (const core::RegionFeature& f : m_workspace.ActiveLayer()->features)
        if (const std::string* parent = f.Parent("arbeidsmarktregio"); parent && *parent == "AM01")
            members.push_back(f.code);
    std::sort(members.begin(), members.end());
    ASSERT_GT(members.size(), 1u);
    EXPECT_EQ(SelectAlertHit(m_workspace, *am01), members);
}

// The rules live in the session (a view stores them there): the dashboard's card takes them,
// so its tab counts what they find.
TEST_F(Alerts, TheCardFollowsTheSessionsRules)
{
    if (!Start(false))
        return;
    std::vector<themes::AlertRule> rules = themes::DefaultAlertRules();
    for (themes::AlertRule& rule : rules)
        rule.enabled = rule.kind == themes::AlertKind::SmallProgramme;
    m_session->Themes().SetAlertRules(rules);
    m_headless.Frame();
    m_headless.Frame();
    auto [bar, tab] = AlertsTab();
    ASSERT_NE(tab, nullptr);
    std::string label = bar->GetTabName(tab);
    EXPECT_EQ(label.substr(0, label.find("###")), "Aandachtspunten (1 regel)");
    for (themes::AlertRule& rule : rules)
        rule.enabled = false;
    m_session->Themes().SetAlertRules(rules);
    m_headless.Frame();
    m_headless.Frame();
    std::tie(bar, tab) = AlertsTab();
    ASSERT_NE(tab, nullptr);
    label = bar->GetTabName(tab);
    EXPECT_EQ(label.substr(0, label.find("###")), "Aandachtspunten");
}

// The alerts tab as a board member sees it: opening the programme theme at 1920x1080 and
// clicking the tab shows the list. Set VAKATLAS_ALERTS_PNG to a path to keep the picture.
TEST_F(Alerts, TheTabOpensOnAClick)
{
    if (!Start(true, {1920, 1080}))
        return;
    Choose(Theme::Programmes);
    auto [bar, tab] = AlertsTab();
    ASSERT_NE(tab, nullptr);
    const ImGuiID id = tab->ID;
    EXPECT_NE(bar->SelectedTabId, id) << "the chart is the first tab";
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(bar->BarRect.Min.x + tab->Offset + tab->Width * 0.5f, (bar->BarRect.Min.y + bar->BarRect.Max.y) * 0.5f);
    m_headless.Frame();
    io.MouseDown[0] = true;
    m_headless.Frame();
    io.MouseDown[0] = false;
    m_headless.Frame();
    io.MousePos = ImVec2(5, 5); // no hover tint in the picture
    m_headless.Frame();
    std::tie(bar, tab) = AlertsTab();
    ASSERT_NE(tab, nullptr);
    EXPECT_EQ(bar->SelectedTabId, id);
    if (const char* path = std::getenv("VAKATLAS_ALERTS_PNG"))
        io::WritePng(m_session->Frame().ReadPixels(), path);
}

} // namespace
} // namespace vak::ui
