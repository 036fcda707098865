// Switching level keeps a selection meaningful: a province selects its municipalities,
// municipalities select their provinces, and labour-market regions go to provinces through
// their municipalities.
#include "core/workspace.hpp"

#include <gtest/gtest.h>

namespace vak::core {
namespace {

RegionLayer Layer(const std::string& name, bool derived, std::vector<std::vector<std::string>> rows)
{
    RegionLayer layer;
    layer.name = name;
    layer.is_derived = derived;
    for (const auto& row : rows) {
        RegionFeature f;
        f.code = row[0];
        if (row.size() > 2)
            f.parents = {{"provincie", row[1]}, {"arbeidsmarktregio", row[2]}};
        layer.features.push_back(f);
    }
    return layer;
}

Workspace ThreeLevels()
{
    Workspace ws;
    ws.AddLayer(Layer("gemeente", false,
                      {{"GM0014", "PV20", "AM01"}, {"GM0034", "PV24", "AM10"}, {"GM0363", "PV27", "AM13"},
                       {"GM0362", "PV27", "AM13"}, {"GM0388", "PV27", "AM12"}}));
    ws.AddLayer(Layer("arbeidsmarktregio", true, {{"AM01"}, {"AM10"}, {"AM12"}, {"AM13"}}));
    ws.AddLayer(Layer("provincie", true, {{"PV20"}, {"PV24"}, {"PV27"}}));
    return ws;
}

TEST(Workspace, AProvinceSelectsItsMunicipalitiesAndBack)
{
    Workspace ws = ThreeLevels();
    ws.SetActiveLayer(2);
    ws.GetSelection().SelectOnly("PV27");
    ws.SetActiveLayer(0);
    EXPECT_EQ(ws.GetSelection().Codes(), (std::set<std::string>{"GM0362", "GM0363", "GM0388"}));
    ws.GetSelection().SelectOnly("GM0034");
    ws.GetSelection().Toggle("GM0014");
    ws.SetActiveLayer(2);
    EXPECT_EQ(ws.GetSelection().Codes(), (std::set<std::string>{"PV20", "PV24"}));
}

TEST(Workspace, LabourMarketRegionsGoToProvincesThroughTheirMunicipalities)
{
    Workspace ws = ThreeLevels();
    ws.SetActiveLayer(1);
    ws.GetSelection().SelectOnly("AM12");
    const std::uint64_t version = ws.GetSelection().Version();
    ws.SetActiveLayer(2);
    EXPECT_EQ(ws.GetSelection().Codes(), (std::set<std::string>{"PV27"}));
    EXPECT_NE(ws.GetSelection().Version(), version); // views that cache see the change
}

TEST(Workspace, UnrelatedLayersClearTheSelection)
{
    Workspace ws = ThreeLevels();
    ws.AddLayer(Layer("buurt", false, {{"BU00140000"}}));
    ws.GetSelection().SelectOnly("GM0014");
    ws.SetActiveLayer(3);
    EXPECT_TRUE(ws.GetSelection().Empty());
}

} // namespace
} // namespace vak::core
