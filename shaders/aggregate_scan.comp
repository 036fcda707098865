#version 430 core
// One pass of one view over the fact table (gpu/aggregate/gpu_engine.cpp plans the passes).
// Each workgroup takes a chunk of rows, drops the rows the view's filters reject, finds each
// row's group and accumulates into per-group records of 8 words:
//   [0,1] rows   [2,3] suppressed   [4,5] missing   [6,7] value
// every pair a 64-bit number as (low, high) words, since GLSL 4.30 has no 64-bit integers and
// llvmpipe no 64-bit atomics. (Known rows are rows - suppressed - missing: counting the rare
// states instead saves an atomic on almost every row.) When the view's groups fit in shared
// memory, the workgroup keeps private histograms there (32-bit counters: a chunk has far fewer
// than 2^32 rows) and flushes them into the global records once; otherwise rows go straight to
// the global records. With few groups, the histogram is replicated and each thread uses the
// copy of its lane, so that skewed data (most rows in one region) does not serialise the
// threads on one shared counter.
layout(local_size_x = 256) in;

// Uploaded once per table: dimension columns at 8, 16 or 32 bits a code; the measure as int32,
// or (low, high) pairs; the measure's ValueState at 2 bits a row; points as (x, y).
layout(std430, binding = 0) restrict readonly buffer Codes { uint codes[]; };
layout(std430, binding = 1) restrict readonly buffer Values { uint values[]; };
layout(std430, binding = 2) restrict readonly buffer States { uint states[]; };
layout(std430, binding = 3) restrict readonly buffer Points { ivec2 points[]; };
// Uploaded per interaction: per view a list of filters of 4 words (column offset, log2 of the
// code bits, bitset offset, bitset words), then the bitsets themselves.
layout(std430, binding = 4) restrict readonly buffer Filters { uint filter_words[]; };
// This view's part of the outputs.
layout(std430, binding = 5) coherent buffer Results { uint results[]; };
layout(std430, binding = 6) coherent buffer DistinctBits { uint distinct_bits[]; }; // groups x stride words

// What a pass accumulates (kMode* in gpu_engine.cpp).
const int kModeSum = 0;       // counts + 64-bit sum of known values
const int kModeCount = 1;     // counts only (the value is the known count)
const int kModeDistinct = 2;  // counts + a bit per (group, distinct code)
const int kModeKey32 = 3;     // counts + min/max of an int32 measure, as an order-preserving key
const int kModeKeyHigh = 4;   // counts + min/max of the high words of an int64 measure
const int kModeKeyLow = 5;    // min/max of the low words among rows whose high word is the group's

const int kGroupNone = 0;
const int kGroupCodes = 1;
const int kGroupBins = 2;

const uint kRowsPerThread = 8u;

const uint kKnown = 0u;
const uint kSuppressed = 1u;
const uint kMissing = 2u;

// 32 KiB, the least every GL 4.3 implementation offers (kSharedWords in gpu_engine.cpp).
const uint kSharedWords = 8192u;
shared uint s_local[kSharedWords];

uniform uint u_rows;
uniform uint u_rows_per_workgroup;
uniform int u_mode;
uniform bool u_min;          // min rather than max: keys are complemented, so both use atomicMax
uniform bool u_has_measure;  // without one every row counts as known
uniform uint u_value_words;  // 1 (int32) or 2 (low, high)
uniform uint u_filter_list;
uniform uint u_filter_count;
uniform uint u_groups;
uniform bool u_use_shared;
uniform uint u_local_words;  // shared words per group (counts and value)
uniform uint u_local_total;  // shared words of one histogram copy, count-distinct bits included
uniform uint u_copies;       // histogram copies in shared memory
// Grouping by codes: group = code0 * card1 + code1.
uniform int u_group_mode;
uniform int u_group_dims;
uniform uvec2 u_group_column;
uniform uvec2 u_group_bits_log;
uniform uint u_group_card1;
// Grouping by point bins, exact in 32 bits (see BinAxis in gpu_engine.cpp): a coordinate is in
// the grid when x - lo <= span; its cell is k0 + q + (r > threshold) where x - lo = q*cell + r
// (cell 0: wider than 32 bits, so q = 0).
uniform ivec2 u_bin_lo;
uniform uvec2 u_bin_span;
uniform uvec2 u_bin_cell;
uniform uvec2 u_bin_threshold;
uniform uvec2 u_bin_k0;
uniform uint u_bins_nx;
// Count-distinct.
uniform uint u_distinct_column;
uniform uint u_distinct_bits_log;
uniform uint u_distinct_stride;

uint ReadCode(uint column, uint bits_log, uint row)
{
    const uint rows_per_word_log = 5u - bits_log;
    const uint word = codes[column + (row >> rows_per_word_log)];
    const uint shift = (row & ((1u << rows_per_word_log) - 1u)) << bits_log;
    return (word >> shift) & (0xFFFFFFFFu >> (32u - (1u << bits_log)));
}

bool PassesFilters(uint row)
{
    for (uint f = 0u; f < u_filter_count; ++f) {
        const uint entry = u_filter_list + 4u * f;
        const uint code = ReadCode(filter_words[entry], filter_words[entry + 1u], row);
        const uint word = code >> 5u;
        if (word >= filter_words[entry + 3u] ||
            ((filter_words[filter_words[entry + 2u] + word] >> (code & 31u)) & 1u) == 0u)
            return false;
    }
    return true;
}

uint BinAxis(uint offset, uint cell, uint threshold, uint k0)
{
    const uint q = cell == 0u ? 0u : offset / cell;
    const uint r = offset - q * cell;
    return k0 + q + (r > threshold ? 1u : 0u);
}

// False when the row's point lies outside the grid.
bool GroupOf(uint row, out uint group)
{
    group = 0u;
    if (u_group_mode == kGroupBins) {
        const uvec2 offset = uvec2(points[row]) - uvec2(u_bin_lo); // wraps: below lo becomes > span
        if (offset.x > u_bin_span.x || offset.y > u_bin_span.y)
            return false;
        const uint ix = BinAxis(offset.x, u_bin_cell.x, u_bin_threshold.x, u_bin_k0.x);
        const uint iy = BinAxis(offset.y, u_bin_cell.y, u_bin_threshold.y, u_bin_k0.y);
        group = iy * u_bins_nx + ix;
    } else if (u_group_mode == kGroupCodes) {
        group = ReadCode(u_group_column.x, u_group_bits_log.x, row);
        if (u_group_dims > 1)
            group = group * u_group_card1 + ReadCode(u_group_column.y, u_group_bits_log.y, row);
    }
    return true;
}

uint StateOf(uint row)
{
    return u_has_measure ? (states[row >> 4u] >> ((row & 15u) << 1u)) & 3u : kKnown;
}

uvec2 ValueOf(uint row)
{
    if (!u_has_measure)
        return uvec2(0u);
    if (u_value_words == 2u)
        return uvec2(values[2u * row], values[2u * row + 1u]);
    const uint low = values[row];
    return uvec2(low, uint(int(low) >> 31)); // sign-extended high word
}

// 64-bit additions from 32-bit atomics: add the low word, and the carry its old value reveals
// plus the high word to the high word. Only the final pair is meaningful, which is all we read.
void AddGlobal(uint at, uvec2 value)
{
    const uint old = atomicAdd(results[at], value.x);
    const uint high = value.y + (old + value.x < old ? 1u : 0u);
    if (high != 0u)
        atomicAdd(results[at + 1u], high);
}

void AddShared(uint at, uvec2 value)
{
    const uint old = atomicAdd(s_local[at], value.x);
    const uint high = value.y + (old + value.x < old ? 1u : 0u);
    if (high != 0u)
        atomicAdd(s_local[at + 1u], high);
}

// Start of this thread's histogram copy.
uint g_copy = 0u;

void CountRow(uint group, uint slot)
{
    if (u_use_shared)
        atomicAdd(s_local[g_copy + group * u_local_words + slot], 1u);
    else
        AddGlobal(group * 8u + 2u * slot, uvec2(1u, 0u));
}

void MaxKey(uint group, uint slot, uint global_word, uint key)
{
    if (u_use_shared)
        atomicMax(s_local[g_copy + group * u_local_words + slot], key);
    else
        atomicMax(results[group * 8u + global_word], key);
}

void SetDistinctBit(uint group, uint code)
{
    const uint word = group * u_distinct_stride + (code >> 5u);
    const uint bit = 1u << (code & 31u);
    if (u_use_shared)
        atomicOr(s_local[g_copy + u_groups * u_local_words + word], bit);
    else
        atomicOr(distinct_bits[word], bit);
}

// Order-preserving keys: signed words get their sign bit flipped; min complements the key so
// that max finds it.
uint KeyOfSigned(uint word)
{
    const uint key = word ^ 0x80000000u;
    return u_min ? ~key : key;
}

uint KeyOfUnsigned(uint word)
{
    return u_min ? ~word : word;
}

void AccumulateRow(uint row)
{
    if (!PassesFilters(row))
        return;
    uint group;
    if (!GroupOf(row, group))
        return;
    const uint state = StateOf(row);
    const bool known = state == kKnown;
    if (u_mode == kModeKeyLow) {
        if (known) {
            const uvec2 value = ValueOf(row);
            if (KeyOfSigned(value.y) == results[group * 8u + 7u])
                MaxKey(group, 0u, 6u, KeyOfUnsigned(value.x));
        }
        return;
    }
    CountRow(group, 0u);
    if (state == kSuppressed)
        CountRow(group, 1u);
    else if (state == kMissing)
        CountRow(group, 2u);
    if (u_mode == kModeSum) {
        if (known) {
            const uvec2 value = ValueOf(row);
            if (u_use_shared)
                AddShared(g_copy + group * u_local_words + 3u, value);
            else
                AddGlobal(group * 8u + 6u, value);
        }
    } else if (u_mode == kModeKey32) {
        if (known)
            MaxKey(group, 3u, 6u, KeyOfSigned(ValueOf(row).x));
    } else if (u_mode == kModeKeyHigh) {
        if (known)
            MaxKey(group, 3u, 7u, KeyOfSigned(ValueOf(row).y));
    } else if (u_mode == kModeDistinct) {
        // With a measure, only rows where it is suppressed or a known non-zero count.
        const uvec2 value = ValueOf(row);
        if (!u_has_measure || state == kSuppressed || (known && (value.x | value.y) != 0u))
            SetDistinctBit(group, ReadCode(u_distinct_column, u_distinct_bits_log, row));
    }
}

// Adds the workgroup's histogram copies to the global records; untouched entries cost no
// atomics.
void FlushShared(uint local_id)
{
    for (uint group = local_id; group < u_groups; group += gl_WorkGroupSize.x) {
        const uint local = group * u_local_words;
        const uint global = group * 8u;
        if (u_mode == kModeKeyLow) {
            uint key = 0u;
            for (uint copy = 0u; copy < u_copies; ++copy)
                key = max(key, s_local[copy * u_local_total + local]);
            if (key != 0u)
                atomicMax(results[global + 6u], key);
            continue;
        }
        for (uint slot = 0u; slot < 3u; ++slot) {
            uint count = 0u;
            for (uint copy = 0u; copy < u_copies; ++copy)
                count += s_local[copy * u_local_total + local + slot];
            if (count != 0u)
                AddGlobal(global + 2u * slot, uvec2(count, 0u));
        }
        if (u_mode == kModeSum) {
            uvec2 sum = uvec2(0u);
            for (uint copy = 0u; copy < u_copies; ++copy) {
                const uint at = copy * u_local_total + local + 3u;
                uint carry;
                sum.x = uaddCarry(sum.x, s_local[at], carry);
                sum.y += s_local[at + 1u] + carry;
            }
            if ((sum.x | sum.y) != 0u)
                AddGlobal(global + 6u, sum);
        } else if (u_mode == kModeKey32 || u_mode == kModeKeyHigh) {
            uint key = 0u;
            for (uint copy = 0u; copy < u_copies; ++copy)
                key = max(key, s_local[copy * u_local_total + local + 3u]);
            if (key != 0u)
                atomicMax(results[global + (u_mode == kModeKey32 ? 6u : 7u)], key);
        }
    }
    if (u_mode == kModeDistinct) {
        const uint first = u_groups * u_local_words;
        for (uint word = local_id; first + word < u_local_total; word += gl_WorkGroupSize.x) {
            uint bits = 0u;
            for (uint copy = 0u; copy < u_copies; ++copy)
                bits |= s_local[copy * u_local_total + first + word];
            if (bits != 0u)
                atomicOr(distinct_bits[word], bits);
        }
    }
}

void main()
{
    const uint local_id = gl_LocalInvocationID.x;
    // Barriers outside any branch: GLSL 4.30 wants them in uniform control flow, and the
    // global path simply has nothing to clear or flush.
    const uint clear_words = u_use_shared ? u_copies * u_local_total : 0u;
    for (uint i = local_id; i < clear_words; i += gl_WorkGroupSize.x)
        s_local[i] = 0u;
    g_copy = (local_id % max(u_copies, 1u)) * u_local_total;
    barrier();

    const uint begin = gl_WorkGroupID.x * u_rows_per_workgroup;
    const uint end = min(u_rows, begin + u_rows_per_workgroup);
    // Each thread takes kRowsPerThread consecutive rows at a time: neighbouring rows share code
    // and state words, so there are fewer loads to wait for (twice the rows per second on an
    // H100 compared with one row per thread and step).
    for (uint first = begin + local_id * kRowsPerThread; first < end; first += gl_WorkGroupSize.x * kRowsPerThread)
        for (uint row = first; row < min(first + kRowsPerThread, end); ++row)
            AccumulateRow(row);

    memoryBarrierShared();
    barrier();
    if (u_use_shared)
        FlushShared(local_id);
}
