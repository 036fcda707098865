#include "ui/density_overlay.hpp"

#include "core/dashboard/dashboard_model.hpp"
#include "core/errors.hpp"
#include "core/text/number_format.hpp"
#include "core/workspace.hpp"
#include "gpu/aggregate/engine_choice.hpp"
#include "gpu/density_layer.hpp"
#include "io/demo_cache.hpp"
#include "io/table_import.hpp"
#include "ui/fonts.hpp"
#include "ui/panels/panel.hpp"
#include "ui/texts/texts.hpp"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <string_view>
#include <vector>
#include <utility>

namespace vak::ui {

namespace {

double Now()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

bool NamedLikeVacancies(const core::Dataset& dataset)
{
    std::string text = dataset.name + " " + dataset.provenance.file + " " + dataset.provenance.unit;
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return text.find("vacature") != std::string::npos || text.find("vacanc") != std::string::npos;
}

core::NumberLocale Locale()
{
    return CurrentLanguage() == Language::Dutch ? core::NumberLocale::Dutch : core::NumberLocale::English;
}

// "800 m", "1,6 km", "12,8 km".
std::string CellSizeText(double metres)
{
    if (metres < 1000.0)
        return core::FormatNumber(metres, 0, Locale()) + " m";
    const double km = metres / 1000.0;
    return core::FormatNumber(km, km == static_cast<double>(static_cast<long long>(km)) ? 0 : 1, Locale()) + " km";
}

ImU32 ToImU32(std::uint32_t rgba)
{
    // Both are 0xAABBGGRR.
    return static_cast<ImU32>(rgba);
}

} // namespace

DensityOverlay::DensityOverlay(const gpu::GlInfo& gl, const gpu::ShaderLibrary& shaders, std::string engine_option,
                               core::Workspace& workspace, const core::DashboardModel& model)
    : m_gl(gl), m_shaders(shaders), m_engine_option(std::move(engine_option)), m_workspace(workspace), m_model(model)
{
}

DensityOverlay::~DensityOverlay()
{
    if (m_loading.valid())
        m_loading.wait(); // the import reads the workspace's dataset
}

void DensityOverlay::StartLoading()
{
    m_problem.clear();
    m_load_started = Now();
    // A loaded table with points, vacancies first (the programme theme loads locations too).
    const core::Dataset* found = nullptr;
    for (const auto& table : m_workspace.Tables())
        if (!table->dataset.x.empty() && (!found || (NamedLikeVacancies(table->dataset) && !NamedLikeVacancies(*found))))
            found = &table->dataset;
    if (found) {
        m_table_file = found->provenance.file.empty() ? found->name : found->provenance.file;
        m_loading = std::async(std::launch::async, [found] {
            return std::shared_ptr<const core::agg::FactTable>(
                std::make_shared<core::agg::FactTable>(core::agg::PackDataset(*found)));
        });
        return;
    }
    if (!m_workspace.IsDemo()) {
        m_problem = Tr(TextId::density_no_points);
        m_problem_tables = m_workspace.Tables().size();
        return;
    }
    m_table_file = io::DemoPointsTable();
    m_loading = std::async(std::launch::async, [path = m_table_file] {
        io::ImportedTable imported = io::ImportTable(path);
        return std::shared_ptr<const core::agg::FactTable>(
            std::make_shared<core::agg::FactTable>(core::agg::PackDataset(imported.dataset)));
    });
}

void DensityOverlay::FinishLoading(bool wait)
{
    if (!m_loading.valid())
        return;
    if (!wait && m_loading.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
        return;
    try {
        std::shared_ptr<const core::agg::FactTable> table = m_loading.get();
        gpu::EngineChoice choice = gpu::ChooseEngine(m_engine_option, &m_gl, &m_shaders);
        auto layer = std::make_unique<gpu::DensityLayer>(std::move(choice.engine));
        layer->Load(table);
        m_layer = std::move(layer);
        const core::Provenance& p = table->provenance;
        m_source = p.source.empty() ? table->name : p.source;
        m_load_seconds = Now() - m_load_started;
    } catch (const std::exception& e) {
        m_problem = m_table_file + ": " + e.what();
        m_problem_tables = m_workspace.Tables().size(); // tried again only once more tables are loaded
    }
}

void DensityOverlay::RequestBins(const core::MapCamera& camera)
{
    const std::optional<core::DensityGrid> grid =
        core::ChooseDensityGrid(camera.VisibleWorld(), camera.ViewportWidth(), camera.ViewportHeight(), m_options);
    if (!grid)
        return;
    // The dashboard's period where the points have it: the map and the heat map then agree.
    const core::agg::FactTable& table = *m_layer->Table();
    core::agg::FilterSet filters;
    m_period.clear();
    const int index = m_model.PeriodIndex();
    if (index >= 0 && index < static_cast<int>(m_model.Periods().size())) {
        const std::string& label = m_model.Periods()[static_cast<std::size_t>(index)];
        for (std::size_t d = 0; d < table.dimensions.size(); ++d) {
            if (table.dimensions[d].role != core::DimensionRole::Period)
                continue;
            const long code = table.FindCode(static_cast<int>(d), label);
            if (code >= 0) {
                filters.Restrict(static_cast<int>(d), {static_cast<std::uint32_t>(code)},
                                 table.dimensions[d].Cardinality());
                m_period = label;
            }
            break;
        }
    }
    m_layer->Request(*grid, filters);
}

void DensityOverlay::Draw(ImDrawList* draw, const core::MapCamera& camera, ImVec2 origin, ImVec2 size)
{
    if (!m_enabled)
        return;
    m_last_camera = camera;
    // Tables loaded since "no table with points" was said: look again.
    if (!m_layer && !m_loading.valid() && !m_problem.empty() && m_workspace.Tables().size() != m_problem_tables)
        m_problem.clear();
    if (!m_layer && !m_loading.valid() && m_problem.empty())
        StartLoading();
    FinishLoading(false);
    if (m_layer) {
        try {
            RequestBins(camera);
            m_layer->Poll(false);
        } catch (const std::exception& e) {
            m_problem = e.what();
        }
    }
    if (m_layer && m_layer->Texture()) {
        // A light veil first: the regions' own colours recede to context, so that the map's
        // colours read against one legend, the heat map's.
        draw->AddRectFilled(origin, ImVec2(origin.x + size.x, origin.y + size.y), IM_COL32(255, 255, 255, 165));
        // The bins where they lie in the world: during a pan the last texture moves with the map
        // until the new bins arrive. Texture row 0 is the south edge: v runs up.
        const core::Box2d& box = m_layer->ShownGrid().world;
        const core::Vec2d top_left = camera.WorldToScreen({box.min_x, box.max_y});
        const core::Vec2d bottom_right = camera.WorldToScreen({box.max_x, box.min_y});
        draw->AddImage(reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(m_layer->Texture())),
                       ImVec2(origin.x + float(top_left.x), origin.y + float(top_left.y)),
                       ImVec2(origin.x + float(bottom_right.x), origin.y + float(bottom_right.y)), ImVec2(0, 1),
                       ImVec2(1, 0));
    }
    DrawLegend(draw, origin, size);
}

bool DensityOverlay::WaitUntilShown()
{
    if (!m_enabled)
        return false;
    if (!m_layer && !m_loading.valid() && m_problem.empty())
        StartLoading();
    FinishLoading(true);
    if (!m_layer)
        return false;
    try {
        if (m_last_camera)
            RequestBins(*m_last_camera);
        m_layer->Poll(true);
    } catch (const std::exception& e) {
        m_problem = e.what();
        return false;
    }
    return m_layer->Texture() != 0;
}

void DensityOverlay::DrawLegend(ImDrawList* draw, ImVec2 origin, ImVec2 size) const
{
    const float s = ImGui::GetFontSize() / kBodyFontPx;
    const float pad = 8.0f * s;
    const float line = ImGui::GetTextLineHeight();
    const ImU32 ink = IM_COL32(30, 34, 40, 255);
    const ImU32 muted = IM_COL32(70, 76, 86, 255);
    // Bottom left, above the scale bar and north arrow (which take the lowest 60 px there).
    const float swatch_w = 46.0f * s, swatch_h = 14.0f * s;
    const float left = origin.x + 14.0f * s - 4.0f * s;
    const float bottom = origin.y + size.y - 64.0f * s;

    std::string title, period, message;
    const gpu::DensityLayer* layer = m_layer.get();
    const bool shown = layer && layer->Texture() != 0;
    if (!m_problem.empty()) {
        title = Tr(TextId::density_title);
        message = m_problem;
    } else if (!shown) {
        title = Tr(TextId::density_title);
        message = Tr(TextId::density_loading);
    } else {
        char text[160];
        std::snprintf(text, sizeof text, Tr(TextId::density_legend_title),
                      CellSizeText(layer->ShownGrid().cell_metres).c_str());
        title = text;
        period = m_period.empty() ? std::string(Tr(TextId::density_all_periods)) + " (" +
                                        layer->Table()->provenance.period + ")"
                                  : PeriodText(m_model, m_model.PeriodIndex(), CurrentLanguage());
    }
    const core::DensityRamp& ramp = shown ? layer->Ramp() : core::DensityRamp{};
    const bool has_ramp = shown && ramp.Classes() > 0;
    const std::string source = shown ? std::string(Tr(TextId::data_source)) + ": " + m_source : std::string();
    float text_w = 6 * swatch_w;
    for (const std::string* t : {&std::as_const(title), &std::as_const(period), &source})
        text_w = std::max(text_w, ImGui::CalcTextSize(t->c_str()).x);
    const float box_w = std::min(text_w, 420.0f * s) + 2 * pad;
    const float wrap = box_w - 2 * pad;
    const ImVec2 message_size = message.empty() ? ImVec2(0, 0) : ImGui::CalcTextSize(message.c_str(), nullptr, false, wrap);
    float height = pad + line; // title
    if (!period.empty())
        height += line;
    if (has_ramp)
        height += 4 * s + swatch_h + line + 2 * s;
    else if (shown)
        height += line; // "no points here"
    if (!message.empty())
        height += message_size.y;
    if (!source.empty())
        height += line;
    height += pad;
    const ImVec2 p0(left, bottom - height), p1(left + box_w, bottom);
    draw->AddRectFilled(p0, p1, IM_COL32(255, 255, 255, 225), 4.0f * s);
    draw->AddRect(p0, p1, IM_COL32(160, 166, 176, 255), 4.0f * s);
    float y = p0.y + pad;
    const float x = p0.x + pad;
    draw->AddText(ImVec2(x, y), ink, title.c_str());
    y += line;
    if (!period.empty()) {
        draw->AddText(ImVec2(x, y), muted, period.c_str());
        y += line;
    }
    if (has_ramp) {
        y += 4 * s;
        const std::size_t classes = ramp.Classes();
        const float w = std::min(swatch_w, wrap / float(classes));
        for (std::size_t c = 0; c < classes; ++c) {
            const ImVec2 a(x + float(c) * w, y), b(x + float(c + 1) * w, y + swatch_h);
            draw->AddRectFilled(a, b, ToImU32(ramp.colors[c] | 0xFF000000u));
        }
        draw->AddRect(ImVec2(x, y), ImVec2(x + float(classes) * w, y + swatch_h), IM_COL32(120, 126, 136, 255));
        // Counts at the class edges, centred under them (the first left-aligned, the last
        // right-aligned so they stay in the box).
        // A label that would touch the next one is left out; the last (the maximum) always shows.
        const std::size_t labels = std::min(ramp.edges.size(), classes + 1);
        std::vector<std::string> texts(labels);
        std::vector<float> xs(labels), ws(labels);
        for (std::size_t e = 0; e < labels; ++e) {
            texts[e] = core::FormatNumber(double(ramp.edges[e]), 0, Locale());
            ws[e] = ImGui::CalcTextSize(texts[e].c_str()).x;
            xs[e] = e == 0 ? x : e + 1 == labels ? x + float(e) * w - ws[e] : x + float(e) * w - ws[e] * 0.5f;
        }
        float next_left = 1e30f;
        for (std::size_t e = labels; e-- > 0;) {
            if (e + 1 != labels && xs[e] + ws[e] + 6 * s > next_left)
                continue;
            draw->AddText(ImVec2(xs[e], y + swatch_h + 2 * s), ink, texts[e].c_str());
            next_left = xs[e];
        }
        y += swatch_h + line + 2 * s;
    } else if (shown) {
        draw->AddText(ImVec2(x, y), muted, Tr(TextId::density_no_points_here));
        y += line;
    }
    if (!message.empty()) {
        draw->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(x, y), muted, message.c_str(), nullptr, wrap);
        y += message_size.y;
    }
    if (!source.empty())
        draw->AddText(ImVec2(x, y), muted, source.c_str());
}

} // namespace vak::ui
