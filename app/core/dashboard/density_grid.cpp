#include "core/dashboard/density_grid.hpp"

#include "core/aggregate/engine.hpp"
#include "core/style/palette.hpp"

#include <algorithm>
#include <cmath>

namespace vak::core {

namespace {

// ValidateView's limit on a grid's width and height, decimetres.
constexpr std::int64_t kMaxExtent = (std::int64_t(1) << 31) - 2;

std::int64_t FloorToMultiple(double value, std::int64_t step)
{
    return static_cast<std::int64_t>(std::floor(value / double(step))) * step;
}

std::int64_t CeilToMultiple(double value, std::int64_t step)
{
    return static_cast<std::int64_t>(std::ceil(value / double(step))) * step;
}

} // namespace

std::int64_t DensityCellDecimetres(double units_per_px, const DensityGridOptions& options)
{
    const double base_dm = std::max(1.0, std::round(options.base_metres * 10.0));
    const double wanted_dm = options.cell_px * units_per_px * 10.0;
    if (!(wanted_dm > base_dm)) // also NaN
        return static_cast<std::int64_t>(base_dm);
    // Nearest power of two in log scale: 1.4 x base rounds to 1 x, 1.5 x to 2 x.
    const int k = std::clamp(static_cast<int>(std::lround(std::log2(wanted_dm / base_dm))), 0, 40);
    return static_cast<std::int64_t>(base_dm) << k;
}

std::optional<DensityGrid> ChooseDensityGrid(const Box2d& visible, double viewport_width_px, double viewport_height_px,
                                             const DensityGridOptions& options)
{
    if (visible.Empty() || !(viewport_width_px >= 1.0) || !(viewport_height_px >= 1.0) ||
        !std::isfinite(visible.Width()) || !std::isfinite(visible.Height()) || !(options.cell_px > 0.0))
        return std::nullopt;
    const double units_per_px = std::max(visible.Width() / viewport_width_px, visible.Height() / viewport_height_px);
    // Decimetres, the fact table's unit.
    const double lo_x = visible.min_x * 10.0, lo_y = visible.min_y * 10.0;
    const double hi_x = visible.max_x * 10.0, hi_y = visible.max_y * 10.0;
    for (std::int64_t cell = DensityCellDecimetres(units_per_px, options); cell <= kMaxExtent; cell *= 2) {
        const std::int64_t block = cell * kCellsPerBlock;
        const std::int64_t x0 = FloorToMultiple(lo_x, block), y0 = FloorToMultiple(lo_y, block);
        std::int64_t x1 = CeilToMultiple(hi_x, block), y1 = CeilToMultiple(hi_y, block);
        // A box with no width still gets one block.
        x1 = std::max(x1, x0 + block);
        y1 = std::max(y1, y0 + block);
        if (x1 - x0 > kMaxExtent || y1 - y0 > kMaxExtent)
            continue; // coarser cells: fewer of them across, but the grid's span stays the box's
        const std::int64_t nx = (x1 - x0) / cell, ny = (y1 - y0) / cell;
        if (std::uint64_t(nx) * std::uint64_t(ny) > agg::kMaxGroups)
            continue;
        DensityGrid grid;
        grid.grid = agg::PointGrid{x0, y0, cell, static_cast<std::uint32_t>(nx), static_cast<std::uint32_t>(ny)};
        grid.cell_metres = double(cell) / 10.0;
        grid.world.min_x = double(x0) / 10.0;
        grid.world.min_y = double(y0) / 10.0;
        grid.world.max_x = double(x1) / 10.0;
        grid.world.max_y = double(y1) / 10.0;
        return grid;
    }
    // The box is wider than any grid the engines accept (2^31 decimetres, 214,748 km).
    return std::nullopt;
}

std::int64_t RoundToOneDigit(double value)
{
    if (!(value >= 1.0))
        return 1;
    const double decade = std::pow(10.0, std::floor(std::log10(value)));
    return static_cast<std::int64_t>(std::floor(value / decade + 0.5) * decade + 0.5);
}

int DensityRamp::ClassOf(std::int64_t count) const
{
    if (count < 1 || colors.empty())
        return -1;
    // The last edge at or below the count; the max belongs to the last class.
    const auto it = std::upper_bound(edges.begin(), edges.end(), count);
    const int j = static_cast<int>(it - edges.begin()) - 1;
    return std::clamp(j, 0, static_cast<int>(colors.size()) - 1);
}

DensityRamp MakeDensityRamp(std::int64_t max_count, int classes)
{
    DensityRamp ramp;
    if (max_count < 1)
        return ramp;
    classes = std::clamp(classes, 2, kMaxPaletteColors);
    ramp.edges.push_back(1);
    for (int i = 1; i < classes; ++i) {
        const std::int64_t edge = RoundToOneDigit(std::pow(double(max_count), double(i) / classes));
        if (edge > ramp.edges.back() && edge < max_count)
            ramp.edges.push_back(edge);
    }
    if (max_count > ramp.edges.back())
        ramp.edges.push_back(max_count);
    // Classes: one per pair of edges, or one for a max of 1 (the single edge 1).
    const int count = std::max(1, static_cast<int>(ramp.edges.size()) - 1);
    if (ramp.edges.size() == 1)
        ramp.edges.push_back(1);
    // A single class takes the palette's darkest colour: a lone count is "many" next to 0.
    ramp.colors = count == 1 ? std::vector<std::uint32_t>{PaletteColors(PaletteId::YlOrRd, 3).back()}
                             : PaletteColors(PaletteId::YlOrRd, count);
    return ramp;
}

std::vector<std::uint32_t> ColorDensityBins(std::span<const std::int64_t> counts, const DensityRamp& ramp,
                                            std::uint8_t alpha)
{
    std::vector<std::uint32_t> rgba(counts.size(), 0u);
    for (std::size_t i = 0; i < counts.size(); ++i) {
        const int c = ramp.ClassOf(counts[i]);
        if (c >= 0)
            rgba[i] = (ramp.colors[std::size_t(c)] & 0x00FFFFFFu) | std::uint32_t{alpha} << 24;
    }
    return rgba;
}

std::int64_t MaxCount(std::span<const std::int64_t> counts)
{
    std::int64_t max = 0;
    for (std::int64_t c : counts)
        max = std::max(max, c);
    return max;
}

} // namespace vak::core
