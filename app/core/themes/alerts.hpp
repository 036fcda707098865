// Alerts: editable rules that say where to look first, evaluated on the themes' indicators.
//   SmallProgramme           a programme at an institution with fewer than `threshold` students
//                            (programme_spread.hpp's bounds: "<5" parts never read as 0)
//   SmallRegion              a region with fewer than `threshold` students in total
//   FastDecline              a region whose pupils fell by more than `threshold` % in the
//                            `years` years up to the reference year
//   UniqueInShrinkingRegion  a unique programme (programme_spread.hpp) whose every location lies
//                            in a region that fell by more than `threshold` % in `years` years
//   VacancyGrowth            a region whose vacancies grew by more than `threshold` % between
//                            two periods
// A hit carries codes and numbers, never a finished sentence: the UI builds the one-line reason
// from the kind (AlertKindName) and the hit's fields, in the interface's language.
// "More than", "fewer than": strict, so a value exactly at the threshold does not fire.
// Rules are plain structs, stored with the view. Pure core: no GL, GDAL or ImGui.
#pragma once

#include "core/themes/programme_spread.hpp"
#include "core/themes/theme_data.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vak::core::themes {

enum class AlertKind : std::uint8_t { SmallProgramme, SmallRegion, FastDecline, UniqueInShrinkingRegion, VacancyGrowth };
// A stable name for the view file and the texts table: "small_programme", "small_region",
// "fast_decline", "unique_in_shrinking_region", "vacancy_growth".
const char* AlertKindName(AlertKind kind);
std::optional<AlertKind> AlertKindFromName(std::string_view name);

struct AlertRule {
    AlertKind kind = AlertKind::SmallProgramme;
    bool enabled = true;
    std::string label;    // the user's name for the rule; empty: the UI names it by kind
    double threshold = 0; // students, or % (a positive number: "more than 10 %")
    int years = 0;        // FastDecline, UniqueInShrinkingRegion
    bool operator==(const AlertRule&) const = default;
};
// The rules a new view starts with: fewer than 50 students at an institution, decline over 10 %
// in 5 years, unique programme in a region shrinking over 10 % in 5 years, vacancies up 20 %.
std::vector<AlertRule> DefaultAlertRules();

// What the rules are evaluated on; the UI fills what is loaded (rules whose input is empty
// find nothing).
struct AlertInputs {
    std::vector<InstitutionProgramme> programmes;         // ProgrammesAtInstitutions
    std::map<std::string, std::string> institution_region; // brin -> region to zoom to
    std::map<std::string, RegionValue> students_per_region; // SmallRegion
    RegionTable pupils;         // region -> year -> pupils (FastDecline, UniqueInShrinkingRegion)
    std::string reference_year; // the later end of "in Y years"
    std::vector<ProgrammeLocations> programme_locations; // LocationsPerProgramme
    std::vector<Offer> offers;                            // ReadOffers: where the unique ones are
    std::map<std::string, std::string> location_region;   // location -> region of `pupils`
    RegionTable vacancies;      // region -> period -> vacancies
    std::string vacancy_from, vacancy_to;
};

struct AlertHit {
    int rule = 0; // index into the rules
    AlertKind kind = AlertKind::SmallProgramme;
    std::string region;   // for click-to-zoom; empty when unknown
    std::string brin;     // SmallProgramme
    std::string location; // UniqueInShrinkingRegion
    std::string crebo;    // SmallProgramme, UniqueInShrinkingRegion
    double value = 0;     // students, or the change in %
    double threshold = 0;
    int years = 0;
    std::string from_period, to_period; // the change's periods
};

// Hits of the enabled rules, rule by rule, each rule's hits by region then code.
std::vector<AlertHit> EvaluateAlerts(const std::vector<AlertRule>& rules, const AlertInputs& inputs);

// The size of a hit's problem, the larger the more pressing: the students short of the
// threshold (a programme with 3 students before one with 45), the percentage points of decline,
// the percentage points of growth.
double AlertSeverity(const AlertHit& hit);

// One enabled rule's hits, for the list: indices into the hits, most pressing first (ties in the
// order EvaluateAlerts gives).
struct AlertGroup {
    int rule = 0;
    std::vector<std::size_t> hits;
    bool operator==(const AlertGroup&) const = default;
};
// The enabled rules as groups. Rules with hits come first, the fewest hits first: a rule that
// fires on hundreds of programmes says less about where to look than one that fires on three,
// and must not push them out of view. Then the rules without hits, in rule order.
std::vector<AlertGroup> GroupAlerts(const std::vector<AlertRule>& rules, const std::vector<AlertHit>& hits);

// brin -> the region of its first location by code (the main location in DUO's numbering).
std::map<std::string, std::string> InstitutionRegions(const std::vector<Location>& locations);

} // namespace vak::core::themes
