// The density layer on both engines: the same bins from the CPU engine (on the layer's worker
// thread) and the GPU engine (compute shaders, under EGL/llvmpipe in CI) as a brute-force count,
// the uploaded texture holding exactly the ramp's colours with row 0 at the south edge, and
// requests made while the engine is busy coalescing into the newest one.
#include "core/aggregate/cpu_engine.hpp"
#include "core/dashboard/density_grid.hpp"
#include "gpu/aggregate/gpu_engine.hpp"
#include "gpu/density_layer.hpp"
#include "support/gl_fixture.hpp"

#include <epoxy/gl.h>

#include <memory>
#include <numeric>
#include <optional>
#include <random>
#include <vector>

namespace vak::gpu {
namespace {

using core::agg::FactTable;

// Points in clusters (towns) of very different sizes over an RD-like area, decimetres, in
// four quarters.
std::shared_ptr<const FactTable> TownPoints(std::size_t rows)
{
    auto table = std::make_shared<FactTable>();
    table->name = "points";
    table->rows = rows;
    core::agg::FactDimension& period = table->dimensions.emplace_back();
    period.name = "periode";
    period.role = core::DimensionRole::Period;
    period.labels = {"2025KW1", "2025KW2", "2025KW3", "2025KW4"};
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> cx(200000, 2600000), cy(3200000, 6000000);
    std::vector<std::pair<double, double>> towns(40);
    for (auto& t : towns)
        t = {cx(rng), cy(rng)};
    std::geometric_distribution<int> town(0.15); // town 0 is the city
    std::normal_distribution<double> spread(0.0, 30000.0);
    for (std::size_t r = 0; r < rows; ++r) {
        const auto& t = towns[std::size_t(std::min(town(rng), 39))];
        table->x.push_back(std::int32_t(t.first + spread(rng)));
        table->y.push_back(std::int32_t(t.second + spread(rng)));
        period.codes.push_back(std::uint32_t(r % 4));
    }
    return table;
}

std::vector<std::int64_t> BruteForce(const FactTable& table, const core::agg::PointGrid& g, int period)
{
    std::vector<std::int64_t> counts(std::size_t(g.nx) * g.ny, 0);
    for (std::size_t r = 0; r < table.rows; ++r) {
        if (period >= 0 && table.dimensions[0].codes[r] != std::uint32_t(period))
            continue;
        const std::int64_t dx = table.x[r] - g.x0, dy = table.y[r] - g.y0;
        if (dx < 0 || dy < 0 || dx >= g.cell * std::int64_t(g.nx) || dy >= g.cell * std::int64_t(g.ny))
            continue;
        ++counts[std::size_t(dy / g.cell) * g.nx + std::size_t(dx / g.cell)];
    }
    return counts;
}

class DensityLayerTest : public test::GlTest {
protected:
    std::unique_ptr<DensityLayer> Layer(bool gpu)
    {
        if (gpu) {
            m_shaders = std::make_unique<ShaderLibrary>(VAK_TEST_SHADER_DIR);
            return std::make_unique<DensityLayer>(std::make_unique<GpuEngine>(*m_shaders));
        }
        return std::make_unique<DensityLayer>(std::make_unique<core::agg::CpuEngine>());
    }
    std::unique_ptr<ShaderLibrary> m_shaders;
};

TEST_F(DensityLayerTest, CpuAndGpuEnginesGiveTheBruteForceBins)
{
    const auto points = TownPoints(200000);
    // A map of 1,920 x 1,080 px around the middle of the points: part of them fall outside.
    const core::Box2d visible{60000, 380000, 220000, 470000};
    const auto grid = core::ChooseDensityGrid(visible, 1920, 1080);
    ASSERT_TRUE(grid);
    core::agg::FilterSet quarter;
    quarter.Restrict(0, {2}, 4);
    for (int period : {-1, 2}) {
        std::vector<std::int64_t> got[2];
        for (bool gpu : {false, true}) {
            auto layer = Layer(gpu);
            layer->Load(points);
            layer->Request(*grid, period < 0 ? core::agg::FilterSet{} : quarter);
            EXPECT_TRUE(layer->Poll(true));
            EXPECT_FALSE(layer->Busy());
            EXPECT_EQ(layer->ShownGrid(), *grid);
            got[gpu] = layer->Counts();
        }
        const std::vector<std::int64_t> want = BruteForce(*points, grid->grid, period);
        EXPECT_EQ(got[0], want) << "CPU engine, period " << period;
        EXPECT_EQ(got[1], want) << "GPU engine, period " << period;
        EXPECT_GT(std::accumulate(want.begin(), want.end(), std::int64_t(0)), 1000);
    }
}

TEST_F(DensityLayerTest, TextureHoldsTheRampColoursSouthRowFirst)
{
    auto table = std::make_shared<FactTable>();
    table->name = "three cells";
    // 100 m cells from (0, 0): cell (0, 0) gets 3 points, cell (1, 0) one, cell (0, 1) two.
    table->x = {50, 60, 70, 1500, 200, 300};
    table->y = {50, 60, 70, 500, 1200, 1300};
    table->rows = table->x.size();
    auto layer = Layer(false);
    layer->Load(table);
    core::DensityGrid grid;
    grid.grid = {0, 0, 1000, 2, 2};
    grid.world = {0, 0, 200, 200};
    layer->SetAlpha(255);
    layer->Request(grid, {});
    ASSERT_TRUE(layer->Poll(true));
    EXPECT_EQ(layer->Counts(), (std::vector<std::int64_t>{3, 1, 2, 0}));
    // Max 3: edges 1, 2, 3, two YlOrRd colours: 1 light, 2 and 3 dark.
    const core::DensityRamp& ramp = layer->Ramp();
    ASSERT_EQ(ramp.edges, (std::vector<std::int64_t>{1, 2, 3}));
    std::vector<std::uint32_t> texels(4, 0xDEADBEEFu);
    glBindTexture(GL_TEXTURE_2D, layer->Texture());
    glGetTexImage(GL_TEXTURE_2D, 0, GL_RGBA, GL_UNSIGNED_BYTE, texels.data());
    glBindTexture(GL_TEXTURE_2D, 0);
    // Texel rows bottom-up: the south row (y0) first.
    EXPECT_EQ(texels[0], ramp.colors[1]);
    EXPECT_EQ(texels[1], ramp.colors[0]);
    EXPECT_EQ(texels[2], ramp.colors[1]);
    EXPECT_EQ(texels[3], 0u); // no points: transparent
    GLint filter = 0;
    glBindTexture(GL_TEXTURE_2D, layer->Texture());
    glGetTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, &filter);
    glBindTexture(GL_TEXTURE_2D, 0);
    EXPECT_EQ(filter, GL_NEAREST);
}

TEST_F(DensityLayerTest, RequestsWhileBusyCoalesceIntoTheNewest)
{
    const auto points = TownPoints(100000);
    for (bool gpu : {false, true}) {
        auto layer = Layer(gpu);
        layer->Load(points);
        std::optional<core::DensityGrid> last;
        for (double shift : {0.0, 50000.0, 100000.0, 150000.0}) {
            last = core::ChooseDensityGrid({60000 + shift, 380000, 220000 + shift, 470000}, 1920, 1080);
            ASSERT_TRUE(last);
            layer->Request(*last, {});
        }
        layer->Poll(true);
        EXPECT_FALSE(layer->Busy());
        EXPECT_EQ(layer->ShownGrid(), *last) << (gpu ? "GPU" : "CPU");
        EXPECT_EQ(layer->Counts(), BruteForce(*points, last->grid, -1)) << (gpu ? "GPU" : "CPU");
        // The same grid again: nothing to compute.
        layer->Request(*last, {});
        EXPECT_FALSE(layer->Busy());
    }
}

} // namespace
} // namespace vak::gpu
