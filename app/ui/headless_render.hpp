// `vakatlas render`: a dashboard drawn without a window, through a headless EGL context, at any
// size up to 8K: the default start on the given files, or a saved view. The same session also
// makes the GIS exports of that view (GeoTIFF, GeoPackage, CSV).
#pragma once

#include "core/command_line.hpp"
#include "core/rgba_image.hpp"
#include "core/view_state.hpp"
#include "core/workspace.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <utility>

namespace vak::gpu {
class GlContext;
}

namespace vak::ui {

class UiSession;

// A headless dashboard: the data loaded (before any GL work, so bad input fails fast), a
// session on an EGL context, the view applied (all of it, or an InputError), the layout settled.
class HeadlessDashboard {
public:
    // `view` null: the default start on `data` with `level_options` (--level, --tile-map).
    HeadlessDashboard(const core::CommonOptions& options, const core::ViewData& data,
                      const core::RegionFileOptions& level_options, const core::ViewState* view, core::ImageSize size,
                      const std::string& view_name = "view");
    ~HeadlessDashboard();
    HeadlessDashboard(const HeadlessDashboard&) = delete;
    HeadlessDashboard& operator=(const HeadlessDashboard&) = delete;

    UiSession& Session() { return *m_session; }
    core::Workspace& GetWorkspace() { return m_workspace; }
    // Builds and renders `count` frames at the image size.
    void Frames(int count);
    // Frames until the theme has loaded its table (--theme or the view's), a few at most.
    void SettleTheme();
    // The map's side-by-side compare on two periods of its table (--compare), drawn and settled.
    // Throws core::UsageError naming the option and the value when the table lacks a period.
    void OpenCompare(const std::pair<core::Period, core::Period>& periods);
    // A few frames more when the compare is open (a view saved with it): both maps settled.
    void SettleCompare();
    // The last frame.
    core::RgbaImage Screenshot() const;

private:
    core::Workspace m_workspace; // outlives the session
    std::unique_ptr<gpu::GlContext> m_context;
    std::unique_ptr<UiSession> m_session; // destroyed first: its GL objects need the context
    core::ImageSize m_size;
};

// Throws core::InputError when no headless GL context can be made, the size exceeds the
// driver's limits, or a resource (font, shaders) is missing.
// `regions` and `tables` are loaded first (no regions: the demo geography).
core::RgbaImage RenderDefaultView(const core::CommonOptions& options, const core::RegionFileOptions& regions,
                                  const core::TableFileOptions& tables, core::ImageSize size);

// The dashboard showing `view` (its own data). Throws core::InputError when the view does not fit
// its data.
core::RgbaImage RenderView(const core::CommonOptions& options, const core::ViewState& view, core::ImageSize size);

// What `render` adds to a view besides its format and size.
struct RenderExtras {
    core::RenderChart chart = core::RenderChart::Time; // which chart an .svg holds
    // --compare: the map's side-by-side compare on these two periods (a period the map's table
    // lacks: core::UsageError naming the option and the value).
    std::optional<std::pair<core::Period, core::Period>> compare;
};

// `vakatlas render`: writes `path` in `format` (PNG: the dashboard at `size`; GeoTIFF: the map
// at `size`; GeoPackage, CSV: the regions; SVG: one chart, as File > Export > chart writes it).
// `view` null: the default start on the command line's files. Returns what was written, for the
// user ("wrote map.tif (1920x1080, EPSG:28992)").
std::string RenderToFile(const core::CommonOptions& options, const core::RegionFileOptions& regions,
                         const core::TableFileOptions& tables, const core::ViewState* view,
                         const std::string& view_name, core::ImageSize size, core::RenderFormat format,
                         const std::filesystem::path& path, const RenderExtras& extras = {});

} // namespace vak::ui
