#include "core/command_line.hpp"

#include "core/errors.hpp"
#include "core/version.hpp"

#include <algorithm>
#include <charconv>
#include <optional>
#include <utility>

namespace vak::core {

namespace {

std::optional<int> ParseInt(std::string_view text)
{
    int value = 0;
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc() || ptr != end || text.empty())
        return std::nullopt;
    return value;
}

// Walks the arguments; options take their value as "--name=value" or "--name value".
class ArgCursor {
public:
    explicit ArgCursor(const std::vector<std::string_view>& args) : m_args(args) {}

    bool Done() const { return m_index >= m_args.size(); }
    std::string_view Next() { return m_args[m_index++]; }

    // Splits "--name=value"; returns the name and keeps the inline value for TakeValue.
    std::string_view Name(std::string_view arg)
    {
        m_inline_value.reset();
        if (arg.starts_with("--")) {
            if (auto eq = arg.find('='); eq != std::string_view::npos) {
                m_inline_value = arg.substr(eq + 1);
                return arg.substr(0, eq);
            }
        }
        return arg;
    }

    std::string_view TakeValue(std::string_view name)
    {
        if (m_inline_value)
            return *std::exchange(m_inline_value, std::nullopt);
        if (Done())
            throw UsageError("option " + std::string(name) + " needs a value");
        return Next();
    }

    void RejectInlineValue(std::string_view name) const
    {
        if (m_inline_value)
            throw UsageError("option " + std::string(name) + " takes no value");
    }

private:
    const std::vector<std::string_view>& m_args;
    std::size_t m_index = 0;
    std::optional<std::string_view> m_inline_value;
};

// Options valid for every command. Returns false when `name` is not one of them.
bool ParseCommonOption(std::string_view name, ArgCursor& cursor, CommonOptions& common)
{
    if (name == "--lang") {
        std::string_view value = cursor.TakeValue(name);
        if (value != "nl" && value != "en")
            throw UsageError("--lang must be 'nl' or 'en', not '" + std::string(value) + "'");
        common.language = std::string(value);
        return true;
    }
    if (name == "--ui-scale") {
        std::string_view value = cursor.TakeValue(name);
        if (value.ends_with('%'))
            value.remove_suffix(1);
        auto pct = ParseInt(value);
        if (!pct || *pct < kMinUiScalePercent || *pct > kMaxUiScalePercent)
            throw UsageError("--ui-scale must be a percentage from " + std::to_string(kMinUiScalePercent) +
                             " to " + std::to_string(kMaxUiScalePercent) + ", not '" + std::string(value) + "'");
        common.ui_scale_percent = *pct;
        return true;
    }
    if (name == "--theme") {
        std::string_view value = cursor.TakeValue(name);
        if (value != "krimp" && value != "opleidingsaanbod" && value != "vacatures")
            throw UsageError("--theme must be krimp, opleidingsaanbod or vacatures, not '" + std::string(value) + "'");
        common.theme = std::string(value);
        return true;
    }
    if (name == "--msaa") {
        std::string_view value = cursor.TakeValue(name);
        auto samples = ParseInt(value);
        if (!samples || (*samples != 1 && *samples != 2 && *samples != 4 && *samples != 8))
            throw UsageError("--msaa must be 1, 2, 4 or 8, not '" + std::string(value) + "'");
        common.map_samples = *samples;
        return true;
    }
    if (name == "--shaders") {
        common.shader_dir = std::string(cursor.TakeValue(name));
        return true;
    }
    if (name == "--engine") {
        std::string_view value = cursor.TakeValue(name);
        if (value != "auto" && value != "gpu" && value != "cpu")
            throw UsageError("--engine must be 'auto', 'gpu' or 'cpu', not '" + std::string(value) + "'");
        common.engine = std::string(value);
        return true;
    }
    if (name == "--font") {
        common.font_file = std::string(cursor.TakeValue(name));
        return true;
    }
    if (name == "--allow-network") {
        cursor.RejectInlineValue(name);
        common.allow_network = true;
        return true;
    }
    return false;
}

// Options that say how region files are read. Returns false when `name` is not one of them.
bool ParseRegionOption(std::string_view name, ArgCursor& cursor, RegionFileOptions& regions, bool allow_files)
{
    std::string* target = nullptr;
    if (name == "--regions" && allow_files) {
        regions.files.emplace_back(cursor.TakeValue(name));
        return true;
    }
    if (name == "--groups" && allow_files) {
        regions.group_tables.emplace_back(cursor.TakeValue(name));
        return true;
    }
    if (name == "--tile-map" && allow_files) {
        cursor.RejectInlineValue(name);
        regions.tile_map = true;
        return true;
    }
    if (name == "--level" && allow_files)
        target = &regions.level;
    else if (name == "--layer")
        target = &regions.layer;
    else if (name == "--code-field")
        target = &regions.code_field;
    else if (name == "--name-field")
        target = &regions.name_field;
    else if (name == "--crs")
        target = &regions.crs;
    if (!target)
        return false;
    *target = std::string(cursor.TakeValue(name));
    if (target->empty())
        throw UsageError("option " + std::string(name) + " needs a value");
    return true;
}

// Options that say how tables are read. Returns false when `name` is not one of them.
bool ParseTableOption(std::string_view name, ArgCursor& cursor, TableFileOptions& tables)
{
    std::string* target = nullptr;
    if (name == "--region-column")
        target = &tables.region_column;
    else if (name == "--period-column")
        target = &tables.period_column;
    else if (name == "--recode")
        target = &tables.recode_file;
    if (target) {
        *target = std::string(cursor.TakeValue(name));
        if (target->empty())
            throw UsageError("option " + std::string(name) + " needs a value");
        return true;
    }
    if (name == "--no-demo-data") {
        cursor.RejectInlineValue(name);
        tables.demo_tables = false;
        return true;
    }
    if (name == "--scale") {
        std::string_view value = cursor.TakeValue(name);
        double scale = 0;
        auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), scale);
        if (ec != std::errc() || ptr != value.data() + value.size() || !(scale > 0))
            throw UsageError("--scale must be a positive number, not '" + std::string(value) + "'");
        tables.scale = scale;
        return true;
    }
    return false;
}

[[noreturn]] void ThrowUnknown(std::string_view arg, std::string_view command)
{
    std::string where = command.empty() ? std::string() : " for '" + std::string(command) + "'";
    if (arg.starts_with("-"))
        throw UsageError("unknown option '" + std::string(arg) + "'" + where + " (see --help)");
    throw UsageError("unexpected argument '" + std::string(arg) + "'" + where + " (see --help)");
}

// A view file brings its own data, level and tile map.
void CheckViewAlone(const CommandLine& cl)
{
    if (!cl.view_file.empty() && !cl.story_file.empty())
        throw UsageError("--view and --story exclude each other (a story's bookmarks are views)");
    if (!cl.story_file.empty() &&
        (!cl.regions.files.empty() || !cl.tables.files.empty() || !cl.regions.group_tables.empty() ||
         !cl.regions.level.empty() || cl.regions.tile_map))
        throw UsageError("--story takes its data, level and tile map from its bookmarks; leave out --regions, "
                         "--data, --groups, --level and --tile-map");
    if (cl.view_file.empty())
        return;
    if (!cl.regions.files.empty() || !cl.tables.files.empty() || !cl.regions.group_tables.empty() ||
        !cl.regions.level.empty() || cl.regions.tile_map)
        throw UsageError("--view takes its data, level and tile map from the view file; leave out --regions, "
                         "--data, --groups, --level and --tile-map");
}

// The interface scale of an export without --ui-scale: 100 % per 1080 pixels of height, in
// steps of 25 %, so a 4K image is the familiar full-HD layout at twice the detail rather than a
// sea of small type (at most the largest scale; below full HD stays at 100 %).
int ExportScalePercent(ImageSize size)
{
    const int percent = int(std::int64_t(size.height) * 100 / 1080) / 25 * 25;
    return std::clamp(percent, kMinUiScalePercent, kMaxUiScalePercent);
}

void ParseRender(ArgCursor& cursor, CommandLine& cl)
{
    bool have_output = false, scale_given = false, chart_given = false;
    while (!cursor.Done()) {
        std::string_view arg = cursor.Next();
        std::string_view name = cursor.Name(arg);
        if (name == "-h" || name == "--help") {
            cl.kind = CommandKind::Help;
            cl.help_topic = "render";
            return;
        }
        if (name == "--data") {
            cl.tables.files.emplace_back(cursor.TakeValue(name));
        } else if (name == "-o" || name == "--output") {
            cl.render.output_path = std::string(cursor.TakeValue(name));
            if (cl.render.output_path.empty())
                throw UsageError("option " + std::string(name) + " needs a file name");
            have_output = true;
        } else if (name == "--size") {
            cl.render.size = ParseImageSize(cursor.TakeValue(name), name);
        } else if (name == "--view") {
            cl.view_file = std::string(cursor.TakeValue(name));
            if (cl.view_file.empty())
                throw UsageError("option --view needs a file name");
        } else if (name == "--story") {
            cl.story_file = std::string(cursor.TakeValue(name));
            if (cl.story_file.empty())
                throw UsageError("option --story needs a file name");
        } else if (name == "--presentation") {
            cursor.RejectInlineValue(name);
            cl.presentation = true;
        } else if (name == "--chart") {
            const std::string_view value = cursor.TakeValue(name);
            if (value == "time")
                cl.render.chart = RenderChart::Time;
            else if (value == "bars")
                cl.render.chart = RenderChart::Bars;
            else if (value == "scatter")
                cl.render.chart = RenderChart::Scatter;
            else
                throw UsageError("--chart must be time, bars or scatter, not '" + std::string(value) + "'");
            chart_given = true;
        } else if (name == "--compare") {
            cl.compare = ParseComparePeriods(cursor.TakeValue(name), name);
        } else if (name == "--ui-scale" && ParseCommonOption(name, cursor, cl.common)) {
            scale_given = true;
        } else if (!ParseCommonOption(name, cursor, cl.common) && !ParseTableOption(name, cursor, cl.tables) &&
                   !ParseRegionOption(name, cursor, cl.regions, true)) {
            ThrowUnknown(arg, "render");
        }
    }
    if (!have_output)
        throw UsageError("render needs an output file: vakatlas render [--view VIEW.json] -o FILE.png [--size WxH]");
    CheckViewAlone(cl);
    if (!scale_given && cl.view_file.empty() && cl.story_file.empty())
        cl.common.ui_scale_percent = ExportScalePercent(cl.render.size);
    if (cl.compare && !cl.story_file.empty())
        throw UsageError("--compare does not go with --story (each bookmark brings its own map)");
    if (!cl.story_file.empty()) {
        // A folder for one PNG per bookmark; a name with an image extension is a mistake.
        const std::string& out = cl.render.output_path;
        const auto dot = out.find_last_of('.');
        const auto slash = out.find_last_of('/');
        if (dot != std::string::npos && (slash == std::string::npos || dot > slash) && dot + 1 < out.size())
            throw UsageError("with --story, -o names a folder (one PNG per bookmark goes into it), not '" + out + "'");
        cl.render.format = RenderFormat::Png;
        return;
    }
    cl.render.format = RenderFormatOf(cl.render.output_path);
    if (cl.presentation && cl.render.format != RenderFormat::Png)
        throw UsageError("--presentation draws the dashboard: the output must be a .png");
    if (chart_given && cl.render.format != RenderFormat::Svg)
        throw UsageError("--chart chooses the chart of an .svg output; -o " + cl.render.output_path +
                         " is not an .svg");
    if (cl.compare && cl.render.format != RenderFormat::Png)
        throw UsageError("--compare shows two maps side by side: the output must be a .png");
}

void ParseInspect(ArgCursor& cursor, CommandLine& cl)
{
    while (!cursor.Done()) {
        std::string_view arg = cursor.Next();
        std::string_view name = cursor.Name(arg);
        if (name == "-h" || name == "--help") {
            cl.kind = CommandKind::Help;
            cl.help_topic = "inspect";
            return;
        }
        if (!arg.starts_with("-") && cl.regions.files.empty())
            cl.regions.files.emplace_back(arg);
        else if (name == "--all-problems")
            cl.inspect_all_problems = true;
        else if (name == "--join")
            cl.tables.join_regions = std::string(cursor.TakeValue(name));
        else if (name == "--allow-network") {
            cursor.RejectInlineValue(name);
            cl.common.allow_network = true;
        } else if (!ParseTableOption(name, cursor, cl.tables) && !ParseRegionOption(name, cursor, cl.regions, false))
            ThrowUnknown(arg, "inspect");
    }
    if (cl.regions.files.empty())
        throw UsageError("inspect needs a file: vakatlas inspect FILE");
}

void ParseDemo(ArgCursor& cursor, CommandLine& cl)
{
    while (!cursor.Done()) {
        std::string_view arg = cursor.Next();
        std::string_view name = cursor.Name(arg);
        if (name == "-h" || name == "--help") {
            cl.kind = CommandKind::Help;
            cl.help_topic = "demo";
            return;
        }
        if (name == "--out" || name == "-o") {
            cl.demo.out_dir = std::string(cursor.TakeValue(name));
        } else if (name == "--seed") {
            std::string_view value = cursor.TakeValue(name);
            std::uint64_t seed = 0;
            auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), seed);
            if (ec != std::errc() || ptr != value.data() + value.size() || value.empty())
                throw UsageError("--seed must be a whole number, not '" + std::string(value) + "'");
            cl.demo.seed = seed;
        } else {
            ThrowUnknown(arg, "demo");
        }
    }
    if (cl.demo.out_dir.empty())
        throw UsageError("demo needs an output folder: vakatlas demo --out DIR");
}

std::vector<std::string> SplitList(std::string_view text)
{
    std::vector<std::string> items;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        items.emplace_back(text.substr(start, comma - start));
        start = comma + 1;
    }
    return items;
}

void ParseAggregate(ArgCursor& cursor, CommandLine& cl)
{
    while (!cursor.Done()) {
        std::string_view arg = cursor.Next();
        std::string_view name = cursor.Name(arg);
        if (name == "-h" || name == "--help") {
            cl.kind = CommandKind::Help;
            cl.help_topic = "aggregate";
            return;
        }
        if (name == "--data") {
            if (!cl.tables.files.empty())
                throw UsageError("aggregate takes one --data table");
            cl.tables.files.emplace_back(cursor.TakeValue(name));
        } else if (name == "--by") {
            cl.aggregate.by = SplitList(cursor.TakeValue(name));
            if (cl.aggregate.by.size() > 2)
                throw UsageError("--by takes one or two dimensions, not " + std::to_string(cl.aggregate.by.size()));
            for (const std::string& d : cl.aggregate.by)
                if (d.empty())
                    throw UsageError("--by has an empty dimension name");
        } else if (name == "--where") {
            const std::string_view value = cursor.TakeValue(name);
            const std::size_t eq = value.find('=');
            if (eq == std::string_view::npos || eq == 0)
                throw UsageError("--where must look like DIM=V1,V2 or DIM=FROM..TO, not '" + std::string(value) + "'");
            cl.aggregate.where.emplace_back(std::string(value.substr(0, eq)), std::string(value.substr(eq + 1)));
        } else if (name == "--measure") {
            cl.aggregate.measure = std::string(cursor.TakeValue(name));
        } else if (name == "--aggregate") {
            const std::string_view value = cursor.TakeValue(name);
            if (value != "sum" && value != "count" && value != "count-distinct" && value != "min" && value != "max")
                throw UsageError("--aggregate must be sum, count, count-distinct, min or max, not '" +
                                 std::string(value) + "'");
            cl.aggregate.aggregate = std::string(value);
        } else if (name == "--distinct") {
            cl.aggregate.distinct = std::string(cursor.TakeValue(name));
        } else if (name == "-o" || name == "--output") {
            cl.aggregate.output_path = std::string(cursor.TakeValue(name));
            if (cl.aggregate.output_path.empty())
                throw UsageError("option " + std::string(name) + " needs a file name");
        } else if (!ParseTableOption(name, cursor, cl.tables) && !ParseCommonOption(name, cursor, cl.common)) {
            ThrowUnknown(arg, "aggregate");
        }
    }
    if (cl.tables.files.empty())
        throw UsageError("aggregate needs a table: vakatlas aggregate --data FILE --by DIM [-o out.csv]");
    if (cl.aggregate.aggregate == "count-distinct" && cl.aggregate.distinct.empty())
        throw UsageError("--aggregate count-distinct needs --distinct DIM (what to count)");
    if (cl.aggregate.aggregate != "count-distinct" && !cl.aggregate.distinct.empty())
        throw UsageError("--distinct only goes with --aggregate count-distinct");
}

void ParseDashboard(std::string_view first, ArgCursor& cursor, CommandLine& cl)
{
    // `first` is the argument already taken from the cursor (not a subcommand).
    std::optional<std::string_view> pending = first;
    while (pending || !cursor.Done()) {
        std::string_view arg = pending ? *std::exchange(pending, std::nullopt) : cursor.Next();
        std::string_view name = cursor.Name(arg);
        if (name == "-h" || name == "--help") {
            cursor.RejectInlineValue(name);
            cl.kind = CommandKind::Help;
            return;
        }
        if (name == "--version") {
            cursor.RejectInlineValue(name);
            cl.kind = CommandKind::Version;
            return;
        }
        if (name == "--data") {
            cl.tables.files.emplace_back(cursor.TakeValue(name));
        } else if (name == "--window-size") {
            cl.dashboard.window_size = ParseImageSize(cursor.TakeValue(name), name);
        } else if (name == "--frames") {
            auto frames = ParseInt(cursor.TakeValue(name));
            if (!frames || *frames < 1)
                throw UsageError("--frames must be a positive whole number");
            cl.dashboard.max_frames = *frames;
        } else if (name == "--screenshot") {
            cl.dashboard.screenshot_path = std::string(cursor.TakeValue(name));
        } else if (name == "--view") {
            cl.view_file = std::string(cursor.TakeValue(name));
            if (cl.view_file.empty())
                throw UsageError("option --view needs a file name");
        } else if (name == "--story") {
            cl.story_file = std::string(cursor.TakeValue(name));
            if (cl.story_file.empty())
                throw UsageError("option --story needs a file name");
        } else if (name == "--presentation") {
            cursor.RejectInlineValue(name);
            cl.presentation = true;
        } else if (name == "--compare") {
            cl.compare = ParseComparePeriods(cursor.TakeValue(name), name);
        } else if (!ParseCommonOption(name, cursor, cl.common) && !ParseTableOption(name, cursor, cl.tables) &&
                   !ParseRegionOption(name, cursor, cl.regions, true)) {
            ThrowUnknown(arg, "");
        }
    }
    if (!cl.dashboard.screenshot_path.empty() && cl.dashboard.max_frames == 0)
        throw UsageError("--screenshot needs --frames N (the screenshot is taken of the last frame)");
    CheckViewAlone(cl);
    if (cl.compare && !cl.story_file.empty())
        throw UsageError("--compare does not go with --story (each bookmark brings its own map)");
}

} // namespace

RenderFormat RenderFormatOf(std::string_view path)
{
    const auto dot = path.find_last_of('.');
    const auto slash = path.find_last_of('/');
    std::string ext;
    if (dot != std::string_view::npos && (slash == std::string_view::npos || dot > slash))
        for (char c : path.substr(dot + 1))
            ext += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (ext == "png")
        return RenderFormat::Png;
    if (ext == "tif" || ext == "tiff")
        return RenderFormat::GeoTiff;
    if (ext == "gpkg")
        return RenderFormat::GeoPackage;
    if (ext == "csv")
        return RenderFormat::Csv;
    if (ext == "svg")
        return RenderFormat::Svg;
    throw UsageError("-o " + std::string(path) +
                     ": the name must end in .png (the dashboard), .tif or .tiff (the map, georeferenced), "
                     ".gpkg (the regions with their values), .csv (the region table) or .svg (a chart)");
}

std::pair<Period, Period> ParseComparePeriods(std::string_view text, std::string_view option_name)
{
    const auto refuse = [&](const std::string& why) -> UsageError {
        return UsageError(std::string(option_name) + " " + std::string(text) + ": " + why);
    };
    const auto comma = text.find(',');
    if (comma == std::string_view::npos || text.find(',', comma + 1) != std::string_view::npos)
        throw refuse("give two periods separated by a comma, e.g. 2015,2030");
    const std::string_view from = text.substr(0, comma), to = text.substr(comma + 1);
    const std::optional<Period> left = ParsePeriod(from), right = ParsePeriod(to);
    if (!left)
        throw refuse("'" + std::string(from) + "' is not a period (a year such as 2015, or a quarter such as 2025KW2)");
    if (!right)
        throw refuse("'" + std::string(to) + "' is not a period (a year such as 2015, or a quarter such as 2025KW2)");
    if (left->year == right->year && left->quarter == right->quarter)
        throw refuse("the two periods are the same");
    return {*left, *right};
}

ImageSize ParseImageSize(std::string_view text, std::string_view option_name)
{
    auto x = text.find_first_of("xX");
    std::optional<int> w, h;
    if (x != std::string_view::npos) {
        w = ParseInt(text.substr(0, x));
        h = ParseInt(text.substr(x + 1));
    }
    const std::string range = std::to_string(kMinImageSide) + ".." + std::to_string(kMaxImageSide);
    if (!w || !h)
        throw UsageError(std::string(option_name) + " must look like 1920x1080, not '" + std::string(text) + "'");
    if (*w < kMinImageSide || *w > kMaxImageSide || *h < kMinImageSide || *h > kMaxImageSide)
        throw UsageError(std::string(option_name) + " " + std::string(text) + ": width and height must each be " +
                         range + " pixels");
    return {*w, *h};
}

CommandLine ParseCommandLine(const std::vector<std::string_view>& args)
{
    CommandLine cl;
    ArgCursor cursor(args);
    if (cursor.Done())
        return cl;
    std::string_view first = cursor.Next();
    if (first == "render") {
        cl.kind = CommandKind::Render;
        ParseRender(cursor, cl);
        return cl;
    }
    if (first == "demo") {
        cl.kind = CommandKind::Demo;
        ParseDemo(cursor, cl);
        return cl;
    }
    if (first == "inspect") {
        cl.kind = CommandKind::Inspect;
        ParseInspect(cursor, cl);
        return cl;
    }
    if (first == "aggregate") {
        cl.kind = CommandKind::Aggregate;
        ParseAggregate(cursor, cl);
        return cl;
    }
    if (first == "help") {
        cl.kind = CommandKind::Help;
        if (!cursor.Done())
            cl.help_topic = std::string(cursor.Next());
        if (!cl.help_topic.empty() && cl.help_topic != "render" && cl.help_topic != "inspect" &&
            cl.help_topic != "demo" && cl.help_topic != "aggregate")
            throw UsageError("no help on '" + cl.help_topic + "'; commands: render, inspect, demo, aggregate");
        return cl;
    }
    if (!first.starts_with("-"))
        throw UsageError("unknown command '" + std::string(first) + "' (commands: render, inspect, demo, aggregate; see --help)");
    ParseDashboard(first, cursor, cl);
    return cl;
}

namespace {

const char* kRegionOptionsHelp =
    "  --layer NAME        layer inside the file (default: the first polygon layer)\n"
    "  --code-field NAME   field with the region codes (default: detected, e.g. statcode)\n"
    "  --name-field NAME   field with the region names (default: detected, e.g. statnaam)\n"
    "  --crs EPSG:CODE     display CRS (default: EPSG:28992 for Dutch data, else EPSG:3857)\n";

const char* kViewOptionsHelp =
    "  --groups FILE       table of region code -> group (CSV, XLSX, ODS; first two columns):\n"
    "                      the first layer's regions dissolved into those groups as a level\n"
    "                      (a platform's own sub-regions, or provinces from a lookup table)\n"
    "  --level NAME        level the map opens on, e.g. provincie (loaded layers and levels\n"
    "                      derived from their attributes; default: the first file's layer)\n"
    "  --tile-map          open on the hexagon tile map (every region the same size)\n";

} // namespace

std::string HelpText(std::string_view topic)
{
    const std::string name = kProgramName;
    if (topic == "demo") {
        return "Usage: " + name + " demo --out DIR [--seed N]\n"
               "\n"
               "Writes the synthetic demo data set (pupils per municipality 2010-2040, mbo institutions,\n"
               "locations, programmes and enrolment, vacancies per labour-market region, sector and\n"
               "quarter, and over a million vacancy points) as ordinary files into DIR, calibrated on\n"
               "public figures and marked as synthetic in every file. The same seed gives the same\n"
               "bytes on every machine. DIR must be new or empty.\n"
               "\n"
               "  --out DIR    folder to write (created when missing)\n"
               "  --seed N     random seed (default: a fixed seed, the same on every machine)\n"
               "\n"
               "Exit codes: 0 written, 1 the folder cannot be used, 2 usage.\n";
    }
    if (topic == "aggregate") {
        return "Usage: " + name + " aggregate --data FILE [--by DIM[,DIM]] [--where DIM=VALUES ...]\n"
               "                          [--measure NAME] [--aggregate sum|count|count-distinct|min|max]\n"
               "                          [--distinct DIM] [--engine auto|gpu|cpu] [-o FILE.csv]\n"
               "\n"
               "Runs one view of the aggregation core, the one the dashboard's maps and charts use, over a\n"
               "table and writes the result as CSV: one row per group with the value, the rows that\n"
               "passed the filters, how many of them were suppressed (\"<5\") and the group's state\n"
               "(known; unknown when every value was suppressed or missing; empty when no row passed).\n"
               "As in the dashboard, a filter on a --by dimension does not apply to this view.\n"
               "\n"
               "  --data FILE         the table (CSV, XLSX, ODS, GeoPackage; see inspect)\n"
               "  --by DIM[,DIM]      group by one or two dimensions (default: one total)\n"
               "  --where DIM=V1,V2   keep rows whose DIM is one of the values (repeatable)\n"
               "  --where DIM=A..B    keep rows whose DIM lies from A to B (years, quarters)\n"
               "  --measure NAME      the measure (default: the first)\n"
               "  --aggregate KIND    sum (default), count, count-distinct, min or max\n"
               "  --distinct DIM      with count-distinct: the dimension whose codes are counted\n"
               "  --engine KIND       auto (default: GPU unless OpenGL is software, then CPU), gpu or cpu\n"
               "  -o FILE             CSV file to write (default '-': standard output)\n"
               "  --region-column N, --period-column N, --scale N, --recode FILE   as for inspect\n"
               "\n"
               "Exit codes: 0 written, 1 bad input (unknown dimension, value or measure named), 2 usage.\n";
    }
    if (topic == "inspect") {
        return "Usage: " + name + " inspect FILE [--layer NAME] [--code-field NAME] [--name-field NAME] [--crs EPSG:CODE]\n"
               "                        [--all-problems] [--join FILE] [--region-column N] [--period-column N]\n"
               "                        [--scale N]\n"
               "\n"
               "Prints what is in a vector file (Shapefile, GeoPackage, GeoJSON, TopoJSON, CSV with WKT):\n"
               "layers, feature counts, fields, CRS and extent, and for polygon layers the code and name\n"
               "fields vakatlas picks, parent levels, the display CRS and every problem found (invalid\n"
               "geometry repaired, features without code, duplicate codes, assumed CRS).\n"
               "\n" +
               std::string(kRegionOptionsHelp) +
               "  --all-problems      list every problem (default: a count per kind and the first 25)\n"
               "\n"
               "For tables (CSV with any separator, XLSX, ODS, GeoPackage tables) it shows the column\n"
               "roles it detects (region, period, wide year columns, measures, points) and the import\n"
               "report: rows read and landed, and every row not landed with row, column and reason.\n"
               "  --join FILE         region boundaries whose codes the table's must match\n"
               "  --region-column N   column with the region codes (default: detected)\n"
               "  --period-column N   column with years or quarters (default: detected)\n"
               "  --scale N           multiply values, e.g. 1000 for CBS tables in thousands\n"
               "  --recode FILE       conversion table for merged municipalities (old_code, new_code,\n"
               "                      share): old codes' rows land on the new codes\n"
               "A sidecar <table>.vakatlas.json may set region_column, period_column, scale,\n"
               "first_year, last_year, source and unit.\n"
               "\n"
               "Exit codes: 0 read (problems are listed, not fatal), 1 the file cannot be read, 2 usage.\n";
    }
    if (topic == "render") {
        return "Usage: " + name + " render [--view VIEW.json] -o FILE [--size WxH] [--regions FILE ...] [--data FILE ...]\n"
               "                       [--lang nl|en] [--ui-scale PCT] [--presentation] [--compare FROM,TO]\n"
               "                       [--chart time|bars|scatter]\n"
               "       " + name + " render --story STORY.json -o DIR [--size WxH] [--presentation]\n"
               "\n"
               "Renders a dashboard view without a window (headless EGL, works without a display or\n"
               "GPU): the saved view VIEW.json, or without --view the default start on the files given.\n"
               "What is written follows the output file's extension:\n"
               "  .png          the dashboard as shown, with legend, source, period and unit\n"
               "  .tif, .tiff   the map alone as a georeferenced GeoTIFF (RGB) in the layer's CRS\n"
               "                (EPSG:28992 for Dutch data), for QGIS; --size is its size in pixels\n"
               "  .gpkg         the regions of the map's level as a GeoPackage: code, name, value,\n"
               "                state (known/unknown/empty), suppressed, period, measure, unit, source\n"
               "  .csv          the same region table as CSV\n"
               "  .svg          one chart of the charts panel as SVG (--chart): its data as the\n"
               "                dashboard shows it in that view, theme and filters\n"
               "Every export names source, period and unit (GeoTIFF/GeoPackage metadata, CSV columns)\n"
               "and says \"synthetic demo data\" where that applies.\n"
               "\n"
               "  --view FILE         a view saved from the dashboard (File > Save view): its data,\n"
               "                      level, table, period, filters, classes, camera and compare\n"
               "  --story FILE        a story (Story > Save story): every bookmark as DIR/01-title.png,\n"
               "                      DIR/02-....png in the story's order; -o names the folder DIR\n"
               "  --presentation      draw the dashboard in presentation mode (large type, no filters\n"
               "                      panel, high contrast, footer with filters and source)\n"
               "  --compare FROM,TO   the map side by side in two periods of its table, e.g.\n"
               "                      2015,2030 (one legend for both); .png only\n"
               "  --chart KIND        with an .svg output: time (the time chart, default), bars or\n"
               "                      scatter (change against size)\n"
               "  -o, --output FILE   file to write (written to a temporary name, then renamed)\n"
               "  --size WxH          image size in pixels, " + std::to_string(kMinImageSide) + ".." +
               std::to_string(kMaxImageSide) + " per side (default 1920x1080)\n"
               "  --regions FILE      region boundaries to show (repeatable: one layer per file)\n"
               "  --data FILE         a table to show (repeatable)\n" +
               std::string(kRegionOptionsHelp) + std::string(kViewOptionsHelp) +
               "  --theme NAME        krimp, opleidingsaanbod or vacatures: that theme's preset\n"
               "  --lang nl|en        language of the texts (default nl; a view sets its own)\n"
               "  --ui-scale PCT      interface scale " + std::to_string(kMinUiScalePercent) + "-" +
               std::to_string(kMaxUiScalePercent) + "% (default: 100 per 1080 pixels of height, so\n"
               "                      3840x2160 shows the 1920x1080 layout in twice the detail;\n"
               "                      a view sets its own)\n"
               "  --shaders DIR       folder with the GLSL shaders (default: found automatically)\n"
               "  --font FILE         TrueType font (default: DejaVu Sans or Noto Sans via fontconfig)\n"
               "With --view, leave out --regions, --data, --groups, --level and --tile-map.\n"
               "\n"
               "Exit codes: 0 ok, 1 bad input or the image could not be made, 2 usage.\n";
    }
    return "Usage: " + name + " [options]              open the dashboard\n"
           "       " + name + " render [--view VIEW.json] -o FILE [--size WxH]\n"
           "                                     render a view headless: .png, .tif, .gpkg, .csv or\n"
           "                                     .svg (a chart)\n"
           "       " + name + " render --story STORY.json -o DIR   one PNG per bookmark\n"
           "       " + name + " inspect FILE          layers, fields, CRS, extent and problems of a file\n"
           "       " + name + " demo --out DIR        write the synthetic demo data set\n"
           "       " + name + " aggregate --data FILE --by DIM [--where DIM=VALUES] [-o out.csv]\n"
           "                                     one view of the aggregation core as CSV\n"
           "       " + name + " help render|inspect|demo|aggregate | --help | --version\n"
           "\n"
           "vakatlas shows where mbo pupil numbers shrink, where programmes are offered and where\n"
           "the jobs are, on linked maps and charts per Dutch region.\n"
           "\n"
           "Options:\n"
           "  --regions FILE      region boundaries (Shapefile, GeoPackage, GeoJSON, TopoJSON, CSV\n"
           "                      with WKT); repeatable, one level per file\n"
           "  --data FILE         a table (CSV, XLSX, ODS, GeoPackage); repeatable; its region codes\n"
           "                      are matched to the loaded level they fit best (see inspect)\n"
           "  --recode FILE       conversion table for merged municipalities (old_code, new_code,\n"
           "                      share), applied to every --data table\n"
           "  --region-column N, --period-column N, --scale N   how --data tables are read (inspect)\n"
           "  --no-demo-data      without --regions and --data: the demo map without its synthetic\n"
           "                      tables (by default they are written once to a cache folder,\n"
           "                      $VAKATLAS_DEMO_DIR or ~/.cache/vakatlas, and loaded)\n" +
           std::string(kRegionOptionsHelp) + std::string(kViewOptionsHelp) +
           "  --lang nl|en        language of the interface (default nl)\n"
           "  --ui-scale PCT      interface scale " + std::to_string(kMinUiScalePercent) + "-" +
           std::to_string(kMaxUiScalePercent) + "%, e.g. 200 on a projector (default 100)\n"
           "  --theme NAME        open on a theme: krimp (change of mbo students), opleidingsaanbod\n"
           "                      (programmes per region) or vacatures (per 1,000 inhabitants)\n"
           "  --view FILE         open on a saved view (File > Save view): its data, level, table,\n"
           "                      period, filters, classes and camera (instead of --regions, --data)\n"
           "  --story FILE        open a story of bookmarks (Story > Save story) on its first\n"
           "                      bookmark; PageDown/PageUp step through it (also a clicker)\n"
           "  --presentation      start in presentation mode (F5 switches it): full screen, on a\n"
           "                      second monitor if there is one; arrow keys step the bookmarks\n"
           "  --compare FROM,TO   open the map side by side in two periods of its table, e.g.\n"
           "                      2015,2030 (as the map's 'Vergelijk')\n"
           "  --window-size WxH   initial window size (default 1600x900)\n"
           "  --msaa N            map anti-aliasing samples 1, 2, 4 or 8 (default 4; 1 is about\n"
           "                      twice as fast on software OpenGL such as llvmpipe)\n"
           "  --engine KIND       aggregation backend: auto (default; CPU on software OpenGL such as\n"
           "                      llvmpipe, else GPU), gpu or cpu\n"
           "  --shaders DIR       folder with the GLSL shaders (also: VAKATLAS_SHADERS)\n"
           "  --font FILE         TrueType font (default: DejaVu Sans or Noto Sans via fontconfig)\n"
           "  --allow-network     let file names (also those inside files) be URLs or GDAL network\n"
           "                      paths (/vsicurl/, /vsis3/, ...); refused without it\n"
           "  --frames N          close the window after N frames (scripted runs)\n"
           "  --screenshot FILE   with --frames: save the last frame as a PNG\n"
           "  -h, --help          this text\n"
           "  --version           program version\n"
           "\n"
           "Without a display (no DISPLAY or WAYLAND_DISPLAY) the dashboard cannot open;\n"
           "use 'vakatlas render -o view.png' instead.\n"
           "\n"
           "Exit codes: 0 ok, 1 bad input (the message names the file, field or option), 2 usage.\n";
}

} // namespace vak::core
