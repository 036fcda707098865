// vakatlas command line: opens the dashboard or runs a subcommand (see core/command_line.hpp).
// Exit codes: 0 ok, 1 bad input (message names file/field/option), 2 usage.
#include "core/command_line.hpp"
#include "core/errors.hpp"
#include "core/version.hpp"
#include "gpu/glfw_window.hpp"
#include "core/demo/demo_data.hpp"
#include "io/demo_writer.hpp"
#include "io/layer_inspect.hpp"
#include "io/png_export.hpp"
#include "ui/dashboard_window.hpp"
#include "ui/headless_render.hpp"

#include <cstdio>
#include <exception>
#include <string_view>
#include <vector>

namespace {

using namespace vak;

int RunRender(const core::CommandLine& cl)
{
    const core::RgbaImage image = ui::RenderDefaultView(cl.common, cl.regions, cl.tables, cl.render.size);
    io::WritePng(image, cl.render.output_path);
    std::printf("wrote %s (%dx%d)\n", cl.render.output_path.c_str(), image.width, image.height);
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
    switch (cl.kind) {
    case core::CommandKind::Help: std::fputs(core::HelpText(cl.help_topic).c_str(), stdout); return core::kExitOk;
    case core::CommandKind::Version: std::printf("%s %s\n", core::kProgramName, core::kVersion); return core::kExitOk;
    case core::CommandKind::Render: return RunRender(cl);
    case core::CommandKind::Inspect: return RunInspect(cl);
    case core::CommandKind::Demo: return RunDemo(cl);
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
