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

TEST(RegionCodeMatcher, InLayerStyleWhetherOrNotTheLayerHasIt)
{
    const RegionCodeMatcher m({"GM0014", "GM0285"});
    EXPECT_EQ(m.InLayerStyle("3"), "GM0003") << "a code the layer lacks, in its form";
    EXPECT_EQ(m.InLayerStyle(" gm285 "), "GM0285");
    EXPECT_EQ(m.InLayerStyle("PV20"), "");
    EXPECT_EQ(m.InLayerStyle("12345"), "");
    EXPECT_EQ(RegionCodeMatcher({"GM0014", "PV20"}).InLayerStyle("14"), "") << "no common form";
}

TEST(RegionNameMatcher, NormalisedNamesMatchExactly)
{
    const RegionNameMatcher m({"Groningen", "Súdwest-Fryslân", "Bergen (NH.)", "Bergen (L.)", "'s-Gravenhage", "Fryslân"});
    EXPECT_EQ(m.Find("GRONINGEN"), 0);
    EXPECT_EQ(m.Find("  groningen "), 0);
    EXPECT_EQ(m.Find("SÚDWEST-FRYSLÂN"), 1) << "DUO writes names in capitals";
    EXPECT_EQ(m.Find("Sudwest Fryslan"), 1);
    EXPECT_EQ(m.Find("BERGEN NH"), 2);
    EXPECT_EQ(m.Find("Bergen (L)"), 3);
    EXPECT_EQ(m.Find("Bergen"), -1) << "no prefix guessing: which Bergen?";
    EXPECT_EQ(m.Find("Friesland"), 5) << "the official Dutch and Frisian names";
    EXPECT_EQ(m.Find("Den Haag"), 4) << "official short name, the layer has the long one";
    EXPECT_EQ(m.Find("Groning"), -1);
    EXPECT_EQ(m.Find(""), -1);
}

TEST(RegionNameMatcher, AliasesOnlyWhereTheLayerLacksTheName)
{
    // A layer that has both: each name finds its own feature, never the alias.
    const RegionNameMatcher both({"Den Haag", "'s-Gravenhage"});
    EXPECT_EQ(both.Find("den haag"), 0);
    EXPECT_EQ(both.Find("'s-Gravenhage"), 1);
    const RegionNameMatcher short_name({"Den Bosch"});
    EXPECT_EQ(short_name.Find("'s-Hertogenbosch"), 0) << "the alias works both ways";
}

TEST(RegionNameMatcher, NamesSharedByTwoFeaturesAreNeverMatched)
{
    const RegionNameMatcher m({"Hengelo", "HENGELO", "Laren"});
    EXPECT_EQ(m.Find("Hengelo"), RegionNameMatcher::kAmbiguous);
    EXPECT_EQ(m.Find("Laren"), 2);
}

} // namespace
} // namespace vak::core
