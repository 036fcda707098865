#include "ui/charts/time_series_chart.hpp"

#include <algorithm>
#include <cstdio>

namespace vak::ui::charts {

// [SECTION] Computation

std::vector<double> ComputeIndexValues(std::span<const double> values, int base_index)
{
    std::vector<double> index(values.size(), kUnknown);
    if (base_index < 0 || base_index >= static_cast<int>(values.size()))
        return index;
    const double base = values[static_cast<std::size_t>(base_index)];
    if (!IsKnown(base) || base == 0.0)
        return index;
    for (std::size_t i = 0; i < values.size(); ++i)
        if (IsKnown(values[i]))
            index[i] = values[i] / base * 100.0;
    return index;
}

SeriesGeometry BuildSeriesGeometry(std::span<const double> values, int forecast_from, const LinearScale& x,
                                   const LinearScale& y)
{
    SeriesGeometry geometry;
    SeriesGeometry::Run run;
    auto flush = [&] {
        if (run.points.size() >= 2) {
            geometry.runs.push_back(std::move(run));
        } else if (run.points.size() == 1) {
            geometry.lone_points.push_back(run.points.front());
            geometry.lone_forecast.push_back(run.forecast);
        }
        run = {};
    };
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (!IsKnown(values[i])) {
            flush(); // an unknown value breaks the line
            continue;
        }
        const ImVec2 point(x.ToPixel(static_cast<double>(i)), y.ToPixel(values[i]));
        const bool forecast = forecast_from >= 0 && static_cast<int>(i) >= forecast_from;
        if (run.points.empty()) {
            run.points.push_back(point);
            run.forecast = forecast;
            continue;
        }
        // The segment into a value takes that value's kind: the step from the last history
        // value to the first forecast is already dashed.
        if (run.points.size() == 1) {
            run.forecast = forecast;
        } else if (forecast != run.forecast) {
            const ImVec2 joint = run.points.back();
            flush();
            run.points.push_back(joint);
            run.forecast = forecast;
        }
        run.points.push_back(point);
    }
    flush();
    return geometry;
}

std::vector<core::Period> ConsecutivePeriods(std::span<const std::string> labels)
{
    std::vector<core::Period> periods;
    for (const std::string& label : labels) {
        const std::optional<core::Period> p = core::ParsePeriod(label);
        if (!p)
            return {};
        if (!periods.empty()) {
            const core::Period& before = periods.back();
            const bool quarters = before.quarter != 0;
            if ((p->quarter != 0) != quarters)
                return {}; // years mixed with quarters
            const bool next = quarters ? (p->year * 4 + p->quarter - 1) == (before.year * 4 + before.quarter)
                                       : p->year == before.year + 1;
            if (!next)
                return {};
        }
        periods.push_back(*p);
    }
    return periods;
}

PeriodRange OrderedPeriodRange(int a, int b, int count)
{
    if (a > b)
        std::swap(a, b);
    const int last = std::max(0, count - 1);
    return {std::clamp(a, 0, last), std::clamp(b, 0, last)};
}

// [SECTION] Drawing

namespace {

struct PlottedSeries {
    const TimeSeries* series = nullptr;
    std::vector<double> values; // after index mode
    ImU32 color = 0;
    bool base_unknown = false;
};

// The legend and read-out sample: drawn as the series' measured part is.
SwatchKind SwatchOf(const TimeSeries& series)
{
    return series.pattern == LinePattern::DashDot ? SwatchKind::DashDotLine : SwatchKind::Line;
}

int PeriodAt(const LinearScale& x, float pixel, int count)
{
    const double position = std::round(x.ToValue(pixel));
    return static_cast<int>(std::clamp(position, 0.0, static_cast<double>(std::max(0, count - 1))));
}

double ValueAt(const std::vector<double>& values, int index)
{
    return index >= 0 && index < static_cast<int>(values.size()) ? values[static_cast<std::size_t>(index)] : kUnknown;
}

void DrawPeriodBand(ImDrawList* dl, const PixelRect& plot, const LinearScale& x, PeriodRange range,
                    const ChartColors& c, const ChartMetrics& m)
{
    // Whole periods: the band reaches half a period beyond each end, within the plot.
    const float left = std::max(plot.min.x, x.ToPixel(range.first - 0.5));
    const float right = std::min(plot.max.x, x.ToPixel(range.last + 0.5));
    dl->AddRectFilled(ImVec2(left, plot.min.y), ImVec2(right, plot.max.y), c.brush_fill);
    dl->AddLine(ImVec2(left, plot.min.y), ImVec2(left, plot.max.y), c.brush_edge, m.hairline * 1.5f);
    dl->AddLine(ImVec2(right, plot.min.y), ImVec2(right, plot.max.y), c.brush_edge, m.hairline * 1.5f);
}

void DrawSeries(ImDrawList* dl, const PlottedSeries& ps, const LinearScale& x, const LinearScale& y,
                bool dimmed, bool emphasised, bool dots_on_all, const ChartColors& c, const ChartMetrics& m)
{
    const ImU32 color = dimmed ? WithAlpha(ps.color, 0.3f) : ps.color;
    const float thickness = ps.series->is_reference || emphasised ? m.thick_line : m.line;
    const SeriesGeometry geometry = BuildSeriesGeometry(ps.values, ps.series->forecast_from, x, y);
    for (const SeriesGeometry::Run& run : geometry.runs) {
        if (run.forecast)
            AddDashedPolyline(dl, run.points, color, thickness, m.font * 0.45f, m.font * 0.3f);
        else if (ps.series->pattern == LinePattern::DashDot)
            AddPatternedPolyline(dl, run.points, color, thickness, DashDotPattern(m));
        else
            dl->AddPolyline(run.points.data(), static_cast<int>(run.points.size()), color, ImDrawFlags_None, thickness);
    }
    const float radius = m.line * 1.3f;
    auto dot = [&](ImVec2 p, bool forecast) {
        if (forecast) { // hollow: a forecast is not a measurement
            dl->AddCircleFilled(p, radius, c.background, 12);
            dl->AddCircle(p, radius, color, 12, m.hairline * 1.5f);
        } else {
            dl->AddCircleFilled(p, radius, color, 12);
        }
    };
    if (dots_on_all) {
        for (std::size_t i = 0; i < ps.values.size(); ++i)
            if (IsKnown(ps.values[i]))
                dot(ImVec2(x.ToPixel(static_cast<double>(i)), y.ToPixel(ps.values[i])),
                    ps.series->forecast_from >= 0 && static_cast<int>(i) >= ps.series->forecast_from);
    } else {
        for (std::size_t i = 0; i < geometry.lone_points.size(); ++i)
            dot(geometry.lone_points[i], geometry.lone_forecast[i]);
    }
}

} // namespace

TimeSeriesResult DrawTimeSeriesChart(const char* id, const TimeSeriesData& data, ImVec2 size)
{
    const ChartMetrics m = CurrentChartMetrics();
    const ChartColors c = CurrentChartColors();
    const core::NumberLocale locale = NumberLocaleFor(data.language);
    const int count = std::max(1, static_cast<int>(data.periods.size()));
    const int last = count - 1;
    const int base_index = data.index_base;
    auto label_of = [&](int position) {
        return position >= 0 && position < static_cast<int>(data.periods.size())
                   ? PeriodLabel(data.periods[static_cast<std::size_t>(position)], data.language)
                   : std::string();
    };

    // Plotted values, colours (the reference takes the dark colour, the others the palette in
    // order) and the range they span.
    std::vector<PlottedSeries> plotted;
    double low = kUnknown;
    double high = kUnknown;
    int forecast_start = -1; // the earliest forecast index of any series
    int palette_index = 0;
    for (const TimeSeries& s : data.series) {
        PlottedSeries ps;
        ps.series = &s;
        ps.values = data.index_mode ? ComputeIndexValues(s.values, base_index) : s.values;
        ps.base_unknown = data.index_mode && !IsKnown(ValueAt(s.values, base_index));
        ps.color = s.is_reference ? c.reference : SeriesColor(palette_index++);
        for (double v : ps.values)
            if (IsKnown(v)) {
                low = IsKnown(low) ? std::min(low, v) : v;
                high = IsKnown(high) ? std::max(high, v) : v;
            }
        if (s.forecast_from >= 0 && s.forecast_from < static_cast<int>(s.values.size()))
            forecast_start = forecast_start < 0 ? s.forecast_from : std::min(forecast_start, s.forecast_from);
        plotted.push_back(std::move(ps));
    }
    if (data.index_mode && IsKnown(low)) { // 100 is the line every index is read against
        low = std::min(low, 100.0);
        high = std::max(high, 100.0);
    }
    if (data.y_from_zero && IsKnown(low)) {
        low = std::min(low, 0.0);
        high = std::max(high, 0.0);
    }

    std::vector<LegendEntry> legend;
    for (const PlottedSeries& ps : plotted) {
        std::string label = ps.series->name;
        if (ps.base_unknown)
            label += std::string(" (") + TrIn(TextId::chart_base_unknown, data.language) + ")";
        legend.push_back({label, ps.color, SwatchOf(*ps.series), ps.series->is_reference});
    }
    if (forecast_start >= 0)
        legend.push_back({TrIn(TextId::chart_forecast, data.language), c.muted_text, SwatchKind::DashedLine, false});

    ChartArea area = BeginChartArea(id, size, m.font * 14.0f);
    ImDrawList* dl = area.draw_list;
    const PixelRect& rect = area.rect;

    // Layout, top to bottom: legend, axis title, plot, period labels.
    const LegendLayout legend_layout = LayoutLegend(legend, rect.min, rect.Width());
    const float title_y = rect.min.y + legend_layout.height + m.pad * 0.5f;
    PixelRect plot;
    plot.min.y = title_y + m.font + m.pad * 0.75f;
    plot.max.y = rect.max.y - m.font - m.label_gap - m.font * 0.2f;
    const core::NumberStyle axis_style = data.index_mode ? core::NumberStyle::Plain : data.format.style;
    const ValueAxis y_axis =
        BuildValueAxis(low, high, plot.Height(), m.font * 2.4f, axis_style, locale);
    const float year_label_width = TextSize("2030").x;
    plot.min.x = rect.min.x + WidestTickLabel(y_axis) + m.label_gap;
    plot.max.x = rect.max.x - year_label_width * 0.5f - m.font * 0.2f;
    // With one period there is no span: put it in the middle.
    const LinearScale x = count > 1 ? LinearScale(0, last, plot.min.x + m.pad, plot.max.x)
                                    : LinearScale(-1, 1, plot.min.x, plot.max.x);
    const LinearScale y(y_axis.min, y_axis.max, plot.max.y, plot.min.y);

    TimeSeriesResult result;
    result.plot = plot;
    result.x = x;
    result.y = y;
    result.hovered = area.hovered;

    // Input. Drags anywhere on the chart (plot or period labels) brush periods; the press
    // position is ImGui's, so nothing needs remembering between frames.
    const int mouse_period = PeriodAt(x, area.mouse.x, count);
    if (area.active && area.dragged)
        result.brushing = OrderedPeriodRange(PeriodAt(x, area.press_position.x, count), mouse_period, count);
    if (area.released) {
        if (area.dragged)
            result.brushed = OrderedPeriodRange(PeriodAt(x, area.press_position.x, count), mouse_period, count);
        else if (area.mouse.y >= plot.min.y) // a click on the legend is not a period
            result.clicked_period = mouse_period;
    }
    if (area.double_clicked)
        result.brush_cleared = true;
    const bool over_legend = area.mouse.y < plot.min.y - m.pad;
    if (area.hovered && !area.active && !over_legend)
        result.hovered_period = mouse_period;

    std::string title = data.unit;
    if (data.index_mode) {
        char index_title[64];
        std::snprintf(index_title, sizeof index_title, TrIn(TextId::chart_index_title, data.language),
                      label_of(base_index).c_str());
        title = index_title;
    }

    // Background layers: forecast band, brush band, grid.
    if (forecast_start >= 0) {
        // From half a period before the first forecast, as the brush band covers whole periods.
        const float band_left = std::max(plot.min.x, x.ToPixel(forecast_start - 0.5));
        dl->AddRectFilled(ImVec2(band_left, plot.min.y), ImVec2(plot.max.x, plot.max.y), c.forecast_band);
        // Named above the plot, in the title row, where no line can run through the word.
        const char* forecast_text = TrIn(TextId::chart_forecast, data.language);
        const ImVec2 text_size = TextSize(forecast_text);
        const float text_x = std::min(band_left + m.font * 0.3f, rect.max.x - text_size.x);
        if (text_x > rect.min.x + TextSize(title).x + m.pad)
            dl->AddText(ImVec2(text_x, title_y), c.muted_text, forecast_text);
    }
    if (result.brushing)
        DrawPeriodBand(dl, plot, x, *result.brushing, c, m);
    else if (data.selected_periods)
        DrawPeriodBand(dl, plot, x, *data.selected_periods, c, m);
    DrawValueAxisLeft(dl, plot, y_axis, y, c, m);
    if (data.index_mode) { // the base line, darker than the grid
        const float py = std::round(y.ToPixel(100.0)) + 0.5f;
        dl->AddLine(ImVec2(plot.min.x, py), ImVec2(plot.max.x, py), c.axis, m.hairline * 1.5f);
    }
    DrawPeriodAxisBelow(dl, plot, data.periods,
                        PeriodTicks(data.periods, x.ToPixel(last) - x.ToPixel(0), year_label_width), x, c, m);

    // Axis title above the tick labels.
    if (!title.empty())
        dl->AddText(ImVec2(rect.min.x, title_y), c.muted_text, TruncateToWidth(title, rect.Width()).c_str());

    // Current period marker, under the lines.
    const bool has_current = data.current_period && *data.current_period >= 0 && *data.current_period <= last;
    if (has_current) {
        const float px = std::round(x.ToPixel(*data.current_period)) + 0.5f;
        dl->AddLine(ImVec2(px, plot.min.y), ImVec2(px, plot.max.y), c.marker, m.hairline * 1.5f);
    }

    // Lines: the reference first (under the regions), a legend-hovered series last and thick.
    const std::optional<int> legend_hover =
        DrawLegend(dl, legend, legend_layout, area.mouse, area.hovered, c, m);
    if (legend_hover && *legend_hover < static_cast<int>(plotted.size()))
        result.hovered_series = legend_hover;
    const float pixels_per_period = count > 1 ? (x.ToPixel(last) - x.ToPixel(0)) / static_cast<float>(last) : m.font * 4.0f;
    // Dots on every value only while there are few periods; otherwise they clutter the lines.
    const bool dots_on_all = pixels_per_period >= m.font * 2.5f;
    std::vector<int> order;
    for (int pass = 0; pass < 2; ++pass)
        for (int i = 0; i < static_cast<int>(plotted.size()); ++i)
            if (plotted[static_cast<std::size_t>(i)].series->is_reference == (pass == 0) && result.hovered_series != i)
                order.push_back(i);
    if (result.hovered_series)
        order.push_back(*result.hovered_series);
    dl->PushClipRect(ImVec2(plot.min.x - m.font, plot.min.y - m.font), ImVec2(plot.max.x + m.font, plot.max.y + m.font),
                     true);
    for (int i : order)
        DrawSeries(dl, plotted[static_cast<std::size_t>(i)], x, y,
                   result.hovered_series.has_value() && *result.hovered_series != i, result.hovered_series == i,
                   dots_on_all, c, m);
    dl->PopClipRect();

    // The current period's label on top of the lines.
    if (has_current) {
        const std::string label_text = label_of(*data.current_period);
        const char* label = label_text.c_str();
        const ImVec2 text_size = TextSize(label);
        const float px = x.ToPixel(*data.current_period);
        const float margin = m.font * 0.2f;
        // Centred on the marker, but kept inside the chart at either end ("2025 KW4" at the last quarter).
        const float box_w = text_size.x + 2.0f * margin;
        const float box_left = std::clamp(px - box_w * 0.5f, rect.min.x, std::max(rect.min.x, rect.max.x - box_w));
        const ImVec2 box_min(box_left, plot.min.y);
        const ImVec2 box_max(box_left + box_w, plot.min.y + text_size.y);
        dl->AddRectFilled(box_min, box_max, c.marker, margin);
        dl->AddText(ImVec2(box_min.x + margin, box_min.y), c.background, label);
    }

    // Hover read-out: a guide at the period, rings on each value, a tooltip with all series.
    if (result.hovered_period && !result.hovered_series) {
        const int index = *result.hovered_period;
        const float px = std::round(x.ToPixel(index)) + 0.5f;
        dl->AddLine(ImVec2(px, plot.min.y), ImVec2(px, plot.max.y), c.hover_guide, m.hairline);
        std::vector<ReadoutRow> rows;
        bool any_forecast = false;
        for (const PlottedSeries& ps : plotted) {
            const double shown = ValueAt(ps.values, index);
            const double raw = ValueAt(ps.series->values, index);
            const bool forecast = ps.series->forecast_from >= 0 && index >= ps.series->forecast_from;
            any_forecast = any_forecast || (forecast && IsKnown(raw));
            std::string text = TrIn(TextId::chart_unknown, data.language);
            if (IsKnown(shown)) {
                const ImVec2 at(px, y.ToPixel(shown));
                dl->AddCircleFilled(at, m.point_radius * 1.2f, c.background, 16);
                dl->AddCircle(at, m.point_radius * 1.2f, ps.color, 16, m.line);
                text = data.index_mode ? core::FormatNumber(shown, 1, locale) + " (" +
                                             core::FormatValue(raw, data.format, locale) + ")"
                                       : core::FormatValue(raw, data.format, locale);
            }
            rows.push_back({ps.series->name, text, ps.color, SwatchOf(*ps.series), ps.series->is_reference});
        }
        std::string tooltip_title = label_of(index);
        if (any_forecast)
            tooltip_title += std::string(" (") + TrIn(TextId::chart_forecast, data.language) + ")";
        if (!rows.empty())
            DrawReadoutTooltip(tooltip_title, rows);
    }
    return result;
}

} // namespace vak::ui::charts
