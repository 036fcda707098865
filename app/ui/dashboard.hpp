// The dashboard: main menu bar plus the panels in the fixed layout. Owns no GL objects; the
// map canvas it draws with belongs to the UiSession.
#pragma once

#include "ui/panels/panel.hpp"

#include <memory>
#include <vector>

namespace vak::ui {

class Dashboard {
public:
    Dashboard();
    ~Dashboard();

    // Emits one frame's UI. May change `settings` (language, scale) from the menu; the session
    // applies a changed scale before the next frame.
    void Draw(PanelContext& ctx, UiSettings& settings);

    bool QuitRequested() const { return m_quit_requested; }

private:
    void DrawMainMenu(UiSettings& settings);
    void DrawAboutPopup();

    std::vector<std::unique_ptr<Panel>> m_panels;
    bool m_quit_requested = false;
    bool m_open_about = false;
};

} // namespace vak::ui
