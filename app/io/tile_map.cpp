#include "io/tile_map.hpp"

#include "core/geo/hex_tile_map.hpp"
#include "io/geos_context.hpp"
#include "io/region_mesh.hpp"

#include <algorithm>
#include <cmath>

namespace vak::io {

std::vector<std::vector<int>> RegionNeighbours(const core::RegionLayer& layer, double tolerance)
{
    const std::size_t n = layer.features.size();
    std::vector<std::vector<int>> neighbours(n);
    GeosContext geos;
    std::vector<GeosGeometry> shapes(n);
    std::vector<int> ids(n);
    GeosTree tree(geos);
    for (std::size_t i = 0; i < n; ++i) {
        ids[i] = static_cast<int>(i);
        if (layer.features[i].polygons.empty())
            continue;
        shapes[i] = MakeGeosMultiPolygon(geos, layer.features[i].polygons);
        if (shapes[i])
            tree.Insert(shapes[i].Get(), &ids[i]);
    }
    for (std::size_t i = 0; i < n; ++i) {
        if (!shapes[i])
            continue;
        const GeosPrepared prepared(geos, shapes[i].Get());
        if (!prepared.Get())
            continue;
        // Candidates from the envelope grown by the tolerance, then the exact distance test.
        const core::Box2d& b = layer.features[i].bounds;
        const GeosGeometry box(geos, GEOSGeom_createRectangle_r(geos.Handle(), b.min_x - tolerance, b.min_y - tolerance,
                                                                b.max_x + tolerance, b.max_y + tolerance));
        if (!box)
            continue;
        for (int j : tree.Candidates(box.Get()))
            if (j > static_cast<int>(i) &&
                GEOSPreparedDistanceWithin_r(geos.Handle(), prepared.Get(), shapes[j].Get(), tolerance) == 1)
                neighbours[i].push_back(j);
    }
    // Make the lists symmetric (each pair was found once, from its lower index).
    for (std::size_t i = 0; i < n; ++i)
        for (int j : std::vector<int>(neighbours[i]))
            if (j > static_cast<int>(i))
                neighbours[j].push_back(static_cast<int>(i));
    for (auto& list : neighbours)
        std::sort(list.begin(), list.end());
    return neighbours;
}

namespace {

core::RegionLayer BuildTiles(const core::RegionLayer& source, const std::vector<std::vector<int>>& neighbours,
                             const core::HexTileOptions& options)
{
    // Only regions with a position take part; indices are mapped both ways.
    std::vector<int> placed;
    std::vector<int> slot(source.features.size(), -1);
    std::vector<core::Vec2d> centroids;
    for (std::size_t i = 0; i < source.features.size(); ++i) {
        const core::Vec2d p = source.features[i].label_point;
        const bool has_position = !source.features[i].polygons.empty() || p.x != 0.0 || p.y != 0.0;
        if (!has_position || !std::isfinite(p.x) || !std::isfinite(p.y))
            continue;
        slot[i] = static_cast<int>(placed.size());
        placed.push_back(static_cast<int>(i));
        centroids.push_back(p);
    }
    std::vector<std::vector<int>> placed_neighbours(neighbours.empty() ? 0 : placed.size());
    if (!neighbours.empty())
        for (std::size_t k = 0; k < placed.size(); ++k)
            for (int j : neighbours[placed[k]])
                if (j >= 0 && j < static_cast<int>(slot.size()) && slot[j] >= 0)
                    placed_neighbours[k].push_back(slot[j]);
    const core::HexTileMap hexes = core::BuildHexTileMap(centroids, placed_neighbours, options);

    core::RegionLayer layer;
    layer.name = source.name;
    layer.source = "tile map of " + source.source;
    layer.crs = source.crs;
    layer.code_field = source.code_field;
    layer.name_field = source.name_field;
    layer.is_tile_map = true;
    const double hex_area = 1.5 * std::sqrt(3.0) * hexes.hex_radius * hexes.hex_radius;
    for (std::size_t i = 0; i < source.features.size(); ++i) {
        core::RegionFeature region;
        region.code = source.features[i].code;
        region.name = source.features[i].name;
        region.parents = source.features[i].parents;
        if (slot[i] < 0) {
            layer.problems.push_back({core::LayerProblem::Kind::EmptyGeometry, static_cast<long>(i),
                                      region.code + ": no position, so no tile"});
        } else {
            auto corners = hexes.Corners(static_cast<std::size_t>(slot[i]));
            // Neighbouring hexagons compute their shared corners from different centres;
            // rounding to a millimetre makes them bit-identical, so a union of tiles (a
            // province of municipalities) has no slivers between them.
            for (core::Vec2d& c : corners)
                c = {std::round(c.x * 1000.0) / 1000.0, std::round(c.y * 1000.0) / 1000.0};
            core::Polygon hexagon;
            hexagon.rings.emplace_back(corners.begin(), corners.end());
            hexagon.rings.front().push_back(corners.front());
            region.polygons.push_back(std::move(hexagon));
            region.label_point = hexes.centres[static_cast<std::size_t>(slot[i])];
            region.area = hex_area;
            for (const core::Vec2d& c : corners)
                region.bounds.Expand(c);
            layer.bounds.Expand(region.bounds);
        }
        layer.features.push_back(std::move(region));
    }
    layer.BuildIndex();
    BuildRegionMesh(layer);
    return layer;
}

// When the regions' areas are known, the tiles together get their total area, so the map
// keeps its outline (the IJsselmeer stays open) instead of filling the convex hull.
core::HexTileOptions OptionsFromAreas(const core::RegionLayer& source)
{
    double area = 0;
    std::size_t counted = 0;
    for (const core::RegionFeature& f : source.features)
        if (f.area > 0) {
            area += f.area;
            ++counted;
        }
    core::HexTileOptions options;
    if (counted == source.features.size() && area > 0)
        options.hex_radius = std::sqrt(area / static_cast<double>(counted) / (1.5 * std::sqrt(3.0)));
    return options;
}

} // namespace

core::RegionLayer BuildTileMapLayer(const core::RegionLayer& source, const std::vector<std::vector<int>>& neighbours)
{
    return BuildTiles(source, neighbours, OptionsFromAreas(source));
}

core::RegionLayer BuildTileMapLayer(const core::RegionLayer& source)
{
    return BuildTileMapLayer(source, RegionNeighbours(source));
}

} // namespace vak::io
