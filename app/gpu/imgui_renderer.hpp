// Dear ImGui's OpenGL3 renderer backend, wrapped so that draw data always lands in a
// RenderTarget (window and headless alike). Create it after the ImGui context, with a GL
// context current; destroy it before either goes away.
#pragma once

struct ImDrawData;

namespace vak::gpu {

class RenderTarget;

class ImGuiRenderer {
public:
    ImGuiRenderer();
    ~ImGuiRenderer();
    ImGuiRenderer(const ImGuiRenderer&) = delete;
    ImGuiRenderer& operator=(const ImGuiRenderer&) = delete;

    void NewFrame();
    // After the font atlas was rebuilt (UI scale or font change).
    void RebuildFontTexture();
    // Clears `target` to the given colour and draws the ImGui frame into it.
    void Render(ImDrawData* draw_data, const RenderTarget& target, const float clear_rgba[4]);
};

} // namespace vak::gpu
