// The chart widgets as a user meets them: drawn in a headless ImGui frame (the real font,
// theme and OpenGL renderer), driven with mouse input through ImGuiIO as the GLFW backend
// feeds it, and compared with reviewed golden images in tests/golden. Regenerate those after
// an intended change with VAK_UPDATE_GOLDEN=1 and look at them before committing.
//
// [SECTION] Fixture        a GL context, an ImGui context and one window to draw charts into
// [SECTION] Test data      synthetic figures (not real statistics) shared by the tests
// [SECTION] Pure parts     index values, line geometry with gaps, bar order, table order
// [SECTION] Interaction    brush, clicks, hover, header sorting, scale
// [SECTION] Golden images  one per chart type
#include "core/errors.hpp"
#include "io/png_export.hpp"
#include "support/gl_fixture.hpp"
#include "support/golden_image.hpp"
#include "ui/charts/bar_chart.hpp"
#include "ui/charts/scatter_chart.hpp"
#include "ui/charts/table_view.hpp"
#include "ui/charts/time_series_chart.hpp"
#include "ui/fonts.hpp"
#include "ui/theme.hpp"
#include "gpu/imgui_renderer.hpp"
#include "gpu/render_target.hpp"

#include <gtest/gtest.h>
#include <imgui.h>
#include <stb_image.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <memory>

namespace vak::ui::charts {
namespace {

namespace fs = std::filesystem;

// [SECTION] Fixture

class Charts : public test::GlTest {
protected:
    void SetUp() override
    {
        test::GlTest::SetUp();
        if (IsSkipped() || HasFatalFailure())
            return;
        m_imgui = ImGui::CreateContext();
        ImGui::SetCurrentContext(m_imgui);
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.LogFilename = nullptr;
        io.DeltaTime = 1.0f / 60.0f;
        m_font_file = FindUiFontFile("");
        m_renderer = std::make_unique<gpu::ImGuiRenderer>();
        m_target = std::make_unique<gpu::RenderTarget>();
        SetScale(1.0f);
    }
    void TearDown() override
    {
        if (m_imgui) {
            ImGui::SetCurrentContext(m_imgui);
            m_target.reset(); // GL objects: while the GL context lives
            m_renderer.reset();
            ImGui::DestroyContext(m_imgui);
        }
        test::GlTest::TearDown();
    }

    void SetScale(float scale)
    {
        BuildUiFonts(m_font_file, scale);
        ApplyTheme(scale);
        m_renderer->RebuildFontTexture();
    }

    // One frame: `draw` runs inside a window that fills the display, then the frame is
    // rendered (the next frame's input then acts on what the user saw).
    void Frame(const std::function<void()>& draw, ImVec2 display = ImVec2(720, 420))
    {
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = display;
        io.DisplayFramebufferScale = ImVec2(1, 1);
        m_renderer->NewFrame();
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(display);
        ImGui::Begin("charts", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
        draw();
        ImGui::End();
        ImGui::Render();
        m_target->EnsureSize(static_cast<int>(display.x), static_cast<int>(display.y));
        float clear[4];
        FrameClearColor(clear);
        m_renderer->Render(ImGui::GetDrawData(), *m_target, clear);
    }
    // A few frames without input: ImGui settles window sizes over the first ones.
    void Settle(const std::function<void()>& draw, ImVec2 display = ImVec2(720, 420))
    {
        for (int i = 0; i < 3; ++i)
            Frame(draw, display);
    }
    core::RgbaImage Pixels() const { return m_target->ReadPixels(); }

    void MoveMouse(ImVec2 to) { ImGui::GetIO().MousePos = to; }
    void SetButton(bool down) { ImGui::GetIO().MouseDown[0] = down; }
    // A click at `at`: move, press, release, one frame each.
    void Click(ImVec2 at, const std::function<void()>& draw)
    {
        MoveMouse(at);
        Frame(draw);
        SetButton(true);
        Frame(draw);
        SetButton(false);
        Frame(draw);
    }

    ImGuiContext* m_imgui = nullptr;
    std::string m_font_file;
    std::unique_ptr<gpu::ImGuiRenderer> m_renderer;
    std::unique_ptr<gpu::RenderTarget> m_target;
};

// How far a pixel is from an RGB colour (sum of channel differences).
int ColorDistance(const core::RgbaImage& image, int x, int y, ImU32 color)
{
    const std::uint8_t* p = image.Row(y) + static_cast<std::size_t>(x) * 4;
    const int r = static_cast<int>((color >> IM_COL32_R_SHIFT) & 0xFF);
    const int g = static_cast<int>((color >> IM_COL32_G_SHIFT) & 0xFF);
    const int b = static_cast<int>((color >> IM_COL32_B_SHIFT) & 0xFF);
    return std::abs(p[0] - r) + std::abs(p[1] - g) + std::abs(p[2] - b);
}

// Pixels of `color` in the column range [x0, x1) between y0 and y1.
int CountColor(const core::RgbaImage& image, int x0, int x1, int y0, int y1, ImU32 color)
{
    int n = 0;
    for (int y = std::max(0, y0); y < std::min(image.height, y1); ++y)
        for (int x = std::max(0, x0); x < std::min(image.width, x1); ++x)
            n += ColorDistance(image, x, y, color) < 60;
    return n;
}

ImVec2 Centre(const PixelRect& r) { return ImVec2((r.min.x + r.max.x) * 0.5f, (r.min.y + r.max.y) * 0.5f); }

// [SECTION] Test data (synthetic: shaped like the demo's figures, not real statistics)

std::vector<double> Trend(double start, double yearly_change, int years, double wiggle)
{
    std::vector<double> values;
    for (int i = 0; i < years; ++i)
        values.push_back(std::round(start * std::pow(1.0 + yearly_change, i) * (1.0 + wiggle * std::sin(i * 1.7))));
    return values;
}

// The chart's x axis is the period's position: 2015 is position 0.
constexpr int kFirstYear = 2015;
constexpr int At(int year) { return year - kFirstYear; }

std::vector<core::Period> Years(int first, int count)
{
    std::vector<core::Period> periods;
    for (int i = 0; i < count; ++i)
        periods.push_back({first + i, 0});
    return periods;
}

// mbo pupils 2015-2032, forecast from 2025, Zuid-Limburg unknown in 2019.
TimeSeriesData PupilSeries()
{
    constexpr int kYears = 18;
    constexpr int kForecastFrom = 10; // 2025
    TimeSeriesData data;
    data.periods = Years(kFirstYear, kYears);
    data.unit = "leerlingen mbo";
    data.series.push_back({"Nederland", Trend(498000, -0.006, kYears, 0.004), kForecastFrom, true});
    data.series.push_back({"Groningen", Trend(21500, -0.018, kYears, 0.01), kForecastFrom, false});
    data.series.push_back({"Utrecht", Trend(41200, 0.009, kYears, 0.006), kForecastFrom, false});
    data.series.push_back({"Zuid-Limburg", Trend(19800, -0.027, kYears, 0.012), kForecastFrom, false});
    data.series.back().values[4] = kUnknown; // 2019: suppressed
    data.current_period = At(2025);
    return data;
}

BarChartData ProvinceBars()
{
    BarChartData data;
    data.format = {core::NumberStyle::Plain, 0};
    const std::pair<const char*, double> provinces[] = {
        {"Groningen", 21480},    {"Fryslân", 24310},        {"Drenthe", 17020},     {"Overijssel", 44950},
        {"Flevoland", kUnknown}, {"Gelderland", 73820},     {"Utrecht", 45160},     {"Noord-Holland", 99870},
        {"Zuid-Holland", 124600}, {"Zeeland", 12240},       {"Noord-Brabant", 92310}, {"Limburg", 38760},
    };
    for (const auto& [name, value] : provinces)
        data.items.push_back({name, {value}, false});
    data.reference_value = 54044;
    data.reference_label = "gemiddelde provincie";
    return data;
}

BarChartData SectorStackedBars()
{
    BarChartData data;
    data.part_names = {"bol (school)", "bbl (werkend leren)"};
    data.stacked = true;
    data.items = {
        {"Zorg en welzijn", {98400, 31200}, false},
        {"Techniek en gebouwde omgeving", {61300, 38900}, true},
        {"Economie en ondernemerschap", {72800, 9400}, false},
        {"Specialistische vakopleidingen", {18200, kUnknown}, false},
        {"Voedsel, natuur en leefomgeving", {20400, 8100}, false},
        {"ICT en creatieve industrie", {40100, 2600}, false},
    };
    return data;
}

ScatterChartData RegionScatter()
{
    ScatterChartData data;
    data.x_title = "Verandering leerlingen 2020-2030 (%)";
    data.y_title = "Vacatures per 1.000 banen";
    data.x_format = {core::NumberStyle::SignedPercent, 1};
    data.y_format = {core::NumberStyle::Plain, 1};
    data.quadrant_x_label = "landelijk";
    data.quadrant_y_label = "gemiddelde regio";
    data.quadrant_x = -4.2;
    data.quadrant_y = 38.5;
    const struct {
        const char* name;
        double change;
        double vacancies;
    } regions[] = {
        {"Groningen", -9.8, 33.1},        {"Friesland", -8.1, 35.4},       {"Drenthe", -11.6, 31.0},
        {"Regio Zwolle", -2.3, 40.2},     {"Twente", -7.4, 37.9},          {"Stedendriehoek", -5.2, 36.8},
        {"Midden-Utrecht", 4.6, 47.3},    {"Amersfoort", 1.2, 42.8},       {"Groot Amsterdam", 6.3, 49.9},
        {"Zaanstreek/Waterland", -1.8, 39.4}, {"Haaglanden", 3.1, 44.0},   {"Rijnmond", 0.4, 41.6},
        {"Drechtsteden", -3.9, 37.2},     {"Zeeland", -10.9, 34.7},        {"West-Brabant", -4.6, 38.1},
        {"Midden-Brabant", -2.0, 39.8},   {"Helmond-De Peel", -6.1, 36.0}, {"Noord-Limburg", -7.9, 40.9},
        {"Zuid-Limburg", -14.2, 35.9},    {"Flevoland", kUnknown, 41.3},   {"Gooi en Vechtstreek", -3.3, 45.2},
    };
    for (const auto& r : regions)
        data.points.push_back({r.name, r.change, r.vacancies, false});
    data.points[6].selected = true;  // Midden-Utrecht
    data.points[18].selected = true; // Zuid-Limburg
    return data;
}

TableViewData ProvinceTable()
{
    TableViewData data;
    data.label_header = "Provincie";
    data.number_columns = {{"Leerlingen 2025", {core::NumberStyle::Plain, 0}},
                           {"Sinds 2020", {core::NumberStyle::SignedPercent, 1}}};
    data.sparkline_header = "2015-2032";
    const struct {
        const char* name;
        double start;
        double change;
    } provinces[] = {
        {"Groningen", 23400, -0.018}, {"Fryslân", 25900, -0.012},  {"Drenthe", 18500, -0.02},
        {"Overijssel", 46100, -0.004}, {"Flevoland", 16800, 0.011}, {"Gelderland", 75200, -0.003},
        {"Utrecht", 42000, 0.009},    {"Zeeland", 13300, -0.015},   {"Limburg", 42900, -0.022},
    };
    for (const auto& p : provinces) {
        TableRow row;
        row.label = p.name;
        row.sparkline = Trend(p.start, p.change, 18, 0.006);
        row.sparkline_forecast_from = 10;
        const double now = row.sparkline[10];
        const double then = row.sparkline[5];
        row.numbers = {now, (now - then) / then * 100.0};
        data.rows.push_back(std::move(row));
    }
    data.rows[4].numbers[1] = kUnknown; // Flevoland: change unknown
    data.rows[2].sparkline[3] = kUnknown;
    data.rows[6].selected = true;
    return data;
}

// [SECTION] Pure parts

TEST(ChartIndex, BaseYearIsHundredAndUnknownStaysUnknown)
{
    const std::vector<double> values = {200, 250, kUnknown, 150};
    const std::vector<double> index = ComputeIndexValues(values, 0);
    ASSERT_EQ(index.size(), 4u);
    EXPECT_DOUBLE_EQ(index[0], 100.0);
    EXPECT_DOUBLE_EQ(index[1], 125.0);
    EXPECT_FALSE(IsKnown(index[2]));
    EXPECT_DOUBLE_EQ(index[3], 75.0);
    EXPECT_DOUBLE_EQ(ComputeIndexValues(values, 1)[3], 60.0);
    // No base value: no index at all, rather than an index against 0 or another year.
    for (double v : ComputeIndexValues(values, 2))
        EXPECT_FALSE(IsKnown(v));
    for (double v : ComputeIndexValues(std::vector<double>{0, 5}, 0))
        EXPECT_FALSE(IsKnown(v));
    for (double v : ComputeIndexValues(values, 9))
        EXPECT_FALSE(IsKnown(v));
}

TEST(ChartGeometry, UnknownValuesBreakTheLineAndForecastRunsAreSeparate)
{
    const LinearScale x(0, 5, 0, 500); // positions 0..5: the years 2000..2005
    const LinearScale y(0, 100, 100, 0);
    // 2000, 2001 known; 2002 unknown; 2003 known; forecast from 2005 (index 5).
    const std::vector<double> values = {10, 20, kUnknown, 40, 50, 60};
    const SeriesGeometry g = BuildSeriesGeometry(values, 5, x, y);
    ASSERT_EQ(g.runs.size(), 3u);
    EXPECT_FALSE(g.runs[0].forecast);
    ASSERT_EQ(g.runs[0].points.size(), 2u);
    EXPECT_FLOAT_EQ(g.runs[0].points[1].x, 100.0f);
    EXPECT_FLOAT_EQ(g.runs[0].points[1].y, 80.0f);
    EXPECT_FALSE(g.runs[1].forecast); // 2003-2004
    ASSERT_EQ(g.runs[1].points.size(), 2u);
    EXPECT_FLOAT_EQ(g.runs[1].points[0].x, 300.0f);
    EXPECT_TRUE(g.runs[2].forecast); // 2004-2005: the step into the forecast is dashed
    ASSERT_EQ(g.runs[2].points.size(), 2u);
    EXPECT_FLOAT_EQ(g.runs[2].points[0].x, 400.0f);
    EXPECT_FLOAT_EQ(g.runs[2].points[1].y, 40.0f);
    EXPECT_TRUE(g.lone_points.empty());
    // No segment crosses the gap: every run lies entirely left or right of 2002.
    for (const SeriesGeometry::Run& run : g.runs)
        EXPECT_TRUE(run.points.back().x <= 100.0f || run.points.front().x >= 300.0f);

    // Forecast from 2004: after the gap the whole run 2003-2005 is forecast.
    const SeriesGeometry h = BuildSeriesGeometry(values, 4, x, y);
    ASSERT_EQ(h.runs.size(), 2u);
    EXPECT_TRUE(h.runs[1].forecast);
    EXPECT_EQ(h.runs[1].points.size(), 3u);
}

TEST(ChartGeometry, AKnownValueBetweenGapsIsALonePoint)
{
    const LinearScale x(0, 4, 0, 400);
    const LinearScale y(0, 10, 10, 0);
    const std::vector<double> values = {kUnknown, 5, kUnknown, 6, 7};
    const SeriesGeometry g = BuildSeriesGeometry(values, 4, x, y);
    ASSERT_EQ(g.lone_points.size(), 1u);
    EXPECT_FLOAT_EQ(g.lone_points[0].x, 100.0f);
    EXPECT_FALSE(g.lone_forecast[0]);
    ASSERT_EQ(g.runs.size(), 1u);
    EXPECT_TRUE(g.runs[0].forecast) << "the step into the first forecast value is dashed";
}

TEST(ChartBars, SortedByTotalWithUnknownLastAndTiesInGivenOrder)
{
    const std::vector<BarItem> items = {
        {"a", {5}, false}, {"b", {kUnknown}, false}, {"c", {9}, false}, {"d", {5}, false}, {"e", {1, 2}, false},
        {"f", {4, kUnknown}, false},
    };
    EXPECT_EQ(BarRowOrder(items, BarOrder::Descending), (std::vector<int>{2, 0, 3, 4, 1, 5}));
    EXPECT_EQ(BarRowOrder(items, BarOrder::Ascending), (std::vector<int>{4, 0, 3, 2, 1, 5}));
    EXPECT_EQ(BarRowOrder(items, BarOrder::AsGiven), (std::vector<int>{0, 1, 2, 3, 4, 5}));
    EXPECT_FALSE(IsKnown(BarTotal(items[5]))) << "a partly unknown total is unknown, not the known part";
    EXPECT_DOUBLE_EQ(BarTotal(items[4]), 3.0);
}

TEST(ChartTable, SortsByEachColumnWithUnknownLast)
{
    TableViewData data;
    data.number_columns = {{"n", {}}};
    data.sparkline_header = "trend";
    data.rows = {
        {"Zeeland", {12}, {10, 8}, -1, false},
        {"'s-Hertogenbosch", {kUnknown}, {10, 12}, -1, false},
        {"Almere", {30}, {10, kUnknown, 11}, -1, false},
        {"Breda", {20}, {kUnknown}, -1, false},
    };
    EXPECT_EQ(TableRowOrder(data, {0, false}), (std::vector<int>{2, 3, 1, 0})) << "'s-Hertogenbosch under s";
    EXPECT_EQ(TableRowOrder(data, {1, true}), (std::vector<int>{2, 3, 0, 1}));
    EXPECT_EQ(TableRowOrder(data, {1, false}), (std::vector<int>{0, 3, 2, 1}));
    // Trend: +20 %, +10 %, -20 %, unknown.
    EXPECT_EQ(TableRowOrder(data, {2, true}), (std::vector<int>{1, 2, 0, 3}));
    EXPECT_DOUBLE_EQ(SparklineChange(std::vector<double>{10, kUnknown, 11}), 10.0);
}

TEST(ChartScatter, ExtremePointsAreTheFarthestFromTheMiddle)
{
    std::vector<ScatterPoint> points;
    for (int i = 0; i < 9; ++i)
        points.push_back({"p", 10.0 + i % 3, 100.0 + i / 3, false});
    points.push_back({"far right", 30, 101, false});
    points.push_back({"far down", 11, 50, false});
    points.push_back({"unknown", kUnknown, 500, false});
    std::vector<int> extremes = ExtremePoints(points, 2);
    std::sort(extremes.begin(), extremes.end());
    EXPECT_EQ(extremes, (std::vector<int>{9, 10})) << "the two outliers, never the unknown point";
}

TEST(ChartYears, TicksAreRoundYearsThatFit)
{
    EXPECT_EQ(YearTicks(2015, 2020, 600, 30), (std::vector<int>{2015, 2016, 2017, 2018, 2019, 2020}));
    EXPECT_EQ(YearTicks(2015, 2032, 300, 30), (std::vector<int>{2015, 2020, 2025, 2030}));
    EXPECT_EQ(YearTicks(2021, 2021, 300, 30), (std::vector<int>{2021}));
}

TEST(ChartPeriods, LabelsMustFormAnUnbrokenSeriesOfOneKind)
{
    const std::vector<std::string> quarters = {"2024KW3", "2024KW4", "2025KW1", "2025KW2"};
    const std::vector<core::Period> q = ConsecutivePeriods(quarters);
    ASSERT_EQ(q.size(), 4u);
    EXPECT_EQ(q[2].year, 2025);
    EXPECT_EQ(q[2].quarter, 1);
    const std::vector<std::string> years = {"2019", "2020", "2021"};
    EXPECT_EQ(ConsecutivePeriods(years).size(), 3u);
    const std::vector<std::string> gap = {"2024KW3", "2025KW1"};
    EXPECT_TRUE(ConsecutivePeriods(gap).empty()) << "a missing quarter would stretch time";
    const std::vector<std::string> mixed = {"2024", "2025KW1"};
    EXPECT_TRUE(ConsecutivePeriods(mixed).empty());
    const std::vector<std::string> text = {"2024", "morgen"};
    EXPECT_TRUE(ConsecutivePeriods(text).empty());
}

TEST(ChartPeriods, QuarterTicksSitOnEachLabelledYearsFirstQuarter)
{
    // 2019KW1 .. 2025KW4: 28 quarters. With room for every year, a tick on each KW1.
    std::vector<core::Period> quarters;
    for (int year = 2019; year <= 2025; ++year)
        for (int q = 1; q <= 4; ++q)
            quarters.push_back({year, q});
    EXPECT_EQ(PeriodTicks(quarters, 27 * 20.0f, 30), (std::vector<int>{0, 4, 8, 12, 16, 20, 24}));
    // Cramped: every fifth year only (2020, 2025), still on their first quarter.
    EXPECT_EQ(PeriodTicks(quarters, 27 * 4.0f, 30), (std::vector<int>{4, 24}));
    // A series that starts mid-year labels the first full year it reaches.
    const std::vector<core::Period> late(quarters.begin() + 2, quarters.begin() + 10); // 2019KW3 .. 2021KW2
    EXPECT_EQ(PeriodTicks(late, 7 * 20.0f, 30), (std::vector<int>{2, 6}));
    EXPECT_EQ(PeriodLabel({2023, 2}, Language::Dutch), "2023 KW2");
    EXPECT_EQ(PeriodLabel({2023, 2}, Language::English), "2023 Q2");
    EXPECT_EQ(PeriodLabel({2023, 0}, Language::Dutch), "2023");
}

// [SECTION] Interaction

TEST_F(Charts, DragAcrossTheYearsBrushesARange)
{
    const TimeSeriesData data = PupilSeries();
    TimeSeriesResult last;
    std::optional<PeriodRange> brushed;
    std::optional<PeriodRange> seen_while_dragging;
    auto draw = [&] {
        last = DrawTimeSeriesChart("pupils", data);
        if (last.brushed)
            brushed = last.brushed;
        if (last.brushing)
            seen_while_dragging = last.brushing;
    };
    Settle(draw);
    // Press on the year labels under 2017, drag to 2022 in small steps, let go.
    const float label_y = last.plot.max.y + ImGui::GetFontSize() * 0.8f;
    const float from = last.x.ToPixel(At(2017));
    const float to = last.x.ToPixel(At(2022));
    MoveMouse(ImVec2(from, label_y));
    Frame(draw);
    SetButton(true);
    Frame(draw);
    for (int step = 1; step <= 8; ++step) {
        MoveMouse(ImVec2(from + (to - from) * step / 8.0f, label_y));
        Frame(draw);
    }
    ASSERT_TRUE(seen_while_dragging.has_value());
    EXPECT_EQ(*seen_while_dragging, (PeriodRange{At(2017), At(2022)}));
    EXPECT_FALSE(brushed.has_value()) << "the range is final only when the button is let go";
    SetButton(false);
    Frame(draw);
    ASSERT_TRUE(brushed.has_value());
    EXPECT_EQ(*brushed, (PeriodRange{At(2017), At(2022)}));

    // Dragging backwards gives the same, ordered range.
    brushed.reset();
    MoveMouse(ImVec2(last.x.ToPixel(At(2029)), last.plot.min.y + 20));
    Frame(draw);
    SetButton(true);
    Frame(draw);
    for (int step = 1; step <= 4; ++step) {
        MoveMouse(ImVec2(last.x.ToPixel(At(2029)) - (last.x.ToPixel(At(2029)) - last.x.ToPixel(At(2024))) * step / 4.0f,
                         last.plot.min.y + 20));
        Frame(draw);
    }
    SetButton(false);
    Frame(draw);
    ASSERT_TRUE(brushed.has_value());
    EXPECT_EQ(*brushed, (PeriodRange{At(2024), At(2029)}));
}

TEST_F(Charts, ClickWithoutDragPicksAYearAndHoverReadsTheNearestOne)
{
    const TimeSeriesData data = PupilSeries();
    TimeSeriesResult last;
    std::optional<int> clicked;
    std::optional<PeriodRange> brushed;
    auto draw = [&] {
        last = DrawTimeSeriesChart("pupils", data);
        if (last.clicked_period)
            clicked = last.clicked_period;
        if (last.brushed)
            brushed = last.brushed;
    };
    Settle(draw);
    // A little left of 2020's position still means 2020.
    const float px = last.x.ToPixel(At(2020)) - (last.x.ToPixel(At(2021)) - last.x.ToPixel(At(2020))) * 0.3f;
    MoveMouse(ImVec2(px, (last.plot.min.y + last.plot.max.y) * 0.5f));
    Frame(draw);
    EXPECT_EQ(last.hovered_period, At(2020));
    Click(ImVec2(px, (last.plot.min.y + last.plot.max.y) * 0.5f), draw);
    EXPECT_EQ(clicked, At(2020));
    EXPECT_FALSE(brushed.has_value());
}

TEST_F(Charts, UnknownValuesLeaveAGapInTheDrawnLine)
{
    TimeSeriesData data = PupilSeries();
    data.series.erase(data.series.begin(), data.series.begin() + 3); // Zuid-Limburg alone
    data.current_period.reset();
    TimeSeriesResult last;
    Settle([&] { last = DrawTimeSeriesChart("gap", data); });
    const core::RgbaImage image = Pixels();
    const ImU32 line = SeriesColor(0);
    const int top = static_cast<int>(last.plot.min.y);
    const int bottom = static_cast<int>(last.plot.max.y);
    // Between 2016 and 2017 the line is there; between 2018 and 2020 (2019 unknown), beyond
    // the dots at the known years, not a single pixel of it.
    const float dot = ImGui::GetFontSize();
    EXPECT_GT(CountColor(image, static_cast<int>(last.x.ToPixel(At(2016)) + dot), static_cast<int>(last.x.ToPixel(At(2017)) - dot),
                         top, bottom, line),
              0);
    EXPECT_EQ(CountColor(image, static_cast<int>(last.x.ToPixel(At(2018)) + dot), static_cast<int>(last.x.ToPixel(At(2020)) - dot),
                         top, bottom, line),
              0);
}

TEST_F(Charts, IndexModeDrawsEverySeriesThroughHundredInTheBaseYear)
{
    const TimeSeriesData all = PupilSeries();
    // Each region alone (their raw values differ 25-fold), so no line hides another.
    for (std::size_t s = 0; s < all.series.size(); ++s) {
        TimeSeriesData data = all;
        data.series = {all.series[s]};
        data.series[0].is_reference = false;
        data.index_mode = true;
        data.index_base = At(2020);
        data.current_period.reset();
        TimeSeriesResult last;
        Settle([&] { last = DrawTimeSeriesChart("index", data); });
        EXPECT_GT(last.y.ToPixel(100.0), last.plot.min.y);
        EXPECT_LT(last.y.ToPixel(100.0), last.plot.max.y);
        const core::RgbaImage image = Pixels();
        const int bx = static_cast<int>(last.x.ToPixel(At(2020)));
        const int by = static_cast<int>(last.y.ToPixel(100.0));
        const int reach = 2;
        EXPECT_GT(CountColor(image, bx - reach, bx + reach + 1, by - reach, by + reach + 1, SeriesColor(0)), 0)
            << all.series[s].name << " is not drawn at 100 in 2020";
        // The line's last value, 2032, where the index says (to within a pixel or two).
        const std::vector<double> index = ComputeIndexValues(all.series[s].values, 5);
        const int ex = static_cast<int>(last.x.ToPixel(At(2032)));
        const int ey = static_cast<int>(last.y.ToPixel(index.back()));
        EXPECT_GT(CountColor(image, ex - reach, ex + 1, ey - reach, ey + reach + 1, SeriesColor(0)), 0)
            << all.series[s].name << " does not end at index " << index.back();
    }
    // Utrecht (growing 0.9 % a year) ends above 100, Groningen below.
    EXPECT_GT(ComputeIndexValues(all.series[2].values, 5).back(), 100.0);
    EXPECT_LT(ComputeIndexValues(all.series[1].values, 5).back(), 100.0);
}

// Runs of columns along row `y` (x0 .. x1) holding `color`, as run lengths in pixels.
std::vector<int> ColorRuns(const core::RgbaImage& image, int x0, int x1, int y, ImU32 color)
{
    std::vector<int> runs;
    int run = 0;
    for (int x = x0; x < x1; ++x) {
        if (CountColor(image, x, x + 1, y - 1, y + 2, color) > 0) {
            ++run;
        } else if (run > 0) {
            runs.push_back(run);
            run = 0;
        }
    }
    if (run > 0)
        runs.push_back(run);
    return runs;
}

// The leading indicator's pattern (LinePattern::DashDot) on screen: the flat line is broken into
// long dashes and dots where a solid line is whole.
TEST_F(Charts, ADashDotLineLeavesGapsWhereASolidLineIsWhole)
{
    TimeSeriesData data;
    data.periods = Years(kFirstYear, 5);
    data.y_from_zero = true;
    data.series.push_back({"basisschoolleerlingen (voorloper)", {10.0, 10.0, 10.0, 10.0, 10.0}, -1, false,
                           LinePattern::Solid});
    std::vector<int> solid, dash_dot;
    for (const LinePattern pattern : {LinePattern::Solid, LinePattern::DashDot}) {
        data.series[0].pattern = pattern;
        TimeSeriesResult last;
        Settle([&] { last = DrawTimeSeriesChart("pattern", data); });
        const int y = static_cast<int>(std::lround(last.y.ToPixel(10.0)));
        // Between the dots on the first two values.
        const int x0 = static_cast<int>(last.x.ToPixel(0)) + 6;
        const int x1 = static_cast<int>(last.x.ToPixel(1)) - 6;
        ASSERT_GT(x1 - x0, 60);
        (pattern == LinePattern::Solid ? solid : dash_dot) = ColorRuns(Pixels(), x0, x1, y, SeriesColor(0));
    }
    ASSERT_EQ(solid.size(), 1u) << "a solid line has no gaps";
    ASSERT_GE(dash_dot.size(), 4u) << "the dash-dot line has no gaps";
    // Dashes and dots: runs of two clearly different lengths.
    const auto [shortest, longest] = std::minmax_element(dash_dot.begin() + 1, dash_dot.end() - 1);
    EXPECT_GE(*longest, 3 * *shortest);
}

// Its legend sample shows the same pattern, unlike the forecast's evenly dashed one.
TEST_F(Charts, TheDashDotLegendSampleIsNotTheForecastsDashes)
{
    std::vector<int> runs[2];
    const SwatchKind kinds[2] = {SwatchKind::DashDotLine, SwatchKind::DashedLine};
    for (int k = 0; k < 2; ++k) {
        Frame([&] {
            DrawSwatch(ImGui::GetWindowDrawList(), PixelRect{ImVec2(100, 100), ImVec2(400, 120)}, kinds[k],
                       SeriesColor(0), false, CurrentChartColors(), CurrentChartMetrics());
        });
        runs[k] = ColorRuns(Pixels(), 100, 400, 110, SeriesColor(0));
        ASSERT_GE(runs[k].size(), 6u) << "no gaps in the sample " << k;
    }
    const auto dash_dot = std::minmax_element(runs[0].begin(), runs[0].end() - 1);
    const auto dashed = std::minmax_element(runs[1].begin(), runs[1].end() - 1);
    EXPECT_GE(*dash_dot.second, 3 * *dash_dot.first) << "dash-dot: long and short runs";
    EXPECT_LE(*dashed.second, *dashed.first + 2) << "forecast: even dashes";
}

TEST_F(Charts, ClickingABarReturnsItsItemInSortedOrder)
{
    const BarChartData data = ProvinceBars();
    BarChartResult last;
    std::optional<int> clicked;
    auto draw = [&] {
        last = DrawBarChart("provinces", data);
        if (last.clicked_item)
            clicked = last.clicked_item;
    };
    Settle(draw, ImVec2(720, 520));
    // Top row: Zuid-Holland (largest); bottom: Flevoland (unknown).
    ASSERT_EQ(last.row_order.size(), data.items.size());
    EXPECT_EQ(data.items[static_cast<std::size_t>(last.row_order.front())].label, "Zuid-Holland");
    EXPECT_EQ(data.items[static_cast<std::size_t>(last.row_order.back())].label, "Flevoland");
    for (std::size_t row = 1; row < last.row_order.size(); ++row) {
        const PixelRect& above = last.row_rects[static_cast<std::size_t>(last.row_order[row - 1])];
        const PixelRect& below = last.row_rects[static_cast<std::size_t>(last.row_order[row])];
        EXPECT_LE(above.max.y, below.min.y + 0.5f) << "rows are drawn in sorted order";
    }
    const int utrecht = 6;
    Click(Centre(last.row_rects[utrecht]), [&] { draw(); });
    EXPECT_EQ(clicked, utrecht);
    clicked.reset();
    Click(Centre(last.row_rects[4]), [&] { draw(); }); // the unknown bar is clickable too
    EXPECT_EQ(clicked, 4);
}

TEST_F(Charts, UnknownBarIsHatchedGreyNotAZeroBar)
{
    const BarChartData data = ProvinceBars();
    BarChartResult last;
    Settle([&] { last = DrawBarChart("provinces", data); }, ImVec2(720, 520));
    const core::RgbaImage image = Pixels();
    const PixelRect& row = last.row_rects[4]; // Flevoland
    const int zero = static_cast<int>(last.x.ToPixel(0.0));
    const int font = static_cast<int>(ImGui::GetFontSize());
    const ChartColors colors = CurrentChartColors();
    const int y0 = static_cast<int>(row.min.y);
    const int y1 = static_cast<int>(row.max.y);
    EXPECT_GT(CountColor(image, zero + 2, zero + font * 2, y0, y1, colors.unknown_fill), font);
    EXPECT_GT(CountColor(image, zero + 2, zero + font * 2, y0, y1, colors.unknown_hatch), font / 2);
    EXPECT_EQ(CountColor(image, zero + 2, zero + font * 2, y0, y1, colors.bar), 0);
}

TEST_F(Charts, ClickingAPointReturnsItAndHoverLabelsIt)
{
    const ScatterChartData data = RegionScatter();
    ScatterChartResult last;
    std::optional<int> clicked;
    auto draw = [&] {
        last = DrawScatterChart("scatter", data);
        if (last.clicked_point)
            clicked = last.clicked_point;
    };
    Settle(draw, ImVec2(720, 480));
    EXPECT_EQ(last.unknown_points, 1);
    const int twente = 4;
    const ImVec2 at(last.x.ToPixel(data.points[twente].x), last.y.ToPixel(data.points[twente].y));
    MoveMouse(ImVec2(at.x + 2, at.y - 1));
    Frame(draw);
    EXPECT_EQ(last.hovered_point, twente);
    EXPECT_NE(std::find(last.labelled_points.begin(), last.labelled_points.end(), twente), last.labelled_points.end());
    Click(ImVec2(at.x + 2, at.y - 1), draw);
    EXPECT_EQ(clicked, twente);
    // Selected points are always labelled.
    for (int selected : {6, 18})
        EXPECT_NE(std::find(last.labelled_points.begin(), last.labelled_points.end(), selected), last.labelled_points.end());
}

TEST_F(Charts, ClickingAHeaderSortsTheTable)
{
    const TableViewData data = ProvinceTable();
    TableViewResult last;
    std::optional<int> clicked;
    auto draw = [&] {
        last = DrawTableView("table", data);
        if (last.clicked_row)
            clicked = last.clicked_row;
    };
    Settle(draw);
    // Default: the first number column, largest first.
    EXPECT_EQ(last.sort, (TableSort{1, true}));
    EXPECT_EQ(data.rows[static_cast<std::size_t>(last.row_order.front())].label, "Gelderland");
    // The name header: alphabetical.
    Click(Centre(last.header_rects[0]), draw);
    Frame(draw);
    EXPECT_EQ(last.sort, (TableSort{0, false}));
    EXPECT_EQ(data.rows[static_cast<std::size_t>(last.row_order.front())].label, "Drenthe");
    // The change column: largest growth first; the unknown change (Flevoland) last.
    Click(Centre(last.header_rects[2]), draw);
    Frame(draw);
    EXPECT_EQ(last.sort, (TableSort{2, true}));
    EXPECT_EQ(data.rows[static_cast<std::size_t>(last.row_order.front())].label, "Utrecht");
    EXPECT_EQ(data.rows[static_cast<std::size_t>(last.row_order.back())].label, "Flevoland");
    // Again: the other way round, unknown still last.
    Click(Centre(last.header_rects[2]), draw);
    Frame(draw);
    EXPECT_EQ(last.sort, (TableSort{2, false}));
    EXPECT_EQ(data.rows[static_cast<std::size_t>(last.row_order.front())].label, "Limburg");
    EXPECT_EQ(data.rows[static_cast<std::size_t>(last.row_order.back())].label, "Flevoland");
    // A row click returns that row.
    const float row_y = last.header_rects[0].max.y + ImGui::GetFontSize();
    Click(ImVec2(last.header_rects[0].min.x + 20, row_y), draw);
    EXPECT_EQ(clicked, last.row_order.front());
}

TEST_F(Charts, SizesFollowTheUiScale)
{
    const TimeSeriesData data = PupilSeries();
    TimeSeriesResult small;
    TimeSeriesResult large;
    Settle([&] { small = DrawTimeSeriesChart("pupils", data, ImVec2(0, 300)); }, ImVec2(1400, 800));
    const float small_font = ImGui::GetFontSize();
    SetScale(2.0f);
    Settle([&] { large = DrawTimeSeriesChart("pupils", data, ImVec2(0, 600)); }, ImVec2(1400, 800));
    const float large_font = ImGui::GetFontSize();
    ASSERT_NEAR(large_font / small_font, 2.0f, 0.1f);
    // Axis label column and the space above the plot (legend, title) grow with the font.
    const float window_pad_small = 10.0f;
    const float window_pad_large = 20.0f;
    const float left_small = small.plot.min.x - window_pad_small;
    const float left_large = large.plot.min.x - window_pad_large;
    EXPECT_NEAR(left_large / left_small, 2.0f, 0.3f);
    const float top_small = small.plot.min.y - window_pad_small;
    const float top_large = large.plot.min.y - window_pad_large;
    EXPECT_NEAR(top_large / top_small, 2.0f, 0.3f);
}

// [SECTION] Golden images

using test::CompareWithGolden;

TEST_F(Charts, TimeSeriesGolden)
{
    TimeSeriesData data = PupilSeries();
    data.index_mode = true;
    data.index_base = At(2020);
    data.selected_periods = PeriodRange{At(2020), At(2025)};
    Settle([&] { DrawTimeSeriesChart("pupils", data, ImVec2(0, ImGui::GetContentRegionAvail().y)); });
    CompareWithGolden(Pixels(), "chart_time_series.png");
}

TEST_F(Charts, BarChartGolden)
{
    BarChartData provinces = ProvinceBars();
    provinces.items[6].selected = true; // Utrecht
    provinces.items[5].selected = true; // Gelderland
    const BarChartData sectors = SectorStackedBars();
    const ImVec2 display(720, 640);
    Settle(
        [&] {
            DrawBarChart("provinces", provinces);
            ImGui::Spacing();
            DrawBarChart("sectors", sectors);
        },
        display);
    CompareWithGolden(Pixels(), "chart_bars.png");
}

TEST_F(Charts, ScatterChartGolden)
{
    const ScatterChartData data = RegionScatter();
    Settle([&] { DrawScatterChart("scatter", data, ImVec2(0, ImGui::GetContentRegionAvail().y)); }, ImVec2(720, 480));
    CompareWithGolden(Pixels(), "chart_scatter.png");
}

TEST_F(Charts, TableViewGolden)
{
    const TableViewData data = ProvinceTable();
    Settle([&] { DrawTableView("table", data); }, ImVec2(720, 340));
    CompareWithGolden(Pixels(), "chart_table.png");
}

} // namespace
} // namespace vak::ui::charts
