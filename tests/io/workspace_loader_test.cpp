// What `vakatlas --regions ... --data ...` loads: levels, and tables joined to the right level.
#include "core/errors.hpp"
#include "io/workspace_loader.hpp"
#include "support/shared_data.hpp"

#include <gtest/gtest.h>

namespace vak::io {
namespace {

TEST(WorkspaceLoader, TablesJoinToTheLevelTheirCodesBelongTo)
{
    VAK_REQUIRE_SHARED("data/real/cbs_vacatures_sector_regio_kwartaal.csv");
    core::Workspace workspace;
    LoadRegionFiles({}, workspace); // the demo geography: gemeente, arbeidsmarktregio, provincie
    ASSERT_EQ(workspace.Layers().size(), 3u);
    core::TableFileOptions tables;
    tables.files = {test::SharedFile("data/real/duo_po_leerlingen_per_vestiging_1996_2025.csv"),
                    test::SharedFile("data/real/cbs_vacatures_sector_regio_kwartaal.csv")};
    LoadDataFiles(tables, workspace);
    ASSERT_EQ(workspace.Tables().size(), 2u);
    EXPECT_EQ(workspace.Tables()[0]->joined_layer, "gemeente");
    EXPECT_EQ(workspace.Tables()[1]->joined_layer, "provincie");
    // DUO's five "9999 ONBEKEND" locations are the only rows that do not land.
    EXPECT_EQ(workspace.Tables()[0]->report.rejected.size(), 5u);
    EXPECT_FALSE(workspace.Messages().empty());
}

TEST(WorkspaceLoader, UnreadableTableIsNamedAndNoTableOfThatCallIsAdded)
{
    VAK_REQUIRE_SHARED("data/real/gemeente_provincie_2025.csv");
    core::Workspace workspace;
    core::TableFileOptions first;
    first.files = {test::SharedFile("data/real/gemeente_provincie_2025.csv")};
    LoadDataFiles(first, workspace);
    ASSERT_EQ(workspace.Tables().size(), 1u);
    const std::size_t messages = workspace.Messages().size();

    // A good file before the bad one: all or nothing, so neither lands.
    core::TableFileOptions tables;
    tables.files = {test::SharedFile("data/real/cbs_kwb_2019_gemeenten.csv"), "/nonexistent/table.csv"};
    try {
        LoadDataFiles(tables, workspace);
        FAIL();
    } catch (const core::InputError& e) {
        EXPECT_NE(std::string(e.what()).find("/nonexistent/table.csv"), std::string::npos) << e.what();
    }
    ASSERT_EQ(workspace.Tables().size(), 1u) << "the table of the earlier call stays, the good file of this call is not added";
    EXPECT_EQ(workspace.Tables()[0]->report.file, test::SharedFile("data/real/gemeente_provincie_2025.csv"));
    EXPECT_EQ(workspace.Messages().size(), messages);
}

TEST(WorkspaceLoader, LevelOptionChoosesTheOpeningLevel)
{
    core::Workspace workspace;
    core::RegionFileOptions options;
    options.level = "provincie";
    options.tile_map = true;
    LoadRegionFiles(options, workspace);
    ASSERT_NE(workspace.ActiveLayer(), nullptr);
    EXPECT_EQ(workspace.ActiveLayer()->name, "provincie");
    EXPECT_TRUE(workspace.ShowTileMap());
    options.level = "wijk";
    core::Workspace other;
    EXPECT_THROW(LoadRegionFiles(options, other), core::InputError);
}

} // namespace
} // namespace vak::io
