#include "ui/ui_session.hpp"

#include "core/errors.hpp"
#include "core/resource_paths.hpp"
#include "gpu/shader_program.hpp"
#include "io/workspace_loader.hpp"
#include "ui/file_actions.hpp"
#include "ui/texts/texts.hpp"
#include "ui/theme.hpp"
#include "ui/view_state_binding.hpp"

#include <imgui.h>

#include <exception>

namespace vak::ui {

UiSession::UiSession(const core::CommonOptions& options, const gpu::GlInfo& gl, SessionKind kind,
                     core::Workspace& workspace)
    : m_gl(gl), m_options(options), m_kind(kind), m_workspace(workspace)
{
    // Resources first: a missing font or shader folder is reported before any window content.
    m_settings.language = LanguageFromCode(options.language.c_str());
    m_settings.scale_percent = options.ui_scale_percent;
    m_settings.font_file = FindUiFontFile(options.font_file);
    m_shaders = std::make_unique<gpu::ShaderLibrary>(core::FindShaderDir(core::DefaultShaderDirQuery(options.shader_dir)));
    const gpu::ShaderLibrary& shaders = *m_shaders;

    IMGUI_CHECKVERSION();
    m_imgui = ImGui::CreateContext();
    ImGui::SetCurrentContext(m_imgui);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr; // the layout is fixed; nothing to remember between runs
    io.LogFilename = nullptr;
    try {
        ApplyScale();
        m_renderer = std::make_unique<gpu::ImGuiRenderer>();
        m_map_canvas = std::make_unique<gpu::MapCanvas>(shaders, options.map_samples);
        m_engine = gpu::ChooseEngine(options.engine, &gl, m_shaders.get());
        m_model = std::make_unique<core::DashboardModel>(*m_engine.engine);
        m_themes = std::make_unique<ThemeController>();
        m_density = std::make_unique<DensityOverlay>(gl, shaders, options.engine, m_workspace, *m_model);
        if (const std::optional<Theme> theme = ThemeFromName(options.theme))
            m_themes->Select(*theme);
    } catch (...) {
        m_density.reset();
        m_model.reset();
        m_engine = {};
        m_map_canvas.reset();
        m_renderer.reset();
        ImGui::DestroyContext(m_imgui);
        throw;
    }
}

UiSession::~UiSession()
{
    if (m_load) { // the worker writes into its own workspace: stop it and wait
        m_load->task->Cancel();
        m_load->task->Wait();
        m_load.reset();
    }
    ImGui::SetCurrentContext(m_imgui);
    m_density.reset(); // its texture and engine: while the context is current
    m_model.reset();
    m_engine = {}; // GL objects of a GPU engine: while the context is current
    m_map_canvas.reset();
    m_renderer.reset(); // needs the ImGui context: before DestroyContext
    ImGui::DestroyContext(m_imgui);
}

void UiSession::ApplyScale()
{
    if (m_applied_scale == m_settings.scale_percent)
        return;
    m_fonts = BuildUiFonts(m_settings.font_file, m_settings.Scale());
    ImGui::GetIO().FontDefault = m_fonts.body;
    ApplyTheme(m_settings.Scale());
    if (m_renderer)
        m_renderer->RebuildFontTexture();
    m_applied_scale = m_settings.scale_percent;
}

void UiSession::StartLoad(core::ViewData data, std::function<void(UiSession&)> then, std::string done,
                          std::function<double()> clock)
{
    if (m_load)
        throw core::InputError("another load is under way; wait for it or stop it first");
    auto load = std::make_unique<PendingLoad>();
    load->loaded = std::make_shared<core::Workspace>();
    load->data = data;
    load->then = std::move(then);
    load->done = std::move(done);
    auto progress = std::make_shared<core::LoadProgress>();
    // The worker touches only its own workspace and the progress; GDAL, GEOS and PROJ handles
    // are its own (per-thread contexts).
    load->task = std::make_unique<BackgroundTask>(
        LoadingNotice(data.tables.files.empty() ? (data.regions.files.empty() ? std::string("demo")
                                                                              : data.regions.files.front())
                                                : data.tables.files.front()),
        [workspace = load->loaded, progress, data] {
            io::LoadWorkspace(data.regions, data.tables, *workspace, progress.get());
        },
        load->done, clock ? std::move(clock) : BackgroundTask::Clock(BackgroundTask::SteadySeconds));
    load->task->SetProgress(std::move(progress));
    m_load = std::move(load);
}

void UiSession::FinishLoadBlocking()
{
    if (!m_load)
        return;
    m_load->task->Wait();
    FinishLoadIfDone();
}

void UiSession::FinishLoadIfDone()
{
    if (!m_load || !m_load->task->Poll())
        return;
    const std::unique_ptr<PendingLoad> load = std::move(m_load);
    m_dashboard.ShowLoad(nullptr); // it held this load's task
    FileResult outcome = *load->task->Poll();
    if (load->task->Progress() && load->task->Progress()->Cancelled())
        outcome = {false, Tr(TextId::progress_load_stopped), false};
    else if (outcome.ok) {
        try {
            TakeOverWorkspace(std::move(*load->loaded), load->data, load->then);
        } catch (const std::exception& e) {
            outcome = {false, e.what(), false};
        }
    }
    m_dashboard.ShowOutcome(std::move(outcome));
}

void UiSession::TakeOverWorkspace(core::Workspace loaded, const core::ViewData& data,
                                  const std::function<void(UiSession&)>& then)
{
    // What the user sees now, to come back to when the new data does not fit the view.
    const core::ViewState before = CaptureView(*this);
    const core::ViewData before_data = m_data_sources;
    core::Workspace previous = std::move(m_workspace);
    m_workspace = std::move(loaded);
    core::ViewData sources = data;
    sources.regions.level.clear(); // view choices, not data
    sources.regions.tile_map = false;
    try {
        ResetForWorkspace();
        m_data_sources = sources;
        then(*this);
    } catch (...) {
        m_workspace = std::move(previous);
        ResetForWorkspace();
        m_data_sources = before_data;
        ApplyView(*this, before, "the previous view");
        throw;
    }
}

void UiSession::ResetForWorkspace()
{
    // Between frames with this session's GL and ImGui contexts current: the map's GPU meshes, the
    // model's table, the theme's inputs and the panels' caches all point into the old workspace.
    ImGui::SetCurrentContext(m_imgui);
    m_density.reset();
    m_themes.reset();
    m_model.reset();
    m_map_canvas = std::make_unique<gpu::MapCanvas>(*m_shaders, m_options.map_samples);
    m_model = std::make_unique<core::DashboardModel>(*m_engine.engine);
    m_themes = std::make_unique<ThemeController>();
    m_density = std::make_unique<DensityOverlay>(m_gl, *m_shaders, m_options.engine, m_workspace, *m_model);
    m_dashboard.ResetPanels();
}

void UiSession::BuildFrame()
{
    ImGui::SetCurrentContext(m_imgui);
    FinishLoadIfDone();
    // A File menu request of the last frame (save or open a view, an export), between frames:
    // an opened view's language and scale take effect just below.
    if (const std::optional<FileRequest> request = m_dashboard.TakeFileRequest())
        m_dashboard.SetFileResult(RunFileRequest(*this, *request));
    SetLanguage(m_settings.language);
    ApplyScale();
    m_renderer->NewFrame();
    ImGui::NewFrame();
    // The model first, so this frame shows last frame's clicks and slider moves.
    try {
        if (const std::optional<int> level = m_model->TakeLevelSuggestion(m_workspace))
            m_workspace.SetActiveLayer(*level); // the selection follows, as when the user switches
        m_model->Update(m_workspace);
    } catch (const std::exception& e) {
        // Said once, not every frame while the cause stays.
        const std::string message = std::string("aggregation failed: ") + e.what();
        if (m_workspace.Messages().empty() || m_workspace.Messages().back() != message)
            m_workspace.Messages().push_back(message);
    }
    PanelContext ctx{m_fonts, m_settings, m_gl, *m_map_canvas, m_workspace, {}, *m_engine.engine, m_engine.reason,
                     *m_model, *m_themes, m_density.get()};
    ctx.shaders = m_shaders.get();
    const float framerate = ImGui::GetIO().Framerate;
    if (m_kind == SessionKind::Window && framerate > 0.0f)
        ctx.stats.frame_ms = 1000.0f / framerate;
    try {
        m_themes->Update(ctx); // after the model, before the panels read it
    } catch (const std::exception& e) {
        const std::string message = std::string("theme failed: ") + e.what();
        if (m_workspace.Messages().empty() || m_workspace.Messages().back() != message)
            m_workspace.Messages().push_back(message);
    }
    m_dashboard.ShowLoad(Load());
    m_dashboard.Draw(ctx, m_settings);
    ImGui::Render();
}

void UiSession::RenderFrame(core::ImageSize framebuffer)
{
    m_frame.EnsureSize(framebuffer.width, framebuffer.height);
    float clear[4];
    FrameClearColor(clear);
    m_renderer->Render(ImGui::GetDrawData(), m_frame, clear);
}

} // namespace vak::ui
