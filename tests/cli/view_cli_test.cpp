// `vakatlas render --view` as a user meets it: a saved view rendered headless into each export
// format chosen by the output's extension, and a broken view or a wrong call refused with the
// right exit code (1 bad input, 2 usage) and the file and key named.
#include "core/rgba_image.hpp"
#include "support/png_reader.hpp"
#include "support/run_process.hpp"
#include "support/temp_dir.hpp"

#include <gdal.h>
#include <gdal_frmts.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <gtest/gtest.h>

#include "support/ci.hpp"

#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

namespace vak::test {
namespace {

// In the sanitizer build, a window session's leak report is off: Mesa's GLX driver module is
// unloaded before LeakSanitizer reports, so its allocations show as "<unknown module>", which
// no suppression can name. The same frame code is leak-checked on the headless path.
const char* const kWindowLeakCheckOff = "ASAN_OPTIONS=\"${ASAN_OPTIONS}:detect_leaks=0\" ";


namespace fs = std::filesystem;

ProcessResult Vakatlas(const std::string& args)
{
    return RunShell("env -u DISPLAY -u WAYLAND_DISPLAY " + ShellQuote(VAK_EXECUTABLE) + " " + args);
}

// The demo's provinces in 2030, two of them picked, in natural breaks of four classes.
const char* kProvinceView = R"({
  "vakatlas_view": 1,
  "data": {"tables": {"demo_tables": true}},
  "map": {"level": "provincie", "selected_regions": ["PV20", "PV31"],
          "classification": {"method": "natural_breaks", "classes": 4, "palette": "Blues"}},
  "shown": {"table": "leerlingen_gemeente", "period": "2030"}
})";

class ViewCliTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        GDALAllRegister();
        std::ofstream(Path("provinces.json")) << kProvinceView;
    }
    std::string Path(const std::string& name) const { return (m_temp.Path() / name).string(); }
    ProcessResult Render(const std::string& output, const std::string& more = "")
    {
        return Vakatlas("render --view " + ShellQuote(Path("provinces.json")) + " -o " + ShellQuote(Path(output)) +
                        " " + more);
    }

    TempDir m_temp{"vak_view_cli"};
};

TEST_F(ViewCliTest, ASavedViewRendersIntoTheFormatOfTheOutputsExtension)
{
    const ProcessResult png = Render("view.png", "--size 960x540");
    ASSERT_EQ(png.exit_code, 0) << png.output;
    const core::RgbaImage image = ReadPng(Path("view.png"));
    EXPECT_EQ(image.width, 960);
    EXPECT_EQ(image.height, 540);
    EXPECT_GT(core::CountDistinctColors(image, 500), 100u);

    const ProcessResult tif = Render("map.tif", "--size 400x500");
    ASSERT_EQ(tif.exit_code, 0) << tif.output;
    GDALDatasetH raster = GDALOpen(Path("map.tif").c_str(), GA_ReadOnly);
    ASSERT_NE(raster, nullptr);
    EXPECT_EQ(GDALGetRasterXSize(raster), 400);
    EXPECT_EQ(GDALGetRasterYSize(raster), 500);
    OGRSpatialReferenceH srs = OSRNewSpatialReference(GDALGetProjectionRef(raster));
    OSRAutoIdentifyEPSG(srs);
    EXPECT_STREQ(OSRGetAuthorityCode(srs, nullptr), "28992");
    OSRDestroySpatialReference(srs);
    EXPECT_STREQ(GDALGetMetadataItem(raster, "PERIOD", nullptr), "2030");
    GDALClose(raster);

    const ProcessResult gpkg = Render("regions.gpkg");
    ASSERT_EQ(gpkg.exit_code, 0) << gpkg.output;
    GDALDatasetH vector = GDALOpenEx(Path("regions.gpkg").c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
    ASSERT_NE(vector, nullptr);
    EXPECT_EQ(OGR_L_GetFeatureCount(GDALDatasetGetLayer(vector, 0), TRUE), 12) << "the twelve provinces";
    GDALClose(vector);

    const ProcessResult csv = Render("regions.csv");
    ASSERT_EQ(csv.exit_code, 0) << csv.output;
    std::ifstream in(Path("regions.csv"));
    int lines = 0;
    for (std::string line; std::getline(in, line);)
        ++lines;
    EXPECT_EQ(lines, 13) << "a header and twelve provinces";
}

// Rows of `image` holding the compare's divider colour (the bar between the two maps).
int DividerRows(const core::RgbaImage& image)
{
    int rows = 0;
    for (int y = 0; y < image.height; ++y)
        for (int x = 0; x < image.width; ++x) {
            const std::uint8_t* px = image.Row(y) + 4 * x;
            if (px[0] == 60 && px[1] == 66 && px[2] == 76) {
                ++rows;
                break;
            }
        }
    return rows;
}

// A view saved with the compare open renders as the compare: two maps with the divider between
// them; the same view without "compare" renders one map. A compare period the table lacks exits
// 1 naming the file and $.compare.to.
TEST_F(ViewCliTest, AViewSavedInCompareRendersBothMaps)
{
    std::string compare = kProvinceView;
    compare.insert(compare.rfind('}'), R"(, "compare": {"from": "2015", "to": "2030"})");
    std::ofstream(Path("compare.json")) << compare;
    const ProcessResult two = Vakatlas("render --view " + ShellQuote(Path("compare.json")) + " --size 1280x720 -o " +
                                       ShellQuote(Path("compare.png")));
    ASSERT_EQ(two.exit_code, 0) << two.output;
    const ProcessResult one = Render("one.png", "--size 1280x720");
    ASSERT_EQ(one.exit_code, 0) << one.output;
    EXPECT_GT(DividerRows(ReadPng(Path("compare.png"))), 400) << "the divider runs down the map panel";
    EXPECT_LT(DividerRows(ReadPng(Path("one.png"))), 50);

    // In presentation mode: the compare in the presentation's layout.
    const ProcessResult presenting = Vakatlas("render --view " + ShellQuote(Path("compare.json")) +
                                              " --presentation --size 1920x1080 -o " + ShellQuote(Path("present.png")));
    ASSERT_EQ(presenting.exit_code, 0) << presenting.output;
    EXPECT_NE(presenting.output.find("presentation mode, compare"), std::string::npos) << presenting.output;
    EXPECT_GT(DividerRows(ReadPng(Path("present.png"))), 600);
    // The same from the command line, without a view: --compare with --presentation.
    const ProcessResult direct = Vakatlas("render --compare 2015,2030 --presentation --size 1920x1080 -o " +
                                          ShellQuote(Path("direct.png")));
    ASSERT_EQ(direct.exit_code, 0) << direct.output;
    EXPECT_NE(direct.output.find("presentation mode, compare"), std::string::npos) << direct.output;
    EXPECT_GT(DividerRows(ReadPng(Path("direct.png"))), 600);

    std::string wrong = kProvinceView;
    wrong.insert(wrong.rfind('}'), R"(, "compare": {"from": "2015", "to": "2099"})");
    std::ofstream(Path("wrong.json")) << wrong;
    const ProcessResult refused = Vakatlas("render --view " + ShellQuote(Path("wrong.json")) + " -o " +
                                           ShellQuote(Path("wrong.png")));
    EXPECT_EQ(refused.exit_code, 1) << refused.output;
    EXPECT_NE(refused.output.find("wrong.json: $.compare.to: table leerlingen_gemeente has no period '2099'"),
              std::string::npos)
        << refused.output;
    EXPECT_FALSE(fs::exists(Path("wrong.png")));
}

// `vakatlas --view` opens the window on the view: under a virtual X server, the window shows
// what `render --view` draws.
TEST_F(ViewCliTest, TheWindowOpensOnTheViewAsRenderDrawsIt)
{
    if (RunShell("command -v xvfb-run").exit_code != 0) {
        if (InCi())
            FAIL() << "xvfb-run missing in CI (package xvfb)";
        GTEST_SKIP() << "xvfb-run not installed";
    }
    const ProcessResult w = RunShell(std::string(kWindowLeakCheckOff) + "xvfb-run -a -s '-screen 0 1600x1000x24' " + ShellQuote(VAK_EXECUTABLE) +
                                     " --view " + ShellQuote(Path("provinces.json")) +
                                     " --frames 6 --window-size 1280x720 --screenshot " + ShellQuote(Path("window.png")));
    ASSERT_EQ(w.exit_code, 0) << w.output;
    const ProcessResult r = Render("headless.png", "--size 1280x720");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    const core::RgbaImage window = ReadPng(Path("window.png"));
    const core::RgbaImage image = ReadPng(Path("headless.png"));
    ASSERT_EQ(window.width, image.width);
    ASSERT_EQ(window.height, image.height);
    // Everything but the status bar's frame time (measured only in the window) is identical.
    std::size_t differing = 0;
    for (std::size_t i = 0; i < image.pixels.size(); i += 4)
        differing += std::memcmp(&image.pixels[i], &window.pixels[i], 3) != 0;
    EXPECT_LT(differing, image.pixels.size() / 4 / 100) << differing << " pixels differ";
}

TEST_F(ViewCliTest, ABrokenViewExitsOneNamingTheFileAndTheKey)
{
    std::ofstream(Path("broken.json")) << R"({"vakatlas_view": 1, "map": {"classification": {"classes": "x"}}})";
    const ProcessResult r = Vakatlas("render --view " + ShellQuote(Path("broken.json")) + " -o " +
                                     ShellQuote(Path("out.png")));
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.output.find(Path("broken.json")), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("$.map.classification.classes"), std::string::npos) << r.output;
    EXPECT_FALSE(fs::exists(Path("out.png")));

    // Valid JSON, but a period the table does not have: found once the data is loaded.
    std::ofstream(Path("no_period.json")) << R"({"vakatlas_view": 1,
        "shown": {"table": "leerlingen_gemeente", "period": "1850"}})";
    const ProcessResult p = Vakatlas("render --view " + ShellQuote(Path("no_period.json")) + " -o " +
                                     ShellQuote(Path("out.png")));
    EXPECT_EQ(p.exit_code, 1);
    EXPECT_NE(p.output.find("$.shown.period"), std::string::npos) << p.output;
    EXPECT_FALSE(fs::exists(Path("out.png")));

    std::ofstream(Path("no_data.json")) << R"({"vakatlas_view": 1, "data": {"tables": {"files": ["gone.csv"]}}})";
    const ProcessResult d = Vakatlas("render --view " + ShellQuote(Path("no_data.json")) + " -o " +
                                     ShellQuote(Path("out.png")));
    EXPECT_EQ(d.exit_code, 1);
    EXPECT_NE(d.output.find(Path("gone.csv")), std::string::npos) << d.output;
}

TEST_F(ViewCliTest, WrongCallsAreUsageErrors)
{
    const ProcessResult both = Render("out.png", "--regions " + ShellQuote(Path("x.gpkg")));
    EXPECT_EQ(both.exit_code, 2);
    EXPECT_NE(both.output.find("--view takes its data"), std::string::npos) << both.output;
    const ProcessResult jpeg = Render("out.jpg");
    EXPECT_EQ(jpeg.exit_code, 2);
    EXPECT_NE(jpeg.output.find(".tif"), std::string::npos) << jpeg.output;
    const ProcessResult help = Vakatlas("help render");
    EXPECT_EQ(help.exit_code, 0);
    EXPECT_NE(help.output.find("--view FILE"), std::string::npos);
    EXPECT_NE(help.output.find(".gpkg"), std::string::npos);
}

} // namespace
} // namespace vak::test
