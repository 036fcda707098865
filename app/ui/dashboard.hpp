// The dashboard: main menu bar plus the panels in the fixed layout. Owns no GL objects; the
// map canvas it draws with belongs to the UiSession.
#pragma once

#include "ui/file_actions.hpp"
#include "ui/panels/panel.hpp"
#include "ui/presentation.hpp"
#include "ui/story_player.hpp"

#include <array>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace vak::ui {

class MapPanel;
class ChartsPanel;

class Dashboard {
public:
    Dashboard();
    ~Dashboard();

    // Emits one frame's UI. May change `settings` (language, scale) from the menu; the session
    // applies a changed scale before the next frame.
    void Draw(PanelContext& ctx, UiSettings& settings);

    bool QuitRequested() const { return m_quit_requested; }
    MapPanel* Map() const;
    ChartsPanel* Charts() const; // its choices (index mode) shape the chart exports
    // What the File menu's modal asked for (once), and the outcome it then shows.
    std::optional<FileRequest> TakeFileRequest() { return std::exchange(m_file_request, std::nullopt); }
    void SetFileResult(FileResult result) { m_file_result = std::move(result); }
    // Work that finishes a file request on a worker (a pending FileResult); its outcome replaces
    // the pending result when done. Progress shows once it has run kProgressDelaySeconds.
    void StartTask(std::unique_ptr<BackgroundTask> task) { m_task = std::move(task); }
    bool Busy() const { return m_task != nullptr || m_load != nullptr; }
    // The session's load of other data files (UiSession::StartLoad), shown with its steps and a
    // Stop button while it runs; null when there is none. Set before each Draw.
    void ShowLoad(BackgroundTask* load) { m_load = load; }
    // How finished work went (a load, an export on a worker): in the file modal, which opens
    // again to say why when it failed after the user closed it.
    void ShowOutcome(FileResult result);
    // What the file modal shows now: the last outcome, or nothing.
    const std::optional<FileResult>& Outcome() const { return m_file_result; }
    // New panels for a new workspace (their caches point into the old one); the story,
    // presentation mode and the file modal stay.
    void ResetPanels();
    // The story (bookmarks) and what the Story menu or a key asked of it (once).
    StoryPlayer& Story() { return m_story; }
    std::optional<StoryRequest> TakeStoryRequest() { return std::exchange(m_story_request, std::nullopt); }
    void SetStoryResult(StoryResult result);
    Presentation& GetPresentation() { return m_presentation; }

private:
    void DrawMainMenu(UiSettings& settings);
    void DrawAboutPopup();
    void OpenFileModal(FileAction action, const char* default_path);
    void DrawFileModal();
    void PollTask();
    void DrawProgress(const UiSettings& settings, const Rect& map);
    void DrawStoryMenu();
    void DrawStoryModal();
    void HandleStoryKeys();

    std::vector<std::unique_ptr<Panel>> m_panels;
    bool m_quit_requested = false;
    bool m_open_about = false;
    // The File menu's modal: a path text field (there is no native file dialog here).
    bool m_open_file_modal = false;
    FileAction m_file_action = FileAction::SaveView;
    std::array<char, 1024> m_file_path{};
    std::optional<FileRequest> m_file_request;
    std::optional<FileResult> m_file_result;
    std::unique_ptr<BackgroundTask> m_task;
    BackgroundTask* m_load = nullptr; // the session's
    // Story and presentation (ui/story_player.*, ui/presentation.*).
    StoryPlayer m_story;
    Presentation m_presentation;
    std::optional<StoryRequest> m_story_request;
    std::optional<StoryResult> m_story_result;
    enum class StoryModal { Add, Open, Save } m_story_modal = StoryModal::Add;
    bool m_open_story_modal = false;
    bool m_story_modal_visible = false;
    std::array<char, 1024> m_story_path{};
    std::array<char, 256> m_bookmark_title{};
    std::array<char, 1024> m_bookmark_note{};
};

} // namespace vak::ui
