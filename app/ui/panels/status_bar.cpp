#include "ui/panels/status_bar.hpp"

#include "core/workspace.hpp"
#include "core/aggregate/engine.hpp"
#include "gpu/gl_context.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

namespace vak::ui {

void StatusBar::DrawContent(PanelContext& ctx)
{
    // Right-aligned: frame time (only where it was measured: not in headless images), scale,
    // language. Measured first, so the left part can be clipped to the room that is left.
    char frame_time[64] = "";
    if (ctx.stats.frame_ms > 0.0f) {
        std::snprintf(frame_time, sizeof frame_time, "%.1f %s   ", ctx.stats.frame_ms, Tr(TextId::status_frame_time));
        // Dutch decimal comma in the Dutch interface.
        if (ctx.settings.language == Language::Dutch)
            for (char* c = frame_time; *c && *c != ' '; ++c)
                if (*c == '.')
                    *c = ',';
    }
    char right[160];
    std::snprintf(right, sizeof right, "%s%s %d%%   %s", frame_time, Tr(TextId::status_ui_scale),
                  ctx.settings.scale_percent, ctx.settings.language == Language::English ? "EN" : "NL");
    const float pad = ImGui::GetStyle().WindowPadding.x;
    const float right_w = ImGui::CalcTextSize(right).x;
    const float right_x = ImGui::GetWindowWidth() - right_w - pad;

    // The padding of a normal window would push the single line out of the bar.
    const float y = (ImGui::GetWindowHeight() - ImGui::GetTextLineHeight()) * 0.5f;
    ImGui::SetCursorPosY(y);
    const ImVec2 win = ImGui::GetWindowPos();
    ImGui::PushClipRect(win, ImVec2(win.x + right_x - 2.0f * pad, win.y + ImGui::GetWindowHeight()), true);
    const std::size_t layers = ctx.workspace.Layers().size();
    if (layers == 0)
        ImGui::TextUnformatted(Tr(TextId::status_no_data));
    else
        ImGui::Text("%s: %zu", Tr(TextId::status_regions_loaded), layers);
    if (!ctx.workspace.Messages().empty()) {
        ImGui::SameLine();
        ImGui::TextDisabled("(%zu %s)", ctx.workspace.Messages().size(), Tr(TextId::status_load_messages));
        if (ImGui::IsItemHovered()) {
            ImGui::BeginTooltip();
            const std::size_t shown = std::min<std::size_t>(ctx.workspace.Messages().size(), 20);
            for (std::size_t i = 0; i < shown; ++i)
                ImGui::TextUnformatted(ctx.workspace.Messages()[i].c_str());
            if (shown < ctx.workspace.Messages().size())
                ImGui::TextDisabled("... +%zu", ctx.workspace.Messages().size() - shown);
            ImGui::EndTooltip();
        }
    }
    ImGui::SameLine();
    ImGui::TextDisabled("|");
    ImGui::SameLine();
    ImGui::Text("%s: %s", Tr(TextId::status_graphics), ctx.gl.Summary().c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("|");
    ImGui::SameLine();
    const core::agg::EngineInfo engine = ctx.engine.Info();
    char engine_text[160];
    if (engine.gpu)
        std::snprintf(engine_text, sizeof engine_text, "GPU (%s)", engine.device.c_str());
    else
        std::snprintf(engine_text, sizeof engine_text, Tr(TextId::status_engine_cpu), engine.threads);
    ImGui::Text("%s: %s", Tr(TextId::status_engine), engine_text);
    if (ImGui::IsItemHovered() && !ctx.engine_reason.empty())
        ImGui::SetTooltip("%s", ctx.engine_reason.c_str());
    ImGui::PopClipRect();

    ImGui::SameLine(right_x);
    ImGui::TextUnformatted(right);
}

} // namespace vak::ui
