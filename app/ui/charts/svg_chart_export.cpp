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

std::string TimeSeriesSvg(const TimeSeriesData& data, const SvgFrame& frame)
{
    Svg svg(frame);
    const core::NumberLocale locale = NumberLocaleFor(data.language);
    const std::size_t n = data.periods.size();
    double lo = INFINITY, hi = -INFINITY;
    for (const TimeSeries& s : data.series)
        for (const double v : s.values)
            if (IsKnown(v)) {
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
    if (data.y_from_zero)
        lo = std::min(lo, 0.0);
    const Axis y = MakeAxis(lo, hi, 6);
    const Plot plot{90, 80, frame.width - 30.0, frame.height - 80.0};
    DrawYAxis(svg, plot, y, data.format.style, locale, data.unit);
    const auto x_of = [&](std::size_t i) {
        return n <= 1 ? (plot.x0 + plot.x1) * 0.5 : plot.x0 + (plot.x1 - plot.x0) * double(i) / double(n - 1);
    };
    // The forecast years behind the lines.
    int forecast = -1;
    for (const TimeSeries& s : data.series)
        if (s.forecast_from >= 0)
            forecast = forecast < 0 ? s.forecast_from : std::min(forecast, s.forecast_from);
    if (forecast >= 0 && static_cast<std::size_t>(forecast) < n)
        svg.Raw("<rect class=\"forecast\" x=\"" + Px(x_of(std::size_t(forecast))) + "\" y=\"" + Px(plot.y0) +
                "\" width=\"" + Px(plot.x1 - x_of(std::size_t(forecast))) + "\" height=\"" + Px(plot.y1 - plot.y0) +
                "\" fill=\"#eef1f5\"/>\n");
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
    // Lines (the reference first, under the others), then one circle per known value.
    double legend_x = 20;
    int colour = 0;
    for (const TimeSeries& s : data.series) {
        const std::string stroke = s.is_reference ? kReference : Hex(SeriesColor(colour++));
        const double width = s.is_reference ? 3 : 2;
        svg.Raw("<g class=\"series\" data-name=\"" + Escape(s.name) + "\">\n");
        // Runs of known values; from the forecast on, dashed.
        std::string solid, dashed;
        const auto flush = [&](std::string& points, bool dash) {
            if (points.find(' ') != std::string::npos && points.find(' ') != points.size() - 1)
                svg.Raw("<polyline fill=\"none\" stroke=\"" + stroke + "\" stroke-width=\"" + Px(width) + "\"" +
                        (dash ? " stroke-dasharray=\"6 4\"" : "") + " points=\"" + points + "\"/>\n");
            points.clear();
        };
        for (std::size_t i = 0; i < n && i < s.values.size(); ++i) {
            const double v = s.values[i];
            if (!IsKnown(v)) {
                flush(solid, false);
                flush(dashed, true);
                continue;
            }
            const std::string point = Px(x_of(i)) + "," + Px(y.ToPixel(v, plot.y1, plot.y0)) + " ";
            // History solid, forecast dashed from the last known history value on.
            const bool in_forecast = s.forecast_from >= 0 && int(i) >= s.forecast_from;
            if (!in_forecast)
                solid += point;
            if (in_forecast || (s.forecast_from >= 0 && int(i) + 1 == s.forecast_from))
                dashed += point;
        }
        flush(solid, false);
        flush(dashed, true);
        for (std::size_t i = 0; i < n && i < s.values.size(); ++i)
            if (IsKnown(s.values[i]))
                svg.Raw("<circle class=\"point\" cx=\"" + Px(x_of(i)) + "\" cy=\"" +
                        Px(y.ToPixel(s.values[i], plot.y1, plot.y0)) + "\" r=\"3\" fill=\"" + stroke +
                        "\" data-series=\"" + Escape(s.name) + "\" data-period=\"" +
                        Escape(PeriodLabel(data.periods[i], data.language)) + "\" data-value=\"" + Exact(s.values[i]) +
                        "\"><title>" + Escape(s.name + ", " + PeriodLabel(data.periods[i], data.language) + ": " +
                                              core::FormatValue(s.values[i], data.format, locale)) +
                        "</title></circle>\n");
        svg.Raw("</g>\n");
        // Legend entry on the line under the title.
        svg.Line(legend_x, 56, legend_x + 24, 56, stroke, width, "class=\"legend\"");
        svg.Text(legend_x + 30, 60, s.name, 12, "start", kInk, "class=\"legend\"");
        legend_x += 44 + 7.0 * static_cast<double>(s.name.size());
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
