// The query language of the aggregation core: filters, views and their results. Both backends
// (CPU in core, GPU in gpu/) answer the same ViewSpec with bit-identical ViewResults.
//
// Cross-filter rule (design.md): every view applies all filters except the ones on the
// dimensions it groups by, so brushing inside a view never empties that view.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vak::core::agg {

enum class Aggregate : std::uint8_t {
    Sum,           // of a measure's known values
    Count,         // rows (measure < 0) or rows with a known value of the measure
    CountDistinct, // distinct codes of distinct_dimension among the rows
    Min,
    Max,
};

const char* AggregateName(Aggregate aggregate);

// Allowed codes of one dimension as a bitset (bit c of word c/32), so that both backends test
// membership in O(1) and the GPU can take the words as they are.
struct DimensionFilter {
    int dimension = -1;
    std::vector<std::uint32_t> allowed; // ceil(cardinality / 32) words

    bool Allows(std::uint32_t code) const
    {
        const std::size_t word = code >> 5;
        return word < allowed.size() && (allowed[word] >> (code & 31u)) & 1u;
    }
    bool operator==(const DimensionFilter&) const = default;
};

class FilterSet {
public:
    // Restricts `dimension` to `codes` (dictionary indices below `cardinality`). An empty list
    // is a real filter that lets nothing through, not "no filter".
    void Restrict(int dimension, const std::vector<std::uint32_t>& codes, std::uint32_t cardinality);
    void Clear(int dimension);
    void ClearAll() { m_filters.clear(); }
    const DimensionFilter* Find(int dimension) const;
    const std::vector<DimensionFilter>& Filters() const { return m_filters; } // sorted by dimension
    bool Empty() const { return m_filters.empty(); }
    bool operator==(const FilterSet&) const = default;

private:
    std::vector<DimensionFilter> m_filters;
};

// A 2-D grid for point bins, in the fact table's integer coordinate units (decimetres of the
// display CRS), so that both backends put a point on an edge into the same cell.
struct PointGrid {
    std::int64_t x0 = 0, y0 = 0; // lower-left corner
    std::int64_t cell = 1;       // cell size, > 0
    std::uint32_t nx = 0, ny = 0;
    bool operator==(const PointGrid&) const = default;
};

struct ViewSpec {
    Aggregate aggregate = Aggregate::Sum;
    int measure = -1;            // Sum/Min/Max: required; Count/CountDistinct: optional (see below)
    int distinct_dimension = -1; // CountDistinct only
    int group_by[2] = {-1, -1};  // none, one or two dimensions; group = code0 * card1 + code1
    std::optional<PointGrid> bins; // instead of group_by: 2-D bins of the row's point, row-major (y, x)

    // Count with a measure counts rows whose value is known. CountDistinct with a measure only
    // counts rows in which that measure is suppressed or known and non-zero: a "<5" enrolment
    // still means the programme is offered, a known 0 means it is not.
    bool operator==(const ViewSpec&) const = default;
    int GroupDimensions() const { return (group_by[0] >= 0) + (group_by[1] >= 0); }
};

// True when the view applies the filter on `dimension` (the cross-filter rule).
inline bool FilterAppliesTo(const ViewSpec& view, int dimension)
{
    return view.bins.has_value() || (dimension != view.group_by[0] && dimension != view.group_by[1]);
}

enum class GroupState : std::uint8_t {
    Empty,   // no row passed the filters
    Known,   // at least one known value (the value may still leave out suppressed ones)
    Unknown, // rows passed, but every value was suppressed or missing: not 0, unknown
};

struct ViewResult {
    // Per group. Sum/Min/Max are in the measure's fixed-point units: value / 10^decimals.
    std::vector<std::int64_t> values;
    std::vector<std::int64_t> rows;       // rows that passed the filters
    std::vector<std::int64_t> suppressed; // of those, rows whose value was suppressed ("<5")
    std::vector<GroupState> states;
    int decimals = 0;

    std::size_t GroupCount() const { return values.size(); }
    double Value(std::size_t group) const;
    bool operator==(const ViewResult&) const = default;
};

// Fills states from rows/suppressed/known counts the same way in every backend.
GroupState StateOf(std::int64_t rows, std::int64_t known);

} // namespace vak::core::agg
