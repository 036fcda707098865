#include "ui/panels/filters_panel.hpp"

#include "core/workspace.hpp"
#include "ui/level_names.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>

#include <cstdio>

namespace vak::ui {

void FiltersPanel::DrawContent(PanelContext& ctx)
{
    // Region level: one entry per loaded or derived layer.
    DrawHeading(ctx.fonts.heading, Tr(TextId::filters_level));
    const auto& layers = ctx.workspace.Layers();
    if (layers.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("%s", Tr(TextId::filters_no_levels));
        ImGui::PopStyleColor();
    }
    for (std::size_t i = 0; i < layers.size(); ++i) {
        char label[192];
        std::snprintf(label, sizeof label, "%s (%zu)###level%zu", LevelLabel(*layers[i]).c_str(),
                      layers[i]->features.size(), i);
        if (ImGui::RadioButton(label, ctx.workspace.ActiveLayerIndex() == static_cast<int>(i)))
            ctx.workspace.SetActiveLayer(static_cast<int>(i));
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", layers[i]->source.c_str());
    }
    ImGui::Spacing();
    ImGui::Separator();

    // Themes are shown so users see the choices that will come, but disabled: with no data
    // loaded they would change nothing.
    ImGui::BeginDisabled();
    DrawHeading(ctx.fonts.heading, Tr(TextId::filters_theme));
    ImGui::RadioButton(Tr(TextId::theme_krimp), &m_theme, 0);
    ImGui::RadioButton(Tr(TextId::theme_programmes), &m_theme, 1);
    ImGui::RadioButton(Tr(TextId::theme_vacancies), &m_theme, 2);
    ImGui::EndDisabled();
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", Tr(TextId::filters_coming));
    ImGui::PopStyleColor();
}

} // namespace vak::ui
