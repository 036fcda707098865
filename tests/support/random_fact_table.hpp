// Random fact tables, filters and views for the aggregation core's property tests. Seeded, so
// a failure names its seed and can be replayed.
#pragma once

#include "core/aggregate/engine.hpp"

#include <random>
#include <string>

namespace vak::test {

struct RandomTableShape {
    std::size_t rows = 10000;
    std::vector<std::uint32_t> cardinalities = {40, 12, 7};
    int measures = 2;
    bool points = true;
    double suppressed_share = 0.05, missing_share = 0.03;
    std::int64_t max_value = 5000;   // values drawn from [-max_value/10, max_value] for measure 1+
    std::int64_t big_value = 0;      // when > 0, measure 0 draws from [0, big_value] (sums beyond 2^32)
};

inline core::agg::FactTable RandomFactTable(std::uint32_t seed, const RandomTableShape& shape)
{
    using namespace core::agg;
    std::mt19937_64 rng(seed);
    FactTable table;
    table.name = "random-" + std::to_string(seed);
    table.rows = shape.rows;
    for (std::size_t d = 0; d < shape.cardinalities.size(); ++d) {
        FactDimension& dim = table.dimensions.emplace_back();
        dim.name = "dim" + std::to_string(d);
        for (std::uint32_t c = 0; c < shape.cardinalities[d]; ++c)
            dim.labels.push_back(std::to_string(2000 + c));
        // Skewed codes, as real data is (a few big regions, many small ones).
        std::uniform_real_distribution<double> u(0.0, 1.0);
        dim.codes.resize(shape.rows);
        for (auto& code : dim.codes)
            code = std::min<std::uint32_t>(shape.cardinalities[d] - 1,
                                           static_cast<std::uint32_t>(u(rng) * u(rng) * shape.cardinalities[d]));
    }
    std::uniform_real_distribution<double> u(0.0, 1.0);
    for (int m = 0; m < shape.measures; ++m) {
        FactMeasure& measure = table.measures.emplace_back();
        measure.name = "measure" + std::to_string(m);
        measure.decimals = m == 1 ? 2 : 0;
        measure.values.resize(shape.rows);
        measure.states.resize(shape.rows);
        const bool big = m == 0 && shape.big_value > 0;
        std::uniform_int_distribution<std::int64_t> value(big ? 0 : (m == 0 ? 0 : -shape.max_value / 10),
                                                          big ? shape.big_value : shape.max_value);
        for (std::size_t r = 0; r < shape.rows; ++r) {
            const double p = u(rng);
            measure.states[r] = p < shape.suppressed_share ? core::ValueState::Suppressed
                                : p < shape.suppressed_share + shape.missing_share ? core::ValueState::Missing
                                                                                    : core::ValueState::Known;
            measure.values[r] = measure.states[r] == core::ValueState::Known ? value(rng) : 0;
            if (measure.states[r] == core::ValueState::Known && u(rng) < 0.05)
                measure.values[r] = 0; // known zeros matter for count-distinct
        }
    }
    if (shape.points) {
        std::normal_distribution<double> gx(1550000, 300000), gy(4600000, 400000); // decimetres, RD-like
        table.x.resize(shape.rows);
        table.y.resize(shape.rows);
        for (std::size_t r = 0; r < shape.rows; ++r) {
            table.x[r] = static_cast<std::int32_t>(gx(rng));
            table.y[r] = static_cast<std::int32_t>(gy(rng));
        }
    }
    return table;
}

inline core::agg::FilterSet RandomFilters(std::mt19937_64& rng, const core::agg::FactTable& table)
{
    core::agg::FilterSet filters;
    std::uniform_real_distribution<double> u(0.0, 1.0);
    for (std::size_t d = 0; d < table.dimensions.size(); ++d) {
        if (u(rng) < 0.5)
            continue;
        const double keep = u(rng) < 0.1 ? 0.0 : u(rng); // sometimes a filter that lets nothing through
        std::vector<std::uint32_t> codes;
        for (std::uint32_t c = 0; c < table.dimensions[d].Cardinality(); ++c)
            if (u(rng) < keep)
                codes.push_back(c);
        filters.Restrict(static_cast<int>(d), codes, table.dimensions[d].Cardinality());
    }
    return filters;
}

inline core::agg::ViewSpec RandomView(std::mt19937_64& rng, const core::agg::FactTable& table)
{
    using namespace core::agg;
    std::uniform_int_distribution<int> pick_aggregate(0, 4);
    std::uniform_int_distribution<int> pick_dim(0, static_cast<int>(table.dimensions.size()) - 1);
    std::uniform_int_distribution<int> pick_measure(0, static_cast<int>(table.measures.size()) - 1);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    ViewSpec view;
    view.aggregate = static_cast<Aggregate>(pick_aggregate(rng));
    const bool optional_measure = view.aggregate == Aggregate::Count || view.aggregate == Aggregate::CountDistinct;
    view.measure = optional_measure && u(rng) < 0.5 ? -1 : pick_measure(rng);
    if (view.aggregate == Aggregate::CountDistinct)
        view.distinct_dimension = pick_dim(rng);
    const double shape = u(rng);
    if (shape < 0.2 && table.HasPoints()) {
        PointGrid grid;
        grid.cell = 1000 + static_cast<std::int64_t>(u(rng) * 50000);
        grid.x0 = 1550000 - static_cast<std::int64_t>(u(rng) * 1500000);
        grid.y0 = 4600000 - static_cast<std::int64_t>(u(rng) * 1500000);
        grid.nx = 1 + static_cast<std::uint32_t>(u(rng) * 300);
        grid.ny = 1 + static_cast<std::uint32_t>(u(rng) * 300);
        view.bins = grid;
    } else if (shape < 0.35) {
        // no group-by: one total
    } else {
        view.group_by[0] = pick_dim(rng);
        if (shape > 0.75 && table.dimensions.size() > 1) {
            do
                view.group_by[1] = pick_dim(rng);
            while (view.group_by[1] == view.group_by[0]);
        }
    }
    return view;
}

} // namespace vak::test
