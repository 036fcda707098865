#include "ui/charts/svg_chart_export.hpp"

#include "core/errors.hpp"
#include "core/text/number_format.hpp"
#include "io/output_file.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <numeric>

namespace vak::ui::charts {

namespace {

// [SECTION] text

std::string Escape(const std::string& text)
{
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&apos;"; break;
        default: out += c;
        }
    }
    return out;
}

// Shortest text that reads back as the same double: what data- attributes carry.
std::string Exact(double value)
{
    char buffer[32];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    return ec == std::errc() ? std::string(buffer, end) : std::string();
}

std::string Px(double value)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", value);
    return buffer;
}

// ImU32 is 0xAABBGGRR.
std::string Hex(ImU32 color)
{
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "#%02x%02x%02x", color & 0xFF, (color >> 8) & 0xFF, (color >> 16) & 0xFF);
    return buffer;
}

constexpr const char* kInk = "#1e2228";
constexpr const char* kMuted = "#5b6370";
constexpr const char* kGrid = "#dde2e8";
constexpr const char* kReference = "#2b2f36";
constexpr const char* kUnknownFill = "#c8ccd2";

class Svg {
public:
    Svg(const SvgFrame& frame) : m_frame(frame)
    {
        m_out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
        m_out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + std::to_string(frame.width) + "\" height=\"" +
                 std::to_string(frame.height) + "\" viewBox=\"0 0 " + std::to_string(frame.width) + " " +
                 std::to_string(frame.height) + "\" font-family=\"DejaVu Sans, Noto Sans, Arial, sans-serif\">\n";
        m_out += "<title>" + Escape(frame.title) + "</title>\n";
        m_out += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n";
        Text(20, 32, frame.title, 18, "start", kInk, "font-weight=\"bold\" class=\"title\"");
        Text(20, frame.height - 14.0, frame.source, 12, "start", kMuted, "class=\"source\"");
    }
    void Text(double x, double y, const std::string& text, int size, const char* anchor, const char* fill,
              const std::string& extra = {})
    {
        m_out += "<text x=\"" + Px(x) + "\" y=\"" + Px(y) + "\" font-size=\"" + std::to_string(size) +
                 "\" text-anchor=\"" + anchor + "\" fill=\"" + fill + "\"" + (extra.empty() ? "" : " " + extra) + ">" +
                 Escape(text) + "</text>\n";
    }
    void Line(double x0, double y0, double x1, double y1, const std::string& stroke, double width,
              const std::string& extra = {})
    {
        m_out += "<line x1=\"" + Px(x0) + "\" y1=\"" + Px(y0) + "\" x2=\"" + Px(x1) + "\" y2=\"" + Px(y1) +
                 "\" stroke=\"" + stroke + "\" stroke-width=\"" + Px(width) + "\"" + (extra.empty() ? "" : " " + extra) +
                 "/>\n";
    }
    void Raw(const std::string& text) { m_out += text; }
    std::string Finish()
    {
        m_out += "</svg>\n";
        return std::move(m_out);
    }
    const SvgFrame& Frame() const { return m_frame; }

private:
    const SvgFrame& m_frame;
    std::string m_out;
};

// [SECTION] axes

struct Axis {
    double min = 0, max = 1, step = 1;
    std::vector<double> ticks;
    double ToPixel(double v, double p0, double p1) const { return p0 + (v - min) / (max - min) * (p1 - p0); }
};

// Round ticks covering the data, the range being the outer ticks (as on screen).
Axis MakeAxis(double lo, double hi, int target)
{
    if (!(lo <= hi)) {
        lo = 0;
        hi = 1;
    }
    if (hi - lo < 1e-12) { // one value: a range around it
        const double pad = std::max(1.0, std::abs(hi) * 0.1);
        lo -= pad;
        hi += pad;
    }
    Axis axis;
    axis.ticks = core::NiceTicks(lo, hi, target);
    if (axis.ticks.size() < 2)
        axis.ticks = {lo, hi};
    axis.min = axis.ticks.front();
    axis.max = axis.ticks.back();
    axis.step = axis.ticks[1] - axis.ticks[0];
    return axis;
}

std::string TickText(const Axis& axis, double value, core::NumberStyle style, core::NumberLocale locale)
{
    return core::FormatAxisTick(value, axis.step, std::max(std::abs(axis.min), std::abs(axis.max)), style, locale);
}

struct Plot {
    double x0, y0, x1, y1; // left, top, right, bottom
};

void DrawYAxis(Svg& svg, const Plot& plot, const Axis& axis, core::NumberStyle style, core::NumberLocale locale,
               const std::string& title)
{
    for (const double t : axis.ticks) {
        const double y = axis.ToPixel(t, plot.y1, plot.y0);
        svg.Line(plot.x0, y, plot.x1, y, kGrid, 1);
        svg.Text(plot.x0 - 8, y + 4, TickText(axis, t, style, locale), 12, "end", kMuted, "class=\"tick y\"");
    }
    if (!title.empty())
        svg.Text(18, (plot.y0 + plot.y1) * 0.5, title, 13, "middle", kInk,
                 "class=\"axis-title y\" transform=\"rotate(-90 18 " + Px((plot.y0 + plot.y1) * 0.5) + ")\"");
}

void DrawXAxis(Svg& svg, const Plot& plot, const Axis& axis, core::NumberStyle style, core::NumberLocale locale,
               const std::string& title)
{
    for (const double t : axis.ticks) {
        const double x = axis.ToPixel(t, plot.x0, plot.x1);
        svg.Line(x, plot.y0, x, plot.y1, kGrid, 1);
        svg.Text(x, plot.y1 + 18, TickText(axis, t, style, locale), 12, "middle", kMuted, "class=\"tick x\"");
    }
    svg.Line(plot.x0, plot.y1, plot.x1, plot.y1, kMuted, 1);
    if (!title.empty())
        svg.Text((plot.x0 + plot.x1) * 0.5, plot.y1 + 40, title, 13, "middle", kInk, "class=\"axis-title x\"");
}

} // namespace

// [SECTION] time chart

namespace {

// The screen's dash patterns (chart_axes: DashDotPattern, the forecast's dashes) at this size.
constexpr const char* kForecastDash = "6 4";
constexpr const char* kDashDot = "12 4 2 4";
constexpr const char* kBrushFill = "#dfe8f2";
constexpr const char* kBrushEdge = "#8aa4c2";

// Characters, not bytes, for the legend's rough text width.
std::size_t Utf8Length(const std::string& text)
{
    std::size_t n = 0;
    for (const char c : text)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
            ++n;
    return n;
}

} // namespace

std::string TimeSeriesSvg(const TimeSeriesData& data, const SvgFrame& frame)
{
    Svg svg(frame);
    const core::NumberLocale locale = NumberLocaleFor(data.language);
    const std::size_t n = data.periods.size();
    const auto period_label = [&](int i) {
        return i >= 0 && std::size_t(i) < n ? PeriodLabel(data.periods[std::size_t(i)], data.language) : std::string();
    };

    // What is plotted, as on screen: the values, or in index mode each series against its own
    // value in the base period; the reference dark and thick, the others the palette in order.
    struct Plotted {
        const TimeSeries* series;
        std::vector<double> values;
        std::string stroke;
        double width;
        const char* dash; // the measured part's pattern; nullptr: solid
    };
    std::vector<Plotted> plotted;
    int colour = 0;
    double lo = INFINITY, hi = -INFINITY;
    int forecast = -1; // the earliest forecast period of any series
    for (const TimeSeries& s : data.series) {
        Plotted p{&s, data.index_mode ? ComputeIndexValues(s.values, data.index_base) : s.values,
                  s.is_reference ? kReference : Hex(SeriesColor(colour++)), s.is_reference ? 3.0 : 2.0,
                  s.pattern == LinePattern::DashDot ? kDashDot : nullptr};
        for (const double v : p.values)
            if (IsKnown(v)) {
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
        if (s.forecast_from >= 0 && std::size_t(s.forecast_from) < s.values.size())
            forecast = forecast < 0 ? s.forecast_from : std::min(forecast, s.forecast_from);
        plotted.push_back(std::move(p));
    }
    if (data.index_mode && lo <= hi) { // 100 is the line every index is read against
        lo = std::min(lo, 100.0);
        hi = std::max(hi, 100.0);
    }
    if (data.y_from_zero)
        lo = std::min(lo, 0.0);

    // The legend under the title, wrapping onto more rows when wide (the leading indicator's
    // name is long); the plot starts below it.
    struct LegendItem {
        std::string label;
        std::string stroke;
        double width;
        const char* dash;
        double x, y;
    };
    std::vector<LegendItem> legend;
    for (const Plotted& p : plotted) {
        std::string label = p.series->name;
        if (data.index_mode && !IsKnown(data.index_base >= 0 && std::size_t(data.index_base) < p.series->values.size()
                                            ? p.series->values[std::size_t(data.index_base)]
                                            : kUnknown))
            label += std::string(" (") + TrIn(TextId::chart_base_unknown, data.language) + ")";
        legend.push_back({label, p.stroke, p.width, p.dash, 0, 0});
    }
    if (forecast >= 0 && std::size_t(forecast) < n)
        legend.push_back({TrIn(TextId::chart_forecast, data.language), kMuted, 2.0, kForecastDash, 0, 0});
    double legend_x = 20, legend_y = 56;
    for (LegendItem& item : legend) {
        const double w = 30 + 7.0 * double(Utf8Length(item.label));
        if (legend_x > 20 && legend_x + w > frame.width - 20.0) {
            legend_x = 20;
            legend_y += 18;
        }
        item.x = legend_x;
        item.y = legend_y;
        legend_x += w + 14;
    }

    const Axis y = MakeAxis(lo, hi, 6);
    const Plot plot{90, legend_y + 24, frame.width - 30.0, frame.height - 80.0};
    const auto x_of = [&](std::size_t i) {
        return n <= 1 ? (plot.x0 + plot.x1) * 0.5 : plot.x0 + (plot.x1 - plot.x0) * double(i) / double(n - 1);
    };
    const double half_period = n <= 1 ? 0.0 : (plot.x1 - plot.x0) / double(n - 1) * 0.5;
    // Bands behind the grid, covering whole periods as on screen: the forecast years, then the
    // map's change (the brushed range).
    const auto band = [&](double left, double right, const char* fill, const char* cls) {
        left = std::max(plot.x0, left);
        right = std::min(plot.x1, right);
        svg.Raw("<rect class=\"" + std::string(cls) + "\" x=\"" + Px(left) + "\" y=\"" + Px(plot.y0) + "\" width=\"" +
                Px(right - left) + "\" height=\"" + Px(plot.y1 - plot.y0) + "\" fill=\"" + fill + "\"/>\n");
    };
    if (forecast >= 0 && std::size_t(forecast) < n)
        band(x_of(std::size_t(forecast)) - half_period, plot.x1, "#eef1f5", "forecast");
    if (data.selected_periods && n > 0) {
        const PeriodRange r = OrderedPeriodRange(data.selected_periods->first, data.selected_periods->last, int(n));
        const double left = std::max(plot.x0, x_of(std::size_t(r.first)) - half_period);
        const double right = std::min(plot.x1, x_of(std::size_t(r.last)) + half_period);
        band(left, right, kBrushFill, "brush");
        svg.Line(left, plot.y0, left, plot.y1, kBrushEdge, 1.5, "class=\"brush-edge\"");
        svg.Line(right, plot.y0, right, plot.y1, kBrushEdge, 1.5, "class=\"brush-edge\"");
    }
    std::string axis_title = data.unit;
    if (data.index_mode) {
        char title[96];
        std::snprintf(title, sizeof title, TrIn(TextId::chart_index_title, data.language),
                      period_label(data.index_base).c_str());
        axis_title = title;
    }
    DrawYAxis(svg, plot, y, data.index_mode ? core::NumberStyle::Plain : data.format.style, locale, axis_title);
    if (data.index_mode) // the base line, darker than the grid
        svg.Line(plot.x0, y.ToPixel(100.0, plot.y1, plot.y0), plot.x1, y.ToPixel(100.0, plot.y1, plot.y0), kMuted, 1.5,
                 "class=\"base\"");
    // Period labels: every k-th, at most about a dozen.
    const std::size_t every = std::max<std::size_t>(1, (n + 11) / 12);
    for (std::size_t i = 0; i < n; ++i) {
        svg.Line(x_of(i), plot.y1, x_of(i), plot.y1 + 4, kMuted, 1);
        if (i % every == 0 || i + 1 == n)
            svg.Text(x_of(i), plot.y1 + 18, PeriodLabel(data.periods[i], data.language), 12, "middle", kMuted,
                     "class=\"tick x\"");
    }
    svg.Line(plot.x0, plot.y1, plot.x1, plot.y1, kMuted, 1);
    if (data.current_period && *data.current_period >= 0 && std::size_t(*data.current_period) < n)
        svg.Line(x_of(std::size_t(*data.current_period)), plot.y0, x_of(std::size_t(*data.current_period)), plot.y1,
                 kMuted, 1, "stroke-dasharray=\"2 3\" class=\"current\"");

    // Lines (the reference first, under the others), then one circle per known value. Each
    // circle carries the measured value; in index mode also the index it is drawn at.
    std::vector<const Plotted*> order;
    for (int pass = 0; pass < 2; ++pass)
        for (const Plotted& p : plotted)
            if (p.series->is_reference == (pass == 0))
                order.push_back(&p);
    for (const Plotted* p : order) {
        const TimeSeries& s = *p->series;
        svg.Raw("<g class=\"series\" data-name=\"" + Escape(s.name) + "\">\n");
        // Runs of known values: the measured part in the series' pattern, from the forecast on dashed.
        std::string measured, dashed;
        const auto flush = [&](std::string& points, const char* dash) {
            if (points.find(' ') != std::string::npos && points.find(' ') != points.size() - 1)
                svg.Raw("<polyline fill=\"none\" stroke=\"" + p->stroke + "\" stroke-width=\"" + Px(p->width) + "\"" +
                        (dash ? std::string(" stroke-dasharray=\"") + dash + "\"" : std::string()) + " points=\"" +
                        points + "\"/>\n");
            points.clear();
        };
        for (std::size_t i = 0; i < n && i < p->values.size(); ++i) {
            const double v = p->values[i];
            if (!IsKnown(v)) {
                flush(measured, p->dash);
                flush(dashed, kForecastDash);
                continue;
            }
            const std::string point = Px(x_of(i)) + "," + Px(y.ToPixel(v, plot.y1, plot.y0)) + " ";
            // The forecast part starts at the last measured value.
            const bool in_forecast = s.forecast_from >= 0 && int(i) >= s.forecast_from;
            if (!in_forecast)
                measured += point;
            if (in_forecast || (s.forecast_from >= 0 && int(i) + 1 == s.forecast_from))
                dashed += point;
        }
        flush(measured, p->dash);
        flush(dashed, kForecastDash);
        for (std::size_t i = 0; i < n && i < p->values.size(); ++i) {
            const double shown = p->values[i];
            if (!IsKnown(shown))
                continue;
            const double raw = s.values[i];
            const std::string label = PeriodLabel(data.periods[i], data.language);
            const std::string readout = data.index_mode ? core::FormatNumber(shown, 1, locale) + " (" +
                                                              core::FormatValue(raw, data.format, locale) + ")"
                                                        : core::FormatValue(raw, data.format, locale);
            svg.Raw("<circle class=\"point\" cx=\"" + Px(x_of(i)) + "\" cy=\"" + Px(y.ToPixel(shown, plot.y1, plot.y0)) +
                    "\" r=\"3\" fill=\"" + p->stroke + "\" data-series=\"" + Escape(s.name) + "\" data-period=\"" +
                    Escape(label) + "\" data-value=\"" + Exact(raw) + "\"" +
                    (data.index_mode ? " data-index=\"" + Exact(shown) + "\"" : std::string()) + "><title>" +
                    Escape(s.name + ", " + label + ": " + readout) + "</title></circle>\n");
        }
        svg.Raw("</g>\n");
    }
    for (const LegendItem& item : legend) {
        svg.Line(item.x, item.y, item.x + 24, item.y, item.stroke, item.width,
                 std::string("class=\"legend\"") +
                     (item.dash ? std::string(" stroke-dasharray=\"") + item.dash + "\"" : std::string()));
        svg.Text(item.x + 30, item.y + 4, item.label, 12, "start", kInk, "class=\"legend\"");
    }
    return svg.Finish();
}

// [SECTION] bar chart

std::string BarChartSvg(const BarChartData& data, const SvgFrame& frame)
{
    Svg svg(frame);
    const core::NumberLocale locale = NumberLocaleFor(data.language);
    // A bar's length is the sum of its parts (stacked) or its largest part.
    const auto total = [&](const BarItem& item) {
        double sum = 0;
        bool known = false;
        for (const double v : item.values)
            if (IsKnown(v)) {
                sum = data.stacked ? sum + v : std::max(sum, v);
                known = true;
            }
        return known ? sum : kUnknown;
    };
    std::vector<std::size_t> order(data.items.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    if (data.order != BarOrder::AsGiven)
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            const double va = total(data.items[a]), vb = total(data.items[b]);
            if (IsKnown(va) != IsKnown(vb))
                return IsKnown(va); // unknown last
            return data.order == BarOrder::Descending ? va > vb : va < vb;
        });
    double hi = 0;
    for (const BarItem& item : data.items)
        if (IsKnown(total(item)))
            hi = std::max(hi, total(item));
    const Axis x = MakeAxis(0, hi > 0 ? hi : 1, 6);
    const double rows = std::max<double>(1, static_cast<double>(data.items.size()));
    const Plot plot{230, 70, frame.width - 90.0, frame.height - 80.0};
    DrawXAxis(svg, plot, x, data.format.style, locale, {});
    const double row_h = (plot.y1 - plot.y0) / rows;
    const double bar_h = std::min(36.0, row_h * 0.7);
    for (std::size_t r = 0; r < order.size(); ++r) {
        const BarItem& item = data.items[order[r]];
        const double top = plot.y0 + row_h * double(r) + (row_h - bar_h) * 0.5;
        svg.Text(plot.x0 - 8, top + bar_h * 0.5 + 4, item.label, 13, "end", kInk, "class=\"bar-label\"");
        const double length = total(item);
        if (!IsKnown(length)) {
            // Unknown, not zero: a grey bar the width of a label, saying so.
            svg.Raw("<rect class=\"bar unknown\" x=\"" + Px(plot.x0) + "\" y=\"" + Px(top) + "\" width=\"60\" height=\"" +
                    Px(bar_h) + "\" fill=\"" + kUnknownFill + "\" data-label=\"" + Escape(item.label) +
                    "\" data-value=\"\"/>\n");
            svg.Text(plot.x0 + 66, top + bar_h * 0.5 + 4, TrIn(TextId::legend_unknown, data.language), 12, "start",
                     kMuted);
            continue;
        }
        double at = 0;
        for (std::size_t p = 0; p < item.values.size(); ++p) {
            const double v = item.values[p];
            if (!IsKnown(v))
                continue;
            const double from = data.stacked ? at : 0;
            const std::string part = p < data.part_names.size() ? data.part_names[p] : std::string();
            svg.Raw("<rect class=\"bar\" x=\"" + Px(x.ToPixel(from, plot.x0, plot.x1)) + "\" y=\"" + Px(top) +
                    "\" width=\"" + Px(x.ToPixel(from + v, plot.x0, plot.x1) - x.ToPixel(from, plot.x0, plot.x1)) +
                    "\" height=\"" + Px(bar_h) + "\" fill=\"" + Hex(SeriesColor(static_cast<int>(p))) +
                    "\" data-label=\"" + Escape(item.label) + "\"" +
                    (part.empty() ? std::string() : " data-part=\"" + Escape(part) + "\"") + " data-value=\"" +
                    Exact(v) + "\"/>\n");
            at += v;
        }
        svg.Text(x.ToPixel(length, plot.x0, plot.x1) + 6, top + bar_h * 0.5 + 4,
                 core::FormatValue(length, data.format, locale), 12, "start", kInk, "class=\"bar-value\"");
    }
    if (IsKnown(data.reference_value)) {
        const double rx = x.ToPixel(data.reference_value, plot.x0, plot.x1);
        svg.Line(rx, plot.y0, rx, plot.y1, kReference, 1.5, "stroke-dasharray=\"5 4\" class=\"reference\"");
        svg.Text(rx, plot.y0 - 6, data.reference_label, 12, "middle", kInk, "class=\"reference\"");
    }
    return svg.Finish();
}

// [SECTION] scatter

std::string ScatterSvg(const ScatterChartData& data, const SvgFrame& frame)
{
    Svg svg(frame);
    const core::NumberLocale locale = NumberLocaleFor(data.language);
    double x_lo = INFINITY, x_hi = -INFINITY, y_lo = INFINITY, y_hi = -INFINITY;
    for (const ScatterPoint& p : data.points)
        if (IsKnown(p.x) && IsKnown(p.y)) {
            x_lo = std::min(x_lo, p.x);
            x_hi = std::max(x_hi, p.x);
            y_lo = std::min(y_lo, p.y);
            y_hi = std::max(y_hi, p.y);
        }
    // The quadrant lines stay inside the plot.
    if (IsKnown(data.quadrant_x)) {
        x_lo = std::min(x_lo, data.quadrant_x);
        x_hi = std::max(x_hi, data.quadrant_x);
    }
    if (IsKnown(data.quadrant_y)) {
        y_lo = std::min(y_lo, data.quadrant_y);
        y_hi = std::max(y_hi, data.quadrant_y);
    }
    const Axis x = MakeAxis(x_lo, x_hi, 7);
    const Axis y = MakeAxis(y_lo, y_hi, 6);
    const Plot plot{100, 60, frame.width - 30.0, frame.height - 90.0};
    DrawYAxis(svg, plot, y, data.y_format.style, locale, data.y_title);
    DrawXAxis(svg, plot, x, data.x_format.style, locale, data.x_title);
    if (IsKnown(data.quadrant_x)) {
        const double qx = x.ToPixel(data.quadrant_x, plot.x0, plot.x1);
        svg.Line(qx, plot.y0, qx, plot.y1, kReference, 1.5, "stroke-dasharray=\"5 4\" class=\"quadrant x\"");
        svg.Text(qx + 4, plot.y0 + 12, data.quadrant_x_label + " " + core::FormatValue(data.quadrant_x, data.x_format, locale),
                 12, "start", kInk, "class=\"quadrant x\"");
    }
    if (IsKnown(data.quadrant_y)) {
        const double qy = y.ToPixel(data.quadrant_y, plot.y1, plot.y0);
        svg.Line(plot.x0, qy, plot.x1, qy, kReference, 1.5, "stroke-dasharray=\"5 4\" class=\"quadrant y\"");
        svg.Text(plot.x1 - 4, qy - 5, data.quadrant_y_label + " " + core::FormatValue(data.quadrant_y, data.y_format, locale),
                 12, "end", kInk, "class=\"quadrant y\"");
    }
    const std::string fill = Hex(SeriesColor(0));
    for (const ScatterPoint& p : data.points) {
        if (!IsKnown(p.x) || !IsKnown(p.y))
            continue;
        svg.Raw("<circle class=\"point\" cx=\"" + Px(x.ToPixel(p.x, plot.x0, plot.x1)) + "\" cy=\"" +
                Px(y.ToPixel(p.y, plot.y1, plot.y0)) + "\" r=\"" + (p.selected ? "5" : "3.5") + "\" fill=\"" + fill +
                "\" fill-opacity=\"0.75\" data-label=\"" + Escape(p.label) + "\" data-x=\"" + Exact(p.x) +
                "\" data-y=\"" + Exact(p.y) + "\"><title>" +
                Escape(p.label + ": " + core::FormatValue(p.x, data.x_format, locale) + "; " +
                       core::FormatValue(p.y, data.y_format, locale)) +
                "</title></circle>\n");
    }
    return svg.Finish();
}

void WriteSvgFile(const std::string& svg, const std::filesystem::path& path)
{
    io::CheckOutputPath(path);
    const std::filesystem::path tmp = io::TemporarySibling(path);
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << svg;
        out.close();
        if (!out) {
            std::error_code ignored;
            std::filesystem::remove(tmp, ignored);
            throw core::InputError(path.string() + ": cannot write the chart");
        }
    }
    io::CommitTemporary(tmp, path);
}

} // namespace vak::ui::charts
