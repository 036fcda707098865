// Long work on a worker with progress after half a second: the rule tested with an injected
// clock (no waiting, no timing), and an image export from the File menu finishing on a worker
// while the dashboard keeps drawing frames.
#include "ui/file_actions.hpp"

#include "core/errors.hpp"
#include "support/ci.hpp"
#include "support/temp_dir.hpp"
#include "ui/dashboard.hpp"
#include "ui/headless_render.hpp"
#include "ui/ui_session.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <future>
#include <memory>
#include <thread>

namespace vak::ui {
namespace {

// Polls until the task has finished (the work itself decides when; bounded so a hang fails).
const std::optional<FileResult>& WaitFor(BackgroundTask& task)
{
    for (int i = 0; i < 20000 && !task.Poll(); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return task.Poll();
}

TEST(BackgroundTask, ProgressAppearsOnlyOnceTheWorkHasTakenHalfASecond)
{
    double now = 100.0;
    std::promise<void> release;
    std::shared_future<void> gate = release.get_future().share();
    BackgroundTask task("Exporteren 3840x2160 PNG", [gate] { gate.wait(); }, "wrote x.png", [&now] { return now; });
    EXPECT_EQ(task.What(), "Exporteren 3840x2160 PNG");
    EXPECT_FALSE(task.ShowProgress());
    now = 100.49;
    EXPECT_FALSE(task.ShowProgress());
    EXPECT_FALSE(task.Poll().has_value()); // still held by the gate
    now = 100.5;
    EXPECT_TRUE(task.ShowProgress());
    now = 107.0;
    EXPECT_TRUE(task.ShowProgress());
    release.set_value();
    const std::optional<FileResult>& result = WaitFor(task);
    ASSERT_TRUE(result.has_value());
    EXPECT_TRUE(result->ok);
    EXPECT_EQ(result->message, "wrote x.png");
    EXPECT_FALSE(task.ShowProgress()); // done: nothing left to show
}

TEST(BackgroundTask, QuickWorkNeverShowsProgress)
{
    double now = 5.0;
    BackgroundTask task("Exporteren 640x480 PNG", [] {}, "wrote y.png", [&now] { return now; });
    now = 5.2;
    ASSERT_TRUE(WaitFor(task).has_value());
    now = 9.0; // long after: it finished before the half second was up
    EXPECT_FALSE(task.ShowProgress());
}

TEST(BackgroundTask, AFailedWriteIsAResultNamingTheProblem)
{
    BackgroundTask task("Exporteren 640x480 GeoTIFF", [] { throw core::InputError("z.tif: cannot write: disk full"); },
                        "wrote z.tif");
    const std::optional<FileResult>& result = WaitFor(task);
    ASSERT_TRUE(result.has_value());
    EXPECT_FALSE(result->ok);
    EXPECT_EQ(result->message, "z.tif: cannot write: disk full");
}

TEST(BackgroundTask, AnExportFromTheFileMenuIsWrittenWhileFramesGoOn)
{
    core::CommonOptions options;
    options.shader_dir = VAK_TEST_SHADER_DIR;
    std::unique_ptr<HeadlessDashboard> dashboard;
    try {
        dashboard = std::make_unique<HeadlessDashboard>(options, core::ViewData{}, core::RegionFileOptions{}, nullptr,
                                                        core::ImageSize{960, 600});
    } catch (const core::InputError& e) {
        if (test::InCi())
            FAIL() << e.what();
        GTEST_SKIP() << e.what();
    }
    test::TempDir temp{"vak_background_task"};
    const auto file = temp.Path() / "dashboard.png";
    UiSession& session = dashboard->Session();
    const FileResult started = RunFileRequest(session, {FileAction::ExportPng, file.string()});
    EXPECT_TRUE(started.pending);
    EXPECT_EQ(started.message, "Exporteren 960x600 PNG\xE2\x80\xA6");
    int frames = 0;
    while (session.GetDashboard().Busy() && frames < 2000) {
        dashboard->Frames(1);
        ++frames;
    }
    EXPECT_FALSE(session.GetDashboard().Busy());
    std::ifstream png(file, std::ios::binary);
    char signature[8] = {};
    png.read(signature, 8);
    EXPECT_EQ(std::string(signature + 1, 3), "PNG") << file;
}

} // namespace
} // namespace vak::ui
