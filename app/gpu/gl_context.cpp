#include "gpu/gl_context.hpp"

#include <epoxy/gl.h>

namespace vak::gpu {

namespace {

std::string GlString(GLenum name)
{
    const auto* s = reinterpret_cast<const char*>(glGetString(name));
    return s ? s : "";
}

bool Contains(const std::string& haystack, const char* needle)
{
    return haystack.find(needle) != std::string::npos;
}

} // namespace

GlInfo QueryCurrentGlInfo()
{
    GlInfo info;
    info.vendor = GlString(GL_VENDOR);
    info.renderer = GlString(GL_RENDERER);
    info.version = GlString(GL_VERSION);
    glGetIntegerv(GL_MAJOR_VERSION, &info.major);
    glGetIntegerv(GL_MINOR_VERSION, &info.minor);
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &info.max_texture_size);
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &info.max_renderbuffer_size);
    info.is_software = Contains(info.renderer, "llvmpipe") || Contains(info.renderer, "softpipe") ||
                       Contains(info.renderer, "Software Rasterizer") || Contains(info.renderer, "swrast");
    info.has_compute = info.major > 4 || (info.major == 4 && info.minor >= 3) ||
                       epoxy_has_gl_extension("GL_ARB_compute_shader");
    return info;
}

std::string GlInfo::Summary() const
{
    // "llvmpipe (LLVM 15.0.6, 256 bits)" -> "llvmpipe": the details do not help a user.
    const std::string short_renderer = renderer.substr(0, renderer.find(" ("));
    std::string s = "OpenGL " + std::to_string(major) + "." + std::to_string(minor) + " \xC2\xB7 " + short_renderer;
    if (is_software)
        s += " (software)";
    return s;
}

} // namespace vak::gpu
