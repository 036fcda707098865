// Steps a dashboard through a story's bookmarks (core/story.hpp): the Story menu, PageUp/PageDown
// (what presentation clickers send) and, in presentation mode, the Left/Right arrow keys. A
// bookmark is applied as a view (ui/view_state_binding.*, all or nothing), except the interface
// scale and language, which stay the presenter's; in a window the map glides to the bookmark's
// camera instead of jumping.
#pragma once

#include "core/command_line.hpp"
#include "core/story.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace vak::ui {

class UiSession;

// Seconds of the camera's glide from one bookmark to the next.
inline constexpr double kBookmarkTransitionSeconds = 0.6;

class StoryPlayer {
public:
    const core::Story& GetStory() const { return m_story; }
    const std::string& FileName() const { return m_file; }
    // The bookmark shown last (-1: none yet).
    int Current() const { return m_current; }
    const core::Bookmark* CurrentBookmark() const;

    // A story read elsewhere (--story); nothing is applied until Go or Step.
    void SetStory(core::Story story, std::string file_name);

    // Applies bookmark `index` to `session`. A bookmark that does not fit the loaded data
    // throws core::InputError and leaves the dashboard and the current bookmark as they were.
    void Go(UiSession& session, int index, bool animate);
    // The next (+1) or previous (-1) bookmark, clamped at the ends.
    void Step(UiSession& session, int direction, bool animate);

    // The session's current state as a new bookmark after the current one (or at the end).
    void AddCurrentView(UiSession& session, std::string title, std::string note);

    // Reads `path`; on any error throws and keeps the story that was open.
    void Open(const std::filesystem::path& path);
    // Writes the story atomically (io/story_file.*).
    void Save(const std::filesystem::path& path);

private:
    core::Story m_story;
    std::string m_file;
    int m_current = -1;
};

// What the Story menu asks for; the window carries it out between frames (as File requests).
struct StoryRequest {
    enum class Kind { Next, Previous, Add, Open, Save } kind = Kind::Next;
    std::string path;  // Open, Save
    std::string title; // Add
    std::string note;  // Add
};

struct StoryResult {
    bool ok = true;
    std::string message;
};

// Carries out `request` on the session's dashboard story; errors become a message.
StoryResult RunStoryRequest(UiSession& session, const StoryRequest& request);

// `vakatlas render --story`: every bookmark as `folder`/01-title.png, ... (the folder is made if
// missing), headless at `size`; `presentation`: in presentation mode at the presenter's scale
// (--ui-scale, at least 200 %), else each at its view's own scale. Consecutive bookmarks on the
// same data share one dashboard. Returns the files written; throws core::InputError naming the
// bookmark that does not fit its data.
std::vector<std::filesystem::path> RenderStory(const core::CommonOptions& options, const core::Story& story,
                                               const std::string& story_name, core::ImageSize size,
                                               const std::filesystem::path& folder, bool presentation);

} // namespace vak::ui
