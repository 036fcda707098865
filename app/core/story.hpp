// A story: an ordered list of bookmarks, each a saved view with a title and a short note, for a
// facilitator who steps through them in a room (PageUp/PageDown from a clicker) or an analyst
// who renders one image per bookmark for a report. Plain values and pure arithmetic here;
// io/story_file.* reads and writes the file, ui/story_player.* applies bookmarks to a dashboard.
#pragma once

#include "core/view_state.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace vak::core {

// The story file's version ("vakatlas_story": 1). A higher number is refused, as for views.
inline constexpr int kStoryFormatVersion = 1;

inline constexpr std::size_t kMaxBookmarkTitle = 120; // one line on a projector
inline constexpr std::size_t kMaxBookmarkNote = 2000; // a short note, not a report

struct Bookmark {
    std::string title;
    std::string note;
    ViewState view;
    bool operator==(const Bookmark&) const = default;
};

struct Story {
    std::vector<Bookmark> bookmarks;
    bool operator==(const Story&) const = default;
};

// Checks that need no data, each "<json path>: <problem>" ("$.bookmarks[1].title: empty"),
// including every view's own checks under its bookmark's path. Empty when valid.
std::vector<std::string> ValidateStory(const Story& story);

// The bookmark after stepping `direction` (+1 next, -1 previous) from `current` in a story of
// `count` bookmarks: clamped at both ends (a clicker pressed once too often stays on the last
// slide); from no bookmark (-1) either direction starts at the first. -1 for an empty story.
int StepBookmark(int current, int count, int direction);

// File name for bookmark `index` (0-based) of a batch render: "01-krimp-in-limburg.png". The
// number keeps the story's order in a file listing; the title is reduced to lower-case ASCII
// letters and digits joined by '-', at most 40 characters ("bladwijzer" when nothing is left).
std::string BookmarkFileName(int index, std::string_view title, std::string_view extension);

// Eased progress of a transition: 0 at t <= 0, 1 at t >= 1, smooth start and stop between.
double EaseInOut(double t);

// The camera between `from` (t = 0) and `to` (t = 1): the centre moves linearly and the zoom
// (units per pixel) geometrically, so each frame zooms by the same factor and a zoom from
// country to town does not rush through the first part. `t` is eased progress (EaseInOut).
ViewCamera InterpolateCamera(const ViewCamera& from, const ViewCamera& to, double t);

} // namespace vak::core
