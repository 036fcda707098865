// Test fixture with a headless OpenGL context. Skips when no 4.3 context can be made on a
// developer machine, but fails under CI (CI=true), where Mesa's llvmpipe always provides one.
#pragma once

#include "core/errors.hpp"
#include "gpu/egl_headless_context.hpp"
#include "support/ci.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>
#include <memory>

namespace vak::test {

class GlTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        try {
            m_context = gpu::CreateHeadlessContext();
        } catch (const core::InputError& e) {
            if (InCi())
                FAIL() << "CI must have a headless GL context: " << e.what();
            GTEST_SKIP() << "no headless OpenGL 4.3 context: " << e.what();
        }
    }
    void TearDown() override { m_context.reset(); }

    std::unique_ptr<gpu::GlContext> m_context;
};

} // namespace vak::test
