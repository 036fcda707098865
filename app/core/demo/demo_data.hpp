// The synthetic demo data set behind `vakatlas demo`: pupils per municipality (history and
// forecast), mbo institutions with their locations, programmes and enrolment, and vacancies per
// labour-market region, sector and quarter with geocoded vacancy points. Every number is
// invented, calibrated on the public figures in shared/domain.md so that the dashboard shows
// realistic sizes and patterns (krimp in the periphery, small and unique programmes, tight
// labour markets).
//
// Pure and deterministic: the same municipalities and seed give the same data on every machine.
// That is why it uses its own PRNG and transforms (std::*_distribution differ between standard
// libraries), no threads, and rounds everything it hands out to integers.
// No GDAL, GEOS, GL or ImGui here; io/demo_writer.hpp writes the tables to files.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace vak::core {

inline constexpr std::uint64_t kDefaultDemoSeed = 20250601;

// xoshiro256** (Blackman and Vigna), seeded through splitmix64. Fully specified integer
// arithmetic, so every platform draws the same sequence.
class DemoRng {
public:
    explicit DemoRng(std::uint64_t seed);

    std::uint64_t Next();
    // [0, 1) with 53 random bits.
    double Uniform();
    // [lo, hi)
    double Uniform(double lo, double hi) { return lo + (hi - lo) * Uniform(); }
    // 0 .. n - 1; n > 0.
    int UniformInt(int n);
    // Standard normal, approximated by the Irwin-Hall sum of 12 uniforms minus 6. Computed in
    // integers and converted once, so it is exact on every machine (no log, sin or cos, whose
    // last bits differ between maths libraries). Bounded to [-6, 6], which demo data welcomes.
    double Normal();

private:
    std::uint64_t m_state[4];
};

// A seed for one independent stream (one municipality, one table cell), so that a change in
// one part of the generator does not shift the numbers of every other part.
std::uint64_t DemoStreamSeed(std::uint64_t seed, std::uint64_t a, std::uint64_t b = 0, std::uint64_t c = 0);

// What the generator needs to know of a municipality; io converts its facts table into these.
struct DemoMunicipality {
    std::string code;               // "GM0363"
    std::string name;               // "Amsterdam"
    double x = 0;                   // a point inside, RD New (EPSG:28992) metres
    double y = 0;
    double area_km2 = 0;
    std::string province_code;      // "PV27"
    std::string labour_region_code; // "AM18"
    std::string labour_region_name; // "Groot Amsterdam"; optional (institution and table names)
    std::vector<int> neighbours;    // indices into the same list
    double population = 0;          // inhabitants; 0: estimated from known city sizes, area and position
};

struct DemoOptions {
    std::uint64_t seed = kDefaultDemoSeed;
    // The krimp periphery of domain.md: Groningen, Fryslân, Zeeland, Limburg and the Achterhoek
    // (labour-market region AM09), except their cities of 100,000 or more.
    std::vector<std::string> periphery_provinces = {"PV20", "PV21", "PV29", "PV31"};
    std::vector<std::string> periphery_labour_regions = {"AM09"};
    // Vacancy points (one per vacancy in the table) for the last N quarters; 4 gives about 1.5
    // million points, all of 2025.
    int point_quarters = 4;
};

enum class DemoAreaKind : std::uint8_t { City, Intermediate, Periphery };
enum class DemoInstitutionKind : std::uint8_t { Roc, Aoc, Specialist };
enum class DemoPath : std::uint8_t { Bol, Bbl };
// The eight SBB sector chambers of domain.md.
enum class DemoChamber : std::uint8_t {
    TechniekGebouwdeOmgeving,
    ZorgWelzijnSport,
    Handel,
    IctCreatieveIndustrie,
    VoedselGroenGastvrijheid,
    MobiliteitTransportLogistiekMaritiem,
    ZakelijkeDienstverleningVeiligheid,
    SpecialistischVakmanschap,
};
inline constexpr int kDemoChamberCount = 8;

const char* DemoAreaKindName(DemoAreaKind kind);           // "stad", "tussengebied", "krimpgebied"
const char* DemoInstitutionKindName(DemoInstitutionKind kind); // "ROC", "AOC", "vakinstelling"
const char* DemoPathName(DemoPath path);                   // "BOL", "BBL"
const char* DemoChamberName(DemoChamber chamber);          // "Techniek en gebouwde omgeving", ...

// --- Pupils ------------------------------------------------------------------------------------

// One municipality's yearly series, first_year .. last_year of DemoPupils.
struct DemoPupilSeries {
    DemoAreaKind kind = DemoAreaKind::Intermediate;
    std::vector<int> inhabitants;  // all ages
    std::vector<int> cohort_16_19; // inhabitants aged 16-19: the mbo intake pool
    std::vector<int> mbo_students; // mbo students living here (by place of residence, any age)
};

struct DemoPupils {
    int first_year = 2010;
    int last_history_year = 2025; // later years are forecasts
    int last_year = 2040;
    std::vector<DemoPupilSeries> series; // one per municipality, in input order

    int YearCount() const { return last_year - first_year + 1; }
    int YearIndex(int year) const { return year - first_year; }
};

// --- Institutions, programmes, enrolment ------------------------------------------------------

struct DemoInstitution {
    std::string brin;  // "99AA": obviously synthetic (real BRIN codes never start with 99)
    std::string name;  // "Demo-ROC Groot Amsterdam"
    DemoInstitutionKind kind = DemoInstitutionKind::Roc;
    int home_municipality = -1;
};

struct DemoLocation {
    std::string code; // BRIN + two digits, "99AA00" (as DUO's vestigingscodes)
    int institution = -1;
    int municipality = -1;
    std::string name;
    int x = 0;        // RD New metres, whole
    int y = 0;
};

struct DemoProgramme {
    int crebo = 0;     // 90000-90999: a range real crebo codes do not use
    std::string name;  // Dutch qualification title, written for the demo
    int level = 0;     // 1 entree, 2 basis, 3 vak, 4 middenkader
    DemoChamber chamber = DemoChamber::TechniekGebouwdeOmgeving;
    bool specialist_craft = false; // offered at exactly one location in the country
};

// Students of one programme at one location in one learning path and year (only counts > 0).
struct DemoEnrolment {
    int location = -1;
    int programme = -1;
    int year = 0;
    DemoPath path = DemoPath::Bol;
    int students = 0;
};

// --- Vacancies ---------------------------------------------------------------------------------

struct DemoSector {
    std::string code;   // SBI section letters as CBS groups them ("G", "DE", "RU")
    std::string name;   // own Dutch label
    DemoChamber related_chamber = DemoChamber::TechniekGebouwdeOmgeving; // nearest SBB chamber
};

struct DemoQuarter {
    int year = 0;
    int quarter = 0;   // 1-4
    std::string label; // "2019KW1"
};

// One vacancy open at the end of a quarter, at a place of work. 12 bytes: 1.5 million fit in 18 MB.
struct DemoVacancyPoint {
    std::int32_t x = 0; // RD New metres
    std::int32_t y = 0;
    std::uint16_t region = 0; // index into DemoVacancies::region_codes
    std::uint8_t sector = 0;
    std::uint8_t quarter = 0;
};

struct DemoVacancies {
    std::vector<std::string> region_codes; // labour-market regions, sorted by code
    std::vector<std::string> region_names; // same order; the code when no name was given
    std::vector<DemoSector> sectors;
    std::vector<DemoQuarter> quarters;     // 2019KW1 .. 2025KW4
    std::vector<int> counts;               // open vacancies, [quarter][region][sector]
    // The points hold exactly one point per vacancy of the quarters from first_point_quarter on:
    // for those, the points of (region, sector, quarter) number Count(quarter, region, sector).
    // Earlier quarters have no points. Points are ordered by quarter, region, sector.
    int first_point_quarter = 0;
    std::vector<DemoVacancyPoint> points;

    int Count(int quarter, int region, int sector) const
    {
        return counts[(static_cast<std::size_t>(quarter) * region_codes.size() + region) * sectors.size() + sector];
    }
};

// --- The whole set -----------------------------------------------------------------------------

struct DemoData {
    std::uint64_t seed = 0;
    std::vector<DemoMunicipality> municipalities; // the input, population filled in (rounded to 100)
    DemoPupils pupils;
    std::vector<DemoInstitution> institutions;
    std::vector<DemoLocation> locations;
    std::vector<DemoProgramme> programmes;
    int first_enrolment_year = 2015;
    int last_enrolment_year = 2025;
    std::vector<DemoEnrolment> enrolments; // ordered by location, programme, year, path
    DemoVacancies vacancies;
};

// Generates the whole set. Throws InputError when `municipalities` is empty or a municipality
// lacks a code or labour-market region.
DemoData GenerateDemoData(const std::vector<DemoMunicipality>& municipalities, const DemoOptions& options = {});

// A 64-bit digest (FNV-1a) of every generated number and text, for determinism checks.
std::uint64_t DemoFingerprint(const DemoData& data);

} // namespace vak::core
