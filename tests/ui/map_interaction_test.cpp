// The map as a user handles it: a headless session over the real 2025 municipalities, driven
// with mouse input through ImGui's IO (the same path the GLFW backend feeds in the window).
#include "core/errors.hpp"
#include "core/geo/map_camera.hpp"
#include "core/workspace.hpp"
#include "gpu/egl_headless_context.hpp"
#include "io/workspace_loader.hpp"
#include "support/demo_dashboard_fixture.hpp"
#include "support/headless_session.hpp"
#include "support/mouse_input.hpp"
#include "support/shared_data.hpp"
#include "ui/ui_session.hpp"

#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <cmath>
#include <cstdlib>
#include <memory>
#include <optional>
#include <set>

namespace vak::ui {
namespace {

class MapInteraction : public test::HeadlessSessionTest {
protected:
    void SetUp() override
    {
        VAK_REQUIRE_SHARED("geodata/cbs/gemeente_2025.topojson");
        core::RegionFileOptions regions;
        regions.files = {test::SharedFile("geodata/cbs/gemeente_2025.topojson")};
        io::LoadRegionFiles(regions, m_workspace);
        if (!StartSession({1280, 800}))
            return;
        Frame();
        Frame();
        // Where the map panel's canvas is, and how the camera fitted the layer on it.
        ImGuiWindow* map = ImGui::FindWindowByName("###map");
        ASSERT_NE(map, nullptr);
        m_origin = map->InnerRect.Min;
        const ImVec2 size = map->InnerRect.GetSize();
        m_camera.SetViewport(size.x, size.y);
        m_camera.Fit(m_workspace.ActiveLayer()->bounds, 24.0, 8.0 + ImGui::GetFrameHeight());
    }

    void Frame() { m_headless.Frame(); }
    ImVec2 ScreenOf(const std::string& code) const
    {
        const core::RegionLayer& layer = *m_workspace.ActiveLayer();
        const core::Vec2d p = m_camera.WorldToScreen(layer.features[layer.FindByCode(code)].label_point);
        return ImVec2(m_origin.x + static_cast<float>(p.x), m_origin.y + static_cast<float>(p.y));
    }

    test::MouseInput m_mouse{[this] { Frame(); }};
    ImVec2 m_origin;
    core::MapCamera m_camera;
};

TEST_F(MapInteraction, ClickSelectsShiftClickAddsAndClickOutsideClears)
{
    m_mouse.Click(ScreenOf("GM0363"));
    EXPECT_EQ(m_workspace.GetSelection().Codes(), (std::set<std::string>{"GM0363"}));

    m_mouse.Click(ScreenOf("GM0344"), {.shift = true}); // Utrecht
    EXPECT_EQ(m_workspace.GetSelection().Codes(), (std::set<std::string>{"GM0344", "GM0363"}));

    m_mouse.Click(ScreenOf("GM0344"), {.shift = true});
    EXPECT_EQ(m_workspace.GetSelection().Codes(), (std::set<std::string>{"GM0363"}));

    // Far out in the North Sea corner of the canvas: nothing there, so the selection clears.
    m_mouse.Click(ImVec2(m_origin.x + 5, m_origin.y + 60));
    EXPECT_TRUE(m_workspace.GetSelection().Empty());
}

TEST_F(MapInteraction, CtrlDragSelectsTheRegionsInTheBoxWithoutPanning)
{
    // A box around Amsterdam and Utrecht's label points; the map must not move meanwhile.
    const ImVec2 amsterdam = ScreenOf("GM0363"), utrecht = ScreenOf("GM0344");
    const ImVec2 from(std::min(amsterdam.x, utrecht.x) - 3, std::min(amsterdam.y, utrecht.y) - 3);
    const ImVec2 to(std::max(amsterdam.x, utrecht.x) + 3, std::max(amsterdam.y, utrecht.y) + 3);
    m_mouse.DragLine(from, to, 8, {.ctrl = true});
    const std::set<std::string>& picked = m_workspace.GetSelection().Codes();
    EXPECT_TRUE(picked.count("GM0363")) << "Amsterdam";
    EXPECT_TRUE(picked.count("GM0344")) << "Utrecht";
    EXPECT_LT(picked.size(), 40u) << "only the regions inside the box";
    // Not panned: Amsterdam's label point is where it was.
    m_mouse.MoveTo(ScreenOf("GM0363"));
    m_mouse.Click(ScreenOf("GM0363"));
    EXPECT_EQ(m_workspace.GetSelection().Codes(), (std::set<std::string>{"GM0363"}));
}

TEST_F(MapInteraction, SelectedRegionIsDrawnInTheSelectionColour)
{
    const ImVec2 amsterdam = ScreenOf("GM0363");
    const core::RgbaImage before = m_headless.Session().Frame().ReadPixels();
    m_mouse.Click(amsterdam);
    m_mouse.MoveTo(ImVec2(5, 5)); // move away: no hover tint
    const core::RgbaImage after = m_headless.Session().Frame().ReadPixels();
    // Sample a few pixels beside the label point (the label text itself sits on it).
    auto blueness = [&](const core::RgbaImage& img) {
        int sum = 0;
        for (int dy : {-6, 6})
            for (int dx : {-6, 6}) {
                const std::uint8_t* p = img.Row(static_cast<int>(amsterdam.y) + dy) + (static_cast<int>(amsterdam.x) + dx) * 4;
                sum += p[2] - p[0];
            }
        return sum / 4;
    };
    EXPECT_LT(blueness(before), 10) << "unselected regions are neutral grey";
    EXPECT_GT(blueness(after), 60) << "a selected region turns blue";
}

TEST_F(MapInteraction, DragPansAndClickAfterDragDoesNotSelect)
{
    const ImVec2 start = ScreenOf("GM0344");
    m_mouse.DragLine(start, ImVec2(start.x + 100.0f, start.y), 10);
    EXPECT_TRUE(m_workspace.GetSelection().Empty()) << "a drag is not a click";
    // Utrecht moved 100 px to the right with the mouse: clicking where it was now misses it.
    m_camera.PanPixels(100, 0);
    m_mouse.Click(ScreenOf("GM0344"));
    EXPECT_EQ(m_workspace.GetSelection().Codes(), (std::set<std::string>{"GM0344"}));
}

// The toolbar lies over the map canvas: its buttons must take the pointer, not the canvas under
// them (they did not: the canvas, drawn first, kept the hover).
TEST_F(MapInteraction, ToolbarButtonsOverTheMapTakeTheClick)
{
    ImGuiWindow* map = ImGui::FindWindowByName("###map");
    ASSERT_NE(map, nullptr);
    // Moves the pointer along the toolbar until ImGui reports the item hovered.
    auto find = [&](const char* stable_id) -> std::optional<ImVec2> {
        const float y = map->InnerRect.Min.y + 8.0f + ImGui::GetFrameHeight() * 0.5f;
        return m_mouse.FindHovered(map->GetIDNoKeepAlive(stable_id), y, map->InnerRect.Min.x,
                                   map->InnerRect.Max.x - 4);
    };
    // Pan 100 px away, then "Passend maken" brings the fitted camera back: a click where
    // Utrecht is on the fitted map selects it again.
    const ImVec2 start = ScreenOf("GM0344");
    m_mouse.DragLine(start, ImVec2(start.x + 100.0f, start.y), 10);
    const std::optional<ImVec2> fit = find("###fit");
    ASSERT_TRUE(fit) << "the pointer never reached the fit button";
    m_mouse.Click(*fit);
    EXPECT_TRUE(m_workspace.GetSelection().Empty()) << "the click went to the button, not to a region under it";
    m_mouse.Click(ScreenOf("GM0344"));
    EXPECT_EQ(m_workspace.GetSelection().Codes(), (std::set<std::string>{"GM0344"}));
    EXPECT_TRUE(find("###lasso")) << "the lasso switch takes the pointer too";
}

TEST_F(MapInteraction, WheelZoomsAtTheCursor)
{
    const ImVec2 amsterdam = ScreenOf("GM0363");
    m_mouse.Wheel(amsterdam, 3.0f); // three notches in
    // Amsterdam stays under the cursor, and a smaller neighbour is now big enough to click.
    m_camera.ZoomAt({amsterdam.x - m_origin.x, amsterdam.y - m_origin.y}, std::pow(1.25, 3.0));
    m_mouse.Click(ScreenOf("GM0363"));
    EXPECT_EQ(m_workspace.GetSelection().Codes(), (std::set<std::string>{"GM0363"}));
    m_mouse.Click(ScreenOf("GM0362")); // Amstelveen
    EXPECT_EQ(m_workspace.GetSelection().Codes(), (std::set<std::string>{"GM0362"}));
}

} // namespace
} // namespace vak::ui
