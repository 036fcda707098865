#include "ui/headless_render.hpp"

#include "gpu/egl_headless_context.hpp"
#include "io/png_export.hpp"
#include "io/workspace_loader.hpp"
#include "ui/compare_view.hpp"
#include "ui/dashboard.hpp"
#include "ui/panels/map_panel.hpp"
#include "ui/session_exports.hpp"
#include "ui/theme_controller.hpp"
#include "ui/ui_session.hpp"
#include "ui/view_state_binding.hpp"

#include <imgui.h>

namespace vak::ui {

namespace {

// What the session records as its data: the files without the view choices (level, tile map).
core::ViewData DataOnly(const core::RegionFileOptions& regions, const core::TableFileOptions& tables)
{
    core::ViewData data{regions, tables};
    data.regions.level.clear();
    data.regions.tile_map = false;
    return data;
}

// ImGui settles layout (window sizes, text wrap) over its first frames; render a few so the
// image equals what a window shows once it is open.
constexpr int kSettleFrames = 3;
// At most this many more frames for a theme to load its table (it takes one or two).
constexpr int kMaxThemeFrames = 8;

} // namespace

HeadlessDashboard::HeadlessDashboard(const core::CommonOptions& options, const core::ViewData& data,
                                     const core::RegionFileOptions& level_options, const core::ViewState* view,
                                     core::ImageSize size, const std::string& view_name)
    : m_size(size)
{
    core::RegionFileOptions regions = data.regions;
    regions.level = view ? std::string() : level_options.level;
    regions.tile_map = view ? false : level_options.tile_map;
    io::LoadRegionFiles(regions, m_workspace); // before any GL work: bad input fails fast
    io::LoadDataFiles(data.tables, m_workspace);
    m_context = gpu::CreateHeadlessContext();
    m_session = std::make_unique<UiSession>(options, m_context->Info(), SessionKind::Headless, m_workspace);
    m_session->SetDataSources(DataOnly(data.regions, data.tables));
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(size.width), static_cast<float>(size.height));
    io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
    io.DeltaTime = 1.0f / 60.0f;
    if (view)
        ApplyView(*m_session, *view, view_name);
    Frames(kSettleFrames);
}

HeadlessDashboard::~HeadlessDashboard()
{
    m_session.reset();
    m_context.reset();
}

void HeadlessDashboard::Frames(int count)
{
    for (int i = 0; i < count; ++i) {
        m_session->BuildFrame();
        m_session->RenderFrame(m_size);
    }
}

void HeadlessDashboard::SettleTheme()
{
    for (int i = 0; i < kMaxThemeFrames && !m_session->Themes().Settled(); ++i)
        Frames(1);
}

void HeadlessDashboard::OpenCompare(const std::pair<core::Period, core::Period>& periods)
{
    SettleTheme();
    const auto [left, right] = ComparePeriodIndices(m_session->Model(), periods);
    CompareView& compare = m_session->GetDashboard().Map()->Compare();
    compare.SetActive(true);
    compare.SetMode(CompareMode::Years);
    compare.SetPeriods(left, right);
    Frames(kSettleFrames); // both maps fitted above the one legend
}

void HeadlessDashboard::SettleCompare()
{
    // The compare's sides exist once the theme's table is there; both maps are then fitted
    // around the shared legend, whose size is known a frame after it is first drawn.
    if (m_session->GetDashboard().Map() && m_session->GetDashboard().Map()->Compare().Active())
        Frames(kSettleFrames);
}

core::RgbaImage HeadlessDashboard::Screenshot() const
{
    return m_session->Frame().ReadPixels();
}

core::RgbaImage RenderDefaultView(const core::CommonOptions& options, const core::RegionFileOptions& regions,
                                  const core::TableFileOptions& tables, core::ImageSize size)
{
    HeadlessDashboard dashboard(options, DataOnly(regions, tables), regions, nullptr, size);
    return dashboard.Screenshot();
}

core::RgbaImage RenderView(const core::CommonOptions& options, const core::ViewState& view, core::ImageSize size)
{
    HeadlessDashboard dashboard(options, view.data, {}, &view, size);
    return dashboard.Screenshot();
}

std::string RenderToFile(const core::CommonOptions& options, const core::RegionFileOptions& regions,
                         const core::TableFileOptions& tables, const core::ViewState* view,
                         const std::string& view_name, core::ImageSize size, core::RenderFormat format,
                         const std::filesystem::path& path, const RenderExtras& extras)
{
    // Only the PNG is the dashboard itself; the others export the map, its regions or a chart
    // (the GeoTIFF renders its own canvas at `size`), so their dashboard stays small.
    const core::ImageSize dashboard_size = format == core::RenderFormat::Png ? size : core::ImageSize{1280, 720};
    HeadlessDashboard dashboard(options, view ? view->data : DataOnly(regions, tables), regions, view,
                                dashboard_size, view_name);
    UiSession& session = dashboard.Session();
    // What is exported is what the dashboard shows once a theme has loaded its table.
    dashboard.SettleTheme();
    if (extras.compare)
        dashboard.OpenCompare(*extras.compare);
    else
        dashboard.SettleCompare(); // a view saved with the compare open
    const std::string size_text = std::to_string(size.width) + "x" + std::to_string(size.height);
    switch (format) {
    case core::RenderFormat::Png:
        io::WritePng(dashboard.Screenshot(), path);
        return "wrote " + path.string() + " (" + size_text + ")";
    case core::RenderFormat::GeoTiff:
        ExportMapGeoTiff(session, path, size);
        return "wrote " + path.string() + " (" + size_text + ", " + session.GetWorkspace().ActiveLayer()->crs + ")";
    case core::RenderFormat::GeoPackage:
        ExportRegionsGeoPackage(session, path);
        break;
    case core::RenderFormat::Csv:
        ExportRegionTableCsv(session, path);
        break;
    case core::RenderFormat::Svg: {
        const SvgChartKind kind = extras.chart == core::RenderChart::Bars      ? SvgChartKind::Bars
                                  : extras.chart == core::RenderChart::Scatter ? SvgChartKind::Scatter
                                                                               : SvgChartKind::TimeSeries;
        ExportChartSvg(session, kind, path);
        const char* names[] = {"time chart", "bar chart", "scatter"};
        return "wrote " + path.string() + " (" + names[static_cast<int>(extras.chart)] + ")";
    }
    }
    return "wrote " + path.string() + " (" + std::to_string(session.GetWorkspace().ActiveLayer()->features.size()) +
           " regions of " + session.GetWorkspace().ActiveLayer()->name + ")";
}

} // namespace vak::ui
