#include "gpu/glfw_window.hpp"

#include "core/errors.hpp"
#include "gpu/render_target.hpp"

#include <epoxy/gl.h>
#include <GLFW/glfw3.h>
#include <imgui_impl_glfw.h>

#include <cstdlib>
#include <utility>

namespace vak::gpu {

namespace {

std::string g_last_glfw_error;

void OnGlfwError(int code, const char* description)
{
    g_last_glfw_error = "GLFW error " + std::to_string(code) + ": " + (description ? description : "");
}

} // namespace

bool HasDisplay()
{
    const char* x11 = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    return (x11 && *x11) || (wayland && *wayland);
}

GlfwWindow::GlfwWindow(core::ImageSize size, const std::string& title)
{
    glfwSetErrorCallback(OnGlfwError);
    if (!glfwInit())
        throw core::InputError("cannot open a window: " + g_last_glfw_error);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 4);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    m_window = glfwCreateWindow(size.width, size.height, title.c_str(), nullptr, nullptr);
    if (!m_window) {
        std::string reason = g_last_glfw_error;
        glfwTerminate();
        throw core::InputError("cannot open an OpenGL 4.3 core window: " + reason);
    }
    glfwMakeContextCurrent(m_window);
    glfwSwapInterval(1);
    // Installed before ImGui's backend, which then chains to it.
    glfwSetWindowUserPointer(m_window, this);
    glfwSetKeyCallback(m_window, OnKey);
    m_info = QueryCurrentGlInfo();
}

GlfwWindow::~GlfwWindow()
{
    DetachImGui();
    glfwDestroyWindow(m_window);
    glfwTerminate();
}

void GlfwWindow::MakeCurrent()
{
    glfwMakeContextCurrent(m_window);
}

bool GlfwWindow::ShouldClose() const
{
    return glfwWindowShouldClose(m_window);
}

void GlfwWindow::WaitEvents(double timeout_s)
{
    if (timeout_s > 0)
        glfwWaitEventsTimeout(timeout_s);
    else
        glfwPollEvents();
}

core::ImageSize GlfwWindow::FramebufferSize() const
{
    core::ImageSize size;
    glfwGetFramebufferSize(m_window, &size.width, &size.height);
    return size;
}

void GlfwWindow::OnKey(GLFWwindow* window, int key, int, int action, int mods)
{
    if (action != GLFW_PRESS)
        return;
    auto* self = static_cast<GlfwWindow*>(glfwGetWindowUserPointer(window));
    if (key == GLFW_KEY_F5) {
        self->m_shortcuts.push_back(Shortcut::Presentation);
        return;
    }
    if (!(mods & GLFW_MOD_CONTROL))
        return;
    switch (key) {
    case GLFW_KEY_Q: self->m_shortcuts.push_back(Shortcut::Quit); break;
    case GLFW_KEY_EQUAL: // '+' shares the '=' key on most layouts
    case GLFW_KEY_KP_ADD: self->m_shortcuts.push_back(Shortcut::ScaleUp); break;
    case GLFW_KEY_MINUS:
    case GLFW_KEY_KP_SUBTRACT: self->m_shortcuts.push_back(Shortcut::ScaleDown); break;
    case GLFW_KEY_0:
    case GLFW_KEY_KP_0: self->m_shortcuts.push_back(Shortcut::ScaleReset); break;
    default: break;
    }
}

std::vector<Shortcut> GlfwWindow::TakeShortcuts()
{
    return std::exchange(m_shortcuts, {});
}

std::string GlfwWindow::SetFullscreen(bool on)
{
    if (on == IsFullscreen())
        return {};
    if (!on) {
        glfwSetWindowMonitor(m_window, nullptr, m_windowed[0], m_windowed[1], m_windowed[2], m_windowed[3],
                             GLFW_DONT_CARE);
        return {};
    }
    int count = 0;
    GLFWmonitor** monitors = glfwGetMonitors(&count);
    // glfwGetMonitors lists the primary monitor first; a second one is the projector.
    GLFWmonitor* monitor = count > 1 ? monitors[1] : glfwGetPrimaryMonitor();
    const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
    if (!mode)
        return {};
    glfwGetWindowPos(m_window, &m_windowed[0], &m_windowed[1]);
    glfwGetWindowSize(m_window, &m_windowed[2], &m_windowed[3]);
    glfwSetWindowMonitor(m_window, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
    const char* name = glfwGetMonitorName(monitor);
    return name ? name : "monitor";
}

bool GlfwWindow::IsFullscreen() const
{
    return glfwGetWindowMonitor(m_window) != nullptr;
}

void GlfwWindow::AttachImGui()
{
    if (!m_imgui_attached)
        m_imgui_attached = ImGui_ImplGlfw_InitForOpenGL(m_window, true);
}

void GlfwWindow::DetachImGui()
{
    if (m_imgui_attached)
        ImGui_ImplGlfw_Shutdown();
    m_imgui_attached = false;
}

void GlfwWindow::ImGuiNewFrame()
{
    ImGui_ImplGlfw_NewFrame();
}

void GlfwWindow::BlitToBackBuffer(const RenderTarget& frame)
{
    const core::ImageSize fb = FramebufferSize();
    glBindFramebuffer(GL_READ_FRAMEBUFFER, frame.FramebufferId());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
    glBlitFramebuffer(0, 0, frame.Width(), frame.Height(), 0, 0, fb.width, fb.height, GL_COLOR_BUFFER_BIT,
                      GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

core::RgbaImage GlfwWindow::ReadBackBuffer() const
{
    const core::ImageSize fb = FramebufferSize();
    core::RgbaImage image(fb.width, fb.height);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    glReadBuffer(GL_BACK);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, fb.width, fb.height, GL_RGBA, GL_UNSIGNED_BYTE, image.pixels.data());
    core::FlipRows(image);
    return image;
}

void GlfwWindow::Present()
{
    glfwSwapBuffers(m_window);
}

} // namespace vak::gpu
