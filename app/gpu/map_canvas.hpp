// The map's drawing surface: renders into its own multisampled RenderTarget, which the map
// panel shows as an ImGui image: the background, then the active region layer. Labels, the
// scale bar and tooltips are drawn over it by the panel.
#pragma once

#include "gpu/region_renderer.hpp"
#include "gpu/render_target.hpp"
#include "gpu/shader_program.hpp"

namespace vak::gpu {

struct MapCanvasStyle {
    float top[3] = {0.93f, 0.95f, 0.97f};
    float bottom[3] = {0.86f, 0.90f, 0.94f};
    float grid[3] = {0.70f, 0.76f, 0.82f};
    float grid_px = 48.0f; // grid spacing in framebuffer pixels (grows with the UI scale); 0: none
};

// What the map shows this frame; a null layer draws the background only.
struct MapScene {
    const core::RegionLayer* layer = nullptr;
    const core::MapCamera* camera = nullptr;
    RegionDrawStyle regions;
};

class MapCanvas {
public:
    // Needs a current GL context; loads its programs from `shaders`. Throws ShaderError.
    // `samples`: multisampling of the map (4 smooths region edges for projectors and exports;
    // 1 is much faster on a software renderer such as llvmpipe).
    explicit MapCanvas(const ShaderLibrary& shaders, int samples = 4);
    ~MapCanvas();
    MapCanvas(const MapCanvas&) = delete;
    MapCanvas& operator=(const MapCanvas&) = delete;

    // Draws the map at `width` x `height` framebuffer pixels; returns the texture to display.
    unsigned Render(int width, int height, const MapCanvasStyle& style, const MapScene& scene = {});
    const RenderTarget& Target() const { return m_target; }
    // Layer uploads and per-region colours go through here.
    RegionRenderer& Regions() { return m_regions; }

private:
    ShaderProgram m_background;
    RegionRenderer m_regions;
    RenderTarget m_target;
    unsigned m_empty_vao = 0; // core profile needs a bound VAO even for attribute-less draws
};

} // namespace vak::gpu
