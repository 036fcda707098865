// View files: a core::ViewState as a small, human-readable JSON file (GDAL's CPLJSON, no JSON
// library of our own). Versioned ("vakatlas_view": 1), validated on load with messages that
// name the file, the JSON path of the key and what is wrong, and written atomically
// (temporary file + rename), so a crash or a full disk never leaves a broken view behind.
//
//   {
//     "vakatlas_view": 1,
//     "data": {"regions": {...}, "tables": {...}},
//     "interface": {"language": "nl", "scale_percent": 100},
//     "map": {"level": "provincie", "tile_map": false, "camera": {...},
//             "selected_regions": [...], "classification": {...}},
//     "shown": {"table": "...", "measure": "...", "period": "2025", "change": {...}, ...}
//   }
//
// Data paths are written relative to the view file's folder when the data lies in or below it
// (a folder of data and views can be moved as a whole), else absolute; relative paths are read
// against the view file's folder.
#pragma once

#include "core/view_state.hpp"

#include <filesystem>
#include <string>

class CPLJSONObject; // GDAL's cpl_json.h, included where these functions are used (io only)

namespace vak::io {

// Throws core::InputError naming the file and the problem: not readable, not JSON, not a view,
// a newer format version, a key of the wrong type or an unknown key, an invalid value, or a
// data file that does not exist.
core::ViewState ReadViewFile(const std::filesystem::path& path);

// Parses view JSON as if read from `path` (whose folder resolves relative data paths).
// Does not check that the data files exist.
core::ViewState ParseViewJson(const std::string& json, const std::filesystem::path& path);

// The JSON text for `view` as WriteViewFile writes it next to `path`.
std::string ViewJson(const core::ViewState& view, const std::filesystem::path& path);

// Writes atomically: on any failure the previous file at `path` is untouched and no temporary
// file is left. Throws core::InputError.
void WriteViewFile(const core::ViewState& view, const std::filesystem::path& path);

// The pieces above, for files that hold views (stories, ui/story_player): a view object read
// from or written to JSON inside another document. `json_path` is where the object sits
// ("$.bookmarks[0].view"); messages name the file and the key's full path.
core::ViewState ViewFromJson(const CPLJSONObject& object, const std::filesystem::path& path,
                             const std::string& json_path);
CPLJSONObject ViewToJson(const core::ViewState& view, const std::filesystem::path& path);
// Throws core::InputError when a data file of `view` is not there.
void CheckViewDataFiles(const core::ViewState& view, const std::filesystem::path& path, const std::string& json_path);
// A document as indented JSON text, '/' unescaped, ending in a newline.
std::string JsonText(const CPLJSONObject& root);
// Temporary sibling + rename (io/output_file.hpp); the previous file stays on any failure.
void WriteTextFileAtomically(const std::string& text, const std::filesystem::path& path);

} // namespace vak::io
