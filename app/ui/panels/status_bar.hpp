// Bottom line: data loaded, graphics renderer, frame time, UI scale and language.
#pragma once

#include "ui/panels/panel.hpp"

namespace vak::ui {

class StatusBar final : public Panel {
public:
    LayoutSlot Slot() const override { return LayoutSlot::Status; }

protected:
    TextId Title() const override { return TextId::status_no_data; } // no title bar shown
    const char* StableId() const override { return "###status"; }
    bool HasTitleBar() const override { return false; }
    void DrawContent(PanelContext& ctx) override;
};

} // namespace vak::ui
