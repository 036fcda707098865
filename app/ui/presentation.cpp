#include "ui/presentation.hpp"

#include "core/aggregate/fact_table.hpp"
#include "core/dashboard/dashboard_model.hpp"
#include "core/workspace.hpp"
#include "io/png_export.hpp"
#include "ui/compare_view.hpp"
#include "ui/dashboard.hpp"
#include "ui/headless_render.hpp"
#include "ui/panels/map_panel.hpp"
#include "ui/story_player.hpp"
#include "ui/theme.hpp"
#include "ui/ui_session.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

namespace vak::ui {

namespace {

// A translated printf text with its arguments (every argument a short string or a count).
template <typename... Args>
std::string Format(TextId id, Args... args)
{
    char text[256];
    std::snprintf(text, sizeof text, Tr(id), args...);
    return text;
}

// What the map shows, as one line: table, measure, period or change (or the compare's two
// sides), the selections.
std::string FiltersLine(const PanelContext& ctx, const CompareView* compare)
{
    const core::DashboardModel& model = ctx.model;
    const UiSettings& s = ctx.settings;
    if (!model.HasData())
        return Tr(TextId::presentation_no_table);
    std::string line = model.MeasureTitle();
    if (compare && compare->Active() && compare->Ready())
        line = compare->LegendTitle() + "  \xC2\xB7  " + compare->Sides().left.title + "  |  " +
               compare->Sides().right.title;
    else if (model.ShowsChange())
        line += "  \xC2\xB7  " + Format(TextId::presentation_change,
                                        PeriodText(model, model.ChangeFrom(), s.language).c_str(),
                                        PeriodText(model, model.ChangeTo(), s.language).c_str());
    else if (model.PeriodIndex() >= 0)
        line += "  \xC2\xB7  " +
                Format(TextId::presentation_period, PeriodText(model, model.PeriodIndex(), s.language).c_str());
    if (const std::size_t n = ctx.workspace.GetSelection().Codes().size(); n > 0)
        line += "  \xC2\xB7  " + Format(TextId::presentation_regions_selected, static_cast<int>(n));
    if (const std::size_t n = model.SelectedBars().size(); n > 0)
        line += "  \xC2\xB7  " + Format(TextId::presentation_categories_chosen, static_cast<int>(n));
    return line;
}

std::string SourceLine(const PanelContext& ctx)
{
    const core::DashboardModel& model = ctx.model;
    const UiSettings& s = ctx.settings;
    std::string line = Tr(TextId::data_source);
    line += ": ";
    if (const core::DashboardModel::DerivedMap* derived = model.Derived())
        line += derived->source;
    else if (model.HasData())
        line += model.Table()->provenance.source.empty() ? model.Table()->name : model.Table()->provenance.source;
    else
        line += "\xE2\x80\x94";
    if (model.HasData() && !model.Periods().empty())
        line += "  \xC2\xB7  " +
                Format(TextId::presentation_data_period, PeriodText(model, 0, s.language).c_str(),
                       PeriodText(model, static_cast<int>(model.Periods().size()) - 1, s.language).c_str());
    // The demo's source already says so; real data with demo geography does not.
    if (ctx.workspace.IsDemo() && line.find(Tr(TextId::data_synthetic)) == std::string::npos)
        line += std::string("  \xC2\xB7  ") + Tr(TextId::data_synthetic);
    return line;
}

} // namespace

int PresentationScaleFor(float display_height)
{
    const float wanted = static_cast<float>(kPresentationScalePercent) * display_height / 1080.0f;
    int best = kUiScaleSteps[0];
    for (int step : kUiScaleSteps)
        if (std::abs(static_cast<float>(step) - wanted) < std::abs(static_cast<float>(best) - wanted))
            best = step;
    return best;
}

void Presentation::SetActive(bool on, UiSettings& settings)
{
    if (on == m_active)
        return;
    if (on) {
        m_scale_before = settings.scale_percent;
        settings.scale_percent = std::max(settings.scale_percent, kPresentationScalePercent);
        m_scale_set = settings.scale_percent;
        m_scale_follows = true;
    } else {
        settings.scale_percent = m_scale_before;
        m_restore_theme = true;
    }
    m_active = on;
}

void Presentation::BeginFrame(UiSettings& settings)
{
    // The display's height is known here (full screen switched, or the render's size): the scale
    // for it takes effect from the next frame. Not below the scale the presenter came with.
    if (m_active && m_scale_follows) {
        if (settings.scale_percent != m_scale_set) {
            m_scale_follows = false; // Ctrl +/- or the menu: the presenter's choice stays
        } else if (const float height = ImGui::GetIO().DisplaySize.y; height > 0.0f) {
            const int wanted = std::max(m_scale_before, PresentationScaleFor(height));
            settings.scale_percent = m_scale_set = wanted;
        }
    }
    // The whole style each frame: the session re-applies the normal theme whenever the scale
    // changes, and this must win while the mode is on.
    if (m_active)
        ApplyPresentationTheme(settings.Scale());
    else if (m_restore_theme)
        ApplyTheme(settings.Scale());
    m_restore_theme = false;
}

void Presentation::DrawFooter(const Rect& rect, PanelContext& ctx, const StoryPlayer& story) const
{
    if (rect.w <= 0 || rect.h <= 0)
        return;
    ImGui::SetNextWindowPos(ImVec2(rect.x, rect.y));
    ImGui::SetNextWindowSize(ImVec2(rect.w, rect.h));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                   ImGuiWindowFlags_NoScrollWithMouse;
    ImGui::Begin("###presentation_footer", nullptr, flags);
    std::string first;
    if (const core::Bookmark* b = story.CurrentBookmark()) {
        char position[32];
        std::snprintf(position, sizeof position, "%d/%zu  ", story.Current() + 1, story.GetStory().bookmarks.size());
        first = position + b->title;
        if (!b->note.empty())
            first += "  \xE2\x80\x94  " + b->note;
        first += "     |     ";
    }
    first += FiltersLine(ctx, m_compare);
    // One line each: what does not fit is cut at the window's edge rather than wrapped out of view.
    ImGui::TextUnformatted(first.c_str());
    const std::string second = SourceLine(ctx);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextUnformatted(second.c_str());
    ImGui::PopStyleColor();
    ImGui::End();
}

void Presentation::DrawPointer(const UiSettings& settings) const
{
    const ImGuiIO& io = ImGui::GetIO();
    if (!ImGui::IsMousePosValid(&io.MousePos))
        return;
    const float r = 22.0f * settings.Scale();
    ImDrawList* draw = ImGui::GetForegroundDrawList();
    // Yellow fill with a dark ring: visible over light panels and over every map colour.
    draw->AddCircleFilled(io.MousePos, r, IM_COL32(255, 214, 0, 90), 40);
    draw->AddCircle(io.MousePos, r, IM_COL32(20, 20, 20, 200), 40, 2.0f * settings.Scale());
}

std::string RenderPresentationPng(const core::CommonOptions& options, const core::ViewData& data,
                                  const core::RegionFileOptions& level_options, const core::ViewState* view,
                                  const std::string& view_name, core::ImageSize size,
                                  const std::filesystem::path& path,
                                  const std::optional<std::pair<core::Period, core::Period>>& compare)
{
    HeadlessDashboard dashboard(options, data, level_options, view, size, view_name);
    UiSession& session = dashboard.Session();
    Presentation& presentation = session.GetDashboard().GetPresentation();
    presentation.SetActive(true, session.Settings());
    if (MapPanel* map = session.GetDashboard().Map())
        presentation.FollowCompare(&map->Compare());
    dashboard.Frames(4); // the new scale's fonts, then ImGui's layout
    // The compare in the presentation's layout: its maps fitted to the larger type's legend.
    dashboard.SettleTheme();
    if (compare)
        dashboard.OpenCompare(*compare);
    else
        dashboard.SettleCompare();
    io::WritePng(dashboard.Screenshot(), path);
    return "wrote " + path.string() + " (" + std::to_string(size.width) + "x" + std::to_string(size.height) +
           (compare || (view && view->compare) ? ", presentation mode, compare)" : ", presentation mode)");
}

} // namespace vak::ui
