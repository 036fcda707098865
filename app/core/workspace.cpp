#include "core/workspace.hpp"

namespace vak::core {

int Workspace::AddLayer(RegionLayer layer)
{
    m_layers.push_back(std::make_unique<RegionLayer>(std::move(layer)));
    m_tile_maps.emplace_back();
    if (m_active < 0)
        m_active = 0;
    return static_cast<int>(m_layers.size()) - 1;
}

const RegionLayer* Workspace::ActiveLayer() const
{
    return m_active >= 0 && m_active < static_cast<int>(m_layers.size()) ? m_layers[m_active].get() : nullptr;
}

const RegionLayer* Workspace::TileMapOf(int index) const
{
    return index >= 0 && index < static_cast<int>(m_tile_maps.size()) ? m_tile_maps[index].get() : nullptr;
}

void Workspace::SetTileMapOf(int index, RegionLayer tile_map)
{
    if (index >= 0 && index < static_cast<int>(m_tile_maps.size()))
        m_tile_maps[index] = std::make_unique<RegionLayer>(std::move(tile_map));
}

const RegionLayer* Workspace::DisplayedLayer() const
{
    const RegionLayer* active = ActiveLayer();
    if (active && m_show_tile_map && !active->is_tile_map)
        if (const RegionLayer* tiles = TileMapOf(m_active))
            return tiles;
    return active;
}

void Workspace::SetActiveLayer(int index)
{
    if (index < 0 || index >= static_cast<int>(m_layers.size()) || index == m_active)
        return;
    m_active = index;
    m_selection.Clear();
}

} // namespace vak::core
