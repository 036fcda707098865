#include "core/themes/krimp.hpp"

#include <algorithm>

namespace vak::core::themes {

RegionChange ComputeChange(const std::string& region, const RegionValue& from, const RegionValue& to)
{
    RegionChange c;
    c.region = region;
    c.from = from;
    c.to = to;
    c.percent = ChangePercent(from, to);
    c.absolute.suppressed = from.suppressed + to.suppressed;
    if (from.state == agg::GroupState::Known && to.state == agg::GroupState::Known) {
        c.absolute.state = agg::GroupState::Known;
        c.absolute.value = to.value - from.value;
    } else if (from.state != agg::GroupState::Empty || to.state != agg::GroupState::Empty) {
        c.absolute.state = agg::GroupState::Unknown;
    }
    return c;
}

std::vector<RegionChange> ComputeChanges(const RegionTable& series, const std::string& from, const std::string& to)
{
    std::vector<RegionChange> changes;
    for (const auto& [region, periods] : series) {
        const auto f = periods.find(from);
        const auto t = periods.find(to);
        changes.push_back(ComputeChange(region, f != periods.end() ? f->second : RegionValue{},
                                        t != periods.end() ? t->second : RegionValue{}));
    }
    return changes;
}

std::vector<int> RankShrinking(const std::vector<RegionChange>& changes, std::size_t count)
{
    std::vector<int> ranked;
    for (std::size_t i = 0; i < changes.size(); ++i)
        if (changes[i].percent.state == agg::GroupState::Known)
            ranked.push_back(static_cast<int>(i));
    std::sort(ranked.begin(), ranked.end(), [&](int a, int b) {
        const RegionChange &x = changes[std::size_t(a)], &y = changes[std::size_t(b)];
        return x.percent.value != y.percent.value ? x.percent.value < y.percent.value : x.region < y.region;
    });
    if (count > 0 && ranked.size() > count)
        ranked.resize(count);
    return ranked;
}

std::vector<RegionValue> IndexSeries(const std::vector<RegionValue>& series, std::size_t base)
{
    std::vector<RegionValue> index(series.size());
    const bool base_known = base < series.size() && series[base].state == agg::GroupState::Known && series[base].value != 0;
    for (std::size_t i = 0; i < series.size(); ++i) {
        index[i].suppressed = series[i].suppressed;
        if (series[i].state == agg::GroupState::Empty)
            continue;
        if (base_known && series[i].state == agg::GroupState::Known) {
            index[i].state = agg::GroupState::Known;
            index[i].value = series[i].value / series[base].value * 100.0;
        } else {
            index[i].state = agg::GroupState::Unknown;
        }
    }
    return index;
}

std::vector<RegionValue> SeriesOf(const RegionTable& series, const std::string& region,
                                  const std::vector<std::string>& periods)
{
    std::vector<RegionValue> values(periods.size());
    const auto it = series.find(region);
    if (it == series.end())
        return values;
    for (std::size_t i = 0; i < periods.size(); ++i)
        if (const auto p = it->second.find(periods[i]); p != it->second.end())
            values[i] = p->second;
    return values;
}

std::vector<RegionValue> TotalSeries(const RegionTable& series, const std::vector<std::string>& periods)
{
    std::vector<RegionSum> sums(periods.size());
    for (const auto& [region, values] : series)
        for (std::size_t i = 0; i < periods.size(); ++i)
            if (const auto p = values.find(periods[i]); p != values.end())
                sums[i].Add(p->second);
    std::vector<RegionValue> total;
    for (const RegionSum& sum : sums)
        total.push_back(sum.Result());
    return total;
}

} // namespace vak::core::themes
