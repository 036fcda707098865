#include "ui/panels/map_panel.hpp"

#include "gpu/map_canvas.hpp"
#include "ui/theme.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdint>

namespace vak::ui {

void MapPanel::DrawContent(PanelContext& ctx)
{
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    if (avail.x < 1.0f || avail.y < 1.0f)
        return;
    // Render at framebuffer resolution so the map stays sharp on high-DPI screens.
    const ImVec2 fb_scale = ImGui::GetIO().DisplayFramebufferScale;
    const int px_w = std::max(1, static_cast<int>(avail.x * fb_scale.x));
    const int px_h = std::max(1, static_cast<int>(avail.y * fb_scale.y));
    const unsigned texture = ctx.map_canvas.Render(px_w, px_h, MapCanvasStyleFor(ctx.settings.Scale() * fb_scale.x));
    // GL textures start at the bottom row: flip v.
    ImGui::Image(reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(texture)), avail, ImVec2(0, 1),
                 ImVec2(1, 0));

    // Centred note on a card: what the map will show. Drawn straight onto the draw list so
    // its height follows the wrapped text exactly.
    const float s = ctx.settings.Scale();
    const float card_w = std::min(avail.x - 40.0f * s, 560.0f * s);
    if (card_w < 120.0f * s)
        return;
    const ImVec2 pad = ImGui::GetStyle().WindowPadding;
    const float wrap_w = card_w - 2.0f * pad.x;
    ImFont* heading = ctx.fonts.heading;
    ImFont* body = ctx.fonts.body;
    const char* title = Tr(TextId::map_no_regions);
    const char* text = Tr(TextId::map_coming);
    const ImVec2 title_size = heading->CalcTextSizeA(heading->FontSize, wrap_w, wrap_w, title);
    const ImVec2 text_size = body->CalcTextSizeA(body->FontSize, wrap_w, wrap_w, text);
    const float gap = ImGui::GetStyle().ItemSpacing.y;
    const float card_h = 2.0f * pad.y + title_size.y + gap + text_size.y;
    const ImVec2 p0(origin.x + (avail.x - card_w) * 0.5f, origin.y + (avail.y - card_h) * 0.5f);
    const ImVec2 p1(p0.x + card_w, p0.y + card_h);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(p0, p1, IM_COL32(255, 255, 255, 235), 4.0f * s);
    draw->AddRect(p0, p1, ImGui::GetColorU32(ImGuiCol_Border), 4.0f * s);
    const ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
    draw->AddText(heading, heading->FontSize, ImVec2(p0.x + pad.x, p0.y + pad.y), ink, title, nullptr, wrap_w);
    draw->AddText(body, body->FontSize, ImVec2(p0.x + pad.x, p0.y + pad.y + title_size.y + gap), ink, text, nullptr,
                  wrap_w);
}

} // namespace vak::ui
