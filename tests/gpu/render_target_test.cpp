#include "core/resource_paths.hpp"
#include "gpu/map_canvas.hpp"
#include "gpu/render_target.hpp"
#include "support/gl_fixture.hpp"

namespace vak::gpu {
namespace {

using RenderTargetTest = test::GlTest;

TEST_F(RenderTargetTest, ClearColourReadsBackTopRowFirst)
{
    RenderTarget target;
    target.EnsureSize(97, 41);
    target.Clear(1.0f, 0.5f, 0.0f, 1.0f);
    const core::RgbaImage image = target.ReadPixels();
    ASSERT_EQ(image.width, 97);
    ASSERT_EQ(image.height, 41);
    EXPECT_EQ(image.pixels[0], 255);
    EXPECT_NEAR(image.pixels[1], 128, 1);
    EXPECT_EQ(image.pixels[2], 0);
    EXPECT_EQ(core::CountDistinctColors(image, 10), 1u);
}

TEST_F(RenderTargetTest, SizeBeyondTheDriverLimitIsRefusedWithTheLimit)
{
    RenderTarget target;
    const int too_big = m_context->Info().max_texture_size + 1;
    try {
        target.EnsureSize(too_big, 64);
        FAIL() << "expected InputError";
    } catch (const core::InputError& e) {
        EXPECT_NE(std::string(e.what()).find(std::to_string(too_big - 1)), std::string::npos) << e.what();
    }
}

TEST_F(RenderTargetTest, MapCanvasDrawsAGradientWithGridLines)
{
    const ShaderLibrary shaders(VAK_TEST_SHADER_DIR);
    MapCanvas canvas(shaders);
    MapCanvasStyle style;
    style.grid_px = 16.0f;
    canvas.Render(128, 96, style);
    const core::RgbaImage image = canvas.Target().ReadPixels();
    ASSERT_EQ(image.width, 128);
    // Top lighter than bottom (the gradient), and grid lines add more colours than that.
    const std::uint8_t* top = image.Row(2) + 5 * 4;
    const std::uint8_t* bottom = image.Row(93) + 5 * 4;
    EXPECT_GT(top[0] + top[1] + top[2], bottom[0] + bottom[1] + bottom[2]);
    EXPECT_GT(core::CountDistinctColors(image, 1000), 20u);
}

} // namespace
} // namespace vak::gpu
