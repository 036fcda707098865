// The dashboard's default start as a golden image: the demo tables loaded, the map coloured
// by the latest year with its legend, the time chart with the national line and forecast.
// A change in classes, colours, legend or chart shows up here before a user sees it.
#include "core/errors.hpp"
#include "support/ci.hpp"
#include "support/golden_image.hpp"
#include "ui/headless_render.hpp"

#include <gtest/gtest.h>

namespace vak::ui {
namespace {

TEST(DashboardGolden, DefaultStartShowsTheDemoChoroplethWithLegendAndTimeChart)
{
    core::CommonOptions options;
    options.shader_dir = VAK_TEST_SHADER_DIR;
    core::RgbaImage image;
    try {
        image = RenderDefaultView(options, {}, {}, {1280, 720});
    } catch (const core::InputError& e) {
        if (test::InCi())
            FAIL() << e.what();
        GTEST_SKIP() << e.what();
    }
    test::CompareWithGolden(image, "dashboard_default.png");
}

} // namespace
} // namespace vak::ui
