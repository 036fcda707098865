// Replays the fuzz targets' seeds (tests/fuzz/corpus/<target>/) and every input a fuzzer once
// crashed on (tests/fuzz/regressions/<target>/) in the normal and the sanitizer test runs, so a
// fixed crash stays fixed without a fuzzer. A replay that crashes, trips a sanitizer or throws
// anything other than the input errors the targets catch fails here.
#include "fuzz/fuzz_targets.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace vak::fuzz {
namespace {

namespace fs = std::filesystem;

const fs::path kFuzzDir = fs::path(VAK_TEST_SOURCE_DIR) / "tests" / "fuzz";

std::vector<fs::path> InputsOf(const fs::path& folder)
{
    std::vector<fs::path> files;
    std::error_code ec;
    if (fs::is_directory(folder, ec))
        for (const auto& entry : fs::directory_iterator(folder))
            if (entry.is_regular_file())
                files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

std::string Bytes(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class FuzzReplay : public testing::TestWithParam<FuzzTarget> {};

TEST_P(FuzzReplay, SeedsAndKeptCrashInputsRunCleanly)
{
    const FuzzTarget target = GetParam();
    const std::vector<fs::path> seeds = InputsOf(kFuzzDir / "corpus" / std::string(target.name));
    const std::vector<fs::path> regressions = InputsOf(kFuzzDir / "regressions" / std::string(target.name));
    // Every target has seeds: without them the CI's short fuzz run starts from nothing.
    ASSERT_FALSE(seeds.empty()) << "no seeds in tests/fuzz/corpus/" << target.name;
    auto run = [&](const fs::path& file) {
        const std::string bytes = Bytes(file);
        return target.run(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
    };
    // Seeds are good inputs: a seed that is refused would fuzz only the first check.
    for (const fs::path& file : seeds)
        EXPECT_TRUE(run(file)) << file << " is refused";
    for (const fs::path& file : regressions) {
        SCOPED_TRACE(file.string());
        EXPECT_NO_THROW(run(file));
    }
}

INSTANTIATE_TEST_SUITE_P(Targets, FuzzReplay, testing::ValuesIn(FuzzTargets()),
                         [](const testing::TestParamInfo<FuzzTarget>& info) { return std::string(info.param.name); });

TEST(FuzzTargets, EachNameFindsItsFunction)
{
    for (const FuzzTarget& target : FuzzTargets())
        EXPECT_EQ(FindFuzzTarget(target.name), target.run) << target.name;
    EXPECT_EQ(FindFuzzTarget("no_such_target"), nullptr);
}

} // namespace
} // namespace vak::fuzz
