#include "core/workspace.hpp"

namespace vak::core {

int Workspace::AddLayer(RegionLayer layer)
{
    m_layers.push_back(std::make_unique<RegionLayer>(std::move(layer)));
    if (m_active < 0)
        m_active = 0;
    return static_cast<int>(m_layers.size()) - 1;
}

const RegionLayer* Workspace::ActiveLayer() const
{
    return m_active >= 0 && m_active < static_cast<int>(m_layers.size()) ? m_layers[m_active].get() : nullptr;
}

void Workspace::SetActiveLayer(int index)
{
    if (index < 0 || index >= static_cast<int>(m_layers.size()) || index == m_active)
        return;
    m_active = index;
    m_selection.Clear();
}

} // namespace vak::core
