#include "ui/dashboard_window.hpp"

#include "core/errors.hpp"
#include "core/version.hpp"
#include "gpu/glfw_window.hpp"
#include "io/png_export.hpp"
#include "io/view_file.hpp"
#include "io/workspace_loader.hpp"
#include "ui/ui_session.hpp"
#include "ui/view_state_binding.hpp"

#include <imgui.h>

#include <optional>
#include <string>

namespace vak::ui {

namespace {

void ApplyShortcut(gpu::Shortcut shortcut, UiSettings& settings, bool& quit)
{
    switch (shortcut) {
    case gpu::Shortcut::Quit: quit = true; break;
    case gpu::Shortcut::ScaleUp: settings.scale_percent = NextUiScaleStep(settings.scale_percent, +1); break;
    case gpu::Shortcut::ScaleDown: settings.scale_percent = NextUiScaleStep(settings.scale_percent, -1); break;
    case gpu::Shortcut::ScaleReset: settings.scale_percent = kUiScaleSteps[0]; break;
    }
}

} // namespace

int RunDashboardWindow(const core::CommandLine& command_line)
{
    const core::DashboardOptions& options = command_line.dashboard;
    // A view brings its data (read and checked first: keys, types, data files there).
    std::optional<core::ViewState> view;
    core::ViewData data{command_line.regions, command_line.tables};
    if (!command_line.view_file.empty()) {
        view = io::ReadViewFile(command_line.view_file);
        data = view->data;
    }
    core::Workspace workspace;
    io::LoadRegionFiles(data.regions, workspace); // before the window: bad input fails fast
    io::LoadDataFiles(data.tables, workspace);
    gpu::GlfwWindow window(options.window_size, std::string("vakatlas ") + core::kVersion);
    UiSession session(command_line.common, window.Info(), SessionKind::Window, workspace);
    data.regions.level.clear(); // view choices, not data
    data.regions.tile_map = false;
    session.SetDataSources(data);
    if (view)
        ApplyView(session, *view, command_line.view_file);
    window.AttachImGui(); // after the ImGui context exists (UiSession made it)
    // Keyboard navigation needs the key map that the GLFW backend has just filled in.
    ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    // Detach the ImGui platform backend before UiSession destroys the ImGui context, also when
    // an exception leaves the loop.
    struct DetachOnExit {
        gpu::GlfwWindow& window;
        ~DetachOnExit() { window.DetachImGui(); }
    } detach_on_exit{window};

    bool quit = false;
    for (int frame = 1; !window.ShouldClose() && !quit && !session.QuitRequested(); ++frame) {
        // An idle dashboard waits for input instead of redrawing at full speed; scripted runs
        // (--frames) and the first frames (ImGui settles its layout) never wait.
        window.WaitEvents(options.max_frames > 0 || frame < 4 ? 0.0 : 0.25);
        for (gpu::Shortcut shortcut : window.TakeShortcuts())
            ApplyShortcut(shortcut, session.Settings(), quit);
        window.ImGuiNewFrame();
        session.BuildFrame();
        session.RenderFrame(window.FramebufferSize());
        window.BlitToBackBuffer(session.Frame());
        if (options.max_frames > 0 && frame >= options.max_frames) {
            if (!options.screenshot_path.empty())
                io::WritePng(window.ReadBackBuffer(), options.screenshot_path);
            quit = true;
        }
        window.Present();
    }
    return core::kExitOk;
}

} // namespace vak::ui
