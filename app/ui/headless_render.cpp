#include "ui/headless_render.hpp"

#include "gpu/egl_headless_context.hpp"
#include "io/workspace_loader.hpp"
#include "ui/ui_session.hpp"

#include <imgui.h>

namespace vak::ui {

core::RgbaImage RenderDefaultView(const core::CommonOptions& options, const core::RegionFileOptions& regions,
                                  const core::TableFileOptions& tables, core::ImageSize size)
{
    core::Workspace workspace;
    io::LoadRegionFiles(regions, workspace); // before any GL work: bad input fails fast
    io::LoadDataFiles(tables, workspace);
    auto context = gpu::CreateHeadlessContext();
    UiSession session(options, context->Info(), SessionKind::Headless, workspace);
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(size.width), static_cast<float>(size.height));
    io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
    io.DeltaTime = 1.0f / 60.0f;
    // ImGui settles layout (window sizes, text wrap) over its first frames; render a few so
    // the image equals what a window shows once it is open.
    constexpr int kSettleFrames = 3;
    for (int i = 0; i < kSettleFrames; ++i) {
        session.BuildFrame();
        session.RenderFrame(size);
    }
    return session.Frame().ReadPixels();
}

} // namespace vak::ui
