// What every chart shares: the chart area and its input, colours and sizes (in font units, so
// charts grow with the UI scale), value <-> pixel mapping, value and year axes with round ticks
// and localised labels, the legend, the hover read-out and a few drawing helpers (dashes,
// hatching). The chart types (time_series_chart, bar_chart, scatter_chart, table_view) are
// built from these parts and keep no state of their own between frames.
//
// Unknown values in chart data are NaN (kUnknown), never 0: a suppressed count stays unknown.
#pragma once

#include "core/data/period.hpp"
#include "core/text/number_format.hpp"
#include "ui/texts/texts.hpp"

#include <imgui.h>

#include <array>
#include <cmath>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace vak::ui::charts {

// [SECTION] Values and texts

inline constexpr double kUnknown = std::numeric_limits<double>::quiet_NaN();
inline bool IsKnown(double value) { return std::isfinite(value); }

core::NumberLocale NumberLocaleFor(Language language);

// "2023", or a quarter as "2023 KW2" (Dutch) / "2023 Q2" (English).
std::string PeriodLabel(const core::Period& period, Language language);

// [SECTION] Geometry

// A rectangle in screen pixels (ImGui's ImRect lives in imgui_internal.h; this one is ours).
struct PixelRect {
    ImVec2 min;
    ImVec2 max;

    float Width() const { return max.x - min.x; }
    float Height() const { return max.y - min.y; }
    bool Contains(ImVec2 p) const { return p.x >= min.x && p.x < max.x && p.y >= min.y && p.y < max.y; }
    bool Overlaps(const PixelRect& o) const { return min.x < o.max.x && o.min.x < max.x && min.y < o.max.y && o.min.y < max.y; }
};

// Linear map from a value range to a pixel range (either may run backwards: y grows down).
class LinearScale {
public:
    LinearScale() = default;
    LinearScale(double value0, double value1, float pixel0, float pixel1)
        : m_value0(value0), m_value1(value1), m_pixel0(pixel0), m_pixel1(pixel1)
    {
    }
    float ToPixel(double value) const;
    double ToValue(float pixel) const;
    double Value0() const { return m_value0; }
    double Value1() const { return m_value1; }

private:
    double m_value0 = 0.0;
    double m_value1 = 1.0;
    float m_pixel0 = 0.0f;
    float m_pixel1 = 1.0f;
};

// [SECTION] Colours and sizes

// Colours of the charts: text, lines and backgrounds come from the current ImGui style (the
// vakatlas theme); the data colours are ours, defined in chart_axes.cpp.
struct ChartColors {
    ImU32 text;          // labels, read-outs
    ImU32 muted_text;    // tick labels, notes
    ImU32 axis;          // axis base lines, tick marks
    ImU32 grid;          // gridlines
    ImU32 background;    // the window behind the chart (halo behind labels)
    ImU32 reference;     // national / reference line and quadrant lines
    ImU32 bar;           // bars without a selection
    ImU32 bar_selected;  // selected bars
    ImU32 bar_dimmed;    // the other bars while some are selected
    ImU32 selection_edge;
    ImU32 unknown_fill;  // "onbekend": grey as the map's no-data colour
    ImU32 unknown_hatch;
    ImU32 brush_fill;    // brushed year range
    ImU32 brush_edge;
    ImU32 hover_guide;   // the vertical line under the mouse
    ImU32 marker;        // the current-year marker
    ImU32 forecast_band; // behind forecast years
};
ChartColors CurrentChartColors();

// Colour-blind-safe series colours (Okabe & Ito), cycling after six.
ImU32 SeriesColor(int index);

// Mixes `color` towards white by `amount` (0 = unchanged, 1 = white).
ImU32 Lighten(ImU32 color, float amount);
ImU32 WithAlpha(ImU32 color, float alpha);

// Sizes in pixels, derived from the current font size (the UI scale).
struct ChartMetrics {
    float font = 16.0f;
    float line = 2.0f;         // series lines
    float thick_line = 3.0f;   // reference line, highlighted series
    float hairline = 1.0f;     // gridlines, axes
    float point_radius = 4.0f; // scatter points, line markers
    float pad = 8.0f;          // between chart parts
    float label_gap = 6.0f;    // between an axis and its labels
};
ChartMetrics CurrentChartMetrics();

// [SECTION] The chart area

// The chart's rectangle claimed with an invisible button, so the chart gets hover, clicks and
// drags like any ImGui item and never moves the window. `size` <= 0 in x takes the available
// width; in y it takes `default_height` (already in pixels).
struct ChartArea {
    PixelRect rect;
    ImDrawList* draw_list = nullptr;
    ImVec2 mouse;
    bool hovered = false;     // the mouse is over the chart and no other item holds it
    bool active = false;      // the button is held (a click or drag started in the chart)
    bool released = false;    // the button was let go this frame (end of click or drag)
    bool double_clicked = false;
    ImVec2 press_position;    // where the current or just-ended press started
    bool dragged = false;     // the press moved further than a click may
};
ChartArea BeginChartArea(const char* id, ImVec2 size, float default_height);

// [SECTION] Axes

struct AxisTick {
    double value = 0.0;
    std::string label;
};

// A value axis: round ticks (core::NiceTicks) covering the data, the range being the outer
// ticks, and one label per tick in the locale (core::FormatAxisTick).
struct ValueAxis {
    double min = 0.0;
    double max = 1.0;
    double step = 1.0;
    std::vector<AxisTick> ticks;
};

// About one tick per `tick_spacing` pixels along `pixel_length`, between 2 and 11 ticks.
ValueAxis BuildValueAxis(double data_min, double data_max, float pixel_length, float tick_spacing,
                         core::NumberStyle style, core::NumberLocale locale);
float WidestTickLabel(const ValueAxis& axis);

// Horizontal gridlines across `plot` and labels right-aligned left of it.
void DrawValueAxisLeft(ImDrawList* draw_list, const PixelRect& plot, const ValueAxis& axis, const LinearScale& y,
                       const ChartColors& colors, const ChartMetrics& metrics);
// Vertical gridlines across `plot` and labels centred below it; when labels would touch their
// neighbours only every second (third, ...) one is written.
void DrawValueAxisBelow(ImDrawList* draw_list, const PixelRect& plot, const ValueAxis& axis, const LinearScale& x,
                        const ChartColors& colors, const ChartMetrics& metrics);

// Years to label between first and last: a step of 1, 2, 5, 10, 20, 50 ... years, the first so
// that labels `label_width` wide keep a gap of one label between them on `pixel_width`.
std::vector<int> YearTicks(int first_year, int last_year, float pixel_width, float label_width);
// The same for a time axis of periods (positions 0 .. n-1 spread over `pixel_width`): the
// positions of the labelled years' first periods (a year's first quarter).
std::vector<int> PeriodTicks(std::span<const core::Period> periods, float pixel_width, float label_width);
// A tick per period when there is room, a longer one with the year under each of `ticks`.
void DrawPeriodAxisBelow(ImDrawList* draw_list, const PixelRect& plot, std::span<const core::Period> periods,
                         std::span<const int> ticks, const LinearScale& x, const ChartColors& colors,
                         const ChartMetrics& metrics);

// [SECTION] Legend

// DashedLine: a forecast (or a reference value); DashDotLine: a line of another kind than the
// measured ones (the leading indicator), so the two dash patterns never read alike.
enum class SwatchKind { Box, Line, DashedLine, DashDotLine, Dot, Hatched };

struct LegendEntry {
    std::string label;
    ImU32 color = 0;
    SwatchKind kind = SwatchKind::Box;
    bool thick = false; // a thick line sample (the reference line)
};

// Entries flow left to right and wrap to the next row when the width runs out.
struct LegendLayout {
    std::vector<PixelRect> entries; // hit and draw rectangle per entry
    float height = 0.0f;
};
LegendLayout LayoutLegend(std::span<const LegendEntry> entries, ImVec2 origin, float width);
// Draws the legend; returns the entry under `mouse` when `hover_enabled`.
std::optional<int> DrawLegend(ImDrawList* draw_list, std::span<const LegendEntry> entries, const LegendLayout& layout,
                              ImVec2 mouse, bool hover_enabled, const ChartColors& colors,
                              const ChartMetrics& metrics);
// One swatch centred in `box`.
void DrawSwatch(ImDrawList* draw_list, const PixelRect& box, SwatchKind kind, ImU32 color, bool thick,
                const ChartColors& colors, const ChartMetrics& metrics);

// [SECTION] Hover read-out

struct ReadoutRow {
    std::string label;
    std::string value;
    ImU32 color = 0; // 0: no swatch
    SwatchKind kind = SwatchKind::Box;
    bool thick = false;
};

// A tooltip: the title in the text colour, then one row per entry (swatch, label, value
// right-aligned in one column).
void DrawReadoutTooltip(std::string_view title, std::span<const ReadoutRow> rows);

// [SECTION] Drawing helpers

// A polyline in dashes of `dash` pixels with gaps of `gap`, the pattern running on across
// corners.
void AddDashedPolyline(ImDrawList* draw_list, std::span<const ImVec2> points, ImU32 color, float thickness, float dash,
                       float gap);
// The same with any pattern of lengths, drawn and left out in turn ({dash, gap, dot, gap}).
void AddPatternedPolyline(ImDrawList* draw_list, std::span<const ImVec2> points, ImU32 color, float thickness,
                          std::span<const float> pattern);
// The dash-dot pattern of SwatchKind::DashDotLine, in pixels at the current metrics.
std::array<float, 4> DashDotPattern(const ChartMetrics& metrics);
// A rectangle filled with `fill` and diagonal lines of `hatch` every `spacing` pixels.
void AddHatchedRect(ImDrawList* draw_list, const PixelRect& rect, ImU32 fill, ImU32 hatch, float spacing,
                    float thickness);
// Text on a rounded box of the background colour, so it stays readable over lines.
void AddTextWithHalo(ImDrawList* draw_list, ImVec2 pos, ImU32 color, std::string_view text, const ChartColors& colors,
                     const ChartMetrics& metrics);

// `text` cut to fit `width` pixels in the current font, ending in "…" when cut; never splits a
// UTF-8 sequence.
std::string TruncateToWidth(std::string_view text, float width);
ImVec2 TextSize(std::string_view text);

} // namespace vak::ui::charts
