#include "ui/ui_session.hpp"

#include "core/resource_paths.hpp"
#include "gpu/shader_program.hpp"
#include "ui/file_actions.hpp"
#include "ui/theme.hpp"

#include <imgui.h>

#include <exception>

namespace vak::ui {

UiSession::UiSession(const core::CommonOptions& options, const gpu::GlInfo& gl, SessionKind kind,
                     core::Workspace& workspace)
    : m_gl(gl), m_kind(kind), m_workspace(workspace)
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
        m_density = std::make_unique<DensityOverlay>(gl, shaders, options.engine, m_workspace, *m_model);
        if (const std::optional<Theme> theme = ThemeFromName(options.theme))
            m_themes.Select(*theme);
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

void UiSession::BuildFrame()
{
    ImGui::SetCurrentContext(m_imgui);
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
                     *m_model, m_themes, m_density.get()};
    ctx.shaders = m_shaders.get();
    const float framerate = ImGui::GetIO().Framerate;
    if (m_kind == SessionKind::Window && framerate > 0.0f)
        ctx.stats.frame_ms = 1000.0f / framerate;
    try {
        m_themes.Update(ctx); // after the model, before the panels read it
    } catch (const std::exception& e) {
        const std::string message = std::string("theme failed: ") + e.what();
        if (m_workspace.Messages().empty() || m_workspace.Messages().back() != message)
            m_workspace.Messages().push_back(message);
    }
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
