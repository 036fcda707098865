#include "io/view_file.hpp"

#include "core/errors.hpp"
#include "core/style/palette.hpp"
#include "io/gdal_environment.hpp"
#include "io/output_file.hpp"

#include <cpl_error.h>
#include <cpl_json.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <initializer_list>
#include <sstream>
#include <system_error>

namespace vak::io {

namespace fs = std::filesystem;

namespace {

using JsonType = CPLJSONObject::Type;

const char* TypeName(JsonType type)
{
    switch (type) {
    case JsonType::Null: return "null";
    case JsonType::Object: return "an object";
    case JsonType::Array: return "a list";
    case JsonType::Boolean: return "true or false";
    case JsonType::String: return "a text";
    case JsonType::Integer:
    case JsonType::Long: return "a whole number";
    case JsonType::Double: return "a number";
    case JsonType::Unknown: break;
    }
    return "something unreadable";
}

// Walks the document, checking each key's type; every message names the file and the key's
// JSON path.
class ViewReader {
public:
    // `root`: the JSON path of the view object ("$" for a view file, "$.bookmarks[2].view" in a
    // story); paths below are written from "$" and read out under it.
    explicit ViewReader(std::string file, std::string root = "$") : m_file(std::move(file)), m_root(std::move(root)) {}

    [[noreturn]] void Fail(const std::string& path, const std::string& what) const
    {
        throw core::InputError(m_file + ": " + Rooted(path) + ": " + what);
    }

    std::string Rooted(const std::string& path) const
    {
        return path.starts_with("$") ? m_root + path.substr(1) : path;
    }

    // `object` must be an object whose keys are all in `known`.
    void CheckKeys(const CPLJSONObject& object, const std::string& path, std::initializer_list<const char*> known) const
    {
        if (object.GetType() != JsonType::Object)
            Fail(path, "expected an object, found " + std::string(TypeName(object.GetType())));
        for (const CPLJSONObject& child : object.GetChildren()) {
            const std::string name = child.GetName();
            if (std::none_of(known.begin(), known.end(), [&](const char* k) { return name == k; })) {
                std::string list;
                for (const char* k : known)
                    list += (list.empty() ? "" : ", ") + std::string(k);
                Fail(path + "." + name, "unknown key (known here: " + list + ")");
            }
        }
    }

    // The child `key` of `object`, or an invalid object when absent.
    static CPLJSONObject Child(const CPLJSONObject& object, const char* key)
    {
        return object.GetObj(key); // keys here have no '/', which GetObj would read as a path
    }

    bool Has(const CPLJSONObject& object, const char* key) const { return Child(object, key).IsValid(); }

    CPLJSONObject Object(const CPLJSONObject& object, const char* key, const std::string& path,
                         std::initializer_list<const char*> known) const
    {
        CPLJSONObject child = Child(object, key);
        if (child.IsValid())
            CheckKeys(child, path + "." + key, known);
        return child;
    }

    void Expect(const CPLJSONObject& value, const std::string& path, bool ok, const char* wanted) const
    {
        if (!ok)
            Fail(path, std::string("expected ") + wanted + ", found " + TypeName(value.GetType()));
    }

    void String(const CPLJSONObject& object, const char* key, const std::string& path, std::string& out) const
    {
        const CPLJSONObject v = Child(object, key);
        if (!v.IsValid())
            return;
        Expect(v, path + "." + key, v.GetType() == JsonType::String, "a text");
        out = v.ToString();
    }

    void Bool(const CPLJSONObject& object, const char* key, const std::string& path, bool& out) const
    {
        const CPLJSONObject v = Child(object, key);
        if (!v.IsValid())
            return;
        Expect(v, path + "." + key, v.GetType() == JsonType::Boolean, "true or false");
        out = v.ToBool();
    }

    void Int(const CPLJSONObject& object, const char* key, const std::string& path, int& out) const
    {
        const CPLJSONObject v = Child(object, key);
        if (!v.IsValid())
            return;
        Expect(v, path + "." + key, v.GetType() == JsonType::Integer, "a whole number");
        out = v.ToInteger();
    }

    static bool IsNumber(const CPLJSONObject& v)
    {
        return v.GetType() == JsonType::Integer || v.GetType() == JsonType::Long || v.GetType() == JsonType::Double;
    }

    void Number(const CPLJSONObject& object, const char* key, const std::string& path, double& out) const
    {
        const CPLJSONObject v = Child(object, key);
        if (!v.IsValid())
            return;
        Expect(v, path + "." + key, IsNumber(v), "a number");
        out = v.ToDouble();
    }

    void Strings(const CPLJSONObject& object, const char* key, const std::string& path,
                 std::vector<std::string>& out) const
    {
        const CPLJSONObject v = Child(object, key);
        if (!v.IsValid())
            return;
        const std::string here = path + "." + key;
        Expect(v, here, v.GetType() == JsonType::Array, "a list of texts");
        const CPLJSONArray list = v.ToArray();
        out.clear();
        for (int i = 0; i < list.Size(); ++i) {
            const CPLJSONObject item = list[i];
            Expect(item, here + "[" + std::to_string(i) + "]", item.GetType() == JsonType::String, "a text");
            out.push_back(item.ToString());
        }
    }

    void Numbers(const CPLJSONObject& object, const char* key, const std::string& path, std::vector<double>& out) const
    {
        const CPLJSONObject v = Child(object, key);
        if (!v.IsValid())
            return;
        const std::string here = path + "." + key;
        Expect(v, here, v.GetType() == JsonType::Array, "a list of numbers");
        const CPLJSONArray list = v.ToArray();
        out.clear();
        for (int i = 0; i < list.Size(); ++i) {
            const CPLJSONObject item = list[i];
            Expect(item, here + "[" + std::to_string(i) + "]", IsNumber(item), "a number");
            out.push_back(item.ToDouble());
        }
    }

    // [a, b]: two numbers.
    void Pair(const CPLJSONObject& object, const char* key, const std::string& path, double& a, double& b) const
    {
        const CPLJSONObject v = Child(object, key);
        const std::string here = path + "." + key;
        if (!v.IsValid())
            Fail(here, "missing");
        const CPLJSONArray list = v.ToArray();
        Expect(v, here, v.GetType() == JsonType::Array && list.Size() == 2 && IsNumber(list[0]) && IsNumber(list[1]),
               "a list of two numbers");
        a = list[0].ToDouble();
        b = list[1].ToDouble();
    }

private:
    std::string m_file;
    std::string m_root;
};

fs::path Folder(const fs::path& view_path)
{
    const fs::path absolute = fs::absolute(view_path);
    return absolute.parent_path();
}

// Relative to the view's folder when the data lies in or below it, else absolute.
std::string PathForFile(const std::string& data_path, const fs::path& folder)
{
    const fs::path absolute = fs::absolute(data_path).lexically_normal();
    const fs::path relative = absolute.lexically_relative(folder);
    if (!relative.empty() && *relative.begin() != "..")
        return relative.generic_string();
    return absolute.string();
}

CPLJSONArray StringArray(const std::vector<std::string>& values)
{
    CPLJSONArray array;
    for (const std::string& v : values)
        array.Add(v);
    return array;
}

CPLJSONArray NumberPair(double a, double b)
{
    CPLJSONArray array;
    array.Add(a);
    array.Add(b);
    return array;
}

// The objects of the list `key` (absent: false, `out` untouched); each must be an object.
bool ObjectList(const ViewReader& r, const CPLJSONObject& object, const char* key, const std::string& path,
                std::vector<CPLJSONObject>& out)
{
    const CPLJSONObject v = ViewReader::Child(object, key);
    if (!v.IsValid())
        return false;
    const std::string here = path + "." + key;
    r.Expect(v, here, v.GetType() == JsonType::Array, "a list of objects");
    const CPLJSONArray list = v.ToArray();
    out.clear();
    for (int i = 0; i < list.Size(); ++i) {
        const CPLJSONObject item = list[i];
        r.Expect(item, here + "[" + std::to_string(i) + "]", item.GetType() == JsonType::Object, "an object");
        out.push_back(item);
    }
    return true;
}

// "alert_rules": [{"kind": "small_programme", "enabled": true, "label": "", "threshold": 50,
// "years": 0}, ...]; present, it replaces the default rules (value checks: ValidateViewState).
void ReadAlertRules(const ViewReader& r, const CPLJSONObject& theme, const std::string& path,
                    std::optional<std::vector<core::themes::AlertRule>>& out)
{
    std::vector<CPLJSONObject> items;
    if (!ObjectList(r, theme, "alert_rules", path, items))
        return;
    std::vector<core::themes::AlertRule> rules;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::string at = path + ".alert_rules[" + std::to_string(i) + "]";
        r.CheckKeys(items[i], at, {"kind", "enabled", "label", "threshold", "years"});
        std::string kind;
        if (!r.Has(items[i], "kind"))
            r.Fail(at + ".kind", "missing");
        r.String(items[i], "kind", at, kind);
        const std::optional<core::themes::AlertKind> k = core::themes::AlertKindFromName(kind);
        if (!k)
            r.Fail(at + ".kind", "'" + kind +
                                     "' is not one of small_programme, small_region, fast_decline, "
                                     "unique_in_shrinking_region, vacancy_growth");
        core::themes::AlertRule rule;
        rule.kind = *k;
        r.Bool(items[i], "enabled", at, rule.enabled);
        r.String(items[i], "label", at, rule.label);
        if (!r.Has(items[i], "threshold"))
            r.Fail(at + ".threshold", "missing");
        r.Number(items[i], "threshold", at, rule.threshold);
        r.Int(items[i], "years", at, rule.years);
        rules.push_back(std::move(rule));
    }
    // The defaults written out are the defaults: one form for the same view.
    if (rules != core::themes::DefaultAlertRules())
        out = std::move(rules);
}

// "scenarios": [{"name": "...", "edits": [{"kind": "close", "crebo": "...", "location": "..."},
// {"kind": "move", ..., "to": "..."}]}, ...]
void ReadScenarios(const ViewReader& r, const CPLJSONObject& theme, const std::string& path,
                   std::vector<core::themes::Scenario>& scenarios)
{
    std::vector<CPLJSONObject> items;
    if (!ObjectList(r, theme, "scenarios", path, items))
        return;
    scenarios.clear();
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::string at = path + ".scenarios[" + std::to_string(i) + "]";
        r.CheckKeys(items[i], at, {"name", "edits"});
        core::themes::Scenario scenario;
        r.String(items[i], "name", at, scenario.name);
        std::vector<CPLJSONObject> edits;
        ObjectList(r, items[i], "edits", at, edits);
        for (std::size_t e = 0; e < edits.size(); ++e) {
            const std::string eat = at + ".edits[" + std::to_string(e) + "]";
            r.CheckKeys(edits[e], eat, {"kind", "crebo", "location", "to"});
            core::themes::ScenarioEdit edit;
            std::string kind = "close";
            r.String(edits[e], "kind", eat, kind);
            if (kind == "move")
                edit.kind = core::themes::ScenarioEdit::Kind::Move;
            else if (kind != "close")
                r.Fail(eat + ".kind", "'" + kind + "' is not one of close, move");
            r.String(edits[e], "crebo", eat, edit.crebo);
            r.String(edits[e], "location", eat, edit.location);
            r.String(edits[e], "to", eat, edit.to_location);
            scenario.edits.push_back(std::move(edit));
        }
        scenarios.push_back(std::move(scenario));
    }
}

} // namespace

core::ViewState ParseViewJson(const std::string& json, const fs::path& path)
{
    EnsureGdal();
    const std::string file = path.string();
    CPLJSONDocument doc;
    CPLErrorReset();
    bool parsed = false;
    {
        // json-c reports a syntax error through CPLError; keep it off stderr, it goes into our message.
        CPLErrorHandlerPusher quiet(CPLQuietErrorHandler);
        parsed = doc.LoadMemory(json);
    }
    if (!parsed) {
        std::string reason = CPLGetLastErrorMsg();
        if (reason.empty())
            reason = "unreadable";
        throw core::InputError(file + ": not valid JSON (" + reason + ")");
    }
    return ViewFromJson(doc.GetRoot(), path, "$");
}

core::ViewState ViewFromJson(const CPLJSONObject& root, const fs::path& path, const std::string& json_path)
{
    const std::string file = path.string();
    ViewReader r(file, json_path);
    const std::string where = json_path == "$" ? std::string() : json_path + ": ";
    if (root.GetType() != JsonType::Object)
        throw core::InputError(file + ": " + where + "not a vakatlas view (expected a JSON object with \"vakatlas_view\": " +
                               std::to_string(core::kViewFormatVersion) + ")");
    // The version first: a newer file may hold keys this version does not know.
    const CPLJSONObject version = ViewReader::Child(root, "vakatlas_view");
    if (!version.IsValid())
        throw core::InputError(file + ": " + where + "not a vakatlas view (no \"vakatlas_view\" version key)");
    r.Expect(version, "$.vakatlas_view", version.GetType() == JsonType::Integer, "a whole number");
    if (version.ToInteger() > core::kViewFormatVersion)
        r.Fail("$.vakatlas_view", "format version " + std::to_string(version.ToInteger()) +
                                      " is newer than this vakatlas reads (up to " +
                                      std::to_string(core::kViewFormatVersion) + "); use a newer vakatlas");
    if (version.ToInteger() < 1)
        r.Fail("$.vakatlas_view", "format version " + std::to_string(version.ToInteger()) + " does not exist");
    r.CheckKeys(root, "$", {"vakatlas_view", "data", "interface", "map", "shown", "theme", "compare"});

    core::ViewState view;
    const fs::path folder = Folder(path);
    if (const CPLJSONObject data = r.Object(root, "data", "$", {"regions", "tables"}); data.IsValid()) {
        const std::string dp = "$.data";
        // An empty name is no file (and has no absolute form: saving such a view threw).
        const auto named = [&](const std::vector<std::string>& files, const std::string& key) {
            for (std::size_t i = 0; i < files.size(); ++i)
                if (files[i].empty())
                    r.Fail(key + "[" + std::to_string(i) + "]", "empty file name");
        };
        if (const CPLJSONObject regions =
                r.Object(data, "regions", dp, {"files", "groups", "layer", "code_field", "name_field", "crs"});
            regions.IsValid()) {
            const std::string p = dp + ".regions";
            r.Strings(regions, "files", p, view.data.regions.files);
            r.Strings(regions, "groups", p, view.data.regions.group_tables);
            named(view.data.regions.files, p + ".files");
            named(view.data.regions.group_tables, p + ".groups");
            r.String(regions, "layer", p, view.data.regions.layer);
            r.String(regions, "code_field", p, view.data.regions.code_field);
            r.String(regions, "name_field", p, view.data.regions.name_field);
            r.String(regions, "crs", p, view.data.regions.crs);
        }
        if (const CPLJSONObject tables = r.Object(
                data, "tables", dp, {"files", "demo_tables", "region_column", "period_column", "scale", "recode"});
            tables.IsValid()) {
            const std::string p = dp + ".tables";
            r.Strings(tables, "files", p, view.data.tables.files);
            named(view.data.tables.files, p + ".files");
            r.Bool(tables, "demo_tables", p, view.data.tables.demo_tables);
            r.String(tables, "region_column", p, view.data.tables.region_column);
            r.String(tables, "period_column", p, view.data.tables.period_column);
            r.Number(tables, "scale", p, view.data.tables.scale);
            r.String(tables, "recode", p, view.data.tables.recode_file);
        }
        for (std::string* data_path : core::DataPaths(view.data))
            if (!data_path->empty() && fs::path(*data_path).is_relative())
                *data_path = (folder / *data_path).lexically_normal().string();
    }
    if (const CPLJSONObject ui = r.Object(root, "interface", "$", {"language", "scale_percent"}); ui.IsValid()) {
        r.String(ui, "language", "$.interface", view.language);
        r.Int(ui, "scale_percent", "$.interface", view.ui_scale_percent);
    }
    if (const CPLJSONObject map =
            r.Object(root, "map", "$", {"level", "tile_map", "camera", "selected_regions", "classification"});
        map.IsValid()) {
        r.String(map, "level", "$.map", view.level);
        r.Bool(map, "tile_map", "$.map", view.tile_map);
        if (const CPLJSONObject camera =
                r.Object(map, "camera", "$.map", {"centre", "units_per_pixel", "viewport"});
            camera.IsValid()) {
            core::ViewCamera c;
            r.Pair(camera, "centre", "$.map.camera", c.centre.x, c.centre.y);
            if (!r.Has(camera, "units_per_pixel"))
                r.Fail("$.map.camera.units_per_pixel", "missing");
            r.Number(camera, "units_per_pixel", "$.map.camera", c.units_per_pixel);
            r.Pair(camera, "viewport", "$.map.camera", c.viewport_width, c.viewport_height);
            view.camera = c;
        }
        r.Strings(map, "selected_regions", "$.map", view.selected_regions);
        std::sort(view.selected_regions.begin(), view.selected_regions.end());
        if (const CPLJSONObject classes =
                r.Object(map, "classification", "$.map", {"method", "classes", "palette", "edges"});
            classes.IsValid()) {
            const std::string p = "$.map.classification";
            std::string method(core::ClassMethodKey(view.style.method));
            r.String(classes, "method", p, method);
            const auto m = core::ClassMethodFromKey(method);
            if (!m)
                r.Fail(p + ".method",
                       "'" + method + "' is not one of quantile, equal_interval, natural_breaks, manual");
            view.style.method = *m;
            r.Int(classes, "classes", p, view.style.classes);
            r.Numbers(classes, "edges", p, view.style.manual_edges);
            std::string palette(core::PaletteName(view.style.palette));
            r.String(classes, "palette", p, palette);
            const auto id = core::PaletteFromName(palette);
            if (!id)
                r.Fail(p + ".palette", "'" + palette + "' is not a palette of vakatlas");
            view.style.palette = *id;
        }
    }
    if (const CPLJSONObject shown = r.Object(
            root, "shown", "$", {"table", "measure", "quantity", "period", "change", "selected_bars", "chart_index"});
        shown.IsValid()) {
        const std::string p = "$.shown";
        r.String(shown, "table", p, view.table);
        r.String(shown, "measure", p, view.measure);
        r.String(shown, "quantity", p, view.quantity);
        r.String(shown, "period", p, view.period);
        if (const CPLJSONObject change = r.Object(shown, "change", p, {"from", "to"}); change.IsValid()) {
            r.String(change, "from", p + ".change", view.change_from);
            r.String(change, "to", p + ".change", view.change_to);
        }
        r.Strings(shown, "selected_bars", p, view.selected_bars);
        r.Bool(shown, "chart_index", p, view.chart_index); // absent (older files): the index, as the panel starts
    }
    if (const CPLJSONObject theme = r.Object(root, "theme", "$",
                                             {"name", "programme", "closed_locations", "threshold_km", "per_thousand", "density",
                                              "alert_rules", "scenarios", "programme_filter", "tension"});
        theme.IsValid()) {
        const std::string p = "$.theme";
        r.String(theme, "name", p, view.theme.name);
        if (!view.theme.name.empty() && view.theme.name != "krimp" && view.theme.name != "opleidingsaanbod" &&
            view.theme.name != "vacatures")
            r.Fail(p + ".name", "'" + view.theme.name + "' is not one of krimp, opleidingsaanbod, vacatures");
        r.String(theme, "programme", p, view.theme.programme);
        r.Strings(theme, "closed_locations", p, view.theme.closed_locations);
        std::sort(view.theme.closed_locations.begin(), view.theme.closed_locations.end());
        r.Number(theme, "threshold_km", p, view.theme.threshold_km);
        if (!(view.theme.threshold_km >= 1 && view.theme.threshold_km <= 1000))
            r.Fail(p + ".threshold_km", "must be from 1 to 1000 km");
        r.Bool(theme, "per_thousand", p, view.theme.per_thousand);
        r.Bool(theme, "density", p, view.theme.density);
        ReadAlertRules(r, theme, p, view.theme.alert_rules);
        ReadScenarios(r, theme, p, view.theme.scenarios);
        if (const CPLJSONObject filter = r.Object(theme, "programme_filter", p, {"chambers", "levels", "path"});
            filter.IsValid()) {
            const std::string fp = p + ".programme_filter";
            r.Strings(filter, "chambers", fp, view.theme.filter_chambers);
            std::sort(view.theme.filter_chambers.begin(), view.theme.filter_chambers.end());
            std::vector<double> levels;
            r.Numbers(filter, "levels", fp, levels);
            for (std::size_t i = 0; i < levels.size(); ++i) {
                if (levels[i] != std::floor(levels[i]) || !(std::abs(levels[i]) < 1e6))
                    r.Fail(fp + ".levels[" + std::to_string(i) + "]", "expected a whole number");
                view.theme.filter_levels.push_back(static_cast<int>(levels[i]));
            }
            std::sort(view.theme.filter_levels.begin(), view.theme.filter_levels.end());
            r.String(filter, "path", fp, view.theme.filter_path);
        }
        if (const CPLJSONObject tension = r.Object(theme, "tension", p, {"chamber"}); tension.IsValid()) {
            view.theme.tension = true;
            // The tension map replaces the per-1,000 map: left out, per_thousand is off.
            if (!r.Has(theme, "per_thousand"))
                view.theme.per_thousand = false;
            r.String(tension, "chamber", p + ".tension", view.theme.tension_chamber);
        }
    }
    // "compare": {"from": "2015", "to": "2030"} or {"scenario": true}; absent: one map.
    if (const CPLJSONObject compare = r.Object(root, "compare", "$", {"from", "to", "scenario"}); compare.IsValid()) {
        core::CompareViewState c;
        r.Bool(compare, "scenario", "$.compare", c.scenario);
        r.String(compare, "from", "$.compare", c.from);
        r.String(compare, "to", "$.compare", c.to);
        view.compare = c;
    }
    const std::vector<std::string> problems = core::ValidateViewState(view);
    if (!problems.empty())
        throw core::InputError(file + ": " + r.Rooted(problems.front()));
    return view;
}

core::ViewState ReadViewFile(const fs::path& path)
{
    std::error_code ec;
    if (fs::is_directory(path, ec))
        throw core::InputError(path.string() + ": is a folder, not a view file");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw core::InputError(path.string() + ": cannot be read (" + std::error_code(errno, std::generic_category()).message() + ")");
    // A view is a few kilobytes; anything far larger is not one.
    constexpr std::uintmax_t kMaxViewBytes = 4u << 20;
    if (fs::file_size(path, ec) > kMaxViewBytes)
        throw core::InputError(path.string() + ": too large for a view file (over 4 MB)");
    std::ostringstream text;
    text << in.rdbuf();
    core::ViewState view = ParseViewJson(text.str(), path);
    CheckViewDataFiles(view, path, "$");
    return view;
}

void CheckViewDataFiles(const core::ViewState& view, const fs::path& path, const std::string& json_path)
{
    // Every data file must be there before anything is loaded or changed.
    std::error_code ec;
    const auto check = [&](const std::vector<std::string>& files, const std::string& key) {
        for (std::size_t i = 0; i < files.size(); ++i)
            if (!fs::is_regular_file(files[i], ec))
                throw core::InputError(path.string() + ": " + json_path + key + "[" + std::to_string(i) +
                                       "]: data file '" + files[i] + "' not found");
    };
    check(view.data.regions.files, ".data.regions.files");
    check(view.data.regions.group_tables, ".data.regions.groups");
    check(view.data.tables.files, ".data.tables.files");
    if (!view.data.tables.recode_file.empty())
        check({view.data.tables.recode_file}, ".data.tables.recode");
}

std::string ViewJson(const core::ViewState& view, const fs::path& path)
{
    return JsonText(ViewToJson(view, path));
}

CPLJSONObject ViewToJson(const core::ViewState& view, const fs::path& path)
{
    EnsureGdal();
    const fs::path folder = Folder(path);
    CPLJSONObject root;
    root.Add("vakatlas_view", core::kViewFormatVersion);

    CPLJSONObject data;
    CPLJSONObject regions;
    const core::RegionFileOptions& r = view.data.regions;
    std::vector<std::string> files;
    for (const std::string& f : r.files)
        files.push_back(PathForFile(f, folder));
    regions.Add("files", StringArray(files));
    if (!r.group_tables.empty()) {
        files.clear();
        for (const std::string& f : r.group_tables)
            files.push_back(PathForFile(f, folder));
        regions.Add("groups", StringArray(files));
    }
    for (const auto& [key, value] : {std::pair<const char*, const std::string*>{"layer", &r.layer},
                                     {"code_field", &r.code_field}, {"name_field", &r.name_field}, {"crs", &r.crs}})
        if (!value->empty())
            regions.Add(key, *value);
    data.Add("regions", regions);
    CPLJSONObject tables;
    const core::TableFileOptions& t = view.data.tables;
    files.clear();
    for (const std::string& f : t.files)
        files.push_back(PathForFile(f, folder));
    tables.Add("files", StringArray(files));
    tables.Add("demo_tables", t.demo_tables);
    if (!t.region_column.empty())
        tables.Add("region_column", t.region_column);
    if (!t.period_column.empty())
        tables.Add("period_column", t.period_column);
    if (t.scale > 0)
        tables.Add("scale", t.scale);
    if (!t.recode_file.empty())
        tables.Add("recode", PathForFile(t.recode_file, folder));
    data.Add("tables", tables);
    root.Add("data", data);

    CPLJSONObject ui;
    ui.Add("language", view.language);
    ui.Add("scale_percent", view.ui_scale_percent);
    root.Add("interface", ui);

    CPLJSONObject map;
    map.Add("level", view.level);
    map.Add("tile_map", view.tile_map);
    if (view.camera) {
        CPLJSONObject camera;
        camera.Add("centre", NumberPair(view.camera->centre.x, view.camera->centre.y));
        camera.Add("units_per_pixel", view.camera->units_per_pixel);
        camera.Add("viewport", NumberPair(view.camera->viewport_width, view.camera->viewport_height));
        map.Add("camera", camera);
    }
    map.Add("selected_regions", StringArray(view.selected_regions));
    CPLJSONObject classes;
    classes.Add("method", std::string(core::ClassMethodKey(view.style.method)));
    classes.Add("classes", view.style.classes);
    classes.Add("palette", std::string(core::PaletteName(view.style.palette)));
    if (!view.style.manual_edges.empty()) {
        CPLJSONArray edges;
        for (double edge : view.style.manual_edges)
            edges.Add(edge);
        classes.Add("edges", edges);
    }
    map.Add("classification", classes);
    root.Add("map", map);

    CPLJSONObject shown;
    shown.Add("table", view.table);
    shown.Add("measure", view.measure);
    if (!view.quantity.empty())
        shown.Add("quantity", view.quantity);
    shown.Add("period", view.period);
    if (!view.change_from.empty()) {
        CPLJSONObject change;
        change.Add("from", view.change_from);
        change.Add("to", view.change_to);
        shown.Add("change", change);
    }
    shown.Add("selected_bars", StringArray(view.selected_bars));
    shown.Add("chart_index", view.chart_index);
    root.Add("shown", shown);

    // Written when a theme is chosen or its lists say more than a new view's defaults.
    if (!view.theme.name.empty() || view.theme.alert_rules || !view.theme.scenarios.empty()) {
        const core::ThemeViewState& t = view.theme;
        CPLJSONObject theme;
        theme.Add("name", view.theme.name);
        if (!view.theme.programme.empty())
            theme.Add("programme", view.theme.programme);
        if (!view.theme.closed_locations.empty())
            theme.Add("closed_locations", StringArray(view.theme.closed_locations));
        theme.Add("threshold_km", view.theme.threshold_km);
        theme.Add("per_thousand", view.theme.per_thousand);
        theme.Add("density", view.theme.density);
        CPLJSONArray rules;
        for (const core::themes::AlertRule& rule : view.theme.alert_rules.value_or(core::themes::DefaultAlertRules())) {
            CPLJSONObject item;
            item.Add("kind", core::themes::AlertKindName(rule.kind));
            item.Add("enabled", rule.enabled);
            if (!rule.label.empty())
                item.Add("label", rule.label);
            item.Add("threshold", rule.threshold);
            item.Add("years", rule.years);
            rules.Add(item);
        }
        theme.Add("alert_rules", rules);
        if (!t.filter_chambers.empty() || !t.filter_levels.empty() || !t.filter_path.empty()) {
            CPLJSONObject filter;
            filter.Add("chambers", StringArray(t.filter_chambers));
            CPLJSONArray levels;
            for (int level : t.filter_levels)
                levels.Add(level);
            filter.Add("levels", levels);
            if (!t.filter_path.empty())
                filter.Add("path", t.filter_path);
            theme.Add("programme_filter", filter);
        }
        if (t.tension) {
            CPLJSONObject tension;
            if (!t.tension_chamber.empty())
                tension.Add("chamber", t.tension_chamber);
            theme.Add("tension", tension);
        }
        if (!view.theme.scenarios.empty()) {
            CPLJSONArray scenarios;
            for (const core::themes::Scenario& scenario : view.theme.scenarios) {
                CPLJSONObject item;
                item.Add("name", scenario.name);
                CPLJSONArray edits;
                for (const core::themes::ScenarioEdit& edit : scenario.edits) {
                    CPLJSONObject e;
                    e.Add("kind", edit.kind == core::themes::ScenarioEdit::Kind::Move ? "move" : "close");
                    e.Add("crebo", edit.crebo);
                    e.Add("location", edit.location);
                    if (!edit.to_location.empty())
                        e.Add("to", edit.to_location);
                    edits.Add(e);
                }
                item.Add("edits", edits);
                scenarios.Add(item);
            }
            theme.Add("scenarios", scenarios);
        }
        root.Add("theme", theme);
    }
    if (view.compare) {
        CPLJSONObject compare;
        if (view.compare->scenario)
            compare.Add("scenario", true);
        if (!view.compare->from.empty()) {
            compare.Add("from", view.compare->from);
            compare.Add("to", view.compare->to);
        }
        root.Add("compare", compare);
    }
    return root;
}

std::string JsonText(const CPLJSONObject& root)
{
    CPLJSONDocument doc;
    doc.SetRoot(root);
    // json-c writes "/" as "\/"; a path reads better without (both are the same JSON).
    const std::string escaped = doc.SaveAsString();
    std::string text;
    text.reserve(escaped.size() + 1);
    for (std::size_t i = 0; i < escaped.size(); ++i) {
        if (escaped[i] == '\\' && i + 1 < escaped.size()) {
            if (escaped[i + 1] != '/')
                text += escaped[i];
            text += escaped[++i];
        } else {
            text += escaped[i];
        }
    }
    return text + "\n";
}

void WriteViewFile(const core::ViewState& view, const fs::path& path)
{
    const std::vector<std::string> problems = core::ValidateViewState(view);
    if (!problems.empty())
        throw core::InputError("cannot write " + path.string() + ": " + problems.front());
    CheckOutputPath(path);
    WriteTextFileAtomically(ViewJson(view, path), path);
}

void WriteTextFileAtomically(const std::string& text, const fs::path& path)
{
    CheckOutputPath(path);
    const fs::path tmp = TemporarySibling(path);
    std::error_code ec;
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (out)
            out.write(text.data(), static_cast<std::streamsize>(text.size()));
        if (out)
            out.flush();
        if (!out) {
            const std::string reason = std::error_code(errno, std::generic_category()).message();
            out.close();
            // Only our own temporary, never something else that happens to have its name.
            if (fs::is_regular_file(tmp, ec))
                fs::remove(tmp, ec);
            throw core::InputError("cannot write " + path.string() + ": " + reason);
        }
    }
    CommitTemporary(tmp, path);
}

} // namespace vak::io
