// One running interface on one GL context: the ImGui context, fonts, theme, the GL renderer
// for ImGui, the map canvas and the dashboard. The window loop and the headless renderer both
// drive it the same way, frame by frame:
//   (platform sets io.DisplaySize and input) -> BuildFrame() -> RenderFrame() -> Frame()
#pragma once

#include "core/command_line.hpp"
#include "core/dashboard/dashboard_model.hpp"
#include "core/view_state.hpp"
#include "core/workspace.hpp"
#include "gpu/aggregate/engine_choice.hpp"
#include "gpu/gl_context.hpp"
#include "gpu/imgui_renderer.hpp"
#include "gpu/map_canvas.hpp"
#include "gpu/render_target.hpp"
#include "ui/dashboard.hpp"
#include "ui/density_overlay.hpp"
#include "ui/fonts.hpp"
#include "ui/theme_controller.hpp"
#include "ui/ui_settings.hpp"

#include <functional>
#include <memory>

struct ImGuiContext;

namespace vak::ui {

class BackgroundTask;

// Window sessions measure and show their frame time; headless ones (images) do not.
enum class SessionKind { Window, Headless };

class UiSession {
public:
    // Needs `gl` current. Finds the font and the shaders; throws core::InputError (naming the
    // file) when either is missing or broken.
    // `workspace` outlives the session (the caller loads files into it).
    UiSession(const core::CommonOptions& options, const gpu::GlInfo& gl, SessionKind kind,
              core::Workspace& workspace);
    ~UiSession();
    UiSession(const UiSession&) = delete;
    UiSession& operator=(const UiSession&) = delete;

    // Builds one frame's UI (ImGui::NewFrame .. ImGui::Render). A scale change requested from
    // the menu is applied at the start of the next call, outside ImGui's frame.
    void BuildFrame();
    // Draws the built frame into the frame target at the framebuffer size.
    void RenderFrame(core::ImageSize framebuffer);
    const gpu::RenderTarget& Frame() const { return m_frame; }

    UiSettings& Settings() { return m_settings; }
    // The aggregation backend chosen at start (--engine), and why.
    core::agg::Engine& Engine() { return *m_engine.engine; }
    const std::string& EngineReason() const { return m_engine.reason; }
    core::DashboardModel& Model() { return *m_model; }
    ThemeController& Themes() { return *m_themes; }
    // The vacancy density (heat) map over the map panel; off until SetEnabled(true).
    DensityOverlay& Density() { return *m_density; }
    bool QuitRequested() const { return m_dashboard.QuitRequested(); }
    // For views and exports (ui/view_state_binding.*, ui/session_exports.*): the loaded data, the
    // files it was loaded from (as the command line or a view named them), the panels, and the
    // shaders an offscreen export renders with.
    core::Workspace& GetWorkspace() { return m_workspace; }
    const core::ViewData& DataSources() const { return m_data_sources; }
    void SetDataSources(core::ViewData data) { m_data_sources = std::move(data); }
    Dashboard& GetDashboard() { return m_dashboard; }
    const gpu::ShaderLibrary& Shaders() const { return *m_shaders; }

    // Other data files (a view or a bookmark made of them): loaded on a worker while the
    // dashboard keeps drawing with a progress bar. When the load is done, between two frames,
    // the loaded workspace replaces the session's, which starts afresh on it (map, model, theme,
    // panels; the story and presentation mode stay), and `then` runs (applies the view). When the
    // load fails, is stopped, or `then` throws, the session is as it was, and the dashboard says
    // why. `done`: what the dashboard says when it worked ("opened x.json"). `clock` (seconds)
    // decides when the progress shows; tests pass one of their own (BackgroundTask::Clock).
    void StartLoad(core::ViewData data, std::function<void(UiSession&)> then, std::string done,
                   std::function<double()> clock = {});
    // The load under way (its progress, what it reads), or null.
    BackgroundTask* Load() { return m_load ? m_load->task.get() : nullptr; }
    // Waits for the load under way and finishes it (scripted runs and tests; the window never waits).
    void FinishLoadBlocking();

private:
    void ApplyScale();
    struct PendingLoad {
        std::unique_ptr<BackgroundTask> task;
        std::shared_ptr<core::Workspace> loaded; // filled by the worker
        core::ViewData data;
        std::function<void(UiSession&)> then;
        std::string done;
    };
    // Between frames: a finished load takes over, or its failure is shown.
    void FinishLoadIfDone();
    // `loaded` becomes the session's workspace; on failure of `then`, the previous one is back.
    void TakeOverWorkspace(core::Workspace loaded, const core::ViewData& data, const std::function<void(UiSession&)>& then);
    // Everything that holds on to the workspace's layers and tables, made anew.
    void ResetForWorkspace();

    const gpu::GlInfo& m_gl;
    core::CommonOptions m_options;
    SessionKind m_kind;
    core::Workspace& m_workspace;
    ImGuiContext* m_imgui = nullptr;
    UiSettings m_settings;
    int m_applied_scale = 0;
    UiFonts m_fonts;
    std::unique_ptr<gpu::ImGuiRenderer> m_renderer;
    std::unique_ptr<gpu::MapCanvas> m_map_canvas;
    gpu::RenderTarget m_frame;
    std::unique_ptr<gpu::ShaderLibrary> m_shaders;
    gpu::EngineChoice m_engine;
    std::unique_ptr<core::DashboardModel> m_model; // on m_engine
    std::unique_ptr<ThemeController> m_themes; // uses m_model
    std::unique_ptr<DensityOverlay> m_density; // reads m_model and m_workspace
    Dashboard m_dashboard;
    core::ViewData m_data_sources;
    std::unique_ptr<PendingLoad> m_load;
};

} // namespace vak::ui
