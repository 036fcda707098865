#include "io/geotiff_export.hpp"

#include "core/errors.hpp"
#include "io/gdal_environment.hpp"
#include "io/ogr_handles.hpp"
#include "io/output_file.hpp"
#include "io/vector_source.hpp"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal.h>
#include <gdal_frmts.h>

#include <system_error>

namespace vak::io {

namespace fs = std::filesystem;

void WriteGeoTiff(const core::RgbaImage& image, const core::Box2d& world, const std::string& crs,
                  const ExportStamp& stamp, const fs::path& path)
{
    EnsureGdal();
    if (image.width <= 0 || image.height <= 0 || image.pixels.size() < image.RowBytes() * image.height)
        throw core::InputError("cannot write " + path.string() + ": the image is empty");
    if (world.Empty() || !(world.Width() > 0) || !(world.Height() > 0))
        throw core::InputError("cannot write " + path.string() + ": the map shows no area");
    CheckOutputPath(path);
    // Only the formats vakatlas reads stay registered (gdal_environment); GTiff is one it writes.
    if (!GDALGetDriverByName("GTiff"))
        GDALRegister_GTiff();
    GDALDriverH driver = GDALGetDriverByName("GTiff");
    if (!driver)
        throw core::InputError("cannot write " + path.string() + ": GDAL has no GTiff driver");
    const SrsHandle srs = MakeSrs(crs);
    char* wkt = nullptr;
    OSRExportToWkt(srs.get(), &wkt);
    const std::string srs_wkt = wkt ? wkt : "";
    CPLFree(wkt);

    const fs::path tmp = TemporarySibling(path);
    std::error_code ec;
    auto fail = [&](const std::string& reason) {
        if (fs::is_regular_file(tmp, ec))
            fs::remove(tmp, ec);
        throw core::InputError("cannot write " + path.string() + ": " + reason);
    };
    CPLErrorReset();
    // Deflate with the horizontal predictor: a map of flat colours compresses very well.
    const char* options[] = {"COMPRESS=DEFLATE", "PREDICTOR=2", "TILED=YES", "PHOTOMETRIC=RGB", nullptr};
    {
        DatasetHandle out(GDALCreate(driver, tmp.c_str(), image.width, image.height, 3, GDT_Byte,
                                     const_cast<char**>(options)));
        if (!out)
            fail(LastGdalError());
        auto* ds = static_cast<GDALDatasetH>(out.get());
        // North up, square pixels: the camera's view in world units.
        double transform[6] = {world.min_x, world.Width() / image.width, 0.0,
                               world.max_y, 0.0, -world.Height() / image.height};
        if (GDALSetGeoTransform(ds, transform) != CE_None || GDALSetProjection(ds, srs_wkt.c_str()) != CE_None)
            fail(LastGdalError());
        for (const auto& [name, value] : stamp.Items())
            if (!value.empty())
                GDALSetMetadataItem(ds, name.c_str(), value.c_str(), nullptr);
        for (int b = 0; b < 3; ++b) {
            GDALRasterBandH band = GDALGetRasterBand(ds, b + 1);
            auto* first = const_cast<std::uint8_t*>(image.pixels.data()) + b;
            if (GDALRasterIO(band, GF_Write, 0, 0, image.width, image.height, first, image.width, image.height,
                             GDT_Byte, 4, static_cast<GSpacing>(image.RowBytes())) != CE_None)
                fail(LastGdalError());
        }
    } // closed (and flushed) before the rename
    fs::remove(fs::path(tmp.string() + ".aux.xml"), ec);
    CommitTemporary(tmp, path);
}

} // namespace vak::io
