#include "io/workspace_loader.hpp"

#include "io/demo_cache.hpp"
#include "io/demo_geography.hpp"
#include "io/region_dissolve.hpp"
#include "io/region_reader.hpp"
#include "io/table_import.hpp"

#include "core/errors.hpp"
#include "core/text/utf8.hpp"

#include <algorithm>
#include <cctype>
#include <set>

namespace vak::io {

void LoadRegionFiles(const core::RegionFileOptions& options, core::Workspace& workspace)
{
    // Read everything first, so one bad file leaves the workspace as it was.
    std::vector<core::RegionLayer> layers;
    for (const std::string& file : options.files) {
        RegionReadOptions read;
        read.layer = options.layer;
        read.code_field = options.code_field;
        read.name_field = options.name_field;
        read.target_crs = options.crs;
        layers.push_back(ReadRegionLayer(file, read));
    }
    if (layers.empty() && !options.group_tables.empty())
        throw core::InputError("--groups needs region boundaries to group (--regions FILE)");
    if (layers.empty()) {
        // No files: the demo geography, so a first start shows the Netherlands. Without its
        // facts table the map stays empty and says why.
        try {
            LoadDemoGeography(workspace);
        } catch (const core::InputError& e) {
            workspace.Messages().push_back(std::string("demo geography not loaded: ") + e.what());
        }
        ApplyViewOptions(options, workspace);
        return;
    }

    // Levels above the first layer, from its grouping attributes, unless a loaded file already
    // is that level.
    std::set<std::string> levels;
    for (const core::RegionFeature& f : layers.front().features)
        for (const auto& [level, code] : f.parents)
            levels.insert(level);
    std::vector<core::RegionLayer> derived;
    std::vector<std::string> grouping_messages;
    for (const std::string& level : levels) {
        const RegionGrouping grouping = GroupByParent(layers.front(), level);
        for (const std::string& problem : grouping.problems)
            grouping_messages.push_back(layers.front().source + ": level " + level + ": " + problem);
        derived.push_back(DissolveRegions(layers.front(), grouping));
    }
    // User groupings from lookup tables (region code -> group).
    for (const std::string& table : options.group_tables) {
        const RegionGrouping grouping = GroupByTable(layers.front(), table);
        for (const std::string& problem : grouping.problems)
            grouping_messages.push_back(problem);
        derived.push_back(DissolveRegions(layers.front(), grouping));
    }
    // Finest level first, as a user reads a hierarchy: gemeente, COROP, ..., landsdeel.
    std::stable_sort(derived.begin(), derived.end(), [](const core::RegionLayer& a, const core::RegionLayer& b) {
        return a.features.size() > b.features.size();
    });

    for (core::RegionLayer& layer : layers) {
        for (const core::LayerProblem& p : layer.problems)
            workspace.Messages().push_back(layer.source + ": " + p.message);
        workspace.AddLayer(std::move(layer));
    }
    for (core::RegionLayer& layer : derived)
        workspace.AddLayer(std::move(layer));
    for (std::string& message : grouping_messages)
        workspace.Messages().push_back(std::move(message));

    ApplyViewOptions(options, workspace);
}

void ApplyViewOptions(const core::RegionFileOptions& options, core::Workspace& workspace)
{
    if (!options.level.empty()) {
        const int index = FindLevel(workspace, options.level);
        if (index < 0) {
            std::string names;
            for (const auto& layer : workspace.Layers())
                names += (names.empty() ? "" : ", ") + layer->name;
            throw core::InputError("--level " + options.level + ": no such level (levels: " + names + ")");
        }
        workspace.SetActiveLayer(index);
    }
    workspace.SetShowTileMap(options.tile_map);
}

void LoadDataFiles(const core::TableFileOptions& options, core::Workspace& workspace)
{
    // Every file is read and joined before the workspace changes, so one that cannot be read
    // leaves the workspace's tables as they were.
    std::vector<core::Workspace::LoadedTable> loaded;
    std::vector<std::string> files = options.files;
    if (files.empty() && workspace.IsDemo() && options.demo_tables) {
        // The default start: the demo geography with its synthetic tables. Without them the map
        // still opens, and says why.
        try {
            files = EnsureDemoTables();
        } catch (const core::InputError& e) {
            workspace.Messages().push_back(std::string("demo tables not loaded: ") + e.what());
        }
    }
    for (const std::string& file : files) {
        TableImportOptions import;
        import.region_column = options.region_column;
        import.recode_file = options.recode_file;
        import.period_column = options.period_column;
        import.scale = options.scale;
        // Read once; the layer that knows the most of the table's regions (by code, or by name
        // where names fit better) is the one to join to.
        const TableFile table = TableFile::Read(file, import);
        const core::RegionLayer* best = nullptr;
        std::size_t best_matches = 0;
        for (const auto& layer : workspace.Layers()) {
            const std::size_t matches = table.RegionMatches(*layer);
            if (matches > best_matches) {
                best_matches = matches;
                best = layer.get();
            }
        }
        ImportedTable imported = table.Import(best);
        core::Workspace::LoadedTable entry;
        entry.dataset = std::move(imported.dataset);
        entry.report = std::move(imported.report);
        if (best)
            entry.joined_layer = best->name;
        else if (table.HasRegionColumn())
            entry.report.notes.push_back("its region codes match no loaded level; not joined to the map");
        loaded.push_back(std::move(entry));
    }
    for (core::Workspace::LoadedTable& table : loaded) {
        workspace.Messages().push_back(table.report.file + ": " + table.report.Summary());
        workspace.AddTable(std::move(table));
    }
}

int FindLevel(const core::Workspace& workspace, const std::string& wanted)
{
    // Exact layer name first ("provincie", "gemeente_2025"), then a name that starts with it
    // ("gemeente" finds "gemeente_2025"), case-insensitively.
    const std::string key = core::AsciiLower(wanted);
    const auto& layers = workspace.Layers();
    for (std::size_t i = 0; i < layers.size(); ++i)
        if (core::AsciiLower(layers[i]->name) == key)
            return static_cast<int>(i);
    for (std::size_t i = 0; i < layers.size(); ++i)
        if (core::AsciiLower(layers[i]->name).rfind(key, 0) == 0)
            return static_cast<int>(i);
    return -1;
}

} // namespace vak::io
