#include "io/png_export.hpp"

#include "core/errors.hpp"
#include "io/gdal_environment.hpp"
#include "io/output_file.hpp"
#include "io/vector_source.hpp"

#include <cpl_error.h>
#include <gdal.h>

#include <memory>
#include <string>
#include <system_error>

namespace vak::io {

namespace fs = std::filesystem;

namespace {

using DatasetPtr = DatasetHandle;

} // namespace

void WritePng(const core::RgbaImage& image, const fs::path& path, const PngOptions& options)
{
    EnsureGdal();
    if (image.width <= 0 || image.height <= 0 || image.pixels.size() < image.RowBytes() * image.height)
        throw core::InputError("cannot write " + path.string() + ": the image is empty");

    CheckOutputPath(path);

    GDALDriverH mem_driver = GDALGetDriverByName("MEM");
    GDALDriverH png_driver = GDALGetDriverByName("PNG");
    if (!mem_driver || !png_driver)
        throw core::InputError("cannot write " + path.string() + ": GDAL has no PNG driver");

    const int bands = options.keep_alpha ? 4 : 3;
    DatasetPtr mem(GDALCreate(mem_driver, "", image.width, image.height, bands, GDT_Byte, nullptr));
    if (!mem)
        throw core::InputError("cannot write " + path.string() + ": " + LastGdalError());

    // The image is pixel-interleaved RGBA; hand GDAL each band with a 4-byte pixel stride.
    for (int b = 0; b < bands; ++b) {
        GDALRasterBandH band = GDALGetRasterBand(static_cast<GDALDatasetH>(mem.get()), b + 1);
        auto* first = const_cast<std::uint8_t*>(image.pixels.data()) + b;
        if (GDALRasterIO(band, GF_Write, 0, 0, image.width, image.height, first, image.width, image.height,
                         GDT_Byte, 4, static_cast<GSpacing>(image.RowBytes())) != CE_None)
            throw core::InputError("cannot write " + path.string() + ": " + LastGdalError());
        static const GDALColorInterp kInterp[] = {GCI_RedBand, GCI_GreenBand, GCI_BlueBand, GCI_AlphaBand};
        GDALSetRasterColorInterpretation(band, kInterp[b]);
    }

    // Temporary name in the same folder, so the rename below is atomic on one file system.
    // GDAL's PNG driver writes no sidecar for a plain RGB(A) image without georeferencing.
    const fs::path tmp = TemporarySibling(path);
    CPLErrorReset();
    const char* png_options[] = {"WORLDFILE=NO", nullptr};
    DatasetPtr out(GDALCreateCopy(png_driver, tmp.c_str(), static_cast<GDALDatasetH>(mem.get()), FALSE,
                                  const_cast<char**>(png_options), nullptr, nullptr));
    std::error_code ec;
    if (!out) {
        std::string reason = LastGdalError();
        fs::remove(tmp, ec);
        throw core::InputError("cannot write " + path.string() + ": " + reason);
    }
    out.reset(); // flush and close before the rename
    fs::remove(fs::path(tmp.string() + ".aux.xml"), ec);
    CommitTemporary(tmp, path);
}

} // namespace vak::io
