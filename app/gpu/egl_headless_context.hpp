// A headless OpenGL 4.3+ core context through EGL, with no window and no display.
// It prefers a hardware EGL device (EGL_EXT_platform_device, e.g. an NVIDIA GPU) and falls back
// to Mesa's surfaceless platform (EGL_PLATFORM_SURFACELESS_MESA), which runs on llvmpipe on a
// machine without a GPU. VAKATLAS_EGL_PLATFORM=device|surfaceless forces one of the two.
#pragma once

#include "gpu/gl_context.hpp"

#include <memory>

namespace vak::gpu {

// Creates the context and makes it current. Throws core::InputError with every reason when no
// platform gave a 4.3 core context.
std::unique_ptr<GlContext> CreateHeadlessContext();

} // namespace vak::gpu
