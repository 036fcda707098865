#include "core/data/cell_parse.hpp"

#include <gtest/gtest.h>

namespace vak::core {
namespace {

TEST(ParseCell, NumbersMarkersAndJunk)
{
    EXPECT_EQ(ParseCell("123")->value, 123.0);
    EXPECT_TRUE(ParseCell("123")->integral);
    EXPECT_EQ(ParseCell("   135.5")->value, 135.5) << "CBS pads numbers with spaces";
    EXPECT_FALSE(ParseCell("135.5")->integral);
    EXPECT_EQ(ParseCell("12,5")->value, 12.5) << "a decimal comma";
    EXPECT_EQ(ParseCell("-4")->value, -4.0);
    EXPECT_EQ(ParseCell("<5")->state, ValueState::Suppressed);
    EXPECT_EQ(ParseCell("< 10")->state, ValueState::Suppressed);
    EXPECT_EQ(ParseCell("x")->state, ValueState::Suppressed);
    EXPECT_EQ(ParseCell(".")->state, ValueState::Missing);
    EXPECT_EQ(ParseCell("")->state, ValueState::Missing);
    EXPECT_EQ(ParseCell("  ")->state, ValueState::Missing);
    EXPECT_FALSE(ParseCell("veel").has_value());
    EXPECT_FALSE(ParseCell("12a").has_value());
    EXPECT_FALSE(ParseCell("nan").has_value());
    EXPECT_FALSE(ParseCell("1e999").has_value());
}

TEST(ParsePeriod, YearsAndQuartersAsCbsAndDuoWriteThem)
{
    EXPECT_EQ(ParsePeriod("2023")->Label(), "2023");
    EXPECT_EQ(ParsePeriod("2023JJ00")->Label(), "2023");
    EXPECT_EQ(ParsePeriod("2023KW02")->Label(), "2023KW2");
    EXPECT_EQ(ParsePeriod("2023KW2")->quarter, 2);
    EXPECT_EQ(ParsePeriod("2023Q4")->quarter, 4);
    EXPECT_FALSE(ParsePeriod("2023KW5").has_value());
    EXPECT_FALSE(ParsePeriod("23").has_value());
    EXPECT_FALSE(ParsePeriod("jaar").has_value());
}

} // namespace
} // namespace vak::core
