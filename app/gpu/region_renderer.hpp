// Draws region layers: triangles filled with a colour per region, then the boundaries.
// A layer's mesh is uploaded once (Upload); afterwards only the per-region colour and state
// buffers change (a few bytes per region), which is what makes re-colouring live.
#pragma once

#include "core/geo/map_camera.hpp"
#include "core/geo/region_layer.hpp"
#include "gpu/shader_program.hpp"

#include <cstdint>
#include <span>
#include <unordered_map>
#include <vector>

namespace vak::gpu {

// Per-region state bits, as the shaders read them.
enum RegionStateBits : std::uint32_t {
    kRegionSelected = 1u,
    kRegionHovered = 2u,
    kRegionHatched = 4u, // value unknown (only suppressed values): drawn with diagonal hatching
};

struct RegionDrawStyle {
    float outline_rgba[4] = {0.45f, 0.47f, 0.50f, 1.0f};
    float emphasis_rgba[4] = {0.05f, 0.20f, 0.45f, 1.0f};
    float selected_tint[4] = {0.16f, 0.42f, 0.78f, 0.65f}; // rgb, strength
    float hover_tint[4] = {0.10f, 0.10f, 0.10f, 0.18f};
    bool outlines = true;
};

// Packs 0..1 colour channels into the RGBA8 word the fill shader unpacks.
std::uint32_t PackRgba(float r, float g, float b, float a = 1.0f);

class RegionRenderer {
public:
    explicit RegionRenderer(const ShaderLibrary& shaders);
    ~RegionRenderer();
    RegionRenderer(const RegionRenderer&) = delete;
    RegionRenderer& operator=(const RegionRenderer&) = delete;

    // Uploads the layer's mesh unless it already is (layers are keyed by their uid). Colours
    // start light grey, states clear.
    void Upload(const core::RegionLayer& layer);
    bool IsUploaded(const core::RegionLayer& layer) const { return m_layers.count(layer.uid) > 0; }
    // Frees the GPU copy of a layer that is going away.
    void Forget(const core::RegionLayer& layer);
    // One entry per feature; uploaded only when `version` differs from the last call's.
    void SetColors(const core::RegionLayer& layer, std::span<const std::uint32_t> rgba, std::uint64_t version);
    void SetStates(const core::RegionLayer& layer, std::span<const std::uint32_t> states, std::uint64_t version);
    // Draws into the currently bound framebuffer and viewport.
    void Draw(const core::RegionLayer& layer, const core::MapCamera& camera, const RegionDrawStyle& style) const;

private:
    // One detail level of a layer's mesh on the GPU.
    struct GpuMesh {
        const core::RegionMesh* source = nullptr;
        unsigned vao = 0;
        unsigned buffers[4] = {}; // positions, feature ids, triangle indices, outline indices
        int triangle_indices = 0;
        int outline_indices = 0;
    };
    struct GpuLayer {
        std::vector<GpuMesh> meshes; // full detail first, then the coarse levels
        unsigned color_buffer = 0;   // shared by all levels: one entry per region
        unsigned state_buffer = 0;
        std::size_t features = 0;
        std::uint64_t color_version = ~0ull;
        std::uint64_t state_version = ~0ull;
        std::vector<std::uint32_t> emphasised; // features with a state bit set, for the outline pass
    };

    ShaderProgram m_fill;
    ShaderProgram m_outline;
    static void Release(GpuLayer& gpu);

    std::unordered_map<std::uint64_t, GpuLayer> m_layers; // by RegionLayer::uid
};

} // namespace vak::gpu
