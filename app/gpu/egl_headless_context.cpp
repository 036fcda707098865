#include "gpu/egl_headless_context.hpp"

#include "core/errors.hpp"

#include <epoxy/egl.h>
#include <epoxy/gl.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace vak::gpu {

namespace {

std::string EglErrorText()
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "0x%04X", static_cast<unsigned>(eglGetError()));
    return std::string("EGL error ") + buf;
}

class EglHeadlessContext final : public GlContext {
public:
    EglHeadlessContext(EGLDisplay display, EGLContext context, std::string kind)
        : m_display(display), m_context(context), m_kind(std::move(kind))
    {
        MakeCurrent();
        m_info = QueryCurrentGlInfo();
    }

    ~EglHeadlessContext() override
    {
        eglMakeCurrent(m_display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
        eglDestroyContext(m_display, m_context);
        // No eglTerminate: EGL displays are shared per process, and another context (a test's,
        // say) may still use this one.
    }

    void MakeCurrent() override
    {
        if (!eglMakeCurrent(m_display, EGL_NO_SURFACE, EGL_NO_SURFACE, m_context))
            throw core::InputError("eglMakeCurrent failed (" + EglErrorText() + ")");
    }

    std::string Kind() const override { return m_kind; }

private:
    EGLDisplay m_display;
    EGLContext m_context;
    std::string m_kind;
};

bool HasToken(const char* list, const char* token)
{
    if (!list)
        return false;
    const std::size_t n = std::strlen(token);
    for (const char* p = list; (p = std::strstr(p, token)) != nullptr; p += n) {
        const bool starts = p == list || p[-1] == ' ';
        const bool ends = p[n] == '\0' || p[n] == ' ';
        if (starts && ends)
            return true;
    }
    return false;
}

// Initialises `display` and creates a 4.3 core context on it, or says why not.
EGLContext CreateCoreContext(EGLDisplay display, std::string& why_not)
{
    EGLint major = 0, minor = 0;
    if (display == EGL_NO_DISPLAY || !eglInitialize(display, &major, &minor)) {
        why_not = "eglInitialize failed (" + EglErrorText() + ")";
        return EGL_NO_CONTEXT;
    }
    if (!HasToken(eglQueryString(display, EGL_EXTENSIONS), "EGL_KHR_surfaceless_context")) {
        why_not = "display lacks EGL_KHR_surfaceless_context";
        return EGL_NO_CONTEXT;
    }
    if (!eglBindAPI(EGL_OPENGL_API)) {
        why_not = "eglBindAPI(EGL_OPENGL_API) failed (" + EglErrorText() + ")";
        return EGL_NO_CONTEXT;
    }
    const EGLint config_attribs[] = {
        EGL_SURFACE_TYPE, EGL_PBUFFER_BIT,
        EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT,
        EGL_RED_SIZE, 8, EGL_GREEN_SIZE, 8, EGL_BLUE_SIZE, 8,
        EGL_NONE,
    };
    EGLConfig config = nullptr;
    EGLint count = 0;
    if (!eglChooseConfig(display, config_attribs, &config, 1, &count) || count < 1) {
        why_not = "no EGL config for desktop OpenGL (" + EglErrorText() + ")";
        return EGL_NO_CONTEXT;
    }
    const EGLint context_attribs[] = {
        EGL_CONTEXT_MAJOR_VERSION, 4,
        EGL_CONTEXT_MINOR_VERSION, 3,
        EGL_CONTEXT_OPENGL_PROFILE_MASK, EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT,
        EGL_NONE,
    };
    EGLContext context = eglCreateContext(display, config, EGL_NO_CONTEXT, context_attribs);
    if (context == EGL_NO_CONTEXT)
        why_not = "no OpenGL 4.3 core context (" + EglErrorText() + ")";
    return context;
}

// First EGL device that is not a software renderer; EGL_NO_DISPLAY when there is none.
EGLDisplay HardwareDeviceDisplay(std::string& why_not)
{
    const char* client_ext = eglQueryString(EGL_NO_DISPLAY, EGL_EXTENSIONS);
    if (!HasToken(client_ext, "EGL_EXT_device_enumeration") || !HasToken(client_ext, "EGL_EXT_platform_device")) {
        why_not = "EGL has no device enumeration";
        return EGL_NO_DISPLAY;
    }
    EGLint count = 0;
    if (!eglQueryDevicesEXT(0, nullptr, &count) || count <= 0) {
        why_not = "no EGL devices";
        return EGL_NO_DISPLAY;
    }
    std::vector<EGLDeviceEXT> devices(count);
    eglQueryDevicesEXT(count, devices.data(), &count);
    for (EGLDeviceEXT device : devices) {
        if (HasToken(eglQueryDeviceStringEXT(device, EGL_EXTENSIONS), "EGL_MESA_device_software"))
            continue;
        return eglGetPlatformDisplayEXT(EGL_PLATFORM_DEVICE_EXT, device, nullptr);
    }
    why_not = "only software EGL devices";
    return EGL_NO_DISPLAY;
}

EGLDisplay SurfacelessDisplay(std::string& why_not)
{
    if (!HasToken(eglQueryString(EGL_NO_DISPLAY, EGL_EXTENSIONS), "EGL_MESA_platform_surfaceless")) {
        why_not = "EGL lacks EGL_MESA_platform_surfaceless (is Mesa's libegl-mesa0 installed?)";
        return EGL_NO_DISPLAY;
    }
    return eglGetPlatformDisplayEXT(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr);
}

} // namespace

std::unique_ptr<GlContext> CreateHeadlessContext()
{
    const char* forced = std::getenv("VAKATLAS_EGL_PLATFORM");
    const std::string only = forced ? forced : "";
    if (!only.empty() && only != "device" && only != "surfaceless")
        throw core::InputError("VAKATLAS_EGL_PLATFORM must be 'device' or 'surfaceless', not '" + only + "'");

    struct Attempt {
        const char* kind;
        EGLDisplay (*display)(std::string&);
    };
    const Attempt attempts[] = {
        {"device", HardwareDeviceDisplay},
        {"surfaceless", SurfacelessDisplay},
    };
    std::string reasons;
    for (const Attempt& attempt : attempts) {
        if (!only.empty() && only != attempt.kind)
            continue;
        std::string why_not;
        EGLDisplay display = attempt.display(why_not);
        if (display != EGL_NO_DISPLAY) {
            EGLContext context = CreateCoreContext(display, why_not);
            if (context != EGL_NO_CONTEXT)
                return std::make_unique<EglHeadlessContext>(display, context,
                                                            std::string("EGL ") + attempt.kind);
        }
        reasons += std::string("\n  EGL ") + attempt.kind + ": " + why_not;
    }
    throw core::InputError("no headless OpenGL 4.3 context could be created:" + reasons +
                           "\n  (on Debian: apt-get install libegl1 libegl-mesa0 libgl1-mesa-dri)");
}

} // namespace vak::gpu
