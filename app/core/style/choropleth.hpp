// A choropleth: region values turned into classes and colours, with what the legend lists.
// Regions without data get the no-data colour; regions whose values were all suppressed ("<5")
// get the suppressed colour, never a class (their value is unknown, not 0).
#pragma once

#include "core/dashboard/region_value.hpp"
#include "core/style/classify.hpp"
#include "core/style/palette.hpp"

#include <cstdint>
#include <vector>

namespace vak::core {

struct ChoroplethStyle {
    ClassMethod method = ClassMethod::Quantile;
    int classes = 5;
    // Yellow-green-blue: its lightest class is still clearly coloured, so it never reads as the
    // no-data grey or the white of the legend on a projector.
    PaletteId palette = PaletteId::YlGnBu;
    // The user's class edges for ClassMethod::Manual (ascending, CheckManualBreaks == None);
    // `classes` is then edges - 1.
    std::vector<double> manual_edges;
    bool operator==(const ChoroplethStyle&) const = default;
};

struct Choropleth {
    Classification classification;
    std::vector<std::uint32_t> class_colors;   // per class
    std::vector<std::uint32_t> feature_colors; // per feature of the layer, RGBA8 for the GPU
    std::vector<int> feature_classes;          // per feature: class, or -1 (no data / unknown)
    // Per feature: 1 when its value is unknown (only "<5" or missing values): drawn in the
    // no-data colour with hatching on top, so that it never reads as a class.
    std::vector<std::uint8_t> feature_unknown;
    std::size_t unknown_features = 0;          // all values suppressed or missing
    std::size_t no_data_features = 0;          // no rows at all
    // Rank of each feature by value, 1 = largest; 0 when it has no known value.
    std::vector<std::size_t> feature_ranks;
    std::size_t ranked = 0;
};

Choropleth MakeChoropleth(const std::vector<RegionValue>& values, const ChoroplethStyle& style);

} // namespace vak::core
