// Untrusted files: network and special paths are refused (from the command line and from inside
// files) unless --allow-network, and GDAL keeps only the drivers vakatlas needs and reaches no
// network by itself.
#include "io/gdal_environment.hpp"
#include "io/path_policy.hpp"
#include "io/region_reader.hpp"
#include "io/table_import.hpp"
#include "io/workspace_loader.hpp"
#include "core/errors.hpp"
#include "support/temp_dir.hpp"

#include <cpl_conv.h>
#include <gdal.h>
#include <ogr_srs_api.h>

#include <gtest/gtest.h>

#include <fstream>

namespace vak::io {
namespace {

// --allow-network for one test; the process default (refused) afterwards.
class AllowNetwork {
public:
    AllowNetwork() { SetNetworkPathsAllowed(true); }
    ~AllowNetwork() { SetNetworkPathsAllowed(false); }
};

std::string MessageOf(const std::function<void()>& action)
{
    try {
        action();
    } catch (const core::InputError& e) {
        return e.what();
    }
    return "(no InputError)";
}

TEST(PathPolicy, NetworkAndStreamNamesAreRecognisedAnywhereInAName)
{
    for (const char* path : {"/vsicurl/https://example.org/g.gpkg", "/vsis3/bucket/t.csv", "/vsigs/b/t.csv",
                             "/vsiaz/c/t.csv", "/vsiadls/c/t.csv", "/vsioss/b/t.csv", "/vsiswift/c/t.csv",
                             "/vsihdfs/h/t.csv", "/vsiwebhdfs/http://h/t.csv", "/vsicurl_streaming/http://h/t.csv",
                             "/vsistdin/", "https://example.org/t.csv", "HTTP://EXAMPLE.ORG/T.CSV", "ftp://h/t.csv",
                             "/vsizip//vsicurl/https://example.org/a.zip/g.shp", "TopoJSON:https://example.org/t.json",
                             "CSV:/vsis3/bucket/t.csv"})
        EXPECT_TRUE(IsNetworkPath(path)) << path;
    for (const char* path : {"/home/planner/gemeenten.gpkg", "data/vsis3_backup/t.csv", "/vsimem/t.csv",
                             "/vsizip/regions.zip/g.shp", "/vsigzip/t.csv.gz", "http_export.csv", "C:/data/t.csv"})
        EXPECT_FALSE(IsNetworkPath(path)) << path;
}

TEST(PathPolicy, RefusalNamesThePathAndTheWayOut)
{
    const std::string message = MessageOf([] { CheckLocalPath("https://example.org/t.csv"); });
    EXPECT_NE(message.find("https://example.org/t.csv"), std::string::npos) << message;
    EXPECT_NE(message.find("--allow-network"), std::string::npos) << message;
    EXPECT_NO_THROW(CheckLocalPath("/home/planner/t.csv"));
    const AllowNetwork allow;
    EXPECT_NO_THROW(CheckLocalPath("https://example.org/t.csv"));
}

TEST(PathPolicy, NetworkDataFileLeavesTheWorkspaceAsItWas)
{
    core::Workspace workspace;
    core::TableFileOptions options;
    options.files = {"https://example.org/leerlingen.csv"};
    const std::string message = MessageOf([&] { LoadDataFiles(options, workspace); });
    EXPECT_NE(message.find("leerlingen.csv"), std::string::npos) << message;
    EXPECT_NE(message.find("--allow-network"), std::string::npos) << message;
    EXPECT_TRUE(workspace.Tables().empty());
    EXPECT_TRUE(workspace.Messages().empty());

    core::RegionFileOptions regions;
    regions.files = {"/vsis3/bucket/gemeenten.gpkg"};
    EXPECT_NE(MessageOf([&] { LoadRegionFiles(regions, workspace); }).find("/vsis3/bucket"), std::string::npos);
    EXPECT_TRUE(workspace.Layers().empty());
}

TEST(PathPolicy, ANetworkNameInsideASidecarIsRefusedNamingTheSidecarAndKey)
{
    const test::TempDir dir("path_policy");
    const auto table = dir.Path() / "leerlingen.csv";
    std::ofstream(table) << "gemeente_code;jaar;leerlingen\nGM0014;2020;10\n";
    std::ofstream(dir.Path() / "leerlingen.vakatlas.json")
        << R"({"recode_file": "/vsicurl/http://127.0.0.1:9/herindeling.csv"})";
    const std::string message = MessageOf([&] { TableFile::Read(table.string()); });
    EXPECT_NE(message.find("leerlingen.vakatlas.json: recode_file"), std::string::npos) << message;
    EXPECT_NE(message.find("/vsicurl/http://127.0.0.1:9/herindeling.csv"), std::string::npos) << message;
}

TEST(GdalEnvironment, OnlyTheDriversVakatlasNeedsAreRegistered)
{
    EnsureGdal();
    for (const std::string& name : GdalDriversKept())
        EXPECT_NE(GDALGetDriverByName(name.c_str()), nullptr) << name;
    EXPECT_EQ(GDALGetDriverCount(), static_cast<int>(GdalDriversKept().size()));
    // Formats that read other files or URLs named inside them are gone.
    for (const char* name : {"VRT", "OGR_VRT", "GML", "WFS", "HTTP", "KML", "LIBKML", "SQLite"})
        EXPECT_EQ(GDALGetDriverByName(name), nullptr) << name;
}

TEST(GdalEnvironment, AnOgrVrtFileIsNotOpened)
{
    // An OGR VRT names another data source inside it (here a URL): a format vakatlas never
    // asked for, so it is refused as unknown rather than followed.
    const test::TempDir dir("path_policy_vrt");
    const auto vrt = dir.Path() / "regions.vrt";
    std::ofstream(vrt) << "<OGRVRTDataSource><OGRVRTLayer name=\"g\"><SrcDataSource>/vsicurl/http://127.0.0.1:9/g.shp"
                          "</SrcDataSource></OGRVRTLayer></OGRVRTDataSource>";
    const std::string message = MessageOf([&] { ReadRegionLayer(vrt.string()); });
    EXPECT_NE(message.find("regions.vrt"), std::string::npos) << message;
    EXPECT_NE(message.find("not a vector format"), std::string::npos) << message;
}

TEST(GdalEnvironment, GdalReachesNoNetworkAndWritesNoSidecarsUnlessAllowed)
{
    EnsureGdal();
    EXPECT_FALSE(OSRGetPROJEnableNetwork());
    EXPECT_STREQ(CPLGetConfigOption("GDAL_PAM_ENABLED", ""), "NO");
    EXPECT_STRNE(CPLGetConfigOption("CPL_VSIL_CURL_ALLOWED_FILENAME", ""), "");
    {
        const AllowNetwork allow;
        EXPECT_TRUE(OSRGetPROJEnableNetwork());
        EXPECT_STREQ(CPLGetConfigOption("CPL_VSIL_CURL_ALLOWED_FILENAME", ""), "");
    }
    EXPECT_FALSE(OSRGetPROJEnableNetwork());
}

} // namespace
} // namespace vak::io
