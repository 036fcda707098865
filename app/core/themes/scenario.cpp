#include "core/themes/scenario.hpp"

#include <algorithm>

namespace vak::core::themes {

std::vector<Offer> ApplyScenario(const std::vector<Offer>& offers, const Scenario& scenario,
                                 const std::vector<Location>& locations, std::vector<EditProblem>* problems)
{
    std::vector<Offer> result = offers;
    for (std::size_t e = 0; e < scenario.edits.size(); ++e) {
        const ScenarioEdit& edit = scenario.edits[e];
        auto report = [&](EditProblem::Kind kind) {
            if (problems)
                problems->push_back({static_cast<int>(e), kind});
        };
        if (edit.kind == ScenarioEdit::Kind::Move &&
            std::none_of(locations.begin(), locations.end(),
                         [&](const Location& l) { return l.code == edit.to_location; })) {
            report(EditProblem::Kind::UnknownLocation);
            continue;
        }
        // Every learning path of the programme at that location goes (or moves) together.
        std::vector<Offer> moved;
        const auto gone = std::stable_partition(result.begin(), result.end(), [&](const Offer& o) {
            return !(o.crebo == edit.crebo && o.location == edit.location);
        });
        if (gone == result.end()) {
            report(EditProblem::Kind::NotOffered);
            continue;
        }
        moved.assign(gone, result.end());
        result.erase(gone, result.end());
        if (edit.kind == ScenarioEdit::Kind::Move)
            for (Offer& o : moved) {
                o.location = edit.to_location;
                // Joining an offer already there: students add up.
                const auto same = std::find_if(result.begin(), result.end(), [&](const Offer& x) {
                    return x.location == o.location && x.crebo == o.crebo && x.path == o.path;
                });
                if (same == result.end()) {
                    result.push_back(o);
                    continue;
                }
                RegionValue& s = same->students;
                s.suppressed += o.students.suppressed;
                if (o.students.state == agg::GroupState::Known) {
                    s.value = (s.state == agg::GroupState::Known ? s.value : 0) + o.students.value;
                    s.state = agg::GroupState::Known;
                }
            }
    }
    return result;
}

ScenarioResult EvaluateScenario(const std::vector<Origin>& origins, const std::vector<Location>& locations,
                                const std::vector<Offer>& offers, const std::vector<Programme>& catalogue,
                                const std::map<std::string, RegionValue>& people, const Scenario& scenario,
                                const ScenarioOptions& options)
{
    ScenarioResult result;
    ScenarioSummary& s = result.summary;
    s.name = scenario.name;
    const std::vector<Offer> after_offers = ApplyScenario(offers, scenario, locations, &s.problems);
    const std::vector<Reach> before =
        ComputeReachability(origins, SitesOffering(offers, locations, options.choice, catalogue), options.classes);
    const std::vector<Reach> after =
        ComputeReachability(origins, SitesOffering(after_offers, locations, options.choice, catalogue), options.classes);
    for (std::size_t i = 0; i < origins.size(); ++i) {
        ReachChange c;
        c.before = before[i];
        c.after = after[i];
        if (const auto it = people.find(origins[i].code); it != people.end())
            c.people = it->second;
        c.lost_access = c.before.reachable && !c.after.reachable;
        c.pushed_beyond = c.before.reachable && c.after.reachable && c.before.km <= options.threshold_km &&
                          c.after.km > options.threshold_km;
        if (c.after.km > c.before.km)
            ++s.municipalities_further;
        if (c.lost_access || c.pushed_beyond) {
            (c.lost_access ? s.municipalities_lost_access : s.municipalities_pushed_beyond) += 1;
            if (c.people.state == agg::GroupState::Known) {
                (c.lost_access ? s.people_lost_access : s.people_pushed_beyond) += c.people.value;
                s.suppressed_parts += c.people.suppressed;
            } else {
                ++s.affected_with_unknown_people;
            }
        }
        result.municipalities.push_back(std::move(c));
    }
    return result;
}

std::vector<ScenarioSummary> CompareScenarios(const std::vector<Origin>& origins,
                                              const std::vector<Location>& locations,
                                              const std::vector<Offer>& offers,
                                              const std::vector<Programme>& catalogue,
                                              const std::map<std::string, RegionValue>& people,
                                              const std::vector<Scenario>& scenarios, const ScenarioOptions& options)
{
    std::vector<ScenarioSummary> summaries;
    for (const Scenario& scenario : scenarios)
        summaries.push_back(
            EvaluateScenario(origins, locations, offers, catalogue, people, scenario, options).summary);
    return summaries;
}

} // namespace vak::core::themes
