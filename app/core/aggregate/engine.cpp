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
