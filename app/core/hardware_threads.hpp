// How many threads the process may run at once: the CPUs of its affinity mask (taskset, a
// container's cpuset), not every CPU of the machine. std::thread::hardware_concurrency counts
// the machine's, and a pool that large on two allowed cores spends its time switching.
#pragma once

namespace vak::core {

unsigned HardwareThreads();

} // namespace vak::core
