#include "core/errors.hpp"
#include "core/resource_paths.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace vak::core {
namespace {

namespace fs = std::filesystem;

class ShaderDirTest : public ::testing::Test {
protected:

    fs::path MakeShaderDir(const fs::path& dir)
    {
        fs::create_directories(dir);
        std::ofstream(dir / "map_canvas.vert") << "#version 430 core\n";
        return dir;
    }

    test::TempDir m_temp{"vak_paths"};
    fs::path m_root = m_temp.Path();
};

TEST_F(ShaderDirTest, ExplicitFolderWinsOverEverythingElse)
{
    ShaderDirQuery q;
    q.explicit_dir = MakeShaderDir(m_root / "mine");
    q.env_value = MakeShaderDir(m_root / "env").string();
    q.source_dir = m_root;
    MakeShaderDir(m_root / "shaders");
    EXPECT_EQ(FindShaderDir(q), fs::absolute(m_root / "mine"));
}

TEST_F(ShaderDirTest, ExplicitFolderWithoutShadersIsAnErrorNotAFallback)
{
    ShaderDirQuery q;
    q.explicit_dir = m_root / "missing";
    q.source_dir = m_root;
    MakeShaderDir(m_root / "shaders");
    try {
        FindShaderDir(q);
        FAIL() << "expected InputError";
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("--shaders"), std::string::npos);
        EXPECT_NE(std::string(e.what()).find("missing"), std::string::npos);
    }
}

TEST_F(ShaderDirTest, EnvironmentBeforeExecutableFolder)
{
    ShaderDirQuery q;
    q.env_value = MakeShaderDir(m_root / "env").string();
    q.executable_dir = m_root / "bin";
    MakeShaderDir(m_root / "bin" / "shaders");
    EXPECT_EQ(FindShaderDir(q), fs::absolute(m_root / "env"));
}

TEST_F(ShaderDirTest, ExecutableFolderThenInstalledShareThenSourceTree)
{
    ShaderDirQuery q;
    q.executable_dir = m_root / "prefix" / "bin";
    q.source_dir = m_root / "src";
    fs::create_directories(q.executable_dir);
    MakeShaderDir(m_root / "src" / "shaders");
    EXPECT_EQ(FindShaderDir(q), (m_root / "src" / "shaders").lexically_normal());

    MakeShaderDir(m_root / "prefix" / "share" / "vakatlas" / "shaders");
    EXPECT_EQ(FindShaderDir(q), (m_root / "prefix" / "share" / "vakatlas" / "shaders").lexically_normal());

    MakeShaderDir(m_root / "prefix" / "bin" / "shaders");
    EXPECT_EQ(FindShaderDir(q), (m_root / "prefix" / "bin" / "shaders").lexically_normal());
}

TEST_F(ShaderDirTest, NothingFoundListsEveryPlaceTried)
{
    ShaderDirQuery q;
    q.executable_dir = m_root / "bin";
    q.source_dir = m_root / "src";
    try {
        FindShaderDir(q);
        FAIL() << "expected InputError";
    } catch (const InputError& e) {
        const std::string msg = e.what();
        EXPECT_NE(msg.find((m_root / "bin" / "shaders").string()), std::string::npos) << msg;
        EXPECT_NE(msg.find((m_root / "src" / "shaders").string()), std::string::npos) << msg;
        EXPECT_NE(msg.find("VAKATLAS_SHADERS"), std::string::npos) << msg;
    }
}

TEST(ExecutableDir, IsTheFolderOfThisTestBinary)
{
    const fs::path dir = ExecutableDir();
    ASSERT_FALSE(dir.empty());
    EXPECT_TRUE(fs::is_directory(dir));
}

} // namespace
} // namespace vak::core
