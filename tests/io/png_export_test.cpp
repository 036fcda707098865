#include "core/errors.hpp"
#include "io/png_export.hpp"
#include "support/png_reader.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace vak::io {
namespace {

namespace fs = std::filesystem;

class PngExportTest : public ::testing::Test {
protected:

    static core::RgbaImage Gradient(int w, int h)
    {
        core::RgbaImage image(w, h);
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) {
                std::uint8_t* p = image.Row(y) + x * 4;
                p[0] = static_cast<std::uint8_t>(x * 255 / (w - 1));
                p[1] = static_cast<std::uint8_t>(y * 255 / (h - 1));
                p[2] = static_cast<std::uint8_t>((x + y) % 256);
                p[3] = 255;
            }
        return image;
    }

    std::string ErrorOf(const core::RgbaImage& image, const fs::path& path)
    {
        try {
            WritePng(image, path);
        } catch (const core::InputError& e) {
            return e.what();
        }
        return "(no error)";
    }

    test::TempDir m_temp{"vak_png"};
    fs::path m_dir = m_temp.Path();
};

TEST_F(PngExportTest, PixelsSurviveTheRoundTripExactly)
{
    const core::RgbaImage image = Gradient(321, 123); // odd width: no row padding assumptions
    const fs::path path = m_dir / "gradient.png";
    WritePng(image, path);
    const core::RgbaImage back = test::ReadPng(path.string());
    ASSERT_EQ(back.width, 321);
    ASSERT_EQ(back.height, 123);
    EXPECT_EQ(back.pixels, image.pixels);
}

TEST_F(PngExportTest, KeepAlphaWritesFourBands)
{
    core::RgbaImage image = Gradient(64, 64);
    image.pixels[3] = 17;
    const fs::path path = m_dir / "alpha.png";
    WritePng(image, path, PngOptions{.keep_alpha = true});
    EXPECT_EQ(test::ReadPng(path.string()).pixels, image.pixels);
}

TEST_F(PngExportTest, LeavesNoTemporaryFilesBehind)
{
    WritePng(Gradient(64, 64), m_dir / "a.png");
    int files = 0;
    for (const auto& entry : fs::directory_iterator(m_dir)) {
        ++files;
        EXPECT_EQ(entry.path().filename(), "a.png");
    }
    EXPECT_EQ(files, 1);
}

TEST_F(PngExportTest, MissingFolderIsNamedInTheError)
{
    const std::string msg = ErrorOf(Gradient(64, 64), m_dir / "nope" / "a.png");
    EXPECT_NE(msg.find("nope"), std::string::npos) << msg;
    EXPECT_NE(msg.find("does not exist"), std::string::npos) << msg;
}

TEST_F(PngExportTest, TargetThatIsAFolderIsRefusedAndKept)
{
    fs::create_directories(m_dir / "taken.png");
    const std::string msg = ErrorOf(Gradient(64, 64), m_dir / "taken.png");
    EXPECT_NE(msg.find("is a folder"), std::string::npos) << msg;
    EXPECT_TRUE(fs::is_directory(m_dir / "taken.png"));
}

TEST_F(PngExportTest, FailedExportLeavesThePreviousFileIntact)
{
    const fs::path path = m_dir / "keep.png";
    const core::RgbaImage first = Gradient(80, 60);
    WritePng(first, path);
    EXPECT_NE(ErrorOf(core::RgbaImage(), path), "(no error)");
    EXPECT_EQ(test::ReadPng(path.string()).pixels, first.pixels);
}

} // namespace
} // namespace vak::io
