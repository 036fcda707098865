#include "core/rgba_image.hpp"

#include <gtest/gtest.h>

namespace vak::core {
namespace {

TEST(RgbaImage, FlipRowsSwapsTopAndBottom)
{
    RgbaImage image(2, 3);
    for (int y = 0; y < 3; ++y)
        for (int x = 0; x < 2 * 4; ++x)
            image.Row(y)[x] = static_cast<std::uint8_t>(y * 10);
    FlipRows(image);
    EXPECT_EQ(image.Row(0)[0], 20);
    EXPECT_EQ(image.Row(1)[5], 10);
    EXPECT_EQ(image.Row(2)[7], 0);
}

TEST(RgbaImage, CountDistinctColorsStopsAtTheLimit)
{
    RgbaImage image(4, 4);
    EXPECT_EQ(CountDistinctColors(image, 100), 1u);
    for (int i = 0; i < 16; ++i)
        image.pixels[i * 4] = static_cast<std::uint8_t>(i);
    EXPECT_EQ(CountDistinctColors(image, 100), 16u);
    EXPECT_EQ(CountDistinctColors(image, 5), 5u);
}

} // namespace
} // namespace vak::core
