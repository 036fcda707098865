#include "core/style/classify.hpp"

#include "core/errors.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <string>

namespace vak::core {

namespace {

int ClampClasses(int classes)
{
    return std::clamp(classes, kMinClasses, kMaxClasses);
}

// The finite values, sorted, and how many were unknown.
struct KnownValues {
    std::vector<double> sorted;
    std::size_t unknown = 0;
};

KnownValues SortKnown(std::span<const double> values)
{
    KnownValues known;
    known.sorted.reserve(values.size());
    for (double value : values) {
        if (std::isfinite(value))
            known.sorted.push_back(value);
        else
            ++known.unknown;
    }
    std::sort(known.sorted.begin(), known.sorted.end());
    return known;
}

// Counts per class with ClassOf itself, so that the legend's counts and the map's colours can
// never disagree about a value on an edge.
void CountClasses(std::span<const double> sorted, Classification& result)
{
    result.counts.assign(result.breaks.empty() ? 0 : result.breaks.size() - 1, 0);
    for (double value : sorted) {
        const int cls = ClassOf(value, result);
        if (cls >= 0)
            ++result.counts[static_cast<std::size_t>(cls)];
    }
}

Classification Start(ClassMethod method, int requested_classes, std::size_t unknown)
{
    Classification result;
    result.method = method;
    result.requested_classes = requested_classes;
    result.unknown_values = unknown;
    return result;
}

// Edges from the positions (indices into `sorted`) where each class after the first starts.
std::vector<double> EdgesFromCuts(std::span<const double> sorted, std::span<const std::size_t> cuts)
{
    std::vector<double> edges;
    edges.reserve(cuts.size() + 2);
    edges.push_back(sorted.front());
    for (std::size_t cut : cuts)
        edges.push_back(sorted[cut]);
    edges.push_back(sorted.back());
    return edges;
}

// Quantile cut positions in a sorted run with ties: for the ideal cut i * n / classes, the
// nearest index p with sorted[p - 1] < sorted[p] (ties to the lower); cuts that coincide merge.
// Snapping is monotone in the ideal position, so the cuts stay ascending.
std::vector<std::size_t> QuantileCuts(std::span<const double> sorted, int classes)
{
    std::vector<std::size_t> boundaries; // every index where a new distinct value starts
    for (std::size_t i = 1; i < sorted.size(); ++i)
        if (sorted[i - 1] < sorted[i])
            boundaries.push_back(i);
    std::vector<std::size_t> cuts;
    if (boundaries.empty())
        return cuts;
    const double n = static_cast<double>(sorted.size());
    for (int i = 1; i < classes; ++i) {
        const double ideal = n * i / classes;
        auto above = std::lower_bound(boundaries.begin(), boundaries.end(), ideal,
                                      [](std::size_t b, double x) { return static_cast<double>(b) < x; });
        std::size_t best;
        if (above == boundaries.end())
            best = boundaries.back();
        else if (above == boundaries.begin())
            best = *above;
        else {
            const std::size_t below = *(above - 1);
            best = (ideal - static_cast<double>(below) <= static_cast<double>(*above) - ideal) ? below : *above;
        }
        if (cuts.empty() || cuts.back() != best)
            cuts.push_back(best);
    }
    return cuts;
}

// One class holding every value (all equal).
void SingleClass(std::span<const double> sorted, Classification& result)
{
    result.breaks = {sorted.front(), sorted.back()};
    CountClasses(sorted, result);
}

// Fisher's exact optimal partition of weighted distinct values x[0] < ... < x[m-1] into
// `classes` contiguous groups minimising the within-group sum of squared deviations. Returns
// the index where each group after the first starts.
std::vector<std::size_t> FisherJenksStarts(std::span<const double> x, std::span<const double> weight, int classes)
{
    const std::size_t m = x.size();
    // Prefix sums of w, w*y and w*y^2 with y = x - centre: centring keeps s2 - s1^2/w from
    // cancelling catastrophically for large values with a small spread (e.g. counts near 1e6).
    double centre = 0;
    double total_weight = 0;
    for (std::size_t i = 0; i < m; ++i) {
        centre += weight[i] * x[i];
        total_weight += weight[i];
    }
    centre /= total_weight;
    std::vector<double> w(m + 1, 0.0), s1(m + 1, 0.0), s2(m + 1, 0.0);
    for (std::size_t i = 0; i < m; ++i) {
        const double y = x[i] - centre;
        w[i + 1] = w[i] + weight[i];
        s1[i + 1] = s1[i] + weight[i] * y;
        s2[i + 1] = s2[i] + weight[i] * y * y;
    }
    // Squared deviation of the group x[i..j] (inclusive) from its mean.
    auto deviation = [&](std::size_t i, std::size_t j) {
        const double gw = w[j + 1] - w[i];
        const double g1 = s1[j + 1] - s1[i];
        return std::max(0.0, (s2[j + 1] - s2[i]) - g1 * g1 / gw);
    };

    const auto k = static_cast<std::size_t>(classes);
    // cost[j]: least deviation of x[0..j] in the current number of groups; start[c][j]: where
    // the last group starts in that optimum with c+1 groups.
    std::vector<double> cost(m), next(m);
    std::vector<std::vector<std::size_t>> start(k, std::vector<std::size_t>(m, 0));
    for (std::size_t j = 0; j < m; ++j)
        cost[j] = deviation(0, j);
    for (std::size_t c = 1; c < k; ++c) {
        // c+1 groups need at least c+1 values; the last group starts at i >= c.
        for (std::size_t j = c; j < m; ++j) {
            double best = std::numeric_limits<double>::infinity();
            std::size_t best_start = c;
            for (std::size_t i = c; i <= j; ++i) {
                const double candidate = cost[i - 1] + deviation(i, j);
                if (candidate < best) { // strict: the earliest start wins ties, deterministically
                    best = candidate;
                    best_start = i;
                }
            }
            next[j] = best;
            start[c][j] = best_start;
        }
        std::swap(cost, next);
    }
    std::vector<std::size_t> starts(k - 1);
    std::size_t j = m - 1;
    for (std::size_t c = k - 1; c >= 1; --c) {
        starts[c - 1] = start[c][j];
        j = start[c][j] - 1;
    }
    return starts;
}

// The edge between a class ending at value `last_below` and the next starting at `first_above`
// (both in `sorted`): the full-data value after the widest gap between them. Without sampling
// they are neighbours and this is `first_above`; with sampling, unsampled values in between go
// to the side of the widest gap, so that a cluster is not cut at the sample's grain.
double EdgeInGap(std::span<const double> sorted, double last_below, double first_above)
{
    const auto first = std::upper_bound(sorted.begin(), sorted.end(), last_below);
    const auto last = std::lower_bound(first, sorted.end(), first_above);
    auto edge = first;
    double widest = *first - last_below;
    for (auto it = first + 1; it <= last; ++it) {
        if (*it - *(it - 1) > widest) {
            widest = *it - *(it - 1);
            edge = it;
        }
    }
    return *edge;
}

// Magnitude edges e_1 < ... < e_h = M for the diverging classes (e_0 = 0 implied).
std::vector<double> MagnitudeEdges(std::span<const double> sorted, int classes, DivergingSteps steps, double largest)
{
    const bool odd = classes % 2 == 1;
    const int sides = odd ? (classes + 1) / 2 : classes / 2; // magnitude classes incl. the middle one
    std::vector<double> edges;
    if (steps == DivergingSteps::EqualInterval) {
        for (int i = 1; i < sides; ++i)
            edges.push_back(odd ? largest * (2 * i - 1) / classes : largest * i / sides);
    } else {
        std::vector<double> magnitudes;
        magnitudes.reserve(sorted.size());
        for (double value : sorted)
            magnitudes.push_back(std::fabs(value));
        std::sort(magnitudes.begin(), magnitudes.end());
        // Cuts fall where a new magnitude starts, so every edge is above 0.
        for (std::size_t cut : QuantileCuts(magnitudes, sides))
            edges.push_back(magnitudes[cut]);
    }
    edges.push_back(largest);
    return edges;
}

} // namespace

std::size_t Classification::KnownValues() const
{
    return std::accumulate(counts.begin(), counts.end(), std::size_t{0});
}

Classification ClassifyQuantile(std::span<const double> values, int classes)
{
    classes = ClampClasses(classes);
    KnownValues known = SortKnown(values);
    Classification result = Start(ClassMethod::Quantile, classes, known.unknown);
    if (known.sorted.empty())
        return result;
    const std::vector<std::size_t> cuts = QuantileCuts(known.sorted, classes);
    result.breaks = EdgesFromCuts(known.sorted, cuts);
    CountClasses(known.sorted, result);
    return result;
}

Classification ClassifyEqualInterval(std::span<const double> values, int classes)
{
    classes = ClampClasses(classes);
    KnownValues known = SortKnown(values);
    Classification result = Start(ClassMethod::EqualInterval, classes, known.unknown);
    if (known.sorted.empty())
        return result;
    const double low = known.sorted.front();
    const double high = known.sorted.back();
    if (low == high) {
        SingleClass(known.sorted, result);
        return result;
    }
    result.breaks.push_back(low);
    for (int i = 1; i < classes; ++i) {
        // Weighted form: exact for integer ranges that divide evenly, and never beyond `high`;
        // near the limits of double the sum can overflow, then scale first.
        double edge = (low * (classes - i) + high * i) / classes;
        if (!std::isfinite(edge))
            edge = low / classes * (classes - i) + high / classes * i;
        result.breaks.push_back(edge);
    }
    result.breaks.push_back(high);
    // Rounding can make neighbouring edges equal for a range of a few ulps; keep them ascending.
    for (std::size_t i = 1; i < result.breaks.size(); ++i)
        result.breaks[i] = std::max(result.breaks[i], result.breaks[i - 1]);
    CountClasses(known.sorted, result);
    return result;
}

Classification ClassifyNaturalBreaks(std::span<const double> values, int classes)
{
    classes = ClampClasses(classes);
    KnownValues known = SortKnown(values);
    Classification result = Start(ClassMethod::NaturalBreaks, classes, known.unknown);
    if (known.sorted.empty())
        return result;

    std::size_t distinct = 1;
    for (std::size_t i = 1; i < known.sorted.size(); ++i)
        distinct += known.sorted[i - 1] < known.sorted[i] ? 1 : 0;
    // Too many distinct values for O(k n^2): an evenly spaced sample of the ranks (ends included).
    std::vector<double> sample;
    std::span<const double> source = known.sorted;
    if (distinct > kNaturalBreaksExactLimit) {
        const std::size_t n = known.sorted.size();
        sample.reserve(kNaturalBreaksExactLimit);
        for (std::size_t i = 0; i < kNaturalBreaksExactLimit; ++i) {
            const std::size_t rank = static_cast<std::size_t>(
                std::llround(static_cast<double>(i) * static_cast<double>(n - 1) / (kNaturalBreaksExactLimit - 1)));
            sample.push_back(known.sorted[rank]);
        }
        source = sample;
        result.sampled = true;
    }

    // Distinct values with their multiplicities.
    std::vector<double> x, weight;
    for (double value : source) {
        if (!x.empty() && x.back() == value) {
            weight.back() += 1.0;
        } else {
            x.push_back(value);
            weight.push_back(1.0);
        }
    }
    if (x.size() == 1) {
        SingleClass(known.sorted, result);
        return result;
    }
    const int groups = std::min(classes, static_cast<int>(x.size()));
    const std::vector<std::size_t> starts = FisherJenksStarts(x, weight, groups);
    result.breaks.push_back(known.sorted.front());
    for (std::size_t s : starts)
        result.breaks.push_back(EdgeInGap(known.sorted, x[s - 1], x[s]));
    result.breaks.push_back(known.sorted.back());
    CountClasses(known.sorted, result);
    return result;
}

ManualBreaksProblem CheckManualBreaks(std::span<const double> edges)
{
    if (edges.size() < 2)
        return ManualBreaksProblem::TooFew;
    if (edges.size() > static_cast<std::size_t>(kMaxClasses) + 1)
        return ManualBreaksProblem::TooMany;
    for (double edge : edges)
        if (!std::isfinite(edge))
            return ManualBreaksProblem::NotFinite;
    for (std::size_t i = 1; i < edges.size(); ++i)
        if (!(edges[i - 1] < edges[i]))
            return ManualBreaksProblem::NotAscending;
    return ManualBreaksProblem::None;
}

Classification ClassifyManual(std::span<const double> values, std::span<const double> edges)
{
    switch (CheckManualBreaks(edges)) {
    case ManualBreaksProblem::None:
        break;
    case ManualBreaksProblem::TooFew:
        throw InputError("manual class breaks: need at least 2 edges, got " + std::to_string(edges.size()));
    case ManualBreaksProblem::TooMany:
        throw InputError("manual class breaks: at most " + std::to_string(kMaxClasses + 1) + " edges (" +
                         std::to_string(kMaxClasses) + " classes), got " + std::to_string(edges.size()));
    case ManualBreaksProblem::NotFinite:
        throw InputError("manual class breaks: every edge must be a finite number");
    case ManualBreaksProblem::NotAscending:
        throw InputError("manual class breaks: edges must rise strictly");
    }
    KnownValues known = SortKnown(values);
    const int classes = static_cast<int>(edges.size()) - 1;
    Classification result = Start(ClassMethod::Manual, classes, known.unknown);
    result.breaks.assign(edges.begin(), edges.end());
    if (!known.sorted.empty()) {
        result.breaks.front() = std::min(result.breaks.front(), known.sorted.front());
        result.breaks.back() = std::max(result.breaks.back(), known.sorted.back());
    }
    CountClasses(known.sorted, result);
    return result;
}

Classification ClassifyDivergingAroundZero(std::span<const double> values, int classes, DivergingSteps steps)
{
    classes = ClampClasses(classes);
    KnownValues known = SortKnown(values);
    Classification result = Start(ClassMethod::DivergingAroundZero, classes, known.unknown);
    result.symmetric_around_zero = true;
    if (known.sorted.empty())
        return result;
    const double largest = std::max(std::fabs(known.sorted.front()), std::fabs(known.sorted.back()));
    if (largest == 0.0) {
        result.breaks = {0.0, 0.0};
        CountClasses(known.sorted, result);
        return result;
    }
    const std::vector<double> magnitude = MagnitudeEdges(known.sorted, classes, steps, largest);
    // Odd count, but all magnitudes tied into one quantile class: a lone middle class would
    // paint every change neutral, so split at 0 instead (two classes, one per sign).
    const bool odd = classes % 2 == 1 && magnitude.size() > 1;
    // Odd: -e_h .. -e_1, e_1 .. e_h (middle class (-e_1, e_1)); even: -e_h .. -e_1, 0, e_1 .. e_h.
    for (auto it = magnitude.rbegin(); it != magnitude.rend(); ++it)
        result.breaks.push_back(-*it);
    if (!odd)
        result.breaks.push_back(0.0);
    for (double edge : magnitude)
        result.breaks.push_back(edge);
    CountClasses(known.sorted, result);
    return result;
}

Classification Classify(ClassMethod method, std::span<const double> values, int classes,
                        std::span<const double> manual_edges)
{
    switch (method) {
    case ClassMethod::Quantile:
        return ClassifyQuantile(values, classes);
    case ClassMethod::EqualInterval:
        return ClassifyEqualInterval(values, classes);
    case ClassMethod::NaturalBreaks:
        return ClassifyNaturalBreaks(values, classes);
    case ClassMethod::Manual:
        return ClassifyManual(values, manual_edges);
    case ClassMethod::DivergingAroundZero:
        return ClassifyDivergingAroundZero(values, classes);
    }
    return ClassifyQuantile(values, classes);
}

int ClassOf(double value, const Classification& classification)
{
    const std::vector<double>& breaks = classification.breaks;
    if (!std::isfinite(value) || breaks.size() < 2)
        return -1;
    const int classes = static_cast<int>(breaks.size()) - 1;
    // Inner edges only: values beyond the outer edges fall into the end classes.
    const auto inner_begin = breaks.begin() + 1;
    const auto inner_end = breaks.end() - 1;
    if (classification.symmetric_around_zero && value < 0.0) {
        // Mirror: an edge goes to the class farther from zero, i.e. the lower one here.
        const auto above = std::lower_bound(inner_begin, inner_end, value);
        return static_cast<int>(above - inner_begin);
    }
    // Number of inner edges <= value: an inner edge belongs to the class above it.
    const auto above = std::upper_bound(inner_begin, inner_end, value);
    const int cls = static_cast<int>(above - inner_begin);
    return std::min(cls, classes - 1);
}

} // namespace vak::core
