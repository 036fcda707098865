// The engine's thread pool follows the CPUs the process may use (taskset, a container's cpuset).
#include "core/aggregate/cpu_engine.hpp"
#include "core/hardware_threads.hpp"

#include <gtest/gtest.h>

#include <sched.h>

namespace vak::core {
namespace {

TEST(HardwareThreads, FollowsTheAffinityMask)
{
    cpu_set_t before;
    CPU_ZERO(&before);
    ASSERT_EQ(sched_getaffinity(0, sizeof(before), &before), 0);
    EXPECT_EQ(HardwareThreads(), unsigned(CPU_COUNT(&before)));
    int first = 0;
    while (!CPU_ISSET(first, &before))
        ++first;
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(first, &one);
    ASSERT_EQ(sched_setaffinity(0, sizeof(one), &one), 0);
    const unsigned pinned = HardwareThreads();
    agg::CpuEngine engine;
    ASSERT_EQ(sched_setaffinity(0, sizeof(before), &before), 0);
    EXPECT_EQ(pinned, 1u);
    EXPECT_EQ(engine.Threads(), 1u) << "an engine made on one allowed CPU runs one thread";
}

} // namespace
} // namespace vak::core
