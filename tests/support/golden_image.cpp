#include "support/golden_image.hpp"

#include "io/png_export.hpp"

#include <gtest/gtest.h>
#include <stb_image.h>

#include <cstdlib>
#include <filesystem>
#include <memory>

namespace vak::test {

namespace fs = std::filesystem;

void CompareWithGolden(const core::RgbaImage& image, const std::string& name)
{
    const fs::path golden = fs::path(VAK_TEST_SOURCE_DIR) / "tests" / "golden" / name;
    if (std::getenv("VAK_UPDATE_GOLDEN")) {
        io::WritePng(image, golden);
        GTEST_SKIP() << "golden image written: " << golden << " (look at it before committing)";
    }
    int width = 0;
    int height = 0;
    int channels = 0;
    std::unique_ptr<stbi_uc, void (*)(void*)> expected(stbi_load(golden.c_str(), &width, &height, &channels, 4),
                                                      stbi_image_free);
    ASSERT_TRUE(expected) << "missing golden " << golden << "; run with VAK_UPDATE_GOLDEN=1";
    ASSERT_EQ(width, image.width) << golden;
    ASSERT_EQ(height, image.height) << golden;
    // Tolerance as in the map goldens: anti-aliased edges may differ a little between drivers;
    // a moved, missing or recoloured element changes far more than 0.5 % of the pixels.
    std::size_t differing = 0;
    for (std::size_t i = 0; i < image.pixels.size(); i += 4)
        for (std::size_t ch = 0; ch < 3; ++ch)
            if (std::abs(image.pixels[i + ch] - expected.get()[i + ch]) > 24) {
                ++differing;
                break;
            }
    const std::size_t total = image.pixels.size() / 4;
    if (differing > total / 200) {
        const fs::path actual = fs::temp_directory_path() / ("actual_" + name);
        io::WritePng(image, actual);
        ADD_FAILURE() << differing << " of " << total << " pixels differ from " << golden << "; this render: " << actual;
    }
}

} // namespace vak::test
