#include "ui/panels/charts_panel.hpp"

#include "ui/widgets.hpp"

#include <imgui.h>

namespace vak::ui {

void ChartsPanel::DrawContent(PanelContext& ctx)
{
    struct Card {
        const char* id;
        TextId title;
        TextId text;
    };
    static constexpr Card kCards[] = {
        {"timeseries", TextId::chart_timeseries_title, TextId::chart_timeseries_coming},
        {"bars", TextId::chart_bars_title, TextId::chart_bars_coming},
        {"scatter", TextId::chart_scatter_title, TextId::chart_scatter_coming},
    };
    // Three equal cards fill the column.
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    const float card_h = (ImGui::GetContentRegionAvail().y - spacing * 2.0f) / 3.0f;
    for (const Card& card : kCards)
        DrawComingCard(card.id, ctx.fonts.heading, Tr(card.title), Tr(card.text), card_h);
}

} // namespace vak::ui
