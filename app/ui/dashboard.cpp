#include "ui/dashboard.hpp"

#include "core/version.hpp"
#include "ui/panels.hpp"

#include <imgui.h>

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
}

void Dashboard::DrawMainMenu(UiSettings& settings)
{
    if (!ImGui::BeginMainMenuBar())
        return;
    ImGui::TextUnformatted("vakatlas");
    ImGui::Separator();
    if (ImGui::BeginMenu(Label(TextId::menu_file, "###menu_file").c_str())) {
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
