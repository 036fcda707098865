// One-time GDAL set-up for the whole process. Call EnsureGdal() before any GDAL use; it is
// cheap after the first call and safe from several threads.
#pragma once

namespace vak::io {

void EnsureGdal();

} // namespace vak::io
