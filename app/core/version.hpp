// The program's version, set once in the top-level CMakeLists.txt (project VERSION).
#pragma once

namespace vak::core {

inline constexpr const char* kVersion = VAK_VERSION;
inline constexpr const char* kProgramName = "vakatlas";

} // namespace vak::core
