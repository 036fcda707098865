#include "ui/panels/panel.hpp"

#include "core/dashboard/dashboard_model.hpp"
#include "ui/charts/chart_axes.hpp"

#include <imgui.h>

#include <string>

namespace vak::ui {

std::string PeriodText(const core::DashboardModel& model, int index, Language language)
{
    if (index < 0 || index >= static_cast<int>(model.Periods().size()))
        return {};
    const std::string& raw = model.Periods()[static_cast<std::size_t>(index)];
    const std::optional<core::Period> period = core::ParsePeriod(raw);
    return period ? charts::PeriodLabel(*period, language) : raw;
}

void Panel::Draw(const Rect& rect, PanelContext& ctx)
{
    ImGui::SetNextWindowPos(ImVec2(rect.x, rect.y));
    ImGui::SetNextWindowSize(ImVec2(rect.w, rect.h));
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                             ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    if (!HasTitleBar())
        flags |= ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar;
    if (!HasPadding())
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    const std::string label = std::string(Tr(Title())) + StableId();
    // No PushFont around Begin: PopFont would pop the new window's texture id in 1.86.
    const bool visible = ImGui::Begin(label.c_str(), nullptr, flags);
    if (!HasPadding())
        ImGui::PopStyleVar();
    if (visible)
        DrawContent(ctx);
    ImGui::End(); // Begin() always needs End(), whatever it returned
}

} // namespace vak::ui
