// Writes an RGBA image as a PNG through GDAL's PNG driver (no hand-written encoder).
// The file is written under a temporary name in the same folder and renamed into place, so a
// failed or interrupted export never leaves a half-written file where the user expects one.
#pragma once

#include "core/rgba_image.hpp"

#include <filesystem>

namespace vak::io {

struct PngOptions {
    bool keep_alpha = false; // screenshots are opaque: write RGB unless transparency matters
};

// Throws core::InputError naming the file and the reason when it cannot be written.
void WritePng(const core::RgbaImage& image, const std::filesystem::path& path, const PngOptions& options = {});

} // namespace vak::io
