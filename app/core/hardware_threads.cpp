#include "core/hardware_threads.hpp"

#include <algorithm>
#include <thread>

#if defined(__linux__)
#include <sched.h>
#endif

namespace vak::core {

unsigned HardwareThreads()
{
#if defined(__linux__)
    cpu_set_t allowed;
    CPU_ZERO(&allowed);
    if (sched_getaffinity(0, sizeof(allowed), &allowed) == 0)
        if (const int count = CPU_COUNT(&allowed); count > 0)
            return unsigned(count);
#endif
    return std::max(1u, std::thread::hardware_concurrency());
}

} // namespace vak::core
