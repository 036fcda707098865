#include "core/resource_paths.hpp"
#include "gpu/shader_program.hpp"
#include "support/gl_fixture.hpp"
#include "support/temp_dir.hpp"

#include <filesystem>
#include <fstream>

namespace vak::gpu {
namespace {

namespace fs = std::filesystem;

TEST(FormatShaderLog, MesaMessagesGetFileLineAndColumn)
{
    const std::string out = FormatShaderLog("0:12(5): error: `colr' undeclared\n", "shaders/a.frag");
    EXPECT_EQ(out, "shaders/a.frag:12:5: error: `colr' undeclared\n");
}

TEST(FormatShaderLog, NvidiaAndGlslangMessagesGetFileAndLine)
{
    EXPECT_EQ(FormatShaderLog("0(7) : error C1008: undefined variable \"x\"", "b.vert"),
              "b.vert:7: error C1008: undefined variable \"x\"\n");
    EXPECT_EQ(FormatShaderLog("ERROR: 0:3: 'foo' : undeclared identifier\r\n", "c.comp"),
              "c.comp:3: error: 'foo' : undeclared identifier\n");
}

TEST(FormatShaderLog, UnrecognisedLinesStillNameTheFile)
{
    EXPECT_EQ(FormatShaderLog("\nsomething odd\n\n", "d.frag"), "d.frag: something odd\n");
}

using ShaderLibraryTest = test::GlTest;

TEST_F(ShaderLibraryTest, EveryShaderInTheShadersFolderCompilesAndLinks)
{
    const ShaderLibrary library(VAK_TEST_SHADER_DIR);
    const std::vector<std::string> programs = library.ListPrograms();
    ASSERT_FALSE(programs.empty());
    for (const std::string& name : programs) {
        SCOPED_TRACE(name);
        try {
            ShaderProgram program = library.Load(name);
            EXPECT_NE(program.Id(), 0u);
        } catch (const ShaderError& e) {
            ADD_FAILURE() << e.what();
        }
    }
}

class BrokenShaderTest : public test::GlTest {
protected:
    void SetUp() override
    {
        test::GlTest::SetUp();
        m_temp = std::make_unique<test::TempDir>("vak_shaders");
        m_dir = m_temp->Path();
    }
    void Write(const std::string& name, const std::string& text) { std::ofstream(m_dir / name) << text; }
    std::string LoadError(const std::string& program)
    {
        try {
            ShaderLibrary(m_dir).Load(program);
        } catch (const ShaderError& e) {
            return e.what();
        }
        return "(no error)";
    }
    std::unique_ptr<test::TempDir> m_temp;
    fs::path m_dir;
};

TEST_F(BrokenShaderTest, CompileErrorNamesFileAndLine)
{
    Write("bad.vert", "#version 430 core\nvoid main() { gl_Position = vec4(0.0); }\n");
    Write("bad.frag", "#version 430 core\nout vec4 c;\nvoid main()\n{\n    c = colr;\n}\n");
    const std::string msg = LoadError("bad");
    EXPECT_NE(msg.find((m_dir / "bad.frag").string() + ":5"), std::string::npos) << msg;
    EXPECT_NE(msg.find("colr"), std::string::npos) << msg;
}

TEST_F(BrokenShaderTest, LinkErrorNamesTheProgram)
{
    // Compiles alone, but calls a function that no stage defines: a link error on every driver
    // (NVIDIA, unlike Mesa, lets an unwritten varying through).
    Write("mismatch.vert", "#version 430 core\nvoid main() { gl_Position = vec4(0.0); }\n");
    Write("mismatch.frag", "#version 430 core\nvec4 Shade();\nout vec4 c;\nvoid main() { c = Shade(); }\n");
    const std::string msg = LoadError("mismatch");
    EXPECT_NE(msg.find("'mismatch' does not link"), std::string::npos) << msg;
}

TEST_F(BrokenShaderTest, MissingStageIsNamed)
{
    Write("half.vert", "#version 430 core\nvoid main() { gl_Position = vec4(0.0); }\n");
    const std::string msg = LoadError("half");
    EXPECT_NE(msg.find("half.frag"), std::string::npos) << msg;
}

} // namespace
} // namespace vak::gpu
