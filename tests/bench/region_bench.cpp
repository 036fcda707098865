// Region-layer benchmarks on the 11,691-neighbourhood layer in ../shared, each reported as a
// ratio to a baseline measured in the same run (machines here are noisy; absolute times are
// not comparable between runs, ratios are):
//   load:  read + reproject + make valid + triangulate   vs  GDAL reading the features' WKB
//   pan:   one map frame while panning, 1600x1000, 4x MSAA  vs  the same frame with no regions
// Run: build/tests/bench/vak_region_bench [--benchmark_min_time=2]
#include "core/errors.hpp"
#include "core/geo/map_camera.hpp"
#include "core/resource_paths.hpp"
#include "gpu/egl_headless_context.hpp"
#include "gpu/map_canvas.hpp"
#include "io/region_reader.hpp"
#include "io/vector_source.hpp"

#include <benchmark/benchmark.h>
#include <epoxy/gl.h>
#include <ogr_api.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <vector>

namespace {

using namespace vak;

const std::string kBuurt = std::string(VAK_BENCH_SHARED_DIR) + "/geodata/cbs/2015/Buurt_2014_layer_q1e3.json";

bool HaveData(benchmark::State& state)
{
    if (std::filesystem::exists(kBuurt))
        return true;
    state.SkipWithError(("../shared absent: " + kBuurt).c_str());
    return false;
}

// [SECTION] load

void BM_GdalReadFeatures(benchmark::State& state)
{
    if (!HaveData(state))
        return;
    for (auto _ : state) {
        io::OpenedVector opened = io::OpenVector(kBuurt);
        OGRLayerH layer = GDALDatasetGetLayer(opened.Get(), 0);
        std::size_t bytes = 0;
        std::vector<unsigned char> wkb;
        while (OGRFeatureH f = OGR_L_GetNextFeature(layer)) {
            if (OGRGeometryH g = OGR_F_GetGeometryRef(f)) {
                wkb.resize(static_cast<std::size_t>(OGR_G_WkbSize(g)));
                OGR_G_ExportToWkb(g, wkbNDR, wkb.data());
                bytes += wkb.size();
            }
            OGR_F_Destroy(f);
        }
        benchmark::DoNotOptimize(bytes);
    }
}
BENCHMARK(BM_GdalReadFeatures)->Unit(benchmark::kMillisecond);

void BM_LoadRegionLayer(benchmark::State& state)
{
    if (!HaveData(state))
        return;
    std::size_t triangles = 0;
    for (auto _ : state) {
        const core::RegionLayer layer = io::ReadRegionLayer(kBuurt);
        triangles = layer.mesh.TriangleCount();
        benchmark::DoNotOptimize(triangles);
    }
    state.counters["triangles"] = static_cast<double>(triangles);
}
BENCHMARK(BM_LoadRegionLayer)->Unit(benchmark::kMillisecond);

// [SECTION] frames

struct FrameFixture {
    std::unique_ptr<gpu::GlContext> context;
    std::unique_ptr<gpu::MapCanvas> canvas;         // 4x multisampled, as exports use
    std::unique_ptr<gpu::MapCanvas> canvas_single;  // one sample, as a software-GL window uses
    core::RegionLayer layer;
    std::string renderer;
};

FrameFixture* Frames()
{
    static std::unique_ptr<FrameFixture> fixture = [] {
        auto f = std::make_unique<FrameFixture>();
        f->context = gpu::CreateHeadlessContext();
        f->renderer = f->context->Info().Summary();
        const gpu::ShaderLibrary shaders(core::FindShaderDir(core::DefaultShaderDirQuery({})));
        f->canvas = std::make_unique<gpu::MapCanvas>(shaders, 4);
        f->canvas_single = std::make_unique<gpu::MapCanvas>(shaders, 1);
        f->layer = io::ReadRegionLayer(kBuurt);
        return f;
    }();
    return fixture.get();
}

void RunFrames(benchmark::State& state, bool with_regions, int samples)
{
    if (!HaveData(state))
        return;
    FrameFixture* f = Frames();
    core::MapCamera camera;
    camera.SetViewport(1600, 1000);
    camera.Fit(f->layer.bounds, 20);
    gpu::MapScene scene;
    if (with_regions) {
        scene.layer = &f->layer;
        scene.camera = &camera;
    }
    gpu::MapCanvasStyle style;
    style.grid_px = 0;
    int step = 0;
    for (auto _ : state) {
        camera.PanPixels((step++ % 20) < 10 ? 6.0 : -6.0, 0.0); // to and fro, like a drag
        (samples > 1 ? f->canvas : f->canvas_single)->Render(1600, 1000, style, scene);
        glFinish(); // count the GPU work, not only its submission
    }
    state.SetLabel(f->renderer);
}

void BM_FrameWithoutRegions(benchmark::State& state)
{
    RunFrames(state, false, static_cast<int>(state.range(0)));
}
BENCHMARK(BM_FrameWithoutRegions)->Arg(1)->Arg(4)->ArgName("samples")->Unit(benchmark::kMillisecond);

void BM_FramePanNeighbourhoods(benchmark::State& state)
{
    RunFrames(state, true, static_cast<int>(state.range(0)));
}
BENCHMARK(BM_FramePanNeighbourhoods)->Arg(1)->Arg(4)->ArgName("samples")->Unit(benchmark::kMillisecond);

// Prints the ratios after the usual table.
class RatioReporter : public benchmark::ConsoleReporter {
public:
    void ReportRuns(const std::vector<Run>& runs) override
    {
        for (const Run& run : runs)
            if (!run.error_occurred)
                m_seconds[run.benchmark_name()] = run.GetAdjustedRealTime();
        ConsoleReporter::ReportRuns(runs);
    }
    void Finalize() override
    {
        ConsoleReporter::Finalize();
        Ratio("load 11,691 neighbourhoods (read+reproject+valid+triangulate) / GDAL read", "BM_LoadRegionLayer",
              "BM_GdalReadFeatures");
        Ratio("pan frame with 11,691 neighbourhoods / empty frame (1 sample)", "BM_FramePanNeighbourhoods/samples:1",
              "BM_FrameWithoutRegions/samples:1");
        Ratio("pan frame with 11,691 neighbourhoods / empty frame (4x MSAA)", "BM_FramePanNeighbourhoods/samples:4",
              "BM_FrameWithoutRegions/samples:4");
    }

private:
    void Ratio(const char* what, const std::string& a, const std::string& b)
    {
        if (m_seconds.count(a) && m_seconds.count(b) && m_seconds[b] > 0)
            std::printf("ratio  %-80s %8.2f  (%.2f ms vs %.2f ms)\n", what, m_seconds[a] / m_seconds[b], m_seconds[a],
                        m_seconds[b]);
    }
    std::map<std::string, double> m_seconds;
};

} // namespace

int main(int argc, char** argv)
{
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    RatioReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();
    return 0;
}
