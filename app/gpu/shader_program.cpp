#include "gpu/shader_program.hpp"

#include <epoxy/gl.h>

#include <algorithm>
#include <cstring>
#include <utility>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace vak::gpu {

namespace fs = std::filesystem;

// [SECTION] info-log formatting

std::string FormatShaderLog(std::string_view log, const std::string& file)
{
    static const std::regex kMesa(R"(^\s*\d+:(\d+)\((\d+)\):\s*(.*)$)");
    static const std::regex kNvidia(R"(^\s*\d+\((\d+)\)\s*:\s*(.*)$)");
    static const std::regex kGlslang(R"(^\s*(ERROR|WARNING):\s*\d+:(\d+):\s*(.*)$)");
    std::string out;
    std::istringstream lines{std::string(log)};
    std::string line;
    std::smatch m;
    while (std::getline(lines, line)) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos)
            continue;
        if (std::regex_match(line, m, kMesa))
            out += file + ":" + m[1].str() + ":" + m[2].str() + ": " + m[3].str();
        else if (std::regex_match(line, m, kNvidia))
            out += file + ":" + m[1].str() + ": " + m[2].str();
        else if (std::regex_match(line, m, kGlslang)) {
            std::string kind = m[1].str() == "ERROR" ? "error" : "warning";
            out += file + ":" + m[2].str() + ": " + kind + ": " + m[3].str();
        } else
            out += file + ": " + line;
        out += '\n';
    }
    return out;
}

// [SECTION] compiling and linking

namespace {

std::string ReadTextFile(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw ShaderError("cannot read shader " + path.string());
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

GLenum StageFor(const fs::path& path)
{
    const std::string ext = path.extension().string();
    if (ext == ".vert")
        return GL_VERTEX_SHADER;
    if (ext == ".frag")
        return GL_FRAGMENT_SHADER;
    return GL_COMPUTE_SHADER;
}

std::string InfoLog(GLuint object, bool is_program)
{
    GLint length = 0;
    if (is_program)
        glGetProgramiv(object, GL_INFO_LOG_LENGTH, &length);
    else
        glGetShaderiv(object, GL_INFO_LOG_LENGTH, &length);
    std::string log(static_cast<std::size_t>(std::max(length, 1)), '\0');
    if (is_program)
        glGetProgramInfoLog(object, length, nullptr, log.data());
    else
        glGetShaderInfoLog(object, length, nullptr, log.data());
    log.resize(std::strlen(log.c_str()));
    return log;
}

GLuint CompileStage(const fs::path& path)
{
    const std::string source = ReadTextFile(path);
    const GLuint shader = glCreateShader(StageFor(path));
    const char* text = source.c_str();
    glShaderSource(shader, 1, &text, nullptr);
    glCompileShader(shader);
    GLint ok = GL_FALSE;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        std::string log = FormatShaderLog(InfoLog(shader, false), path.string());
        glDeleteShader(shader);
        throw ShaderError("shader " + path.string() + " does not compile:\n" + log);
    }
    return shader;
}

} // namespace

ShaderProgram ShaderLibrary::Load(std::string_view name) const
{
    const fs::path base = m_dir / std::string(name);
    std::vector<fs::path> stages;
    std::error_code ec;
    if (fs::exists(fs::path(base.string() + ".comp"), ec)) {
        stages.push_back(base.string() + ".comp");
    } else {
        // <name>.vert, else the vertex stage named by a prefix: region_fill -> region.vert.
        fs::path vertex = base.string() + ".vert";
        for (std::string prefix(name); !fs::exists(vertex, ec);) {
            const auto cut = prefix.rfind('_');
            if (cut == std::string::npos) {
                vertex = base.string() + ".vert"; // report the plain name as missing
                break;
            }
            prefix.resize(cut);
            vertex = m_dir / (prefix + ".vert");
        }
        stages.push_back(vertex);
        stages.push_back(base.string() + ".frag");
    }
    for (const fs::path& p : stages)
        if (!fs::is_regular_file(p, ec))
            throw ShaderError("shader program '" + std::string(name) + "': missing " + p.string());

    std::vector<GLuint> shaders;
    try {
        for (const fs::path& p : stages)
            shaders.push_back(CompileStage(p));
    } catch (...) {
        for (GLuint s : shaders)
            glDeleteShader(s);
        throw;
    }
    const GLuint program = glCreateProgram();
    for (GLuint s : shaders)
        glAttachShader(program, s);
    glLinkProgram(program);
    for (GLuint s : shaders) {
        glDetachShader(program, s);
        glDeleteShader(s);
    }
    GLint ok = GL_FALSE;
    glGetProgramiv(program, GL_LINK_STATUS, &ok);
    if (!ok) {
        std::string log = FormatShaderLog(InfoLog(program, true), base.string() + ".*");
        glDeleteProgram(program);
        throw ShaderError("shader program '" + std::string(name) + "' does not link:\n" + log);
    }
    return ShaderProgram(program, std::string(name));
}

std::vector<std::string> ShaderLibrary::ListPrograms() const
{
    std::set<std::string> names;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(m_dir, ec)) {
        const std::string ext = entry.path().extension().string();
        if (ext == ".frag" || ext == ".comp")
            names.insert(entry.path().stem().string());
    }
    return {names.begin(), names.end()};
}

// [SECTION] ShaderProgram

ShaderProgram::~ShaderProgram()
{
    if (m_id)
        glDeleteProgram(m_id);
}

ShaderProgram::ShaderProgram(ShaderProgram&& other) noexcept
    : m_id(std::exchange(other.m_id, 0)), m_name(std::move(other.m_name))
{
}

ShaderProgram& ShaderProgram::operator=(ShaderProgram&& other) noexcept
{
    if (this != &other) {
        if (m_id)
            glDeleteProgram(m_id);
        m_id = std::exchange(other.m_id, 0);
        m_name = std::move(other.m_name);
    }
    return *this;
}

void ShaderProgram::Use() const
{
    glUseProgram(m_id);
}

void ShaderProgram::SetFloat(const char* name, float v) const
{
    glProgramUniform1f(m_id, glGetUniformLocation(m_id, name), v);
}

void ShaderProgram::SetVec3(const char* name, float x, float y, float z) const
{
    glProgramUniform3f(m_id, glGetUniformLocation(m_id, name), x, y, z);
}

} // namespace vak::gpu
