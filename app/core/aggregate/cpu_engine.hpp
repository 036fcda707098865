// The CPU backend: a multi-threaded scan, and a pre-aggregated cube that makes interaction cost
// independent of the row count.
//
// The scan reads each block of rows once for all views of a batch: every view adds the rows
// that pass the filters it applies (the cross-filter rule) to thread-private histograms, merged
// at the end. A Sum or Count view with at most three such filters, each on a dimension of at
// most 64 codes (years, sectors, levels), tests them inline from a 64-bit word per filter; the
// others read a per-block mask of failed filters, made only when some view reads it.
//
// The cube groups the rows by all their dimensions at Load (one cell per distinct combination,
// holding per measure the sum, min, max and the counts of known, suppressed and "offered"
// values). Views without point bins then scan the cells instead of the rows, with identical
// results: every aggregate of query.hpp is a function of those per-cell figures.
#pragma once

#include "core/aggregate/engine.hpp"

namespace vak::core::agg {

enum class CubeMode : std::uint8_t {
    Auto,   // build when it has at most a quarter as many cells as the table has rows
    Never,  // always scan the rows (for benchmarks and tests of the scan)
    Always, // build whenever the dimensions allow it
};

struct CpuEngineOptions {
    unsigned threads = 0; // 0: one per CPU the process may use
    CubeMode cube = CubeMode::Auto;
    // Histograms kept between calls beyond this size are freed after the call.
    std::size_t scratch_budget_bytes = std::size_t(256) << 20;
};

class CpuEngine final : public Engine {
public:
    explicit CpuEngine(CpuEngineOptions options = {});
    ~CpuEngine() override;

    std::string Describe() const override;
    EngineInfo Info() const override { return {false, m_threads, CubeCells(), {}}; }
    void Load(std::shared_ptr<const FactTable> table) override;
    // Not thread-safe: one Compute at a time.
    std::vector<ViewResult> Compute(const FilterSet& filters, const std::vector<ViewSpec>& views) override;

    // Cells of the cube, or 0 when there is none.
    std::size_t CubeCells() const;
    // Partitions of the point rows (see m_points), or 0 for a table without points.
    std::size_t PointPartitionCount() const;
    unsigned Threads() const { return m_threads; }
    // Memory held by the histograms kept between calls.
    std::size_t ScratchBytes() const;

    struct Cube;
    struct Scratch;
    struct PointPartitions;

private:
    CpuEngineOptions m_options;
    unsigned m_threads = 1;
    std::shared_ptr<const FactTable> m_table;
    std::unique_ptr<Cube> m_cube;
    // The rows of a point table for point bins, partitioned by its low-cardinality dimensions
    // (years, sectors: filters a point view always applies) and in Z-order (Morton) of their
    // points within each partition. A filter then skips whole partitions instead of testing
    // every row, and nearby points come one after another, so the bins' histogram is hit in
    // cache, not all over it.
    std::unique_ptr<PointPartitions> m_points;
    // Histograms kept between calls: a density view's are megabytes, and fresh pages cost more
    // than the scan. Compute is therefore not to be called from two threads at once. Beyond
    // scratch_budget_bytes they are freed after the call.
    std::unique_ptr<Scratch> m_scratch;
    void ReleaseScratchBeyondBudget();
};

} // namespace vak::core::agg
