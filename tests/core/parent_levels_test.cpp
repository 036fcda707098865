// A table joined to municipalities groups by their parents too: each row's province and COROP
// code follow from its municipality, regions the layer does not know get an empty parent, and
// the sums per parent equal the sums of their municipalities.
#include "core/aggregate/parent_levels.hpp"

#include <gtest/gtest.h>

#include <map>

namespace vak::core::agg {
namespace {

RegionFeature Municipality(const char* code, std::vector<std::pair<std::string, std::string>> parents)
{
    RegionFeature f;
    f.code = code;
    f.name = code;
    f.parents = std::move(parents);
    return f;
}

TEST(AddParentLevels, EveryRowGetsItsMunicipalitysParentAtEachLevel)
{
    RegionLayer layer;
    layer.name = "gemeente_2025";
    layer.features.push_back(Municipality("GM0014", {{"provincie", "PV20"}, {"corop", "CR01"}}));
    layer.features.push_back(Municipality("GM0034", {{"provincie", "PV24"}, {"corop", "CR40"}}));
    layer.features.push_back(Municipality("GM0037", {{"provincie", "PV20"}})); // no COROP known
    layer.BuildIndex();

    FactTable table;
    table.rows = 5;
    FactDimension& region = table.dimensions.emplace_back();
    region.name = "gemeentecode";
    region.role = DimensionRole::Region;
    region.labels = {"GM0034", "GM0014", "GM9999", "GM0037"}; // GM9999: not in the layer
    region.codes = {0, 1, 1, 2, 3};
    FactMeasure& students = table.measures.emplace_back();
    students.name = "studenten";
    students.values = {10, 20, 30, 40, 50};
    students.states.assign(5, ValueState::Known);

    const std::vector<std::string> levels = AddParentLevels(table, 0, layer);
    EXPECT_EQ(levels, (std::vector<std::string>{"gemeente_2025", "provincie", "corop"}));
    EXPECT_EQ(table.dimensions[0].name, "gemeente_2025") << "the region dimension is the level it joined";
    ASSERT_EQ(table.dimensions.size(), 3u);
    for (int d : {1, 2})
        EXPECT_EQ(table.dimensions[std::size_t(d)].role, DimensionRole::Region);

    // Row by row: the parent's label at each level, empty where the layer has none.
    auto label = [&](int d, std::size_t row) {
        const FactDimension& dim = table.dimensions[std::size_t(d)];
        return dim.labels[dim.codes[row]];
    };
    const std::vector<std::string> province = {"PV24", "PV20", "PV20", "", "PV20"};
    const std::vector<std::string> corop = {"CR40", "CR01", "CR01", "", ""};
    for (std::size_t r = 0; r < table.rows; ++r) {
        EXPECT_EQ(label(1, r), province[r]) << "row " << r;
        EXPECT_EQ(label(2, r), corop[r]) << "row " << r;
    }
    // Sums per province equal the sums of their municipalities' rows.
    std::map<std::string, std::int64_t> per_province;
    for (std::size_t r = 0; r < table.rows; ++r)
        per_province[label(1, r)] += students.values[r];
    EXPECT_EQ(per_province["PV20"], 20 + 30 + 50);
    EXPECT_EQ(per_province["PV24"], 10);
    EXPECT_EQ(per_province[""], 40);
}

TEST(AddParentLevels, ALayerWithoutParentsAddsNoDimension)
{
    RegionLayer layer;
    layer.name = "provincie_2025";
    layer.features.push_back(Municipality("PV20", {}));
    FactTable table;
    table.rows = 1;
    FactDimension& region = table.dimensions.emplace_back();
    region.name = "code";
    region.role = DimensionRole::Region;
    region.labels = {"PV20"};
    region.codes = {0};
    EXPECT_EQ(AddParentLevels(table, 0, layer), (std::vector<std::string>{"provincie_2025"}));
    EXPECT_EQ(table.dimensions.size(), 1u);
}

} // namespace
} // namespace vak::core::agg
