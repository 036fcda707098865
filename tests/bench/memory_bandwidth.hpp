// The baseline every scan benchmark is reported against: how fast this machine reads memory
// with the threads the engine would use, measured in the same run as the scan.
#pragma once

#include <cstdint>
#include <vector>

namespace vak::bench {

// Threads a scan uses: one per CPU the process may use.
unsigned ScanThreads();

// Sums `data` with `threads` threads, each over its own slice: the fastest any scan could read.
std::uint64_t ReadArray(const std::vector<std::uint64_t>& data, unsigned threads);

// Bytes per second of ReadArray over `bytes` bytes (far beyond the caches), best of five.
double MeasureReadBandwidth(std::size_t bytes);

} // namespace vak::bench
