#include "gpu_bench_engine.hpp"

#include "core/errors.hpp"
#include "core/resource_paths.hpp"
#include "gpu/aggregate/gpu_engine.hpp"
#include "gpu/egl_headless_context.hpp"

#include <cstdlib>

namespace vak::bench {

namespace {

// One context for the whole run: made once, current on the benchmark thread.
gpu::GlContext* Context(std::string& why_not)
{
    static std::unique_ptr<gpu::GlContext> context;
    static std::string error;
    static bool tried = false;
    if (!tried) {
        tried = true;
        try {
            context = gpu::CreateHeadlessContext();
        } catch (const core::InputError& e) {
            error = e.what();
        }
    }
    why_not = error;
    return context.get();
}

} // namespace

bool WantGpu()
{
    if (const char* env = std::getenv("VAK_BENCH_GPU"))
        return std::string(env) == "1";
    std::string why;
    gpu::GlContext* context = Context(why);
    return context && context->Info().has_compute && !context->Info().is_software;
}

std::unique_ptr<core::agg::Engine> MakeGpuEngine(std::string& why_not)
{
    gpu::GlContext* context = Context(why_not);
    if (!context)
        return nullptr;
    try {
        context->MakeCurrent();
        static const gpu::ShaderLibrary shaders(core::FindShaderDir(core::DefaultShaderDirQuery({})));
        return std::make_unique<gpu::GpuEngine>(shaders);
    } catch (const core::InputError& e) {
        why_not = e.what();
        return nullptr;
    }
}

} // namespace vak::bench
