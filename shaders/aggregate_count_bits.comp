#version 430 core
// Second pass of a count-distinct view: the scan set one bit per (group, distinct code); here
// each group's bits are counted into the value of its result record (see aggregate_scan.comp).
layout(local_size_x = 256) in;

layout(std430, binding = 5) buffer Results { uint results[]; };                 // 8 words per group
layout(std430, binding = 6) readonly buffer DistinctBits { uint distinct_bits[]; }; // groups x stride words

uniform uint u_groups;
uniform uint u_distinct_stride;

void main()
{
    // Grid-stride: 2^24 groups need more workgroups than one dispatch dimension guarantees.
    const uint step = gl_NumWorkGroups.x * gl_WorkGroupSize.x;
    for (uint group = gl_GlobalInvocationID.x; group < u_groups; group += step) {
        uint distinct = 0u;
        for (uint word = 0u; word < u_distinct_stride; ++word)
            distinct += uint(bitCount(distinct_bits[group * u_distinct_stride + word]));
        results[group * 8u + 6u] = distinct;
        results[group * 8u + 7u] = 0u;
    }
}
