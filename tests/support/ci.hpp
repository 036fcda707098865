// Test helper: whether the tests run in CI, where GL, Xvfb and every tool must be there and a
// skip would hide a failure (style.md: GPU suites must run in CI).
#pragma once

#include <cstdlib>
#include <cstring>

namespace vak::test {

inline bool InCi()
{
    const char* ci = std::getenv("CI");
    return ci && *ci && std::strcmp(ci, "false") != 0 && std::strcmp(ci, "0") != 0;
}

} // namespace vak::test
