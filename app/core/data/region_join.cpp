#include "core/data/region_join.hpp"

namespace vak::core {

namespace {

std::vector<std::string> FeatureField(const RegionLayer& layer, std::string RegionFeature::*field)
{
    std::vector<std::string> out;
    out.reserve(layer.features.size());
    for (const RegionFeature& f : layer.features)
        out.push_back(f.*field);
    return out;
}

} // namespace

RegionJoin::RegionJoin(const RegionLayer& layer)
    : m_layer(layer), m_codes(FeatureField(layer, &RegionFeature::code)), m_names(FeatureField(layer, &RegionFeature::name))
{
}

int RegionJoin::Find(RegionJoinPlan::By by, std::string_view value) const
{
    switch (by) {
    case RegionJoinPlan::By::Code:
        return m_codes.Find(value);
    case RegionJoinPlan::By::Name:
        return m_names.Find(value);
    case RegionJoinPlan::By::None:
        break;
    }
    return -1;
}

RegionJoinPlan RegionJoin::Plan(const std::vector<JoinCandidate>& candidates) const
{
    auto count_matches = [&](const JoinCandidate& c, RegionJoinPlan::By by) {
        std::size_t hits = 0;
        for (const std::string& value : c.values)
            hits += Find(by, value) >= 0;
        return hits;
    };
    RegionJoinPlan by_code;
    for (const JoinCandidate& c : candidates)
        if (c.is_region_column) {
            by_code = {RegionJoinPlan::By::Code, c.column, count_matches(c, RegionJoinPlan::By::Code), c.values.size()};
            break;
        }
    RegionJoinPlan by_name;
    for (const JoinCandidate& c : candidates) {
        const std::size_t hits = count_matches(c, RegionJoinPlan::By::Name);
        // Any column can hold a few words that happen to be region names ("Groningen" as part
        // of a school's name): only the region column, or a column mostly of names, qualifies.
        const bool qualifies = hits > 0 && (c.is_region_column || 2 * hits >= c.values.size());
        if (qualifies && hits > by_name.matched)
            by_name = {RegionJoinPlan::By::Name, c.column, hits, c.values.size()};
    }
    return by_name.matched > by_code.matched ? by_name : by_code;
}

} // namespace vak::core
