#include "gpu/density_layer.hpp"

#include "core/errors.hpp"

#include <epoxy/gl.h>

#include <chrono>
#include <utility>

namespace vak::gpu {

DensityLayer::DensityLayer(std::unique_ptr<core::agg::Engine> engine)
    : m_engine(std::move(engine)), m_engine_is_gpu(m_engine && m_engine->Info().gpu)
{
    if (!m_engine)
        throw core::InputError("density map: no aggregation engine");
}

DensityLayer::~DensityLayer()
{
    // The worker uses the engine: let it finish before either goes.
    if (m_cpu_job.valid())
        m_cpu_job.wait();
    if (m_texture)
        glDeleteTextures(1, &m_texture);
}

void DensityLayer::Load(std::shared_ptr<const core::agg::FactTable> points)
{
    if (m_cpu_job.valid())
        m_cpu_job.wait();
    m_cpu_job = {};
    if (!points || !points->HasPoints())
        throw core::InputError("density map: " + (points ? points->name : std::string("no table")) +
                               " has no point coordinates");
    m_table = points;
    m_in_flight = false;
    m_loading_engine = false;
    m_queued.reset();
    m_last.reset();
    m_counts.clear();
    m_max_count = 0;
    m_ramp = {};
    m_shown_grid = {};
    if (m_engine_is_gpu) {
        m_engine->Load(std::move(points)); // uploads on this thread's context; drops uncollected results
    } else {
        // The CPU engine sorts 1.5 M points into Z-order at load (about half a second on two
        // cores): on the worker too, as the first job; requests queue behind it.
        core::agg::Engine* engine = m_engine.get();
        m_cpu_job = std::async(std::launch::async, [engine, points = std::move(points)] {
            engine->Load(points);
            return std::vector<core::agg::ViewResult>{};
        });
        m_in_flight = true;
        m_loading_engine = true;
    }
}

core::agg::ViewSpec DensityLayer::ViewOf(const core::DensityGrid& grid)
{
    core::agg::ViewSpec view;
    view.aggregate = core::agg::Aggregate::Count; // rows: one point, one vacancy
    view.bins = grid.grid;
    return view;
}

void DensityLayer::Request(const core::DensityGrid& grid, const core::agg::FilterSet& filters)
{
    if (!m_table)
        return;
    Job job{grid, filters};
    if (m_last && *m_last == job)
        return;
    m_last = job;
    if (m_in_flight)
        m_queued = std::move(job); // the newest wins; intermediate grids are never shown
    else
        Start(std::move(job));
}

void DensityLayer::Start(Job job)
{
    const std::vector<core::agg::ViewSpec> views = {ViewOf(job.grid)};
    if (m_engine_is_gpu) {
        m_engine->Submit(job.filters, views); // returns at once; Collect polls the fence
    } else {
        // One job at a time on the engine (CpuEngine::Compute is not reentrant); the filters and
        // views are copied into the task.
        core::agg::Engine* engine = m_engine.get();
        m_cpu_job = std::async(std::launch::async, [engine, filters = job.filters, views] {
            return engine->Compute(filters, views);
        });
    }
    m_running = std::move(job);
    m_in_flight = true;
}

bool DensityLayer::Poll(bool wait)
{
    bool changed = false;
    while (m_in_flight) {
        std::vector<core::agg::ViewResult> results;
        bool loaded = false; // the job was the CPU engine's Load
        if (m_engine_is_gpu) {
            if (!m_engine->Collect(results, wait))
                break;
        } else {
            if (!wait && m_cpu_job.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
                break;
            m_in_flight = false;
            loaded = std::exchange(m_loading_engine, false);
            results = m_cpu_job.get(); // rethrows what the engine threw
        }
        m_in_flight = false;
        if (!loaded) {
            Show(m_running, std::move(results));
            changed = true;
        }
        if (m_queued) {
            Job next = std::move(*m_queued);
            m_queued.reset();
            Start(std::move(next));
        }
    }
    return changed;
}

void DensityLayer::Show(const Job& job, std::vector<core::agg::ViewResult> results)
{
    if (results.size() != 1)
        return;
    const core::agg::PointGrid& g = job.grid.grid;
    m_counts = std::move(results[0].rows);
    m_max_count = core::MaxCount(m_counts);
    m_ramp = core::MakeDensityRamp(m_max_count);
    const std::vector<std::uint32_t> rgba = core::ColorDensityBins(m_counts, m_ramp, m_alpha);
    GLint max_size = 0;
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &max_size);
    if (int(g.nx) > max_size || int(g.ny) > max_size)
        throw core::InputError("density map: " + std::to_string(g.nx) + " x " + std::to_string(g.ny) +
                               " bins exceed the GPU's texture size (" + std::to_string(max_size) + ")");
    if (!m_texture) {
        glGenTextures(1, &m_texture);
        glBindTexture(GL_TEXTURE_2D, m_texture);
        // Bins are squares: no blending between neighbours, no mipmaps.
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    } else {
        glBindTexture(GL_TEXTURE_2D, m_texture);
    }
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    // Row 0 of the bins is the grid's south edge, which is row 0 (t = 0) of a GL texture.
    if (int(g.nx) == m_texture_w && int(g.ny) == m_texture_h) {
        glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, GLsizei(g.nx), GLsizei(g.ny), GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
    } else {
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, GLsizei(g.nx), GLsizei(g.ny), 0, GL_RGBA, GL_UNSIGNED_BYTE,
                     rgba.data());
        m_texture_w = int(g.nx);
        m_texture_h = int(g.ny);
    }
    glBindTexture(GL_TEXTURE_2D, 0);
    m_shown_grid = job.grid;
}

} // namespace vak::gpu
