#include "core/workspace.hpp"

namespace vak::core {

int Workspace::AddOrReplaceLayer(RegionLayer layer)
{
    for (std::size_t i = 0; i < m_layers.size(); ++i)
        if (m_layers[i]->is_derived && m_layers[i]->name == layer.name) {
            m_layers[i] = std::make_unique<RegionLayer>(std::move(layer));
            m_tile_maps[i].reset(); // built again from the new shapes when asked for
            ++m_layers_version;
            return static_cast<int>(i);
        }
    return AddLayer(std::move(layer));
}

void Workspace::AssignGroups(int layer, const std::string& level, const std::map<std::string, std::string>& group_of)
{
    if (layer < 0 || layer >= static_cast<int>(m_layers.size()))
        return;
    for (RegionFeature& f : m_layers[static_cast<std::size_t>(layer)]->features) {
        std::erase_if(f.parents, [&](const auto& parent) { return parent.first == level; });
        if (const auto it = group_of.find(f.code); it != group_of.end())
            f.parents.emplace_back(level, it->second);
    }
    ++m_layers_version;
}

int Workspace::AddLayer(RegionLayer layer)
{
    ++m_layers_version;
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

namespace {

// The layer whose features name their parents at `levels` (the finest one: gemeente).
const RegionLayer* BaseLayerFor(const std::vector<std::unique_ptr<RegionLayer>>& layers,
                                const std::vector<std::string>& levels)
{
    // A layer some of whose features name every level (a first feature without parents, such
    // as water, does not disqualify it).
    for (const auto& layer : layers)
        for (const RegionFeature& f : layer->features) {
            bool has_all = true;
            for (const std::string& level : levels)
                has_all = has_all && f.Parent(level) != nullptr;
            if (has_all)
                return layer.get();
        }
    return nullptr;
}

} // namespace

std::set<std::string> TranslateSelection(const std::vector<std::unique_ptr<RegionLayer>>& layers,
                                         const RegionLayer& from, const RegionLayer& to,
                                         const std::set<std::string>& codes)
{
    std::set<std::string> result;
    if (codes.empty() || from.name == to.name)
        return from.name == to.name ? codes : result;
    // A coarse level is known by its name among the base layer's parent levels.
    std::vector<std::string> levels;
    if (from.is_derived)
        levels.push_back(from.name);
    if (to.is_derived)
        levels.push_back(to.name);
    const RegionLayer* base = levels.empty() ? nullptr : BaseLayerFor(layers, levels);
    if (!base || (!from.is_derived && from.name != base->name) || (!to.is_derived && to.name != base->name))
        return result; // unrelated levels: nothing carries over
    for (const RegionFeature& f : base->features) {
        const std::string* coarse_from = from.is_derived ? f.Parent(from.name) : nullptr;
        const bool picked = from.is_derived ? (coarse_from && codes.count(*coarse_from)) : codes.count(f.code) > 0;
        if (!picked)
            continue;
        if (to.is_derived) {
            if (const std::string* parent = f.Parent(to.name))
                result.insert(*parent);
        } else if (to.name == base->name) {
            result.insert(f.code);
        }
    }
    return result;
}

void Workspace::SetActiveLayer(int index)
{
    if (index < 0 || index >= static_cast<int>(m_layers.size()) || index == m_active)
        return;
    const RegionLayer* from = ActiveLayer();
    const RegionLayer& to = *m_layers[static_cast<std::size_t>(index)];
    // The selection follows the level: a province selects its municipalities, municipalities
    // select the provinces they lie in.
    std::set<std::string> carried = from ? TranslateSelection(m_layers, *from, to, m_selection.Codes()) : std::set<std::string>();
    m_active = index;
    if (carried.empty())
        m_selection.Clear();
    else
        m_selection.Assign(std::move(carried));
}

} // namespace vak::core
