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

void RegionRenderer::Release(GpuLayer& gpu)
{
    for (GpuMesh& mesh : gpu.meshes) {
        glDeleteBuffers(4, mesh.buffers);
        glDeleteVertexArrays(1, &mesh.vao);
    }
    const GLuint shared[] = {gpu.color_buffer, gpu.state_buffer};
    glDeleteBuffers(2, shared);
    gpu.meshes.clear();
}

RegionRenderer::~RegionRenderer()
{
    for (auto& [uid, gpu] : m_layers)
        Release(gpu);
}

void RegionRenderer::Forget(const core::RegionLayer& layer)
{
    auto it = m_layers.find(layer.uid);
    if (it == m_layers.end())
        return;
    Release(it->second);
    m_layers.erase(it);
}

namespace {

template <typename T>
void BufferData(GLenum target, const std::vector<T>& data)
{
    glBufferData(target, static_cast<GLsizeiptr>(data.size() * sizeof(T)), data.data(), GL_STATIC_DRAW);
}

} // namespace

void RegionRenderer::Upload(const core::RegionLayer& layer)
{
    if (IsUploaded(layer))
        return;
    GpuLayer gpu;
    gpu.features = std::max<std::size_t>(layer.features.size(), 1);
    std::vector<const core::RegionMesh*> levels = {&layer.mesh};
    for (const core::MeshLevel& level : layer.coarse)
        levels.push_back(&level.mesh);
    for (const core::RegionMesh* source : levels) {
        GpuMesh mesh;
        mesh.source = source;
        mesh.triangle_indices = static_cast<int>(source->triangles.size());
        mesh.outline_indices = static_cast<int>(source->outlines.size());
        glGenVertexArrays(1, &mesh.vao);
        glBindVertexArray(mesh.vao);
        glGenBuffers(4, mesh.buffers);
        glBindBuffer(GL_ARRAY_BUFFER, mesh.buffers[0]);
        BufferData(GL_ARRAY_BUFFER, source->positions);
        glEnableVertexAttribArray(0);
        glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
        glBindBuffer(GL_ARRAY_BUFFER, mesh.buffers[1]);
        BufferData(GL_ARRAY_BUFFER, source->feature_of_vertex);
        glEnableVertexAttribArray(1);
        glVertexAttribIPointer(1, 1, GL_UNSIGNED_INT, 0, nullptr);
        // Index buffers are uploaded with the VAO bound: the core profile has no element-buffer
        // binding outside a VAO. Draw() binds the one it needs.
        glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, mesh.buffers[2]);
        BufferData(GL_ELEMENT_ARRAY_BUFFER, source->triangles);
        glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, mesh.buffers[3]);
        BufferData(GL_ELEMENT_ARRAY_BUFFER, source->outlines);
        glBindVertexArray(0);
        gpu.meshes.push_back(mesh);
    }

    const std::vector<std::uint32_t> grey(gpu.features, PackRgba(0.92f, 0.91f, 0.88f));
    const std::vector<std::uint32_t> none(gpu.features, 0u);
    glGenBuffers(1, &gpu.color_buffer);
    glGenBuffers(1, &gpu.state_buffer);
    glBindBuffer(GL_SHADER_STORAGE_BUFFER, gpu.color_buffer);
    glBufferData(GL_SHADER_STORAGE_BUFFER, static_cast<GLsizeiptr>(gpu.features * 4), grey.data(), GL_DYNAMIC_DRAW);
    glBindBuffer(GL_SHADER_STORAGE_BUFFER, gpu.state_buffer);
    glBufferData(GL_SHADER_STORAGE_BUFFER, static_cast<GLsizeiptr>(gpu.features * 4), none.data(), GL_DYNAMIC_DRAW);
    glBindBuffer(GL_SHADER_STORAGE_BUFFER, 0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    m_layers.emplace(layer.uid, std::move(gpu));
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
    auto it = m_layers.find(layer.uid);
    if (it == m_layers.end() || it->second.color_version == version)
        return;
    UpdateBuffer(it->second.color_buffer, it->second.features, rgba);
    it->second.color_version = version;
}

void RegionRenderer::SetStates(const core::RegionLayer& layer, std::span<const std::uint32_t> states,
                               std::uint64_t version)
{
    auto it = m_layers.find(layer.uid);
    if (it == m_layers.end() || it->second.state_version == version)
        return;
    UpdateBuffer(it->second.state_buffer, it->second.features, states);
    it->second.state_version = version;
    it->second.emphasised.clear();
    for (std::size_t i = 0; i < states.size(); ++i)
        if (states[i] != 0)
            it->second.emphasised.push_back(static_cast<std::uint32_t>(i));
}

void RegionRenderer::Draw(const core::RegionLayer& layer, const core::MapCamera& camera,
                          const RegionDrawStyle& style) const
{
    auto it = m_layers.find(layer.uid);
    if (it == m_layers.end())
        return;
    const GpuLayer& gpu = it->second;
    // The level of detail that keeps simplification under half a pixel.
    const core::RegionMesh& wanted = layer.MeshFor(camera.UnitsPerPixel());
    const GpuMesh* mesh = &gpu.meshes.front();
    for (const GpuMesh& m : gpu.meshes)
        if (m.source == &wanted)
            mesh = &m;
    const std::array<float, 16> clip = camera.ClipFromLocal(wanted.origin);

    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glEnable(GL_BLEND);
    glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
    glBindVertexArray(mesh->vao);
    glBindBufferBase(GL_SHADER_STORAGE_BUFFER, 0, gpu.color_buffer);
    glBindBufferBase(GL_SHADER_STORAGE_BUFFER, 1, gpu.state_buffer);

    m_fill.Use();
    glUniformMatrix4fv(glGetUniformLocation(m_fill.Id(), "u_clip_from_local"), 1, GL_FALSE, clip.data());
    glUniform4fv(glGetUniformLocation(m_fill.Id(), "u_selected_tint"), 1, style.selected_tint);
    glUniform4fv(glGetUniformLocation(m_fill.Id(), "u_hover_tint"), 1, style.hover_tint);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, mesh->buffers[2]);
    glDrawElements(GL_TRIANGLES, mesh->triangle_indices, GL_UNSIGNED_INT, nullptr);

    if (style.outlines && mesh->outline_indices > 0) {
        m_outline.Use();
        glUniformMatrix4fv(glGetUniformLocation(m_outline.Id(), "u_clip_from_local"), 1, GL_FALSE, clip.data());
        glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, mesh->buffers[3]);
        glUniform4fv(glGetUniformLocation(m_outline.Id(), "u_color"), 1, style.outline_rgba);
        glUniform1i(glGetUniformLocation(m_outline.Id(), "u_emphasis_pass"), 0);
        glDrawElements(GL_LINES, mesh->outline_indices, GL_UNSIGNED_INT, nullptr);
        // Hovered and selected boundaries again, on top of their neighbours' lines: only their
        // own index ranges, so the pass costs nothing when nothing is emphasised.
        if (!gpu.emphasised.empty()) {
            const std::vector<std::uint32_t>& offsets = mesh->source->outline_offsets;
            std::vector<GLsizei> counts;
            std::vector<const void*> firsts;
            for (std::uint32_t f : gpu.emphasised) {
                if (f + 1 >= offsets.size())
                    continue;
                counts.push_back(static_cast<GLsizei>(offsets[f + 1] - offsets[f]));
                firsts.push_back(reinterpret_cast<const void*>(static_cast<std::uintptr_t>(offsets[f]) * 4));
            }
            glUniform4fv(glGetUniformLocation(m_outline.Id(), "u_color"), 1, style.emphasis_rgba);
            glUniform1i(glGetUniformLocation(m_outline.Id(), "u_emphasis_pass"), 1);
            glMultiDrawElements(GL_LINES, counts.data(), GL_UNSIGNED_INT, firsts.data(),
                                static_cast<GLsizei>(counts.size()));
        }
    }
    // Leave the state as ImGui's renderer and the other passes expect it.
    glBindVertexArray(0);
    glBindBufferBase(GL_SHADER_STORAGE_BUFFER, 0, 0);
    glBindBufferBase(GL_SHADER_STORAGE_BUFFER, 1, 0);
    glDisable(GL_BLEND);
    glUseProgram(0);
}

} // namespace vak::gpu
