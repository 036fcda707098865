// Charts as SVG: each file parses as XML (expat), carries the chart's title, ticks and source
// line, and holds one mark per data point with the value it was given; from a running dashboard,
// the marks hold the aggregation core's values.
#include "ui/charts/svg_chart_export.hpp"

#include "core/dashboard/dashboard_model.hpp"
#include "core/errors.hpp"
#include "core/text/number_format.hpp"
#include "core/workspace.hpp"
#include "support/demo_dashboard_fixture.hpp"
#include "support/headless_session.hpp"
#include "support/shared_data.hpp"
#include "support/temp_dir.hpp"
#include "ui/dashboard.hpp"
#include "ui/headless_render.hpp"
#include "ui/panels/charts_panel.hpp"
#include "ui/session_exports.hpp"
#include "ui/theme_controller.hpp"
#include "ui/ui_session.hpp"

#include <expat.h>
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <tuple>
#include <memory>
#include <string>
#include <vector>

namespace vak::ui::charts {
namespace {

struct Element {
    std::string name;
    std::map<std::string, std::string> attributes;
    std::string text; // character data directly inside it
};

// Every element of the document in order, or the parser's error.
struct Parsed {
    std::vector<Element> elements;
    std::string error;
};

Parsed ParseXml(const std::string& xml)
{
    Parsed parsed;
    struct State {
        Parsed* parsed;
        std::vector<std::size_t> open;
    } state{&parsed, {}};
    XML_Parser parser = XML_ParserCreate("UTF-8");
    XML_SetUserData(parser, &state);
    XML_SetElementHandler(
        parser,
        [](void* data, const XML_Char* name, const XML_Char** attributes) {
            auto* s = static_cast<State*>(data);
            Element e;
            e.name = name;
            for (int i = 0; attributes[i]; i += 2)
                e.attributes[attributes[i]] = attributes[i + 1];
            s->open.push_back(s->parsed->elements.size());
            s->parsed->elements.push_back(std::move(e));
        },
        [](void* data, const XML_Char*) { static_cast<State*>(data)->open.pop_back(); });
    XML_SetCharacterDataHandler(parser, [](void* data, const XML_Char* text, int length) {
        auto* s = static_cast<State*>(data);
        if (!s->open.empty())
            s->parsed->elements[s->open.back()].text.append(text, static_cast<std::size_t>(length));
    });
    if (XML_Parse(parser, xml.data(), static_cast<int>(xml.size()), 1) == XML_STATUS_ERROR)
        parsed.error = std::string(XML_ErrorString(XML_GetErrorCode(parser))) + " at line " +
                       std::to_string(XML_GetCurrentLineNumber(parser));
    XML_ParserFree(parser);
    return parsed;
}

std::vector<const Element*> WithClass(const Parsed& parsed, const std::string& name, const std::string& cls)
{
    std::vector<const Element*> out;
    for (const Element& e : parsed.elements) {
        const auto it = e.attributes.find("class");
        if (e.name == name && it != e.attributes.end() && it->second == cls)
            out.push_back(&e);
    }
    return out;
}

double Number(const Element& e, const char* attribute)
{
    return std::stod(e.attributes.at(attribute));
}

std::vector<core::Period> Years(std::initializer_list<int> years)
{
    std::vector<core::Period> periods;
    for (int y : years)
        periods.push_back(core::Period{y, 0});
    return periods;
}

// The polylines drawn for the series `name` (inside its <g class="series">).
std::vector<const Element*> PolylinesOf(const Parsed& parsed, const std::string& name)
{
    std::vector<const Element*> out;
    bool inside = false;
    for (const Element& e : parsed.elements) {
        if (e.name == "g") {
            const auto it = e.attributes.find("data-name");
            inside = it != e.attributes.end() && it->second == name;
        } else if (inside && e.name == "polyline") {
            out.push_back(&e);
        }
    }
    return out;
}

std::string Attribute(const Element& e, const char* attribute)
{
    const auto it = e.attributes.find(attribute);
    return it == e.attributes.end() ? std::string() : it->second;
}

// The legend's sample line for the entry whose text is `label` (lines and texts come in pairs).
const Element* LegendLineOf(const Parsed& parsed, const std::string& label)
{
    const auto lines = WithClass(parsed, "line", "legend");
    const auto texts = WithClass(parsed, "text", "legend");
    for (std::size_t i = 0; i < texts.size() && i < lines.size(); ++i)
        if (texts[i]->text == label)
            return lines[i];
    return nullptr;
}

TEST(SvgChartExport, TimeChartHasOnePointPerKnownValueTheTitleTicksUnitAndSource)
{
    TimeSeriesData data;
    data.periods = Years({2020, 2021, 2022});
    data.unit = "leerlingen";
    data.series.push_back({"Nederland", {100.0, kUnknown, 120.5}, -1, true});
    data.series.push_back({"Sluis & Hulst", {10.0, 11.0, 12.0}, 2, false});
    SvgFrame frame{"aantal door de jaren", "Bron: DUO <open data>", 900, 540};
    const Parsed svg = ParseXml(TimeSeriesSvg(data, frame));
    ASSERT_TRUE(svg.error.empty()) << svg.error;
    ASSERT_FALSE(svg.elements.empty());
    EXPECT_EQ(svg.elements.front().name, "svg");
    EXPECT_EQ(WithClass(svg, "text", "title").at(0)->text, "aantal door de jaren");
    EXPECT_EQ(WithClass(svg, "text", "source").at(0)->text, "Bron: DUO <open data>");
    EXPECT_EQ(WithClass(svg, "text", "axis-title y").at(0)->text, "leerlingen");
    // The unknown 2021 of the national line has no mark: 2 + 3 points.
    const auto points = WithClass(svg, "circle", "point");
    ASSERT_EQ(points.size(), 5u);
    const std::vector<std::pair<std::string, double>> expected = {
        {"Nederland", 100.0}, {"Nederland", 120.5}, {"Sluis & Hulst", 10.0}, {"Sluis & Hulst", 11.0}, {"Sluis & Hulst", 12.0}};
    for (std::size_t i = 0; i < points.size(); ++i) {
        EXPECT_EQ(points[i]->attributes.at("data-series"), expected[i].first);
        EXPECT_EQ(Number(*points[i], "data-value"), expected[i].second);
    }
    EXPECT_EQ(points[1]->attributes.at("data-period"), "2022");
    // Round ticks covering 10 .. 120.5, labelled in the Dutch locale: about five steps of 120.5 / 5 = 24.1, rounded to 25.
    std::vector<std::string> ticks;
    for (const Element* t : WithClass(svg, "text", "tick y"))
        ticks.push_back(t->text);
    EXPECT_EQ(ticks, (std::vector<std::string>{"0", "25", "50", "75", "100", "125"}));
    std::vector<std::string> years;
    for (const Element* t : WithClass(svg, "text", "tick x"))
        years.push_back(t->text);
    EXPECT_EQ(years, (std::vector<std::string>{"2020", "2021", "2022"}));
    // A higher point is drawn higher (y grows down).
    EXPECT_LT(Number(*points[1], "cy"), Number(*points[0], "cy"));
}

// Index mode as the panel draws it: each line against its own value in the base period (2021),
// the measured value kept beside the index, the base period's points on the base line at 100.
TEST(SvgChartExport, TimeChartInIndexModeDrawsEachLineAgainstItsBasePeriod)
{
    TimeSeriesData data;
    data.periods = Years({2020, 2021, 2022, 2023});
    data.unit = "leerlingen";
    data.index_mode = true;
    data.index_base = 1;
    data.selected_periods = PeriodRange{1, 3};
    data.series.push_back({"Nederland", {50.0, 40.0, 60.0, kUnknown}, -1, true});
    data.series.push_back({"Zeeland", {10.0, 12.0, 9.0, 8.0}, 3, false});
    const Parsed svg = ParseXml(TimeSeriesSvg(data, {"leerlingen door de jaren", "Bron: test", 900, 540}));
    ASSERT_TRUE(svg.error.empty()) << svg.error;
    EXPECT_EQ(WithClass(svg, "text", "axis-title y").at(0)->text, "index (2021 = 100)");
    // By hand: 50/40 = 125 %, 60/40 = 150 %; 10/12, 9/12, 8/12 of Zeeland's 2021.
    const std::vector<std::tuple<std::string, double, double>> expected = {
        {"Nederland", 50.0, 125.0}, {"Nederland", 40.0, 100.0}, {"Nederland", 60.0, 150.0},
        {"Zeeland", 10.0, 1000.0 / 12.0}, {"Zeeland", 12.0, 100.0}, {"Zeeland", 9.0, 75.0},
        {"Zeeland", 8.0, 800.0 / 12.0}};
    const auto points = WithClass(svg, "circle", "point");
    ASSERT_EQ(points.size(), expected.size());
    for (std::size_t i = 0; i < points.size(); ++i) {
        EXPECT_EQ(points[i]->attributes.at("data-series"), std::get<0>(expected[i]));
        EXPECT_EQ(Number(*points[i], "data-value"), std::get<1>(expected[i])) << i;
        EXPECT_NEAR(Number(*points[i], "data-index"), std::get<2>(expected[i]), 1e-9) << i;
    }
    // Both lines pass through the base line in 2021; a higher index is drawn higher.
    const auto base = WithClass(svg, "line", "base");
    ASSERT_EQ(base.size(), 1u);
    EXPECT_EQ(Number(*points[1], "cy"), Number(*base[0], "y1"));
    EXPECT_EQ(Number(*points[4], "cy"), Number(*base[0], "y1"));
    EXPECT_LT(Number(*points[2], "cy"), Number(*points[0], "cy"));
    // The brushed periods 2021-2023 as a band, the forecast named in the legend as dashed.
    EXPECT_EQ(WithClass(svg, "rect", "brush").size(), 1u);
    const Element* forecast = LegendLineOf(svg, "prognose");
    ASSERT_NE(forecast, nullptr);
    EXPECT_FALSE(Attribute(*forecast, "stroke-dasharray").empty());
    // Out of index mode: no index, the unit as axis title, no base line.
    data.index_mode = false;
    const Parsed raw = ParseXml(TimeSeriesSvg(data, {"t", "s", 900, 540}));
    EXPECT_EQ(WithClass(raw, "text", "axis-title y").at(0)->text, "leerlingen");
    EXPECT_TRUE(WithClass(raw, "line", "base").empty());
    for (const Element* p : WithClass(raw, "circle", "point"))
        EXPECT_EQ(p->attributes.count("data-index"), 0u);
}

// The leading indicator (LinePattern::DashDot) is dashed in the plot and in its legend entry,
// with a pattern of its own: not the forecast's, and the measured lines stay solid.
TEST(SvgChartExport, ADashDotLineIsDashedInThePlotAndTheLegendUnlikeTheForecast)
{
    TimeSeriesData data;
    data.periods = Years({2020, 2021, 2022, 2023});
    data.series.push_back({"Nederland", {50.0, 40.0, 60.0, 55.0}, 2, true});
    data.series.push_back({"basisschoolleerlingen (voorloper)", {90.0, 85.0, kUnknown, kUnknown}, -1, false,
                           LinePattern::DashDot});
    const Parsed svg = ParseXml(TimeSeriesSvg(data, {"t", "s", 900, 540}));
    ASSERT_TRUE(svg.error.empty()) << svg.error;
    const auto leading = PolylinesOf(svg, "basisschoolleerlingen (voorloper)");
    ASSERT_EQ(leading.size(), 1u);
    const std::string pattern = Attribute(*leading[0], "stroke-dasharray");
    EXPECT_FALSE(pattern.empty());
    const Element* legend = LegendLineOf(svg, "basisschoolleerlingen (voorloper)");
    ASSERT_NE(legend, nullptr);
    EXPECT_EQ(Attribute(*legend, "stroke-dasharray"), pattern);
    // The national line: measured part solid, forecast part dashed differently.
    const auto national = PolylinesOf(svg, "Nederland");
    ASSERT_EQ(national.size(), 2u);
    EXPECT_EQ(Attribute(*national[0], "stroke-dasharray"), "");
    EXPECT_FALSE(Attribute(*national[1], "stroke-dasharray").empty());
    EXPECT_NE(Attribute(*national[1], "stroke-dasharray"), pattern);
    EXPECT_EQ(Attribute(*LegendLineOf(svg, "Nederland"), "stroke-dasharray"), "");
}

TEST(SvgChartExport, BarChartHasABarPerItemLargestFirstAndUnknownAsUnknown)
{
    BarChartData data;
    data.items = {{"Handel", {5.0}, false}, {"Zorg & welzijn", {kUnknown}, false}, {"Techniek", {1234.5}, true}};
    data.format = core::NumberFormat{core::NumberStyle::Plain, 1};
    const Parsed svg = ParseXml(BarChartSvg(data, {"aantal per sector", "Bron: test", 900, 540}));
    ASSERT_TRUE(svg.error.empty()) << svg.error;
    const auto bars = WithClass(svg, "rect", "bar");
    ASSERT_EQ(bars.size(), 2u);
    EXPECT_EQ(bars[0]->attributes.at("data-label"), "Techniek");
    EXPECT_EQ(Number(*bars[0], "data-value"), 1234.5);
    EXPECT_EQ(bars[1]->attributes.at("data-label"), "Handel");
    EXPECT_EQ(Number(*bars[1], "data-value"), 5.0);
    EXPECT_GT(Number(*bars[0], "width"), Number(*bars[1], "width"));
    const auto unknown = WithClass(svg, "rect", "bar unknown");
    ASSERT_EQ(unknown.size(), 1u);
    EXPECT_EQ(unknown[0]->attributes.at("data-label"), "Zorg & welzijn");
    EXPECT_EQ(unknown[0]->attributes.at("data-value"), "");
    // The values at the bars' ends in the Dutch locale.
    std::vector<std::string> labels;
    for (const Element* t : WithClass(svg, "text", "bar-value"))
        labels.push_back(t->text);
    EXPECT_EQ(labels, (std::vector<std::string>{"1.234,5", "5,0"}));
}

TEST(SvgChartExport, ScatterHasAPointPerRegionWithBothValues)
{
    ScatterChartData data;
    data.points = {{"A", -10.5, 200.0, false}, {"B", 3.0, 50.0, false}, {"C", kUnknown, 80.0, false}, {"D", 0.0, 0.0, true}};
    data.x_title = "verandering (%)";
    data.y_title = "studenten";
    data.quadrant_x = -2.0;
    data.quadrant_x_label = "Nederland";
    const Parsed svg = ParseXml(ScatterSvg(data, {"Verandering tegenover omvang", "Bron: test", 900, 540}));
    ASSERT_TRUE(svg.error.empty()) << svg.error;
    const auto points = WithClass(svg, "circle", "point");
    ASSERT_EQ(points.size(), 3u); // C has no change
    EXPECT_EQ(points[0]->attributes.at("data-label"), "A");
    EXPECT_EQ(Number(*points[0], "data-x"), -10.5);
    EXPECT_EQ(Number(*points[0], "data-y"), 200.0);
    EXPECT_EQ(points[2]->attributes.at("data-label"), "D");
    EXPECT_LT(Number(*points[0], "cx"), Number(*points[1], "cx"));
    EXPECT_EQ(WithClass(svg, "text", "axis-title x").at(0)->text, "verandering (%)");
    EXPECT_EQ(WithClass(svg, "line", "quadrant x").size(), 1u);
}

TEST(SvgChartExport, AFileInAMissingFolderIsRefusedNamingIt)
{
    test::TempDir temp{"vak_svg_refused"};
    const auto path = temp.Path() / "missing" / "chart.svg";
    try {
        WriteSvgFile("<svg/>", path);
        FAIL() << "written into a missing folder";
    } catch (const core::InputError& e) {
        EXPECT_NE(std::string(e.what()).find("chart.svg"), std::string::npos) << e.what();
    }
}

class DashboardSvgTest : public test::DemoDashboardTest {
protected:
    void SetUp() override { (void)StartDemo({960, 600}); }
};

TEST_F(DashboardSvgTest, TheChartsHoldTheAggregationCoresValues)
{
    UiSession& session = m_dashboard->Session();
    core::DashboardModel& model = session.Model();
    // Time chart: the national line's known values, in period order.
    const Parsed time = ParseXml(ChartSvg(session, SvgChartKind::TimeSeries));
    ASSERT_TRUE(time.error.empty()) << time.error;
    std::vector<double> expected;
    for (const core::RegionValue& v : model.NationalPeriodSeries())
        if (v.state == core::agg::GroupState::Known)
            expected.push_back(v.value);
    std::vector<double> marked;
    for (const Element* p : WithClass(time, "circle", "point"))
        if (p->attributes.at("data-series") == "Nederland")
            marked.push_back(Number(*p, "data-value"));
    EXPECT_EQ(marked, expected);
    EXPECT_GT(expected.size(), 10u);
    EXPECT_NE(WithClass(time, "text", "source").at(0)->text.find("synthetische demodata"), std::string::npos);
    // Written as a file that parses (VAK_SVG_OUT: a folder to keep it in, for a look).
    test::TempDir temp{"vak_svg_dashboard"};
    const char* keep = std::getenv("VAK_SVG_OUT");
    const std::filesystem::path path = (keep ? std::filesystem::path(keep) : temp.Path()) / "scatter.svg";
    if (keep)
        WriteSvgFile(ChartSvg(session, SvgChartKind::TimeSeries), std::filesystem::path(keep) / "time.svg");
    ExportChartSvg(session, SvgChartKind::Scatter, path);
    std::ifstream in(path);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const Parsed scatter = ParseXml(text);
    ASSERT_TRUE(scatter.error.empty()) << scatter.error;
    EXPECT_GT(WithClass(scatter, "circle", "point").size(), 100u);

    // The pupils table has no categories for bars: refused, saying so.
    EXPECT_THROW(ChartSvg(session, SvgChartKind::Bars), core::InputError);
    // The enrolment table (Opleidingsaanbod) splits by learning path.
    session.Themes().Select(Theme::Programmes);
    for (int i = 0; i < 8 && !(i >= 2 && session.Themes().Settled()); ++i)
        m_dashboard->Frames(1);
    m_dashboard->Frames(1);
    ASSERT_GE(model.BarsDimension(), 0);
    // Bars: one per category, the core's values.
    const Parsed bars = ParseXml(ChartSvg(session, SvgChartKind::Bars));
    ASSERT_TRUE(bars.error.empty()) << bars.error;
    const std::vector<core::RegionValue> values = model.BarValues();
    const auto& labels = model.Table()->dimensions[static_cast<std::size_t>(model.BarsDimension())].labels;
    std::map<std::string, double> by_label;
    for (const Element* b : WithClass(bars, "rect", "bar"))
        by_label[b->attributes.at("data-label")] = Number(*b, "data-value");
    int known = 0;
    for (std::size_t c = 0; c < values.size(); ++c)
        if (values[c].state == core::agg::GroupState::Known) {
            EXPECT_EQ(by_label.at(labels[c]), values[c].value) << labels[c];
            ++known;
        }
    EXPECT_EQ(static_cast<int>(by_label.size()), known);
    EXPECT_GT(known, 1);
}

// The time chart in the file equals the one the panel drew in the last frame, compared on the
// values: the same lines in the same order, each known value a point carrying the measured value
// and (in index mode) the index against the same base period.
void ExpectSvgShowsThePanelsTimeChart(UiSession& session, const std::string& state)
{
    SCOPED_TRACE(state);
    const ChartsPanel* panel = session.GetDashboard().Charts();
    ASSERT_NE(panel, nullptr);
    const TimeSeriesData& shown = panel->ShownTimeChart().data;
    ASSERT_FALSE(shown.series.empty());
    const Parsed svg = ParseXml(ChartSvg(session, SvgChartKind::TimeSeries));
    ASSERT_TRUE(svg.error.empty()) << svg.error;
    std::vector<std::string> lines, expected_lines;
    for (const Element& e : svg.elements)
        if (e.name == "g" && Attribute(e, "class") == "series")
            lines.push_back(Attribute(e, "data-name"));
    for (const TimeSeries& s : shown.series)
        expected_lines.push_back(s.name);
    EXPECT_EQ(lines, expected_lines);
    const auto points = WithClass(svg, "circle", "point");
    std::size_t next = 0;
    for (const TimeSeries& s : shown.series) {
        const std::vector<double> plotted = shown.index_mode ? ComputeIndexValues(s.values, shown.index_base) : s.values;
        for (std::size_t i = 0; i < plotted.size(); ++i) {
            if (!IsKnown(plotted[i]))
                continue;
            ASSERT_LT(next, points.size()) << s.name << " has fewer points in the file";
            const Element& p = *points[next++];
            EXPECT_EQ(p.attributes.at("data-series"), s.name);
            EXPECT_EQ(p.attributes.at("data-period"), PeriodLabel(shown.periods[i], shown.language));
            EXPECT_EQ(Number(p, "data-value"), s.values[i]) << s.name << " " << i;
            if (shown.index_mode)
                EXPECT_EQ(Number(p, "data-index"), plotted[i]) << s.name << " " << i;
            else
                EXPECT_EQ(p.attributes.count("data-index"), 0u);
        }
    }
    EXPECT_EQ(next, points.size()) << "the file has points the panel does not draw";
    EXPECT_EQ(WithClass(svg, "line", "current").size(), shown.current_period ? 1u : 0u);
    EXPECT_EQ(WithClass(svg, "rect", "brush").size(), shown.selected_periods ? 1u : 0u);
}

// The panel's index mode (on by default) reaches the file: with the map's change from the third
// to the ninth period, the national line is 100 in the third period and each value is
// 100 * value / value in the third period, from the aggregation core's national sums.
TEST_F(DashboardSvgTest, TheTimeChartFollowsThePanelsIndexModeAndBase)
{
    UiSession& session = m_dashboard->Session();
    core::DashboardModel& model = session.Model();
    ChartsPanel* panel = session.GetDashboard().Charts();
    ASSERT_NE(panel, nullptr);
    ASSERT_TRUE(panel->Choices().index_mode) << "the panel starts in index mode";
    ASSERT_GT(model.Periods().size(), 9u);
    model.SetChange(2, 8);
    m_dashboard->Frames(1);

    const std::vector<core::RegionValue> national = model.NationalPeriodSeries();
    ASSERT_EQ(national[2].state, core::agg::GroupState::Known);
    const double base = national[2].value;
    const Parsed svg = ParseXml(ChartSvg(session, SvgChartKind::TimeSeries));
    ASSERT_TRUE(svg.error.empty()) << svg.error;
    char axis[64];
    std::snprintf(axis, sizeof axis, "index (%s = 100)", model.Periods()[2].c_str());
    EXPECT_EQ(WithClass(svg, "text", "axis-title y").at(0)->text, axis);
    std::map<std::string, double> index_of; // period -> index in the file
    for (const Element* p : WithClass(svg, "circle", "point"))
        if (p->attributes.at("data-series") == "Nederland")
            index_of[p->attributes.at("data-period")] = Number(*p, "data-index");
    int compared = 0;
    for (std::size_t i = 0; i < national.size(); ++i) {
        if (national[i].state != core::agg::GroupState::Known)
            continue;
        const std::string& period = model.Periods()[i];
        ASSERT_TRUE(index_of.count(period)) << period;
        EXPECT_NEAR(index_of.at(period), 100.0 * national[i].value / base, 1e-9 * index_of.at(period)) << period;
        ++compared;
    }
    EXPECT_GT(compared, 10);
    EXPECT_EQ(index_of.at(model.Periods()[2]), 100.0);
    ExpectSvgShowsThePanelsTimeChart(session, "index mode, change 3rd-9th period");

    // Two regions selected: their lines too.
    const core::RegionLayer& layer = *session.GetWorkspace().ActiveLayer();
    session.GetWorkspace().GetSelection().Assign({layer.features[0].code, layer.features[1].code});
    m_dashboard->Frames(1);
    ASSERT_EQ(panel->ShownTimeChart().data.series.size(), 3u);
    ExpectSvgShowsThePanelsTimeChart(session, "two regions");

    // Index mode off in the panel, no change: measured values, the current period marked.
    panel->SetChoices(ChartChoices{false});
    model.ClearChange();
    m_dashboard->Frames(1);
    ExpectSvgShowsThePanelsTimeChart(session, "raw values");
    const Parsed raw = ParseXml(ChartSvg(session, SvgChartKind::TimeSeries));
    EXPECT_EQ(WithClass(raw, "text", "axis-title y").at(0)->text, model.MeasureTitle());
    EXPECT_TRUE(WithClass(raw, "line", "base").empty());
}

// Krimp with DUO's real primary-school file loaded beside the demo: the leading indicator is a
// line of the exported time chart, dash-dot in the plot and in its legend entry (not the
// forecast's dashes), with the values the panel draws.
TEST(DashboardSvgLeading, TheLeadingIndicatorIsDashedInTheExportedTimeChart)
{
    core::Workspace workspace;
    test::HeadlessSession headless;
    if (!test::StartKrimpWithPrimaryPupils(headless, workspace, {1280, 800}))
        return;
    UiSession& session = headless.Session();
    workspace.GetSelection().Assign({"GM0014", "GM0080"}); // Groningen, Leeuwarden
    headless.Frame();

    const TimeSeriesData& shown = session.GetDashboard().Charts()->ShownTimeChart().data;
    ASSERT_FALSE(shown.series.empty());
    const TimeSeries& leading = shown.series.back();
    ASSERT_NE(leading.name.find("voorloper"), std::string::npos) << leading.name;
    EXPECT_EQ(leading.pattern, LinePattern::DashDot);
    EXPECT_EQ(shown.series.front().pattern, LinePattern::Solid);

    const std::string text = ChartSvg(session, SvgChartKind::TimeSeries);
    const Parsed svg = ParseXml(text);
    ASSERT_TRUE(svg.error.empty()) << svg.error;
    const auto lines = PolylinesOf(svg, leading.name);
    ASSERT_FALSE(lines.empty());
    const std::string pattern = Attribute(*lines[0], "stroke-dasharray");
    EXPECT_FALSE(pattern.empty()) << "the leading line is drawn solid";
    for (const Element* line : lines)
        EXPECT_EQ(Attribute(*line, "stroke-dasharray"), pattern);
    const Element* legend = LegendLineOf(svg, leading.name);
    ASSERT_NE(legend, nullptr) << "no legend entry for " << leading.name;
    EXPECT_EQ(Attribute(*legend, "stroke-dasharray"), pattern);
    // The demo's mbo lines have a forecast: dashed, but not like the leading line.
    if (const Element* forecast = LegendLineOf(svg, "prognose")) {
        EXPECT_NE(Attribute(*forecast, "stroke-dasharray"), pattern);
    }
    for (const Element* line : PolylinesOf(svg, "Nederland"))
        EXPECT_NE(Attribute(*line, "stroke-dasharray"), pattern);
    ExpectSvgShowsThePanelsTimeChart(session, "krimp with the leading indicator");
    if (const char* keep = std::getenv("VAK_SVG_OUT")) { // the file and the screen, for a look side by side
        WriteSvgFile(text, std::filesystem::path(keep) / "time_leading.svg");
        ExportDashboardPng(session, std::filesystem::path(keep) / "dashboard_leading.png");
    }
    headless.Stop();
}

} // namespace
} // namespace vak::ui::charts
