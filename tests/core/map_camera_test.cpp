#include "core/geo/map_camera.hpp"

#include <gtest/gtest.h>

namespace vak::core {
namespace {

Box2d Netherlands()
{
    Box2d b;
    b.Expand(Vec2d{13000, 306000});
    b.Expand(Vec2d{278000, 620000});
    return b;
}

TEST(MapCamera, FitShowsTheWholeExtentWithTheMargin)
{
    MapCamera cam;
    cam.SetViewport(800, 600);
    cam.Fit(Netherlands(), 20);
    const Box2d visible = cam.VisibleWorld();
    EXPECT_LE(visible.min_x, 13000);
    EXPECT_GE(visible.max_x, 278000);
    EXPECT_LE(visible.min_y, 306000);
    EXPECT_GE(visible.max_y, 620000);
    // The taller side touches the margin exactly.
    const Vec2d top = cam.WorldToScreen({145500, 620000});
    EXPECT_NEAR(top.y, 20.0, 1e-6);
}

TEST(MapCamera, FitLeavesRoomForAToolbarAtTheTop)
{
    MapCamera cam;
    cam.SetViewport(800, 600);
    cam.Fit(Netherlands(), 20, 60);
    EXPECT_NEAR(cam.WorldToScreen({145500, 620000}).y, 80.0, 1e-6);
    EXPECT_NEAR(cam.WorldToScreen({145500, 306000}).y, 580.0, 1e-6);
}

TEST(MapCamera, ScreenAndWorldRoundTrip)
{
    MapCamera cam;
    cam.SetViewport(640, 480);
    cam.Fit(Netherlands(), 0);
    for (Vec2d px : {Vec2d{0, 0}, Vec2d{320, 240}, Vec2d{639, 13}}) {
        const Vec2d back = cam.WorldToScreen(cam.ScreenToWorld(px));
        EXPECT_NEAR(back.x, px.x, 1e-6);
        EXPECT_NEAR(back.y, px.y, 1e-6);
    }
    // Screen y grows downwards, world y upwards.
    EXPECT_GT(cam.ScreenToWorld({10, 10}).y, cam.ScreenToWorld({10, 400}).y);
}

TEST(MapCamera, ZoomKeepsThePointUnderTheCursor)
{
    MapCamera cam;
    cam.SetViewport(800, 600);
    cam.Fit(Netherlands(), 0);
    const Vec2d cursor{200, 450};
    const Vec2d before = cam.ScreenToWorld(cursor);
    const double upp = cam.UnitsPerPixel();
    cam.ZoomAt(cursor, 2.0);
    EXPECT_NEAR(cam.UnitsPerPixel(), upp / 2.0, 1e-9);
    const Vec2d after = cam.ScreenToWorld(cursor);
    EXPECT_NEAR(after.x, before.x, 1e-6);
    EXPECT_NEAR(after.y, before.y, 1e-6);
}

TEST(MapCamera, ZoomIsLimitedAroundTheData)
{
    MapCamera cam;
    cam.SetViewport(800, 600);
    cam.Fit(Netherlands(), 0);
    const double fitted = cam.UnitsPerPixel();
    for (int i = 0; i < 50; ++i)
        cam.ZoomAt({400, 300}, 0.5);
    EXPECT_NEAR(cam.UnitsPerPixel(), fitted * 4.0, 1e-9) << "no further out than four times the data";
    for (int i = 0; i < 100; ++i)
        cam.ZoomAt({400, 300}, 2.0);
    EXPECT_NEAR(cam.UnitsPerPixel(), 0.1, 1e-12) << "no further in than 10 cm per pixel";
}

TEST(MapCamera, TinyExtentKeepsAValidZoomRange)
{
    MapCamera cam;
    cam.SetViewport(800, 600);
    Box2d two_metres;
    two_metres.Expand(Vec2d{0, 0});
    two_metres.Expand(Vec2d{2, 2});
    cam.Fit(two_metres, 0);
    const double fitted = cam.UnitsPerPixel();
    cam.ZoomAt({400, 300}, 10.0);
    EXPECT_NEAR(cam.UnitsPerPixel(), fitted, 1e-12) << "already at the closest zoom";
    cam.ZoomAt({400, 300}, 0.1);
    EXPECT_NEAR(cam.UnitsPerPixel(), fitted * 4.0, 1e-12);
}

TEST(MapCamera, DragMovesTheWorldWithTheMouse)
{
    MapCamera cam;
    cam.SetViewport(800, 600);
    cam.Fit(Netherlands(), 0);
    const Vec2d grabbed = cam.ScreenToWorld({100, 100});
    cam.PanPixels(30, -20);
    const Vec2d now = cam.WorldToScreen(grabbed);
    EXPECT_NEAR(now.x, 130, 1e-6);
    EXPECT_NEAR(now.y, 80, 1e-6);
}

TEST(MapCamera, ClipMatrixMapsTheViewToClipSpace)
{
    MapCamera cam;
    cam.SetViewport(800, 600);
    cam.Set({1000, 2000}, 10);
    const Vec2d origin{900, 1900};
    const auto m = cam.ClipFromLocal(origin);
    // The right edge of the view, relative to the origin, lands at clip x = +1.
    const Vec2d right = cam.ScreenToWorld({800, 300}) - origin;
    EXPECT_NEAR(m[0] * right.x + m[12], 1.0, 1e-5);
    const Vec2d top = cam.ScreenToWorld({400, 0}) - origin;
    EXPECT_NEAR(m[5] * top.y + m[13], 1.0, 1e-5);
}

} // namespace
} // namespace vak::core
