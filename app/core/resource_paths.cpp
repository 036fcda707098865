#include "core/resource_paths.hpp"

#include "core/errors.hpp"

#include <cstdlib>
#include <system_error>

namespace vak::core {

namespace fs = std::filesystem;

namespace {

bool HoldsMarker(const fs::path& dir, const std::string& marker)
{
    std::error_code ec;
    return fs::is_regular_file(dir / marker, ec);
}

fs::path RequireExplicit(const fs::path& dir, const std::string& what, const std::string& marker)
{
    if (!HoldsMarker(dir, marker))
        throw InputError(what + " '" + dir.string() + "' is not a shaders folder (no " + marker + " in it)");
    return fs::absolute(dir).lexically_normal();
}

} // namespace

fs::path FindShaderDir(const ShaderDirQuery& query)
{
    if (!query.explicit_dir.empty())
        return RequireExplicit(query.explicit_dir, "--shaders", query.marker_file);
    if (!query.env_value.empty())
        return RequireExplicit(query.env_value, "VAKATLAS_SHADERS", query.marker_file);

    std::vector<fs::path> candidates;
    if (!query.executable_dir.empty()) {
        candidates.push_back(query.executable_dir / "shaders");
        candidates.push_back(query.executable_dir / ".." / "share" / "vakatlas" / "shaders");
    }
    if (!query.source_dir.empty())
        candidates.push_back(query.source_dir / "shaders");

    std::string tried;
    for (const fs::path& dir : candidates) {
        if (HoldsMarker(dir, query.marker_file))
            return fs::absolute(dir).lexically_normal();
        tried += "\n  " + dir.lexically_normal().string();
    }
    throw InputError("shaders folder not found; tried:" + tried +
                     "\n  (pass --shaders DIR or set VAKATLAS_SHADERS)");
}

fs::path ExecutableDir()
{
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::path() : exe.parent_path();
}

ShaderDirQuery DefaultShaderDirQuery(const fs::path& explicit_dir)
{
    ShaderDirQuery query;
    query.explicit_dir = explicit_dir;
    if (const char* env = std::getenv("VAKATLAS_SHADERS"))
        query.env_value = env;
    query.executable_dir = ExecutableDir();
    query.source_dir = VAK_SOURCE_DIR;
    return query;
}

} // namespace vak::core
