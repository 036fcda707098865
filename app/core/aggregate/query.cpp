#include "core/aggregate/query.hpp"

#include <algorithm>
#include <cmath>

namespace vak::core::agg {

const char* AggregateName(Aggregate aggregate)
{
    switch (aggregate) {
    case Aggregate::Sum: return "sum";
    case Aggregate::Count: return "count";
    case Aggregate::CountDistinct: return "count-distinct";
    case Aggregate::Min: return "min";
    case Aggregate::Max: return "max";
    }
    return "?";
}

void FilterSet::Restrict(int dimension, const std::vector<std::uint32_t>& codes, std::uint32_t cardinality)
{
    DimensionFilter filter;
    filter.dimension = dimension;
    filter.allowed.assign((cardinality + 31) / 32, 0u);
    for (std::uint32_t code : codes)
        if (code < cardinality)
            filter.allowed[code >> 5] |= 1u << (code & 31u);
    auto it = std::lower_bound(m_filters.begin(), m_filters.end(), dimension,
                               [](const DimensionFilter& f, int d) { return f.dimension < d; });
    if (it != m_filters.end() && it->dimension == dimension)
        *it = std::move(filter);
    else
        m_filters.insert(it, std::move(filter));
}

void FilterSet::Clear(int dimension)
{
    std::erase_if(m_filters, [dimension](const DimensionFilter& f) { return f.dimension == dimension; });
}

const DimensionFilter* FilterSet::Find(int dimension) const
{
    for (const DimensionFilter& f : m_filters)
        if (f.dimension == dimension)
            return &f;
    return nullptr;
}

double ViewResult::Value(std::size_t group) const
{
    return static_cast<double>(values[group]) / std::pow(10.0, decimals);
}

GroupState StateOf(std::int64_t rows, std::int64_t known)
{
    if (rows == 0)
        return GroupState::Empty;
    return known > 0 ? GroupState::Known : GroupState::Unknown;
}

} // namespace vak::core::agg
