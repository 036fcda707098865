// The aggregation core's input: a Dataset packed into flat columns that both backends scan
// as they are (the GPU uploads them once). Dimensions are dictionary codes, measures are exact
// integers (counts as they are, real numbers in fixed point with per-column decimals, so sums
// are exact and identical on CPU and GPU), points are integer decimetres.
#pragma once

#include "core/data/dataset.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace vak::core::agg {

struct FactDimension {
    std::string name;
    DimensionRole role = DimensionRole::Category;
    std::vector<std::string> labels;  // code -> text (the dataset's dictionary)
    std::vector<std::uint32_t> codes; // per row, < Cardinality()

    std::uint32_t Cardinality() const { return static_cast<std::uint32_t>(labels.size()); }
};

struct FactMeasure {
    std::string name;
    std::string unit;
    int decimals = 0;                 // value = values[row] / 10^decimals
    std::vector<std::int64_t> values; // per row; 0 unless the state is Known
    std::vector<ValueState> states;   // per row
};

struct FactTable {
    std::string name;
    Provenance provenance;
    std::size_t rows = 0;
    std::vector<FactDimension> dimensions;
    std::vector<FactMeasure> measures;
    std::vector<std::int32_t> x, y; // per row, decimetres of the display CRS; empty without points

    bool HasPoints() const { return !x.empty(); }
    int FindDimension(std::string_view name) const;
    int FindMeasure(std::string_view name) const;
    // Codes of `dimension` whose label lies in [from, to] (labels compared as numbers when both
    // parse as numbers, else as text): how a year range becomes a filter.
    std::vector<std::uint32_t> CodesInRange(int dimension, std::string_view from, std::string_view to) const;
    // Code of `label` in `dimension`, or -1.
    long FindCode(int dimension, std::string_view label) const;
};

// Packs a dataset. Real-valued measures get the fewest decimals (0..6) that represent every
// value exactly, or as many as keep the column's total within 2^62. Throws InputError when a
// value cannot be represented (NaN, infinite, beyond 2^62).
FactTable PackDataset(const Dataset& dataset);

// Display coordinates in metres to the table's decimetres (rounded to nearest).
std::int32_t ToDecimetres(double metres);

} // namespace vak::core::agg
