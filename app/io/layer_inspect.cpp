#include "io/layer_inspect.hpp"

#include "core/errors.hpp"
#include "io/table_import.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

namespace vak::io {

namespace {

std::string Format(const char* fmt, double a, double b, double c, double d)
{
    char buf[160];
    std::snprintf(buf, sizeof buf, fmt, a, b, c, d);
    return buf;
}

std::string Extent(const core::Box2d& box, bool degrees)
{
    if (box.Empty())
        return "none";
    return Format(degrees ? "(%.6f, %.6f) - (%.6f, %.6f)" : "(%.1f, %.1f) - (%.1f, %.1f)", box.min_x, box.min_y,
                  box.max_x, box.max_y);
}

bool IsPolygonType(const std::string& type)
{
    return type.find("Polygon") != std::string::npos || type.find("Unknown") != std::string::npos ||
           type.find("Surface") != std::string::npos || type.find("Geometry Collection") != std::string::npos;
}

void DescribeRegions(std::string& out, const std::string& path, const VectorLayerInfo& info,
                     const InspectOptions& options)
{
    RegionReadOptions read = options.read;
    read.layer = info.name;
    read.build_mesh = false;
    core::RegionLayer layer;
    try {
        layer = ReadRegionLayer(path, read);
    } catch (const core::InputError& e) {
        out += "  Regions: cannot be read: " + std::string(e.what()) + "\n";
        return;
    }
    out += "  Region code field: " + (layer.code_field.empty() ? std::string("none") : layer.code_field) + "\n";
    out += "  Region name field: " + (layer.name_field.empty() ? std::string("none") : layer.name_field) + "\n";
    std::map<std::string, std::set<std::string>> levels;
    for (const core::RegionFeature& f : layer.features)
        for (const auto& [level, code] : f.parents)
            levels[level].insert(code);
    if (!levels.empty()) {
        out += "  Parent levels:";
        for (const auto& [level, codes] : levels)
            out += " " + level + " (" + std::to_string(codes.size()) + " groups)";
        out += "\n";
    }
    std::size_t polygons = 0;
    for (const core::RegionFeature& f : layer.features)
        polygons += f.polygons.size();
    out += "  Display CRS: " + layer.crs + ", extent " + Extent(layer.bounds, false) + "\n";
    out += "  Regions: " + std::to_string(layer.features.size()) + " features, " + std::to_string(polygons) +
           " polygons\n";
    if (layer.problems.empty()) {
        out += "  Problems: none\n";
        return;
    }
    // A count per kind first (a neighbourhood layer can have thousands), then the first ones.
    std::map<std::string, int> per_kind;
    for (const core::LayerProblem& p : layer.problems)
        ++per_kind[core::ProblemKindName(p.kind)];
    out += "  Problems: " + std::to_string(layer.problems.size()) + " (";
    bool first = true;
    for (const auto& [kind, n] : per_kind) {
        out += (first ? "" : ", ") + std::to_string(n) + " " + kind;
        first = false;
    }
    out += ")\n";
    const std::size_t shown = std::min<std::size_t>(layer.problems.size(), options.max_problems);
    for (std::size_t i = 0; i < shown; ++i) {
        const core::LayerProblem& p = layer.problems[i];
        out += "    [" + std::string(core::ProblemKindName(p.kind)) + "] " + p.message + "\n";
    }
    if (shown < layer.problems.size())
        out += "    ... " + std::to_string(layer.problems.size() - shown) + " more (--all-problems lists every one)\n";
}

// A table: the column roles vakatlas detects and what an import would land.
void DescribeTable(std::string& out, const std::string& path, const VectorLayerInfo& info, const InspectOptions& options)
{
    TableImportOptions import;
    import.layer = info.name;
    import.region_column = options.region_column;
    import.recode_file = options.recode_file;
    import.period_column = options.period_column;
    import.scale = options.scale;
    ImportedTable table;
    try {
        core::RegionLayer join;
        if (!options.join_regions.empty()) {
            RegionReadOptions read;
            read.build_mesh = false;
            join = ReadRegionLayer(options.join_regions, read);
            import.regions = &join;
        }
        table = ImportTable(path, import);
    } catch (const core::InputError& e) {
        out += "  Table: cannot be read: " + std::string(e.what()) + "\n";
        return;
    }
    const core::ImportReport& r = table.report;
    out += "  Columns as read: " + r.mapping + "\n";
    out += "  Source: " + table.dataset.provenance.source +
           (table.dataset.provenance.synthetic ? " (synthetic demo data)" : "") + "\n";
    out += "  Import: " + r.Summary() + "\n";
    for (const std::string& note : r.notes)
        out += "    note: " + note + "\n";
    const std::size_t shown = std::min<std::size_t>(r.rejected.size(), options.max_problems);
    for (std::size_t i = 0; i < shown; ++i) {
        const core::ImportIssue& issue = r.rejected[i];
        out += "    row " + std::to_string(issue.row) + (issue.column.empty() ? "" : ", " + issue.column) +
               (issue.value.empty() ? "" : " '" + issue.value + "'") + ": " + issue.reason + "\n";
    }
    if (shown < r.rejected.size())
        out += "    ... " + std::to_string(r.rejected.size() - shown) + " more (--all-problems lists every one)\n";
}

} // namespace

std::string InspectFile(const std::string& path, const InspectOptions& options)
{
    const VectorFileInfo file = DescribeVectorFile(path);
    std::string out = "File: " + path + "\n";
    out += "Driver: " + file.driver;
    if (file.open_name != path)
        out += " (opened as " + file.open_name + ")";
    out += "\nLayers: " + std::to_string(file.layers.size()) + "\n";
    int number = 0;
    for (const VectorLayerInfo& layer : file.layers) {
        if (!options.read.layer.empty() && layer.name != options.read.layer)
            continue;
        out += "\nLayer " + std::to_string(++number) + ": " + layer.name + "\n";
        out += "  Geometry: " + layer.geometry_type + "\n";
        out += "  Features: " + std::to_string(layer.feature_count) + "\n";
        out += "  CRS: " + (layer.crs.empty() ? std::string("none in the file") : layer.crs) + "\n";
        const bool degrees = !layer.extent.Empty() && layer.extent.max_x <= 180.0 && layer.extent.min_x >= -180.0;
        out += "  Extent: " + Extent(layer.extent, degrees) + "\n";
        out += "  Fields:";
        for (const FieldInfo& f : layer.fields)
            out += " " + f.name + " (" + f.type + ")";
        out += layer.fields.empty() ? " none\n" : "\n";
        if (IsPolygonType(layer.geometry_type))
            DescribeRegions(out, path, layer, options);
        else
            DescribeTable(out, path, layer, options);
    }
    return out;
}

} // namespace vak::io
