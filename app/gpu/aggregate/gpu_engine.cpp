#include "gpu/aggregate/gpu_engine.hpp"

#include "core/errors.hpp"
#include "gpu/gl_context.hpp"

#include <epoxy/gl.h>

#include <algorithm>
#include <chrono>
#include <limits>
#include <optional>
#include <utility>

namespace vak::gpu {

using core::InputError;
using core::agg::Aggregate;
using core::agg::DimensionFilter;
using core::agg::FactTable;
using core::agg::FilterSet;
using core::agg::ViewResult;
using core::agg::ViewSpec;

namespace {

// Must match aggregate_scan.comp.
enum ScanMode : int {
    kModeSum = 0,
    kModeCount = 1,
    kModeDistinct = 2,
    kModeKey32 = 3,
    kModeKeyHigh = 4,
    kModeKeyLow = 5,
};
enum GroupMode : int { kGroupNone = 0, kGroupCodes = 1, kGroupBins = 2 };
constexpr std::uint32_t kWorkgroupSize = 256;
constexpr std::uint32_t kSharedWords = 8192; // the shader's shared histogram: 32 KiB
constexpr std::uint32_t kRecordWords = 8;    // rows, suppressed, missing, value: (low, high) each
constexpr std::size_t kMaxCopies = 32;       // shared histogram copies, see aggregate_scan.comp
constexpr std::chrono::microseconds kSpinBeforeBlocking{4000};
// Rows a workgroup takes at least: enough that clearing and flushing its histogram stays a
// small part of its work.
constexpr std::uint32_t kMinRowsPerWorkgroup = 4096;
// Row indices, and a chunk's end, must stay within a uint in the shader.
constexpr std::size_t kMaxRows = (std::size_t(1) << 31) - 1;

std::size_t RoundUp(std::size_t value, std::size_t multiple)
{
    return (value + multiple - 1) / multiple * multiple;
}

std::uint32_t ShaderState(core::ValueState state)
{
    switch (state) {
    case core::ValueState::Known: return 0;
    case core::ValueState::Suppressed: return 1;
    case core::ValueState::Missing: return 2;
    }
    return 2;
}

std::uint32_t BitsLogFor(std::uint32_t cardinality)
{
    return cardinality <= 256 ? 3u : cardinality <= 65536 ? 4u : 5u;
}

// Where one axis of a point grid lies in int32 coordinates, so that the shader bins exactly
// with 32-bit arithmetic although the grid's origin and cell are int64. A coordinate x is in
// the grid when x - lo <= span (unsigned), and its cell is floor((x - origin) / cell) =
// k0 + floor((x - lo + r0) / cell) with lo - origin = k0*cell + r0; the shader splits
// x - lo = q*cell + r and adds one when r + r0 >= cell, i.e. r > cell - r0 - 1 = threshold.
struct BinAxis {
    std::int32_t lo = 0;
    std::uint32_t span = 0;
    std::uint32_t cell = 0; // 0: the cell is wider than any int32 distance, so q = 0
    std::uint32_t threshold = 0;
    std::uint32_t k0 = 0;
};

// Nothing when no int32 coordinate falls inside the axis.
std::optional<BinAxis> MapBinAxis(std::int64_t origin, std::int64_t cell, std::uint32_t count)
{
    constexpr std::int64_t kLowest = std::numeric_limits<std::int32_t>::min();
    constexpr std::int64_t kHighest = std::numeric_limits<std::int32_t>::max();
    if (origin > kHighest)
        return std::nullopt;
    const std::int64_t lo = std::max(origin, kLowest);
    const std::int64_t offset = lo - origin; // < 2^63: origin >= INT64_MIN
    const std::int64_t k0 = offset / cell;
    const std::int64_t r0 = offset % cell;
    if (k0 >= count)
        return std::nullopt;
    // Distance from lo to the grid's last coordinate, capped at the last int32.
    const std::int64_t to_int32_end = kHighest - lo;
    std::int64_t to_grid_end = 0;
    if (__builtin_mul_overflow(std::int64_t(count) - k0, cell, &to_grid_end))
        to_grid_end = to_int32_end;
    else
        to_grid_end -= r0 + 1;
    BinAxis axis;
    axis.lo = static_cast<std::int32_t>(lo);
    axis.span = static_cast<std::uint32_t>(std::min(to_grid_end, to_int32_end));
    const bool wide_cell = cell > std::int64_t(std::numeric_limits<std::uint32_t>::max());
    axis.cell = wide_cell ? 0u : static_cast<std::uint32_t>(cell);
    axis.threshold = static_cast<std::uint32_t>(
        std::min<std::int64_t>(cell - r0 - 1, std::numeric_limits<std::uint32_t>::max()));
    axis.k0 = static_cast<std::uint32_t>(k0);
    return axis;
}

bool AllowsNothing(const DimensionFilter& filter)
{
    return std::all_of(filter.allowed.begin(), filter.allowed.end(), [](std::uint32_t w) { return w == 0; });
}

// True when the filter lets every code below `cardinality` through, so the shader may skip it.
bool AllowsEverything(const DimensionFilter& filter, std::uint32_t cardinality)
{
    for (std::uint32_t code = 0; code < cardinality; code += 32) {
        const std::uint32_t bits = std::min<std::uint32_t>(32, cardinality - code);
        const std::uint32_t wanted = bits == 32 ? ~0u : (1u << bits) - 1u;
        const std::size_t word = code >> 5;
        if (word >= filter.allowed.size() || (filter.allowed[word] & wanted) != wanted)
            return false;
    }
    return true;
}

// Uniform setters by name; a name the compiler dropped has location -1, which GL ignores.
void SetUint(GLuint program, const char* name, std::uint32_t v)
{
    glProgramUniform1ui(program, glGetUniformLocation(program, name), v);
}
void SetInt(GLuint program, const char* name, int v)
{
    glProgramUniform1i(program, glGetUniformLocation(program, name), v);
}
void SetUvec2(GLuint program, const char* name, std::uint32_t x, std::uint32_t y)
{
    glProgramUniform2ui(program, glGetUniformLocation(program, name), x, y);
}
void SetIvec2(GLuint program, const char* name, std::int32_t x, std::int32_t y)
{
    glProgramUniform2i(program, glGetUniformLocation(program, name), x, y);
}

std::int64_t Join(std::uint32_t low, std::uint32_t high)
{
    return static_cast<std::int64_t>(std::uint64_t(high) << 32 | low);
}

} // namespace

// [SECTION] Buffer

GpuEngine::Buffer::~Buffer()
{
    if (m_id)
        glDeleteBuffers(1, &m_id);
}

GpuEngine::Buffer::Buffer(Buffer&& other) noexcept
    : m_id(std::exchange(other.m_id, 0)), m_size(std::exchange(other.m_size, 0))
{
}

GpuEngine::Buffer& GpuEngine::Buffer::operator=(Buffer&& other) noexcept
{
    if (this != &other) {
        if (m_id)
            glDeleteBuffers(1, &m_id);
        m_id = std::exchange(other.m_id, 0);
        m_size = std::exchange(other.m_size, 0);
    }
    return *this;
}

void GpuEngine::Buffer::Assign(const void* data, std::size_t bytes, Usage usage)
{
    if (!m_id)
        glGenBuffers(1, &m_id);
    // A fresh data store each time: a dispatch still reading the old one keeps it.
    m_size = std::max<std::size_t>(bytes, 16);
    glBindBuffer(GL_COPY_WRITE_BUFFER, m_id);
    glBufferData(GL_COPY_WRITE_BUFFER, static_cast<GLsizeiptr>(m_size), nullptr,
                 usage == Usage::Static    ? GL_STATIC_DRAW
                 : usage == Usage::Dynamic ? GL_DYNAMIC_DRAW
                                           : GL_STREAM_READ);
    if (data && bytes > 0)
        glBufferSubData(GL_COPY_WRITE_BUFFER, 0, static_cast<GLsizeiptr>(bytes), data);
    glBindBuffer(GL_COPY_WRITE_BUFFER, 0);
}

void GpuEngine::Buffer::Reserve(std::size_t bytes, Usage usage)
{
    if (!m_id || m_size < bytes)
        Assign(nullptr, bytes, usage);
}

// [SECTION] set-up and upload

GpuEngine::GpuEngine(const ShaderLibrary& shaders)
{
    const GlInfo info = QueryCurrentGlInfo();
    m_renderer = info.renderer;
    if (info.major < 4 || (info.major == 4 && info.minor < 3))
        throw InputError("the GPU aggregation engine needs OpenGL 4.3 (compute shaders, shader storage buffers); " +
                         info.renderer + " offers OpenGL " + std::to_string(info.major) + "." +
                         std::to_string(info.minor));
    GLint shared_bytes = 0, storage_blocks = 0, alignment = 0, workgroups = 0;
    glGetIntegerv(GL_MAX_COMPUTE_SHARED_MEMORY_SIZE, &shared_bytes);
    glGetIntegerv(GL_MAX_COMPUTE_SHADER_STORAGE_BLOCKS, &storage_blocks);
    glGetIntegerv(GL_SHADER_STORAGE_BUFFER_OFFSET_ALIGNMENT, &alignment);
    glGetIntegeri_v(GL_MAX_COMPUTE_WORK_GROUP_COUNT, 0, &workgroups);
    glGetInteger64v(GL_MAX_SHADER_STORAGE_BLOCK_SIZE, &m_max_block_bytes);
    // GL 4.3 guarantees these minimums; a driver below them is broken, so say which.
    if (shared_bytes < GLint(kSharedWords * 4) || storage_blocks < 7)
        throw InputError("the GPU aggregation engine needs 32 KiB of compute shared memory and 7 storage blocks; " +
                         info.renderer + " offers " + std::to_string(shared_bytes) + " bytes and " +
                         std::to_string(storage_blocks) + " blocks");
    m_offset_alignment = static_cast<std::size_t>(std::max(alignment, 4));
    m_max_workgroups = static_cast<std::uint32_t>(std::max(workgroups, 1));
    m_scan = shaders.Load("aggregate_scan");
    m_count_bits = shaders.Load("aggregate_count_bits");
    m_empty_binding.Assign(nullptr, 16, Buffer::Usage::Static);
}

GpuEngine::~GpuEngine()
{
    DropPending();
}

core::agg::EngineInfo GpuEngine::Info() const
{
    core::agg::EngineInfo info;
    info.gpu = true;
    info.device = m_renderer;
    return info;
}

std::string GpuEngine::Describe() const
{
    return "GPU, " + m_renderer;
}

void GpuEngine::CheckBlockSize(std::size_t bytes, const std::string& what) const
{
    if (static_cast<std::uint64_t>(bytes) > static_cast<std::uint64_t>(m_max_block_bytes))
        throw InputError("GPU aggregation: " + what + " need " + std::to_string(bytes) +
                         " bytes, more than one shader storage block may hold on " + m_renderer + " (" +
                         std::to_string(m_max_block_bytes) + " bytes, GL_MAX_SHADER_STORAGE_BLOCK_SIZE)");
}

void GpuEngine::DropPending()
{
    if (m_fence)
        glDeleteSync(static_cast<GLsync>(m_fence));
    m_fence = nullptr;
    m_planned.clear();
}

void GpuEngine::Load(std::shared_ptr<const FactTable> table)
{
    if (!table)
        throw InputError("GPU aggregation: no table to load");
    const FactTable& t = *table;
    const std::string where = "GPU aggregation of " + t.name + ": ";
    if (t.rows > kMaxRows)
        throw InputError(where + std::to_string(t.rows) + " rows, more than the " + std::to_string(kMaxRows) +
                         " the GPU engine takes");
    const std::size_t rows = t.rows;

    // Everything is packed and checked before any member changes, so a bad table leaves the
    // previous one loaded.
    std::vector<Column> columns;
    std::size_t code_words = 0;
    for (const core::agg::FactDimension& dim : t.dimensions) {
        if (dim.codes.size() != rows)
            throw InputError(where + "dimension " + dim.name + " has " + std::to_string(dim.codes.size()) +
                             " codes for " + std::to_string(rows) + " rows");
        Column column;
        column.bits_log = BitsLogFor(dim.Cardinality());
        column.word_offset = static_cast<std::uint32_t>(code_words);
        const std::size_t rows_per_word = std::size_t(32) >> column.bits_log;
        code_words += (rows + rows_per_word - 1) / rows_per_word;
        CheckBlockSize(code_words * 4, "the dimension codes");
        columns.push_back(column);
    }
    std::vector<std::uint32_t> packed_codes(code_words, 0u);
    for (std::size_t d = 0; d < t.dimensions.size(); ++d) {
        const core::agg::FactDimension& dim = t.dimensions[d];
        const std::uint32_t bits_log = columns[d].bits_log;
        const std::uint32_t rows_per_word_log = 5 - bits_log;
        std::uint32_t* out = packed_codes.data() + columns[d].word_offset;
        for (std::size_t row = 0; row < rows; ++row) {
            const std::uint32_t code = dim.codes[row];
            // A code past the dictionary would make the shader write outside the view's records.
            if (code >= dim.Cardinality())
                throw InputError(where + "dimension " + dim.name + ", row " + std::to_string(row) + ": code " +
                                 std::to_string(code) + " is not below its " + std::to_string(dim.Cardinality()) +
                                 " labels");
            out[row >> rows_per_word_log] |= code << ((row & ((std::size_t(1) << rows_per_word_log) - 1)) << bits_log);
        }
    }

    std::vector<MeasureBuffers> measures(t.measures.size());
    for (std::size_t m = 0; m < t.measures.size(); ++m) {
        const core::agg::FactMeasure& measure = t.measures[m];
        if (measure.values.size() != rows || measure.states.size() != rows)
            throw InputError(where + "measure " + measure.name + " has " + std::to_string(measure.values.size()) +
                             " values and " + std::to_string(measure.states.size()) + " states for " +
                             std::to_string(rows) + " rows");
        // Most columns fit in int32: half the bytes to read, and min/max in one pass.
        const bool fits_int32 = std::all_of(measure.values.begin(), measure.values.end(), [](std::int64_t v) {
            return v >= std::numeric_limits<std::int32_t>::min() && v <= std::numeric_limits<std::int32_t>::max();
        });
        measures[m].value_words = fits_int32 ? 1 : 2;
        std::vector<std::uint32_t> words(rows * measures[m].value_words);
        for (std::size_t row = 0; row < rows; ++row) {
            const auto bits = static_cast<std::uint64_t>(measure.values[row]);
            if (fits_int32) {
                words[row] = static_cast<std::uint32_t>(bits);
            } else {
                words[2 * row] = static_cast<std::uint32_t>(bits);
                words[2 * row + 1] = static_cast<std::uint32_t>(bits >> 32);
            }
        }
        std::vector<std::uint32_t> states((rows + 15) / 16, 0u);
        for (std::size_t row = 0; row < rows; ++row)
            states[row >> 4] |= ShaderState(measure.states[row]) << ((row & 15) * 2);
        CheckBlockSize(words.size() * 4, "the values of " + measure.name);
        measures[m].values.Assign(words.data(), words.size() * 4, Buffer::Usage::Static);
        measures[m].states.Assign(states.data(), states.size() * 4, Buffer::Usage::Static);
    }

    Buffer points;
    if (t.HasPoints()) {
        if (t.x.size() != rows || t.y.size() != rows)
            throw InputError(where + std::to_string(t.x.size()) + " x and " + std::to_string(t.y.size()) +
                             " y coordinates for " + std::to_string(rows) + " rows");
        std::vector<std::int32_t> xy(2 * rows);
        for (std::size_t row = 0; row < rows; ++row) {
            xy[2 * row] = t.x[row];
            xy[2 * row + 1] = t.y[row];
        }
        CheckBlockSize(xy.size() * 4, "the point coordinates");
        points.Assign(xy.data(), xy.size() * 4, Buffer::Usage::Static);
    }

    DropPending();
    m_codes.Assign(packed_codes.data(), packed_codes.size() * 4, Buffer::Usage::Static);
    m_columns = std::move(columns);
    m_measures = std::move(measures);
    m_points = std::move(points);
    m_table = std::move(table);
}

// [SECTION] submitting views

std::vector<ViewResult> GpuEngine::Compute(const FilterSet& filters, const std::vector<ViewSpec>& views)
{
    Submit(filters, views);
    std::vector<ViewResult> results;
    Collect(results, true);
    return results;
}

void GpuEngine::Submit(const FilterSet& filters, const std::vector<ViewSpec>& views)
{
    if (!m_table)
        throw InputError("GPU aggregation: views submitted before a table was loaded");
    const FactTable& table = *m_table;
    for (const ViewSpec& view : views)
        core::agg::ValidateView(table, view);
    for (const DimensionFilter& filter : filters.Filters())
        if (filter.dimension < 0 || filter.dimension >= static_cast<int>(table.dimensions.size()))
            throw InputError("GPU aggregation: a filter on dimension " + std::to_string(filter.dimension) + ", which " +
                             table.name + " does not have");

    // The filters that constrain anything; a filter that lets nothing through empties every
    // view it applies to without a dispatch.
    std::vector<const DimensionFilter*> active;
    for (const DimensionFilter& filter : filters.Filters())
        if (!AllowsEverything(filter, table.dimensions[std::size_t(filter.dimension)].Cardinality()))
            active.push_back(&filter);

    // Filter buffer: each view's list of 4-word entries, then every active filter's bitset.
    std::vector<std::vector<std::size_t>> applied(views.size()); // indices into `active`
    std::size_t list_words = 0;
    for (std::size_t v = 0; v < views.size(); ++v) {
        for (std::size_t f = 0; f < active.size(); ++f)
            if (core::agg::FilterAppliesTo(views[v], active[f]->dimension))
                applied[v].push_back(f);
        list_words += 4 * applied[v].size();
    }
    std::vector<std::uint32_t> filter_words(list_words);
    std::vector<std::uint32_t> bitset_offset(active.size());
    for (std::size_t f = 0; f < active.size(); ++f) {
        bitset_offset[f] = static_cast<std::uint32_t>(filter_words.size());
        filter_words.insert(filter_words.end(), active[f]->allowed.begin(), active[f]->allowed.end());
    }

    std::size_t result_bytes = 0;
    std::size_t distinct_bytes = 0;
    std::size_t list_at = 0;
    std::vector<PlannedView> planned;
    for (std::size_t v = 0; v < views.size(); ++v) {
        PlannedView plan;
        plan.spec = views[v];
        plan.groups = core::agg::GroupCount(table, views[v]);
        plan.filter_list = static_cast<std::uint32_t>(list_at);
        plan.filter_count = static_cast<std::uint32_t>(applied[v].size());
        for (std::size_t f : applied[v]) {
            const DimensionFilter& filter = *active[f];
            plan.passes_nothing = plan.passes_nothing || AllowsNothing(filter);
            const Column& column = m_columns[std::size_t(filter.dimension)];
            filter_words[list_at++] = column.word_offset;
            filter_words[list_at++] = column.bits_log;
            filter_words[list_at++] = bitset_offset[f];
            filter_words[list_at++] = static_cast<std::uint32_t>(filter.allowed.size());
        }
        const ViewSpec& spec = plan.spec;
        if (spec.aggregate == Aggregate::CountDistinct) {
            const std::uint32_t cardinality = table.dimensions[std::size_t(spec.distinct_dimension)].Cardinality();
            plan.distinct_stride = (cardinality + 31) / 32;
            plan.distinct_offset = distinct_bytes;
            const std::size_t bytes = plan.groups * plan.distinct_stride * 4;
            CheckBlockSize(bytes, "the count-distinct bits of a view");
            distinct_bytes = RoundUp(distinct_bytes + bytes, m_offset_alignment);
        }
        plan.wide_keys = (spec.aggregate == Aggregate::Min || spec.aggregate == Aggregate::Max) &&
                         m_measures[std::size_t(spec.measure)].value_words == 2;
        plan.result_offset = result_bytes;
        const std::size_t bytes = plan.groups * kRecordWords * 4;
        CheckBlockSize(bytes, "the results of a view");
        result_bytes = RoundUp(result_bytes + bytes, m_offset_alignment);
        planned.push_back(plan);
    }
    CheckBlockSize(filter_words.size() * 4, "the filters");
    DropPending();
    m_planned = std::move(planned);

    m_filters.Assign(filter_words.data(), filter_words.size() * 4, Buffer::Usage::Dynamic);
    // Every record starts at zero: counts, sums, and min/max keys (0 is below every key, and a
    // group without known values reads back as 0 anyway).
    m_results.Reserve(result_bytes, Buffer::Usage::Dynamic);
    m_distinct.Reserve(distinct_bytes, Buffer::Usage::Dynamic);
    for (const auto& [buffer, bytes] : {std::pair{&m_results, result_bytes}, std::pair{&m_distinct, distinct_bytes}}) {
        if (bytes == 0)
            continue;
        glBindBuffer(GL_COPY_WRITE_BUFFER, buffer->Id());
        glClearBufferSubData(GL_COPY_WRITE_BUFFER, GL_R32UI, 0, static_cast<GLsizeiptr>(bytes), GL_RED_INTEGER,
                             GL_UNSIGNED_INT, nullptr);
    }
    glBindBuffer(GL_COPY_WRITE_BUFFER, 0);

    glBindBufferBase(GL_SHADER_STORAGE_BUFFER, 0, m_codes.Id());
    glBindBufferBase(GL_SHADER_STORAGE_BUFFER, 4, m_filters.Id());
    for (const PlannedView& plan : m_planned)
        Dispatch(plan);
    for (GLuint binding = 0; binding <= 6; ++binding)
        glBindBufferBase(GL_SHADER_STORAGE_BUFFER, binding, 0);
    glUseProgram(0);

    // Copy the records for the CPU behind the dispatches, so that they are there when the fence
    // signals. Reading the records' own buffer instead cost every submission after a large
    // read-back about half a millisecond more on an H100 (the driver seems to move a buffer
    // the CPU reads out of GPU memory).
    glMemoryBarrier(GL_BUFFER_UPDATE_BARRIER_BIT);
    if (result_bytes > 0) {
        m_readback.Reserve(result_bytes, Buffer::Usage::Readback);
        glBindBuffer(GL_COPY_READ_BUFFER, m_results.Id());
        glBindBuffer(GL_COPY_WRITE_BUFFER, m_readback.Id());
        glCopyBufferSubData(GL_COPY_READ_BUFFER, GL_COPY_WRITE_BUFFER, 0, 0, static_cast<GLsizeiptr>(result_bytes));
        glBindBuffer(GL_COPY_READ_BUFFER, 0);
        glBindBuffer(GL_COPY_WRITE_BUFFER, 0);
    }
    m_fence = glFenceSync(GL_SYNC_GPU_COMMANDS_COMPLETE, 0);
    // Without a flush the fence might never reach the GPU, and Collect(wait = false) would
    // report "not ready" for ever.
    glFlush();
}

void GpuEngine::Dispatch(const PlannedView& plan)
{
    const FactTable& table = *m_table;
    const ViewSpec& spec = plan.spec;
    if (plan.groups == 0 || table.rows == 0 || plan.passes_nothing)
        return; // every record stays zero: no rows, so every group is Empty

    const GLuint scan = m_scan.Id();
    if (spec.bins) {
        const std::optional<BinAxis> x = MapBinAxis(spec.bins->x0, spec.bins->cell, spec.bins->nx);
        const std::optional<BinAxis> y = MapBinAxis(spec.bins->y0, spec.bins->cell, spec.bins->ny);
        if (!x || !y)
            return; // the grid lies outside every int32 point
        SetInt(scan, "u_group_mode", kGroupBins);
        SetIvec2(scan, "u_bin_lo", x->lo, y->lo);
        SetUvec2(scan, "u_bin_span", x->span, y->span);
        SetUvec2(scan, "u_bin_cell", x->cell, y->cell);
        SetUvec2(scan, "u_bin_threshold", x->threshold, y->threshold);
        SetUvec2(scan, "u_bin_k0", x->k0, y->k0);
        SetUint(scan, "u_bins_nx", spec.bins->nx);
    } else {
        const int dims = spec.GroupDimensions();
        SetInt(scan, "u_group_mode", dims > 0 ? kGroupCodes : kGroupNone);
        SetInt(scan, "u_group_dims", dims);
        const Column first = dims > 0 ? m_columns[std::size_t(spec.group_by[0])] : Column{};
        const Column second = dims > 1 ? m_columns[std::size_t(spec.group_by[1])] : Column{};
        SetUvec2(scan, "u_group_column", first.word_offset, second.word_offset);
        SetUvec2(scan, "u_group_bits_log", first.bits_log, second.bits_log);
        SetUint(scan, "u_group_card1", dims > 1 ? table.dimensions[std::size_t(spec.group_by[1])].Cardinality() : 1u);
    }

    const bool has_measure = spec.measure >= 0;
    const MeasureBuffers* measure = has_measure ? &m_measures[std::size_t(spec.measure)] : nullptr;
    glBindBufferBase(GL_SHADER_STORAGE_BUFFER, 1, measure ? measure->values.Id() : m_empty_binding.Id());
    glBindBufferBase(GL_SHADER_STORAGE_BUFFER, 2, measure ? measure->states.Id() : m_empty_binding.Id());
    glBindBufferBase(GL_SHADER_STORAGE_BUFFER, 3, table.HasPoints() ? m_points.Id() : m_empty_binding.Id());
    glBindBufferRange(GL_SHADER_STORAGE_BUFFER, 5, m_results.Id(), static_cast<GLintptr>(plan.result_offset),
                      static_cast<GLsizeiptr>(plan.groups * kRecordWords * 4));
    const bool distinct = spec.aggregate == Aggregate::CountDistinct;
    if (distinct)
        glBindBufferRange(GL_SHADER_STORAGE_BUFFER, 6, m_distinct.Id(), static_cast<GLintptr>(plan.distinct_offset),
                          static_cast<GLsizeiptr>(plan.groups * plan.distinct_stride * 4));
    else
        glBindBufferBase(GL_SHADER_STORAGE_BUFFER, 6, m_empty_binding.Id());

    const auto rows = static_cast<std::uint32_t>(table.rows);
    SetUint(scan, "u_rows", rows);
    SetInt(scan, "u_min", spec.aggregate == Aggregate::Min);
    SetInt(scan, "u_has_measure", has_measure);
    SetUint(scan, "u_value_words", measure ? measure->value_words : 1u);
    SetUint(scan, "u_filter_list", plan.filter_list);
    SetUint(scan, "u_filter_count", plan.filter_count);
    SetUint(scan, "u_groups", static_cast<std::uint32_t>(plan.groups));
    if (distinct) {
        const Column& column = m_columns[std::size_t(spec.distinct_dimension)];
        SetUint(scan, "u_distinct_column", column.word_offset);
        SetUint(scan, "u_distinct_bits_log", column.bits_log);
        SetUint(scan, "u_distinct_stride", plan.distinct_stride);
    }

    m_scan.Use();
    auto scan_pass = [&](ScanMode mode, std::uint32_t local_words) {
        // The workgroup's private histogram when the groups fit in shared memory; else every
        // row goes to global atomics (many point bins, a large 2-D group-by).
        const std::size_t local_total =
            plan.groups * local_words + (mode == kModeDistinct ? plan.groups * plan.distinct_stride : 0);
        const bool use_shared = local_total <= kSharedWords;
        // Copies of a small histogram, up to one per lane of a 32-wide warp, so that threads
        // rarely wait on each other's shared atomics.
        const std::size_t copies =
            use_shared ? std::clamp<std::size_t>(kSharedWords / std::max<std::size_t>(local_total, 1), 1, kMaxCopies) : 1;
        std::size_t chunk = kMinRowsPerWorkgroup;
        if (use_shared)
            chunk = std::max(chunk, RoundUp(2 * copies * local_total, kWorkgroupSize));
        chunk = std::max(chunk, RoundUp((table.rows + m_max_workgroups - 1) / m_max_workgroups, kWorkgroupSize));
        SetInt(scan, "u_mode", mode);
        SetInt(scan, "u_use_shared", use_shared);
        SetUint(scan, "u_local_words", local_words);
        SetUint(scan, "u_local_total", use_shared ? static_cast<std::uint32_t>(local_total) : 0u);
        SetUint(scan, "u_copies", static_cast<std::uint32_t>(copies));
        SetUint(scan, "u_rows_per_workgroup", static_cast<std::uint32_t>(chunk));
        glDispatchCompute(static_cast<GLuint>((table.rows + chunk - 1) / chunk), 1, 1);
    };
    switch (spec.aggregate) {
    case Aggregate::Sum: scan_pass(kModeSum, 5); break;
    case Aggregate::Count: scan_pass(kModeCount, 3); break;
    case Aggregate::CountDistinct: scan_pass(kModeDistinct, 3); break;
    case Aggregate::Min:
    case Aggregate::Max:
        if (!plan.wide_keys) {
            scan_pass(kModeKey32, 4);
            break;
        }
        // int64 min/max in two passes: the extreme high word first, then the extreme low word
        // among the rows that share it.
        scan_pass(kModeKeyHigh, 4);
        glMemoryBarrier(GL_SHADER_STORAGE_BARRIER_BIT);
        scan_pass(kModeKeyLow, 1);
        break;
    }

    if (distinct) {
        glMemoryBarrier(GL_SHADER_STORAGE_BARRIER_BIT);
        m_count_bits.Use();
        SetUint(m_count_bits.Id(), "u_groups", static_cast<std::uint32_t>(plan.groups));
        SetUint(m_count_bits.Id(), "u_distinct_stride", plan.distinct_stride);
        const std::size_t workgroups = std::min<std::size_t>((plan.groups + kWorkgroupSize - 1) / kWorkgroupSize,
                                                             m_max_workgroups);
        glDispatchCompute(static_cast<GLuint>(workgroups), 1, 1);
    }
}

// [SECTION] collecting results

bool GpuEngine::Collect(std::vector<ViewResult>& results, bool wait)
{
    if (!m_fence)
        return false;
    const auto fence = static_cast<GLsync>(m_fence);
    // Poll first: once a driver has to block in glClientWaitSync it may sleep for half a
    // millisecond or more (NVIDIA does), longer than a small view takes on the GPU.
    const auto spin_until = std::chrono::steady_clock::now() + kSpinBeforeBlocking;
    for (;;) {
        const bool block = wait && std::chrono::steady_clock::now() >= spin_until;
        const GLenum status = glClientWaitSync(fence, 0, block ? GLuint64(1'000'000'000) : GLuint64(0));
        if (status == GL_ALREADY_SIGNALED || status == GL_CONDITION_SATISFIED)
            break;
        if (status == GL_WAIT_FAILED) {
            DropPending();
            throw InputError("GPU aggregation: waiting for the GPU failed on " + m_renderer);
        }
        if (!wait)
            return false;
    }

    std::size_t total_bytes = 0;
    for (const PlannedView& plan : m_planned)
        total_bytes = std::max(total_bytes, plan.result_offset + plan.groups * kRecordWords * 4);
    std::vector<std::uint32_t> words(total_bytes / 4);
    if (total_bytes > 0) {
        glBindBuffer(GL_COPY_READ_BUFFER, m_readback.Id());
        glGetBufferSubData(GL_COPY_READ_BUFFER, 0, static_cast<GLsizeiptr>(total_bytes), words.data());
        glBindBuffer(GL_COPY_READ_BUFFER, 0);
    }
    results.clear();
    for (const PlannedView& plan : m_planned)
        results.push_back(Decode(plan, words.data() + plan.result_offset / 4));
    DropPending();
    return true;
}

ViewResult GpuEngine::Decode(const PlannedView& plan, const std::uint32_t* records) const
{
    const ViewSpec& spec = plan.spec;
    ViewResult result;
    result.values.resize(plan.groups);
    result.rows.resize(plan.groups);
    result.suppressed.resize(plan.groups);
    result.states.resize(plan.groups);
    const bool is_min = spec.aggregate == Aggregate::Min;
    for (std::size_t g = 0; g < plan.groups; ++g) {
        const std::uint32_t* record = records + g * kRecordWords;
        result.rows[g] = Join(record[0], record[1]);
        result.suppressed[g] = Join(record[2], record[3]);
        const std::int64_t missing = Join(record[4], record[5]);
        // Count-distinct counts suppressed values as known: "<5" still means the code occurs.
        const std::int64_t known = result.rows[g] - missing -
                                   (spec.aggregate == Aggregate::CountDistinct ? 0 : result.suppressed[g]);
        result.states[g] = core::agg::StateOf(result.rows[g], known);
        std::int64_t value = 0;
        switch (spec.aggregate) {
        case Aggregate::Sum:
        case Aggregate::CountDistinct: value = Join(record[6], record[7]); break;
        case Aggregate::Count: value = known; break;
        case Aggregate::Min:
        case Aggregate::Max:
            if (known == 0)
                break; // no known value: 0, as the CPU engine reports
            // Undo the shader's keys: complemented for min, sign bit flipped.
            if (plan.wide_keys) {
                const std::uint32_t high = (is_min ? ~record[7] : record[7]) ^ 0x80000000u;
                const std::uint32_t low = is_min ? ~record[6] : record[6];
                value = Join(low, high);
            } else {
                const std::uint32_t key = (is_min ? ~record[6] : record[6]) ^ 0x80000000u;
                value = static_cast<std::int32_t>(key);
            }
            break;
        }
        result.values[g] = value;
    }
    const bool in_measure_units =
        spec.aggregate == Aggregate::Sum || spec.aggregate == Aggregate::Min || spec.aggregate == Aggregate::Max;
    result.decimals = in_measure_units ? m_table->measures[std::size_t(spec.measure)].decimals : 0;
    return result;
}

} // namespace vak::gpu
