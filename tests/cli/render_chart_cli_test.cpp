// `vakatlas render` of a chart and of a compare, as a user meets them: -o chart.svg writes the
// dashboard's time chart (or --chart bars|scatter) headless, and --compare FROM,TO draws the map
// in two periods side by side; wrong values are refused naming the option and the value.
#include "core/rgba_image.hpp"
#include "support/png_reader.hpp"
#include "support/run_process.hpp"
#include "support/temp_dir.hpp"

#include <expat.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace vak::test {
namespace {

namespace fs = std::filesystem;

std::string ReadText(const fs::path& path)
{
    std::ifstream in(path);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// The attributes of every element named `name` with class `cls`, or the parser's error.
struct Marks {
    std::vector<std::map<std::string, std::string>> found;
    std::string error;
};

Marks FindMarks(const std::string& xml, const std::string& name, const std::string& cls)
{
    struct State {
        Marks marks;
        std::string name, cls;
    } state{{}, name, cls};
    XML_Parser parser = XML_ParserCreate("UTF-8");
    XML_SetUserData(parser, &state);
    XML_SetStartElementHandler(parser, [](void* data, const XML_Char* element, const XML_Char** attributes) {
        auto* s = static_cast<State*>(data);
        std::map<std::string, std::string> attrs;
        for (int i = 0; attributes[i]; i += 2)
            attrs[attributes[i]] = attributes[i + 1];
        if (s->name == element && attrs["class"] == s->cls)
            s->marks.found.push_back(std::move(attrs));
    });
    if (XML_Parse(parser, xml.data(), static_cast<int>(xml.size()), 1) == XML_STATUS_ERROR)
        state.marks.error = std::string(XML_ErrorString(XML_GetErrorCode(parser))) + " at line " +
                            std::to_string(XML_GetCurrentLineNumber(parser));
    XML_ParserFree(parser);
    return state.marks;
}

class RenderChartCliTest : public ::testing::Test {
protected:
    std::string Path(const std::string& name) const { return (m_temp.Path() / name).string(); }
    // vakatlas without a display, on a demo data set of its own (written on first use).
    ProcessResult Vakatlas(const std::string& args) const
    {
        return RunShell("env -u DISPLAY -u WAYLAND_DISPLAY VAKATLAS_DEMO_DIR=" + ShellQuote(Path("demo")) + " " +
                        ShellQuote(VAK_EXECUTABLE) + " " + args);
    }
    TempDir m_temp{"vak_render_chart"};
};

TEST_F(RenderChartCliTest, SvgHoldsTheNationalLineAsTheAggregationCoreSumsIt)
{
    const ProcessResult render = Vakatlas("render -o " + ShellQuote(Path("tijd.svg")));
    ASSERT_EQ(render.exit_code, 0) << render.output;
    const std::string svg = ReadText(Path("tijd.svg"));
    const Marks points = FindMarks(svg, "circle", "point");
    ASSERT_TRUE(points.error.empty()) << points.error;
    EXPECT_NE(svg.find("mbo_studenten"), std::string::npos); // the default map's measure
    EXPECT_NE(svg.find("synthetische demodata"), std::string::npos);

    // The same demo table through the aggregation core: mbo students summed over all
    // municipalities per year (the national line of the default start).
    const ProcessResult sums = Vakatlas("aggregate --engine cpu --data " + ShellQuote(Path("demo/leerlingen_gemeente.csv")) +
                                        " --by jaar --where maat=mbo_studenten -o " + ShellQuote(Path("sums.csv")));
    ASSERT_EQ(sums.exit_code, 0) << sums.output;
    std::map<std::string, double> expected; // year -> sum
    std::istringstream rows(ReadText(Path("sums.csv")));
    std::string line;
    std::getline(rows, line); // header: jaar,sum,rows,suppressed,state
    while (std::getline(rows, line)) {
        std::vector<std::string> cells;
        std::istringstream cellstream(line);
        for (std::string cell; std::getline(cellstream, cell, ',');)
            cells.push_back(cell);
        ASSERT_EQ(cells.size(), 5u) << line;
        if (cells[4] == "known")
            expected[cells[0]] = std::stod(cells[1]);
    }
    ASSERT_GT(expected.size(), 10u);

    std::map<std::string, double> marked;
    for (const auto& p : points.found)
        if (p.at("data-series") == "Nederland")
            marked[p.at("data-period")] = std::stod(p.at("data-value"));
    EXPECT_EQ(marked, expected);
}

TEST_F(RenderChartCliTest, OtherChartsAndAChartThatIsNotThere)
{
    // The scatter of the Krimp theme: a point per municipality of the demo (342).
    const ProcessResult scatter = Vakatlas("render --theme krimp --chart scatter -o " + ShellQuote(Path("s.svg")));
    ASSERT_EQ(scatter.exit_code, 0) << scatter.output;
    const Marks points = FindMarks(ReadText(Path("s.svg")), "circle", "point");
    ASSERT_TRUE(points.error.empty()) << points.error;
    EXPECT_GT(points.found.size(), 100u);
    // The Opleidingsaanbod theme's enrolment table splits by learning path: one bar each.
    const ProcessResult bars = Vakatlas("render --theme opleidingsaanbod --chart bars -o " + ShellQuote(Path("b.svg")));
    ASSERT_EQ(bars.exit_code, 0) << bars.output;
    const Marks rects = FindMarks(ReadText(Path("b.svg")), "rect", "bar");
    ASSERT_TRUE(rects.error.empty()) << rects.error;
    EXPECT_GE(rects.found.size(), 2u);
    // The pupils table has no categories: bad input (1), saying so; no file left behind.
    const ProcessResult none = Vakatlas("render --chart bars -o " + ShellQuote(Path("geen.svg")));
    EXPECT_EQ(none.exit_code, 1) << none.output;
    EXPECT_NE(none.output.find("no bar chart"), std::string::npos) << none.output;
    EXPECT_FALSE(fs::exists(Path("geen.svg")));
    // A chart kind that does not exist is a usage error naming it.
    const ProcessResult pie = Vakatlas("render --chart pie -o " + ShellQuote(Path("p.svg")));
    EXPECT_EQ(pie.exit_code, 2) << pie.output;
    EXPECT_NE(pie.output.find("'pie'"), std::string::npos) << pie.output;
}

TEST_F(RenderChartCliTest, CompareRendersTwoPeriodsAndRefusesOnesTheTableLacks)
{
    const ProcessResult ok = Vakatlas("render --compare 2015,2030 -o " + ShellQuote(Path("vergelijk.png")));
    ASSERT_EQ(ok.exit_code, 0) << ok.output;
    const core::RgbaImage image = ReadPng(Path("vergelijk.png"));
    EXPECT_EQ(image.width, 1920);
    EXPECT_EQ(image.height, 1080);
    // Each refusal is a usage error (2) naming the option and the value.
    for (const char* bad : {"2015", "2015,abc", "2015,2099"}) {
        const ProcessResult r = Vakatlas(std::string("render --compare ") + bad + " -o " + ShellQuote(Path("x.png")));
        EXPECT_EQ(r.exit_code, 2) << bad << ": " << r.output;
        EXPECT_NE(r.output.find(std::string("--compare ") + bad), std::string::npos) << r.output;
    }
    EXPECT_NE(Vakatlas("render --compare 2015,2099 -o " + ShellQuote(Path("x.png"))).output.find("no period 2099"),
              std::string::npos);
    EXPECT_FALSE(fs::exists(Path("x.png")));
}

} // namespace
} // namespace vak::test
