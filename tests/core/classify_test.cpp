// Classification against small examples whose breaks are worked out by hand in the comments.
#include "core/style/classify.hpp"

#include "core/errors.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

namespace vak::core {
namespace {

using Breaks = std::vector<double>;
using Counts = std::vector<std::size_t>;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// ---- natural breaks (Jenks) ----

TEST(NaturalBreaks, ThreeClearClusters)
{
    // {1,2,3}, {10,11,12}, {20,21,22}: each class has squared deviation 1+0+1 = 2, total 6.
    // Any other split mixes clusters, e.g. {1,2,3,10} alone has mean 4 and 9+4+1+36 = 50 > 6.
    // Edges are the first value of each upper class: 1 | 10 | 20 | 22.
    const std::vector<double> values = {22, 1, 11, 2, 21, 3, 10, 20, 12}; // order must not matter
    const Classification c = ClassifyNaturalBreaks(values, 3);
    EXPECT_EQ(c.breaks, (Breaks{1, 10, 20, 22}));
    EXPECT_EQ(c.counts, (Counts{3, 3, 3}));
    EXPECT_FALSE(c.FewerClassesThanRequested());
    EXPECT_FALSE(c.sampled);
    EXPECT_EQ(ClassOf(3, c), 0);
    EXPECT_EQ(ClassOf(10, c), 1);
    EXPECT_EQ(ClassOf(22, c), 2);
}

TEST(NaturalBreaks, TwoClassesWhereTheOutlierStandsAlone)
{
    // {0,1,3,7} in 2 classes, all three candidate splits:
    //   {0} {1,3,7}:  0 + (mean 11/3: 64/9 + 4/9 + 100/9 = 168/9 = 18.67)       = 18.67
    //   {0,1} {3,7}:  0.5 + 8                                                    = 8.5
    //   {0,1,3} {7}:  (mean 4/3: 16/9 + 1/9 + 25/9 = 42/9 = 4.67) + 0            = 4.67  <- least
    // The last class holds only 7, so its two edges are equal.
    const std::vector<double> values = {0, 1, 3, 7};
    const Classification c = ClassifyNaturalBreaks(values, 2);
    EXPECT_EQ(c.breaks, (Breaks{0, 7, 7}));
    EXPECT_EQ(c.counts, (Counts{3, 1}));
    EXPECT_EQ(ClassOf(7, c), 1);
    EXPECT_EQ(ClassOf(6.99, c), 0);
}

TEST(NaturalBreaks, EqualValuesWeighAndStayTogether)
{
    // {1,1,1,5,5,9} in 2 classes; splits between distinct values only:
    //   {1,1,1} {5,5,9}:  0 + (mean 19/3: 16/9 + 16/9 + 64/9 = 96/9)      = 10.67  <- least
    //   {1,1,1,5,5} {9}:  (mean 2.6: 3 * 1.6^2 + 2 * 2.4^2 = 19.2) + 0   = 19.2
    // (Unweighted distinct values {1,5,9} would tie the two splits; the weights decide.)
    const std::vector<double> values = {5, 1, 9, 1, 5, 1};
    const Classification c = ClassifyNaturalBreaks(values, 2);
    EXPECT_EQ(c.breaks, (Breaks{1, 5, 9}));
    EXPECT_EQ(c.counts, (Counts{3, 3}));
}

TEST(NaturalBreaks, MoreClassesThanDistinctValues)
{
    // Two distinct values can make two classes at most: {3,3} and {7}.
    const std::vector<double> values = {3, 7, 3};
    const Classification c = ClassifyNaturalBreaks(values, 5);
    EXPECT_EQ(c.requested_classes, 5);
    EXPECT_EQ(c.Classes(), 2);
    EXPECT_TRUE(c.FewerClassesThanRequested());
    EXPECT_EQ(c.breaks, (Breaks{3, 7, 7}));
    EXPECT_EQ(c.counts, (Counts{2, 1}));
}

TEST(NaturalBreaks, LargeInputIsClassifiedOnASampleButCountsEveryValue)
{
    // Three well separated clusters of 5000 distinct values each: 15,000 distinct values, more
    // than the exact limit. Any sensible sample keeps the clusters apart.
    std::vector<double> values;
    for (int cluster = 0; cluster < 3; ++cluster)
        for (int i = 0; i < 5000; ++i)
            values.push_back(cluster * 1000.0 + i * 0.01);
    // The sample may skip a cluster's last or first values; the edge then moves to the widest
    // gap of the full data between the sampled neighbours, which is the gap between clusters.
    const Classification c = ClassifyNaturalBreaks(values, 3);
    EXPECT_TRUE(c.sampled);
    ASSERT_EQ(c.Classes(), 3);
    EXPECT_EQ(c.breaks.front(), 0.0);
    EXPECT_EQ(c.breaks[1], 1000.0);
    EXPECT_EQ(c.breaks[2], 2000.0);
    EXPECT_EQ(c.breaks.back(), values.back());
    EXPECT_EQ(c.counts, (Counts{5000, 5000, 5000}));
}

TEST(NaturalBreaks, ManyEqualValuesNeedNoSample)
{
    // 20,000 values but only 4 distinct ones: exact, no sample.
    std::vector<double> values;
    for (int i = 0; i < 20000; ++i)
        values.push_back(static_cast<double>(i % 4) * 10.0);
    const Classification c = ClassifyNaturalBreaks(values, 4);
    EXPECT_FALSE(c.sampled);
    EXPECT_EQ(c.breaks, (Breaks{0, 10, 20, 30, 30}));
    EXPECT_EQ(c.counts, (Counts{5000, 5000, 5000, 5000}));
}

// ---- quantile ----

TEST(Quantile, EqualCountsWithoutTies)
{
    // 8 values in 4 classes: ideal cuts after 2, 4 and 6 values -> 1 2 | 3 4 | 5 6 | 7 8.
    const std::vector<double> values = {8, 7, 6, 5, 4, 3, 2, 1};
    const Classification c = ClassifyQuantile(values, 4);
    EXPECT_EQ(c.breaks, (Breaks{1, 3, 5, 7, 8}));
    EXPECT_EQ(c.counts, (Counts{2, 2, 2, 2}));
}

TEST(Quantile, TiesAreNeverSplitSoClassesMerge)
{
    // Sorted: 1 1 1 1 2 3 4 5 (indices 0..7). Ideal cuts at 2, 4, 6. Cuts may only fall where a
    // new value starts: at 4 (the 2), 5, 6 or 7. Cut 2 -> nearest is 4; cut 4 -> 4 (merges with
    // the first); cut 6 -> 6. So 3 classes: {1,1,1,1} {2,3} {4,5}, edges 1 | 2 | 4 | 5.
    const std::vector<double> values = {1, 2, 1, 3, 1, 4, 1, 5};
    const Classification c = ClassifyQuantile(values, 4);
    EXPECT_EQ(c.requested_classes, 4);
    EXPECT_TRUE(c.FewerClassesThanRequested());
    EXPECT_EQ(c.breaks, (Breaks{1, 2, 4, 5}));
    EXPECT_EQ(c.counts, (Counts{4, 2, 2}));
}

TEST(Quantile, TieAtTheIdealCutGoesToTheNearerSide)
{
    // Sorted: 1 2 2 2 2 3 (indices 0..5), 2 classes: ideal cut at 3, inside the run of 2s
    // (indices 1..4). Boundaries: 1 (distance 2) and 5 (distance 2): equally near, the lower one
    // wins -> {1} {2,2,2,2,3}.
    const std::vector<double> values = {2, 1, 2, 3, 2, 2};
    const Classification c = ClassifyQuantile(values, 2);
    EXPECT_EQ(c.breaks, (Breaks{1, 2, 3}));
    EXPECT_EQ(c.counts, (Counts{1, 5}));
    // Sorted 1 1 2 2 2 3 3, 2 classes: ideal cut 3.5; boundaries 2 (1.5 away) and 5 (1.5 away)
    // -> lower: {1,1} {2,2,2,3,3}.
    const std::vector<double> more = {3, 2, 1, 2, 3, 1, 2};
    const Classification d = ClassifyQuantile(more, 2);
    EXPECT_EQ(d.breaks, (Breaks{1, 2, 3}));
    EXPECT_EQ(d.counts, (Counts{2, 5}));
}

// ---- equal interval ----

TEST(EqualInterval, EdgesAtEqualSteps)
{
    // Range 0..30 in 3 classes of width 10: edges 0, 10, 20, 30. 10 and 20 sit on inner edges
    // and go up; 30 is the maximum and stays in the last class.
    const std::vector<double> values = {0, 5, 10, 15, 20, 30};
    const Classification c = ClassifyEqualInterval(values, 3);
    EXPECT_EQ(c.breaks, (Breaks{0, 10, 20, 30}));
    EXPECT_EQ(c.counts, (Counts{2, 2, 2}));
    EXPECT_EQ(ClassOf(10, c), 1);
    EXPECT_EQ(ClassOf(30, c), 2);
}

TEST(EqualInterval, EmptyClassesStay)
{
    // 3 .. 7 in 5 classes of width 0.8: edges 3, 3.8, 4.6, 5.4, 6.2, 7; the middle ones are empty.
    const std::vector<double> values = {3, 7, 3};
    const Classification c = ClassifyEqualInterval(values, 5);
    ASSERT_EQ(c.breaks.size(), 6u);
    EXPECT_DOUBLE_EQ(c.breaks[1], 3.8);
    EXPECT_DOUBLE_EQ(c.breaks[2], 4.6);
    EXPECT_DOUBLE_EQ(c.breaks[3], 5.4);
    EXPECT_DOUBLE_EQ(c.breaks[4], 6.2);
    EXPECT_EQ(c.counts, (Counts{2, 0, 0, 0, 1}));
    EXPECT_FALSE(c.FewerClassesThanRequested());
}

TEST(EqualInterval, NegativeRange)
{
    // -20 .. 20 in 4 classes: edges -20, -10, 0, 10, 20.
    const std::vector<double> values = {-20, -15, -10, -1, 0, 9, 20};
    const Classification c = ClassifyEqualInterval(values, 4);
    EXPECT_EQ(c.breaks, (Breaks{-20, -10, 0, 10, 20}));
    EXPECT_EQ(c.counts, (Counts{2, 2, 2, 1}));
}

TEST(EqualInterval, HugeRangeStaysFinite)
{
    // -1e308 .. 1e308: the plain weighted sum would overflow; edges -1e308, -5e307, 0, 5e307, 1e308.
    const std::vector<double> values = {-1e308, 1e308};
    const Classification c = ClassifyEqualInterval(values, 4);
    ASSERT_EQ(c.breaks.size(), 5u);
    for (double edge : c.breaks)
        EXPECT_TRUE(std::isfinite(edge));
    EXPECT_DOUBLE_EQ(c.breaks[1], -5e307);
    EXPECT_DOUBLE_EQ(c.breaks[2], 0.0);
    EXPECT_DOUBLE_EQ(c.breaks[3], 5e307);
    EXPECT_EQ(c.counts, (Counts{1, 0, 0, 1}));
}

// ---- manual ----

TEST(Manual, ValuesOutsideGoToTheEndClasses)
{
    // Edges 0 | 10 | 20: -5 lies below and goes to the first class, 25 above and goes to the
    // last; the outer edges widen to -5 and 25 so the legend's ranges stay true.
    const std::vector<double> values = {-5, 0, 9.99, 10, 19, 25, kNaN};
    const std::vector<double> edges = {0, 10, 20};
    const Classification c = ClassifyManual(values, edges);
    EXPECT_EQ(c.method, ClassMethod::Manual);
    EXPECT_EQ(c.breaks, (Breaks{-5, 10, 25}));
    EXPECT_EQ(c.counts, (Counts{3, 3}));
    EXPECT_EQ(c.unknown_values, 1u);
    EXPECT_EQ(ClassOf(-1000, c), 0);
    EXPECT_EQ(ClassOf(1000, c), 1);
}

TEST(Manual, EdgesInsideTheDataAreKept)
{
    // Data 5..15 inside edges 0 | 10 | 100: the user's outer edges stay.
    const std::vector<double> values = {5, 15};
    const std::vector<double> edges = {0, 10, 100};
    const Classification c = ClassifyManual(values, edges);
    EXPECT_EQ(c.breaks, (Breaks{0, 10, 100}));
    EXPECT_EQ(c.counts, (Counts{1, 1}));
}

TEST(Manual, BreaksAreValidated)
{
    const std::vector<double> one = {1};
    const std::vector<double> descending = {0, 10, 5};
    const std::vector<double> repeated = {0, 10, 10};
    const std::vector<double> not_finite = {0, kNaN, 10};
    const std::vector<double> infinite = {0, std::numeric_limits<double>::infinity()};
    const std::vector<double> eleven = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    const std::vector<double> two = {0, 1};
    EXPECT_EQ(CheckManualBreaks(one), ManualBreaksProblem::TooFew);
    EXPECT_EQ(CheckManualBreaks({}), ManualBreaksProblem::TooFew);
    EXPECT_EQ(CheckManualBreaks(descending), ManualBreaksProblem::NotAscending);
    EXPECT_EQ(CheckManualBreaks(repeated), ManualBreaksProblem::NotAscending);
    EXPECT_EQ(CheckManualBreaks(not_finite), ManualBreaksProblem::NotFinite);
    EXPECT_EQ(CheckManualBreaks(infinite), ManualBreaksProblem::NotFinite);
    EXPECT_EQ(CheckManualBreaks(eleven), ManualBreaksProblem::TooMany);
    EXPECT_EQ(CheckManualBreaks(two), ManualBreaksProblem::None);
    const std::vector<double> values = {1, 2};
    EXPECT_THROW(ClassifyManual(values, descending), InputError);
    EXPECT_THROW(ClassifyManual(values, one), InputError);
    EXPECT_EQ(ClassifyManual(values, two).counts, (Counts{2}));
}

TEST(Manual, NoKnownValuesKeepsTheUsersClasses)
{
    const std::vector<double> values = {kNaN};
    const std::vector<double> edges = {0, 10, 20};
    const Classification c = ClassifyManual(values, edges);
    EXPECT_EQ(c.breaks, (Breaks{0, 10, 20}));
    EXPECT_EQ(c.counts, (Counts{0, 0}));
    EXPECT_EQ(ClassOf(kNaN, c), -1);
}

// ---- diverging around zero ----

TEST(DivergingAroundZero, EvenClassesMakeZeroAnEdge)
{
    // Changes from -5 to +10: M = 10, 4 classes, 2 per side of width 5:
    // edges -10 | -5 | 0 | 5 | 10. Nothing below -5 but -5 itself, which lies on an edge and goes
    // to the class farther from zero (class 0), just as +5 goes to class 3.
    const std::vector<double> values = {-5, -4, -0.5, 0, 1, 5, 10};
    const Classification c = ClassifyDivergingAroundZero(values, 4);
    EXPECT_TRUE(c.symmetric_around_zero);
    EXPECT_EQ(c.breaks, (Breaks{-10, -5, 0, 5, 10}));
    EXPECT_EQ(c.counts, (Counts{1, 2, 2, 2}));
    EXPECT_EQ(ClassOf(-5, c), 0);
    EXPECT_EQ(ClassOf(5, c), 3);
    EXPECT_EQ(ClassOf(-4.99, c), 1);
    EXPECT_EQ(ClassOf(4.99, c), 2);
    EXPECT_EQ(ClassOf(0, c), 2);     // 0 goes to the class just above it
    EXPECT_EQ(ClassOf(-10, c), 0);
    EXPECT_EQ(ClassOf(10, c), 3);
    EXPECT_EQ(ClassOf(-12, c), 0);   // outside: end class
}

TEST(DivergingAroundZero, SameMagnitudeSameDistanceFromTheMiddle)
{
    // Mirror property for every class count: class(-x) = k - 1 - class(x) away from zero.
    const std::vector<double> values = {-7, -3, -1, 0, 2, 6, 9};
    for (int k = kMinClasses; k <= kMaxClasses; ++k) {
        for (DivergingSteps steps : {DivergingSteps::EqualInterval, DivergingSteps::Quantile}) {
            const Classification c = ClassifyDivergingAroundZero(values, k, steps);
            const int classes = c.Classes();
            ASSERT_GE(classes, 1);
            for (std::size_t i = 0; i < c.breaks.size(); ++i)
                EXPECT_DOUBLE_EQ(c.breaks[i], -c.breaks[c.breaks.size() - 1 - i]) << "k=" << k;
            for (double x : {0.5, 1.0, 2.0, 3.0, 4.5, 6.0, 7.0, 9.0}) {
                EXPECT_EQ(ClassOf(-x, c), classes - 1 - ClassOf(x, c)) << "k=" << k << " x=" << x;
            }
        }
    }
}

TEST(DivergingAroundZero, OddClassesHaveANeutralMiddle)
{
    // M = 9, 3 classes of width 6: edges -9 | -3 | 3 | 9; the middle class is (-3, 3).
    const std::vector<double> values = {-9, -3, -2.9, 0, 2.9, 3, 4};
    const Classification c = ClassifyDivergingAroundZero(values, 3);
    EXPECT_EQ(c.breaks, (Breaks{-9, -3, 3, 9}));
    EXPECT_EQ(c.counts, (Counts{2, 3, 2}));
    // 5 classes, M = 10, width 4: edges -10 | -6 | -2 | 2 | 6 | 10.
    const std::vector<double> both = {-10, 1, 10};
    const Classification five = ClassifyDivergingAroundZero(both, 5);
    EXPECT_EQ(five.breaks, (Breaks{-10, -6, -2, 2, 6, 10}));
    EXPECT_EQ(five.counts, (Counts{1, 0, 1, 0, 1}));
}

TEST(DivergingAroundZero, QuantileStepsOfMagnitude)
{
    // |values| sorted: 1 1 2 2 4 4 8 8 (indices 0..7); 4 classes = 2 magnitude classes per side,
    // ideal cut at 4 -> magnitude 4 starts the outer classes: edges -8 | -4 | 0 | 4 | 8.
    const std::vector<double> values = {-8, -4, -2, -1, 1, 2, 4, 8};
    const Classification c = ClassifyDivergingAroundZero(values, 4, DivergingSteps::Quantile);
    EXPECT_EQ(c.breaks, (Breaks{-8, -4, 0, 4, 8}));
    EXPECT_EQ(c.counts, (Counts{2, 2, 2, 2}));
}

TEST(DivergingAroundZero, OneSidedDataKeepsBothSides)
{
    // Only growth, 0..6 in 6 classes: M = 6, three classes per side of width 2; the negative
    // classes stay (empty) so class i keeps its palette colour.
    const std::vector<double> values = {0, 1, 3, 6};
    const Classification c = ClassifyDivergingAroundZero(values, 6);
    EXPECT_EQ(c.breaks, (Breaks{-6, -4, -2, 0, 2, 4, 6}));
    EXPECT_EQ(c.counts, (Counts{0, 0, 0, 2, 1, 1}));
}

TEST(DivergingAroundZero, AllZeroIsOneClass)
{
    const std::vector<double> values = {0, 0, -0.0};
    const Classification c = ClassifyDivergingAroundZero(values, 4);
    EXPECT_EQ(c.breaks, (Breaks{0, 0}));
    EXPECT_EQ(c.counts, (Counts{3}));
    EXPECT_EQ(ClassOf(0, c), 0);
}

// ---- unknown values and degenerate inputs, every method ----

std::vector<Classification> EveryMethod(const std::vector<double>& values, int classes)
{
    return {ClassifyQuantile(values, classes), ClassifyEqualInterval(values, classes),
            ClassifyNaturalBreaks(values, classes), ClassifyDivergingAroundZero(values, classes),
            ClassifyDivergingAroundZero(values, classes, DivergingSteps::Quantile)};
}

TEST(Classification, UnknownValuesAreLeftOut)
{
    const double inf = std::numeric_limits<double>::infinity();
    const std::vector<double> values = {kNaN, 1, 2, 3, -inf, 10, 11, 12, inf, 20, 21, 22};
    const Classification c = ClassifyNaturalBreaks(values, 3);
    EXPECT_EQ(c.unknown_values, 3u);
    EXPECT_EQ(c.KnownValues(), 9u);
    EXPECT_EQ(c.breaks, (Breaks{1, 10, 20, 22}));
    EXPECT_EQ(ClassOf(kNaN, c), -1);
    EXPECT_EQ(ClassOf(inf, c), -1);
    for (const Classification& m : EveryMethod(values, 3)) {
        EXPECT_EQ(m.unknown_values, 3u);
        EXPECT_EQ(m.KnownValues(), 9u);
    }
}

TEST(Classification, EmptyInput)
{
    for (const Classification& c : EveryMethod({}, 4)) {
        EXPECT_TRUE(c.Empty());
        EXPECT_TRUE(c.breaks.empty());
        EXPECT_EQ(c.Classes(), 0);
        EXPECT_EQ(ClassOf(1.0, c), -1);
    }
    for (const Classification& c : EveryMethod({kNaN, kNaN}, 4)) {
        EXPECT_TRUE(c.Empty());
        EXPECT_EQ(c.unknown_values, 2u);
    }
}

TEST(Classification, OneValue)
{
    const std::vector<double> values = {4.5};
    for (const Classification& c : {ClassifyQuantile(values, 5), ClassifyEqualInterval(values, 5),
                                     ClassifyNaturalBreaks(values, 5)}) {
        EXPECT_EQ(c.breaks, (Breaks{4.5, 4.5}));
        EXPECT_EQ(c.counts, (Counts{1}));
        EXPECT_EQ(ClassOf(4.5, c), 0);
        EXPECT_TRUE(c.FewerClassesThanRequested());
    }
    // Diverging keeps its symmetric classes: M = 4.5, 5 classes of width 1.8, the value in the top one.
    const Classification diverging = ClassifyDivergingAroundZero(values, 5);
    EXPECT_EQ(diverging.Classes(), 5);
    EXPECT_EQ(diverging.counts, (Counts{0, 0, 0, 0, 1}));
    // Quantile steps on one magnitude, odd count: split at 0 (not one neutral class).
    const Classification by_quantile = ClassifyDivergingAroundZero(values, 5, DivergingSteps::Quantile);
    EXPECT_EQ(by_quantile.breaks, (Breaks{-4.5, 0, 4.5}));
    EXPECT_EQ(by_quantile.counts, (Counts{0, 1}));
}

TEST(DivergingAroundZero, TiedMagnitudesWithAnOddCountSplitAtZero)
{
    // |-5| = |5|: one magnitude class. Three classes would make a single neutral class
    // [-5, 5] that paints both changes as "no change"; instead: [-5, 0) and [0, 5].
    const std::vector<double> values = {-5, 5, 5};
    const Classification c = ClassifyDivergingAroundZero(values, 3, DivergingSteps::Quantile);
    EXPECT_EQ(c.breaks, (Breaks{-5, 0, 5}));
    EXPECT_EQ(c.counts, (Counts{1, 2}));
    EXPECT_TRUE(c.FewerClassesThanRequested());
}

TEST(Classification, AllValuesEqual)
{
    const std::vector<double> values(7, 3.0);
    for (const Classification& c : {ClassifyQuantile(values, 4), ClassifyEqualInterval(values, 4),
                                     ClassifyNaturalBreaks(values, 4)}) {
        EXPECT_EQ(c.breaks, (Breaks{3, 3}));
        EXPECT_EQ(c.counts, (Counts{7}));
        EXPECT_EQ(ClassOf(3, c), 0);
        EXPECT_EQ(ClassOf(-100, c), 0);
    }
}

TEST(Classification, ClassCountsAreClamped)
{
    const std::vector<double> values = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    EXPECT_EQ(ClassifyEqualInterval(values, 1).Classes(), kMinClasses);
    EXPECT_EQ(ClassifyEqualInterval(values, 50).Classes(), kMaxClasses);
    EXPECT_EQ(ClassifyQuantile(values, -3).requested_classes, kMinClasses);
}

TEST(Classification, CountsAgreeWithClassOf)
{
    // Whatever the method, the legend's counts are what ClassOf gives the values.
    std::vector<double> values;
    for (int i = 0; i < 200; ++i)
        values.push_back(std::round(std::sin(i * 0.37) * 50.0 + (i % 7) * 3.0));
    for (int k = kMinClasses; k <= kMaxClasses; ++k) {
        for (const Classification& c : EveryMethod(values, k)) {
            ASSERT_FALSE(c.Empty());
            std::vector<std::size_t> counted(static_cast<std::size_t>(c.Classes()), 0);
            for (double v : values)
                ++counted[static_cast<std::size_t>(ClassOf(v, c))];
            EXPECT_EQ(counted, c.counts) << "k=" << k;
            for (std::size_t i = 1; i < c.breaks.size(); ++i)
                EXPECT_LE(c.breaks[i - 1], c.breaks[i]);
            EXPECT_LE(c.Classes(), k);
        }
    }
}

TEST(Classification, DispatchByMethod)
{
    const std::vector<double> values = {1, 2, 3, 10, 11, 12, 20, 21, 22};
    EXPECT_EQ(Classify(ClassMethod::NaturalBreaks, values, 3).breaks, (Breaks{1, 10, 20, 22}));
    EXPECT_EQ(Classify(ClassMethod::Quantile, values, 3).method, ClassMethod::Quantile);
    const std::vector<double> edges = {0, 15, 30};
    EXPECT_EQ(Classify(ClassMethod::Manual, values, 3, edges).counts, (Counts{6, 3}));
    EXPECT_TRUE(Classify(ClassMethod::DivergingAroundZero, values, 4).symmetric_around_zero);
}

} // namespace
} // namespace vak::core
