// The density (heat) map of point data: which grid of point bins to ask the aggregation core
// for while the map pans and zooms, and how to colour the counts. Pure core: no GL, GDAL or
// ImGui; gpu/density_layer bins and uploads, ui/density_overlay draws.
//
// Stable bins: the cell size is a base size times a power of two, chosen nearest (in log
// scale) to about `cell_px` screen pixels, so zooming steps through a few sizes instead of
// re-cutting the country at every wheel notch; and the grid's corner is a multiple of a block
// of kCellsPerBlock cells, so cell edges never move: a pan keeps every bin's count, and a pan
// within the block margin keeps the whole grid (nothing to re-bin).
#pragma once

#include "core/aggregate/query.hpp"
#include "core/geo/geo_types.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace vak::core {

struct DensityGridOptions {
    double cell_px = 8.0;       // wanted cell size on screen, pixels
    double base_metres = 100.0; // cells are base_metres * 2^k, k >= 0 (100 m, 200 m, ... 1,6 km, ...)
};

// Cells per block: the grid's corner and far edge are multiples of this many cells.
inline constexpr std::int64_t kCellsPerBlock = 16;

struct DensityGrid {
    agg::PointGrid grid;   // in the fact table's decimetres
    double cell_metres = 0; // cell size in display units (metres)
    Box2d world;           // the grid's extent in display units (metres)
    // The world box follows from the grid.
    bool operator==(const DensityGrid& other) const { return grid == other.grid; }
};

// The cell size for `units_per_px` metres per screen pixel: base * 2^k nearest (in log scale)
// to cell_px * units_per_px, never below the base. In decimetres.
std::int64_t DensityCellDecimetres(double units_per_px, const DensityGridOptions& options = {});

// The grid covering `visible` (display metres) seen at `viewport_px` pixels across (the wider
// of width and height used for the scale). Empty when the box is empty or the viewport has no
// size. Clipped to the limits of agg::ValidateView (2^31 - 2 decimetres across, kMaxGroups
// cells): a far zoomed-out map gets coarser cells rather than an error.
std::optional<DensityGrid> ChooseDensityGrid(const Box2d& visible, double viewport_width_px, double viewport_height_px,
                                             const DensityGridOptions& options = {});

// Colouring: a logarithmic scale. Counts of vacancy points per cell span four orders of
// magnitude (an empty polder cell, a village, the centre of Amsterdam); on a linear or even a
// square-root scale the few city cells would take the dark classes and every other cell would
// look the same pale colour. A log scale gives each factor of the range an equal share of the
// classes, so a village still shows against the countryside next to it.
struct DensityRamp {
    // Class edges, counts: edges[0] = 1 (0 is transparent, no class), edges.back() = the max
    // count; class j holds counts in [edges[j], edges[j + 1]), the last one including the max.
    // Edges are geometric between 1 and the max, rounded to one significant digit (below the
    // max) so the legend reads "1, 4, 20, 70, 300, 1000, 4321"; duplicates from rounding are
    // dropped, so a small max has fewer classes.
    std::vector<std::int64_t> edges;
    std::vector<std::uint32_t> colors; // one per class, RGBA8 as in core/style/palette.hpp
    std::size_t Classes() const { return colors.size(); }
    // Class of `count` (>= 1), or -1 for 0 and below.
    int ClassOf(std::int64_t count) const;
};

inline constexpr int kDensityClasses = 6;

// The ramp for counts up to `max_count` in at most `classes` classes (2..9), on the YlOrRd
// palette (ColorBrewer, colour-blind safe; light yellow for few, dark red for many, so low
// counts stay light on the light map background). Empty (no classes) when max_count < 1.
DensityRamp MakeDensityRamp(std::int64_t max_count, int classes = kDensityClasses);

// Per bin its RGBA8 colour: transparent (0) where the count is 0, else the class colour with
// `alpha`. Bins keep the engine's order (row-major from the grid's south-west corner), which is
// also the order of a GL texture's rows (row 0 at the bottom).
std::vector<std::uint32_t> ColorDensityBins(std::span<const std::int64_t> counts, const DensityRamp& ramp,
                                            std::uint8_t alpha = 255);

// The largest count, 0 for none.
std::int64_t MaxCount(std::span<const std::int64_t> counts);

// One significant digit, rounded to nearest (0.5 up): 1, 4, 20, 70, 300, 1000, 5000.
std::int64_t RoundToOneDigit(double value);

} // namespace vak::core
