// Scenarios (programme spread theme): "what if this programme closes here, or moves there?".
// A named scenario is a list of edits to the offers of one year; evaluating it compares the
// straight-line reachability per municipality before and after, and counts the people (a chosen
// measure per municipality: mbo students, 16-19-year-olds) living where the distance now
// exceeds a threshold, and where no location is left at all. Several scenarios are compared
// through their summaries.
//
// Scenarios are plain structs of codes and numbers so that the view file can store them.
// Pure core: no GL, GDAL or ImGui.
#pragma once

#include "core/themes/reachability.hpp"

#include <map>
#include <string>
#include <vector>

namespace vak::core::themes {

struct ScenarioEdit {
    enum class Kind : std::uint8_t { Close, Move };
    Kind kind = Kind::Close;
    std::string crebo;
    std::string location;    // where it is offered now
    std::string to_location; // Move: where it goes (its students and learning paths go along)
    bool operator==(const ScenarioEdit&) const = default;
};

struct Scenario {
    std::string name;
    std::vector<ScenarioEdit> edits;
    bool operator==(const Scenario&) const = default;
};

// A problem with an edit, for the UI to show next to it (codes, not sentences).
struct EditProblem {
    enum class Kind : std::uint8_t {
        NotOffered,      // the programme is not offered at `location` in that year: nothing to close or move
        UnknownLocation, // `to_location` is not a known location
    };
    int edit = 0; // index into Scenario::edits
    Kind kind = Kind::NotOffered;
};

// The offers after the edits, applied in order. Edits that change nothing are reported.
std::vector<Offer> ApplyScenario(const std::vector<Offer>& offers, const Scenario& scenario,
                                 const std::vector<Location>& locations, std::vector<EditProblem>* problems = nullptr);

struct ScenarioOptions {
    ProgrammeChoice choice;     // which programmes' reachability is compared
    double threshold_km = 30;   // "further than this is too far"
    DistanceClasses classes;
};

// One municipality, before and after.
struct ReachChange {
    Reach before, after;
    RegionValue people; // the chosen measure living there (Empty when the table lacks it)
    // Within the threshold before (<=), beyond it after, still with some location offering it.
    bool pushed_beyond = false;
    // Some location before, none after (disjoint from pushed_beyond).
    bool lost_access = false;
};

struct ScenarioSummary {
    std::string name;
    int municipalities_pushed_beyond = 0;
    double people_pushed_beyond = 0; // known people only; see the unknown count
    int municipalities_lost_access = 0;
    double people_lost_access = 0;
    // Affected municipalities whose people are unknown ("<5" throughout, missing): their people
    // are in neither sum, and the UI says so rather than showing a total that looks complete.
    int affected_with_unknown_people = 0;
    std::int64_t suppressed_parts = 0; // "<5" parts left out of the people sums
    int municipalities_further = 0;    // any municipality whose distance grew at all
    std::vector<EditProblem> problems;
};

struct ScenarioResult {
    std::vector<ReachChange> municipalities; // in the order of the origins
    ScenarioSummary summary;
};

// `people`: per municipality code, the chosen measure (themes::SumPerRegion on the pupils table).
ScenarioResult EvaluateScenario(const std::vector<Origin>& origins, const std::vector<Location>& locations,
                                const std::vector<Offer>& offers, const std::vector<Programme>& catalogue,
                                const std::map<std::string, RegionValue>& people, const Scenario& scenario,
                                const ScenarioOptions& options);

// One summary per scenario, in order: the comparison table.
std::vector<ScenarioSummary> CompareScenarios(const std::vector<Origin>& origins,
                                              const std::vector<Location>& locations,
                                              const std::vector<Offer>& offers,
                                              const std::vector<Programme>& catalogue,
                                              const std::map<std::string, RegionValue>& people,
                                              const std::vector<Scenario>& scenarios, const ScenarioOptions& options);

} // namespace vak::core::themes
