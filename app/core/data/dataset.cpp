#include "core/data/dataset.hpp"

namespace vak::core {

std::uint32_t DimensionColumn::Encode(std::string_view value)
{
    auto [it, inserted] = m_lookup.emplace(std::string(value), static_cast<std::uint32_t>(dictionary.size()));
    if (inserted)
        dictionary.emplace_back(value);
    rows.push_back(it->second);
    return it->second;
}

void MeasureColumn::Append(ValueState state, std::int64_t count, double value)
{
    states.push_back(state);
    if (is_count)
        counts.push_back(state == ValueState::Known ? count : 0);
    else
        values.push_back(state == ValueState::Known ? value : 0.0);
}

int Dataset::FindDimension(std::string_view name) const
{
    for (std::size_t i = 0; i < dimensions.size(); ++i)
        if (dimensions[i].name == name)
            return static_cast<int>(i);
    return -1;
}

int Dataset::FindMeasure(std::string_view name) const
{
    for (std::size_t i = 0; i < measures.size(); ++i)
        if (measures[i].name == name)
            return static_cast<int>(i);
    return -1;
}

std::string ImportReport::Summary() const
{
    return std::to_string(rows_read) + " rows read, " + std::to_string(rows_landed) + " stored, " +
           std::to_string(rows_rejected) + " rows with values not landed (" + std::to_string(rejected.size()) +
           " values), " + std::to_string(values_suppressed) + " suppressed (<5), " + std::to_string(values_missing) +
           " missing";
}

} // namespace vak::core
