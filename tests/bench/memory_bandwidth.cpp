#include "memory_bandwidth.hpp"

#include "core/hardware_threads.hpp"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <numeric>
#include <thread>

namespace vak::bench {

unsigned ScanThreads() { return core::HardwareThreads(); }

std::uint64_t ReadArray(const std::vector<std::uint64_t>& data, unsigned threads)
{
    std::vector<std::uint64_t> sums(threads * 8); // a cache line apart: no false sharing
    std::vector<std::jthread> pool;
    const std::size_t words = data.size();
    for (unsigned t = 0; t < threads; ++t)
        pool.emplace_back([&, t] {
            const std::size_t begin = words * t / threads, end = words * (t + 1) / threads;
            // Four independent sums, so the adds do not wait on each other.
            std::uint64_t s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            std::size_t i = begin;
            for (; i + 4 <= end; i += 4) {
                s0 += data[i];
                s1 += data[i + 1];
                s2 += data[i + 2];
                s3 += data[i + 3];
            }
            for (; i < end; ++i)
                s0 += data[i];
            sums[t * 8] = s0 + s1 + s2 + s3;
        });
    pool.clear();
    return std::accumulate(sums.begin(), sums.end(), std::uint64_t(0));
}

double MeasureReadBandwidth(std::size_t bytes)
{
    const std::vector<std::uint64_t> data(bytes / 8, 1);
    double best = 1e30;
    for (int i = 0; i < 5; ++i) {
        const auto start = std::chrono::steady_clock::now();
        benchmark::DoNotOptimize(ReadArray(data, ScanThreads()));
        best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    return double(data.size() * 8) / best;
}

} // namespace vak::bench
