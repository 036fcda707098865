// Where run-time resources (the shaders/ and geodata/ folders) are found. The search order is,
// first hit wins:
//   1. an explicit folder (--shaders DIR), which must exist;
//   2. an environment variable (VAKATLAS_SHADERS, VAKATLAS_GEODATA), which must exist when set;
//   3. <folder of the executable>/<name>, then <folder of the executable>/../share/vakatlas/<name>
//      (an installed copy);
//   4. the source tree the program was built from (VAK_SOURCE_DIR/<name>), so a build folder
//      runs without an install step.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace vak::core {

struct ResourceDirQuery {
    std::string name = "shaders";           // folder name: "shaders" or "geodata"
    std::string option = "--shaders";       // how the user names it explicitly (for messages)
    std::string env_name = "VAKATLAS_SHADERS";
    std::filesystem::path explicit_dir;     // from the command line; empty when not given
    std::string env_value;                  // value of the environment variable; empty when unset
    std::filesystem::path executable_dir;   // empty when unknown
    std::filesystem::path source_dir;       // the source tree's root
    std::string marker_file = "map_canvas.vert"; // a file every complete folder holds
};
using ShaderDirQuery = ResourceDirQuery;

// Returns the folder, or throws InputError naming every place that was tried.
std::filesystem::path FindResourceDir(const ResourceDirQuery& query);
inline std::filesystem::path FindShaderDir(const ShaderDirQuery& query) { return FindResourceDir(query); }

// The queries filled from this process: the environment, /proc/self/exe and VAK_SOURCE_DIR.
ShaderDirQuery DefaultShaderDirQuery(const std::filesystem::path& explicit_dir);
ResourceDirQuery DefaultGeodataDirQuery();

// Folder of the running executable (from /proc/self/exe); empty when it cannot be read.
std::filesystem::path ExecutableDir();

} // namespace vak::core
