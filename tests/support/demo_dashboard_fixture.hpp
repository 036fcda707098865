// Test fixtures for UI tests on a running dashboard, headless, on the demo data (no files given,
// as `vakatlas` and `vakatlas render` start). Starting throws core::InputError where no headless
// GL context, font or shader can be had: that fails the test in CI, where all of them must be
// there (style.md), and skips it on a developer machine.
//
// Two kinds of start:
//   - DemoDashboardTest: a ui::HeadlessDashboard, as `vakatlas render` makes it (layout settled,
//     the demo tables checked as loaded);
//   - HeadlessSessionTest: a HeadlessSession over a workspace the test loads, whose every frame
//     the test drives itself (the first frames included).
// Both return false from their Start* when the test was skipped or failed; the caller returns
// then (from SetUp, gtest runs no test body after a skip or a fatal failure).
#pragma once

#include "core/command_line.hpp"
#include "core/dashboard/dashboard_model.hpp"
#include "core/errors.hpp"
#include "core/workspace.hpp"
#include "io/workspace_loader.hpp"
#include "support/ci.hpp"
#include "support/headless_session.hpp"
#include "support/shared_data.hpp"
#include "ui/headless_render.hpp"
#include "ui/ui_session.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

namespace vak::test {

// Options for a headless dashboard in tests: the shaders of this source tree.
inline core::CommonOptions HeadlessOptions()
{
    core::CommonOptions options;
    options.shader_dir = VAK_TEST_SHADER_DIR;
    return options;
}

// What a start that threw does to the current test. Returns from here only: the caller asks
// StillRunning().
inline void FailInCiOrSkip(const core::InputError& e)
{
    if (InCi())
        FAIL() << e.what();
    GTEST_SKIP() << e.what();
}

// Whether the current test goes on: neither skipped nor fatally failed.
inline bool StillRunning()
{
    return !::testing::Test::IsSkipped() && !::testing::Test::HasFatalFailure();
}

// Loads the demo geography and tables into `workspace`, and the tables `more_tables` beside them,
// then starts `headless` on it at `size`.
[[nodiscard]] inline bool StartDemoSession(HeadlessSession& headless, core::Workspace& workspace,
                                           core::ImageSize size, const std::vector<std::string>& more_tables = {})
{
    try {
        io::LoadRegionFiles({}, workspace);
        io::LoadDataFiles({}, workspace);
        if (!more_tables.empty()) {
            core::TableFileOptions more;
            more.files = more_tables;
            io::LoadDataFiles(more, workspace);
        }
        headless.Start(workspace, size);
    } catch (const core::InputError& e) {
        FailInCiOrSkip(e);
    }
    return StillRunning();
}

// DUO's real primary-school pupils per school (../shared): the Krimp theme's leading indicator.
inline constexpr const char* kDuoPrimaryPupils = "data/real/duo_po_leerlingen_per_vestiging_1996_2025.csv";

// The demo with DUO's primary-school file beside it, a first frame drawn and the Krimp theme
// chosen: where the leading indicator shows. False when skipped (no ../shared, no GL) or failed.
[[nodiscard]] inline bool StartKrimpWithPrimaryPupils(HeadlessSession& headless, core::Workspace& workspace,
                                                      core::ImageSize size)
{
    if (!HaveShared(kDuoPrimaryPupils)) {
        [] { VAK_REQUIRE_SHARED(kDuoPrimaryPupils); }(); // skips, or fails in CI
        return false;
    }
    if (!StartDemoSession(headless, workspace, size, {SharedFile(kDuoPrimaryPupils)}))
        return false;
    headless.Frame();
    if (!headless.ChooseTheme(ui::Theme::Krimp)) {
        ADD_FAILURE() << "the Krimp theme did not settle";
        return false;
    }
    return true;
}

// A fixture holding a ui::HeadlessDashboard on the demo. In SetUp, or in a test that picks its
// own size:  if (!StartDemo({1280, 720})) return;
class DemoDashboardTest : public ::testing::Test {
protected:
    // Starts `m_dashboard` at `size` and asserts that the demo tables loaded.
    [[nodiscard]] bool StartDemo(core::ImageSize size, const core::CommonOptions& options = HeadlessOptions())
    {
        try {
            m_dashboard = std::make_unique<ui::HeadlessDashboard>(options, core::ViewData{}, core::RegionFileOptions{},
                                                                  nullptr, size);
        } catch (const core::InputError& e) {
            FailInCiOrSkip(e);
            return false;
        }
        AssertDemoData();
        return StillRunning();
    }
    void TearDown() override { m_dashboard.reset(); }

    ui::UiSession& Session() { return m_dashboard->Session(); }
    core::Workspace& Workspace() { return m_dashboard->GetWorkspace(); }
    core::DashboardModel& Model() { return Session().Model(); }

    std::unique_ptr<ui::HeadlessDashboard> m_dashboard;

private:
    void AssertDemoData() { ASSERT_TRUE(Model().HasData()) << "the demo tables load at the default start"; }
};

// A fixture holding a HeadlessSession over `m_workspace`; no frame is drawn until the test draws
// one.
class HeadlessSessionTest : public ::testing::Test {
protected:
    // The demo (and `more_tables` beside it) loaded, the session started at `size`.
    [[nodiscard]] bool StartDemoSession(core::ImageSize size, const std::vector<std::string>& more_tables = {})
    {
        if (!test::StartDemoSession(m_headless, m_workspace, size, more_tables))
            return false;
        m_session = &m_headless.Session();
        return true;
    }
    // The session started at `size` on what the test loaded into `m_workspace`.
    [[nodiscard]] bool StartSession(core::ImageSize size)
    {
        try {
            m_headless.Start(m_workspace, size);
        } catch (const core::InputError& e) {
            FailInCiOrSkip(e);
            return false;
        }
        m_session = &m_headless.Session();
        return true;
    }
    void TearDown() override { m_headless.Stop(); }

    core::Workspace m_workspace;
    HeadlessSession m_headless; // declared after the workspace: stopped before it goes
    ui::UiSession* m_session = nullptr;
};

} // namespace vak::test
