// Centre: the map. The GPU map canvas renders into its own framebuffer at the panel's pixel
// size; this panel shows that texture and the overlays (note, later legend and tooltips).
#pragma once

#include "ui/panels/panel.hpp"

namespace vak::ui {

class MapPanel final : public Panel {
public:
    LayoutSlot Slot() const override { return LayoutSlot::Map; }

protected:
    TextId Title() const override { return TextId::panel_map_title; }
    const char* StableId() const override { return "###map"; }
    bool HasPadding() const override { return false; }
    void DrawContent(PanelContext& ctx) override;
};

} // namespace vak::ui
