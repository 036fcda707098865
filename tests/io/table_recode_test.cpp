// Municipal mergers: unknown codes grouped with a hint, and a conversion table (old code -> new
// code, share) applied before the join, keeping totals and suppression.
#include "core/data/recode.hpp"
#include "core/errors.hpp"
#include "io/region_reader.hpp"
#include "io/region_recode.hpp"
#include "io/table_import.hpp"
#include "support/shared_data.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <numeric>
#include <sstream>

namespace vak::io {
namespace {

std::vector<std::int64_t> Split(std::int64_t count, std::initializer_list<double> shares)
{
    std::vector<core::RecodeTarget> targets;
    for (double share : shares)
        targets.push_back({"X", share});
    return core::SplitCount(count, targets);
}

TEST(SplitCount, LargestRemainderKeepsTheTotal)
{
    // 10 x 1/3 each: plain rounding gives 3 + 3 + 3 = 9; the unit left goes to the largest
    // fraction (0.334 of the third share).
    EXPECT_EQ(Split(10, {0.3333, 0.3333, 0.3334}), (std::vector<std::int64_t>{3, 3, 4}));
    // 3.5 and 6.5: a tie goes to the earlier new code.
    EXPECT_EQ(Split(10, {0.35, 0.65}), (std::vector<std::int64_t>{4, 6}));
    // 12.5, 37.5, 50: one unit left, the first of the two halves gets it.
    EXPECT_EQ(Split(100, {0.125, 0.375, 0.5}), (std::vector<std::int64_t>{13, 37, 50}));
    EXPECT_EQ(Split(0, {0.5, 0.5}), (std::vector<std::int64_t>{0, 0}));
    EXPECT_EQ(Split(57, {1.0}), (std::vector<std::int64_t>{57}));
    // Shares that sum to 1 within the tolerance (1.0005) are normalised: the total still holds.
    for (std::int64_t count : std::vector<std::int64_t>{1, 7, 999, 123457, 9007199254740}) {
        const auto parts = Split(count, {0.2001, 0.3002, 0.5002});
        EXPECT_EQ(std::accumulate(parts.begin(), parts.end(), std::int64_t{0}), count) << count;
        for (std::int64_t part : parts)
            EXPECT_GE(part, 0);
    }
}

class RecodeTest : public ::testing::Test {
protected:
    std::string Write(const std::string& name, const std::string& text)
    {
        const std::string path = (m_dir.Path() / name).string();
        std::ofstream(path, std::ios::binary) << text;
        return path;
    }
    std::string ReadError(const std::string& name, const std::string& text)
    {
        const std::string path = Write(name, text);
        try {
            ReadRecodeTable(path);
        } catch (const core::InputError& e) {
            return e.what();
        }
        ADD_FAILURE() << text << " accepted";
        return "";
    }
    test::TempDir m_dir{"vak_recode"};
};

TEST_F(RecodeTest, AnySeparatorAndDutchDecimalComma)
{
    for (const char* text : {"oud;nieuw;aandeel\nGM0024;GM1979;0,6\nGM0024;GM0014;0,4\nGM0003;GM1979;\n",
                             "old_code,new_code,share\nGM0024,GM1979,0.6\nGM0024,GM0014,0.4\nGM0003,GM1979,1\n",
                             "van\tnaar\taandeel\nGM0024\tGM1979\t0.6\nGM0024\tGM0014\t0.4\nGM0003\tGM1979\t1\n"}) {
        const core::RecodeTable table = ReadRecodeTable(Write("conv.csv", text));
        const core::RecodeRule* rule = table.Find("24");
        ASSERT_NE(rule, nullptr) << text;
        ASSERT_EQ(rule->targets.size(), 2u);
        EXPECT_EQ(rule->targets[1].code, "GM0014");
        EXPECT_DOUBLE_EQ(rule->targets[1].share, 0.4);
        ASSERT_NE(table.Find("GM0003"), nullptr);
        EXPECT_DOUBLE_EQ(table.Find("GM0003")->targets[0].share, 1.0) << "an empty share is the whole region";
        EXPECT_EQ(table.Find("GM0014"), nullptr);
    }
}

TEST_F(RecodeTest, BadRowsAreErrorsNamingFileRowAndField)
{
    const std::pair<const char*, std::vector<const char*>> cases[] = {
        {"oud;nieuw;aandeel\nGM0003;GM1979;1\nGM0024;GM1979;1,5\n", {"line 3, aandeel: '1,5' is not a share between 0 and 1"}},
        {"oud;nieuw;aandeel\nGM0003;GM1979;-0.1\n", {"line 2, aandeel: '-0.1' is not a share"}},
        {"oud;nieuw;aandeel\nGM0003;GM1979;veel\n", {"line 2, aandeel: 'veel'"}},
        {"oud;nieuw;aandeel\nGM0024;GM1979;0.6\nGM0024;GM0014;0.3\n",
         {"old code GM0024 (lines 2, 3): shares sum to 0.9, not 1"}},
        {"oud;nieuw;aandeel\nGM0003;;1\n;GM1979;1\n", {"line 2, nieuw: empty code", "line 3, oud: empty code"}},
        {"oud;nieuw\nGM0003;GM1979\nGM0003;GM1979\n", {"line 3: GM0003 -> GM1979 is already given in line 2"}},
        {"oud;nieuw\nGM0003;GM0010\nGM0010;GM1979\n", {"new code GM0010 (of old code GM0003) is itself converted further"}},
        {"oud;nieuw;aandeel\nGM0003;GM1979;1;x\n", {"line 2: 4 fields, the header has 3"}},
        {"oud;nieuw;opmerking\nGM0003;GM1979;fusie 2021\n", {"unknown column 'opmerking'"}},
        {"oud;aandeel\nGM0003;1\n", {"needs the columns"}},
    };
    for (const auto& [text, expected] : cases) {
        const std::string error = ReadError("conv.csv", text);
        EXPECT_NE(error.find("conv.csv"), std::string::npos) << error;
        for (const char* part : expected)
            EXPECT_NE(error.find(part), std::string::npos) << "expected '" << part << "' in: " << error;
    }
}

core::RegionLayer Layer(std::initializer_list<std::pair<const char*, const char*>> features)
{
    core::RegionLayer layer;
    layer.name = "gemeente_test";
    for (const auto& [code, name] : features) {
        core::RegionFeature f;
        f.code = code;
        f.name = name;
        layer.features.push_back(f);
    }
    layer.BuildIndex();
    return layer;
}

// Values by (region, period) of the first measure, -1 for suppressed.
std::map<std::pair<std::string, std::string>, std::int64_t> ByRegionAndPeriod(const core::Dataset& ds)
{
    std::map<std::pair<std::string, std::string>, std::int64_t> out;
    const core::DimensionColumn& region = ds.dimensions[0];
    const core::DimensionColumn& period = ds.dimensions[1];
    const core::MeasureColumn& m = ds.measures[0];
    for (std::size_t r = 0; r < ds.RowCount(); ++r) {
        const auto key = std::make_pair(region.ValueAt(r), period.ValueAt(r));
        EXPECT_EQ(out.count(key), 0u) << "one row per key: " << key.first << " " << key.second;
        out[key] = m.states[r] == core::ValueState::Suppressed ? -1 : m.counts[r];
    }
    return out;
}

TEST_F(RecodeTest, OldCodesLandOnNewCodesWithSharesSumsAndSuppressionKept)
{
    // Eemsdelta (GM1979) from Appingedam, Delfzijl and part of Loppersum; the rest of Loppersum
    // to Groningen and Midden-Groningen. The three-way shares are made up for the test.
    const std::string conversion = Write("conv.csv", "oud;nieuw;aandeel\n"
                                                     "GM0003;GM1979;1\n"
                                                     "GM0010;GM1979;1\n"
                                                     "GM0024;GM1979;0,3333\n"
                                                     "GM0024;GM0014;0,3333\n"
                                                     "GM0024;GM1952;0,3334\n");
    const std::string table = Write("leerlingen.csv", "gemeente_code;jaar;leerlingen\n"
                                                      "3;2019;101\n"      // line 2: DUO spelling of GM0003
                                                      "GM0010;2019;250\n" // 3
                                                      "GM0024;2019;10\n"  // 4: 3 / 3 / 4
                                                      "GM0014;2019;1000\n"
                                                      "GM1952;2019;500\n"
                                                      "GM0024;2020;<5\n" // 7: suppressed everywhere it lands
                                                      "GM0014;2020;1001\n"
                                                      "GM1979;2021;400\n"
                                                      "GM0003;2019;7\n"); // 10: a second row of line 2's key
    const core::RegionLayer layer = Layer({{"GM0014", "Groningen"}, {"GM1952", "Midden-Groningen"}, {"GM1979", "Eemsdelta"}});
    TableImportOptions options;
    options.recode_file = conversion;
    options.regions = &layer;
    const ImportedTable t = ImportTable(table, options);

    const auto values = ByRegionAndPeriod(t.dataset);
    const std::map<std::pair<std::string, std::string>, std::int64_t> expected = {
        {{"GM1979", "2019"}, 101 + 250 + 3}, {{"GM0014", "2019"}, 1000 + 3}, {{"GM1952", "2019"}, 500 + 4},
        {{"GM1979", "2020"}, -1},            {{"GM0014", "2020"}, -1},       {{"GM1952", "2020"}, -1},
        {{"GM1979", "2021"}, 400},
    };
    EXPECT_EQ(values, expected);
    // The 2019 total over the new codes is the total of the rows read: nothing lost in rounding.
    EXPECT_EQ(values.at({"GM1979", "2019"}) + values.at({"GM0014", "2019"}) + values.at({"GM1952", "2019"}),
              101 + 250 + 10 + 1000 + 500);
    ASSERT_EQ(t.report.rejected.size(), 1u);
    EXPECT_EQ(t.report.rejected[0].row, 10);
    EXPECT_EQ(t.report.rejected[0].reason, "duplicate key with different values than row 2")
        << "two rows of one old code are a duplicate, not a merger";
    EXPECT_EQ(t.report.values_suppressed, 3);
    bool noted = false;
    for (const std::string& note : t.report.notes)
        noted = noted || note.find("4 rows of 3 old codes converted with conv.csv") != std::string::npos;
    EXPECT_TRUE(noted);
    EXPECT_NE(t.report.mapping.find("old codes converted with conv.csv"), std::string::npos) << t.report.mapping;
}

TEST_F(RecodeTest, ConversionTableFromTheSidecarRelativeToTheTable)
{
    std::filesystem::create_directories(m_dir.Path() / "tabellen" / "indeling");
    Write("tabellen/indeling/fusies.csv", "old_code,new_code\nGM0003,GM1979\n");
    Write("tabellen/t.csv", "gemeente_code;jaar;aantal\nGM0003;2020;5\nGM1979;2021;6\n");
    Write("tabellen/t.vakatlas.json", R"json({"recode_file": "indeling/fusies.csv"})json");
    const ImportedTable t = ImportTable((m_dir.Path() / "tabellen" / "t.csv").string());
    const core::DimensionColumn& region = t.dataset.dimensions[t.dataset.FindDimension("gemeente_code")];
    EXPECT_EQ(region.ValueAt(0), "GM1979") << "converted without a layer too";
    EXPECT_EQ(t.report.rows_landed, 2);

    // A broken conversion table stops the import, naming the file.
    Write("tabellen/indeling/fusies.csv", "old_code,new_code,share\nGM0003,GM1979,2\n");
    try {
        ImportTable((m_dir.Path() / "tabellen" / "t.csv").string());
        FAIL() << "a share of 2 accepted";
    } catch (const core::InputError& e) {
        EXPECT_NE(std::string(e.what()).find("fusies.csv: 1 problem in the conversion table:\n  line 2, share: '2'"),
                  std::string::npos)
            << e.what();
    }
}

TEST_F(RecodeTest, APointIsNeverDivided)
{
    const std::string conversion = Write("conv.csv", "oud;nieuw;aandeel\nGM0024;GM1979;0.5\nGM0024;GM0014;0.5\nGM0003;GM1979;1\n");
    const std::string points = Write("punten.csv", "x_rd;y_rd;gemeente_code\n250000;590000;GM0024\n252000;593000;GM0003\n");
    TableImportOptions options;
    options.recode_file = conversion;
    const ImportedTable t = ImportTable(points, options);
    EXPECT_EQ(t.report.rows_landed, 1);
    ASSERT_EQ(t.report.rejected.size(), 1u);
    EXPECT_EQ(t.report.rejected[0].row, 2);
    EXPECT_NE(t.report.rejected[0].reason.find("a point cannot be divided"), std::string::npos);
    EXPECT_EQ(t.dataset.dimensions[0].ValueAt(0), "GM1979");
}

TEST_F(RecodeTest, UnknownCodesAreGroupedWithAHintForFormerMunicipalities)
{
    // GM0003 has figures up to 2019 while the table runs to 2021: merged since. GM9998 has the
    // layer's form but no such history; NL01 is not a municipality code.
    const std::string table = Write("t.csv", "gemeente_code;jaar;aantal\n"
                                             "GM0003;2018;5\nGM0003;2019;6\n"
                                             "GM0014;2018;1\nGM0014;2019;2\nGM0014;2020;3\nGM0014;2021;4\n"
                                             "GM9998;2021;1\nNL01;2021;10\n");
    const core::RegionLayer layer = Layer({{"GM0014", "Groningen"}, {"GM1979", "Eemsdelta"}});
    TableImportOptions options;
    options.regions = &layer;
    const ImportedTable t = ImportTable(table, options);
    EXPECT_EQ(t.report.rows_landed, 4);
    EXPECT_EQ(t.report.rejected.size(), 4u) << "each row still reported";
    std::string note;
    for (const std::string& n : t.report.notes)
        if (n.find("not in layer") != std::string::npos)
            note = n;
    EXPECT_NE(note.find("3 region values not in layer gemeente_test (4 rows not landed)"), std::string::npos) << note;
    EXPECT_NE(note.find("1 look like former codes (GM + 4 digits, figures only up to a period before the table's last, "
                        "2021): municipalities merged since? a conversion table (recode_file) maps old codes to current "
                        "ones: GM0003 (2 rows, up to 2019)"),
              std::string::npos)
        << note;
    EXPECT_NE(note.find("1 have the layer's form (GM + 4 digits) but it lacks them"), std::string::npos) << note;
    EXPECT_NE(note.find("GM9998 (1 row)"), std::string::npos) << note;
    EXPECT_NE(note.find("1 are not codes of this level: NL01 (1 row)"), std::string::npos) << note;
}

// The real 2019 municipality figures against the 2025 boundaries: the municipalities merged
// since are reported, and with a conversion table for one merger (Appingedam, Delfzijl and
// Loppersum into Eemsdelta, GM1979, on 1 January 2021) their population lands on Eemsdelta.
TEST_F(RecodeTest, RealKwb2019FiguresOnTheBoundariesOf2025)
{
    const char* kKwb = "data/real/cbs_kwb_2019_gemeenten.csv";
    VAK_REQUIRE_SHARED(kKwb);
    VAK_REQUIRE_SHARED("geodata/cbs/gemeente_2025.topojson");
    RegionReadOptions read;
    read.build_mesh = false;
    const core::RegionLayer gemeenten = ReadRegionLayer(test::SharedFile("geodata/cbs/gemeente_2025.topojson"), read);
    // The file's codes and populations, read in the test by plain splitting of the rows that
    // have no quoted names.
    std::ifstream in(test::SharedFile(kKwb));
    std::string line;
    std::getline(in, line);
    std::map<std::string, long long> population;
    long unknown_codes = 0;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.find('"') != std::string::npos)
            continue;
        std::stringstream fields(line);
        std::string name, code, value;
        std::getline(fields, name, ',');
        std::getline(fields, code, ',');
        std::getline(fields, value, ',');
        population[code] = std::stoll(value);
        unknown_codes += gemeenten.FindByCode(code) < 0;
    }
    ASSERT_GT(unknown_codes, 3);

    TableImportOptions options;
    options.regions = &gemeenten;
    const ImportedTable plain = ImportTable(test::SharedFile(kKwb), options);
    EXPECT_EQ(static_cast<long>(plain.report.rejected.size()), unknown_codes);
    for (const core::ImportIssue& issue : plain.report.rejected)
        EXPECT_EQ(issue.reason, "unknown region code (not in layer " + gemeenten.name + ")") << issue.value;

    options.recode_file = Write("eemsdelta.csv", "oud;nieuw\nGM0003;GM1979\nGM0010;GM1979\nGM0024;GM1979\n");
    const ImportedTable converted = ImportTable(test::SharedFile(kKwb), options);
    EXPECT_EQ(static_cast<long>(converted.report.rejected.size()), unknown_codes - 3);
    const core::Dataset& ds = converted.dataset;
    const core::DimensionColumn& region = ds.dimensions[ds.FindDimension("unique_id")];
    const core::MeasureColumn& people = ds.measures[ds.FindMeasure("population")];
    const core::DimensionColumn& names = ds.dimensions[ds.FindDimension("region")];
    long long eemsdelta = -1;
    std::size_t eemsdelta_rows = 0;
    for (std::size_t r = 0; r < ds.RowCount(); ++r)
        if (region.ValueAt(r) == "GM1979") {
            eemsdelta = people.counts[r];
            ++eemsdelta_rows;
            EXPECT_EQ(names.ValueAt(r), "") << "not Appingedam, Delfzijl or Loppersum";
        }
    EXPECT_EQ(eemsdelta_rows, 1u) << "three old rows summed into one, their names being attributes of the code";
    EXPECT_EQ(eemsdelta, population.at("GM0003") + population.at("GM0010") + population.at("GM0024"));
    bool noted = false;
    for (const std::string& note : converted.report.notes)
        noted = noted || note.find("column region: one value per region code") != std::string::npos;
    EXPECT_TRUE(noted);
}

} // namespace
} // namespace vak::io
