// `vakatlas render --story` as a user meets it: one numbered PNG per bookmark in the folder -o
// names, the presentation flag drawing the same size, and a newer or broken story refused with
// exit code 1 naming the file and key, a wrong call with exit code 2.
#include "core/rgba_image.hpp"
#include "support/ci.hpp"
#include "support/png_reader.hpp"
#include "support/run_process.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace vak::test {
namespace {

namespace fs = std::filesystem;

ProcessResult Vakatlas(const std::string& args)
{
    return RunShell("env -u DISPLAY -u WAYLAND_DISPLAY " + ShellQuote(VAK_EXECUTABLE) + " " + args);
}

// Three levels of the demo, each a bookmark.
const char* kStory = R"({
  "vakatlas_story": 1,
  "bookmarks": [
    {"title": "Alle gemeenten", "note": "", "view": {"vakatlas_view": 1, "map": {"level": "gemeente"}}},
    {"title": "Provincies", "note": "per provincie", "view": {"vakatlas_view": 1, "map": {"level": "provincie"}}},
    {"title": "Arbeidsmarktregio's", "view": {"vakatlas_view": 1, "map": {"level": "arbeidsmarktregio"}}}
  ]
})";

class StoryCliTest : public ::testing::Test {
protected:
    void SetUp() override { std::ofstream(m_dir / "verhaal.json") << kStory; }
    test::TempDir m_temp{"vak_story_cli"};
    fs::path m_dir = m_temp.Path();
};

TEST_F(StoryCliTest, RendersOneNumberedImagePerBookmark)
{
    const fs::path out = m_dir / "beelden";
    const ProcessResult r = Vakatlas("render --story " + ShellQuote((m_dir / "verhaal.json").string()) + " -o " +
                                     ShellQuote(out.string()) + " --size 640x360");
    if (r.exit_code == 1 && r.output.find("headless") != std::string::npos && !InCi())
        GTEST_SKIP() << r.output;
    ASSERT_EQ(r.exit_code, 0) << r.output;
    for (const char* name : {"01-alle-gemeenten.png", "02-provincies.png", "03-arbeidsmarktregios.png"}) {
        ASSERT_TRUE(fs::is_regular_file(out / name)) << name << "\n" << r.output;
        const core::RgbaImage image = ReadPng((out / name).string());
        EXPECT_EQ(image.width, 640);
        EXPECT_EQ(image.height, 360);
    }
    // The same story as projected: same files, same size.
    const fs::path room = m_dir / "zaal";
    const ProcessResult p = Vakatlas("render --story " + ShellQuote((m_dir / "verhaal.json").string()) + " -o " +
                                     ShellQuote(room.string()) + " --size 640x360 --presentation");
    ASSERT_EQ(p.exit_code, 0) << p.output;
    EXPECT_TRUE(fs::is_regular_file(room / "02-provincies.png"));
}

TEST_F(StoryCliTest, ANewerOrBrokenStoryAndAWrongCallAreRefused)
{
    std::ofstream(m_dir / "nieuw.json") << R"({"vakatlas_story": 2, "bookmarks": []})";
    ProcessResult r = Vakatlas("render --story " + ShellQuote((m_dir / "nieuw.json").string()) + " -o " +
                               ShellQuote((m_dir / "x").string()));
    EXPECT_EQ(r.exit_code, 1) << r.output;
    EXPECT_NE(r.output.find("nieuw.json: $.vakatlas_story"), std::string::npos) << r.output;
    EXPECT_FALSE(fs::exists(m_dir / "x")) << "nothing is made for a refused story";

    std::ofstream(m_dir / "fout.json")
        << R"({"vakatlas_story": 1, "bookmarks": [{"title": "A", "view": {"vakatlas_view": 1, "map": {"level": 3}}}]})";
    r = Vakatlas("render --story " + ShellQuote((m_dir / "fout.json").string()) + " -o " +
                 ShellQuote((m_dir / "x").string()));
    EXPECT_EQ(r.exit_code, 1) << r.output;
    EXPECT_NE(r.output.find("$.bookmarks[0].view.map.level"), std::string::npos) << r.output;

    r = Vakatlas("render --story " + ShellQuote((m_dir / "verhaal.json").string()) + " -o beeld.png");
    EXPECT_EQ(r.exit_code, 2) << r.output;
    EXPECT_NE(r.output.find("names a folder"), std::string::npos) << r.output;
}

} // namespace
} // namespace vak::test
