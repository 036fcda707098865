#include "ui/panels/map_panel.hpp"

#include "core/geo/label_placement.hpp"
#include "core/story.hpp"
#include "core/workspace.hpp"
#include "gpu/map_canvas.hpp"
#include "io/tile_map.hpp"
#include "core/dashboard/dashboard_model.hpp"
#include "core/text/number_format.hpp"
#include "ui/density_overlay.hpp"
#include "ui/level_names.hpp"
#include "ui/map_legend.hpp"
#include "ui/symbol_legend.hpp"
#include "ui/theme.hpp"

#include <imgui.h>
#include <imgui_internal.h> // ImGuiButtonFlags_AllowItemOverlap: a canvas other widgets lie on

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <set>
#include <string>

namespace vak::ui {

// [SECTION] frame

void MapPanel::DrawContent(PanelContext& ctx)
{
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    if (avail.x < 1.0f || avail.y < 1.0f)
        return;
    // A tile map is built the first time it is asked for (a second or less, once per layer).
    // (On the UI thread: the 11,691-neighbourhood layer takes about a second in Release.)
    const core::RegionLayer* active = ctx.workspace.ActiveLayer();
    if (active && ctx.workspace.ShowTileMap() && !active->is_tile_map &&
        !ctx.workspace.TileMapOf(ctx.workspace.ActiveLayerIndex())) {
        try {
            ctx.workspace.SetTileMapOf(ctx.workspace.ActiveLayerIndex(), io::BuildTileMapLayer(*active));
        } catch (const std::exception& e) {
            // Stay on the boundaries and say why, rather than leave the dashboard.
            ctx.workspace.SetShowTileMap(false);
            ctx.workspace.Messages().push_back("tile map of " + active->name + " not made: " + e.what());
        }
    }
    const core::RegionLayer* layer = ctx.workspace.DisplayedLayer();
    // Layers are compared by uid, never through a pointer kept from an earlier frame: a custom
    // level made again replaces its layer object.
    if (layer && m_shown_uid != 0 && layer->uid != m_shown_uid && layer->is_tile_map != m_shown_tile_map)
        m_need_fit = true; // hexagons and boundaries have different extents
    m_shown_uid = layer ? layer->uid : 0;
    m_shown_tile_map = layer && layer->is_tile_map;
    // Compare: two maps of equal width on one camera, a thin gap between them.
    const bool compare = layer && m_compare.Active();
    const float gap = compare ? std::max(2.0f, std::round(4.0f * ctx.settings.Scale())) : 0.0f;
    const float map_w = compare ? std::floor((avail.x - gap) * 0.5f) : avail.x;
    const ImVec2 right_origin(origin.x + map_w + gap, origin.y);
    if (compare != m_compare_shown) {
        if (!m_user_moved)
            m_need_fit = true; // the same area fitted into the narrower (or wider) map
        m_colors_key = ~0ull;
        m_compare_colors = ~0ull;
        m_compare_shown = compare;
    }
    m_camera.SetViewport(map_w, avail.y);
    if (m_requested_camera && !*m_requested_camera) { // a view without a camera: fitted
        m_need_fit = true;
        m_requested_camera.reset();
    }
    if (layer && m_need_fit) {
        // Keep the legend's strip clear (its width as last drawn) where the map can spare it.
        const double legend_px = ctx.model.HasData() && m_legend_width < 0.5f * map_w ? m_legend_width : 0.0;
        if (compare && ctx.model.HasData() && m_legend_height > 0.0f && m_legend_height < 0.5f * avail.y) {
            // Two narrow maps seldom leave a strip beside them for the legend: both are fitted
            // above it (one camera), under the toolbar and the maps' titles, or beside it where
            // that leaves them larger. Nothing of either map hides under the legend.
            const double titles = ctx.fonts.heading->FontSize * 1.15 + 8.0 * ctx.settings.Scale();
            const double margin = 24.0 * ctx.settings.Scale();
            m_camera.SetViewport(map_w, avail.y - m_legend_height);
            m_camera.Fit(layer->bounds, margin, ToolbarHeight(ctx) + titles, 0.0);
            m_camera.SetViewport(map_w, avail.y);
            m_camera.PanPixels(0.0, -0.5 * m_legend_height);
            if (m_legend_width < 0.75f * map_w) {
                core::MapCamera beside = m_camera;
                beside.Fit(layer->bounds, margin, ToolbarHeight(ctx) + titles, m_legend_width);
                if (beside.UnitsPerPixel() < m_camera.UnitsPerPixel())
                    m_camera = beside;
            }
        } else {
            m_camera.Fit(layer->bounds, 24.0 * ctx.settings.Scale(), ToolbarHeight(ctx), legend_px);
        }
        m_fitted_legend_width = m_legend_width;
        m_fitted_legend_height = compare ? m_legend_height : 0.0f;
        m_need_fit = false;
        m_user_moved = false;
    }
    if (layer && m_requested_camera) {
        // The saved area, whole, at this map's size.
        const core::ViewCamera& c = **m_requested_camera;
        const double scale = std::max(c.viewport_width / map_w, c.viewport_height / avail.y);
        m_camera.Set(c.centre, c.units_per_pixel * scale);
        m_requested_camera.reset();
        m_need_fit = false;
        m_user_moved = true;
    }
    if (layer && m_requested_fit) {
        // The regions with as much again around them on every side, so that the place is
        // recognised; the zoom limits stay those of the whole layer.
        core::Box2d box;
        for (const std::string& code : *m_requested_fit)
            if (const int f = layer->FindByCode(code); f >= 0)
                box.Expand(layer->features[static_cast<std::size_t>(f)].bounds);
        if (!box.Empty()) {
            const double margin = 24.0 * ctx.settings.Scale();
            const double legend_px = m_legend_width < 0.5f * map_w ? m_legend_width : 0.0;
            m_camera.Fit(layer->bounds, margin, ToolbarHeight(ctx), legend_px);
            core::MapCamera focus = m_camera;
            const double w = box.Width(), h = box.Height();
            focus.Fit({box.min_x - w, box.min_y - h, box.max_x + w, box.max_y + h}, margin, ToolbarHeight(ctx), legend_px);
            m_camera.Set(focus.Centre(), focus.UnitsPerPixel());
            m_need_fit = false;
            m_user_moved = true;
        }
        m_requested_fit.reset();
    }
    bool started_now = false;
    if (layer && m_requested_transition) {
        started_now = true;
        const auto& [target, seconds] = *m_requested_transition;
        core::MapCamera to = m_camera;
        if (target) {
            const double scale = std::max(target->viewport_width / map_w, target->viewport_height / avail.y);
            to.Set(target->centre, target->units_per_pixel * scale);
        } else {
            const double legend_px = ctx.model.HasData() && m_legend_width < 0.5f * map_w ? m_legend_width : 0.0;
            to.Fit(layer->bounds, 24.0 * ctx.settings.Scale(), ToolbarHeight(ctx), legend_px);
        }
        const auto view_of = [](const core::MapCamera& c) {
            return core::ViewCamera{c.Centre(), c.UnitsPerPixel(), c.ViewportWidth(), c.ViewportHeight()};
        };
        m_transition = CameraTransition{view_of(m_camera), view_of(to), seconds, 0.0, !target};
        m_requested_transition.reset();
        m_need_fit = false;
    }
    if (m_transition) {
        // Not the frame time before the request (an idle window waited for the key) and at most
        // 1/20 s a frame, so a slow frame does not skip the glide.
        if (!started_now)
            m_transition->elapsed += std::min(ImGui::GetIO().DeltaTime, 0.05f);
        const double t = m_transition->seconds > 0 ? m_transition->elapsed / m_transition->seconds : 1.0;
        const core::ViewCamera c = core::InterpolateCamera(m_transition->from, m_transition->to, core::EaseInOut(t));
        m_camera.Set(c.centre, c.units_per_pixel);
        m_user_moved = !m_transition->to_fitted;
        if (t >= 1.0)
            m_transition.reset();
    }

    // Input first, so this frame already shows the new view. Either map of a compare pans and
    // zooms the one camera both are drawn with.
    m_hovered = -1;
    if (layer) {
        HandleInput(ctx, *layer, origin.x, origin.y, "map_canvas");
        if (compare) {
            ImGui::SetCursorScreenPos(right_origin);
            HandleInput(ctx, *layer, right_origin.x, right_origin.y, "map_canvas_right");
        }
    } else {
        ImGui::InvisibleButton("map_canvas", avail);
    }

    gpu::MapScene scene;
    if (layer) {
        if (compare)
            UpdateCompareColors(ctx, *layer);
        else
            UpdateColors(ctx, *layer);
        UpdateStates(ctx, *layer);
        scene.layer = layer;
        scene.camera = &m_camera;
    }
    // Render at framebuffer resolution so the map stays sharp on high-DPI screens.
    const ImVec2 fb_scale = ImGui::GetIO().DisplayFramebufferScale;
    const int px_w = std::max(1, static_cast<int>(map_w * fb_scale.x));
    const int px_h = std::max(1, static_cast<int>(avail.y * fb_scale.y));
    const unsigned texture =
        ctx.map_canvas.Render(px_w, px_h, MapCanvasStyleFor(ctx.settings.Scale() * fb_scale.x, layer == nullptr), scene);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    // GL textures start at the bottom row: flip v.
    draw->AddImage(reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(texture)), origin,
                   ImVec2(origin.x + map_w, origin.y + avail.y), ImVec2(0, 1), ImVec2(1, 0));
    if (compare) {
        if (const unsigned right = RenderCompareSide(ctx, *layer, px_w, px_h, ctx.settings.Scale() * fb_scale.x))
            draw->AddImage(reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(right)), right_origin,
                           ImVec2(right_origin.x + map_w, right_origin.y + avail.y), ImVec2(0, 1), ImVec2(1, 0));
        draw->AddRectFilled(ImVec2(origin.x + map_w, origin.y), ImVec2(right_origin.x, origin.y + avail.y),
                            IM_COL32(60, 66, 76, 255));
    }

    if (!layer) {
        DrawEmptyNote(ctx, origin.x, origin.y, avail.x, avail.y);
        return;
    }
    const bool scenario_compare = compare && m_compare.Ready() && m_compare.Mode() == CompareMode::Scenario;
    draw->PushClipRect(origin, ImVec2(origin.x + map_w, origin.y + avail.y), true);
    if (ctx.density) // the vacancy heat map: over the regions, under symbols and labels
        ctx.density->Draw(draw, m_camera, origin, ImVec2(map_w, avail.y));
    DrawSymbols(ctx, origin, scenario_compare);
    DrawLabels(ctx, *layer, origin.x, origin.y);
    DrawScaleBar(ctx, *layer, origin.x, origin.y);
    draw->PopClipRect();
    if (compare) {
        draw->PushClipRect(right_origin, ImVec2(right_origin.x + map_w, right_origin.y + avail.y), true);
        if (ctx.density)
            ctx.density->Draw(draw, m_camera, right_origin, ImVec2(map_w, avail.y));
        if (m_compare.Ready())
            DrawSymbols(ctx, right_origin);
        DrawLabels(ctx, *layer, right_origin.x, right_origin.y);
        draw->PopClipRect();
        DrawCompareTitles(ctx, origin, right_origin, map_w, avail.y);
    }
    draw->PushClipRect(origin, ImVec2(origin.x + avail.x, origin.y + avail.y), true);
    DrawLegend(ctx, *layer, origin, ImVec2(origin.x + avail.x, origin.y + avail.y));
    if (ctx.model.Derived()) DrawSymbolLegend(draw, origin, ImVec2(origin.x + map_w, origin.y + avail.y - (compare ? m_legend_height : 0.0f)), ctx.settings.Scale(), ctx.settings.language == Language::Dutch, *ctx.model.Derived(), Tr(TextId::symbol_legend_title));
    // The legend's width is known once drawn: fit again for it, unless the user has moved the map.
    if (!m_user_moved && std::abs(m_legend_width - m_fitted_legend_width) > 2.0f)
        m_need_fit = true;
    if (!m_user_moved && compare && std::abs(m_legend_height - m_fitted_legend_height) > 2.0f)
        m_need_fit = true;
    if (m_box_active && m_lasso_tool && m_lasso.size() >= 2) {
        std::vector<ImVec2> ring;
        for (const core::Vec2d& p : m_lasso)
            ring.emplace_back(m_box_origin.x + float(p.x), m_box_origin.y + float(p.y));
        // Outline only: ImGui fills convex shapes, and a lasso seldom is one.
        draw->AddPolyline(ring.data(), static_cast<int>(ring.size()), IM_COL32(41, 107, 199, 220), ImDrawFlags_Closed,
                          1.5f * ctx.settings.Scale());
    } else if (m_box_active) {
        const ImVec2 a(m_box_origin.x + float(m_box_from.x), m_box_origin.y + float(m_box_from.y));
        const ImVec2 b(m_box_origin.x + float(m_box_to.x), m_box_origin.y + float(m_box_to.y));
        const ImVec2 lo(std::min(a.x, b.x), std::min(a.y, b.y)), hi(std::max(a.x, b.x), std::max(a.y, b.y));
        draw->AddRectFilled(lo, hi, IM_COL32(41, 107, 199, 40));
        draw->AddRect(lo, hi, IM_COL32(41, 107, 199, 220), 0.0f, 0, 1.5f * ctx.settings.Scale());
    }
    draw->PopClipRect();
    DrawToolbar(ctx, *layer, origin.x, origin.y, avail.x);
    DrawTooltip(ctx, *layer);
}

std::optional<core::ViewCamera> MapPanel::ViewCameraState() const
{
    if (m_requested_camera)
        return *m_requested_camera;
    if (m_transition) // where it is going
        return m_transition->to_fitted ? std::nullopt : std::optional<core::ViewCamera>(m_transition->to);
    if (!m_user_moved)
        return std::nullopt;
    return core::ViewCamera{m_camera.Centre(), m_camera.UnitsPerPixel(), m_camera.ViewportWidth(),
                            m_camera.ViewportHeight()};
}

// [SECTION] input

float MapPanel::ToolbarHeight(PanelContext& ctx) const
{
    const float s = ctx.settings.Scale();
    return 8 * s + ImGui::GetFrameHeight() + (ctx.workspace.IsDemo() ? ImGui::GetTextLineHeightWithSpacing() : 0.0f);
}

const io::RegionHitTester& MapPanel::HitTester(const core::RegionLayer& layer)
{
    auto& slot = m_hit_testers[layer.uid];
    if (!slot)
        slot = std::make_unique<io::RegionHitTester>(layer);
    return *slot;
}

void MapPanel::HandleInput(PanelContext& ctx, const core::RegionLayer& layer, float origin_x, float origin_y,
                           const char* id)
{
    const ImGuiIO& io = ImGui::GetIO();
    // The toolbar, legend and compare choice are drawn over the canvas later in the frame: the
    // canvas lets them overlap it (and gives up the hover to them), or none of their buttons
    // could be clicked.
    ImGui::InvisibleButton(id,
                           ImVec2(static_cast<float>(m_camera.ViewportWidth()), static_cast<float>(m_camera.ViewportHeight())),
                           ImGuiButtonFlags_AllowItemOverlap);
    ImGui::SetItemAllowOverlap();
    const bool hovered = ImGui::IsItemHovered();
    const core::Vec2d mouse{io.MousePos.x - origin_x, io.MousePos.y - origin_y};

    // Drag pans (the world follows the mouse); Ctrl+drag draws a box, or with the lasso tool a
    // freehand ring, that selects the regions whose label point lies inside (Ctrl+Shift adds
    // them); the wheel zooms about the cursor.
    const bool dragging = ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2.0f);
    if (dragging && (io.KeyCtrl || m_box_active)) {
        if (!m_box_active)
            m_lasso.clear();
        m_box_active = true;
        m_box_origin = ImVec2(origin_x, origin_y);
        m_box_from = {io.MouseClickedPos[ImGuiMouseButton_Left].x - origin_x,
                      io.MouseClickedPos[ImGuiMouseButton_Left].y - origin_y};
        m_box_to = mouse;
        if (m_lasso.empty())
            m_lasso.push_back(m_box_from);
        // A point every few pixels keeps the ring smooth without thousands of vertices.
        const core::Vec2d last = m_lasso.back();
        if (std::hypot(mouse.x - last.x, mouse.y - last.y) >= 3.0 * ctx.settings.Scale())
            m_lasso.push_back(mouse);
    } else if (dragging) {
        m_camera.PanPixels(io.MouseDelta.x, io.MouseDelta.y);
        m_user_moved = true;
    }
    if (m_box_active && ImGui::IsItemDeactivated()) {
        m_box_active = false;
        std::vector<core::Vec2d> ring;
        if (m_lasso_tool) {
            for (const core::Vec2d& p : m_lasso)
                ring.push_back(m_camera.ScreenToWorld(p));
        } else {
            const core::Vec2d a = m_camera.ScreenToWorld(m_box_from), b = m_camera.ScreenToWorld(m_box_to);
            ring = {a, {b.x, a.y}, b, {a.x, b.y}};
        }
        m_lasso.clear();
        std::set<std::string> codes = io.KeyShift ? ctx.workspace.GetSelection().Codes() : std::set<std::string>();
        for (int i : HitTester(layer).FeaturesInside(ring))
            codes.insert(layer.features[static_cast<std::size_t>(i)].code);
        ctx.workspace.GetSelection().Assign(std::move(codes));
        return; // not a click
    }
    if (hovered && io.MouseWheel != 0.0f) {
        m_camera.ZoomAt(mouse, std::pow(1.25, static_cast<double>(io.MouseWheel)));
        m_user_moved = true;
    }

    m_hovered_uid = layer.uid;
    if (hovered) // (the other map of a compare may be the hovered one: -1 is set once a frame)
        m_hovered = HitTester(layer).FeatureAt(m_camera.ScreenToWorld(mouse));

    // A click (press and release without dragging) selects; shift-click adds or removes.
    if (ImGui::IsItemDeactivated() && io.MouseDragMaxDistanceSqr[ImGuiMouseButton_Left] < 4.0f * 4.0f) {
        core::Selection& selection = ctx.workspace.GetSelection();
        if (m_hovered < 0) {
            if (!io.KeyShift)
                selection.Clear();
        } else if (io.KeyShift) {
            selection.Toggle(layer.features[m_hovered].code);
        } else {
            selection.SelectOnly(layer.features[m_hovered].code);
        }
    }
    if (hovered && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
        ctx.workspace.GetSelection().Clear();
}

void MapPanel::UpdateStates(PanelContext& ctx, const core::RegionLayer& layer)
{
    const core::Selection& selection = ctx.workspace.GetSelection();
    // Re-upload only when the selection or the hovered region changed.
    const std::uint64_t key = (selection.Version() << 24) ^ static_cast<std::uint64_t>(m_hovered + 1) ^
                              (layer.uid << 1) ^ (m_colors_key * 0x9E3779B97F4A7C15ull) ^
                              (m_compare_shown ? (m_compare.Version() + 1) * 0xC2B2AE3D27D4EB4Full : 0);
    if (key == m_states_key)
        return;
    m_states.assign(layer.features.size(), 0u);
    for (std::size_t i = 0; i < layer.features.size(); ++i)
        if (selection.Contains(layer.features[i].code))
            m_states[i] |= gpu::kRegionSelected;
    if (m_choropleth.feature_unknown.size() == m_states.size())
        for (std::size_t i = 0; i < m_states.size(); ++i)
            if (m_choropleth.feature_unknown[i])
                m_states[i] |= gpu::kRegionHatched;
    if (m_hovered >= 0 && m_hovered < static_cast<int>(m_states.size()))
        m_states[m_hovered] |= gpu::kRegionHovered;
    ctx.map_canvas.Regions().Upload(layer);
    ctx.map_canvas.Regions().SetStates(layer, m_states, key);
    m_states_key = key;
}

void MapPanel::UpdateColors(PanelContext& ctx, const core::RegionLayer& layer)
{
    core::DashboardModel& model = ctx.model;
    if (!model.HasData())
        return;
    // A change map is diverging around zero (red: decline), whatever the style for values is.
    core::ChoroplethStyle style = model.MapStyle();
    const bool change = model.Derived() ? model.Derived()->percent : model.ShowsChange();
    if (const core::DashboardModel::DerivedMap* derived = model.Derived(); derived && !derived->class_edges.empty()) {
        style.method = core::ClassMethod::Manual;
        style.manual_edges = derived->class_edges;
        style.classes = static_cast<int>(derived->class_edges.size()) - 1;
        if (derived->palette)
            style.palette = *derived->palette;
    } else if (change) {
        style.method = core::ClassMethod::DivergingAroundZero;
        style.palette = core::kDefaultDivergingPalette;
        style.classes = style.classes % 2 == 0 ? style.classes : style.classes + 1; // zero is an edge
    }
    if (!(m_style == style)) {
        m_style = style;
        m_colors_key = ~0ull;
    }
    const std::uint64_t key = model.MapVersion() * 1000003u ^ (layer.uid << 20) ^
                              (static_cast<std::uint64_t>(m_style.method) << 8) ^
                              (static_cast<std::uint64_t>(m_style.classes) << 4) ^
                              static_cast<std::uint64_t>(m_style.palette) << 12;
    if (key == m_colors_key)
        return;
    m_values = model.MapValues(layer, &m_level_covered);
    m_choropleth = core::MakeChoropleth(m_values, m_style);
    ctx.map_canvas.Regions().Upload(layer);
    ctx.map_canvas.Regions().SetColors(layer, m_choropleth.feature_colors, key);
    m_colors_key = key;
}

void MapPanel::UpdateCompareColors(PanelContext& ctx, const core::RegionLayer& layer)
{
    m_compare.Update(ctx, layer);
    if (!m_compare.Ready()) {
        // Nothing to put beside it: the left map stays the normal one, the right says why.
        UpdateColors(ctx, layer);
        return;
    }
    m_colors_key = ~0ull; // the normal colours are made again once the compare ends
    if (m_compare_colors == m_compare.Version())
        return;
    m_values = m_compare.Sides().left.values;
    m_choropleth = m_compare.Colours().left;
    m_level_covered = true;
    ctx.map_canvas.Regions().Upload(layer);
    ctx.map_canvas.Regions().SetColors(layer, m_choropleth.feature_colors,
                                       (m_compare.Version() + 1) * 0xD6E8FEB86659FD93ull ^ layer.uid);
    m_compare_colors = m_compare.Version();
}

unsigned MapPanel::RenderCompareSide(PanelContext& ctx, const core::RegionLayer& layer, int px_w, int px_h,
                                     float scale)
{
    try {
        gpu::MapCanvas& canvas = m_compare.RightCanvas(ctx.shaders);
        gpu::MapScene scene;
        if (m_compare.Ready()) {
            const core::Choropleth& right = m_compare.Colours().right;
            canvas.Regions().Upload(layer);
            canvas.Regions().SetColors(layer, right.feature_colors, (m_compare.Version() + 1) ^ (layer.uid << 32));
            // Selection and hover as on the left; hatching for this side's unknown values.
            std::vector<std::uint32_t> states = m_states;
            if (states.size() == right.feature_unknown.size())
                for (std::size_t i = 0; i < states.size(); ++i)
                    states[i] = (states[i] & ~std::uint32_t(gpu::kRegionHatched)) |
                                (right.feature_unknown[i] ? std::uint32_t(gpu::kRegionHatched) : 0u);
            canvas.Regions().SetStates(layer, states, m_states_key ^ (m_compare.Version() * 0x9E3779B97F4A7C15ull));
            scene.layer = &layer;
            scene.camera = &m_camera;
        }
        return canvas.Render(px_w, px_h, MapCanvasStyleFor(scale, !m_compare.Ready()), scene);
    } catch (const std::exception& e) {
        // No second canvas (shaders not found): back to one map, and say why.
        m_compare.SetActive(false);
        ctx.workspace.Messages().push_back(std::string("compare: ") + e.what());
        return 0;
    }
}

void MapPanel::DrawCompareTitles(PanelContext& ctx, ImVec2 left, ImVec2 right, float side_w, float height)
{
    const float s = ctx.settings.Scale();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImFont* font = ctx.fonts.heading;
    const float size = font->FontSize * 1.15f;
    const float y = left.y + ToolbarHeight(ctx) + 4.0f * s;
    const ImU32 ink = IM_COL32(20, 24, 30, 255), halo = IM_COL32(255, 255, 255, 225);
    const auto title = [&](ImVec2 origin, const std::string& text) {
        const ImVec2 extent = font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.c_str());
        const ImVec2 at(origin.x + std::max(8.0f * s, (side_w - extent.x) * 0.5f), y);
        draw->AddRectFilled(ImVec2(at.x - 8 * s, at.y - 2 * s), ImVec2(at.x + extent.x + 8 * s, at.y + extent.y + 2 * s),
                            halo, 4.0f * s);
        draw->AddText(font, size, at, ink, text.c_str());
    };
    if (!m_compare.Ready()) {
        // Why there is no second map, in a card on the right half.
        const std::string& why = m_compare.Sides().problem;
        const float wrap = std::max(80.0f * s, side_w - 48.0f * s);
        const ImVec2 extent = ImGui::CalcTextSize(why.c_str(), nullptr, false, wrap);
        const ImVec2 at(right.x + (side_w - extent.x) * 0.5f, right.y + (height - extent.y) * 0.5f);
        draw->AddRectFilled(ImVec2(at.x - 12 * s, at.y - 10 * s), ImVec2(at.x + extent.x + 12 * s, at.y + extent.y + 10 * s),
                            IM_COL32(255, 255, 255, 235), 4.0f * s);
        draw->AddText(ImGui::GetFont(), ImGui::GetFontSize(), at, ink, why.c_str(), nullptr, wrap);
        return;
    }
    title(left, m_compare.Sides().left.title);
    title(right, m_compare.Sides().right.title);
}

void MapPanel::DrawLegend(PanelContext& ctx, const core::RegionLayer& layer, ImVec2 min, ImVec2 max)
{
    const core::DashboardModel& model = ctx.model;
    if (!model.HasData())
        return;
    MapLegendText text;
    text.dutch = ctx.settings.language == Language::Dutch;
    text.title = model.MeasureTitle();
    const core::agg::FactTable& table = *model.Table();
    if (model.ShowsChange()) {
        char change[128];
        std::snprintf(change, sizeof change, Tr(TextId::map_change_title),
                      PeriodText(model, model.ChangeFrom(), ctx.settings.language).c_str(),
                      PeriodText(model, model.ChangeTo(), ctx.settings.language).c_str());
        text.title += ", " + std::string(change) + " (%)";
        text.percent = true;
    } else if (model.PeriodIndex() >= 0) {
        text.title += ", " + PeriodText(model, model.PeriodIndex(), ctx.settings.language);
    }
    text.subtitle = std::string(Tr(TextId::data_source)) + ": " +
                    (table.provenance.source.empty() ? table.name : table.provenance.source);
    if (const core::DashboardModel::DerivedMap* derived = model.Derived()) {
        text.title = derived->title;
        text.percent = derived->percent;
        text.subtitle = std::string(Tr(TextId::data_source)) + ": " + derived->source;
        text.no_data_label = derived->no_data_label;
    }
    if (!m_level_covered) {
        char note[256];
        std::snprintf(note, sizeof note, Tr(TextId::legend_level_not_covered), table.name.c_str(),
                      LevelLabel(layer).c_str());
        text.note = note;
    }
    const bool compare = m_compare_shown && m_compare.Ready();
    if (compare) {
        // One legend for both maps: their titles say which period or scenario each is.
        text.title = m_compare.LegendTitle();
        text.percent = m_compare.Percent();
        text.subtitle += std::string(" \xC2\xB7 ") + Tr(TextId::compare_legend_note);
        text.note.clear();
        text.strip = true; // a band under both maps, not a column over the right one
    }
    const LegendRect rect = DrawMapLegend(ImGui::GetWindowDrawList(), min, max, ctx.settings.Scale(), ctx.fonts.heading,
                                          compare ? m_compare.Colours().both : m_choropleth, text);
    m_legend_width = rect.max.x > rect.min.x ? (max.x - rect.min.x) : 0.0f;
    m_legend_height = rect.max.y > rect.min.y ? (max.y - rect.min.y) : 0.0f;
}

// [SECTION] overlays

void MapPanel::DrawSymbols(PanelContext& ctx, ImVec2 origin, bool before)
{
    const core::DashboardModel::DerivedMap* derived = ctx.model.Derived();
    if (!derived || derived->symbols.empty())
        return;
    // Proportional symbols: area follows the value, so the radius its square root; the largest
    // gets a fixed size on screen, whatever the zoom (a symbol map, not a density).
    double largest = 0;
    for (const auto& s : derived->symbols)
        largest = std::max(largest, s.size);
    const float scale = ctx.settings.Scale();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImU32 fill = IM_COL32(217, 95, 2, 200), edge = IM_COL32(255, 255, 255, 235), closed = IM_COL32(90, 90, 90, 255);
    std::vector<std::size_t> order(derived->symbols.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    // Large ones first, so small ones stay visible on top.
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return derived->symbols[a].size > derived->symbols[b].size; });
    for (std::size_t i : order) {
        const auto& s = derived->symbols[i];
        const core::Vec2d p = m_camera.WorldToScreen(s.position);
        const ImVec2 at(origin.x + static_cast<float>(p.x), origin.y + static_cast<float>(p.y));
        const float r = SymbolRadius(s.size, largest, scale);
        if (s.closed && !before) {
            draw->AddCircle(at, r, closed, 24, 2.0f * scale);
            const float d = r * 0.7f;
            draw->AddLine(ImVec2(at.x - d, at.y - d), ImVec2(at.x + d, at.y + d), closed, 2.0f * scale);
            draw->AddLine(ImVec2(at.x - d, at.y + d), ImVec2(at.x + d, at.y - d), closed, 2.0f * scale);
        } else {
            draw->AddCircleFilled(at, r, fill, 24);
            draw->AddCircle(at, r, edge, 24, 1.2f * scale);
        }
    }
}

namespace {

// Text with a light halo, readable over any fill colour on a projector.
void HaloText(ImDrawList* draw, ImVec2 pos, ImU32 ink, const char* text)
{
    const ImU32 halo = IM_COL32(255, 255, 255, 215);
    for (const ImVec2 d : {ImVec2(-1, 0), ImVec2(1, 0), ImVec2(0, -1), ImVec2(0, 1)})
        draw->AddText(ImVec2(pos.x + d.x, pos.y + d.y), halo, text);
    draw->AddText(pos, ink, text);
}

} // namespace

void MapPanel::DrawLabels(PanelContext& ctx, const core::RegionLayer& layer, float origin_x, float origin_y)
{
    const core::Box2d visible = m_camera.VisibleWorld();
    const double units_per_px = m_camera.UnitsPerPixel();
    std::vector<core::LabelCandidate> candidates;
    for (std::size_t i = 0; i < layer.features.size(); ++i) {
        const core::RegionFeature& f = layer.features[i];
        if (f.polygons.empty() || !visible.Contains(f.label_point))
            continue;
        // Only regions wide enough on screen to carry their name.
        const float region_w = static_cast<float>(f.bounds.Width() / units_per_px);
        const ImVec2 size = ImGui::CalcTextSize(f.name.c_str());
        if (region_w < size.x * 0.6f)
            continue;
        const core::Vec2d p = m_camera.WorldToScreen(f.label_point);
        candidates.push_back({static_cast<int>(i), static_cast<float>(p.x), static_cast<float>(p.y), size.x, size.y,
                              static_cast<float>(f.area)});
    }
    // Keep clear of the toolbar (one or two lines at the top) and the scale bar corner.
    const float s = ImGui::GetFontSize() / kBodyFontPx;
    const float view_w = static_cast<float>(m_camera.ViewportWidth());
    const float view_h = static_cast<float>(m_camera.ViewportHeight());
    const core::LabelObstacle obstacles[] = {
        {0, 0, view_w, ToolbarHeight(ctx)},
        {0, view_h - 60 * s, 220 * s, 60 * s},
    };
    const auto placed = core::PlaceLabels(candidates, view_w, view_h, 3.0f, obstacles);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImU32 ink = IM_COL32(30, 34, 40, 255);
    for (const core::PlacedLabel& label : placed)
        HaloText(draw, ImVec2(origin_x + label.x, origin_y + label.y), ink, layer.features[label.id].name.c_str());
}

void MapPanel::DrawScaleBar(PanelContext& ctx, const core::RegionLayer& layer, float origin_x, float origin_y)
{
    // Metres per pixel at the view centre: exact in RD New; Web Mercator stretches by 1/cos(lat).
    double metres_per_px = m_camera.UnitsPerPixel();
    if (layer.crs == "EPSG:3857") {
        const double lat = std::atan(std::sinh(m_camera.Centre().y / 6378137.0));
        metres_per_px *= std::cos(lat);
    }
    const float s = ctx.settings.Scale();
    const double target_px = 120.0 * s;
    // The 1-2-5 step nearest below the target length.
    const double raw = metres_per_px * target_px;
    const double decade = std::pow(10.0, std::floor(std::log10(raw)));
    double nice = decade;
    for (double step : {2.0, 5.0, 10.0})
        if (decade * step <= raw)
            nice = decade * step;
    const float bar_px = layer.is_tile_map ? 0.0f : static_cast<float>(nice / metres_per_px);
    char text[32];
    if (nice >= 1000.0)
        std::snprintf(text, sizeof text, "%g km", nice / 1000.0);
    else
        std::snprintf(text, sizeof text, "%g m", nice);

    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float margin = 14.0f * s;
    const float x0 = origin_x + margin;
    // Over the compare's legend band, not under it.
    const float y0 = origin_y + static_cast<float>(m_camera.ViewportHeight()) - margin - (m_compare_shown ? m_legend_height : 0.0f);
    const ImU32 ink = IM_COL32(30, 34, 40, 255);
    const float tick = 6.0f * s;
    const float thick = std::max(1.0f, 2.0f * s);
    // A tile map has no scale (tiles are equal, distances are not kept): no bar there.
    if (!layer.is_tile_map) {
        draw->AddRectFilled(ImVec2(x0 - 4 * s, y0 - ImGui::GetTextLineHeight() - tick - 6 * s),
                            ImVec2(x0 + bar_px + 4 * s, y0 + 4 * s), IM_COL32(255, 255, 255, 200), 3.0f * s);
        draw->AddLine(ImVec2(x0, y0), ImVec2(x0 + bar_px, y0), ink, thick);
        draw->AddLine(ImVec2(x0, y0), ImVec2(x0, y0 - tick), ink, thick);
        draw->AddLine(ImVec2(x0 + bar_px, y0), ImVec2(x0 + bar_px, y0 - tick), ink, thick);
        draw->AddText(ImVec2(x0, y0 - tick - ImGui::GetTextLineHeight() - 2 * s), ink, text);
    }

    // North arrow: the map is always drawn north up (no rotation), so say so once.
    const float ax = x0 + bar_px + 28.0f * s;
    const float ah = 22.0f * s;
    draw->AddTriangleFilled(ImVec2(ax, y0 - ah), ImVec2(ax - 6 * s, y0 - 4 * s), ImVec2(ax + 6 * s, y0 - 4 * s), ink);
    const ImVec2 n_size = ImGui::CalcTextSize("N");
    HaloText(draw, ImVec2(ax - n_size.x * 0.5f, y0 - ah - n_size.y - 1 * s), ink, "N");
}

void MapPanel::DrawToolbar(PanelContext& ctx, const core::RegionLayer& layer, float origin_x, float origin_y,
                           float width)
{
    const float s = ctx.settings.Scale();
    char info[160];
    std::snprintf(info, sizeof info, "%s \xC2\xB7 %zu %s", LevelLabel(layer).c_str(), layer.features.size(),
                  Tr(TextId::map_regions));
    const std::string fit = std::string(Tr(TextId::map_fit)) + "###fit";
    const std::string tiles = std::string(Tr(TextId::map_tile_map)) + "###tiles";
    const std::string lasso = std::string(Tr(TextId::map_lasso)) + "###lasso";
    const std::string compare = std::string(Tr(TextId::map_compare)) + "###compare";
    const std::string choose = std::string(Tr(TextId::compare_choose)) + "###compare_what";
    const ImGuiStyle& style = ImGui::GetStyle();
    const ImVec2 pad = style.FramePadding;
    const float button_w = ImGui::CalcTextSize(fit.c_str(), nullptr, true).x + 2 * pad.x;
    const float lasso_w = ImGui::GetFrameHeight() + style.ItemInnerSpacing.x +
                          ImGui::CalcTextSize(lasso.c_str(), nullptr, true).x + style.ItemSpacing.x;
    // The tile-map switch only makes sense for layers with real boundaries.
    const core::RegionLayer* active = ctx.workspace.ActiveLayer();
    const bool can_tile = active && !active->is_tile_map;
    const float check_w = can_tile ? ImGui::GetFrameHeight() + style.ItemInnerSpacing.x +
                                         ImGui::CalcTextSize(tiles.c_str(), nullptr, true).x + style.ItemSpacing.x
                                   : 0.0f;
    const float compare_w = ImGui::GetFrameHeight() + style.ItemInnerSpacing.x +
                            ImGui::CalcTextSize(compare.c_str(), nullptr, true).x + style.ItemSpacing.x +
                            (m_compare.Active() ? ImGui::CalcTextSize(choose.c_str(), nullptr, true).x + 2 * pad.x +
                                                      style.ItemSpacing.x
                                                : 0.0f);
    const float controls_x = origin_x + width - button_w - check_w - lasso_w - compare_w - 10 * s;
    ImGui::SetCursorScreenPos(ImVec2(controls_x, origin_y + 8 * s));
    bool comparing = m_compare.Active();
    if (ImGui::Checkbox(compare.c_str(), &comparing))
        m_compare.SetActive(comparing);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", Tr(TextId::map_compare_help));
    ImGui::SameLine();
    if (m_compare.Active()) {
        if (ImGui::Button(choose.c_str()))
            ImGui::OpenPopup("###compare_choice");
        m_compare.DrawChoice(ctx);
        ImGui::SameLine();
    }
    ImGui::Checkbox(lasso.c_str(), &m_lasso_tool);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", Tr(TextId::map_lasso_help));
    ImGui::SameLine();
    if (can_tile) {
        bool show = ctx.workspace.ShowTileMap();
        if (ImGui::Checkbox(tiles.c_str(), &show))
            ctx.workspace.SetShowTileMap(show);
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", Tr(TextId::map_tile_map_help));
        ImGui::SameLine();
    }
    if (ImGui::Button(fit.c_str()))
        m_need_fit = true;

    // Level and count top-left, and for the demo what the map is, each clipped to the room
    // left of the controls.
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImU32 ink = IM_COL32(30, 34, 40, 255);
    const float text_x = origin_x + 10 * s;
    const float line_y = origin_y + 8 * s + pad.y;
    draw->PushClipRect(ImVec2(origin_x, origin_y), ImVec2(controls_x - 8 * s, origin_y + 200 * s), true);
    HaloText(draw, ImVec2(text_x, line_y), ink, info);
    if (ctx.workspace.IsDemo())
        HaloText(draw, ImVec2(text_x, line_y + ImGui::GetTextLineHeightWithSpacing()), IM_COL32(70, 76, 86, 255),
                 Tr(TextId::map_demo_geography));
    draw->PopClipRect();
}

void MapPanel::DrawTooltip(PanelContext& ctx, const core::RegionLayer& layer)
{
    if (m_hovered < 0 || m_hovered_uid != layer.uid || m_hovered >= static_cast<int>(layer.features.size()))
        return;
    const core::RegionFeature& f = layer.features[m_hovered];
    ImGui::BeginTooltip();
    ImGui::PushFont(ctx.fonts.heading);
    ImGui::TextUnformatted(f.name.c_str());
    ImGui::PopFont();
    ImGui::TextDisabled("%s: %s", Tr(TextId::map_code), f.code.c_str());
    const std::size_t i = static_cast<std::size_t>(m_hovered);
    if (m_compare_shown && m_compare.Ready() && i < m_compare.Sides().left.values.size()) {
        // Both sides, each under its title.
        const core::NumberLocale locale =
            ctx.settings.language == Language::Dutch ? core::NumberLocale::Dutch : core::NumberLocale::English;
        ImGui::Separator();
        ImGui::TextUnformatted(m_compare.LegendTitle().c_str());
        for (const CompareSide* side : {&m_compare.Sides().left, &m_compare.Sides().right}) {
            const core::RegionValue& v = side->values[i];
            std::string value;
            if (v.state == core::agg::GroupState::Known) {
                const bool integral = std::abs(v.value - std::round(v.value)) < 1e-9;
                value = m_compare.Percent() ? core::FormatSignedPercent(v.value, 1, locale)
                                            : core::FormatNumber(v.value, integral ? 0 : 1, locale);
            } else {
                value = Tr(v.state == core::agg::GroupState::Unknown ? TextId::legend_unknown : TextId::legend_no_data);
            }
            ImGui::Text("%s: %s", side->title.c_str(), value.c_str());
        }
    } else if (ctx.model.HasData() && i < m_values.size() && m_values.size() == layer.features.size()) {
        const core::NumberLocale locale =
            ctx.settings.language == Language::Dutch ? core::NumberLocale::Dutch : core::NumberLocale::English;
        const core::RegionValue& v = m_values[i];
        ImGui::Separator();
        const core::DashboardModel::DerivedMap* derived = ctx.model.Derived();
        ImGui::TextUnformatted(derived ? derived->title.c_str() : ctx.model.MeasureTitle().c_str());
        if (v.state == core::agg::GroupState::Known) {
            const bool integral = std::abs(v.value - std::round(v.value)) < 1e-9;
            const bool percent = derived ? derived->percent : ctx.model.ShowsChange();
            ImGui::PushFont(ctx.fonts.heading);
            ImGui::TextUnformatted((percent ? core::FormatSignedPercent(v.value, 1, locale)
                                            : core::FormatNumber(v.value, integral ? 0 : 1, locale))
                                       .c_str());
            ImGui::PopFont();
            if (m_choropleth.feature_ranks[i] > 0)
                ImGui::TextDisabled(Tr(TextId::map_rank), m_choropleth.feature_ranks[i], m_choropleth.ranked);
        } else {
            ImGui::TextUnformatted(Tr(v.state == core::agg::GroupState::Unknown ? TextId::legend_unknown
                                                                                : TextId::legend_no_data));
        }
        if (v.suppressed > 0)
            ImGui::TextDisabled("+ %lld \xC3\x97 <5", static_cast<long long>(v.suppressed));
    }
    ImGui::EndTooltip();
}

void MapPanel::DrawEmptyNote(PanelContext& ctx, float origin_x, float origin_y, float width, float height)
{
    // Centred card: what the map will show. Drawn straight onto the draw list so its height
    // follows the wrapped text exactly.
    const float s = ctx.settings.Scale();
    const float card_w = std::min(width - 40.0f * s, 560.0f * s);
    if (card_w < 120.0f * s)
        return;
    const ImVec2 pad = ImGui::GetStyle().WindowPadding;
    const float wrap_w = card_w - 2.0f * pad.x;
    ImFont* heading = ctx.fonts.heading;
    ImFont* body = ctx.fonts.body;
    const char* title = Tr(TextId::map_no_regions);
    // Say why when loading went wrong (the demo's facts table missing, say).
    const std::string reason =
        ctx.workspace.Messages().empty() ? std::string() : "\n\n" + ctx.workspace.Messages().front();
    const std::string body_text = Tr(TextId::map_coming) + reason;
    const char* text = body_text.c_str();
    const ImVec2 title_size = heading->CalcTextSizeA(heading->FontSize, wrap_w, wrap_w, title);
    const ImVec2 text_size = body->CalcTextSizeA(body->FontSize, wrap_w, wrap_w, text);
    const float gap = ImGui::GetStyle().ItemSpacing.y;
    const float card_h = 2.0f * pad.y + title_size.y + gap + text_size.y;
    const ImVec2 p0(origin_x + (width - card_w) * 0.5f, origin_y + (height - card_h) * 0.5f);
    const ImVec2 p1(p0.x + card_w, p0.y + card_h);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(p0, p1, IM_COL32(255, 255, 255, 235), 4.0f * s);
    draw->AddRect(p0, p1, ImGui::GetColorU32(ImGuiCol_Border), 4.0f * s);
    const ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
    draw->AddText(heading, heading->FontSize, ImVec2(p0.x + pad.x, p0.y + pad.y), ink, title, nullptr, wrap_w);
    draw->AddText(body, body->FontSize, ImVec2(p0.x + pad.x, p0.y + pad.y + title_size.y + gap), ink, text, nullptr,
                  wrap_w);
}

} // namespace vak::ui
