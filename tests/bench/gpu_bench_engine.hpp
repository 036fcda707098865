// The GPU engine for the aggregation benchmarks: a headless context and the engine, or the
// reason there is none. GPU benchmarks run where the GL is hardware, or when VAK_BENCH_GPU=1
// asks for them on a software GL (llvmpipe runs compute shaders on the CPU, slowly).
#pragma once

#include "core/aggregate/engine.hpp"

#include <memory>
#include <string>

namespace vak::bench {

bool WantGpu();
std::unique_ptr<core::agg::Engine> MakeGpuEngine(std::string& why_not);

} // namespace vak::bench
