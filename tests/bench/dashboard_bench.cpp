// The dashboard in use: frame times of a scripted interaction on the demo data, headless
// (EGL), at 1920x1080: playing through the years, clicking regions, switching level, clicking
// bars and changing the classification, as a board member would. Each benchmark iteration is
// one frame (model update, UI, map and charts rendered, GL finished); the counters give the
// median, 95th percentile and worst frame, against the same session's idle frame (nothing
// changed) measured in the same run.
// Run: build/tests/bench/vak_dashboard_bench [--benchmark_min_time=...]
#include "core/dashboard/dashboard_model.hpp"
#include "core/errors.hpp"
#include "gpu/egl_headless_context.hpp"
#include "io/workspace_loader.hpp"
#include "ui/ui_session.hpp"

#include <benchmark/benchmark.h>
#include <epoxy/gl.h>
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <memory>

namespace {

using namespace vak;

struct Session {
    core::Workspace workspace;
    std::unique_ptr<gpu::GlContext> context;
    std::unique_ptr<ui::UiSession> ui;
    std::string error;

    Session()
    {
        try {
            io::LoadRegionFiles({}, workspace); // the demo geography and its tables
            io::LoadDataFiles({}, workspace);
            context = gpu::CreateHeadlessContext();
            core::CommonOptions options;
            options.map_samples = 1; // as one would run on llvmpipe
            if (const char* font = std::getenv("VAK_BENCH_FONT")) // machines without fontconfig
                options.font_file = font;
            if (const char* engine = std::getenv("VAK_BENCH_ENGINE")) // gpu, cpu (default: auto)
                options.engine = engine;
            ui = std::make_unique<ui::UiSession>(options, context->Info(), ui::SessionKind::Headless, workspace);
            ImGuiIO& io = ImGui::GetIO();
            io.DisplaySize = ImVec2(1920, 1080);
            io.DeltaTime = 1.0f / 60.0f;
        } catch (const core::InputError& e) {
            error = e.what();
        }
    }
    double Frame()
    {
        const auto start = std::chrono::steady_clock::now();
        ui->BuildFrame();
        ui->RenderFrame({1920, 1080});
        glFinish(); // the frame is only done when the GPU (or llvmpipe) is
        return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    }
};

Session& Shared()
{
    static Session session;
    return session;
}

void Report(benchmark::State& state, std::vector<double>& ms)
{
    std::sort(ms.begin(), ms.end());
    if (ms.empty())
        return;
    state.counters["p50_ms"] = ms[ms.size() / 2];
    state.counters["p95_ms"] = ms[std::min(ms.size() - 1, ms.size() * 95 / 100)];
    state.counters["max_ms"] = ms.back();
}

void BM_IdleFrame(benchmark::State& state)
{
    Session& s = Shared();
    if (!s.ui) {
        state.SkipWithError(s.error.c_str());
        return;
    }
    std::vector<double> ms;
    for (auto _ : state)
        ms.push_back(s.Frame());
    Report(state, ms);
}

// One step of the script per frame, cycling: play a year, click a region, shift-click another,
// switch level, click a bar, change classes, clear.
void BM_ScriptedInteraction(benchmark::State& state)
{
    Session& s = Shared();
    if (!s.ui) {
        state.SkipWithError(s.error.c_str());
        return;
    }
    core::DashboardModel& model = s.ui->Model();
    std::vector<double> ms;
    int step = 0;
    for (auto _ : state) {
        const int periods = static_cast<int>(model.Periods().size());
        const auto& features = s.workspace.ActiveLayer()->features; // 12 provinces .. 342 municipalities
        switch (step % 8) {
        case 0: model.SelectPeriod((model.PeriodIndex() + 1) % std::max(1, periods)); break;
        case 1: s.workspace.GetSelection().SelectOnly(features[std::size_t(step) % features.size()].code); break;
        case 2: s.workspace.GetSelection().Toggle(features[std::size_t(step) * 7 % features.size()].code); break;
        case 3: s.workspace.SetActiveLayer((s.workspace.ActiveLayerIndex() + 1) % int(s.workspace.Layers().size())); break;
        case 4:
            if (model.BarsDimension() >= 0)
                model.ToggleBar(0);
            break;
        case 5: model.MapStyle().classes = 3 + step % 5; break;
        case 6: model.MapStyle().method = step % 3 ? core::ClassMethod::NaturalBreaks : core::ClassMethod::Quantile; break;
        case 7: model.ClearBars(); s.workspace.GetSelection().Clear(); break;
        }
        ++step;
        ms.push_back(s.Frame());
    }
    Report(state, ms);
}

// Playing through the years: every frame a new year, the map and charts recomputed.
void BM_PlayThroughYears(benchmark::State& state)
{
    Session& s = Shared();
    if (!s.ui) {
        state.SkipWithError(s.error.c_str());
        return;
    }
    core::DashboardModel& model = s.ui->Model();
    s.workspace.SetActiveLayer(0);
    std::vector<double> ms;
    for (auto _ : state) {
        model.SelectPeriod((model.PeriodIndex() + 1) % std::max<int>(1, int(model.Periods().size())));
        ms.push_back(s.Frame());
    }
    Report(state, ms);
}

BENCHMARK(BM_IdleFrame)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_PlayThroughYears)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_ScriptedInteraction)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace

BENCHMARK_MAIN();
