// GLSL programs loaded from the shaders/ folder at run time (the folder is found by
// core::FindShaderDir). A program is named by its fragment or compute shader's base name:
// "map_canvas" links map_canvas.vert + map_canvas.frag, "aggregate_bins" links
// aggregate_bins.comp. Programs that share a vertex stage name it by their common prefix:
// "region_fill" and "region_outline" both use region.vert.
// Compile and link errors are reported with the file and line, e.g.
//   shaders/map_canvas.frag:12: error: `colr' undeclared
#pragma once

#include "core/errors.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace vak::gpu {

class ShaderError : public core::InputError {
public:
    using core::InputError::InputError;
};

class ShaderProgram {
public:
    ShaderProgram() = default;
    explicit ShaderProgram(unsigned id, std::string name) : m_id(id), m_name(std::move(name)) {}
    ~ShaderProgram();
    ShaderProgram(ShaderProgram&& other) noexcept;
    ShaderProgram& operator=(ShaderProgram&& other) noexcept;
    ShaderProgram(const ShaderProgram&) = delete;
    ShaderProgram& operator=(const ShaderProgram&) = delete;

    void Use() const;
    // Uniform setters; a name the linker optimised away is ignored, as GL does.
    void SetFloat(const char* name, float v) const;
    void SetVec3(const char* name, float x, float y, float z) const;

    unsigned Id() const { return m_id; }
    const std::string& Name() const { return m_name; }

private:
    unsigned m_id = 0;
    std::string m_name;
};

class ShaderLibrary {
public:
    explicit ShaderLibrary(std::filesystem::path dir) : m_dir(std::move(dir)) {}

    // Compiles and links <name>.vert/.frag, or <name>.comp. Throws ShaderError.
    ShaderProgram Load(std::string_view name) const;
    // Base names of every program in the folder (every .frag and .comp), sorted.
    std::vector<std::string> ListPrograms() const;
    const std::filesystem::path& Dir() const { return m_dir; }

private:
    std::filesystem::path m_dir;
};

// Rewrites a driver's info log (Mesa "0:12(5): error: ...", NVIDIA "0(12) : error ...",
// glslang/AMD "ERROR: 0:12: ...") so that every message starts with "<file>:<line>: ".
std::string FormatShaderLog(std::string_view log, const std::string& file);

} // namespace vak::gpu
