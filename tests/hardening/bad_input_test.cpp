// Bad inputs a user may bring, generated here (nothing large is committed): broken Shapefiles,
// odd geometries, malformed GeoJSON, CSV with the wrong separator, mixed encodings, NaN, negative
// and huge numbers, duplicate keys, a 1 GB line, a folder, a missing file, an unreadable file.
// Each is loaded into a workspace that already holds a good layer and table, as the dashboard
// does. A file that cannot be used must give an InputError naming the file (and where in it, and
// what), and leave the workspace exactly as it was. A file that can be used must land with its
// problems reported (feature or row, field, what was done), never silently changed.
//
// Every case prints one "[bad input]" line saying what it produced: the hardening report's list.
#include "core/data/cell_parse.hpp"
#include "core/errors.hpp"
#include "core/workspace.hpp"
#include "io/gdal_environment.hpp"
#include "io/workspace_loader.hpp"
#include "support/temp_dir.hpp"

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>

namespace vak::io {
namespace {

namespace fs = std::filesystem;

const char* const kSquareA = "POLYGON ((100000 400000,101000 400000,101000 401000,100000 401000,100000 400000))";
const char* const kSquareB = "POLYGON ((101000 400000,102000 400000,102000 401000,101000 401000,101000 400000))";

// What a user sees of the workspace: it must not change when a load fails.
struct State {
    std::size_t layers = 0, tables = 0, messages = 0, first_layer_features = 0, first_table_rows = 0;
    int active = -1;
    bool operator==(const State&) const = default;
};

State StateOf(const core::Workspace& w)
{
    State s;
    s.layers = w.Layers().size();
    s.tables = w.Tables().size();
    s.messages = w.Messages().size();
    s.active = w.ActiveLayerIndex();
    if (!w.Layers().empty())
        s.first_layer_features = w.Layers().front()->features.size();
    if (!w.Tables().empty())
        s.first_table_rows = w.Tables().front()->dataset.RowCount();
    return s;
}

void Report(const std::string& name, const std::string& outcome)
{
    std::printf("[bad input] %s -> %s\n", name.c_str(), outcome.c_str());
}

std::string ReadBytes(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void WriteBytes(const fs::path& path, const std::string& bytes)
{
    std::ofstream(path, std::ios::binary) << bytes;
}

// A Shapefile (RD New) of features with fields statcode and statnaam, written through OGR.
void WriteShapefile(const fs::path& path, const std::vector<std::pair<std::string, std::string>>& code_wkt)
{
    EnsureGdal();
    GDALDatasetH ds = GDALCreate(GDALGetDriverByName("ESRI Shapefile"), path.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
    ASSERT_NE(ds, nullptr) << CPLGetLastErrorMsg();
    OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(srs, 28992);
    OGRLayerH layer = GDALDatasetCreateLayer(ds, path.stem().c_str(), srs, wkbPolygon, nullptr);
    for (const char* field : {"statcode", "statnaam"}) {
        OGRFieldDefnH fd = OGR_Fld_Create(field, OFTString);
        OGR_L_CreateField(layer, fd, TRUE);
        OGR_Fld_Destroy(fd);
    }
    for (const auto& [code, wkt] : code_wkt) {
        OGRFeatureH f = OGR_F_Create(OGR_L_GetLayerDefn(layer));
        OGR_F_SetFieldString(f, 0, code.c_str());
        OGR_F_SetFieldString(f, 1, ("Gemeente " + code).c_str());
        OGRGeometryH g = nullptr;
        char* text = const_cast<char*>(wkt.c_str());
        OGR_G_CreateFromWkt(&text, nullptr, &g);
        OGR_F_SetGeometryDirectly(f, g);
        EXPECT_EQ(OGR_L_CreateFeature(layer, f), OGRERR_NONE);
        OGR_F_Destroy(f);
    }
    OSRDestroySpatialReference(srs);
    GDALClose(ds);
}

std::string GeoJson(const std::string& features)
{
    return R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::28992"}},)"
           R"("features":[)" + features + "]}";
}

std::string GeoJsonFeature(const std::string& code, const std::string& geometry)
{
    return R"({"type":"Feature","properties":{"statcode":")" + code + R"(","statnaam":"N )" + code +
           R"("},"geometry":)" + geometry + "}";
}

const std::string kPolygonA = R"({"type":"Polygon","coordinates":[[[100000,400000],[101000,400000],[101000,401000],[100000,401000],[100000,400000]]]})";
const std::string kPolygonB = R"({"type":"Polygon","coordinates":[[[101000,400000],[102000,400000],[102000,401000],[101000,401000],[101000,400000]]]})";

bool RunningAsRoot()
{
    return geteuid() == 0;
}

class BadInput : public ::testing::Test {
public:
    // The state the application had before the user tried the bad file: one region layer and
    // one table.
    void SetUp() override
    {
        WriteBytes(Path("good.geojson"), GeoJson(GeoJsonFeature("GM0001", kPolygonA) + "," +
                                                 GeoJsonFeature("GM0002", kPolygonB)));
        WriteBytes(Path("good.csv"), "gemeente_code;jaar;leerlingen\nGM0001;2020;10\nGM0002;2020;20\n");
        core::RegionFileOptions regions;
        regions.files = {Path("good.geojson")};
        LoadRegionFiles(regions, m_workspace);
        core::TableFileOptions tables;
        tables.files = {Path("good.csv")};
        LoadDataFiles(tables, m_workspace);
        ASSERT_EQ(m_workspace.Layers().size(), 1u);
        ASSERT_EQ(m_workspace.Tables().size(), 1u);
        m_before = StateOf(m_workspace);
    }

    std::string Path(const std::string& name) const { return (m_dir.Path() / name).string(); }

    // Loads `file` as region boundaries. Returns the error message ("" when it loaded); on an
    // error the workspace must be unchanged.
    std::string TryRegions(const std::string& file)
    {
        core::RegionFileOptions options;
        options.files = {file};
        try {
            LoadRegionFiles(options, m_workspace);
        } catch (const core::InputError& e) {
            EXPECT_EQ(StateOf(m_workspace), m_before) << "a failed load changed the workspace";
            return e.what();
        }
        m_new_layer = m_before.layers;
        m_before = StateOf(m_workspace);
        return "";
    }

    std::string TryData(const std::string& file)
    {
        core::TableFileOptions options;
        options.files = {file};
        try {
            LoadDataFiles(options, m_workspace);
        } catch (const core::InputError& e) {
            EXPECT_EQ(StateOf(m_workspace), m_before) << "a failed load changed the workspace";
            return e.what();
        }
        m_new_table = m_before.tables;
        m_before = StateOf(m_workspace);
        return "";
    }

    // The layer or table the last successful load added.
    const core::RegionLayer& NewLayer() const { return *m_workspace.Layers()[m_new_layer]; }
    const core::Workspace::LoadedTable& NewTable() const { return *m_workspace.Tables()[m_new_table]; }

    // A refused file: the message names the file and says `what`.
    void ExpectRefused(const std::string& name, const std::string& message, const std::string& file,
                       const std::string& what)
    {
        Report(name, message.empty() ? "LOADED (expected a refusal)" : "refused: " + message);
        ASSERT_FALSE(message.empty()) << name << " was accepted";
        EXPECT_NE(message.find(fs::path(file).filename().string()), std::string::npos) << message;
        EXPECT_NE(message.find(what), std::string::npos) << message;
    }

    // Problems of the last loaded layer of `kind`, as "feature N: message" lines.
    std::vector<const core::LayerProblem*> ProblemsOf(core::LayerProblem::Kind kind) const
    {
        std::vector<const core::LayerProblem*> out;
        for (const core::LayerProblem& p : NewLayer().problems)
            if (p.kind == kind)
                out.push_back(&p);
        return out;
    }

    test::TempDir m_dir{"bad_input"};
    core::Workspace m_workspace;
    State m_before;
    std::size_t m_new_layer = 0, m_new_table = 0;
};

// [SECTION] files that are not there or cannot be read

TEST_F(BadInput, MissingFileIsNamed)
{
    for (auto try_load : {&BadInput::TryRegions, &BadInput::TryData}) {
        const std::string file = Path("gemeenten_2025.gpkg");
        ExpectRefused("missing file", (this->*try_load)(file), file, "not found");
    }
}

TEST_F(BadInput, AFolderIsNotAFile)
{
    fs::create_directories(Path("exports"));
    for (auto try_load : {&BadInput::TryRegions, &BadInput::TryData})
        ExpectRefused("a folder", (this->*try_load)(Path("exports")), Path("exports"), "folder");
}

TEST_F(BadInput, EmptyFilesAreRefused)
{
    WriteBytes(Path("empty.geojson"), "");
    WriteBytes(Path("empty.csv"), "");
    ExpectRefused("empty GeoJSON (0 bytes)", TryRegions(Path("empty.geojson")), Path("empty.geojson"),
                  "not a vector format");
    ExpectRefused("empty CSV (0 bytes)", TryData(Path("empty.csv")), Path("empty.csv"), "empty.csv");
}

TEST_F(BadInput, UnreadableFileSaysPermissionDenied)
{
    fs::copy_file(Path("good.geojson"), Path("locked.geojson"));
    fs::copy_file(Path("good.csv"), Path("locked.csv"));
    fs::permissions(Path("locked.geojson"), fs::perms::none);
    fs::permissions(Path("locked.csv"), fs::perms::none);
    if (RunningAsRoot()) {
        // root reads any file (CI runs as root). The refusal is checked in a child process that
        // gives up root for the user nobody; where that is impossible only this check is skipped.
        const pid_t child = fork();
        ASSERT_GE(child, 0);
        if (child == 0) {
            if (setgid(65534) != 0 || setuid(65534) != 0)
                _exit(77);
            const std::string regions = TryRegions(Path("locked.geojson"));
            const std::string data = TryData(Path("locked.csv"));
            std::printf("[bad input] permission denied (regions, as nobody) -> refused: %s\n", regions.c_str());
            std::printf("[bad input] permission denied (table, as nobody) -> refused: %s\n", data.c_str());
            std::fflush(stdout);
            const bool ok = regions.find("locked.geojson: cannot be read (Permission denied)") != std::string::npos &&
                            data.find("locked.csv: cannot be read (Permission denied)") != std::string::npos;
            _exit(ok ? 0 : 1);
        }
        int status = 0;
        ASSERT_EQ(waitpid(child, &status, 0), child);
        ASSERT_TRUE(WIFEXITED(status));
        if (WEXITSTATUS(status) == 77)
            GTEST_SKIP() << "running as root and cannot become nobody: unreadable files cannot be made here";
        EXPECT_EQ(WEXITSTATUS(status), 0) << "an unreadable file was not refused with 'Permission denied'";
        return;
    }
    ExpectRefused("permission denied (regions)", TryRegions(Path("locked.geojson")), Path("locked.geojson"),
                  "ermission denied");
    ExpectRefused("permission denied (table)", TryData(Path("locked.csv")), Path("locked.csv"), "ermission denied");
}

// [SECTION] broken Shapefiles

class BrokenShapefile : public BadInput {
protected:
    void SetUp() override
    {
        BadInput::SetUp();
        WriteShapefile(Path("gem.shp"), {{"GM0001", kSquareA}, {"GM0002", kSquareB}, {"GM0003", kSquareA}});
        m_shp = ReadBytes(Path("gem.shp"));
        m_shx = ReadBytes(Path("gem.shx"));
        m_dbf = ReadBytes(Path("gem.dbf"));
        ASSERT_GT(m_shp.size(), 200u);
    }
    std::string m_shp, m_shx, m_dbf;
};

TEST_F(BrokenShapefile, TheUntouchedFileLoads)
{
    EXPECT_EQ(TryRegions(Path("gem.shp")), "");
    EXPECT_EQ(NewLayer().features.size(), 3u);
}

TEST_F(BrokenShapefile, TruncatedShpIsRefusedNotLoadedShort)
{
    // The last polygon is cut in half: loading two of three regions without a word would
    // show a wrong map.
    WriteBytes(Path("gem.shp"), m_shp.substr(0, m_shp.size() - 40));
    ExpectRefused("Shapefile: .shp truncated (last 40 bytes cut)", TryRegions(Path("gem.shp")), Path("gem.shp"),
                  "feature");
}

TEST_F(BrokenShapefile, ShpCutToItsHeaderIsRefused)
{
    WriteBytes(Path("gem.shp"), m_shp.substr(0, 100));
    ExpectRefused("Shapefile: .shp cut to its 100-byte header", TryRegions(Path("gem.shp")), Path("gem.shp"),
                  "gem.shp");
}

TEST_F(BrokenShapefile, MissingShxIsRefusedNamingIt)
{
    fs::remove(Path("gem.shx"));
    ExpectRefused("Shapefile: .shx missing", TryRegions(Path("gem.shp")), Path("gem.shp"), ".shx");
}

TEST_F(BrokenShapefile, CorruptedShxIsRefused)
{
    std::string shx = m_shx;
    for (std::size_t i = 100; i < shx.size(); ++i)
        shx[i] = static_cast<char>(0xFF); // every record offset far beyond the .shp
    WriteBytes(Path("gem.shx"), shx);
    ExpectRefused("Shapefile: .shx records overwritten with 0xFF", TryRegions(Path("gem.shp")), Path("gem.shp"),
                  "gem.shp");
}

TEST_F(BrokenShapefile, TruncatedDbfIsRefused)
{
    WriteBytes(Path("gem.dbf"), m_dbf.substr(0, m_dbf.size() - 30));
    ExpectRefused("Shapefile: .dbf truncated (last 30 bytes cut)", TryRegions(Path("gem.shp")), Path("gem.shp"),
                  "gem.shp");
}

TEST_F(BrokenShapefile, DbfClaimingMillionsOfRecordsIsRefused)
{
    std::string dbf = m_dbf;
    dbf[4] = dbf[5] = dbf[6] = static_cast<char>(0xFF);
    dbf[7] = 0x00; // 16.7 million records claimed, 3 present
    WriteBytes(Path("gem.dbf"), dbf);
    const std::string message = TryRegions(Path("gem.shp"));
    if (!message.empty()) {
        ExpectRefused("Shapefile: .dbf header claims 16.7 million records", message, Path("gem.shp"), "gem.shp");
        return;
    }
    // GDAL counts the features of the .shp; the three regions land whole.
    ASSERT_EQ(NewLayer().features.size(), 3u);
    EXPECT_EQ(NewLayer().features[2].code, "GM0003");
    EXPECT_EQ(NewLayer().features[2].polygons.size(), 1u);
    Report("Shapefile: .dbf header claims 16.7 million records", "loaded the 3 features the .shp holds, intact");
}

TEST_F(BrokenShapefile, GarbageShpIsRefused)
{
    std::string garbage(m_shp.size(), '\0');
    for (std::size_t i = 0; i < garbage.size(); ++i)
        garbage[i] = static_cast<char>((i * 7919u) & 0xFF);
    WriteBytes(Path("gem.shp"), garbage);
    ExpectRefused("Shapefile: .shp replaced by noise", TryRegions(Path("gem.shp")), Path("gem.shp"), "gem.shp");
}

// [SECTION] odd geometries and malformed GeoJSON

TEST_F(BadInput, SelfIntersectingPolygonIsRepairedAndReported)
{
    const std::string bowtie = R"({"type":"Polygon","coordinates":[[[102000,400000],[103000,401000],[103000,400000],[102000,401000],[102000,400000]]]})";
    WriteBytes(Path("bowtie.geojson"), GeoJson(GeoJsonFeature("GM0001", kPolygonA) + "," + GeoJsonFeature("GM0009", bowtie)));
    ASSERT_EQ(TryRegions(Path("bowtie.geojson")), "");
    ASSERT_EQ(ProblemsOf(core::LayerProblem::Kind::RepairedGeometry).size(), 1u);
    const core::LayerProblem& p = *ProblemsOf(core::LayerProblem::Kind::RepairedGeometry).front();
    EXPECT_EQ(p.feature, 1);
    Report("self-intersecting polygon (bowtie)", "loaded, reported: feature " + std::to_string(p.feature) + ": " + p.message);
    EXPECT_EQ(NewLayer().features.size(), 2u) << "the repaired region stays on the map";
}

TEST_F(BadInput, EmptyAndNullGeometriesAreReportedPerFeature)
{
    WriteBytes(Path("empty_geom.geojson"),
               GeoJson(GeoJsonFeature("GM0001", kPolygonA) + "," +
                       GeoJsonFeature("GM0002", R"({"type":"Polygon","coordinates":[]})") + "," +
                       GeoJsonFeature("GM0003", "null")));
    ASSERT_EQ(TryRegions(Path("empty_geom.geojson")), "");
    const auto empty = ProblemsOf(core::LayerProblem::Kind::EmptyGeometry);
    ASSERT_EQ(empty.size(), 2u);
    EXPECT_EQ(empty[0]->feature, 1);
    EXPECT_EQ(empty[1]->feature, 2);
    Report("empty polygon and null geometry", "loaded, reported: feature 1: " + empty[0]->message + "; feature 2: " +
                                                  empty[1]->message);
}

TEST_F(BadInput, GeoJsonWithWrongNestingIsRefused)
{
    // "features" an object instead of an array of objects.
    WriteBytes(Path("nesting.geojson"),
               R"({"type":"FeatureCollection","features":{"type":"Feature","geometry":)" + kPolygonA + "}}");
    ExpectRefused("GeoJSON: features is an object, not an array", TryRegions(Path("nesting.geojson")),
                  Path("nesting.geojson"), "nesting.geojson");
}

TEST_F(BadInput, GeoJsonCoordinatesNestedWronglyAreReportedPerFeature)
{
    // A polygon's rings one level too shallow (a bare ring) and a point where a polygon belongs.
    WriteBytes(Path("rings.geojson"),
               GeoJson(GeoJsonFeature("GM0001", kPolygonA) + "," +
                       GeoJsonFeature("GM0002", R"({"type":"Polygon","coordinates":[[101000,400000],[102000,400000],[102000,401000],[101000,400000]]})") +
                       "," + GeoJsonFeature("GM0003", R"({"type":"Point","coordinates":[101000,400000]})")));
    const std::string message = TryRegions(Path("rings.geojson"));
    if (!message.empty()) {
        ExpectRefused("GeoJSON: polygon rings nested one level too shallow", message, Path("rings.geojson"), "rings");
        return;
    }
    std::string problems;
    for (const core::LayerProblem& p : NewLayer().problems)
        problems += "feature " + std::to_string(p.feature) + ": " + p.message + "; ";
    Report("GeoJSON: polygon rings nested one level too shallow, a point among polygons", "loaded, reported: " + problems);
    EXPECT_EQ(NewLayer().features.size(), 3u) << "kept for their data";
    ASSERT_EQ(NewLayer().problems.size(), 2u) << "both bad features are reported";
    EXPECT_EQ(NewLayer().problems[0].feature, 1);
    EXPECT_EQ(NewLayer().problems[1].feature, 2);
    EXPECT_EQ(NewLayer().features[0].polygons.size(), 1u) << "the good one is drawn";
}

TEST_F(BadInput, GeoJsonSyntaxErrorIsRefused)
{
    WriteBytes(Path("cut.geojson"), GeoJson(GeoJsonFeature("GM0001", kPolygonA)).substr(0, 150));
    ExpectRefused("GeoJSON: cut off mid-object", TryRegions(Path("cut.geojson")), Path("cut.geojson"), "cut.geojson");
}

TEST_F(BadInput, DuplicateKeysAndCodesAreReported)
{
    // A property given twice in one feature ({"statcode": "GM0001", ..., "statcode": "GM0002"}):
    // JSON parsers keep one of them; and two features with one code.
    const std::string twice = R"({"type":"Feature","properties":{"statcode":"GM0001","statnaam":"Een","statcode":"GM0002"},"geometry":)" +
                              kPolygonA + "}";
    WriteBytes(Path("dupes.geojson"), GeoJson(twice + "," + GeoJsonFeature("GM0005", kPolygonB) + "," +
                                              GeoJsonFeature("GM0005", kPolygonA)));
    ASSERT_EQ(TryRegions(Path("dupes.geojson")), "");
    const auto dupes = ProblemsOf(core::LayerProblem::Kind::DuplicateCode);
    ASSERT_FALSE(dupes.empty());
    EXPECT_EQ(dupes.front()->feature, 2);
    Report("duplicate JSON key in a feature; duplicate region code", "loaded (the JSON parser keeps one key; code '" +
                                                                         NewLayer().features.front().code +
                                                                         "'), reported: feature 2: " + dupes.front()->message);
}

TEST_F(BadInput, HugeAndNegativeCoordinatesAreRefusedOrReported)
{
    const std::string huge = R"({"type":"Polygon","coordinates":[[[1e308,400000],[-1e308,400000],[1e308,1e308],[1e308,400000]]]})";
    WriteBytes(Path("huge.geojson"), GeoJson(GeoJsonFeature("GM0001", kPolygonA) + "," + GeoJsonFeature("GM0002", huge)));
    const std::string message = TryRegions(Path("huge.geojson"));
    if (message.empty()) {
        std::string problems;
        for (const core::LayerProblem& p : NewLayer().problems)
            problems += "feature " + std::to_string(p.feature) + ": " + p.message + "; ";
        Report("coordinates of +-1e308", "loaded, reported: " + problems);
        EXPECT_FALSE(NewLayer().problems.empty());
    } else {
        ExpectRefused("coordinates of +-1e308", message, Path("huge.geojson"), "huge.geojson");
    }
    for (const core::RegionFeature& f : m_workspace.Layers().back()->features)
        EXPECT_TRUE(std::isfinite(f.area)) << f.code;
}

TEST_F(BadInput, NanCoordinatesAreRefusedOrReported)
{
    const std::string nan = R"({"type":"Polygon","coordinates":[[[NaN,400000],[101000,NaN],[101000,401000],[NaN,400000]]]})";
    WriteBytes(Path("nan.geojson"), GeoJson(GeoJsonFeature("GM0001", kPolygonA) + "," + GeoJsonFeature("GM0002", nan)));
    const std::string message = TryRegions(Path("nan.geojson"));
    if (message.empty()) {
        std::string problems;
        for (const core::LayerProblem& p : NewLayer().problems)
            problems += "feature " + std::to_string(p.feature) + ": " + p.message + "; ";
        Report("NaN coordinates", "loaded, reported: " + problems);
        EXPECT_FALSE(NewLayer().problems.empty());
        for (const core::RegionFeature& f : NewLayer().features)
            EXPECT_TRUE(std::isfinite(f.area)) << f.code;
    } else {
        ExpectRefused("NaN coordinates", message, Path("nan.geojson"), "nan.geojson");
    }
}

TEST_F(BrokenShapefile, NanCoordinateIsReportedNotTriangulated)
{
    // Found by the region_file fuzz target: a NaN in a .shp reached GEOS's triangulation and
    // crashed it (tests/fuzz/regressions/region_file/ keeps that input).
    // OGR writes no NaN, so the x of 12345.5 is overwritten with one in the .shp's bytes.
    WriteShapefile(Path("nan.shp"), {{"GM0001", "POLYGON ((100000 400000,100000 401000,0 400960,12345.5 400000,100000 400000))"},
                                     {"GM0002", kSquareB}});
    std::string shp = ReadBytes(Path("nan.shp"));
    const double placeholder = 12345.5, nan = std::numeric_limits<double>::quiet_NaN();
    const std::string from(reinterpret_cast<const char*>(&placeholder), 8), to(reinterpret_cast<const char*>(&nan), 8);
    const std::size_t at = shp.find(from);
    ASSERT_NE(at, std::string::npos);
    shp.replace(at, 8, to);
    WriteBytes(Path("nan.shp"), shp);
    ASSERT_EQ(TryRegions(Path("nan.shp")), "");
    ASSERT_EQ(NewLayer().features.size(), 2u);
    const auto empty = ProblemsOf(core::LayerProblem::Kind::EmptyGeometry);
    ASSERT_EQ(empty.size(), 1u);
    EXPECT_EQ(empty.front()->feature, 0);
    EXPECT_NE(empty.front()->message.find("not a number"), std::string::npos) << empty.front()->message;
    EXPECT_EQ(NewLayer().features[1].polygons.size(), 1u) << "the good region is drawn";
    Report("Shapefile: a NaN coordinate", "loaded, reported: feature 0: " + empty.front()->message);
}

// [SECTION] tables

TEST_F(BadInput, CsvWithAnUnknownSeparatorLandsNothingAndSaysSo)
{
    WriteBytes(Path("hash.csv"), "gemeente_code#jaar#leerlingen\nGM0001#2020#10\nGM0002#2020#20\n");
    const std::string message = TryData(Path("hash.csv"));
    if (!message.empty()) {
        ExpectRefused("CSV separated by '#'", message, Path("hash.csv"), "hash.csv");
        return;
    }
    const auto& t = NewTable();
    Report("CSV separated by '#'", "loaded as one text column: " + t.report.Summary() + "; mapping: " + t.report.mapping +
                                       (t.report.notes.empty() ? "" : "; notes: " + t.report.notes.front()));
    EXPECT_TRUE(t.dataset.measures.empty()) << "no numbers are invented from one text column";
}

TEST_F(BadInput, RowsWithAnotherSeparatorAreReportedByLine)
{
    WriteBytes(Path("mixed.csv"), "gemeente_code;jaar;leerlingen\nGM0001;2020;10\nGM0002,2020,20\nGM0001;2021;12\n");
    ASSERT_EQ(TryData(Path("mixed.csv")), "");
    const auto& report = NewTable().report;
    ASSERT_FALSE(report.rejected.empty());
    EXPECT_EQ(report.rejected.front().row, 3) << "line 3 of the file (header = line 1)";
    Report("CSV: one line with ',' among ';' lines", "loaded, reported: line " + std::to_string(report.rejected.front().row) +
                                                       ": " + report.rejected.front().reason);
    EXPECT_EQ(report.rows_read, 3);
}

TEST_F(BadInput, MixedEncodingsKeepEveryRow)
{
    // UTF-8 and CP1252 (Windows) names in one file: "Súdwest-Fryslân" both ways.
    WriteBytes(Path("enc.csv"), "gemeente_code;gemeente;jaar;leerlingen\n"
                                "GM0001;S\xC3\xBA" "dwest-Frysl\xC3\xA2n;2020;10\n"
                                "GM0002;S\xFA" "dwest-Frysl\xE2n;2020;20\n");
    const std::string message = TryData(Path("enc.csv"));
    if (!message.empty()) {
        ExpectRefused("CSV: UTF-8 and CP1252 in one file", message, Path("enc.csv"), "enc.csv");
        return;
    }
    const auto& t = NewTable();
    Report("CSV: UTF-8 and CP1252 in one file", "loaded: " + t.report.Summary() +
                                                    (t.report.notes.empty() ? "" : "; notes: " + t.report.notes.front()));
    EXPECT_EQ(t.report.rows_read, 2);
    EXPECT_EQ(t.report.rows_landed + t.report.rows_rejected, 2);
}

TEST_F(BadInput, NanNegativeAndHugeCountsAreRejectedByRowAndColumn)
{
    WriteBytes(Path("numbers.csv"), "gemeente_code;jaar;leerlingen\n"
                                    "GM0001;2020;10\n"
                                    "GM0002;2020;NaN\n"
                                    "GM0001;2021;-5\n"
                                    "GM0002;2021;1e19\n"
                                    "GM0001;2022;99999999999999999999999\n"
                                    "GM0002;2022;inf\n");
    ASSERT_EQ(TryData(Path("numbers.csv")), "");
    const auto& report = NewTable().report;
    std::vector<long> rows;
    for (const core::ImportIssue& issue : report.rejected) {
        rows.push_back(issue.row);
        EXPECT_EQ(issue.column, "leerlingen");
        Report("count '" + issue.value + "' (line " + std::to_string(issue.row) + ")", "rejected: " + issue.reason);
    }
    EXPECT_EQ(rows, (std::vector<long>{3, 4, 5, 6, 7}));
}

TEST_F(BadInput, CellParserNeverReturnsANonFiniteNumber)
{
    for (const char* text : {"NaN", "nan", "-nan", "inf", "-inf", "Infinity", "1e309", "-1e309", "0x1p2000",
                             "1.797693134862315807e+309"}) {
        const auto cell = core::ParseCell(text);
        if (cell && cell->state == core::ValueState::Known)
            ADD_FAILURE() << "'" << text << "' became the number " << cell->value;
        Report(std::string("cell '") + text + "'", cell ? "a marker (not a number)" : "not a number");
    }
}

TEST_F(BadInput, DuplicateColumnNamesAreRefusedNamingBoth)
{
    WriteBytes(Path("dupe_cols.csv"), "gemeente_code;jaar;leerlingen;Leerlingen\nGM0001;2020;10;11\n");
    ExpectRefused("CSV: a column name twice", TryData(Path("dupe_cols.csv")), Path("dupe_cols.csv"),
                  "columns 3 and 4");
}

TEST_F(BadInput, DuplicateRowsAreReportedByLine)
{
    // Two rows for one region and year: the first lands, the second is reported, not summed.
    WriteBytes(Path("dupe_rows.csv"), "gemeente_code;jaar;leerlingen\nGM0001;2020;10\nGM0001;2020;10\n");
    ASSERT_EQ(TryData(Path("dupe_rows.csv")), "");
    const auto& report = NewTable().report;
    EXPECT_EQ(report.rows_landed, 1);
    ASSERT_EQ(report.rejected.size(), 1u);
    EXPECT_EQ(report.rejected.front().row, 3);
    Report("CSV: one region and year twice", "loaded, reported: line 3: " + report.rejected.front().reason);
}

TEST_F(BadInput, TruncatedQuoteAndBinaryGarbageAreRefusedOrReported)
{
    WriteBytes(Path("quote.csv"), "gemeente_code;jaar;leerlingen\nGM0001;2020;10\n\"GM0002;2020;20\nGM0003;2020;30\n");
    const std::string quote = TryData(Path("quote.csv"));
    if (quote.empty()) {
        const auto& report = NewTable().report;
        Report("CSV: a quote never closed (line 3)", "loaded: " + report.Summary() +
                                                        (report.rejected.empty() ? "" : "; line " + std::to_string(report.rejected.front().row) + ": " + report.rejected.front().reason));
        EXPECT_EQ(report.rows_read, 2) << "the open quote swallows the rest of the file as one record";
        EXPECT_FALSE(report.rejected.empty()) << "and that record is reported";
    } else {
        ExpectRefused("CSV: a quote never closed (line 3)", quote, Path("quote.csv"), "quote.csv");
    }

    std::string garbage(4096, '\0');
    for (std::size_t i = 0; i < garbage.size(); ++i)
        garbage[i] = static_cast<char>((i * 2654435761u) >> 24);
    WriteBytes(Path("garbage.csv"), garbage);
    const std::string message = TryData(Path("garbage.csv"));
    Report("CSV: 4 KB of binary noise", message.empty() ? "loaded: " + m_workspace.Tables().back()->report.Summary()
                                                       : "refused: " + message);
}

TEST_F(BadInput, BrokenSidecarIsRefusedNamingIt)
{
    WriteBytes(Path("side.csv"), "gemeente_code;jaar;leerlingen\nGM0001;2020;10\n");
    WriteBytes(Path("side.vakatlas.json"), R"({"scale": 1000, "scale": -1)");
    ExpectRefused("mapping sidecar: broken JSON", TryData(Path("side.csv")), Path("side.vakatlas.json"), "JSON");
    WriteBytes(Path("side.vakatlas.json"), R"({"recode_file": "herindeling_die_er_niet_is.csv"})");
    ExpectRefused("mapping sidecar: recode_file names a missing file", TryData(Path("side.csv")),
                  Path("herindeling_die_er_niet_is.csv"), "not found");
}

TEST_F(BadInput, CorruptedSpreadsheetIsRefused)
{
    WriteBytes(Path("sheet.xlsx"), "PK\x03\x04 this is not really a zip archive");
    ExpectRefused("XLSX: not a zip archive", TryData(Path("sheet.xlsx")), Path("sheet.xlsx"), "sheet.xlsx");
}

// 1 GB (VAK_HUGE_LINE_MB to change) in a single line of a CSV table: refused with the line
// named, without reading it all into memory first.
TEST_F(BadInput, AGigabyteLineIsRefusedNamingTheLine)
{
    std::size_t megabytes = 1024;
    if (const char* env = std::getenv("VAK_HUGE_LINE_MB"))
        megabytes = std::strtoul(env, nullptr, 10);
    {
        std::ofstream out(Path("long.csv"), std::ios::binary);
        out << "gemeente_code;jaar;leerlingen\nGM0001;2020;10\nGM0002;2020;";
        const std::string chunk(1 << 20, '7');
        for (std::size_t i = 0; i < megabytes; ++i)
            out << chunk;
        out << "\n";
    }
    const std::string message = TryData(Path("long.csv"));
    fs::remove(Path("long.csv"));
    ExpectRefused("CSV: a " + std::to_string(megabytes) + " MB line", message, Path("long.csv"), "line 3");
}

TEST_F(BadInput, AGigabyteHeaderLineIsRefused)
{
    std::size_t megabytes = 1024;
    if (const char* env = std::getenv("VAK_HUGE_LINE_MB"))
        megabytes = std::strtoul(env, nullptr, 10);
    {
        std::ofstream out(Path("wide.csv"), std::ios::binary);
        const std::string chunk(1 << 20, 'k');
        for (std::size_t i = 0; i < megabytes; ++i)
            out << chunk;
        out << "\nGM0001\n";
    }
    const std::string message = TryData(Path("wide.csv"));
    fs::remove(Path("wide.csv"));
    ExpectRefused("CSV: a " + std::to_string(megabytes) + " MB header line", message, Path("wide.csv"), "wide.csv");
}

} // namespace
} // namespace vak::io
