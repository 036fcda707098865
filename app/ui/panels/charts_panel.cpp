#include "ui/panels/charts_panel.hpp"

#include "core/dashboard/dashboard_model.hpp"
#include "core/workspace.hpp"
#include "ui/charts/bar_chart.hpp"
#include "ui/charts/scatter_chart.hpp"
#include "ui/charts/table_view.hpp"
#include "ui/charts/time_series_chart.hpp"
#include "ui/compare_view.hpp"
#include "ui/panels/map_panel.hpp"
#include "ui/theme_controller.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <utility>

namespace vak::ui {

namespace {

// The cards' heights in a column of height `avail`: their shares (summing to 1), but none below
// its minimum; what a card lacks is taken from the others' room above their minimums. When the
// minimums alone exceed the column (175 % on 1080 lines, 100 % on 720), each card gets its
// minimum and the column scrolls, instead of squashing the scatter to a strip.
std::array<float, 3> CardHeights(float avail, const std::array<float, 3>& shares, const std::array<float, 3>& minimums)
{
    if (minimums[0] + minimums[1] + minimums[2] >= avail)
        return minimums;
    std::array<float, 3> heights{};
    float lacking = 0, room = 0;
    for (std::size_t i = 0; i < heights.size(); ++i) {
        heights[i] = avail * shares[i];
        if (heights[i] < minimums[i])
            lacking += minimums[i] - heights[i];
        else
            room += heights[i] - minimums[i];
    }
    if (lacking <= 0)
        return heights;
    // room > lacking here: the minimums sum to less than the column.
    for (std::size_t i = 0; i < heights.size(); ++i)
        heights[i] = heights[i] < minimums[i] ? minimums[i]
                                              : heights[i] - lacking * (heights[i] - minimums[i]) / room;
    return heights;
}

} // namespace

void ChartsPanel::DrawTimeSeries(PanelContext& ctx, float height)
{
    core::DashboardModel& model = ctx.model;
    ImGui::BeginChild("timeseries", ImVec2(0, height), true);
    m_time_chart = charts::BuildTimeChart(model, ctx.workspace, ctx.themes, m_choices, ctx.settings.language);
    DrawHeading(ctx.fonts.heading, m_time_chart.title.c_str());
    if (m_time_chart.unavailable) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("%s", Tr(*m_time_chart.unavailable));
        ImGui::PopStyleColor();
        ImGui::EndChild();
        return;
    }
    // The room reads the chart, not its controls. Its own line: long titles stay whole. A click
    // shows in this frame already.
    if (!ctx.presenting && ImGui::Checkbox(Tr(TextId::chart_index_mode), &m_choices.index_mode))
        m_time_chart = charts::BuildTimeChart(model, ctx.workspace, ctx.themes, m_choices, ctx.settings.language);

    const core::Selection& selection = ctx.workspace.GetSelection();
    const bool note = !ctx.presenting && (selection.Empty() || m_time_chart.regions_left_out > 0);
    const float note_h = ImGui::GetTextLineHeightWithSpacing() * (note ? 2.2f : 0.0f);
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const charts::TimeSeriesResult result = charts::DrawTimeSeriesChart(
        "##years", m_time_chart.data, ImVec2(avail.x, std::max(avail.y - note_h, ImGui::GetFontSize() * 6)));
    if (result.clicked_period)
        model.SelectPeriod(*result.clicked_period);
    if (result.brushed)
        model.SetChange(result.brushed->first, result.brushed->last);
    if (result.brush_cleared)
        model.ClearChange();
    if (result.hovered && !result.hovered_period)
        ImGui::SetTooltip("%s", Tr(TextId::chart_brush_hint));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    if (note && selection.Empty())
        ImGui::TextWrapped("%s", Tr(TextId::chart_pick_regions));
    else if (note)
        ImGui::Text(Tr(TextId::chart_more_regions), m_time_chart.regions_left_out);
    ImGui::PopStyleColor();
    ImGui::EndChild();
}

void ChartsPanel::DrawBars(PanelContext& ctx, float height)
{
    core::DashboardModel& model = ctx.model;
    ImGui::BeginChild("bars", ImVec2(0, height), true);
    const charts::BarsChart chart = charts::BuildBarsChart(model, ctx.settings.language);
    DrawHeading(ctx.fonts.heading, chart.title.c_str());
    if (chart.unavailable) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("%s", Tr(*chart.unavailable));
        ImGui::PopStyleColor();
        ImGui::EndChild();
        return;
    }
    if (!chart.period.empty()) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", chart.period.c_str());
    }
    const float hint_h = ImGui::GetTextLineHeightWithSpacing() * 2.2f;
    ImGui::BeginChild("bars_scroll", ImVec2(0, std::max(ImGui::GetContentRegionAvail().y - hint_h, ImGui::GetFontSize() * 4)));
    const charts::BarChartResult result = charts::DrawBarChart("##bars", chart.data);
    ImGui::EndChild();
    if (result.clicked_item)
        model.ToggleBar(static_cast<std::uint32_t>(*result.clicked_item));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", Tr(TextId::chart_bars_hint));
    ImGui::PopStyleColor();
    ImGui::EndChild();
}

void ChartsPanel::DrawRegionTable(PanelContext& ctx, float height, const RegionSeries& region_series)
{
    core::DashboardModel& model = ctx.model;
    const core::RegionLayer* layer = ctx.workspace.ActiveLayer();
    ImGui::BeginChild("regions", ImVec2(0, height), true);
    if (!layer) {
        ImGui::EndChild();
        return;
    }
    // A theme's own indicator on the map (programmes per region, vacancies per 1,000): the table
    // lists that, and leaves out the table's series, which measure something else.
    const core::DashboardModel::DerivedMap* derived = model.Derived();
    char title[256];
    std::snprintf(title, sizeof title, Tr(TextId::chart_table_title),
                  derived ? derived->title.c_str() : model.MeasureTitle().c_str());
    DrawHeading(ctx.fonts.heading, title);
    bool covered = false;
    const std::vector<core::RegionValue> values = model.MapValues(*layer, &covered);
    if (!covered) {
        ImGui::EndChild();
        return;
    }
    charts::TableViewData data;
    data.language = ctx.settings.language;
    data.label_header = Tr(TextId::chart_table_region);
    if (m_map && FillCompareTable(m_map->Compare(), ctx, *layer, region_series, data)) {
        const bool years = m_map->Compare().Mode() == CompareMode::Years;
        // Ranked by the last column, the change: steepest decline first between two periods;
        // after a scenario, the longest new trip first.
        const int change_column = static_cast<int>(data.number_columns.size());
        DrawTable(ctx, *layer, std::move(data), years ? "##regions_compare" : "##regions_scenario",
                  charts::TableSort{change_column, !years});
        ImGui::EndChild();
        return;
    }
    const int period = model.PeriodIndex();
    const std::string current = period >= 0 ? PeriodText(model, period, ctx.settings.language) : std::string();
    if (derived) {
        data.number_columns.push_back({current, derived->percent ? core::NumberFormat{core::NumberStyle::SignedPercent, 1}
                                                                 : core::NumberFormat{core::NumberStyle::Plain, derived->decimals}});
    } else if (model.ShowsChange()) {
        char change[128];
        std::snprintf(change, sizeof change, Tr(TextId::map_change_title),
                      PeriodText(model, model.ChangeFrom(), ctx.settings.language).c_str(),
                      PeriodText(model, model.ChangeTo(), ctx.settings.language).c_str());
        data.number_columns.push_back({change, core::NumberFormat{core::NumberStyle::SignedPercent, 1}});
    } else {
        data.number_columns.push_back({current, core::NumberFormat{}});
    }
    // Without a change map: the change since the first period next to the value. With one, the
    // change column is the ranking (a second change would only compete with it).
    const bool since_first = period > 0 && !model.ShowsChange() && !derived;
    if (since_first) {
        char change[128];
        std::snprintf(change, sizeof change, Tr(TextId::chart_table_change), PeriodText(model, 0, ctx.settings.language).c_str());
        data.number_columns.push_back({change, core::NumberFormat{core::NumberStyle::SignedPercent, 1}});
    }
    if (model.Periods().size() > 1 && !derived)
        data.sparkline_header = Tr(TextId::chart_table_trend);
    const core::Selection& selection = ctx.workspace.GetSelection();
    for (std::size_t i = 0; i < layer->features.size(); ++i) {
        const core::RegionFeature& f = layer->features[i];
        charts::TableRow row;
        row.label = f.name;
        row.selected = selection.Contains(f.code);
        row.numbers.push_back(charts::KnownOrUnknown(values[i]));
        const std::vector<core::RegionValue>& series = region_series[i];
        if (since_first) {
            const core::RegionValue change = core::ChangePercent(series.front(), series[static_cast<std::size_t>(period)]);
            row.numbers.push_back(change.state == core::agg::GroupState::Known ? change.value : charts::kUnknown);
        }
        if (!data.sparkline_header.empty()) {
            row.sparkline = charts::Plotted(series);
            row.sparkline_forecast_from = model.ForecastFrom();
        }
        data.rows.push_back(std::move(row));
    }
    // Sorted by change, steepest decline first: the question the krimp users come with. A table
    // id per layout, so each starts on its own ranking rather than on a column that moved.
    const bool rank_by_change = since_first || model.ShowsChange();
    const charts::TableSort initial = since_first                    ? charts::TableSort{2, false}
                                      : model.ShowsChange() && !derived ? charts::TableSort{1, false}
                                                                        : charts::TableSort{1, true};
    const char* table_id = derived ? "##regions_theme"
                           : model.ShowsChange() ? "##regions_change"
                           : rank_by_change      ? "##regions_since"
                                                 : "##regions";
    DrawTable(ctx, *layer, std::move(data), table_id, initial);
    ImGui::EndChild();
}

bool ChartsPanel::FillCompareTable(const CompareView& compare, PanelContext& ctx, const core::RegionLayer& layer,
                                   const RegionSeries& region_series, charts::TableViewData& data) const
{
    // While the map compares, the table lists what the two maps show: each side's value and the
    // change between them, per region of the table's level.
    const std::optional<CompareSides> sides = compare.SidesFor(layer, ctx.workspace.DisplayedLayer());
    if (!sides)
        return false;
    const bool years = compare.Mode() == CompareMode::Years;
    const core::DashboardModel& model = ctx.model;
    // Years: the table's values as the map writes them, and their change in percent. Scenario:
    // km with one decimal, and the km added.
    // Presenting, three numbers at 200 % leave the names no room: the later side and the change
    // only (the change's header names the earlier side), and no trend.
    const bool both_sides = !ctx.presenting;
    const core::NumberFormat value_format = years ? core::NumberFormat{}
                                            : core::NumberFormat{core::NumberStyle::Plain, 1};
    if (both_sides)
        data.number_columns.push_back({sides->left.title, value_format});
    data.number_columns.push_back({sides->right.title, value_format});
    if (years) {
        // "t.o.v. 2015": the columns before it already name the periods.
        char change[128];
        std::snprintf(change, sizeof change, Tr(TextId::chart_table_change), sides->left.title.c_str());
        data.number_columns.push_back({change, core::NumberFormat{core::NumberStyle::SignedPercent, 1}});
        if (model.Periods().size() > 1 && both_sides)
            data.sparkline_header = Tr(TextId::chart_table_trend);
    } else {
        data.number_columns.push_back({Tr(TextId::chart_table_km_added), core::NumberFormat{core::NumberStyle::Signed, 1}});
    }
    const core::Selection& selection = ctx.workspace.GetSelection();
    for (std::size_t i = 0; i < layer.features.size(); ++i) {
        const core::RegionFeature& f = layer.features[i];
        const core::RegionValue& left = sides->left.values[i];
        const core::RegionValue& right = sides->right.values[i];
        charts::TableRow row;
        row.label = f.name;
        row.selected = selection.Contains(f.code);
        if (both_sides)
            row.numbers.push_back(charts::KnownOrUnknown(left));
        row.numbers.push_back(charts::KnownOrUnknown(right));
        if (years) {
            row.numbers.push_back(charts::KnownOrUnknown(core::ChangePercent(left, right)));
        } else {
            const bool both = left.state == core::agg::GroupState::Known && right.state == core::agg::GroupState::Known;
            row.numbers.push_back(both ? right.value - left.value : charts::kUnknown);
        }
        if (!data.sparkline_header.empty() && i < region_series.size()) {
            row.sparkline = charts::Plotted(region_series[i]);
            row.sparkline_forecast_from = model.ForecastFrom();
        }
        data.rows.push_back(std::move(row));
    }
    return true;
}

void ChartsPanel::DrawTable(PanelContext& ctx, const core::RegionLayer& layer, charts::TableViewData data,
                            const char* table_id, charts::TableSort initial)
{
    const float hint_h = ImGui::GetTextLineHeightWithSpacing() * 1.2f;
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const charts::TableViewResult result = charts::DrawTableView(table_id, data,
        ImVec2(avail.x, avail.y - hint_h), initial);
    m_table = std::move(data);
    m_table_order = result;
    if (result.clicked_row) {
        const std::string& code = layer.features[static_cast<std::size_t>(*result.clicked_row)].code;
        if (ImGui::GetIO().KeyCtrl)
            ctx.workspace.GetSelection().Toggle(code);
        else
            ctx.workspace.GetSelection().SelectOnly(code);
    }
    ImGui::TextDisabled("%s", Tr(TextId::chart_table_hint));
}

void ChartsPanel::DrawKrimpAgainstVacancies(PanelContext& ctx, float height)
{
    // Where pupils shrink while jobs are plentiful (bottom-right: training capacity at risk where
    // employers need it) and the other way round: per labour-market region.
    ImGui::BeginChild("krimp_vacancies", ImVec2(0, height), true);
    DrawHeading(ctx.fonts.heading, Tr(TextId::chart_krimp_vacancies_title));
    const ThemeController::KrimpVacancies& kv = ctx.themes.KrimpAgainstVacancies(ctx.workspace, ctx.model);
    const core::RegionLayer* layer = nullptr;
    for (const auto& l : ctx.workspace.Layers())
        if (l->name == kv.level)
            layer = l.get();
    if (!kv.problem.empty() || !layer) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("%s", kv.problem.empty() ? Tr(TextId::theme_no_population) : kv.problem.c_str());
        ImGui::PopStyleColor();
        ImGui::EndChild();
        return;
    }
    charts::ScatterChartData data;
    data.language = ctx.settings.language;
    char title[200];
    std::snprintf(title, sizeof title, Tr(TextId::chart_scatter_x), kv.from.c_str(), kv.to.c_str());
    data.x_title = std::string(Tr(TextId::chart_krimp_vacancies_x)) + ", " + title;
    const std::optional<core::Period> quarter = core::ParsePeriod(kv.quarter);
    std::snprintf(title, sizeof title, Tr(TextId::chart_krimp_vacancies_y), kv.denominator.c_str(),
                  quarter ? charts::PeriodLabel(*quarter, ctx.settings.language).c_str() : kv.quarter.c_str());
    data.y_title = title;
    data.x_format = core::NumberFormat{core::NumberStyle::SignedPercent, 1};
    data.y_format = core::NumberFormat{core::NumberStyle::Plain, 1};
    const bool on_level = ctx.workspace.ActiveLayer() == layer;
    const core::Selection& selection = ctx.workspace.GetSelection();
    for (const core::RegionFeature& f : layer->features) {
        charts::ScatterPoint point;
        point.label = f.name;
        point.selected = on_level && selection.Contains(f.code);
        if (const auto it = kv.change_percent.find(f.code); it != kv.change_percent.end() && it->second.state == core::agg::GroupState::Known)
            point.x = it->second.value;
        if (const auto it = kv.per_thousand.find(f.code); it != kv.per_thousand.end() && it->second.state == core::agg::GroupState::Known)
            point.y = it->second.value;
        data.points.push_back(std::move(point));
    }
    data.quadrant_x = kv.national_change;
    data.quadrant_y = kv.national_per_thousand;
    data.quadrant_x_label = Tr(TextId::chart_scatter_national);
    data.quadrant_y_label = Tr(TextId::chart_scatter_national);
    const charts::ScatterChartResult result = charts::DrawScatterChart("##krimp_vacancies", data, ImGui::GetContentRegionAvail());
    if (result.clicked_point && on_level) {
        const std::string& code = layer->features[static_cast<std::size_t>(*result.clicked_point)].code;
        if (ImGui::GetIO().KeyShift || ImGui::GetIO().KeyCtrl)
            ctx.workspace.GetSelection().Toggle(code);
        else
            ctx.workspace.GetSelection().SelectOnly(code);
    }
    ImGui::EndChild();
}

void ChartsPanel::DrawScatter(PanelContext& ctx, float height, const RegionSeries& region_series)
{
    // Each region's change against its size in the later year, with the national change and the
    // average region as quadrant lines: small regions that shrink fast stand out bottom left.
    const core::RegionLayer* layer = ctx.workspace.ActiveLayer();
    ImGui::BeginChild("scatter", ImVec2(0, height), true);
    const charts::ScatterChart chart = charts::BuildChangeSizeScatter(
        ctx.model, ctx.workspace, region_series, ctx.settings.language,
        m_map ? m_map->Compare().ComparedPeriods() : std::nullopt);
    DrawHeading(ctx.fonts.heading, chart.title.c_str());
    if (chart.unavailable) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("%s", Tr(*chart.unavailable));
        ImGui::PopStyleColor();
        ImGui::EndChild();
        return;
    }
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const charts::ScatterChartResult result = charts::DrawScatterChart("##scatter", chart.data, avail);
    if (result.clicked_point) { // one point per feature, in layer order
        const std::string& code = layer->features[static_cast<std::size_t>(*result.clicked_point)].code;
        if (ImGui::GetIO().KeyShift || ImGui::GetIO().KeyCtrl)
            ctx.workspace.GetSelection().Toggle(code);
        else
            ctx.workspace.GetSelection().SelectOnly(code);
    }
    ImGui::EndChild();
}

void ChartsPanel::DrawContent(PanelContext& ctx)
{
    struct Card {
        const char* id;
        TextId title;
        TextId text;
    };
    static constexpr Card kCards[] = {
        {"timeseries", TextId::chart_timeseries_title, TextId::chart_timeseries_coming},
        {"bars", TextId::chart_bars_title, TextId::chart_bars_coming},
        {"scatter", TextId::chart_scatter_title, TextId::chart_scatter_coming},
    };
    // Three cards fill the column; the time chart gets more room once there is data for it.
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    const float avail = ImGui::GetContentRegionAvail().y - spacing * 2.0f;
    if (ctx.model.HasData()) {
        // The bars only where the table splits into a few kinds; else the region table takes it.
        const bool bars = ctx.model.BarsDimension() >= 0;
        // Each region's series once a frame, for the scatter and the table both.
        const RegionSeries series = charts::BuildRegionSeries(ctx.model, ctx.workspace);
        // For the room: the time chart and the ranking only, each large enough to read at 200 %.
        if (ctx.presenting) {
            DrawTimeSeries(ctx, avail * 0.58f);
            DrawRegionTable(ctx, avail * 0.42f, series);
            return;
        }
        // Time chart, middle card, region table: each at least the text lines it needs to be read.
        const float line = ImGui::GetTextLineHeightWithSpacing();
        const std::array<float, 3> heights =
            CardHeights(avail, {0.36f, 0.30f, 0.34f}, {11.0f * line, 10.0f * line, 7.0f * line});
        DrawTimeSeries(ctx, heights[0]);
        // The middle card shares its place with the alerts (issue 7), as tabs.
        UpdateAlerts(ctx, m_alerts);
        const std::string alerts_tab = AlertTabLabel(m_alerts, ctx.settings.language);
        const float card = heights[1] - ImGui::GetFrameHeightWithSpacing();
        if (ImGui::BeginTabBar("middle_card")) {
            if (ImGui::BeginTabItem((std::string(Tr(TextId::alerts_tab_chart)) + "###chart_tab").c_str())) {
                if (bars)
                    DrawBars(ctx, card);
                else
                    DrawScatter(ctx, card, series);
                ImGui::EndTabItem();
            }
            // Vacancies theme: regional shrinkage against vacancy density (two tables, one level).
            if (ctx.themes.Current() == Theme::Vacancies &&
                ImGui::BeginTabItem((std::string(Tr(TextId::chart_krimp_vacancies_tab)) + "###krimp_vacancies").c_str())) {
                DrawKrimpAgainstVacancies(ctx, card);
                ImGui::EndTabItem();
            }
            if (ImGui::BeginTabItem((std::string(alerts_tab) + "###alerts_tab").c_str())) {
                DrawAlertsCard(ctx, m_alerts, ImVec2(0, card));
                ImGui::EndTabItem();
            }
            ImGui::EndTabBar();
        }
        if (m_alerts.fit_request && m_map)
            m_map->RequestFitTo(*std::exchange(m_alerts.fit_request, std::nullopt));
        DrawRegionTable(ctx, heights[2], series);
        return;
    }
    m_time_chart = {}; // nothing shown
    for (const Card& card : kCards)
        DrawComingCard(card.id, ctx.fonts.heading, Tr(card.title), Tr(card.text), avail / 3.0f);
}

} // namespace vak::ui
