// Presentation mode (F5, View > Presentation): for a facilitator in front of a projector. Full
// screen (the window's part, ui/dashboard_window.*), no filters panel and no time slider, the
// map large with one chart column (ComputePresentationLayout), the interface at 200 % or more,
// the high-contrast theme, a translucent circle at the pointer so the room can follow it, and a
// footer that says what the map shows: the bookmark, the active filters, source and period.
#pragma once

#include "core/command_line.hpp"
#include "core/view_state.hpp"
#include "ui/layout.hpp"
#include "ui/panels/panel.hpp"
#include "ui/ui_settings.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <utility>

namespace vak::ui {

class CompareView;
class StoryPlayer;

inline constexpr int kPresentationScalePercent = 200; // on a 1080-line display

// The interface scale for a projector of `display_height` pixels: kPresentationScalePercent at
// 1080 lines, in proportion elsewhere (125 % at 720, 300 % at 2160), the nearest step of
// kUiScaleSteps. A fixed 200 % would leave a 720p projector a stamp-sized map.
int PresentationScaleFor(float display_height);

class Presentation {
public:
    bool Active() const { return m_active; }
    // Switches on (raising the scale to at least kPresentationScalePercent) or off (the scale
    // from before). The theme follows in the next BeginFrame, and the scale follows the
    // display's height (PresentationScaleFor) until the presenter sets one (Ctrl +/-).
    void SetActive(bool on, UiSettings& settings);
    void Toggle(UiSettings& settings) { SetActive(!m_active, settings); }

    // Before any window of the frame: the presentation theme while on, the normal one once
    // after switching off.
    void BeginFrame(UiSettings& settings);
    // The footer in the status slot: bookmark title and note, filters, source, period.
    void DrawFooter(const Rect& rect, PanelContext& ctx, const StoryPlayer& story) const;
    // The pointer highlight, over everything (foreground draw list).
    void DrawPointer(const UiSettings& settings) const;
    // The map's side-by-side compare (null: none): while it shows two maps, the footer names
    // both sides ("2015 | 2030") instead of the map's one period.
    void FollowCompare(const CompareView* compare) { m_compare = compare; }

private:
    const CompareView* m_compare = nullptr;
    bool m_active = false;
    bool m_restore_theme = false;
    int m_scale_before = 100;
    int m_scale_set = 0;          // the scale this mode last set; another one: the presenter's
    bool m_scale_follows = false; // the scale follows the display until the presenter changes it
};

// `vakatlas render --presentation`: the dashboard (the default start on `data` or `view`) in
// presentation mode as a PNG at `size`; with `compare` (--compare FROM,TO), the map's
// side-by-side compare on those periods (a period the map's table lacks: core::UsageError).
// Returns what was written, for the user.
std::string RenderPresentationPng(const core::CommonOptions& options, const core::ViewData& data,
                                  const core::RegionFileOptions& level_options, const core::ViewState* view,
                                  const std::string& view_name, core::ImageSize size,
                                  const std::filesystem::path& path,
                                  const std::optional<std::pair<core::Period, core::Period>>& compare = std::nullopt);

} // namespace vak::ui
