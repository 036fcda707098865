// Test helper: the mouse as the GLFW backend feeds it, through ImGuiIO, with one frame after each
// change (ImGui reads the pointer and the buttons at the start of a frame, so a press and a move
// in one frame would be one event).
#pragma once

#include <imgui.h>
#include <imgui_internal.h>

#include <cstddef>
#include <functional>
#include <optional>
#include <utility>
#include <vector>

namespace vak::test {

// Keys held through a click or a drag (Ctrl-drag: box select; Shift: add to the selection).
struct HeldKeys {
    bool ctrl = false;
    bool shift = false;
};

class MouseInput {
public:
    // `frame` draws one frame of the session under test.
    explicit MouseInput(std::function<void()> frame) : m_frame(std::move(frame)) {}

    void MoveTo(ImVec2 at)
    {
        ImGui::GetIO().MousePos = at;
        m_frame();
    }
    void Press()
    {
        ImGui::GetIO().MouseDown[0] = true;
        m_frame();
    }
    void Release()
    {
        ImGui::GetIO().MouseDown[0] = false;
        m_frame();
    }
    void Click(ImVec2 at, HeldKeys keys = {})
    {
        Hold(keys);
        MoveTo(at);
        Press();
        Release();
        Hold({});
    }
    // Presses at the path's first point, moves through the others one frame each, releases at
    // the last.
    void Drag(const std::vector<ImVec2>& path, HeldKeys keys = {})
    {
        Hold(keys);
        MoveTo(path.front());
        Press();
        for (std::size_t i = 1; i < path.size(); ++i)
            MoveTo(path[i]);
        Release();
        Hold({});
    }
    // A drag along the straight line from `from` to `to` in `steps` even moves.
    void DragLine(ImVec2 from, ImVec2 to, int steps, HeldKeys keys = {})
    {
        std::vector<ImVec2> path{from};
        for (int i = 1; i <= steps; ++i)
            path.emplace_back(from.x + (to.x - from.x) * float(i) / float(steps),
                              from.y + (to.y - from.y) * float(i) / float(steps));
        Drag(path, keys);
    }
    // Moves the pointer along the row `y` from `right` leftwards to `left`, 4 px a frame, until
    // ImGui reports the item `id` hovered; then a point a little inside it (not on its edge).
    // For widgets laid out from text widths, whose place the test cannot know beforehand.
    std::optional<ImVec2> FindHovered(ImGuiID id, float y, float left, float right)
    {
        for (float x = right; x > left; x -= 4) {
            MoveTo(ImVec2(x, y));
            if (GImGui->HoveredId == id)
                return ImVec2(x - 2, y);
        }
        return std::nullopt;
    }
    // `notches` of the wheel with the pointer at `at` (positive: away from the user, zoom in).
    void Wheel(ImVec2 at, float notches)
    {
        MoveTo(at);
        ImGui::GetIO().MouseWheel = notches;
        m_frame();
        ImGui::GetIO().MouseWheel = 0.0f;
        m_frame();
    }

private:
    static void Hold(HeldKeys keys)
    {
        ImGui::GetIO().KeyCtrl = keys.ctrl;
        ImGui::GetIO().KeyShift = keys.shift;
    }

    std::function<void()> m_frame;
};

} // namespace vak::test
