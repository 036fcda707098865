#include "support/gl_fixture.hpp"

#include <epoxy/gl.h>

#include <cstdio>
#include <vector>

namespace vak::gpu {
namespace {

using HeadlessContext = test::GlTest;

TEST_F(HeadlessContext, GivesOpenGL43CoreOrNewer)
{
    const GlInfo& info = m_context->Info();
    std::printf("headless context: %s via %s\n", info.Summary().c_str(), m_context->Kind().c_str());
    EXPECT_FALSE(info.renderer.empty());
    EXPECT_TRUE(info.major > 4 || (info.major == 4 && info.minor >= 3)) << info.version;
    EXPECT_TRUE(info.has_compute);
    EXPECT_GE(info.max_texture_size, 8192) << "8K exports need 8192-pixel textures";
    EXPECT_NE(info.Summary().find(info.renderer.substr(0, 6)), std::string::npos);
    GLint profile = 0;
    glGetIntegerv(GL_CONTEXT_PROFILE_MASK, &profile);
    EXPECT_TRUE(profile & GL_CONTEXT_CORE_PROFILE_BIT);
}

TEST_F(HeadlessContext, RunsAComputeShader)
{
    // Each invocation writes the square of its index; proves that compute dispatch and storage
    // buffers work on this context (the aggregation core's GPU backend depends on both).
    const char* source = R"(#version 430 core
        layout(local_size_x = 64) in;
        layout(std430, binding = 0) buffer Out { uint values[]; };
        void main() { uint i = gl_GlobalInvocationID.x; values[i] = i * i; })";
    GLuint shader = glCreateShader(GL_COMPUTE_SHADER);
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    GLint ok = 0;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    ASSERT_TRUE(ok);
    GLuint program = glCreateProgram();
    glAttachShader(program, shader);
    glLinkProgram(program);
    glGetProgramiv(program, GL_LINK_STATUS, &ok);
    ASSERT_TRUE(ok);

    constexpr GLuint kCount = 64 * 16;
    GLuint buffer = 0;
    glGenBuffers(1, &buffer);
    glBindBuffer(GL_SHADER_STORAGE_BUFFER, buffer);
    glBufferData(GL_SHADER_STORAGE_BUFFER, kCount * sizeof(GLuint), nullptr, GL_DYNAMIC_READ);
    glBindBufferBase(GL_SHADER_STORAGE_BUFFER, 0, buffer);
    glUseProgram(program);
    glDispatchCompute(kCount / 64, 1, 1);
    glMemoryBarrier(GL_BUFFER_UPDATE_BARRIER_BIT);
    std::vector<GLuint> values(kCount);
    glGetBufferSubData(GL_SHADER_STORAGE_BUFFER, 0, kCount * sizeof(GLuint), values.data());
    for (GLuint i = 0; i < kCount; ++i)
        ASSERT_EQ(values[i], i * i) << "at " << i;
    glDeleteBuffers(1, &buffer);
    glDeleteProgram(program);
    glDeleteShader(shader);
    EXPECT_EQ(glGetError(), static_cast<GLenum>(GL_NO_ERROR));
}

TEST_F(HeadlessContext, CanBeCreatedAgainAfterTheFirstIsGone)
{
    m_context.reset();
    auto second = CreateHeadlessContext();
    EXPECT_FALSE(second->Info().renderer.empty());
}

TEST(HeadlessContextChoice, UnknownForcedPlatformIsAClearError)
{
    setenv("VAKATLAS_EGL_PLATFORM", "wayland", 1);
    try {
        CreateHeadlessContext();
        ADD_FAILURE() << "expected InputError";
    } catch (const core::InputError& e) {
        EXPECT_NE(std::string(e.what()).find("VAKATLAS_EGL_PLATFORM"), std::string::npos);
    }
    unsetenv("VAKATLAS_EGL_PLATFORM");
}

} // namespace
} // namespace vak::gpu
