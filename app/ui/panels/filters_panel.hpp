// Left column: region level, the loaded tables with their import reports, theme, and the
// filters on the loaded data.
#pragma once

#include "core/workspace.hpp"
#include "ui/custom_regions.hpp"
#include "ui/panels/panel.hpp"

namespace vak::ui {

class FiltersPanel final : public Panel {
public:
    LayoutSlot Slot() const override { return LayoutSlot::Filters; }

protected:
    TextId Title() const override { return TextId::panel_filters_title; }
    const char* StableId() const override { return "###filters"; }
    void DrawContent(PanelContext& ctx) override;

private:
    void DrawMapChoices(PanelContext& ctx);
    void DrawActiveFilters(PanelContext& ctx);
    void DrawManualBreaks(PanelContext& ctx);
    static void DrawTable(const core::Workspace::LoadedTable& table, std::size_t index);

    CustomRegionsSection m_custom_regions;
    char m_breaks_text[256] = {}; // manual class edges as typed
    std::string m_breaks_problem; // why the typed edges are not used (empty: they are)
};

} // namespace vak::ui
