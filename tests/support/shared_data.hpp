// Test helper: paths into ../shared (real CBS/DUO files, never copied into the project).
// Tests that need them skip with a clear message when ../shared is absent.
#pragma once

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

// Skips the current test when the shared file is missing.
#define VAK_REQUIRE_SHARED(relative)                                                                              \
    do {                                                                                                           \
        if (!::vak::test::HaveShared(relative))                                                                    \
            GTEST_SKIP() << "../shared is absent (" << ::vak::test::SharedFile(relative)                          \
                         << " not found): real-data test skipped";                                               \
    } while (0)
