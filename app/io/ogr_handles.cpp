#include "io/ogr_handles.hpp"

#include "core/errors.hpp"
#include "io/vector_source.hpp"

namespace vak::io {

SrsHandle MakeSrs(const std::string& definition)
{
    SrsHandle srs(OSRNewSpatialReference(nullptr));
    if (OSRSetFromUserInput(srs.get(), definition.c_str()) != OGRERR_NONE)
        throw core::InputError("unknown CRS '" + definition + "'");
    OSRSetAxisMappingStrategy(srs.get(), OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

TransformHandle MakeTransform(const std::string& from, const std::string& to)
{
    SrsHandle a = MakeSrs(from);
    SrsHandle b = MakeSrs(to);
    TransformHandle t(OCTNewCoordinateTransformation(a.get(), b.get()));
    if (!t)
        throw core::InputError("no transformation from " + from + " to " + to + " (is PROJ's database installed?): " +
                               LastGdalError());
    return t;
}

} // namespace vak::io
