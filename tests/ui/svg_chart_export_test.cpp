// Charts as SVG: each file parses as XML (expat), carries the chart's title, ticks and source
// line, and holds one mark per data point with the value it was given; from a running dashboard,
// the marks hold the aggregation core's values.
#include "ui/charts/svg_chart_export.hpp"

#include "core/dashboard/dashboard_model.hpp"
#include "core/errors.hpp"
#include "core/text/number_format.hpp"
#include "support/ci.hpp"
#include "support/temp_dir.hpp"
#include "ui/headless_render.hpp"
#include "ui/session_exports.hpp"
#include "ui/theme_controller.hpp"
#include "ui/ui_session.hpp"

#include <expat.h>
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
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

class DashboardSvgTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        core::CommonOptions options;
        options.shader_dir = VAK_TEST_SHADER_DIR;
        try {
            m_dashboard = std::make_unique<HeadlessDashboard>(options, core::ViewData{}, core::RegionFileOptions{},
                                                              nullptr, core::ImageSize{960, 600});
        } catch (const core::InputError& e) {
            if (test::InCi())
                FAIL() << e.what();
            GTEST_SKIP() << e.what();
        }
        ASSERT_TRUE(m_dashboard->Session().Model().HasData());
    }
    std::unique_ptr<HeadlessDashboard> m_dashboard;
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

} // namespace
} // namespace vak::ui::charts
