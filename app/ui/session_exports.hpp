// Exports of what a running dashboard shows, shared by the File menu and `vakatlas render`:
// the dashboard as a PNG, the map as a georeferenced GeoTIFF (rendered offscreen, not grabbed
// from the screen), the regions of the map's level with their values as a GeoPackage, and the
// region table as CSV. Each carries source, period, unit and "synthetic demo data" where that
// applies. All throw core::InputError naming the file and the problem.
#pragma once

#include "core/command_line.hpp"
#include "core/geo/map_camera.hpp"
#include "core/rgba_image.hpp"
#include "io/export_stamp.hpp"

#include <filesystem>
#include <functional>
#include <string>

namespace vak::ui {

class UiSession;

// Where the numbers come from, for the map as it is shown now.
io::ExportStamp MapStamp(UiSession& session);

// The camera a map export of `size` pixels uses: the map panel's view (the same area, whole)
// when the user moved it or a view set it, else the level fitted with a small margin.
core::MapCamera ExportCamera(UiSession& session, core::ImageSize size);

// The map alone (no panels, no labels), rendered offscreen at `size` with ExportCamera.
core::RgbaImage RenderMapImage(UiSession& session, core::ImageSize size);

void ExportDashboardPng(UiSession& session, const std::filesystem::path& path);
// `size` empty (0x0): the map panel's size.
void ExportMapGeoTiff(UiSession& session, const std::filesystem::path& path, core::ImageSize size);

// The image exports in two steps, so that a window can write on a worker while it keeps drawing:
// Prepare* reads back the pixels (GL: on the session's thread) and returns the writing step,
// which needs no GL and no session (it owns the image) and throws like the Export* functions.
// `size` is set to the image's size (for the progress text).
struct PreparedExport {
    std::function<void()> write;
    core::ImageSize size;
};
PreparedExport PrepareDashboardPng(UiSession& session, const std::filesystem::path& path);
PreparedExport PrepareMapGeoTiff(UiSession& session, const std::filesystem::path& path, core::ImageSize size);
void ExportRegionsGeoPackage(UiSession& session, const std::filesystem::path& path);
// A chart of the charts panel as SVG (ui/charts/svg_chart_export.*), built by the same functions
// as the panel draws with (ui/charts/chart_data) and with the panel's choices: the time chart
// (national line, up to six selected regions, the Krimp theme's leading indicator; as an index
// when the panel shows one), the bars of the map's period, the change-against-size scatter of
// the map's change (or first to shown period). Throws core::InputError when the dashboard shows
// no such chart.
enum class SvgChartKind { TimeSeries, Bars, Scatter };
std::string ChartSvg(UiSession& session, SvgChartKind kind);
void ExportChartSvg(UiSession& session, SvgChartKind kind, const std::filesystem::path& path);
void ExportRegionTableCsv(UiSession& session, const std::filesystem::path& path);

} // namespace vak::ui
