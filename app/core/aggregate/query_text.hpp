// A query written as text (the `aggregate` command's --by/--where/--measure, later view files),
// resolved against a fact table's names and labels. Unknown names and values are errors that
// list what the table does have.
#pragma once

#include "core/aggregate/fact_table.hpp"
#include "core/aggregate/query.hpp"
#include "core/command_line.hpp"

namespace vak::core::agg {

struct ResolvedQuery {
    FilterSet filters;
    ViewSpec view;
};

// A dimension by its name, or by its role: "region" and "year"/"period" find the table's
// region and period dimensions whatever their column was called. Throws InputError.
int ResolveDimension(const FactTable& table, std::string_view name);

// "V1,V2" (labels) or "FROM..TO" (a range, numeric where the labels are numbers) -> codes.
std::vector<std::uint32_t> ResolveValues(const FactTable& table, int dimension, std::string_view values);

ResolvedQuery ResolveAggregateCommand(const FactTable& table, const AggregateCommandOptions& options);

// The label of group `group` of `view`, one text per group-by dimension (or "x;y" bin indices).
std::vector<std::string> GroupLabels(const FactTable& table, const ViewSpec& view, std::size_t group);

} // namespace vak::core::agg
