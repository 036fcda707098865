#include "ui/session_exports.hpp"

#include "core/dashboard/dashboard_model.hpp"
#include "core/errors.hpp"
#include "core/style/choropleth.hpp"
#include "core/workspace.hpp"
#include "gpu/map_canvas.hpp"
#include "io/csv_export.hpp"
#include "io/geopackage_export.hpp"
#include "io/geotiff_export.hpp"
#include "io/png_export.hpp"
#include "ui/charts/chart_data.hpp"
#include "ui/charts/svg_chart_export.hpp"
#include "ui/dashboard.hpp"
#include "ui/panels/charts_panel.hpp"
#include "ui/panels/map_panel.hpp"
#include "ui/ui_session.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <memory>

namespace vak::ui {

namespace {

// The level's real boundaries (a tile map's hexagons are not geography).
const core::RegionLayer& ExportLayer(UiSession& session)
{
    const core::RegionLayer* layer = session.GetWorkspace().ActiveLayer();
    if (!layer)
        throw core::InputError("nothing to export: no regions are loaded");
    return *layer;
}

void RequireData(UiSession& session)
{
    if (!session.Model().HasData())
        throw core::InputError("nothing to export: no table is shown on the map");
}

// Shortest text that reads back as the same number.
std::string NumberText(double value)
{
    char buffer[32];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    return ec == std::errc() ? std::string(buffer, end) : std::string();
}

// The unit of the measure on the map: the column's, else the table's.
std::string MeasureUnit(const core::DashboardModel& model)
{
    const core::agg::FactTable& table = *model.Table();
    const std::string& unit = table.measures[std::size_t(model.Measure())].unit;
    return unit.empty() ? table.provenance.unit : unit;
}

} // namespace

io::ExportStamp MapStamp(UiSession& session)
{
    RequireData(session);
    const core::DashboardModel& model = session.Model();
    const core::agg::FactTable& table = *model.Table();
    io::ExportStamp stamp;
    stamp.measure = model.MeasureTitle();
    if (model.ShowsChange()) {
        stamp.period = model.Periods()[std::size_t(model.ChangeFrom())] + "-" + model.Periods()[std::size_t(model.ChangeTo())];
        stamp.unit = "% change";
    } else {
        if (model.PeriodIndex() >= 0)
            stamp.period = model.Periods()[std::size_t(model.PeriodIndex())];
        stamp.unit = MeasureUnit(model);
    }
    stamp.source = table.provenance.source.empty() ? table.name : table.provenance.source;
    // A theme's indicator replaces the table's values on the map: say what it is and where from.
    if (const core::DashboardModel::DerivedMap* derived = model.Derived()) {
        stamp.measure = derived->title;
        stamp.unit.clear();
        if (derived->percent)
            stamp.unit.push_back('%');
        if (!derived->source.empty())
            stamp.source = derived->source;
    }
    stamp.title = stamp.measure + (stamp.period.empty() ? "" : ", " + stamp.period);
    stamp.level = ExportLayer(session).name;
    stamp.synthetic = table.provenance.synthetic || session.GetWorkspace().IsDemo();
    return stamp;
}

core::MapCamera ExportCamera(UiSession& session, core::ImageSize size)
{
    const core::RegionLayer& layer = ExportLayer(session);
    core::MapCamera camera;
    camera.SetViewport(size.width, size.height);
    const MapPanel* map = session.GetDashboard().Map();
    const std::optional<core::ViewCamera> shown = map ? map->ViewCameraState() : std::nullopt;
    if (shown && !session.GetWorkspace().ShowTileMap()) {
        const double scale = std::max(shown->viewport_width / size.width, shown->viewport_height / size.height);
        camera.Set(shown->centre, shown->units_per_pixel * scale);
    } else {
        camera.Fit(layer.bounds, 8.0);
    }
    return camera;
}

core::RgbaImage RenderMapImage(UiSession& session, core::ImageSize size)
{
    RequireData(session);
    const core::RegionLayer& layer = ExportLayer(session);
    core::DashboardModel& model = session.Model();
    // The classes as the map panel drew them: a change map diverges around zero, a theme's map
    // may bring its own classes and palette.
    const MapPanel* map = session.GetDashboard().Map();
    const core::Choropleth choropleth =
        core::MakeChoropleth(model.MapValues(layer), map ? map->ShownStyle() : model.MapStyle());
    // A canvas of its own, so the map panel's uploads, colours and selection stay as they are.
    gpu::MapCanvas canvas(session.Shaders(), 4);
    canvas.Regions().Upload(layer);
    canvas.Regions().SetColors(layer, choropleth.feature_colors, 1);
    std::vector<std::uint32_t> states(layer.features.size(), 0u);
    for (std::size_t i = 0; i < states.size() && i < choropleth.feature_unknown.size(); ++i)
        if (choropleth.feature_unknown[i])
            states[i] = gpu::kRegionHatched;
    canvas.Regions().SetStates(layer, states, 1);
    const core::MapCamera camera = ExportCamera(session, size);
    gpu::MapCanvasStyle background; // plain white, no grid: the map is meant to be laid over others
    std::fill(std::begin(background.top), std::end(background.top), 1.0f);
    std::fill(std::begin(background.bottom), std::end(background.bottom), 1.0f);
    background.grid_px = 0.0f;
    gpu::MapScene scene;
    scene.layer = &layer;
    scene.camera = &camera;
    canvas.Render(size.width, size.height, background, scene);
    return canvas.Target().ReadPixels();
}

PreparedExport PrepareDashboardPng(UiSession& session, const std::filesystem::path& path)
{
    // The last frame as shown: it carries the legend, source and "synthetic demo data" on screen.
    auto image = std::make_shared<core::RgbaImage>(session.Frame().ReadPixels());
    const core::ImageSize size{image->width, image->height};
    return {[image, path] { io::WritePng(*image, path); }, size};
}

void ExportDashboardPng(UiSession& session, const std::filesystem::path& path)
{
    PrepareDashboardPng(session, path).write();
}

PreparedExport PrepareMapGeoTiff(UiSession& session, const std::filesystem::path& path, core::ImageSize size)
{
    if (size.width <= 0 || size.height <= 0) {
        const MapPanel* map = session.GetDashboard().Map();
        const core::MapCamera& shown = map->Camera();
        size = {std::max(int(std::lround(shown.ViewportWidth())), core::kMinImageSide),
                std::max(int(std::lround(shown.ViewportHeight())), core::kMinImageSide)};
    }
    const io::ExportStamp stamp = MapStamp(session);
    auto image = std::make_shared<core::RgbaImage>(RenderMapImage(session, size));
    const core::Box2d extent = ExportCamera(session, size).VisibleWorld();
    const std::string crs = ExportLayer(session).crs;
    return {[image, extent, crs, stamp, path] { io::WriteGeoTiff(*image, extent, crs, stamp, path); }, size};
}

void ExportMapGeoTiff(UiSession& session, const std::filesystem::path& path, core::ImageSize size)
{
    PrepareMapGeoTiff(session, path, size).write();
}

void ExportRegionsGeoPackage(UiSession& session, const std::filesystem::path& path)
{
    const io::ExportStamp stamp = MapStamp(session);
    const core::RegionLayer& layer = ExportLayer(session);
    io::WriteRegionsGeoPackage(layer, session.Model().MapValues(layer), stamp, path);
}

namespace {

// The source line under an exported chart, as the legend and the presentation footer say it.
std::string ChartSource(UiSession& session)
{
    const core::DashboardModel& model = session.Model();
    const core::agg::FactTable& table = *model.Table();
    std::string line = std::string(Tr(TextId::data_source)) + ": " +
                       (table.provenance.source.empty() ? table.name : table.provenance.source);
    if ((table.provenance.synthetic || session.GetWorkspace().IsDemo()) &&
        line.find(Tr(TextId::data_synthetic)) == std::string::npos)
        line += std::string(" \xC2\xB7 ") + Tr(TextId::data_synthetic);
    return line;
}

} // namespace

std::string ChartSvg(UiSession& session, SvgChartKind kind)
{
    RequireData(session);
    ExportLayer(session); // throws without regions
    const core::DashboardModel& model = session.Model();
    const core::Workspace& workspace = session.GetWorkspace();
    const Language language = session.Settings().language;
    // The panel's own choices (index mode), so the file shows what the panel shows.
    const ChartsPanel* panel = session.GetDashboard().Charts();
    const charts::ChartChoices choices = panel ? panel->Choices() : charts::ChartChoices{};
    charts::SvgFrame frame;
    frame.source = ChartSource(session);
    switch (kind) {
    case SvgChartKind::TimeSeries: {
        const charts::TimeChart chart = charts::BuildTimeChart(model, workspace, session.Themes(), choices, language);
        if (chart.unavailable)
            throw core::InputError(std::string("no time chart to export: ") + TrIn(*chart.unavailable, language));
        frame.title = chart.title;
        return charts::TimeSeriesSvg(chart.data, frame);
    }
    case SvgChartKind::Bars: {
        const charts::BarsChart chart = charts::BuildBarsChart(model, language);
        if (chart.unavailable)
            throw core::InputError(std::string("no bar chart to export: ") + TrIn(*chart.unavailable, language));
        frame.title = chart.title + (chart.period.empty() ? "" : ", " + chart.period);
        return charts::BarChartSvg(chart.data, frame);
    }
    case SvgChartKind::Scatter: {
        const MapPanel* map = session.GetDashboard().Map();
        const charts::ScatterChart chart = charts::BuildChangeSizeScatter(
            model, workspace, charts::BuildRegionSeries(model, workspace), language,
            map ? map->Compare().ComparedPeriods() : std::nullopt);
        if (chart.unavailable)
            throw core::InputError(std::string("no scatter to export: ") + TrIn(*chart.unavailable, language));
        frame.title = chart.title;
        return charts::ScatterSvg(chart.data, frame);
    }
    }
    return {};
}

void ExportChartSvg(UiSession& session, SvgChartKind kind, const std::filesystem::path& path)
{
    charts::WriteSvgFile(ChartSvg(session, kind), path);
}

void ExportRegionTableCsv(UiSession& session, const std::filesystem::path& path)
{
    const io::ExportStamp stamp = MapStamp(session);
    const core::RegionLayer& layer = ExportLayer(session);
    const std::vector<io::CsvColumn> columns = {{"code", false},   {"name", false},    {"value", false},
                                                {"state", false},  {"suppressed", true}, {"period", false},
                                                {"measure", false}, {"unit", false},   {"source", false},
                                                {"note", false}};
    std::vector<std::vector<std::string>> rows;
    const std::string note = stamp.synthetic ? "synthetic demo data" : "";
    const auto add_rows = [&](const std::vector<core::RegionValue>& values, const std::string& period,
                              const std::string& measure, const std::string& unit) {
        for (std::size_t i = 0; i < layer.features.size(); ++i) {
            const core::RegionValue& v = values[i];
            // Unknown and empty regions have no value: an empty cell, never a 0.
            rows.push_back({layer.features[i].code, layer.features[i].name,
                            v.state == core::agg::GroupState::Known ? NumberText(v.value) : "",
                            io::StateName(v.state), std::to_string(v.suppressed), period, measure, unit,
                            stamp.source, note});
        }
    };
    // While the maps compare, the table holds both: each region once per side, the side's period
    // ("now" / "scenario" for a scenario) in the period column, as a long table for a pivot.
    const MapPanel* map = session.GetDashboard().Map();
    const std::optional<CompareSides> sides =
        map ? map->Compare().SidesFor(layer, session.GetWorkspace().DisplayedLayer()) : std::nullopt;
    if (sides) {
        const CompareView& compare = map->Compare();
        const core::DashboardModel& model = session.Model();
        rows.reserve(2 * layer.features.size());
        if (compare.Mode() == CompareMode::Years) {
            const std::string unit = MeasureUnit(model);
            add_rows(sides->left.values, model.Periods()[std::size_t(compare.LeftPeriod())], model.MeasureTitle(), unit);
            add_rows(sides->right.values, model.Periods()[std::size_t(compare.RightPeriod())], model.MeasureTitle(), unit);
        } else {
            add_rows(sides->left.values, "now", compare.LegendTitle(), "km");
            add_rows(sides->right.values, "scenario", compare.LegendTitle(), "km");
        }
    } else {
        rows.reserve(layer.features.size());
        add_rows(session.Model().MapValues(layer), stamp.period, stamp.measure, stamp.unit);
    }
    io::WriteCsv(path.string(), columns, rows);
}

} // namespace vak::ui
