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

fs::path RequireExplicit(const fs::path& dir, const std::string& what, const ResourceDirQuery& query)
{
    if (!HoldsMarker(dir, query.marker_file))
        throw InputError(what + " '" + dir.string() + "' is not a " + query.name + " folder (no " + query.marker_file +
                         " in it)");
    return fs::absolute(dir).lexically_normal();
}

} // namespace

fs::path FindResourceDir(const ResourceDirQuery& query)
{
    if (!query.explicit_dir.empty())
        return RequireExplicit(query.explicit_dir, query.option, query);
    if (!query.env_value.empty())
        return RequireExplicit(query.env_value, query.env_name, query);

    std::vector<fs::path> candidates;
    if (!query.executable_dir.empty()) {
        candidates.push_back(query.executable_dir / query.name);
        candidates.push_back(query.executable_dir / ".." / "share" / "vakatlas" / query.name);
    }
    if (!query.source_dir.empty())
        candidates.push_back(query.source_dir / query.name);

    std::string tried;
    for (const fs::path& dir : candidates) {
        if (HoldsMarker(dir, query.marker_file))
            return fs::absolute(dir).lexically_normal();
        tried += "\n  " + dir.lexically_normal().string();
    }
    throw InputError(query.name + " folder not found; tried:" + tried + "\n  (" +
                     (query.option.empty() ? "" : "pass " + query.option + " DIR or ") + "set " + query.env_name + ")");
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
    if (const char* env = std::getenv(query.env_name.c_str()))
        query.env_value = env;
    query.executable_dir = ExecutableDir();
    query.source_dir = VAK_SOURCE_DIR;
    return query;
}

ResourceDirQuery DefaultGeodataDirQuery()
{
    ResourceDirQuery query;
    query.name = "geodata";
    query.option.clear();
    query.env_name = "VAKATLAS_GEODATA";
    query.marker_file = "gemeenten_2025.csv";
    if (const char* env = std::getenv(query.env_name.c_str()))
        query.env_value = env;
    query.executable_dir = ExecutableDir();
    query.source_dir = VAK_SOURCE_DIR;
    return query;
}

} // namespace vak::core
