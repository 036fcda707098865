#include "io/path_policy.hpp"

#include "core/errors.hpp"
#include "core/text/utf8.hpp"
#include "io/gdal_environment.hpp"

#include <atomic>

namespace vak::io {

namespace {

std::atomic<bool> g_network_allowed{false};

// GDAL's virtual file systems that reach beyond this machine's files, and stdin. /vsimem/,
// /vsizip/, /vsigzip/ and /vsitar/ stay: they read local data (and a network name inside them is
// still found, as the prefixes are searched anywhere in the name).
constexpr std::string_view kNetworkMarkers[] = {
    "/vsicurl/", "/vsicurl_streaming/", "/vsis3/", "/vsis3_streaming/", "/vsigs/", "/vsigs_streaming/",
    "/vsiaz/", "/vsiaz_streaming/", "/vsiadls/", "/vsioss/", "/vsioss_streaming/", "/vsiswift/",
    "/vsiswift_streaming/", "/vsihdfs/", "/vsiwebhdfs/", "/vsistdin/", "http://", "https://", "ftp://", "ftps://",
};

} // namespace

void SetNetworkPathsAllowed(bool allowed)
{
    g_network_allowed = allowed;
    ApplyGdalNetworkOptions(allowed);
}

bool NetworkPathsAllowed()
{
    return g_network_allowed;
}

bool IsNetworkPath(std::string_view path)
{
    // Case-insensitive: GDAL accepts "HTTP://" and a user may type "/VSICURL/" by mistake too.
    const std::string lower = core::AsciiLower(path);
    for (std::string_view marker : kNetworkMarkers)
        if (lower.find(marker) != std::string::npos)
            return true;
    return false;
}

void CheckLocalPath(const std::string& path, std::string_view found_in)
{
    if (NetworkPathsAllowed() || !IsNetworkPath(path))
        return;
    const std::string where = found_in.empty() ? path : std::string(found_in) + " '" + path + "'";
    throw core::InputError(where + ": a network or special path; vakatlas opens only local files "
                                   "(copy the file to this machine, or start vakatlas with --allow-network)");
}

} // namespace vak::io
