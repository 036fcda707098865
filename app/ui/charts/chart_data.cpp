#include "ui/charts/chart_data.hpp"

#include "core/dashboard/dashboard_model.hpp"
#include "core/workspace.hpp"
#include "ui/panels/panel.hpp"
#include "ui/theme_controller.hpp"

#include <algorithm>
#include <cstdio>
#include <utility>

namespace vak::ui::charts {

// Unknown values stay unknown (NaN), never 0: a suppressed count is no measurement.
std::vector<double> Plotted(const std::vector<core::RegionValue>& values)
{
    std::vector<double> out(values.size(), kUnknown);
    for (std::size_t i = 0; i < values.size(); ++i)
        out[i] = KnownOrUnknown(values[i]);
    return out;
}

double KnownOrUnknown(const core::RegionValue& value)
{
    return value.state == core::agg::GroupState::Known ? value.value : kUnknown;
}

TimeChart BuildTimeChart(const core::DashboardModel& model, const core::Workspace& workspace, ThemeController& themes,
                         const ChartChoices& choices, Language language)
{
    TimeChart chart;
    char title[256];
    std::snprintf(title, sizeof title, TrIn(TextId::chart_over_time, language), model.MeasureTitle().c_str());
    chart.title = title;
    TimeSeriesData& data = chart.data;
    data.periods = ConsecutivePeriods(model.Periods());
    if (data.periods.empty()) {
        chart.unavailable = TextId::chart_not_yearly;
        return chart;
    }
    data.language = language;
    data.index_mode = choices.index_mode;
    // The index starts where the change on the map starts: both answer "since when".
    data.index_base = model.ShowsChange() ? model.ChangeFrom() : 0;
    data.unit = model.MeasureTitle();
    if (model.PeriodIndex() >= 0 && !model.ShowsChange())
        data.current_period = model.PeriodIndex();
    if (model.ShowsChange())
        data.selected_periods = PeriodRange{model.ChangeFrom(), model.ChangeTo()};

    TimeSeries national;
    national.name = TrIn(TextId::chart_national, language);
    national.values = Plotted(model.NationalPeriodSeries());
    national.forecast_from = model.ForecastFrom();
    national.is_reference = true;
    data.series.push_back(std::move(national));

    const core::Selection& selection = workspace.GetSelection();
    const core::RegionLayer* layer = workspace.ActiveLayer();
    std::size_t shown = 0;
    for (const std::string& code : selection.Codes()) {
        if (shown == kMaxRegionLines)
            break;
        TimeSeries line;
        const int feature = layer ? layer->FindByCode(code) : -1;
        line.name = feature >= 0 ? layer->features[static_cast<std::size_t>(feature)].name : code;
        line.values = Plotted(model.PeriodSeriesOf(code));
        line.forecast_from = model.ForecastFrom();
        data.series.push_back(std::move(line));
        ++shown;
    }
    chart.regions_left_out = selection.Codes().size() - shown;

    // Krimp: primary-school pupils, when that table is loaded. Whatever the theme adds is the
    // leading indicator, which is read differently from the measured lines: its own pattern.
    const std::size_t before = data.series.size();
    themes.AddLeadingIndicator(workspace, data);
    for (std::size_t i = before; i < data.series.size(); ++i)
        data.series[i].pattern = LinePattern::DashDot;
    return chart;
}

BarsChart BuildBarsChart(const core::DashboardModel& model, Language language)
{
    BarsChart chart;
    const int dim = model.BarsDimension();
    if (dim < 0) {
        chart.title = TrIn(TextId::chart_bars_title, language);
        chart.unavailable = TextId::chart_bars_none;
        return chart;
    }
    const core::agg::FactDimension& split = model.Table()->dimensions[static_cast<std::size_t>(dim)];
    char title[256];
    std::snprintf(title, sizeof title, TrIn(TextId::chart_bars_by, language), model.MeasureTitle().c_str(),
                  split.name.c_str());
    chart.title = title;
    if (model.PeriodIndex() >= 0)
        chart.period = PeriodText(model, model.PeriodIndex(), language);
    chart.data.language = language;
    const std::vector<core::RegionValue> values = model.BarValues();
    for (std::size_t c = 0; c < values.size() && c < split.labels.size(); ++c) {
        BarItem item;
        item.label = split.labels[c];
        item.values = {KnownOrUnknown(values[c])};
        item.selected = model.BarSelected(static_cast<std::uint32_t>(c));
        chart.data.items.push_back(std::move(item));
    }
    return chart;
}

RegionSeries BuildRegionSeries(const core::DashboardModel& model, const core::Workspace& workspace)
{
    RegionSeries series;
    if (const core::RegionLayer* layer = workspace.ActiveLayer()) {
        series.reserve(layer->features.size());
        for (const core::RegionFeature& f : layer->features)
            series.push_back(model.PeriodSeriesOf(f.code));
    }
    return series;
}

ScatterChart BuildChangeSizeScatter(const core::DashboardModel& model, const core::Workspace& workspace,
                                    const RegionSeries& region_series, Language language,
                                    std::optional<std::pair<int, int>> periods)
{
    ScatterChart chart;
    chart.title = TrIn(TextId::chart_scatter_change_size, language);
    const core::RegionLayer* layer = workspace.ActiveLayer();
    int from = model.ShowsChange() ? model.ChangeFrom() : 0;
    int to = model.ShowsChange() ? model.ChangeTo() : model.PeriodIndex();
    if (periods) {
        // Earlier to later, whichever side of the compare holds which.
        from = std::min(periods->first, periods->second);
        to = std::max(periods->first, periods->second);
    }
    if (!layer || from < 0 || to <= from || to >= static_cast<int>(model.Periods().size()) || region_series.size() != layer->features.size()) {
        chart.unavailable = TextId::chart_scatter_coming;
        return chart;
    }
    const std::string first = PeriodText(model, from, language);
    const std::string last = PeriodText(model, to, language);
    ScatterChartData& data = chart.data;
    data.language = language;
    char title[160];
    std::snprintf(title, sizeof title, TrIn(TextId::chart_scatter_x, language), first.c_str(), last.c_str());
    data.x_title = title;
    std::snprintf(title, sizeof title, TrIn(TextId::chart_scatter_y, language), model.MeasureTitle().c_str(),
                  last.c_str());
    data.y_title = title;
    data.x_format = core::NumberFormat{core::NumberStyle::SignedPercent, 1};
    data.y_format = core::NumberFormat{core::NumberStyle::Compact, 0};
    const core::Selection& selection = workspace.GetSelection();
    const std::size_t period_count = model.Periods().size();
    double total = 0;
    std::size_t regions = 0;
    for (std::size_t i = 0; i < layer->features.size(); ++i) {
        const core::RegionFeature& f = layer->features[i];
        const std::vector<core::RegionValue>& series = region_series[i];
        ScatterPoint point;
        point.label = f.name;
        point.selected = selection.Contains(f.code);
        if (series.size() == period_count) {
            const core::RegionValue& a = series[static_cast<std::size_t>(from)];
            const core::RegionValue& b = series[static_cast<std::size_t>(to)];
            if (b.state == core::agg::GroupState::Known) {
                point.y = b.value;
                total += b.value;
                ++regions;
            }
            point.x = KnownOrUnknown(core::ChangePercent(a, b));
        }
        data.points.push_back(std::move(point));
    }
    const std::vector<core::RegionValue> national = model.NationalPeriodSeries();
    if (national.size() == period_count)
        data.quadrant_x = KnownOrUnknown(
            core::ChangePercent(national[static_cast<std::size_t>(from)], national[static_cast<std::size_t>(to)]));
    if (regions > 0)
        data.quadrant_y = total / static_cast<double>(regions);
    data.quadrant_x_label = TrIn(TextId::chart_scatter_national, language);
    data.quadrant_y_label = TrIn(TextId::chart_scatter_average, language);
    return chart;
}

} // namespace vak::ui::charts
