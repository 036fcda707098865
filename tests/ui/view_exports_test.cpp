// The GIS exports of a dashboard, read back with GDAL as QGIS would: the GeoTIFF carries the
// layer's CRS (EPSG:28992) and exactly the camera's extent, and its pixels are the map's colours
// where the regions are; the GeoPackage has one feature per region with the aggregation core's
// values; the CSV equals the aggregation core's result (and the naive reference aggregation).
#include "core/dashboard/dashboard_model.hpp"
#include "core/errors.hpp"
#include "core/style/choropleth.hpp"
#include "core/workspace.hpp"
#include "io/view_file.hpp"
#include "support/demo_dashboard_fixture.hpp"
#include "support/reference_aggregate.hpp"
#include "support/temp_dir.hpp"
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
#include <fstream>
#include <map>
#include <memory>

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

TEST_F(ViewExportsTest, CsvEqualsTheAggregationCoresResult)
{
    const auto file = m_temp.Path() / "regions.csv";
    ExportRegionTableCsv(Session(), file);
    core::DashboardModel& model = Session().Model();
    const core::agg::FactTable& t = *model.Table();

    // The naive reference: the map's measure by municipality under the quantity and year filters.
    const int region_dim = t.FindDimension(Layer().name);
    ASSERT_GE(region_dim, 0);
    int period_dim = -1;
    for (std::size_t d = 0; d < t.dimensions.size(); ++d)
        if (t.dimensions[d].role == core::DimensionRole::Period)
            period_dim = int(d);
    core::agg::FilterSet filters;
    if (model.QuantityDimension() >= 0)
        filters.Restrict(model.QuantityDimension(), {std::uint32_t(model.QuantityCode())},
                         t.dimensions[std::size_t(model.QuantityDimension())].Cardinality());
    filters.Restrict(period_dim,
                     {std::uint32_t(t.FindCode(period_dim, model.Periods()[std::size_t(model.PeriodIndex())]))},
                     t.dimensions[std::size_t(period_dim)].Cardinality());
    core::agg::ViewSpec by_region;
    by_region.measure = model.Measure();
    by_region.group_by[0] = region_dim;
    const core::agg::ViewResult reference = test::ReferenceAggregate(t, filters, by_region);
    const std::vector<core::RegionValue> shown = model.MapValues(Layer());

    std::ifstream in(file);
    std::string line;
    ASSERT_TRUE(std::getline(in, line));
    EXPECT_EQ(line, "code,name,value,state,suppressed,period,measure,unit,source,note");
    std::size_t rows = 0;
    while (std::getline(in, line)) {
        // Quotes only where needed ("Nuenen, Gerwen en Nederwetten").
        std::vector<std::string> cells(1);
        bool quoted = false;
        for (char c : line) {
            if (c == '"')
                quoted = !quoted;
            else if (c == ',' && !quoted)
                cells.emplace_back();
            else
                cells.back() += c;
        }
        ASSERT_GE(cells.size(), 4u) << line;
        const std::string& code = cells[0];
        const int feature = Layer().FindByCode(code);
        ASSERT_GE(feature, 0) << code;
        const long group = t.FindCode(region_dim, code);
        ASSERT_GE(group, 0) << code;
        if (reference.states[std::size_t(group)] == core::agg::GroupState::Known) {
            double value = 0;
            std::from_chars(cells[2].data(), cells[2].data() + cells[2].size(), value);
            EXPECT_EQ(value, reference.Value(std::size_t(group))) << code;
            EXPECT_EQ(value, shown[std::size_t(feature)].value) << code;
            EXPECT_EQ(cells[3], "known");
        } else {
            EXPECT_EQ(cells[2], "") << code << ": no value is an empty cell, never 0";
        }
        EXPECT_EQ(line.substr(line.size() - std::string("synthetic demo data").size()), "synthetic demo data");
        ++rows;
    }
    EXPECT_EQ(rows, Layer().features.size());
}

} // namespace
} // namespace vak::ui
