#include "ui/panels/filters_panel.hpp"

#include "core/workspace.hpp"
#include "ui/level_names.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

namespace vak::ui {

void FiltersPanel::DrawTable(const core::Workspace::LoadedTable& table, std::size_t index)
{
    const core::ImportReport& r = table.report;
    ImGui::PushID(static_cast<int>(index));
    ImGui::TextUnformatted(table.dataset.name.c_str());
    ImGui::Indent();
    ImGui::TextDisabled("%ld %s", r.rows_landed, Tr(TextId::data_rows));
    if (!r.rejected.empty()) {
        ImGui::TextColored(ImVec4(0.65f, 0.20f, 0.05f, 1.0f), "%ld %s", r.rows_rejected, Tr(TextId::data_not_landed));
        if (ImGui::IsItemHovered()) {
            // The first rows not landed, with row, column and reason, as inspect prints them.
            ImGui::BeginTooltip();
            const std::size_t shown = std::min<std::size_t>(r.rejected.size(), 15);
            for (std::size_t k = 0; k < shown; ++k) {
                const core::ImportIssue& issue = r.rejected[k];
                ImGui::Text("%ld  %s  '%s': %s", issue.row, issue.column.c_str(), issue.value.c_str(),
                            issue.reason.c_str());
            }
            if (shown < r.rejected.size())
                ImGui::TextDisabled("... +%zu", r.rejected.size() - shown);
            ImGui::EndTooltip();
        }
    }
    if (r.values_suppressed > 0)
        ImGui::TextDisabled("%ld %s", r.values_suppressed, Tr(TextId::data_suppressed));
    if (!table.joined_layer.empty())
        ImGui::TextDisabled("%s %s", Tr(TextId::data_joined_to), table.joined_layer.c_str());
    if (table.dataset.provenance.synthetic)
        ImGui::TextColored(ImVec4(0.55f, 0.35f, 0.0f, 1.0f), "%s", Tr(TextId::data_synthetic));
    ImGui::Unindent();
    ImGui::PopID();
}

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

    // Loaded tables with their import reports: what landed, what did not and why.
    DrawHeading(ctx.fonts.heading, Tr(TextId::filters_data));
    if (ctx.workspace.Tables().empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("%s", Tr(TextId::data_none));
        ImGui::PopStyleColor();
    }
    for (std::size_t i = 0; i < ctx.workspace.Tables().size(); ++i)
        DrawTable(*ctx.workspace.Tables()[i], i);
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
