#include "ui/panels/time_panel.hpp"

#include <imgui.h>

#include <string>

namespace vak::ui {

void TimePanel::DrawContent(PanelContext&)
{
    // Disabled until data with a year dimension is loaded: a slider over made-up years would
    // suggest data that is not there.
    ImGui::BeginDisabled();
    const std::string play = std::string(Tr(TextId::time_play)) + "###play";
    ImGui::Button(play.c_str());
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1.0f);
    // With no range the grab would fill the whole track; draw it in the track's colour so the
    // empty slider does not read as a full progress bar.
    ImGui::PushStyleColor(ImGuiCol_SliderGrab, ImGui::GetStyleColorVec4(ImGuiCol_FrameBg));
    ImGui::SliderInt("###year", &m_year, 0, 0, Tr(TextId::time_year));
    ImGui::PopStyleColor();
    ImGui::EndDisabled();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", Tr(TextId::time_coming));
    ImGui::PopStyleColor();
}

} // namespace vak::ui
