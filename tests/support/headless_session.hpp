// A dashboard session on a headless GL context for UI tests, driven frame by frame through
// ImGui's IO like the window is. Throws core::InputError when no context can be made; the
// fixture decides between skipping (a developer machine) and failing (CI).
#pragma once

#include "gpu/egl_headless_context.hpp"
#include "ui/theme_controller.hpp"
#include "ui/ui_session.hpp"

#include <imgui.h>

#include <memory>

namespace vak::test {

class HeadlessSession {
public:
    // `workspace` is loaded by the caller and outlives the session.
    void Start(core::Workspace& workspace, core::ImageSize size)
    {
        m_size = size;
        m_context = gpu::CreateHeadlessContext();
        core::CommonOptions options;
        options.shader_dir = VAK_TEST_SHADER_DIR;
        m_session = std::make_unique<ui::UiSession>(options, m_context->Info(), ui::SessionKind::Headless, workspace);
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(float(size.width), float(size.height));
        io.DeltaTime = 1.0f / 60.0f;
    }
    // Before the context: the session's GL objects need it.
    void Stop()
    {
        m_session.reset();
        m_context.reset();
    }
    void Frame()
    {
        m_session->BuildFrame();
        m_session->RenderFrame(m_size);
    }
    // Chooses the theme preset and draws frames until it has loaded its tables (two frames at
    // least, six at most). Whether it did.
    bool ChooseTheme(ui::Theme theme)
    {
        m_session->Themes().Select(theme);
        for (int i = 0; i < 6 && !(i >= 2 && m_session->Themes().Settled()); ++i)
            Frame();
        return m_session->Themes().Settled();
    }
    ui::UiSession& Session() { return *m_session; }

private:
    core::ImageSize m_size;
    std::unique_ptr<gpu::GlContext> m_context;
    std::unique_ptr<ui::UiSession> m_session;
};

} // namespace vak::test
