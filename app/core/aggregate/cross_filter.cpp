#include "core/aggregate/cross_filter.hpp"

#include <algorithm>
#include <utility>

namespace vak::core::agg {

int CrossFilter::AddView(const ViewSpec& view)
{
    m_views.push_back(Entry{view, {}, false, {}, {}});
    return static_cast<int>(m_views.size()) - 1;
}

void CrossFilter::SetView(int id, const ViewSpec& view) { m_views[std::size_t(id)].spec = view; }

void CrossFilter::Invalidate()
{
    for (Entry& e : m_views)
        e.computed = false;
    m_discard_in_flight = Busy(); // a batch still running is of the old table
}

FilterSet CrossFilter::EffectiveFilters(const ViewSpec& view) const
{
    FilterSet effective = m_filters;
    for (const DimensionFilter& f : m_filters.Filters())
        if (!FilterAppliesTo(view, f.dimension))
            effective.Clear(f.dimension);
    return effective;
}

std::vector<int> CrossFilter::Dirty() const
{
    std::vector<int> dirty;
    for (std::size_t i = 0; i < m_views.size(); ++i) {
        const Entry& e = m_views[i];
        if (!e.computed || !(e.computed_spec == e.spec) || !(e.computed_filters == EffectiveFilters(e.spec)))
            dirty.push_back(static_cast<int>(i));
    }
    return dirty;
}

void CrossFilter::Submit()
{
    if (Busy())
        return;
    m_in_flight = Dirty();
    if (m_in_flight.empty())
        return;
    std::vector<ViewSpec> specs;
    m_in_flight_filters.clear();
    for (int id : m_in_flight) {
        specs.push_back(m_views[std::size_t(id)].spec);
        m_in_flight_filters.push_back(EffectiveFilters(specs.back()));
    }
    try {
        m_engine->Submit(m_filters, specs);
    } catch (...) {
        m_in_flight.clear();
        throw;
    }
    // Remember what is being computed now, so that later edits are seen as changes.
    for (std::size_t i = 0; i < m_in_flight.size(); ++i) {
        Entry& e = m_views[std::size_t(m_in_flight[i])];
        e.computed_spec = specs[i];
    }
}

std::vector<int> CrossFilter::Poll(bool wait)
{
    if (!Busy())
        return {};
    std::vector<ViewResult> results;
    if (!m_engine->Collect(results, wait))
        return {};
    std::vector<int> updated = std::move(m_in_flight);
    m_in_flight.clear();
    if (std::exchange(m_discard_in_flight, false))
        return {};
    for (std::size_t i = 0; i < updated.size() && i < results.size(); ++i) {
        Entry& e = m_views[std::size_t(updated[i])];
        e.result = std::move(results[i]);
        e.computed_filters = std::move(m_in_flight_filters[i]);
        e.computed = true;
    }
    return updated;
}

std::vector<int> CrossFilter::Update()
{
    std::vector<int> updated = Poll(true); // a batch still in flight first
    Submit();
    for (int id : Poll(true))
        if (std::find(updated.begin(), updated.end(), id) == updated.end())
            updated.push_back(id);
    return updated;
}

} // namespace vak::core::agg
