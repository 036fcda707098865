// Where run-time resources (the shaders/ folder) are found. The search order is, first hit wins:
//   1. an explicit folder (--shaders DIR), which must exist;
//   2. the environment variable VAKATLAS_SHADERS, which must exist when set;
//   3. <folder of the executable>/shaders, then <folder of the executable>/../share/vakatlas/shaders
//      (an installed copy);
//   4. the source tree the program was built from (VAK_SOURCE_DIR/shaders), so a build folder
//      runs without an install step.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace vak::core {

struct ShaderDirQuery {
    std::filesystem::path explicit_dir;   // from the command line; empty when not given
    std::string env_value;                // value of VAKATLAS_SHADERS; empty when unset
    std::filesystem::path executable_dir; // empty when unknown
    std::filesystem::path source_dir;     // the source tree's root
    std::string marker_file = "map_canvas.vert"; // a file every complete shaders/ folder holds
};

// Returns the shaders folder, or throws InputError naming every place that was tried.
std::filesystem::path FindShaderDir(const ShaderDirQuery& query);

// The query filled from this process: VAKATLAS_SHADERS, /proc/self/exe and VAK_SOURCE_DIR.
ShaderDirQuery DefaultShaderDirQuery(const std::filesystem::path& explicit_dir);

// Folder of the running executable (from /proc/self/exe); empty when it cannot be read.
std::filesystem::path ExecutableDir();

} // namespace vak::core
