#include "io/gdal_environment.hpp"

#include <cpl_error.h>
#include <gdal.h>

#include <mutex>

namespace vak::io {

void EnsureGdal()
{
    static std::once_flag once;
    std::call_once(once, [] {
        GDALAllRegister();
        // GDAL prints its errors to stderr by default. vakatlas reports every problem itself,
        // with the file and feature named, from CPLGetLastErrorMsg(); keep stderr for those.
        CPLSetErrorHandler(CPLQuietErrorHandler);
    });
}

} // namespace vak::io
