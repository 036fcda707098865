// The vacancy density (heat) map over the regions of the map panel: owns a gpu::DensityLayer
// (an aggregation engine of its own, chosen like the session's), finds the points table, asks
// for the bins of the visible area (core::ChooseDensityGrid) and draws the binned texture at the
// grid's world box through the map's camera, with a small legend at the bottom left.
//
// Which points: a loaded workspace table with point coordinates (one named like vacancies
// first), else in the demo the 1.5 M vacancy points (io::DemoPointsTable()), imported on a
// worker thread the first time the overlay is switched on (a few seconds; the map says
// "loading" meanwhile and stays usable).
// Which period: the dashboard's current period when the points' period column has it (the
// demo's quarters 2025KW1-KW4), else every point, and the legend says which.
//
// The lead's theme controller switches it on: ctx.density->SetEnabled(on) (PanelContext) or
// session.Density().SetEnabled(on).
#pragma once

#include "core/aggregate/fact_table.hpp"
#include "core/dashboard/density_grid.hpp"
#include "core/geo/map_camera.hpp"

#include <imgui.h>

#include <future>
#include <memory>
#include <optional>
#include <string>

namespace vak::core {
class DashboardModel;
class Workspace;
} // namespace vak::core

namespace vak::gpu {
struct GlInfo;
class ShaderLibrary;
class DensityLayer;
} // namespace vak::gpu

namespace vak::ui {

class DensityOverlay {
public:
    // `engine_option`: the session's --engine (auto, gpu, cpu). Nothing is loaded until enabled.
    DensityOverlay(const gpu::GlInfo& gl, const gpu::ShaderLibrary& shaders, std::string engine_option,
                   core::Workspace& workspace, const core::DashboardModel& model);
    ~DensityOverlay(); // needs the GL context current
    DensityOverlay(const DensityOverlay&) = delete;
    DensityOverlay& operator=(const DensityOverlay&) = delete;

    void SetEnabled(bool enabled) { m_enabled = enabled; }
    bool Enabled() const { return m_enabled; }
    // Wanted cell size on screen in pixels (default 8); cells snap to 100 m x 2^k.
    void SetCellPixels(double px) { m_options.cell_px = px; }
    double CellPixels() const { return m_options.cell_px; }

    // Over the regions, under the labels: the density texture placed through `camera` (whose
    // viewport is the map's `size`), then the legend. Starts loading, re-bins and collects
    // finished bins; never blocks on them.
    void Draw(ImDrawList* draw, const core::MapCamera& camera, ImVec2 origin, ImVec2 size);

    // For tests and exports: blocks until the points are loaded and the bins of the last grid
    // Draw asked for are shown. False when there is nothing to show (see Problem()).
    bool WaitUntilShown();
    // The layer (null until the points are loaded), the grid last asked for, and why nothing
    // shows (no points table, a failed import), empty when all is well.
    const gpu::DensityLayer* Layer() const { return m_layer.get(); }
    const std::string& Problem() const { return m_problem; }
    const std::string& TableFile() const { return m_table_file; } // where the points came from
    double LoadSeconds() const { return m_load_seconds; }
    // The period the bins are filtered on, empty for all points.
    const std::string& FilteredPeriod() const { return m_period; }

private:
    void StartLoading();
    void FinishLoading(bool wait);
    void RequestBins(const core::MapCamera& camera);
    void DrawLegend(ImDrawList* draw, ImVec2 origin, ImVec2 size) const;

    const gpu::GlInfo& m_gl;
    const gpu::ShaderLibrary& m_shaders;
    std::string m_engine_option;
    core::Workspace& m_workspace;
    const core::DashboardModel& m_model;
    bool m_enabled = false;
    core::DensityGridOptions m_options;

    std::future<std::shared_ptr<const core::agg::FactTable>> m_loading;
    double m_load_started = 0;
    double m_load_seconds = 0;
    std::string m_table_file;
    std::unique_ptr<gpu::DensityLayer> m_layer;
    std::string m_problem;
    std::size_t m_problem_tables = 0; // workspace tables when the problem was found
    std::string m_period;
    std::string m_source; // the legend's "Bron: ..."
    std::optional<core::MapCamera> m_last_camera; // of the last Draw, for WaitUntilShown
};

} // namespace vak::ui
