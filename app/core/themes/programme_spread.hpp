// Programme spread (opleidingsaanbod): how many distinct programmes each region offers, at how
// many locations each programme is offered nationally (and so which are "unique"), and which
// programmes are small at an institution. All counts come from the aggregation core over the
// enrolment table (count-distinct of crebo per region, of location per crebo; sums per
// institution x crebo), filtered by sector chamber, level, learning path and a search.
//
// "Offered" follows the core's count-distinct rule: a row with "<5" students still offers the
// programme, a known 0 does not.
//
// Unique: offered at no more than `unique_max` locations nationally, 1 by default. One is what
// the word says and what the users mean by the specialist crafts taught at a single school
// (piano technology, boat building); the UI lets them widen it to 2 or 3 ("rare").
//
// Small: fewer than `small_threshold` (50, SBB's taskforce) students of a programme at an
// institution (BRIN, all its locations and both learning paths together). With "<5" parts the
// total lies between (known + 1 per part) and (known + 4 per part): it is Small only when even
// the upper bound is below the threshold, NotSmall when the lower bound reaches it, and
// Unknown in between. So a suppressed count is never read as 0, and never un-suppressed.
// Pure core: no GL, GDAL or ImGui.
#pragma once

#include "core/themes/theme_data.hpp"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace vak::core::themes {

struct ProgrammeFilter {
    std::set<std::string> chambers; // empty: all
    std::set<int> levels;           // empty: all
    LearningPath path = LearningPath::Any;
    // A crebo code (prefix) or part of the name; case and accents are ignored ("Bakker" finds
    // "bakker", "Élite" finds "elite"), as are spaces and hyphens.
    std::string search;
};

// Whether a catalogue entry passes the filter's chamber, level and search (the path is a column
// of the enrolment, filtered there).
bool Matches(const Programme& programme, const ProgrammeFilter& filter);

// Per region of `level` (gemeente, arbeidsmarktregio, provincie: where the location lies), the
// number of distinct programmes offered in `year`. Loads `enrolment` into `engine`.
std::map<std::string, RegionValue> DistinctProgrammesPerRegion(agg::Engine& engine, const LevelTable& enrolment,
                                                               const std::string& level, const std::string& year,
                                                               const ProgrammeFilter& filter,
                                                               const std::vector<Programme>& catalogue);

struct ProgrammeLocations {
    std::string crebo;
    int locations = 0; // distinct locations offering it nationally in the year
    bool unique = false;
};
// Every programme offered in `year` that passes the filter, by crebo.
std::vector<ProgrammeLocations> LocationsPerProgramme(agg::Engine& engine, const LevelTable& enrolment,
                                                      const std::string& year, const ProgrammeFilter& filter,
                                                      const std::vector<Programme>& catalogue, int unique_max = 1);

// Students per location in `year`, of the programmes that pass the filter (chamber, level,
// search) in its learning path: the proportional symbols of the theme map. The value is the
// known students; "<5" parts are counted in `suppressed`, never as a number. Locations with no
// such programme are absent.
std::map<std::string, RegionValue> StudentsPerLocation(agg::Engine& engine, const LevelTable& enrolment,
                                                       const std::string& year, const ProgrammeFilter& filter,
                                                       const std::vector<Programme>& catalogue);

// The sizes a proportional-symbol legend shows for symbols up to `largest`: the largest
// rounded down to 1, 2 or 5 times a power of ten, then about a quarter and a twentieth of it
// the same way, largest first, without repeats (one value for a largest below 2; none for 0).
std::vector<double> SymbolLegendValues(double largest);

enum class SmallState : std::uint8_t { Small, NotSmall, Unknown };
struct InstitutionProgramme {
    std::string brin;
    std::string crebo;
    RegionValue students;     // known part, with the number of "<5" parts in `suppressed`
    std::int64_t missing = 0; // parts with no value at all (neither a number nor "<5")
    double low = 0, high = 0; // bounds of the true total
    SmallState size = SmallState::Unknown;
};
// Every programme offered at every institution in `year` (passing the filter), with its size
// class, by brin then crebo.
std::vector<InstitutionProgramme> ProgrammesAtInstitutions(agg::Engine& engine, const LevelTable& enrolment,
                                                           const std::string& year, const ProgrammeFilter& filter,
                                                           const std::vector<Programme>& catalogue,
                                                           double small_threshold = 50);
// The size class of a total with `suppressed` "<5" parts and `missing` parts of no value at all.
SmallState ClassifySize(double known, std::int64_t suppressed, std::int64_t missing, double threshold, double* low = nullptr,
                        double* high = nullptr);

} // namespace vak::core::themes
