// The naive reference for the aggregation core: one plain loop per view, written for
// obviousness rather than speed. Property tests compare both backends against it.
#pragma once

#include "core/aggregate/engine.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace vak::test {

// A view in one line, for failure messages: which aggregate, measure, grouping or grid.
inline std::string DescribeView(const core::agg::ViewSpec& v)
{
    std::string s = std::string(core::agg::AggregateName(v.aggregate)) + " measure=" + std::to_string(v.measure) +
                    " distinct=" + std::to_string(v.distinct_dimension) + " by=" + std::to_string(v.group_by[0]) +
                    "," + std::to_string(v.group_by[1]);
    if (v.bins)
        s += " bins=" + std::to_string(v.bins->nx) + "x" + std::to_string(v.bins->ny) +
             " cell=" + std::to_string(v.bins->cell) + " at " + std::to_string(v.bins->x0) + "," +
             std::to_string(v.bins->y0);
    return s;
}

inline std::int64_t FloorDiv(std::int64_t a, std::int64_t b)
{
    std::int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        --q;
    return q;
}

inline core::agg::ViewResult ReferenceAggregate(const core::agg::FactTable& table, const core::agg::FilterSet& filters,
                                                const core::agg::ViewSpec& view)
{
    using namespace core::agg;
    using core::ValueState;
    const std::size_t groups = GroupCount(table, view);
    ViewResult result;
    result.values.assign(groups, 0);
    result.rows.assign(groups, 0);
    result.suppressed.assign(groups, 0);
    std::vector<std::int64_t> known(groups, 0);
    std::vector<bool> seen_value(groups, false);
    std::vector<std::vector<bool>> distinct;
    if (view.aggregate == Aggregate::CountDistinct)
        distinct.assign(groups, std::vector<bool>(table.dimensions[std::size_t(view.distinct_dimension)].Cardinality()));
    const FactMeasure* measure = view.measure >= 0 ? &table.measures[std::size_t(view.measure)] : nullptr;

    for (std::size_t row = 0; row < table.rows; ++row) {
        bool pass = true;
        for (const DimensionFilter& f : filters.Filters())
            if (FilterAppliesTo(view, f.dimension) && !f.Allows(table.dimensions[std::size_t(f.dimension)].codes[row]))
                pass = false;
        if (!pass)
            continue;
        std::size_t g = 0;
        if (view.bins) {
            const std::int64_t ix = FloorDiv(table.x[row] - view.bins->x0, view.bins->cell);
            const std::int64_t iy = FloorDiv(table.y[row] - view.bins->y0, view.bins->cell);
            if (ix < 0 || iy < 0 || ix >= view.bins->nx || iy >= view.bins->ny)
                continue;
            g = std::size_t(iy) * view.bins->nx + std::size_t(ix);
        } else {
            if (view.group_by[0] >= 0)
                g = table.dimensions[std::size_t(view.group_by[0])].codes[row];
            if (view.group_by[1] >= 0)
                g = g * table.dimensions[std::size_t(view.group_by[1])].Cardinality() +
                    table.dimensions[std::size_t(view.group_by[1])].codes[row];
        }
        ++result.rows[g];
        const ValueState state = measure ? measure->states[row] : ValueState::Known;
        const std::int64_t value = measure ? measure->values[row] : 0;
        if (state == ValueState::Suppressed)
            ++result.suppressed[g];
        const bool counts_as_known = view.aggregate == Aggregate::CountDistinct ? state != ValueState::Missing
                                                                                : state == ValueState::Known;
        if (counts_as_known)
            ++known[g];
        switch (view.aggregate) {
        case Aggregate::Sum:
            if (state == ValueState::Known)
                result.values[g] += value;
            break;
        case Aggregate::Count:
            if (state == ValueState::Known)
                ++result.values[g];
            break;
        case Aggregate::Min:
        case Aggregate::Max:
            if (state == ValueState::Known) {
                if (!seen_value[g])
                    result.values[g] = value;
                else
                    result.values[g] = view.aggregate == Aggregate::Min ? std::min(result.values[g], value)
                                                                        : std::max(result.values[g], value);
                seen_value[g] = true;
            }
            break;
        case Aggregate::CountDistinct:
            if (!measure || state == ValueState::Suppressed || (state == ValueState::Known && value != 0))
                distinct[g][table.dimensions[std::size_t(view.distinct_dimension)].codes[row]] = true;
            break;
        }
    }
    if (view.aggregate == Aggregate::CountDistinct)
        for (std::size_t g = 0; g < groups; ++g)
            result.values[g] = std::count(distinct[g].begin(), distinct[g].end(), true);
    result.states.resize(groups);
    for (std::size_t g = 0; g < groups; ++g)
        result.states[g] = StateOf(result.rows[g], known[g]);
    const bool in_measure_units =
        view.aggregate == Aggregate::Sum || view.aggregate == Aggregate::Min || view.aggregate == Aggregate::Max;
    result.decimals = in_measure_units ? measure->decimals : 0;
    return result;
}

} // namespace vak::test
