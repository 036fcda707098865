#include "ui/dashboard.hpp"

#include "core/version.hpp"
#include "ui/panels.hpp"
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

} // namespace

Dashboard::Dashboard() : m_panels(CreatePanels()) {}

Dashboard::~Dashboard() = default;

void Dashboard::Draw(PanelContext& ctx, UiSettings& settings)
{
    DrawMainMenu(settings);
    const float menu_h = ImGui::GetFrameHeight();
    LayoutInput in;
    in.display_w = ImGui::GetIO().DisplaySize.x;
    in.display_h = ImGui::GetIO().DisplaySize.y;
    in.top = menu_h;
    in.scale = settings.Scale();
    in.line_height = ImGui::GetTextLineHeight();
    const DashboardLayout layout = ComputeLayout(in);
    for (auto& panel : m_panels)
        panel->Draw(layout[panel->Slot()], ctx);
    DrawAboutPopup();
    DrawFileModal();
}

MapPanel* Dashboard::Map() const
{
    for (const auto& panel : m_panels)
        if (auto* map = dynamic_cast<MapPanel*>(panel.get()))
            return map;
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
    if (m_file_result) {
        const ImVec4 color = m_file_result->ok ? ImVec4(0.10f, 0.45f, 0.20f, 1.0f) : ImVec4(0.70f, 0.10f, 0.10f, 1.0f);
        ImGui::PushStyleColor(ImGuiCol_Text, color);
        ImGui::TextWrapped("%s", m_file_result->message.c_str());
        ImGui::PopStyleColor();
    }
    ImGui::Spacing();
    const bool busy = m_file_request.has_value(); // asked this frame, carried out before the next
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
        ImGui::EndMenu();
    }
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
