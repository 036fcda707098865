#include "io/vector_source.hpp"

#include "core/errors.hpp"
#include "io/gdal_environment.hpp"
#include "io/path_policy.hpp"

#include <cpl_error.h>
#include <cpl_vsi.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace vak::io {

namespace fs = std::filesystem;

namespace {

// The formats the application reads; nothing else is tried on a user's file.
const char* const kAllowedDrivers[] = {
    "ESRI Shapefile", "GPKG", "GeoJSON", "GeoJSONSeq", "TopoJSON", "CSV", "XLSX", "ODS", "FlatGeobuf", nullptr,
};

// TopoJSON whose first key is not "type": GDAL's TopoJSON driver only recognises a file that
// says "type":"Topology" near its start. Such files (the CBS 2014/2015 sets) open a JSON object
// with "arcs", a key only TopoJSON has at the top level, and say "Topology" at the very end.
bool LooksLikeTopoJson(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::string head(256, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    const auto brace = head.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    if (brace == std::string::npos || head[brace] != '{')
        return false;
    const auto key = head.find_first_not_of(" \t\r\n", brace + 1);
    if (key != std::string::npos && head.compare(key, 6, "\"arcs\"") == 0)
        return true;
    // Otherwise "Topology" must appear somewhere in the last 4 KiB (the "type" key at the end).
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (ec)
        return false;
    std::string tail(4096, '\0');
    in.clear();
    in.seekg(static_cast<std::streamoff>(size > tail.size() ? size - tail.size() : 0));
    in.read(tail.data(), static_cast<std::streamsize>(tail.size()));
    tail.resize(static_cast<std::size_t>(in.gcount()));
    return tail.find("\"Topology\"") != std::string::npos && head.find("\"arcs\"") != std::string::npos;
}

GDALDatasetH TryOpen(const std::string& name, const char* const* open_options)
{
    CPLErrorReset();
    return GDALOpenEx(name.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, kAllowedDrivers, open_options, nullptr);
}

} // namespace

std::string LastGdalError(const char* fallback)
{
    const char* msg = CPLGetLastErrorMsg();
    return (msg && *msg) ? msg : fallback;
}

OpenedVector OpenVector(const std::string& path, const char* const* open_options)
{
    EnsureGdal();
    CheckLocalPath(path);
    std::error_code ec;
    VSIStatBufL stat;
    if (VSIStatL(path.c_str(), &stat) != 0) // also sees GDAL's in-memory /vsimem/ files
        throw core::InputError(path + ": file not found");
    if (fs::is_regular_file(path, ec)) {
        // GDAL says only that it does not recognise a file it may not read; say why.
        std::FILE* probe = std::fopen(path.c_str(), "rb");
        if (!probe)
            throw core::InputError(path + ": cannot be read (" + std::strerror(errno) + ")");
        std::fclose(probe);
    }

    OpenedVector opened;
    opened.open_name = path;
    GDALDatasetH ds = TryOpen(path, open_options);
    if (!ds && fs::is_regular_file(path, ec) && LooksLikeTopoJson(path)) {
        opened.open_name = "TopoJSON:" + path;
        ds = TryOpen(opened.open_name, open_options);
    }
    if (!ds) {
        if (fs::is_directory(path, ec))
            throw core::InputError(path + ": a folder without vector data that vakatlas reads");
        throw core::InputError(path + ": not a vector format vakatlas reads (Shapefile, GeoPackage, GeoJSON, "
                               "TopoJSON, CSV, XLSX, ODS, FlatGeobuf): " +
                               LastGdalError("GDAL does not recognise it"));
    }
    opened.dataset.reset(ds);
    opened.driver = GDALGetDriverShortName(GDALGetDatasetDriver(ds));
    return opened;
}

} // namespace vak::io
