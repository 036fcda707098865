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
#include "ui/charts/svg_chart_export.hpp"
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
        stamp.unit = table.measures[std::size_t(model.Measure())].unit;
        if (stamp.unit.empty())
            stamp.unit = table.provenance.unit;
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

std::vector<double> Plotted(const std::vector<core::RegionValue>& values)
{
    std::vector<double> out(values.size(), charts::kUnknown);
    for (std::size_t i = 0; i < values.size(); ++i)
        if (values[i].state == core::agg::GroupState::Known)
            out[i] = values[i].value;
    return out;
}

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
    core::DashboardModel& model = session.Model();
    const Language language = session.Settings().language;
    const core::Selection& selection = session.GetWorkspace().GetSelection();
    const core::RegionLayer& layer = ExportLayer(session);
    charts::SvgFrame frame;
    frame.source = ChartSource(session);
    char title[256];
    switch (kind) {
    case SvgChartKind::TimeSeries: {
        charts::TimeSeriesData data;
        data.periods = charts::ConsecutivePeriods(model.Periods());
        if (data.periods.empty())
            throw core::InputError(std::string("no time chart to export: ") + Tr(TextId::chart_not_yearly));
        data.language = language;
        data.unit = model.MeasureTitle();
        if (model.PeriodIndex() >= 0 && !model.ShowsChange())
            data.current_period = model.PeriodIndex();
        charts::TimeSeries national;
        national.name = Tr(TextId::chart_national);
        national.values = Plotted(model.NationalPeriodSeries());
        national.forecast_from = model.ForecastFrom();
        national.is_reference = true;
        data.series.push_back(std::move(national));
        for (const std::string& code : selection.Codes()) {
            if (data.series.size() > 6) // the panel's limit: six regions besides the national line
                break;
            charts::TimeSeries line;
            const int f = layer.FindByCode(code);
            line.name = f >= 0 ? layer.features[static_cast<std::size_t>(f)].name : code;
            line.values = Plotted(model.PeriodSeriesOf(code));
            line.forecast_from = model.ForecastFrom();
            data.series.push_back(std::move(line));
        }
        std::snprintf(title, sizeof title, Tr(TextId::chart_over_time), model.MeasureTitle().c_str());
        frame.title = title;
        return charts::TimeSeriesSvg(data, frame);
    }
    case SvgChartKind::Bars: {
        const int dim = model.BarsDimension();
        if (dim < 0)
            throw core::InputError(std::string("no bar chart to export: ") + Tr(TextId::chart_bars_none));
        const core::agg::FactDimension& split = model.Table()->dimensions[static_cast<std::size_t>(dim)];
        charts::BarChartData data;
        data.language = language;
        const std::vector<core::RegionValue> values = model.BarValues();
        for (std::size_t c = 0; c < values.size() && c < split.labels.size(); ++c) {
            charts::BarItem item;
            item.label = split.labels[c];
            item.values = {values[c].state == core::agg::GroupState::Known ? values[c].value : charts::kUnknown};
            item.selected = model.BarSelected(static_cast<std::uint32_t>(c));
            data.items.push_back(std::move(item));
        }
        std::snprintf(title, sizeof title, Tr(TextId::chart_bars_by), model.MeasureTitle().c_str(), split.name.c_str());
        frame.title = title;
        if (model.PeriodIndex() >= 0)
            frame.title += ", " + PeriodText(model, model.PeriodIndex(), language);
        return charts::BarChartSvg(data, frame);
    }
    case SvgChartKind::Scatter: {
        const int from = model.ShowsChange() ? model.ChangeFrom() : 0;
        const int to = model.ShowsChange() ? model.ChangeTo() : model.PeriodIndex();
        if (from < 0 || to <= from)
            throw core::InputError(std::string("no scatter to export: ") + Tr(TextId::chart_scatter_coming));
        const std::string first = PeriodText(model, from, language), last = PeriodText(model, to, language);
        charts::ScatterChartData data;
        data.language = language;
        std::snprintf(title, sizeof title, Tr(TextId::chart_scatter_x), first.c_str(), last.c_str());
        data.x_title = title;
        std::snprintf(title, sizeof title, Tr(TextId::chart_scatter_y), model.MeasureTitle().c_str(), last.c_str());
        data.y_title = title;
        data.x_format = core::NumberFormat{core::NumberStyle::SignedPercent, 1};
        data.y_format = core::NumberFormat{core::NumberStyle::Compact, 0};
        double total = 0;
        std::size_t regions = 0;
        for (const core::RegionFeature& f : layer.features) {
            const std::vector<core::RegionValue> series = model.PeriodSeriesOf(f.code);
            charts::ScatterPoint point;
            point.label = f.name;
            point.selected = selection.Contains(f.code);
            if (series.size() == model.Periods().size()) {
                const core::RegionValue& a = series[static_cast<std::size_t>(from)];
                const core::RegionValue& b = series[static_cast<std::size_t>(to)];
                if (b.state == core::agg::GroupState::Known) {
                    point.y = b.value;
                    total += b.value;
                    ++regions;
                }
                if (const core::RegionValue change = core::ChangePercent(a, b); change.state == core::agg::GroupState::Known)
                    point.x = change.value;
            }
            data.points.push_back(std::move(point));
        }
        const std::vector<core::RegionValue> national = model.NationalPeriodSeries();
        if (const core::RegionValue change =
                core::ChangePercent(national[static_cast<std::size_t>(from)], national[static_cast<std::size_t>(to)]);
            change.state == core::agg::GroupState::Known)
            data.quadrant_x = change.value;
        if (regions > 0)
            data.quadrant_y = total / static_cast<double>(regions);
        data.quadrant_x_label = Tr(TextId::chart_scatter_national);
        data.quadrant_y_label = Tr(TextId::chart_scatter_average);
        frame.title = Tr(TextId::chart_scatter_change_size);
        return charts::ScatterSvg(data, frame);
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
    const std::vector<core::RegionValue> values = session.Model().MapValues(layer);
    const std::vector<io::CsvColumn> columns = {{"code", false},   {"name", false},    {"value", false},
                                                {"state", false},  {"suppressed", true}, {"period", false},
                                                {"measure", false}, {"unit", false},   {"source", false},
                                                {"note", false}};
    std::vector<std::vector<std::string>> rows;
    rows.reserve(layer.features.size());
    const std::string note = stamp.synthetic ? "synthetic demo data" : "";
    for (std::size_t i = 0; i < layer.features.size(); ++i) {
        const core::RegionValue& v = values[i];
        // Unknown and empty regions have no value: an empty cell, never a 0.
        rows.push_back({layer.features[i].code, layer.features[i].name,
                        v.state == core::agg::GroupState::Known ? NumberText(v.value) : "",
                        io::StateName(v.state), std::to_string(v.suppressed), stamp.period, stamp.measure, stamp.unit,
                        stamp.source, note});
    }
    io::WriteCsv(path.string(), columns, rows);
}

} // namespace vak::ui
