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
#include <filesystem>
#include <set>

namespace vak::io {

namespace {

// Numbers the steps of one load for its progress bar; without a LoadProgress it does nothing.
class LoadSteps {
public:
    LoadSteps(core::LoadProgress* progress, int steps) : m_progress(progress), m_steps(steps) {}
    void Begin(const std::string& file, core::LoadProgress::StepKind kind = core::LoadProgress::StepKind::File)
    {
        core::BeginStep(m_progress, std::min(m_next++, m_steps - 1), m_steps,
                        std::filesystem::path(file).filename().string(), kind);
    }
    void Fraction(long long done, long long total) { core::StepFraction(m_progress, done, total); }
    bool Reports() const { return m_progress != nullptr; }

private:
    core::LoadProgress* m_progress;
    int m_steps;
    int m_next = 0;
};

// The files a load reads: the demo tables when the default start asks for them.
std::vector<std::string> DataFilesToLoad(const core::TableFileOptions& options, core::Workspace& workspace)
{
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
    return files;
}

void LoadRegionFilesInSteps(const core::RegionFileOptions& options, core::Workspace& workspace, LoadSteps& steps)
{
    // Read everything first, so one bad file leaves the workspace as it was.
    std::vector<core::RegionLayer> layers;
    for (const std::string& file : options.files) {
        RegionReadOptions read;
        read.layer = options.layer;
        read.code_field = options.code_field;
        read.name_field = options.name_field;
        read.target_crs = options.crs;
        steps.Begin(file);
        if (steps.Reports())
            read.on_features = [&steps](long long done, long long total) { steps.Fraction(done, total); };
        layers.push_back(ReadRegionLayer(file, read));
    }
    if (layers.empty() && !options.group_tables.empty())
        throw core::InputError("--groups needs region boundaries to group (--regions FILE)");
    if (layers.empty()) {
        // No files: the demo geography, so a first start shows the Netherlands. Without its
        // facts table the map stays empty and says why.
        steps.Begin("demo");
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
    steps.Begin(options.files.front(), core::LoadProgress::StepKind::Levels);
    long long dissolved = 0;
    const long long to_dissolve = static_cast<long long>(levels.size() + options.group_tables.size());
    for (const std::string& level : levels) {
        steps.Fraction(dissolved++, to_dissolve);
        const RegionGrouping grouping = GroupByParent(layers.front(), level);
        for (const std::string& problem : grouping.problems)
            grouping_messages.push_back(layers.front().source + ": level " + level + ": " + problem);
        derived.push_back(DissolveRegions(layers.front(), grouping));
    }
    // User groupings from lookup tables (region code -> group).
    for (const std::string& table : options.group_tables) {
        steps.Fraction(dissolved++, to_dissolve);
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

void LoadDataFilesInSteps(const core::TableFileOptions& options, const std::vector<std::string>& files,
                          core::Workspace& workspace, LoadSteps& steps)
{
    // Every file is read and joined before the workspace changes, so one that cannot be read
    // leaves the workspace's tables as they were.
    std::vector<core::Workspace::LoadedTable> loaded;
    for (const std::string& file : files) {
        steps.Begin(file);
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

} // namespace

void LoadRegionFiles(const core::RegionFileOptions& options, core::Workspace& workspace)
{
    LoadSteps steps(nullptr, 0);
    LoadRegionFilesInSteps(options, workspace, steps);
}

void LoadDataFiles(const core::TableFileOptions& options, core::Workspace& workspace)
{
    LoadSteps steps(nullptr, 0);
    LoadDataFilesInSteps(options, DataFilesToLoad(options, workspace), workspace, steps);
}

void LoadWorkspace(const core::RegionFileOptions& regions, const core::TableFileOptions& tables,
                   core::Workspace& workspace, core::LoadProgress* progress)
{
    // The demo's tables are known once its geography is there; count them first so the bar
    // never runs backwards.
    const bool demo = regions.files.empty();
    std::vector<std::string> files = tables.files;
    if (demo && files.empty() && tables.demo_tables) {
        core::Workspace probe;
        probe.SetDemo(true);
        files = DataFilesToLoad(tables, probe);
        for (std::string& message : probe.Messages())
            workspace.Messages().push_back(std::move(message));
    }
    const int region_steps = demo ? 1 : static_cast<int>(regions.files.size()) + 1; // + the levels
    LoadSteps steps(progress, region_steps + static_cast<int>(files.size()));
    LoadRegionFilesInSteps(regions, workspace, steps);
    if (!workspace.IsDemo() && tables.files.empty())
        files.clear(); // the demo geography failed to load: no demo tables either
    LoadDataFilesInSteps(tables, files, workspace, steps);
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
