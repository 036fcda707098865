#include "ui/view_state_binding.hpp"

#include "core/dashboard/dashboard_model.hpp"
#include "core/errors.hpp"
#include "core/text/utf8.hpp"
#include "core/workspace.hpp"
#include "ui/compare_view.hpp"
#include "ui/panels/charts_panel.hpp"
#include "ui/panels/map_panel.hpp"
#include "ui/theme_controller.hpp"
#include "ui/ui_session.hpp"

#include <algorithm>

namespace vak::ui {

namespace {

std::string Quoted(const std::string& text)
{
    return "'" + text + "'";
}

// "a, b, c" (the first few) for messages that list what there is.
std::string List(const std::vector<std::string>& names)
{
    std::string list;
    for (std::size_t i = 0; i < names.size() && i < 12; ++i)
        list += (i ? ", " : "") + names[i];
    if (names.size() > 12)
        list += ", ...";
    return list;
}

int FindLayerExactly(const core::Workspace& workspace, const std::string& name)
{
    const auto& layers = workspace.Layers();
    for (std::size_t i = 0; i < layers.size(); ++i)
        if (layers[i]->name == name)
            return static_cast<int>(i);
    return -1;
}

int FindIndex(const std::vector<std::string>& names, const std::string& name)
{
    const auto it = std::find(names.begin(), names.end(), name);
    return it == names.end() ? -1 : static_cast<int>(it - names.begin());
}

// The parts of a view that are checked against the session before anything changes.
struct ResolvedView {
    int level = -1;
    int table = -1; // workspace index
};

ResolvedView Resolve(UiSession& session, const core::ViewState& view, const std::string& source)
{
    const std::vector<std::string> problems = core::ValidateViewState(view);
    if (!problems.empty())
        throw core::InputError(source + ": " + problems.front());
    if (!core::SameData(view.data, session.DataSources()))
        throw core::InputError(source + ": it is made of other data files than the dashboard has loaded");
    core::Workspace& workspace = session.GetWorkspace();
    session.Model().Sync(workspace); // the tables the dashboard offers (a new session has not looked yet)
    ResolvedView resolved;
    resolved.level = view.level.empty() ? (workspace.Layers().empty() ? -1 : 0) : FindLayerExactly(workspace, view.level);
    if (!view.level.empty() && resolved.level < 0) {
        std::vector<std::string> names;
        for (const auto& layer : workspace.Layers())
            names.push_back(layer->name);
        throw core::InputError(source + ": $.map.level: no level " + Quoted(view.level) + " (levels: " + List(names) + ")");
    }
    if (resolved.level >= 0) {
        const core::RegionLayer& layer = *workspace.Layers()[std::size_t(resolved.level)];
        for (const std::string& code : view.selected_regions)
            if (layer.FindByCode(code) < 0)
                throw core::InputError(source + ": $.map.selected_regions: no region " + Quoted(code) + " in level " +
                                       layer.name);
    } else if (!view.selected_regions.empty()) {
        throw core::InputError(source + ": $.map.selected_regions: no regions are loaded");
    }
    if (!view.table.empty()) {
        std::vector<std::string> names;
        for (int i : session.Model().TableChoices()) {
            const std::string& name = workspace.Tables()[std::size_t(i)]->dataset.name;
            names.push_back(name);
            if (name == view.table && resolved.table < 0)
                resolved.table = i;
        }
        if (resolved.table < 0)
            throw core::InputError(source + ": $.shown.table: no table " + Quoted(view.table) + " (tables: " + List(names) + ")");
    }
    // The tension map's chamber: one of the chambers the vacancies relate to.
    if (view.theme.tension && !view.theme.tension_chamber.empty()) {
        const std::vector<std::string> chambers = session.Themes().TensionChambers(workspace);
        if (chambers.empty())
            throw core::InputError(source + ": $.theme.tension: the loaded vacancies relate to no sector chamber " +
                                   "(no tension map without one)");
        if (FindIndex(chambers, view.theme.tension_chamber) < 0)
            throw core::InputError(source + ": $.theme.tension.chamber: no sector chamber " +
                                   Quoted(view.theme.tension_chamber) + " (chambers: " + List(chambers) + ")");
    }
    return resolved;
}

// The compare as the view has it (closed when it has none), its periods found among the
// model's periods of the table the view shows; throws InputError naming $.compare.from/to.
void ApplyCompare(CompareView& compare, const core::DashboardModel& model, const core::ViewState& view,
                  const std::string& source)
{
    if (!view.compare) {
        compare.SetActive(false);
        return;
    }
    if (view.compare->scenario) {
        compare.SetMode(CompareMode::Scenario);
    } else {
        int left = -1, right = -1; // -1: the compare's own choice when first shown
        if (!view.compare->from.empty()) {
            const std::string table = model.HasData() ? model.Table()->name : std::string("(none)");
            const auto index = [&](const std::string& label, const char* key) {
                const int i = FindIndex(model.Periods(), label);
                if (i < 0)
                    throw core::InputError(source + ": " + key + ": table " + table + " has no period " +
                                           Quoted(label) + " (periods: " + List(model.Periods()) + ")");
                return i;
            };
            left = index(view.compare->from, "$.compare.from");
            right = index(view.compare->to, "$.compare.to");
        }
        compare.SetMode(CompareMode::Years);
        compare.SetPeriods(left, right);
    }
    compare.SetActive(true);
}

// Changes the session; throws InputError on the first choice the chosen table does not have.
void ApplyResolved(UiSession& session, const core::ViewState& view, const ResolvedView& resolved,
                   const std::string& source)
{
    core::Workspace& workspace = session.GetWorkspace();
    core::DashboardModel& model = session.Model();
    UiSettings& settings = session.Settings();
    settings.language = LanguageFromCode(view.language.c_str());
    settings.scale_percent = view.ui_scale_percent;

    workspace.SetShowTileMap(view.tile_map);
    if (resolved.level >= 0)
        workspace.SetActiveLayer(resolved.level);
    std::set<std::string> codes(view.selected_regions.begin(), view.selected_regions.end());
    if (codes != workspace.GetSelection().Codes())
        workspace.GetSelection().Assign(std::move(codes));

    // Table, measure, quantity and period: a view that leaves them out keeps what is shown.
    if (resolved.table >= 0) {
        model.SelectTable(resolved.table);
        model.Update(workspace); // loads the table: its measures, periods and bars are known after this
    }
    if (model.HasData()) {
        const core::agg::FactTable& table = *model.Table();
        if (!view.measure.empty()) {
            const int measure = table.FindMeasure(view.measure);
            if (measure < 0) {
                std::vector<std::string> names;
                for (const auto& m : table.measures)
                    names.push_back(m.name);
                throw core::InputError(source + ": $.shown.measure: table " + table.name + " has no measure " +
                                       Quoted(view.measure) + " (measures: " + List(names) + ")");
            }
            model.SelectMeasure(measure);
        }
        if (!view.quantity.empty()) {
            if (model.QuantityDimension() < 0)
                throw core::InputError(source + ": $.shown.quantity: table " + table.name + " has no quantity column");
            const core::agg::FactDimension& q = table.dimensions[std::size_t(model.QuantityDimension())];
            const int code = FindIndex(q.labels, view.quantity);
            if (code < 0)
                throw core::InputError(source + ": $.shown.quantity: " + q.name + " of table " + table.name +
                                       " has no " + Quoted(view.quantity) + " (values: " + List(q.labels) + ")");
            model.SelectQuantity(code);
        }
        auto period_index = [&](const std::string& label, const char* key) {
            const int index = FindIndex(model.Periods(), label);
            if (index < 0)
                throw core::InputError(source + ": " + key + ": table " + table.name + " has no period " +
                                       Quoted(label) + " (periods: " + List(model.Periods()) + ")");
            return index;
        };
        if (!view.period.empty())
            model.SelectPeriod(period_index(view.period, "$.shown.period"));
        // The change map and the bars are filters: a view without them has none.
        model.ClearChange();
        if (!view.change_from.empty())
            model.SetChange(period_index(view.change_from, "$.shown.change.from"),
                            period_index(view.change_to, "$.shown.change.to"));
        model.ClearBars();
        if (!view.selected_bars.empty()) {
            if (model.BarsDimension() < 0)
                throw core::InputError(source + ": $.shown.selected_bars: table " + table.name + " has no bars");
            const core::agg::FactDimension& bars = table.dimensions[std::size_t(model.BarsDimension())];
            for (const std::string& label : view.selected_bars) {
                const int code = FindIndex(bars.labels, label);
                if (code < 0)
                    throw core::InputError(source + ": $.shown.selected_bars: " + bars.name + " has no " +
                                           Quoted(label) + " (values: " + List(bars.labels) + ")");
                if (!model.BarSelected(std::uint32_t(code)))
                    model.ToggleBar(std::uint32_t(code));
            }
        }
    }
    model.MapStyle() = view.style;
    if (ChartsPanel* charts = session.GetDashboard().Charts()) {
        charts::ChartChoices choices = charts->Choices();
        choices.index_mode = view.chart_index;
        charts->SetChoices(choices);
    }
    if (MapPanel* map = session.GetDashboard().Map()) {
        ApplyCompare(map->Compare(), model, view, source);
        map->RequestViewCamera(view.camera);
    }
    // The theme last, without its preset: the view has set table, period and change itself.
    model.ClearDerivedMap();
    session.Themes().Restore(view.theme, workspace);
    session.Density().SetEnabled(view.theme.density);
    model.Update(workspace);
}

// The open compare; none when closed, or when it is a scenario compare without the scenario
// it needs (the Opleidingsaanbod theme with a programme: it shows why there is nothing then).
std::optional<core::CompareViewState> CaptureCompare(const CompareView& compare, UiSession& session)
{
    if (!compare.Active())
        return std::nullopt;
    core::CompareViewState state;
    if (compare.Mode() == CompareMode::Scenario) {
        if (session.Themes().Current() != Theme::Programmes || session.Themes().Programme().empty())
            return std::nullopt;
        state.scenario = true;
        return state;
    }
    const std::vector<std::string>& periods = session.Model().Periods();
    const auto label = [&](int i) {
        return i >= 0 && i < static_cast<int>(periods.size()) ? periods[static_cast<std::size_t>(i)] : std::string();
    };
    if (session.Model().HasData() && !label(compare.LeftPeriod()).empty() && !label(compare.RightPeriod()).empty()) {
        state.from = label(compare.LeftPeriod());
        state.to = label(compare.RightPeriod());
    }
    return state;
}

} // namespace

core::ViewState CaptureView(UiSession& session)
{
    core::ViewState view;
    view.data = session.DataSources();
    const UiSettings& settings = session.Settings();
    view.language = settings.language == Language::English ? "en" : "nl";
    view.ui_scale_percent = settings.scale_percent;

    core::Workspace& workspace = session.GetWorkspace();
    if (const core::RegionLayer* active = workspace.ActiveLayer())
        view.level = active->name;
    view.tile_map = workspace.ShowTileMap();
    const std::set<std::string>& codes = workspace.GetSelection().Codes();
    view.selected_regions.assign(codes.begin(), codes.end()); // a std::set: sorted
    if (MapPanel* map = session.GetDashboard().Map()) {
        view.camera = map->ViewCameraState();
        view.compare = CaptureCompare(map->Compare(), session);
    }

    core::DashboardModel& model = session.Model();
    view.style = model.MapStyle();
    if (const ChartsPanel* charts = session.GetDashboard().Charts())
        view.chart_index = charts->Choices().index_mode;
    if (!model.HasData())
        return view;
    const core::agg::FactTable& table = *model.Table();
    view.table = workspace.Tables()[std::size_t(model.TableIndex())]->dataset.name;
    view.measure = table.measures[std::size_t(model.Measure())].name;
    if (model.QuantityDimension() >= 0)
        view.quantity = table.dimensions[std::size_t(model.QuantityDimension())].labels[std::size_t(model.QuantityCode())];
    if (model.PeriodIndex() >= 0)
        view.period = model.Periods()[std::size_t(model.PeriodIndex())];
    if (model.ShowsChange()) {
        view.change_from = model.Periods()[std::size_t(model.ChangeFrom())];
        view.change_to = model.Periods()[std::size_t(model.ChangeTo())];
    }
    if (model.BarsDimension() >= 0)
        for (std::uint32_t code : model.SelectedBars())
            view.selected_bars.push_back(table.dimensions[std::size_t(model.BarsDimension())].labels[code]);
    view.theme = session.Themes().Capture();
    view.theme.density = session.Density().Enabled();
    return view;
}

void ApplyView(UiSession& session, const core::ViewState& view, const std::string& source)
{
    const ResolvedView resolved = Resolve(session, view, source); // nothing has changed yet
    // What a table offers (measures, periods, bars) is known only once it is loaded; when one of
    // those does not fit, the state captured here is put back, so the session stays as it was.
    const core::ViewState before = CaptureView(session);
    try {
        ApplyResolved(session, view, resolved, source);
    } catch (const core::InputError&) {
        ApplyResolved(session, before, Resolve(session, before, source), source);
        throw;
    }
}

} // namespace vak::ui
