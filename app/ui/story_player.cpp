#include "ui/story_player.hpp"

#include "core/errors.hpp"
#include "io/png_export.hpp"
#include "io/story_file.hpp"
#include "ui/headless_render.hpp"
#include "ui/dashboard.hpp"
#include "ui/panels/map_panel.hpp"
#include "ui/ui_session.hpp"
#include "ui/view_state_binding.hpp"

#include <memory>
#include <system_error>
#include <utility>

namespace vak::ui {

const core::Bookmark* StoryPlayer::CurrentBookmark() const
{
    if (m_current < 0 || m_current >= static_cast<int>(m_story.bookmarks.size()))
        return nullptr;
    return &m_story.bookmarks[static_cast<std::size_t>(m_current)];
}

void StoryPlayer::SetStory(core::Story story, std::string file_name)
{
    m_story = std::move(story);
    m_file = std::move(file_name);
    m_current = -1;
}

void StoryPlayer::Go(UiSession& session, int index, bool animate)
{
    if (index < 0 || index >= static_cast<int>(m_story.bookmarks.size()))
        return;
    core::ViewState view = m_story.bookmarks[static_cast<std::size_t>(index)].view;
    // The presenter's interface stays: a bookmark saved at 100 % must not shrink the projection.
    const UiSettings& settings = session.Settings();
    view.ui_scale_percent = settings.scale_percent;
    view.language = settings.language == Language::English ? "en" : "nl";
    const std::string source =
        (m_file.empty() ? std::string("story") : m_file) + ": bookmark " + std::to_string(index + 1);
    if (!core::SameData(view.data, session.DataSources())) {
        // A bookmark made of other files: they load on a worker, and the step is taken then.
        session.StartLoad(
            view.data, [this, index, animate](UiSession& s) { Go(s, index, animate); },
            source + ": its data files are loaded");
        return;
    }
    ApplyView(session, view, source); // throws before changing anything when it does not fit
    m_current = index;
    if (animate)
        if (MapPanel* map = session.GetDashboard().Map())
            map->RequestCameraTransition(view.camera, kBookmarkTransitionSeconds);
}

void StoryPlayer::Step(UiSession& session, int direction, bool animate)
{
    const int next = core::StepBookmark(m_current, static_cast<int>(m_story.bookmarks.size()), direction);
    if (next >= 0 && next != m_current)
        Go(session, next, animate);
}

void StoryPlayer::AddCurrentView(UiSession& session, std::string title, std::string note)
{
    core::Bookmark bookmark{std::move(title), std::move(note), CaptureView(session)};
    core::Story story = m_story;
    const std::size_t at = m_current >= 0 ? static_cast<std::size_t>(m_current) + 1 : story.bookmarks.size();
    story.bookmarks.insert(story.bookmarks.begin() + static_cast<std::ptrdiff_t>(at), std::move(bookmark));
    const std::vector<std::string> problems = core::ValidateStory(story);
    if (!problems.empty())
        throw core::InputError("bookmark not added: " + problems.front());
    m_story = std::move(story);
    m_current = static_cast<int>(at);
}

void StoryPlayer::Open(const std::filesystem::path& path)
{
    core::Story story = io::ReadStoryFile(path); // throws: the open story stays
    SetStory(std::move(story), path.string());
}

void StoryPlayer::Save(const std::filesystem::path& path)
{
    io::WriteStoryFile(m_story, path);
    m_file = path.string();
}

StoryResult RunStoryRequest(UiSession& session, const StoryRequest& request)
{
    StoryPlayer& player = session.GetDashboard().Story();
    const std::size_t count = player.GetStory().bookmarks.size();
    try {
        switch (request.kind) {
        case StoryRequest::Kind::Next: player.Step(session, +1, true); break;
        case StoryRequest::Kind::Previous: player.Step(session, -1, true); break;
        case StoryRequest::Kind::Add:
            player.AddCurrentView(session, request.title, request.note);
            return {true, "bookmark " + std::to_string(player.Current() + 1) + " of " +
                              std::to_string(player.GetStory().bookmarks.size()) + " added"};
        case StoryRequest::Kind::Open:
            player.Open(request.path);
            player.Step(session, +1, true);
            return {true, "opened " + request.path + " (" + std::to_string(player.GetStory().bookmarks.size()) +
                              " bookmarks)"};
        case StoryRequest::Kind::Save:
            player.Save(request.path);
            return {true, "wrote " + request.path + " (" + std::to_string(count) + " bookmarks)"};
        }
    } catch (const core::InputError& e) {
        return {false, e.what()};
    }
    return {true, {}};
}

std::vector<std::filesystem::path> RenderStory(const core::CommonOptions& options, const core::Story& story,
                                               const std::string& story_name, core::ImageSize size,
                                               const std::filesystem::path& folder, bool presentation)
{
    if (story.bookmarks.empty())
        throw core::InputError(story_name + ": the story has no bookmarks, so there is nothing to render");
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (!std::filesystem::is_directory(folder))
        throw core::InputError(folder.string() + ": cannot make this folder" + (ec ? " (" + ec.message() + ")" : ""));
    std::vector<std::filesystem::path> written;
    std::unique_ptr<HeadlessDashboard> dashboard;
    for (std::size_t i = 0; i < story.bookmarks.size(); ++i) {
        const core::Bookmark& bookmark = story.bookmarks[i];
        const std::string name = story_name + ": bookmark " + std::to_string(i + 1);
        if (!dashboard || !core::SameData(bookmark.view.data, dashboard->Session().DataSources())) {
            dashboard.reset(); // one EGL context at a time
            dashboard = std::make_unique<HeadlessDashboard>(options, bookmark.view.data, core::RegionFileOptions{},
                                                            &bookmark.view, size, name);
            dashboard->Session().GetDashboard().Story().SetStory(story, story_name);
            if (presentation)
                dashboard->Session().GetDashboard().GetPresentation().SetActive(true, dashboard->Session().Settings());
        }
        UiSession& session = dashboard->Session();
        if (!presentation) { // the view's own interface; Go keeps the session's
            session.Settings().scale_percent = bookmark.view.ui_scale_percent;
            session.Settings().language = LanguageFromCode(bookmark.view.language.c_str());
        }
        session.GetDashboard().Story().Go(session, static_cast<int>(i), false);
        // A scale change rebuilds the fonts in the next frame; ImGui settles layout over a few more.
        dashboard->Frames(4);
        const std::filesystem::path path = folder / core::BookmarkFileName(static_cast<int>(i), bookmark.title, "png");
        io::WritePng(dashboard->Screenshot(), path);
        written.push_back(path);
    }
    return written;
}

} // namespace vak::ui
