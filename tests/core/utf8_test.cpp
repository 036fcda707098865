#include "core/text/utf8.hpp"

#include <gtest/gtest.h>

namespace vak::core {
namespace {

TEST(Utf8, ValidAndInvalidSequences)
{
    EXPECT_TRUE(IsValidUtf8("Amsterdam"));
    EXPECT_TRUE(IsValidUtf8("S\xC3\xBA" "dwest-Frysl\xC3\xA2n"));
    EXPECT_TRUE(IsValidUtf8("\xE2\x82\xAC 12"));
    EXPECT_FALSE(IsValidUtf8("S\xFA" "dwest"));          // CP1252 byte
    EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));               // overlong '/'
    EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));           // surrogate
    EXPECT_FALSE(IsValidUtf8("\xE2\x82"));               // truncated
}

TEST(RegionNameKey, SpellingsOfOneNameMeet)
{
    EXPECT_EQ(RegionNameKey("Fryslân"), RegionNameKey("Friesland"));
    EXPECT_EQ(RegionNameKey("SÚDWEST-FRYSLÂN"), RegionNameKey("Súdwest-Fryslân"));
    EXPECT_EQ(RegionNameKey("Noord-Holland"), RegionNameKey("noord holland"));
    EXPECT_EQ(RegionNameKey("'s-Hertogenbosch"), RegionNameKey("s Hertogenbosch"));
    EXPECT_NE(RegionNameKey("Groningen"), RegionNameKey("Drenthe"));
}

TEST(Trim, RemovesPadding)
{
    EXPECT_EQ(Trim("PV20  "), "PV20");
    EXPECT_EQ(Trim("\t x \r\n"), "x");
    EXPECT_EQ(Trim("   "), "");
}

} // namespace
} // namespace vak::core
