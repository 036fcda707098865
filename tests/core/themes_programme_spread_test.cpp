// Programme spread on a hand-made enrolment table: distinct programmes per region (any level),
// locations per programme and the unique flag, small programmes at institutions with "<5" and
// missing parts, and the filters. Expected values are worked out from the rows below.
#include "core/aggregate/cpu_engine.hpp"
#include "core/errors.hpp"
#include "core/themes/programme_spread.hpp"

#include <gtest/gtest.h>

#include <set>

namespace vak::core::themes {
namespace {

struct Row {
    const char* location;
    const char* brin;
    const char* crebo;
    const char* gemeente;
    const char* year;
    const char* path;
    ValueState state;
    std::int64_t students;
};

constexpr ValueState K = ValueState::Known;
constexpr ValueState S = ValueState::Suppressed;
constexpr ValueState M = ValueState::Missing;

// GM1 and GM2 lie in PV1, GM3 in PV2.
const Row kRows[] = {
    {"L1", "B1", "100", "GM1", "2025", "BOL", K, 40},  // B1/100: 40 -> small
    {"L1", "B1", "200", "GM1", "2025", "BOL", K, 30},  // B1/200: 30 + "<5" -> at most 34: small
    {"L2", "B1", "200", "GM2", "2025", "BBL", S, 0},
    {"L2", "B1", "300", "GM2", "2025", "BOL", K, 47}, // B1/300: 47 + "<5" -> 48..51: unknown
    {"L2", "B1", "300", "GM2", "2025", "BBL", S, 0},
    {"L3", "B2", "300", "GM3", "2025", "BOL", K, 49}, // B2/300: 49 + "<5" -> 50..53: not small
    {"L3", "B2", "300", "GM3", "2025", "BBL", S, 0},
    {"L3", "B2", "400", "GM3", "2025", "BOL", K, 10}, // B2/400: 10 + missing -> unknown
    {"L3", "B2", "400", "GM3", "2025", "BBL", M, 0},
    {"L3", "B2", "500", "GM3", "2025", "BOL", K, 0},  // a known 0: not offered
    {"L3", "B2", "600", "GM3", "2025", "BOL", K, 60}, // B2/600: 60 -> not small
    {"L1", "B1", "600", "GM1", "2024", "BOL", K, 70}, // another year: never counted for 2025
};

Dataset Enrolment()
{
    Dataset d;
    d.name = "inschrijvingen";
    const char* names[] = {"vestiging_code", "brin", "crebo", "gemeente_code", "jaar", "leerweg"};
    for (const char* n : names) {
        DimensionColumn c;
        c.name = n;
        d.dimensions.push_back(c);
    }
    d.dimensions[3].role = DimensionRole::Region;
    d.dimensions[4].role = DimensionRole::Period;
    MeasureColumn m;
    m.name = "aantal";
    for (const Row& r : kRows) {
        const char* values[] = {r.location, r.brin, r.crebo, r.gemeente, r.year, r.path};
        for (std::size_t i = 0; i < 6; ++i)
            d.dimensions[i].Encode(values[i]);
        m.Append(r.state, r.students, 0);
    }
    d.measures.push_back(m);
    d.SetRowCount(std::size(kRows));
    return d;
}

RegionLayer Gemeenten()
{
    RegionLayer layer;
    layer.name = "gemeente";
    for (const auto& [code, parent] : {std::pair{"GM1", "PV1"}, {"GM2", "PV1"}, {"GM3", "PV2"}}) {
        RegionFeature f;
        f.code = code;
        f.parents = {{"provincie", parent}};
        layer.features.push_back(f);
    }
    return layer;
}

const std::vector<Programme> kCatalogue = {
    {"100", "Bakker", 2, "Voedsel", true, false},       {"200", "Élite kok", 3, "Voedsel", true, true},
    {"300", "Monteur", 3, "Techniek", true, true},      {"400", "Pianotechnicus", 4, "Specialistisch", true, true},
    {"500", "Botenbouwer", 4, "Specialistisch", true, false}, {"600", "Verzorgende", 3, "Zorg", true, false},
};

// What the rows say is offered in 2025 (known > 0 or "<5"), per region: worked out here
// rather than trusted to the code under test.
std::map<std::string, std::set<std::string>> OfferedPer(bool province)
{
    std::map<std::string, std::set<std::string>> offered;
    for (const Row& r : kRows) {
        if (std::string(r.year) != "2025" || !((r.state == K && r.students > 0) || r.state == S))
            continue;
        const std::string g = r.gemeente;
        offered[province ? (g == "GM3" ? "PV2" : "PV1") : g].insert(r.crebo);
    }
    return offered;
}

class ProgrammeSpreadTest : public ::testing::Test {
protected:
    RegionLayer m_layer = Gemeenten();
    LevelTable m_table = BuildLevelTable(Enrolment(), &m_layer);
    agg::CpuEngine m_engine{agg::CpuEngineOptions{1, agg::CubeMode::Auto}};
};

TEST_F(ProgrammeSpreadTest, DistinctProgrammesPerRegionAtEveryLevel)
{
    for (const bool province : {false, true}) {
        const auto counts =
            DistinctProgrammesPerRegion(m_engine, m_table, province ? "provincie" : "gemeente", "2025", {}, kCatalogue);
        const auto expected = OfferedPer(province);
        ASSERT_EQ(counts.size(), expected.size());
        for (const auto& [region, crebos] : expected) {
            ASSERT_TRUE(counts.count(region)) << region;
            EXPECT_DOUBLE_EQ(counts.at(region).value, static_cast<double>(crebos.size())) << region;
        }
    }
    // By hand: GM3 offers 300, 400, 600 (500's known 0 is not an offer); PV1 offers 100, 200, 300.
    const auto gm = DistinctProgrammesPerRegion(m_engine, m_table, "gemeente", "2025", {}, kCatalogue);
    EXPECT_DOUBLE_EQ(gm.at("GM3").value, 3.0);
    EXPECT_DOUBLE_EQ(gm.at("GM2").value, 2.0); // both only as "<5" in BBL for 200, and 300
    EXPECT_THROW(DistinctProgrammesPerRegion(m_engine, m_table, "corop", "2025", {}, kCatalogue), InputError);
}

TEST_F(ProgrammeSpreadTest, FiltersByChamberLevelPathAndSearch)
{
    ProgrammeFilter filter;
    filter.chambers = {"Voedsel"};
    auto gm = DistinctProgrammesPerRegion(m_engine, m_table, "gemeente", "2025", filter, kCatalogue);
    EXPECT_DOUBLE_EQ(gm.at("GM1").value, 2.0); // 100 and 200
    EXPECT_DOUBLE_EQ(gm.at("GM2").value, 1.0); // 200
    EXPECT_EQ(gm.count("GM3"), 0u);

    filter = {};
    filter.levels = {3};
    filter.path = LearningPath::Bbl;
    gm = DistinctProgrammesPerRegion(m_engine, m_table, "gemeente", "2025", filter, kCatalogue);
    EXPECT_DOUBLE_EQ(gm.at("GM2").value, 2.0); // 200 and 300 in BBL, both "<5"
    EXPECT_DOUBLE_EQ(gm.at("GM3").value, 1.0); // 300 in BBL; 400 is level 4
    EXPECT_EQ(gm.count("GM1"), 0u);

    // Search ignores case, accents, spaces and hyphens, and finds a crebo by its start.
    filter = {};
    filter.search = "ELITE-KOK";
    EXPECT_TRUE(Matches(kCatalogue[1], filter));
    EXPECT_FALSE(Matches(kCatalogue[0], filter));
    filter.search = "piano";
    EXPECT_TRUE(Matches(kCatalogue[3], filter));
    filter.search = "40";
    EXPECT_TRUE(Matches(kCatalogue[3], filter));
    EXPECT_FALSE(Matches(kCatalogue[4], filter));
    filter.search = "  ";
    EXPECT_TRUE(Matches(kCatalogue[4], filter));
    filter.search = "élite";
    gm = DistinctProgrammesPerRegion(m_engine, m_table, "gemeente", "2025", filter, kCatalogue);
    EXPECT_DOUBLE_EQ(gm.at("GM1").value, 1.0);
}

TEST_F(ProgrammeSpreadTest, LocationsPerProgrammeAndUniqueFlag)
{
    const auto unique1 = LocationsPerProgramme(m_engine, m_table, "2025", {}, kCatalogue, 1);
    // 100 at L1; 200 at L1 and L2; 300 at L2 and L3; 400 at L3; 600 at L3; 500 nowhere (known 0).
    const std::vector<std::pair<std::string, int>> expected = {{"100", 1}, {"200", 2}, {"300", 2}, {"400", 1}, {"600", 1}};
    ASSERT_EQ(unique1.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(unique1[i].crebo, expected[i].first);
        EXPECT_EQ(unique1[i].locations, expected[i].second);
        EXPECT_EQ(unique1[i].unique, expected[i].second <= 1) << unique1[i].crebo;
    }
    const auto unique2 = LocationsPerProgramme(m_engine, m_table, "2025", {}, kCatalogue, 2);
    for (const ProgrammeLocations& p : unique2)
        EXPECT_TRUE(p.unique) << p.crebo;
}

TEST_F(ProgrammeSpreadTest, SmallProgrammesNeverReadSuppressedAsZero)
{
    const auto list = ProgrammesAtInstitutions(m_engine, m_table, "2025", {}, kCatalogue, 50);
    std::map<std::string, InstitutionProgramme> by;
    for (const InstitutionProgramme& p : list)
        by[p.brin + "/" + p.crebo] = p;
    ASSERT_EQ(by.size(), 6u) << "500 (a known 0) is not offered, 2024 not counted";
    EXPECT_EQ(by["B1/100"].size, SmallState::Small);
    EXPECT_EQ(by["B1/200"].size, SmallState::Small); // 30 + "<5": at most 34
    EXPECT_DOUBLE_EQ(by["B1/200"].high, 34.0);
    EXPECT_EQ(by["B1/300"].size, SmallState::Unknown); // 47 + "<5": 48 to 51
    EXPECT_DOUBLE_EQ(by["B1/300"].low, 48.0);
    EXPECT_DOUBLE_EQ(by["B1/300"].high, 51.0);
    EXPECT_EQ(by["B2/300"].size, SmallState::NotSmall); // 49 + "<5": at least 50
    EXPECT_EQ(by["B2/400"].size, SmallState::Unknown);  // 10 + a missing part
    EXPECT_EQ(by["B2/400"].missing, 1);
    EXPECT_EQ(by["B2/600"].size, SmallState::NotSmall);
    EXPECT_EQ(by["B1/200"].students.suppressed, 1);

    // The threshold is the user's: at 34, B1/200 (31 to 34) is no longer known to be small.
    const auto at34 = ProgrammesAtInstitutions(m_engine, m_table, "2025", {}, kCatalogue, 34);
    for (const InstitutionProgramme& p : at34) {
        if (p.brin == "B1" && p.crebo == "200") {
            EXPECT_EQ(p.size, SmallState::Unknown);
        }
    }
}

TEST(ClassifySize, BoundsDecide)
{
    EXPECT_EQ(ClassifySize(45, 1, 0, 50), SmallState::Small);  // at most 49
    EXPECT_EQ(ClassifySize(46, 1, 0, 50), SmallState::Unknown); // 47..50
    EXPECT_EQ(ClassifySize(0, 1, 0, 5), SmallState::Small);    // "<5" alone is below 5
    EXPECT_EQ(ClassifySize(50, 0, 0, 50), SmallState::NotSmall);
    EXPECT_EQ(ClassifySize(60, 0, 3, 50), SmallState::NotSmall); // a missing part only adds
    EXPECT_EQ(ClassifySize(10, 0, 1, 50), SmallState::Unknown);
}

// Symbols: per location the known students of the programmes passing the filter; "<5" parts
// counted, never added as a number; a location offering only a known 0 has no symbol.
TEST_F(ProgrammeSpreadTest, StudentsPerLocationKeepSuppressedPartsApart)
{
    const std::map<std::string, RegionValue> all = StudentsPerLocation(m_engine, m_table, "2025", {}, kCatalogue);
    ASSERT_EQ(all.size(), 3u);
    EXPECT_DOUBLE_EQ(all.at("L1").value, 40.0 + 30.0); // the 2024 row left out
    EXPECT_EQ(all.at("L1").suppressed, 0);
    EXPECT_DOUBLE_EQ(all.at("L2").value, 47.0);
    EXPECT_EQ(all.at("L2").suppressed, 2);
    EXPECT_DOUBLE_EQ(all.at("L3").value, 49.0 + 10.0 + 60.0);
    EXPECT_EQ(all.at("L3").suppressed, 1);
    // BBL only: L2 has just "<5" parts (200, 300): unknown, no number; L3's 300 is "<5" and its
    // 400 has no value at all.
    ProgrammeFilter bbl;
    bbl.path = LearningPath::Bbl;
    const std::map<std::string, RegionValue> work = StudentsPerLocation(m_engine, m_table, "2025", bbl, kCatalogue);
    ASSERT_EQ(work.count("L1"), 0u);
    ASSERT_EQ(work.count("L2"), 1u);
    EXPECT_NE(work.at("L2").state, agg::GroupState::Known);
    EXPECT_EQ(work.at("L2").suppressed, 2);
    EXPECT_DOUBLE_EQ(work.at("L2").value, 0.0);
    // Chamber Specialistisch (400 and 500): L3 only, where 500 is a known 0 and 400 BOL has 10.
    ProgrammeFilter special;
    special.chambers = {"Specialistisch"};
    const std::map<std::string, RegionValue> crafts = StudentsPerLocation(m_engine, m_table, "2025", special, kCatalogue);
    ASSERT_EQ(crafts.size(), 1u);
    EXPECT_DOUBLE_EQ(crafts.at("L3").value, 10.0);
    // Level 4 at L1: nothing offered there.
    ProgrammeFilter level4;
    level4.levels = {4};
    EXPECT_EQ(StudentsPerLocation(m_engine, m_table, "2025", level4, kCatalogue).count("L1"), 0u);
}

// The size legend's round values: 1, 2 or 5 times a power of ten at or below the largest
// symbol, a quarter and a twentieth of it, never repeated.
TEST(SymbolLegend, RoundValuesBelowTheLargest)
{
    EXPECT_EQ(SymbolLegendValues(12345), (std::vector<double>{10000, 2000, 500}));
    EXPECT_EQ(SymbolLegendValues(5000), (std::vector<double>{5000, 1000, 200}));
    EXPECT_EQ(SymbolLegendValues(8), (std::vector<double>{5, 2}));   // 8/20 is below 1
    EXPECT_EQ(SymbolLegendValues(1), (std::vector<double>{1}));
    EXPECT_TRUE(SymbolLegendValues(0).empty());
}

} // namespace
} // namespace vak::core::themes
