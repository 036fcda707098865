// The command line, parsed into a plain struct (GDAL-tool style: a subcommand, then options).
// Pure: no I/O, so every rule and exit code is unit-tested without a display.
//
//   vakatlas [options]                       open the dashboard
//   vakatlas render [--view V.json] -o FILE [--size WxH]
//                                            render a view headless: .png, .tif, .gpkg, .csv or .svg
//                                            (.svg: one chart, --chart time|bars|scatter)
//   vakatlas render --story S.json -o DIR/   one PNG per bookmark: DIR/01-title.png, ...
//   vakatlas inspect FILE                    layers, fields, CRS, extent, problems
//   vakatlas demo --out DIR [--seed N]       write the synthetic demo data set
//   vakatlas aggregate --data FILE --by DIM  one view of the aggregation core, as CSV
//   vakatlas --help | --version
//
// Wrong usage throws UsageError (exit code 2) with a message that names the option.
#pragma once

#include "core/data/period.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vak::core {

enum class CommandKind {
    Dashboard, // open the window
    Render,    // headless image
    Inspect,   // describe a file
    Demo,      // write the synthetic demo data set
    Aggregate, // one view of the aggregation core, for scripts and tests
    Help,
    Version,
};

struct ImageSize {
    int width = 0;
    int height = 0;
};

inline constexpr int kMinImageSide = 64;
inline constexpr int kMaxImageSide = 8192; // 8K exports; larger is refused before any GL work
inline constexpr int kMinUiScalePercent = 100;
inline constexpr int kMaxUiScalePercent = 300;

// How region files are read (shared by the dashboard, render and inspect).
struct RegionFileOptions {
    std::vector<std::string> files; // --regions FILE, repeatable; inspect's FILE
    std::vector<std::string> group_tables; // --groups FILE: region code -> group, a derived level each
    std::string layer;              // --layer NAME
    std::string code_field;         // --code-field NAME
    std::string name_field;         // --name-field NAME
    std::string crs;                // --crs EPSG:xxxx (display CRS)
    std::string level;              // --level NAME: the level the map opens on
    bool tile_map = false;          // --tile-map: open on the hexagon tile map
};

// How tables are read (inspect; later the dashboard's --data).
struct TableFileOptions {
    std::vector<std::string> files; // --data FILE, repeatable
    std::string join_regions;  // --join FILE: region layer whose codes the table's must match
    std::string region_column; // --region-column NAME
    std::string period_column; // --period-column NAME
    double scale = 0;          // --scale N (CBS "x 1000" tables); 0: sidecar or 1
    std::string recode_file;   // --recode FILE: conversion table of old region codes (old, new, share)
    bool demo_tables = true;   // without --regions and --data: load the synthetic demo tables
                               // (--no-demo-data turns this off)
};

// Options every command shares: how the interface looks and where resources are.
struct CommonOptions {
    std::string language = "nl"; // "nl" (default) or "en"
    int ui_scale_percent = 100;  // 100..300, for projectors and high-DPI screens
    int map_samples = 4;         // multisampling of the map: 1, 2, 4 or 8 (1 is fastest on llvmpipe)
    std::string shader_dir;      // empty: search (see resource_paths.hpp)
    std::string font_file;       // empty: ask fontconfig for DejaVu Sans / Noto Sans
    std::string engine = "auto"; // --engine auto|gpu|cpu: aggregation backend (auto: CPU on software GL)
    std::string theme;           // --theme krimp|opleidingsaanbod|vacatures: start on that preset (empty: none)
    bool allow_network = false;  // --allow-network: file names may be URLs or GDAL network paths
                                 // (/vsicurl/, /vsis3/, ...); refused otherwise (io/path_policy.hpp)
};

struct DashboardOptions {
    ImageSize window_size{1600, 900};
    int max_frames = 0;          // > 0: close after that many frames (scripted runs, tests)
    std::string screenshot_path; // with max_frames: write the last frame to this PNG
};

// What `render` writes, chosen by the output file's extension.
enum class RenderFormat {
    Png,        // .png: the dashboard as shown
    GeoTiff,    // .tif, .tiff: the map alone, georeferenced
    GeoPackage, // .gpkg: the regions of the map's level with their values
    Csv,        // .csv: the region table
    Svg,        // .svg: one chart of the charts panel (RenderChart)
};

// Which chart an .svg render writes (--chart): the time chart, the bars, the scatter.
enum class RenderChart { Time, Bars, Scatter };

struct RenderOptions {
    std::string output_path;
    RenderFormat format = RenderFormat::Png;
    ImageSize size{1920, 1080};
    RenderChart chart = RenderChart::Time; // --chart, only with an .svg output
};

// The format for an output file name by its extension (case-insensitive); throws UsageError.
RenderFormat RenderFormatOf(std::string_view path);

struct DemoCommandOptions {
    std::string out_dir;
    std::optional<std::uint64_t> seed; // empty: the generator's fixed default seed
};

// `vakatlas aggregate`: one view of the aggregation core over one table.
struct AggregateCommandOptions {
    std::vector<std::string> by;       // --by DIM[,DIM]: zero, one or two dimensions
    // --where DIM=V1,V2 or DIM=FROM..TO (repeatable): the filters, as the dashboard sets them
    std::vector<std::pair<std::string, std::string>> where;
    std::string measure;               // --measure NAME (default: the table's first measure)
    std::string aggregate = "sum";     // --aggregate sum|count|count-distinct|min|max
    std::string distinct;              // --distinct DIM: what count-distinct counts
    std::string output_path = "-";     // -o FILE.csv ("-": standard output)
};

struct CommandLine {
    CommandKind kind = CommandKind::Dashboard;
    std::string help_topic; // "render" for `vakatlas render --help`
    bool inspect_all_problems = false; // inspect --all-problems
    CommonOptions common;
    RegionFileOptions regions;
    TableFileOptions tables;
    DashboardOptions dashboard;
    RenderOptions render;
    DemoCommandOptions demo;
    AggregateCommandOptions aggregate;
    // --view FILE (dashboard and render): a saved view, whose data, level and tile map replace
    // --regions, --data, --groups, --level and --tile-map.
    std::string view_file;
    // --story FILE (dashboard and render): a story of bookmarks; the dashboard opens on the first,
    // render writes one PNG per bookmark into the folder -o names. Excludes --view and, like it,
    // the data options.
    std::string story_file;
    // --presentation (dashboard and render): start in presentation mode (ui/presentation.*).
    bool presentation = false;
    // --compare FROM,TO (dashboard and render): open with the map's side-by-side compare on these
    // two periods of the map's table (whether the table has them is checked once it is loaded).
    std::optional<std::pair<Period, Period>> compare;
};

// argv without the program name.
CommandLine ParseCommandLine(const std::vector<std::string_view>& args);

// "2015,2030" -> the two periods of --compare; throws UsageError naming the option and the value.
std::pair<Period, Period> ParseComparePeriods(std::string_view text, std::string_view option_name);

// "1920x1080" -> {1920, 1080}; each side kMinImageSide..kMaxImageSide. Throws UsageError.
ImageSize ParseImageSize(std::string_view text, std::string_view option_name);

// --help text for the whole program, or for one subcommand ("render").
std::string HelpText(std::string_view topic);

} // namespace vak::core
