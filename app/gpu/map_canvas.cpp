#include "gpu/map_canvas.hpp"

#include <epoxy/gl.h>

#include <algorithm>

namespace vak::gpu {

MapCanvas::MapCanvas(const ShaderLibrary& shaders, int samples)
    : m_background(shaders.Load("map_canvas")), m_regions(shaders), m_target(samples)
{
    glGenVertexArrays(1, &m_empty_vao);
}

MapCanvas::~MapCanvas()
{
    glDeleteVertexArrays(1, &m_empty_vao);
}

unsigned MapCanvas::Render(int width, int height, const MapCanvasStyle& style, const MapScene& scene)
{
    m_target.EnsureSize(std::max(width, 1), std::max(height, 1));
    m_target.Bind();
    glDisable(GL_BLEND);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_SCISSOR_TEST);
    m_background.Use();
    m_background.SetVec3("u_top_color", style.top[0], style.top[1], style.top[2]);
    m_background.SetVec3("u_bottom_color", style.bottom[0], style.bottom[1], style.bottom[2]);
    m_background.SetVec3("u_grid_color", style.grid[0], style.grid[1], style.grid[2]);
    m_background.SetFloat("u_grid_px", style.grid_px); // 0: no grid
    glBindVertexArray(m_empty_vao);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    glBindVertexArray(0);
    glUseProgram(0);
    if (scene.layer && scene.camera) {
        m_regions.Upload(*scene.layer);
        m_regions.Draw(*scene.layer, *scene.camera, scene.regions);
    }
    m_target.Resolve();
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    return m_target.TextureId();
}

} // namespace vak::gpu
