// The three themes as presets of the same dashboard (domain.md): choosing one picks its table,
// level and map, and offers the theme's own options under the radio buttons.
//   Krimp             pupils per municipality, the change between two chosen years on a
//                     diverging map, the index chart and the ranking table
//   Opleidingsaanbod  the enrolment table; the map counts the distinct programmes offered per
//                     region (count-distinct of crebo in the aggregation core); with a programme
//                     chosen, the straight-line distance from each municipality to the nearest
//                     location offering it, the locations as symbols sized by students, and a
//                     scenario: close it at some locations and see who ends up too far away
//   Vacatures         vacancies per labour-market region, per 1,000 inhabitants when a
//                     population table is loaded (the legend says which inhabitants)
// Indicators outside the cross-filter are computed on a CPU engine of their own, so the
// dashboard's engine keeps its table, and only again when their inputs (period, level,
// options) change.
#pragma once

#include "core/aggregate/cpu_engine.hpp"
#include "core/dashboard/dashboard_model.hpp"
#include "core/themes/alerts.hpp"
#include "core/themes/programme_spread.hpp"
#include "core/themes/scenario.hpp"
#include "core/themes/theme_data.hpp"
#include "core/themes/vacancy_density.hpp"
#include "core/view_state.hpp"
#include "ui/charts/time_series_chart.hpp"

#include <limits>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>
#include <string_view>

namespace vak::ui {

struct PanelContext;

enum class Theme { Krimp, Programmes, Vacancies };
// "krimp", "opleidingsaanbod", "vacatures" (command line and view files) <-> Theme.
std::optional<Theme> ThemeFromName(std::string_view name);
const char* ThemeName(Theme theme);

class ThemeController {
public:
    ThemeController();

    // None until the user (or --theme, or a view) picks one: the default start is no preset.
    std::optional<Theme> Current() const { return m_chosen ? std::optional<Theme>(m_theme) : std::nullopt; }
    // Asks for the theme's preset; Update applies it (the table switch takes a frame or two).
    void Select(Theme theme) { m_requested = theme; }
    // A saved view's theme: the theme and its options without its preset (the view sets table,
    // period and change itself). No name: no theme.
    core::ThemeViewState Capture() const;
    void Restore(const core::ThemeViewState& state, core::Workspace& workspace);
    // Every frame, before the panels: applies a requested preset, finishes a pending one and
    // keeps the theme's map up to date.
    void Update(PanelContext& ctx);
    // The preset has been applied (its table loaded): for scripted runs and tests.
    bool Settled() const { return !m_requested && !m_pending; }

    // Opleidingsaanbod: the programme whose reachability is mapped (crebo; empty: none) and the
    // scenario on it (locations where it closes), as the controls set them.
    void ChooseProgramme(const std::string& crebo);
    const std::string& Programme() const { return m_programme.crebo; }
    void SetClosed(const std::string& location, bool closed);
    void SetThresholdKm(double km);
    // Vacatures: the map as counts, per 1,000 inhabitants, or as tension (vacancies per enrolled
    // mbo student of the matching sector chamber, `chamber`; empty: all chambers together).
    enum class VacancyMeasure { Count, PerThousand, PerStudent };
    void SetVacancyMeasure(VacancyMeasure measure, const std::string& chamber = {});
    // The sector chambers the vacancies relate to (the tension map's choices); empty without.
    std::vector<std::string> TensionChambers(const core::Workspace& workspace);
    // The overview (no programme chosen): sector chambers, levels and learning path that the
    // programmes-per-region map and the location symbols count (the search is not used).
    void SetProgrammeFilter(const core::themes::ProgrammeFilter& filter);
    const core::themes::ProgrammeFilter& ProgrammeFilterUsed() const { return m_programme.filter; }
    // Krimp against vacancy density, per region of the vacancies' level (arbeidsmarktregio):
    // the change in mbo students between the krimp years, and vacancies per 1,000 inhabitants
    // in the latest quarter. Empty when a table is missing (`problem` says which).
    struct KrimpVacancies {
        std::string level;      // layer name of the regions
        std::string from, to;   // the students' years
        std::string quarter;    // the vacancies' period
        std::string denominator; // "inwoners", or a working-age label
        std::map<std::string, core::RegionValue> change_percent, per_thousand;
        double national_change = std::numeric_limits<double>::quiet_NaN();
        double national_per_thousand = std::numeric_limits<double>::quiet_NaN();
        std::string problem;
    };
    const KrimpVacancies& KrimpAgainstVacancies(const core::Workspace& workspace, const core::DashboardModel& model);

    // The alert rules (ui/alerts_card edits and shows them; a view stores them): each change
    // bumps the version, so the card knows to take them again.
    const std::vector<core::themes::AlertRule>& AlertRules() const { return m_alert_rules; }
    std::uint64_t AlertRulesVersion() const { return m_alert_rules_version; }
    void SetAlertRules(std::vector<core::themes::AlertRule> rules);
    // Saves the current scenario (the programme closed at the chosen locations) under `name`;
    // nothing without a name or a closure.
    void SaveScenario(const std::string& name);
    // The named scenarios saved for the chosen programme, in the order saved.
    const std::vector<core::themes::Scenario>& SavedScenarios() const { return m_programme.saved; }

    // Krimp with a primary-school table loaded (themes::ThemeTables::primary): its pupils in the
    // selected regions together (none selected: all) as one more line of the time chart, over
    // the chart's periods (unknown where the table has no such year), named as the leading
    // indicator. Computed again only when the table, selection or level change.
    void AddLeadingIndicator(const core::Workspace& workspace, charts::TimeSeriesData& data);

    // The current scenario's result, once computed (after Update with a programme chosen).
    const core::themes::ScenarioResult* ScenarioOutcome() const
    {
        return m_programme.result ? &*m_programme.result : nullptr;
    }
    // The theme's own options, under the radio buttons.
    void DrawControls(PanelContext& ctx);

private:
    void Apply(Theme theme, PanelContext& ctx);
    const core::themes::ThemeInputs& Inputs(const core::Workspace& workspace);
    // The workspace index of the current theme's table (-1: none loaded).
    int TargetTable(const core::Workspace& workspace) const;
    // Vacancies of `quarter` per 1,000 inhabitants of its year, per region of `level`: the
    // Vacatures map and the krimp-against-vacancies card read the same tables the same way.
    // Throws InputError (theme_no_population) when a table or column is missing.
    core::themes::VacancyDensity VacancyDensityIn(const core::themes::ThemeInputs& in, const std::string& level,
                                                  const std::string& quarter);
    void FinishPreset(PanelContext& ctx);
    void UpdateDerivedMap(PanelContext& ctx);
    static void EnsureProgrammeTables(core::Workspace& workspace);
    void MakeTensionMap(PanelContext& ctx, const core::themes::ThemeInputs& in, const std::string& period,
                        core::DashboardModel::DerivedMap& map);
    bool TensionAvailable(const core::themes::ThemeInputs& in) const;
    void MakeReachabilityMap(PanelContext& ctx, const core::themes::ThemeInputs& in, const std::string& year,
                             core::DashboardModel::DerivedMap& map);
    void DrawProgrammeControls(PanelContext& ctx);
    void DrawProgrammeFilter(PanelContext& ctx);
    void AddLocationSymbols(const core::themes::ThemeInputs& in, const std::string& year,
                            core::DashboardModel::DerivedMap& map);

    Theme m_theme = Theme::Krimp;
    bool m_chosen = false;
    std::optional<Theme> m_requested;
    bool m_pending = false;
    int m_target_table = -1;
    core::agg::CpuEngine m_engine;
    std::optional<core::themes::ThemeInputs> m_inputs;
    std::uint64_t m_inputs_tables = 0; // workspace tables and layers version when m_inputs was built
    bool m_per_thousand = true;      // vacancies per 1,000 inhabitants instead of counts
    bool m_tension = false;          // vacancies per enrolled student (over m_per_thousand)
    std::string m_tension_chamber;   // empty: every chamber together
    std::string m_derived_key;       // what the theme's map was last computed for
    std::string m_problem;           // why the theme's map could not be made
    std::vector<core::themes::AlertRule> m_alert_rules = core::themes::DefaultAlertRules();
    std::uint64_t m_alert_rules_version = 0;
    KrimpVacancies m_krimp_vacancies;
    std::string m_leading_key;                  // what m_leading was computed for
    std::vector<double> m_leading;              // per chart period; charts::kUnknown where unknown
    std::string m_krimp_vacancies_key;

    struct ProgrammeState {
        char search[128] = {};
        core::themes::ProgrammeFilter filter; // the overview's chambers, levels, path
        bool show_locations = true;           // the overview's symbols: every location, by students
        std::string crebo;
        std::set<std::string> closed; // locations where the scenario closes it
        double threshold_km = 30;
        bool show_after = true;       // the map: after the scenario (true) or as it is
        char scenario_name[64] = {};
        std::vector<core::themes::Scenario> saved;
        std::vector<core::themes::ScenarioSummary> saved_summaries;
        std::string saved_key; // inputs of saved_summaries
        // computed for the year and programme
        std::vector<core::themes::Offer> offers;
        std::string offers_year;
        std::vector<core::themes::Origin> origins;
        std::map<std::string, core::RegionValue> people;
        std::optional<core::themes::ScenarioResult> result;
    } m_programme;
};

} // namespace vak::ui
