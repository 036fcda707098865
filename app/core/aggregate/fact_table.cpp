#include "core/aggregate/fact_table.hpp"

#include "core/errors.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <optional>

namespace vak::core::agg {

namespace {

std::optional<double> AsNumber(std::string_view text)
{
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

// Fewest decimals (0..6) that represent every known value exactly; when none does, the most
// that keep the column's absolute total within 2^62 (so no backend can overflow).
int ChooseDecimals(const MeasureColumn& column, const std::string& table)
{
    double max_abs = 0, total_abs = 0;
    for (std::size_t i = 0; i < column.values.size(); ++i) {
        if (column.states[i] != ValueState::Known)
            continue;
        const double v = column.values[i];
        if (!std::isfinite(v))
            throw InputError(table + ": measure " + column.name + ", row " + std::to_string(i + 1) +
                             ": value is not a finite number");
        max_abs = std::max(max_abs, std::abs(v));
        total_abs += std::abs(v);
    }
    const double limit = std::ldexp(1.0, 62);
    int decimals = 0;
    for (; decimals <= 6; ++decimals) {
        const double scale = std::pow(10.0, decimals);
        if (total_abs * scale >= limit) {
            --decimals;
            break;
        }
        bool exact = true;
        for (std::size_t i = 0; i < column.values.size() && exact; ++i)
            if (column.states[i] == ValueState::Known) {
                const double scaled = column.values[i] * scale;
                exact = std::abs(scaled - std::round(scaled)) <= 1e-9 * std::max(1.0, std::abs(scaled));
            }
        if (exact)
            break;
    }
    decimals = std::min(decimals, 6);
    if (decimals < 0)
        throw InputError(table + ": measure " + column.name + ": total " + std::to_string(total_abs) +
                         " is too large to sum exactly (beyond 2^62)");
    return decimals;
}

} // namespace

std::int32_t ToDecimetres(double metres)
{
    const double dm = std::round(metres * 10.0);
    if (!(dm >= std::numeric_limits<std::int32_t>::min() && dm <= std::numeric_limits<std::int32_t>::max()))
        throw InputError("point coordinate " + std::to_string(metres) + " m lies outside the range of the map");
    return static_cast<std::int32_t>(dm);
}

int FactTable::FindDimension(std::string_view dimension) const
{
    for (std::size_t i = 0; i < dimensions.size(); ++i)
        if (dimensions[i].name == dimension)
            return static_cast<int>(i);
    return -1;
}

int FactTable::FindMeasure(std::string_view measure) const
{
    for (std::size_t i = 0; i < measures.size(); ++i)
        if (measures[i].name == measure)
            return static_cast<int>(i);
    return -1;
}

long FactTable::FindCode(int dimension, std::string_view label) const
{
    const auto& labels = dimensions[static_cast<std::size_t>(dimension)].labels;
    for (std::size_t i = 0; i < labels.size(); ++i)
        if (labels[i] == label)
            return static_cast<long>(i);
    return -1;
}

std::vector<std::uint32_t> FactTable::CodesInRange(int dimension, std::string_view from, std::string_view to) const
{
    const auto& labels = dimensions[static_cast<std::size_t>(dimension)].labels;
    const auto lo = AsNumber(from), hi = AsNumber(to);
    std::vector<std::uint32_t> codes;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const auto value = AsNumber(labels[i]);
        const bool inside = (lo && hi && value) ? (*value >= *lo && *value <= *hi)
                                                : (labels[i] >= from && labels[i] <= to);
        if (inside)
            codes.push_back(static_cast<std::uint32_t>(i));
    }
    return codes;
}

FactTable PackDataset(const Dataset& dataset)
{
    FactTable table;
    table.name = dataset.name;
    table.provenance = dataset.provenance;
    table.rows = dataset.RowCount();
    for (const DimensionColumn& column : dataset.dimensions) {
        FactDimension& d = table.dimensions.emplace_back();
        d.name = column.name;
        d.role = column.role;
        d.labels = column.dictionary;
        d.codes = column.rows;
    }
    for (const MeasureColumn& column : dataset.measures) {
        FactMeasure& m = table.measures.emplace_back();
        m.name = column.name;
        m.unit = column.unit;
        m.states = column.states;
        if (column.is_count) {
            m.values = column.counts;
            continue;
        }
        m.decimals = ChooseDecimals(column, dataset.name);
        const double scale = std::pow(10.0, m.decimals);
        m.values.resize(column.values.size());
        for (std::size_t i = 0; i < column.values.size(); ++i)
            m.values[i] = column.states[i] == ValueState::Known ? std::llround(column.values[i] * scale) : 0;
    }
    if (!dataset.x.empty()) {
        table.x.resize(dataset.x.size());
        table.y.resize(dataset.y.size());
        for (std::size_t i = 0; i < dataset.x.size(); ++i) {
            table.x[i] = ToDecimetres(dataset.x[i]);
            table.y[i] = ToDecimetres(dataset.y[i]);
        }
    }
    return table;
}

} // namespace vak::core::agg
