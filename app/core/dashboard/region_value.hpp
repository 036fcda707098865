// The value of one region (or one period) as the dashboard shows it.
#pragma once

#include "core/aggregate/query.hpp"

#include <cstdint>

namespace vak::core {

struct RegionValue {
    double value = 0;
    agg::GroupState state = agg::GroupState::Empty; // Empty: no data for this region
    std::int64_t suppressed = 0;                    // "<5" rows left out of the value
};

// The change from `from` to `to` in %: known only when both ends are known and the start is not
// 0; unknown when either end holds rows but no percentage can be given (a "<5", a 0); empty
// when neither end has rows. Every view of change (map, scatter, table) uses this one rule.
inline RegionValue ChangePercent(const RegionValue& from, const RegionValue& to)
{
    RegionValue change;
    change.suppressed = from.suppressed + to.suppressed;
    if (from.state == agg::GroupState::Known && to.state == agg::GroupState::Known && from.value != 0) {
        change.state = agg::GroupState::Known;
        change.value = (to.value - from.value) / from.value * 100.0;
    } else if (from.state != agg::GroupState::Empty || to.state != agg::GroupState::Empty) {
        change.state = agg::GroupState::Unknown;
    }
    return change;
}

} // namespace vak::core
