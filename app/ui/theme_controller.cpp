#include "ui/theme_controller.hpp"

#include "core/dashboard/dashboard_model.hpp"
#include "core/data/period.hpp"
#include "core/errors.hpp"
#include "core/text/number_format.hpp"
#include "core/text/region_codes.hpp"
#include "core/themes/programme_spread.hpp"
#include "core/themes/vacancy_density.hpp"
#include "core/workspace.hpp"
#include "io/demo_cache.hpp"
#include "io/workspace_loader.hpp"
#include "ui/density_overlay.hpp"
#include "ui/panels/panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace vak::ui {

namespace {

int PeriodIndexOf(const core::DashboardModel& model, const std::string& label)
{
    const auto& periods = model.Periods();
    const auto it = std::find(periods.begin(), periods.end(), label);
    return it == periods.end() ? -1 : static_cast<int>(it - periods.begin());
}

std::string CurrentPeriodLabel(const core::DashboardModel& model)
{
    const int i = model.PeriodIndex();
    return i >= 0 && i < static_cast<int>(model.Periods().size()) ? model.Periods()[static_cast<std::size_t>(i)]
                                                                   : std::string();
}

// The vacancies' sector chamber column (the chamber a vacancy relates to), -1 when none.
int VacancyChamberColumn(const core::themes::ThemeInputs& in)
{
    return in.vacancies.table ? in.vacancies.Column({"verwante_kamer", "kamer", "sectorkamer"}) : -1;
}

// The population table's quantity column ("maat": inhabitants, mbo students, ...), -1 when none.
int PopulationQuantityColumn(const core::themes::ThemeInputs& in)
{
    return in.population.table ? in.population.Column({"maat", "indicator", "onderwerp"}) : -1;
}

std::string DimensionName(const core::themes::LevelTable& table, int dim)
{
    return dim >= 0 ? table.table->dimensions[static_cast<std::size_t>(dim)].name : std::string();
}

} // namespace

std::optional<Theme> ThemeFromName(std::string_view name)
{
    for (Theme theme : {Theme::Krimp, Theme::Programmes, Theme::Vacancies})
        if (name == ThemeName(theme))
            return theme;
    return std::nullopt;
}

const char* ThemeName(Theme theme)
{
    switch (theme) {
    case Theme::Krimp:
        return "krimp";
    case Theme::Programmes:
        return "opleidingsaanbod";
    case Theme::Vacancies:
        return "vacatures";
    }
    return "";
}

// One thread: theme indicators are computed once per change of their inputs, not per frame,
// and must not compete with the dashboard's engine for the cores.
ThemeController::ThemeController() : m_engine(core::agg::CpuEngineOptions{.threads = 1}) {}

const core::themes::ThemeInputs& ThemeController::Inputs(const core::Workspace& workspace)
{
    const std::uint64_t version = workspace.Tables().size() * 1000003u + workspace.LayersVersion();
    if (!m_inputs || m_inputs_tables != version) {
        m_inputs = core::themes::BuildThemeInputs(workspace);
        m_inputs_tables = version;
    }
    return *m_inputs;
}

int ThemeController::TargetTable(const core::Workspace& workspace) const
{
    const core::themes::ThemeTables tables = core::themes::FindThemeTables(workspace);
    switch (m_theme) {
    case Theme::Krimp:
        return tables.population;
    case Theme::Programmes:
        return tables.enrolment;
    case Theme::Vacancies:
        return tables.vacancies;
    }
    return -1;
}

void ThemeController::Apply(Theme theme, PanelContext& ctx)
{
    m_theme = theme;
    m_chosen = true;
    if (ctx.density && theme != Theme::Vacancies)
        ctx.density->SetEnabled(false); // the vacancy points belong to that theme
    m_problem.clear();
    m_derived_key.clear();
    ctx.model.ClearDerivedMap();
    ctx.model.ClearChange();
    if (theme == Theme::Programmes)
        EnsureProgrammeTables(ctx.workspace);
    m_target_table = TargetTable(ctx.workspace);
    if (m_target_table < 0) {
        m_problem = Tr(TextId::theme_no_table);
        m_pending = false;
        return;
    }
    ctx.model.SelectTable(m_target_table);
    m_pending = true; // the model loads the table in its next Update
}

void ThemeController::FinishPreset(PanelContext& ctx)
{
    core::DashboardModel& model = ctx.model;
    m_pending = false;
    if (m_theme == Theme::Krimp) {
        // mbo students (not all inhabitants) when the table has them, and the change over the
        // decade the users plan for: 2015 to 2030 where the data reaches, else first to last.
        if (model.QuantityDimension() >= 0) {
            const auto& labels = model.Table()->dimensions[static_cast<std::size_t>(model.QuantityDimension())].labels;
            for (std::size_t c = 0; c < labels.size(); ++c)
                if (labels[c] == "mbo_studenten")
                    model.SelectQuantity(static_cast<int>(c));
        }
        const int last = static_cast<int>(model.Periods().size()) - 1;
        int from = PeriodIndexOf(model, "2015");
        int to = PeriodIndexOf(model, "2030");
        if (from < 0)
            from = 0;
        if (to <= from)
            to = last;
        if (to > from)
            model.SetChange(from, to);
    }
}

void ThemeController::UpdateDerivedMap(PanelContext& ctx)
{
    core::DashboardModel& model = ctx.model;
    const core::RegionLayer* layer = ctx.workspace.ActiveLayer();
    const std::string period = CurrentPeriodLabel(model);
    if (!layer || period.empty())
        return;
    const bool wants_map = m_theme == Theme::Programmes || (m_theme == Theme::Vacancies && (m_per_thousand || m_tension));
    std::string key = std::to_string(static_cast<int>(m_theme)) + "|" + period + "|" + layer->name + "|" +
                      std::to_string(wants_map) + "|" + std::to_string(static_cast<int>(ctx.settings.language));
    if (m_theme == Theme::Vacancies && m_tension) // tables loaded since (the catalogue) count too
        key += "|tension|" + m_tension_chamber + "|" + std::to_string(ctx.workspace.Tables().size());
    if (m_theme == Theme::Programmes) {
        const core::themes::ProgrammeFilter& f = m_programme.filter;
        key += "|f" + std::to_string(static_cast<int>(f.path)) + std::to_string(m_programme.show_locations);
        for (int level : f.levels)
            key += "," + std::to_string(level);
        for (const std::string& chamber : f.chambers)
            key += ";" + chamber;
    }
    if (m_theme == Theme::Programmes && !m_programme.crebo.empty()) {
        key += "|" + m_programme.crebo + "|" + std::to_string(m_programme.threshold_km) + "|" +
               std::to_string(m_programme.show_after);
        for (const std::string& closed : m_programme.closed)
            key += "|" + closed;
    }
    if (key == m_derived_key)
        return;
    m_derived_key = key;
    m_problem.clear();
    if (!wants_map) {
        model.ClearDerivedMap();
        return;
    }
    try {
        const core::themes::ThemeInputs& in = Inputs(ctx.workspace);
        core::DashboardModel::DerivedMap map;
        char title[256];
        if (m_theme == Theme::Programmes && !m_programme.crebo.empty()) {
            MakeReachabilityMap(ctx, in, period, map);
        } else if (m_theme == Theme::Programmes) {
            if (!in.enrolment.table)
                throw core::InputError(Tr(TextId::theme_no_table));
            // The active level when the enrolment reaches it, else where the locations lie.
            const auto& levels = in.enrolment.levels;
            map.level = std::find(levels.begin(), levels.end(), layer->name) != levels.end() ? layer->name : levels.front();
            map.values = core::themes::DistinctProgrammesPerRegion(m_engine, in.enrolment, map.level, period,
                                                                    m_programme.filter, in.catalogue);
            // The enrolment covers every institution: a region with no location offers none,
            // a known 0, not a gap in the data.
            if (layer->name == map.level)
                for (const core::RegionFeature& f : layer->features)
                    map.values.try_emplace(f.code, core::RegionValue{0.0, core::agg::GroupState::Known, 0});
            std::snprintf(title, sizeof title, Tr(TextId::theme_programmes_title), PeriodText(model, model.PeriodIndex(), ctx.settings.language).c_str());
            // The filter in the title, so that a screenshot says what was counted.
            std::string filtered;
            const core::themes::ProgrammeFilter& f = m_programme.filter;
            for (const std::string& chamber : f.chambers)
                filtered += (filtered.empty() ? "" : ", ") + chamber;
            if (!f.levels.empty()) {
                filtered += std::string(filtered.empty() ? "" : " \xC2\xB7 ") + Tr(TextId::theme_filter_level);
                for (int level : f.levels)
                    filtered += " " + std::to_string(level);
            }
            if (f.path != core::themes::LearningPath::Any)
                filtered += std::string(filtered.empty() ? "" : " \xC2\xB7 ") + core::themes::LearningPathName(f.path);
            if (!filtered.empty())
                std::snprintf(title + std::strlen(title), sizeof title - std::strlen(title), " (%s)", filtered.c_str());
            if (m_programme.show_locations)
                AddLocationSymbols(in, period, map);
            map.source = in.enrolment.table->provenance.source.empty() ? in.enrolment.table->name
                                                                        : in.enrolment.table->provenance.source;
        } else if (m_tension) {
            MakeTensionMap(ctx, in, period, map);
        } else {
            if (!in.vacancies.table)
                throw core::InputError(Tr(TextId::theme_no_population));
            const auto& levels = in.vacancies.levels;
            map.level = std::find(levels.begin(), levels.end(), layer->name) != levels.end() ? layer->name : levels.front();
            const core::themes::VacancyDensity density = VacancyDensityIn(in, map.level, period);
            for (const core::themes::RegionDensity& r : density.regions)
                map.values[r.region] = r.per_thousand;
            map.decimals = 1;
            std::snprintf(title, sizeof title, Tr(TextId::theme_per_thousand_title), density.denominator.label.c_str(),
                          PeriodText(model, model.PeriodIndex(), ctx.settings.language).c_str());
            map.source = (in.vacancies.table->provenance.source.empty() ? in.vacancies.table->name
                                                                         : in.vacancies.table->provenance.source);
        }
        if (map.title.empty())
            map.title = title;
        model.ShowDerivedMap(std::move(map));
    } catch (const std::exception& e) {
        m_problem = e.what();
        model.ClearDerivedMap();
    }
}

void ThemeController::EnsureProgrammeTables(core::Workspace& workspace)
{
    // The demo's locations and programme catalogue are loaded when the theme first needs them,
    // so the default start stays as light as it was.
    const core::themes::ThemeTables tables = core::themes::FindThemeTables(workspace);
    if (!workspace.IsDemo() || (tables.locations >= 0 && tables.catalogue >= 0))
        return;
    core::TableFileOptions options;
    options.files = io::DemoThemeTables();
    io::LoadDataFiles(options, workspace);
}

core::ThemeViewState ThemeController::Capture() const
{
    core::ThemeViewState state;
    // The rules belong to every view, a theme chosen or not.
    if (m_alert_rules != core::themes::DefaultAlertRules())
        state.alert_rules = m_alert_rules;
    if (!m_chosen)
        return state;
    state.scenarios = m_programme.saved;
    state.name = ThemeName(m_theme);
    state.programme = m_programme.crebo;
    state.closed_locations.assign(m_programme.closed.begin(), m_programme.closed.end());
    state.threshold_km = m_programme.threshold_km;
    state.per_thousand = m_per_thousand;
    state.tension = m_tension;
    state.tension_chamber = m_tension_chamber;
    const core::themes::ProgrammeFilter& f = m_programme.filter;
    state.filter_chambers.assign(f.chambers.begin(), f.chambers.end());
    state.filter_levels.assign(f.levels.begin(), f.levels.end());
    state.filter_path = core::themes::LearningPathName(f.path);
    return state;
}

void ThemeController::Restore(const core::ThemeViewState& state, core::Workspace& workspace)
{
    m_requested.reset();
    m_pending = false;
    m_derived_key.clear();
    m_problem.clear();
    const std::optional<Theme> theme = ThemeFromName(state.name);
    m_chosen = theme.has_value();
    m_theme = theme.value_or(Theme::Krimp);
    m_target_table = -1;
    if (m_chosen) {
        if (m_theme == Theme::Programmes)
            EnsureProgrammeTables(workspace);
        m_target_table = TargetTable(workspace);
    }
    ChooseProgramme(state.programme);
    m_programme.saved = state.scenarios;
    m_programme.saved_summaries.clear();
    m_programme.saved_key.clear();
    SetAlertRules(state.alert_rules.value_or(core::themes::DefaultAlertRules()));
    m_programme.closed = {state.closed_locations.begin(), state.closed_locations.end()};
    m_programme.threshold_km = state.threshold_km;
    m_per_thousand = state.per_thousand;
    m_tension = state.tension;
    m_tension_chamber = state.tension_chamber;
    if (m_tension && m_theme == Theme::Vacancies)
        EnsureProgrammeTables(workspace); // the catalogue folds programmes into chambers
    core::themes::ProgrammeFilter filter;
    filter.chambers = {state.filter_chambers.begin(), state.filter_chambers.end()};
    filter.levels = {state.filter_levels.begin(), state.filter_levels.end()};
    filter.path = core::themes::ParseLearningPath(state.filter_path);
    SetProgrammeFilter(filter);
}

void ThemeController::SaveScenario(const std::string& name)
{
    ProgrammeState& p = m_programme;
    if (name.empty() || p.crebo.empty() || p.closed.empty())
        return;
    core::themes::Scenario scenario;
    scenario.name = name;
    for (const std::string& location : p.closed)
        scenario.edits.push_back({core::themes::ScenarioEdit::Kind::Close, p.crebo, location, {}});
    p.saved.push_back(std::move(scenario));
    m_derived_key.clear(); // compared again
}

void ThemeController::SetProgrammeFilter(const core::themes::ProgrammeFilter& filter)
{
    m_programme.filter = filter;
    m_programme.filter.search.clear(); // the search picks a programme, it filters nothing here
}

void ThemeController::AddLocationSymbols(const core::themes::ThemeInputs& in, const std::string& year,
                                         core::DashboardModel::DerivedMap& map)
{
    namespace th = core::themes;
    if (in.locations.empty())
        return; // no locations table: the map without symbols
    const std::map<std::string, core::RegionValue> students =
        th::StudentsPerLocation(m_engine, in.enrolment, year, m_programme.filter, in.catalogue);
    // Sized by the known students; a location with only "<5" parts is drawn at the smallest size.
    for (const th::Location& location : in.locations)
        if (const auto it = students.find(location.code); it != students.end())
            map.symbols.push_back({location.position, it->second.value, location.name, false});
}

void ThemeController::SetVacancyMeasure(VacancyMeasure measure, const std::string& chamber)
{
    m_per_thousand = measure == VacancyMeasure::PerThousand;
    m_tension = measure == VacancyMeasure::PerStudent;
    m_tension_chamber = m_tension ? chamber : std::string();
    m_derived_key.clear();
}

bool ThemeController::TensionAvailable(const core::themes::ThemeInputs& in) const
{
    // Vacancies with the sector chamber they relate to, and an enrolment to count students in.
    return in.vacancies.table && VacancyChamberColumn(in) >= 0 &&
           in.enrolment.table && !in.vacancies.levels.empty();
}

void ThemeController::MakeTensionMap(PanelContext& ctx, const core::themes::ThemeInputs& in, const std::string& period,
                                     core::DashboardModel::DerivedMap& map)
{
    namespace th = core::themes;
    if (!TensionAvailable(in) || in.catalogue.empty())
        throw core::InputError(Tr(TextId::theme_tension_absent));
    const core::RegionLayer* layer = ctx.workspace.ActiveLayer();
    const auto& levels = in.vacancies.levels;
    map.level = layer && std::find(levels.begin(), levels.end(), layer->name) != levels.end() ? layer->name : levels.front();
    if (in.enrolment.Level(map.level) < 0)
        throw core::InputError(Tr(TextId::theme_tension_absent));
    // Students of the quarter's year, or of the enrolment's latest year before it.
    const std::optional<core::Period> quarter = core::ParsePeriod(period);
    const auto& years = in.enrolment.table->dimensions[static_cast<std::size_t>(in.enrolment.Period())].labels;
    std::string year;
    for (const std::string& y : years)
        if (quarter && std::atoi(y.c_str()) <= quarter->year && y > year)
            year = y;
    if (year.empty())
        throw core::InputError(Tr(TextId::theme_tension_absent));
    const int chamber_column = VacancyChamberColumn(in);
    const th::RegionTable vacancies =
        th::SumPerRegionAndColumn(m_engine, in.vacancies, map.level, DimensionName(in.vacancies, chamber_column),
                                  {{DimensionName(in.vacancies, in.vacancies.Period()), period}});
    const th::RegionTable students = th::StudentsPerRegionAndChamber(m_engine, in.enrolment, map.level, year, in.catalogue);
    map.values = th::TensionPerRegion(th::ComputeTension(vacancies, students), m_tension_chamber);
    map.decimals = 2;
    char title[384];
    std::snprintf(title, sizeof title, Tr(TextId::theme_tension_title),
                  m_tension_chamber.empty() ? Tr(TextId::theme_tension_all_chambers) : m_tension_chamber.c_str(),
                  PeriodText(ctx.model, ctx.model.PeriodIndex(), ctx.settings.language).c_str(), year.c_str());
    map.title = title;
    const auto source = [](const th::LevelTable& t) {
        return t.table->provenance.source.empty() ? t.table->name : t.table->provenance.source;
    };
    map.source = source(in.vacancies) == source(in.enrolment) ? source(in.vacancies)
                                                               : source(in.vacancies) + " \xC2\xB7 " + source(in.enrolment);
}

core::themes::VacancyDensity ThemeController::VacancyDensityIn(const core::themes::ThemeInputs& in,
                                                               const std::string& level, const std::string& quarter)
{
    namespace th = core::themes;
    if (!in.vacancies.table || !in.population.table || !in.municipalities)
        throw core::InputError(Tr(TextId::theme_no_population));
    const std::optional<core::Period> p = core::ParsePeriod(quarter);
    const int quantity = PopulationQuantityColumn(in);
    if (!p || quantity < 0 || in.population.Period() < 0 || in.vacancies.Period() < 0)
        throw core::InputError(Tr(TextId::theme_no_population));
    const th::Denominator denominator =
        th::ChooseDenominator(in.population.table->dimensions[static_cast<std::size_t>(quantity)].labels);
    if (denominator.label.empty())
        throw core::InputError(Tr(TextId::theme_no_population));
    const std::map<std::string, core::RegionValue> vacancies =
        th::SumPerRegion(m_engine, in.vacancies, level, {{DimensionName(in.vacancies, in.vacancies.Period()), quarter}});
    // Inhabitants in the quarter's year, counted per municipality and summed up to `level`.
    const std::map<std::string, core::RegionValue> population = th::SumPerRegion(
        m_engine, in.population, in.municipalities->name,
        {{DimensionName(in.population, quantity), denominator.label},
         {DimensionName(in.population, in.population.Period()), std::to_string(p->year)}});
    return th::ComputeVacancyDensity(vacancies, population, *in.municipalities, level, denominator);
}

std::vector<std::string> ThemeController::TensionChambers(const core::Workspace& workspace)
{
    // The chambers vacancies relate to, and those the controls offer (the catalogue's, when
    // loaded): a view may name either.
    const core::themes::ThemeInputs& in = Inputs(workspace);
    const int column = VacancyChamberColumn(in);
    if (column < 0)
        return {};
    std::set<std::string> chambers;
    for (const std::string& label : in.vacancies.table->dimensions[static_cast<std::size_t>(column)].labels)
        if (!label.empty())
            chambers.insert(label);
    for (const core::themes::Programme& programme : in.catalogue)
        if (!programme.chamber.empty())
            chambers.insert(programme.chamber);
    return {chambers.begin(), chambers.end()};
}

void ThemeController::SetAlertRules(std::vector<core::themes::AlertRule> rules)
{
    m_alert_rules = std::move(rules);
    ++m_alert_rules_version;
}

void ThemeController::ChooseProgramme(const std::string& crebo)
{
    if (crebo == m_programme.crebo)
        return;
    m_programme.crebo = crebo;
    m_programme.closed.clear();
    m_programme.result.reset();
    m_programme.saved.clear();
    m_programme.saved_summaries.clear();
    m_programme.saved_key.clear();
}

void ThemeController::SetClosed(const std::string& location, bool closed)
{
    if (closed)
        m_programme.closed.insert(location);
    else
        m_programme.closed.erase(location);
}

void ThemeController::SetThresholdKm(double km)
{
    m_programme.threshold_km = std::max(1.0, km);
}

void ThemeController::MakeReachabilityMap(PanelContext& ctx, const core::themes::ThemeInputs& in,
                                          const std::string& year, core::DashboardModel::DerivedMap& map)
{
    namespace th = core::themes;
    ProgrammeState& p = m_programme;
    if (!in.enrolment.table || in.locations.empty())
        throw core::InputError(Tr(TextId::theme_no_locations));
    if (!in.municipalities)
        throw core::InputError(Tr(TextId::theme_no_population));
    if (p.offers_year != year) {
        p.offers = th::ReadOffers(m_engine, in.enrolment, year);
        p.offers_year = year;
        // People living in each municipality: the year's mbo students, the group whose way to
        // school a closure lengthens.
        p.people.clear();
        const int quantity = PopulationQuantityColumn(in);
        if (quantity >= 0)
            p.people = th::SumPerRegion(m_engine, in.population, in.municipalities->name,
                                        {{DimensionName(in.population, quantity), "mbo_studenten"},
                                         {DimensionName(in.population, in.population.Period()), year}});
    }
    if (p.origins.empty())
        p.origins = ctx.workspace.IsDemo() ? io::DemoMunicipalityOrigins() : th::OriginsOf(*in.municipalities);

    th::Scenario scenario;
    scenario.name = p.scenario_name;
    for (const std::string& location : p.closed)
        scenario.edits.push_back({th::ScenarioEdit::Kind::Close, p.crebo, location, {}});
    th::ScenarioOptions options;
    options.choice.crebos = {p.crebo};
    options.threshold_km = p.threshold_km;
    p.result = th::EvaluateScenario(p.origins, in.locations, p.offers, in.catalogue, p.people, scenario, options);

    map.level = in.municipalities->name;
    for (const th::ReachChange& change : p.result->municipalities) {
        const th::Reach& reach = p.show_after ? change.after : change.before;
        if (reach.reachable)
            map.values[reach.code] = core::RegionValue{reach.km, core::agg::GroupState::Known, 0};
    }
    map.decimals = 1;
    // Fixed km bands (the same on every map, so before and after compare) up to the farthest;
    // the last band keeps a width of its own when nobody lives beyond the last fixed edge (equal
    // edges are refused as manual classes, and the map would fall back to quantiles).
    double farthest = 0;
    for (const auto& [code, value] : map.values)
        farthest = std::max(farthest, value.value);
    map.class_edges = {0};
    for (double km : options.classes.upper_km)
        map.class_edges.push_back(km);
    map.class_edges.push_back(std::max(std::ceil(farthest), map.class_edges.back() + 10));
    map.palette = core::PaletteId::YlOrRd;
    map.no_data_label = Tr(TextId::theme_no_location_left);

    // The locations offering it, sized by their students; closed ones crossed out.
    std::map<std::string, double> students;
    for (const th::Offer& offer : p.offers)
        if (offer.crebo == p.crebo)
            students[offer.location] += offer.students.state == core::agg::GroupState::Known ? offer.students.value : 0.0;
    for (const th::Location& location : in.locations)
        if (const auto it = students.find(location.code); it != students.end())
            map.symbols.push_back({location.position, it->second, location.name, p.closed.count(location.code) > 0});

    std::string name = p.crebo;
    for (const th::Programme& programme : in.catalogue)
        if (programme.crebo == p.crebo)
            name += " " + programme.name;
    char title[384];
    std::snprintf(title, sizeof title, Tr(p.show_after && !p.closed.empty() ? TextId::theme_reach_title_after : TextId::theme_reach_title),
                  name.c_str(), PeriodText(ctx.model, ctx.model.PeriodIndex(), ctx.settings.language).c_str());
    map.title = title;
    map.source = in.enrolment.table->provenance.source.empty() ? in.enrolment.table->name : in.enrolment.table->provenance.source;

    // Saved scenarios compared under the same threshold and year.
    const std::string saved_key = year + "|" + std::to_string(p.threshold_km) + "|" + std::to_string(p.saved.size());
    if (saved_key != p.saved_key) {
        p.saved_summaries = th::CompareScenarios(p.origins, in.locations, p.offers, in.catalogue, p.people, p.saved, options);
        p.saved_key = saved_key;
    }
}

const ThemeController::KrimpVacancies& ThemeController::KrimpAgainstVacancies(const core::Workspace& workspace, const core::DashboardModel& model)
{
    namespace th = core::themes;
    const th::ThemeInputs& in = Inputs(workspace);
    KrimpVacancies& out = m_krimp_vacancies;
    const std::string key = std::to_string(m_inputs_tables) + "|" + CurrentPeriodLabel(model);
    if (key == m_krimp_vacancies_key)
        return out;
    m_krimp_vacancies_key = key;
    out = {};
    try {
        if (!in.vacancies.table || !in.population.table || !in.municipalities)
            throw core::InputError(Tr(TextId::theme_no_population));
        const int quantity = PopulationQuantityColumn(in);
        const int population_period = in.population.Period();
        const int vacancy_period = in.vacancies.Period();
        if (quantity < 0 || population_period < 0 || vacancy_period < 0)
            throw core::InputError(Tr(TextId::theme_no_population));
        out.level = in.vacancies.levels.front();
        // The vacancies' latest quarter (the one on the map when the vacancy table is shown).
        const auto& quarters = in.vacancies.table->dimensions[static_cast<std::size_t>(vacancy_period)].labels;
        out.quarter = model.Table() == nullptr || PeriodIndexOf(model, CurrentPeriodLabel(model)) < 0 ||
                              std::find(quarters.begin(), quarters.end(), CurrentPeriodLabel(model)) == quarters.end()
                          ? *std::max_element(quarters.begin(), quarters.end())
                          : CurrentPeriodLabel(model);
        const std::optional<core::Period> q = core::ParsePeriod(out.quarter);
        if (!q)
            throw core::InputError(Tr(TextId::theme_no_population));
        // Students from 2015 (or the first year) to the vacancies' year: the same decade the
        // krimp map shows, ending where the vacancies are counted.
        const auto& years = in.population.table->dimensions[static_cast<std::size_t>(population_period)].labels;
        out.to = std::to_string(q->year);
        out.from = std::find(years.begin(), years.end(), "2015") != years.end() ? "2015" : *std::min_element(years.begin(), years.end());
        const std::string quantity_name = DimensionName(in.population, quantity);
        const std::string year_name = DimensionName(in.population, population_period);
        const auto students = [&](const std::string& year) {
            return th::SumPerRegion(m_engine, in.population, out.level, {{quantity_name, "mbo_studenten"}, {year_name, year}});
        };
        const std::map<std::string, core::RegionValue> a = students(out.from), b = students(out.to);
        double total_a = 0, total_b = 0;
        for (const auto& [region, start] : a) {
            const auto it = b.find(region);
            if (it == b.end())
                continue;
            out.change_percent[region] = core::ChangePercent(start, it->second);
            if (start.state == core::agg::GroupState::Known && it->second.state == core::agg::GroupState::Known) {
                total_a += start.value;
                total_b += it->second.value;
            }
        }
        if (total_a > 0)
            out.national_change = (total_b - total_a) / total_a * 100.0;
        const th::VacancyDensity density = VacancyDensityIn(in, out.level, out.quarter);
        out.denominator = density.denominator.label;
        double total_vacancies = 0, total_people = 0;
        for (const th::RegionDensity& r : density.regions) {
            out.per_thousand[r.region] = r.per_thousand;
            if (r.per_thousand.state == core::agg::GroupState::Known) {
                total_vacancies += r.vacancies.value;
                total_people += r.population.value;
            }
        }
        if (total_people > 0)
            out.national_per_thousand = total_vacancies / total_people * 1000.0;
    } catch (const std::exception& e) {
        out.problem = e.what();
    }
    return out;
}

void ThemeController::AddLeadingIndicator(const core::Workspace& workspace, charts::TimeSeriesData& data)
{
    namespace th = core::themes;
    if (!m_chosen || m_theme != Theme::Krimp || data.periods.empty())
        return;
    const th::ThemeInputs& in = Inputs(workspace);
    if (!in.primary.table || in.primary.Period() < 0 || in.primary.levels.empty())
        return;
    const core::RegionLayer* layer = workspace.ActiveLayer();
    // The selected regions where the table reaches the active level, else the whole country.
    const auto& levels = in.primary.levels;
    const bool at_level = layer && std::find(levels.begin(), levels.end(), layer->name) != levels.end();
    const std::set<std::string>& selected = workspace.GetSelection().Codes();
    std::string key = std::to_string(m_inputs_tables) + "|" + (at_level ? layer->name : std::string("-"));
    for (const core::Period& p : data.periods)
        key += "|" + std::to_string(p.year) + "." + std::to_string(p.quarter);
    if (at_level)
        for (const std::string& code : selected)
            key += ";" + code;
    if (key != m_leading_key) {
        m_leading_key = key;
        m_leading.assign(data.periods.size(), charts::kUnknown);
        try {
            const std::string level = at_level ? layer->name : levels.front();
            const th::RegionTable table = th::SumPerRegionAndPeriod(m_engine, in.primary, level, {});
            // Per period label: the sum over the regions counted, known when any part is.
            std::map<std::string, double> sums;
            for (const auto& [region, per_period] : table) {
                if (at_level && !selected.empty() && !selected.count(region))
                    continue;
                for (const auto& [period, value] : per_period)
                    if (value.state == core::agg::GroupState::Known)
                        sums[period] += value.value;
            }
            for (std::size_t i = 0; i < data.periods.size(); ++i)
                if (data.periods[i].quarter == 0)
                    if (const auto it = sums.find(std::to_string(data.periods[i].year)); it != sums.end())
                        m_leading[i] = it->second;
        } catch (const std::exception&) {
            m_leading.assign(data.periods.size(), charts::kUnknown); // no line rather than a wrong one
        }
    }
    if (std::all_of(m_leading.begin(), m_leading.end(), [](double v) { return std::isnan(v); }))
        return;
    charts::TimeSeries line;
    line.name = Tr(at_level && !selected.empty() ? TextId::theme_leading_selected : TextId::theme_leading_all);
    line.values = m_leading;
    data.series.push_back(std::move(line));
}

void ThemeController::Update(PanelContext& ctx)
{
    if (m_requested) {
        Apply(*m_requested, ctx);
        m_requested.reset();
    }
    if (m_pending && ctx.model.TableIndex() == m_target_table && ctx.model.HasData())
        FinishPreset(ctx);
    if (!m_pending && m_target_table >= 0)
        UpdateDerivedMap(ctx);
}

void ThemeController::DrawProgrammeControls(PanelContext& ctx)
{
    namespace th = core::themes;
    ProgrammeState& p = m_programme;
    const th::ThemeInputs& in = Inputs(ctx.workspace);
    const core::NumberLocale locale =
        ctx.settings.language == Language::Dutch ? core::NumberLocale::Dutch : core::NumberLocale::English;
    ImGui::TextUnformatted(Tr(TextId::theme_reach_search));
    ImGui::SetNextItemWidth(-1.0f);
    ImGui::InputTextWithHint("##programme_search", Tr(TextId::theme_reach_search_hint), p.search, sizeof p.search);
    if (p.search[0] != '\0') {
        th::ProgrammeFilter filter;
        filter.search = p.search;
        int shown = 0;
        for (const th::Programme& programme : in.catalogue) {
            if (!th::Matches(programme, filter))
                continue;
            if (++shown > 8) {
                ImGui::TextDisabled("%s", Tr(TextId::theme_reach_more));
                break;
            }
            const std::string label = programme.crebo + "  " + programme.name;
            if (ImGui::Selectable(label.c_str(), programme.crebo == p.crebo)) {
                ChooseProgramme(programme.crebo);
                p.search[0] = '\0';
                // Distances run from municipalities: show their level.
                if (in.municipalities)
                    for (std::size_t i = 0; i < ctx.workspace.Layers().size(); ++i)
                        if (ctx.workspace.Layers()[i]->name == in.municipalities->name)
                            ctx.workspace.SetActiveLayer(static_cast<int>(i));
            }
        }
        if (shown == 0)
            ImGui::TextDisabled("%s", Tr(TextId::theme_reach_none_found));
    }
    if (p.crebo.empty()) {
        DrawProgrammeFilter(ctx);
        return;
    }
    std::string name = p.crebo;
    for (const th::Programme& programme : in.catalogue)
        if (programme.crebo == p.crebo)
            name += " " + programme.name;
    if (ImGui::SmallButton((name + "  \xC3\x97##programme").c_str()))
        ChooseProgramme({});
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", Tr(TextId::filters_remove_hint));
    if (p.crebo.empty())
        return;

    // The scenario: where the programme closes, and what that does.
    ImGui::Spacing();
    ImGui::TextUnformatted(Tr(TextId::theme_scenario_locations));
    std::map<std::string, double> students;
    for (const th::Offer& offer : p.offers)
        if (offer.crebo == p.crebo)
            students[offer.location] += offer.students.state == core::agg::GroupState::Known ? offer.students.value : 0.0;
    for (const th::Location& location : in.locations) {
        const auto it = students.find(location.code);
        if (it == students.end())
            continue;
        bool open = p.closed.count(location.code) == 0;
        const std::string label = location.name + " (" + core::FormatNumber(it->second, 0, locale) + ")##" + location.code;
        if (ImGui::Checkbox(label.c_str(), &open))
            SetClosed(location.code, !open);
    }
    float threshold = static_cast<float>(p.threshold_km);
    ImGui::SetNextItemWidth(-1.0f);
    if (ImGui::SliderFloat("##threshold", &threshold, 5.0f, 100.0f, Tr(TextId::theme_scenario_threshold)))
        SetThresholdKm(std::round(threshold));
    if (!p.closed.empty()) {
        ImGui::Checkbox(Tr(TextId::theme_scenario_show_after), &p.show_after);
        if (const th::ScenarioResult* result = ScenarioOutcome()) {
            const th::ScenarioSummary& s = result->summary;
            char line[256];
            std::snprintf(line, sizeof line, Tr(TextId::theme_scenario_pushed), s.municipalities_pushed_beyond,
                          core::FormatNumber(p.threshold_km, 0, locale).c_str(),
                          core::FormatNumber(s.people_pushed_beyond, 0, locale).c_str());
            ImGui::TextWrapped("%s", line);
            std::snprintf(line, sizeof line, Tr(TextId::theme_scenario_lost), s.municipalities_lost_access,
                          core::FormatNumber(s.people_lost_access, 0, locale).c_str());
            ImGui::TextWrapped("%s", line);
            if (s.affected_with_unknown_people > 0) {
                std::snprintf(line, sizeof line, Tr(TextId::theme_scenario_unknown), s.affected_with_unknown_people);
                ImGui::TextDisabled("%s", line);
            }
        }
        ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.6f);
        ImGui::InputTextWithHint("##scenario_name", Tr(TextId::theme_scenario_name_hint), p.scenario_name, sizeof p.scenario_name);
        ImGui::SameLine();
        if (ImGui::Button(Tr(TextId::theme_scenario_save)) && p.scenario_name[0] != '\0') {
            SaveScenario(p.scenario_name);
            p.scenario_name[0] = '\0';
        }
    }
    // Saved scenarios side by side in numbers.
    if (!p.saved_summaries.empty() && ImGui::BeginTable("##scenarios", 3, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn(Tr(TextId::theme_scenario_column_name));
        ImGui::TableSetupColumn(Tr(TextId::theme_scenario_column_pushed));
        ImGui::TableSetupColumn(Tr(TextId::theme_scenario_column_lost));
        ImGui::TableHeadersRow();
        for (const th::ScenarioSummary& s : p.saved_summaries) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(s.name.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(core::FormatNumber(s.people_pushed_beyond, 0, locale).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(core::FormatNumber(s.people_lost_access, 0, locale).c_str());
        }
        ImGui::EndTable();
    }
}

void ThemeController::DrawProgrammeFilter(PanelContext& ctx)
{
    namespace th = core::themes;
    const th::ThemeInputs& in = Inputs(ctx.workspace);
    th::ProgrammeFilter f = m_programme.filter;
    bool changed = false;
    float label_w = 0;
    for (TextId label : {TextId::theme_filter_chamber, TextId::theme_filter_level_label, TextId::theme_filter_path})
        label_w = std::max(label_w, ImGui::CalcTextSize(Tr(label)).x);
    label_w += ImGui::GetCursorPosX() + ImGui::GetStyle().ItemSpacing.x; // from the window's edge, past the indent
    ImGui::Spacing();
    // Sector chamber: several may be chosen (a platform looks at two or three together).
    std::set<std::string> chambers;
    for (const th::Programme& programme : in.catalogue)
        if (!programme.chamber.empty())
            chambers.insert(programme.chamber);
    if (!chambers.empty()) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(Tr(TextId::theme_filter_chamber));
        ImGui::SameLine(label_w);
        ImGui::SetNextItemWidth(-1.0f);
        char preview[160];
        if (f.chambers.empty())
            std::snprintf(preview, sizeof preview, "%s", Tr(TextId::theme_filter_all));
        else if (f.chambers.size() == 1)
            std::snprintf(preview, sizeof preview, "%s", f.chambers.begin()->c_str());
        else
            std::snprintf(preview, sizeof preview, Tr(TextId::theme_filter_chambers), static_cast<int>(f.chambers.size()));
        if (ImGui::BeginCombo("##chambers", preview)) {
            for (const std::string& chamber : chambers) {
                bool on = f.chambers.count(chamber) > 0;
                if (ImGui::Checkbox(chamber.c_str(), &on)) {
                    if (on)
                        f.chambers.insert(chamber);
                    else
                        f.chambers.erase(chamber);
                    changed = true;
                }
            }
            ImGui::EndCombo();
        }
    }
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(Tr(TextId::theme_filter_level_label));
    for (int level = 1; level <= 4; ++level) {
        ImGui::SameLine(level == 1 ? label_w : 0.0f);
        bool on = f.levels.count(level) > 0;
        if (ImGui::Checkbox((std::to_string(level) + "##level").c_str(), &on)) {
            if (on)
                f.levels.insert(level);
            else
                f.levels.erase(level);
            changed = true;
        }
    }
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(Tr(TextId::theme_filter_path));
    const std::pair<th::LearningPath, const char*> paths[] = {
        {th::LearningPath::Any, Tr(TextId::theme_filter_both)}, {th::LearningPath::Bol, "BOL"}, {th::LearningPath::Bbl, "BBL"}};
    for (std::size_t i = 0; i < 3; ++i) {
        ImGui::SameLine(i == 0 ? label_w : 0.0f);
        if (ImGui::RadioButton((std::string(paths[i].second) + "##path").c_str(), f.path == paths[i].first)) {
            f.path = paths[i].first;
            changed = true;
        }
    }
    if (changed)
        SetProgrammeFilter(f);
    ImGui::Checkbox(Tr(TextId::theme_show_locations), &m_programme.show_locations);
}

void ThemeController::DrawControls(PanelContext& ctx)
{
    core::DashboardModel& model = ctx.model;
    if (!m_problem.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.70f, 0.10f, 0.10f, 1.0f));
        ImGui::TextWrapped("%s", m_problem.c_str());
        ImGui::PopStyleColor();
    }
    if (m_pending || m_target_table < 0 || !model.HasData())
        return;
    ImGui::Indent();
    if (m_theme == Theme::Krimp && model.Periods().size() > 1) {
        // The two ends of the change on the map (the time chart's brush sets the same).
        int from = model.ShowsChange() ? model.ChangeFrom() : 0;
        int to = model.ShowsChange() ? model.ChangeTo() : static_cast<int>(model.Periods().size()) - 1;
        auto year_combo = [&](TextId label, const char* id, int& index) {
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(Tr(label));
            ImGui::SameLine(ImGui::GetFontSize() * 5.0f);
            ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6.0f);
            bool changed = false;
            if (ImGui::BeginCombo(id, PeriodText(model, index, ctx.settings.language).c_str())) {
                for (int i = 0; i < static_cast<int>(model.Periods().size()); ++i)
                    if (ImGui::Selectable(PeriodText(model, i, ctx.settings.language).c_str(), i == index)) {
                        index = i;
                        changed = true;
                    }
                ImGui::EndCombo();
            }
            return changed;
        };
        // The primary-school line in the time chart, when that table is loaded: say what it is.
        if (Inputs(ctx.workspace).primary.table) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            ImGui::TextWrapped("%s", Tr(TextId::theme_leading_caption));
            ImGui::PopStyleColor();
        }
        const bool a = year_combo(TextId::theme_change_from, "##krimp_from", from);
        const bool b = year_combo(TextId::theme_change_to, "##krimp_to", to);
        if ((a || b) && from != to)
            model.SetChange(std::min(from, to), std::max(from, to));
        if (!model.ShowsChange() && ImGui::SmallButton(Tr(TextId::theme_show_change)))
            model.SetChange(from, to > from ? to : static_cast<int>(model.Periods().size()) - 1);
    } else if (m_theme == Theme::Vacancies) {
        // What the map shows: counts, per 1,000 inhabitants, or tension where it can be had.
        const core::themes::ThemeInputs& in = Inputs(ctx.workspace);
        const bool tension = TensionAvailable(in);
        VacancyMeasure measure = m_tension ? VacancyMeasure::PerStudent
                                 : m_per_thousand ? VacancyMeasure::PerThousand
                                                  : VacancyMeasure::Count;
        if (ImGui::RadioButton(Tr(TextId::theme_vacancies_count), measure == VacancyMeasure::Count))
            SetVacancyMeasure(VacancyMeasure::Count);
        if (ImGui::RadioButton(Tr(TextId::theme_per_thousand), measure == VacancyMeasure::PerThousand))
            SetVacancyMeasure(VacancyMeasure::PerThousand);
        if (tension) {
            if (ImGui::RadioButton(Tr(TextId::theme_tension), measure == VacancyMeasure::PerStudent)) {
                EnsureProgrammeTables(ctx.workspace); // the catalogue folds programmes into chambers
                SetVacancyMeasure(VacancyMeasure::PerStudent, m_tension_chamber);
            }
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("%s", Tr(TextId::theme_tension_help));
            if (m_tension) {
                std::set<std::string> chambers;
                for (const core::themes::Programme& programme : in.catalogue)
                    if (!programme.chamber.empty())
                        chambers.insert(programme.chamber);
                ImGui::Indent();
                ImGui::SetNextItemWidth(-1.0f);
                if (ImGui::BeginCombo("##tension_chamber", m_tension_chamber.empty() ? Tr(TextId::theme_tension_all_chambers)
                                                                                      : m_tension_chamber.c_str())) {
                    if (ImGui::Selectable(Tr(TextId::theme_tension_all_chambers), m_tension_chamber.empty()))
                        SetVacancyMeasure(VacancyMeasure::PerStudent, {});
                    for (const std::string& chamber : chambers)
                        if (ImGui::Selectable(chamber.c_str(), chamber == m_tension_chamber))
                            SetVacancyMeasure(VacancyMeasure::PerStudent, chamber);
                    ImGui::EndCombo();
                }
                ImGui::Unindent();
            }
        } else {
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            ImGui::TextWrapped("%s", Tr(TextId::theme_tension_absent));
            ImGui::PopStyleColor();
        }
        // The vacancies as points, binned by the aggregation core for what the map shows.
        if (ctx.density) {
            bool heat = ctx.density->Enabled();
            if (ImGui::Checkbox(Tr(TextId::theme_density), &heat))
                ctx.density->SetEnabled(heat);
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("%s", Tr(TextId::theme_density_help));
        }
    } else if (m_theme == Theme::Programmes) {
        DrawProgrammeControls(ctx);
    }
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    const TextId hint = m_theme == Theme::Krimp        ? TextId::theme_krimp_hint
                        : m_theme == Theme::Programmes ? TextId::theme_programmes_hint
                                                       : TextId::theme_vacancies_hint;
    ImGui::TextWrapped("%s", Tr(hint));
    ImGui::PopStyleColor();
    ImGui::Unindent();
}

} // namespace vak::ui
