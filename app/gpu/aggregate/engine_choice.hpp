// Which aggregation backend a session gets (--engine auto|gpu|cpu). "auto" takes the GPU on
// hardware GL and the CPU on a software GL such as llvmpipe, where the compute shaders would
// run on the CPU anyway, slower than the CPU engine's own loops; it also falls back to the CPU
// when the GPU engine cannot start, and says why.
#pragma once

#include "core/aggregate/engine.hpp"
#include "gpu/gl_context.hpp"
#include "gpu/shader_program.hpp"

#include <memory>
#include <string>
#include <string_view>

namespace vak::gpu {

struct EngineChoice {
    std::unique_ptr<core::agg::Engine> engine;
    std::string reason; // why this backend: "software OpenGL (llvmpipe): CPU is faster", ...
};

// `gl` null: no GL context (only "cpu" and "auto" can be served). With a context, it must be
// current. "gpu" throws core::InputError when the GPU engine cannot start.
EngineChoice ChooseEngine(std::string_view option, const GlInfo* gl, const ShaderLibrary* shaders);

} // namespace vak::gpu
