// One-time GDAL set-up for the whole process. Call EnsureGdal() before any GDAL use; it is
// cheap after the first call and safe from several threads.
//
// Untrusted files: only the drivers vakatlas reads or writes stay registered (a file that
// looks like any other format is refused, not parsed by code we never meant to run), GDAL
// writes no sidecar (.aux.xml) next to a user's file, and GDAL itself reaches no network
// (PROJ grid downloads, /vsicurl/) unless the user started vakatlas with --allow-network
// (see path_policy.hpp).
#pragma once

#include <string>
#include <vector>

namespace vak::io {

void EnsureGdal();

// The GDAL drivers that stay registered (short names).
const std::vector<std::string>& GdalDriversKept();

// GDAL's and PROJ's own network use on or off; called by SetNetworkPathsAllowed.
void ApplyGdalNetworkOptions(bool allowed);

} // namespace vak::io
