// How the rows of a table find the features of a region layer: by code in any spelling
// (RegionCodeMatcher), or, when the codes fail and names fit better, by name
// (RegionNameMatcher), which the import then reports as a warning. Pure logic: io feeds it the
// distinct values of the table's columns.
#pragma once

#include "core/geo/region_layer.hpp"
#include "core/text/region_codes.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace vak::core {

// A column of the table that may hold the regions: its distinct non-empty values (trimmed).
struct JoinCandidate {
    int column = -1;
    bool is_region_column = false; // detected or named as the region code column
    std::vector<std::string> values;
};

struct RegionJoinPlan {
    enum class By { None, Code, Name };
    By by = By::None;
    int column = -1;          // the table column matched
    std::size_t matched = 0;  // distinct values that found a feature
    std::size_t values = 0;   // distinct values of the column
};

class RegionJoin {
public:
    explicit RegionJoin(const RegionLayer& layer);

    // Codes of the region column when at least as many of its distinct values find a feature
    // by code as the values of any column do by name; else names, from the region column or
    // from a column at least half of whose distinct values are names of the layer. None when
    // there is no region column and no such name column.
    RegionJoinPlan Plan(const std::vector<JoinCandidate>& candidates) const;

    // Feature index for a value, -1 when the layer has none; by name also
    // RegionNameMatcher::kAmbiguous.
    int Find(RegionJoinPlan::By by, std::string_view value) const;

    const RegionLayer& Layer() const { return m_layer; }
    const RegionCodeMatcher& Codes() const { return m_codes; }

private:
    const RegionLayer& m_layer;
    RegionCodeMatcher m_codes;
    RegionNameMatcher m_names;
};

} // namespace vak::core
