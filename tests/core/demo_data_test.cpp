// The demo data generator on a made-up country (core has no file readers): the random numbers
// are the published xoshiro256** sequence, generation is deterministic, and the invariants the
// writer and the dashboard rely on hold (points agree with the table, rows sorted and unique,
// specialist crafts at one location). Calibration on the real municipalities is checked in
// tests/io/demo_writer_test.cpp, which can read the facts table.
#include "core/demo/demo_data.hpp"
#include "core/errors.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <set>
#include <tuple>

namespace vak::core {
namespace {

// 14 x 12 municipalities, 20 km apart, over the extent of the Netherlands in RD New. The north-east,
// south-west and south are periphery provinces; the cells near Amsterdam, Rotterdam, Utrecht
// and Eindhoven are cities of 120,000; everything else 25,000 inhabitants.
std::vector<DemoMunicipality> MakeCountry()
{
    std::vector<DemoMunicipality> ms;
    const double centres[][2] = {{121400, 487400}, {92600, 437500}, {136000, 456000}, {161500, 383000}};
    for (int row = 0; row < 14; ++row)
        for (int col = 0; col < 12; ++col) {
            DemoMunicipality m;
            const int i = static_cast<int>(ms.size());
            m.code = "GM" + std::to_string(1000 + i);
            m.name = "Gemeente " + std::to_string(i);
            m.x = 20000 + col * 20000;
            m.y = 330000 + row * 20000;
            m.area_km2 = 100;
            m.province_code = m.x >= 200000 && m.y >= 520000 ? "PV20" : m.x < 60000 && m.y < 420000 ? "PV29"
                              : m.y < 360000                                                     ? "PV31"
                                                                                                 : "PV26";
            m.labour_region_code = "AM" + std::to_string(10 + (row / 4) * 3 + col / 4);
            m.labour_region_name = "Regio " + m.labour_region_code;
            bool near = false;
            for (const auto& c : centres)
                near = near || std::hypot(m.x - c[0], m.y - c[1]) < 15000;
            m.population = near ? 120000 : 25000;
            ms.push_back(std::move(m));
        }
    return ms;
}

const DemoData& Country()
{
    static const DemoData data = GenerateDemoData(MakeCountry());
    return data;
}

TEST(DemoRng, DrawsTheReferenceXoshiro256StarStarSequence)
{
    // The first outputs for seed 1 (state from splitmix64), checked against an independent
    // implementation of the published algorithms: the same on every machine and compiler.
    DemoRng rng(1);
    EXPECT_EQ(rng.Next(), 0xb3f2af6d0fc710c5ULL);
    EXPECT_EQ(rng.Next(), 0x853b559647364ceaULL);
    EXPECT_EQ(rng.Next(), 0x92f89756082a4514ULL);
    EXPECT_EQ(DemoStreamSeed(1, 2, 3, 4), 0x697bea05e9f0330cULL);
}

TEST(DemoRng, UniformIntAndNormalStayInRangeWithTheRightMoments)
{
    DemoRng rng(42);
    double sum = 0, sum2 = 0;
    const int n = 200000;
    for (int i = 0; i < n; ++i) {
        const double u = rng.Uniform();
        ASSERT_GE(u, 0.0);
        ASSERT_LT(u, 1.0);
        const int k = rng.UniformInt(7);
        ASSERT_GE(k, 0);
        ASSERT_LT(k, 7);
        const double z = rng.Normal();
        ASSERT_LE(std::abs(z), 6.0);
        sum += z;
        sum2 += z * z;
    }
    EXPECT_NEAR(sum / n, 0.0, 0.01);
    EXPECT_NEAR(sum2 / n, 1.0, 0.02); // Irwin-Hall of 12 uniforms has variance exactly 1
}

TEST(DemoRng, StreamsDifferPerPart)
{
    EXPECT_NE(DemoStreamSeed(7, 1, 0), DemoStreamSeed(7, 2, 0));
    EXPECT_NE(DemoStreamSeed(7, 1, 0), DemoStreamSeed(8, 1, 0));
    EXPECT_NE(DemoStreamSeed(7, 1, 2, 3), DemoStreamSeed(7, 1, 3, 2));
    EXPECT_EQ(DemoStreamSeed(7, 1, 2, 3), DemoStreamSeed(7, 1, 2, 3));
}

TEST(DemoData, SameSeedSameDataOtherSeedOtherData)
{
    const DemoData again = GenerateDemoData(MakeCountry());
    EXPECT_EQ(DemoFingerprint(Country()), DemoFingerprint(again));
    ASSERT_EQ(Country().vacancies.points.size(), again.vacancies.points.size());
    EXPECT_EQ(Country().enrolments.size(), again.enrolments.size());

    DemoOptions other;
    other.seed = kDefaultDemoSeed + 1;
    EXPECT_NE(DemoFingerprint(Country()), DemoFingerprint(GenerateDemoData(MakeCountry(), other)));
}

TEST(DemoData, RefusesUnusableInput)
{
    EXPECT_THROW(GenerateDemoData({}), InputError);
    std::vector<DemoMunicipality> ms = MakeCountry();
    ms[3].labour_region_code.clear();
    EXPECT_THROW(GenerateDemoData(ms), InputError);
    ms = MakeCountry();
    ms[5].code = ms[4].code;
    EXPECT_THROW(GenerateDemoData(ms), InputError);
    ms = MakeCountry();
    ms[0].code.clear();
    EXPECT_THROW(GenerateDemoData(ms), InputError);
}

TEST(DemoData, PupilSeriesCoverTheYearsAndShrinkInThePeriphery)
{
    const DemoData& d = Country();
    const DemoPupils& p = d.pupils;
    ASSERT_EQ(p.series.size(), d.municipalities.size());
    EXPECT_EQ(p.first_year, 2010);
    EXPECT_EQ(p.last_history_year, 2025);
    EXPECT_EQ(p.last_year, 2040);
    double y2025[3] = {}, y2035[3] = {};
    for (const DemoPupilSeries& s : p.series) {
        ASSERT_EQ(static_cast<int>(s.mbo_students.size()), p.YearCount());
        for (int k = 0; k < p.YearCount(); ++k) {
            EXPECT_GE(s.mbo_students[k], 0);
            EXPECT_GE(s.cohort_16_19[k], s.mbo_students[k] / 2);
            EXPECT_GT(s.inhabitants[k], s.cohort_16_19[k]);
        }
        y2025[static_cast<int>(s.kind)] += s.mbo_students[p.YearIndex(2025)];
        y2035[static_cast<int>(s.kind)] += s.mbo_students[p.YearIndex(2035)];
    }
    const int city = static_cast<int>(DemoAreaKind::City), periphery = static_cast<int>(DemoAreaKind::Periphery);
    ASSERT_GT(y2025[city], 0);
    ASSERT_GT(y2025[periphery], 0);
    const double periphery_change = y2035[periphery] / y2025[periphery] - 1;
    EXPECT_LE(periphery_change, -0.15);
    EXPECT_GE(periphery_change, -0.30);
    EXPECT_GE(y2035[city] / y2025[city] - 1, -0.05);
}

TEST(DemoData, GivenPopulationIsKeptRounded)
{
    const DemoData& d = Country();
    for (std::size_t i = 0; i < d.municipalities.size(); ++i)
        EXPECT_TRUE(d.municipalities[i].population == 120000 || d.municipalities[i].population == 25000) << i;
    // A 120,000 city near a centre is a city; a 25,000 municipality in PV20 is periphery.
    EXPECT_EQ(d.pupils.series[d.municipalities.size() - 1].kind, DemoAreaKind::Periphery);
}

TEST(DemoData, InstitutionsLocationsAndProgrammesLookSynthetic)
{
    const DemoData& d = Country();
    ASSERT_FALSE(d.institutions.empty());
    std::set<std::string> brins, location_codes;
    for (const DemoInstitution& i : d.institutions) {
        EXPECT_EQ(i.brin.size(), 4u);
        EXPECT_EQ(i.brin.substr(0, 2), "99");
        EXPECT_TRUE(brins.insert(i.brin).second) << i.brin;
        EXPECT_EQ(i.name.rfind("Demo-", 0), 0u) << i.name;
    }
    for (const DemoLocation& l : d.locations) {
        EXPECT_EQ(l.code.substr(0, 4), d.institutions[l.institution].brin);
        EXPECT_TRUE(location_codes.insert(l.code).second) << l.code;
        const DemoMunicipality& m = d.municipalities[l.municipality];
        EXPECT_LT(std::hypot(l.x - m.x, l.y - m.y), 15000) << l.code;
    }
    std::set<int> crebos;
    int crafts = 0;
    for (const DemoProgramme& p : d.programmes) {
        EXPECT_GE(p.crebo, 90100);
        EXPECT_LE(p.crebo, 90899);
        EXPECT_TRUE(crebos.insert(p.crebo).second);
        EXPECT_GE(p.level, 1);
        EXPECT_LE(p.level, 4);
        crafts += p.specialist_craft;
    }
    EXPECT_GE(d.programmes.size(), 100u);
    EXPECT_GE(crafts, 5);
}

TEST(DemoData, EnrolmentRowsAreSortedUniqueAndPositive)
{
    const DemoData& d = Country();
    ASSERT_FALSE(d.enrolments.empty());
    for (std::size_t k = 0; k < d.enrolments.size(); ++k) {
        const DemoEnrolment& e = d.enrolments[k];
        EXPECT_GT(e.students, 0);
        EXPECT_GE(e.year, d.first_enrolment_year);
        EXPECT_LE(e.year, d.last_enrolment_year);
        if (k > 0) {
            const DemoEnrolment& p = d.enrolments[k - 1];
            EXPECT_LT(std::tie(p.location, p.programme, p.year, p.path), std::tie(e.location, e.programme, e.year, e.path));
        }
    }
}

TEST(DemoData, BolShareAndSpecialistCraftsHoldOnAnyCountry)
{
    const DemoData& d = Country();
    double bol = 0, all = 0;
    std::map<int, std::set<int>> locations_of;
    for (const DemoEnrolment& e : d.enrolments) {
        if (e.year != d.last_enrolment_year)
            continue;
        all += e.students;
        bol += e.path == DemoPath::Bol ? e.students : 0;
        locations_of[e.programme].insert(e.location);
    }
    EXPECT_GE(bol / all, 0.70);
    EXPECT_LE(bol / all, 0.80);
    for (std::size_t p = 0; p < d.programmes.size(); ++p) {
        if (d.programmes[p].specialist_craft) {
            EXPECT_EQ(locations_of[static_cast<int>(p)].size(), 1u) << d.programmes[p].name;
        }
    }
}

TEST(DemoData, VacancyPointsAreExactlyTheTableOfTheirQuarters)
{
    const DemoData& d = Country();
    const DemoVacancies& v = d.vacancies;
    ASSERT_EQ(v.quarters.size(), 28u);
    EXPECT_EQ(v.quarters.front().label, "2019KW1");
    EXPECT_EQ(v.quarters.back().label, "2025KW4");
    EXPECT_EQ(v.first_point_quarter, 24);
    std::map<std::tuple<int, int, int>, int> counted;
    for (const DemoVacancyPoint& p : v.points)
        ++counted[{p.quarter, p.region, p.sector}];
    for (int q = 0; q < static_cast<int>(v.quarters.size()); ++q)
        for (int r = 0; r < static_cast<int>(v.region_codes.size()); ++r)
            for (int s = 0; s < static_cast<int>(v.sectors.size()); ++s) {
                const auto it = counted.find({q, r, s});
                const int points = it == counted.end() ? 0 : it->second;
                EXPECT_EQ(points, q >= v.first_point_quarter ? v.Count(q, r, s) : 0) << q << " " << r << " " << s;
            }

    DemoOptions none;
    none.point_quarters = 0;
    const DemoData without = GenerateDemoData(MakeCountry(), none);
    EXPECT_TRUE(without.vacancies.points.empty());
    EXPECT_EQ(without.vacancies.counts, v.counts); // the table does not depend on the points
}

} // namespace
} // namespace vak::core
