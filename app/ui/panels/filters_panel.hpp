// Left column: theme, region level and the filters on the loaded data.
#pragma once

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
    int m_theme = 0; // krimp, programmes, vacancies
};

} // namespace vak::ui
