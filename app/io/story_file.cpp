#include "io/story_file.hpp"

#include "core/errors.hpp"
#include "io/gdal_environment.hpp"
#include "io/view_file.hpp"

#include <cpl_error.h>
#include <cpl_json.h>

#include <fstream>
#include <sstream>
#include <system_error>

namespace vak::io {

namespace fs = std::filesystem;

namespace {

using JsonType = CPLJSONObject::Type;

[[noreturn]] void Fail(const std::string& file, const std::string& path, const std::string& what)
{
    throw core::InputError(file + ": " + path + ": " + what);
}

std::string TextAt(const CPLJSONObject& object, const char* key, const std::string& file, const std::string& path,
                   bool required)
{
    const CPLJSONObject v = object.GetObj(key);
    if (!v.IsValid()) {
        if (required)
            Fail(file, path + "." + key, "missing");
        return {};
    }
    if (v.GetType() != JsonType::String)
        Fail(file, path + "." + key, "expected a text");
    return v.ToString();
}

} // namespace

core::Story ParseStoryJson(const std::string& json, const fs::path& path)
{
    EnsureGdal();
    const std::string file = path.string();
    CPLJSONDocument doc;
    CPLErrorReset();
    bool parsed = false;
    {
        CPLErrorHandlerPusher quiet(CPLQuietErrorHandler); // the reason goes into our message
        parsed = doc.LoadMemory(json);
    }
    if (!parsed) {
        std::string reason = CPLGetLastErrorMsg();
        throw core::InputError(file + ": not valid JSON (" + (reason.empty() ? "unreadable" : reason) + ")");
    }
    const CPLJSONObject root = doc.GetRoot();
    const std::string expected = "expected a JSON object with \"vakatlas_story\": " +
                                 std::to_string(core::kStoryFormatVersion);
    if (root.GetType() != JsonType::Object)
        throw core::InputError(file + ": not a vakatlas story (" + expected + ")");
    const CPLJSONObject version = root.GetObj("vakatlas_story");
    if (!version.IsValid()) {
        if (root.GetObj("vakatlas_view").IsValid())
            throw core::InputError(file + ": a view file, not a story (open it with File > Open view or --view)");
        throw core::InputError(file + ": not a vakatlas story (no \"vakatlas_story\" version key)");
    }
    if (version.GetType() != JsonType::Integer)
        Fail(file, "$.vakatlas_story", "expected a whole number");
    if (version.ToInteger() > core::kStoryFormatVersion)
        Fail(file, "$.vakatlas_story",
             "format version " + std::to_string(version.ToInteger()) + " is newer than this vakatlas reads (up to " +
                 std::to_string(core::kStoryFormatVersion) + "); use a newer vakatlas");
    if (version.ToInteger() < 1)
        Fail(file, "$.vakatlas_story", "format version " + std::to_string(version.ToInteger()) + " does not exist");
    for (const CPLJSONObject& child : root.GetChildren())
        if (child.GetName() != "vakatlas_story" && child.GetName() != "bookmarks")
            Fail(file, "$." + child.GetName(), "unknown key (known here: vakatlas_story, bookmarks)");

    core::Story story;
    const CPLJSONObject list = root.GetObj("bookmarks");
    if (!list.IsValid())
        Fail(file, "$.bookmarks", "missing");
    if (list.GetType() != JsonType::Array)
        Fail(file, "$.bookmarks", "expected a list");
    const CPLJSONArray bookmarks = list.ToArray();
    for (int i = 0; i < bookmarks.Size(); ++i) {
        const std::string p = "$.bookmarks[" + std::to_string(i) + "]";
        const CPLJSONObject item = bookmarks[i];
        if (item.GetType() != JsonType::Object)
            Fail(file, p, "expected an object with title, note and view");
        for (const CPLJSONObject& child : item.GetChildren()) {
            const std::string name = child.GetName();
            if (name != "title" && name != "note" && name != "view")
                Fail(file, p + "." + name, "unknown key (known here: title, note, view)");
        }
        core::Bookmark bookmark;
        bookmark.title = TextAt(item, "title", file, p, true);
        bookmark.note = TextAt(item, "note", file, p, false);
        const CPLJSONObject view = item.GetObj("view");
        if (!view.IsValid())
            Fail(file, p + ".view", "missing");
        bookmark.view = ViewFromJson(view, path, p + ".view");
        story.bookmarks.push_back(std::move(bookmark));
    }
    const std::vector<std::string> problems = core::ValidateStory(story);
    if (!problems.empty())
        throw core::InputError(file + ": " + problems.front());
    return story;
}

core::Story ReadStoryFile(const fs::path& path)
{
    std::error_code ec;
    if (fs::is_directory(path, ec))
        throw core::InputError(path.string() + ": is a folder, not a story file");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw core::InputError(path.string() + ": cannot be read (" +
                               std::error_code(errno, std::generic_category()).message() + ")");
    // A bookmark is a few kilobytes; a story of hundreds stays far below this.
    constexpr std::uintmax_t kMaxStoryBytes = 16u << 20;
    if (fs::file_size(path, ec) > kMaxStoryBytes)
        throw core::InputError(path.string() + ": too large for a story file (over 16 MB)");
    std::ostringstream text;
    text << in.rdbuf();
    core::Story story = ParseStoryJson(text.str(), path);
    for (std::size_t i = 0; i < story.bookmarks.size(); ++i)
        CheckViewDataFiles(story.bookmarks[i].view, path, "$.bookmarks[" + std::to_string(i) + "].view");
    return story;
}

std::string StoryJson(const core::Story& story, const fs::path& path)
{
    EnsureGdal();
    CPLJSONObject root;
    root.Add("vakatlas_story", core::kStoryFormatVersion);
    CPLJSONArray bookmarks;
    for (const core::Bookmark& b : story.bookmarks) {
        CPLJSONObject item;
        item.Add("title", b.title);
        item.Add("note", b.note);
        item.Add("view", ViewToJson(b.view, path));
        bookmarks.Add(item);
    }
    root.Add("bookmarks", bookmarks);
    return JsonText(root);
}

void WriteStoryFile(const core::Story& story, const fs::path& path)
{
    const std::vector<std::string> problems = core::ValidateStory(story);
    if (!problems.empty())
        throw core::InputError("cannot write " + path.string() + ": " + problems.front());
    WriteTextFileAtomically(StoryJson(story, path), path);
}

} // namespace vak::io
