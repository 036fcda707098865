// The dashboard's window: GLFW with an OpenGL 4.3 core context, plus the ImGui GLFW platform
// backend (input, cursor, clipboard). Frames are drawn into a RenderTarget and blitted here.
#pragma once

#include "core/command_line.hpp"
#include "core/rgba_image.hpp"
#include "gpu/gl_context.hpp"

#include <string>
#include <vector>

struct GLFWwindow;

namespace vak::gpu {

class RenderTarget;

// Application keyboard shortcuts, read from GLFW key events (Ctrl+Q, Ctrl+Plus, Ctrl+Minus,
// Ctrl+0, F5); ImGui's GLFW backend chains to our key callback, so both see every key. (ImGui
// 1.86 has no key name for F5.)
enum class Shortcut { Quit, ScaleUp, ScaleDown, ScaleReset, Presentation };

// True when a window system is reachable (DISPLAY or WAYLAND_DISPLAY set).
bool HasDisplay();

class GlfwWindow final : public GlContext {
public:
    // Opens the window and makes its context current. Throws core::InputError when GLFW cannot
    // open a window or the driver gives no OpenGL 4.3 core context.
    GlfwWindow(core::ImageSize size, const std::string& title);
    ~GlfwWindow() override;

    void MakeCurrent() override;
    std::string Kind() const override { return "GLFW window"; }

    bool ShouldClose() const;
    // Waits for input up to `timeout_s` (0: just poll); an idle dashboard then costs no CPU.
    void WaitEvents(double timeout_s);
    core::ImageSize FramebufferSize() const;
    // Shortcuts pressed since the last call.
    std::vector<Shortcut> TakeShortcuts();

    // Full screen (presentation mode): on the second monitor when there is one (the laptop keeps
    // its own screen), else on the primary; off: back to the window's former place and size.
    // Returns the monitor's name, or an empty string when none is found.
    std::string SetFullscreen(bool on);
    bool IsFullscreen() const;

    // ImGui platform backend: attach after the ImGui context exists, detach before it goes.
    void AttachImGui();
    void DetachImGui();
    void ImGuiNewFrame();

    // Copies the frame into the window's back buffer; Present() swaps.
    void BlitToBackBuffer(const RenderTarget& frame);
    // What the window will show: the back buffer after BlitToBackBuffer (for --screenshot).
    core::RgbaImage ReadBackBuffer() const;
    void Present();

private:
    static void OnKey(GLFWwindow* window, int key, int scancode, int action, int mods);

    GLFWwindow* m_window = nullptr;
    std::vector<Shortcut> m_shortcuts;
    int m_windowed[4] = {0, 0, 0, 0}; // x, y, width, height before full screen
    bool m_imgui_attached = false;
};

} // namespace vak::gpu
