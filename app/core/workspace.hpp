// Everything the user has loaded and chosen, independent of how it is shown: the region layers
// (read from files or derived), which one the map shows, and the selection. The window and the
// headless renderer both read from one Workspace; io fills it, core owns it.
#pragma once

#include "core/data/dataset.hpp"
#include "core/geo/region_layer.hpp"
#include "core/selection.hpp"

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace vak::core {

// The codes of `to` that correspond to `codes` of `from`, through the finest layer's parents.
std::set<std::string> TranslateSelection(const std::vector<std::unique_ptr<RegionLayer>>& layers,
                                         const RegionLayer& from, const RegionLayer& to,
                                         const std::set<std::string>& codes);

class Workspace {
public:
    // Adds a layer; the first one becomes active. Returns its index.
    int AddLayer(RegionLayer layer);
    // Adds `layer`, or replaces the derived layer of the same name (a custom level made again);
    // the active index and the selection stay. Returns its index.
    int AddOrReplaceLayer(RegionLayer layer);
    // The user's own regions (a platform's sub-regions): `group_of` (region code -> group name)
    // becomes the parent code at `level` of layer `layer`'s features, and regions not in it
    // lose that parent, so every table joined to that layer can be grouped by the new level.
    void AssignGroups(int layer, const std::string& level, const std::map<std::string, std::string>& group_of);
    // Changes whenever a layer is added, replaced or regrouped: for caches built from layers.
    std::uint64_t LayersVersion() const { return m_layers_version; }
    const std::vector<std::unique_ptr<RegionLayer>>& Layers() const { return m_layers; }
    int ActiveLayerIndex() const { return m_active; }
    const RegionLayer* ActiveLayer() const;
    // Switches the map to another layer. The selection carries over through the parent codes
    // (a province selects its municipalities and the other way round); between unrelated
    // layers it is cleared.
    void SetActiveLayer(int index);

    // Tile map (hexagon cartogram) twins of the layers, built on demand by io; the map shows
    // the active layer's twin while ShowTileMap() is on. Codes are the same, so the selection
    // carries over.
    bool ShowTileMap() const { return m_show_tile_map; }
    void SetShowTileMap(bool show) { m_show_tile_map = show; }
    const RegionLayer* TileMapOf(int index) const;
    void SetTileMapOf(int index, RegionLayer tile_map);
    // What the map draws: the active layer, or its tile map twin when that is on and built.
    const RegionLayer* DisplayedLayer() const;

    // True when the layers are the built-in demo geography rather than the user's files.
    bool IsDemo() const { return m_demo; }
    void SetDemo(bool demo) { m_demo = demo; }

    Selection& GetSelection() { return m_selection; }
    const Selection& GetSelection() const { return m_selection; }

    // Tables loaded with --data, each with its import report.
    struct LoadedTable {
        Dataset dataset;
        ImportReport report;
        std::string joined_layer; // the region layer its codes were matched against, or empty
    };
    void AddTable(LoadedTable table) { m_tables.push_back(std::make_unique<LoadedTable>(std::move(table))); }
    const std::vector<std::unique_ptr<LoadedTable>>& Tables() const { return m_tables; }

    // Things learned while loading (file, what, what was done), for the status bar and log.
    std::vector<std::string>& Messages() { return m_messages; }
    const std::vector<std::string>& Messages() const { return m_messages; }

private:
    std::vector<std::unique_ptr<RegionLayer>> m_layers; // stable addresses for GPU uploads
    std::vector<std::unique_ptr<RegionLayer>> m_tile_maps; // parallel to m_layers; null until built
    int m_active = -1;
    std::uint64_t m_layers_version = 0;
    bool m_show_tile_map = false;
    bool m_demo = false;
    Selection m_selection;
    std::vector<std::unique_ptr<LoadedTable>> m_tables;
    std::vector<std::string> m_messages;
};

} // namespace vak::core
