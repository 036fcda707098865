#include "core/rgba_image.hpp"

#include <algorithm>
#include <cstring>
#include <unordered_set>

namespace vak::core {

void FlipRows(RgbaImage& image)
{
    std::vector<std::uint8_t> tmp(image.RowBytes());
    for (int top = 0, bottom = image.height - 1; top < bottom; ++top, --bottom) {
        std::memcpy(tmp.data(), image.Row(top), image.RowBytes());
        std::memcpy(image.Row(top), image.Row(bottom), image.RowBytes());
        std::memcpy(image.Row(bottom), tmp.data(), image.RowBytes());
    }
}

std::size_t CountDistinctColors(const RgbaImage& image, std::size_t limit)
{
    std::unordered_set<std::uint32_t> seen;
    const std::size_t count = static_cast<std::size_t>(image.width) * image.height;
    for (std::size_t i = 0; i < count && seen.size() < limit; ++i) {
        std::uint32_t rgba;
        std::memcpy(&rgba, image.pixels.data() + i * 4, 4);
        seen.insert(rgba);
    }
    return seen.size();
}

} // namespace vak::core
