// The GIS exports of a dashboard, read back with GDAL as QGIS would: the GeoTIFF carries the
// layer's CRS (EPSG:28992) and exactly the camera's extent, and its pixels are the map's colours
// where the regions are; the GeoPackage has one feature per region with the aggregation core's
// values; the CSV equals the aggregation core's result (and the naive reference aggregation).
#include "core/dashboard/dashboard_model.hpp"
#include "core/errors.hpp"
#include "core/style/choropleth.hpp"
#include "core/workspace.hpp"
#include "io/view_file.hpp"
#include "support/csv_fields.hpp"
#include "support/demo_dashboard_fixture.hpp"
#include "support/reference_aggregate.hpp"
#include "support/temp_dir.hpp"
#include "ui/compare_view.hpp"
#include "ui/headless_render.hpp"
#include "ui/panels/map_panel.hpp"
#include "ui/session_exports.hpp"
#include "ui/ui_session.hpp"

#include <cpl_conv.h>
#include <gdal.h>
#include <gdal_frmts.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <gtest/gtest.h>

#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace vak::ui {
namespace {

class ViewExportsTest : public test::DemoDashboardTest {
protected:
    void SetUp() override
    {
        if (!StartDemo({1280, 720}))
            return;
        // The test reads GeoTIFFs itself (the program keeps only the drivers it needs).
        if (!GDALGetDriverByName("GTiff"))
            GDALRegister_GTiff();
    }

    const core::RegionLayer& Layer() { return *Workspace().ActiveLayer(); }

    test::TempDir m_temp{"vak_view_exports"};
};

TEST_F(ViewExportsTest, GeoTiffHasTheLayersCrsTheCamerasExtentAndTheMapsColours)
{
    // The camera as a view sets it, on a map of exactly the export's size: 640 x 480 pixels of
    // 500 m around Utrecht.
    const core::Vec2d centre{136000.0, 455000.0};
    const double metres_per_px = 500.0;
    Session().GetDashboard().Map()->RequestViewCamera(core::ViewCamera{centre, metres_per_px, 640, 480});
    const auto file = m_temp.Path() / "map.tif";
    ExportMapGeoTiff(Session(), file, {640, 480});

    GDALDatasetH ds = GDALOpen(file.c_str(), GA_ReadOnly);
    ASSERT_NE(ds, nullptr) << file;
    EXPECT_EQ(GDALGetRasterXSize(ds), 640);
    EXPECT_EQ(GDALGetRasterYSize(ds), 480);
    EXPECT_EQ(GDALGetRasterCount(ds), 3);
    OGRSpatialReferenceH srs = OSRNewSpatialReference(GDALGetProjectionRef(ds));
    ASSERT_NE(srs, nullptr);
    OSRAutoIdentifyEPSG(srs);
    EXPECT_STREQ(OSRGetAuthorityCode(srs, nullptr), "28992");
    OSRDestroySpatialReference(srs);
    double gt[6];
    ASSERT_EQ(GDALGetGeoTransform(ds, gt), CE_None);
    EXPECT_DOUBLE_EQ(gt[0], centre.x - 320 * metres_per_px); // west edge
    EXPECT_DOUBLE_EQ(gt[3], centre.y + 240 * metres_per_px); // north edge
    EXPECT_DOUBLE_EQ(gt[1], metres_per_px);
    EXPECT_DOUBLE_EQ(gt[5], -metres_per_px);
    EXPECT_EQ(gt[2], 0.0);
    EXPECT_EQ(gt[4], 0.0);
    EXPECT_STREQ(GDALGetMetadataItem(ds, "DATA_NOTE", nullptr), "synthetic demo data");
    EXPECT_NE(GDALGetMetadataItem(ds, "SOURCE", nullptr), nullptr);
    EXPECT_STREQ(GDALGetMetadataItem(ds, "PERIOD", nullptr),
                 Session().Model().Periods()[std::size_t(Session().Model().PeriodIndex())].c_str());

    // At each region's label point inside the image, the pixel has that region's class colour.
    const core::Choropleth colours = core::MakeChoropleth(Session().Model().MapValues(Layer()), Session().Model().MapStyle());
    std::vector<std::uint8_t> rgb(640 * 480 * 3);
    ASSERT_EQ(GDALDatasetRasterIO(ds, GF_Read, 0, 0, 640, 480, rgb.data(), 640, 480, GDT_Byte, 3, nullptr, 3, 640 * 3, 1),
              CE_None);
    int checked = 0;
    for (std::size_t i = 0; i < Layer().features.size(); ++i) {
        const core::Vec2d p = Layer().features[i].label_point;
        const int col = int(std::floor((p.x - gt[0]) / gt[1]));
        const int row = int(std::floor((p.y - gt[3]) / gt[5]));
        if (col < 2 || row < 2 || col >= 638 || row >= 478 || colours.feature_classes[i] < 0)
            continue;
        const std::uint32_t c = colours.feature_colors[i];
        const std::uint8_t* px = &rgb[(std::size_t(row) * 640 + std::size_t(col)) * 3];
        for (int ch = 0; ch < 3; ++ch)
            EXPECT_NEAR(int(px[ch]), int((c >> (8 * ch)) & 0xFF), 3) << Layer().features[i].code << " channel " << ch;
        ++checked;
    }
    EXPECT_GT(checked, 20) << "a third of the country shows many municipalities";
    GDALClose(ds);
}

TEST_F(ViewExportsTest, GeoPackageHasOneFeaturePerRegionWithTheCoresValues)
{
    const auto file = m_temp.Path() / "regions.gpkg";
    ExportRegionsGeoPackage(Session(), file);
    const std::vector<core::RegionValue> values = Session().Model().MapValues(Layer());

    GDALDatasetH ds = GDALOpenEx(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr);
    ASSERT_NE(ds, nullptr) << file;
    ASSERT_EQ(GDALDatasetGetLayerCount(ds), 1);
    OGRLayerH layer = GDALDatasetGetLayer(ds, 0);
    EXPECT_EQ(OGR_L_GetFeatureCount(layer, TRUE), GIntBig(Layer().features.size()));
    OGRSpatialReferenceH srs = OGR_L_GetSpatialRef(layer);
    ASSERT_NE(srs, nullptr);
    EXPECT_STREQ(OSRGetAuthorityCode(srs, nullptr), "28992");
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < Layer().features.size(); ++i)
        index[Layer().features[i].code] = i;
    OGR_L_ResetReading(layer);
    std::size_t seen = 0;
    while (OGRFeatureH f = OGR_L_GetNextFeature(layer)) {
        const std::string code = OGR_F_GetFieldAsString(f, OGR_F_GetFieldIndex(f, "code"));
        ASSERT_TRUE(index.count(code)) << code;
        const core::RegionValue& v = values[index[code]];
        const int value_field = OGR_F_GetFieldIndex(f, "value");
        if (v.state == core::agg::GroupState::Known)
            EXPECT_EQ(OGR_F_GetFieldAsDouble(f, value_field), v.value) << code;
        else
            EXPECT_TRUE(OGR_F_IsFieldNull(f, value_field)) << code << ": unknown is no value, never 0";
        EXPECT_STREQ(OGR_F_GetFieldAsString(f, OGR_F_GetFieldIndex(f, "state")),
                     v.state == core::agg::GroupState::Known ? "known"
                     : v.state == core::agg::GroupState::Unknown ? "unknown" : "empty");
        OGRGeometryH g = OGR_F_GetGeometryRef(f);
        ASSERT_NE(g, nullptr) << code;
        EXPECT_NEAR(OGR_G_Area(g), Layer().features[index[code]].area, 1e-6 * Layer().features[index[code]].area) << code;
        OGR_F_Destroy(f);
        ++seen;
    }
    EXPECT_EQ(seen, Layer().features.size());
    EXPECT_STREQ(GDALGetMetadataItem(ds, "DATA_NOTE", nullptr), "synthetic demo data");
    GDALClose(ds);
}

// The naive reference for the map's measure by region of the active level, under the
// quantity filter and the period `period` (a label of the model's periods).
core::agg::ViewResult ReferenceByRegion(const core::DashboardModel& model, const core::RegionLayer& layer,
                                        const std::string& period)
{
    const core::agg::FactTable& t = *model.Table();
    const int region_dim = t.FindDimension(layer.name);
    int period_dim = -1;
    for (std::size_t d = 0; d < t.dimensions.size(); ++d)
        if (t.dimensions[d].role == core::DimensionRole::Period)
            period_dim = int(d);
    EXPECT_GE(region_dim, 0);
    EXPECT_GE(period_dim, 0);
    core::agg::FilterSet filters;
    if (model.QuantityDimension() >= 0)
        filters.Restrict(model.QuantityDimension(), {std::uint32_t(model.QuantityCode())},
                         t.dimensions[std::size_t(model.QuantityDimension())].Cardinality());
    filters.Restrict(period_dim, {std::uint32_t(t.FindCode(period_dim, period))},
                     t.dimensions[std::size_t(period_dim)].Cardinality());
    core::agg::ViewSpec by_region;
    by_region.measure = model.Measure();
    by_region.group_by[0] = region_dim;
    return test::ReferenceAggregate(t, filters, by_region);
}

// The exported CSV's header line and its rows split into cells (quotes only where needed:
// "Nuenen, Gerwen en Nederwetten").
std::pair<std::string, std::vector<std::vector<std::string>>> ReadCsv(const std::filesystem::path& file)
{
    std::ifstream in(file);
    std::string header, line;
    std::getline(in, header);
    std::vector<std::vector<std::string>> rows;
    while (std::getline(in, line))
        rows.push_back(test::SplitCsvLine(line));
    return {header, rows};
}

// One exported row (code, value, state, ..., note) against the reference's value of its region.
void ExpectRowIsTheReference(const std::vector<std::string>& cells, const core::agg::FactTable& t,
                             const core::RegionLayer& layer, const core::agg::ViewResult& reference)
{
    ASSERT_EQ(cells.size(), 10u);
    const std::string& code = cells[0];
    ASSERT_GE(layer.FindByCode(code), 0) << code;
    const long group = t.FindCode(t.FindDimension(layer.name), code);
    ASSERT_GE(group, 0) << code;
    if (reference.states[std::size_t(group)] == core::agg::GroupState::Known) {
        double value = 0;
        std::from_chars(cells[2].data(), cells[2].data() + cells[2].size(), value);
        EXPECT_EQ(value, reference.Value(std::size_t(group))) << code;
        EXPECT_EQ(cells[3], "known");
    } else {
        EXPECT_EQ(cells[2], "") << code << ": no value is an empty cell, never 0";
    }
    EXPECT_EQ(cells[9], "synthetic demo data");
}

TEST_F(ViewExportsTest, CsvEqualsTheAggregationCoresResult)
{
    const auto file = m_temp.Path() / "regions.csv";
    ExportRegionTableCsv(Session(), file);
    core::DashboardModel& model = Session().Model();
    const std::string period = model.Periods()[std::size_t(model.PeriodIndex())];
    const core::agg::ViewResult reference = ReferenceByRegion(model, Layer(), period);
    const std::vector<core::RegionValue> shown = model.MapValues(Layer());

    const auto [header, rows] = ReadCsv(file);
    EXPECT_EQ(header, "code,name,value,state,suppressed,period,measure,unit,source,note");
    ASSERT_EQ(rows.size(), Layer().features.size());
    for (const std::vector<std::string>& cells : rows) {
        ExpectRowIsTheReference(cells, *model.Table(), Layer(), reference);
        const int feature = Layer().FindByCode(cells[0]);
        ASSERT_GE(feature, 0);
        if (cells[3] == "known") {
            double value = 0;
            std::from_chars(cells[2].data(), cells[2].data() + cells[2].size(), value);
            EXPECT_EQ(value, shown[std::size_t(feature)].value) << cells[0] << ": the map's value";
        }
        EXPECT_EQ(cells[5], period);
    }
}

// While the maps compare two periods, the CSV holds both: each region once per period, each
// value the aggregation core's for that period.
TEST_F(ViewExportsTest, CsvOfACompareHoldsBothPeriodsFromTheCore)
{
    core::DashboardModel& model = Session().Model();
    const int first = 0, last = static_cast<int>(model.Periods().size()) - 1;
    CompareView& compare = Session().GetDashboard().Map()->Compare();
    compare.SetActive(true);
    compare.SetMode(CompareMode::Years);
    compare.SetPeriods(first, last);
    m_dashboard->Frames(3);
    ASSERT_TRUE(compare.Ready()) << compare.Sides().problem;

    const auto file = m_temp.Path() / "compare.csv";
    ExportRegionTableCsv(Session(), file);
    const std::map<std::string, core::agg::ViewResult> reference = {
        {model.Periods()[std::size_t(first)], ReferenceByRegion(model, Layer(), model.Periods()[std::size_t(first)])},
        {model.Periods()[std::size_t(last)], ReferenceByRegion(model, Layer(), model.Periods()[std::size_t(last)])}};
    const auto [header, rows] = ReadCsv(file);
    EXPECT_EQ(header, "code,name,value,state,suppressed,period,measure,unit,source,note");
    ASSERT_EQ(rows.size(), 2 * Layer().features.size());
    std::map<std::string, std::size_t> rows_per_period;
    for (const std::vector<std::string>& cells : rows) {
        ASSERT_EQ(cells.size(), 10u);
        const auto it = reference.find(cells[5]);
        ASSERT_NE(it, reference.end()) << "period " << cells[5];
        ExpectRowIsTheReference(cells, *model.Table(), Layer(), it->second);
        EXPECT_EQ(cells[6], model.MeasureTitle());
        ++rows_per_period[cells[5]];
    }
    for (const auto& [period, count] : rows_per_period)
        EXPECT_EQ(count, Layer().features.size()) << period;
    EXPECT_EQ(rows_per_period.size(), 2u);
}

} // namespace
} // namespace vak::ui
