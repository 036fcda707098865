// Story files: a core::Story as one small JSON file. Each bookmark's view is written and read by
// io/view_file.* (the same object a view file holds), so a view and a bookmark never drift apart.
//
//   {
//     "vakatlas_story": 1,
//     "bookmarks": [
//       {"title": "Krimp in Limburg", "note": "...", "view": {"vakatlas_view": 1, ...}},
//       ...
//     ]
//   }
//
// Versioned, validated on load with messages naming the file and the JSON path
// ("story.json: $.bookmarks[2].view.shown.period: ..."), written atomically.
#pragma once

#include "core/story.hpp"

#include <filesystem>
#include <string>

namespace vak::io {

// Throws core::InputError naming the file and the problem: not readable, not JSON, not a story,
// a newer version, a wrong or unknown key, an invalid view, or a data file that is not there.
core::Story ReadStoryFile(const std::filesystem::path& path);

// Parses story JSON as if read from `path`; does not check that data files exist.
core::Story ParseStoryJson(const std::string& json, const std::filesystem::path& path);

std::string StoryJson(const core::Story& story, const std::filesystem::path& path);

// Writes atomically: on any failure the previous file at `path` is untouched. Throws
// core::InputError.
void WriteStoryFile(const core::Story& story, const std::filesystem::path& path);

} // namespace vak::io
