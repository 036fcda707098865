// `vakatlas render`: the default dashboard view drawn without a window, through a headless EGL
// context, into an image of any size up to 8K.
#pragma once

#include "core/command_line.hpp"
#include "core/rgba_image.hpp"

namespace vak::ui {

// Throws core::InputError when no headless GL context can be made, the size exceeds the
// driver's limits, or a resource (font, shaders) is missing.
// `regions` and `tables` are loaded first (no regions: the demo geography).
core::RgbaImage RenderDefaultView(const core::CommonOptions& options, const core::RegionFileOptions& regions,
                                  const core::TableFileOptions& tables, core::ImageSize size);

} // namespace vak::ui
