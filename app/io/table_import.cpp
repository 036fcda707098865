#include "io/table_import.hpp"

#include "core/data/cell_parse.hpp"
#include "core/errors.hpp"
#include "core/text/region_codes.hpp"
#include "core/text/utf8.hpp"
#include "io/ogr_handles.hpp"
#include "io/vector_source.hpp"

#include <cpl_conv.h>
#include <cpl_json.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cmath>
#include <filesystem>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <unordered_map>

namespace vak::io {

namespace {

namespace fs = std::filesystem;

// [SECTION] detection

struct WideColumn {
    int field = -1;
    core::Period period;
};

struct Mapping {
    int region = -1;
    int period = -1;
    std::string wide_measure;          // PREFIX of the wide columns
    std::vector<WideColumn> wide;
    std::vector<int> measures;
    std::vector<int> dimensions;
    int x = -1, y = -1;                // point coordinates
    bool lonlat = false;
    std::vector<int> ignored;
};

bool NameHas(const std::string& lower, std::initializer_list<const char*> words)
{
    for (const char* w : words)
        if (lower.find(w) != std::string::npos)
            return true;
    return false;
}

bool IsIdentifierName(const std::string& lower)
{
    return lower == "id" || NameHas(lower, {"code", "nummer", "brin", "crebo", "postcode", "nr"});
}

// Numbers that classify rather than count: a level, a year, an age, a sector (SBI) code.
bool IsCategoryName(const std::string& lower)
{
    return NameHas(lower, {"jaar", "year", "niveau", "level", "leeftijd", "age", "sbi", "kwartaal", "klasse", "categorie",
                           "soort", "type", "bedrijfstak", "sector", "branche"});
}

Mapping DetectMapping(const std::vector<std::string>& names, const std::vector<std::vector<std::string>>& sample,
                      const TableImportOptions& options, const std::string& path)
{
    Mapping m;
    const int n = static_cast<int>(names.size());
    std::vector<std::string> lower(names.size());
    for (int i = 0; i < n; ++i)
        lower[i] = core::AsciiLower(names[i]);
    auto find_named = [&](const std::string& wanted, const char* role) {
        for (int i = 0; i < n; ++i)
            if (names[i] == wanted)
                return i;
        throw core::InputError(path + ": no column '" + wanted + "' for the " + role);
    };

    // Wide columns: PREFIX_YEAR or PREFIX_YEARKWq, at least three sharing a prefix.
    static const std::regex kWide(R"(^(.*?)[_ \-]?((?:19|20)\d\d(?:JJ00|KW0?[1-4]|Q[1-4])?)$)", std::regex::icase);
    std::map<std::string, std::vector<WideColumn>> groups;
    for (int i = 0; i < n; ++i) {
        std::smatch match;
        if (std::regex_match(names[i], match, kWide) && !match[1].str().empty()) {
            std::string suffix = match[2].str(); // "2023kw2" as well as "2023KW2"
            for (char& c : suffix)
                c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            if (auto period = core::ParsePeriod(suffix))
                groups[match[1].str()].push_back({i, *period});
        }
    }
    for (auto& [prefix, columns] : groups)
        if (columns.size() >= 3 && columns.size() > m.wide.size()) {
            m.wide_measure = prefix;
            m.wide = columns;
        }
    std::vector<bool> used(names.size(), false);
    for (const WideColumn& w : m.wide)
        used[w.field] = true;

    // Region and period columns: named by the user, else by the usual names.
    if (!options.region_column.empty())
        m.region = find_named(options.region_column, "region code");
    else
        for (int i = 0; i < n && m.region < 0; ++i)
            if (!used[i] && (NameHas(lower[i], {"gemeentecode", "gemeente_code", "gm_code", "regios", "regio_code",
                                                "regiocode", "arbeidsmarktregio_code", "provincie_code", "statcode"})))
                m.region = i;
    if (m.region >= 0)
        used[m.region] = true;
    if (!options.period_column.empty())
        m.period = find_named(options.period_column, "period");
    else if (m.wide.empty())
        for (int i = 0; i < n && m.period < 0; ++i)
            if (!used[i] && (lower[i] == "jaar" || lower[i] == "year" || lower[i] == "perioden" || lower[i] == "periode" ||
                             lower[i] == "period" || lower[i] == "kwartaal"))
                m.period = i;
    if (m.period >= 0)
        used[m.period] = true;

    // Point coordinates.
    auto named = [&](std::initializer_list<const char*> candidates) {
        for (int i = 0; i < n; ++i)
            if (!used[i])
                for (const char* c : candidates)
                    if (lower[i] == c)
                        return i;
        return -1;
    };
    m.x = named({"x_rd", "x", "rd_x"});
    m.y = named({"y_rd", "y", "rd_y"});
    if (m.x < 0 || m.y < 0) {
        m.x = named({"lon", "longitude", "lng"});
        m.y = named({"lat", "latitude"});
        m.lonlat = m.x >= 0 && m.y >= 0;
    }
    if (m.x >= 0 && m.y >= 0)
        used[m.x] = used[m.y] = true;
    else
        m.x = m.y = -1;

    // The rest: row numbers ignored, numbers are measures, everything else a dimension.
    for (int i = 0; i < n; ++i) {
        if (used[i])
            continue;
        if (lower[i] == "id") {
            m.ignored.push_back(i);
            continue;
        }
        int numeric = 0, other = 0;
        std::set<std::string> distinct;
        for (const auto& row : sample) {
            const auto cell = core::ParseCell(row[i]);
            if (!cell)
                ++other;
            else if (cell->state == core::ValueState::Known) {
                ++numeric;
                if (distinct.size() <= 64)
                    distinct.insert(row[i]);
            }
        }
        // Mostly numbers: a measure. A few stray texts (up to 5 %, at least 2 in a small
        // sample) stay a measure, so each lands in the report instead of turning the whole
        // column into a dimension. Numbers that classify (named like a level, year or sector,
        // or a handful of whole values repeated over many rows) are a dimension: they belong
        // to the key of a row, not to what is summed.
        const bool mostly_numbers = numeric > 0 && other <= std::max(2, numeric / 20);
        const bool few_values = numeric >= 50 && distinct.size() <= 12;
        if (mostly_numbers && !IsIdentifierName(lower[i]) && !IsCategoryName(lower[i]) && !few_values)
            m.measures.push_back(i);
        else
            m.dimensions.push_back(i);
    }
    // A wide table's measure is its year columns; other numeric columns stay as attributes of
    // the row (dimensions) instead of disappearing.
    if (!m.wide.empty()) {
        m.dimensions.insert(m.dimensions.end(), m.measures.begin(), m.measures.end());
        m.measures.clear();
        std::sort(m.dimensions.begin(), m.dimensions.end());
    }
    return m;
}

std::string FormatScale(double scale)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", scale);
    return buf;
}

std::string Describe(const Mapping& m, const std::vector<std::string>& names)
{
    auto list = [&](const std::vector<int>& columns) {
        std::string out;
        for (int c : columns)
            out += (out.empty() ? "" : ", ") + names[c];
        return out.empty() ? std::string("none") : out;
    };
    std::string text = "region: " + (m.region >= 0 ? names[m.region] : std::string("none"));
    if (!m.wide.empty())
        text += "; wide: " + std::to_string(m.wide.size()) + " columns " + names[m.wide.front().field] + " .. " +
                names[m.wide.back().field] + " -> period + measure " + m.wide_measure;
    else
        text += "; period: " + (m.period >= 0 ? names[m.period] : std::string("none"));
    if (m.wide.empty())
        text += "; measures: " + list(m.measures);
    text += "; dimensions: " + list(m.dimensions);
    if (m.x >= 0)
        text += std::string("; points: ") + names[m.x] + "/" + names[m.y] + (m.lonlat ? " (lon/lat)" : " (RD New)");
    if (!m.ignored.empty())
        text += "; ignored (row numbers): " + list(m.ignored);
    return text;
}

// [SECTION] sidecars

// The root object of <table><suffix> when it exists; throws when it exists but is broken, so a
// mapping the user wrote is never silently ignored.
std::optional<CPLJSONObject> ReadSidecar(const std::string& path, const char* suffix)
{
    fs::path sidecar = fs::path(path);
    sidecar.replace_extension(suffix);
    std::error_code ec;
    if (!fs::is_regular_file(sidecar, ec))
        return std::nullopt;
    CPLJSONDocument doc;
    if (!doc.Load(sidecar.string()))
        throw core::InputError(sidecar.string() + ": not valid JSON (" + LastGdalError("unreadable") + ")");
    CPLJSONObject root = doc.GetRoot();
    if (root.GetType() != CPLJSONObject::Type::Object)
        throw core::InputError(sidecar.string() + ": must be a JSON object {...}");
    // The mapping file is the user's: a typo or a wrong type is an error, never ignored.
    if (std::string(suffix) == ".vakatlas.json") {
        using T = CPLJSONObject::Type;
        const std::map<std::string, std::vector<T>> kKeys = {
            {"region_column", {T::String}}, {"period_column", {T::String}},      {"scale", {T::Integer, T::Long, T::Double}},
            {"first_year", {T::Integer}},   {"last_year", {T::Integer}},          {"source", {T::String}},
            {"unit", {T::String}},          {"period", {T::String}},              {"synthetic", {T::Boolean}},
        };
        for (const CPLJSONObject& child : root.GetChildren()) {
            auto it = kKeys.find(child.GetName());
            if (it == kKeys.end())
                throw core::InputError(sidecar.string() + ": unknown key '" + child.GetName() +
                                       "' (known: region_column, period_column, scale, first_year, last_year, source, "
                                       "unit, period, synthetic)");
            if (std::find(it->second.begin(), it->second.end(), child.GetType()) == it->second.end())
                throw core::InputError(sidecar.string() + ": '" + child.GetName() + "' has the wrong type");
        }
        const double scale = root.GetDouble("scale", 1.0);
        if (!(scale > 0))
            throw core::InputError(sidecar.string() + ": 'scale' must be a positive number");
    }
    return root;
}

core::Provenance ReadProvenance(const std::string& path, const std::optional<CPLJSONObject>& mapping)
{
    core::Provenance p;
    p.file = path;
    p.source = fs::path(path).filename().string();
    for (const auto& sidecar : {ReadSidecar(path, ".source.json"), mapping}) {
        if (!sidecar)
            continue;
        p.source = sidecar->GetString("source", p.source);
        p.period = sidecar->GetString("period", p.period);
        p.unit = sidecar->GetString("unit", p.unit);
        p.synthetic = sidecar->GetBool("synthetic", p.synthetic);
    }
    return p;
}

// Command-line options first, then the mapping sidecar, then the defaults.
TableImportOptions Resolve(TableImportOptions options, const std::optional<CPLJSONObject>& mapping)
{
    if (mapping) {
        if (options.region_column.empty())
            options.region_column = mapping->GetString("region_column", "");
        if (options.period_column.empty())
            options.period_column = mapping->GetString("period_column", "");
        if (options.scale == 0.0)
            options.scale = mapping->GetDouble("scale", 0.0);
        options.first_year = mapping->GetInteger("first_year", options.first_year);
        options.last_year = mapping->GetInteger("last_year", options.last_year);
    }
    if (!(options.scale > 0.0))
        options.scale = 1.0;
    return options;
}

} // namespace

// [SECTION] import

ImportedTable ImportTable(const std::string& path, const TableImportOptions& given)
{
    const std::optional<CPLJSONObject> mapping_file = ReadSidecar(path, ".vakatlas.json");
    const TableImportOptions options = Resolve(given, mapping_file);
    // CSV: every column as text, so numbers, "<5" and codes with leading zeros are
    // interpreted here. Spreadsheets: the first row is always the header (GDAL guesses
    // otherwise when every cell of the first two rows is text).
    const char* csv_options[] = {"AUTODETECT_TYPE=NO", "EMPTY_STRING_AS_NULL=NO", "KEEP_GEOM_COLUMNS=YES", nullptr};
    const char* sheet_options[] = {"HEADERS=FORCE", "FIELD_TYPES=STRING", nullptr};
    const std::string ext = core::AsciiLower(fs::path(path).extension().string());
    const bool sheet = ext == ".xlsx" || ext == ".ods";
    // GDAL 3.6's XLSX driver reads these as configuration options only: set them for this
    // thread while opening.
    struct SheetConfig {
        bool on;
        explicit SheetConfig(bool enable) : on(enable)
        {
            if (on) {
                CPLSetThreadLocalConfigOption("OGR_XLSX_HEADERS", "FORCE");
                CPLSetThreadLocalConfigOption("OGR_XLSX_FIELD_TYPES", "STRING");
            }
        }
        ~SheetConfig()
        {
            if (on) {
                CPLSetThreadLocalConfigOption("OGR_XLSX_HEADERS", nullptr);
                CPLSetThreadLocalConfigOption("OGR_XLSX_FIELD_TYPES", nullptr);
            }
        }
    } sheet_config(ext == ".xlsx");
    OpenedVector opened = OpenVector(path, sheet ? sheet_options : csv_options);
    OGRLayerH table = nullptr;
    const int layers = GDALDatasetGetLayerCount(opened.Get());
    for (int i = 0; i < layers && !table; ++i) {
        OGRLayerH candidate = GDALDatasetGetLayer(opened.Get(), i);
        if (options.layer.empty() || options.layer == OGR_L_GetName(candidate))
            table = candidate;
    }
    if (!table)
        throw core::InputError(path + (options.layer.empty() ? ": no table in the file" : ": no table '" + options.layer + "'"));
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(table);
    const int columns = OGR_FD_GetFieldCount(defn);
    if (columns == 0)
        throw core::InputError(path + ": no columns");
    std::vector<std::string> names;
    for (int i = 0; i < columns; ++i)
        names.emplace_back(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i)));

    auto row_texts = [&](OGRFeatureH f) {
        std::vector<std::string> texts(static_cast<std::size_t>(columns));
        for (int i = 0; i < columns; ++i)
            if (OGR_F_IsFieldSetAndNotNull(f, i))
                texts[static_cast<std::size_t>(i)] = OGR_F_GetFieldAsString(f, i);
        return texts;
    };
    // Roles are detected on the first rows; the whole table is then read once more.
    std::vector<std::vector<std::string>> sample;
    OGR_L_ResetReading(table);
    for (FeaturePtr f(OGR_L_GetNextFeature(table)); f && sample.size() < 2000; f.reset(OGR_L_GetNextFeature(table)))
        sample.push_back(row_texts(f.get()));
    const Mapping m = DetectMapping(names, sample, options, path);

    ImportedTable out;
    core::Dataset& ds = out.dataset;
    core::ImportReport& report = out.report;
    ds.name = fs::path(path).stem().string();
    ds.provenance = ReadProvenance(path, mapping_file);
    report.file = path;
    report.mapping = Describe(m, names) + (options.scale != 1.0 ? "; values x " + FormatScale(options.scale) : "") +
                     (mapping_file ? " (mapping from " + fs::path(path).stem().string() + ".vakatlas.json)" : "");

    // Columns of the dataset: region, period, other dimensions; then the measures.
    auto add_dim = [&](const std::string& name, core::DimensionRole role) {
        core::DimensionColumn d;
        d.name = name;
        d.role = role;
        ds.dimensions.push_back(std::move(d));
        return static_cast<int>(ds.dimensions.size()) - 1;
    };
    const int region_dim = m.region >= 0 ? add_dim(names[m.region], core::DimensionRole::Region) : -1;
    const int period_dim = (m.period >= 0 || !m.wide.empty())
                               ? add_dim(m.period >= 0 ? names[m.period] : "periode", core::DimensionRole::Period)
                               : -1;
    std::vector<int> other_dims;
    for (int c : m.dimensions)
        other_dims.push_back(add_dim(names[c], core::DimensionRole::Category));
    std::vector<int> measure_fields = m.wide.empty() ? m.measures : std::vector<int>{};
    for (int c : measure_fields) {
        core::MeasureColumn mc;
        mc.name = names[c];
        mc.unit = ds.provenance.unit;
        ds.measures.push_back(std::move(mc));
    }
    if (!m.wide.empty()) {
        core::MeasureColumn mc;
        mc.name = m.wide_measure;
        mc.unit = ds.provenance.unit;
        ds.measures.push_back(std::move(mc));
    }

    std::optional<core::RegionCodeMatcher> matcher;
    if (options.regions) {
        std::vector<std::string> codes;
        for (const core::RegionFeature& f : options.regions->features)
            codes.push_back(f.code);
        matcher.emplace(codes);
    }
    std::optional<TransformHandle> to_rd;
    if (m.lonlat)
        to_rd = MakeTransform("EPSG:4326", "EPSG:28992");

    // Duplicate detection on the full key (all dimensions), except for point tables, where two
    // identical rows are two events.
    std::unordered_map<std::string, std::pair<long, std::string>> seen;
    const bool check_duplicates = m.x < 0;
    std::size_t rows = 0;
    long line = 1; // the header

    long last_rejected_line = -1;
    auto reject = [&](const std::string& column, const std::string& value, const std::string& reason) {
        report.rejected.push_back({line, column, value, reason});
        if (last_rejected_line != line)
            ++report.rows_rejected; // a wide row can have several cells rejected
        last_rejected_line = line;
    };
    // Parses a measure cell; false (and a report) when it cannot land.
    auto parse_measure = [&](const std::string& text, const std::string& column, core::CellValue& cell) {
        const auto parsed = core::ParseCell(text);
        if (!parsed) {
            reject(column, text, "not a number");
            return false;
        }
        cell = *parsed;
        if (cell.state == core::ValueState::Known) {
            if (options.scale != 1.0) {
                // 135.5 x 1000 is 135500, not 135499.99999: round away the binary error
                // relative to the value's size.
                const double scaled = cell.value * options.scale;
                const double rounded = std::round(scaled);
                cell.value = std::abs(scaled - rounded) <= 1e-9 * std::max(1.0, std::abs(scaled)) ? rounded : scaled;
                cell.integral = cell.value == std::floor(cell.value);
            }
            if (std::abs(cell.value) >= 9007199254740992.0) { // 2^53: from here doubles skip integers
                reject(column, text, "too large for an exact count");
                return false;
            }
            if (cell.value < 0 && cell.integral) {
                reject(column, text, "negative count");
                return false;
            }
        }
        return true;
    };
    // Appends one stored row; measures must already be valid.
    auto append = [&](const std::vector<std::string>& texts, const std::string& region, const std::string& period,
                      const std::vector<core::CellValue>& cells, double x, double y) {
        if (region_dim >= 0)
            ds.dimensions[region_dim].Encode(region);
        if (period_dim >= 0)
            ds.dimensions[period_dim].Encode(period);
        for (std::size_t k = 0; k < other_dims.size(); ++k)
            ds.dimensions[other_dims[k]].Encode(core::Trim(texts[m.dimensions[k]]));
        for (std::size_t k = 0; k < cells.size(); ++k) {
            core::MeasureColumn& mc = ds.measures[k];
            const core::CellValue& cell = cells[k];
            if (cell.state == core::ValueState::Known && mc.is_count && !cell.integral) {
                // A fraction: this measure is an amount, not a count, from here on and before.
                mc.is_count = false;
                mc.values.assign(mc.counts.begin(), mc.counts.end());
                mc.counts.clear();
                report.notes.push_back(mc.name + ": not whole numbers (row " + std::to_string(line) +
                                       "), stored as amounts instead of counts");
            }
            mc.Append(cell.state, static_cast<std::int64_t>(std::llround(cell.value)), cell.value);
            report.values_suppressed += cell.state == core::ValueState::Suppressed;
            report.values_missing += cell.state == core::ValueState::Missing;
        }
        if (m.x >= 0) {
            ds.x.push_back(x);
            ds.y.push_back(y);
        }
        ++rows;
    };

    OGR_L_ResetReading(table);
    for (FeaturePtr f(OGR_L_GetNextFeature(table)); f; f.reset(OGR_L_GetNextFeature(table))) {
        ++line;
        ++report.rows_read;
        const std::vector<std::string> texts = row_texts(f.get());

        std::string region;
        if (m.region >= 0) {
            const std::string raw(core::Trim(texts[m.region]));
            if (matcher) {
                const int found = matcher->Find(raw);
                if (found < 0) {
                    reject(names[m.region], texts[m.region], "unknown region code (not in layer " + options.regions->name + ")");
                    continue;
                }
                region = options.regions->features[found].code;
            } else {
                region = raw;
            }
        }
        double x = 0, y = 0;
        if (m.x >= 0) {
            const auto cx = core::ParseCell(texts[m.x]);
            const auto cy = core::ParseCell(texts[m.y]);
            if (!cx || !cy || cx->state != core::ValueState::Known || cy->state != core::ValueState::Known) {
                reject(names[m.x] + "/" + names[m.y], texts[m.x] + " " + texts[m.y], "no point coordinates");
                continue;
            }
            x = cx->value;
            y = cy->value;
            if (to_rd && !OCTTransform(to_rd->get(), 1, &x, &y, nullptr)) {
                reject(names[m.x] + "/" + names[m.y], texts[m.x] + " " + texts[m.y], "coordinates outside RD New");
                continue;
            }
        }
        auto key_of = [&](const std::string& period) {
            std::string key = region + '\x1f' + period;
            for (int c : m.dimensions)
                key += '\x1f' + std::string(core::Trim(texts[c]));
            return key;
        };
        auto check_duplicate = [&](const std::string& key, const std::string& values) {
            if (!check_duplicates)
                return true;
            auto [it, inserted] = seen.emplace(key, std::make_pair(line, values));
            if (inserted)
                return true;
            reject("", "", it->second.second == values
                               ? "duplicate of row " + std::to_string(it->second.first) + " (same values)"
                               : "duplicate key with different values than row " + std::to_string(it->second.first));
            return false;
        };

        if (!m.wide.empty()) {
            // One stored row per year column.
            for (const WideColumn& w : m.wide) {
                core::CellValue cell;
                if (w.period.year < options.first_year || w.period.year > options.last_year) {
                    reject(names[w.field], texts[w.field], "year out of range");
                    continue;
                }
                if (!parse_measure(texts[w.field], names[w.field], cell))
                    continue;
                const std::string period = w.period.Label();
                if (!check_duplicate(key_of(period), texts[w.field]))
                    continue;
                append(texts, region, period, {cell}, x, y);
            }
            continue;
        }
        std::string period;
        if (m.period >= 0) {
            const auto p = core::ParsePeriod(texts[m.period]);
            if (!p) {
                reject(names[m.period], texts[m.period], "not a year or quarter");
                continue;
            }
            if (p->year < options.first_year || p->year > options.last_year) {
                reject(names[m.period], texts[m.period], "year out of range");
                continue;
            }
            period = p->Label();
        }
        std::vector<core::CellValue> cells(measure_fields.size());
        bool ok = true;
        std::string values;
        for (std::size_t k = 0; k < measure_fields.size() && ok; ++k) {
            ok = parse_measure(texts[measure_fields[k]], names[measure_fields[k]], cells[k]);
            values += texts[measure_fields[k]] + '\x1f';
        }
        if (!ok || !check_duplicate(key_of(period), values))
            continue;
        append(texts, region, period, cells, x, y);
    }
    ds.SetRowCount(rows);
    report.rows_landed = static_cast<long>(rows);
    return out;
}

} // namespace vak::io
