// The plain view state and the command line's view options: what a view may hold is checked
// without any data (ranges, consistency), and `render` picks its output format by extension.
#include "core/command_line.hpp"
#include "core/errors.hpp"
#include "core/view_state.hpp"

#include <gtest/gtest.h>

namespace vak::core {
namespace {

bool Mentions(const std::vector<std::string>& problems, const std::string& text)
{
    for (const std::string& p : problems)
        if (p.find(text) != std::string::npos)
            return true;
    return false;
}

TEST(ViewState, TheDefaultViewIsValid)
{
    EXPECT_TRUE(ValidateViewState(ViewState{}).empty());
}

TEST(ViewState, ProblemsNameTheKey)
{
    ViewState view;
    view.language = "de";
    view.ui_scale_percent = 50;
    view.style.classes = 12;
    view.change_from = "2025"; // without "to"
    view.camera = ViewCamera{{0, 0}, -1, 800, 600};
    const std::vector<std::string> problems = ValidateViewState(view);
    EXPECT_TRUE(Mentions(problems, "$.interface.language: 'de'"));
    EXPECT_TRUE(Mentions(problems, "$.interface.scale_percent: 50 is outside 100..300"));
    EXPECT_TRUE(Mentions(problems, "$.map.classification.classes: 12 is outside 3..7"));
    EXPECT_TRUE(Mentions(problems, "$.shown.change: needs both"));
    EXPECT_TRUE(Mentions(problems, "$.map.camera.units_per_pixel"));
    EXPECT_TRUE(Mentions(problems, "$.shown.table: needed"));
}

TEST(ViewState, ADivergingPaletteIsKeptForChangeMaps)
{
    ViewState view;
    view.style.palette = PaletteId::RdBu;
    EXPECT_TRUE(Mentions(ValidateViewState(view), "$.map.classification.palette: RdBu is diverging"));
}

TEST(ViewState, ManualClassesAreTheEdgesLessOne)
{
    ViewState view;
    view.style.method = ClassMethod::Manual;
    view.style.manual_edges = {0, 10, 20, 40};
    view.style.classes = 3;
    EXPECT_TRUE(ValidateViewState(view).empty());
    view.style.classes = 5;
    EXPECT_TRUE(Mentions(ValidateViewState(view), "manual classes are the edges less one"));
}

TEST(ViewState, DataCompareByFilesAndHowTheyAreRead)
{
    ViewData a, b;
    a.tables.files = {"/data/leerlingen.csv"};
    b.tables.files = {"/data/leerlingen.csv"};
    EXPECT_TRUE(SameData(a, b));
    b.regions.level = "provincie"; // a view choice, not data
    EXPECT_TRUE(SameData(a, b));
    b.tables.scale = 1000;
    EXPECT_FALSE(SameData(a, b));
}

TEST(RenderCommand, TheOutputsExtensionChoosesTheFormat)
{
    EXPECT_EQ(RenderFormatOf("view.png"), RenderFormat::Png);
    EXPECT_EQ(RenderFormatOf("map.TIF"), RenderFormat::GeoTiff);
    EXPECT_EQ(RenderFormatOf("dir.v2/map.tiff"), RenderFormat::GeoTiff);
    EXPECT_EQ(RenderFormatOf("regions.gpkg"), RenderFormat::GeoPackage);
    EXPECT_EQ(RenderFormatOf("regions.csv"), RenderFormat::Csv);
    EXPECT_THROW(RenderFormatOf("map.jpg"), UsageError);
    EXPECT_THROW(RenderFormatOf("dir.png/map"), UsageError);
}

TEST(RenderCommand, ViewTakesTheDataFromItsFile)
{
    const CommandLine cl = ParseCommandLine({"render", "--view", "v.json", "-o", "map.tif", "--size", "800x600"});
    EXPECT_EQ(cl.kind, CommandKind::Render);
    EXPECT_EQ(cl.view_file, "v.json");
    EXPECT_EQ(cl.render.format, RenderFormat::GeoTiff);
    EXPECT_EQ(ParseCommandLine({"--view=v.json"}).view_file, "v.json");
    EXPECT_THROW(ParseCommandLine({"render", "--view", "v.json", "--data", "t.csv", "-o", "x.png"}), UsageError);
    EXPECT_THROW(ParseCommandLine({"--view", "v.json", "--level", "provincie"}), UsageError);
    EXPECT_THROW(ParseCommandLine({"--view", ""}), UsageError);
}

} // namespace
} // namespace vak::core
