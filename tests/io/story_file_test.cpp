// Story files as a user meets them: what is saved reads back the same; a broken, newer or
// mistyped file, or one whose bookmark holds a bad view, is refused naming the file and the
// key's JSON path; a save that fails half-way leaves the previous file as it was.
#include "core/errors.hpp"
#include "core/story.hpp"
#include "io/output_file.hpp"
#include "io/story_file.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace vak::io {
namespace {

namespace fs = std::filesystem;

void WriteText(const fs::path& path, const std::string& text)
{
    std::ofstream(path, std::ios::binary) << text;
}

std::string ReadText(const fs::path& path)
{
    std::ostringstream text;
    text << std::ifstream(path, std::ios::binary).rdbuf();
    return text.str();
}

template <typename F>
std::string ErrorOf(F&& read)
{
    try {
        read();
    } catch (const core::InputError& e) {
        return e.what();
    }
    ADD_FAILURE() << "expected core::InputError";
    return {};
}

bool Contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

class StoryFileTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        fs::create_directories(m_dir / "data");
        WriteText(m_dir / "data" / "leerlingen.csv", "stand-in: only its existence is checked");
    }

    // Three bookmarks that differ in every part a bookmark has, one on other data.
    core::Story ThreeBookmarks() const
    {
        core::Story story;
        core::ViewState first; // the demo
        first.level = "provincie";
        first.table = "studenten";
        first.period = "2025";
        core::ViewState second = first;
        second.level = "gemeente";
        second.camera = core::ViewCamera{{155000.0 + 1.0 / 3.0, 463000.1}, 312.5 / 3.0, 900, 640};
        second.selected_regions = {"GM0917", "GM0935"}; // sorted, as views keep them
        second.change_from = "2015";
        second.change_to = "2030";
        second.style.method = core::ClassMethod::Manual;
        second.style.manual_edges = {-20, -10, 0, 10};
        second.style.classes = 3; // the edges less one
        core::ViewState third;
        third.data.tables.files = {(m_dir / "data" / "leerlingen.csv").string()};
        third.data.tables.demo_tables = false;
        third.table = "leerlingen";
        third.language = "en";
        story.bookmarks.push_back({"Krimp in Nederland", "Alle provincies, 2025.", first});
        story.bookmarks.push_back({"Limburg, 2015 \xE2\x80\x93 2030", "Een regel\nen nog \xC3\xA9\xC3\xA9n.", second});
        story.bookmarks.push_back({"Eigen tabel", "", third});
        return story;
    }

    test::TempDir m_temp{"vak_story_file"};
    fs::path m_dir = m_temp.Path();
};

TEST_F(StoryFileTest, SavedStoriesReadBackIdentical)
{
    const core::Story story = ThreeBookmarks();
    const fs::path file = m_dir / "verhaal.json";
    WriteStoryFile(story, file);
    EXPECT_EQ(ReadStoryFile(file), story);
    // The data path is stored relative to the story's folder, so the folder can move.
    EXPECT_TRUE(Contains(ReadText(file), "\"data/leerlingen.csv\"")) << ReadText(file);
    // Saving what was read writes the same text.
    WriteStoryFile(ReadStoryFile(file), m_dir / "again.json");
    EXPECT_EQ(ReadText(m_dir / "again.json"), ReadText(file));
    // An empty story is a story too.
    WriteStoryFile({}, m_dir / "empty.json");
    EXPECT_TRUE(ReadStoryFile(m_dir / "empty.json").bookmarks.empty());
}

TEST_F(StoryFileTest, BrokenAndNewerFilesAreRefusedByFileAndKey)
{
    const fs::path file = m_dir / "s.json";
    WriteText(file, "{\"vakatlas_story\": 1, \"bookmarks\": [");
    std::string message = ErrorOf([&] { ReadStoryFile(file); });
    EXPECT_TRUE(Contains(message, file.string()) && Contains(message, "not valid JSON")) << message;

    WriteText(file, "{\"vakatlas_story\": 2, \"bookmarks\": []}");
    message = ErrorOf([&] { ReadStoryFile(file); });
    EXPECT_TRUE(Contains(message, "$.vakatlas_story") && Contains(message, "newer")) << message;

    WriteText(file, "{\"vakatlas_view\": 1}");
    message = ErrorOf([&] { ReadStoryFile(file); });
    EXPECT_TRUE(Contains(message, "a view file, not a story")) << message;

    WriteText(file, "{\"vakatlas_story\": 1, \"bookmarks\": [{\"title\": \"A\", \"view\": {\"vakatlas_view\": 1}, "
                    "\"colour\": 3}]}");
    message = ErrorOf([&] { ReadStoryFile(file); });
    EXPECT_TRUE(Contains(message, "$.bookmarks[0].colour") && Contains(message, "unknown key")) << message;

    WriteText(file, "{\"vakatlas_story\": 1, \"bookmarks\": [{\"title\": \"A\", \"view\": {\"vakatlas_view\": 1}}, "
                    "{\"title\": \"B\", \"view\": {\"vakatlas_view\": 1, \"shown\": {\"period\": 2025}}}]}");
    message = ErrorOf([&] { ReadStoryFile(file); });
    EXPECT_TRUE(Contains(message, file.string() + ": $.bookmarks[1].view.shown.period")) << message;

    WriteText(file, "{\"vakatlas_story\": 1, \"bookmarks\": [{\"view\": {\"vakatlas_view\": 1}}]}");
    message = ErrorOf([&] { ReadStoryFile(file); });
    EXPECT_TRUE(Contains(message, "$.bookmarks[0].title: missing")) << message;

    WriteText(file, "{\"vakatlas_story\": 1, \"bookmarks\": [{\"title\": \"A\", \"view\": {\"vakatlas_view\": 9}}]}");
    message = ErrorOf([&] { ReadStoryFile(file); });
    EXPECT_TRUE(Contains(message, "$.bookmarks[0].view.vakatlas_view") && Contains(message, "newer")) << message;
}

TEST_F(StoryFileTest, AMissingDataFileIsNamedByItsBookmark)
{
    const fs::path file = m_dir / "s.json";
    WriteStoryFile(ThreeBookmarks(), file);
    fs::remove(m_dir / "data" / "leerlingen.csv");
    const std::string message = ErrorOf([&] { ReadStoryFile(file); });
    EXPECT_TRUE(Contains(message, "$.bookmarks[2].view.data.tables.files[0]") && Contains(message, "not found"))
        << message;
}

TEST_F(StoryFileTest, AnInterruptedSaveLeavesThePreviousFileIntact)
{
    const fs::path file = m_dir / "verhaal.json";
    const core::Story before = ThreeBookmarks();
    WriteStoryFile(before, file);
    const std::string saved = ReadText(file);
    // The temporary file cannot be written (a folder holds its name; this fails for root too).
    const fs::path blocked = TemporarySibling(file);
    fs::create_directory(blocked);
    core::Story after = before;
    after.bookmarks.pop_back();
    const std::string message = ErrorOf([&] { WriteStoryFile(after, file); });
    EXPECT_TRUE(Contains(message, file.string())) << message;
    EXPECT_EQ(ReadText(file), saved);
    EXPECT_EQ(ReadStoryFile(file), before);
    fs::remove(blocked);
    // The rename fails (the target is a folder with content): nothing of it is touched.
    const fs::path folder = m_dir / "map.json";
    fs::create_directory(folder);
    WriteText(folder / "inside.txt", "kept");
    EXPECT_FALSE(ErrorOf([&] { WriteStoryFile(after, folder); }).empty());
    EXPECT_EQ(ReadText(folder / "inside.txt"), "kept");
    // A story with a bad bookmark is refused before anything is written.
    core::Story bad = before;
    bad.bookmarks[1].title.clear();
    EXPECT_TRUE(Contains(ErrorOf([&] { WriteStoryFile(bad, file); }), "$.bookmarks[1].title"));
    EXPECT_EQ(ReadText(file), saved);
}

} // namespace
} // namespace vak::io
