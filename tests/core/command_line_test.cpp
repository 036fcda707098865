#include "core/command_line.hpp"
#include "core/errors.hpp"

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>

namespace vak::core {
namespace {

CommandLine Parse(std::initializer_list<std::string_view> args)
{
    return ParseCommandLine(std::vector<std::string_view>(args));
}

std::string UsageMessage(std::initializer_list<std::string_view> args)
{
    try {
        Parse(args);
    } catch (const UsageError& e) {
        return e.what();
    }
    return "(no usage error)";
}

TEST(CommandLine, NoArgumentsOpensTheDashboardInDutchAt100Percent)
{
    const CommandLine cl = Parse({});
    EXPECT_EQ(cl.kind, CommandKind::Dashboard);
    EXPECT_EQ(cl.common.language, "nl");
    EXPECT_EQ(cl.common.ui_scale_percent, 100);
}

TEST(CommandLine, HelpAndVersion)
{
    EXPECT_EQ(Parse({"--help"}).kind, CommandKind::Help);
    EXPECT_EQ(Parse({"-h"}).kind, CommandKind::Help);
    EXPECT_EQ(Parse({"--version"}).kind, CommandKind::Version);
    const CommandLine render_help = Parse({"render", "--help"});
    EXPECT_EQ(render_help.kind, CommandKind::Help);
    EXPECT_EQ(render_help.help_topic, "render");
    EXPECT_NE(HelpText("render").find("--size"), std::string::npos);
    EXPECT_NE(HelpText("").find("render"), std::string::npos);
}

TEST(CommandLine, RenderTakesOutputAndSizeInBothSpellings)
{
    const CommandLine a = Parse({"render", "-o", "out.png", "--size", "3840x2160"});
    EXPECT_EQ(a.kind, CommandKind::Render);
    EXPECT_EQ(a.render.output_path, "out.png");
    EXPECT_EQ(a.render.size.width, 3840);
    EXPECT_EQ(a.render.size.height, 2160);

    const CommandLine b = Parse({"render", "--output=x.png", "--size=800X600", "--lang=en", "--ui-scale=200%"});
    EXPECT_EQ(b.render.output_path, "x.png");
    EXPECT_EQ(b.render.size.width, 800);
    EXPECT_EQ(b.render.size.height, 600);
    EXPECT_EQ(b.common.language, "en");
    EXPECT_EQ(b.common.ui_scale_percent, 200);
}

TEST(CommandLine, RenderDefaultsToFullHd)
{
    const CommandLine cl = Parse({"render", "-o", "a.png"});
    EXPECT_EQ(cl.render.size.width, 1920);
    EXPECT_EQ(cl.render.size.height, 1080);
}

// A 4K export shows the full-HD layout in twice the detail, not four times as much small type;
// what the user asks for (--ui-scale) or a view's own scale wins.
TEST(CommandLine, RenderScalesTheInterfaceWithTheImageHeightUnlessTold)
{
    auto scale = [](std::initializer_list<std::string_view> args) { return Parse(args).common.ui_scale_percent; };
    EXPECT_EQ(scale({"render", "-o", "a.png"}), 100);
    EXPECT_EQ(scale({"render", "-o", "a.png", "--size", "1280x720"}), 100);
    EXPECT_EQ(scale({"render", "-o", "a.png", "--size", "2560x1440"}), 125);
    EXPECT_EQ(scale({"render", "-o", "a.png", "--size", "3840x2160"}), 200);
    EXPECT_EQ(scale({"render", "-o", "a.tif", "--size", "7680x4320"}), 300);
    EXPECT_EQ(scale({"render", "-o", "a.png", "--size", "3840x2160", "--ui-scale", "100"}), 100);
    EXPECT_EQ(scale({"render", "--ui-scale=150", "-o", "a.png", "--size", "3840x2160"}), 150);
    EXPECT_EQ(scale({"render", "--view", "v.json", "-o", "a.png", "--size", "3840x2160"}), 100);
}

TEST(CommandLine, UsageErrorsNameTheOffendingOption)
{
    EXPECT_NE(UsageMessage({"--nope"}).find("--nope"), std::string::npos);
    EXPECT_NE(UsageMessage({"render"}).find("-o FILE"), std::string::npos);
    EXPECT_NE(UsageMessage({"render", "-o"}).find("-o needs a value"), std::string::npos);
    EXPECT_NE(UsageMessage({"render", "-o", "a.png", "--size", "big"}).find("1920x1080"), std::string::npos);
    EXPECT_NE(UsageMessage({"render", "-o", "a.png", "--size", "10x10"}).find("64..8192"), std::string::npos);
    EXPECT_NE(UsageMessage({"render", "-o", "a.png", "--size", "9000x100"}).find("64..8192"), std::string::npos);
    EXPECT_NE(UsageMessage({"--lang", "de"}).find("'de'"), std::string::npos);
    EXPECT_NE(UsageMessage({"--ui-scale", "50"}).find("100 to 300"), std::string::npos);
    EXPECT_NE(UsageMessage({"--ui-scale", "301"}).find("100 to 300"), std::string::npos);
    EXPECT_NE(UsageMessage({"frobnicate"}).find("unknown command 'frobnicate'"), std::string::npos);
    EXPECT_NE(UsageMessage({"render", "-o", "a.png", "extra"}).find("'extra'"), std::string::npos);
    EXPECT_NE(UsageMessage({"--screenshot", "a.png"}).find("--frames"), std::string::npos);
    EXPECT_NE(UsageMessage({"--frames", "0"}).find("positive"), std::string::npos);
    EXPECT_NE(UsageMessage({"--version=3"}).find("takes no value"), std::string::npos);
    EXPECT_NE(UsageMessage({"--msaa", "3"}).find("1, 2, 4 or 8"), std::string::npos);
    EXPECT_EQ(Parse({"--msaa", "1"}).common.map_samples, 1);
}

TEST(CommandLine, RegionsLevelsAndGroups)
{
    const CommandLine cl = Parse({"render", "-o", "a.png", "--regions", "g.gpkg", "--regions=p.gpkg", "--layer", "gemeenten",
                                  "--code-field", "GM_CODE", "--groups", "platform.csv", "--level", "platform",
                                  "--tile-map"});
    EXPECT_EQ(cl.regions.files, (std::vector<std::string>{"g.gpkg", "p.gpkg"}));
    EXPECT_EQ(cl.regions.layer, "gemeenten");
    EXPECT_EQ(cl.regions.code_field, "GM_CODE");
    EXPECT_EQ(cl.regions.group_tables, (std::vector<std::string>{"platform.csv"}));
    EXPECT_EQ(cl.regions.level, "platform");
    EXPECT_TRUE(cl.regions.tile_map);

    const CommandLine inspect = Parse({"inspect", "x.shp", "--code-field", "CODE", "--all-problems"});
    EXPECT_EQ(inspect.kind, CommandKind::Inspect);
    EXPECT_EQ(inspect.regions.files, (std::vector<std::string>{"x.shp"}));
    EXPECT_TRUE(inspect.inspect_all_problems);
    EXPECT_NE(UsageMessage({"inspect"}).find("needs a file"), std::string::npos);
    EXPECT_NE(UsageMessage({"inspect", "a", "b"}).find("'b'"), std::string::npos);
    EXPECT_NE(UsageMessage({"inspect", "a", "--regions", "b"}).find("--regions"), std::string::npos);
}

TEST(CommandLine, DemoNeedsAnOutputFolder)
{
    const CommandLine cl = Parse({"demo", "--out", "/tmp/d", "--seed", "7"});
    EXPECT_EQ(cl.kind, CommandKind::Demo);
    EXPECT_EQ(cl.demo.out_dir, "/tmp/d");
    EXPECT_EQ(cl.demo.seed, 7u);
    EXPECT_FALSE(Parse({"demo", "--out", "d"}).demo.seed.has_value());
    EXPECT_NE(UsageMessage({"demo"}).find("--out DIR"), std::string::npos);
    EXPECT_NE(UsageMessage({"demo", "--out", "d", "--seed", "x"}).find("whole number"), std::string::npos);
    EXPECT_EQ(Parse({"help", "demo"}).help_topic, "demo");
}

TEST(CommandLine, ScriptedWindowRun)
{
    const CommandLine cl = Parse({"--frames", "5", "--screenshot", "w.png", "--window-size", "1280x720"});
    EXPECT_EQ(cl.kind, CommandKind::Dashboard);
    EXPECT_EQ(cl.dashboard.max_frames, 5);
    EXPECT_EQ(cl.dashboard.screenshot_path, "w.png");
    EXPECT_EQ(cl.dashboard.window_size.width, 1280);
}

TEST(ImageSize, AcceptsTheLimitsAndRejectsBeyond)
{
    EXPECT_EQ(ParseImageSize("64x64", "--size").width, 64);
    EXPECT_EQ(ParseImageSize("8192x8192", "--size").height, 8192);
    EXPECT_THROW(ParseImageSize("63x64", "--size"), UsageError);
    EXPECT_THROW(ParseImageSize("64x8193", "--size"), UsageError);
    EXPECT_THROW(ParseImageSize("1920x", "--size"), UsageError);
    EXPECT_THROW(ParseImageSize("x1080", "--size"), UsageError);
    EXPECT_THROW(ParseImageSize("-5x100", "--size"), UsageError);
    EXPECT_THROW(ParseImageSize("1920x1080x3", "--size"), UsageError);
}

TEST(CommandLine, AggregateTakesATableGroupsFiltersAndAnEngine)
{
    const CommandLine cl = Parse({"aggregate", "--data", "t.csv", "--by", "region,year", "--where", "year=2020..2025",
                                  "--where=sector=zorg,techniek", "--engine=cpu", "-o", "out.csv"});
    EXPECT_EQ(cl.kind, CommandKind::Aggregate);
    EXPECT_EQ(cl.tables.files, (std::vector<std::string>{"t.csv"}));
    EXPECT_EQ(cl.aggregate.by, (std::vector<std::string>{"region", "year"}));
    ASSERT_EQ(cl.aggregate.where.size(), 2u);
    EXPECT_EQ(cl.aggregate.where[1].first, "sector");
    EXPECT_EQ(cl.aggregate.where[1].second, "zorg,techniek");
    EXPECT_EQ(cl.common.engine, "cpu");
    EXPECT_EQ(cl.aggregate.output_path, "out.csv");
    EXPECT_EQ(Parse({"aggregate", "--data", "t.csv"}).aggregate.output_path, "-");
}

TEST(CommandLine, AggregateMisuseIsAUsageErrorNamingTheOption)
{
    EXPECT_NE(UsageMessage({"aggregate", "--by", "region"}).find("needs a table"), std::string::npos);
    EXPECT_NE(UsageMessage({"aggregate", "--data", "t.csv", "--by", "a,b,c"}).find("one or two"), std::string::npos);
    EXPECT_NE(UsageMessage({"aggregate", "--data", "t.csv", "--where", "2020"}).find("--where"), std::string::npos);
    EXPECT_NE(UsageMessage({"aggregate", "--data", "t.csv", "--aggregate", "count-distinct"}).find("--distinct"),
              std::string::npos);
    EXPECT_NE(UsageMessage({"--engine", "fpga"}).find("--engine"), std::string::npos);
    EXPECT_EQ(Parse({"--engine", "gpu"}).common.engine, "gpu");
}

TEST(CommandLine, RecodeTablesGoWithEveryCommandThatReadsTables)
{
    EXPECT_EQ(Parse({"inspect", "t.csv", "--recode", "r.csv"}).tables.recode_file, "r.csv");
    EXPECT_EQ(Parse({"aggregate", "--data", "t.csv", "--recode=r.csv"}).tables.recode_file, "r.csv");
    EXPECT_EQ(Parse({"--data", "t.csv", "--recode", "r.csv"}).tables.recode_file, "r.csv");
    EXPECT_NE(UsageMessage({"inspect", "t.csv", "--recode="}).find("--recode"), std::string::npos);
}

TEST(CommandLine, NetworkPathsAreAllowedOnlyWithAllowNetwork)
{
    EXPECT_FALSE(Parse({}).common.allow_network);
    EXPECT_FALSE(Parse({"--data", "https://example.org/t.csv"}).common.allow_network);
    EXPECT_TRUE(Parse({"--allow-network", "--data", "/vsicurl/https://example.org/t.csv"}).common.allow_network);
    EXPECT_TRUE(Parse({"render", "-o", "x.png", "--allow-network"}).common.allow_network);
    EXPECT_TRUE(Parse({"inspect", "/vsis3/bucket/t.csv", "--allow-network"}).common.allow_network);
    EXPECT_TRUE(Parse({"aggregate", "--data", "t.csv", "--allow-network"}).common.allow_network);
    EXPECT_NE(UsageMessage({"--allow-network=yes"}).find("--allow-network"), std::string::npos);
    EXPECT_NE(HelpText("").find("--allow-network"), std::string::npos);
}

TEST(CommandLine, ThemeOpensOneOfTheThreePresets)
{
    EXPECT_EQ(Parse({}).common.theme, "");
    EXPECT_EQ(Parse({"--theme", "vacatures"}).common.theme, "vacatures");
    EXPECT_EQ(Parse({"render", "-o", "x.png", "--theme=krimp"}).common.theme, "krimp");
    const std::string wrong = UsageMessage({"--theme", "jobs"});
    EXPECT_NE(wrong.find("krimp, opleidingsaanbod or vacatures"), std::string::npos) << wrong;
    EXPECT_NE(HelpText("").find("--theme"), std::string::npos);
    EXPECT_NE(HelpText("render").find("--theme"), std::string::npos);
}

TEST(CommandLine, StoryAndPresentation)
{
    const CommandLine open = Parse({"--story", "verhaal.json", "--presentation"});
    EXPECT_EQ(open.kind, CommandKind::Dashboard);
    EXPECT_EQ(open.story_file, "verhaal.json");
    EXPECT_TRUE(open.presentation);
    EXPECT_FALSE(Parse({}).presentation);

    const CommandLine batch = Parse({"render", "--story", "verhaal.json", "-o", "beelden/"});
    EXPECT_EQ(batch.kind, CommandKind::Render);
    EXPECT_EQ(batch.story_file, "verhaal.json");
    EXPECT_EQ(batch.render.output_path, "beelden/");
    EXPECT_EQ(batch.render.format, RenderFormat::Png);
    EXPECT_TRUE(Parse({"render", "--presentation", "-o", "zaal.png"}).presentation);

    EXPECT_NE(UsageMessage({"render", "--story", "s.json", "-o", "beeld.png"}).find("names a folder"),
              std::string::npos);
    EXPECT_NE(UsageMessage({"render", "--presentation", "-o", "kaart.tif"}).find(".png"), std::string::npos);
    EXPECT_NE(UsageMessage({"--story", "s.json", "--view", "v.json"}).find("exclude each other"), std::string::npos);
    EXPECT_NE(UsageMessage({"--story", "s.json", "--data", "t.csv"}).find("--story takes its data"),
              std::string::npos);
    EXPECT_NE(UsageMessage({"--story"}).find("--story"), std::string::npos);
    EXPECT_NE(UsageMessage({"--presentation=yes"}).find("--presentation"), std::string::npos);
    EXPECT_NE(HelpText("render").find("--story FILE"), std::string::npos);
    EXPECT_NE(HelpText("").find("--presentation"), std::string::npos);
}

TEST(CommandLine, RenderWritesAChartAsSvgChosenWithChart)
{
    EXPECT_EQ(RenderFormatOf("grafiek.SVG"), RenderFormat::Svg);
    const CommandLine time = Parse({"render", "-o", "tijd.svg"});
    EXPECT_EQ(time.render.format, RenderFormat::Svg);
    EXPECT_EQ(time.render.chart, RenderChart::Time);
    EXPECT_EQ(Parse({"render", "-o", "s.svg", "--chart", "bars"}).render.chart, RenderChart::Bars);
    EXPECT_EQ(Parse({"render", "--chart=scatter", "-o", "s.svg", "--theme", "krimp"}).render.chart, RenderChart::Scatter);
    // A chart kind that does not exist, and a chart for an output that is no chart.
    const std::string pie = UsageMessage({"render", "-o", "s.svg", "--chart", "pie"});
    EXPECT_NE(pie.find("--chart"), std::string::npos) << pie;
    EXPECT_NE(pie.find("'pie'"), std::string::npos) << pie;
    const std::string png = UsageMessage({"render", "-o", "kaart.png", "--chart", "bars"});
    EXPECT_NE(png.find("--chart"), std::string::npos) << png;
    EXPECT_NE(png.find("kaart.png"), std::string::npos) << png;
    EXPECT_NE(HelpText("render").find("--chart"), std::string::npos);
    EXPECT_NE(HelpText("render").find(".svg"), std::string::npos);
}

TEST(CommandLine, CompareTakesTwoPeriods)
{
    const CommandLine open = Parse({"--compare", "2015,2030"});
    ASSERT_TRUE(open.compare.has_value());
    EXPECT_EQ(open.compare->first.year, 2015);
    EXPECT_EQ(open.compare->second.year, 2030);
    EXPECT_EQ(open.compare->second.quarter, 0);
    const CommandLine quarters = Parse({"render", "--compare=2024KW1,2025Q3", "-o", "v.png"});
    ASSERT_TRUE(quarters.compare.has_value());
    EXPECT_EQ(quarters.compare->first.quarter, 1);
    EXPECT_EQ(quarters.compare->second.year, 2025);
    EXPECT_EQ(quarters.compare->second.quarter, 3);
    EXPECT_FALSE(Parse({}).compare.has_value());
    // Each refusal names the option and the value given.
    for (const char* bad : {"2015", "2015,abc", "abc,2030", "2015,2030,2040", "2015,2015", ","}) {
        const std::string message = UsageMessage({"--compare", bad});
        EXPECT_NE(message.find("--compare"), std::string::npos) << bad << ": " << message;
        EXPECT_NE(message.find(bad), std::string::npos) << bad << ": " << message;
    }
    EXPECT_NE(UsageMessage({"--compare", "2015,abc"}).find("'abc'"), std::string::npos);
    // Two maps make a dashboard image, not a chart or a region table; a story's bookmarks bring their own maps.
    EXPECT_NE(UsageMessage({"render", "--compare", "2015,2030", "-o", "r.csv"}).find(".png"), std::string::npos);
    EXPECT_NE(UsageMessage({"render", "--compare", "2015,2030", "--story", "s.json", "-o", "d"}).find("--story"),
              std::string::npos);
    EXPECT_NE(HelpText("render").find("--compare FROM,TO"), std::string::npos);
    EXPECT_NE(HelpText("").find("--compare FROM,TO"), std::string::npos);
}
} // namespace
} // namespace vak::core
