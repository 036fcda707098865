// The density (heat) map layer: point bins of a points table from an aggregation engine of its
// own (the dashboard's engine keeps its table), coloured on the log ramp of
// core/dashboard/density_grid and uploaded as an RGBA texture, one texel per bin (GL_NEAREST:
// a bin is a square, not a blur). Per interaction only the bins change; they are computed again
// only when the grid or the filters change, not on every camera move (ChooseDensityGrid keeps
// the grid while the map pans within a block).
//
// Never stalls a frame on the binning: the GPU engine computes between Submit and Collect; the
// CPU engine computes on a worker thread of this layer. While new bins are on their way the last
// texture stays, placed at its own grid's world box, so it moves with the map.
//
// Needs the GL context current on the calling thread for every call, the destructor included.
#pragma once

#include "core/aggregate/engine.hpp"
#include "core/dashboard/density_grid.hpp"

#include <cstdint>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace vak::gpu {

class DensityLayer {
public:
    // `engine`: from ChooseEngine, the same choice as the session's.
    explicit DensityLayer(std::unique_ptr<core::agg::Engine> engine);
    ~DensityLayer();
    DensityLayer(const DensityLayer&) = delete;
    DensityLayer& operator=(const DensityLayer&) = delete;

    // Loads the points table (which must have points) into the engine, dropping any bins. The
    // CPU engine loads on the worker thread: requests wait behind it, Poll(true) waits for it.
    void Load(std::shared_ptr<const core::agg::FactTable> points);
    bool Loaded() const { return m_table != nullptr; }
    const core::agg::FactTable* Table() const { return m_table.get(); }

    // Asks for the bins of `grid` under `filters`. Returns at once; a request equal to the last
    // one does nothing, a newer one while the engine is busy replaces any queued one.
    void Request(const core::DensityGrid& grid, const core::agg::FilterSet& filters);
    // Takes finished bins (colours them, uploads the texture) and starts a queued request. Call
    // once a frame. True when the texture changed. `wait`: blocks until the last request is shown
    // (tests, exports).
    bool Poll(bool wait = false);
    // True while a request has not been shown yet.
    bool Busy() const { return m_in_flight || m_queued.has_value(); }

    // What is shown: 0 before the first bins.
    unsigned Texture() const { return m_texture; }
    const core::DensityGrid& ShownGrid() const { return m_shown_grid; }
    const std::vector<std::int64_t>& Counts() const { return m_counts; } // per bin, row-major from south-west
    std::int64_t ShownMaxCount() const { return m_max_count; }
    const core::DensityRamp& Ramp() const { return m_ramp; }
    std::string Describe() const { return m_engine->Describe(); }
    // Alpha of occupied bins (the regions underneath stay readable through them).
    void SetAlpha(std::uint8_t alpha) { m_alpha = alpha; }

private:
    struct Job {
        core::DensityGrid grid;
        core::agg::FilterSet filters;
        bool operator==(const Job&) const = default;
    };
    void Start(Job job);
    void Show(const Job& job, std::vector<core::agg::ViewResult> results);
    static core::agg::ViewSpec ViewOf(const core::DensityGrid& grid);

    std::unique_ptr<core::agg::Engine> m_engine;
    bool m_engine_is_gpu = false;
    std::shared_ptr<const core::agg::FactTable> m_table;
    std::optional<Job> m_last;      // the newest request (shown, running or queued)
    std::optional<Job> m_queued;    // waits for the running one
    Job m_running;
    bool m_in_flight = false;
    bool m_loading_engine = false; // the CPU engine's Load is the job in flight
    std::future<std::vector<core::agg::ViewResult>> m_cpu_job; // CPU engine: on a worker thread

    unsigned m_texture = 0;
    int m_texture_w = 0, m_texture_h = 0;
    core::DensityGrid m_shown_grid;
    std::vector<std::int64_t> m_counts;
    std::int64_t m_max_count = 0;
    core::DensityRamp m_ramp;
    std::uint8_t m_alpha = 235;
};

} // namespace vak::gpu
