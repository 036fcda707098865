// Centre: the map. The GPU map canvas renders the active region layer into its own
// framebuffer at the panel's pixel size; this panel shows that texture and handles what the
// user does with it: drag to pan, wheel to zoom at the cursor, hover for a tooltip, click and
// shift-click to select. Labels, the scale bar and the north arrow are drawn on top.
#pragma once

#include "core/geo/map_camera.hpp"
#include "core/style/choropleth.hpp"
#include "core/view_state.hpp"
#include "io/region_hit_test.hpp"
#include "ui/compare_view.hpp"
#include "ui/panels/panel.hpp"

#include <imgui.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace vak::ui {

class MapPanel final : public Panel {
public:
    LayoutSlot Slot() const override { return LayoutSlot::Map; }

    // The camera as a view file keeps it: empty while the map is fitted to its layer.
    std::optional<core::ViewCamera> ViewCameraState() const;
    // From the next frame on: shows `camera` (the same area at this map's size), or fits the
    // layer when empty.
    void RequestViewCamera(const std::optional<core::ViewCamera>& camera) { m_requested_camera = camera; }
    // From the next frame on: glides from the camera shown to `camera` (fitted when empty) over
    // `seconds`, the zoom changing geometrically (a bookmark of a story, ui/story_player.*).
    void RequestCameraTransition(const std::optional<core::ViewCamera>& camera, double seconds)
    {
        m_requested_camera.reset();
        m_requested_transition = {camera, seconds};
    }
    // From the next frame on: shows the regions of the shown level with these codes, with their
    // surroundings (an alert's click-to-zoom). Codes not on the map are ignored.
    void RequestFitTo(std::vector<std::string> codes) { m_requested_fit = std::move(codes); }
    // True while a camera transition runs: the window keeps drawing instead of waiting for input.
    bool Animating() const { return m_transition.has_value() || m_requested_transition.has_value(); }
    // The camera as last drawn (its viewport is the map's size in pixels).
    const core::MapCamera& Camera() const { return m_camera; }
    // The classes and colours the map was last drawn with (a change or theme map has its own),
    // for exports that must colour the map as the screen does.
    const core::ChoroplethStyle& ShownStyle() const { return m_style; }
    // Side-by-side compare ("Vergelijk" in the toolbar): two maps on one camera, one legend.
    CompareView& Compare() { return m_compare; }
    const CompareView& Compare() const { return m_compare; }

protected:
    TextId Title() const override { return TextId::panel_map_title; }
    const char* StableId() const override { return "###map"; }
    bool HasPadding() const override { return false; }
    void DrawContent(PanelContext& ctx) override;

private:
    // `id`: the canvas button of one map (compare shows two, both on m_camera).
    void HandleInput(PanelContext& ctx, const core::RegionLayer& layer, float origin_x, float origin_y, const char* id);
    void UpdateStates(PanelContext& ctx, const core::RegionLayer& layer);
    void UpdateColors(PanelContext& ctx, const core::RegionLayer& layer);
    void UpdateCompareColors(PanelContext& ctx, const core::RegionLayer& layer);
    // The right-hand map of a compare, into its own canvas; 0 when it cannot be drawn.
    unsigned RenderCompareSide(PanelContext& ctx, const core::RegionLayer& layer, int px_w, int px_h, float scale);
    void DrawCompareTitles(PanelContext& ctx, ImVec2 left, ImVec2 right, float side_w, float height);
    void DrawLegend(PanelContext& ctx, const core::RegionLayer& layer, ImVec2 min, ImVec2 max);
    void DrawLabels(PanelContext& ctx, const core::RegionLayer& layer, float origin_x, float origin_y);
    // `before`: as before the scenario (closed locations drawn as open), the compare's left side.
    void DrawSymbols(PanelContext& ctx, ImVec2 origin, bool before = false);
    void DrawScaleBar(PanelContext& ctx, const core::RegionLayer& layer, float origin_x, float origin_y);
    void DrawToolbar(PanelContext& ctx, const core::RegionLayer& layer, float origin_x, float origin_y, float width);
    void DrawTooltip(PanelContext& ctx, const core::RegionLayer& layer);
    void DrawEmptyNote(PanelContext& ctx, float origin_x, float origin_y, float width, float height);
    const io::RegionHitTester& HitTester(const core::RegionLayer& layer);
    float ToolbarHeight(PanelContext& ctx) const; // the strip at the top the map keeps clear

    core::MapCamera m_camera;
    bool m_need_fit = true;
    std::uint64_t m_shown_uid = 0; // the layer drawn last frame (0: none)
    bool m_shown_tile_map = false;
    int m_hovered = -1;
    std::uint64_t m_hovered_uid = 0; // layer of m_hovered (uid: layers can be replaced)
    std::unordered_map<std::uint64_t, std::unique_ptr<io::RegionHitTester>> m_hit_testers; // by layer uid
    std::vector<std::uint32_t> m_states;
    std::uint64_t m_states_key = ~0ull;
    // The choropleth of the dashboard model's map view on the shown layer.
    core::ChoroplethStyle m_style; // the style m_choropleth was made with
    core::Choropleth m_choropleth;
    std::vector<core::RegionValue> m_values;
    bool m_level_covered = true;
    std::uint64_t m_colors_key = ~0ull;
    // Ctrl+drag selection, in map pixels: a box, or with the lasso tool a freehand ring.
    bool m_box_active = false;
    bool m_lasso_tool = false;
    std::vector<core::Vec2d> m_lasso; // the ring drawn so far
    float m_legend_width = 0.0f;        // from the map's right edge to the legend's left, as last drawn
    float m_fitted_legend_width = 0.0f; // what the last fit kept clear
    float m_legend_height = 0.0f;        // the legend's height as last drawn
    float m_fitted_legend_height = 0.0f; // what the last compare fit kept clear below the maps
    bool m_user_moved = false;          // panned or zoomed since the last fit
    core::Vec2d m_box_from, m_box_to;
    ImVec2 m_box_origin;      // screen origin of the map the box or lasso is drawn on
    CompareView m_compare;
    bool m_compare_shown = false; // drawn as a compare last frame
    std::uint64_t m_compare_colors = ~0ull; // compare version whose colours the canvases hold
    std::optional<std::optional<core::ViewCamera>> m_requested_camera; // from a view, until drawn
    std::optional<std::vector<std::string>> m_requested_fit;           // RequestFitTo, until drawn
    std::optional<std::pair<std::optional<core::ViewCamera>, double>> m_requested_transition; // until drawn
    struct CameraTransition {
        core::ViewCamera from, to;
        double seconds = 0, elapsed = 0;
        bool to_fitted = false; // ends on the fitted view: the camera is not saved as moved
    };
    std::optional<CameraTransition> m_transition;
};

} // namespace vak::ui
