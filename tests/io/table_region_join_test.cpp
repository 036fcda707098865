// Region names as a fallback join: used only when codes fail and names fit, always with a
// warning, never for a name that two features share.
#include "io/region_reader.hpp"
#include "io/table_import.hpp"
#include "io/workspace_loader.hpp"
#include "support/shared_data.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

namespace vak::io {
namespace {

core::RegionLayer Layer(const std::string& name, std::initializer_list<std::pair<const char*, const char*>> features)
{
    core::RegionLayer layer;
    layer.name = name;
    for (const auto& [code, feature_name] : features) {
        core::RegionFeature f;
        f.code = code;
        f.name = feature_name;
        layer.features.push_back(f);
    }
    layer.BuildIndex();
    return layer;
}

const std::string* NoteWith(const core::ImportReport& report, const std::string& text)
{
    for (const std::string& note : report.notes)
        if (note.find(text) != std::string::npos)
            return &note;
    return nullptr;
}

class RegionJoinTest : public ::testing::Test {
protected:
    std::string Write(const std::string& name, const std::string& text)
    {
        const std::string path = (m_dir.Path() / name).string();
        std::ofstream(path, std::ios::binary) << text;
        return path;
    }
    test::TempDir m_dir{"vak_region_join"};
};

TEST_F(RegionJoinTest, CodesFirstNamesWhenTheCodesFail)
{
    const core::RegionLayer layer = Layer("gemeente", {{"GM0014", "Groningen"}, {"GM1979", "Eemsdelta"}, {"GM0518", "'s-Gravenhage"}});
    // Codes that the layer has: joined by code, the name column stays an attribute.
    const std::string by_code = Write("codes.csv", "gemeente_code;gemeentenaam;aantal\nGM0014;GRONINGEN;5\nGM0518;Den Haag;6\n");
    TableImportOptions options;
    options.regions = &layer;
    const ImportedTable coded = ImportTable(by_code, options);
    EXPECT_EQ(coded.report.rows_landed, 2);
    EXPECT_NE(coded.report.mapping.find("region: gemeente_code;"), std::string::npos) << coded.report.mapping;
    EXPECT_EQ(NoteWith(coded.report, "joined by name"), nullptr);

    // Codes of another system (none known): the name column, all of whose values are names
    // of the layer, joins instead, and the report says so.
    const std::string by_name = Write("names.csv", "gemeente_code;gemeentenaam;aantal\n"
                                                   "0014X;GRONINGEN;5\n0518X;Den Haag;6\n9999X;Atlantis;7\n"
                                                   "1979X;Eemsdelta;8\n");
    const ImportedTable named = ImportTable(by_name, options);
    EXPECT_NE(named.report.mapping.find("region: gemeentenaam (names)"), std::string::npos) << named.report.mapping;
    EXPECT_EQ(named.report.rows_landed, 3);
    const core::DimensionColumn& region = named.dataset.dimensions[named.dataset.FindDimension("gemeentenaam")];
    EXPECT_EQ(region.ValueAt(0), "GM0014");
    EXPECT_EQ(region.ValueAt(1), "GM0518") << "Den Haag is the official short name of 's-Gravenhage";
    EXPECT_EQ(region.ValueAt(2), "GM1979");
    EXPECT_GE(named.dataset.FindDimension("gemeente_code"), 0) << "the failed codes stay as an attribute";
    ASSERT_EQ(named.report.rejected.size(), 1u);
    EXPECT_EQ(named.report.rejected[0].row, 4);
    EXPECT_EQ(named.report.rejected[0].reason, "unknown region name (not in layer gemeente)");
    const std::string* warning = NoteWith(named.report, "joined by name, not code");
    ASSERT_NE(warning, nullptr);
    EXPECT_NE(warning->find("3 names matched layer gemeente (column gemeentenaam), 1 not: Atlantis"), std::string::npos) << *warning;
}

TEST_F(RegionJoinTest, AColumnWithAFewNamesAmongOtherTextsIsNoRegionColumn)
{
    // School names that contain or equal a place name are not a region column: under half of
    // the values are names of the layer.
    const core::RegionLayer layer = Layer("gemeente", {{"GM0014", "Groningen"}, {"GM0034", "Almere"}});
    const std::string path = Write("scholen.csv", "school;aantal\nGroningen;5\nDe Wegwijzer;6\nHet Anker;7\nDe Regenboog;8\n");
    TableImportOptions options;
    options.regions = &layer;
    const ImportedTable t = ImportTable(path, options);
    EXPECT_NE(t.report.mapping.find("region: none"), std::string::npos) << t.report.mapping;
    EXPECT_EQ(t.report.rows_landed, 4);
    const TableFile file = TableFile::Read(path);
    EXPECT_EQ(file.RegionMatches(layer), 0u);
}

TEST_F(RegionJoinTest, NamesTwoFeaturesShareAreNeverJoined)
{
    // A user-made layer with two regions called "Bergen" (in Noord-Holland and Limburg).
    const core::RegionLayer layer = Layer("eigen_regio", {{"R1", "Bergen"}, {"R2", "Bergen"}, {"R3", "Laren"}});
    const std::string path = Write("t.csv", "regio;jaar;aantal\nBergen;2020;1\nLaren;2020;2\nBERGEN;2021;3\n");
    TableImportOptions options;
    options.regions = &layer;
    options.region_column = "regio";
    const ImportedTable t = ImportTable(path, options);
    EXPECT_EQ(t.report.rows_landed, 1);
    ASSERT_EQ(t.report.rejected.size(), 2u);
    for (const core::ImportIssue& issue : t.report.rejected)
        EXPECT_EQ(issue.reason, "ambiguous region name (several features of layer eigen_regio have it)");
    const std::string* note = NoteWith(t.report, "shared by several features");
    ASSERT_NE(note, nullptr);
    EXPECT_NE(note->find("2 names are shared by several features of layer eigen_regio and never joined by name: BERGEN (1 row), "
                         "Bergen (1 row)"),
              std::string::npos)
        << *note;
}

// gemeente_provincie_2025.csv has province names, and writes "Friesland" where the CBS
// boundaries say "Fryslân": its municipality codes fail on the province layer, its names join.
TEST_F(RegionJoinTest, RealProvinceNamesJoinTheProvinceLayerByName)
{
    const char* kFile = "data/real/gemeente_provincie_2025.csv";
    VAK_REQUIRE_SHARED(kFile);
    VAK_REQUIRE_SHARED("geodata/cbs/provincie_2025.topojson");
    RegionReadOptions read;
    read.build_mesh = false;
    const core::RegionLayer provinces = ReadRegionLayer(test::SharedFile("geodata/cbs/provincie_2025.topojson"), read);
    // Rows per province name, counted in the test from the file's lines.
    std::map<std::string, long> rows_per_name;
    std::ifstream in(test::SharedFile(kFile));
    std::string line;
    std::getline(in, line);
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        ++rows_per_name[line.substr(line.find(';') + 1)];
    }
    ASSERT_EQ(rows_per_name.size(), 12u);
    ASSERT_GT(rows_per_name.count("Friesland"), 0u);
    std::map<std::string, std::string> code_of_name;
    for (const core::RegionFeature& f : provinces.features)
        code_of_name[f.name] = f.code;
    ASSERT_EQ(code_of_name.count("Friesland"), 0u) << "the layer says Fryslân";
    ASSERT_EQ(code_of_name.count("Fryslân"), 1u);

    TableImportOptions options;
    options.regions = &provinces;
    const ImportedTable t = ImportTable(test::SharedFile(kFile), options);
    EXPECT_EQ(t.report.rows_landed, 342);
    EXPECT_TRUE(t.report.rejected.empty());
    const std::string* warning = NoteWith(t.report, "joined by name, not code: 12 names matched");
    EXPECT_NE(warning, nullptr);
    const core::DimensionColumn& region = t.dataset.dimensions[t.dataset.FindDimension("province")];
    std::map<std::string, long> rows_per_code;
    for (std::size_t r = 0; r < t.dataset.RowCount(); ++r)
        ++rows_per_code[region.ValueAt(r)];
    for (const auto& [name, rows] : rows_per_name) {
        const std::string layer_name = name == "Friesland" ? "Fryslân" : name;
        ASSERT_EQ(code_of_name.count(layer_name), 1u) << name;
        EXPECT_EQ(rows_per_code[code_of_name[layer_name]], rows) << name;
    }
}

// DUO writes each municipality's code and its name in capitals: joined by the names, every row
// must land on the region its code names, and the names that differ from the layer's (it says
// "Hengelo (O.)" where DUO says HENGELO) are reported, not guessed.
TEST_F(RegionJoinTest, RealDuoNamesAgreeWithTheirCodes)
{
    const char* kDuo = "data/real/duo_po_leerlingen_per_vestiging_1996_2025.csv";
    VAK_REQUIRE_SHARED(kDuo);
    VAK_REQUIRE_SHARED("geodata/cbs/gemeente_2025.topojson");
    RegionReadOptions read;
    read.build_mesh = false;
    const core::RegionLayer gemeenten = ReadRegionLayer(test::SharedFile("geodata/cbs/gemeente_2025.topojson"), read);
    TableImportOptions options;
    options.regions = &gemeenten;
    options.region_column = "GEMEENTENAAM_VESTIGING";
    const ImportedTable t = ImportTable(test::SharedFile(kDuo), options);
    const core::Dataset& ds = t.dataset;
    const core::DimensionColumn& by_name = ds.dimensions[ds.FindDimension("GEMEENTENAAM_VESTIGING")];
    const core::DimensionColumn& code = ds.dimensions[ds.FindDimension("GEMEENTECODE_VESTIGING")];
    ASSERT_GT(ds.RowCount(), 9000u * 30);
    for (std::size_t r = 0; r < ds.RowCount(); ++r) {
        const std::string digits = code.ValueAt(r);
        ASSERT_EQ(by_name.ValueAt(r), "GM" + std::string(4 - digits.size(), '0') + digits) << "row " << r;
    }
    std::set<std::string> unmatched;
    for (const core::ImportIssue& issue : t.report.rejected) {
        EXPECT_EQ(issue.reason, "unknown region name (not in layer " + gemeenten.name + ")");
        unmatched.insert(issue.value);
    }
    EXPECT_EQ(t.report.rows_landed + static_cast<long>(t.report.rejected.size()) * 30, 9737L * 30);
    EXPECT_EQ(unmatched.count("HENGELO"), 1u);
    EXPECT_EQ(unmatched.count("ONBEKEND"), 1u);
    EXPECT_EQ(unmatched.count("SÚDWEST-FRYSLÂN"), 0u) << "capitals and accents are no obstacle";
    const std::string* warning = NoteWith(t.report, "joined by name, not code");
    ASSERT_NE(warning, nullptr);
    EXPECT_NE(warning->find(std::to_string(unmatched.size()) + " not: "), std::string::npos) << *warning;
}

TEST_F(RegionJoinTest, LoadDataFilesChoosesTheLevelWhoseNamesATableHas)
{
    core::Workspace workspace;
    workspace.AddLayer(Layer("gemeente", {{"GM0014", "Groningen"}, {"GM0080", "Leeuwarden"}, {"GM0106", "Assen"}}));
    workspace.AddLayer(Layer("provincie", {{"PV20", "Groningen"}, {"PV21", "Fryslân"}, {"PV22", "Drenthe"}}));
    core::TableFileOptions tables;
    tables.files = {Write("prov.csv", "provincie;jaar;vacatures\nGroningen;2024;10\nFriesland;2024;20\nDrenthe;2024;30\n"),
                    Write("gem.csv", "gemeente_code;jaar;leerlingen\n14;2024;100\n80;2024;200\n106;2024;300\n")};
    LoadDataFiles(tables, workspace);
    ASSERT_EQ(workspace.Tables().size(), 2u);
    EXPECT_EQ(workspace.Tables()[0]->joined_layer, "provincie") << "three names against one (Groningen)";
    EXPECT_EQ(workspace.Tables()[0]->report.rows_landed, 3);
    EXPECT_NE(NoteWith(workspace.Tables()[0]->report, "joined by name, not code"), nullptr);
    EXPECT_EQ(workspace.Tables()[1]->joined_layer, "gemeente");
    EXPECT_EQ(NoteWith(workspace.Tables()[1]->report, "joined by name"), nullptr);
}

} // namespace
} // namespace vak::io
