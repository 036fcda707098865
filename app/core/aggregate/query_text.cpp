#include "core/aggregate/query_text.hpp"

#include "core/aggregate/engine.hpp"

#include "core/errors.hpp"

#include <algorithm>
#include <cctype>

namespace vak::core::agg {

namespace {

bool EqualsIgnoringCase(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

std::string Listing(const std::vector<std::string>& items, std::size_t max_items = 12)
{
    std::string text;
    for (std::size_t i = 0; i < items.size() && i < max_items; ++i)
        text += (i ? ", " : "") + items[i];
    if (items.size() > max_items)
        text += ", ... (" + std::to_string(items.size()) + " in all)";
    return text;
}

std::string Trim(std::string_view text)
{
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
        text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
        text.remove_suffix(1);
    return std::string(text);
}

} // namespace

int ResolveDimension(const FactTable& table, std::string_view name)
{
    for (std::size_t d = 0; d < table.dimensions.size(); ++d)
        if (EqualsIgnoringCase(table.dimensions[d].name, name))
            return static_cast<int>(d);
    const bool wants_region = EqualsIgnoringCase(name, "region") || EqualsIgnoringCase(name, "regio");
    const bool wants_period = EqualsIgnoringCase(name, "year") || EqualsIgnoringCase(name, "period") ||
                              EqualsIgnoringCase(name, "jaar") || EqualsIgnoringCase(name, "periode");
    for (std::size_t d = 0; d < table.dimensions.size(); ++d) {
        if ((wants_region && table.dimensions[d].role == DimensionRole::Region) ||
            (wants_period && table.dimensions[d].role == DimensionRole::Period))
            return static_cast<int>(d);
    }
    std::vector<std::string> names;
    for (const FactDimension& d : table.dimensions)
        names.push_back(d.name);
    throw InputError(table.name + " has no dimension '" + std::string(name) + "'; it has: " + Listing(names, 50));
}

std::vector<std::uint32_t> ResolveValues(const FactTable& table, int dimension, std::string_view values)
{
    const FactDimension& d = table.dimensions[std::size_t(dimension)];
    if (const std::size_t dots = values.find(".."); dots != std::string_view::npos) {
        const std::string from = Trim(values.substr(0, dots)), to = Trim(values.substr(dots + 2));
        if (from.empty() || to.empty())
            throw InputError("range '" + std::string(values) + "' of " + d.name + " needs both ends, e.g. 2020..2025");
        return table.CodesInRange(dimension, from, to); // an empty range is a real filter: nothing passes
    }
    std::vector<std::uint32_t> codes;
    std::size_t start = 0;
    while (start <= values.size()) {
        const std::size_t comma = std::min(values.find(',', start), values.size());
        const std::string value = Trim(values.substr(start, comma - start));
        start = comma + 1;
        long code = table.FindCode(dimension, value);
        for (std::size_t i = 0; code < 0 && i < d.labels.size(); ++i)
            if (EqualsIgnoringCase(d.labels[i], value))
                code = static_cast<long>(i);
        if (code < 0)
            throw InputError(table.name + ": " + d.name + " has no value '" + value + "'; it has: " + Listing(d.labels));
        codes.push_back(static_cast<std::uint32_t>(code));
    }
    return codes;
}

ResolvedQuery ResolveAggregateCommand(const FactTable& table, const AggregateCommandOptions& options)
{
    ResolvedQuery query;
    for (const auto& [name, values] : options.where) {
        const int d = ResolveDimension(table, name);
        query.filters.Restrict(d, ResolveValues(table, d, values), table.dimensions[std::size_t(d)].Cardinality());
    }
    for (std::size_t i = 0; i < options.by.size(); ++i)
        query.view.group_by[i] = ResolveDimension(table, options.by[i]);
    const std::string& kind = options.aggregate;
    query.view.aggregate = kind == "count"            ? Aggregate::Count
                           : kind == "count-distinct" ? Aggregate::CountDistinct
                           : kind == "min"            ? Aggregate::Min
                           : kind == "max"            ? Aggregate::Max
                                                      : Aggregate::Sum;
    if (!options.distinct.empty())
        query.view.distinct_dimension = ResolveDimension(table, options.distinct);
    if (!options.measure.empty()) {
        query.view.measure = table.FindMeasure(options.measure);
        if (query.view.measure < 0) {
            std::vector<std::string> names;
            for (const FactMeasure& m : table.measures)
                names.push_back(m.name);
            throw InputError(table.name + " has no measure '" + options.measure + "'; it has: " + Listing(names, 50));
        }
    } else if (query.view.aggregate != Aggregate::CountDistinct && query.view.aggregate != Aggregate::Count) {
        if (table.measures.empty())
            throw InputError(table.name + " has no measures to " + kind + "; use --aggregate count");
        query.view.measure = 0;
    }
    ValidateView(table, query.view);
    return query;
}

std::vector<std::string> GroupLabels(const FactTable& table, const ViewSpec& view, std::size_t group)
{
    if (view.bins)
        return {std::to_string(group % view.bins->nx), std::to_string(group / view.bins->nx)};
    std::vector<std::string> labels;
    if (view.group_by[1] >= 0) {
        const FactDimension& second = table.dimensions[std::size_t(view.group_by[1])];
        labels.push_back(table.dimensions[std::size_t(view.group_by[0])].labels[group / second.Cardinality()]);
        labels.push_back(second.labels[group % second.Cardinality()]);
    } else if (view.group_by[0] >= 0) {
        labels.push_back(table.dimensions[std::size_t(view.group_by[0])].labels[group]);
    }
    return labels;
}

} // namespace vak::core::agg
