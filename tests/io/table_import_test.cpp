// Tables in: the real DUO and CBS files in ../shared, the demo's own files, and corrupted copies.
#include "core/errors.hpp"
#include "io/region_reader.hpp"
#include "io/table_import.hpp"
#include "support/shared_data.hpp"
#include "support/temp_dir.hpp"

#include <gdal.h>
#include <gtest/gtest.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

namespace vak::io {
namespace {

const char* kDuo = "data/real/duo_po_leerlingen_per_vestiging_1996_2025.csv";
const char* kCbs = "data/real/cbs_vacatures_sector_regio_kwartaal.csv";

// The DUO column total for one year, summed by a plain line reader in the test (independent
// of GDAL and of the importer): fields split on ';', "<5" skipped.
long long DuoColumnSum(const std::string& path, const std::string& column)
{
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);
    auto split = [](const std::string& s) {
        std::vector<std::string> out;
        std::stringstream ss(s);
        for (std::string field; std::getline(ss, field, ';');)
            out.push_back(field);
        return out;
    };
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    const auto header = split(line);
    const auto at = std::find(header.begin(), header.end(), column) - header.begin();
    long long sum = 0;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        const auto fields = split(line);
        if (static_cast<std::size_t>(at) < fields.size() && fields[at] != "<5" && !fields[at].empty())
            sum += std::stoll(fields[at]);
    }
    return sum;
}

TEST(RealTables, DuoWideFileBecomesALongTableWithSuppressedCountsKept)
{
    VAK_REQUIRE_SHARED(kDuo);
    const ImportedTable t = ImportTable(test::SharedFile(kDuo));
    EXPECT_EQ(t.report.rows_read, 9737);
    EXPECT_EQ(t.report.rows_landed, 9737 * 30) << "one row per location and year";
    EXPECT_EQ(t.report.values_suppressed, 762) << "every <5 kept as suppressed";
    EXPECT_TRUE(t.report.rejected.empty());
    EXPECT_NE(t.report.mapping.find("LEERLINGEN_1996 .. LEERLINGEN_2025"), std::string::npos) << t.report.mapping;

    const core::Dataset& ds = t.dataset;
    const int period = ds.FindDimension("periode");
    const int measure = ds.FindMeasure("LEERLINGEN");
    ASSERT_GE(period, 0);
    ASSERT_GE(measure, 0);
    ASSERT_TRUE(ds.measures[measure].is_count);
    long long total2020 = 0;
    std::size_t suppressed = 0;
    for (std::size_t r = 0; r < ds.RowCount(); ++r) {
        if (ds.dimensions[period].ValueAt(r) != "2020")
            continue;
        if (ds.measures[measure].states[r] == core::ValueState::Known)
            total2020 += ds.measures[measure].counts[r];
        suppressed += ds.measures[measure].states[r] == core::ValueState::Suppressed;
        EXPECT_FALSE(ds.measures[measure].states[r] == core::ValueState::Suppressed && ds.measures[measure].counts[r] != 0);
    }
    EXPECT_EQ(total2020, DuoColumnSum(test::SharedFile(kDuo), "LEERLINGEN_2020"));
    EXPECT_GT(total2020, 1'000'000) << "about 1.4 million primary pupils";
}

TEST(RealTables, DuoCodesWithoutLeadingZerosJoinToTheMunicipalityLayer)
{
    VAK_REQUIRE_SHARED(kDuo);
    const core::RegionLayer gemeenten = ReadRegionLayer(test::SharedFile("geodata/cbs/gemeente_2025.topojson"));
    TableImportOptions options;
    options.regions = &gemeenten;
    const ImportedTable t = ImportTable(test::SharedFile(kDuo), options);
    // "285" lands as GM0285; the 5 rows with 9999 ONBEKEND do not, and are each reported.
    const core::DimensionColumn& region = t.dataset.dimensions[t.dataset.FindDimension("GEMEENTECODE_VESTIGING")];
    for (const std::string& code : region.dictionary)
        EXPECT_GE(gemeenten.FindByCode(code), 0) << code;
    std::size_t unknown_9999 = 0;
    for (const core::ImportIssue& issue : t.report.rejected) {
        EXPECT_NE(issue.reason.find("unknown region code"), std::string::npos);
        unknown_9999 += issue.value == "9999";
    }
    EXPECT_EQ(unknown_9999, 5u);
    EXPECT_EQ(t.report.rows_landed + static_cast<long>(t.report.rejected.size()) * 30, 9737L * 30);
}

TEST(RealTables, CbsPaddedProvinceCodesJoinAndValuesInThousandsStayExact)
{
    VAK_REQUIRE_SHARED(kCbs);
    const core::RegionLayer provinces = ReadRegionLayer(test::SharedFile("geodata/cbs/provincie_2025.topojson"));
    TableImportOptions options;
    options.regions = &provinces;
    options.scale = 1000; // CBS publishes vacancies x 1000
    const ImportedTable t = ImportTable(test::SharedFile(kCbs), options);
    const core::Dataset& ds = t.dataset;
    const core::DimensionColumn& region = ds.dimensions[ds.FindDimension("RegioS")];
    std::set<std::string> codes(region.dictionary.begin(), region.dictionary.end());
    EXPECT_EQ(codes.size(), 12u) << "\"PV20  \" matched PV20, and so on";
    for (const std::string& code : codes)
        EXPECT_EQ(code.rfind("PV", 0), 0u) << code;
    // The national and part-of-country rows are not provinces: reported, not dropped.
    for (const core::ImportIssue& issue : t.report.rejected)
        EXPECT_TRUE(issue.value.rfind("NL", 0) == 0 || issue.value.rfind("LD", 0) == 0) << issue.value;
    EXPECT_EQ(t.report.rows_landed + static_cast<long>(t.report.rejected.size()), t.report.rows_read);
    const core::MeasureColumn& vacancies = ds.measures[ds.FindMeasure("OpenstaandeVacatures_1")];
    EXPECT_TRUE(vacancies.is_count) << "135.5 thousand is 135,500 vacancies exactly";
    const core::DimensionColumn& period = ds.dimensions[ds.FindDimension("Perioden")];
    EXPECT_EQ(period.dictionary.front().find("KW"), 4u) << "quarters read as quarters";
    EXPECT_GT(t.report.values_missing, 0) << "a '.' stays missing";
}

TEST(RealTables, CbsFileInAnotherRowOrderLandsTheSame)
{
    // Detection reads the first rows: a sorted copy must not change what lands.
    VAK_REQUIRE_SHARED(kCbs);
    std::ifstream in(test::SharedFile(kCbs));
    std::string header, line;
    std::getline(in, header);
    std::vector<std::string> lines;
    while (std::getline(in, line))
        lines.push_back(line);
    std::reverse(lines.begin(), lines.end());
    test::TempDir dir("vak_cbs_order");
    const std::string copy = (dir.Path() / "cbs.csv").string();
    std::ofstream out(copy);
    out << header << "\n";
    for (const std::string& l : lines)
        out << l << "\n";
    out.close();
    const ImportedTable original = ImportTable(test::SharedFile(kCbs));
    const ImportedTable reversed = ImportTable(copy);
    EXPECT_EQ(reversed.report.rows_landed, original.report.rows_landed);
    EXPECT_EQ(reversed.report.rejected.size(), original.report.rejected.size());
    EXPECT_EQ(reversed.report.rows_landed, 20400);
}

TEST(DemoTables, PointsAndProvenanceOfTheDemoFiles)
{
    test::TempDir dir("vak_demo_tables");
    const std::string csv = (dir.Path() / "punten.csv").string();
    std::ofstream(csv) << "x_rd;y_rd;arbeidsmarktregio_code;sector_code;periode\n"
                          "121000;487000;AM12;A;2025KW1\n121000;487000;AM12;A;2025KW1\n130000;450000;AM16;B;2025KW2\n";
    std::ofstream((dir.Path() / "punten.source.json").string())
        << R"json({"source": "synthetische demodata (vakatlas demo)", "synthetic": true, "unit": "vacatures"})json";
    const ImportedTable t = ImportTable(csv);
    EXPECT_EQ(t.report.rows_landed, 3) << "identical points are separate vacancies, not duplicates";
    EXPECT_EQ(t.dataset.x.size(), 3u);
    EXPECT_EQ(t.dataset.y[2], 450000.0);
    EXPECT_TRUE(t.dataset.provenance.synthetic);
    EXPECT_EQ(t.dataset.provenance.source, "synthetische demodata (vakatlas demo)");
}

TEST(TableMapping, SidecarSetsColumnsScaleAndSourceAndABrokenOneIsAnError)
{
    test::TempDir dir("vak_mapping");
    const std::string csv = (dir.Path() / "t.csv").string();
    std::ofstream(csv) << "waar,wanneer,hoeveel,soort\n14,2024,1.5,a\n34,2024,2,b\n";
    std::ofstream((dir.Path() / "t.vakatlas.json").string())
        << R"json({"region_column": "waar", "period_column": "wanneer", "scale": 1000, "source": "Testbron"})json";
    const ImportedTable t = ImportTable(csv);
    EXPECT_NE(t.report.mapping.find("region: waar"), std::string::npos) << t.report.mapping;
    EXPECT_NE(t.report.mapping.find("values x 1000"), std::string::npos) << t.report.mapping;
    EXPECT_EQ(t.dataset.provenance.source, "Testbron");
    const core::MeasureColumn& m = t.dataset.measures[t.dataset.FindMeasure("hoeveel")];
    ASSERT_TRUE(m.is_count);
    EXPECT_EQ(m.counts[0], 1500);
    EXPECT_EQ(t.dataset.dimensions[t.dataset.FindDimension("wanneer")].ValueAt(1), "2024");

    const std::pair<const char*, const char*> broken[] = {
        {"{ broken", "not valid JSON"},
        {"[1, 2]", "must be a JSON object"},
        {R"json({"regio_column": "waar"})json", "unknown key 'regio_column'"},
        {R"json({"synthetic": "false"})json", "'synthetic' has the wrong type"},
        {R"json({"scale": -5})json", "'scale' must be a positive number"},
    };
    for (const auto& [text, expected] : broken) {
        std::ofstream((dir.Path() / "t.vakatlas.json").string()) << text;
        try {
            ImportTable(csv);
            ADD_FAILURE() << text << " accepted";
        } catch (const core::InputError& e) {
            EXPECT_NE(std::string(e.what()).find("t.vakatlas.json"), std::string::npos) << e.what();
            EXPECT_NE(std::string(e.what()).find(expected), std::string::npos) << e.what();
        }
    }
}

TEST(TableFormats, SpreadsheetTablesImportLikeCsv)
{
    test::TempDir dir("vak_xlsx");
    for (const char* driver : {"XLSX", "ODS"}) {
        SCOPED_TRACE(driver);
        const std::string path = (dir.Path() / (std::string("t.") + (driver[0] == 'X' ? "xlsx" : "ods"))).string();
        GDALAllRegister();
        GDALDatasetH ds = GDALCreate(GDALGetDriverByName(driver), path.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
        ASSERT_NE(ds, nullptr);
        OGRLayerH layer = GDALDatasetCreateLayer(ds, "leerlingen", nullptr, wkbNone, nullptr);
        for (const char* field : {"gemeente_code", "jaar", "leerlingen"}) {
            OGRFieldDefnH fd = OGR_Fld_Create(field, OFTString);
            OGR_L_CreateField(layer, fd, TRUE);
            OGR_Fld_Destroy(fd);
        }
        const char* rows[][3] = {{"GM0014", "2023", "120"}, {"GM0034", "2023", "<5"}};
        for (const auto& row : rows) {
            OGRFeatureH f = OGR_F_Create(OGR_L_GetLayerDefn(layer));
            for (int c = 0; c < 3; ++c)
                OGR_F_SetFieldString(f, c, row[c]);
            EXPECT_EQ(OGR_L_CreateFeature(layer, f), OGRERR_NONE);
            OGR_F_Destroy(f);
        }
        GDALClose(ds);
        const ImportedTable t = ImportTable(path);
        EXPECT_EQ(t.report.rows_landed, 2);
        EXPECT_EQ(t.report.values_suppressed, 1);
        EXPECT_NE(t.report.mapping.find("region: gemeente_code"), std::string::npos) << t.report.mapping;
    }
}

class CorruptTables : public ::testing::Test {
protected:
    std::string Write(const std::string& name, const std::string& text)
    {
        const std::string path = (m_dir.Path() / name).string();
        std::ofstream(path, std::ios::binary) << text;
        return path;
    }
    test::TempDir m_dir{"vak_corrupt"};
};

TEST_F(CorruptTables, EveryBadRowIsReportedWithRowColumnAndReason)
{
    const std::string path = Write("bad.csv", "gemeente_code;jaar;leerlingen\n"
                                              "GM0014;2020;100\n"
                                              "GM0014;2021;veel\n"    // text in a number column
                                              "GM0014;2022;-3\n"      // negative count
                                              "GM0014;1850;10\n"      // year out of range
                                              "GM0014;2020;100\n"     // duplicate, same values
                                              "GM0014;2020;101\n"     // duplicate, other values
                                              "GM0034;<5;12\n"        // not a year
                                              "GM0034;2020;<5\n");    // suppressed: lands
    const ImportedTable t = ImportTable(path);
    EXPECT_EQ(t.report.rows_read, 8);
    EXPECT_EQ(t.report.rows_landed, 2);
    EXPECT_EQ(t.report.values_suppressed, 1);
    ASSERT_EQ(t.report.rejected.size(), 6u);
    const std::vector<std::pair<long, std::string>> expected = {
        {3, "not a number"}, {4, "negative count"}, {5, "year out of range"},
        {6, "duplicate of row 2 (same values)"}, {7, "duplicate key with different values than row 2"},
        {8, "not a year or quarter"}};
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(t.report.rejected[i].row, expected[i].first);
        EXPECT_EQ(t.report.rejected[i].reason, expected[i].second);
    }
    EXPECT_EQ(t.report.rejected[0].column, "leerlingen");
    EXPECT_EQ(t.report.rejected[0].value, "veel");
}

TEST_F(CorruptTables, TruncatedGarbageAndWrongSeparatorNeverCrash)
{
    // Truncated: the complete row lands, the cut-off last row (no year) is reported.
    const std::string truncated = Write("trunc.csv", "gemeente_code;jaar;leerlingen\nGM0014;2020;10\nGM00");
    const ImportedTable t = ImportTable(truncated);
    EXPECT_EQ(t.report.rows_landed, 1);
    ASSERT_EQ(t.report.rejected.size(), 1u);
    EXPECT_EQ(t.report.rejected[0].row, 3);

    // Garbage bytes: GDAL does not take it as a table, and the error names the file.
    const std::string garbage = Write("garbage.csv", std::string("\x00\xff\xfe garbage \x01;\x02\n\x03", 17));
    try {
        const ImportedTable g = ImportTable(garbage);
        EXPECT_EQ(g.report.rows_landed, 0) << "no numbers in garbage";
    } catch (const core::InputError& e) {
        EXPECT_NE(std::string(e.what()).find(garbage), std::string::npos) << e.what();
    }

    // A separator GDAL does not split on: one column; nothing is a region or a measure, and
    // the mapping says so for the user to see.
    const std::string pipes = Write("pipes.csv", "gemeente_code|jaar|leerlingen\nGM0014|2020|10\n");
    try {
        const ImportedTable p = ImportTable(pipes);
        EXPECT_NE(p.report.mapping.find("region: none"), std::string::npos) << p.report.mapping;
    } catch (const core::InputError& e) {
        EXPECT_NE(std::string(e.what()).find(pipes), std::string::npos) << e.what();
    }
}

TEST_F(CorruptTables, HugeValuesAreRejectedNotWrapped)
{
    const std::string path = Write("huge.csv", "gemeente_code;jaar;aantal\nGM0014;2020;1e19\nGM0034;2020;9007199254740993\n"
                                               "GM0037;2020;12\n");
    const ImportedTable t = ImportTable(path);
    EXPECT_EQ(t.report.rows_landed, 1);
    ASSERT_EQ(t.report.rejected.size(), 2u);
    EXPECT_EQ(t.report.rejected[0].reason, "too large for an exact count");
}

TEST_F(CorruptTables, ABadCellInAWideRowRejectsThatYearOnly)
{
    const std::string path = Write("wide.csv", "gemeentecode;LEERLINGEN_2020;LEERLINGEN_2021;LEERLINGEN_2022\n"
                                               "14;10;veel;12\n34;<5;7;8\n");
    const ImportedTable t = ImportTable(path);
    EXPECT_EQ(t.report.rows_read, 2);
    EXPECT_EQ(t.report.rows_landed, 5);
    EXPECT_EQ(t.report.rows_rejected, 1);
    ASSERT_EQ(t.report.rejected.size(), 1u);
    EXPECT_EQ(t.report.rejected[0].column, "LEERLINGEN_2021");
    EXPECT_EQ(t.report.values_suppressed, 1);
}

TEST_F(CorruptTables, NumbersThatClassifyArePartOfTheKey)
{
    // niveau 1-4 and schooljaar are numbers, but they classify rows: as measures they would
    // drop out of the key and make every row after the first a "duplicate".
    std::string text = "gemeente_code;schooljaar;niveau;aantal\n";
    for (int year = 2015; year <= 2024; ++year)
        for (int level = 1; level <= 4; ++level)
            for (int g : {14, 34})
                text += "GM00" + std::to_string(g) + ";" + std::to_string(year) + ";" + std::to_string(level) + ";" +
                        std::to_string(year + level * 7 + g) + "\n";
    const ImportedTable t = ImportTable(Write("levels.csv", text));
    EXPECT_EQ(t.report.rows_landed, 80);
    EXPECT_TRUE(t.report.rejected.empty());
    EXPECT_GE(t.dataset.FindDimension("niveau"), 0) << t.report.mapping;
    EXPECT_GE(t.dataset.FindMeasure("aantal"), 0) << t.report.mapping;
}

TEST_F(CorruptTables, DutchThousandsSeparatorsAreDecidedPerColumn)
{
    const std::string path = Write("dutch.csv", "gemeente_code;jaar;inwoners;oppervlakte;groei;omzet\n"
                                                "GM0014;2020;232.874;197,96;1.5;12.500,5\n"
                                                "GM0034;2020;214.715;129,04;12.500;1.000\n"
                                                "GM0037;2020;980;117,6;0.25;7,25\n");
    const ImportedTable t = ImportTable(path);
    ASSERT_EQ(t.report.rows_landed, 3);
    const core::Dataset& ds = t.dataset;
    const core::MeasureColumn& inwoners = ds.measures[ds.FindMeasure("inwoners")];
    ASSERT_TRUE(inwoners.is_count);
    EXPECT_EQ(inwoners.counts, (std::vector<std::int64_t>{232874, 214715, 980}));
    const core::MeasureColumn& oppervlakte = ds.measures[ds.FindMeasure("oppervlakte")];
    ASSERT_FALSE(oppervlakte.is_count);
    EXPECT_EQ(oppervlakte.values, (std::vector<double>{197.96, 129.04, 117.6})) << "a decimal comma, no '.'";
    // "1.5" in the column makes every '.' in it a decimal point, "12.500" included.
    const core::MeasureColumn& groei = ds.measures[ds.FindMeasure("groei")];
    EXPECT_EQ(groei.values, (std::vector<double>{1.5, 12.5, 0.25}));
    const core::MeasureColumn& omzet = ds.measures[ds.FindMeasure("omzet")];
    EXPECT_EQ(omzet.values, (std::vector<double>{12500.5, 1000, 7.25}));
    std::string note;
    for (const std::string& n : t.report.notes)
        if (n.find("thousands") != std::string::npos)
            note = n;
    EXPECT_EQ(note.rfind("columns inwoners, omzet: '.' read as thousands separator", 0), 0u) << note;
}

// The RD New origin, the tower of Amersfoort, is x 155000, y 463000 by definition.
constexpr double kAmersfoortLon = 5.38720621, kAmersfoortLat = 52.15517440;

TEST_F(CorruptTables, WktPointColumnsBecomePointsInRdNew)
{
    const std::string lonlat = Write("wkt.csv", "WKT;sector_code;periode\n"
                                                "\"POINT (5.38720621 52.15517440)\";A;2025KW1\n"
                                                "POINT (4.8952 52.3702);B;2025KW1\n"
                                                ";C;2025KW1\n"
                                                "bad;D;2025KW1\n"
                                                "\"POLYGON ((5 52,5.1 52,5.1 52.1,5 52))\";E;2025KW1\n");
    const ImportedTable t = ImportTable(lonlat);
    EXPECT_NE(t.report.mapping.find("points: WKT column WKT (lon/lat -> RD New)"), std::string::npos) << t.report.mapping;
    ASSERT_EQ(t.report.rows_landed, 2);
    ASSERT_EQ(t.dataset.x.size(), 2u);
    EXPECT_NEAR(t.dataset.x[0], 155000, 1.0);
    EXPECT_NEAR(t.dataset.y[0], 463000, 1.0);
    EXPECT_GT(t.dataset.y[1], 480000) << "Amsterdam lies north of Amersfoort";
    EXPECT_LT(t.dataset.x[1], 155000) << "and west";
    EXPECT_EQ(t.dataset.FindDimension("WKT"), -1) << "the geometry is no dimension";
    ASSERT_EQ(t.report.rejected.size(), 3u);
    EXPECT_EQ(t.report.rejected[0].row, 4);
    EXPECT_EQ(t.report.rejected[0].reason, "no point coordinates");
    EXPECT_EQ(t.report.rejected[1].reason, "not a WKT geometry");
    EXPECT_EQ(t.report.rejected[2].reason, "a Polygon, not a point");
    EXPECT_EQ(t.report.rejected[2].column, "WKT");

    // Coordinates beyond degrees: the column is RD New already, and stays as written.
    const std::string rd = Write("rd.csv", "id,geometry,aantal\n1,POINT (121000 487000),3\n2,POINT (5.1 52.1),4\n");
    const ImportedTable r = ImportTable(rd);
    EXPECT_NE(r.report.mapping.find("points: WKT column geometry (RD New)"), std::string::npos) << r.report.mapping;
    ASSERT_EQ(r.dataset.x.size(), 2u);
    EXPECT_EQ(r.dataset.x[0], 121000.0);
    EXPECT_EQ(r.dataset.y[0], 487000.0);
    EXPECT_EQ(r.dataset.x[1], 5.1) << "decided for the column, not per point";
}

TEST_F(CorruptTables, APointLayerBringsItsOwnCoordinates)
{
    const std::string path = (m_dir.Path() / "vestigingen.gpkg").string();
    GDALAllRegister();
    GDALDatasetH ds = GDALCreate(GDALGetDriverByName("GPKG"), path.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
    ASSERT_NE(ds, nullptr);
    OGRSpatialReferenceH wgs84 = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(wgs84, 4326);
    OGRLayerH layer = GDALDatasetCreateLayer(ds, "vestigingen", wgs84, wkbPoint, nullptr);
    OSRDestroySpatialReference(wgs84);
    OGRFieldDefnH fd = OGR_Fld_Create("gemeente_code", OFTString);
    ASSERT_EQ(OGR_L_CreateField(layer, fd, TRUE), OGRERR_NONE);
    OGR_Fld_Destroy(fd);
    OGRFeatureH f = OGR_F_Create(OGR_L_GetLayerDefn(layer));
    OGR_F_SetFieldString(f, 0, "GM0307");
    OGRGeometryH point = OGR_G_CreateGeometry(wkbPoint);
    OGR_G_SetPoint_2D(point, 0, kAmersfoortLon, kAmersfoortLat); // OGR layers: x = longitude
    OGR_F_SetGeometryDirectly(f, point);
    EXPECT_EQ(OGR_L_CreateFeature(layer, f), OGRERR_NONE);
    OGR_F_Destroy(f);
    GDALClose(ds);

    const ImportedTable t = ImportTable(path);
    EXPECT_NE(t.report.mapping.find("points: the table's geometry"), std::string::npos) << t.report.mapping;
    ASSERT_EQ(t.dataset.x.size(), 1u);
    EXPECT_NEAR(t.dataset.x[0], 155000, 1.0);
    EXPECT_NEAR(t.dataset.y[0], 463000, 1.0);
}

} // namespace
} // namespace vak::io
