// Test helper: paths into ../shared (real CBS/DUO files, never copied into the project).
// Tests that need them skip with a clear message when ../shared is absent (and fail in CI).
#pragma once

#include "support/ci.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

namespace vak::test {

inline std::string SharedFile(const std::string& relative)
{
    return (std::filesystem::path(VAK_TEST_SHARED_DIR) / relative).lexically_normal().string();
}

inline bool HaveShared(const std::string& relative)
{
    return std::filesystem::exists(SharedFile(relative));
}

} // namespace vak::test

// Skips the current test when the shared file is missing; in CI, where ../shared is always beside
// the clone, fails it instead, so a moved or renamed file cannot hide behind a skip.
#define VAK_REQUIRE_SHARED(relative)                                                                              \
    do {                                                                                                           \
        if (!::vak::test::HaveShared(relative)) {                                                                  \
            if (::vak::test::InCi())                                                                               \
                GTEST_FAIL() << "../shared lacks " << ::vak::test::SharedFile(relative) << " (CI needs it)";     \
            GTEST_SKIP() << "../shared is absent (" << ::vak::test::SharedFile(relative)                          \
                         << " not found): real-data test skipped";                                               \
        }                                                                                                          \
    } while (0)
