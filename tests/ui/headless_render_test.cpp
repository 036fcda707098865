#include "core/errors.hpp"
#include "support/ci.hpp"
#include "ui/headless_render.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>

namespace vak::ui {
namespace {

// Renders through the same path as `vakatlas render`; skips only off CI without a GL context.
core::RgbaImage RenderOrSkip(const core::CommonOptions& options, core::ImageSize size, bool& skipped)
{
    skipped = false;
    try {
        return RenderDefaultView(options, {}, {}, size);
    } catch (const core::InputError& e) {
        // Only a missing GL context may skip, and never in CI; a font or shader error fails.
        if (test::InCi() || std::string(e.what()).find("headless OpenGL") == std::string::npos)
            ADD_FAILURE() << e.what();
        skipped = true;
        return {};
    }
}

core::CommonOptions Options(const char* language, int scale)
{
    core::CommonOptions options;
    options.language = language;
    options.ui_scale_percent = scale;
    options.shader_dir = VAK_TEST_SHADER_DIR;
    return options;
}

std::size_t DifferentPixels(const core::RgbaImage& a, const core::RgbaImage& b)
{
    std::size_t n = 0;
    for (std::size_t i = 0; i + 3 < a.pixels.size() && i + 3 < b.pixels.size(); i += 4)
        n += std::memcmp(&a.pixels[i], &b.pixels[i], 4) != 0;
    return n;
}

TEST(HeadlessRender, DefaultViewHasTheRequestedSizeAndRealContent)
{
    bool skipped;
    const core::RgbaImage image = RenderOrSkip(Options("nl", 100), {1280, 720}, skipped);
    if (skipped)
        GTEST_SKIP() << "no headless GL context";
    ASSERT_EQ(image.width, 1280);
    ASSERT_EQ(image.height, 720);
    // Text, panels, the map canvas gradient: many colours, not a cleared framebuffer.
    EXPECT_GT(core::CountDistinctColors(image, 500), 100u);
}

TEST(HeadlessRender, RenderingIsDeterministic)
{
    bool skipped;
    const core::RgbaImage a = RenderOrSkip(Options("nl", 100), {640, 400}, skipped);
    if (skipped)
        GTEST_SKIP() << "no headless GL context";
    const core::RgbaImage b = RenderOrSkip(Options("nl", 100), {640, 400}, skipped);
    EXPECT_EQ(DifferentPixels(a, b), 0u);
}

TEST(HeadlessRender, LanguageAndScaleChangeWhatIsDrawn)
{
    bool skipped;
    const core::RgbaImage nl = RenderOrSkip(Options("nl", 100), {1280, 720}, skipped);
    if (skipped)
        GTEST_SKIP() << "no headless GL context";
    const core::RgbaImage en = RenderOrSkip(Options("en", 100), {1280, 720}, skipped);
    const core::RgbaImage big = RenderOrSkip(Options("nl", 300), {1280, 720}, skipped);
    const std::size_t total = 1280u * 720u;
    EXPECT_GT(DifferentPixels(nl, en), total / 200) << "English texts differ from Dutch ones";
    EXPECT_GT(DifferentPixels(nl, big), total / 10) << "300% moves and enlarges everything";
    EXPECT_GT(core::CountDistinctColors(big, 500), 100u);
}

TEST(HeadlessRender, MissingFontFileIsNamed)
{
    core::CommonOptions options = Options("nl", 100);
    options.font_file = "/nonexistent/font.ttf";
    try {
        RenderDefaultView(options, {}, {}, {640, 400});
        FAIL() << "expected InputError";
    } catch (const core::InputError& e) {
        const std::string msg = e.what();
        if (msg.find("headless OpenGL") != std::string::npos && !test::InCi())
            GTEST_SKIP() << msg;
        EXPECT_NE(msg.find("/nonexistent/font.ttf"), std::string::npos) << msg;
    }
}

} // namespace
} // namespace vak::ui
