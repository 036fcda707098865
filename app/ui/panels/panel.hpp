// Base of every dashboard panel (one panel per file in this folder, listed in ui/panels.cpp).
// Draw() is not virtual: it places the window in its layout slot, gives it a translated title
// with a stable id, and calls the subclass's DrawContent().
#pragma once

#include "ui/fonts.hpp"
#include "ui/layout.hpp"
#include "ui/texts/texts.hpp"
#include "ui/ui_settings.hpp"

#include <string>

namespace vak::core {
class Workspace;
class DashboardModel;
} // namespace vak::core

namespace vak::core::agg {
class Engine;
} // namespace vak::core::agg

namespace vak::gpu {
struct GlInfo;
class MapCanvas;
class ShaderLibrary;
} // namespace vak::gpu

namespace vak::ui {

class ThemeController;
class DensityOverlay;

struct FrameStats {
    float frame_ms = 0.0f; // average over ImGui's last frames
};

// What panels may read (and the map canvas they may draw with) during one frame.
struct PanelContext {
    const UiFonts& fonts;
    const UiSettings& settings;
    const gpu::GlInfo& gl;
    gpu::MapCanvas& map_canvas;
    core::Workspace& workspace;
    FrameStats stats;
    core::agg::Engine& engine;        // the aggregation backend (--engine)
    const std::string& engine_reason; // why that one
    core::DashboardModel& model;      // what the map and charts show
    ThemeController& themes;          // the theme presets and their indicators
    DensityOverlay* density = nullptr; // the vacancy heat map over the map (ui/density_overlay)
    bool presenting = false;          // presentation mode: fewer, larger charts
    const gpu::ShaderLibrary* shaders = nullptr; // the session's (--shaders), for extra canvases
};

// The model's period `index` as the reader sees it: "2023", or a quarter as "2023 KW2" (nl) /
// "2023 Q2" (en) rather than the file's "2023KW2". Empty for an index out of range.
std::string PeriodText(const core::DashboardModel& model, int index, Language language);

class Panel {
public:
    virtual ~Panel() = default;

    void Draw(const Rect& rect, PanelContext& ctx);
    virtual LayoutSlot Slot() const = 0;

protected:
    virtual TextId Title() const = 0;
    virtual const char* StableId() const = 0; // "###filters": keeps state across languages
    virtual bool HasTitleBar() const { return true; }
    virtual bool HasPadding() const { return true; }
    virtual void DrawContent(PanelContext& ctx) = 0;
};

} // namespace vak::ui
