#include "gpu/region_renderer.hpp"

#include <epoxy/gl.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace vak::gpu {

std::uint32_t PackRgba(float r, float g, float b, float a)
{
    auto byte = [](float v) { return static_cast<std::uint32_t>(std::lround(std::clamp(v, 0.0f, 1.0f) * 255.0f)); };
    return byte(r) | byte(g) << 8 | byte(b) << 16 | byte(a) << 24;
}

RegionRenderer::RegionRenderer(const ShaderLibrary& shaders)
    : m_fill(shaders.Load("region_fill")), m_outline(shaders.Load("region_outline"))
{
}

RegionRenderer::~RegionRenderer()
{
    for (auto& [layer, gpu] : m_layers) {
        const GLuint buffers[] = {gpu.vertex_buffer, gpu.feature_buffer, gpu.triangle_buffer,
                                  gpu.outline_buffer, gpu.color_buffer, gpu.state_buffer};
        glDeleteBuffers(6, buffers);
        glDeleteVertexArrays(1, &gpu.vao);
    }
}

void RegionRenderer::Upload(const core::RegionLayer& layer)
{
    if (IsUploaded(layer))
        return;
    const core::RegionMesh& mesh = layer.mesh;
    GpuLayer gpu;
    gpu.features = std::max<std::size_t>(layer.features.size(), 1);
    gpu.triangle_indices = static_cast<int>(mesh.triangles.size());
    gpu.outline_indices = static_cast<int>(mesh.outlines.size());

    glGenVertexArrays(1, &gpu.vao);
    glBindVertexArray(gpu.vao);
    GLuint buffers[6];
    glGenBuffers(6, buffers);
    gpu.vertex_buffer = buffers[0];
    gpu.feature_buffer = buffers[1];
    gpu.triangle_buffer = buffers[2];
    gpu.outline_buffer = buffers[3];
    gpu.color_buffer = buffers[4];
    gpu.state_buffer = buffers[5];

    glBindBuffer(GL_ARRAY_BUFFER, gpu.vertex_buffer);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(mesh.positions.size() * sizeof(float)),
                 mesh.positions.data(), GL_STATIC_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
    glBindBuffer(GL_ARRAY_BUFFER, gpu.feature_buffer);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(mesh.feature_of_vertex.size() * sizeof(std::uint32_t)),
                 mesh.feature_of_vertex.data(), GL_STATIC_DRAW);
    glEnableVertexAttribArray(1);
    glVertexAttribIPointer(1, 1, GL_UNSIGNED_INT, 0, nullptr);

    // Index buffers are uploaded with the VAO bound: the core profile has no element-buffer
    // binding outside a VAO. Draw() binds the one it needs.
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, gpu.triangle_buffer);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(mesh.triangles.size() * sizeof(std::uint32_t)),
                 mesh.triangles.data(), GL_STATIC_DRAW);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, gpu.outline_buffer);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(mesh.outlines.size() * sizeof(std::uint32_t)),
                 mesh.outlines.data(), GL_STATIC_DRAW);
    glBindVertexArray(0);

    const std::vector<std::uint32_t> grey(gpu.features, PackRgba(0.92f, 0.91f, 0.88f));
    const std::vector<std::uint32_t> none(gpu.features, 0u);
    glBindBuffer(GL_SHADER_STORAGE_BUFFER, gpu.color_buffer);
    glBufferData(GL_SHADER_STORAGE_BUFFER, static_cast<GLsizeiptr>(gpu.features * 4), grey.data(), GL_DYNAMIC_DRAW);
    glBindBuffer(GL_SHADER_STORAGE_BUFFER, gpu.state_buffer);
    glBufferData(GL_SHADER_STORAGE_BUFFER, static_cast<GLsizeiptr>(gpu.features * 4), none.data(), GL_DYNAMIC_DRAW);
    glBindBuffer(GL_SHADER_STORAGE_BUFFER, 0);
    m_layers.emplace(&layer, gpu);
}

namespace {

void UpdateBuffer(unsigned buffer, std::size_t features, std::span<const std::uint32_t> values)
{
    glBindBuffer(GL_SHADER_STORAGE_BUFFER, buffer);
    glBufferSubData(GL_SHADER_STORAGE_BUFFER, 0, static_cast<GLsizeiptr>(std::min(values.size(), features) * 4),
                    values.data());
    glBindBuffer(GL_SHADER_STORAGE_BUFFER, 0);
}

} // namespace

void RegionRenderer::SetColors(const core::RegionLayer& layer, std::span<const std::uint32_t> rgba,
                               std::uint64_t version)
{
    auto it = m_layers.find(&layer);
    if (it == m_layers.end() || it->second.color_version == version)
        return;
    UpdateBuffer(it->second.color_buffer, it->second.features, rgba);
    it->second.color_version = version;
}

void RegionRenderer::SetStates(const core::RegionLayer& layer, std::span<const std::uint32_t> states,
                               std::uint64_t version)
{
    auto it = m_layers.find(&layer);
    if (it == m_layers.end() || it->second.state_version == version)
        return;
    UpdateBuffer(it->second.state_buffer, it->second.features, states);
    it->second.state_version = version;
}

void RegionRenderer::Draw(const core::RegionLayer& layer, const core::MapCamera& camera,
                          const RegionDrawStyle& style) const
{
    auto it = m_layers.find(&layer);
    if (it == m_layers.end())
        return;
    const GpuLayer& gpu = it->second;
    const std::array<float, 16> clip = camera.ClipFromLocal(layer.mesh.origin);

    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glEnable(GL_BLEND);
    glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
    glBindVertexArray(gpu.vao);
    glBindBufferBase(GL_SHADER_STORAGE_BUFFER, 0, gpu.color_buffer);
    glBindBufferBase(GL_SHADER_STORAGE_BUFFER, 1, gpu.state_buffer);

    m_fill.Use();
    glUniformMatrix4fv(glGetUniformLocation(m_fill.Id(), "u_clip_from_local"), 1, GL_FALSE, clip.data());
    glUniform4fv(glGetUniformLocation(m_fill.Id(), "u_selected_tint"), 1, style.selected_tint);
    glUniform4fv(glGetUniformLocation(m_fill.Id(), "u_hover_tint"), 1, style.hover_tint);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, gpu.triangle_buffer);
    glDrawElements(GL_TRIANGLES, gpu.triangle_indices, GL_UNSIGNED_INT, nullptr);

    if (style.outlines && gpu.outline_indices > 0) {
        m_outline.Use();
        glUniformMatrix4fv(glGetUniformLocation(m_outline.Id(), "u_clip_from_local"), 1, GL_FALSE, clip.data());
        glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, gpu.outline_buffer);
        for (int pass = 0; pass < 2; ++pass) {
            glUniform4fv(glGetUniformLocation(m_outline.Id(), "u_color"), 1,
                         pass == 0 ? style.outline_rgba : style.emphasis_rgba);
            glUniform1i(glGetUniformLocation(m_outline.Id(), "u_emphasis_pass"), pass);
            glDrawElements(GL_LINES, gpu.outline_indices, GL_UNSIGNED_INT, nullptr);
        }
    }
    glBindVertexArray(0);
    glUseProgram(0);
}

} // namespace vak::gpu
