// Test helper: reads a PNG back through GDAL, independently of the code that wrote it.
#pragma once

#include "core/rgba_image.hpp"

#include <string>

namespace vak::test {

// RGBA image of the file (alpha 255 when the file has three bands); empty image when GDAL
// cannot open it.
core::RgbaImage ReadPng(const std::string& path);

} // namespace vak::test
