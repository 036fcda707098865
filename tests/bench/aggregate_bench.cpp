// Aggregation-core benchmarks, reported against baselines measured in the same run:
//   bandwidth:  a plain multi-threaded read of a large array (the machine's memory read speed)
//   scan:       filter + group-by-region over the raw rows (no cube), rows/s and the bytes the
//               scan must read per second as a share of that bandwidth ("of_bandwidth")
//   four views: a full cross-filter update (map by region, years, sectors, density bins) after
//               the year brush moves, with and without the cube
//   gpu_*:      the same on the GPU backend when a headless GL context is there (on llvmpipe
//               this measures the CPU running the compute shaders, so it is slow by nature)
// Sizes: 10M and 50M rows (VAK_BENCH_SMOKE=1: 1M, as ctest runs it to keep it working).
// Run: build/tests/bench/vak_aggregate_bench [--benchmark_filter=scan] [--benchmark_min_time=1]
#include "core/aggregate/cpu_engine.hpp"
#include "gpu_bench_engine.hpp"
#include "memory_bandwidth.hpp"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <random>

namespace {

using namespace vak::core;
using namespace vak::core::agg;

constexpr std::uint32_t kRegions = 342, kYears = 31, kSectors = 12;
// Bytes a filter + group-by scan must read per row: year and sector codes (filters), region
// code (group), the measure (8) and its state (1).
constexpr double kScanBytesPerRow = 4 + 4 + 4 + 8 + 1;

// Pupil-like rows: region x year x sector with skewed sizes, points scattered over the
// Netherlands in RD decimetres.
std::shared_ptr<const FactTable> BenchTable(std::size_t rows)
{
    static std::map<std::size_t, std::shared_ptr<const FactTable>> cache;
    if (auto it = cache.find(rows); it != cache.end())
        return it->second;
    auto table = std::make_shared<FactTable>();
    table->name = "bench";
    table->rows = rows;
    const std::pair<const char*, std::uint32_t> dims[] = {{"region", kRegions}, {"year", kYears}, {"sector", kSectors}};
    std::mt19937_64 rng(rows);
    for (const auto& [name, card] : dims) {
        FactDimension& d = table->dimensions.emplace_back();
        d.name = name;
        for (std::uint32_t c = 0; c < card; ++c)
            d.labels.push_back(std::to_string(std::string_view(name) == "year" ? 2010 + c : c));
        d.codes.resize(rows);
        std::uniform_int_distribution<std::uint32_t> pick(0, card - 1);
        for (auto& code : d.codes)
            code = std::min(pick(rng), pick(rng)); // skewed: low codes are the big regions
    }
    table->dimensions[1].role = DimensionRole::Period;
    table->dimensions[0].role = DimensionRole::Region;
    FactMeasure& m = table->measures.emplace_back();
    m.name = "students";
    m.values.resize(rows);
    m.states.resize(rows);
    std::uniform_int_distribution<int> value(0, 400);
    for (std::size_t r = 0; r < rows; ++r) {
        const int v = value(rng);
        m.states[r] = v < 8 ? ValueState::Suppressed : ValueState::Known;
        m.values[r] = v < 8 ? 0 : v;
    }
    table->x.resize(rows);
    table->y.resize(rows);
    std::uniform_int_distribution<std::int32_t> x(135000, 2780000), y(3060000, 6300000);
    for (std::size_t r = 0; r < rows; ++r) {
        table->x[r] = x(rng);
        table->y[r] = y(rng);
    }
    cache[rows] = table;
    return table;
}

unsigned Threads() { return vak::bench::ScanThreads(); }

// [SECTION] baseline: memory read bandwidth

double g_bandwidth = 0; // bytes/s, measured in main before the benchmarks, for the scans' ratio

using vak::bench::ReadArray;

void BM_MemoryReadBandwidth(benchmark::State& state)
{
    // As many bytes as the scan of the same number of rows reads.
    const std::vector<std::uint64_t> data(std::size_t(double(state.range(0)) * kScanBytesPerRow / 8), 1);
    for (auto _ : state)
        benchmark::DoNotOptimize(ReadArray(data, Threads()));
    state.SetBytesProcessed(std::int64_t(state.iterations()) * std::int64_t(data.size() * 8));
    state.counters["threads"] = Threads();
}

double MeasureBandwidth()
{
    // 1 GiB (smoke: 256 MiB), far beyond any cache.
    return vak::bench::MeasureReadBandwidth(std::size_t(1) << (std::getenv("VAK_BENCH_SMOKE") ? 28 : 30));
}

// [SECTION] scan and four-view update

FilterSet SliderFilters(const FactTable& table, int step)
{
    FilterSet filters;
    const std::uint32_t from = std::uint32_t(step % 10);
    std::vector<std::uint32_t> years;
    for (std::uint32_t y = from; y < from + 16; ++y)
        years.push_back(y);
    filters.Restrict(1, years, table.dimensions[1].Cardinality());
    filters.Restrict(2, {0, 2, 3, 5, 7, 11}, kSectors);
    return filters;
}

ViewSpec ByRegion()
{
    ViewSpec v;
    v.measure = 0;
    v.group_by[0] = 0;
    return v;
}

std::vector<ViewSpec> FourViews()
{
    ViewSpec years = ByRegion(), sectors = ByRegion(), density;
    years.group_by[0] = 1;
    sectors.group_by[0] = 2;
    density.aggregate = Aggregate::Count;
    density.bins = PointGrid{135000, 3060000, 10000, 265, 324}; // 1 km cells over the Netherlands
    return {ByRegion(), years, sectors, density};
}

void RunScan(benchmark::State& state, Engine& engine, const FactTable& table)
{
    const std::vector<ViewSpec> views = {ByRegion()};
    int step = 0;
    for (auto _ : state) {
        auto results = engine.Compute(SliderFilters(table, step++), views);
        benchmark::DoNotOptimize(results.data());
    }
    const double rows = double(state.iterations()) * double(table.rows);
    state.counters["rows_per_s"] = benchmark::Counter(rows, benchmark::Counter::kIsRate);
    state.SetBytesProcessed(std::int64_t(rows * kScanBytesPerRow));
    // (bytes the scan read per second) / (bandwidth measured at start): a rate of bytes/bandwidth.
    if (g_bandwidth > 0)
        state.counters["of_bandwidth"] = benchmark::Counter(rows * kScanBytesPerRow / g_bandwidth,
                                                            benchmark::Counter::kIsRate);
    state.SetLabel(engine.Describe());
}

void BM_CpuScanFilterGroupByRegion(benchmark::State& state)
{
    const auto table = BenchTable(std::size_t(state.range(0)));
    CpuEngine engine({0, CubeMode::Never});
    engine.Load(table);
    RunScan(state, engine, *table);
}

void RunFourViews(benchmark::State& state, Engine& engine, const FactTable& table)
{
    const std::vector<ViewSpec> views = FourViews();
    int step = 0;
    for (auto _ : state) {
        FilterSet filters = SliderFilters(table, step++);
        filters.Restrict(0, {1, 4, 9, 16, 25, 36, 49, 64}, kRegions); // regions clicked on the map
        auto results = engine.Compute(filters, views);
        benchmark::DoNotOptimize(results.data());
    }
    state.SetLabel(engine.Describe());
}

void BM_CpuFourViewUpdate(benchmark::State& state)
{
    const auto table = BenchTable(std::size_t(state.range(0)));
    CpuEngine engine({0, state.range(1) ? CubeMode::Auto : CubeMode::Never});
    engine.Load(table);
    RunFourViews(state, engine, *table);
}

// Three views from the cube alone (the density bins need the rows): what a cube buys.
void BM_CpuThreeCubeViewUpdate(benchmark::State& state)
{
    const auto table = BenchTable(std::size_t(state.range(0)));
    CpuEngine engine({0, CubeMode::Auto});
    engine.Load(table);
    std::vector<ViewSpec> views = FourViews();
    views.pop_back();
    int step = 0;
    for (auto _ : state) {
        auto results = engine.Compute(SliderFilters(*table, step++), views);
        benchmark::DoNotOptimize(results.data());
    }
    state.SetLabel(engine.Describe());
}

// The density view alone: 2-D point bins need the raw rows, whatever the cube holds.
void BM_CpuDensityBins(benchmark::State& state)
{
    const auto table = BenchTable(std::size_t(state.range(0)));
    CpuEngine engine({0, CubeMode::Never});
    engine.Load(table);
    const std::vector<ViewSpec> views = {FourViews().back()};
    int step = 0;
    for (auto _ : state) {
        auto results = engine.Compute(SliderFilters(*table, step++), views);
        benchmark::DoNotOptimize(results.data());
    }
    state.counters["rows_per_s"] = benchmark::Counter(double(state.iterations()) * double(table->rows),
                                                      benchmark::Counter::kIsRate);
    state.SetLabel(engine.Describe());
}

// The GPU engine with `table` loaded, or null (the benchmark then says why it was skipped).
std::unique_ptr<Engine> LoadedGpuEngine(benchmark::State& state, const std::shared_ptr<const FactTable>& table)
{
    std::string why;
    auto engine = vak::bench::MakeGpuEngine(why);
    if (!engine) {
        state.SkipWithError(why.c_str());
        return nullptr;
    }
    engine->Load(table);
    return engine;
}

void BM_GpuScanFilterGroupByRegion(benchmark::State& state)
{
    const auto table = BenchTable(std::size_t(state.range(0)));
    if (auto engine = LoadedGpuEngine(state, table))
        RunScan(state, *engine, *table);
}

void BM_GpuFourViewUpdate(benchmark::State& state)
{
    const auto table = BenchTable(std::size_t(state.range(0)));
    if (auto engine = LoadedGpuEngine(state, table))
        RunFourViews(state, *engine, *table);
}

} // namespace

int main(int argc, char** argv)
{
    const bool smoke = std::getenv("VAK_BENCH_SMOKE") != nullptr;
    const std::vector<std::int64_t> sizes = smoke ? std::vector<std::int64_t>{1'000'000}
                                                  : std::vector<std::int64_t>{10'000'000, 50'000'000};
    const std::int64_t update_rows = smoke ? 1'000'000 : 10'000'000;
    for (std::int64_t rows : sizes) {
        benchmark::RegisterBenchmark("bandwidth", BM_MemoryReadBandwidth)->Arg(rows)->UseRealTime()->Unit(benchmark::kMillisecond);
        benchmark::RegisterBenchmark("cpu_scan", BM_CpuScanFilterGroupByRegion)->Arg(rows)->UseRealTime()->Unit(benchmark::kMillisecond);
        if (vak::bench::WantGpu())
            benchmark::RegisterBenchmark("gpu_scan", BM_GpuScanFilterGroupByRegion)->Arg(rows)->UseRealTime()->Unit(benchmark::kMillisecond);
    }
    benchmark::RegisterBenchmark("cpu_four_views", BM_CpuFourViewUpdate)
        ->Args({update_rows, 0})->Args({update_rows, 1})->ArgNames({"rows", "cube"})->UseRealTime()->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("cpu_density_bins", BM_CpuDensityBins)
        ->Arg(update_rows)->UseRealTime()->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("cpu_three_cube_views", BM_CpuThreeCubeViewUpdate)
        ->Arg(update_rows)->UseRealTime()->Unit(benchmark::kMillisecond);
    if (vak::bench::WantGpu())
        benchmark::RegisterBenchmark("gpu_four_views", BM_GpuFourViewUpdate)->Arg(update_rows)->UseRealTime()->Unit(benchmark::kMillisecond);
    benchmark::Initialize(&argc, argv);
    g_bandwidth = MeasureBandwidth();
    std::printf("memory read bandwidth (%u threads, best of 5): %.2f GB/s\n", Threads(), g_bandwidth / 1e9);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
