#include "core/aggregate/cpu_engine.hpp"

#include "core/errors.hpp"
#include "core/hardware_threads.hpp"

#include <algorithm>
#include <atomic>
#include <bit>
#include <exception>
#include <limits>
#include <numeric>
#include <thread>
#include <unordered_map>

namespace vak::core::agg {

struct CpuEngine::Cube {
    struct Measure {
        std::vector<std::int64_t> sum, known, suppressed, offered, min, max;
    };
    std::size_t cells = 0;
    std::vector<std::vector<std::uint32_t>> codes; // per dimension, per cell
    std::vector<std::int64_t> rows;                // per cell
    std::vector<Measure> measures;
};

namespace {
struct Accumulator;
}

struct CpuEngine::Scratch {
    std::vector<std::vector<Accumulator>> accumulators; // [thread][view]
};

namespace {

constexpr std::size_t kBlock = 2048; // rows per block: the block's columns stay in L1/L2 across views
constexpr std::size_t kChunkBlocks = 8; // blocks a thread claims at a time (16 K rows, some 10 us)

// What one row (or one cube cell) contributes to a group, for one measure.
struct Contribution {
    std::int64_t rows, known, suppressed, offered, sum, min, max;
};

// Rows of the table: one row each; values are 0 unless known (FactMeasure's guarantee).
struct RowSource {
    const FactTable* table;
    const std::vector<std::uint32_t>& Codes(int dimension) const { return table->dimensions[std::size_t(dimension)].codes; }
    Contribution Of(const FactMeasure* m, std::size_t r) const
    {
        if (!m)
            return {1, 1, 0, 1, 0, 0, 0};
        const ValueState state = m->states[r];
        const std::int64_t v = m->values[r];
        const std::int64_t known = state == ValueState::Known;
        const std::int64_t suppressed = state == ValueState::Suppressed;
        return {1, known, suppressed, suppressed | (known & (v != 0)), v, v, v};
    }
};

// Cells of the cube: the figures were summed at Load.
struct CellSource {
    const CpuEngine::Cube* cube;
    const std::vector<std::uint32_t>& Codes(int dimension) const { return cube->codes[std::size_t(dimension)]; }
    Contribution Of(const CpuEngine::Cube::Measure* m, std::size_t c) const
    {
        if (!m)
            return {cube->rows[c], cube->rows[c], 0, cube->rows[c], 0, 0, 0};
        return {cube->rows[c], m->known[c], m->suppressed[c], m->offered[c], m->sum[c], m->min[c], m->max[c]};
    }
};

// Row, known and suppressed counts packed into one 64-bit word per group (21 bits each), so the
// hot loop does one add for all three; flushed into the 64-bit counts before a field can fill.
constexpr unsigned kPackedBits = 21;
constexpr std::uint64_t kPackedMask = (std::uint64_t(1) << kPackedBits) - 1;
constexpr std::uint64_t kRow = 1, kKnown = kRow << kPackedBits, kSuppressed = kKnown << kPackedBits;
constexpr std::size_t kRowsPerFlush = kPackedMask - kBlock; // a flush at a block end never overflows
// Indexed by ValueState (Known, Suppressed, Missing).
constexpr std::uint64_t kPackedIncrement[3] = {kRow | kKnown, kRow | kSuppressed, kRow};

struct Accumulator {
    std::vector<std::int64_t> rows, known, suppressed, values;
    std::vector<std::uint64_t> packed; // fast path: rows | known | suppressed, see kPackedBits
    std::size_t rows_since_flush = 0;
    std::vector<std::uint8_t> seen;    // Min/Max: a known value arrived
    std::vector<std::uint64_t> bits;   // CountDistinct: group x code
    std::size_t distinct_cardinality = 0;

    void Reset(std::size_t groups, const ViewSpec& view, std::size_t cardinality)
    {
        rows.assign(groups, 0);
        known.assign(groups, 0);
        suppressed.assign(groups, 0);
        values.assign(groups, 0);
        if (view.aggregate == Aggregate::Min || view.aggregate == Aggregate::Max)
            seen.assign(groups, 0);
        if (view.aggregate == Aggregate::CountDistinct) {
            distinct_cardinality = cardinality;
            bits.assign((groups * cardinality + 63) / 64, 0);
        }
        packed.clear();
        rows_since_flush = 0;
    }

    std::size_t Bytes() const
    {
        return 8 * (rows.capacity() + known.capacity() + suppressed.capacity() + values.capacity() +
                    packed.capacity() + bits.capacity()) +
               seen.capacity();
    }

    void FlushPacked()
    {
        for (std::size_t g = 0; g < packed.size(); ++g) {
            const std::uint64_t p = packed[g];
            rows[g] += std::int64_t(p & kPackedMask);
            known[g] += std::int64_t((p >> kPackedBits) & kPackedMask);
            suppressed[g] += std::int64_t(p >> (2 * kPackedBits));
            packed[g] = 0;
        }
        rows_since_flush = 0;
    }
};

// Sum and Count on raw rows, the views a dashboard asks most (map, time chart, bars, density):
// no branches per row. A row that fails a filter the view applies, or lies outside the grid,
// adds with weight 0 instead of being skipped, which costs less than a mispredicted branch.
enum class Shape { Total, OneDimension, TwoDimensions, Bins };

// Exact division of numbers below 2^31 by a fixed divisor through one multiplication: with
// l = ceil(log2 d) and m = ceil(2^(31+l) / d) (< 2^32), floor(n * m / 2^(31+l)) = floor(n / d)
// for every n < 2^31, because m * d exceeds 2^(31+l) by less than d <= 2^l; n * m < 2^63 fits
// 64 bits. A hardware divide per point would cost more than the rest of the binning.
class FixedDivisor {
public:
    explicit FixedDivisor(std::uint32_t d)
        : m_shift(31 + unsigned(std::bit_width(d - 1))), m_magic(((std::uint64_t(1) << m_shift) + d - 1) / d)
    {
    }
    std::uint32_t Divide(std::uint32_t n) const { return std::uint32_t((std::uint64_t(n) * m_magic) >> m_shift); }

private:
    unsigned m_shift;
    std::uint64_t m_magic;
};

constexpr int kMaxInlineFilters = 3;
constexpr std::uint32_t kMaxInlineCardinality = 64;

// How a fast-path view tells the rows it adds from the rows it skips (weight 0).
struct RowTest {
    // The block's mask of failed filters (see Compute), or null when no filter is tested.
    const std::uint32_t* failed = nullptr;
    std::uint32_t applied = 0; // the bits of `failed` this view cares about
    // Or, for up to kMaxInlineFilters filters on dimensions of at most 64 codes, tested in the
    // accumulate loop itself: row r fails filter i when bit codes[i][r] of fails[i] is set. A
    // shift of a word held in a register costs less than the mask's store and reload, and a
    // view that tests its filters inline needs no mask pass at all.
    int inline_filters = 0;
    const std::uint32_t* codes[kMaxInlineFilters] = {};
    std::uint64_t fails[kMaxInlineFilters] = {};
};

template <Shape S, bool kSum, bool kHasMeasure, int kInline>
void FastAccumulate(const FactTable& table, const ViewSpec& view, const RowTest& test, std::uint32_t card1,
                    const FactMeasure* measure, std::size_t begin, std::size_t end, Accumulator& acc)
{
    const std::uint32_t* c0 = nullptr;
    const std::uint32_t* c1 = nullptr;
    if constexpr (S == Shape::OneDimension || S == Shape::TwoDimensions)
        c0 = table.dimensions[std::size_t(view.group_by[0])].codes.data();
    if constexpr (S == Shape::TwoDimensions)
        c1 = table.dimensions[std::size_t(view.group_by[1])].codes.data();
    const ValueState* states = kHasMeasure ? measure->states.data() : nullptr;
    const std::int64_t* values = kHasMeasure ? measure->values.data() : nullptr;
    std::uint64_t* packed = acc.packed.data();
    std::int64_t* sums = acc.values.data();
    const PointGrid grid = view.bins.value_or(PointGrid{});
    const FixedDivisor cell(static_cast<std::uint32_t>(std::max<std::int64_t>(grid.cell, 1)));
    const std::uint32_t* failed = test.failed;
    const std::uint32_t applied = test.applied;
    const std::uint32_t* f0 = test.codes[0];
    const std::uint32_t* f1 = test.codes[1];
    const std::uint32_t* f2 = test.codes[2];
    const std::uint64_t w0 = test.fails[0], w1 = test.fails[1], w2 = test.fails[2];
    // Unrolled: measured 0.91 against 1.12 ns a row (one view, two inline filters, in cache).
#pragma GCC unroll 4
    for (std::size_t r = begin; r < end; ++r) {
        std::uint64_t weight = 1;
        if constexpr (kInline == 0) {
            weight = failed ? ((failed[r - begin] & applied) == 0) : 1;
        } else {
            std::uint64_t fails = w0 >> f0[r]; // codes < 64 (ValidateTable, kMaxInlineCardinality)
            if constexpr (kInline > 1)
                fails |= w1 >> f1[r];
            if constexpr (kInline > 2)
                fails |= w2 >> f2[r];
            weight = ~fails & 1;
        }
        std::size_t g = 0;
        if constexpr (S == Shape::OneDimension)
            g = c0[r];
        else if constexpr (S == Shape::TwoDimensions)
            g = std::size_t(c0[r]) * card1 + c1[r];
        else if constexpr (S == Shape::Bins) {
            // Offsets clamped to [0, 2^31 - 1]: ValidateView keeps the grid below 2^31 - 1 across,
            // so a clamped point still falls outside.
            const std::int64_t dx = std::int64_t(table.x[r]) - grid.x0, dy = std::int64_t(table.y[r]) - grid.y0;
            constexpr std::int64_t kLimit = (std::int64_t(1) << 31) - 1;
            const std::uint32_t ix = cell.Divide(std::uint32_t(std::clamp<std::int64_t>(dx, 0, kLimit)));
            const std::uint32_t iy = cell.Divide(std::uint32_t(std::clamp<std::int64_t>(dy, 0, kLimit)));
            const bool inside = (dx >= 0) & (dy >= 0) & (ix < grid.nx) & (iy < grid.ny);
            weight &= inside;
            g = inside ? std::size_t(iy) * grid.nx + std::size_t(ix) : 0;
        }
        const std::uint64_t increment = kHasMeasure ? kPackedIncrement[std::size_t(states[r])] : (kRow | kKnown);
        packed[g] += increment * weight;
        if constexpr (kSum)
            sums[g] += values[r] * std::int64_t(weight); // 0 unless known (FactMeasure's guarantee)
    }
    acc.rows_since_flush += end - begin;
    if (acc.rows_since_flush >= kRowsPerFlush)
        acc.FlushPacked();
}

template <Shape S, int kInline>
void FastAccumulateMeasure(const FactTable& table, const ViewSpec& view, const RowTest& test, std::uint32_t card1,
                           std::size_t begin, std::size_t end, Accumulator& acc)
{
    const FactMeasure* m = view.measure >= 0 ? &table.measures[std::size_t(view.measure)] : nullptr;
    if (view.aggregate == Aggregate::Sum)
        FastAccumulate<S, true, true, kInline>(table, view, test, card1, m, begin, end, acc);
    else if (m)
        FastAccumulate<S, false, true, kInline>(table, view, test, card1, m, begin, end, acc);
    else
        FastAccumulate<S, false, false, kInline>(table, view, test, card1, m, begin, end, acc);
}

template <Shape S>
void FastAccumulateShape(const FactTable& table, const ViewSpec& view, const RowTest& test, std::uint32_t card1,
                         std::size_t begin, std::size_t end, Accumulator& acc)
{
    // Point bins always read the mask: their filters are mostly settled by the partitions.
    if constexpr (S != Shape::Bins) {
        switch (test.inline_filters) {
        case 1:
            return FastAccumulateMeasure<S, 1>(table, view, test, card1, begin, end, acc);
        case 2:
            return FastAccumulateMeasure<S, 2>(table, view, test, card1, begin, end, acc);
        case 3:
            return FastAccumulateMeasure<S, 3>(table, view, test, card1, begin, end, acc);
        default:
            break;
        }
    }
    FastAccumulateMeasure<S, 0>(table, view, test, card1, begin, end, acc);
}

bool UsesFastPath(const ViewSpec& view)
{
    return view.aggregate == Aggregate::Sum || view.aggregate == Aggregate::Count;
}

// One view of a batch, resolved against the table.
struct ViewPlan {
    const ViewSpec* view = nullptr;
    std::size_t groups = 0;
    std::uint32_t applied = 0; // bits of the batch's filters this view applies
    std::uint32_t card1 = 1;   // cardinality of the second group-by dimension
    std::size_t distinct_cardinality = 0;
};

// Rows (or cube cells) [begin, end).
struct RowSpan {
    std::size_t begin, end;
};

constexpr std::uint32_t AllFilters(std::size_t count) { return count >= 32 ? ~0u : (1u << count) - 1; }

template <Aggregate A>
inline void Add(Accumulator& acc, std::size_t g, const Contribution& c, std::uint32_t distinct_code)
{
    acc.rows[g] += c.rows;
    acc.suppressed[g] += c.suppressed;
    if constexpr (A == Aggregate::CountDistinct) {
        acc.known[g] += c.known + c.suppressed;
        if (c.offered) {
            const std::size_t bit = g * acc.distinct_cardinality + distinct_code;
            acc.bits[bit >> 6] |= std::uint64_t(1) << (bit & 63);
        }
    } else {
        acc.known[g] += c.known;
        if constexpr (A == Aggregate::Sum)
            acc.values[g] += c.sum;
        else if constexpr (A == Aggregate::Count)
            acc.values[g] += c.known;
        else if (c.known) {
            const std::int64_t v = A == Aggregate::Min ? c.min : c.max;
            if (!acc.seen[g]) {
                acc.values[g] = v;
                acc.seen[g] = 1;
            } else {
                acc.values[g] = A == Aggregate::Min ? std::min(acc.values[g], v) : std::max(acc.values[g], v);
            }
        }
    }
}

// Adds rows [begin, end) of `source` whose failed filters this view ignores.
template <Aggregate A, class Source, class Measure>
void AccumulateBlock(const Source& source, const FactTable& table, const ViewPlan& plan, const Measure* measure,
                     std::size_t begin, std::size_t end, const std::uint32_t* failed, Accumulator& acc)
{
    const ViewSpec& view = *plan.view;
    static const std::vector<std::uint32_t> kNoCodes;
    const std::vector<std::uint32_t>& distinct =
        view.distinct_dimension >= 0 ? source.Codes(view.distinct_dimension) : kNoCodes;
    auto distinct_code = [&](std::size_t r) -> std::uint32_t {
        if constexpr (A == Aggregate::CountDistinct)
            return distinct[r];
        else
            return 0;
    };
    const std::uint32_t applied = plan.applied;
    if (view.bins) {
        // Points exist only on raw rows (a cube never serves point bins).
        const PointGrid& grid = *view.bins;
        for (std::size_t r = begin; r < end; ++r) {
            if (failed && (failed[r - begin] & applied))
                continue;
            const std::int64_t dx = std::int64_t(table.x[r]) - grid.x0;
            const std::int64_t dy = std::int64_t(table.y[r]) - grid.y0;
            if (dx < 0 || dy < 0)
                continue;
            const std::uint64_t ix = std::uint64_t(dx / grid.cell), iy = std::uint64_t(dy / grid.cell);
            if (ix >= grid.nx || iy >= grid.ny)
                continue;
            Add<A>(acc, iy * grid.nx + ix, source.Of(measure, r), distinct_code(r));
        }
        return;
    }
    const std::vector<std::uint32_t>* group0 = view.group_by[0] >= 0 ? &source.Codes(view.group_by[0]) : nullptr;
    const std::vector<std::uint32_t>* group1 = view.group_by[1] >= 0 ? &source.Codes(view.group_by[1]) : nullptr;
    for (std::size_t r = begin; r < end; ++r) {
        if (failed && (failed[r - begin] & applied))
            continue;
        std::size_t g = group0 ? (*group0)[r] : 0;
        if (group1)
            g = g * plan.card1 + (*group1)[r];
        Add<A>(acc, g, source.Of(measure, r), distinct_code(r));
    }
}

template <class Source, class Measure>
void AccumulateView(const Source& source, const FactTable& table, const ViewPlan& plan, const Measure* measure,
                    std::size_t begin, std::size_t end, const std::uint32_t* failed, Accumulator& acc)
{
    switch (plan.view->aggregate) {
    case Aggregate::Sum: AccumulateBlock<Aggregate::Sum>(source, table, plan, measure, begin, end, failed, acc); break;
    case Aggregate::Count: AccumulateBlock<Aggregate::Count>(source, table, plan, measure, begin, end, failed, acc); break;
    case Aggregate::CountDistinct:
        AccumulateBlock<Aggregate::CountDistinct>(source, table, plan, measure, begin, end, failed, acc);
        break;
    case Aggregate::Min: AccumulateBlock<Aggregate::Min>(source, table, plan, measure, begin, end, failed, acc); break;
    case Aggregate::Max: AccumulateBlock<Aggregate::Max>(source, table, plan, measure, begin, end, failed, acc); break;
    }
}

// Adds groups [g0, g1) of `from` into `into`, and for distinct counts the words [w0, w1) of the
// bit sets.
void Merge(Accumulator& into, const Accumulator& from, Aggregate aggregate, std::size_t g0, std::size_t g1,
           std::size_t w0, std::size_t w1)
{
    for (std::size_t g = g0; g < g1; ++g) {
        into.rows[g] += from.rows[g];
        into.known[g] += from.known[g];
        into.suppressed[g] += from.suppressed[g];
    }
    switch (aggregate) {
    case Aggregate::Sum:
    case Aggregate::Count:
        for (std::size_t g = g0; g < g1; ++g)
            into.values[g] += from.values[g];
        break;
    case Aggregate::Min:
    case Aggregate::Max:
        for (std::size_t g = g0; g < g1; ++g) {
            if (!from.seen[g])
                continue;
            if (!into.seen[g])
                into.values[g] = from.values[g];
            else
                into.values[g] = aggregate == Aggregate::Min ? std::min(into.values[g], from.values[g])
                                                             : std::max(into.values[g], from.values[g]);
            into.seen[g] = 1;
        }
        break;
    case Aggregate::CountDistinct:
        for (std::size_t w = w0; w < w1; ++w)
            into.bits[w] |= from.bits[w];
        break;
    }
}

// Merges every thread's accumulator of view v into thread 0's. A large histogram (a density
// view's) is merged by all threads, each over its own slice of the groups: done by one thread,
// the merge would cost more than the scan on a machine with many cores.
void MergeThreads(std::vector<std::vector<Accumulator>>& local, std::size_t v, unsigned threads, Aggregate aggregate)
{
    if (threads < 2)
        return;
    Accumulator& into = local[0][v];
    const std::size_t groups = into.rows.size(), words = into.bits.size();
    const unsigned workers = groups * (threads - 1) >= (std::size_t(1) << 18) ? threads : 1;
    auto merge_slice = [&](unsigned w) {
        const std::size_t g0 = groups * w / workers, g1 = groups * (w + 1) / workers;
        const std::size_t w0 = words * w / workers, w1 = words * (w + 1) / workers;
        for (unsigned t = 1; t < threads; ++t)
            Merge(into, local[t][v], aggregate, g0, g1, w0, w1);
    };
    std::vector<std::jthread> pool;
    for (unsigned w = 1; w < workers; ++w)
        pool.emplace_back(merge_slice, w);
    merge_slice(0);
}

ViewResult Finish(Accumulator& acc, const ViewSpec& view, const FactTable& table)
{
    ViewResult result;
    const std::size_t groups = acc.rows.size();
    if (view.aggregate == Aggregate::CountDistinct) {
        // Count the set bits of each group's run of `cardinality` bits.
        const std::size_t card = acc.distinct_cardinality;
        for (std::size_t g = 0; g < groups; ++g) {
            std::int64_t count = 0;
            std::size_t bit = g * card;
            const std::size_t end = bit + card;
            while (bit < end) {
                const std::size_t word = bit >> 6, shift = bit & 63;
                const std::size_t take = std::min<std::size_t>(64 - shift, end - bit);
                std::uint64_t w = acc.bits[word] >> shift;
                if (take < 64)
                    w &= (std::uint64_t(1) << take) - 1;
                count += std::popcount(w);
                bit += take;
            }
            acc.values[g] = count;
        }
    }
    result.states.resize(groups);
    for (std::size_t g = 0; g < groups; ++g)
        result.states[g] = StateOf(acc.rows[g], acc.known[g]);
    const bool in_measure_units =
        view.aggregate == Aggregate::Sum || view.aggregate == Aggregate::Min || view.aggregate == Aggregate::Max;
    result.decimals = in_measure_units ? table.measures[std::size_t(view.measure)].decimals : 0;
    result.values = acc.values; // copies: the accumulator's buffers are kept for the next call
    result.rows = acc.rows;
    result.suppressed = acc.suppressed;
    return result;
}

std::uint32_t SpreadBits(std::uint32_t v) // 16 bits to the even bits of 32
{
    v &= 0xFFFF;
    v = (v | (v << 8)) & 0x00FF00FF;
    v = (v | (v << 4)) & 0x0F0F0F0F;
    v = (v | (v << 2)) & 0x33333333;
    v = (v | (v << 1)) & 0x55555555;
    return v;
}

// Rows a partition of the point rows should hold at least: below a few thousand, the Z-order
// inside a partition no longer keeps the bins' histogram in cache, and the per-partition
// bookkeeping starts to count.
constexpr std::size_t kMinRowsPerPartition = 4096;

// The dimensions to partition the point rows by: the lowest cardinalities first, as many as keep
// kMinRowsPerPartition rows per partition on average.
std::vector<int> PartitionDimensions(const FactTable& table)
{
    std::vector<int> order(table.dimensions.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return table.dimensions[std::size_t(a)].Cardinality() < table.dimensions[std::size_t(b)].Cardinality();
    });
    const std::size_t budget = std::max<std::size_t>(1, table.rows / kMinRowsPerPartition);
    std::size_t partitions = 1;
    std::vector<int> chosen;
    for (int d : order) {
        const std::size_t card = table.dimensions[std::size_t(d)].Cardinality();
        if (card <= 1)
            continue; // one code: nothing to skip
        if (partitions * card > budget)
            break;
        partitions *= card;
        chosen.push_back(d);
    }
    std::sort(chosen.begin(), chosen.end());
    return chosen;
}

} // namespace

struct CpuEngine::PointPartitions {
    std::shared_ptr<const FactTable> table; // the rows, partition after partition
    std::vector<int> dimensions;            // partitioning dimensions; the last varies fastest
    std::vector<std::size_t> offsets;       // partition p holds rows [offsets[p], offsets[p + 1])

    std::size_t Partitions() const { return offsets.size() - 1; }
    // The code of dimensions[i] that all rows of partition p have.
    std::uint32_t CodeOf(std::size_t p, std::size_t i) const
    {
        for (std::size_t j = dimensions.size(); j-- > i + 1;)
            p /= table->dimensions[std::size_t(dimensions[j])].Cardinality();
        return std::uint32_t(p % table->dimensions[std::size_t(dimensions[i])].Cardinality());
    }
};

namespace {

// A copy of `table` with its rows ordered by partition (see PartitionDimensions), and within a
// partition in Z-order of their points (quantised to 65,536 steps over the table's extent).
// Sums, counts, minima and distinct counts do not depend on row order, so results stay
// identical.
std::unique_ptr<CpuEngine::PointPartitions> PartitionPoints(const FactTable& table)
{
    auto out = std::make_unique<CpuEngine::PointPartitions>();
    out->dimensions = PartitionDimensions(table);
    std::size_t partitions = 1;
    for (int d : out->dimensions)
        partitions *= table.dimensions[std::size_t(d)].Cardinality();
    const auto [min_x, max_x] = std::minmax_element(table.x.begin(), table.x.end());
    const auto [min_y, max_y] = std::minmax_element(table.y.begin(), table.y.end());
    const double sx = 65535.0 / std::max<double>(1.0, double(*max_x) - *min_x);
    const double sy = 65535.0 / std::max<double>(1.0, double(*max_y) - *min_y);
    std::vector<std::pair<std::uint64_t, std::uint32_t>> keyed(table.rows);
    out->offsets.assign(partitions + 1, 0);
    for (std::size_t r = 0; r < table.rows; ++r) {
        std::uint64_t partition = 0;
        for (int d : out->dimensions) {
            const FactDimension& dim = table.dimensions[std::size_t(d)];
            partition = partition * dim.Cardinality() + dim.codes[r];
        }
        ++out->offsets[partition + 1];
        const auto qx = std::uint32_t((double(table.x[r]) - *min_x) * sx);
        const auto qy = std::uint32_t((double(table.y[r]) - *min_y) * sy);
        keyed[r] = {partition << 32 | SpreadBits(qx) | (SpreadBits(qy) << 1), std::uint32_t(r)};
    }
    std::partial_sum(out->offsets.begin(), out->offsets.end(), out->offsets.begin());
    std::sort(keyed.begin(), keyed.end());
    auto sorted = std::make_shared<FactTable>();
    sorted->name = table.name;
    sorted->rows = table.rows;
    auto permute = [&](const auto& column) {
        std::remove_cvref_t<decltype(column)> permuted(column.size());
        for (std::size_t i = 0; i < keyed.size(); ++i)
            permuted[i] = column[keyed[i].second];
        return permuted;
    };
    sorted->x = permute(table.x);
    sorted->y = permute(table.y);
    for (const FactDimension& d : table.dimensions) {
        FactDimension& copy = sorted->dimensions.emplace_back();
        copy.name = d.name;
        copy.role = d.role;
        copy.labels = d.labels;
        copy.codes = permute(d.codes);
    }
    for (const FactMeasure& m : table.measures) {
        FactMeasure& copy = sorted->measures.emplace_back();
        copy.name = m.name;
        copy.decimals = m.decimals;
        copy.values = permute(m.values);
        copy.states = permute(m.states);
    }
    out->table = std::move(sorted);
    return out;
}

// The row spans of the partitions that pass the filters every point view applies on the
// partitioning dimensions. Those filters hold for every row of the spans: they are added to
// `skip_filters`, so the scan does not test them again per row.
std::vector<RowSpan> PartitionSpans(const CpuEngine::PointPartitions& points, const std::vector<DimensionFilter>& active,
                                    const std::vector<ViewPlan>& plans, std::uint32_t& skip_filters)
{
    std::uint32_t common = AllFilters(active.size());
    for (const ViewPlan& plan : plans)
        if (plan.view->bins)
            common &= plan.applied;
    std::vector<std::pair<std::size_t, std::size_t>> tests; // (partitioning dimension, filter)
    for (std::size_t f = 0; f < active.size(); ++f)
        for (std::size_t i = 0; i < points.dimensions.size(); ++i)
            if ((common >> f & 1u) && points.dimensions[i] == active[f].dimension) {
                tests.emplace_back(i, f);
                skip_filters |= 1u << f;
            }
    std::vector<RowSpan> spans;
    for (std::size_t p = 0; p < points.Partitions(); ++p) {
        const std::size_t begin = points.offsets[p], end = points.offsets[p + 1];
        if (begin == end)
            continue;
        const bool passes = std::all_of(tests.begin(), tests.end(), [&](const auto& test) {
            return active[test.second].Allows(points.CodeOf(p, test.first));
        });
        if (!passes)
            continue;
        if (!spans.empty() && spans.back().end == begin)
            spans.back().end = end;
        else
            spans.push_back({begin, end});
    }
    return spans;
}

} // namespace

CpuEngine::CpuEngine(CpuEngineOptions options) : m_options(options), m_scratch(std::make_unique<Scratch>())
{
    m_threads = options.threads ? options.threads : HardwareThreads();
}

CpuEngine::~CpuEngine() = default;

std::size_t CpuEngine::CubeCells() const { return m_cube ? m_cube->cells : 0; }

std::size_t CpuEngine::PointPartitionCount() const { return m_points ? m_points->Partitions() : 0; }

std::string CpuEngine::Describe() const
{
    std::string text = "CPU, " + std::to_string(m_threads) + (m_threads == 1 ? " thread" : " threads");
    if (m_cube)
        text += ", cube of " + std::to_string(m_cube->cells) + " cells";
    return text;
}

void CpuEngine::Load(std::shared_ptr<const FactTable> table)
{
    if (table)
        ValidateTable(*table);
    m_table = std::move(table);
    m_cube.reset();
    m_points = m_table && m_table->HasPoints() ? PartitionPoints(*m_table) : nullptr;
    if (!m_table || m_options.cube == CubeMode::Never || m_table->rows == 0)
        return;
    const FactTable& t = *m_table;
    const std::size_t max_cells =
        m_options.cube == CubeMode::Always ? t.rows : std::max<std::size_t>(1, t.rows / 4);

    // Mixed-radix key over all dimensions; give up when it cannot fit in 64 bits.
    std::uint64_t key_space = 1;
    for (const FactDimension& d : t.dimensions) {
        const std::uint64_t card = std::max<std::uint32_t>(1, d.Cardinality());
        if (key_space > std::numeric_limits<std::uint64_t>::max() / card)
            return;
        key_space *= card;
    }
    auto cube = std::make_unique<Cube>();
    cube->codes.resize(t.dimensions.size());
    cube->measures.resize(t.measures.size());
    std::vector<std::uint32_t> cell_of_row(t.rows);
    // Dense key -> cell table when the key space is small, a hash map otherwise.
    constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
    std::vector<std::uint32_t> dense;
    std::unordered_map<std::uint64_t, std::uint32_t> sparse;
    const bool use_dense = key_space <= (std::uint64_t(1) << 24);
    if (use_dense)
        dense.assign(key_space, kNone);
    for (std::size_t r = 0; r < t.rows; ++r) {
        std::uint64_t key = 0;
        for (const FactDimension& d : t.dimensions)
            key = key * std::max<std::uint32_t>(1, d.Cardinality()) + d.codes[r];
        std::uint32_t& slot = use_dense ? dense[key] : sparse.try_emplace(key, kNone).first->second;
        if (slot == kNone) {
            if (cube->cells == max_cells)
                return; // not worth it: almost every row is its own cell
            slot = static_cast<std::uint32_t>(cube->cells++);
            for (std::size_t d = 0; d < t.dimensions.size(); ++d)
                cube->codes[d].push_back(t.dimensions[d].codes[r]);
        }
        cell_of_row[r] = slot;
    }
    cube->rows.assign(cube->cells, 0);
    for (std::size_t r = 0; r < t.rows; ++r)
        ++cube->rows[cell_of_row[r]];
    for (std::size_t m = 0; m < t.measures.size(); ++m) {
        const FactMeasure& measure = t.measures[m];
        Cube::Measure& cm = cube->measures[m];
        cm.sum.assign(cube->cells, 0);
        cm.known.assign(cube->cells, 0);
        cm.suppressed.assign(cube->cells, 0);
        cm.offered.assign(cube->cells, 0);
        cm.min.assign(cube->cells, std::numeric_limits<std::int64_t>::max());
        cm.max.assign(cube->cells, std::numeric_limits<std::int64_t>::min());
        for (std::size_t r = 0; r < t.rows; ++r) {
            const std::uint32_t c = cell_of_row[r];
            const ValueState state = measure.states[r];
            const std::int64_t v = measure.values[r];
            if (state == ValueState::Known) {
                cm.sum[c] += v;
                ++cm.known[c];
                cm.min[c] = std::min(cm.min[c], v);
                cm.max[c] = std::max(cm.max[c], v);
                cm.offered[c] += v != 0;
            } else if (state == ValueState::Suppressed) {
                ++cm.suppressed[c];
                ++cm.offered[c];
            }
        }
    }
    m_cube = std::move(cube);
}

std::vector<ViewResult> CpuEngine::Compute(const FilterSet& filters, const std::vector<ViewSpec>& views)
{
    std::vector<ViewResult> results;
    if (!m_table)
        return results;
    const FactTable& table = *m_table;
    ValidateFilters(table, filters);
    for (const ViewSpec& view : views)
        ValidateView(table, view);

    const std::vector<DimensionFilter>& active = filters.Filters();
    if (active.size() > 32)
        throw InputError("more than 32 filtered dimensions in one query");
    std::vector<ViewPlan> plans(views.size());
    for (std::size_t v = 0; v < views.size(); ++v) {
        ViewPlan& plan = plans[v];
        plan.view = &views[v];
        plan.groups = GroupCount(table, views[v]);
        for (std::size_t f = 0; f < active.size(); ++f)
            if (FilterAppliesTo(views[v], active[f].dimension))
                plan.applied |= 1u << f;
        if (views[v].group_by[1] >= 0)
            plan.card1 = table.dimensions[std::size_t(views[v].group_by[1])].Cardinality();
        if (views[v].distinct_dimension >= 0)
            plan.distinct_cardinality = table.dimensions[std::size_t(views[v].distinct_dimension)].Cardinality();
    }

    // Two passes over two sources: views with point bins scan the rows, the others the cube
    // when there is one.
    // Per filter and code: the filter's bit when the code fails it, so the per-row test is one
    // load and an OR.
    std::vector<std::vector<std::uint32_t>> fail_bits(active.size());
    for (std::size_t f = 0; f < active.size(); ++f) {
        const std::uint32_t card = table.dimensions[std::size_t(active[f].dimension)].Cardinality();
        fail_bits[f].resize(card);
        for (std::uint32_t c = 0; c < card; ++c)
            fail_bits[f][c] = active[f].Allows(c) ? 0u : (1u << f);
    }
    // Views are served by one of the two passes, so they can share the [thread][view] scratch.
    std::vector<std::vector<Accumulator>>& local = m_scratch->accumulators;
    local.resize(std::max<std::size_t>(local.size(), m_threads));
    for (auto& per_view : local)
        per_view.resize(std::max(per_view.size(), views.size()));
    // Two passes when the views with point bins have rows of their own (the partitioned copy) or
    // the others a cube; else one pass over the rows for all views.
    const bool split = m_cube || m_points;
    // Scans the rows (or cells) in `spans` for the views of one pass. Filters in `skip_filters`
    // are known to hold for every row of the spans and are not tested per row.
    auto run = [&](auto source, const std::vector<RowSpan>& spans, auto measure_of, bool bins_pass, bool raw_rows,
                   const FactTable& rows_table, std::uint32_t skip_filters) {
        std::vector<std::size_t> mine;
        for (std::size_t v = 0; v < views.size(); ++v)
            if (views[v].bins.has_value() == bins_pass || !split)
                mine.push_back(v);
        if (mine.empty())
            return;
        std::vector<RowSpan> block_spans;
        for (const RowSpan& span : spans)
            for (std::size_t b = span.begin; b < span.end; b += kBlock)
                block_spans.push_back({b, std::min(span.end, b + kBlock)});
        const std::size_t blocks = block_spans.size();
        const unsigned threads =
            static_cast<unsigned>(std::clamp<std::size_t>(blocks / 4, 1, m_threads)); // small inputs: fewer threads
        std::vector<std::exception_ptr> errors(threads);
        // Threads claim chunks of blocks as they go rather than a fixed share each: on a machine
        // shared with other work, a thread that gets less CPU time then scans fewer rows instead
        // of holding up the whole call. Sums do not depend on which thread added a row.
        std::atomic<std::size_t> next_block{0};
        auto work_unguarded = [&](unsigned t) {
            for (std::size_t v : mine) {
                local[t][v].Reset(plans[v].groups, views[v], plans[v].distinct_cardinality);
                if (raw_rows && UsesFastPath(views[v]))
                    local[t][v].packed.assign(plans[v].groups, 0);
            }
            std::vector<std::uint32_t> failed(kBlock);
            std::vector<std::size_t> tested; // the filters tested per row
            std::uint32_t tested_bits = 0;
            for (std::size_t f = 0; f < active.size(); ++f)
                if (!(skip_filters >> f & 1u)) {
                    tested.push_back(f);
                    tested_bits |= 1u << f;
                }
            // Fast-path views whose tested filters are few and on small dimensions test them
            // inline; the mask pass is made only for the views that read it.
            std::vector<RowTest> row_tests(views.size());
            bool mask_needed = false;
            for (std::size_t v : mine) {
                RowTest& test = row_tests[v];
                test.applied = plans[v].applied;
                const std::uint32_t need = plans[v].applied & tested_bits;
                if (need == 0)
                    continue;
                bool inline_ok = raw_rows && UsesFastPath(views[v]) && !views[v].bins &&
                                 std::popcount(need) <= kMaxInlineFilters;
                for (std::size_t f = 0; inline_ok && f < active.size(); ++f)
                    if (need >> f & 1u)
                        inline_ok = fail_bits[f].size() <= kMaxInlineCardinality;
                if (!inline_ok) {
                    mask_needed = true;
                    continue;
                }
                for (std::size_t f = 0; f < active.size(); ++f) {
                    if (!(need >> f & 1u))
                        continue;
                    const int i = test.inline_filters++;
                    test.codes[i] = source.Codes(active[f].dimension).data();
                    for (std::size_t c = 0; c < fail_bits[f].size(); ++c)
                        test.fails[i] |= std::uint64_t(fail_bits[f][c] != 0) << c;
                }
            }
            // Blocks [b, last) of the chunk claimed last; a new chunk when it is done.
            auto claim = [&](std::size_t& b, std::size_t& last) {
                b = next_block.fetch_add(kChunkBlocks, std::memory_order_relaxed);
                last = std::min(blocks, b + kChunkBlocks);
                return b < blocks;
            };
            for (std::size_t b = 0, last = 0; b < last || claim(b, last); ++b) {
                const std::size_t begin = block_spans[b].begin, end = block_spans[b].end;
                const std::uint32_t* failed_ptr = nullptr;
                if (mask_needed) {
                    // Up to three filters per sweep over the block: the scan is bound by stores,
                    // and one store of the OR of three look-ups beats three read-modify-writes.
                    for (std::size_t first_filter = 0; first_filter < tested.size(); first_filter += 3) {
                        const std::size_t n = std::min<std::size_t>(3, tested.size() - first_filter);
                        const std::size_t f0 = tested[first_filter];
                        const std::size_t f1 = tested[first_filter + (n > 1 ? 1 : 0)];
                        const std::size_t f2 = tested[first_filter + (n > 2 ? 2 : 0)];
                        const std::uint32_t* c0 = source.Codes(active[f0].dimension).data();
                        const std::uint32_t* c1 = source.Codes(active[f1].dimension).data();
                        const std::uint32_t* c2 = source.Codes(active[f2].dimension).data();
                        const std::uint32_t* b0 = fail_bits[f0].data();
                        const std::uint32_t* b1 = fail_bits[f1].data();
                        const std::uint32_t* b2 = fail_bits[f2].data();
                        std::uint32_t* out = failed.data();
                        const bool assign = first_filter == 0;
                        // Repeating a filter (n < 3) ORs its bit twice: harmless, and no branch per row.
                        if (assign)
                            for (std::size_t r = begin; r < end; ++r)
                                out[r - begin] = b0[c0[r]] | b1[c1[r]] | b2[c2[r]];
                        else
                            for (std::size_t r = begin; r < end; ++r)
                                out[r - begin] |= b0[c0[r]] | b1[c1[r]] | b2[c2[r]];
                    }
                    failed_ptr = failed.data();
                }
                for (std::size_t v : mine) {
                    const ViewPlan& plan = plans[v];
                    if (!local[t][v].packed.empty()) {
                        const ViewSpec& view = views[v];
                        Accumulator& acc = local[t][v];
                        RowTest& test = row_tests[v];
                        test.failed = failed_ptr;
                        if (view.bins)
                            FastAccumulateShape<Shape::Bins>(rows_table, view, test, 1, begin, end, acc);
                        else if (view.group_by[1] >= 0)
                            FastAccumulateShape<Shape::TwoDimensions>(rows_table, view, test, plan.card1, begin, end, acc);
                        else if (view.group_by[0] >= 0)
                            FastAccumulateShape<Shape::OneDimension>(rows_table, view, test, 1, begin, end, acc);
                        else
                            FastAccumulateShape<Shape::Total>(rows_table, view, test, 1, begin, end, acc);
                    } else {
                        AccumulateView(source, rows_table, plan, measure_of(views[v].measure), begin, end, failed_ptr,
                                       local[t][v]);
                    }
                }
            }
            for (std::size_t v : mine)
                if (!local[t][v].packed.empty()) {
                    local[t][v].FlushPacked();
                    if (views[v].aggregate == Aggregate::Count)
                        local[t][v].values = local[t][v].known; // Count is the number of known values
                }
        };
        // An exception (bad_alloc of a large histogram) must not escape a worker thread, where it
        // would end the program: it is carried over and thrown on the calling thread.
        auto work = [&](unsigned t) {
            try {
                work_unguarded(t);
            } catch (...) {
                errors[t] = std::current_exception();
            }
        };
        std::vector<std::jthread> pool;
        for (unsigned t = 1; t < threads; ++t)
            pool.emplace_back(work, t);
        work(0);
        pool.clear(); // joins
        for (const std::exception_ptr& error : errors)
            if (error)
                std::rethrow_exception(error);
        for (std::size_t v : mine)
            MergeThreads(local, v, threads, views[v].aggregate);
    };
    const RowSource rows{&table};
    auto row_measure = [&](int m) -> const FactMeasure* { return m >= 0 ? &table.measures[std::size_t(m)] : nullptr; };
    if (m_cube) {
        const CellSource cells{m_cube.get()};
        auto cell_measure = [&](int m) -> const Cube::Measure* {
            return m >= 0 ? &m_cube->measures[std::size_t(m)] : nullptr;
        };
        run(cells, std::vector<RowSpan>{{0, m_cube->cells}}, cell_measure, false, false, table, 0u);
    } else {
        run(rows, std::vector<RowSpan>{{0, table.rows}}, row_measure, false, true, table, 0u);
    }
    if (split) {
        // Point bins read the partitioned copy (or the rows, beside a cube, for a table without one).
        const FactTable& points = m_points ? *m_points->table : table;
        std::uint32_t skip_filters = 0;
        const std::vector<RowSpan> spans = m_points ? PartitionSpans(*m_points, active, plans, skip_filters)
                                                    : std::vector<RowSpan>{{0, points.rows}};
        const RowSource point_rows{&points};
        auto point_measure = [&](int m) -> const FactMeasure* {
            return m >= 0 ? &points.measures[std::size_t(m)] : nullptr;
        };
        run(point_rows, spans, point_measure, true, true, points, skip_filters);
    }
    results.reserve(views.size());
    for (std::size_t v = 0; v < views.size(); ++v)
        results.push_back(Finish(local[0][v], views[v], table));
    ReleaseScratchBeyondBudget();
    return results;
}

std::size_t CpuEngine::ScratchBytes() const
{
    std::size_t bytes = 0;
    for (const auto& per_view : m_scratch->accumulators)
        for (const Accumulator& acc : per_view)
            bytes += acc.Bytes();
    return bytes;
}

void CpuEngine::ReleaseScratchBeyondBudget()
{
    if (ScratchBytes() <= m_options.scratch_budget_bytes)
        return;
    // Over budget (a count-distinct view over many groups): give it all back. The next call
    // pays for fresh pages once, which is cheap next to keeping a gigabyte for the session.
    for (auto& per_view : m_scratch->accumulators)
        for (Accumulator& acc : per_view)
            acc = Accumulator{};
}

} // namespace vak::core::agg
