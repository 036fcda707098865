// Custom regions made from a selection in a headless dashboard on the demo: the new level's
// shape is its members' union, its value the sum of its members', and the saved table reads
// back through --groups' own reader as the same grouping.
#include "core/errors.hpp"
#include "io/region_dissolve.hpp"
#include "io/workspace_loader.hpp"
#include "support/demo_dashboard_fixture.hpp"
#include "support/headless_session.hpp"
#include "support/temp_dir.hpp"
#include "ui/custom_regions.hpp"
#include "ui/ui_session.hpp"

#include <gtest/gtest.h>

namespace vak::ui {
namespace {

class CustomRegions : public test::HeadlessSessionTest {
protected:
    void SetUp() override
    {
        if (!StartDemoSession({1280, 800}))
            return;
        Frames();
    }
    void Frames()
    {
        m_headless.Frame();
        m_headless.Frame();
    }
    int LayerIndex(const std::string& name) const
    {
        for (std::size_t i = 0; i < m_workspace.Layers().size(); ++i)
            if (m_workspace.Layers()[i]->name == name)
                return static_cast<int>(i);
        return -1;
    }
    double ValueOn(const std::string& level, const std::string& code)
    {
        m_workspace.SetActiveLayer(LayerIndex(level));
        Frames();
        const core::RegionLayer& layer = *m_workspace.ActiveLayer();
        const std::vector<core::RegionValue> values = m_session->Model().MapValues(layer);
        const int f = layer.FindByCode(code);
        EXPECT_GE(f, 0) << code << " on " << level;
        EXPECT_EQ(values[static_cast<std::size_t>(f)].state, core::agg::GroupState::Known);
        return values[static_cast<std::size_t>(f)].value;
    }
};

TEST_F(CustomRegions, ARegionMadeFromASelectionIsALevelWithItsMembersShapeAndSum)
{
    const std::set<std::string> members = {"GM0014", "GM0037", "GM1966"}; // Groningen, Stadskanaal, Het Hogeland
    double expected = 0, area = 0;
    const core::RegionLayer& gemeenten = *m_workspace.Layers()[static_cast<std::size_t>(LayerIndex("gemeente"))];
    for (const std::string& code : members) {
        expected += ValueOn("gemeente", code);
        area += gemeenten.features[static_cast<std::size_t>(gemeenten.FindByCode(code))].area;
    }

    AddCustomRegion(m_workspace, m_session->Model(), "Noordoost", members);
    Frames();
    const int custom = LayerIndex(kCustomLevel);
    ASSERT_GE(custom, 0);
    const core::RegionLayer& level = *m_workspace.Layers()[static_cast<std::size_t>(custom)];
    ASSERT_EQ(level.features.size(), 1u);
    EXPECT_NEAR(level.features[0].area, area, area * 1e-7) << "the union of the members' shapes";
    EXPECT_DOUBLE_EQ(ValueOn(kCustomLevel, "Noordoost"), expected);

    // A member moves to the group it is put in last.
    m_workspace.SetActiveLayer(LayerIndex("gemeente"));
    AddCustomRegion(m_workspace, m_session->Model(), "Stad", {"GM0014"});
    Frames();
    EXPECT_EQ(CustomGroups(m_workspace).at("GM0014"), "Stad");
    EXPECT_EQ(m_workspace.Layers()[static_cast<std::size_t>(LayerIndex(kCustomLevel))]->features.size(), 2u);
    // A province picked on its own level stands for all its municipalities.
    m_workspace.SetActiveLayer(LayerIndex("provincie"));
    const core::RegionLayer& provinces = *m_workspace.ActiveLayer();
    const std::string province = provinces.features.back().code;
    std::size_t in_province = 0;
    for (const core::RegionFeature& f : gemeenten.features)
        in_province += f.Parent("provincie") && *f.Parent("provincie") == province;
    AddCustomRegion(m_workspace, m_session->Model(), "Provincie", {province});
    std::size_t grouped = 0;
    for (const auto& [code, group] : CustomGroups(m_workspace))
        grouped += group == "Provincie";
    EXPECT_EQ(grouped, in_province);
    RemoveCustomRegion(m_workspace, m_session->Model(), "Provincie");

    // Saved, then read back the way --groups reads a table: the same grouping.
    test::TempDir dir("custom_regions");
    const std::string path = (dir.Path() / "eigen.csv").string();
    SaveCustomRegions(m_workspace, path);
    const io::RegionGrouping read = io::GroupByTable(gemeenten, path);
    std::map<std::string, std::string> back;
    for (std::size_t i = 0; i < gemeenten.features.size(); ++i)
        if (read.group_of_feature[i] >= 0)
            back[gemeenten.features[i].code] = read.groups[static_cast<std::size_t>(read.group_of_feature[i])].name;
    EXPECT_EQ(back, CustomGroups(m_workspace));

    RemoveCustomRegion(m_workspace, m_session->Model(), "Noordoost");
    Frames();
    EXPECT_EQ(CustomGroups(m_workspace), (std::map<std::string, std::string>{{"GM0014", "Stad"}}));
    EXPECT_THROW(AddCustomRegion(m_workspace, m_session->Model(), "", {"GM0037"}), core::InputError);
}

} // namespace
} // namespace vak::ui
