// Soak: thousands of random interactions (fixed seed) on the demo dashboard, headless, as a user
// at a board meeting might click for an afternoon: regions picked by click, box and lasso, pan
// and zoom, sector bars, the year slider and play button, the change between two years, level,
// tile map, table, measure, theme, classes and palette, the density map, saving and reopening
// the view, and now and then an export. Every interaction is followed by a rendered frame.
//
// What a user cares about, and what is asserted:
//   - nothing throws and every frame is drawn (ImGui produced draw data, GL reported no error);
//   - the GL objects alive after the run, back in the state the run started from, are those
//     alive after the warm-up: an interaction that leaks a buffer or texture would exhaust a
//     long session's memory on a real GPU;
//   - resident memory grows less than kMaxRssGrowthMiB over the run.
// The numbers are printed (interactions, wall time, RSS start/end/peak, GL objects start/end).
// Each interaction's change in GL objects and resident memory is added to its kind, so a
// failure says which kind of interaction grew them.
//
// VAK_SOAK_INTERACTIONS overrides the count (default 10,000). The sanitizer build (.ci/setup,
// build-asan/) runs fewer: see kSanitizerInteractions.
// VAK_SOAK_ENGINE=gpu|cpu forces the aggregation engine (default auto, as `vakatlas` starts).
// VAK_SOAK_VIEW_DIR=DIR keeps the first view files the run saves, and a story of three of them,
// in DIR: that is how the view_file fuzz target's seeds (tests/fuzz/corpus/view_file/) were made.
#include "core/errors.hpp"
#include "core/story.hpp"
#include "core/view_state.hpp"
#include "core/workspace.hpp"
#include "io/story_file.hpp"
#include "io/view_file.hpp"
#include "support/demo_dashboard_fixture.hpp"
#include "support/gl_object_census.hpp"
#include "support/mouse_input.hpp"
#include "support/temp_dir.hpp"
#include "ui/headless_render.hpp"
#include "ui/panels/map_panel.hpp"
#include "ui/session_exports.hpp"
#include "ui/theme_controller.hpp"
#include "ui/ui_session.hpp"
#include "ui/view_state_binding.hpp"

#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <unistd.h>
#include <vector>

#if defined(__SANITIZE_ADDRESS__)
#define VAK_SOAK_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define VAK_SOAK_SANITIZED 1
#endif
#endif

namespace vak::ui {
namespace {

namespace fs = std::filesystem;

constexpr int kDefaultInteractions = 10000;
// Under AddressSanitizer an interaction costs about ten times as much (measured on the 2-core CI
// machine: 1,000 interactions took 547 s after the warm-up, so 10,000 would take 90 minutes),
// so the sanitizer build runs 300, about 3 minutes: every kind still runs a dozen times or more
// under ASan, UBSan and LeakSanitizer, and the Release suite does the long run.
#ifdef VAK_SOAK_SANITIZED
constexpr int kSanitizerInteractions = 300;
#endif
constexpr unsigned kSeed = 20261123;
constexpr core::ImageSize kViewport{640, 400};
// Resident memory may grow by allocator fragmentation and by what Mesa and GDAL cache (shader
// variants, driver and projection state), but not per interaction: a leak of 7 KB each
// would pass 64 MiB over 10,000. The demo session itself takes about 150 MiB. Under
// AddressSanitizer the resident size mostly measures its quarantine of freed memory, so only
// LeakSanitizer's verdict counts there.
constexpr long kMaxRssGrowthMiB = 64;

enum class Kind {
    RegionClick,
    BoxSelect,
    LassoSelect,
    ClearSelection,
    PanZoom,
    SectorFilter,
    YearSlider,
    PlayStep,
    ChangeRange,
    LevelSwitch,
    TileMapToggle,
    ThemeSwitch,
    TableSwitch,
    ClassChange,
    PaletteChange,
    DensityToggle,
    ViewSaveOpen,
    Export,
    kCount
};

struct KindInfo {
    const char* name;
    int weight; // relative frequency
};

constexpr KindInfo kKinds[] = {
    {"region click", 10}, {"box select", 5},      {"lasso select", 4},  {"clear selection", 2}, {"pan/zoom", 6},
    {"sector filter", 8}, {"year slider", 8},     {"play step", 5},     {"change range", 4},    {"level switch", 6},
    {"tile map", 2},      {"theme switch", 5},    {"table switch", 4},  {"classes", 6},         {"palette", 4},
    {"density map", 2},   {"view save/open", 2},  {"export", 1},
};
static_assert(std::size(kKinds) == std::size_t(Kind::kCount));

long PageKiB()
{
    return sysconf(_SC_PAGESIZE) / 1024;
}

// Resident set size now, from /proc/self/statm (pages).
long RssKiB()
{
    std::ifstream statm("/proc/self/statm");
    long size = 0, resident = 0;
    statm >> size >> resident;
    return resident * PageKiB();
}

// The peak resident size of the process (VmHWM).
long PeakRssKiB()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmHWM:", 0) == 0)
            return std::strtol(line.c_str() + 6, nullptr, 10);
    return 0;
}

double MiB(long kib)
{
    return double(kib) / 1024.0;
}

int InteractionCount()
{
    if (const char* env = std::getenv("VAK_SOAK_INTERACTIONS"); env && *env)
        return std::max(1, std::atoi(env));
#ifdef VAK_SOAK_SANITIZED
    return kSanitizerInteractions;
#else
    return kDefaultInteractions;
#endif
}

struct KindStats {
    long runs = 0;
    test::GlObjectCounts gl; // net change over all its runs
    long rss_kib = 0;        // net change over all its runs
};

class Soak : public test::DemoDashboardTest {
protected:
    void SetUp() override
    {
        core::CommonOptions options = test::HeadlessOptions();
        // auto: the CPU engine on llvmpipe, as users without a GPU get; gpu: the compute-shader
        // engine's buffers soaked too (slow on llvmpipe).
        if (const char* engine = std::getenv("VAK_SOAK_ENGINE"); engine && *engine)
            options.engine = engine;
        // The demo data set (no files given), as `vakatlas` and `vakatlas render` start.
        if (!StartDemo(kViewport, options))
            return;
        m_session = &m_dashboard->Session();
        m_start_view = CaptureView(*m_session);
        if (const char* dir = std::getenv("VAK_SOAK_VIEW_DIR"); dir && *dir) {
            m_keep_views = dir;
            fs::create_directories(m_keep_views);
        }
    }

    // One frame, checked: ImGui made draw data and GL has no error to report.
    void Frame()
    {
        m_dashboard->Frames(1);
        ++m_frames;
        const ImDrawData* draw = ImGui::GetDrawData();
        const GLenum error = glGetError();
        if (draw && draw->Valid && draw->CmdListsCount > 0 && draw->TotalVtxCount > 0 && error == GL_NO_ERROR)
            ++m_frames_drawn;
        else if (m_bad_frame.empty())
            m_bad_frame = "frame " + std::to_string(m_frames) + ": " +
                          (error != GL_NO_ERROR ? "GL error " + std::to_string(error) : std::string("no draw data"));
    }

    // --- the map, through ImGui's IO as the window feeds it ---
    ImGuiWindow* MapWindow() const { return ImGui::FindWindowByName("###map"); }
    // Where a region of the shown layer is on the screen now.
    ImVec2 ScreenOf(const core::RegionFeature& feature)
    {
        const ImVec2 origin = MapWindow()->InnerRect.Min;
        const core::Vec2d p = m_session->GetDashboard().Map()->Camera().WorldToScreen(feature.label_point);
        return ImVec2(origin.x + float(p.x), origin.y + float(p.y));
    }
    const core::RegionFeature& RandomFeature()
    {
        const core::RegionLayer& layer = *Workspace().DisplayedLayer();
        return layer.features[Pick(layer.features.size())];
    }
    // A point of the map canvas (below the toolbar, left of the legend), clamped.
    ImVec2 OnMap(ImVec2 p) const
    {
        const ImRect r = MapWindow()->InnerRect;
        return ImVec2(std::clamp(p.x, r.Min.x + 2, r.Max.x - 2), std::clamp(p.y, r.Min.y + 40, r.Max.y - 2));
    }
    // The map toolbar's lasso checkbox, found once per layout by moving the pointer along the
    // toolbar until ImGui reports it hovered (the panel lays the toolbar out from text widths).
    std::optional<ImVec2> LassoCheckbox()
    {
        ImGuiWindow* map = MapWindow();
        const std::string key = std::to_string(Workspace().ActiveLayerIndex()) + "/" +
                                std::to_string(Workspace().ShowTileMap()) + "/" +
                                std::to_string(map->InnerRect.GetWidth());
        if (auto found = m_lasso_at.find(key); found != m_lasso_at.end())
            return found->second;
        const float y = map->InnerRect.Min.y + 8.0f * m_session->Settings().Scale() + ImGui::GetFrameHeight() * 0.5f;
        const std::optional<ImVec2> at =
            m_mouse.FindHovered(map->GetIDNoKeepAlive("###lasso"), y, map->InnerRect.Min.x, map->InnerRect.Max.x - 4);
        m_lasso_at[key] = at;
        return at;
    }
    // Switches the lasso tool with its checkbox. Where the pointer cannot reach the checkbox
    // (the map canvas under the toolbar takes the hover), the lasso's rings select as boxes, and
    // the run says so: this test is about leaks, not about that toolbar.
    void SetLassoTool(bool on)
    {
        if (m_lasso_tool == on)
            return;
        const std::optional<ImVec2> at = LassoCheckbox();
        if (!at) {
            ++m_lasso_unreachable;
            return;
        }
        m_mouse.Click(*at);
        m_lasso_tool = on;
    }
    // The time panel's play/pause button: the panel's first item.
    ImVec2 PlayButton() const
    {
        ImGuiWindow* time = ImGui::FindWindowByName("###time");
        return ImVec2(time->DC.CursorStartPos.x + ImGui::GetStyle().FramePadding.x + 2,
                      time->DC.CursorStartPos.y + ImGui::GetFrameHeight() * 0.5f);
    }

    std::size_t Pick(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(m_random); }
    bool Chance(double p) { return std::uniform_real_distribution<double>(0, 1)(m_random) < p; }

    void Run(Kind kind, int index);

    // Back to the state after start: the start view (data, level, table, period, classes,
    // camera, selection, no theme), density map and lasso tool off, mouse away. Counts taken
    // here compare like with like.
    void BackToStart()
    {
        ApplyView(*m_session, m_start_view, "start");
        m_session->Density().SetEnabled(false);
        SetLassoTool(false);
        ImGui::GetIO().MousePos = ImVec2(1, 1);
        for (int i = 0; i < 4; ++i)
            Frame();
    }

    UiSession* m_session = nullptr;
    test::MouseInput m_mouse{[this] { Frame(); }};
    core::ViewState m_start_view;
    std::mt19937 m_random{kSeed};
    long m_frames = 0, m_frames_drawn = 0;
    std::string m_bad_frame;
    bool m_lasso_tool = false;
    int m_lasso_unreachable = 0; // lasso interactions whose checkbox the pointer could not reach
    std::map<std::string, std::optional<ImVec2>> m_lasso_at;
    std::unique_ptr<test::TempDir> m_out;
    fs::path m_keep_views;
    std::vector<core::ViewState> m_kept_views;
    int m_exports = 0, m_views_saved = 0;
    double m_census_seconds = 0; // counting GL objects after each interaction
};

void Soak::Run(Kind kind, int index)
{
    core::DashboardModel& model = Model();
    core::Workspace& workspace = Workspace();
    ImGuiIO& io = ImGui::GetIO();
    switch (kind) {
    case Kind::RegionClick:
        m_mouse.Click(ScreenOf(RandomFeature()), {.shift = Chance(0.3)});
        break;
    case Kind::BoxSelect:
    case Kind::LassoSelect: {
        SetLassoTool(kind == Kind::LassoSelect);
        const ImVec2 a = ScreenOf(RandomFeature());
        const float radius = 10.0f + float(Pick(60));
        std::vector<ImVec2> path;
        if (kind == Kind::BoxSelect) {
            const ImVec2 b = OnMap(ImVec2(a.x + radius, a.y + radius * 0.7f));
            path = {a, ImVec2((a.x + b.x) / 2, (a.y + b.y) / 2), b};
        } else {
            // A ring around a region, a point every 45 degrees, back to near the start.
            for (int i = 0; i <= 8; ++i) {
                const float t = float(i) * 0.785398f;
                path.push_back(OnMap(ImVec2(a.x + radius * std::cos(t), a.y + radius * std::sin(t))));
            }
        }
        m_mouse.Drag(path, {.ctrl = true, .shift = Chance(0.3)});
        break;
    }
    case Kind::ClearSelection:
        workspace.GetSelection().Clear();
        Frame();
        break;
    case Kind::PanZoom:
        if (Chance(0.5)) {
            const ImVec2 at = OnMap(ScreenOf(RandomFeature()));
            m_mouse.Wheel(at, Chance(0.5) ? 1.0f + float(Pick(3)) : -1.0f - float(Pick(3)));
        } else if (Chance(0.8)) {
            const ImVec2 a = OnMap(ScreenOf(RandomFeature()));
            m_mouse.Drag({a, OnMap(ImVec2(a.x + float(Pick(80)) - 40, a.y + float(Pick(60)) - 30))});
        } else {
            m_session->GetDashboard().Map()->RequestViewCamera(std::nullopt); // the fit button
            Frame();
        }
        break;
    case Kind::SectorFilter:
        if (model.BarsDimension() >= 0 && Chance(0.85)) {
            const std::size_t bars = model.BarValues().size();
            if (bars > 0)
                model.ToggleBar(std::uint32_t(Pick(bars)));
        } else {
            model.ClearBars();
        }
        Frame();
        break;
    case Kind::YearSlider:
        if (!model.Periods().empty()) {
            // What the slider does.
            model.SelectPeriod(int(Pick(model.Periods().size())));
            model.ClearChange();
        }
        Frame();
        break;
    case Kind::PlayStep:
        // Play, let a step's worth of time pass (two steps now and then), pause.
        m_mouse.Click(PlayButton());
        io.DeltaTime = 0.75f;
        Frame();
        if (Chance(0.3))
            Frame();
        io.DeltaTime = 1.0f / 60.0f;
        m_mouse.Click(PlayButton());
        break;
    case Kind::ChangeRange:
        if (model.Periods().size() >= 2) {
            const int n = int(model.Periods().size());
            const int from = int(Pick(std::size_t(n - 1)));
            const int to = from + 1 + int(Pick(std::size_t(n - 1 - from)));
            model.SetChange(from, to);
        }
        Frame();
        break;
    case Kind::LevelSwitch:
        workspace.SetActiveLayer(int(Pick(workspace.Layers().size())));
        Frame();
        break;
    case Kind::TileMapToggle:
        workspace.SetShowTileMap(!workspace.ShowTileMap());
        Frame();
        break;
    case Kind::ThemeSwitch: {
        const Theme themes[] = {Theme::Krimp, Theme::Programmes, Theme::Vacancies};
        m_session->Themes().Select(themes[Pick(3)]);
        for (int i = 0; i < 8 && !(i >= 2 && m_session->Themes().Settled()); ++i)
            Frame();
        if (m_session->Themes().Current() == Theme::Programmes && Chance(0.5)) {
            m_session->Themes().SetThresholdKm(5.0 + double(Pick(56)));
            Frame();
        }
        break;
    }
    case Kind::TableSwitch:
        if (!model.TableChoices().empty() && Chance(0.6)) {
            model.SelectTable(model.TableChoices()[Pick(model.TableChoices().size())]);
        } else if (model.HasData()) {
            if (model.Table()->measures.size() > 1 && Chance(0.5))
                model.SelectMeasure(int(Pick(model.Table()->measures.size())));
            else if (model.QuantityDimension() >= 0)
                model.SelectQuantity(int(Pick(
                    model.Table()->dimensions[std::size_t(model.QuantityDimension())].Cardinality())));
        }
        Frame();
        break;
    case Kind::ClassChange: {
        core::ChoroplethStyle& style = model.MapStyle();
        const core::ClassMethod methods[] = {core::ClassMethod::Quantile, core::ClassMethod::EqualInterval,
                                             core::ClassMethod::NaturalBreaks};
        style.method = methods[Pick(3)];
        style.classes = 3 + int(Pick(5));
        style.manual_edges.clear();
        Frame();
        break;
    }
    case Kind::PaletteChange: {
        std::vector<core::PaletteId> sequential;
        for (core::PaletteId p : core::AllPalettes())
            if (!core::IsDiverging(p))
                sequential.push_back(p);
        model.MapStyle().palette = sequential[Pick(sequential.size())];
        Frame();
        break;
    }
    case Kind::DensityToggle:
        m_session->Density().SetEnabled(!m_session->Density().Enabled());
        Frame();
        break;
    case Kind::ViewSaveOpen: {
        // File > Save view, then File > Open view of the same file.
        const core::ViewState view = CaptureView(*m_session);
        const bool keep = !m_keep_views.empty() && m_views_saved < 5;
        const fs::path file = keep ? m_keep_views / ("view-" + std::to_string(index) + ".json")
                                   : m_out->Path() / "view.json";
        io::WriteViewFile(view, file);
        ApplyView(*m_session, io::ReadViewFile(file), file.string());
        if (keep)
            m_kept_views.push_back(view);
        ++m_views_saved;
        Frame();
        break;
    }
    case Kind::Export: {
        // PNG of the dashboard, CSV of the region table, the map as GeoTIFF (rendered offscreen).
        const int which = m_exports++ % 3;
        const fs::path file = m_out->Path() / (which == 0 ? "dashboard.png" : which == 1 ? "regions.csv" : "map.tif");
        if (which == 0)
            ExportDashboardPng(*m_session, file);
        else if (which == 1)
            ExportRegionTableCsv(*m_session, file);
        else
            ExportMapGeoTiff(*m_session, file, {320, 200});
        EXPECT_GT(fs::file_size(file), 0u) << file;
        fs::remove(file);
        Frame();
        break;
    }
    case Kind::kCount: break;
    }
}

TEST_F(Soak, RandomInteractionsLeaveGlObjectsAndMemoryWhereTheyWere)
{
    const int interactions = InteractionCount();
    m_out = std::make_unique<test::TempDir>("vak_soak");
    std::vector<double> weights;
    for (const KindInfo& k : kKinds)
        weights.push_back(k.weight);
    std::discrete_distribution<int> kinds(weights.begin(), weights.end());

    // Warm-up: every kind a few times, so that what is made once and kept (meshes and hit
    // testers per level, tile maps, theme inputs, the density texture, fonts, shader variants
    // llvmpipe compiles on first use) exists before the baseline.
    int index = 0;
    try {
        for (int round = 0; round < 3; ++round)
            for (int k = 0; k < int(Kind::kCount); ++k)
                Run(Kind(k), index++);
        for (int i = 0; i < 100; ++i)
            Run(Kind(kinds(m_random)), index++);
        BackToStart();
    } catch (const std::exception& e) {
        FAIL() << "warm-up interaction " << index << ": " << e.what();
    }
    ASSERT_FALSE(HasFatalFailure());
    const test::GlObjectCounts gl_start = test::CountGlObjects();
    const long rss_start = RssKiB();
    const long frames_start = m_frames;

    std::vector<KindStats> stats(static_cast<std::size_t>(Kind::kCount));
    const auto t0 = std::chrono::steady_clock::now();
    test::GlObjectCounts gl_before = gl_start;
    long rss_before = rss_start;
    for (int i = 0; i < interactions; ++i) {
        const Kind kind = Kind(kinds(m_random));
        try {
            Run(kind, index++);
        } catch (const std::exception& e) {
            FAIL() << "interaction " << i << " (" << kKinds[int(kind)].name << ") threw: " << e.what();
        }
        ASSERT_FALSE(HasFatalFailure()) << "interaction " << i << " (" << kKinds[int(kind)].name << ")";
        const auto c0 = std::chrono::steady_clock::now();
        const test::GlObjectCounts gl_after = test::CountGlObjects();
        m_census_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - c0).count();
        const long rss_after = RssKiB();
        KindStats& s = stats[std::size_t(kind)];
        ++s.runs;
        s.gl += gl_after - gl_before;
        s.rss_kib += rss_after - rss_before;
        gl_before = gl_after;
        rss_before = rss_after;
    }
    BackToStart();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const test::GlObjectCounts gl_end = test::CountGlObjects();
    const long rss_end = RssKiB();

#ifdef VAK_SOAK_SANITIZED
    if (interactions < kDefaultInteractions)
        std::printf("[soak] sanitizer build: %d interactions (the Release suite runs %d)\n", interactions,
                    kDefaultInteractions);
#endif
    std::printf("[soak] %d interactions, %ld frames, %.1f s (%.1f ms per interaction), seed %u, %dx%d, engine: %s\n",
                interactions, m_frames - frames_start, seconds, 1000.0 * seconds / interactions, kSeed,
                kViewport.width, kViewport.height, m_session->EngineReason().c_str());
    std::printf("[soak] counting GL objects took %.1f s of it\n", m_census_seconds);
    std::printf("[soak] RSS start %.1f MiB, end %.1f MiB (%+.1f), peak %.1f MiB; growth allowed: < %ld MiB%s\n",
                MiB(rss_start), MiB(rss_end), MiB(rss_end - rss_start), MiB(PeakRssKiB()), kMaxRssGrowthMiB,
#ifdef VAK_SOAK_SANITIZED
                " (not checked under AddressSanitizer)"
#else
                ""
#endif
    );
    std::printf("[soak] GL objects start: %s (total %ld)\n", gl_start.Text().c_str(), gl_start.Total());
    std::printf("[soak] GL objects end:   %s (total %ld)\n", gl_end.Text().c_str(), gl_end.Total());
    std::printf("[soak] exports %d, views saved and reopened %d\n", m_exports, m_views_saved);
    if (m_lasso_unreachable > 0)
        std::printf("[soak] NOTE: the map toolbar's lasso checkbox took no click (the map canvas under it has the "
                    "hover); %d lasso rings selected as boxes\n",
                    m_lasso_unreachable);
    std::string per_kind;
    for (int k = 0; k < int(Kind::kCount); ++k) {
        char line[320];
        std::snprintf(line, sizeof line, "  %-16s %5ld runs, RSS %+8.1f MiB, GL %+ld (%s)\n", kKinds[k].name,
                      stats[std::size_t(k)].runs, MiB(stats[std::size_t(k)].rss_kib), stats[std::size_t(k)].gl.Total(),
                      stats[std::size_t(k)].gl.Text().c_str());
        per_kind += line;
    }
    std::printf("[soak] per kind of interaction (net change over its runs):\n%s", per_kind.c_str());
    std::fflush(stdout);

    EXPECT_EQ(m_frames_drawn, m_frames) << "first frame not drawn: " << m_bad_frame;
    // Back in the start state, exactly the objects of the start: what is made once (above) is
    // made in the warm-up, and nothing an interaction makes may outlive what it was made for.
    for (int k = 0; k < test::GlObjectCounts::kKinds; ++k)
        EXPECT_LE(gl_end.count[std::size_t(k)], gl_start.count[std::size_t(k)])
            << "GL " << test::GlObjectCounts::Name(k) << " grew over " << interactions
            << " interactions; per kind of interaction:\n"
            << per_kind;
#ifndef VAK_SOAK_SANITIZED
    EXPECT_LT(MiB(rss_end - rss_start), double(kMaxRssGrowthMiB))
        << "resident memory grew over " << interactions << " interactions; per kind of interaction:\n"
        << per_kind;
#endif

    if (!m_keep_views.empty() && m_kept_views.size() >= 3) {
        core::Story story;
        const char* titles[] = {"Begin", "Midden", "Einde"};
        for (int b = 0; b < 3; ++b)
            story.bookmarks.push_back({titles[b], "Bladwijzer " + std::to_string(b + 1) + " uit de soak-test.",
                                       m_kept_views[std::size_t(b) * (m_kept_views.size() - 1) / 2]});
        io::WriteStoryFile(story, m_keep_views / "story.json");
    }
}

} // namespace
} // namespace vak::ui
