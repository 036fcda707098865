// vakatlas command line: opens the dashboard or runs a subcommand (see core/command_line.hpp).
// Exit codes: 0 ok, 1 bad input (message names file/field/option), 2 usage.
#include "core/aggregate/query_text.hpp"
#include "core/command_line.hpp"
#include "core/resource_paths.hpp"
#include "core/errors.hpp"
#include "core/version.hpp"
#include "gpu/aggregate/engine_choice.hpp"
#include "gpu/egl_headless_context.hpp"
#include "gpu/glfw_window.hpp"
#include "core/demo/demo_data.hpp"
#include "io/csv_export.hpp"
#include "io/demo_writer.hpp"
#include "io/layer_inspect.hpp"
#include "io/path_policy.hpp"
#include "io/png_export.hpp"
#include "io/table_import.hpp"
#include "io/story_file.hpp"
#include "io/view_file.hpp"
#include "ui/dashboard_window.hpp"
#include "ui/headless_render.hpp"
#include "ui/presentation.hpp"
#include "ui/story_player.hpp"

#include <cmath>
#include <cstdio>
#include <exception>
#include <optional>
#include <string_view>
#include <vector>

namespace {

using namespace vak;

int RunRender(const core::CommandLine& cl)
{
    // The view file is read and checked (keys, types, data files there) before anything loads.
    if (!cl.story_file.empty()) {
        const core::Story story = io::ReadStoryFile(cl.story_file);
        for (const auto& path : ui::RenderStory(cl.common, story, cl.story_file, cl.render.size,
                                                cl.render.output_path, cl.presentation))
            std::printf("wrote %s\n", path.string().c_str());
        return core::kExitOk;
    }
    std::optional<core::ViewState> view;
    if (!cl.view_file.empty())
        view = io::ReadViewFile(cl.view_file);
    if (cl.presentation) {
        core::ViewData data{cl.regions, cl.tables};
        data.regions.level.clear();
        data.regions.tile_map = false;
        std::printf("%s\n", ui::RenderPresentationPng(cl.common, view ? view->data : data, cl.regions,
                                                       view ? &*view : nullptr, cl.view_file, cl.render.size,
                                                       cl.render.output_path, cl.compare).c_str());
        return core::kExitOk;
    }
    const std::string done = ui::RenderToFile(cl.common, cl.regions, cl.tables, view ? &*view : nullptr, cl.view_file,
                                              cl.render.size, cl.render.format, cl.render.output_path,
                                              {cl.render.chart, cl.compare});
    std::printf("%s\n", done.c_str());
    return core::kExitOk;
}

int RunInspect(const core::CommandLine& cl)
{
    io::InspectOptions options;
    options.read.layer = cl.regions.layer;
    options.read.code_field = cl.regions.code_field;
    options.read.name_field = cl.regions.name_field;
    options.read.target_crs = cl.regions.crs;
    options.join_regions = cl.tables.join_regions;
    options.region_column = cl.tables.region_column;
    options.recode_file = cl.tables.recode_file;
    options.period_column = cl.tables.period_column;
    options.scale = cl.tables.scale;
    if (cl.inspect_all_problems)
        options.max_problems = static_cast<std::size_t>(-1);
    std::fputs(io::InspectFile(cl.regions.files.front(), options).c_str(), stdout);
    return core::kExitOk;
}

int RunDemo(const core::CommandLine& cl)
{
    core::DemoOptions options;
    if (cl.demo.seed)
        options.seed = *cl.demo.seed;
    io::WriteDemo(cl.demo.out_dir, {}, options);
    std::printf("wrote the synthetic demo data set (seed %llu) to %s\n", static_cast<unsigned long long>(options.seed),
                cl.demo.out_dir.c_str());
    return core::kExitOk;
}

// A fixed-point value as decimal text: 12345 with 2 decimals -> "123.45".
std::string FixedPointText(std::int64_t value, int decimals)
{
    if (decimals == 0)
        return std::to_string(value);
    const std::int64_t scale = static_cast<std::int64_t>(std::llround(std::pow(10.0, decimals)));
    const std::string fraction = std::to_string(std::llabs(value % scale));
    std::string text = value < 0 ? "-" : "";
    text += std::to_string(std::llabs(value / scale));
    text += '.';
    text.append(std::size_t(decimals) - fraction.size(), '0');
    text += fraction;
    return text;
}

int RunAggregate(const core::CommandLine& cl)
{
    const std::string& file = cl.tables.files.front();
    io::TableImportOptions import;
    import.region_column = cl.tables.region_column;
    import.recode_file = cl.tables.recode_file;
    import.scale = cl.tables.scale;
    import.period_column = cl.tables.period_column;
    io::ImportedTable imported = io::ImportTable(file, import);
    std::fprintf(stderr, "%s: %s\n", file.c_str(), imported.report.Summary().c_str());
    auto table = std::make_shared<core::agg::FactTable>(core::agg::PackDataset(imported.dataset));
    const core::agg::ResolvedQuery query = core::agg::ResolveAggregateCommand(*table, cl.aggregate);

    // A headless context only when the GPU may be used; "auto" falls back to the CPU without one.
    std::unique_ptr<gpu::GlContext> context;
    std::unique_ptr<gpu::ShaderLibrary> shaders;
    std::string no_context;
    if (cl.common.engine != "cpu") {
        try {
            context = gpu::CreateHeadlessContext();
            shaders = std::make_unique<gpu::ShaderLibrary>(
                core::FindShaderDir(core::DefaultShaderDirQuery(cl.common.shader_dir)));
        } catch (const core::InputError& e) {
            if (cl.common.engine == "gpu")
                throw core::InputError(std::string("--engine gpu: ") + e.what());
            no_context = e.what();
        }
    }
    gpu::EngineChoice choice =
        gpu::ChooseEngine(cl.common.engine, context ? &context->Info() : nullptr, shaders.get());
    choice.engine->Load(table);
    const core::agg::ViewResult result = choice.engine->Compute(query.filters, {query.view}).front();
    std::fprintf(stderr, "engine: %s (%s%s%s)\n", choice.engine->Describe().c_str(), choice.reason.c_str(),
                 no_context.empty() ? "" : ": ", no_context.c_str());

    std::vector<io::CsvColumn> columns;
    for (int d : query.view.group_by)
        if (d >= 0)
            columns.push_back({table->dimensions[std::size_t(d)].name, false});
    const char* kStates[] = {"empty", "known", "unknown"};
    columns.push_back({cl.aggregate.aggregate, result.decimals == 0});
    columns.push_back({"rows", true});
    columns.push_back({"suppressed", true});
    columns.push_back({"state", false});
    std::vector<std::vector<std::string>> rows;
    for (std::size_t g = 0; g < result.GroupCount(); ++g) {
        std::vector<std::string> row = core::agg::GroupLabels(*table, query.view, g);
        // Unknown and empty groups have no value: an empty cell, never a 0.
        const bool has_value = result.states[g] == core::agg::GroupState::Known;
        row.push_back(has_value ? FixedPointText(result.values[g], result.decimals) : "");
        row.push_back(std::to_string(result.rows[g]));
        row.push_back(std::to_string(result.suppressed[g]));
        row.push_back(kStates[static_cast<int>(result.states[g])]);
        rows.push_back(std::move(row));
    }
    io::WriteCsv(cl.aggregate.output_path, columns, rows);
    if (cl.aggregate.output_path != "-")
        std::fprintf(stderr, "wrote %s (%zu groups)\n", cl.aggregate.output_path.c_str(), rows.size());
    return core::kExitOk;
}

int RunDashboard(const core::CommandLine& cl)
{
    if (!gpu::HasDisplay()) {
        std::fprintf(stderr,
                     "vakatlas: no display (DISPLAY and WAYLAND_DISPLAY are unset), so the dashboard cannot "
                     "open; for an image use: vakatlas render -o view.png --size 1920x1080\n");
        return core::kExitBadInput;
    }
    return ui::RunDashboardWindow(cl);
}

int Run(const std::vector<std::string_view>& args)
{
    const core::CommandLine cl = core::ParseCommandLine(args);
    io::SetNetworkPathsAllowed(cl.common.allow_network); // before any file is opened
    switch (cl.kind) {
    case core::CommandKind::Help: std::fputs(core::HelpText(cl.help_topic).c_str(), stdout); return core::kExitOk;
    case core::CommandKind::Version: std::printf("%s %s\n", core::kProgramName, core::kVersion); return core::kExitOk;
    case core::CommandKind::Render: return RunRender(cl);
    case core::CommandKind::Inspect: return RunInspect(cl);
    case core::CommandKind::Demo: return RunDemo(cl);
    case core::CommandKind::Aggregate: return RunAggregate(cl);
    case core::CommandKind::Dashboard: return RunDashboard(cl);
    }
    return core::kExitUsage;
}

} // namespace

int main(int argc, char** argv)
{
    std::vector<std::string_view> args(argv + 1, argv + argc);
    try {
        return Run(args);
    } catch (const core::UsageError& e) {
        std::fprintf(stderr, "vakatlas: %s\n", e.what());
        return core::kExitUsage;
    } catch (const core::InputError& e) {
        std::fprintf(stderr, "vakatlas: %s\n", e.what());
        return core::kExitBadInput;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "vakatlas: unexpected error: %s\n", e.what());
        return core::kExitBadInput;
    }
}
