#include "gpu/imgui_renderer.hpp"

#include "core/errors.hpp"
#include "gpu/render_target.hpp"

#include <epoxy/gl.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>

namespace vak::gpu {

ImGuiRenderer::ImGuiRenderer()
{
    if (!ImGui_ImplOpenGL3_Init("#version 430 core"))
        throw core::InputError("the ImGui OpenGL3 renderer could not start (is libGL.so.1 installed?)");
}

ImGuiRenderer::~ImGuiRenderer()
{
    ImGui_ImplOpenGL3_Shutdown();
}

void ImGuiRenderer::NewFrame()
{
    ImGui_ImplOpenGL3_NewFrame();
}

void ImGuiRenderer::RebuildFontTexture()
{
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
}

void ImGuiRenderer::Render(ImDrawData* draw_data, const RenderTarget& target, const float clear_rgba[4])
{
    target.Clear(clear_rgba[0], clear_rgba[1], clear_rgba[2], clear_rgba[3]);
    ImGui_ImplOpenGL3_RenderDrawData(draw_data); // keeps the bound FBO; sets its own viewport
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

} // namespace vak::gpu
