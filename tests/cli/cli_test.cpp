// The command line as a user meets it: the built vakatlas executable run as a child process,
// checked on exit codes (0 ok, 1 bad input, 2 usage), messages and the files it writes.
#include "core/rgba_image.hpp"
#include "support/ci.hpp"
#include "support/png_reader.hpp"
#include "support/run_process.hpp"
#include "support/shared_data.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>

namespace vak::test {
namespace {

// In the sanitizer build, a window session's leak report is off: Mesa's GLX driver module is
// unloaded before LeakSanitizer reports, so its allocations show as "<unknown module>", which
// no suppression can name. The same frame code is leak-checked on the headless path.
const char* const kWindowLeakCheckOff = "ASAN_OPTIONS=\"${ASAN_OPTIONS}:detect_leaks=0\" ";


namespace fs = std::filesystem;

// Without a display, as in CI; the child gets no DISPLAY or WAYLAND_DISPLAY.
ProcessResult Vakatlas(const std::string& args)
{
    return RunShell("env -u DISPLAY -u WAYLAND_DISPLAY " + ShellQuote(VAK_EXECUTABLE) + " " + args);
}

class CliTest : public ::testing::Test {
protected:
    std::string Path(const std::string& name) const { return (m_dir / name).string(); }

    TempDir m_temp{"vak_cli"};
    fs::path m_dir = m_temp.Path();
};

TEST_F(CliTest, HelpAndVersionExitZero)
{
    const ProcessResult help = Vakatlas("--help");
    EXPECT_EQ(help.exit_code, 0);
    EXPECT_NE(help.output.find("Usage: vakatlas"), std::string::npos);
    EXPECT_NE(help.output.find("render"), std::string::npos);

    const ProcessResult render_help = Vakatlas("render --help");
    EXPECT_EQ(render_help.exit_code, 0);
    EXPECT_NE(render_help.output.find("--size WxH"), std::string::npos);

    const ProcessResult version = Vakatlas("--version");
    EXPECT_EQ(version.exit_code, 0);
    EXPECT_NE(version.output.find("vakatlas 0."), std::string::npos);
}

TEST_F(CliTest, WrongUsageExitsTwoWithTheReason)
{
    const ProcessResult unknown = Vakatlas("--definitely-not-a-flag");
    EXPECT_EQ(unknown.exit_code, 2);
    EXPECT_NE(unknown.output.find("--definitely-not-a-flag"), std::string::npos);

    EXPECT_EQ(Vakatlas("render").exit_code, 2);
    EXPECT_EQ(Vakatlas("render -o x.png --size 12x12").exit_code, 2);
    EXPECT_EQ(Vakatlas("frobnicate").exit_code, 2);
    EXPECT_EQ(Vakatlas("--ui-scale 900").exit_code, 2);
}

TEST_F(CliTest, DashboardWithoutDisplaySaysSoInOneLineAndSuggestsRender)
{
    const ProcessResult r = Vakatlas("");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.output.find("no display"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("vakatlas render"), std::string::npos) << r.output;
    EXPECT_EQ(std::count(r.output.begin(), r.output.end(), '\n'), 1) << r.output;
}

TEST_F(CliTest, RenderWritesAPngOfTheRequestedSizeThatIsNotBlank)
{
    const std::string out = Path("view.png");
    const ProcessResult r = Vakatlas("render -o " + ShellQuote(out) + " --size 1280x720");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const core::RgbaImage image = ReadPng(out);
    ASSERT_EQ(image.width, 1280);
    ASSERT_EQ(image.height, 720);
    EXPECT_GT(core::CountDistinctColors(image, 500), 100u);
}

TEST_F(CliTest, RenderAtProjectorScaleInEnglish)
{
    const std::string out = Path("big.png");
    const ProcessResult r = Vakatlas("render -o " + ShellQuote(out) + " --size 1920x1080 --ui-scale 250 --lang en");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_EQ(ReadPng(out).width, 1920);
}

TEST_F(CliTest, RenderIntoAMissingFolderExitsOneAndNamesIt)
{
    const std::string out = Path("no/such/folder/view.png");
    const ProcessResult r = Vakatlas("render -o " + ShellQuote(out) + " --size 640x400");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.output.find("no/such/folder"), std::string::npos) << r.output;
    EXPECT_FALSE(fs::exists(out));
}

TEST_F(CliTest, BadShaderFolderExitsOneAndNamesIt)
{
    const ProcessResult r = Vakatlas("render -o " + ShellQuote(Path("x.png")) + " --shaders " + ShellQuote(Path("none")));
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.output.find(Path("none")), std::string::npos) << r.output;
}

TEST_F(CliTest, BrokenShaderExitsOneWithFileAndLine)
{
    // A copy of the real shaders with one line broken: the error must point at it.
    const fs::path shaders = m_dir / "shaders";
    fs::copy(VAK_TEST_SHADER_DIR, shaders);
    std::ofstream(shaders / "map_canvas.frag", std::ios::app) << "this is not glsl;\n";
    const ProcessResult r = Vakatlas("render -o " + ShellQuote(Path("x.png")) + " --shaders " + ShellQuote(shaders.string()));
    EXPECT_EQ(r.exit_code, 1) << r.output;
    EXPECT_NE(r.output.find("map_canvas.frag:"), std::string::npos) << r.output;
    EXPECT_FALSE(fs::exists(Path("x.png")));
}

TEST_F(CliTest, NotAFontExitsOneAndNamesTheFile)
{
    std::ofstream(Path("fake.ttf")) << "not a font";
    const ProcessResult r = Vakatlas("render -o " + ShellQuote(Path("x.png")) + " --font " + ShellQuote(Path("fake.ttf")));
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.output.find("fake.ttf"), std::string::npos) << r.output;
}

TEST_F(CliTest, EmptyOrFolderFontExitsOneAndNamesIt)
{
    std::ofstream(Path("empty.ttf")).close();
    for (const std::string& font : {Path("empty.ttf"), m_dir.string()}) {
        const ProcessResult r = Vakatlas("render -o " + ShellQuote(Path("x.png")) + " --font " + ShellQuote(font));
        EXPECT_EQ(r.exit_code, 1) << r.output;
        EXPECT_NE(r.output.find(font), std::string::npos) << r.output;
    }
}

TEST_F(CliTest, InspectOfARealFileAndOfNonsense)
{
    const std::string gemeenten = std::string(VAK_TEST_SHARED_DIR) + "/geodata/cbs/gemeente_2025.topojson";
    if (fs::exists(gemeenten)) {
        const ProcessResult r = Vakatlas("inspect " + ShellQuote(gemeenten));
        EXPECT_EQ(r.exit_code, 0) << r.output;
        EXPECT_NE(r.output.find("Features: 342"), std::string::npos) << r.output;
        EXPECT_NE(r.output.find("EPSG:28992"), std::string::npos) << r.output;
    }
    std::ofstream(Path("junk.geojson")) << "{ this is not json";
    const ProcessResult junk = Vakatlas("inspect " + ShellQuote(Path("junk.geojson")));
    EXPECT_EQ(junk.exit_code, 1);
    EXPECT_NE(junk.output.find("junk.geojson"), std::string::npos) << junk.output;
    const ProcessResult missing = Vakatlas("inspect " + ShellQuote(Path("missing.shp")));
    EXPECT_EQ(missing.exit_code, 1);
    EXPECT_NE(missing.output.find("file not found"), std::string::npos) << missing.output;
}

TEST_F(CliTest, RenderWithRegionsAndALevelThatDoesNotExist)
{
    VAK_REQUIRE_SHARED("geodata/cbs/gemeente_2025.topojson"); // fails under CI, where ../shared must be
    const std::string gemeenten = test::SharedFile("geodata/cbs/gemeente_2025.topojson");
    const ProcessResult r = Vakatlas("render -o " + ShellQuote(Path("r.png")) + " --size 640x400 --regions " +
                                     ShellQuote(gemeenten) + " --level nope");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.output.find("--level nope"), std::string::npos) << r.output;
    EXPECT_FALSE(fs::exists(Path("r.png")));
    const ProcessResult crs = Vakatlas("render -o " + ShellQuote(Path("r.png")) + " --regions " + ShellQuote(gemeenten) +
                                       " --crs EPSG:4326");
    EXPECT_EQ(crs.exit_code, 1);
    EXPECT_NE(crs.output.find("projected"), std::string::npos) << crs.output;
}

// The window path under a virtual X server: the same frame code, shown in a GLFW window.
TEST_F(CliTest, WindowUnderXvfbShowsTheSameViewAsTheHeadlessRender)
{
    if (RunShell("command -v xvfb-run").exit_code != 0) {
        if (InCi())
            FAIL() << "xvfb-run missing in CI (package xvfb)";
        GTEST_SKIP() << "xvfb-run not installed";
    }
    const std::string shot = Path("window.png");
    const ProcessResult w = RunShell(std::string(kWindowLeakCheckOff) + "xvfb-run -a -s '-screen 0 1600x1000x24' " + ShellQuote(VAK_EXECUTABLE) +
                                     " --frames 6 --window-size 1280x720 --screenshot " + ShellQuote(shot));
    ASSERT_EQ(w.exit_code, 0) << w.output;
    const core::RgbaImage window = ReadPng(shot);
    ASSERT_EQ(window.width, 1280);
    ASSERT_EQ(window.height, 720);

    const std::string headless = Path("headless.png");
    ASSERT_EQ(Vakatlas("render -o " + ShellQuote(headless) + " --size 1280x720").exit_code, 0);
    const core::RgbaImage image = ReadPng(headless);
    // Everything but the status bar's frame time (measured only in the window) is identical.
    std::size_t differing = 0;
    for (std::size_t i = 0; i < image.pixels.size(); i += 4)
        differing += std::memcmp(&image.pixels[i], &window.pixels[i], 3) != 0;
    EXPECT_LT(differing, image.pixels.size() / 4 / 100) << differing << " pixels differ";
}

// A small pupil table written by the test, with its expected sums computed from the same rows.
struct PupilRow {
    const char* gemeente;
    int jaar;
    const char* sector;
    const char* leerlingen; // as written in the file: a number or "<5"
};

const PupilRow kPupils[] = {
    {"GM0014", 2019, "zorg", "120"}, {"GM0014", 2020, "zorg", "110"}, {"GM0014", 2021, "techniek", "95"},
    {"GM0034", 2019, "zorg", "<5"},  {"GM0034", 2020, "zorg", "40"},  {"GM0034", 2021, "zorg", "<5"},
    {"GM0363", 2020, "techniek", "800"}, {"GM0363", 2021, "techniek", "790"}, {"GM0363", 2021, "zorg", "15"},
};

std::map<std::string, std::string> ReadTwoColumnCsv(const std::string& path)
{
    std::ifstream in(path);
    std::map<std::string, std::string> cells;
    std::string line;
    std::getline(in, line); // header
    while (std::getline(in, line)) {
        const auto comma = line.find(',');
        cells[line.substr(0, comma)] = line.substr(comma + 1);
    }
    return cells;
}

TEST_F(CliTest, AggregateWritesOneRowPerGroupWithUnknownForSuppressedOnlyGroups)
{
    {
        std::ofstream csv(Path("leerlingen.csv"));
        csv << "gemeente;jaar;sector;leerlingen\n";
        for (const PupilRow& row : kPupils)
            csv << row.gemeente << ';' << row.jaar << ';' << row.sector << ';' << row.leerlingen << '\n';
    }
    // Expected: per municipality, years 2020-2021, every sector (--where on jaar only).
    std::map<std::string, long> sums;
    std::map<std::string, int> known;
    for (const PupilRow& row : kPupils) {
        if (row.jaar < 2020)
            continue;
        if (std::strcmp(row.leerlingen, "<5") != 0) {
            sums[row.gemeente] += std::atol(row.leerlingen);
            ++known[row.gemeente];
        }
    }
    const ProcessResult run = Vakatlas("aggregate --data " + ShellQuote(Path("leerlingen.csv")) +
                                       " --by region --where jaar=2020..2021 --engine cpu -o " + ShellQuote(Path("out.csv")));
    ASSERT_EQ(run.exit_code, 0) << run.output;
    const auto cells = ReadTwoColumnCsv(Path("out.csv"));
    ASSERT_EQ(cells.size(), 3u) << run.output;
    for (const auto& [gemeente, sum] : sums) {
        // "region,sum,rows,suppressed,state": the sum is the first cell after the code.
        const std::string& rest = cells.at(gemeente);
        EXPECT_EQ(rest.substr(0, rest.find(',')), std::to_string(sum)) << gemeente << ": " << rest;
    }
    // GM0034 has 2020 = 40 known and 2021 = "<5": known, with one suppressed row counted.
    EXPECT_NE(cells.at("GM0034").find(",1,known"), std::string::npos) << cells.at("GM0034");

    // Only 2021 for GM0034: every value suppressed, so the value is empty and the state unknown.
    const ProcessResult unknown = Vakatlas("aggregate --data " + ShellQuote(Path("leerlingen.csv")) +
                                           " --by region --where jaar=2021 --where region=GM0034 --engine cpu -o " +
                                           ShellQuote(Path("unknown.csv")));
    ASSERT_EQ(unknown.exit_code, 0) << unknown.output;
    EXPECT_EQ(ReadTwoColumnCsv(Path("unknown.csv")).at("GM0034"), ",1,1,unknown");

    // The GPU engine (llvmpipe here) writes the same bytes as the CPU engine.
    const ProcessResult gpu = Vakatlas("aggregate --data " + ShellQuote(Path("leerlingen.csv")) +
                                       " --by region,sector --engine gpu -o " + ShellQuote(Path("gpu.csv")));
    const ProcessResult cpu = Vakatlas("aggregate --data " + ShellQuote(Path("leerlingen.csv")) +
                                       " --by region,sector --engine cpu -o " + ShellQuote(Path("cpu.csv")));
    ASSERT_EQ(cpu.exit_code, 0) << cpu.output;
    if (gpu.exit_code != 0 && !InCi())
        GTEST_SKIP() << "no GPU engine here: " << gpu.output;
    ASSERT_EQ(gpu.exit_code, 0) << gpu.output;
    std::ifstream a(Path("gpu.csv")), b(Path("cpu.csv"));
    const std::string gpu_text((std::istreambuf_iterator<char>(a)), {}), cpu_text((std::istreambuf_iterator<char>(b)), {});
    EXPECT_EQ(gpu_text, cpu_text);
    EXPECT_NE(gpu.output.find("engine: GPU"), std::string::npos) << gpu.output;
}

TEST_F(CliTest, AggregateNamesTheUnknownDimensionAndExitsOne)
{
    {
        std::ofstream csv(Path("t.csv"));
        csv << "gemeente;jaar;leerlingen\nGM0014;2020;5\n";
    }
    const ProcessResult run = Vakatlas("aggregate --data " + ShellQuote(Path("t.csv")) + " --by sector --engine cpu");
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_NE(run.output.find("no dimension 'sector'"), std::string::npos) << run.output;
    EXPECT_FALSE(fs::exists(Path("t.tmp.csv")));
}

} // namespace
} // namespace vak::test
