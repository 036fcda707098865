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

// What an engine is, for the status bar (which words it in the interface's language).
struct EngineInfo {
    bool gpu = false;
    unsigned threads = 0;       // CPU
    std::size_t cube_cells = 0; // CPU, 0 when there is no cube
    std::string device;         // GPU: the GL renderer
};

class Engine {
public:
    virtual ~Engine() = default;

    virtual EngineInfo Info() const { return {}; }
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
// Throws InputError when a column's length differs from the row count or a code is not below its
// dimension's cardinality (engines index with codes unchecked in their hot loops).
void ValidateTable(const FactTable& table);
// Throws InputError when a filter names a dimension the table does not have.
void ValidateFilters(const FactTable& table, const FilterSet& filters);
inline constexpr std::size_t kMaxGroups = std::size_t(1) << 24;

} // namespace vak::core::agg
