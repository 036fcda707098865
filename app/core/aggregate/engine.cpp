#include "core/aggregate/engine.hpp"

#include "core/errors.hpp"

namespace vak::core::agg {

void Engine::Submit(const FilterSet& filters, const std::vector<ViewSpec>& views)
{
    m_pending = Compute(filters, views);
    m_has_pending = true;
}

bool Engine::Collect(std::vector<ViewResult>& results, bool /*wait*/)
{
    if (!m_has_pending)
        return false;
    results = std::move(m_pending);
    m_pending.clear();
    m_has_pending = false;
    return true;
}

std::size_t GroupCount(const FactTable& table, const ViewSpec& view)
{
    if (view.bins)
        return std::size_t(view.bins->nx) * view.bins->ny;
    std::size_t groups = 1;
    for (int d : view.group_by)
        if (d >= 0)
            groups *= table.dimensions[static_cast<std::size_t>(d)].Cardinality();
    return groups;
}

void ValidateTable(const FactTable& table)
{
    auto length = [&](std::size_t size, const std::string& column) {
        if (size != table.rows)
            throw InputError(table.name + ": column " + column + " has " + std::to_string(size) + " values for " +
                             std::to_string(table.rows) + " rows");
    };
    for (const FactDimension& d : table.dimensions) {
        length(d.codes.size(), d.name);
        const std::uint32_t card = d.Cardinality();
        for (std::size_t r = 0; r < d.codes.size(); ++r)
            if (d.codes[r] >= card)
                throw InputError(table.name + ": row " + std::to_string(r + 1) + ", column " + d.name + ": code " +
                                 std::to_string(d.codes[r]) + " has no label (" + std::to_string(card) + " labels)");
    }
    for (const FactMeasure& m : table.measures) {
        length(m.values.size(), m.name);
        length(m.states.size(), m.name + " (states)");
    }
    if (!table.x.empty() || !table.y.empty()) {
        length(table.x.size(), "x");
        length(table.y.size(), "y");
    }
}

void ValidateFilters(const FactTable& table, const FilterSet& filters)
{
    for (const DimensionFilter& f : filters.Filters())
        if (f.dimension < 0 || f.dimension >= static_cast<int>(table.dimensions.size()))
            throw InputError("a filter names dimension " + std::to_string(f.dimension) + ", which " + table.name +
                             " does not have");
}

void ValidateView(const FactTable& table, const ViewSpec& view)
{
    const std::string what = std::string("view (") + AggregateName(view.aggregate) + "): ";
    auto check_dimension = [&](int d, const char* role) {
        if (d < -1 || d >= static_cast<int>(table.dimensions.size()))
            throw InputError(what + role + " " + std::to_string(d) + " is not a dimension of " + table.name);
    };
    if (view.measure < -1 || view.measure >= static_cast<int>(table.measures.size()))
        throw InputError(what + "measure " + std::to_string(view.measure) + " is not a measure of " + table.name);
    const bool needs_measure =
        view.aggregate == Aggregate::Sum || view.aggregate == Aggregate::Min || view.aggregate == Aggregate::Max;
    if (needs_measure && view.measure < 0)
        throw InputError(what + "needs a measure");
    check_dimension(view.distinct_dimension, "distinct dimension");
    if (view.aggregate == Aggregate::CountDistinct && view.distinct_dimension < 0)
        throw InputError(what + "needs a dimension whose distinct codes to count");
    check_dimension(view.group_by[0], "group-by dimension");
    check_dimension(view.group_by[1], "group-by dimension");
    if (view.group_by[0] < 0 && view.group_by[1] >= 0)
        throw InputError(what + "the second group-by dimension is set without the first");
    if (view.group_by[0] >= 0 && view.group_by[0] == view.group_by[1])
        throw InputError(what + "groups twice by " + table.dimensions[std::size_t(view.group_by[0])].name);
    if (view.bins) {
        if (!table.HasPoints())
            throw InputError(what + "point bins asked of " + table.name + ", which has no point coordinates");
        if (view.bins->cell <= 0 || view.bins->nx == 0 || view.bins->ny == 0)
            throw InputError(what + "point bins need a positive cell size and at least one column and row");
        if (view.group_by[0] >= 0)
            throw InputError(what + "point bins cannot also group by a dimension");
        constexpr std::int64_t kMaxExtent = (std::int64_t(1) << 31) - 2; // decimetres: 214,748 km
        if (view.bins->cell > kMaxExtent || view.bins->cell * std::int64_t(view.bins->nx) > kMaxExtent ||
            view.bins->cell * std::int64_t(view.bins->ny) > kMaxExtent)
            throw InputError(what + "the point grid is larger than 2^31 decimetres across");
    }
    const std::size_t groups = GroupCount(table, view);
    if (groups > kMaxGroups)
        throw InputError(what + std::to_string(groups) + " groups, more than the " + std::to_string(kMaxGroups) +
                         " a view may have");
    if (view.aggregate == Aggregate::CountDistinct) {
        const std::size_t bits = groups * table.dimensions[std::size_t(view.distinct_dimension)].Cardinality();
        if (bits > (std::size_t(1) << 31))
            throw InputError(what + "count-distinct of " + table.dimensions[std::size_t(view.distinct_dimension)].name +
                             " over " + std::to_string(groups) + " groups needs " + std::to_string(bits) +
                             " bits, more than 2^31");
    }
}

} // namespace vak::core::agg
