// Owning handles for the OGR/OSR C API objects vakatlas uses, so that no early return or
// exception leaks a feature, a spatial reference or a coordinate transformation.
#pragma once

#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <memory>
#include <string>
#include <type_traits>

namespace vak::io {

struct FeatureDeleter {
    void operator()(OGRFeatureH f) const { OGR_F_Destroy(f); }
};
using FeaturePtr = std::unique_ptr<std::remove_pointer_t<OGRFeatureH>, FeatureDeleter>;

struct SrsDeleter {
    void operator()(OGRSpatialReferenceH s) const { OSRDestroySpatialReference(s); }
};
using SrsHandle = std::unique_ptr<std::remove_pointer_t<OGRSpatialReferenceH>, SrsDeleter>;

struct TransformDeleter {
    void operator()(OGRCoordinateTransformationH t) const { OCTDestroyCoordinateTransformation(t); }
};
using TransformHandle = std::unique_ptr<std::remove_pointer_t<OGRCoordinateTransformationH>, TransformDeleter>;

// A spatial reference from "EPSG:n" (or other input OSR understands), x = easting/longitude
// whatever the authority's axis order. Throws core::InputError for an unknown definition.
SrsHandle MakeSrs(const std::string& definition);

// The transformation between two EPSG codes. Throws core::InputError when PROJ has none (its
// database missing, say).
TransformHandle MakeTransform(const std::string& from, const std::string& to);

} // namespace vak::io
