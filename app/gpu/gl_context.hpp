// One interface over the two ways vakatlas gets an OpenGL context: a GLFW window (OpenGL 4.3
// core) and a headless EGL context (no display needed; Mesa llvmpipe on machines without a GPU).
// Everything that draws renders into a RenderTarget (an FBO), so one code path makes both the
// window contents and the PNG exports.
#pragma once

#include <string>

namespace vak::gpu {

// What the current context is, read once after it is made current.
struct GlInfo {
    std::string vendor;
    std::string renderer;
    std::string version;
    int major = 0;
    int minor = 0;
    bool is_software = false; // llvmpipe, softpipe, swrast: the CPU backend should be preferred
    bool has_compute = false; // OpenGL 4.3 compute shaders
    int max_texture_size = 0;
    int max_renderbuffer_size = 0;

    // "OpenGL 4.5 · llvmpipe (software)"
    std::string Summary() const;
};

// Reads GlInfo from the context that is current on this thread.
GlInfo QueryCurrentGlInfo();

class GlContext {
public:
    virtual ~GlContext() = default;
    GlContext(const GlContext&) = delete;
    GlContext& operator=(const GlContext&) = delete;

    virtual void MakeCurrent() = 0;
    // "EGL surfaceless (Mesa)", "EGL device", "GLFW window"
    virtual std::string Kind() const = 0;
    const GlInfo& Info() const { return m_info; }

protected:
    GlContext() = default;
    GlInfo m_info;
};

} // namespace vak::gpu
