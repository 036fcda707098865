#include "support/png_reader.hpp"

#include <gdal.h>

namespace vak::test {

core::RgbaImage ReadPng(const std::string& path)
{
    GDALAllRegister();
    GDALDatasetH ds = GDALOpen(path.c_str(), GA_ReadOnly);
    if (!ds)
        return {};
    const int bands = GDALGetRasterCount(ds);
    core::RgbaImage image(GDALGetRasterXSize(ds), GDALGetRasterYSize(ds));
    for (std::size_t i = 3; i < image.pixels.size(); i += 4)
        image.pixels[i] = 255;
    for (int b = 0; b < bands && b < 4; ++b) {
        GDALRasterBandH band = GDALGetRasterBand(ds, b + 1);
        if (GDALRasterIO(band, GF_Read, 0, 0, image.width, image.height, image.pixels.data() + b, image.width,
                         image.height, GDT_Byte, 4, static_cast<GSpacing>(image.RowBytes())) != CE_None) {
            GDALClose(ds);
            return {};
        }
    }
    GDALClose(ds);
    return image;
}

} // namespace vak::test
