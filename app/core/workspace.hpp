// Everything the user has loaded and chosen, independent of how it is shown: the region layers
// (read from files or derived), which one the map shows, and the selection. The window and the
// headless renderer both read from one Workspace; io fills it, core owns it.
#pragma once

#include "core/geo/region_layer.hpp"
#include "core/selection.hpp"

#include <memory>
#include <string>
#include <vector>

namespace vak::core {

class Workspace {
public:
    // Adds a layer; the first one becomes active. Returns its index.
    int AddLayer(RegionLayer layer);
    const std::vector<std::unique_ptr<RegionLayer>>& Layers() const { return m_layers; }
    int ActiveLayerIndex() const { return m_active; }
    const RegionLayer* ActiveLayer() const;
    // Switches the map to another layer; the selection is cleared (codes differ per level).
    void SetActiveLayer(int index);

    Selection& GetSelection() { return m_selection; }
    const Selection& GetSelection() const { return m_selection; }

    // Things learned while loading (file, what, what was done), for the status bar and log.
    std::vector<std::string>& Messages() { return m_messages; }
    const std::vector<std::string>& Messages() const { return m_messages; }

private:
    std::vector<std::unique_ptr<RegionLayer>> m_layers; // stable addresses for GPU uploads
    int m_active = -1;
    Selection m_selection;
    std::vector<std::string> m_messages;
};

} // namespace vak::core
