#include "ui/panels/filters_panel.hpp"

#include "ui/widgets.hpp"

#include <imgui.h>

namespace vak::ui {

void FiltersPanel::DrawContent(PanelContext& ctx)
{
    // Theme and level are shown so users see the choices that will come, but disabled: with
    // no data loaded they would change nothing.
    ImGui::BeginDisabled();
    DrawHeading(ctx.fonts.heading, Tr(TextId::filters_theme));
    ImGui::RadioButton(Tr(TextId::theme_krimp), &m_theme, 0);
    ImGui::RadioButton(Tr(TextId::theme_programmes), &m_theme, 1);
    ImGui::RadioButton(Tr(TextId::theme_vacancies), &m_theme, 2);
    ImGui::Spacing();
    ImGui::Separator();
    DrawHeading(ctx.fonts.heading, Tr(TextId::filters_level));
    ImGui::RadioButton(Tr(TextId::level_gemeente), &m_level, 0);
    ImGui::RadioButton(Tr(TextId::level_arbeidsmarktregio), &m_level, 1);
    ImGui::RadioButton(Tr(TextId::level_provincie), &m_level, 2);
    ImGui::EndDisabled();
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", Tr(TextId::filters_coming));
    ImGui::PopStyleColor();
}

} // namespace vak::ui
