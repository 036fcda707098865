// Hexagon tile maps (hex cartograms): every region of a layer on its own hexagon of one size, so a
// small urban municipality weighs as much on screen as a large rural one. The layout stays
// recognisable: each hexagon lies near its region's real centroid, and regions that touch get
// touching hexagons where the grid allows. Pure C++: no GL, GDAL, GEOS or ImGui here.
#pragma once

#include "core/geo/geo_types.hpp"

#include <array>
#include <cstddef>
#include <utility>
#include <vector>

namespace vak::core {

struct HexTileOptions {
    // Centre-to-corner radius in world units. 0 picks one so that the hexagons together cover
    // about the area of the centroids' convex hull (plus the half-cell rim around it), or 1 when
    // the centroids have no extent (one feature, or all on one spot).
    double hex_radius = 0.0;
    // Local move and swap passes after the greedy placement; 0 keeps the greedy result.
    int improvement_passes = 8;
    // What one neighbour pair on non-touching hexagons costs, in hex radii of displacement.
    // Higher keeps more adjacency at the price of hexagons further from their centroids.
    double adjacency_weight = 1.0;
};

// Pointy-top hexagons on an axial grid: cell (q, r) has its centre at
// origin + hex_radius * (sqrt(3) * (q + r / 2), 1.5 * r), y pointing north as in the input.
struct HexTileMap {
    double hex_radius = 0;                 // centre to corner, world units
    Vec2d origin;                          // world position of cell (0, 0)
    std::vector<Vec2d> centres;            // per input feature: centre of its hexagon
    std::vector<std::pair<int, int>> cells; // per input feature: axial cell (q, r); all distinct

    Vec2d CellCentre(std::pair<int, int> cell) const;
    // Counter-clockwise with y up (clockwise once a renderer flips y), from the upper-right one.
    std::array<Vec2d, 6> Corners(std::size_t feature) const;
    static bool CellsAdjacent(std::pair<int, int> a, std::pair<int, int> b);
};

// centroids: one per feature, e.g. points on surface in metres (EPSG:28992). neighbours: per
// feature the indices of the features it shares a boundary with; either empty (then only the
// distance counts) or one list per feature. Lists need not be symmetric; duplicates and self
// references are ignored. Deterministic: the same input gives the same output bit for bit.
// Throws std::invalid_argument naming the feature for a non-finite centroid or a neighbour
// index out of range, and for a negative or non-finite option or a hex_radius so small that
// the cells would not fit in int.
HexTileMap BuildHexTileMap(const std::vector<Vec2d>& centroids, const std::vector<std::vector<int>>& neighbours,
                           const HexTileOptions& options = {});

struct HexTileQuality {
    double kept_adjacency = 1;    // share of neighbour pairs on adjacent hexagons (1 without pairs)
    double mean_displacement = 0; // mean distance centroid -> hexagon centre, in hex radii
    double max_displacement = 0;  // largest such distance, in hex radii
    // What the improvement passes lower, per feature: mean_displacement plus adjacency_weight
    // times the number of broken neighbour pairs divided by the number of features.
    double cost = 0;
};

// Throws std::invalid_argument when the map does not have one cell per centroid or a
// neighbour index is out of range. options supplies only adjacency_weight (for cost).
HexTileQuality MeasureHexTileMap(const HexTileMap& map, const std::vector<Vec2d>& centroids,
                                 const std::vector<std::vector<int>>& neighbours, const HexTileOptions& options = {});

} // namespace vak::core
