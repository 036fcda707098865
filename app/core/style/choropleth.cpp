#include "core/style/choropleth.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace vak::core {

Choropleth MakeChoropleth(const std::vector<RegionValue>& values, const ChoroplethStyle& style)
{
    Choropleth map;
    std::vector<double> known(values.size(), std::nan(""));
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (values[i].state == agg::GroupState::Known)
            known[i] = values[i].value;
        else if (values[i].state == agg::GroupState::Unknown)
            ++map.unknown_features;
        else
            ++map.no_data_features;
    }
    // Manual breaks still being typed (or none yet) classify as quantiles meanwhile: the map
    // never goes blank while the user edits.
    const bool manual_ok = style.method != ClassMethod::Manual || CheckManualBreaks(style.manual_edges) == ManualBreaksProblem::None;
    map.classification = manual_ok ? Classify(style.method, known, style.classes, style.manual_edges)
                                   : Classify(ClassMethod::Quantile, known, style.classes);
    map.class_colors = PaletteColors(style.palette, std::max(1, map.classification.Classes()));
    map.feature_colors.resize(values.size());
    map.feature_classes.resize(values.size());
    map.feature_unknown.resize(values.size());
    for (std::size_t i = 0; i < values.size(); ++i) {
        const int c = ClassOf(known[i], map.classification);
        map.feature_classes[i] = c;
        map.feature_colors[i] = c >= 0 ? ColorForClass(map.class_colors, c) : NoDataColor();
        map.feature_unknown[i] = values[i].state == agg::GroupState::Unknown;
    }
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < values.size(); ++i)
        if (!std::isnan(known[i]))
            order.push_back(i);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return known[a] > known[b]; });
    map.feature_ranks.assign(values.size(), 0);
    for (std::size_t r = 0; r < order.size(); ++r)
        map.feature_ranks[order[r]] = r + 1;
    map.ranked = order.size();
    return map;
}

} // namespace vak::core
