// Reads a polygon layer that GDAL can open (Shapefile with or without .prj, GeoPackage,
// GeoJSON, TopoJSON, CSV with WKT) into a core::RegionLayer in the display CRS: geometry made
// valid with GEOS, label points, areas, and the triangle mesh for the GPU.
#pragma once

#include "core/geo/region_layer.hpp"

#include <functional>
#include <string>
#include <vector>

namespace vak::io {

struct RegionReadOptions {
    std::string layer;       // layer inside the file; empty: the first polygon layer
    std::string code_field;  // empty: detect (statcode, GM_CODE, code, ...)
    std::string name_field;  // empty: detect (statnaam, GM_NAAM, naam, name, ...)
    std::string target_crs;  // empty: EPSG:28992 for data in the Netherlands, else EPSG:3857
    bool build_mesh = true;
    // Called now and then with the work done so far of the total, for a progress bar: one unit
    // per feature read and as many again for the triangle mesh, when the driver knows the count
    // cheaply (total -1 otherwise). It may throw to stop the reading (core::LoadCancelled).
    std::function<void(long long done, long long total)> on_features;
};

struct FieldInfo {
    std::string name;
    std::string type; // OGR field type name ("String", "Integer", ...)
};

struct VectorLayerInfo {
    std::string name;
    std::string geometry_type;
    long long feature_count = -1;
    std::vector<FieldInfo> fields;
    std::string crs;  // "EPSG:4326", a short WKT name, or empty when the layer has none
    core::Box2d extent; // in the layer's own CRS
};

struct VectorFileInfo {
    std::string path;
    std::string driver;
    std::string open_name;
    std::vector<VectorLayerInfo> layers;
};

// Layers, fields, CRS and extent, without reading geometry. Throws core::InputError.
VectorFileInfo DescribeVectorFile(const std::string& path);

// Throws core::InputError naming the file (and layer/field) when it cannot be used at all;
// problems with single features are recorded in RegionLayer::problems instead.
core::RegionLayer ReadRegionLayer(const std::string& path, const RegionReadOptions& options = {});

// The field a reader would pick for codes / names among `fields` (empty when none fits).
std::string DetectCodeField(const std::vector<FieldInfo>& fields);
std::string DetectNameField(const std::vector<FieldInfo>& fields);

} // namespace vak::io
