// One interface, two backends: CpuEngine (core) and GpuEngine (gpu). An engine holds one
// FactTable (uploaded once) and answers views under a FilterSet, each view applying the
// cross-filter rule (query.hpp). Results are identical across backends, bit for bit.
#pragma once

#include "core/aggregate/fact_table.hpp"
#include "core/aggregate/query.hpp"

#include <memory>
#include <string>
#include <vector>

namespace vak::core::agg {

class Engine {
public:
    virtual ~Engine() = default;

    // "CPU, 2 threads, cube 1,234 cells" / "GPU, NVIDIA H100": for the status bar.
    virtual std::string Describe() const = 0;
    // Takes the table (shared: the UI and other engines may hold it too). Replaces any earlier one.
    virtual void Load(std::shared_ptr<const FactTable> table) = 0;
    // Computes every view, blocking until done. Views are validated first (ValidateView).
    virtual std::vector<ViewResult> Compute(const FilterSet& filters, const std::vector<ViewSpec>& views) = 0;

    // Asynchronous form for the frame loop: Submit returns at once where the backend can
    // (GPU), Collect hands over the results once ready, or waits for them when `wait` is set.
    // The default computes in Submit.
    virtual void Submit(const FilterSet& filters, const std::vector<ViewSpec>& views);
    virtual bool Collect(std::vector<ViewResult>& results, bool wait);

private:
    std::vector<ViewResult> m_pending;
    bool m_has_pending = false;
};

// Groups a view produces (cardinality product, or nx*ny bins).
std::size_t GroupCount(const FactTable& table, const ViewSpec& view);
// Throws InputError naming what is wrong (unknown measure or dimension, count-distinct without
// a dimension, bins on a table without points, more than kMaxGroups groups).
void ValidateView(const FactTable& table, const ViewSpec& view);
inline constexpr std::size_t kMaxGroups = std::size_t(1) << 24;

} // namespace vak::core::agg
