// The map as a georeferenced GeoTIFF (RGB, through GDAL's GTiff driver): an image rendered
// offscreen, with the geotransform of the camera that drew it and the layer's CRS, so analysts
// can lay it under or over their own layers in QGIS. Written atomically.
#pragma once

#include "core/geo/geo_types.hpp"
#include "core/rgba_image.hpp"
#include "io/export_stamp.hpp"

#include <filesystem>
#include <string>

namespace vak::io {

// `world` is the area the image covers (display CRS); pixels are square when its aspect equals
// the image's. `crs`: "EPSG:28992" and the like.
void WriteGeoTiff(const core::RgbaImage& image, const core::Box2d& world, const std::string& crs,
                  const ExportStamp& stamp, const std::filesystem::path& path);

} // namespace vak::io
