#include "gpu/aggregate/engine_choice.hpp"

#include "core/aggregate/cpu_engine.hpp"
#include "core/errors.hpp"
#include "gpu/aggregate/gpu_engine.hpp"

namespace vak::gpu {

EngineChoice ChooseEngine(std::string_view option, const GlInfo* gl, const ShaderLibrary* shaders)
{
    EngineChoice choice;
    auto cpu = [&](std::string reason) {
        choice.engine = std::make_unique<core::agg::CpuEngine>();
        choice.reason = std::move(reason);
        return std::move(choice);
    };
    if (option == "cpu")
        return cpu("--engine cpu");
    const bool forced = option == "gpu";
    if (!gl || !shaders) {
        if (forced)
            throw core::InputError("--engine gpu: no OpenGL context to run the GPU engine on");
        return cpu("no OpenGL context");
    }
    if (!gl->has_compute) {
        const std::string why = "OpenGL " + gl->version + " on " + gl->renderer + " has no compute shaders (4.3)";
        if (forced)
            throw core::InputError("--engine gpu: " + why);
        return cpu(why);
    }
    if (gl->is_software && !forced)
        return cpu("software OpenGL (" + gl->renderer + "): the CPU engine is faster there");
    try {
        choice.engine = std::make_unique<GpuEngine>(*shaders);
        choice.reason = forced ? "--engine gpu" : "hardware OpenGL with compute shaders";
        return choice;
    } catch (const core::InputError& e) {
        if (forced)
            throw core::InputError(std::string("--engine gpu: ") + e.what());
        return cpu(std::string("GPU engine unavailable: ") + e.what());
    }
}

} // namespace vak::gpu
