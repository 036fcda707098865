#include "gpu/render_target.hpp"

#include "core/errors.hpp"

#include <epoxy/gl.h>

#include <algorithm>
#include <cstdio>
#include <string>

namespace vak::gpu {

RenderTarget::~RenderTarget()
{
    Release();
}

void RenderTarget::Release()
{
    if (m_fbo)
        glDeleteFramebuffers(1, &m_fbo);
    if (m_texture)
        glDeleteTextures(1, &m_texture);
    if (m_msaa_fbo)
        glDeleteFramebuffers(1, &m_msaa_fbo);
    if (m_msaa_color)
        glDeleteRenderbuffers(1, &m_msaa_color);
    m_fbo = m_texture = m_msaa_fbo = m_msaa_color = 0;
    m_width = m_height = 0;
}

void RenderTarget::EnsureSize(int width, int height)
{
    if (width == m_width && height == m_height && m_fbo)
        return;
    Release();
    GLint max_size = 0;
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &max_size);
    const std::string what = std::to_string(width) + "x" + std::to_string(height);
    if (width <= 0 || height <= 0 || width > max_size || height > max_size)
        throw core::InputError("cannot render " + what + ": this OpenGL driver allows at most " +
                               std::to_string(max_size) + " pixels per side");

    while (glGetError() != GL_NO_ERROR) {
    }
    glGenTextures(1, &m_texture);
    glBindTexture(GL_TEXTURE_2D, m_texture);
    glTexStorage2D(GL_TEXTURE_2D, 1, GL_RGBA8, width, height);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glBindTexture(GL_TEXTURE_2D, 0);
    if (glGetError() == GL_OUT_OF_MEMORY) {
        Release();
        throw core::InputError("cannot render " + what + ": not enough graphics memory");
    }

    glGenFramebuffers(1, &m_fbo);
    glBindFramebuffer(GL_FRAMEBUFFER, m_fbo);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, m_texture, 0);
    const GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    if (status != GL_FRAMEBUFFER_COMPLETE) {
        Release();
        char hex[16];
        std::snprintf(hex, sizeof hex, "0x%04X", static_cast<unsigned>(status));
        throw core::InputError("cannot render " + what + ": framebuffer incomplete (status " + hex + ")");
    }
    if (m_samples > 1) {
        GLint max_samples = 1;
        glGetIntegerv(GL_MAX_SAMPLES, &max_samples);
        glGenRenderbuffers(1, &m_msaa_color);
        glBindRenderbuffer(GL_RENDERBUFFER, m_msaa_color);
        glRenderbufferStorageMultisample(GL_RENDERBUFFER, std::min(m_samples, static_cast<int>(max_samples)), GL_RGBA8,
                                         width, height);
        glBindRenderbuffer(GL_RENDERBUFFER, 0);
        glGenFramebuffers(1, &m_msaa_fbo);
        glBindFramebuffer(GL_FRAMEBUFFER, m_msaa_fbo);
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, m_msaa_color);
        const GLenum msaa_status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        if (msaa_status != GL_FRAMEBUFFER_COMPLETE) {
            Release();
            throw core::InputError("cannot render " + what + ": multisampled framebuffer incomplete");
        }
    }
    m_width = width;
    m_height = height;
}

void RenderTarget::Resolve() const
{
    if (!m_msaa_fbo)
        return;
    glBindFramebuffer(GL_READ_FRAMEBUFFER, m_msaa_fbo);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, m_fbo);
    glBlitFramebuffer(0, 0, m_width, m_height, 0, 0, m_width, m_height, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

void RenderTarget::Bind() const
{
    glBindFramebuffer(GL_FRAMEBUFFER, m_msaa_fbo ? m_msaa_fbo : m_fbo);
    glViewport(0, 0, m_width, m_height);
}

void RenderTarget::Clear(float r, float g, float b, float a) const
{
    Bind();
    glClearColor(r, g, b, a);
    glClear(GL_COLOR_BUFFER_BIT);
}

core::RgbaImage RenderTarget::ReadPixels() const
{
    core::RgbaImage image(m_width, m_height);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, m_fbo);
    glReadBuffer(GL_COLOR_ATTACHMENT0);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, m_width, m_height, GL_RGBA, GL_UNSIGNED_BYTE, image.pixels.data());
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    core::FlipRows(image);
    return image;
}

} // namespace vak::gpu
