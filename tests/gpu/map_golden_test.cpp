// Each real 2025 CBS layer rendered headless by the map canvas, compared with a reviewed golden
// image in tests/golden. Regenerate after an intended change with VAK_UPDATE_GOLDEN=1 and look
// at the new images before committing them.
#include "core/geo/map_camera.hpp"
#include "gpu/map_canvas.hpp"
#include "io/png_export.hpp"
#include "io/region_reader.hpp"
#include "support/gl_fixture.hpp"
#include "support/png_reader.hpp"
#include "support/shared_data.hpp"

#include <cstdlib>
#include <filesystem>

namespace vak::gpu {
namespace {

namespace fs = std::filesystem;

struct GoldenCase {
    const char* file;
    const char* golden;
};

class MapGolden : public test::GlTest, public ::testing::WithParamInterface<GoldenCase> {};

TEST_P(MapGolden, RenderMatchesTheGoldenImage)
{
    const GoldenCase& param = GetParam();
    VAK_REQUIRE_SHARED(param.file);
    const core::RegionLayer layer = io::ReadRegionLayer(test::SharedFile(param.file));
    const ShaderLibrary shaders(VAK_TEST_SHADER_DIR);
    MapCanvas canvas(shaders);
    core::MapCamera camera;
    camera.SetViewport(360, 420);
    camera.Fit(layer.bounds, 10);
    MapScene scene;
    scene.layer = &layer;
    scene.camera = &camera;
    MapCanvasStyle style;
    style.grid_px = 0;
    canvas.Render(360, 420, style, scene);
    const core::RgbaImage image = canvas.Target().ReadPixels();

    const fs::path golden = fs::path(VAK_TEST_GOLDEN_DIR) / param.golden;
    if (std::getenv("VAK_UPDATE_GOLDEN")) {
        io::WritePng(image, golden);
        GTEST_SKIP() << "golden image written: " << golden << " (look at it before committing)";
    }
    const core::RgbaImage expected = test::ReadPng(golden.string());
    ASSERT_EQ(expected.width, image.width) << "missing or different golden " << golden;
    ASSERT_EQ(expected.height, image.height);

    // Tolerance: edge pixels may differ slightly between drivers (multisampling, rounding);
    // a moved, missing or recoloured region changes far more than 0.5 % of the pixels.
    std::size_t differing = 0;
    for (std::size_t i = 0; i < image.pixels.size(); i += 4)
        for (int c = 0; c < 3; ++c)
            if (std::abs(image.pixels[i + c] - expected.pixels[i + c]) > 24) {
                ++differing;
                break;
            }
    const std::size_t total = image.pixels.size() / 4;
    if (differing > total / 200) {
        const fs::path actual = fs::temp_directory_path() / (std::string("actual_") + param.golden);
        io::WritePng(image, actual);
        ADD_FAILURE() << differing << " of " << total << " pixels differ from " << golden << "; this render: " << actual;
    }
    // And the map is not empty: region fill covers a good part of the view.
    std::size_t filled = 0;
    for (std::size_t i = 0; i < image.pixels.size(); i += 4)
        filled += image.pixels[i] > 225 && image.pixels[i + 1] > 225 && image.pixels[i + 2] < 232 &&
                  image.pixels[i] > image.pixels[i + 2];
    EXPECT_GT(filled, total / 5);
}

INSTANTIATE_TEST_SUITE_P(Cbs2025, MapGolden,
                         ::testing::Values(GoldenCase{"geodata/cbs/gemeente_2025.topojson", "gemeente_2025.png"},
                                           GoldenCase{"geodata/cbs/arbeidsmarktregio_2025.topojson",
                                                      "arbeidsmarktregio_2025.png"},
                                           GoldenCase{"geodata/cbs/provincie_2025.topojson", "provincie_2025.png"}),
                         [](const auto& info) {
                             std::string name = info.param.golden;
                             return name.substr(0, name.find('.'));
                         });

} // namespace
} // namespace vak::gpu
