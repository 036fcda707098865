// The GPU backend of the aggregation core: OpenGL 4.3 compute shaders over shader storage
// buffers (shaders/aggregate_scan.comp, aggregate_count_bits.comp). Load uploads the fact table
// once (codes packed to 8/16/32 bits, measure values as int32 or (low, high) words, states at
// 2 bits a row, points as int32 pairs); per Submit only the filter bitsets and a few uniforms
// per view go up. Results are bit-identical to the CPU engine (core/aggregate).
//
// The engine runs on the caller's GL context, which must be current on the calling thread for
// every call, the destructor included.
#pragma once

#include "core/aggregate/engine.hpp"
#include "gpu/shader_program.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace vak::gpu {

class GpuEngine final : public core::agg::Engine {
public:
    // Throws core::InputError when the context lacks compute shaders or storage buffers, and
    // ShaderError when a shader does not build.
    explicit GpuEngine(const ShaderLibrary& shaders);
    ~GpuEngine() override;
    GpuEngine(const GpuEngine&) = delete;
    GpuEngine& operator=(const GpuEngine&) = delete;

    core::agg::EngineInfo Info() const override;
    std::string Describe() const override; // "GPU, <GL_RENDERER>"
    // Throws core::InputError when a column's length differs from the row count, a code is not
    // below its dimension's cardinality, or a buffer would exceed the driver's storage-block
    // limit. Drops results not yet collected.
    void Load(std::shared_ptr<const core::agg::FactTable> table) override;
    std::vector<core::agg::ViewResult> Compute(const core::agg::FilterSet& filters,
                                               const std::vector<core::agg::ViewSpec>& views) override;
    // Submit dispatches every view and returns; a second Submit before Collect replaces the first.
    void Submit(const core::agg::FilterSet& filters, const std::vector<core::agg::ViewSpec>& views) override;
    // False while the GPU is still busy (wait = false) or when nothing was submitted.
    bool Collect(std::vector<core::agg::ViewResult>& results, bool wait) override;

private:
    // A GL buffer object that frees itself.
    class Buffer {
    public:
        enum class Usage {
            Static,   // written once, read by shaders (the table)
            Dynamic,  // rewritten per submission, used by shaders
            Readback, // written by the GPU, read by the CPU
        };

        Buffer() = default;
        ~Buffer();
        Buffer(Buffer&& other) noexcept;
        Buffer& operator=(Buffer&& other) noexcept;
        Buffer(const Buffer&) = delete;
        Buffer& operator=(const Buffer&) = delete;

        // Replaces the contents; `data` null leaves them undefined. Never smaller than 16 bytes,
        // so that an empty column still binds.
        void Assign(const void* data, std::size_t bytes, Usage usage);
        // Reallocates (contents undefined) when smaller than `bytes`.
        void Reserve(std::size_t bytes, Usage usage);
        unsigned Id() const { return m_id; }
        std::size_t Size() const { return m_size; }

    private:
        unsigned m_id = 0;
        std::size_t m_size = 0;
    };

    struct Column {                    // a dimension's codes inside m_codes
        std::uint32_t word_offset = 0;
        std::uint32_t bits_log = 5;    // codes of 8, 16 or 32 bits
    };
    struct MeasureBuffers {
        Buffer values;
        Buffer states;
        std::uint32_t value_words = 1; // 1 when every value fits in int32, else (low, high)
    };
    // One view of a submission: where its records and bits lie and how to decode them.
    struct PlannedView {
        core::agg::ViewSpec spec;
        std::size_t groups = 0;
        std::size_t result_offset = 0;   // bytes into m_results
        std::size_t distinct_offset = 0; // bytes into m_distinct
        std::uint32_t distinct_stride = 0; // words per group
        std::uint32_t filter_list = 0;   // words into m_filters
        std::uint32_t filter_count = 0;
        bool passes_nothing = false;     // a filter allows no code: no dispatch, all groups Empty
        bool wide_keys = false;          // min/max of an int64 measure: two passes
    };

    void CheckBlockSize(std::size_t bytes, const std::string& what) const;
    void DropPending();
    void Dispatch(const PlannedView& view);
    core::agg::ViewResult Decode(const PlannedView& view, const std::uint32_t* records) const;

    ShaderProgram m_scan;
    ShaderProgram m_count_bits;
    std::string m_renderer;
    std::int64_t m_max_block_bytes = 0;
    std::size_t m_offset_alignment = 16;
    std::uint32_t m_max_workgroups = 65535;

    std::shared_ptr<const core::agg::FactTable> m_table;
    Buffer m_codes;
    std::vector<Column> m_columns;
    std::vector<MeasureBuffers> m_measures;
    Buffer m_points;
    Buffer m_empty_binding; // bound where a view reads no measure, points or bits

    Buffer m_filters;
    Buffer m_results;
    Buffer m_distinct;
    Buffer m_readback; // the results, copied for the CPU in Submit: the GPU-side ones stay in GPU memory
    std::vector<PlannedView> m_planned;
    void* m_fence = nullptr; // GLsync of the last Submit, until collected
};

} // namespace vak::gpu
