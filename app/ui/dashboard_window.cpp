#include "ui/dashboard_window.hpp"

#include "core/errors.hpp"
#include "core/version.hpp"
#include "gpu/glfw_window.hpp"
#include "io/png_export.hpp"
#include "io/story_file.hpp"
#include "io/view_file.hpp"
#include "io/workspace_loader.hpp"
#include "ui/panels/map_panel.hpp"
#include "ui/ui_session.hpp"
#include "ui/view_state_binding.hpp"

#include <imgui.h>

#include <optional>
#include <string>
#include <utility>

namespace vak::ui {

namespace {

void ApplyShortcut(gpu::Shortcut shortcut, UiSession& session, bool& quit)
{
    UiSettings& settings = session.Settings();
    switch (shortcut) {
    case gpu::Shortcut::Presentation: session.GetDashboard().GetPresentation().Toggle(settings); break;
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
    // A story opens on its first bookmark, with that bookmark's data.
    std::optional<core::Story> story;
    if (!command_line.story_file.empty()) {
        story = io::ReadStoryFile(command_line.story_file);
        if (story->bookmarks.empty())
            throw core::InputError(command_line.story_file + ": the story has no bookmarks");
        data = story->bookmarks.front().view.data;
    }
    // The window opens at once and the files load on a worker, with a progress bar; the view,
    // story and options apply when they are there. A file that cannot be read still ends the
    // program with its message and exit code 1, as before the window existed.
    bool started = false; // set when the load has taken over (outlives the session's hold on it)
    core::Workspace workspace; // empty until the load takes over
    gpu::GlfwWindow window(options.window_size, std::string("vakatlas ") + core::kVersion);
    UiSession session(command_line.common, window.Info(), SessionKind::Window, workspace);
    session.StartLoad(
        data,
        [&](UiSession& loaded) {
            // The session starts afresh on the loaded files: --theme first, a view may change it.
            if (const std::optional<Theme> theme = ThemeFromName(command_line.common.theme))
                loaded.Themes().Select(*theme);
            if (view)
                ApplyView(loaded, *view, command_line.view_file);
            if (story) {
                loaded.GetDashboard().Story().SetStory(std::move(*story), command_line.story_file);
                loaded.GetDashboard().Story().Go(loaded, 0, false);
            }
            if (command_line.presentation)
                loaded.GetDashboard().GetPresentation().SetActive(true, loaded.Settings());
            if (command_line.compare) // found among the map's periods once its table is there
                loaded.GetDashboard().Map()->Compare().RequestPeriods(*command_line.compare);
            started = true;
        },
        {});
    // Scripted runs (--frames, --screenshot) show the loaded dashboard from their first frame.
    if (options.max_frames > 0)
        session.FinishLoadBlocking();
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
    bool fullscreen_asked = false;
    for (int frame = 1; !window.ShouldClose() && !quit && !session.QuitRequested(); ++frame) {
        // An idle dashboard waits for input instead of redrawing at full speed; scripted runs
        // (--frames) and the first frames (ImGui settles its layout) never wait.
        // A bookmark's camera glide draws every frame too.
        const MapPanel* map = session.GetDashboard().Map();
        const bool animating = map && map->Animating();
        window.WaitEvents(options.max_frames > 0 || frame < 4 || animating ? 0.0 : 0.25);
        for (gpu::Shortcut shortcut : window.TakeShortcuts())
            ApplyShortcut(shortcut, session, quit);
        // A step or file request of the Story menu or a key, between frames.
        if (const std::optional<StoryRequest> request = session.GetDashboard().TakeStoryRequest())
            session.GetDashboard().SetStoryResult(RunStoryRequest(session, *request));
        // Full screen follows presentation mode (asked once per change: a failed switch is not retried).
        const bool presenting = session.GetDashboard().GetPresentation().Active();
        if (presenting != fullscreen_asked) {
            window.SetFullscreen(presenting);
            fullscreen_asked = presenting;
        }
        window.ImGuiNewFrame();
        session.BuildFrame();
        if (!started && !session.Load()) {
            // The start's load failed or was stopped: there is nothing to show.
            const std::optional<FileResult>& outcome = session.GetDashboard().Outcome();
            throw core::InputError(outcome ? outcome->message : std::string("the data files were not loaded"));
        }
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
