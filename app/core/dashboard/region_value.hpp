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

} // namespace vak::core
