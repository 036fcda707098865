// An offscreen framebuffer (FBO) with an RGBA8 colour texture. Every frame, the map canvas and
// exports draw into one of these; the window only blits the finished frame. With samples > 1
// drawing goes to a multisampled buffer (smooth region edges on a projector) that Resolve()
// copies into the texture.
#pragma once

#include "core/rgba_image.hpp"

namespace vak::gpu {

class RenderTarget {
public:
    explicit RenderTarget(int samples = 1) : m_samples(samples) {}
    ~RenderTarget();
    RenderTarget(const RenderTarget&) = delete;
    RenderTarget& operator=(const RenderTarget&) = delete;

    // (Re)allocates when the size changed. Throws core::InputError when the driver refuses the
    // size (larger than GL_MAX_TEXTURE_SIZE, out of memory) or the FBO is incomplete.
    void EnsureSize(int width, int height);
    // Binds the FBO for drawing and sets the viewport to its size.
    void Bind() const;
    void Clear(float r, float g, float b, float a) const;
    // Copies the multisampled drawing into the texture; a no-op without multisampling.
    void Resolve() const;
    core::RgbaImage ReadPixels() const; // top row first; reads the resolved texture

    int Width() const { return m_width; }
    int Height() const { return m_height; }
    // The framebuffer holding the finished (resolved) image.
    unsigned FramebufferId() const { return m_fbo; }
    unsigned TextureId() const { return m_texture; }

private:
    void Release();

    int m_samples = 1;
    unsigned m_fbo = 0;       // texture attachment: the result
    unsigned m_texture = 0;
    unsigned m_msaa_fbo = 0;  // multisampled drawing buffer when m_samples > 1
    unsigned m_msaa_color = 0;
    int m_width = 0;
    int m_height = 0;
};

} // namespace vak::gpu
