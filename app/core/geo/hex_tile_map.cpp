// Builds hexagon tile maps (see hex_tile_map.hpp) and measures how faithful they are.
//
// Algorithm, and why:
// 1. Size: one hexagon per feature over the centroids' convex hull plus the half-cell rim that
//    a hull through cell centres leaves out, so a uniform layer keeps its scale and outline.
// 2. Spread (Dorling-style): every centroid becomes a disc as wide as the hexagon spacing; discs
//    that overlap push apart and neighbours that are apart pull together, for a bounded number
//    of rounds. Dense clusters (the Randstad) grow and sparse areas close up *before* anything
//    is snapped, so the snapping below meets few conflicts. Without this step the greedy pass
//    resolves a cluster's overflow by cascading features outwards in processing order, which
//    scrambles whole towns. Measured on the CBS 2025 layers, neighbour pairs kept without and
//    with it: municipalities 70 % -> 74 % (largest displacement 12 -> 8 radii), labour-market
//    regions 78 % -> 87 %.
// 3. Greedy: features in dense areas first (the original density; ties by distance to the mean,
//    then index) each take the free cell with the lowest cost = distance to the spread position
//    + adjacency_weight * (placed neighbours it would not touch). Cells are searched ring by
//    ring and the search stops once a ring cannot beat the best cost, so no step scans the grid.
// 4. Improve: passes of single moves (to a free cell) and swaps (with the occupant), trying the
//    two rings around a feature's cell, its home cell (where its real centroid lies) and the
//    cells around its neighbours. A change is made only when the reported cost (distance to
//    the real centroid + adjacency_weight * broken pairs) drops, so passes never make it worse.
// Occupancy lives in an open-addressing hash table that is probed by key and never iterated, so
// the result does not depend on its layout; there is no randomness and there are no threads.
#include "core/geo/hex_tile_map.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>

namespace vak::core {

namespace {

using Cell = std::pair<int, int>;

constexpr double kSqrt3 = 1.7320508075688772;
constexpr double kUnitHexArea = 1.5 * kSqrt3; // area of a hexagon with radius 1
// Distance between the centres of touching hexagons, in hex radii: the disc size for spreading.
constexpr double kSpacing = kSqrt3;
// Cells stay well inside int, also after adding ring offsets.
constexpr double kMaxCellCoordinate = 1 << 28;
// Side, in hex radii, of the buckets that count a feature's local density (over 3 x 3 buckets):
// wide enough to tell a city from its suburbs, narrow enough to stay local.
constexpr double kDensityBucket = 2.0;
// Spreading: share of a neighbour pair's gap that one round closes (larger pulls the layout
// tighter but fights the push-apart); the most rounds, fewer for large layers (feature rounds
// in total), where more rounds measured hardly better; and a cap on disc pair tests so that a
// pile of identical centroids cannot make it quadratic (the greedy step handles any rest).
constexpr double kSpreadPull = 0.1;
constexpr int kSpreadRounds = 300;
constexpr std::int64_t kSpreadFeatureRounds = 1'000'000;
constexpr std::int64_t kSpreadPairBudget = 40'000'000;
// Smallest cost drop that counts as an improvement; keeps rounding noise from cycling.
constexpr double kMinImprovement = 1e-9;

constexpr std::array<Cell, 6> kDirections = {{{1, 0}, {1, -1}, {0, -1}, {-1, 0}, {-1, 1}, {0, 1}}};

Cell Add(Cell a, Cell b)
{
    return {a.first + b.first, a.second + b.second};
}

inline int HexDistance(Cell a, Cell b)
{
    const int dq = b.first - a.first;
    const int dr = b.second - a.second;
    return (std::abs(dq) + std::abs(dr) + std::abs(dq + dr)) / 2;
}

// Axial neighbours differ by one of (+-1, 0), (0, +-1), (+1, -1), (-1, +1).
inline bool Adjacent(Cell a, Cell b)
{
    return HexDistance(a, b) == 1;
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
    Cell c = {centre.first + kDirections[4].first * k, centre.second + kDirections[4].second * k};
    for (const Cell& step : kDirections)
        for (int i = 0; i < k; ++i) {
            visit(c);
            c = Add(c, step);
        }
}

double Length(Vec2d v)
{
    return std::sqrt(v.x * v.x + v.y * v.y);
}

// Cell -> feature (or -1 when free) in an open-addressing table. Entries are never
// removed, only set to -1, so lookups need no tombstones; the number of distinct keys touched
// stays a small multiple of the feature count.
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

    void Set(Cell c, int value)
    {
        const std::uint64_t key = Key(c);
        std::size_t slot = Hash(key) & Mask();
        while (m_keys[slot] != key && m_keys[slot] != kEmptyKey)
            slot = (slot + 1) & Mask();
        if (m_keys[slot] == key) {
            m_values[slot] = value;
            return;
        }
        if (value < 0)
            return; // a key never set reads as -1 already
        m_keys[slot] = key;
        m_values[slot] = value;
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

// Points sorted into square buckets (a counting sort into one array) for neighbour searches.
// The side is at least min_side and grows where the points' box would otherwise need more than
// about four buckets per point, so memory stays linear for any input; a search over the 3 x 3
// buckets around a point still sees everything within min_side of it.
class BucketGrid {
public:
    void Build(const std::vector<Vec2d>& points, double min_side)
    {
        Box2d box;
        for (const Vec2d& p : points)
            box.Expand(p);
        const double n = static_cast<double>(std::max<std::size_t>(points.size(), 1));
        m_side = std::max({min_side, std::sqrt(box.Width() * box.Height() / (4.0 * n)),
                           std::max(box.Width(), box.Height()) / (4.0 * n)});
        m_x0 = box.min_x;
        m_y0 = box.min_y;
        m_columns = static_cast<int>(box.Width() / m_side) + 1;
        m_rows = static_cast<int>(box.Height() / m_side) + 1;
        m_start.assign(static_cast<std::size_t>(m_columns) * m_rows + 1, 0);
        m_bucket.resize(points.size());
        for (std::size_t i = 0; i < points.size(); ++i) {
            m_bucket[i] = Index(Column(points[i].x), Row(points[i].y));
            ++m_start[m_bucket[i] + 1];
        }
        for (std::size_t b = 1; b < m_start.size(); ++b)
            m_start[b] += m_start[b - 1];
        m_items.resize(points.size());
        std::vector<int> fill(m_start.begin(), m_start.end() - 1);
        for (std::size_t i = 0; i < points.size(); ++i) // in index order, so every bucket is sorted
            m_items[fill[m_bucket[i]]++] = static_cast<int>(i);
    }

    // Calls visit(j) for every point j in the 3 x 3 buckets around point i.
    template <typename Visit>
    void ForNear(std::size_t i, Visit&& visit) const
    {
        const int column = static_cast<int>(m_bucket[i] % m_columns);
        const int row = static_cast<int>(m_bucket[i] / m_columns);
        for (int r = std::max(row - 1, 0); r <= std::min(row + 1, m_rows - 1); ++r) {
            const std::size_t first = Index(std::max(column - 1, 0), r);
            const std::size_t last = Index(std::min(column + 1, m_columns - 1), r);
            for (int k = m_start[first]; k < m_start[last + 1]; ++k)
                visit(m_items[k]);
        }
    }

private:
    int Column(double x) const { return std::clamp(static_cast<int>((x - m_x0) / m_side), 0, m_columns - 1); }
    int Row(double y) const { return std::clamp(static_cast<int>((y - m_y0) / m_side), 0, m_rows - 1); }
    std::size_t Index(int column, int row) const
    {
        return static_cast<std::size_t>(row) * static_cast<std::size_t>(m_columns) + static_cast<std::size_t>(column);
    }

    double m_side = 1;
    double m_x0 = 0;
    double m_y0 = 0;
    int m_columns = 1;
    int m_rows = 1;
    std::vector<int> m_start;        // bucket b holds m_items[m_start[b] .. m_start[b + 1])
    std::vector<int> m_items;
    std::vector<std::size_t> m_bucket; // per point
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
        throw std::invalid_argument("hex tile map: " + std::to_string(neighbours.size()) + " neighbour lists for " +
                                    std::to_string(count) + " features");
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

// Convex hull (Andrew's monotone chain); returns area and perimeter. Collinear input gives area
// 0 and twice the segment length, which the sizing below handles as a chain of cells.
std::pair<double, double> HullAreaAndPerimeter(std::vector<Vec2d> points)
{
    std::sort(points.begin(), points.end(), [](Vec2d a, Vec2d b) { return a.x < b.x || (a.x == b.x && a.y < b.y); });
    points.erase(std::unique(points.begin(), points.end()), points.end());
    if (points.size() < 2)
        return {0.0, 0.0};
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

// Radius such that n hexagons cover the hull plus a rim of half a cell: with s * s the area of
// one hexagon, n s^2 = area + perimeter * s / 2 + s^2, which is exact for a square lattice of
// points. Returns 0 when the points have no extent.
double AutoRadius(const std::vector<Vec2d>& points)
{
    if (points.size() < 2)
        return 0.0;
    Box2d box;
    for (const Vec2d& p : points)
        box.Expand(p);
    // The hull is measured in units of the box's larger side from its corner, so RD metres keep
    // their digits in the cross products and no extent overflows when squared.
    const double scale = std::max(box.Width(), box.Height());
    if (!(scale > 0) || !std::isfinite(scale))
        return 0.0;
    std::vector<Vec2d> scaled(points.size());
    for (std::size_t i = 0; i < points.size(); ++i)
        scaled[i] = (points[i] - Vec2d{box.min_x, box.min_y}) * (1.0 / scale);
    const double n = static_cast<double>(points.size());
    const auto [area, perimeter] = HullAreaAndPerimeter(std::move(scaled));
    const double half_p = perimeter * 0.5;
    const double side = (half_p + std::sqrt(half_p * half_p + 4.0 * (n - 1.0) * area)) / (2.0 * (n - 1.0));
    const double radius = side / std::sqrt(kUnitHexArea) * scale;
    return radius > 0 && std::isfinite(radius) ? radius : 0.0;
}

// Features in the 3 x 3 density buckets around each one: a coarse count, but linear even when
// thousands of centroids coincide.
std::vector<int> LocalDensity(const std::vector<Vec2d>& unit)
{
    BucketGrid grid;
    grid.Build(unit, kDensityBucket);
    std::vector<int> density(unit.size(), 0);
    for (std::size_t i = 0; i < unit.size(); ++i)
        grid.ForNear(i, [&](int) { ++density[i]; });
    return density;
}

// Step 2 of the algorithm (see the top of this file). Jacobi rounds: every move is computed
// from the positions of the previous round, so the result does not depend on the order of
// the features; updating in place instead made the whole layout drift in that order.
std::vector<Vec2d> Spread(const std::vector<Vec2d>& unit, const Adjacency& adjacency)
{
    // Directions for coincident centroids, which have none of their own: spread around the circle.
    static constexpr std::array<Vec2d, 8> kEscape = {{{1.0, 0.0},
                                                      {0.7071067811865476, 0.7071067811865476},
                                                      {0.0, 1.0},
                                                      {-0.7071067811865476, 0.7071067811865476},
                                                      {-1.0, 0.0},
                                                      {-0.7071067811865476, -0.7071067811865476},
                                                      {0.0, -1.0},
                                                      {0.7071067811865476, -0.7071067811865476}}};
    const int n = static_cast<int>(unit.size());
    std::vector<Vec2d> pos = unit;
    std::vector<Vec2d> move(unit.size());
    BucketGrid grid;
    std::int64_t tests = 0;
    const std::int64_t rounds =
        std::clamp<std::int64_t>(kSpreadFeatureRounds / std::max(n, 1), 30, kSpreadRounds);
    for (std::int64_t round = 0; round < rounds; ++round) {
        grid.Build(pos, kSpacing);
        std::fill(move.begin(), move.end(), Vec2d{});
        for (int i = 0; i < n; ++i) {
            grid.ForNear(static_cast<std::size_t>(i), [&](int j) {
                if (j <= i)
                    return;
                ++tests;
                const Vec2d d = pos[i] - pos[j];
                const double squared = d.x * d.x + d.y * d.y;
                if (squared >= kSpacing * kSpacing)
                    return;
                const double len = std::sqrt(squared);
                const std::size_t escape = static_cast<std::size_t>(i) + 3 * static_cast<std::size_t>(j);
                const Vec2d dir = len > 1e-9 ? d * (1.0 / len) : kEscape[escape % kEscape.size()];
                const Vec2d push = dir * (0.5 * (kSpacing - len));
                move[i] = move[i] + push;
                move[j] = move[j] - push;
            });
            if (tests > kSpreadPairBudget)
                return pos; // this round's moves are dropped: pos is the last whole round
            for (int k = adjacency.start[i]; k < adjacency.start[i + 1]; ++k) {
                const Vec2d d = pos[adjacency.list[k]] - pos[i];
                const double len = Length(d);
                if (len > kSpacing)
                    move[i] = move[i] + d * (kSpreadPull * 0.5 * (len - kSpacing) / len);
            }
        }
        double largest = 0;
        for (int i = 0; i < n; ++i) {
            // At most half a spacing per round: a feature inside a dense pile gets many pushes.
            const double len = Length(move[i]);
            const Vec2d step = len > 0.5 * kSpacing ? move[i] * (0.5 * kSpacing / len) : move[i];
            largest = std::max(largest, std::min(len, 0.5 * kSpacing));
            pos[i] = pos[i] + step;
        }
        if (largest < 0.01)
            break;
    }
    return pos;
}

// Steps 3 and 4: where each feature sits, and the cost terms around one feature.
class Layout {
public:
    Layout(const std::vector<Vec2d>& unit, const std::vector<Vec2d>& spread, const Adjacency& adjacency,
           double weight)
        : m_unit(unit), m_spread(spread), m_adjacency(adjacency), m_weight(weight), m_cells(unit.size()),
          m_placed(unit.size(), 0), m_table(unit.size() * 2), m_full_rings(unit.size())
    {
    }

    const std::vector<Cell>& Cells() const { return m_cells; }

    void PlaceGreedy(int i)
    {
        const Cell home = NearestCell(m_spread[i]);
        // Rings around home that were found full stay full while placing, so later features
        // with the same home skip them: coincident centroids would otherwise rescan every ring.
        const int skip = std::max(m_full_rings.Get(home), 0);
        double best_cost = std::numeric_limits<double>::infinity();
        Cell best = home;
        bool full_so_far = true;
        // The point lies within one radius of home's centre and ring k is at least 1.5 k radii
        // from that centre, so nothing in ring k costs less than 1.5 k - 1.
        for (int k = skip; 1.5 * k - 1.0 <= best_cost; ++k) {
            bool ring_full = true;
            ForRing(home, k, [&](Cell c) {
                if (m_table.Get(c) >= 0)
                    return;
                ring_full = false;
                const double cost = Length(m_spread[i] - UnitCentre(c)) + m_weight * Broken(i, c, -1);
                if (cost < best_cost) {
                    best_cost = cost;
                    best = c;
                }
            });
            if (full_so_far && ring_full)
                m_full_rings.Set(home, k + 1);
            full_so_far = full_so_far && ring_full;
        }
        m_cells[i] = best;
        m_placed[i] = 1;
        m_table.Set(best, i);
    }

    // Call once after the greedy step: caches each feature's broken pairs for the passes.
    void StartImproving()
    {
        m_broken.resize(m_cells.size());
        for (std::size_t i = 0; i < m_cells.size(); ++i)
            m_broken[i] = Broken(static_cast<int>(i), m_cells[i], -1);
        m_dirty.assign(m_cells.size(), 1);
    }

    // Best single move or swap for feature i; makes it and returns true when it lowers the cost.
    // Features whose surroundings did not change since they were last tried are skipped.
    bool Improve(int i)
    {
        if (!m_dirty[i])
            return false;
        m_dirty[i] = 0;
        const Cell cur = m_cells[i];
        const double here = Displacement(i, cur);
        double best_delta = -kMinImprovement;
        Cell best = cur;
        int best_other = -1;
        auto consider = [&](Cell c) {
            if (c == cur)
                return;
            const int j = m_table.Get(c);
            // Broken pairs can at best all be repaired, so the displacement change alone bounds
            // the result: most candidates end here, before any neighbour list is walked.
            if (j < 0) {
                const double moved = Displacement(i, c) - here;
                if (moved - m_weight * m_broken[i] >= best_delta)
                    return;
                const double delta = moved + m_weight * (Broken(i, c, -1) - m_broken[i]);
                if (delta < best_delta) {
                    best_delta = delta;
                    best = c;
                    best_other = j;
                }
                return;
            }
            const double moved = Displacement(i, c) + Displacement(j, cur) - here - Displacement(j, c);
            if (moved - m_weight * (m_broken[i] + m_broken[j]) >= best_delta)
                return;
            // The pair (i, j) itself keeps its adjacency under a swap, so both sides skip it.
            const double delta =
                moved + m_weight * (Broken(i, c, j) - Broken(i, cur, j) + Broken(j, cur, i) - Broken(j, c, i));
            if (delta < best_delta) {
                best_delta = delta;
                best = c;
                best_other = j;
            }
        };
        ForRing(cur, 1, consider);
        ForRing(cur, 2, consider);
        // Home, so a feature pushed out early can return once room appears there, and the cells
        // next to each neighbour it does not touch, where moving repairs that pair. Cells within
        // two rings of cur were tried above already.
        const Cell home = NearestCell(m_unit[i]);
        if (HexDistance(home, cur) > 1) {
            ForRing(home, 0, consider);
            ForRing(home, 1, consider);
        }
        for (int k = m_adjacency.start[i]; k < m_adjacency.start[i + 1]; ++k) {
            const Cell other = m_cells[m_adjacency.list[k]];
            if (HexDistance(other, cur) > 1)
                ForRing(other, 1, consider);
        }
        if (best == cur)
            return false;

        m_table.Set(cur, best_other);
        m_table.Set(best, i);
        if (best_other >= 0)
            m_cells[best_other] = cur;
        m_cells[i] = best;
        // Refresh the cached counts of everyone whose pairs changed, and try again whoever
        // could now use the freed or changed cells.
        auto refresh = [&](int f) {
            m_broken[f] = Broken(f, m_cells[f], -1);
            m_dirty[f] = 1;
            for (int k = m_adjacency.start[f]; k < m_adjacency.start[f + 1]; ++k) {
                const int g = m_adjacency.list[k];
                m_broken[g] = Broken(g, m_cells[g], -1);
                m_dirty[g] = 1;
            }
        };
        refresh(i);
        if (best_other >= 0)
            refresh(best_other);
        for (const Cell& changed : {cur, best})
            for (int k = 1; k <= 2; ++k)
                ForRing(changed, k, [&](Cell c) {
                    const int f = m_table.Get(c);
                    if (f >= 0)
                        m_dirty[f] = 1;
                });
        return true;
    }

private:
    double Displacement(int i, Cell c) const { return Length(m_unit[i] - UnitCentre(c)); }

    // Placed neighbours of i, other than skip, that a hexagon at c would not touch.
    int Broken(int i, Cell c, int skip) const
    {
        int broken = 0;
        for (int k = m_adjacency.start[i]; k < m_adjacency.start[i + 1]; ++k) {
            const int j = m_adjacency.list[k];
            broken += (j != skip && m_placed[j] && !Adjacent(c, m_cells[j])) ? 1 : 0;
        }
        return broken;
    }

    const std::vector<Vec2d>& m_unit;   // real centroids, in hex radii from the grid origin
    const std::vector<Vec2d>& m_spread; // spread positions, same units
    const Adjacency& m_adjacency;
    double m_weight;
    std::vector<Cell> m_cells;
    std::vector<char> m_placed;
    CellTable m_table;      // cell -> feature
    CellTable m_full_rings; // home cell -> rings around it known to be full
    std::vector<int> m_broken; // per feature, while improving: neighbours it does not touch
    std::vector<char> m_dirty; // per feature, while improving: worth trying again
};

} // namespace

Vec2d HexTileMap::CellCentre(std::pair<int, int> cell) const
{
    return origin + UnitCentre(cell) * hex_radius;
}

std::array<Vec2d, 6> HexTileMap::Corners(std::size_t feature) const
{
    // Pointy top: corners at 30, 90, ..., 330 degrees.
    static constexpr std::array<Vec2d, 6> kUnitCorners = {
        {{kSqrt3 / 2, 0.5}, {0.0, 1.0}, {-kSqrt3 / 2, 0.5}, {-kSqrt3 / 2, -0.5}, {0.0, -1.0}, {kSqrt3 / 2, -0.5}}};
    const Vec2d centre = centres.at(feature);
    std::array<Vec2d, 6> corners;
    for (std::size_t k = 0; k < corners.size(); ++k)
        corners[k] = centre + kUnitCorners[k] * hex_radius;
    return corners;
}

bool HexTileMap::CellsAdjacent(std::pair<int, int> a, std::pair<int, int> b)
{
    return Adjacent(a, b);
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
    // Everything below works in hex radii from the origin, so RD metres keep their precision.
    std::vector<Vec2d> unit(count);
    Vec2d mean;
    for (std::size_t i = 0; i < count; ++i) {
        unit[i] = (centroids[i] - map.origin) * (1.0 / map.hex_radius);
        if (!(std::abs(unit[i].x) < kMaxCellCoordinate && std::abs(unit[i].y) < kMaxCellCoordinate))
            throw std::invalid_argument("hex tile map: hex_radius " + std::to_string(map.hex_radius) +
                                        " is too small for the extent of the centroids (feature " +
                                        std::to_string(i) + ")");
        mean = mean + unit[i];
    }
    mean = mean * (1.0 / static_cast<double>(count));

    const std::vector<int> density = LocalDensity(unit);
    std::vector<double> from_mean(count);
    for (std::size_t i = 0; i < count; ++i)
        from_mean[i] = Length(unit[i] - mean);
    std::vector<int> order(count);
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        if (density[a] != density[b])
            return density[a] > density[b];
        if (from_mean[a] != from_mean[b])
            return from_mean[a] < from_mean[b];
        return a < b;
    });

    const std::vector<Vec2d> spread = Spread(unit, adjacency);
    Layout layout(unit, spread, adjacency, options.adjacency_weight);
    for (int i : order)
        layout.PlaceGreedy(i);
    layout.StartImproving();
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
        throw std::invalid_argument("hex tile map: the map has " + std::to_string(map.cells.size()) +
                                    " cells for " + std::to_string(centroids.size()) + " centroids");
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
        kept += Adjacent(map.cells[a], map.cells[b]) ? 1 : 0;
    const double n = static_cast<double>(centroids.size());
    quality.mean_displacement = total / n;
    if (!pairs.empty())
        quality.kept_adjacency = static_cast<double>(kept) / static_cast<double>(pairs.size());
    quality.cost =
        quality.mean_displacement + options.adjacency_weight * static_cast<double>(pairs.size() - kept) / n;
    return quality;
}

} // namespace vak::core
