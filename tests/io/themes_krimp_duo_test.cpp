// Krimp on the real DUO primary-school file: imported through the ordinary table import, joined
// to the CBS municipalities of 2025 with their province as a parent level, summed per province
// by the aggregation core. The change 2015 -> 2025 must equal what this test sums straight from
// the CSV, with a few lines of its own.
//
// What the file does, and how both sides handle it:
// - municipality codes without leading zeros ("14"): padded here to GM0014, matched in any
//   spelling by the import;
// - municipal mergers: DUO writes each location's municipality as it is now, so even in
//   Groningen (Het Hogeland, Westerkwartier, Eemsdelta: merged 2019-2021) every code is a 2025
//   code; the test checks that no row of the province fails to join;
// - "<5": left out of both sums and counted; Zeeland has two such cells in 2025, so its
//   province total is known with two suppressed parts, never un-suppressed;
// - code 9999 "ONBEKEND" (5 rows): in no province on either side.
// The province of each municipality comes from gemeente_provincie_2025.csv on both sides: the
// layer gets it as a parent level through the grouping table, the test reads it itself.
#include "core/aggregate/cpu_engine.hpp"
#include "core/themes/krimp.hpp"
#include "io/region_dissolve.hpp"
#include "io/region_reader.hpp"
#include "io/table_import.hpp"
#include "support/csv_fields.hpp"
#include "support/shared_data.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

namespace vak::io {
namespace {

constexpr const char* kDuo = "data/real/duo_po_leerlingen_per_vestiging_1996_2025.csv";
constexpr const char* kProvinces = "data/real/gemeente_provincie_2025.csv";
constexpr const char* kGemeenten = "geodata/cbs/gemeente_2025.topojson";

// Fields of one line separated by ';', with "..." quoting ("" inside is a quote).
std::vector<std::string> Split(const std::string& line)
{
    return test::SplitCsvLine(line, ';');
}

struct Total {
    long long known = 0;
    long suppressed = 0;
};

struct CsvChange {
    Total from, to;
    long rows = 0;
};

CsvChange SumFromCsv(const std::string& province)
{
    std::map<std::string, std::string> province_of;
    std::ifstream provinces(test::SharedFile(kProvinces));
    std::string line;
    std::getline(provinces, line); // GM_code;province
    while (std::getline(provinces, line)) {
        const std::vector<std::string> f = Split(line);
        if (f.size() >= 2)
            province_of[f[0]] = f[1];
    }
    std::ifstream duo(test::SharedFile(kDuo));
    std::getline(duo, line);
    if (line.rfind("\xEF\xBB\xBF", 0) == 0)
        line.erase(0, 3);
    const std::vector<std::string> header = Split(line);
    auto column = [&](const std::string& name) {
        return static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin());
    };
    const std::size_t code = column("GEMEENTECODE_VESTIGING"), y2015 = column("LEERLINGEN_2015"),
                      y2025 = column("LEERLINGEN_2025");
    CsvChange sums;
    while (std::getline(duo, line)) {
        const std::vector<std::string> f = Split(line);
        if (f.size() != header.size())
            continue;
        std::string gm = f[code];
        gm = "GM" + std::string(gm.size() < 4 ? 4 - gm.size() : 0, '0') + gm;
        const auto it = province_of.find(gm);
        if (it == province_of.end() || it->second != province)
            continue;
        ++sums.rows;
        for (auto [col, total] : {std::pair{y2015, &sums.from}, {y2025, &sums.to}}) {
            if (f[col] == "<5")
                ++total->suppressed;
            else
                total->known += std::stoll(f[col]);
        }
    }
    return sums;
}

class DuoKrimp : public ::testing::TestWithParam<const char*> {};

TEST_P(DuoKrimp, ProvinceChange2015To2025EqualsTheCsv)
{
    VAK_REQUIRE_SHARED(kDuo);
    VAK_REQUIRE_SHARED(kProvinces);
    VAK_REQUIRE_SHARED(kGemeenten);
    const std::string province = GetParam();

    RegionReadOptions read;
    read.build_mesh = false;
    core::RegionLayer gemeenten = ReadRegionLayer(test::SharedFile(kGemeenten), read);
    const RegionGrouping grouping = GroupByTable(gemeenten, test::SharedFile(kProvinces));
    ASSERT_EQ(grouping.group_of_feature.size(), gemeenten.features.size());
    for (std::size_t i = 0; i < gemeenten.features.size(); ++i)
        if (const int g = grouping.group_of_feature[i]; g >= 0)
            gemeenten.features[i].parents.emplace_back("provincie", grouping.groups[std::size_t(g)].code);

    TableImportOptions options;
    options.regions = &gemeenten;
    const ImportedTable imported = ImportTable(test::SharedFile(kDuo), options);
    for (const core::ImportIssue& issue : imported.report.rejected)
        EXPECT_EQ(issue.value.find("9999"), 0u) << "only the unknown municipality fails to join: " << issue.value;

    const core::themes::LevelTable table = core::themes::BuildLevelTable(imported.dataset, &gemeenten);
    core::agg::CpuEngine engine;
    const core::themes::RegionTable series = core::themes::SumPerRegionAndPeriod(engine, table, "provincie", {});
    const std::vector<core::themes::RegionChange> changes = core::themes::ComputeChanges(series, "2015", "2025");
    const auto it = std::find_if(changes.begin(), changes.end(),
                                 [&](const core::themes::RegionChange& c) { return c.region == province; });
    ASSERT_NE(it, changes.end()) << province;

    const CsvChange csv = SumFromCsv(province);
    ASSERT_GT(csv.rows, 100) << "the province's schools were found in the CSV";
    EXPECT_EQ(it->from.state, core::agg::GroupState::Known);
    EXPECT_EQ(it->to.state, core::agg::GroupState::Known);
    EXPECT_DOUBLE_EQ(it->from.value, static_cast<double>(csv.from.known));
    EXPECT_DOUBLE_EQ(it->to.value, static_cast<double>(csv.to.known));
    EXPECT_EQ(it->from.suppressed, csv.from.suppressed);
    EXPECT_EQ(it->to.suppressed, csv.to.suppressed);
    EXPECT_DOUBLE_EQ(it->absolute.value, static_cast<double>(csv.to.known - csv.from.known));
    EXPECT_DOUBLE_EQ(it->percent.value,
                     static_cast<double>(csv.to.known - csv.from.known) / static_cast<double>(csv.from.known) * 100.0);
    EXPECT_LT(it->percent.value, 0.0) << "primary-school pupils in " << province << " fell from 2015 to 2025";
    if (province == "Zeeland") {
        EXPECT_EQ(csv.to.suppressed, 2) << "the file's two \"<5\" cells of 2025 in Zeeland";
    }
}

INSTANTIATE_TEST_SUITE_P(Provinces, DuoKrimp, ::testing::Values("Groningen", "Limburg", "Zeeland"));

} // namespace
} // namespace vak::io
