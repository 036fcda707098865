// Which file names vakatlas opens. A data or region file name (given on the command line or
// found inside another file, such as a sidecar's "recode_file") may only name a local file:
// GDAL would otherwise fetch URLs (/vsicurl/, http://), cloud buckets (/vsis3/, ...) or read
// standard input (/vsistdin/) when handed such a name. The user can allow them for a session
// with --allow-network. Nothing named in a file is ever executed.
#pragma once

#include <string>
#include <string_view>

namespace vak::io {

// The process-wide choice (--allow-network); off by default. Also switches GDAL's own network
// use (PROJ grids, /vsicurl/ at the VSI level) on or off.
void SetNetworkPathsAllowed(bool allowed);
bool NetworkPathsAllowed();

// True for names GDAL would read from the network or a special stream: its network and
// streaming file systems anywhere in the name ("/vsizip//vsicurl/..."), /vsistdin/, and URLs.
bool IsNetworkPath(std::string_view path);

// Throws core::InputError when `path` is a network path and they are not allowed. `found_in`
// names where the name came from when it was read from a file ("x.mapping.json: recode_file").
void CheckLocalPath(const std::string& path, std::string_view found_in = {});

} // namespace vak::io
