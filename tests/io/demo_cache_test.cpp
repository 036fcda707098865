// The demo data behind the default start: written once into its cache folder, then reused;
// a folder that holds anything else is never touched.
#include "core/errors.hpp"
#include "io/demo_cache.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace vak::io {
namespace {

namespace fs = std::filesystem;

class DemoCache : public ::testing::Test {
protected:
    void SetUp() override { setenv("VAKATLAS_DEMO_DIR", m_dir.c_str(), 1); }
    void TearDown() override { unsetenv("VAKATLAS_DEMO_DIR"); }

    test::TempDir m_temp{"vak_demo_cache"};
    fs::path m_dir = m_temp.Path() / "demo";
};

TEST_F(DemoCache, WritesTheTablesOnceAndReusesThem)
{
    const std::vector<std::string> tables = EnsureDemoTables();
    ASSERT_EQ(tables.size(), 3u);
    for (const std::string& table : tables)
        EXPECT_TRUE(fs::is_regular_file(table)) << table;
    EXPECT_TRUE(fs::is_regular_file(DemoPointsTable()));
    const auto written = fs::last_write_time(tables.front());
    EXPECT_EQ(EnsureDemoTables(), tables);
    EXPECT_EQ(fs::last_write_time(tables.front()), written) << "a complete cache is not written again";
    for (const fs::directory_entry& e : fs::directory_iterator(m_temp.Path()))
        EXPECT_EQ(e.path().filename(), "demo") << "no temporary folder left beside it";
}

TEST_F(DemoCache, AFolderWithOtherFilesIsLeftUntouched)
{
    fs::create_directories(m_dir);
    std::ofstream(m_dir / "mine.txt") << "precious";
    EXPECT_THROW(EnsureDemoTables(), core::InputError);
    std::ifstream in(m_dir / "mine.txt");
    std::string text;
    in >> text;
    EXPECT_EQ(text, "precious");
    EXPECT_EQ(std::distance(fs::directory_iterator(m_dir), fs::directory_iterator()), 1);
}

TEST_F(DemoCache, AFileInsteadOfAFolderIsLeftUntouched)
{
    std::ofstream(m_dir) << "precious";
    EXPECT_THROW(EnsureDemoTables(), core::InputError);
    ASSERT_TRUE(fs::is_regular_file(m_dir));
    std::ifstream in(m_dir);
    std::string text;
    in >> text;
    EXPECT_EQ(text, "precious");
}

TEST_F(DemoCache, AnIncompleteCacheOfItsOwnIsReplaced)
{
    EnsureDemoTables();
    fs::remove(m_dir / "inschrijvingen.csv"); // as an interrupted older run would leave it
    const std::vector<std::string> tables = EnsureDemoTables();
    EXPECT_TRUE(fs::is_regular_file(tables[1]));
}

} // namespace
} // namespace vak::io
