// Generation of the synthetic demo data set (see demo_data.hpp). Every parameter says which
// figure of shared/domain.md (or which rounded public figure) it is calibrated on.
//
// [SECTION] Random numbers
// [SECTION] Names
// [SECTION] Municipalities: population and area kind
// [SECTION] Pupils
// [SECTION] Programme catalogue
// [SECTION] Institutions and locations
// [SECTION] Enrolment
// [SECTION] Vacancies and vacancy points
// [SECTION] Fingerprint and entry point
//
// Determinism: only the integer PRNG output and operations IEEE 754 rounds exactly (+ - * /,
// sqrt, floor) make the numbers, in a fixed order, single-threaded; no exp, log, pow or sin,
// whose last bits differ between maths libraries. Values handed out are whole numbers. The
// fingerprint was checked equal across GCC and Clang, -O0 to -O3 -march=native.
#include "core/demo/demo_data.hpp"

#include "core/demo/demo_catalogue.hpp"

#include "core/errors.hpp"

// No fused multiply-add either: it rounds differently from a multiply and an add. GCC does not
// contract in ISO mode (-std=c++20, which CMAKE_CXX_EXTENSIONS OFF gives); clang needs telling.
#if defined(__clang__)
#pragma STDC FP_CONTRACT OFF
#endif

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <map>
#include <numeric>
#include <set>
#include <string_view>

namespace vak::core {

// [SECTION] Random numbers ---------------------------------------------------------------------

namespace {

std::uint64_t SplitMix64(std::uint64_t& state)
{
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

std::uint64_t Rotl(std::uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

} // namespace

DemoRng::DemoRng(std::uint64_t seed)
{
    std::uint64_t s = seed;
    for (std::uint64_t& word : m_state)
        word = SplitMix64(s);
}

std::uint64_t DemoRng::Next()
{
    const std::uint64_t result = Rotl(m_state[1] * 5, 7) * 9;
    const std::uint64_t t = m_state[1] << 17;
    m_state[2] ^= m_state[0];
    m_state[3] ^= m_state[1];
    m_state[1] ^= m_state[2];
    m_state[0] ^= m_state[3];
    m_state[2] ^= t;
    m_state[3] = Rotl(m_state[3], 45);
    return result;
}

double DemoRng::Uniform()
{
    return static_cast<double>(Next() >> 11) * 0x1.0p-53;
}

int DemoRng::UniformInt(int n)
{
    // Lemire's multiply-shift without rejection: the bias (n / 2^32) is far below anything a
    // demo could show, and it stays pure integer arithmetic.
    return static_cast<int>(((Next() >> 32) * static_cast<std::uint64_t>(n)) >> 32);
}

double DemoRng::Normal()
{
    std::uint64_t sum = 0; // 12 draws of 32 bits: below 2^36, exact in a double
    for (int i = 0; i < 6; ++i) {
        const std::uint64_t r = Next();
        sum += (r >> 32) + (r & 0xffffffffULL);
    }
    return static_cast<double>(sum) * 0x1.0p-32 - 6.0;
}

std::uint64_t DemoStreamSeed(std::uint64_t seed, std::uint64_t a, std::uint64_t b, std::uint64_t c)
{
    std::uint64_t state = seed;
    std::uint64_t h = SplitMix64(state);
    for (std::uint64_t part : {a, b, c}) {
        state = h ^ (part * 0xd1342543de82ef95ULL + 0x2545f4914f6cdd1dULL);
        h = SplitMix64(state);
    }
    return h;
}

// [SECTION] Names ------------------------------------------------------------------------------

const char* DemoAreaKindName(DemoAreaKind kind)
{
    switch (kind) {
    case DemoAreaKind::City: return "stad";
    case DemoAreaKind::Intermediate: return "tussengebied";
    case DemoAreaKind::Periphery: return "krimpgebied";
    }
    return "?";
}

const char* DemoInstitutionKindName(DemoInstitutionKind kind)
{
    switch (kind) {
    case DemoInstitutionKind::Roc: return "ROC";
    case DemoInstitutionKind::Aoc: return "AOC";
    case DemoInstitutionKind::Specialist: return "vakinstelling";
    }
    return "?";
}

const char* DemoPathName(DemoPath path)
{
    return path == DemoPath::Bol ? "BOL" : "BBL";
}

const char* DemoChamberName(DemoChamber chamber)
{
    switch (chamber) {
    case DemoChamber::TechniekGebouwdeOmgeving: return "Techniek en gebouwde omgeving";
    case DemoChamber::ZorgWelzijnSport: return "Zorg, welzijn en sport";
    case DemoChamber::Handel: return "Handel";
    case DemoChamber::IctCreatieveIndustrie: return "ICT en creatieve industrie";
    case DemoChamber::VoedselGroenGastvrijheid: return "Voedsel, groen en gastvrijheid";
    case DemoChamber::MobiliteitTransportLogistiekMaritiem: return "Mobiliteit, transport, logistiek en maritiem";
    case DemoChamber::ZakelijkeDienstverleningVeiligheid: return "Zakelijke dienstverlening en veiligheid";
    case DemoChamber::SpecialistischVakmanschap: return "Specialistisch vakmanschap";
    }
    return "?";
}

namespace {

// Rounds half away from zero without the current rounding mode, never below zero.
int RoundCount(double value)
{
    return value <= 0 ? 0 : static_cast<int>(value + 0.5);
}

double Clamp(double v, double lo, double hi)
{
    return std::min(std::max(v, lo), hi);
}

// Picks an index from cumulative weights (ascending, last = total) with one uniform draw.
int PickCumulative(const std::vector<double>& cumulative, double u)
{
    const double target = u * cumulative.back();
    const auto it = std::upper_bound(cumulative.begin(), cumulative.end(), target);
    return static_cast<int>(std::min<std::ptrdiff_t>(it - cumulative.begin(), static_cast<std::ptrdiff_t>(cumulative.size()) - 1));
}

// The n indices with the highest scores (ties by index), in descending score order.
std::vector<int> TopByScore(const std::vector<double>& score, int n)
{
    std::vector<int> order(score.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int a, int b) { return score[a] != score[b] ? score[a] > score[b] : a < b; });
    std::vector<int> top;
    for (int i : order) {
        if (static_cast<int>(top.size()) >= n || score[i] <= 0)
            break;
        top.push_back(i);
    }
    return top;
}

// [SECTION] Municipalities: population and area kind ------------------------------------------

// Rounded public population figures (CBS, 1 January 2024, to the nearest thousand; the five
// Wadden islands to the hundred) of the larger municipalities and the islands, so that the demo's
// cities are as big as users know them. Other municipalities are estimated (EstimatePopulation).
struct KnownPopulation {
    const char* code;
    int inhabitants;
};
constexpr KnownPopulation kKnownPopulation[] = {
    {"GM0363", 931000}, {"GM0599", 670000}, {"GM0518", 566000}, {"GM0344", 374000}, {"GM0772", 247000},
    {"GM0014", 243000}, {"GM0855", 227000}, {"GM0034", 226000}, {"GM0758", 188000}, {"GM0268", 184000},
    {"GM0200", 167000}, {"GM0202", 167000}, {"GM0392", 166000}, {"GM0394", 163000}, {"GM0307", 161000},
    {"GM0479", 161000}, {"GM0153", 161000}, {"GM0796", 161000}, {"GM0193", 134000}, {"GM0637", 128000},
    {"GM0546", 128000}, {"GM0080", 127000}, {"GM0935", 122000}, {"GM0505", 121000}, {"GM0228", 122000},
    {"GM0484", 115000}, {"GM1783", 114000}, {"GM0361", 111000}, {"GM0114", 108000}, {"GM0503", 106000},
    {"GM0983", 103000}, {"GM0150", 102000}, {"GM0794", 95000},  {"GM0828", 94000},  {"GM0362", 93000},
    {"GM0402", 93000},  {"GM0439", 93000},  {"GM1900", 92000},  {"GM1883", 91000},  {"GM1980", 90000},
    {"GM0917", 87000},  {"GM1930", 86000},  {"GM1948", 83000},  {"GM0995", 83000},  {"GM0164", 82000},
    {"GM0606", 80000},  {"GM1674", 78000},  {"GM1916", 78000},  {"GM0513", 75000},  {"GM0622", 75000},
    {"GM0405", 75000},  {"GM0141", 74000},  {"GM0106", 70000},  {"GM0748", 69000},  {"GM0453", 69000},
    {"GM0502", 68000},  {"GM0345", 68000},  {"GM0537", 67000},  {"GM0355", 66000},  {"GM1621", 66000},
    {"GM1904", 66000},  {"GM1969", 66000},  {"GM0356", 64000},  {"GM0160", 62000},  {"GM0203", 62000},
    {"GM1952", 61000},  {"GM0957", 59000},  {"GM1942", 59000},  {"GM0222", 58000},  {"GM0090", 57000},
    {"GM0826", 57000},  {"GM0603", 57000},  {"GM1931", 57000},  {"GM0400", 56000},  {"GM0715", 55000},
    {"GM0166", 55000},  {"GM1940", 53000},  {"GM0074", 52000},  {"GM0988", 51000},  {"GM0687", 50000},
    {"GM0867", 50000},  {"GM0243", 49000},  {"GM0171", 48000},  {"GM1966", 48000},  {"GM1979", 46000},
    {"GM0718", 45000},  {"GM0928", 45000},  {"GM0289", 41000},  {"GM0664", 39000},  {"GM1895", 39000},
    {"GM0119", 35000},  {"GM0677", 27000},  {"GM1714", 23000},  {"GM0448", 13800},  {"GM0093", 4900},
    {"GM0060", 3800},   {"GM0096", 1200},   {"GM0088", 900},
};

// Centres of the Randstad and Brabant (RD New metres): Amsterdam, Rotterdam, Den Haag, Utrecht,
// Eindhoven. Nearness to them stands in for density where no population is known.
constexpr double kCentres[][2] = {
    {121400, 487400}, {92600, 437500}, {81000, 455000}, {136000, 456000}, {161500, 383000},
};

double DistanceToNearestCentre(const DemoMunicipality& m)
{
    double best = 1e12;
    for (const auto& c : kCentres)
        best = std::min(best, std::sqrt((m.x - c[0]) * (m.x - c[0]) + (m.y - c[1]) * (m.y - c[1])));
    return best;
}

// Inhabitants of a municipality without a known figure: grows with area (less than linearly:
// large rural municipalities are thin) and with nearness to a centre. The constant makes the
// 342 municipalities of 2025 sum to about 18.0 million (CBS: 18.0 million on 1 January 2025).
double EstimatePopulation(const DemoMunicipality& m)
{
    const double d_km = DistanceToNearestCentre(m) / 1000.0;
    const double area = std::max(m.area_km2, 1.0);
    // area^0.5625 (= 1/2 + 1/16) by square roots only, which are exact on every machine.
    const double area_factor = std::sqrt(area) * std::sqrt(std::sqrt(std::sqrt(std::sqrt(area))));
    const double nearness = 1.0 + 2.2 * 20.0 / (20.0 + d_km * d_km / 20.0);
    return std::max(1500.0, 1635.0 * area_factor * nearness);
}

struct MunicipalityInfo {
    double population = 0;
    DemoAreaKind kind = DemoAreaKind::Intermediate;
    int region = -1; // index into the sorted labour-market region codes
};

std::vector<MunicipalityInfo> ClassifyMunicipalities(const std::vector<DemoMunicipality>& ms, const DemoOptions& options,
                                                     const std::vector<std::string>& region_codes)
{
    std::map<std::string_view, int> known;
    for (const KnownPopulation& k : kKnownPopulation)
        known[k.code] = k.inhabitants;
    const std::set<std::string> periphery_provinces(options.periphery_provinces.begin(), options.periphery_provinces.end());
    const std::set<std::string> periphery_regions(options.periphery_labour_regions.begin(), options.periphery_labour_regions.end());

    std::vector<MunicipalityInfo> info(ms.size());
    for (std::size_t i = 0; i < ms.size(); ++i) {
        const DemoMunicipality& m = ms[i];
        double pop = m.population;
        if (pop <= 0) {
            const auto it = known.find(m.code);
            pop = it != known.end() ? it->second : EstimatePopulation(m);
        }
        info[i].population = std::max(100.0, static_cast<double>(RoundCount(pop / 100.0) * 100));
        info[i].region = static_cast<int>(std::lower_bound(region_codes.begin(), region_codes.end(), m.labour_region_code) - region_codes.begin());
        const bool periphery = periphery_provinces.count(m.province_code) || periphery_regions.count(m.labour_region_code);
        const double d_km = DistanceToNearestCentre(m) / 1000.0;
        // domain.md: "cities grow or hold steady, periphery declines". A city here is 100,000+
        // inhabitants, or 40,000+ within 25 km of a Randstad or Brabant centre; the periphery's
        // own cities (Groningen, Leeuwarden, Maastricht) hold steady as intermediate areas.
        if (periphery)
            info[i].kind = info[i].population >= 100000 ? DemoAreaKind::Intermediate : DemoAreaKind::Periphery;
        else if (info[i].population >= 100000 || (info[i].population >= 40000 && d_km <= 25))
            info[i].kind = DemoAreaKind::City;
        else
            info[i].kind = DemoAreaKind::Intermediate;
    }
    return info;
}

// [SECTION] Pupils -----------------------------------------------------------------------------

// Monotone cubic (Fritsch-Carlson) through knots, so series bend smoothly without overshooting.
double MonotoneCubic(const std::vector<double>& xs, const std::vector<double>& ys, double x)
{
    const std::size_t n = xs.size();
    if (x <= xs.front())
        return ys.front();
    if (x >= xs.back())
        return ys.back();
    std::vector<double> secant(n - 1), tangent(n);
    for (std::size_t k = 0; k + 1 < n; ++k)
        secant[k] = (ys[k + 1] - ys[k]) / (xs[k + 1] - xs[k]);
    tangent[0] = secant[0];
    tangent[n - 1] = secant[n - 2];
    for (std::size_t k = 1; k + 1 < n; ++k)
        tangent[k] = secant[k - 1] * secant[k] <= 0 ? 0.0 : 2.0 / (1.0 / secant[k - 1] + 1.0 / secant[k]);
    std::size_t k = 0;
    while (x > xs[k + 1])
        ++k;
    const double h = xs[k + 1] - xs[k];
    const double t = (x - xs[k]) / h;
    const double t2 = t * t, t3 = t2 * t;
    return (2 * t3 - 3 * t2 + 1) * ys[k] + (t3 - 2 * t2 + t) * h * tangent[k] + (-2 * t3 + 3 * t2) * ys[k + 1] +
           (t3 - t2) * h * tangent[k + 1];
}

// mbo participation per year relative to 2025, all municipalities alike: the national wave of
// mbo student numbers (about 540,000 around 2011-2012, a low near 480,000 in 2016-2017, back to
// about 500,000 by 2025; DUO/OCW key figures, rounded). Forecast years stay at 1.
double NationalParticipation(int year)
{
    static constexpr double kWave[] = {1.06, 1.08, 1.08, 1.06, 1.02, 0.98, 0.96, 0.96, 0.97, 0.98,
                                       1.00, 1.03, 1.02, 1.01, 1.00, 1.00}; // 2010 .. 2025
    if (year < 2010)
        return kWave[0];
    if (year > 2025)
        return 1.0;
    return kWave[year - 2010];
}

// mbo students per inhabitant, so that 18.0 million inhabitants hold about 500,000 mbo students
// by place of residence in 2025 (domain.md: "about 500,000 mbo students a year"): 0.0475 of the
// population is 16-19 (CBS: about 860,000 of 18 million) and 0.60 mbo students per 16-19-year-old.
constexpr double kCohortShare = 0.0475;
constexpr double kStudentsPerCohort = 0.600;

DemoPupils GeneratePupils(const std::vector<DemoMunicipality>& ms, const std::vector<MunicipalityInfo>& info, std::uint64_t seed)
{
    DemoPupils pupils;
    const int years = pupils.YearCount();
    for (std::size_t i = 0; i < ms.size(); ++i) {
        DemoRng rng(DemoStreamSeed(seed, 1, i));
        const DemoAreaKind kind = info[i].kind;
        const double pop = info[i].population;
        const double cohort_share = kCohortShare * Clamp(1 + 0.05 * rng.Normal(), 0.85, 1.15);
        // Cities send more of their young to havo/vwo and university, the periphery more to mbo.
        const double kind_participation = kind == DemoAreaKind::City ? 0.93 : kind == DemoAreaKind::Periphery ? 1.07 : 1.02;
        const double participation = kStudentsPerCohort * kind_participation * Clamp(1 + 0.06 * rng.Normal(), 0.8, 1.2);

        // The 16-19 cohort relative to 2025 at the knots 2010, 2025, 2035, 2040. domain.md: the
        // periphery shrinks 15-30 % between 2025 and 2035 and had been shrinking already, cities
        // hold steady or grow a little.
        double h2010 = 1, f2035 = 1, f2040 = 1, pop_growth = 0;
        switch (kind) {
        case DemoAreaKind::City:
            h2010 = 1.0 / (1.0 + rng.Uniform(0.03, 0.13));
            f2035 = 1.0 + rng.Uniform(0.0, 0.07);
            f2040 = f2035 * (1.0 + rng.Uniform(-0.01, 0.03));
            pop_growth = rng.Uniform(0.004, 0.010);
            break;
        case DemoAreaKind::Intermediate:
            h2010 = 1.0 / (1.0 + rng.Uniform(-0.06, 0.06));
            f2035 = 1.0 + rng.Uniform(-0.13, -0.02);
            f2040 = f2035 * (1.0 + rng.Uniform(-0.04, 0.0));
            pop_growth = rng.Uniform(0.0, 0.005);
            break;
        case DemoAreaKind::Periphery:
            h2010 = 1.0 / (1.0 + rng.Uniform(-0.16, -0.04));
            f2035 = 1.0 + rng.Uniform(-0.29, -0.16);
            f2040 = f2035 * (1.0 + rng.Uniform(-0.07, -0.01));
            pop_growth = rng.Uniform(-0.006, 0.0);
            break;
        }
        const std::vector<double> knot_x = {2010, 2025, 2035, 2040};
        const std::vector<double> knot_y = {h2010, 1.0, f2035, f2040};

        DemoPupilSeries series;
        series.kind = kind;
        series.inhabitants.resize(years);
        series.cohort_16_19.resize(years);
        series.mbo_students.resize(years);
        double noise_cohort = 0, noise_students = 0;
        for (int k = 0; k < years; ++k) {
            const int year = pupils.first_year + k;
            const bool forecast = year > pupils.last_history_year;
            // Small AR(1) noise: history wiggles, a forecast is smooth.
            const double amplitude = forecast ? 0.0015 : 0.010;
            noise_cohort = 0.6 * noise_cohort + amplitude * rng.Normal();
            noise_students = 0.6 * noise_students + amplitude * rng.Normal();
            const double curve = MonotoneCubic(knot_x, knot_y, year);
            const double inhabitants = pop * (1.0 + pop_growth * (year - 2025)) * (1.0 + 0.2 * noise_cohort);
            const double cohort = pop * cohort_share * curve * (1.0 + noise_cohort);
            const double students = cohort * participation * NationalParticipation(year) * (1.0 + noise_students);
            series.inhabitants[k] = RoundCount(inhabitants);
            series.cohort_16_19[k] = RoundCount(cohort);
            series.mbo_students[k] = RoundCount(students);
        }
        pupils.series.push_back(std::move(series));
    }
    return pupils;
}

// [SECTION] Programme catalogue ----------------------------------------------------------------

// The titles and their spread live in demo_catalogue.hpp.
using namespace demo_catalogue;


std::vector<DemoProgramme> BuildProgrammes()
{
    // Crebo-like codes 90100-90899: the hundreds say the chamber, in catalogue order within it.
    std::array<int, kDemoChamberCount> next{};
    std::vector<DemoProgramme> programmes;
    for (const CatalogueEntry& e : kCatalogue) {
        const int chamber = static_cast<int>(e.chamber);
        DemoProgramme p;
        p.crebo = 90000 + 100 * (chamber + 1) + next[chamber]++;
        p.name = e.name;
        p.level = e.level;
        p.chamber = e.chamber;
        p.specialist_craft = e.spread == Spread::Unique;
        programmes.push_back(std::move(p));
    }
    return programmes;
}

// [SECTION] Institutions and locations ---------------------------------------------------------

// The 10 specialist schools (vakinstellingen). domain.md: small institutions have 1,500-3,300
// students. Home municipalities where such schools are known to be (a code that is missing from
// the input falls back to the largest municipality).
struct SpecialistSchool {
    const char* name;
    const char* home;
    Theme theme;
    int students;
    std::array<DemoChamber, 2> chambers; // general programmes it also teaches
    std::array<const char*, 3> extra_locations;
};
constexpr SpecialistSchool kSpecialists[] = {
    {"Demo-vakschool Media en Design", "GM0363", Theme::Media, 3200, {C::IctCreatieveIndustrie, C::IctCreatieveIndustrie}, {"GM0363", nullptr, nullptr}},
    {"Demo-vakschool Grafimedia en Vormgeving", "GM0599", Theme::Media, 2600, {C::IctCreatieveIndustrie, C::Handel}, {nullptr, nullptr, nullptr}},
    {"Demo-vakschool Maritiem en Havenlogistiek", "GM0599", Theme::Maritime, 3000, {C::MobiliteitTransportLogistiekMaritiem, C::MobiliteitTransportLogistiekMaritiem}, {"GM0718", "GM0072", "GM0400"}},
    {"Demo-vakschool Hout en Meubel", "GM0363", Theme::Wood, 2200, {C::TechniekGebouwdeOmgeving, C::TechniekGebouwdeOmgeving}, {"GM0599", nullptr, nullptr}},
    {"Demo-vakschool Ambacht en Restauratie", "GM1931", Theme::Craft, 1800, {C::TechniekGebouwdeOmgeving, C::TechniekGebouwdeOmgeving}, {nullptr, nullptr, nullptr}},
    {"Demo-vakschool Luchtvaart", "GM0394", Theme::Aviation, 2400, {C::MobiliteitTransportLogistiekMaritiem, C::ZakelijkeDienstverleningVeiligheid}, {nullptr, nullptr, nullptr}},
    {"Demo-vakschool Watersport en Jachtbouw", "GM1940", Theme::Watersport, 1600, {C::MobiliteitTransportLogistiekMaritiem, C::ZorgWelzijnSport}, {nullptr, nullptr, nullptr}},
    {"Demo-vakschool Paard en Dier", "GM0203", Theme::Horse, 1700, {C::VoedselGroenGastvrijheid, C::VoedselGroenGastvrijheid}, {nullptr, nullptr, nullptr}},
    {"Demo-vakschool Mode en Styling", "GM0518", Theme::Fashion, 2500, {C::ZorgWelzijnSport, C::Handel}, {nullptr, nullptr, nullptr}},
    {"Demo-vakschool Zorgtechniek", "GM0344", Theme::CareTech, 2000, {C::ZorgWelzijnSport, C::TechniekGebouwdeOmgeving}, {nullptr, nullptr, nullptr}},
};

// The 10 agricultural colleges (AOC), 3,000-5,200 students (about 38,000 together, under 8 % of
// all mbo students, roughly the green colleges' share), in the green regions.
struct GreenCollege {
    const char* name;
    const char* home;
    int students;
};
constexpr GreenCollege kGreenColleges[] = {
    {"Demo-AOC Friesland", "GM0080", 4800},       {"Demo-AOC Groningen", "GM0014", 3600},
    {"Demo-AOC Twente", "GM0141", 4200},          {"Demo-AOC Regio Zwolle", "GM0193", 3400},
    {"Demo-AOC FoodValley", "GM0289", 5200},      {"Demo-AOC Noordoost-Brabant", "GM0796", 4500},
    {"Demo-AOC West-Brabant", "GM1674", 3300},    {"Demo-AOC Limburg", "GM0957", 3000},
    {"Demo-AOC Noord-Holland Noord", "GM0361", 3000}, {"Demo-AOC Westland", "GM1783", 3500},
};

// About 60 institutions (domain.md: about 60 mbo institutions): one ROC per labour-market
// region, a second one in the five regions with the most students, and the schools above.
constexpr int kSecondRocRegions = 5;

struct Site {
    int location = -1;
    int municipality = -1;
    unsigned chambers = 0; // bit per DemoChamber taught here
    double weight = 1;     // where students of a programme taught at several sites go
};

struct InstitutionPlan {
    int index = -1;
    DemoInstitutionKind kind = DemoInstitutionKind::Roc;
    double students = 0; // 2025 target
    Theme theme = Theme::None;
    std::array<DemoChamber, 2> theme_chambers{};
    std::vector<Site> sites;
};

std::string BrinCode(int index)
{
    std::string code = "99";
    code += static_cast<char>('A' + index / 26);
    code += static_cast<char>('A' + index % 26);
    return code;
}

std::string TwoDigits(int n)
{
    std::string s = std::to_string(n);
    return n < 10 ? "0" + s : s;
}

struct Geography {
    const std::vector<DemoMunicipality>& ms;
    const std::vector<MunicipalityInfo>& info;
    std::vector<std::string> region_codes;
    std::vector<std::string> region_names;
    std::vector<std::vector<int>> region_members; // municipalities per region, input order
    std::map<std::string, int> by_code;

    int Find(const char* code) const
    {
        if (!code)
            return -1;
        const auto it = by_code.find(code);
        return it == by_code.end() ? -1 : it->second;
    }
    int Largest(const std::vector<int>& members) const
    {
        int best = members.front();
        for (int m : members)
            if (info[m].population > info[best].population)
                best = m;
        return best;
    }
};

class InstitutionBuilder {
public:
    InstitutionBuilder(const Geography& geo, std::uint64_t seed, std::vector<DemoInstitution>& institutions,
                       std::vector<DemoLocation>& locations)
        : m_geo(geo), m_rng(DemoStreamSeed(seed, 2)), m_institutions(institutions), m_locations(locations)
    {
    }

    InstitutionPlan Add(const std::string& name, DemoInstitutionKind kind, int home, double students)
    {
        InstitutionPlan plan;
        plan.index = static_cast<int>(m_institutions.size());
        plan.kind = kind;
        plan.students = students;
        DemoInstitution inst;
        inst.brin = BrinCode(plan.index);
        inst.name = name;
        inst.kind = kind;
        inst.home_municipality = home;
        m_institutions.push_back(std::move(inst));
        return plan;
    }

    // A location in `municipality`: near its label point, a little apart from the others there.
    void AddSite(InstitutionPlan& plan, int municipality, unsigned chambers)
    {
        const DemoMunicipality& m = m_geo.ms[municipality];
        int same_place = 0;
        for (const Site& s : plan.sites)
            same_place += s.municipality == municipality;
        const double spread = std::min(1500.0, 120.0 * std::sqrt(std::max(m.area_km2, 1.0))) * (same_place ? 1.5 : 0.4);
        DemoLocation loc;
        loc.institution = plan.index;
        loc.municipality = municipality;
        loc.code = m_institutions[plan.index].brin + TwoDigits(static_cast<int>(plan.sites.size()));
        loc.name = m_institutions[plan.index].name + ", " + m.name + (same_place ? " " + std::to_string(same_place + 1) : "");
        loc.x = RoundCount(m.x + spread * m_rng.Normal());
        loc.y = RoundCount(m.y + spread * m_rng.Normal());
        Site site;
        site.location = static_cast<int>(m_locations.size());
        site.municipality = municipality;
        site.chambers = chambers;
        site.weight = (same_place ? 0.6 : 1.0) * std::sqrt(m_geo.info[municipality].population);
        m_locations.push_back(std::move(loc));
        plan.sites.push_back(site);
    }

    unsigned RandomChambers()
    {
        unsigned mask = 0;
        while (std::popcount(mask) < 2) {
            mask = 0;
            for (int c = 0; c < kDemoChamberCount; ++c)
                if (m_rng.Uniform() < 0.45)
                    mask |= 1u << c;
        }
        return mask;
    }

    // `count` municipalities among `candidates` (not `exclude`), the larger more likely.
    std::vector<int> PickMunicipalities(const std::vector<int>& candidates, int exclude, int count, double rural_tilt)
    {
        std::vector<double> score(candidates.size());
        for (std::size_t k = 0; k < candidates.size(); ++k) {
            const int m = candidates[k];
            if (m == exclude)
                continue;
            const double pop = m_geo.info[m].population;
            const double size = rural_tilt > 0 ? std::sqrt(pop * std::max(m_geo.ms[m].area_km2, 1.0)) : pop;
            score[k] = size * (0.3 + m_rng.Uniform());
        }
        std::vector<int> picked;
        for (int k : TopByScore(score, count))
            picked.push_back(candidates[k]);
        return picked;
    }

    DemoRng& Rng() { return m_rng; }

private:
    const Geography& m_geo;
    DemoRng m_rng;
    std::vector<DemoInstitution>& m_institutions;
    std::vector<DemoLocation>& m_locations;
};

constexpr unsigned kAllChambers = (1u << kDemoChamberCount) - 1;

unsigned ChamberBit(DemoChamber c)
{
    return 1u << static_cast<int>(c);
}

std::vector<InstitutionPlan> BuildInstitutions(const Geography& geo, const DemoPupils& pupils, std::uint64_t seed,
                                               std::vector<DemoInstitution>& institutions, std::vector<DemoLocation>& locations)
{
    InstitutionBuilder builder(geo, seed, institutions, locations);
    DemoRng& rng = builder.Rng();
    const int year = pupils.YearIndex(pupils.last_history_year);
    std::vector<double> region_students(geo.region_codes.size(), 0.0);
    double national = 0;
    for (std::size_t m = 0; m < geo.ms.size(); ++m) {
        region_students[geo.info[m].region] += pupils.series[m].mbo_students[year];
        national += pupils.series[m].mbo_students[year];
    }
    national = std::max(national, 1.0);
    const int fallback_home = geo.Largest([&] {
        std::vector<int> all(geo.ms.size());
        std::iota(all.begin(), all.end(), 0);
        return all;
    }());
    auto home_of = [&](const char* code) {
        const int m = geo.Find(code);
        return m >= 0 ? m : fallback_home;
    };

    // The green and specialist schools take fixed sizes; the ROCs share the rest of the 2025
    // students by region, so that the national total equals the pupils table's (about 500,000).
    // Scaled down for inputs smaller than the whole country (tests).
    const double scale = std::min(1.0, national / 500000.0);
    double fixed = 0;
    for (const GreenCollege& g : kGreenColleges)
        fixed += g.students * scale;
    for (const SpecialistSchool& s : kSpecialists)
        fixed += s.students * scale;
    const double roc_total = std::max(national - fixed, national * 0.5);

    std::vector<int> by_size(geo.region_codes.size());
    std::iota(by_size.begin(), by_size.end(), 0);
    std::sort(by_size.begin(), by_size.end(), [&](int a, int b) {
        return region_students[a] != region_students[b] ? region_students[a] > region_students[b] : a < b;
    });
    std::vector<bool> second(geo.region_codes.size(), false);
    for (int k = 0; k < kSecondRocRegions && k < static_cast<int>(by_size.size()); ++k)
        second[by_size[k]] = true;

    std::vector<InstitutionPlan> plans;
    for (std::size_t r = 0; r < geo.region_codes.size(); ++r) {
        const std::vector<int>& members = geo.region_members[r];
        const int home = geo.Largest(members);
        const double pool = roc_total * region_students[r] / national;
        const double first_share = second[r] ? rng.Uniform(0.55, 0.65) : 1.0;
        for (int k = 0; k < (second[r] ? 2 : 1); ++k) {
            const double students = pool * (k == 0 ? first_share : 1.0 - first_share);
            const std::string name = k == 0 ? "Demo-ROC " + geo.region_names[r] : "Demo-ROC " + geo.ms[home].name + " College";
            InstitutionPlan plan = builder.Add(name, DemoInstitutionKind::Roc, home, students);
            // domain.md: large ROCs have many locations; the main city gets one per 8,000 students.
            const int home_sites = 1 + (students >= 9000) + (students >= 16000);
            for (int h = 0; h < home_sites; ++h)
                builder.AddSite(plan, home, h == 0 ? kAllChambers : builder.RandomChambers());
            const int others = std::clamp(RoundCount(students / 1800.0), 1, 10);
            for (int m : builder.PickMunicipalities(members, home, others, 0))
                builder.AddSite(plan, m, builder.RandomChambers());
            plans.push_back(std::move(plan));
        }
    }
    for (const GreenCollege& g : kGreenColleges) {
        const int home = home_of(g.home);
        InstitutionPlan plan = builder.Add(g.name, DemoInstitutionKind::Aoc, home, g.students * scale);
        builder.AddSite(plan, home, kAllChambers);
        // Green colleges sit in the countryside around their home, within the home's province.
        std::vector<int> province;
        for (std::size_t m = 0; m < geo.ms.size(); ++m)
            if (geo.ms[m].province_code == geo.ms[home].province_code)
                province.push_back(static_cast<int>(m));
        const int others = std::clamp(RoundCount(g.students / 1000.0), 2, 5);
        for (int m : builder.PickMunicipalities(province, home, others, 1))
            builder.AddSite(plan, m, ChamberBit(C::VoedselGroenGastvrijheid) | (rng.Uniform() < 0.5 ? ChamberBit(C::ZorgWelzijnSport) : 0));
        plans.push_back(std::move(plan));
    }
    for (const SpecialistSchool& s : kSpecialists) {
        const int home = home_of(s.home);
        InstitutionPlan plan = builder.Add(s.name, DemoInstitutionKind::Specialist, home, s.students * scale);
        plan.theme = s.theme;
        plan.theme_chambers = s.chambers;
        builder.AddSite(plan, home, kAllChambers);
        for (const char* extra : s.extra_locations)
            if (const int m = geo.Find(extra); m >= 0)
                builder.AddSite(plan, m, kAllChambers);
        plans.push_back(std::move(plan));
    }
    return plans;
}

// [SECTION] Enrolment --------------------------------------------------------------------------

// One programme at one location of one institution, before it becomes yearly rows.
struct Offering {
    int institution = -1;
    int location = -1;
    int municipality = -1;
    int programme = -1;
    double students_2025 = 0; // 0 for an offering stopped before 2025
    double students_before = 0; // size in the years before `stop_year`
    double bbl_share = 0;
    bool bol = true;
    bool bbl = true;
    int start_year = 0; // first year with students (0: before 2015)
    int stop_year = 0;  // first year without students (0: still running)
    double growth = 0;  // yearly change before 2025
};

// Which programmes an institution offers (catalogue indices), by score: popular programmes of
// its kind first, with some randomness so that no two ROCs offer exactly the same set.
std::vector<int> ChooseProgrammes(const InstitutionPlan& plan, DemoRng& rng)
{
    std::vector<double> score(kCatalogueSize, 0.0);
    int count = 0;
    for (int p = 0; p < kCatalogueSize; ++p) {
        const CatalogueEntry& e = kCatalogue[p];
        double factor = 0;
        switch (plan.kind) {
        case DemoInstitutionKind::Roc:
            factor = e.spread == Spread::General ? 1.0 : e.spread == Spread::Green ? 0.25 : 0.0;
            break;
        case DemoInstitutionKind::Aoc:
            factor = e.spread == Spread::Green ? 4.0
                     : e.spread == Spread::General && e.chamber == C::VoedselGroenGastvrijheid ? 0.8
                     : e.spread == Spread::General ? 0.08
                                                   : 0.0;
            break;
        case DemoInstitutionKind::Specialist:
            // Everything of its theme, plus general programmes of its chambers.
            if (e.theme == plan.theme)
                factor = 100.0;
            else if (e.spread == Spread::General && (e.chamber == plan.theme_chambers[0] || e.chamber == plan.theme_chambers[1]))
                factor = 0.5;
            break;
        }
        score[p] = factor * std::sqrt(static_cast<double>(e.weight)) * (0.5 + rng.Uniform());
        count += factor >= 100.0;
    }
    int n = 0;
    switch (plan.kind) {
    // domain.md: a large ROC (11,000-12,500 students) offers more than 120 programmes (crebo x
    // learning path); with about 1.5 paths per qualification that is 80+ qualifications.
    case DemoInstitutionKind::Roc: n = std::clamp(RoundCount(plan.students / 100.0), 30, 115); break;
    case DemoInstitutionKind::Aoc: n = std::clamp(RoundCount(plan.students / 150.0), 15, 35); break;
    case DemoInstitutionKind::Specialist: n = count + std::clamp(RoundCount(plan.students / 500.0), 3, 6); break;
    }
    std::vector<int> chosen = TopByScore(score, n);
    // Niche programmes: now and then a ROC (the larger, the likelier) or, for the green ones, an
    // AOC offers one too, so that they are taught at a few places; the rarest at one or two.
    for (int p = 0; p < kCatalogueSize; ++p) {
        const CatalogueEntry& e = kCatalogue[p];
        if (e.spread != Spread::Niche)
            continue;
        const double u = rng.Uniform(); // drawn for every niche entry: the stream stays aligned
        double chance = 0;
        if (plan.kind == DemoInstitutionKind::Roc)
            chance = Clamp(e.weight / 4000.0 * plan.students / 12000.0, 0.01, 0.35);
        else if (plan.kind == DemoInstitutionKind::Aoc && e.chamber == C::VoedselGroenGastvrijheid)
            chance = 0.3;
        if (u < chance && std::find(chosen.begin(), chosen.end(), p) == chosen.end())
            chosen.push_back(p);
    }
    return chosen;
}

// The sites of `plan` that teach chamber `c` (the first site teaches everything).
std::vector<int> SitesFor(const InstitutionPlan& plan, DemoChamber c)
{
    std::vector<int> sites;
    for (std::size_t s = 0; s < plan.sites.size(); ++s)
        if (plan.sites[s].chambers & ChamberBit(c))
            sites.push_back(static_cast<int>(s));
    return sites;
}

void PlanOfferings(const InstitutionPlan& plan, std::uint64_t seed, std::vector<Offering>& out)
{
    DemoRng rng(DemoStreamSeed(seed, 3, plan.index));
    const std::vector<int> chosen = ChooseProgrammes(plan, rng);
    const std::set<int> chosen_set(chosen.begin(), chosen.end());

    // The specialist crafts keep their own small size (tens of students); the rest of the
    // institution's students spread over its programmes by popularity, with a random factor.
    double fixed = 0, weight_sum = 0;
    std::vector<double> weight(chosen.size());
    for (std::size_t k = 0; k < chosen.size(); ++k) {
        const CatalogueEntry& e = kCatalogue[chosen[k]];
        if (e.spread == Spread::Unique) {
            weight[k] = e.weight * rng.Uniform(0.7, 1.3);
            fixed += weight[k];
        } else {
            weight[k] = e.weight * rng.Uniform(0.35, 1.65);
            weight_sum += weight[k];
        }
    }
    const double rest = std::max(plan.students - fixed, 0.0);

    for (std::size_t k = 0; k < chosen.size(); ++k) {
        const int p = chosen[k];
        const CatalogueEntry& e = kCatalogue[p];
        const double total = e.spread == Spread::Unique ? weight[k] : rest * weight[k] / weight_sum;
        // Paths: entree and school-like programmes are BOL only, the trades are offered in both.
        const bool bbl = e.bbl >= 30 || rng.Uniform() * 30 < e.bbl;
        const bool bol = e.bbl <= 85 || rng.Uniform() < 0.3;
        const double bbl_share = !bol ? 1.0 : !bbl ? 0.0 : Clamp(e.bbl / 100.0 * rng.Uniform(0.75, 1.25), 0.02, 0.95);

        // Sites: a specialist craft at the home site only; popular programmes at several sites.
        std::vector<int> sites = SitesFor(plan, e.chamber);
        int k_sites = 1;
        if (e.spread != Spread::Unique && sites.size() > 1) {
            if (e.weight >= 2500)
                k_sites = 1 + rng.UniformInt(std::min<int>(static_cast<int>(sites.size()), 4));
            else if (e.weight >= 1000 && rng.Uniform() < 0.3)
                k_sites = 2;
        }
        std::vector<int> picked;
        if (e.spread == Spread::Unique || rng.Uniform() < 0.45) {
            picked.push_back(0);
        } else {
            std::vector<double> cumulative;
            double acc = 0;
            for (int s : sites)
                cumulative.push_back(acc += plan.sites[s].weight);
            picked.push_back(sites[PickCumulative(cumulative, rng.Uniform())]);
        }
        std::vector<double> score(sites.size());
        for (std::size_t s = 0; s < sites.size(); ++s)
            score[s] = sites[s] == picked[0] ? 0.0 : plan.sites[sites[s]].weight * (0.2 + rng.Uniform());
        for (int s : TopByScore(score, k_sites - 1))
            picked.push_back(sites[s]);

        std::vector<double> share(picked.size(), 1.0);
        if (picked.size() > 1) {
            share[0] = rng.Uniform(0.4, 0.7);
            double other = 0;
            for (std::size_t s = 1; s < picked.size(); ++s)
                other += (share[s] = rng.Uniform(0.5, 1.5));
            for (std::size_t s = 1; s < picked.size(); ++s)
                share[s] = (1.0 - share[0]) * share[s] / other;
        }

        // Some offerings started after 2015 (domain.md: schools start and stop programmes every
        // year); the specialist crafts have always been there.
        int start_year = 0;
        if (e.spread != Spread::Unique && rng.Uniform() < 0.06)
            start_year = 2016 + rng.UniformInt(9);
        const double growth = e.growth / 1000.0 + 0.02 * rng.Normal();
        for (std::size_t s = 0; s < picked.size(); ++s) {
            Offering o;
            o.institution = plan.index;
            o.location = plan.sites[picked[s]].location;
            o.municipality = plan.sites[picked[s]].municipality;
            o.programme = p;
            o.students_2025 = total * share[s];
            o.bbl_share = bbl_share;
            o.bol = bol;
            o.bbl = bbl;
            o.start_year = start_year;
            o.growth = growth;
            out.push_back(o);
        }
    }

    // A few programmes stopped between 2016 and 2024: students before, none after.
    std::vector<double> stop_score(kCatalogueSize, 0.0);
    for (int p = 0; p < kCatalogueSize; ++p)
        if (!chosen_set.count(p) && kCatalogue[p].spread != Spread::Unique &&
            (plan.kind != DemoInstitutionKind::Specialist || kCatalogue[p].chamber == plan.theme_chambers[0]))
            stop_score[p] = std::sqrt(static_cast<double>(kCatalogue[p].weight)) * rng.Uniform();
    const int stopped = std::max(1, RoundCount(chosen.size() * 0.04));
    for (int p : TopByScore(stop_score, stopped)) {
        const std::vector<int> sites = SitesFor(plan, kCatalogue[p].chamber);
        const Site& site = plan.sites[sites[rng.UniformInt(static_cast<int>(sites.size()))]];
        Offering o;
        o.institution = plan.index;
        o.location = site.location;
        o.municipality = site.municipality;
        o.programme = p;
        o.students_before = rng.Uniform(8, 60);
        o.bbl_share = Clamp(kCatalogue[p].bbl / 100.0, 0.0, 0.95);
        o.stop_year = 2016 + rng.UniformInt(9);
        o.growth = -0.05;
        out.push_back(o);
    }
}

std::vector<DemoEnrolment> GenerateEnrolment(const std::vector<InstitutionPlan>& plans, const Geography& geo, const DemoPupils& pupils,
                                             int first_year, int last_year, std::uint64_t seed)
{
    std::vector<Offering> offerings;
    for (const InstitutionPlan& plan : plans)
        PlanOfferings(plan, seed, offerings);

    // domain.md: about 75 % of students are BOL and 25 % BBL. The catalogue's percentages are
    // rough; one factor on every mixed offering's BBL share lands the national 2025 share on 25 %.
    double all = 0, bbl = 0, mixed = 0;
    for (const Offering& o : offerings) {
        all += o.students_2025;
        bbl += o.students_2025 * o.bbl_share;
        if (o.bol && o.bbl)
            mixed += o.students_2025 * o.bbl_share;
    }
    if (mixed > 0) {
        const double factor = std::max(0.0, (0.25 * all - (bbl - mixed)) / mixed);
        for (Offering& o : offerings)
            if (o.bol && o.bbl)
                o.bbl_share = Clamp(o.bbl_share * factor, 0.0, 0.95);
    }

    // History follows the students living in the location's labour-market region (so krimp
    // shows in enrolment too) and the programme's own growth.
    std::vector<std::vector<double>> region_series(geo.region_codes.size(), std::vector<double>(pupils.YearCount(), 0.0));
    for (std::size_t m = 0; m < geo.ms.size(); ++m)
        for (int k = 0; k < pupils.YearCount(); ++k)
            region_series[geo.info[m].region][k] += pupils.series[m].mbo_students[k];

    std::vector<DemoEnrolment> rows;
    const int ref = pupils.YearIndex(last_year);
    for (std::size_t i = 0; i < offerings.size(); ++i) {
        const Offering& o = offerings[i];
        DemoRng rng(DemoStreamSeed(seed, 4, i));
        const std::vector<double>& region = region_series[geo.info[o.municipality].region];
        for (int year = first_year; year <= last_year; ++year) {
            double growth = 1.0; // (1 + g)^(year - last_year) by repeated multiplication
            for (int y = year; y < last_year; ++y)
                growth /= 1.0 + o.growth;
            const double trend = region[pupils.YearIndex(year)] / std::max(region[ref], 1.0);
            double total = 0;
            if (o.stop_year) {
                const double at_stop = o.students_before;
                total = year < o.stop_year ? at_stop * (1.0 + 0.1 * (o.stop_year - 1 - year)) : 0.0;
            } else {
                total = o.students_2025 * trend * growth;
                if (o.start_year && year < o.start_year)
                    total = 0;
                else if (o.start_year && year == o.start_year)
                    total *= 0.4;
                else if (o.start_year && year == o.start_year + 1)
                    total *= 0.7;
            }
            const double noise = year == last_year ? 1.0 : Clamp(1.0 + 0.05 * rng.Normal(), 0.8, 1.2);
            const int students = RoundCount(total * noise);
            const int in_bbl = std::min(students, RoundCount(students * o.bbl_share));
            for (DemoPath path : {DemoPath::Bol, DemoPath::Bbl}) {
                const int n = path == DemoPath::Bol ? students - in_bbl : in_bbl;
                if (n > 0)
                    rows.push_back({o.location, o.programme, year, path, n});
            }
        }
    }
    std::sort(rows.begin(), rows.end(), [](const DemoEnrolment& a, const DemoEnrolment& b) {
        if (a.location != b.location)
            return a.location < b.location;
        if (a.programme != b.programme)
            return a.programme < b.programme;
        if (a.year != b.year)
            return a.year < b.year;
        return a.path < b.path;
    });
    // A location can hold the same programme twice only through a stopped and a running
    // offering of one institution; merge such rows.
    std::vector<DemoEnrolment> merged;
    for (const DemoEnrolment& r : rows) {
        if (!merged.empty() && merged.back().location == r.location && merged.back().programme == r.programme &&
            merged.back().year == r.year && merged.back().path == r.path)
            merged.back().students += r.students;
        else
            merged.push_back(r);
    }
    return merged;
}

// [SECTION] Vacancies and vacancy points -------------------------------------------------------

// A sector of the CBS vacancy statistics (SBI sections, grouped as CBS publishes them), with own
// labels. share: permille of all open vacancies (CBS 2023, rounded: trade and care largest);
// urban: how much more the sector concentrates in cities (-1 rural .. +1 urban); trend: yearly
// change in permille; covid: what was left in 2020KW2 (hospitality and culture collapsed);
// season: extra share in spring and summer.
struct SectorSpec {
    const char* code;
    const char* name;
    DemoChamber chamber;
    int share;
    double urban;
    int trend;
    double covid;
    double season;
};
constexpr SectorSpec kSectors[] = {
    {"A", "Landbouw, bosbouw en visserij", C::VoedselGroenGastvrijheid, 12, -0.9, 0, 1.0, 0.25},
    {"C", "Industrie", C::TechniekGebouwdeOmgeving, 95, -0.2, 0, 0.75, 0.0},
    {"DE", "Energie, water en afval", C::TechniekGebouwdeOmgeving, 12, -0.1, 40, 0.95, 0.0},
    {"F", "Bouw", C::TechniekGebouwdeOmgeving, 62, -0.1, 10, 0.85, 0.05},
    {"G", "Handel", C::Handel, 170, 0.1, 0, 0.75, 0.05},
    {"H", "Vervoer en opslag", C::MobiliteitTransportLogistiekMaritiem, 55, -0.1, 0, 0.8, 0.0},
    {"I", "Horeca", C::VoedselGroenGastvrijheid, 70, 0.3, 0, 0.35, 0.2},
    {"J", "Informatie en communicatie", C::IctCreatieveIndustrie, 62, 0.9, 30, 0.8, 0.0},
    {"K", "Financiële dienstverlening", C::ZakelijkeDienstverleningVeiligheid, 30, 0.9, 0, 0.85, 0.0},
    {"L", "Onroerend goed", C::ZakelijkeDienstverleningVeiligheid, 8, 0.5, 0, 0.85, 0.0},
    {"M", "Specialistische zakelijke diensten", C::ZakelijkeDienstverleningVeiligheid, 90, 0.8, 10, 0.8, 0.0},
    {"N", "Uitzendbureaus en overige zakelijke diensten", C::ZakelijkeDienstverleningVeiligheid, 85, 0.3, 0, 0.6, 0.05},
    {"O", "Openbaar bestuur", C::ZakelijkeDienstverleningVeiligheid, 45, 0.3, 10, 1.0, 0.0},
    {"P", "Onderwijs", C::ZorgWelzijnSport, 50, 0.1, 10, 0.95, 0.0},
    {"Q", "Zorg en welzijn", C::ZorgWelzijnSport, 130, -0.1, 20, 1.05, 0.0},
    {"RU", "Cultuur, recreatie en overige diensten", C::SpecialistischVakmanschap, 24, 0.4, 0, 0.5, 0.1},
};
constexpr int kSectorCount = static_cast<int>(sizeof(kSectors) / sizeof(kSectors[0]));

// Open vacancies in the Netherlands at the end of each quarter 2019KW1-2025KW4, in thousands:
// the shape of CBS's series, rounded (about 285,000 in 2019, a dip to about 210,000 in 2020KW2,
// the record of about 445,000 in 2022KW2, easing towards 390,000 in 2025).
constexpr int kNationalVacancies[] = {
    286, 280, 290, 285, // 2019
    277, 209, 224, 234, // 2020
    259, 296, 340, 372, // 2021
    406, 446, 437, 432, // 2022
    428, 425, 412, 408, // 2023
    410, 403, 396, 394, // 2024
    390, 386, 388, 392, // 2025
};
constexpr int kFirstVacancyYear = 2019;
constexpr int kQuarterCount = static_cast<int>(sizeof(kNationalVacancies) / sizeof(kNationalVacancies[0]));

// How much of the Covid dip a quarter carries (2020KW2 full, lockdowns after it partly).
double CovidWeight(int year, int quarter)
{
    if (year == 2020)
        return quarter == 2 ? 1.0 : quarter >= 3 ? 0.6 : 0.0;
    if (year == 2021)
        return quarter == 1 ? 0.6 : quarter == 2 ? 0.3 : 0.0;
    return 0.0;
}

// Places of work in a municipality: the centre (label point) and a few business areas around it,
// fixed per municipality so that every quarter's points fall in the same hot spots.
struct Hotspots {
    std::vector<double> x, y, radius, cumulative;
};

Hotspots MakeHotspots(const DemoMunicipality& m, double population, std::uint64_t seed, int index)
{
    DemoRng rng(DemoStreamSeed(seed, 6, index));
    Hotspots h;
    // A municipality's "radius": half the side of a square of its area, in metres.
    const double extent = 500.0 * std::sqrt(std::max(m.area_km2, 1.0));
    const int n = 1 + std::min(11, static_cast<int>(population / 25000.0));
    double acc = 0;
    for (int k = 0; k < n; ++k) {
        const bool centre = k == 0;
        h.x.push_back(centre ? m.x : m.x + 0.45 * extent * rng.Normal());
        h.y.push_back(centre ? m.y : m.y + 0.45 * extent * rng.Normal());
        h.radius.push_back(centre ? 0.25 * extent : rng.Uniform(0.05, 0.15) * extent + 150.0);
        h.cumulative.push_back(acc += centre ? 1.0 + 0.3 * n : rng.Uniform(0.2, 1.0));
    }
    return h;
}

DemoVacancies GenerateVacancies(const Geography& geo, const DemoOptions& options)
{
    DemoVacancies v;
    v.region_codes = geo.region_codes;
    v.region_names = geo.region_names;
    for (const SectorSpec& s : kSectors)
        v.sectors.push_back({s.code, s.name, s.chamber});
    for (int q = 0; q < kQuarterCount; ++q) {
        const int year = kFirstVacancyYear + q / 4, quarter = q % 4 + 1;
        v.quarters.push_back({year, quarter, std::to_string(year) + "KW" + std::to_string(quarter)});
    }
    const std::size_t regions = v.region_codes.size();
    v.counts.assign(kQuarterCount * regions * kSectorCount, 0);

    // Each region's weight per sector: its population, more for urban sectors where it is urban,
    // and a fixed random regional character (some regions are tighter in some sectors).
    DemoRng rng(DemoStreamSeed(options.seed, 5));
    std::vector<double> region_pop(regions, 0), region_city(regions, 0);
    for (std::size_t m = 0; m < geo.ms.size(); ++m) {
        region_pop[geo.info[m].region] += geo.info[m].population;
        if (geo.info[m].kind == DemoAreaKind::City)
            region_city[geo.info[m].region] += geo.info[m].population;
    }
    double city_mean = 0, pop_total = 0;
    for (std::size_t r = 0; r < regions; ++r) {
        city_mean += region_city[r];
        pop_total += region_pop[r];
    }
    city_mean /= std::max(pop_total, 1.0);
    // Scaled for inputs smaller than the country (tests), like the institutions.
    const double national_scale = std::min(1.0, pop_total / 18.0e6);
    std::vector<double> weight(regions * kSectorCount), sector_weight(kSectorCount, 0);
    for (std::size_t r = 0; r < regions; ++r) {
        const double urbanity = region_city[r] / std::max(region_pop[r], 1.0) - city_mean;
        for (int s = 0; s < kSectorCount; ++s) {
            const double w = region_pop[r] * std::max(0.1, 1.0 + kSectors[s].urban * urbanity) * Clamp(1.0 + 0.12 * rng.Normal(), 0.6, 1.4);
            weight[r * kSectorCount + s] = w;
            sector_weight[s] += w;
        }
    }
    for (int q = 0; q < kQuarterCount; ++q) {
        const DemoQuarter& dq = v.quarters[q];
        std::array<double, kSectorCount> share{};
        double share_sum = 0;
        for (int s = 0; s < kSectorCount; ++s) {
            const SectorSpec& spec = kSectors[s];
            const double years = (dq.year - kFirstVacancyYear) + (dq.quarter - 1) / 4.0;
            const double season = dq.quarter == 2 ? 1.0 : dq.quarter == 3 ? 0.5 : dq.quarter == 1 ? -0.5 : -1.0;
            share[s] = spec.share * (1.0 + spec.trend / 1000.0 * years) * (1.0 - (1.0 - spec.covid) * CovidWeight(dq.year, dq.quarter)) *
                       (1.0 + spec.season * season);
            share_sum += share[s];
        }
        for (std::size_t r = 0; r < regions; ++r)
            for (int s = 0; s < kSectorCount; ++s) {
                const double expected = kNationalVacancies[q] * 1000.0 * national_scale * share[s] / share_sum *
                                        weight[r * kSectorCount + s] / sector_weight[s];
                v.counts[(q * regions + r) * kSectorCount + s] = RoundCount(expected * Clamp(1.0 + 0.04 * rng.Normal(), 0.85, 1.15));
            }
    }

    // Points: one per vacancy of the last quarters, at a place of work in a municipality of the
    // region (bigger municipalities more, farming in the countryside), scattered around one of
    // its hot spots.
    v.first_point_quarter = std::max(0, kQuarterCount - std::clamp(options.point_quarters, 0, kQuarterCount));
    std::vector<Hotspots> hotspots;
    for (std::size_t m = 0; m < geo.ms.size(); ++m)
        hotspots.push_back(MakeHotspots(geo.ms[m], geo.info[m].population, options.seed, static_cast<int>(m)));
    std::vector<std::vector<double>> cumulative(regions * kSectorCount);
    for (std::size_t r = 0; r < regions; ++r)
        for (int s = 0; s < kSectorCount; ++s) {
            double acc = 0;
            for (int m : geo.region_members[r]) {
                const double pop = geo.info[m].population;
                const double w = kSectors[s].urban <= -0.5 ? std::sqrt(pop * std::max(geo.ms[m].area_km2, 1.0) * 1000.0)
                                 : kSectors[s].urban >= 0.5 ? pop * (1.0 + pop / 150000.0)
                                                            : pop;
                cumulative[r * kSectorCount + s].push_back(acc += w);
            }
        }
    std::size_t total = 0;
    for (int q = v.first_point_quarter; q < kQuarterCount; ++q)
        for (std::size_t c = 0; c < regions * kSectorCount; ++c)
            total += v.counts[q * regions * kSectorCount + c];
    v.points.reserve(total);
    for (int q = v.first_point_quarter; q < kQuarterCount; ++q)
        for (std::size_t r = 0; r < regions; ++r)
            for (int s = 0; s < kSectorCount; ++s) {
                DemoRng prng(DemoStreamSeed(options.seed, 7, q, r * 64 + s));
                const int n = v.counts[(q * regions + r) * kSectorCount + s];
                const std::vector<int>& members = geo.region_members[r];
                for (int i = 0; i < n; ++i) {
                    const int m = members[PickCumulative(cumulative[r * kSectorCount + s], prng.Uniform())];
                    const Hotspots& h = hotspots[m];
                    const int k = PickCumulative(h.cumulative, prng.Uniform());
                    DemoVacancyPoint p;
                    p.x = static_cast<std::int32_t>(std::floor(h.x[k] + h.radius[k] * prng.Normal() + 0.5));
                    p.y = static_cast<std::int32_t>(std::floor(h.y[k] + h.radius[k] * prng.Normal() + 0.5));
                    p.region = static_cast<std::uint16_t>(r);
                    p.sector = static_cast<std::uint8_t>(s);
                    p.quarter = static_cast<std::uint8_t>(q);
                    v.points.push_back(p);
                }
            }
    return v;
}

// [SECTION] Fingerprint and entry point --------------------------------------------------------

class Fnv {
public:
    void Bytes(const void* data, std::size_t n)
    {
        const auto* p = static_cast<const unsigned char*>(data);
        for (std::size_t i = 0; i < n; ++i)
            m_hash = (m_hash ^ p[i]) * 0x100000001b3ULL;
    }
    void Int(std::int64_t v)
    {
        unsigned char b[8];
        for (int i = 0; i < 8; ++i)
            b[i] = static_cast<unsigned char>((static_cast<std::uint64_t>(v) >> (8 * i)) & 0xff);
        Bytes(b, 8);
    }
    void Text(const std::string& s)
    {
        Int(static_cast<std::int64_t>(s.size()));
        Bytes(s.data(), s.size());
    }
    std::uint64_t Value() const { return m_hash; }

private:
    std::uint64_t m_hash = 0xcbf29ce484222325ULL;
};

} // namespace

DemoData GenerateDemoData(const std::vector<DemoMunicipality>& municipalities, const DemoOptions& options)
{
    if (municipalities.empty())
        throw InputError("demo data: no municipalities to generate data for");
    std::set<std::string> codes;
    for (const DemoMunicipality& m : municipalities) {
        if (m.code.empty())
            throw InputError("demo data: a municipality without a code");
        if (m.labour_region_code.empty())
            throw InputError("demo data: municipality " + m.code + " has no labour-market region");
        if (!codes.insert(m.code).second)
            throw InputError("demo data: municipality code " + m.code + " occurs twice");
    }

    DemoData data;
    data.seed = options.seed;
    data.municipalities = municipalities;

    std::map<std::string, std::string> region_name;
    for (const DemoMunicipality& m : municipalities) {
        std::string& name = region_name[m.labour_region_code];
        if (name.empty())
            name = m.labour_region_name;
    }
    std::vector<std::string> region_codes;
    std::vector<std::string> region_names;
    for (const auto& [code, name] : region_name) {
        region_codes.push_back(code);
        region_names.push_back(name.empty() ? code : name);
    }
    const std::vector<MunicipalityInfo> info = ClassifyMunicipalities(municipalities, options, region_codes);
    for (std::size_t i = 0; i < municipalities.size(); ++i)
        data.municipalities[i].population = info[i].population;

    Geography geo{municipalities, info, region_codes, region_names, {}, {}};
    geo.region_members.resize(region_codes.size());
    for (std::size_t i = 0; i < municipalities.size(); ++i) {
        geo.region_members[info[i].region].push_back(static_cast<int>(i));
        geo.by_code[municipalities[i].code] = static_cast<int>(i);
    }

    data.pupils = GeneratePupils(municipalities, info, options.seed);
    data.programmes = BuildProgrammes();
    const std::vector<InstitutionPlan> plans = BuildInstitutions(geo, data.pupils, options.seed, data.institutions, data.locations);
    data.enrolments = GenerateEnrolment(plans, geo, data.pupils, data.first_enrolment_year, data.last_enrolment_year, options.seed);
    data.vacancies = GenerateVacancies(geo, options);
    return data;
}

std::uint64_t DemoFingerprint(const DemoData& data)
{
    Fnv f;
    f.Int(static_cast<std::int64_t>(data.seed));
    for (const DemoMunicipality& m : data.municipalities) {
        f.Text(m.code);
        f.Int(static_cast<std::int64_t>(m.population));
    }
    for (const DemoPupilSeries& s : data.pupils.series) {
        f.Int(static_cast<int>(s.kind));
        for (const std::vector<int>* v : {&s.inhabitants, &s.cohort_16_19, &s.mbo_students})
            for (int n : *v)
                f.Int(n);
    }
    for (const DemoInstitution& i : data.institutions) {
        f.Text(i.brin);
        f.Text(i.name);
        f.Int(static_cast<int>(i.kind));
        f.Int(i.home_municipality);
    }
    for (const DemoLocation& l : data.locations) {
        f.Text(l.code);
        f.Text(l.name);
        f.Int(l.institution);
        f.Int(l.municipality);
        f.Int(l.x);
        f.Int(l.y);
    }
    for (const DemoProgramme& p : data.programmes) {
        f.Int(p.crebo);
        f.Text(p.name);
        f.Int(p.level);
        f.Int(static_cast<int>(p.chamber));
        f.Int(p.specialist_craft);
    }
    for (const DemoEnrolment& e : data.enrolments) {
        f.Int(e.location);
        f.Int(e.programme);
        f.Int(e.year);
        f.Int(static_cast<int>(e.path));
        f.Int(e.students);
    }
    const DemoVacancies& v = data.vacancies;
    for (const std::string& r : v.region_codes)
        f.Text(r);
    for (int c : v.counts)
        f.Int(c);
    f.Int(v.first_point_quarter);
    for (const DemoVacancyPoint& p : v.points) {
        f.Int(p.x);
        f.Int(p.y);
        f.Int(p.region);
        f.Int(p.sector);
        f.Int(p.quarter);
    }
    return f.Value();
}

} // namespace vak::core
