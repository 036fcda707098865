// The vacancy density map's re-binning: the demo's 1.5 M vacancy points binned for a 1920x1080
// map at 8 px cells on the CPU engine (all hardware threads, no cube: point bins need the rows),
// then coloured on the log ramp, as gpu::DensityLayer does on its worker thread after a zoom or
// a pan past a block. Reported against the memory read bandwidth measured at the start of the
// same run (the baseline of aggregate_bench): "of_bandwidth" is the bytes a bin pass must read
// (x, y and the period code: 12 bytes a point) per second as a share of that bandwidth.
//   whole_country  the map fitted to the Netherlands (3.2 km cells)
//   zoomed         the Randstad at 8 x that zoom (400 m cells; most points outside the grid)
//   quarter        whole country, one quarter (the dashboard's period) as a filter
// The import of the CSV (GDAL) and the engine's load (Z-ordering the points) are timed once
// and printed. No timed assertions.
// Run: build/tests/bench/vak_density_bench [--benchmark_min_time=1]
#include "core/aggregate/cpu_engine.hpp"
#include "core/dashboard/density_grid.hpp"
#include "core/errors.hpp"
#include "io/demo_cache.hpp"
#include "io/table_import.hpp"
#include "memory_bandwidth.hpp"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <vector>

namespace {

using namespace vak::core;
using namespace vak::core::agg;

constexpr double kBinBytesPerPoint = 4 + 4 + 4; // x, y, period code

unsigned Threads() { return vak::bench::ScanThreads(); }

std::shared_ptr<const FactTable> g_points;
std::unique_ptr<CpuEngine> g_engine;
double g_bandwidth = 0;

double MeasureBandwidth() { return vak::bench::MeasureReadBandwidth(std::size_t(1) << 30); } // 1 GiB

// The map panel's visible box at 1920x1080 with the Netherlands fitted (RD New metres), and the
// Randstad at `zoom` times that.
Box2d VisibleBox(double zoom)
{
    const double upp = 325000.0 / 1080.0 / zoom; // the country's 325 km of height fill the map
    const Vec2d centre = zoom > 1 ? Vec2d{110000, 470000} : Vec2d{155000, 462500};
    return Box2d{centre.x - 960 * upp, centre.y - 540 * upp, centre.x + 960 * upp, centre.y + 540 * upp};
}

void Rebin(benchmark::State& state, double zoom, bool one_quarter)
{
    if (!g_engine) {
        state.SkipWithError("no demo points (see the message above)");
        return;
    }
    FilterSet filters;
    if (one_quarter) {
        const int period = g_points->FindDimension("periode");
        filters.Restrict(period, {3}, g_points->dimensions[std::size_t(period)].Cardinality());
    }
    // Two grids a block apart, alternately: each iteration is a real re-bin after a pan.
    const Box2d box = VisibleBox(zoom);
    std::optional<DensityGrid> grids[2] = {ChooseDensityGrid(box, 1920, 1080), {}};
    const double shift = grids[0]->cell_metres * kCellsPerBlock;
    grids[1] = ChooseDensityGrid(Box2d{box.min_x + shift, box.min_y, box.max_x + shift, box.max_y}, 1920, 1080);
    std::int64_t max_count = 0;
    std::size_t i = 0;
    for (auto _ : state) {
        ViewSpec view;
        view.aggregate = Aggregate::Count;
        view.bins = grids[i++ % 2]->grid;
        std::vector<ViewResult> results = g_engine->Compute(filters, {view});
        max_count = MaxCount(results[0].rows);
        const std::vector<std::uint32_t> rgba = ColorDensityBins(results[0].rows, MakeDensityRamp(max_count));
        benchmark::DoNotOptimize(rgba.data());
    }
    const double points = double(state.iterations()) * double(g_points->rows);
    state.counters["points_per_s"] = benchmark::Counter(points, benchmark::Counter::kIsRate);
    if (g_bandwidth > 0)
        state.counters["of_bandwidth"] =
            benchmark::Counter(points * kBinBytesPerPoint / g_bandwidth, benchmark::Counter::kIsRate);
    state.counters["bins"] = double(grids[0]->grid.nx) * grids[0]->grid.ny;
    state.counters["cell_m"] = grids[0]->cell_metres;
    state.counters["max_count"] = double(max_count);
    state.SetLabel(g_engine->Describe());
}

void BM_WholeCountry(benchmark::State& state) { Rebin(state, 1.0, false); }
void BM_Zoomed(benchmark::State& state) { Rebin(state, 8.0, false); }
void BM_Quarter(benchmark::State& state) { Rebin(state, 1.0, true); }

void BM_MemoryReadBandwidth(benchmark::State& state)
{
    // As many bytes as one bin pass over the points reads.
    const std::size_t rows = g_points ? g_points->rows : 1'500'000;
    const std::vector<std::uint64_t> data(std::size_t(double(rows) * kBinBytesPerPoint / 8), 1);
    for (auto _ : state)
        benchmark::DoNotOptimize(vak::bench::ReadArray(data, Threads()));
    state.SetBytesProcessed(std::int64_t(state.iterations()) * std::int64_t(data.size() * 8));
}

void LoadPoints()
{
    try {
        vak::io::EnsureDemoTables();
        auto start = std::chrono::steady_clock::now();
        vak::io::ImportedTable imported = vak::io::ImportTable(vak::io::DemoPointsTable());
        auto table = std::make_shared<FactTable>(PackDataset(imported.dataset));
        const double import_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        start = std::chrono::steady_clock::now();
        g_engine = std::make_unique<CpuEngine>(CpuEngineOptions{0, CubeMode::Never});
        g_engine->Load(table);
        const double load_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        g_points = table;
        std::printf("demo points: %zu rows; import (GDAL) + pack %.2f s, engine load %.2f s\n", table->rows, import_s,
                    load_s);
    } catch (const InputError& e) {
        std::printf("no demo points: %s\n", e.what());
    }
}

} // namespace

int main(int argc, char** argv)
{
    benchmark::Initialize(&argc, argv);
    LoadPoints();
    g_bandwidth = MeasureBandwidth();
    std::printf("memory read bandwidth (%u threads, best of 5): %.2f GB/s\n", Threads(), g_bandwidth / 1e9);
    benchmark::RegisterBenchmark("bandwidth_same_bytes", BM_MemoryReadBandwidth)->UseRealTime()->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("cpu_rebin_whole_country", BM_WholeCountry)->UseRealTime()->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("cpu_rebin_zoomed_8x", BM_Zoomed)->UseRealTime()->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("cpu_rebin_one_quarter", BM_Quarter)->UseRealTime()->Unit(benchmark::kMillisecond);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
