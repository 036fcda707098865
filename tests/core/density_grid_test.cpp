// The density map's grid and colours: cell sizes snapped to 100 m x 2^k, corners on whole
// blocks so that bins keep their counts while the map pans, the engines' limits, and the log
// ramp's edges and colours. Expected values are worked out by hand in the comments.
#include "core/aggregate/cpu_engine.hpp"
#include "core/dashboard/density_grid.hpp"
#include "core/style/palette.hpp"

#include <gtest/gtest.h>

#include <memory>

namespace vak::core {
namespace {

Box2d BoxOf(double x0, double y0, double x1, double y1)
{
    return Box2d{x0, y0, x1, y1};
}

TEST(DensityCell, SnapsToBaseTimesPowerOfTwoNearestInLogScale)
{
    // 8 px at 215 m/px = 1,720 m = 17.2 x 100 m; log2 17.2 = 4.1 -> 2^4 x 100 m = 1,600 m.
    EXPECT_EQ(DensityCellDecimetres(215.0), 16000);
    // 8 px at 10 m/px = 80 m, below the base: the base, 100 m.
    EXPECT_EQ(DensityCellDecimetres(10.0), 1000);
    // 140 m = 1.4 x base (log2 0.49) stays at 100 m; 150 m = 1.5 x (log2 0.58) goes to 200 m.
    EXPECT_EQ(DensityCellDecimetres(140.0 / 8.0), 1000);
    EXPECT_EQ(DensityCellDecimetres(150.0 / 8.0), 2000);
    // The pixel size is adjustable: 16 px at 215 m/px = 3,440 m -> 2^5 x 100 m.
    EXPECT_EQ(DensityCellDecimetres(215.0, {.cell_px = 16.0}), 32000);
}

TEST(DensityCell, ZoomingStepsThroughFewSizes)
{
    // Zooming in by 1.25 per wheel notch over a factor 16 passes 13 notches but only 5 sizes.
    std::vector<std::int64_t> sizes;
    for (double upp = 400.0; upp >= 25.0; upp /= 1.25) {
        const std::int64_t cell = DensityCellDecimetres(upp);
        if (sizes.empty() || sizes.back() != cell)
            sizes.push_back(cell);
    }
    EXPECT_EQ(sizes, (std::vector<std::int64_t>{32000, 16000, 8000, 4000, 2000}));
}

TEST(DensityGrid, CornersOnWholeBlocksOfCells)
{
    // 300 x 320 km seen on 1,500 x 1,600 px: 200 m/px, cells of 1,600 m (16,000 dm), blocks of
    // 16 cells = 256,000 dm. x: 1,000,000 dm -> 3 blocks = 768,000; 4,000,000 dm -> 16 blocks =
    // 4,096,000: 208 cells. y: 3,000,000 -> 11 blocks = 2,816,000; 6,200,000 -> 25 blocks =
    // 6,400,000: 224 cells.
    const auto grid = ChooseDensityGrid(BoxOf(100000, 300000, 400000, 620000), 1500, 1600);
    ASSERT_TRUE(grid);
    EXPECT_EQ(grid->grid, (agg::PointGrid{768000, 2816000, 16000, 208, 224}));
    EXPECT_DOUBLE_EQ(grid->cell_metres, 1600.0);
    EXPECT_DOUBLE_EQ(grid->world.min_x, 76800.0);
    EXPECT_DOUBLE_EQ(grid->world.max_x, 409600.0);
    EXPECT_DOUBLE_EQ(grid->world.min_y, 281600.0);
    EXPECT_DOUBLE_EQ(grid->world.max_y, 640000.0);
    // The grid covers what is visible.
    EXPECT_LE(grid->world.min_x, 100000.0);
    EXPECT_GE(grid->world.max_y, 620000.0);
}

TEST(DensityGrid, PanOfAFractionOfACellKeepsTheGrid)
{
    const Box2d box = BoxOf(100000, 300000, 400000, 620000);
    const auto before = ChooseDensityGrid(box, 1500, 1600);
    // 500 m east and 700 m south: less than a cell (1,600 m), within the block margins.
    const auto after = ChooseDensityGrid(BoxOf(100500, 299300, 400500, 619300), 1500, 1600);
    ASSERT_TRUE(before && after);
    EXPECT_EQ(*before, *after); // nothing to re-bin
}

TEST(DensityGrid, BinsKeepTheirCountsUnderAPan)
{
    // Points in decimetres: three in the 1,600 m cell [1,024,000, 1,040,000) x [3,072,000,
    // 3,088,000) (one on its west and south edges), one just east of it, one just north.
    auto table = std::make_shared<agg::FactTable>();
    table->name = "points";
    table->x = {1024000, 1030000, 1039999, 1040000, 1030000};
    table->y = {3072000, 3080000, 3087999, 3080000, 3088000};
    table->rows = table->x.size();
    agg::CpuEngine engine({.threads = 1});
    engine.Load(table);
    auto count_at = [&](const DensityGrid& grid, std::int64_t x, std::int64_t y) {
        agg::ViewSpec view;
        view.aggregate = agg::Aggregate::Count;
        view.bins = grid.grid;
        const auto results = engine.Compute({}, {view});
        const std::int64_t ix = (x - grid.grid.x0) / grid.grid.cell, iy = (y - grid.grid.y0) / grid.grid.cell;
        return results[0].rows[std::size_t(iy) * grid.grid.nx + std::size_t(ix)];
    };
    const auto before = ChooseDensityGrid(BoxOf(100000, 300000, 400000, 620000), 1500, 1600);
    // 37.3 km west and 21.9 km north: a new grid (its corner moves by whole blocks).
    const auto after = ChooseDensityGrid(BoxOf(62700, 321900, 362700, 641900), 1500, 1600);
    ASSERT_TRUE(before && after);
    EXPECT_NE(before->grid.x0, after->grid.x0);
    EXPECT_EQ(count_at(*before, 1030000, 3080000), 3);
    EXPECT_EQ(count_at(*after, 1030000, 3080000), 3);
    EXPECT_EQ(count_at(*before, 1040000, 3080000), 1);
    EXPECT_EQ(count_at(*after, 1040000, 3080000), 1);
    EXPECT_EQ(count_at(*after, 1030000, 3088000), 1);
}

TEST(DensityGrid, CoarserCellsWhereTheEnginesLimitWouldBeExceeded)
{
    // 1,000 km seen on 100,000 px: 10 m/px, 100 m cells would be 10,000 x 10,000 = 10^8 bins
    // (> 2^24). 200 m: blocks of 32,000 dm, 10^7 / 32,000 -> 313 blocks = 5,008 cells a side,
    // 25.1 M bins, still too many. 400 m: 10^7 / 64,000 -> 157 blocks = 2,512 a side, 6.3 M.
    const auto grid = ChooseDensityGrid(BoxOf(0, 0, 1000000, 1000000), 100000, 100000);
    ASSERT_TRUE(grid);
    EXPECT_EQ(grid->grid.cell, 4000);
    EXPECT_EQ(grid->grid.nx, 2512u);
    EXPECT_EQ(grid->grid.ny, 2512u);
    // A box wider than 2^31 dm (214,748 km) has no grid; an empty one neither.
    EXPECT_FALSE(ChooseDensityGrid(BoxOf(0, 0, 3.0e8, 10), 1000, 1000));
    EXPECT_FALSE(ChooseDensityGrid(Box2d{}, 1000, 1000));
    EXPECT_FALSE(ChooseDensityGrid(BoxOf(0, 0, 1000, 1000), 0, 1000));
}

TEST(DensityRamp, LogEdgesRoundedToOneDigit)
{
    // 4321^(i/6): 4.04, 16.3, 65.7, 265, 1071 -> 4, 20, 70, 300, 1000.
    const DensityRamp ramp = MakeDensityRamp(4321);
    EXPECT_EQ(ramp.edges, (std::vector<std::int64_t>{1, 4, 20, 70, 300, 1000, 4321}));
    ASSERT_EQ(ramp.Classes(), 6u);
    EXPECT_EQ(ramp.colors, PaletteColors(PaletteId::YlOrRd, 6));
    EXPECT_EQ(ramp.ClassOf(0), -1);
    EXPECT_EQ(ramp.ClassOf(1), 0);
    EXPECT_EQ(ramp.ClassOf(3), 0);
    EXPECT_EQ(ramp.ClassOf(4), 1);
    EXPECT_EQ(ramp.ClassOf(1000), 5);
    EXPECT_EQ(ramp.ClassOf(4321), 5);
}

TEST(DensityRamp, AVillageStandsOutNextToACity)
{
    // Max 10,000: edges 1, 5, 20, 100, 500, 2000, 10000. A cell of 10 points is a class above a
    // single point; on a square-root scale (10 / 10,000 -> 0.03 of the range) both would be in
    // the first of six classes.
    const DensityRamp ramp = MakeDensityRamp(10000);
    EXPECT_EQ(ramp.edges, (std::vector<std::int64_t>{1, 5, 20, 100, 500, 2000, 10000}));
    EXPECT_EQ(ramp.ClassOf(1), 0);
    EXPECT_EQ(ramp.ClassOf(10), 1);
}

TEST(DensityRamp, SmallMaximaGiveFewerClasses)
{
    // 3^(i/6) = 1.2, 1.44, 1.73, 2.08, 2.50 -> 1, 1, 2, 2, 2: edges 1, 2, 3, two classes.
    const DensityRamp three = MakeDensityRamp(3);
    EXPECT_EQ(three.edges, (std::vector<std::int64_t>{1, 2, 3}));
    EXPECT_EQ(three.colors, PaletteColors(PaletteId::YlOrRd, 2));
    EXPECT_EQ(three.ClassOf(3), 1);
    // A max of 1: one class, the dark end.
    const DensityRamp one = MakeDensityRamp(1);
    ASSERT_EQ(one.Classes(), 1u);
    EXPECT_EQ(one.colors[0], FromRgbHex(0xf03b20));
    EXPECT_EQ(MakeDensityRamp(0).Classes(), 0u);
}

TEST(DensityColors, TransparentAtZeroDarkestAtMax)
{
    const DensityRamp ramp = MakeDensityRamp(4321);
    const std::vector<std::int64_t> counts = {0, 4321, 1, 25};
    const std::vector<std::uint32_t> rgba = ColorDensityBins(counts, ramp);
    EXPECT_EQ(rgba[0], 0u); // fully transparent: the map shows through
    EXPECT_EQ(rgba[1], FromRgbHex(0xbd0026)); // YlOrRd 6's darkest, opaque
    EXPECT_EQ(rgba[2], FromRgbHex(0xffffb2)); // its lightest
    EXPECT_EQ(rgba[3], FromRgbHex(0xfeb24c)); // 25 lies in [20, 70): the third class
    const std::vector<std::uint32_t> see_through = ColorDensityBins(counts, ramp, 200);
    EXPECT_EQ(AlphaOf(see_through[1]), 200);
    EXPECT_EQ(see_through[1] & 0xFFFFFFu, FromRgbHex(0xbd0026) & 0xFFFFFFu);
    EXPECT_EQ(see_through[0], 0u);
    EXPECT_EQ(MaxCount(counts), 4321);
}

TEST(DensityColors, RoundToOneDigit)
{
    EXPECT_EQ(RoundToOneDigit(4.04), 4);
    EXPECT_EQ(RoundToOneDigit(15.0), 20);
    EXPECT_EQ(RoundToOneDigit(1071.0), 1000);
    EXPECT_EQ(RoundToOneDigit(0.3), 1);
}

} // namespace
} // namespace vak::core
