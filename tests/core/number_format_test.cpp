// Numbers in Dutch and English, and round axis ticks; every expectation worked out by hand.
#include "core/text/number_format.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>

namespace vak::core {
namespace {

constexpr NumberLocale nl = NumberLocale::Dutch;
constexpr NumberLocale en = NumberLocale::English;
const double kNaN = std::numeric_limits<double>::quiet_NaN();
const std::string kDash = "\xE2\x80\x93";

TEST(FormatNumber, ThousandsSeparatorsAndDecimalMarkFollowTheLanguage)
{
    EXPECT_EQ(FormatNumber(12500, 0, nl), "12.500");
    EXPECT_EQ(FormatNumber(12500, 0, en), "12,500");
    EXPECT_EQ(FormatNumber(1.5, 1, nl), "1,5");
    EXPECT_EQ(FormatNumber(1.5, 1, en), "1.5");
    EXPECT_EQ(FormatNumber(1234567.891, 2, nl), "1.234.567,89");
    EXPECT_EQ(FormatNumber(1234567.891, 2, en), "1,234,567.89");
    EXPECT_EQ(FormatNumber(-1234, 0, nl), "-1.234");
    EXPECT_EQ(FormatNumber(0, 0, nl), "0");
    EXPECT_EQ(FormatNumber(999, 0, nl), "999");
    EXPECT_EQ(FormatNumber(1000, 0, nl), "1.000");
    EXPECT_EQ(FormatNumber(100000, 0, nl), "100.000");
    EXPECT_EQ(FormatNumber(999999, 0, nl), "999.999");
    EXPECT_EQ(FormatNumber(0.5, 2, nl), "0,50");
}

TEST(FormatNumber, RoundsHalfAwayFromZeroAndNeverWritesMinusZero)
{
    EXPECT_EQ(FormatNumber(2.5, 0, nl), "3");
    EXPECT_EQ(FormatNumber(-2.5, 0, nl), "-3");
    EXPECT_EQ(FormatNumber(0.125, 2, nl), "0,13"); // 0.125 is exact in binary
    EXPECT_EQ(FormatNumber(12499.5, 0, nl), "12.500");
    EXPECT_EQ(FormatNumber(-0.04, 1, nl), "0,0");
    EXPECT_EQ(FormatNumber(-0.0, 0, nl), "0");
}

TEST(FormatNumber, UnknownValuesAreADashNotAZero)
{
    EXPECT_EQ(FormatNumber(kNaN, 0, nl), kDash);
    EXPECT_EQ(FormatNumber(std::numeric_limits<double>::infinity(), 0, nl), kDash);
    EXPECT_EQ(FormatPercent(kNaN, 1, nl), kDash);
    EXPECT_EQ(FormatSignedPercent(kNaN, 1, en), kDash);
    EXPECT_EQ(FormatCompact(kNaN, nl), kDash);
}

TEST(FormatNumber, HugeValuesKeepAllDigits)
{
    EXPECT_EQ(FormatNumber(1e15, 0, nl), "1.000.000.000.000.000");
    EXPECT_EQ(FormatNumber(-9.87654321e11, 0, en), "-987,654,321,000");
}

TEST(FormatPercent, DutchHasASpaceBeforeThePercentSign)
{
    EXPECT_EQ(FormatPercent(-12.34, 1, nl), "-12,3 %");
    EXPECT_EQ(FormatPercent(-12.34, 1, en), "-12.3%");
    EXPECT_EQ(FormatPercent(50, 0, nl), "50 %");
}

TEST(FormatPercent, SignedChangesShowThePlus)
{
    EXPECT_EQ(FormatSignedPercent(3.2, 1, nl), "+3,2 %");
    EXPECT_EQ(FormatSignedPercent(3.2, 1, en), "+3.2%");
    EXPECT_EQ(FormatSignedPercent(-0.8, 1, nl), "-0,8 %");
    EXPECT_EQ(FormatSignedPercent(0.0, 1, nl), "0,0 %");
    EXPECT_EQ(FormatSignedPercent(0.04, 1, nl), "0,0 %") << "rounds to zero: no sign";
    EXPECT_EQ(FormatSignedNumber(1200, 0, nl), "+1.200");
    EXPECT_EQ(FormatSignedNumber(-35, 0, nl), "-35");
}

TEST(FormatCompact, MillionsAndBillionsAfterNineHundredThousand)
{
    EXPECT_EQ(FormatCompact(999999, nl), "999.999");
    EXPECT_EQ(FormatCompact(1200000, nl), "1,2 mln");
    EXPECT_EQ(FormatCompact(1200000, en), "1.2M");
    EXPECT_EQ(FormatCompact(1000000, nl), "1 mln");
    EXPECT_EQ(FormatCompact(12500000, nl), "12,5 mln");
    EXPECT_EQ(FormatCompact(125000000, nl), "125 mln");
    EXPECT_EQ(FormatCompact(99960000, nl), "100 mln"); // 99,96 rounds to 100,0: no decimal
    EXPECT_EQ(FormatCompact(-2500000, en), "-2.5M");
    EXPECT_EQ(FormatCompact(3e9, nl), "3 mld");
    EXPECT_EQ(FormatCompact(3e9, en), "3B");
    EXPECT_EQ(FormatCompact(999999.6, nl), "1 mln"); // would round to "1.000.000"
    EXPECT_EQ(FormatCompact(999960000, nl), "1 mld"); // would be "1.000 mln"
    EXPECT_EQ(FormatCompact(1.25, nl, 2), "1,25");
}

TEST(FormatValue, DispatchesOnTheStyle)
{
    EXPECT_EQ(FormatValue(12500, {NumberStyle::Plain, 0}, nl), "12.500");
    EXPECT_EQ(FormatValue(12500, {NumberStyle::Signed, 0}, nl), "+12.500");
    EXPECT_EQ(FormatValue(12.5, {NumberStyle::Percent, 1}, nl), "12,5 %");
    EXPECT_EQ(FormatValue(-1.25, {NumberStyle::SignedPercent, 2}, en), "-1.25%");
    EXPECT_EQ(FormatValue(2.5e6, {NumberStyle::Compact, 0}, nl), "2,5 mln");
}

TEST(NiceTicks, RoundStepsCoveringTheRange)
{
    EXPECT_EQ(NiceTicks(0, 100, 5), (std::vector<double>{0, 25, 50, 75, 100}));
    // 12 500 / 4 = 3 125 -> step 5 000; the last tick reaches past the maximum.
    EXPECT_EQ(NiceTicks(0, 12500, 5), (std::vector<double>{0, 5000, 10000, 15000}));
    EXPECT_EQ(NiceTicks(3, 97, 5), (std::vector<double>{0, 25, 50, 75, 100}));
    EXPECT_EQ(NiceTicks(0, 7, 1), (std::vector<double>{0, 10}));
}

TEST(NiceTicks, DecimalTicksAreTheNearestDoubles)
{
    EXPECT_EQ(NiceTicks(0, 1, 6), (std::vector<double>{0, 0.2, 0.4, 0.6, 0.8, 1.0}));
    // 0.3 / 0.1 is 2.9999999999999996 in doubles: still exactly four ticks.
    EXPECT_EQ(NiceTicks(0, 0.3, 4), (std::vector<double>{0, 0.1, 0.2, 0.3}));
    EXPECT_EQ(NiceTicks(0.001, 0.0042, 5), (std::vector<double>{0.001, 0.002, 0.003, 0.004, 0.005}));
}

TEST(NiceTicks, NegativeAndMixedRanges)
{
    // span 16.4 / 4 = 4.1 -> step 5
    EXPECT_EQ(NiceTicks(-12.3, 4.1, 5), (std::vector<double>{-15, -10, -5, 0, 5}));
    // span 230 / 4 = 57.5 -> step 100
    const std::vector<double> ticks = NiceTicks(-250, -20, 5);
    EXPECT_EQ(ticks, (std::vector<double>{-300, -200, -100, 0}));
    EXPECT_FALSE(std::signbit(ticks.back())) << "zero is +0, so it is never written as -0";
}

TEST(NiceTicks, SwappedEqualAndNonFiniteInput)
{
    EXPECT_EQ(NiceTicks(100, 0, 5), NiceTicks(0, 100, 5));
    // One value 100: 95..105, span 10 / 4 = 2.5.
    EXPECT_EQ(NiceTicks(100, 100, 5), (std::vector<double>{95, 97.5, 100, 102.5, 105}));
    EXPECT_EQ(NiceTicks(0, 0, 5), (std::vector<double>{0, 0.25, 0.5, 0.75, 1}));
    EXPECT_EQ(NiceTicks(-40, -40, 3), (std::vector<double>{-42, -40, -38})); // -42..-38, step 2
    EXPECT_TRUE(NiceTicks(kNaN, 1, 5).empty());
    EXPECT_TRUE(NiceTicks(0, std::numeric_limits<double>::infinity(), 5).empty());
}

TEST(NiceTicks, HugeAndTinyMagnitudes)
{
    EXPECT_EQ(NiceTicks(0, 3e12, 4), (std::vector<double>{0, 1e12, 2e12, 3e12}));
    EXPECT_EQ(NiceTicks(2e-9, 9e-9, 4), (std::vector<double>{0, 2.5e-9, 5e-9, 7.5e-9, 1e-8}));
    // A range far below the resolution of its values: no endless or repeated ticks.
    const std::vector<double> ticks = NiceTicks(1e17, 1e17 + 64, 5);
    ASSERT_GE(ticks.size(), 2u);
    for (std::size_t i = 1; i < ticks.size(); ++i)
        EXPECT_LT(ticks[i - 1], ticks[i]);
}

TEST(NiceTicks, AnyRangeIsCoveredWithEvenRoundSteps)
{
    std::mt19937 random(20250);
    std::uniform_real_distribution<double> exponent(-6.0, 12.0);
    std::uniform_real_distribution<double> unit(-1.0, 1.0);
    std::uniform_int_distribution<int> target(2, 12);
    for (int trial = 0; trial < 2000; ++trial) {
        const double scale = std::pow(10.0, exponent(random));
        const double a = unit(random) * scale;
        const double b = unit(random) * scale;
        const int count = target(random);
        const std::vector<double> ticks = NiceTicks(a, b, count);
        ASSERT_GE(ticks.size(), 2u) << a << " " << b;
        EXPECT_LE(ticks.front(), std::min(a, b));
        EXPECT_GE(ticks.back(), std::max(a, b));
        // At most ~2.5x the wished-for intervals (the step grows by at most 2.5x), plus the ends.
        EXPECT_LE(static_cast<int>(ticks.size()), count * 5 / 2 + 3) << a << " " << b << " " << count;
        const double step = ticks[1] - ticks[0];
        const double mantissa = step / std::pow(10.0, std::floor(std::log10(step)));
        EXPECT_TRUE(std::fabs(mantissa - 1) < 1e-6 || std::fabs(mantissa - 2) < 1e-6 ||
                    std::fabs(mantissa - 2.5) < 1e-6 || std::fabs(mantissa - 5) < 1e-6 ||
                    std::fabs(mantissa - 10) < 1e-6) // 9.999... when the subtraction rounds down
            << "step " << step;
        for (std::size_t i = 1; i < ticks.size(); ++i)
            EXPECT_NEAR(ticks[i] - ticks[i - 1], step, step * 1e-6);
    }
}

TEST(NiceStep, PicksOneTwoTwoAndAHalfOrFive)
{
    EXPECT_EQ(NiceStep(7, 1), 10);
    EXPECT_EQ(NiceStep(2.3, 1), 2.5);
    EXPECT_EQ(NiceStep(1.1, 1), 2);
    EXPECT_EQ(NiceStep(400, 4), 100);
    EXPECT_EQ(NiceStep(0, 4), 0);
}

TEST(DecimalsForStep, FewestDecimalsThatShowTheStep)
{
    EXPECT_EQ(DecimalsForStep(5), 0);
    EXPECT_EQ(DecimalsForStep(2.5), 1);
    EXPECT_EQ(DecimalsForStep(0.25), 2);
    EXPECT_EQ(DecimalsForStep(0.001), 3);
    EXPECT_EQ(DecimalsForStep(2e-7), 7);
    EXPECT_EQ(DecimalsForStep(5000), 0);
}

TEST(DecimalsToTellApart, FewestDecimalsThatKeepLegendEdgesApart)
{
    // The Vacatures map's quintiles of vacancies per 1,000 inhabitants: one decimal, not four.
    EXPECT_EQ(DecimalsToTellApart({18.4080, 20.0931, 20.9082, 22.0628, 23.0563, 24.4447}), 1);
    EXPECT_EQ(DecimalsToTellApart({0, 10, 20, 30, 50}), 0);
    EXPECT_EQ(DecimalsToTellApart({936, 5200, 862965}), 0);
    // Close edges need more: 1,04 and 1,06 differ in the second decimal.
    EXPECT_EQ(DecimalsToTellApart({1.04, 1.06, 1.5}), 2);
    EXPECT_EQ(DecimalsToTellApart({2.141, 2.149, 3.0}), 3);
    // Equal neighbours (a class of one value) need not differ; small edges that are not whole keep
    // a decimal even when far apart, large ones none; at most four decimals.
    EXPECT_EQ(DecimalsToTellApart({1.5, 1.5, 2.5}), 1);
    EXPECT_EQ(DecimalsToTellApart({12.5, 40.25, 80.0}), 1);
    EXPECT_EQ(DecimalsToTellApart({574.5, 837.25, 1144.0}), 0);
    EXPECT_EQ(DecimalsToTellApart({1.000001, 1.000002}), 4);
    EXPECT_EQ(DecimalsToTellApart({}), 0);
}

TEST(FormatAxisTick, OneUnitAndOneNumberOfDecimalsPerAxis)
{
    // Ticks 0, 0.5M, 1M, 1.5M: all in millions with one decimal.
    EXPECT_EQ(FormatAxisTick(0, 5e5, 1.5e6, NumberStyle::Plain, nl), "0");
    EXPECT_EQ(FormatAxisTick(5e5, 5e5, 1.5e6, NumberStyle::Plain, nl), "0,5 mln");
    EXPECT_EQ(FormatAxisTick(1e6, 5e5, 1.5e6, NumberStyle::Plain, nl), "1,0 mln");
    EXPECT_EQ(FormatAxisTick(1.5e6, 5e5, 1.5e6, NumberStyle::Plain, en), "1.5M");
    EXPECT_EQ(FormatAxisTick(2e9, 1e9, 3e9, NumberStyle::Plain, nl), "2 mld");
    // Below a million: thousands separators.
    EXPECT_EQ(FormatAxisTick(12500, 2500, 15000, NumberStyle::Plain, nl), "12.500");
    EXPECT_EQ(FormatAxisTick(999000, 1000, 999000, NumberStyle::Compact, nl), "999.000");
    EXPECT_EQ(FormatAxisTick(0.75, 0.25, 1, NumberStyle::Plain, nl), "0,75");
    // Percent axes keep the decimals of the step.
    EXPECT_EQ(FormatAxisTick(5, 2.5, 10, NumberStyle::Percent, nl), "5,0 %");
    EXPECT_EQ(FormatAxisTick(-10, 5, 10, NumberStyle::SignedPercent, en), "-10%");
    EXPECT_EQ(FormatAxisTick(10, 5, 10, NumberStyle::SignedPercent, nl), "+10 %");
    EXPECT_EQ(FormatAxisTick(200, 100, 300, NumberStyle::Signed, nl), "+200");
}

TEST(ParseNumberList, ReadsNumbersAsTypedInTheUsersLanguage)
{
    EXPECT_EQ(ParseNumberList("0; 1.000; 2,5", NumberLocale::Dutch), (std::vector<double>{0, 1000, 2.5}));
    EXPECT_EQ(ParseNumberList("0; 1,000; 2.5", NumberLocale::English), (std::vector<double>{0, 1000, 2.5}));
    EXPECT_EQ(ParseNumberList("-20 -5 0 +5", NumberLocale::Dutch), (std::vector<double>{-20, -5, 0, 5}));
    EXPECT_EQ(ParseNumberList("  ", NumberLocale::Dutch), (std::vector<double>{}));
    std::string bad;
    EXPECT_FALSE(ParseNumberList("0; veel; 10", NumberLocale::Dutch, &bad).has_value());
    EXPECT_EQ(bad, "veel");
    EXPECT_FALSE(ParseNumberList("1e999", NumberLocale::English, &bad).has_value()) << "not finite";
}

} // namespace
} // namespace vak::core
