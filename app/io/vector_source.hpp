// Opening vector files through GDAL/OGR: region boundaries and (later) tables. Restricts GDAL
// to the drivers vakatlas needs, refuses network paths, and knows GDAL's blind spots, such as
// TopoJSON files that start with "arcs" instead of "type" (only opened as "TopoJSON:path").
#pragma once

#include <gdal.h>

#include <memory>
#include <string>

namespace vak::io {

struct DatasetCloser {
    void operator()(void* ds) const
    {
        if (ds)
            GDALClose(static_cast<GDALDatasetH>(ds));
    }
};
using DatasetHandle = std::unique_ptr<void, DatasetCloser>;

struct OpenedVector {
    DatasetHandle dataset;
    std::string open_name; // what GDAL was given ("TopoJSON:/path/x.json" for such files)
    std::string driver;    // GDAL driver short name
    GDALDatasetH Get() const { return static_cast<GDALDatasetH>(dataset.get()); }
};

// Opens `path` read-only as a vector dataset. Throws core::InputError naming the file and the
// reason: not found, a folder without vector data, a network path, or a format GDAL cannot read.
// `open_options`: GDAL open options (NAME=VALUE, null-terminated), e.g. for CSV tables.
OpenedVector OpenVector(const std::string& path, const char* const* open_options = nullptr);

// The last GDAL error message, or `fallback` when GDAL gave none.
std::string LastGdalError(const char* fallback = "unknown GDAL error");

} // namespace vak::io
