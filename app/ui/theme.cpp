#include "ui/theme.hpp"

#include <imgui.h>

namespace vak::ui {

void ApplyTheme(float scale)
{
    ImGuiStyle style;
    ImGui::StyleColorsLight(&style);
    style.WindowRounding = 0.0f; // panels tile the screen; rounded corners would leave gaps
    style.WindowBorderSize = 1.0f;
    style.FrameBorderSize = 1.0f; // radio buttons and sliders stay visible on a projector
    style.FrameRounding = 3.0f;
    style.GrabRounding = 3.0f;
    style.WindowPadding = ImVec2(10, 10);
    style.FramePadding = ImVec2(8, 5);
    style.ItemSpacing = ImVec2(8, 7);
    style.WindowTitleAlign = ImVec2(0.0f, 0.5f);

    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = ImVec4(0.08f, 0.10f, 0.13f, 1.00f);
    c[ImGuiCol_TextDisabled] = ImVec4(0.38f, 0.42f, 0.47f, 1.00f);
    c[ImGuiCol_WindowBg] = ImVec4(0.98f, 0.98f, 0.99f, 1.00f);
    // ImGui draws window titles in ImGuiCol_Text, so title bars stay light for contrast.
    c[ImGuiCol_TitleBg] = ImVec4(0.82f, 0.88f, 0.94f, 1.00f);
    c[ImGuiCol_TitleBgActive] = ImVec4(0.82f, 0.88f, 0.94f, 1.00f);
    c[ImGuiCol_TitleBgCollapsed] = ImVec4(0.82f, 0.88f, 0.94f, 1.00f);
    c[ImGuiCol_MenuBarBg] = ImVec4(0.90f, 0.92f, 0.94f, 1.00f);
    c[ImGuiCol_Border] = ImVec4(0.70f, 0.74f, 0.79f, 1.00f);
    c[ImGuiCol_FrameBg] = ImVec4(0.91f, 0.93f, 0.96f, 1.00f);
    c[ImGuiCol_ChildBg] = ImVec4(0.94f, 0.95f, 0.97f, 1.00f);
    style.ScaleAllSizes(scale);
    ImGui::GetStyle() = style;
}

void ApplyPresentationTheme(float scale)
{
    ApplyTheme(scale);
    ImGuiStyle& style = ImGui::GetStyle();
    // Border sizes are not scaled by ScaleAllSizes; a projector washes out 1 px lines.
    style.WindowBorderSize = 2.0f * scale;
    style.FrameBorderSize = 1.5f * scale;
    style.ChildBorderSize = 1.5f * scale;
    style.PopupBorderSize = 2.0f * scale;
    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = ImVec4(0.0f, 0.0f, 0.0f, 1.0f);
    // Muted text still has to read from the back of the room: well above 7:1 on white.
    c[ImGuiCol_TextDisabled] = ImVec4(0.22f, 0.24f, 0.27f, 1.0f);
    c[ImGuiCol_WindowBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
    c[ImGuiCol_ChildBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
    c[ImGuiCol_PopupBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
    c[ImGuiCol_Border] = ImVec4(0.10f, 0.12f, 0.15f, 1.0f);
    c[ImGuiCol_TitleBg] = ImVec4(0.88f, 0.91f, 0.95f, 1.0f);
    c[ImGuiCol_TitleBgActive] = c[ImGuiCol_TitleBg];
    c[ImGuiCol_TitleBgCollapsed] = c[ImGuiCol_TitleBg];
    c[ImGuiCol_FrameBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
}

void FrameClearColor(float out_rgba[4])
{
    out_rgba[0] = 0.80f;
    out_rgba[1] = 0.83f;
    out_rgba[2] = 0.87f;
    out_rgba[3] = 1.0f;
}

gpu::MapCanvasStyle MapCanvasStyleFor(float scale, bool with_grid)
{
    gpu::MapCanvasStyle style;
    style.grid_px = with_grid ? 48.0f * scale : 0.0f;
    return style;
}

} // namespace vak::ui
