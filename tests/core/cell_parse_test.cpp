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

TEST(ParseCell, DutchThousandsSeparatorsOnlyWhenTheColumnSaysSo)
{
    const NumberFormat dutch{true};
    EXPECT_EQ(ParseCell("12.500", dutch)->value, 12500.0);
    EXPECT_TRUE(ParseCell("12.500", dutch)->integral);
    EXPECT_EQ(ParseCell("1.234.567", dutch)->value, 1234567.0);
    EXPECT_EQ(ParseCell("-12.500", dutch)->value, -12500.0);
    EXPECT_EQ(ParseCell("12.500,5", dutch)->value, 12500.5);
    EXPECT_EQ(ParseCell("500", dutch)->value, 500.0) << "numbers under 1000 have no separator";
    EXPECT_EQ(ParseCell("12,5", dutch)->value, 12.5);
    EXPECT_EQ(ParseCell("<5", dutch)->state, ValueState::Suppressed);
    // Without the column's say-so the same texts keep their plain meaning.
    EXPECT_EQ(ParseCell("12.500")->value, 12.5);
    EXPECT_FALSE(ParseCell("1.234.567").has_value());
    EXPECT_FALSE(ParseCell("12.500,5").has_value());
}

NumberFormat FormatOf(std::initializer_list<const char*> cells)
{
    NumberFormatDetector detector;
    for (const char* cell : cells)
        detector.Add(cell);
    return detector.Result();
}

TEST(NumberFormatDetector, DecidesPerColumnNotPerCell)
{
    EXPECT_TRUE(FormatOf({"12.500", "1.250", "980", "<5", ""}).dot_groups_thousands);
    EXPECT_TRUE(FormatOf({"12.500,5", "3,25", "1.000.000"}).dot_groups_thousands) << "decimal comma with groups";
    EXPECT_TRUE(FormatOf({"n.v.t.", "12.500"}).dot_groups_thousands) << "a text with dots is no number";
    // One number whose '.' cannot group thousands makes it a decimal point for the column.
    EXPECT_FALSE(FormatOf({"12.500", "1.5"}).dot_groups_thousands);
    EXPECT_FALSE(FormatOf({"12.500", "135.50"}).dot_groups_thousands);
    EXPECT_FALSE(FormatOf({"0.125", "0.250"}).dot_groups_thousands) << "a group never starts with 0";
    EXPECT_FALSE(FormatOf({"1234.500"}).dot_groups_thousands) << "four digits before the first '.'";
    EXPECT_FALSE(FormatOf({"500", "12", "."}).dot_groups_thousands) << "no '.' in a number: nothing to decide";
    EXPECT_FALSE(FormatOf({"   135.5", "     0.1"}).dot_groups_thousands) << "CBS thousands with one decimal";
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
