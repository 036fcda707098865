#include "ui/panels/time_panel.hpp"

#include "core/dashboard/dashboard_model.hpp"

#include <imgui.h>

#include <algorithm>
#include <string>

namespace vak::ui {

namespace {

// Seconds per year while playing: long enough to read the map, short enough to see a trend.
constexpr double kPlayStepSeconds = 0.7;

} // namespace

void TimePanel::DrawContent(PanelContext& ctx)
{
    core::DashboardModel& model = ctx.model;
    const std::vector<std::string>& periods = model.Periods();
    if (periods.empty()) {
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
        int none = 0;
        ImGui::SliderInt("###year", &none, 0, 0, Tr(TextId::time_year));
        ImGui::PopStyleColor();
        ImGui::EndDisabled();
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("%s", Tr(TextId::time_coming));
        ImGui::PopStyleColor();
        m_playing = false;
        return;
    }

    const int last = static_cast<int>(periods.size()) - 1;
    int index = model.PeriodIndex();
    // Arrow keys step a year wherever the pointer is, unless a text field has the keyboard.
    if (!ImGui::GetIO().WantTextInput) {
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow)))
            index = std::max(0, index - 1);
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow)))
            index = std::min(last, index + 1);
    }
    const std::string play = std::string(Tr(m_playing ? TextId::time_pause : TextId::time_play)) + "###play";
    if (ImGui::Button(play.c_str())) {
        m_playing = !m_playing;
        if (m_playing && index == last)
            index = 0; // from the start, as a media player does
        m_last_step = ImGui::GetTime();
    }
    if (m_playing && ImGui::GetTime() - m_last_step >= kPlayStepSeconds) {
        m_last_step = ImGui::GetTime();
        if (index < last)
            ++index;
        else
            m_playing = false;
    }
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1.0f);
    ImGui::SliderInt("###year", &index, 0, last, PeriodText(model, index, ctx.settings.language).c_str());
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", Tr(TextId::time_keys_hint));
    if (index != model.PeriodIndex()) {
        model.SelectPeriod(index);
        model.ClearChange(); // moving through the years shows each year again
    }

    // What the map shows and where it comes from.
    const core::agg::FactTable* table = model.Table();
    std::string source = std::string(Tr(TextId::data_source)) + ": " +
                         (table->provenance.source.empty() ? table->name : table->provenance.source);
    if (table->provenance.synthetic && table->provenance.source.find("synthet") == std::string::npos)
        source += " (" + std::string(Tr(TextId::data_synthetic)) + ")";
    ImGui::TextUnformatted(model.MeasureTitle().c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("·  %s", source.c_str());
}

} // namespace vak::ui
