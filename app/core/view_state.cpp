#include "core/view_state.hpp"

#include "core/style/classify.hpp"
#include "core/style/palette.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace vak::core {

namespace {

auto RegionKey(const RegionFileOptions& r)
{
    return std::tie(r.files, r.group_tables, r.layer, r.code_field, r.name_field, r.crs);
}

auto TableKey(const TableFileOptions& t)
{
    return std::tie(t.files, t.region_column, t.period_column, t.scale, t.recode_file, t.demo_tables);
}

// The alert rules and the saved scenarios: what the alert card and the scenario table could
// not show or evaluate.
void ValidateThemeLists(const ThemeViewState& theme, std::vector<std::string>& problems)
{
    const std::size_t rules = theme.alert_rules ? theme.alert_rules->size() : 0;
    for (std::size_t i = 0; i < rules; ++i) {
        const themes::AlertRule& rule = (*theme.alert_rules)[i];
        const std::string path = "$.theme.alert_rules[" + std::to_string(i) + "]";
        const bool percent = rule.kind != themes::AlertKind::SmallProgramme && rule.kind != themes::AlertKind::SmallRegion;
        // Students up to a million; a change up to 1000 %. The rule editor keeps them >= 0.
        const double most = percent ? 1000.0 : 1e6;
        if (!std::isfinite(rule.threshold) || rule.threshold < 0 || rule.threshold > most)
            problems.push_back(path + ".threshold: must be a number from 0 to " + (percent ? "1000 (%)" : "1000000 (students)"));
        const bool has_years =
            rule.kind == themes::AlertKind::FastDecline || rule.kind == themes::AlertKind::UniqueInShrinkingRegion;
        if (has_years ? (rule.years < 1 || rule.years > 50) : (rule.years < 0 || rule.years > 50))
            problems.push_back(path + ".years: " + std::to_string(rule.years) + " is outside " + (has_years ? "1" : "0") +
                               "..50");
    }
    for (std::size_t i = 0; i < theme.filter_levels.size(); ++i)
        if (theme.filter_levels[i] < 1 || theme.filter_levels[i] > 4)
            problems.push_back("$.theme.programme_filter.levels[" + std::to_string(i) + "]: " +
                               std::to_string(theme.filter_levels[i]) + " is not a level (1..4)");
    if (!theme.filter_path.empty() && theme.filter_path != "BOL" && theme.filter_path != "BBL")
        problems.push_back("$.theme.programme_filter.path: '" + theme.filter_path + "' is not BOL or BBL");
    if (!theme.tension && !theme.tension_chamber.empty())
        problems.push_back("$.theme.tension.chamber: given without the tension map");
    if (theme.tension && theme.per_thousand)
        problems.push_back("$.theme.tension: the tension map replaces per_thousand, which must then be false");
    for (std::size_t i = 0; i < theme.scenarios.size(); ++i) {
        const themes::Scenario& scenario = theme.scenarios[i];
        const std::string path = "$.theme.scenarios[" + std::to_string(i) + "]";
        if (scenario.name.empty())
            problems.push_back(path + ".name: a saved scenario needs a name");
        for (std::size_t e = 0; e < scenario.edits.size(); ++e) {
            const themes::ScenarioEdit& edit = scenario.edits[e];
            const std::string at = path + ".edits[" + std::to_string(e) + "]";
            if (edit.crebo.empty())
                problems.push_back(at + ".crebo: missing");
            if (edit.location.empty())
                problems.push_back(at + ".location: missing");
            if (edit.kind == themes::ScenarioEdit::Kind::Move && edit.to_location.empty())
                problems.push_back(at + ".to: a move needs the location it goes to");
        }
    }
}

} // namespace

bool SameData(const ViewData& a, const ViewData& b)
{
    return RegionKey(a.regions) == RegionKey(b.regions) && TableKey(a.tables) == TableKey(b.tables);
}

bool operator==(const ViewState& a, const ViewState& b)
{
    return SameData(a.data, b.data) &&
           std::tie(a.language, a.ui_scale_percent, a.level, a.tile_map, a.camera, a.selected_regions, a.style,
                    a.table, a.measure, a.quantity, a.period, a.change_from, a.change_to, a.selected_bars, a.chart_index,
                    a.theme, a.compare) ==
               std::tie(b.language, b.ui_scale_percent, b.level, b.tile_map, b.camera, b.selected_regions, b.style,
                        b.table, b.measure, b.quantity, b.period, b.change_from, b.change_to, b.selected_bars, b.chart_index,
                        b.theme, b.compare);
}

std::string_view ClassMethodKey(ClassMethod method)
{
    switch (method) {
    case ClassMethod::Quantile: return "quantile";
    case ClassMethod::EqualInterval: return "equal_interval";
    case ClassMethod::NaturalBreaks: return "natural_breaks";
    case ClassMethod::Manual: return "manual";
    case ClassMethod::DivergingAroundZero: return "diverging_around_zero";
    }
    return "quantile";
}

std::optional<ClassMethod> ClassMethodFromKey(std::string_view key)
{
    // The change map's diverging classes are not chosen by the user: a view never holds them.
    for (ClassMethod m :
         {ClassMethod::Quantile, ClassMethod::EqualInterval, ClassMethod::NaturalBreaks, ClassMethod::Manual})
        if (ClassMethodKey(m) == key)
            return m;
    return std::nullopt;
}

std::vector<std::string> ValidateViewState(const ViewState& view)
{
    std::vector<std::string> problems;
    if (view.language != "nl" && view.language != "en")
        problems.push_back("$.interface.language: '" + view.language + "' is not a language of vakatlas (nl, en)");
    if (view.ui_scale_percent < kMinUiScalePercent || view.ui_scale_percent > kMaxUiScalePercent)
        problems.push_back("$.interface.scale_percent: " + std::to_string(view.ui_scale_percent) + " is outside " +
                           std::to_string(kMinUiScalePercent) + ".." + std::to_string(kMaxUiScalePercent));
    const std::vector<double>& edges = view.style.manual_edges;
    if (view.style.method == ClassMethod::Manual || !edges.empty()) {
        switch (CheckManualBreaks(edges)) {
        case ManualBreaksProblem::None: break;
        case ManualBreaksProblem::TooFew:
            problems.push_back("$.map.classification.edges: manual classes need at least 2 edges");
            break;
        case ManualBreaksProblem::TooMany:
            problems.push_back("$.map.classification.edges: at most " + std::to_string(kMaxClasses + 1) + " edges");
            break;
        case ManualBreaksProblem::NotFinite:
            problems.push_back("$.map.classification.edges: every edge must be a finite number");
            break;
        case ManualBreaksProblem::NotAscending:
            problems.push_back("$.map.classification.edges: edges must rise strictly");
            break;
        }
    }
    if (view.style.method == ClassMethod::Manual) {
        if (!edges.empty() && view.style.classes != static_cast<int>(edges.size()) - 1)
            problems.push_back("$.map.classification.classes: " + std::to_string(view.style.classes) + " with " +
                               std::to_string(edges.size()) + " edges (manual classes are the edges less one)");
    } else if (view.style.classes < 3 || view.style.classes > 7) {
        problems.push_back("$.map.classification.classes: " + std::to_string(view.style.classes) +
                           " is outside 3..7");
    }
    if (view.style.method != ClassMethod::Quantile && view.style.method != ClassMethod::EqualInterval &&
        view.style.method != ClassMethod::NaturalBreaks && view.style.method != ClassMethod::Manual)
        problems.push_back("$.map.classification.method: not a method a view can hold");
    if (IsDiverging(view.style.palette))
        problems.push_back("$.map.classification.palette: " + std::string(PaletteName(view.style.palette)) +
                           " is diverging (kept for change maps), not a palette for values");
    if (view.camera) {
        const ViewCamera& c = *view.camera;
        if (!(c.units_per_pixel > 0) || !std::isfinite(c.units_per_pixel))
            problems.push_back("$.map.camera.units_per_pixel: must be a positive number");
        if (!std::isfinite(c.centre.x) || !std::isfinite(c.centre.y))
            problems.push_back("$.map.camera.centre: must be two finite numbers");
        if (!(c.viewport_width >= 1 && c.viewport_height >= 1 && c.viewport_width <= 65536 &&
              c.viewport_height <= 65536))
            problems.push_back("$.map.camera.viewport: width and height must be 1..65536 pixels");
    }
    if (view.change_from.empty() != view.change_to.empty())
        problems.push_back("$.shown.change: needs both 'from' and 'to'");
    else if (!view.change_from.empty() && view.change_from == view.change_to)
        problems.push_back("$.shown.change: 'from' and 'to' are the same period (" + view.change_from + ")");
    if (view.table.empty() && (!view.measure.empty() || !view.quantity.empty() || !view.period.empty() ||
                               !view.change_from.empty() || !view.selected_bars.empty()))
        problems.push_back("$.shown.table: needed when a measure, quantity, period, change or bars are given");
    ValidateThemeLists(view.theme, problems);
    if (view.compare) {
        const CompareViewState& c = *view.compare;
        if (c.scenario && (!c.from.empty() || !c.to.empty()))
            problems.push_back("$.compare: 'from' and 'to' are periods of the years compare, not of the scenario's");
        else if (c.from.empty() != c.to.empty())
            problems.push_back(std::string("$.compare.") + (c.from.empty() ? "from" : "to") +
                               ": missing (a years compare needs both periods, or neither for the default choice)");
        if (c.scenario && (view.theme.name != "opleidingsaanbod" || view.theme.programme.empty()))
            problems.push_back("$.compare.scenario: needs the opleidingsaanbod theme with a programme "
                               "($.theme.programme) whose scenario is compared");
        if (!c.scenario && !c.from.empty() && view.table.empty())
            problems.push_back("$.compare: periods need the table they belong to ($.shown.table)");
    }
    if (!(view.data.tables.scale >= 0) || !std::isfinite(view.data.tables.scale))
        problems.push_back("$.data.tables.scale: must be 0 (none) or a positive number");
    return problems;
}

std::vector<std::string*> DataPaths(ViewData& data)
{
    std::vector<std::string*> paths;
    for (std::string& f : data.regions.files)
        paths.push_back(&f);
    for (std::string& f : data.regions.group_tables)
        paths.push_back(&f);
    for (std::string& f : data.tables.files)
        paths.push_back(&f);
    if (!data.tables.recode_file.empty())
        paths.push_back(&data.tables.recode_file);
    return paths;
}

} // namespace vak::core
