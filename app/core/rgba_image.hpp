// A plain 8-bit RGBA image in memory, top row first: what an offscreen render reads back and
// what the PNG exporter writes. No GL and no file format here.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace vak::core {

struct RgbaImage {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels; // width * height * 4 bytes, rows top to bottom

    RgbaImage() = default;
    RgbaImage(int w, int h) : width(w), height(h), pixels(static_cast<std::size_t>(w) * h * 4, 0) {}

    std::size_t RowBytes() const { return static_cast<std::size_t>(width) * 4; }
    std::uint8_t* Row(int y) { return pixels.data() + RowBytes() * y; }
    const std::uint8_t* Row(int y) const { return pixels.data() + RowBytes() * y; }
};

// OpenGL reads framebuffers bottom row first; images are stored top row first.
void FlipRows(RgbaImage& image);

// Number of distinct RGBA values, counting no further than `limit` (cheap "is it blank?" check).
std::size_t CountDistinctColors(const RgbaImage& image, std::size_t limit);

} // namespace vak::core
