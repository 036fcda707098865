// Builds hexagon tile maps (see hex_tile_map.hpp) and measures how faithful they are.
//
// Algorithm, and why:
// 1. Size: one hexagon per feature over the centroids' convex hull plus the half-cell rim that
//    a hull through cell centres leaves out, so a uniform layer keeps its scale and its outline.
// 2. Order: features in dense areas go first (most neighbours within a few radii, then nearest
//    the overall mean, then by index). A dense cluster such as the Randstad then claims the
//    cells around its own centre and grows outwards as a compact blob; processing it last would
//    push it to whatever cells the sparse surroundings left over, far from home.
// 3. Greedy: each feature takes the free cell with the lowest cost = distance to its centroid
//    (in hex radii) + adjacency_weight * (already placed neighbours it would not touch). Cells
//    are searched ring by ring around the centroid's own cell and the search stops once a ring
//    cannot beat the best cost found, so no step scans the whole grid.
// 4. Improve: passes of local moves (to a free cell) and swaps (with the occupant) within two
//    rings of a feature's cell or one ring of its home cell, accepted only when the same cost
//    summed over everything drops, so passes never make the layout worse and always stop.
// Occupancy lives in an open-addressing hash table that is only ever probed by key, never
// iterated, so the result does not depend on table layout; there is no randomness and no thread.
#include "core/geo/hex_tile_map.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>
#include <cstdlib>
#include <cstdio>

namespace vak::core {

namespace {

using Cell = std::pair<int, int>;

constexpr double kSqrt3 = 1.7320508075688772;
constexpr double kUnitHexArea = 1.5 * kSqrt3; // area of a hexagon with radius 1
// Cells stay well inside int, also for sums of a cell and a ring offset.
constexpr double kMaxCellCoordinate = 1 << 28;
// Radius, in hex radii, within which neighbours count towards a feature's local density:
// wide enough to tell a city from its suburbs, narrow enough to stay local.
constexpr double kDensityRadius = 3.0;
// Smallest cost drop that counts as an improvement; keeps rounding noise from cycling.
constexpr double kMinImprovement = 1e-9;

constexpr std::array<Cell, 6> kDirections = {{{1, 0}, {1, -1}, {0, -1}, {-1, 0}, {-1, 1}, {0, 1}}};

Cell Add(Cell a, Cell b)
{
    return {a.first + b.first, a.second + b.second};
}

Cell Scale(Cell a, int k)
{
    return {a.first * k, a.second * k};
}

// Centre of a cell in hex radii relative to the grid origin.
Vec2d UnitCentre(Cell c)
{
    return {kSqrt3 * (c.first + 0.5 * c.second), 1.5 * c.second};
}

// The cell containing a point given in hex radii (cube-coordinate rounding).
Cell NearestCell(Vec2d u)
{
    const double q = kSqrt3 / 3.0 * u.x - u.y / 3.0;
    const double r = 2.0 / 3.0 * u.y;
    const double s = -q - r;
    double rq = std::round(q);
    double rr = std::round(r);
    const double rs = std::round(s);
    const double dq = std::abs(rq - q);
    const double dr = std::abs(rr - r);
    const double ds = std::abs(rs - s);
    if (dq > dr && dq > ds)
        rq = -rr - rs;
    else if (dr > ds)
        rr = -rq - rs;
    return {static_cast<int>(rq), static_cast<int>(rr)};
}

// Calls visit(cell) for every cell at hex distance exactly k from centre, in a fixed order.
template <typename Visit>
void ForRing(Cell centre, int k, Visit&& visit)
{
    if (k == 0) {
        visit(centre);
        return;
    }
    Cell c = Add(centre, Scale(kDirections[4], k));
    for (const Cell& step : kDirections)
        for (int i = 0; i < k; ++i) {
            visit(c);
            c = Add(c, step);
        }
}

double UnitDistance(Vec2d a, Vec2d b)
{
    const double dx = a.x - b.x;
    const double dy = a.y - b.y;
    return std::sqrt(dx * dx + dy * dy);
}

// Cell -> feature (or -1) in an open-addressing table. Cells are never removed, only set to -1,
// so lookups need no tombstones; the number of distinct cells touched stays a small multiple of
// the feature count.
class CellTable {
public:
    explicit CellTable(std::size_t expected)
    {
        std::size_t capacity = 16;
        while (capacity < expected * 2)
            capacity *= 2;
        m_keys.assign(capacity, kEmptyKey);
        m_values.assign(capacity, -1);
    }

    int Get(Cell c) const
    {
        const std::uint64_t key = Key(c);
        for (std::size_t slot = Hash(key) & Mask();; slot = (slot + 1) & Mask()) {
            if (m_keys[slot] == key)
                return m_values[slot];
            if (m_keys[slot] == kEmptyKey)
                return -1;
        }
    }

    void Set(Cell c, int feature)
    {
        const std::uint64_t key = Key(c);
        std::size_t slot = Hash(key) & Mask();
        while (m_keys[slot] != key && m_keys[slot] != kEmptyKey)
            slot = (slot + 1) & Mask();
        if (m_keys[slot] == key) {
            m_values[slot] = feature;
            return;
        }
        if (feature < 0)
            return; // a cell never set is free already
        m_keys[slot] = key;
        m_values[slot] = feature;
        if (++m_count * 2 > m_keys.size())
            Grow();
    }

private:
    // (INT_MIN, INT_MIN) never occurs: cells are bounded by kMaxCellCoordinate.
    static constexpr std::uint64_t kEmptyKey = 0x8000000080000000ULL;

    static std::uint64_t Key(Cell c)
    {
        return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(c.first)) << 32) |
               static_cast<std::uint32_t>(c.second);
    }
    static std::uint64_t Hash(std::uint64_t x) // splitmix64 finaliser
    {
        x ^= x >> 30;
        x *= 0xbf58476d1ce4e5b9ULL;
        x ^= x >> 27;
        x *= 0x94d049bb133111ebULL;
        x ^= x >> 31;
        return x;
    }
    std::size_t Mask() const { return m_keys.size() - 1; }

    void Grow()
    {
        std::vector<std::uint64_t> keys(m_keys.size() * 2, kEmptyKey);
        std::vector<int> values(m_keys.size() * 2, -1);
        keys.swap(m_keys);
        values.swap(m_values);
        for (std::size_t i = 0; i < keys.size(); ++i) {
            if (keys[i] == kEmptyKey)
                continue;
            std::size_t slot = Hash(keys[i]) & Mask();
            while (m_keys[slot] != kEmptyKey)
                slot = (slot + 1) & Mask();
            m_keys[slot] = keys[i];
            m_values[slot] = values[i];
        }
    }

    std::vector<std::uint64_t> m_keys;
    std::vector<int> m_values;
    std::size_t m_count = 0;
};

void CheckCentroids(const std::vector<Vec2d>& centroids)
{
    for (std::size_t i = 0; i < centroids.size(); ++i)
        if (!std::isfinite(centroids[i].x) || !std::isfinite(centroids[i].y))
            throw std::invalid_argument("hex tile map: the centroid of feature " + std::to_string(i) +
                                        " is not a finite point");
}

// Each undirected neighbour pair once, as (smaller, larger) index, sorted.
std::vector<std::pair<int, int>> NeighbourPairs(const std::vector<std::vector<int>>& neighbours, std::size_t count)
{
    std::vector<std::pair<int, int>> pairs;
    if (neighbours.empty())
        return pairs;
    if (neighbours.size() != count)
        throw std::invalid_argument("hex tile map: " + std::to_string(neighbours.size()) +
                                    " neighbour lists for " + std::to_string(count) + " features");
    for (std::size_t i = 0; i < neighbours.size(); ++i)
        for (int j : neighbours[i]) {
            if (j < 0 || static_cast<std::size_t>(j) >= count)
                throw std::invalid_argument("hex tile map: feature " + std::to_string(i) + " lists neighbour " +
                                            std::to_string(j) + ", outside 0.." + std::to_string(count - 1));
            const int a = static_cast<int>(i);
            if (j != a)
                pairs.emplace_back(std::min(a, j), std::max(a, j));
        }
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    return pairs;
}

// Convex hull (Andrew's monotone chain); returns area and perimeter. Collinear input gives area
// 0 and twice the segment length, which the sizing below handles as a chain of cells.
std::pair<double, double> HullAreaAndPerimeter(std::vector<Vec2d> points)
{
    std::sort(points.begin(), points.end(), [](Vec2d a, Vec2d b) { return a.x < b.x || (a.x == b.x && a.y < b.y); });
    points.erase(std::unique(points.begin(), points.end()), points.end());
    if (points.size() < 2)
        return {0.0, 0.0};
    const Vec2d base = points.front(); // work relative to one point: RD metres lose digits in cross products
    for (Vec2d& p : points)
        p = p - base;
    auto cross = [](Vec2d o, Vec2d a, Vec2d b) { return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x); };
    std::vector<Vec2d> hull(points.size() * 2);
    std::size_t k = 0;
    for (std::size_t i = 0; i < points.size(); ++i) {
        while (k >= 2 && cross(hull[k - 2], hull[k - 1], points[i]) <= 0)
            --k;
        hull[k++] = points[i];
    }
    for (std::size_t i = points.size() - 1, lower = k + 1; i-- > 0;) {
        while (k >= lower && cross(hull[k - 2], hull[k - 1], points[i]) <= 0)
            --k;
        hull[k++] = points[i];
    }
    hull.resize(k - 1);
    double area = 0;
    double perimeter = 0;
    for (std::size_t i = 0; i < hull.size(); ++i) {
        const Vec2d a = hull[i];
        const Vec2d b = hull[(i + 1) % hull.size()];
        area += a.x * b.y - b.x * a.y;
        perimeter += Distance(a, b);
    }
    return {std::abs(area) * 0.5, perimeter};
}

// Radius such that n hexagons cover the hull plus a rim of half a cell: with cell side s
// (s * s = hexagon area), n s^2 = area + perimeter * s / 2 + s^2, which is exact for a square
// lattice of points. Returns 0 when the points have no extent.
double AutoRadius(const std::vector<Vec2d>& points)
{
    const double n = static_cast<double>(points.size());
    if (points.size() < 2)
        return 0.0;
    const auto [area, perimeter] = HullAreaAndPerimeter(points);
    const double half_p = perimeter * 0.5;
    const double side = (half_p + std::sqrt(half_p * half_p + 4.0 * (n - 1.0) * area)) / (2.0 * (n - 1.0));
    if (!(side > 0) || !std::isfinite(side))
        return 0.0;
    return side / std::sqrt(kUnitHexArea);
}

// Neighbour lists in one array (compressed rows), symmetric and sorted.
struct Adjacency {
    std::vector<int> start; // feature i's neighbours are list[start[i] .. start[i + 1])
    std::vector<int> list;

    Adjacency(const std::vector<std::pair<int, int>>& pairs, std::size_t count) : start(count + 1, 0)
    {
        for (const auto& [a, b] : pairs) {
            ++start[a + 1];
            ++start[b + 1];
        }
        for (std::size_t i = 0; i < count; ++i)
            start[i + 1] += start[i];
        list.resize(pairs.size() * 2);
        std::vector<int> fill(start.begin(), start.end() - 1);
        for (const auto& [a, b] : pairs) { // pairs are sorted, so every list comes out sorted
            list[fill[a]++] = b;
            list[fill[b]++] = a;
        }
    }
};

// Neighbours within kDensityRadius, counted through square buckets of that size.
std::vector<int> LocalDensity(const std::vector<Vec2d>& unit)
{
    const int n = static_cast<int>(unit.size());
    auto bucket_of = [](Vec2d u) {
        return Cell{static_cast<int>(std::floor(u.x / kDensityRadius)), static_cast<int>(std::floor(u.y / kDensityRadius))};
    };
    CellTable heads(unit.size());
    std::vector<int> next(unit.size(), -1);
    for (int i = 0; i < n; ++i) {
        const Cell b = bucket_of(unit[i]);
        next[i] = heads.Get(b);
        heads.Set(b, i);
    }
    std::vector<int> density(unit.size(), 0);
    const double limit = kDensityRadius * kDensityRadius;
    for (int i = 0; i < n; ++i) {
        const Cell b = bucket_of(unit[i]);
        for (int dy = -1; dy <= 1; ++dy)
            for (int dx = -1; dx <= 1; ++dx)
                for (int j = heads.Get({b.first + dx, b.second + dy}); j >= 0; j = next[j]) {
                    const double ex = unit[j].x - unit[i].x;
                    const double ey = unit[j].y - unit[i].y;
                    if (ex * ex + ey * ey <= limit)
                        ++density[i];
                }
    }
    return density;
}


double EnvD(const char* name, double def) { const char* v = std::getenv(name); return v ? std::atof(v) : def; }

// Dorling-style spreading: equal discs of the lattice spacing push apart where they overlap and
// neighbours pull together where they are apart, so dense clusters expand and sparse areas
// close up before anything is snapped to the grid.
std::vector<Vec2d> Spread(const std::vector<Vec2d>& unit, const Adjacency& adjacency, int* iterations_out)
{
    const double spacing = kSqrt3;
    const double pull = EnvD("HEX_PULL", 0.1);
    const double anchor = EnvD("HEX_ANCHOR", 0.0);
    const int max_iter = static_cast<int>(EnvD("HEX_ITER", 300));
    const int n = static_cast<int>(unit.size());
    std::vector<Vec2d> pos = unit;
    std::vector<Vec2d> move(unit.size());
    std::vector<int> next(unit.size());
    int iter = 0;
    for (; iter < max_iter; ++iter) {
        auto bucket_of = [&](Vec2d u) {
            return Cell{static_cast<int>(std::floor(u.x / spacing)), static_cast<int>(std::floor(u.y / spacing))};
        };
        CellTable heads(unit.size());
        for (int i = 0; i < n; ++i) {
            const Cell b = bucket_of(pos[i]);
            next[i] = heads.Get(b);
            heads.Set(b, i);
        }
        std::fill(move.begin(), move.end(), Vec2d{});
        double max_overlap = 0;
        for (int i = 0; i < n; ++i) {
            const Cell b = bucket_of(pos[i]);
            for (int dy = -1; dy <= 1; ++dy)
                for (int dx = -1; dx <= 1; ++dx)
                    for (int j = heads.Get({b.first + dx, b.second + dy}); j >= 0; j = next[j]) {
                        if (j <= i)
                            continue;
                        Vec2d d = pos[i] - pos[j];
                        double len = std::sqrt(d.x * d.x + d.y * d.y);
                        if (len >= spacing)
                            continue;
                        if (len < 1e-9) {
                            const double angle = 2.399963229728653 * (i + 0.5 * j);
                            d = {std::cos(angle), std::sin(angle)};
                            len = 1;
                        } else {
                            d = d * (1.0 / len);
                            len = len;
                        }
                        const double overlap = spacing - std::sqrt((pos[i].x - pos[j].x) * (pos[i].x - pos[j].x) + (pos[i].y - pos[j].y) * (pos[i].y - pos[j].y));
                        max_overlap = std::max(max_overlap, overlap);
                        move[i] = move[i] + d * (0.5 * overlap);
                        move[j] = move[j] - d * (0.5 * overlap);
                    }
            for (int k = adjacency.start[i]; k < adjacency.start[i + 1]; ++k) {
                const int j = adjacency.list[k];
                Vec2d d = pos[j] - pos[i];
                const double len = std::sqrt(d.x * d.x + d.y * d.y);
                if (len > spacing)
                    move[i] = move[i] + d * (pull * 0.5 * (len - spacing) / len);
            }
            move[i] = move[i] + (unit[i] - pos[i]) * anchor;
        }
        double max_move = 0;
        for (int i = 0; i < n; ++i) {
            double len = std::sqrt(move[i].x * move[i].x + move[i].y * move[i].y);
            if (len > 0.5 * spacing) {
                move[i] = move[i] * (0.5 * spacing / len);
                len = 0.5 * spacing;
            }
            max_move = std::max(max_move, len);
            pos[i] = pos[i] + move[i];
        }
        if (max_move < 0.01)
            break;
    }
    if (iterations_out) *iterations_out = iter;
    return pos;
}

// The placement state: where each feature sits, and the cost terms around one feature.
class Layout {
public:
    Layout(std::vector<Vec2d> unit, std::vector<Vec2d> target, const Adjacency& adjacency, double weight)
        : m_unit(std::move(unit)), m_target(std::move(target)), m_adjacency(adjacency), m_weight(weight), m_cells(m_unit.size()),
          m_placed(m_unit.size(), 0), m_table(m_unit.size() * 2)
    {
    }

    const std::vector<Cell>& Cells() const { return m_cells; }

    void PlaceGreedy(int i)
    {
        const Cell home = NearestCell(m_target[i]);
        double best_cost = std::numeric_limits<double>::infinity();
        Cell best = home;
        // A point lies within one radius of its home cell's centre and ring k is at least 1.5 k
        // radii from that centre, so nothing in ring k costs less than 1.5 k - 1.
        for (int k = 0; 1.5 * k - 1.0 <= best_cost; ++k)
            ForRing(home, k, [&](Cell c) {
                if (m_table.Get(c) >= 0)
                    return;
                const double cost = UnitDistance(m_target[i], UnitCentre(c)) + m_weight * Broken(i, c, -1);
                if (cost < best_cost) {
                    best_cost = cost;
                    best = c;
                }
            });
        m_cells[i] = best;
        m_placed[i] = 1;
        m_table.Set(best, i);
    }

    // Best single move or swap for feature i; applies it and returns true when it lowers the cost.
    bool Improve(int i)
    {
        const Cell cur = m_cells[i];
        const double stay = Displacement(i, cur) + m_weight * Broken(i, cur, -1);
        double best_delta = -kMinImprovement;
        Cell best = cur;
        int best_other = -1;
        auto consider = [&](Cell c) {
            if (c == cur)
                return;
            const int j = m_table.Get(c);
            double delta = 0;
            if (j < 0) {
                delta = Displacement(i, c) + m_weight * Broken(i, c, -1) - stay;
            } else {
                // The pair (i, j) itself keeps its adjacency under a swap, so both sides skip it.
                delta = Displacement(i, c) + Displacement(j, cur) - Displacement(i, cur) - Displacement(j, c) +
                        m_weight * (Broken(i, c, j) - Broken(i, cur, j) + Broken(j, cur, i) - Broken(j, c, i));
            }
            if (delta < best_delta) {
                best_delta = delta;
                best = c;
                best_other = j;
            }
        };
        ForRing(cur, 1, consider);
        ForRing(cur, 2, consider);
        // Also look around home, so a feature pushed out early can return once room appears there.
        const Cell home = NearestCell(m_ls_target ? m_target[i] : m_unit[i]);
        ForRing(home, 0, consider);
        ForRing(home, 1, consider);
        if (EnvD("HEX_NBC", 1) > 0)
            for (int k = m_adjacency.start[i]; k < m_adjacency.start[i + 1]; ++k)
                ForRing(m_cells[m_adjacency.list[k]], 1, consider);
        if (best == cur)
            return false;
        m_table.Set(cur, best_other);
        m_table.Set(best, i);
        if (best_other >= 0)
            m_cells[best_other] = cur;
        m_cells[i] = best;
        return true;
    }

private:
    double Displacement(int i, Cell c) const { return UnitDistance(m_ls_target ? m_target[i] : m_unit[i], UnitCentre(c)); }
    bool m_ls_target = EnvD("HEX_LSTARGET", 0) > 0;

    // Placed neighbours of i, other than skip, that a hexagon at c would not touch.
    int Broken(int i, Cell c, int skip) const
    {
        int broken = 0;
        for (int k = m_adjacency.start[i]; k < m_adjacency.start[i + 1]; ++k) {
            const int j = m_adjacency.list[k];
            if (j != skip && m_placed[j] && !HexTileMap::CellsAdjacent(c, m_cells[j]))
                ++broken;
        }
        return broken;
    }

    std::vector<Vec2d> m_target;
    std::vector<Vec2d> m_unit; // centroids in hex radii relative to the grid origin
    const Adjacency& m_adjacency;
    double m_weight;
    std::vector<Cell> m_cells;
    std::vector<char> m_placed;
    CellTable m_table;
};

} // namespace

Vec2d HexTileMap::CellCentre(std::pair<int, int> cell) const
{
    return origin + UnitCentre(cell) * hex_radius;
}

std::array<Vec2d, 6> HexTileMap::Corners(std::size_t feature) const
{
    // Pointy top: corners at 30, 90, ..., 330 degrees.
    static constexpr std::array<Vec2d, 6> kUnitCorners = {{{kSqrt3 / 2, 0.5},
                                                           {0.0, 1.0},
                                                           {-kSqrt3 / 2, 0.5},
                                                           {-kSqrt3 / 2, -0.5},
                                                           {0.0, -1.0},
                                                           {kSqrt3 / 2, -0.5}}};
    const Vec2d centre = centres.at(feature);
    std::array<Vec2d, 6> corners;
    for (std::size_t k = 0; k < corners.size(); ++k)
        corners[k] = centre + kUnitCorners[k] * hex_radius;
    return corners;
}

bool HexTileMap::CellsAdjacent(std::pair<int, int> a, std::pair<int, int> b)
{
    const int dq = b.first - a.first;
    const int dr = b.second - a.second;
    // Axial neighbours differ by one of (+-1, 0), (0, +-1), (+1, -1), (-1, +1).
    return (dq == 0 && (dr == 1 || dr == -1)) || (dr == 0 && (dq == 1 || dq == -1)) || (dq == 1 && dr == -1) ||
           (dq == -1 && dr == 1);
}

HexTileMap BuildHexTileMap(const std::vector<Vec2d>& centroids, const std::vector<std::vector<int>>& neighbours,
                           const HexTileOptions& options)
{
    if (!std::isfinite(options.hex_radius) || options.hex_radius < 0)
        throw std::invalid_argument("hex tile map: hex_radius must be 0 (automatic) or a positive number");
    if (options.improvement_passes < 0)
        throw std::invalid_argument("hex tile map: improvement_passes must not be negative");
    if (!std::isfinite(options.adjacency_weight) || options.adjacency_weight < 0)
        throw std::invalid_argument("hex tile map: adjacency_weight must be a finite number >= 0");
    CheckCentroids(centroids);
    const std::size_t count = centroids.size();
    const Adjacency adjacency(NeighbourPairs(neighbours, count), count);

    HexTileMap map;
    map.hex_radius = options.hex_radius > 0 ? options.hex_radius : AutoRadius(centroids);
    if (!(map.hex_radius > 0))
        map.hex_radius = 1.0; // no extent (one feature, or all on one spot): any size will do
    if (count == 0)
        return map;

    Box2d box;
    for (const Vec2d& p : centroids)
        box.Expand(p);
    map.origin = box.Centre();
    std::vector<Vec2d> unit(count);
    Vec2d mean;
    for (std::size_t i = 0; i < count; ++i) {
        unit[i] = (centroids[i] - map.origin) * (1.0 / map.hex_radius);
        if (!(std::abs(unit[i].x) < kMaxCellCoordinate && std::abs(unit[i].y) < kMaxCellCoordinate))
            throw std::invalid_argument("hex tile map: hex_radius " + std::to_string(map.hex_radius) +
                                        " is too small for the extent of the centroids (feature " + std::to_string(i) +
                                        ")");
        mean = mean + unit[i] * (1.0 / static_cast<double>(count));
    }

    int iters = 0;
    std::vector<Vec2d> target = EnvD("HEX_SPREAD", 1) > 0 ? Spread(unit, adjacency, &iters) : unit;
    if (const char* f = std::getenv("HEX_DUMP")) { FILE* fp = std::fopen(f, "w"); std::fprintf(fp, "%zu\n", count); for (auto& t : target) std::fprintf(fp, "%.6f %.6f\n", t.x * map.hex_radius + map.origin.x, t.y * map.hex_radius + map.origin.y); for (std::size_t i = 0; i < count; ++i) { std::fprintf(fp, "%d", adjacency.start[i+1]-adjacency.start[i]); for (int k = adjacency.start[i]; k < adjacency.start[i+1]; ++k) std::fprintf(fp, " %d", adjacency.list[k]); std::fprintf(fp, "\n"); } std::fclose(fp); }
    if (std::getenv("HEX_VERBOSE")) std::fprintf(stderr, "spread iterations %d\n", iters);
    const std::vector<int> density = LocalDensity(unit);
    std::vector<double> from_mean(count);
    for (std::size_t i = 0; i < count; ++i)
        from_mean[i] = UnitDistance(unit[i], mean);
    std::vector<int> order(count);
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        if (density[a] != density[b])
            return density[a] > density[b];
        if (from_mean[a] != from_mean[b])
            return from_mean[a] < from_mean[b];
        return a < b;
    });

    Layout layout(std::move(unit), std::move(target), adjacency, options.adjacency_weight);
    for (int i : order)
        layout.PlaceGreedy(i);
    for (int pass = 0; pass < options.improvement_passes; ++pass) {
        bool improved = false;
        for (int i : order)
            improved = layout.Improve(i) || improved;
        if (!improved)
            break;
    }

    map.cells = layout.Cells();
    map.centres.resize(count);
    for (std::size_t i = 0; i < count; ++i)
        map.centres[i] = map.CellCentre(map.cells[i]);
    return map;
}

HexTileQuality MeasureHexTileMap(const HexTileMap& map, const std::vector<Vec2d>& centroids,
                                 const std::vector<std::vector<int>>& neighbours, const HexTileOptions& options)
{
    if (map.cells.size() != centroids.size() || map.centres.size() != centroids.size())
        throw std::invalid_argument("hex tile map: the map has " + std::to_string(map.cells.size()) + " cells for " +
                                    std::to_string(centroids.size()) + " centroids");
    CheckCentroids(centroids);
    const std::vector<std::pair<int, int>> pairs = NeighbourPairs(neighbours, centroids.size());

    HexTileQuality quality;
    if (centroids.empty())
        return quality;
    const double radius = map.hex_radius > 0 ? map.hex_radius : 1.0;
    double total = 0;
    for (std::size_t i = 0; i < centroids.size(); ++i) {
        const double d = Distance(centroids[i], map.centres[i]) / radius;
        total += d;
        quality.max_displacement = std::max(quality.max_displacement, d);
    }
    std::size_t kept = 0;
    for (const auto& [a, b] : pairs)
        kept += HexTileMap::CellsAdjacent(map.cells[a], map.cells[b]) ? 1 : 0;
    const double n = static_cast<double>(centroids.size());
    quality.mean_displacement = total / n;
    if (!pairs.empty())
        quality.kept_adjacency = static_cast<double>(kept) / static_cast<double>(pairs.size());
    quality.cost = quality.mean_displacement +
                   options.adjacency_weight * static_cast<double>(pairs.size() - kept) / n;
    return quality;
}

} // namespace vak::core
