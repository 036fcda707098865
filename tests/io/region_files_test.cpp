// Region files a user might bring, made in the test with OGR: every quirk named in the brief
// (no .prj, CP1252 attributes, self-intersections, duplicate and missing codes, GeoPackage
// layers, CSV with WKT) gives a layer plus a reported problem, never a crash.
#include "core/errors.hpp"
#include "io/layer_inspect.hpp"
#include "io/region_dissolve.hpp"
#include "io/region_reader.hpp"
#include "support/temp_dir.hpp"

#include <gdal.h>
#include <gtest/gtest.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <fstream>

namespace vak::io {
namespace {

struct TestFeature {
    const char* code;
    const char* name;
    const char* wkt;
};

// Writes a polygon layer with fields "code" and "naam" through OGR.
void WriteLayer(const std::string& path, const char* driver, const char* layer_name, int epsg,
                const std::vector<TestFeature>& features, char** layer_options = nullptr, bool append = false)
{
    GDALAllRegister();
    GDALDatasetH ds = append ? GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr)
                             : GDALCreate(GDALGetDriverByName(driver), path.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
    ASSERT_NE(ds, nullptr) << CPLGetLastErrorMsg();
    OGRSpatialReferenceH srs = nullptr;
    if (epsg) {
        srs = OSRNewSpatialReference(nullptr);
        OSRImportFromEPSG(srs, epsg);
    }
    OGRLayerH layer = GDALDatasetCreateLayer(ds, layer_name, srs, wkbPolygon, layer_options);
    ASSERT_NE(layer, nullptr) << CPLGetLastErrorMsg();
    for (const char* field : {"code", "naam"}) {
        OGRFieldDefnH fd = OGR_Fld_Create(field, OFTString);
        OGR_L_CreateField(layer, fd, TRUE);
        OGR_Fld_Destroy(fd);
    }
    for (const TestFeature& tf : features) {
        OGRFeatureH f = OGR_F_Create(OGR_L_GetLayerDefn(layer));
        if (tf.code)
            OGR_F_SetFieldString(f, 0, tf.code);
        OGR_F_SetFieldString(f, 1, tf.name);
        OGRGeometryH g = nullptr;
        char* wkt = const_cast<char*>(tf.wkt);
        OGR_G_CreateFromWkt(&wkt, nullptr, &g);
        OGR_F_SetGeometryDirectly(f, g);
        ASSERT_EQ(OGR_L_CreateFeature(layer, f), OGRERR_NONE);
        OGR_F_Destroy(f);
    }
    if (srs)
        OSRDestroySpatialReference(srs);
    GDALClose(ds);
}

// Squares in RD New around Utrecht.
const char* kSquareA = "POLYGON ((130000 450000,131000 450000,131000 451000,130000 451000,130000 450000))";
const char* kSquareB = "POLYGON ((131000 450000,132000 450000,132000 451000,131000 451000,131000 450000))";
const char* kBowtie = "POLYGON ((133000 450000,134000 451000,134000 450000,133000 451000,133000 450000))";

bool HasProblem(const core::RegionLayer& layer, core::LayerProblem::Kind kind, const std::string& text = {})
{
    for (const core::LayerProblem& p : layer.problems)
        if (p.kind == kind && p.message.find(text) != std::string::npos)
            return true;
    return false;
}

class RegionFilesTest : public ::testing::Test {
protected:
    std::string Path(const std::string& name) const { return (m_temp.Path() / name).string(); }
    test::TempDir m_temp{"vak_regions"};
};

TEST_F(RegionFilesTest, ShapefileWithoutPrjInRdNewIsAssumedRdAndSaysSo)
{
    const std::string shp = Path("gemeenten.shp");
    WriteLayer(shp, "ESRI Shapefile", "gemeenten", 0, {{"GM0344", "Utrecht", kSquareA}});
    ASSERT_FALSE(std::ifstream(Path("gemeenten.prj")).good());
    const core::RegionLayer layer = ReadRegionLayer(shp);
    ASSERT_EQ(layer.features.size(), 1u);
    EXPECT_EQ(layer.crs, "EPSG:28992");
    EXPECT_TRUE(HasProblem(layer, core::LayerProblem::Kind::AssumedCrs, "EPSG:28992"));
    EXPECT_NEAR(layer.features[0].area, 1e6, 1.0) << "no reprojection of RD to RD";
    EXPECT_NEAR(layer.features[0].label_point.x, 130500, 500);
}

TEST_F(RegionFilesTest, Cp1252NamesInADbfWithoutCpgAreRecodedToUtf8)
{
    const std::string shp = Path("fries.shp");
    // Write the name as CP1252 bytes ("Súdwest-Fryslân": ú = 0xFA, â = 0xE2) with no encoding
    // mark at all (no .cpg, no code page byte in the .dbf), as many old exports are.
    const char* no_encoding[] = {"ENCODING=", nullptr};
    WriteLayer(shp, "ESRI Shapefile", "fries", 28992, {{"GM1900", "S\xFA" "dwest-Frysl\xE2n", kSquareA}},
               const_cast<char**>(no_encoding));
    std::remove(Path("fries.cpg").c_str());
    const core::RegionLayer layer = ReadRegionLayer(shp);
    ASSERT_EQ(layer.features.size(), 1u);
    EXPECT_EQ(layer.features[0].name, "S\xC3\xBA" "dwest-Frysl\xC3\xA2n");
    EXPECT_TRUE(HasProblem(layer, core::LayerProblem::Kind::Other, "CP1252"));
}

TEST_F(RegionFilesTest, SelfIntersectionIsRepairedDuplicatesAndMissingCodesReported)
{
    const std::string path = Path("bad.geojson");
    WriteLayer(path, "GeoJSON", "bad", 28992,
               {{"GM0001", "Een", kSquareA}, {"GM0001", "Dubbel", kSquareB}, {nullptr, "Zonder code", kSquareB},
                {"GM0003", "Vlinder", kBowtie}});
    const core::RegionLayer layer = ReadRegionLayer(path);
    ASSERT_EQ(layer.features.size(), 4u) << "nothing is dropped";
    EXPECT_TRUE(HasProblem(layer, core::LayerProblem::Kind::DuplicateCode, "GM0001"));
    EXPECT_TRUE(HasProblem(layer, core::LayerProblem::Kind::MissingCode, "feature 2"));
    EXPECT_TRUE(HasProblem(layer, core::LayerProblem::Kind::RepairedGeometry, "GM0003"));
    // The repaired bow-tie is two triangles of 250,000 m2 each.
    EXPECT_NEAR(layer.features[3].area, 500000.0, 1.0);
    EXPECT_EQ(layer.features[3].polygons.size(), 2u);
    EXPECT_NEAR(core::MeshArea(layer.mesh, 3), 500000.0, 1.0);
}

TEST_F(RegionFilesTest, GeoPackageLayerIsChosenByNameAndAMissingOneListsTheOthers)
{
    const std::string gpkg = Path("regions.gpkg");
    WriteLayer(gpkg, "GPKG", "gemeenten", 28992, {{"GM0344", "Utrecht", kSquareA}});
    WriteLayer(gpkg, "GPKG", "provincies", 28992, {{"PV26", "Utrecht", kSquareB}}, nullptr, true);
    RegionReadOptions options;
    options.layer = "provincies";
    const core::RegionLayer layer = ReadRegionLayer(gpkg, options);
    ASSERT_EQ(layer.features.size(), 1u);
    EXPECT_EQ(layer.features[0].code, "PV26");
    EXPECT_EQ(ReadRegionLayer(gpkg).name, "gemeenten") << "the first polygon layer by default";

    options.layer = "buurten";
    try {
        ReadRegionLayer(gpkg, options);
        FAIL();
    } catch (const core::InputError& e) {
        EXPECT_NE(std::string(e.what()).find("gemeenten, provincies"), std::string::npos) << e.what();
    }
}

TEST_F(RegionFilesTest, CsvWithWktAndAChosenCodeField)
{
    const std::string csv = Path("regions.csv");
    std::ofstream(csv) << "WKT;regio;label\n\"" << kSquareA << "\";R1;Noord\n\"" << kSquareB << "\";R2;Zuid\n";
    std::ofstream(Path("regions.prj")) << ""; // not used by the CSV driver; the CRS is assumed
    RegionReadOptions options;
    options.code_field = "regio";
    options.name_field = "label";
    const core::RegionLayer layer = ReadRegionLayer(csv, options);
    ASSERT_EQ(layer.features.size(), 2u);
    EXPECT_EQ(layer.features[1].code, "R2");
    EXPECT_EQ(layer.features[1].name, "Zuid");
    EXPECT_NEAR(layer.features[1].area, 1e6, 1.0);

    options.code_field = "nope";
    try {
        ReadRegionLayer(csv, options);
        FAIL();
    } catch (const core::InputError& e) {
        EXPECT_NE(std::string(e.what()).find("no field 'nope'"), std::string::npos) << e.what();
    }
}

TEST_F(RegionFilesTest, NotAVectorFileIsAClearError)
{
    std::ofstream(Path("notes.txt")) << "just text, no geometry\n";
    try {
        ReadRegionLayer(Path("notes.txt"));
        FAIL();
    } catch (const core::InputError& e) {
        EXPECT_NE(std::string(e.what()).find("notes.txt"), std::string::npos) << e.what();
    }
}

TEST_F(RegionFilesTest, NetworkPathsAreRefused)
{
    try {
        ReadRegionLayer("/vsicurl/https://example.org/gemeenten.gpkg");
        FAIL();
    } catch (const core::InputError& e) {
        EXPECT_NE(std::string(e.what()).find("network"), std::string::npos) << e.what();
    }
}

TEST_F(RegionFilesTest, DetailedLayersGetCoarserLevelsForZoomedOutViews)
{
    // 36 squares of 10 km whose sides wiggle by 4 m every 20 m: far more detail than a
    // national view can show.
    std::vector<std::string> wkts, codes;
    for (int gy = 0; gy < 6; ++gy)
        for (int gx = 0; gx < 6; ++gx) {
            const double x0 = 100000 + gx * 10000.0, y0 = 400000 + gy * 10000.0;
            std::string wkt = "POLYGON ((";
            auto add = [&](double x, double y) { wkt += std::to_string(x) + " " + std::to_string(y) + ","; };
            for (int i = 0; i < 500; ++i)
                add(x0 + i * 20.0, y0 + (i % 2) * 4.0);
            for (int i = 0; i < 500; ++i)
                add(x0 + 10000.0 - (i % 2) * 4.0, y0 + i * 20.0);
            for (int i = 0; i < 500; ++i)
                add(x0 + 10000.0 - i * 20.0, y0 + 10000.0 - (i % 2) * 4.0);
            for (int i = 0; i < 500; ++i)
                add(x0 + (i % 2) * 4.0, y0 + 10000.0 - i * 20.0);
            wkt += std::to_string(x0) + " " + std::to_string(y0) + "))";
            wkts.push_back(wkt);
            codes.push_back("R" + std::to_string(gy * 6 + gx));
        }
    std::vector<TestFeature> features;
    for (std::size_t i = 0; i < wkts.size(); ++i)
        features.push_back({codes[i].c_str(), codes[i].c_str(), wkts[i].c_str()});
    const std::string path = Path("detailed.gpkg");
    WriteLayer(path, "GPKG", "detailed", 28992, features);

    const core::RegionLayer layer = ReadRegionLayer(path);
    ASSERT_EQ(layer.features.size(), 36u);
    ASSERT_FALSE(layer.coarse.empty());
    const core::MeshLevel& coarse = layer.coarse.front();
    EXPECT_LT(coarse.mesh.VertexCount() * 20, layer.mesh.VertexCount()) << "wiggles are simplified away";
    EXPECT_NEAR(core::MeshArea(coarse.mesh), core::MeshArea(layer.mesh), core::MeshArea(layer.mesh) * 0.01);
    // Zoomed in, the full mesh; zoomed out past twice the tolerance per pixel, the coarse one.
    EXPECT_EQ(&layer.MeshFor(1.0), &layer.mesh);
    EXPECT_EQ(&layer.MeshFor(coarse.tolerance * 2.0), &coarse.mesh);
}

TEST_F(RegionFilesTest, CurvedPolygonsAreStrokedIntoSegmentsAndDrawn)
{
    const std::string path = Path("curves.gpkg");
    GDALAllRegister();
    GDALDatasetH ds = GDALCreate(GDALGetDriverByName("GPKG"), path.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
    ASSERT_NE(ds, nullptr);
    OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(srs, 28992);
    OGRLayerH layer = GDALDatasetCreateLayer(ds, "curves", srs, wkbCurvePolygon, nullptr);
    OGRFieldDefnH fd = OGR_Fld_Create("code", OFTString);
    OGR_L_CreateField(layer, fd, TRUE);
    OGR_Fld_Destroy(fd);
    OGRFeatureH f = OGR_F_Create(OGR_L_GetLayerDefn(layer));
    OGR_F_SetFieldString(f, 0, "C1");
    // A disc of radius 1000 m as one circular string.
    const char* wkt = "CURVEPOLYGON (CIRCULARSTRING (130000 450000,132000 450000,130000 450000))";
    OGRGeometryH g = nullptr;
    char* text = const_cast<char*>(wkt);
    ASSERT_EQ(OGR_G_CreateFromWkt(&text, nullptr, &g), OGRERR_NONE);
    OGR_F_SetGeometryDirectly(f, g);
    ASSERT_EQ(OGR_L_CreateFeature(layer, f), OGRERR_NONE);
    OGR_F_Destroy(f);
    OSRDestroySpatialReference(srs);
    GDALClose(ds);

    const core::RegionLayer regions = ReadRegionLayer(path);
    ASSERT_EQ(regions.features.size(), 1u);
    ASSERT_EQ(regions.features[0].polygons.size(), 1u) << "the curve is drawn, not dropped";
    EXPECT_NEAR(regions.features[0].area, 3.14159265 * 1000.0 * 1000.0, 0.01 * 3.14159265e6);
}

TEST_F(RegionFilesTest, EmptyLayerLoadsAsEmpty)
{
    const std::string path = Path("empty.geojson");
    WriteLayer(path, "GeoJSON", "empty", 28992, {});
    const core::RegionLayer layer = ReadRegionLayer(path);
    EXPECT_TRUE(layer.features.empty());
    EXPECT_TRUE(layer.bounds.Empty());
    EXPECT_EQ(layer.mesh.TriangleCount(), 0u);
}

TEST_F(RegionFilesTest, DisplayCrsMustBeProjectedInMetres)
{
    const std::string path = Path("a.geojson");
    WriteLayer(path, "GeoJSON", "a", 28992, {{"GM0001", "Een", kSquareA}});
    RegionReadOptions options;
    for (const char* crs : {"EPSG:4326", "https://example.org/crs.wkt", "EPSG:2000000"}) {
        options.target_crs = crs;
        try {
            ReadRegionLayer(path, options);
            ADD_FAILURE() << crs << " accepted";
        } catch (const core::InputError& e) {
            EXPECT_NE(std::string(e.what()).find("--crs"), std::string::npos) << e.what();
        }
    }
    options.target_crs = "EPSG:3857";
    EXPECT_EQ(ReadRegionLayer(path, options).crs, "EPSG:3857");
}

TEST_F(RegionFilesTest, InspectListsFieldsCrsAndProblems)
{
    const std::string path = Path("inspect.geojson");
    WriteLayer(path, "GeoJSON", "inspect", 28992, {{"GM0001", "Een", kSquareA}, {"GM0001", "Twee", kSquareB}});
    const std::string text = InspectFile(path, {});
    EXPECT_NE(text.find("Features: 2"), std::string::npos) << text;
    EXPECT_NE(text.find("code (String)"), std::string::npos) << text;
    EXPECT_NE(text.find("Region code field: code"), std::string::npos) << text;
    EXPECT_NE(text.find("EPSG:28992"), std::string::npos) << text;
    EXPECT_NE(text.find("1 duplicate code"), std::string::npos) << text;
}

} // namespace
} // namespace vak::io

namespace vak::io {
namespace {

TEST_F(RegionFilesTest, LookupTableConflictsAndUnknownCodesAreReportedByRow)
{
    const std::string path = Path("g.geojson");
    WriteLayer(path, "GeoJSON", "g", 28992, {{"GM0001", "Een", kSquareA}, {"GM0002", "Twee", kSquareB}});
    const core::RegionLayer layer = ReadRegionLayer(path);
    const std::string table = Path("groups.csv");
    std::ofstream(table) << "code;regio\n1;Noord\nGM0002;Zuid\n0001;Zuid\n9999;Oost\n";
    const RegionGrouping grouping = GroupByTable(layer, table);
    ASSERT_EQ(grouping.group_of_feature.size(), 2u);
    EXPECT_EQ(grouping.groups[grouping.group_of_feature[0]].name, "Noord") << "the first row wins";
    EXPECT_EQ(grouping.groups[grouping.group_of_feature[1]].name, "Zuid");
    std::string all;
    for (const std::string& p : grouping.problems)
        all += p + "\n";
    EXPECT_NE(all.find("row 4: 0001 is already in group 'Noord'"), std::string::npos) << all;
    EXPECT_NE(all.find("row 5: region code '9999'"), std::string::npos) << all;
}

} // namespace
} // namespace vak::io
