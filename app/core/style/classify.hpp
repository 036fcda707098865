// Classifying the values of a choropleth into a few classes, the way the map colours them and
// the legend lists them: quantile, equal interval, natural breaks (Jenks), manual breaks, and
// classes symmetric around zero for change maps. Pure arithmetic: no GL, no UI.
//
// Unknown values are NaN (any non-finite value counts as unknown: an infinite ratio is as
// meaningless on a map as a missing one). They are left out of the breaks and the counts,
// counted in Classification::unknown_values, and ClassOf gives them class -1 (no-data colour).
//
// Classes are half-open: class i holds breaks[i] <= value < breaks[i + 1], except that the last
// class also holds its upper edge. So a value on an inner edge belongs to the upper class and
// the largest value to the last class (DivergingAroundZero mirrors the rule for negative
// values, see there). Where a method puts an edge at a data value (quantile, natural breaks)
// that edge is the smallest value of the class above it.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace vak::core {

// The classifying methods take 2..9 classes (what the palettes offer); other counts are clamped.
inline constexpr int kMinClasses = 2;
inline constexpr int kMaxClasses = 9;

// Natural breaks runs the exact O(k n^2) programme on at most this many distinct values; beyond
// it classifies an evenly spaced sample of the sorted values (see ClassifyNaturalBreaks).
inline constexpr std::size_t kNaturalBreaksExactLimit = 12'000;

enum class ClassMethod {
    Quantile,
    EqualInterval,
    NaturalBreaks,
    Manual,
    DivergingAroundZero,
};

struct Classification {
    ClassMethod method = ClassMethod::Quantile;
    // Classes()+1 ascending edges: front() is the smallest known value and back() the largest
    // (Manual: the user's outer edges, widened to the data; DivergingAroundZero: -M and +M with
    // M the largest magnitude). Empty when there are no known values. Neighbouring edges can be
    // equal only where an end class holds a single value, or all values are equal (one class).
    std::vector<double> breaks;
    std::vector<std::size_t> counts; // known values per class, in class order
    int requested_classes = 0;       // as asked (after clamping to kMinClasses..kMaxClasses)
    std::size_t unknown_values = 0;  // NaN or infinite inputs, in no class
    // Natural breaks found its edges on a sample (more than kNaturalBreaksExactLimit distinct
    // values); the counts still cover every value.
    bool sampled = false;
    // DivergingAroundZero: the edges mirror around 0 and ClassOf mirrors its edge rule for
    // negative values, so that -x and +x always get classes at the same distance from the middle.
    bool symmetric_around_zero = false;

    int Classes() const { return static_cast<int>(counts.size()); }
    bool Empty() const { return counts.empty(); }
    // Ties (quantile, natural breaks) or too few distinct values merged classes: the legend
    // should say so, and the palette is chosen for Classes(), not requested_classes.
    bool FewerClassesThanRequested() const { return Classes() < requested_classes; }
    std::size_t KnownValues() const;
};

// Equal counts per class as far as ties allow: a run of equal values is never split, so each
// cut moves to the nearest boundary between distinct values (the lower one when two are equally
// near) and cuts that meet merge, giving fewer classes.
Classification ClassifyQuantile(std::span<const double> values, int classes);

// Classes of equal width between the smallest and the largest value; some may be empty.
Classification ClassifyEqualInterval(std::span<const double> values, int classes);

// Jenks natural breaks: the partition of the sorted values into `classes` runs with the least
// total squared deviation from the class means, by Fisher's exact dynamic programme over the
// distinct values (equal values weigh as many as they are and never split). With more than
// kNaturalBreaksExactLimit distinct values the breaks are found on an evenly spaced sample of
// the sorted values (every (n-1)/(limit-1)-th rank, both ends included), which keeps the run
// time bounded and the result deterministic; `sampled` is then set, and each edge moves to the
// widest gap of the full data between the neighbouring sampled values.
Classification ClassifyNaturalBreaks(std::span<const double> values, int classes);

// What is wrong with user-typed breaks, for the UI to translate.
enum class ManualBreaksProblem {
    None,
    TooFew,       // fewer than 2 edges (at least one class is needed)
    TooMany,      // more than kMaxClasses + 1 edges
    NotFinite,    // NaN or infinite edge
    NotAscending, // edges must rise strictly
};
ManualBreaksProblem CheckManualBreaks(std::span<const double> edges);

// The user's edges (CheckManualBreaks must say None, else InputError). Values below the first
// edge go to the first class, values above the last edge to the last class; the outer edges of
// the result widen to cover such values so that the legend's ranges stay true.
Classification ClassifyManual(std::span<const double> values, std::span<const double> edges);

// How the magnitudes on each side of zero are split.
enum class DivergingSteps {
    EqualInterval, // classes of equal width
    Quantile,      // quantiles of |value| (ties never split), for skewed changes
};

// Classes for a change map: symmetric around 0 out to M = the largest |value|, so that the same
// colour strength on either side means the same magnitude. An even class count makes 0 an
// edge (k/2 classes below, k/2 above); an odd count gives a middle class (-e, e) around 0 for
// "hardly changed", drawn with a diverging palette's neutral colour. With EqualInterval all
// classes are equally wide (odd k: width 2M/k, the middle class too). A value exactly on an
// edge goes to the class farther from zero (mirrored for negative values); 0 itself, as an
// edge (even k), goes to the class just above it. Sides without data keep their (empty)
// classes so that class i keeps its palette colour. Quantile with an odd count whose
// magnitudes all tie (e.g. -5, 5, 5) gives two classes split at 0 rather than one neutral
// class. All values 0: one class [0, 0].
Classification ClassifyDivergingAroundZero(std::span<const double> values, int classes,
                                           DivergingSteps steps = DivergingSteps::EqualInterval);

// One entry point for a method chosen in the UI; `manual_edges` is used only by Manual, and
// DivergingAroundZero gets equal-interval steps.
Classification Classify(ClassMethod method, std::span<const double> values, int classes,
                        std::span<const double> manual_edges = {});

// Class index of a value, 0..Classes()-1; -1 for unknown values and for an empty classification.
// Values outside the outer edges go to the end classes.
int ClassOf(double value, const Classification& classification);

} // namespace vak::core
