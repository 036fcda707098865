// Test helper: how many GL objects of each kind are alive in the current context, for tests that
// look for leaks (a soak of thousands of interactions must end with the objects it started
// with). The gpu module has no common wrapper that could count creations, and ImGui's GL backend
// makes its own, so this asks GL itself: glIs* over every name up to the highest one handed out.
// Mesa gives out names counting up (freed ones are not reused by default), so a fresh name from
// glGen*/glCreate* is the frontier: every live object lies below it.
#pragma once

#include <epoxy/gl.h>

#include <array>
#include <cstdio>
#include <string>

namespace vak::test {

struct GlObjectCounts {
    // Programs and shaders share one name space; the rest have one each.
    enum Kind { Buffers, Textures, VertexArrays, Framebuffers, Renderbuffers, Programs, Shaders, kKinds };
    std::array<long, kKinds> count{};

    static const char* Name(int kind)
    {
        static const char* names[kKinds] = {"buffers",       "textures", "vertex arrays", "framebuffers",
                                            "renderbuffers", "programs", "shaders"};
        return names[kind];
    }
    long Total() const
    {
        long sum = 0;
        for (long c : count)
            sum += c;
        return sum;
    }
    GlObjectCounts operator-(const GlObjectCounts& other) const
    {
        GlObjectCounts d;
        for (int k = 0; k < kKinds; ++k)
            d.count[k] = count[k] - other.count[k];
        return d;
    }
    GlObjectCounts& operator+=(const GlObjectCounts& other)
    {
        for (int k = 0; k < kKinds; ++k)
            count[k] += other.count[k];
        return *this;
    }
    // "buffers 12, textures 5, ..." (all kinds, zeros too, so two lines compare column by column).
    std::string Text() const
    {
        std::string text;
        for (int k = 0; k < kKinds; ++k) {
            char part[48];
            std::snprintf(part, sizeof part, "%s%s %ld", k ? ", " : "", Name(k), count[k]);
            text += part;
        }
        return text;
    }
};

// Needs the context current. Does not change any binding: the names it makes are never bound.
inline GlObjectCounts CountGlObjects()
{
    // A few names past the frontier, in case a driver hands out names from a block.
    constexpr GLuint kSlack = 64;
    const auto count = [](GLuint frontier, auto is_object) {
        long n = 0;
        for (GLuint name = 1; name < frontier + kSlack; ++name)
            n += is_object(name) ? 1 : 0;
        return n;
    };
    GlObjectCounts c;
    GLuint name = 0;
    glGenBuffers(1, &name);
    glDeleteBuffers(1, &name);
    c.count[GlObjectCounts::Buffers] = count(name, [](GLuint n) { return glIsBuffer(n) == GL_TRUE; });
    glGenTextures(1, &name);
    glDeleteTextures(1, &name);
    c.count[GlObjectCounts::Textures] = count(name, [](GLuint n) { return glIsTexture(n) == GL_TRUE; });
    glGenVertexArrays(1, &name);
    glDeleteVertexArrays(1, &name);
    c.count[GlObjectCounts::VertexArrays] = count(name, [](GLuint n) { return glIsVertexArray(n) == GL_TRUE; });
    glGenFramebuffers(1, &name);
    glDeleteFramebuffers(1, &name);
    c.count[GlObjectCounts::Framebuffers] = count(name, [](GLuint n) { return glIsFramebuffer(n) == GL_TRUE; });
    glGenRenderbuffers(1, &name);
    glDeleteRenderbuffers(1, &name);
    c.count[GlObjectCounts::Renderbuffers] = count(name, [](GLuint n) { return glIsRenderbuffer(n) == GL_TRUE; });
    name = glCreateProgram();
    glDeleteProgram(name);
    c.count[GlObjectCounts::Programs] = count(name, [](GLuint n) { return glIsProgram(n) == GL_TRUE; });
    c.count[GlObjectCounts::Shaders] = count(name, [](GLuint n) { return glIsShader(n) == GL_TRUE; });
    return c;
}

} // namespace vak::test
