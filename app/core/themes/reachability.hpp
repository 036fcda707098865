// Reachability (programme spread theme): per municipality, the straight-line ("hemelsbreed")
// distance from its centre point to the nearest location offering any of the selected
// programmes, in km, and the class the map colours it by. Straight-line, not travel time: the
// users compare places, and a road network is not part of the data; say "hemelsbreed" wherever
// it is shown. The centre is the layer's label point (themes::OriginsOf), not a
// population-weighted centre.
//
// The nearest search sorts the locations by x once and, per query, walks outwards from the
// query's x in both directions, stopping each side as soon as the x gap alone exceeds the best
// distance found (sort-and-prune): about sqrt(n) candidates per query on spread points, exact.
// Pure core: no GL, GDAL or ImGui.
#pragma once

#include "core/geo/geo_types.hpp"
#include "core/themes/theme_data.hpp"

#include <limits>
#include <set>
#include <string>
#include <vector>

namespace vak::core::themes {

class NearestPointIndex {
public:
    explicit NearestPointIndex(std::vector<Vec2d> points);

    struct Hit {
        int point = -1; // index into the points given; -1 when there are none
        double distance = std::numeric_limits<double>::infinity(); // display units (m)
    };
    // The nearest point; of equally near ones the lowest index, so results never depend on the
    // order of the search.
    Hit Nearest(Vec2d query) const;
    std::size_t Size() const { return m_sorted.size(); }

private:
    std::vector<Vec2d> m_points;
    std::vector<int> m_sorted; // indices by x, then y, then index
};

// Which programmes count: any of `crebos` (empty: every programme), in `path` (Any: BOL or
// BBL), at `level` (0: any; needs the catalogue).
struct ProgrammeChoice {
    std::set<std::string> crebos;
    LearningPath path = LearningPath::Any;
    int level = 0;
};
bool Chosen(const ProgrammeChoice& choice, const Offer& offer, const std::vector<Programme>& catalogue,
            const std::map<std::string, int>& catalogue_index);

// A place offering a chosen programme.
struct Site {
    std::string location; // Location::code
    Vec2d position;
};
// The locations offering any chosen programme, each once, in the order of `locations`.
// Offers at locations not in `locations` cannot be placed and are listed in `unplaced`.
std::vector<Site> SitesOffering(const std::vector<Offer>& offers, const std::vector<Location>& locations,
                                const ProgrammeChoice& choice, const std::vector<Programme>& catalogue,
                                std::vector<std::string>* unplaced = nullptr);

// Map classes by upper bound in km: the default <10, 10-20, 20-30, 30-50, 50+. Class i holds
// distances in [bound[i-1], bound[i]); the last class everything from the last bound on.
struct DistanceClasses {
    std::vector<double> upper_km = {10, 20, 30, 50};
    int Count() const { return static_cast<int>(upper_km.size()) + 1; }
    int ClassOf(double km) const; // -1 for "no location at all" (infinite distance)
};

struct Reach {
    std::string code;              // municipality
    bool reachable = false;        // false: no location offers the choice at all
    double km = std::numeric_limits<double>::infinity(); // straight-line distance
    std::string nearest;           // location code, empty when unreachable
    int km_class = -1;             // DistanceClasses::ClassOf(km)
};

// Per origin, in order: the straight-line distance to the nearest site.
std::vector<Reach> ComputeReachability(const std::vector<Origin>& origins, const std::vector<Site>& sites,
                                       const DistanceClasses& classes = {});

} // namespace vak::core::themes
