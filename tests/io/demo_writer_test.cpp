// The synthetic demo data set on the real municipalities of 2025 (geodata/gemeenten_2025.csv):
// calibrated on the figures of shared/domain.md, deterministic down to the bytes of the files,
// readable by GDAL, marked synthetic everywhere, and never written over a user's folder.
#include "core/demo/demo_data.hpp"
#include "core/errors.hpp"
#include "io/demo_geography.hpp"
#include "io/demo_writer.hpp"
#include "io/vector_source.hpp"
#include "support/temp_dir.hpp"

#include <cpl_json.h>
#include <ogr_api.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

namespace vak::io {
namespace {

namespace fs = std::filesystem;

const std::string kFacts = std::string(VAK_TEST_SOURCE_DIR) + "/geodata/gemeenten_2025.csv";

const std::vector<core::DemoMunicipality>& Municipalities()
{
    static const std::vector<core::DemoMunicipality> ms = DemoMunicipalitiesFromFacts(ReadMunicipalityFacts(kFacts));
    return ms;
}

const core::DemoData& Demo()
{
    static const core::DemoData data = core::GenerateDemoData(Municipalities());
    return data;
}

// Every table with the points of one quarter (about 390,000): the same code paths as the full
// set at a quarter of the writing time, which ctest pays per test process.
const core::DemoData& FileDemo()
{
    static const core::DemoData data = [] {
        core::DemoOptions options;
        options.point_quarters = 1;
        return core::GenerateDemoData(Municipalities(), options);
    }();
    return data;
}

// The same tables without vacancy points: quick to write, for the folder rules.
const core::DemoData& SmallDemo()
{
    static const core::DemoData data = [] {
        core::DemoOptions options;
        options.point_quarters = 0;
        return core::GenerateDemoData(Municipalities(), options);
    }();
    return data;
}

std::string ReadAll(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<std::string> Listing(const fs::path& dir)
{
    std::vector<std::string> names;
    for (const fs::directory_entry& e : fs::directory_iterator(dir))
        names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

std::vector<std::string> SortedDemoNames()
{
    std::vector<std::string> names = DemoFileNames();
    std::sort(names.begin(), names.end());
    return names;
}

// Students in the last enrolment year per institution, and the distinct programmes (crebo x
// learning path) each offers that year.
struct InstitutionTotals {
    std::map<int, double> students;
    std::map<int, std::set<std::pair<int, int>>> programmes;
};

InstitutionTotals Totals(const core::DemoData& d)
{
    InstitutionTotals t;
    for (const core::DemoEnrolment& e : d.enrolments)
        if (e.year == d.last_enrolment_year) {
            const int i = d.locations[e.location].institution;
            t.students[i] += e.students;
            t.programmes[i].insert({e.programme, static_cast<int>(e.path)});
        }
    return t;
}

// --- Calibration (domain.md) -------------------------------------------------------------------

TEST(DemoCalibration, AboutHalfAMillionMboStudentsIn2025)
{
    const core::DemoData& d = Demo();
    ASSERT_EQ(d.municipalities.size(), 342u);
    double residents = 0;
    for (const core::DemoPupilSeries& s : d.pupils.series)
        residents += s.mbo_students[d.pupils.YearIndex(2025)];
    EXPECT_GE(residents, 450000);
    EXPECT_LE(residents, 550000);

    double enrolled = 0;
    for (const core::DemoEnrolment& e : d.enrolments)
        if (e.year == 2025)
            enrolled += e.students;
    EXPECT_GE(enrolled, 450000);
    EXPECT_LE(enrolled, 550000);

    double inhabitants = 0;
    for (const core::DemoMunicipality& m : d.municipalities)
        inhabitants += m.population;
    EXPECT_NEAR(inhabitants, 18.0e6, 0.5e6);
}

TEST(DemoCalibration, InstitutionSizesAsInPractice)
{
    const core::DemoData& d = Demo();
    EXPECT_GE(d.institutions.size(), 55u);
    EXPECT_LE(d.institutions.size(), 65u);
    const InstitutionTotals t = Totals(d);
    int large_with_120 = 0, small = 0;
    for (const auto& [i, students] : t.students) {
        if (students >= 11000 && students <= 12500 && t.programmes.at(i).size() >= 120)
            ++large_with_120;
        if (students >= 1500 && students <= 3300)
            ++small;
    }
    EXPECT_GE(large_with_120, 1);
    EXPECT_GE(small, 5);
}

TEST(DemoCalibration, ThreeQuartersBol)
{
    const core::DemoData& d = Demo();
    double bol = 0, all = 0;
    for (const core::DemoEnrolment& e : d.enrolments)
        if (e.year == 2025) {
            all += e.students;
            bol += e.path == core::DemoPath::Bol ? e.students : 0;
        }
    EXPECT_GE(bol / all, 0.70);
    EXPECT_LE(bol / all, 0.80);
}

TEST(DemoCalibration, UniqueAndSmallProgrammes)
{
    const core::DemoData& d = Demo();
    std::map<int, std::set<int>> locations_of;
    std::map<std::pair<int, int>, int> at_location; // (location, programme) -> students
    for (const core::DemoEnrolment& e : d.enrolments)
        if (e.year == 2025) {
            locations_of[e.programme].insert(e.location);
            at_location[{e.location, e.programme}] += e.students;
        }
    int unique = 0;
    for (const auto& [programme, locations] : locations_of)
        unique += locations.size() == 1;
    EXPECT_GE(unique, 5);
    int small = 0;
    for (const auto& [key, students] : at_location)
        small += students < 50;
    EXPECT_GE(small, 0.20 * at_location.size());
    // The named crafts of domain.md are among them.
    for (const char* craft : {"Pianotechnicus", "Botenbouwer", "Natuursteenbewerker", "Lijstenmaker en vergulder"}) {
        const auto it = std::find_if(d.programmes.begin(), d.programmes.end(), [&](const core::DemoProgramme& p) { return p.name == craft; });
        ASSERT_NE(it, d.programmes.end()) << craft;
        EXPECT_EQ(locations_of[static_cast<int>(it - d.programmes.begin())].size(), 1u) << craft;
    }
}

TEST(DemoCalibration, PeripheryShrinksCitiesHold)
{
    const core::DemoData& d = Demo();
    const core::DemoPupils& p = d.pupils;
    double y2025[3] = {}, y2035[3] = {};
    for (const core::DemoPupilSeries& s : p.series) {
        y2025[static_cast<int>(s.kind)] += s.mbo_students[p.YearIndex(2025)];
        y2035[static_cast<int>(s.kind)] += s.mbo_students[p.YearIndex(2035)];
    }
    const int city = static_cast<int>(core::DemoAreaKind::City), periphery = static_cast<int>(core::DemoAreaKind::Periphery);
    const double periphery_change = y2035[periphery] / y2025[periphery] - 1;
    EXPECT_LE(periphery_change, -0.15);
    EXPECT_GE(periphery_change, -0.30);
    EXPECT_GE(y2035[city] / y2025[city] - 1, -0.05);

    auto kind_of = [&](const char* code) {
        for (std::size_t i = 0; i < d.municipalities.size(); ++i)
            if (d.municipalities[i].code == code)
                return p.series[i].kind;
        ADD_FAILURE() << code;
        return core::DemoAreaKind::Intermediate;
    };
    EXPECT_EQ(kind_of("GM0363"), core::DemoAreaKind::City);      // Amsterdam
    EXPECT_EQ(kind_of("GM0599"), core::DemoAreaKind::City);      // Rotterdam
    EXPECT_EQ(kind_of("GM1714"), core::DemoAreaKind::Periphery); // Sluis, Zeeuws-Vlaanderen
    EXPECT_EQ(kind_of("GM1966"), core::DemoAreaKind::Periphery); // Het Hogeland, Ommelanden
    EXPECT_EQ(kind_of("GM1859"), core::DemoAreaKind::Periphery); // Berkelland, Achterhoek
    EXPECT_EQ(kind_of("GM0014"), core::DemoAreaKind::Intermediate); // the city of Groningen holds
}

TEST(DemoCalibration, OverAMillionVacancyPointsThatAgreeWithTheTable)
{
    const core::DemoData& d = Demo();
    const core::DemoVacancies& v = d.vacancies;
    EXPECT_GE(v.points.size(), 1000000u);
    EXPECT_EQ(v.region_codes.size(), 35u);
    std::map<std::tuple<int, int, int>, int> counted;
    for (const core::DemoVacancyPoint& p : v.points)
        ++counted[{p.quarter, p.region, p.sector}];
    long table = 0;
    for (int q = 0; q < static_cast<int>(v.quarters.size()); ++q)
        for (int r = 0; r < static_cast<int>(v.region_codes.size()); ++r)
            for (int s = 0; s < static_cast<int>(v.sectors.size()); ++s) {
                const auto it = counted.find({q, r, s});
                const int points = it == counted.end() ? 0 : it->second;
                ASSERT_EQ(points, q >= v.first_point_quarter ? v.Count(q, r, s) : 0) << q << " " << r << " " << s;
                if (q >= v.first_point_quarter)
                    table += v.Count(q, r, s);
            }
    EXPECT_EQ(table, static_cast<long>(v.points.size()));

    // Each point lies near its own region: inside the box of the region's municipalities' points
    // grown by 25 km.
    std::vector<double> x0(v.region_codes.size(), 1e9), y0(x0), x1(v.region_codes.size(), -1e9), y1(x1);
    for (const core::DemoMunicipality& m : d.municipalities) {
        const int r = static_cast<int>(std::find(v.region_codes.begin(), v.region_codes.end(), m.labour_region_code) - v.region_codes.begin());
        x0[r] = std::min(x0[r], m.x - 25000);
        x1[r] = std::max(x1[r], m.x + 25000);
        y0[r] = std::min(y0[r], m.y - 25000);
        y1[r] = std::max(y1[r], m.y + 25000);
    }
    std::size_t outside = 0;
    for (const core::DemoVacancyPoint& p : v.points)
        outside += p.x < x0[p.region] || p.x > x1[p.region] || p.y < y0[p.region] || p.y > y1[p.region];
    EXPECT_EQ(outside, 0u);
}

TEST(DemoCalibration, SameSeedSameDataOnTheRealMunicipalities)
{
    EXPECT_EQ(core::DemoFingerprint(Demo()), core::DemoFingerprint(core::GenerateDemoData(Municipalities())));
    core::DemoOptions other;
    other.seed = 7;
    EXPECT_NE(core::DemoFingerprint(Demo()), core::DemoFingerprint(core::GenerateDemoData(Municipalities(), other)));
}

// --- Files -------------------------------------------------------------------------------------

TEST(DemoWriter, TwoRunsWriteTheSameBytesAndGdalOpensEveryTable)
{
    test::TempDir dir("vak_demo_files");
    const fs::path a = dir.Path() / "a" / "demo"; // created by the writer, parents included
    const fs::path b = dir.Path() / "b";
    const std::vector<std::string> written = WriteDemoData(FileDemo(), a.string());
    EXPECT_EQ(written.size(), DemoFileNames().size());
    WriteDemoData(FileDemo(), b.string());
    ASSERT_EQ(Listing(a), SortedDemoNames()); // no temporary folder left behind
    ASSERT_EQ(Listing(b), SortedDemoNames());
    for (const std::string& name : DemoFileNames())
        EXPECT_TRUE(ReadAll(a / name) == ReadAll(b / name)) << name << " differs between two runs";

    const std::string readme = ReadAll(a / "README.txt");
    EXPECT_NE(readme.find("SYNTHETISCHE DEMODATA"), std::string::npos);
    EXPECT_NE(readme.find("SYNTHETIC DEMO DATA"), std::string::npos);
    EXPECT_NE(readme.find("seed " + std::to_string(core::kDefaultDemoSeed)), std::string::npos);

    for (const std::string& name : DemoFileNames()) {
        if (name.size() < 4 || name.substr(name.size() - 4) != ".csv")
            continue;
        const std::string table = name.substr(0, name.size() - 4);
        CPLJSONDocument sidecar;
        ASSERT_TRUE(sidecar.Load((a / (table + ".source.json")).string())) << table;
        const CPLJSONObject root = sidecar.GetRoot();
        EXPECT_EQ(root.GetString("source"), "synthetische demodata (vakatlas demo)") << table;
        EXPECT_TRUE(root.GetBool("synthetic", false)) << table;
        EXPECT_EQ(root.GetLong("seed", -1), static_cast<GInt64>(core::kDefaultDemoSeed)) << table;
        for (const char* key : {"unit", "period", "description"})
            EXPECT_FALSE(root.GetString(key).empty()) << table << " " << key;

        const OpenedVector opened = OpenVector((a / name).string());
        EXPECT_EQ(opened.driver, "CSV");
        OGRLayerH layer = GDALDatasetGetLayer(opened.Get(), 0);
        ASSERT_NE(layer, nullptr) << table;
        EXPECT_EQ(OGR_L_GetFeatureCount(layer, TRUE), root.GetLong("rows", -1)) << table;
        const CPLJSONObject columns = root.GetObj("columns");
        OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
        EXPECT_EQ(OGR_FD_GetFieldCount(defn), static_cast<int>(columns.GetChildren().size())) << table;
        for (const CPLJSONObject& column : columns.GetChildren())
            EXPECT_GE(OGR_FD_GetFieldIndex(defn, column.GetName().c_str()), 0) << table << "." << column.GetName();
    }

    // Coordinates come back as whole RD New metres inside the Netherlands.
    const OpenedVector points = OpenVector((a / "vacature_punten.csv").string());
    OGRLayerH layer = GDALDatasetGetLayer(points.Get(), 0);
    OGRFeatureH first = OGR_L_GetNextFeature(layer);
    ASSERT_NE(first, nullptr);
    const std::string x = OGR_F_GetFieldAsString(first, 0);
    const std::string y = OGR_F_GetFieldAsString(first, 1);
    OGR_F_Destroy(first);
    EXPECT_EQ(x.find_first_not_of("0123456789"), std::string::npos) << x;
    EXPECT_GT(std::stoi(x), 0);
    EXPECT_LT(std::stoi(x), 300000);
    EXPECT_GT(std::stoi(y), 300000);
    EXPECT_LT(std::stoi(y), 650000);
}

TEST(DemoWriter, RefusesAFolderWithOtherFilesAndLeavesItAlone)
{
    test::TempDir dir("vak_demo_refuse");
    std::ofstream(dir.Path() / "notities.txt") << "mijn eigen bestand\n";
    std::ofstream(dir.Path() / "leerlingen_gemeente.csv") << "niet van de demo\n"; // a demo name, kept
    fs::create_directories(dir.Path() / "kaarten");
    const std::vector<std::string> before = Listing(dir.Path());
    try {
        WriteDemoData(SmallDemo(), dir.Path().string());
        FAIL() << "a folder with other files was written to";
    } catch (const core::InputError& e) {
        const std::string msg = e.what();
        EXPECT_NE(msg.find(dir.Path().string()), std::string::npos) << msg;
        EXPECT_NE(msg.find("not empty"), std::string::npos) << msg;
    }
    EXPECT_EQ(Listing(dir.Path()), before);
    EXPECT_EQ(ReadAll(dir.Path() / "notities.txt"), "mijn eigen bestand\n");
    EXPECT_EQ(ReadAll(dir.Path() / "leerlingen_gemeente.csv"), "niet van de demo\n");

    // The whole command refuses before it reads or generates anything.
    EXPECT_THROW(WriteDemo(dir.Path().string(), kFacts), core::InputError);
    EXPECT_EQ(Listing(dir.Path()), before);
}

TEST(DemoWriter, RefusesAFolderThatCannotBeCreated)
{
    test::TempDir dir("vak_demo_nofolder");
    const fs::path file = dir.Path() / "bestand.txt";
    std::ofstream(file) << "x";
    EXPECT_THROW(WriteDemoData(SmallDemo(), file.string()), core::InputError);          // a file, not a folder
    EXPECT_THROW(WriteDemoData(SmallDemo(), (file / "demo").string()), core::InputError); // below a file
    EXPECT_EQ(ReadAll(file), "x");
    EXPECT_EQ(Listing(dir.Path()), std::vector<std::string>{"bestand.txt"});
}

TEST(DemoWriter, ReplacesAnEarlierDemoAndItsLeftovers)
{
    test::TempDir dir("vak_demo_again");
    WriteDemoData(SmallDemo(), dir.Path().string());
    // What an interrupted run leaves: a temporary folder with some demo files.
    fs::create_directories(dir.Path() / ".tmp-abc123");
    std::ofstream(dir.Path() / ".tmp-abc123" / "instellingen.csv") << "half";

    core::DemoOptions options;
    options.seed = 99;
    options.point_quarters = 1;
    const core::DemoData other = core::GenerateDemoData(Municipalities(), options);
    WriteDemoData(other, dir.Path().string());
    EXPECT_EQ(Listing(dir.Path()), SortedDemoNames());
    CPLJSONDocument sidecar;
    ASSERT_TRUE(sidecar.Load((dir.Path() / "vacature_punten.source.json").string()));
    EXPECT_EQ(sidecar.GetRoot().GetLong("seed", -1), 99);
    EXPECT_EQ(sidecar.GetRoot().GetLong("rows", -1), static_cast<GInt64>(other.vacancies.points.size()));
    EXPECT_EQ(sidecar.GetRoot().GetString("period"), "2025KW4-2025KW4");
}

} // namespace
} // namespace vak::io
