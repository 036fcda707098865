// The libFuzzer entry point of one target, chosen at build time (VAK_FUZZ_TARGET, see
// tests/fuzz/CMakeLists.txt).
#include "fuzz/fuzz_targets.hpp"

#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const vak::fuzz::FuzzFunction run = [] {
        const vak::fuzz::FuzzFunction found = vak::fuzz::FindFuzzTarget(VAK_FUZZ_TARGET);
        if (!found) {
            std::fprintf(stderr, "no fuzz target called %s\n", VAK_FUZZ_TARGET);
            std::abort();
        }
        return found;
    }();
    (void)run(data, size);
    return 0;
}
