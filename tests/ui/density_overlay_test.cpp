// The vacancy density overlay in a headless dashboard on the demo: switched on in the
// Vacatures theme, its bins for the visible area equal, bin by bin, a brute-force count of the
// demo's vacancy points (read straight from vacature_punten.csv) in the quarter the dashboard
// shows; the PNG written with VAK_DENSITY_PNG=path is for looking at it.
#include "core/errors.hpp"
#include "gpu/density_layer.hpp"
#include "io/demo_cache.hpp"
#include "io/png_export.hpp"
#include "io/workspace_loader.hpp"
#include "support/demo_dashboard_fixture.hpp"
#include "support/headless_session.hpp"
#include "ui/density_overlay.hpp"
#include "ui/theme_controller.hpp"
#include "ui/ui_session.hpp"

#include <imgui_internal.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <numeric>
#include <sstream>
#include <string>
#include <vector>

namespace vak::ui {
namespace {

class DensityOverlayTest : public test::HeadlessSessionTest {
protected:
    void SetUp() override
    {
        if (!StartDemoSession({1920, 1080}))
            return;
        m_headless.Frame();
    }
};

// Brute force over the demo CSV (x;y in whole metres of RD New; the quarter last): the points of
// `period` per bin of `grid`, and how many of them there are in all.
struct CsvCount {
    std::vector<std::int64_t> bins;
    std::int64_t inside = 0, in_period = 0;
};
CsvCount CountCsv(const core::agg::PointGrid& grid, const std::string& period)
{
    CsvCount count;
    count.bins.assign(std::size_t(grid.nx) * grid.ny, 0);
    std::ifstream in(io::DemoPointsTable());
    EXPECT_TRUE(in) << io::DemoPointsTable();
    std::string line;
    std::getline(in, line);
    EXPECT_EQ(line, "x_rd;y_rd;arbeidsmarktregio_code;sector_code;periode");
    while (std::getline(in, line)) {
        std::stringstream ss(line);
        std::string x, y, region, sector, quarter;
        std::getline(ss, x, ';');
        std::getline(ss, y, ';');
        std::getline(ss, region, ';');
        std::getline(ss, sector, ';');
        std::getline(ss, quarter, ';');
        if (quarter != period)
            continue;
        ++count.in_period;
        const std::int64_t dx = std::stoll(x) * 10 - grid.x0, dy = std::stoll(y) * 10 - grid.y0;
        if (dx < 0 || dy < 0 || dx >= grid.cell * std::int64_t(grid.nx) || dy >= grid.cell * std::int64_t(grid.ny))
            continue;
        ++count.bins[std::size_t(dy / grid.cell) * grid.nx + std::size_t(dx / grid.cell)];
        ++count.inside;
    }
    return count;
}

TEST_F(DensityOverlayTest, BinsOfTheVisibleAreaEqualABruteForceCountOfTheCsv)
{
    ASSERT_TRUE(m_headless.ChooseTheme(Theme::Vacancies));
    DensityOverlay& overlay = m_session->Density();
    overlay.SetEnabled(true);
    m_headless.Frame();                      // starts loading the points
    ASSERT_TRUE(overlay.WaitUntilShown()) << overlay.Problem(); // loaded, bins of the last frame's grid
    m_headless.Frame();                      // asks for the grid of the fitted map
    ASSERT_TRUE(overlay.WaitUntilShown()) << overlay.Problem();
    m_headless.Frame(); // draws them
    std::printf("points loaded in %.1f s from %s\n", overlay.LoadSeconds(), overlay.TableFile().c_str());

    const gpu::DensityLayer& layer = *overlay.Layer();
    const core::agg::PointGrid fitted = layer.ShownGrid().grid;
    // The Vacatures theme shows a quarter that the points have (2025KW1..KW4).
    const std::string period = overlay.FilteredPeriod();
    ASSERT_EQ(period.rfind("2025KW", 0), 0u) << period << " / model: " << m_session->Model().PeriodIndex() << " of " << m_session->Model().Periods().size() << (m_session->Model().Periods().empty() ? std::string() : " last " + m_session->Model().Periods().back());
    ASSERT_EQ(layer.Counts().size(), std::size_t(fitted.nx) * fitted.ny);
    const CsvCount want = CountCsv(fitted, period);
    const std::int64_t got = std::accumulate(layer.Counts().begin(), layer.Counts().end(), std::int64_t(0));
    EXPECT_EQ(got, want.inside);
    EXPECT_EQ(layer.Counts(), want.bins);
    // The fitted map shows the whole country: every point of the quarter lies in the grid.
    EXPECT_EQ(want.inside, want.in_period);
    EXPECT_GT(want.inside, 300000); // about 390,000 vacancies a quarter
    EXPECT_EQ(layer.ShownMaxCount(), *std::max_element(want.bins.begin(), want.bins.end()));
    const char* png = std::getenv("VAK_DENSITY_PNG"); // a path prefix: <prefix>_fit.png, <prefix>_zoom.png
    if (png)
        io::WritePng(m_session->Frame().ReadPixels(), std::string(png) + "_fit.png");

    // Nine wheel notches in (1.25^9 = 7.5 x) over the middle of the map: finer cells, and the
    // bins of what is now visible, still exact, hold only part of the country's points.
    ImGuiWindow* map = ImGui::FindWindowByName("###map");
    ASSERT_NE(map, nullptr);
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(map->InnerRect.GetCenter().x - 80, map->InnerRect.GetCenter().y - 60);
    m_headless.Frame();
    io.MouseWheel = 9.0f;
    m_headless.Frame();
    io.MouseWheel = 0.0f;
    m_headless.Frame();
    ASSERT_TRUE(overlay.WaitUntilShown()) << overlay.Problem();
    m_headless.Frame();
    const core::agg::PointGrid zoomed = layer.ShownGrid().grid;
    EXPECT_LE(zoomed.cell * 4, fitted.cell);  // 7.5 x zoom: cells 2^3 or 2^2 times smaller
    EXPECT_EQ(zoomed.x0 % zoomed.cell, 0);    // cell edges on whole multiples: stable under pans
    const CsvCount near = CountCsv(zoomed, period);
    EXPECT_EQ(layer.Counts(), near.bins);
    EXPECT_LT(near.inside, near.in_period);
    EXPECT_GT(near.inside, 0);
    if (png)
        io::WritePng(m_session->Frame().ReadPixels(), std::string(png) + "_zoom.png");
}

} // namespace
} // namespace vak::ui
