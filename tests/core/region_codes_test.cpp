#include "core/text/region_codes.hpp"

#include <gtest/gtest.h>

namespace vak::core {
namespace {

TEST(RegionCodeMatcher, MunicipalityCodesInEverySpelling)
{
    const RegionCodeMatcher m({"GM0014", "GM0285", "GM1680"});
    EXPECT_EQ(m.Prefix(), "GM");
    EXPECT_EQ(m.Digits(), 4);
    EXPECT_EQ(m.Find("GM0285"), 1);
    EXPECT_EQ(m.Find("285"), 1);
    EXPECT_EQ(m.Find("0285"), 1);
    EXPECT_EQ(m.Find("gm0285"), 1);
    EXPECT_EQ(m.Find("GM285"), 1);
    EXPECT_EQ(m.Find(" 14 "), 0);
    EXPECT_EQ(m.Find("1680"), 2);
    EXPECT_EQ(m.Find("9999"), -1);
    EXPECT_EQ(m.Find("12345"), -1);
    EXPECT_EQ(m.Find(""), -1);
    EXPECT_EQ(m.Find("GMabcd"), -1);
}

TEST(RegionCodeMatcher, PaddedProvinceCodes)
{
    const RegionCodeMatcher m({"PV20", "PV21", "PV22"});
    EXPECT_EQ(m.Find("PV20  "), 0);
    EXPECT_EQ(m.Find("  PV22"), 2);
    EXPECT_EQ(m.Find("21"), 1);
}

TEST(RegionCodeMatcher, MixedCodesOnlyMatchExactly)
{
    const RegionCodeMatcher m({"GM0014", "PV20"});
    EXPECT_EQ(m.Digits(), 0);
    EXPECT_EQ(m.Find("PV20"), 1);
    EXPECT_EQ(m.Find("14"), -1);
}

} // namespace
} // namespace vak::core
