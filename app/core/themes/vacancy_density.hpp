// Vacancy density and tension (vacancies theme).
// - Density: vacancies per region per 1,000 inhabitants. The denominator is the working-age
//   population when a table holds such a measure (15-64, 15-74, 20-64, "beroepsbevolking"),
//   else all inhabitants; the result names which, so the UI labels it honestly. Population per
//   municipality is summed to the vacancy table's level (arbeidsmarktregio) through the layer's
//   parent codes.
// - Tension: vacancies per enrolled student of the matching sector chamber (the vacancy table's
//   "verwante_kamer"), per region: enrolled students, not graduates or job seekers, which the
//   data does not hold; the UI says so.
// - Change in vacancies between two periods in %: krimp.hpp's ComputeChanges on the vacancy
//   series.
// Unknown stays unknown: a ratio is Known only when both parts are and the denominator is > 0.
// Pure core: no GL, GDAL or ImGui.
#pragma once

#include "core/themes/theme_data.hpp"

#include <map>
#include <string>
#include <vector>

namespace vak::core::themes {

struct Denominator {
    std::string label;        // the quantity's label in the table ("inwoners"), empty: none found
    bool working_age = false; // true when the label is a working-age population
};
// Picks the population measure among a quantity column's labels: working age first, then all
// inhabitants ("inwoners", "bevolking", "population"; not an age band such as inwoners_16_19).
Denominator ChooseDenominator(const std::vector<std::string>& labels);

// A ratio of two values: Known when both are known and the denominator is above 0, Unknown when
// either has rows, else Empty. `scale` multiplies (1000: per thousand).
RegionValue Ratio(const RegionValue& numerator, const RegionValue& denominator, double scale = 1.0);

struct RegionDensity {
    std::string region;
    RegionValue vacancies, population;
    RegionValue per_thousand;
};
struct VacancyDensity {
    Denominator denominator;
    std::vector<RegionDensity> regions;  // by region code
    std::vector<std::string> unplaced;   // municipalities with population but no parent at the level
};
// `vacancies`: per region of `level`; `population`: per municipality of `municipalities` (or
// per region of `level` already when level == municipalities.name).
VacancyDensity ComputeVacancyDensity(const std::map<std::string, RegionValue>& vacancies,
                                     const std::map<std::string, RegionValue>& population,
                                     const RegionLayer& municipalities, const std::string& level,
                                     const Denominator& denominator);

struct RegionTension {
    std::string region, chamber;
    RegionValue vacancies, students;
    RegionValue per_student; // vacancies per enrolled student
};
// Both tables: region -> chamber -> value. Pairs present in either come out, by region, chamber.
std::vector<RegionTension> ComputeTension(const RegionTable& vacancies, const RegionTable& students);

// Per region, vacancies per enrolled student for the map: of `chamber` alone, or (empty) of
// every named chamber together (the known vacancies of all chambers over their known students;
// pairs without a chamber, "", are left out on both sides).
std::map<std::string, RegionValue> TensionPerRegion(const std::vector<RegionTension>& tension,
                                                    const std::string& chamber);

// Students per region of `level` (where the location lies) and sector chamber in `year`: the
// enrolment summed per region x crebo by the engine, crebos folded into their catalogue
// chamber. Crebos the catalogue lacks are counted under chamber "".
RegionTable StudentsPerRegionAndChamber(agg::Engine& engine, const LevelTable& enrolment, const std::string& level,
                                        const std::string& year, const std::vector<Programme>& catalogue);

} // namespace vak::core::themes
