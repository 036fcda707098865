#include "core/themes/alerts.hpp"

#include "core/themes/krimp.hpp"

#include <algorithm>
#include <charconv>
#include <tuple>

namespace vak::core::themes {

const char* AlertKindName(AlertKind kind)
{
    switch (kind) {
    case AlertKind::SmallProgramme: return "small_programme";
    case AlertKind::SmallRegion: return "small_region";
    case AlertKind::FastDecline: return "fast_decline";
    case AlertKind::UniqueInShrinkingRegion: return "unique_in_shrinking_region";
    case AlertKind::VacancyGrowth: return "vacancy_growth";
    }
    return "";
}

std::optional<AlertKind> AlertKindFromName(std::string_view name)
{
    for (AlertKind kind : {AlertKind::SmallProgramme, AlertKind::SmallRegion, AlertKind::FastDecline,
                           AlertKind::UniqueInShrinkingRegion, AlertKind::VacancyGrowth})
        if (name == AlertKindName(kind))
            return kind;
    return std::nullopt;
}

std::vector<AlertRule> DefaultAlertRules()
{
    return {{AlertKind::SmallProgramme, true, "", 50, 0},
            {AlertKind::FastDecline, true, "", 10, 5},
            {AlertKind::UniqueInShrinkingRegion, true, "", 10, 5},
            {AlertKind::VacancyGrowth, true, "", 20, 0}};
}

namespace {

// The year `years` before `year` as a label, or empty when `year` is not a number.
std::string YearsBefore(const std::string& year, int years)
{
    int value = 0;
    const auto [end, ec] = std::from_chars(year.data(), year.data() + year.size(), value);
    if (ec != std::errc() || end != year.data() + year.size())
        return {};
    return std::to_string(value - years);
}

// Per region, the change in % over `years` years up to the reference year, where known.
std::map<std::string, RegionChange> Declines(const AlertInputs& in, int years)
{
    std::map<std::string, RegionChange> result;
    const std::string from = YearsBefore(in.reference_year, years);
    if (from.empty())
        return result;
    for (RegionChange& c : ComputeChanges(in.pupils, from, in.reference_year))
        if (c.percent.state == agg::GroupState::Known)
            result.emplace(c.region, std::move(c));
    return result;
}

std::string Find(const std::map<std::string, std::string>& map, const std::string& key)
{
    const auto it = map.find(key);
    return it != map.end() ? it->second : std::string();
}

} // namespace

std::vector<AlertHit> EvaluateAlerts(const std::vector<AlertRule>& rules, const AlertInputs& in)
{
    std::vector<AlertHit> hits;
    for (std::size_t i = 0; i < rules.size(); ++i) {
        const AlertRule& rule = rules[i];
        if (!rule.enabled)
            continue;
        std::vector<AlertHit> found;
        AlertHit base;
        base.rule = static_cast<int>(i);
        base.kind = rule.kind;
        base.threshold = rule.threshold;
        base.years = rule.years;
        switch (rule.kind) {
        case AlertKind::SmallProgramme:
            for (const InstitutionProgramme& p : in.programmes) {
                const double known = p.students.state == agg::GroupState::Known ? p.students.value : 0.0;
                double low = 0, high = 0;
                if (ClassifySize(known, p.students.suppressed, p.missing, rule.threshold, &low, &high) != SmallState::Small)
                    continue;
                AlertHit h = base;
                h.brin = p.brin;
                h.crebo = p.crebo;
                h.region = Find(in.institution_region, p.brin);
                h.value = high; // "fewer than": the most it can be
                found.push_back(std::move(h));
            }
            break;
        case AlertKind::SmallRegion:
            for (const auto& [region, v] : in.students_per_region) {
                const bool all_suppressed = v.state == agg::GroupState::Unknown && v.suppressed > 0;
                if (v.state != agg::GroupState::Known && !all_suppressed)
                    continue;
                const double known = v.state == agg::GroupState::Known ? v.value : 0.0;
                double low = 0, high = 0;
                if (ClassifySize(known, v.suppressed, 0, rule.threshold, &low, &high) != SmallState::Small)
                    continue;
                AlertHit h = base;
                h.region = region;
                h.value = high;
                found.push_back(std::move(h));
            }
            break;
        case AlertKind::FastDecline:
            for (const auto& [region, c] : Declines(in, rule.years)) {
                if (!(c.percent.value < -rule.threshold))
                    continue;
                AlertHit h = base;
                h.region = region;
                h.value = c.percent.value;
                h.from_period = YearsBefore(in.reference_year, rule.years);
                h.to_period = in.reference_year;
                found.push_back(std::move(h));
            }
            break;
        case AlertKind::UniqueInShrinkingRegion: {
            const std::map<std::string, RegionChange> declines = Declines(in, rule.years);
            for (const ProgrammeLocations& p : in.programme_locations) {
                if (!p.unique)
                    continue;
                std::vector<std::string> where;
                for (const Offer& o : in.offers)
                    if (o.crebo == p.crebo && std::find(where.begin(), where.end(), o.location) == where.end())
                        where.push_back(o.location);
                std::sort(where.begin(), where.end());
                // Every location must lie in a region known to shrink that fast; one elsewhere
                // (or in a region of unknown change) keeps the programme within reach.
                bool all_shrinking = !where.empty();
                double worst = 0;
                std::string worst_region, worst_location;
                for (const std::string& location : where) {
                    const auto d = declines.find(Find(in.location_region, location));
                    if (d == declines.end() || !(d->second.percent.value < -rule.threshold)) {
                        all_shrinking = false;
                        break;
                    }
                    if (worst_region.empty() || d->second.percent.value < worst) {
                        worst = d->second.percent.value;
                        worst_region = d->first;
                        worst_location = location;
                    }
                }
                if (!all_shrinking)
                    continue;
                AlertHit h = base;
                h.crebo = p.crebo;
                h.location = worst_location;
                h.region = worst_region;
                h.value = worst;
                h.from_period = YearsBefore(in.reference_year, rule.years);
                h.to_period = in.reference_year;
                found.push_back(std::move(h));
            }
            break;
        }
        case AlertKind::VacancyGrowth:
            for (const RegionChange& c : ComputeChanges(in.vacancies, in.vacancy_from, in.vacancy_to)) {
                if (c.percent.state != agg::GroupState::Known || !(c.percent.value > rule.threshold))
                    continue;
                AlertHit h = base;
                h.region = c.region;
                h.value = c.percent.value;
                h.from_period = in.vacancy_from;
                h.to_period = in.vacancy_to;
                found.push_back(std::move(h));
            }
            break;
        }
        std::stable_sort(found.begin(), found.end(), [](const AlertHit& a, const AlertHit& b) {
            return std::tie(a.region, a.brin, a.location, a.crebo) < std::tie(b.region, b.brin, b.location, b.crebo);
        });
        hits.insert(hits.end(), found.begin(), found.end());
    }
    return hits;
}

double AlertSeverity(const AlertHit& hit)
{
    switch (hit.kind) {
    case AlertKind::SmallProgramme:
    case AlertKind::SmallRegion: return hit.threshold - hit.value;
    case AlertKind::FastDecline:
    case AlertKind::UniqueInShrinkingRegion: return -hit.value;
    case AlertKind::VacancyGrowth: return hit.value;
    }
    return 0;
}

std::vector<AlertGroup> GroupAlerts(const std::vector<AlertRule>& rules, const std::vector<AlertHit>& hits)
{
    std::vector<AlertGroup> groups;
    std::vector<int> group_of(rules.size(), -1);
    for (std::size_t r = 0; r < rules.size(); ++r)
        if (rules[r].enabled) {
            group_of[r] = static_cast<int>(groups.size());
            groups.push_back({static_cast<int>(r), {}});
        }
    for (std::size_t i = 0; i < hits.size(); ++i) {
        const int rule = hits[i].rule;
        if (rule >= 0 && static_cast<std::size_t>(rule) < rules.size() && group_of[static_cast<std::size_t>(rule)] >= 0)
            groups[static_cast<std::size_t>(group_of[static_cast<std::size_t>(rule)])].hits.push_back(i);
    }
    for (AlertGroup& group : groups)
        std::stable_sort(group.hits.begin(), group.hits.end(),
                         [&](std::size_t a, std::size_t b) { return AlertSeverity(hits[a]) > AlertSeverity(hits[b]); });
    // Groups are in rule order here, so a stable sort keeps rule order among equal counts.
    std::stable_sort(groups.begin(), groups.end(), [](const AlertGroup& a, const AlertGroup& b) {
        if (a.hits.empty() != b.hits.empty())
            return !a.hits.empty();
        return a.hits.size() < b.hits.size();
    });
    return groups;
}

std::map<std::string, std::string> InstitutionRegions(const std::vector<Location>& locations)
{
    std::map<std::string, std::pair<std::string, std::string>> first; // brin -> (location, region)
    for (const Location& l : locations) {
        auto [it, added] = first.emplace(l.brin, std::make_pair(l.code, l.region_code));
        if (!added && l.code < it->second.first)
            it->second = {l.code, l.region_code};
    }
    std::map<std::string, std::string> regions;
    for (const auto& [brin, place] : first)
        regions.emplace(brin, place.second);
    return regions;
}

} // namespace vak::core::themes
