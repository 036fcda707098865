#include "core/themes/reachability.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace vak::core::themes {

NearestPointIndex::NearestPointIndex(std::vector<Vec2d> points) : m_points(std::move(points))
{
    m_sorted.resize(m_points.size());
    for (std::size_t i = 0; i < m_sorted.size(); ++i)
        m_sorted[i] = static_cast<int>(i);
    std::sort(m_sorted.begin(), m_sorted.end(), [&](int a, int b) {
        const Vec2d &p = m_points[std::size_t(a)], &q = m_points[std::size_t(b)];
        return p.x != q.x ? p.x < q.x : p.y != q.y ? p.y < q.y : a < b;
    });
}

NearestPointIndex::Hit NearestPointIndex::Nearest(Vec2d query) const
{
    Hit best;
    if (m_sorted.empty())
        return best;
    const auto start = std::lower_bound(m_sorted.begin(), m_sorted.end(), query.x,
                                        [&](int i, double x) { return m_points[std::size_t(i)].x < x; });
    auto consider = [&](int i) {
        const double d = Distance(m_points[std::size_t(i)], query);
        if (d < best.distance || (d == best.distance && i < best.point)) {
            best.distance = d;
            best.point = i;
        }
    };
    // Walk right and left from the query's x; a side stops once its x gap alone is larger than
    // the best distance (equal gaps are still looked at: an equally near point with a lower
    // index must win whichever side it lies on).
    for (auto it = start; it != m_sorted.end(); ++it) {
        if (m_points[std::size_t(*it)].x - query.x > best.distance)
            break;
        consider(*it);
    }
    for (auto it = start; it != m_sorted.begin();) {
        --it;
        if (query.x - m_points[std::size_t(*it)].x > best.distance)
            break;
        consider(*it);
    }
    return best;
}

bool Chosen(const ProgrammeChoice& choice, const Offer& offer, const std::vector<Programme>& catalogue,
            const std::map<std::string, int>& catalogue_index)
{
    if (!choice.crebos.empty() && !choice.crebos.count(offer.crebo))
        return false;
    if (choice.path != LearningPath::Any && offer.path != choice.path)
        return false;
    if (choice.level != 0) {
        const auto it = catalogue_index.find(offer.crebo);
        if (it == catalogue_index.end() || catalogue[std::size_t(it->second)].level != choice.level)
            return false;
    }
    return true;
}

std::vector<Site> SitesOffering(const std::vector<Offer>& offers, const std::vector<Location>& locations,
                                const ProgrammeChoice& choice, const std::vector<Programme>& catalogue,
                                std::vector<std::string>* unplaced)
{
    const std::map<std::string, int> index = CatalogueIndex(catalogue);
    std::unordered_map<std::string, std::size_t> location_of;
    for (std::size_t i = 0; i < locations.size(); ++i)
        location_of.emplace(locations[i].code, i);
    std::vector<bool> offering(locations.size(), false);
    for (const Offer& o : offers) {
        if (!Chosen(choice, o, catalogue, index))
            continue;
        const auto it = location_of.find(o.location);
        if (it == location_of.end()) {
            if (unplaced)
                unplaced->push_back(o.location);
            continue;
        }
        offering[it->second] = true;
    }
    std::vector<Site> sites;
    for (std::size_t i = 0; i < locations.size(); ++i)
        if (offering[i])
            sites.push_back({locations[i].code, locations[i].position});
    return sites;
}

int DistanceClasses::ClassOf(double km) const
{
    if (!std::isfinite(km))
        return -1;
    const auto it = std::upper_bound(upper_km.begin(), upper_km.end(), km);
    return static_cast<int>(it - upper_km.begin());
}

std::vector<Reach> ComputeReachability(const std::vector<Origin>& origins, const std::vector<Site>& sites,
                                       const DistanceClasses& classes)
{
    std::vector<Vec2d> points;
    points.reserve(sites.size());
    for (const Site& s : sites)
        points.push_back(s.position);
    const NearestPointIndex index(std::move(points));
    std::vector<Reach> reach;
    reach.reserve(origins.size());
    for (const Origin& o : origins) {
        Reach r;
        r.code = o.code;
        const NearestPointIndex::Hit hit = index.Nearest(o.position);
        if (hit.point >= 0) {
            r.reachable = true;
            r.km = hit.distance / 1000.0;
            r.nearest = sites[std::size_t(hit.point)].location;
        }
        r.km_class = classes.ClassOf(r.km);
        reach.push_back(std::move(r));
    }
    return reach;
}

} // namespace vak::core::themes
