#include "ui/compare_view.hpp"

#include "core/dashboard/dashboard_model.hpp"
#include "core/errors.hpp"
#include "core/resource_paths.hpp"
#include "core/style/palette.hpp"
#include "core/themes/scenario.hpp"
#include "gpu/map_canvas.hpp"
#include "gpu/shader_program.hpp"
#include "ui/panels/panel.hpp"
#include "ui/theme_controller.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <tuple>
#include <string_view>
#include <unordered_map>

namespace vak::ui {

namespace {

// `values` coloured with the classes and colours of `shared`: the same value gets the same
// colour on both sides. Counts and ranks are this side's own.
core::Choropleth ColourWith(const std::vector<core::RegionValue>& values, const core::Choropleth& shared)
{
    core::Choropleth map;
    map.classification = shared.classification;
    map.classification.counts.assign(shared.classification.counts.size(), 0);
    map.class_colors = shared.class_colors;
    map.feature_colors.resize(values.size());
    map.feature_classes.resize(values.size());
    map.feature_unknown.resize(values.size());
    map.feature_ranks.assign(values.size(), 0);
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < values.size(); ++i) {
        const core::RegionValue& v = values[i];
        const bool known = v.state == core::agg::GroupState::Known && std::isfinite(v.value);
        const int c = known ? core::ClassOf(v.value, map.classification) : -1;
        map.feature_classes[i] = c;
        map.feature_colors[i] = c >= 0 ? core::ColorForClass(map.class_colors, c) : core::NoDataColor();
        map.feature_unknown[i] = v.state == core::agg::GroupState::Unknown;
        if (c >= 0 && static_cast<std::size_t>(c) < map.classification.counts.size())
            ++map.classification.counts[static_cast<std::size_t>(c)];
        if (known)
            order.push_back(i);
        else if (v.state == core::agg::GroupState::Unknown)
            ++map.unknown_features;
        else
            ++map.no_data_features;
    }
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return values[a].value > values[b].value; });
    for (std::size_t r = 0; r < order.size(); ++r)
        map.feature_ranks[order[r]] = r + 1;
    map.ranked = order.size();
    return map;
}

int PeriodIndexOf(const core::DashboardModel& model, const std::string& label)
{
    const auto& periods = model.Periods();
    const auto it = std::find(periods.begin(), periods.end(), label);
    return it == periods.end() ? -1 : static_cast<int>(it - periods.begin());
}

} // namespace

std::pair<int, int> ComparePeriodIndices(const core::DashboardModel& model,
                                         const std::pair<core::Period, core::Period>& periods,
                                         std::string_view option_name)
{
    const std::vector<std::string>& labels = model.Periods();
    const auto find = [&](const core::Period& wanted) {
        for (std::size_t i = 0; i < labels.size(); ++i)
            if (const std::optional<core::Period> p = core::ParsePeriod(labels[i]);
                p && p->year == wanted.year && p->quarter == wanted.quarter)
                return static_cast<int>(i);
        return -1;
    };
    const int left = find(periods.first), right = find(periods.second);
    if (left >= 0 && right >= 0)
        return {left, right};
    const std::string value = periods.first.Label() + "," + periods.second.Label();
    const std::string missing = (left < 0 ? periods.first : periods.second).Label();
    const std::string table = model.Table() ? model.Table()->name : std::string("(no table)");
    std::string message = std::string(option_name) + " " + value + ": the map's table " + table + " has no period " +
                          missing;
    if (labels.empty())
        message += " (it has no periods)";
    else
        message += " (its periods: " + labels.front() + " to " + labels.back() + ")";
    throw core::UsageError(message);
}

CompareSides BuildYearSides(const core::DashboardModel& model, const core::RegionLayer& layer, int left_period,
                            int right_period, Language language)
{
    CompareSides sides;
    const int periods = static_cast<int>(model.Periods().size());
    if (left_period < 0 || left_period >= periods || right_period < 0 || right_period >= periods) {
        sides.problem = TrIn(TextId::compare_no_periods, language);
        return sides;
    }
    sides.left.title = PeriodText(model, left_period, language);
    sides.right.title = PeriodText(model, right_period, language);
    sides.left.values.resize(layer.features.size());
    sides.right.values.resize(layer.features.size());
    // The level x period view: the map's filters except the period, so entry p is what the map
    // shows with period p selected.
    for (std::size_t i = 0; i < layer.features.size(); ++i) {
        const std::vector<core::RegionValue> series = model.PeriodSeriesOf(layer.features[i].code);
        if (series.size() != model.Periods().size())
            continue;
        sides.left.values[i] = series[static_cast<std::size_t>(left_period)];
        sides.right.values[i] = series[static_cast<std::size_t>(right_period)];
    }
    return sides;
}

CompareSides BuildScenarioSides(const core::themes::ScenarioResult& result, const core::RegionLayer& layer,
                                std::string right_title, Language language)
{
    CompareSides sides;
    sides.left.title = TrIn(TextId::compare_now, language);
    sides.right.title = std::move(right_title);
    sides.left.values.resize(layer.features.size());
    sides.right.values.resize(layer.features.size());
    std::unordered_map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < layer.features.size(); ++i)
        index.emplace(layer.features[i].code, i);
    const auto km = [](const core::themes::Reach& reach) {
        return reach.reachable ? core::RegionValue{reach.km, core::agg::GroupState::Known, 0} : core::RegionValue{};
    };
    for (const core::themes::ReachChange& change : result.municipalities) {
        const auto it = index.find(change.before.code);
        if (it == index.end())
            continue;
        sides.left.values[it->second] = km(change.before);
        sides.right.values[it->second] = km(change.after);
    }
    return sides;
}

SharedChoropleth MakeSharedChoropleth(const CompareSides& sides, const core::ChoroplethStyle& style)
{
    std::vector<core::RegionValue> both = sides.left.values;
    both.insert(both.end(), sides.right.values.begin(), sides.right.values.end());
    SharedChoropleth out;
    out.both = core::MakeChoropleth(both, style);
    out.left = ColourWith(sides.left.values, out.both);
    out.right = ColourWith(sides.right.values, out.both);
    return out;
}

CompareView::CompareView() = default;
CompareView::~CompareView() = default;

std::optional<CompareSides> CompareView::SidesFor(const core::RegionLayer& layer, const core::RegionLayer* shown) const
{
    if (!m_active || !Ready() || !shown || shown->uid != m_layer_uid ||
        m_sides.left.values.size() != shown->features.size() || m_sides.right.values.size() != shown->features.size())
        return std::nullopt;
    std::unordered_map<std::string_view, std::size_t> shown_index;
    for (std::size_t i = 0; i < shown->features.size(); ++i)
        shown_index.emplace(shown->features[i].code, i);
    CompareSides out;
    out.left.title = m_sides.left.title;
    out.right.title = m_sides.right.title;
    out.left.values.resize(layer.features.size());
    out.right.values.resize(layer.features.size());
    for (std::size_t i = 0; i < layer.features.size(); ++i) {
        const auto it = shown_index.find(layer.features[i].code);
        if (it == shown_index.end())
            continue;
        out.left.values[i] = m_sides.left.values[it->second];
        out.right.values[i] = m_sides.right.values[it->second];
    }
    return out;
}

void CompareView::Update(PanelContext& ctx, const core::RegionLayer& layer)
{
    const core::DashboardModel& model = ctx.model;
    const Language language = ctx.settings.language;
    const int periods = static_cast<int>(model.Periods().size());
    if (m_requested && periods > 0 && ctx.themes.Settled()) {
        try {
            std::tie(m_left_period, m_right_period) = ComparePeriodIndices(model, *m_requested);
            m_requested.reset();
        } catch (const core::UsageError& e) {
            // Said in the panel (until the user chooses other periods) instead of other years.
            m_sides = {};
            m_sides.problem = e.what();
            m_key.clear();
            return;
        }
    }
    if (periods > 0 && (m_left_period < 0 || m_left_period >= periods || m_right_period < 0 || m_right_period >= periods)) {
        // The change map's two years when one is shown, else 2015 (the krimp base year) or the
        // first period, against the period on the map.
        if (model.ShowsChange()) {
            m_left_period = model.ChangeFrom();
            m_right_period = model.ChangeTo();
        } else {
            m_left_period = std::max(0, PeriodIndexOf(model, "2015"));
            m_right_period = std::max(0, model.PeriodIndex());
            if (m_right_period == m_left_period)
                m_right_period = periods - 1;
        }
    }
    const core::themes::ScenarioResult* outcome = ctx.themes.ScenarioOutcome();
    const core::DashboardModel::DerivedMap* derived = model.Derived();
    const core::ChoroplethStyle& user = model.MapStyle();
    std::string key = std::to_string(static_cast<int>(m_mode)) + "|" + std::to_string(m_left_period) + "|" +
                      std::to_string(m_right_period) + "|" + std::to_string(layer.uid) + "|" +
                      std::to_string(model.MapVersion()) + "|" + std::to_string(static_cast<int>(user.method)) + "|" +
                      std::to_string(user.classes) + "|" + std::to_string(static_cast<int>(user.palette)) + "|" +
                      std::to_string(static_cast<int>(language)) + "|" + std::to_string(outcome != nullptr) + "|" +
                      std::to_string(layer.features.size());
    for (double edge : user.manual_edges)
        key.append("|").append(std::to_string(edge));
    if (key == m_key)
        return;
    m_key = key;
    m_layer_uid = layer.uid;
    m_sides = {};
    m_style = user;
    m_percent = false;
    m_legend_title.clear();
    if (m_mode == CompareMode::Years) {
        // A theme's own map holds one period only: nothing to put beside it.
        if (derived || periods == 0)
            m_sides.problem = TrIn(TextId::compare_no_periods, language);
        else
            m_sides = BuildYearSides(model, layer, m_left_period, m_right_period, language);
        m_legend_title = model.MeasureTitle();
        // Values, not a change: a diverging style the user chose for change maps stays theirs.
    } else if (!outcome || ctx.themes.Current() != Theme::Programmes) {
        m_sides.problem = TrIn(TextId::compare_no_scenario, language);
    } else if (!derived || derived->level != layer.name) {
        m_sides.problem = TrIn(TextId::compare_other_level, language);
    } else {
        char title[192];
        const std::size_t closed = ctx.themes.Capture().closed_locations.size();
        char what[128];
        if (!outcome->summary.name.empty())
            std::snprintf(what, sizeof what, "%s", outcome->summary.name.c_str());
        else
            std::snprintf(what, sizeof what, TrIn(TextId::compare_closed_count, language), static_cast<int>(closed));
        std::snprintf(title, sizeof title, TrIn(TextId::compare_scenario_title, language), what);
        m_sides = BuildScenarioSides(*outcome, layer, title, language);
        // The theme's km bands, the last one up to the farthest municipality of either side.
        if (derived->class_edges.size() >= 2) {
            std::vector<double> edges(derived->class_edges.begin(), derived->class_edges.end() - 1);
            double farthest = 0;
            for (const auto* side : {&m_sides.left, &m_sides.right})
                for (const core::RegionValue& v : side->values)
                    if (v.state == core::agg::GroupState::Known)
                        farthest = std::max(farthest, v.value);
            edges.push_back(std::max(std::ceil(farthest), edges.back() + 1.0));
            m_style.method = core::ClassMethod::Manual;
            m_style.manual_edges = edges;
            m_style.classes = static_cast<int>(edges.size()) - 1;
        }
        if (derived->palette)
            m_style.palette = *derived->palette;
        // The theme's title says "after the scenario" while that side is shown; the legend here
        // is for both sides.
        m_legend_title = derived->title;
        const std::string after = TrIn(TextId::theme_reach_title_after, language);
        const std::string before = TrIn(TextId::theme_reach_title, language);
        if (after.size() > before.size() && after.compare(after.size() - before.size(), before.size(), before) == 0) {
            const std::string prefix = after.substr(0, after.size() - before.size());
            if (m_legend_title.rfind(prefix, 0) == 0)
                m_legend_title.erase(0, prefix.size());
        }
        m_percent = derived->percent;
    }
    m_colours = m_sides.problem.empty() ? MakeSharedChoropleth(m_sides, m_style) : SharedChoropleth{};
    ++m_version;
}

gpu::MapCanvas& CompareView::RightCanvas(const gpu::ShaderLibrary* session_shaders)
{
    if (!m_right_canvas) {
        // The session's shaders (--shaders honoured); without a session (tests), the default search.
        if (!session_shaders) {
            m_shaders = std::make_unique<gpu::ShaderLibrary>(core::FindShaderDir(core::DefaultShaderDirQuery({})));
            session_shaders = m_shaders.get();
        }
        m_right_canvas = std::make_unique<gpu::MapCanvas>(*session_shaders);
    }
    return *m_right_canvas;
}

void CompareView::DrawChoice(PanelContext& ctx)
{
    if (!ImGui::BeginPopup("###compare_choice"))
        return;
    const core::DashboardModel& model = ctx.model;
    int mode = static_cast<int>(m_mode);
    ImGui::RadioButton(Tr(TextId::compare_years), &mode, static_cast<int>(CompareMode::Years));
    if (m_mode == CompareMode::Years && !model.Periods().empty()) {
        const float width = ImGui::GetFontSize() * 8.0f;
        const auto period_combo = [&](const char* id, TextId label, int& index) {
            ImGui::Indent();
            ImGui::SetNextItemWidth(width);
            if (ImGui::BeginCombo(id, PeriodText(model, index, ctx.settings.language).c_str())) {
                for (int p = 0; p < static_cast<int>(model.Periods().size()); ++p)
                    if (ImGui::Selectable(PeriodText(model, p, ctx.settings.language).c_str(), p == index))
                        index = p;
                ImGui::EndCombo();
            }
            ImGui::SameLine();
            ImGui::TextUnformatted(Tr(label));
            ImGui::Unindent();
        };
        period_combo("##compare_left", TextId::compare_left, m_left_period);
        period_combo("##compare_right", TextId::compare_right, m_right_period);
    }
    const bool scenario = ctx.themes.Current() == Theme::Programmes && ctx.themes.ScenarioOutcome();
    if (!scenario && m_mode != CompareMode::Scenario)
        ImGui::BeginDisabled();
    ImGui::RadioButton(Tr(TextId::compare_scenario), &mode, static_cast<int>(CompareMode::Scenario));
    if (!scenario && m_mode != CompareMode::Scenario)
        ImGui::EndDisabled();
    m_mode = static_cast<CompareMode>(mode);
    ImGui::EndPopup();
}

} // namespace vak::ui
