#include "io/gdal_environment.hpp"

#include "io/path_policy.hpp"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal.h>
#include <ogr_srs_api.h>

#include <algorithm>
#include <mutex>

namespace vak::io {

namespace {

// Reading: boundaries and tables (see vector_source.cpp, which also names exactly these for
// each user file, so a raster driver never parses one). Writing: CSV exports and the demo
// tables, GeoPackage exports, PNG and GeoTIFF exports through MEM. "Memory" is OGR's in-memory
// layer, which GDAL uses itself.
const std::vector<std::string> kKeptDrivers = {
    "ESRI Shapefile", "GPKG", "GeoJSON", "GeoJSONSeq", "TopoJSON", "CSV", "XLSX", "ODS", "FlatGeobuf",
    "MEM", "Memory", "PNG", "GTiff",
};

void DeregisterOtherDrivers()
{
    // GDAL 3.6 has no allow-list option (GDAL_SKIP only names drivers to drop), so everything
    // else that GDALAllRegister registered is dropped here, once, before any file is opened.
    std::vector<GDALDriverH> unwanted;
    for (int i = 0; i < GDALGetDriverCount(); ++i) {
        GDALDriverH driver = GDALGetDriver(i);
        const std::string name = GDALGetDriverShortName(driver);
        if (std::find(kKeptDrivers.begin(), kKeptDrivers.end(), name) == kKeptDrivers.end())
            unwanted.push_back(driver);
    }
    for (GDALDriverH driver : unwanted) {
        GDALDeregisterDriver(driver);
        GDALDestroyDriver(driver);
    }
}

} // namespace

const std::vector<std::string>& GdalDriversKept()
{
    return kKeptDrivers;
}

void ApplyGdalNetworkOptions(bool allowed)
{
    // PROJ would download missing transformation grids from its CDN.
    OSRSetPROJEnableNetwork(allowed ? TRUE : FALSE);
    CPLSetConfigOption("PROJ_NETWORK", allowed ? "ON" : "OFF");
    // /vsicurl/ (and the cloud file systems built on it) opens only this name: one that no path
    // ever is, so a network name that slips past path_policy still reads nothing.
    CPLSetConfigOption("CPL_VSIL_CURL_ALLOWED_FILENAME", allowed ? nullptr : "vakatlas-network-disabled");
    // No probing of cloud metadata services for credentials, and no waiting on retries.
    CPLSetConfigOption("CPL_AWS_AUTODETECT_EC2", allowed ? nullptr : "NO");
    CPLSetConfigOption("GDAL_HTTP_MAX_RETRY", allowed ? nullptr : "0");
}

void EnsureGdal()
{
    static std::once_flag once;
    std::call_once(once, [] {
        GDALAllRegister();
        DeregisterOtherDrivers();
        // Input files are never modified: no .aux.xml next to them.
        CPLSetConfigOption("GDAL_PAM_ENABLED", "NO");
        ApplyGdalNetworkOptions(NetworkPathsAllowed());
        // GDAL prints its errors to stderr by default. vakatlas reports every problem itself,
        // with the file and feature named, from CPLGetLastErrorMsg(); keep stderr for those.
        CPLSetErrorHandler(CPLQuietErrorHandler);
    });
}

} // namespace vak::io
