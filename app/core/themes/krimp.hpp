// Krimp (shrinking pupil numbers): per region the change between two years, absolute and in %,
// the regions ranked from fastest shrinking, and index series (base year = 100) for the chart.
// Unknown stays unknown: a region whose start or end is unknown (all "<5", missing) gets no
// change and is left out of the ranking rather than ranked as 0; a sum that leaves out "<5"
// parts is known, with the number of parts carried along for the UI to footnote (the same rule
// as the dashboard's change map, core::ChangePercent).
// Pure core: no GL, GDAL or ImGui.
#pragma once

#include "core/dashboard/region_value.hpp"
#include "core/themes/theme_data.hpp"

#include <map>
#include <string>
#include <vector>

namespace vak::core::themes {

struct RegionChange {
    std::string region;
    RegionValue from, to;
    RegionValue absolute; // to - from; Known only when both ends are
    RegionValue percent;  // core::ChangePercent: Known when both ends are and the start is not 0
};

// Per region of `series` (themes::SumPerRegionAndPeriod), the change from period `from` to
// period `to`. Regions lacking both periods come out Empty, one of them Unknown.
std::vector<RegionChange> ComputeChanges(const RegionTable& series, const std::string& from, const std::string& to);
RegionChange ComputeChange(const std::string& region, const RegionValue& from, const RegionValue& to);

// Indices into `changes` of the regions with a known % change, fastest shrinking (most negative)
// first; ties by region code. At most `count` (0: all).
std::vector<int> RankShrinking(const std::vector<RegionChange>& changes, std::size_t count = 0);

// The series as an index, base period = 100: Known where both that period and the base are
// known and the base is not 0, else Unknown (Empty where the period has no rows).
std::vector<RegionValue> IndexSeries(const std::vector<RegionValue>& series, std::size_t base);

// One region's values in the order of `periods` (Empty where it has none).
std::vector<RegionValue> SeriesOf(const RegionTable& series, const std::string& region,
                                  const std::vector<std::string>& periods);
// The sum over all regions per period (the national line), by RegionSum's rules.
std::vector<RegionValue> TotalSeries(const RegionTable& series, const std::vector<std::string>& periods);

} // namespace vak::core::themes
