#include "ui/dashboard.hpp"

#include "core/version.hpp"
#include "ui/panels.hpp"
#include "ui/panels/charts_panel.hpp"
#include "ui/panels/map_panel.hpp"

#include <imgui.h>

#include <cstdio>
#include <string>

namespace vak::ui {

namespace {

std::string Label(TextId id, const char* stable_id)
{
    return std::string(Tr(id)) + stable_id;
}


// A notice in the middle of the display, over everything (modals included).
void DrawCentredNotice(const std::string& text, float scale)
{
    const ImGuiIO& io = ImGui::GetIO();
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    const ImVec2 pad(18.0f * scale, 12.0f * scale);
    const ImVec2 min(0.5f * (io.DisplaySize.x - size.x) - pad.x, 0.5f * (io.DisplaySize.y - size.y) - pad.y);
    const ImVec2 max(min.x + size.x + 2.0f * pad.x, min.y + size.y + 2.0f * pad.y);
    ImDrawList* draw = ImGui::GetForegroundDrawList();
    const ImGuiStyle& style = ImGui::GetStyle();
    draw->AddRectFilled(min, max, ImGui::GetColorU32(style.Colors[ImGuiCol_PopupBg]), 6.0f * scale);
    draw->AddRect(min, max, ImGui::GetColorU32(style.Colors[ImGuiCol_Border]), 6.0f * scale, 0, 1.5f * scale);
    draw->AddText(ImVec2(min.x + pad.x, min.y + pad.y), ImGui::GetColorU32(ImGuiCol_Text), text.c_str());
}

} // namespace

Dashboard::Dashboard() : m_panels(CreatePanels()) {}

void Dashboard::ResetPanels()
{
    m_panels = CreatePanels();
}

Dashboard::~Dashboard() = default;

void Dashboard::Draw(PanelContext& ctx, UiSettings& settings)
{
    m_presentation.BeginFrame(settings);
    const bool presenting = m_presentation.Active();
    // Presenting, the menu bar goes too (F5 or Escape leave the mode).
    if (!presenting)
        DrawMainMenu(settings);
    LayoutInput in;
    in.display_w = ImGui::GetIO().DisplaySize.x;
    in.display_h = ImGui::GetIO().DisplaySize.y;
    in.top = presenting ? 0.0f : ImGui::GetFrameHeight();
    in.scale = settings.Scale();
    in.line_height = ImGui::GetTextLineHeight();
    const DashboardLayout layout = presenting ? ComputePresentationLayout(in) : ComputeLayout(in);
    ctx.presenting = presenting;
    for (auto& panel : m_panels) {
        const Rect& rect = layout[panel->Slot()];
        if (presenting && (panel->Slot() == LayoutSlot::Status || rect.w <= 0 || rect.h <= 0))
            continue; // hidden; the footer takes the status bar's place
        panel->Draw(rect, ctx);
    }
    if (presenting) {
        // The footer names both sides while the map compares (asked each frame: panels are
        // made anew when other data loads).
        m_presentation.FollowCompare(Map() ? &Map()->Compare() : nullptr);
        m_presentation.DrawFooter(layout[LayoutSlot::Status], ctx, m_story);
    }
    HandleStoryKeys();
    if (presenting && !ImGui::GetIO().WantTextInput && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId) &&
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
        m_presentation.SetActive(false, settings);
    PollTask();
    DrawAboutPopup();
    DrawFileModal();
    DrawProgress(settings, layout[LayoutSlot::Map]);
    DrawStoryModal();
    // Opening a view runs between this frame and the next, on this thread: this frame says so.
    if (m_file_request && m_file_request->action == FileAction::OpenView)
        DrawCentredNotice(LoadingNotice(m_file_request->path), settings.Scale());
    if (presenting)
        m_presentation.DrawPointer(settings);
}

void Dashboard::PollTask()
{
    if (!m_task)
        return;
    if (const std::optional<FileResult>& done = m_task->Poll()) {
        ShowOutcome(*done);
        m_task.reset();
    }
}

void Dashboard::ShowOutcome(FileResult result)
{
    // A failure says why even when the modal was closed meanwhile.
    if (!result.ok && !ImGui::IsPopupOpen("###file_modal", ImGuiPopupFlags_AnyPopupId))
        m_open_file_modal = true;
    m_file_result = std::move(result);
}

void Dashboard::DrawProgress(const UiSettings& settings, const Rect& map)
{
    // Only after kProgressDelaySeconds: what is being done, and a bar that moves so the room sees
    // the program is at work. In the map's bottom left corner, over the north arrow and scale
    // bar, where it hides no control (the time panel's Play button, the filters).
    BackgroundTask* task = m_load ? m_load : m_task.get();
    if (!task || !task->ShowProgress())
        return;
    const float s = settings.Scale();
    const float margin = 8.0f * s;
    const ImVec2 corner = map.w > 0 && map.h > 0 ? ImVec2(map.x + margin, map.Bottom() - margin)
                                                 : ImVec2(margin, ImGui::GetIO().DisplaySize.y - 40.0f * s);
    ImGui::SetNextWindowPos(corner, ImGuiCond_Always, ImVec2(0.0f, 1.0f));
    ImGui::SetNextWindowBgAlpha(0.95f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                   ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoMove;
    if (ImGui::Begin("###progress", nullptr, flags)) {
        const double elapsed = task->Elapsed();
        char running[64];
        std::snprintf(running, sizeof running, Tr(TextId::progress_running), elapsed);
        const ImVec2 bar(ImGui::GetFontSize() * 18.0f, 0.0f);
        if (const core::LoadProgress* progress = task->Progress(); progress && progress->Read().steps > 0) {
            // A load knows its steps: which file, and how far along the whole.
            const core::LoadProgress::Snapshot now = progress->Read();
            ImGui::TextUnformatted(LoadStepText(now).c_str());
            ImGui::ProgressBar(static_cast<float>(now.fraction), bar, running);
            ImGui::SameLine();
            if (ImGui::Button(Label(TextId::progress_stop, "###stop_load").c_str()))
                task->Cancel();
        } else {
            ImGui::TextUnformatted(task->What().c_str());
            const float phase = static_cast<float>(elapsed - static_cast<double>(static_cast<long long>(elapsed)));
            ImGui::ProgressBar(phase, bar, running);
        }
    }
    ImGui::End();
}

void Dashboard::SetStoryResult(StoryResult result)
{
    // Keys and menu steps say nothing when they work; an error of theirs (a bookmark that does
    // not fit the loaded data) opens the story modal to say why.
    if (result.ok && !m_story_modal_visible)
        return;
    if (!m_story_modal_visible) {
        m_story_modal = StoryModal::Open;
        m_open_story_modal = true;
    }
    m_story_result = std::move(result);
}

void Dashboard::HandleStoryKeys()
{
    // Clickers send PageUp/PageDown; while presenting, the arrow keys step bookmarks (the time
    // slider that uses them otherwise is hidden).
    if (ImGui::GetIO().WantTextInput || ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId))
        return;
    if (m_story.GetStory().bookmarks.empty() || m_story_request)
        return;
    const bool presenting = m_presentation.Active();
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_PageDown)) ||
        (presenting && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow))))
        m_story_request = StoryRequest{StoryRequest::Kind::Next, {}, {}, {}};
    else if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_PageUp)) ||
             (presenting && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow))))
        m_story_request = StoryRequest{StoryRequest::Kind::Previous, {}, {}, {}};
}

void Dashboard::DrawStoryMenu()
{
    if (!ImGui::BeginMenu(Label(TextId::menu_story, "###menu_story").c_str()))
        return;
    const bool any = !m_story.GetStory().bookmarks.empty();
    if (ImGui::MenuItem(Label(TextId::story_add, "###story_add").c_str())) {
        m_story_modal = StoryModal::Add;
        m_bookmark_title[0] = '\0';
        m_bookmark_note[0] = '\0';
        m_story_result.reset();
        m_open_story_modal = true;
    }
    if (ImGui::MenuItem(Label(TextId::story_next, "###story_next").c_str(), "PgDn", false, any))
        m_story_request = StoryRequest{StoryRequest::Kind::Next, {}, {}, {}};
    if (ImGui::MenuItem(Label(TextId::story_previous, "###story_prev").c_str(), "PgUp", false, any))
        m_story_request = StoryRequest{StoryRequest::Kind::Previous, {}, {}, {}};
    ImGui::Separator();
    const auto open_path_modal = [&](StoryModal kind) {
        if (m_story_path[0] == '\0')
            std::snprintf(m_story_path.data(), m_story_path.size(), "%s",
                          m_story.FileName().empty() ? "vakatlas-verhaal.json" : m_story.FileName().c_str());
        m_story_modal = kind;
        m_story_result.reset();
        m_open_story_modal = true;
    };
    if (ImGui::MenuItem(Label(TextId::story_open, "###story_open").c_str()))
        open_path_modal(StoryModal::Open);
    if (ImGui::MenuItem(Label(TextId::story_save, "###story_save").c_str(), nullptr,
                        false, any))
        open_path_modal(StoryModal::Save);
    if (any) {
        ImGui::Separator();
        const auto& bookmarks = m_story.GetStory().bookmarks;
        for (std::size_t i = 0; i < bookmarks.size(); ++i)
            ImGui::MenuItem((std::to_string(i + 1) + ". " + bookmarks[i].title + "###bm" + std::to_string(i)).c_str(),
                            nullptr, static_cast<int>(i) == m_story.Current(), false);
    }
    ImGui::EndMenu();
}

void Dashboard::DrawStoryModal()
{
    const char* title = Tr(m_story_modal == StoryModal::Add    ? TextId::story_add_title
                           : m_story_modal == StoryModal::Open ? TextId::story_open_title
                                                               : TextId::story_save_title);
    const std::string id = std::string(title) + "###story_modal";
    if (m_open_story_modal) {
        ImGui::OpenPopup(id.c_str());
        m_open_story_modal = false;
    }
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 34.0f, 0.0f));
    m_story_modal_visible = ImGui::BeginPopupModal(id.c_str(), nullptr, ImGuiWindowFlags_NoResize);
    if (!m_story_modal_visible)
        return;
    bool entered = false;
    if (m_story_modal == StoryModal::Add) {
        ImGui::TextUnformatted(Tr(TextId::story_bookmark_title));
        ImGui::SetNextItemWidth(-1.0f);
        if (ImGui::IsWindowAppearing())
            ImGui::SetKeyboardFocusHere();
        entered = ImGui::InputText("##bookmark_title", m_bookmark_title.data(), m_bookmark_title.size(),
                                   ImGuiInputTextFlags_EnterReturnsTrue);
        ImGui::TextUnformatted(Tr(TextId::story_bookmark_note));
        ImGui::InputTextMultiline("##bookmark_note", m_bookmark_note.data(), m_bookmark_note.size(),
                                  ImVec2(-1.0f, ImGui::GetTextLineHeight() * 4.0f));
    } else {
        ImGui::TextUnformatted(Tr(TextId::file_path_label));
        ImGui::SetNextItemWidth(-1.0f);
        if (ImGui::IsWindowAppearing())
            ImGui::SetKeyboardFocusHere();
        entered = ImGui::InputText("##story_path", m_story_path.data(), m_story_path.size(),
                                   ImGuiInputTextFlags_EnterReturnsTrue);
    }
    if (m_story_result) {
        const ImVec4 color = m_story_result->ok ? ImVec4(0.10f, 0.45f, 0.20f, 1.0f) : ImVec4(0.70f, 0.10f, 0.10f, 1.0f);
        ImGui::PushStyleColor(ImGuiCol_Text, color);
        ImGui::TextWrapped("%s", m_story_result->message.c_str());
        ImGui::PopStyleColor();
    }
    ImGui::Spacing();
    const bool busy = m_story_request.has_value();
    const char* confirm = m_story_modal == StoryModal::Add    ? Tr(TextId::story_add_confirm)
                          : m_story_modal == StoryModal::Open ? Tr(TextId::file_open)
                                                              : Tr(TextId::file_save);
    const bool ready = m_story_modal == StoryModal::Add ? m_bookmark_title[0] != '\0' : m_story_path[0] != '\0';
    if ((ImGui::Button((std::string(confirm) + "###story_confirm").c_str()) || entered) && !busy && ready) {
        StoryRequest request;
        request.kind = m_story_modal == StoryModal::Add    ? StoryRequest::Kind::Add
                       : m_story_modal == StoryModal::Open ? StoryRequest::Kind::Open
                                                           : StoryRequest::Kind::Save;
        request.path = m_story_path.data();
        request.title = m_bookmark_title.data();
        request.note = m_bookmark_note.data();
        m_story_request = std::move(request);
        m_story_result.reset();
    }
    ImGui::SameLine();
    const bool done = m_story_result && m_story_result->ok;
    if (ImGui::Button(Label(done ? TextId::file_close : TextId::file_cancel, "###story_cancel").c_str()) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
        ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

MapPanel* Dashboard::Map() const
{
    for (const auto& panel : m_panels)
        if (auto* map = dynamic_cast<MapPanel*>(panel.get()))
            return map;
    return nullptr;
}

ChartsPanel* Dashboard::Charts() const
{
    for (const auto& panel : m_panels)
        if (auto* charts = dynamic_cast<ChartsPanel*>(panel.get()))
            return charts;
    return nullptr;
}

void Dashboard::OpenFileModal(FileAction action, const char* default_path)
{
    // The last path of the same kind stays; a new kind starts from its default name.
    if (action != m_file_action || m_file_path[0] == '\0')
        std::snprintf(m_file_path.data(), m_file_path.size(), "%s", default_path);
    m_file_action = action;
    m_file_result.reset();
    m_open_file_modal = true;
}

void Dashboard::DrawFileModal()
{
    TextId title = TextId::menu_save_view;
    TextId confirm = TextId::file_save;
    switch (m_file_action) {
    case FileAction::SaveView: break;
    case FileAction::OpenView: title = TextId::menu_open_view; confirm = TextId::file_open; break;
    case FileAction::ExportPng: title = TextId::menu_export_png; confirm = TextId::file_export; break;
    case FileAction::ExportGeoTiff: title = TextId::menu_export_geotiff; confirm = TextId::file_export; break;
    case FileAction::ExportGeoPackage: title = TextId::menu_export_geopackage; confirm = TextId::file_export; break;
    case FileAction::ExportCsv: title = TextId::menu_export_csv; confirm = TextId::file_export; break;
    case FileAction::ExportTimeChartSvg:
    case FileAction::ExportBarChartSvg:
    case FileAction::ExportScatterSvg: title = TextId::menu_export_chart_svg; confirm = TextId::file_export; break;
    }
    const std::string id = Label(title, "###file_modal");
    if (m_open_file_modal) {
        ImGui::OpenPopup(id.c_str());
        m_open_file_modal = false;
    }
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 34.0f, 0.0f));
    if (!ImGui::BeginPopupModal(id.c_str(), nullptr, ImGuiWindowFlags_NoResize))
        return;
    ImGui::TextUnformatted(Tr(TextId::file_path_label));
    ImGui::SetNextItemWidth(-1.0f);
    if (ImGui::IsWindowAppearing())
        ImGui::SetKeyboardFocusHere();
    const bool entered = ImGui::InputText("##file_path", m_file_path.data(), m_file_path.size(),
                                          ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", Tr(TextId::file_path_hint));
    ImGui::PopStyleColor();
    // The outcome of the last request: what was written, or why not (file, key, problem).
    if (m_load && m_load->Progress() && m_load->Progress()->Read().steps > 0) {
        // The modal keeps the progress window behind it from input: the load's steps and its
        // Stop button are here too.
        const core::LoadProgress::Snapshot now = m_load->Progress()->Read();
        ImGui::TextWrapped("%s", LoadStepText(now).c_str());
        ImGui::ProgressBar(static_cast<float>(now.fraction), ImVec2(ImGui::GetFontSize() * 18.0f, 0.0f));
        ImGui::SameLine();
        if (ImGui::Button(Label(TextId::progress_stop, "###stop_load_modal").c_str()))
            m_load->Cancel();
    } else if (m_file_result && m_file_result->pending) {
        if (const BackgroundTask* task = m_load ? m_load : m_task.get(); task && task->ShowProgress())
            ImGui::TextWrapped("%s", task->What().c_str());
    } else if (m_file_result) {
        const ImVec4 color = m_file_result->ok ? ImVec4(0.10f, 0.45f, 0.20f, 1.0f) : ImVec4(0.70f, 0.10f, 0.10f, 1.0f);
        ImGui::PushStyleColor(ImGuiCol_Text, color);
        ImGui::TextWrapped("%s", m_file_result->message.c_str());
        ImGui::PopStyleColor();
    }
    ImGui::Spacing();
    // Asked this frame and carried out before the next, or still being written.
    const bool busy = m_file_request.has_value() || Busy();
    if ((ImGui::Button(Label(confirm, "###file_confirm").c_str()) || entered) && !busy && m_file_path[0] != '\0') {
        m_file_request = FileRequest{m_file_action, std::string(m_file_path.data())};
        m_file_result.reset();
    }
    ImGui::SameLine();
    const bool done = m_file_result && m_file_result->ok;
    if (ImGui::Button(Label(done ? TextId::file_close : TextId::file_cancel, "###file_cancel").c_str()) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
        ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void Dashboard::DrawMainMenu(UiSettings& settings)
{
    if (!ImGui::BeginMainMenuBar())
        return;
    ImGui::TextUnformatted("vakatlas");
    ImGui::Separator();
    if (ImGui::BeginMenu(Label(TextId::menu_file, "###menu_file").c_str())) {
        if (ImGui::MenuItem(Label(TextId::menu_save_view, "###save_view").c_str()))
            OpenFileModal(FileAction::SaveView, "vakatlas-weergave.json");
        if (ImGui::MenuItem(Label(TextId::menu_open_view, "###open_view").c_str()))
            OpenFileModal(FileAction::OpenView, "vakatlas-weergave.json");
        if (ImGui::BeginMenu(Label(TextId::menu_export, "###menu_export").c_str())) {
            if (ImGui::MenuItem(Label(TextId::menu_export_png, "###export_png").c_str()))
                OpenFileModal(FileAction::ExportPng, "vakatlas.png");
            if (ImGui::MenuItem(Label(TextId::menu_export_geotiff, "###export_tif").c_str()))
                OpenFileModal(FileAction::ExportGeoTiff, "vakatlas-kaart.tif");
            if (ImGui::MenuItem(Label(TextId::menu_export_geopackage, "###export_gpkg").c_str()))
                OpenFileModal(FileAction::ExportGeoPackage, "vakatlas-regios.gpkg");
            if (ImGui::MenuItem(Label(TextId::menu_export_csv, "###export_csv").c_str()))
                OpenFileModal(FileAction::ExportCsv, "vakatlas-regios.csv");
            if (ImGui::BeginMenu(Label(TextId::menu_export_chart_svg, "###export_svg").c_str())) {
                if (ImGui::MenuItem(Label(TextId::chart_svg_time, "###svg_time").c_str()))
                    OpenFileModal(FileAction::ExportTimeChartSvg, "vakatlas-tijdlijn.svg");
                if (ImGui::MenuItem(Label(TextId::chart_svg_bars, "###svg_bars").c_str()))
                    OpenFileModal(FileAction::ExportBarChartSvg, "vakatlas-staven.svg");
                if (ImGui::MenuItem(Label(TextId::chart_svg_scatter, "###svg_scatter").c_str()))
                    OpenFileModal(FileAction::ExportScatterSvg, "vakatlas-spreiding.svg");
                ImGui::EndMenu();
            }
            ImGui::EndMenu();
        }
        ImGui::Separator();
        if (ImGui::MenuItem(Label(TextId::menu_quit, "###quit").c_str(), "Ctrl+Q"))
            m_quit_requested = true;
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(Label(TextId::menu_view, "###menu_view").c_str())) {
        if (ImGui::BeginMenu(Label(TextId::menu_language, "###menu_language").c_str())) {
            if (ImGui::MenuItem(Tr(TextId::language_dutch), nullptr, settings.language == Language::Dutch))
                settings.language = Language::Dutch;
            if (ImGui::MenuItem(Tr(TextId::language_english), nullptr, settings.language == Language::English))
                settings.language = Language::English;
            ImGui::EndMenu();
        }
        if (ImGui::BeginMenu(Label(TextId::menu_ui_scale, "###menu_scale").c_str())) {
            if (ImGui::MenuItem(Label(TextId::menu_ui_scale_larger, "###scale_up").c_str(), "Ctrl++"))
                settings.scale_percent = NextUiScaleStep(settings.scale_percent, +1);
            if (ImGui::MenuItem(Label(TextId::menu_ui_scale_smaller, "###scale_down").c_str(), "Ctrl+-"))
                settings.scale_percent = NextUiScaleStep(settings.scale_percent, -1);
            ImGui::Separator();
            for (int step : kUiScaleSteps) {
                const std::string label = std::to_string(step) + " %";
                if (ImGui::MenuItem(label.c_str(), nullptr, settings.scale_percent == step))
                    settings.scale_percent = step;
            }
            ImGui::EndMenu();
        }
        ImGui::Separator();
        if (ImGui::MenuItem(Label(TextId::menu_presentation, "###presentation").c_str(), "F5",
                            m_presentation.Active()))
            m_presentation.Toggle(settings);
        ImGui::EndMenu();
    }
    DrawStoryMenu();
    if (ImGui::BeginMenu(Label(TextId::menu_help, "###menu_help").c_str())) {
        if (ImGui::MenuItem(Label(TextId::menu_about, "###about").c_str()))
            m_open_about = true;
        ImGui::EndMenu();
    }
    // Tagline, muted, after the menus.
    ImGui::TextDisabled("%s", Tr(TextId::app_tagline));
    ImGui::EndMainMenuBar();
}

void Dashboard::DrawAboutPopup()
{
    const std::string title = Label(TextId::about_title, "###about_popup");
    if (m_open_about) {
        ImGui::OpenPopup(title.c_str());
        m_open_about = false;
    }
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 30.0f, 0.0f));
    if (ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_NoResize)) {
        ImGui::Text("vakatlas %s", core::kVersion);
        ImGui::Spacing();
        ImGui::TextWrapped("%s", Tr(TextId::about_text));
        ImGui::Spacing();
        if (ImGui::Button("OK###about_ok"))
            ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

} // namespace vak::ui
