#include "ui/widgets.hpp"

#include <imgui.h>

namespace vak::ui {

void DrawHeading(ImFont* heading_font, const char* text)
{
    ImGui::PushFont(heading_font);
    ImGui::TextWrapped("%s", text); // narrow columns at 300 % must not clip a heading
    ImGui::PopFont();
}

void DrawComingCard(const char* id, ImFont* heading_font, const char* heading, const char* text, float height)
{
    ImGui::BeginChild(id, ImVec2(0, height), true);
    DrawHeading(heading_font, heading);
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", text);
    ImGui::PopStyleColor();
    ImGui::EndChild();
}

} // namespace vak::ui
