// Below the map: the year slider, range brush and play button.
#pragma once

#include "ui/panels/panel.hpp"

namespace vak::ui {

class TimePanel final : public Panel {
public:
    LayoutSlot Slot() const override { return LayoutSlot::Time; }

protected:
    TextId Title() const override { return TextId::panel_time_title; }
    const char* StableId() const override { return "###time"; }
    void DrawContent(PanelContext& ctx) override;

private:
    bool m_playing = false;
    double m_last_step = 0; // ImGui time of the last step while playing
};

} // namespace vak::ui
