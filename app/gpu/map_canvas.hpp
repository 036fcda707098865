// The map's drawing surface: renders into its own RenderTarget, which the map panel shows as an
// ImGui image. Today it draws the canvas background; region fills, outlines and labels are
// drawn into the same target once region layers are loaded.
#pragma once

#include "gpu/render_target.hpp"
#include "gpu/shader_program.hpp"

namespace vak::gpu {

struct MapCanvasStyle {
    float top[3] = {0.93f, 0.95f, 0.97f};
    float bottom[3] = {0.86f, 0.90f, 0.94f};
    float grid[3] = {0.70f, 0.76f, 0.82f};
    float grid_px = 48.0f; // grid spacing in framebuffer pixels (grows with the UI scale)
};

class MapCanvas {
public:
    // Needs a current GL context; loads its programs from `shaders`. Throws ShaderError.
    explicit MapCanvas(const ShaderLibrary& shaders);
    ~MapCanvas();
    MapCanvas(const MapCanvas&) = delete;
    MapCanvas& operator=(const MapCanvas&) = delete;

    // Draws the map at `width` x `height` framebuffer pixels; returns the texture to display.
    unsigned Render(int width, int height, const MapCanvasStyle& style);
    const RenderTarget& Target() const { return m_target; }

private:
    ShaderProgram m_background;
    RenderTarget m_target;
    unsigned m_empty_vao = 0; // core profile needs a bound VAO even for attribute-less draws
};

} // namespace vak::gpu
