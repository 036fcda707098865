// The dashboard's side of the aggregation core: the current filters and the views on screen,
// recomputing after a change only the views whose result can have changed. A view's result
// depends on its spec and on the filters it applies (all but those on its own dimensions), so
// clicking a region recomputes the year chart and the bars, not the map.
#pragma once

#include "core/aggregate/engine.hpp"

#include <vector>

namespace vak::core::agg {

class CrossFilter {
public:
    explicit CrossFilter(Engine& engine) : m_engine(&engine) {}

    int AddView(const ViewSpec& view); // returns the view's id
    void SetView(int id, const ViewSpec& view);
    const ViewSpec& View(int id) const { return m_views[std::size_t(id)].spec; }
    std::size_t ViewCount() const { return m_views.size(); }

    FilterSet& Filters() { return m_filters; }
    const FilterSet& Filters() const { return m_filters; }

    // The engine's table changed (Load): every view is recomputed on the next update.
    void Invalidate();

    // Recomputes the views that need it and waits; returns their ids.
    std::vector<int> Update();
    // Frame-loop form: Submit starts the views that need it unless a batch is still running;
    // Poll collects a finished batch (returns the ids it updated, empty when none finished).
    void Submit();
    std::vector<int> Poll(bool wait = false);
    bool Busy() const { return !m_in_flight.empty(); }

    // The last result of a view (empty before its first update).
    const ViewResult& Result(int id) const { return m_views[std::size_t(id)].result; }

private:
    struct Entry {
        ViewSpec spec;
        ViewResult result;
        bool computed = false;
        ViewSpec computed_spec;       // what the result is of
        FilterSet computed_filters;   // the filters it applied
    };
    FilterSet EffectiveFilters(const ViewSpec& view) const;
    std::vector<int> Dirty() const;

    Engine* m_engine;
    std::vector<Entry> m_views;
    FilterSet m_filters;
    std::vector<int> m_in_flight;
    std::vector<FilterSet> m_in_flight_filters;
    bool m_discard_in_flight = false;
};

} // namespace vak::core::agg
