#include "io/table_import.hpp"

#include "core/data/cell_parse.hpp"
#include "core/data/recode.hpp"
#include "core/data/region_join.hpp"
#include "core/errors.hpp"
#include "core/text/region_codes.hpp"
#include "core/text/utf8.hpp"
#include "io/ogr_handles.hpp"
#include "io/path_policy.hpp"
#include "io/region_recode.hpp"
#include "io/table_rows.hpp"
#include "io/vector_source.hpp"

#include <cpl_json.h>
#include <ogr_api.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace vak::io {

namespace {

namespace fs = std::filesystem;

// [SECTION] detection

struct WideColumn {
    int field = -1;
    core::Period period;
};

enum class PointSource { None, Columns, Wkt, Geometry };

struct Mapping {
    int region = -1;
    int period = -1;
    std::string wide_measure;          // PREFIX of the wide columns
    std::vector<WideColumn> wide;
    std::vector<int> measures;
    std::vector<int> dimensions;
    PointSource points = PointSource::None;
    int x = -1, y = -1;                // point coordinate columns
    bool lonlat = false;               // x/y columns in degrees
    int wkt = -1;                      // column of WKT points
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

// Names of columns of WKT geometry, as GDAL's CSV driver knows them (WKT) and as exports
// commonly call them.
bool IsWktName(const std::string& lower)
{
    for (const char* name : {"wkt", "geometry", "geom", "the_geom", "geometrie", "wkt_geom", "geometry_wkt"})
        if (lower == name)
            return true;
    return false;
}

Mapping DetectMapping(const TableRows& rows, const std::vector<core::NumberFormat>& formats, const TableImportOptions& options)
{
    Mapping m;
    const std::vector<std::string>& names = rows.names;
    const int n = static_cast<int>(names.size());
    std::vector<std::string> lower(names.size());
    for (int i = 0; i < n; ++i)
        lower[i] = core::AsciiLower(names[i]);
    auto find_named = [&](const std::string& wanted, const char* role) {
        for (int i = 0; i < n; ++i)
            if (names[i] == wanted)
                return i;
        throw core::InputError(rows.path + ": no column '" + wanted + "' for the " + role);
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

    // Region and period columns: named by the user, else by the usual names. Roles are decided
    // on the first rows, as a user reads a table.
    if (!options.region_column.empty())
        m.region = find_named(options.region_column, "region code");
    else
        for (int i = 0; i < n && m.region < 0; ++i)
            if (!used[i] && (NameHas(lower[i], {"gemeentecode", "gemeente_code", "gm_code", "regios", "regio_code",
                                                "regiocode", "arbeidsmarktregio_code", "provincie_code", "statcode"})))
                m.region = i;
    const std::size_t sample = std::min<std::size_t>(rows.RowCount(), 2000);
    // Else a column whose values are all CBS codes of one kind ("GM0003", "PV20"), whatever
    // its name ("unique_id").
    for (int i = 0; i < n && m.region < 0; ++i) {
        if (used[i])
            continue;
        static const std::regex kCbsCode(R"(^([A-Z]{2})\d{2,8}$)");
        std::string prefix;
        bool all_codes = true;
        for (std::size_t r = 0; r < sample && all_codes; ++r) {
            const std::string value(core::Trim(rows.Cell(r, static_cast<std::size_t>(i))));
            std::smatch match;
            if (value.empty())
                continue;
            all_codes = std::regex_match(value, match, kCbsCode) && (prefix.empty() || prefix == match[1].str());
            prefix = all_codes ? match[1].str() : prefix;
        }
        if (all_codes && !prefix.empty())
            m.region = i;
    }
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

    // Point coordinates: x/y or lon/lat columns, else a WKT column, else the table's own points.
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
    if (m.x >= 0 && m.y >= 0) {
        used[m.x] = used[m.y] = true;
        m.points = PointSource::Columns;
    } else {
        m.x = m.y = -1;
        for (int i = 0; i < n && m.wkt < 0; ++i)
            if (!used[i] && IsWktName(lower[i]))
                m.wkt = i;
        if (m.wkt >= 0) {
            used[m.wkt] = true;
            m.points = PointSource::Wkt;
        } else if (!rows.native_points.empty()) {
            m.points = PointSource::Geometry;
        }
    }

    // The rest: row numbers ignored, numbers are measures, everything else a dimension. Roles
    // are decided on the first rows, as a user reads a table.
    for (int i = 0; i < n; ++i) {
        if (used[i])
            continue;
        if (lower[i] == "id") {
            m.ignored.push_back(i);
            continue;
        }
        int numeric = 0, other = 0;
        std::set<std::string_view> distinct;
        for (std::size_t r = 0; r < sample; ++r) {
            const std::string_view text = rows.Cell(r, static_cast<std::size_t>(i));
            const auto cell = core::ParseCell(text, formats[static_cast<std::size_t>(i)]);
            if (!cell)
                ++other;
            else if (cell->state == core::ValueState::Known) {
                ++numeric;
                if (distinct.size() <= 64)
                    distinct.insert(text);
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

std::string JoinNames(const std::vector<std::string>& items, std::size_t shown = 20)
{
    std::string out;
    for (std::size_t i = 0; i < items.size() && i < shown; ++i)
        out += (i ? ", " : "") + items[i];
    if (items.size() > shown)
        out += ", ... (" + std::to_string(items.size() - shown) + " more)";
    return out;
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
            {"region_column", {T::String}}, {"period_column", {T::String}}, {"scale", {T::Integer, T::Long, T::Double}},
            {"first_year", {T::Integer}},   {"last_year", {T::Integer}},     {"source", {T::String}},
            {"unit", {T::String}},          {"period", {T::String}},         {"synthetic", {T::Boolean}},
            {"recode_file", {T::String}},
        };
        for (const CPLJSONObject& child : root.GetChildren()) {
            auto it = kKeys.find(child.GetName());
            if (it == kKeys.end())
                throw core::InputError(sidecar.string() + ": unknown key '" + child.GetName() +
                                       "' (known: region_column, period_column, scale, first_year, last_year, source, "
                                       "unit, period, synthetic, recode_file)");
            if (std::find(it->second.begin(), it->second.end(), child.GetType()) == it->second.end())
                throw core::InputError(sidecar.string() + ": '" + child.GetName() + "' has the wrong type");
        }
        const double scale = root.GetDouble("scale", 1.0);
        if (!(scale > 0))
            throw core::InputError(sidecar.string() + ": 'scale' must be a positive number");
        if (root.GetObj("recode_file").IsValid() && root.GetString("recode_file").empty())
            throw core::InputError(sidecar.string() + ": 'recode_file' is empty");
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
TableImportOptions Resolve(TableImportOptions options, const std::string& path, const std::optional<CPLJSONObject>& mapping)
{
    if (mapping) {
        if (options.region_column.empty())
            options.region_column = mapping->GetString("region_column", "");
        if (options.period_column.empty())
            options.period_column = mapping->GetString("period_column", "");
        if (options.scale == 0.0)
            options.scale = mapping->GetDouble("scale", 0.0);
        if (options.recode_file.empty()) {
            // The sidecar travels with the table: its path is relative to the table's folder.
            const std::string recode = mapping->GetString("recode_file", "");
            // A name inside a file is as untrusted as the file: never a URL unless allowed.
            CheckLocalPath(recode, fs::path(path).replace_extension(".vakatlas.json").string() + ": recode_file");
            if (!recode.empty())
                options.recode_file = fs::path(recode).is_absolute() ? recode : (fs::path(path).parent_path() / recode).string();
        }
        options.first_year = mapping->GetInteger("first_year", options.first_year);
        options.last_year = mapping->GetInteger("last_year", options.last_year);
    }
    if (!(options.scale > 0.0))
        options.scale = 1.0;
    return options;
}

// [SECTION] points

// A row's point in RD New, or why it has none.
struct RowPoint {
    enum class State : std::uint8_t { Ok, Empty, NotWkt, NotPoint, Outside };
    State state = State::Empty;
    std::uint32_t geometry_type = 0; // OGRwkbGeometryType when NotPoint
    double x = 0, y = 0;
};

struct PointColumn {
    std::vector<RowPoint> points; // per row
    std::string description;      // for the mapping: where the points come from, and their CRS
};

// Points of a WKT column (parsed by OGR's geometry factory) or of the table's own geometry,
// reprojected to RD New. A CSV says nothing about its CRS: when every point lies within
// longitude/latitude bounds the column is lon/lat (WGS84), else RD New. Decided for the
// column, not per point.
PointColumn ReadPoints(const TableRows& rows, const Mapping& m)
{
    PointColumn out;
    out.points.resize(rows.RowCount());
    bool all_degrees = true, any = false;
    for (std::size_t r = 0; r < rows.RowCount(); ++r) {
        RowPoint& p = out.points[r];
        if (m.points == PointSource::Geometry) {
            const NativePoint& g = rows.native_points[r];
            p.state = g.kind == NativePoint::Kind::Point ? RowPoint::State::Ok
                      : g.kind == NativePoint::Kind::Other ? RowPoint::State::NotPoint
                                                            : RowPoint::State::Empty;
            p.x = g.x;
            p.y = g.y;
        } else {
            const std::string text(core::Trim(rows.Cell(r, static_cast<std::size_t>(m.wkt))));
            if (text.empty())
                continue;
            char* cursor = const_cast<char*>(text.c_str()); // OGR advances it; the text is not changed
            OGRGeometryH g = nullptr;
            if (OGR_G_CreateFromWkt(&cursor, nullptr, &g) != OGRERR_NONE || !g) {
                p.state = RowPoint::State::NotWkt;
                continue;
            }
            const OGRwkbGeometryType type = wkbFlatten(OGR_G_GetGeometryType(g));
            OGRGeometryH point = type == wkbMultiPoint && OGR_G_GetGeometryCount(g) == 1 ? OGR_G_GetGeometryRef(g, 0) : g;
            if (wkbFlatten(OGR_G_GetGeometryType(point)) == wkbPoint && !OGR_G_IsEmpty(point)) {
                p = {RowPoint::State::Ok, 0, OGR_G_GetX(point, 0), OGR_G_GetY(point, 0)};
            } else {
                p.state = RowPoint::State::NotPoint;
                p.geometry_type = static_cast<std::uint32_t>(type);
            }
            OGR_G_DestroyGeometry(g);
        }
        if (p.state == RowPoint::State::Ok) {
            any = true;
            all_degrees = all_degrees && std::abs(p.x) <= 180 && std::abs(p.y) <= 90;
        }
    }
    const std::string source = m.points == PointSource::Wkt ? "WKT column " + rows.names[m.wkt] : "the table's geometry";
    std::optional<TransformHandle> transform;
    if (m.points == PointSource::Geometry && !rows.native_srs_wkt.empty()) {
        SrsHandle srs = MakeSrs(rows.native_srs_wkt);
        SrsHandle rd = MakeSrs("EPSG:28992");
        if (!OSRIsSame(srs.get(), rd.get())) {
            transform = MakeTransform(rows.native_srs_wkt, "EPSG:28992");
            out.description = source + " (" + (OSRGetName(srs.get()) ? OSRGetName(srs.get()) : "its CRS") + " -> RD New)";
        } else {
            out.description = source + " (RD New)";
        }
    } else if (any && all_degrees) {
        transform = MakeTransform("EPSG:4326", "EPSG:28992");
        out.description = source + " (lon/lat -> RD New)";
    } else {
        out.description = source + " (RD New)";
    }
    if (transform)
        for (RowPoint& p : out.points)
            if (p.state == RowPoint::State::Ok && !OCTTransform(transform->get(), 1, &p.x, &p.y, nullptr))
                p.state = RowPoint::State::Outside;
    return out;
}

std::string Describe(const Mapping& m, const std::vector<std::string>& names, int region_column, bool by_name,
                     const std::vector<int>& dimensions, const std::string& points)
{
    auto list = [&](const std::vector<int>& columns) {
        std::string out;
        for (int c : columns)
            out += (out.empty() ? "" : ", ") + names[c];
        return out.empty() ? std::string("none") : out;
    };
    std::string text = "region: " + (region_column >= 0 ? names[region_column] + (by_name ? " (names)" : "") : std::string("none"));
    if (!m.wide.empty())
        text += "; wide: " + std::to_string(m.wide.size()) + " columns " + names[m.wide.front().field] + " .. " +
                names[m.wide.back().field] + " -> period + measure " + m.wide_measure;
    else
        text += "; period: " + (m.period >= 0 ? names[m.period] : std::string("none"));
    if (m.wide.empty())
        text += "; measures: " + list(m.measures);
    text += "; dimensions: " + list(dimensions);
    if (m.points == PointSource::Columns)
        text += std::string("; points: ") + names[m.x] + "/" + names[m.y] + (m.lonlat ? " (lon/lat)" : " (RD New)");
    else if (m.points != PointSource::None)
        text += "; points: " + points;
    if (!m.ignored.empty())
        text += "; ignored (row numbers): " + list(m.ignored);
    return text;
}

// Periods compare in time order; a whole year sorts before its quarters.
int PeriodOrder(const core::Period& p)
{
    return p.year * 5 + p.quarter;
}

std::string PeriodLabel(int order)
{
    return core::Period{order / 5, order % 5}.Label();
}

// [SECTION] reading

// Everything read from a table's file, before a region layer is chosen.
struct TableContents {
    std::string path;
    TableImportOptions options; // resolved; `regions` unused
    core::Provenance provenance;
    bool mapping_from_sidecar = false;
    TableRows rows;
    std::vector<core::NumberFormat> formats; // per column
    Mapping mapping;
    PointColumn points; // when points come from WKT or the table's geometry
    core::RecodeTable recode;
    std::vector<core::JoinCandidate> join_candidates; // the region column and the dimensions
    // Per column: a dimension that the region code determines (one value per code, such as
    // the municipality's name). After a conversion such attributes of old regions are not part
    // of the key, so that the rows of merged regions meet.
    std::vector<bool> region_attribute;
};

TableContents ReadContents(const std::string& path, const TableImportOptions& given)
{
    TableContents t;
    const std::optional<CPLJSONObject> mapping_file = ReadSidecar(path, ".vakatlas.json");
    t.path = path;
    t.options = Resolve(given, path, mapping_file);
    t.provenance = ReadProvenance(path, mapping_file);
    t.mapping_from_sidecar = mapping_file.has_value();
    t.rows = ReadTableRows(path, t.options.layer);
    if (!t.options.recode_file.empty())
        t.recode = ReadRecodeTable(t.options.recode_file);

    // Number notation per column, from all its cells: "12.500" means one thing in a column.
    std::vector<core::NumberFormatDetector> detectors(t.rows.ColumnCount());
    for (std::size_t r = 0; r < t.rows.RowCount(); ++r)
        for (std::size_t c = 0; c < detectors.size(); ++c)
            detectors[c].Add(t.rows.Cell(r, c));
    for (const core::NumberFormatDetector& d : detectors)
        t.formats.push_back(d.Result());

    t.mapping = DetectMapping(t.rows, t.formats, t.options);
    const Mapping& m = t.mapping;
    if (m.points == PointSource::Wkt || m.points == PointSource::Geometry)
        t.points = ReadPoints(t.rows, m);

    // What a region layer can be matched on: the region column's codes (as the conversion
    // table turns them), and the values of the other columns, which may be names. A column of
    // more distinct values than any layer has regions (buurten: about 14,000) holds no names of
    // regions: it is left out rather than held in memory.
    constexpr std::size_t kMostRegionNames = 50000;
    auto distinct_values = [&](int column, bool recode) {
        std::unordered_set<std::string> seen;
        std::vector<std::string> values;
        auto add = [&](const std::string& value) {
            if (seen.insert(value).second)
                values.push_back(value);
        };
        for (std::size_t r = 0; r < t.rows.RowCount() && (recode || values.size() <= kMostRegionNames); ++r) {
            const std::string value(core::Trim(t.rows.Cell(r, static_cast<std::size_t>(column))));
            if (value.empty())
                continue;
            const core::RecodeRule* rule = recode ? t.recode.Find(value) : nullptr;
            if (!rule)
                add(value);
            else
                for (const core::RecodeTarget& target : rule->targets)
                    add(target.code);
        }
        return values;
    };
    if (m.region >= 0)
        t.join_candidates.push_back({m.region, true, distinct_values(m.region, true)});
    for (int c : m.dimensions)
        if (std::vector<std::string> values = distinct_values(c, false); values.size() <= kMostRegionNames)
            t.join_candidates.push_back({c, false, std::move(values)});

    t.region_attribute.assign(t.rows.ColumnCount(), false);
    if (!t.recode.Empty() && m.region >= 0)
        for (int c : m.dimensions) {
            std::unordered_map<std::string_view, std::string_view> value_of_region;
            bool determined = true;
            for (std::size_t r = 0; r < t.rows.RowCount() && determined; ++r) {
                const auto [it, added] = value_of_region.emplace(core::Trim(t.rows.Cell(r, static_cast<std::size_t>(m.region))),
                                                                 core::Trim(t.rows.Cell(r, static_cast<std::size_t>(c))));
                determined = added || it->second == core::Trim(t.rows.Cell(r, static_cast<std::size_t>(c)));
            }
            t.region_attribute[static_cast<std::size_t>(c)] = determined;
        }
    return t;
}

// [SECTION] import

// Unknown region values met while joining, for the grouped note.
struct UnknownRegion {
    std::string value;
    long rows = 0;
    int last_period = -1; // PeriodOrder of the latest period the value has figures for; -1 none
};

// The note on region values the layer does not know, grouped so that the user sees what kind
// of problem it is: codes of the layer's form whose figures stop before the table's last
// period (a municipality merged since), other codes of the layer's form that it lacks, and
// values of another kind.
std::string UnknownRegionsNote(const std::vector<UnknownRegion>& unknown, const core::RegionJoin& join, int table_last_period,
                               const std::string& recode_source)
{
    std::vector<std::string> former, same_form, other;
    long rows = 0;
    for (const UnknownRegion& u : unknown) {
        rows += u.rows;
        const bool in_form = !join.Codes().InLayerStyle(u.value).empty();
        const std::string counted = u.value + " (" + std::to_string(u.rows) + (u.rows == 1 ? " row" : " rows");
        if (in_form && u.last_period >= 0 && table_last_period >= 0 && u.last_period < table_last_period)
            former.push_back(counted + ", up to " + PeriodLabel(u.last_period) + ")");
        else if (in_form)
            same_form.push_back(counted + ")");
        else
            other.push_back(counted + ")");
    }
    const std::string form = join.Codes().Prefix() + " + " + std::to_string(join.Codes().Digits()) + " digits";
    const std::string hint = recode_source.empty() ? "a conversion table (recode_file) maps old codes to current ones"
                                                   : "they are not in the conversion table " + recode_source;
    std::string note = std::to_string(unknown.size()) + " region value" + (unknown.size() == 1 ? "" : "s") + " not in layer " +
                       join.Layer().name + " (" + std::to_string(rows) + " rows not landed)";
    if (!former.empty())
        note += "; " + std::to_string(former.size()) + " look like former codes (" + form +
                ", figures only up to a period before the table's last, " + PeriodLabel(table_last_period) +
                "): municipalities merged since? " + hint + ": " + JoinNames(former);
    if (!same_form.empty())
        note += "; " + std::to_string(same_form.size()) + " have the layer's form (" + form +
                ") but it lacks them (codes of other years' boundaries? " + hint + "): " + JoinNames(same_form);
    if (!other.empty())
        note += "; " + std::to_string(other.size()) + " are not codes of this level: " + JoinNames(other);
    return note;
}

// One import of a read table: the dataset, its report, and where in the file it is. Each step
// of a row is a method; Run goes through the rows.
class TableImporter {
public:
    TableImporter(const TableContents& table, const core::RegionLayer* regions);
    ImportedTable Run();

private:
    std::string_view Text(int column) const { return m_rows.Cell(m_row, static_cast<std::size_t>(column)); }
    core::NumberFormat FormatOf(int column) const { return m_table.formats[static_cast<std::size_t>(column)]; }
    std::string RecodeFile() const { return fs::path(m_table.recode.Source()).filename().string(); }
    void SetUpColumns();
    void Reject(const std::string& column, std::string_view value, const std::string& reason);
    void ImportRow();
    bool JoinRegion(std::vector<std::string>& region_codes, const core::RecodeRule*& rule);
    bool ReadPoint(double& x, double& y);
    bool ParseMeasure(int column, core::CellValue& cell);
    int RowLastPeriod() const;
    std::string KeyOf(const std::string& region, const std::string& period) const;
    std::string LandingKeyOf(const std::string& region, const std::string& period) const;
    bool CheckDuplicate(const std::string& key, const std::string& values);
    void Land(const std::vector<std::string>& region_codes, const std::vector<core::RecodeTarget>* targets,
              const std::string& period, const std::vector<core::CellValue>& cells, double x, double y);
    std::size_t Append(const std::string& region, const std::string& period, const std::vector<core::CellValue>& cells,
                       double x, double y);
    void AddInto(std::size_t stored, const std::vector<core::CellValue>& cells);
    void MakeAmount(core::MeasureColumn& measure);
    void AddNotes();

    const TableContents& m_table;
    const TableRows& m_rows;
    const Mapping& m_map;
    const std::vector<std::string>& m_names;
    const core::RegionLayer* m_regions;
    std::optional<core::RegionJoin> m_join;
    core::RegionJoinPlan m_plan;
    bool m_by_name = false;
    int m_region_column = -1;
    std::vector<int> m_dimension_columns; // columns of the category dimensions
    bool m_recoding = false;
    bool m_points = false;
    std::optional<TransformHandle> m_lonlat_to_rd;

    ImportedTable m_out;
    int m_region_dim = -1, m_period_dim = -1;
    std::vector<int> m_other_dims; // dataset dimension per m_dimension_columns entry
    std::vector<int> m_measure_columns;
    std::size_t m_stored = 0;

    // Where in the file.
    std::size_t m_row = 0;
    long m_line = 0;
    long m_last_rejected_line = -1;
    std::string m_row_dimensions_key; // the row's dimension values, part of every key
    std::string m_row_landing_key;    // the same without the region's attributes (see TableContents)

    // Duplicates on the key as read, except in point tables (two identical rows are two
    // events); after a conversion, rows that land on one key are summed.
    struct SeenKey {
        long line;
        std::string values;
    };
    std::unordered_map<std::string, SeenKey> m_seen;
    std::unordered_map<std::string, std::size_t> m_landed; // key after conversion -> stored row

    // For the notes.
    long m_rows_converted = 0, m_values_summed = 0;
    long m_last_converted_line = -1;
    std::set<std::string> m_attributes_emptied; // region attributes that merged rows disagreed on
    std::set<std::string> m_old_codes_used;
    std::vector<UnknownRegion> m_unknown;
    std::unordered_map<std::string, std::size_t> m_unknown_index;
    std::set<std::string> m_names_matched, m_names_unmatched;
    std::map<std::string, long> m_names_ambiguous;
    int m_table_last_period = -1;
};

TableImporter::TableImporter(const TableContents& table, const core::RegionLayer* regions)
    : m_table(table), m_rows(table.rows), m_map(table.mapping), m_names(table.rows.names), m_regions(regions)
{
    // How rows find the layer: by code, or by name when the names fit better.
    if (regions) {
        m_join.emplace(*regions);
        m_plan = m_join->Plan(table.join_candidates);
    }
    m_by_name = m_plan.by == core::RegionJoinPlan::By::Name;
    m_region_column = m_by_name ? m_plan.column : m_map.region;
    m_dimension_columns = m_map.dimensions;
    if (m_by_name && m_plan.column != m_map.region) {
        // The names come from another column: it holds the regions, and the codes that failed
        // stay as an attribute.
        std::erase(m_dimension_columns, m_plan.column);
        if (m_map.region >= 0)
            m_dimension_columns.insert(std::upper_bound(m_dimension_columns.begin(), m_dimension_columns.end(), m_map.region),
                                       m_map.region);
    }
    m_recoding = !table.recode.Empty() && m_region_column >= 0 && !m_by_name;
    m_points = m_map.points != PointSource::None;
    if (m_map.points == PointSource::Columns && m_map.lonlat)
        m_lonlat_to_rd = MakeTransform("EPSG:4326", "EPSG:28992");
    SetUpColumns();
}

void TableImporter::SetUpColumns()
{
    core::Dataset& ds = m_out.dataset;
    core::ImportReport& report = m_out.report;
    const TableImportOptions& options = m_table.options;
    ds.name = fs::path(m_table.path).stem().string();
    ds.provenance = m_table.provenance;
    report.file = m_table.path;
    report.mapping = Describe(m_map, m_names, m_region_column, m_by_name, m_dimension_columns, m_table.points.description) +
                     (options.scale != 1.0 ? "; values x " + FormatScale(options.scale) : "") +
                     (m_recoding ? "; old codes converted with " + RecodeFile() : "") +
                     (m_table.mapping_from_sidecar ? " (mapping from " + ds.name + ".vakatlas.json)" : "");

    // Region, period, other dimensions; then the measures.
    auto add_dim = [&](const std::string& name, core::DimensionRole role) {
        core::DimensionColumn d;
        d.name = name;
        d.role = role;
        ds.dimensions.push_back(std::move(d));
        return static_cast<int>(ds.dimensions.size()) - 1;
    };
    if (m_region_column >= 0)
        m_region_dim = add_dim(m_names[m_region_column], core::DimensionRole::Region);
    if (m_map.period >= 0 || !m_map.wide.empty())
        m_period_dim = add_dim(m_map.period >= 0 ? m_names[m_map.period] : "periode", core::DimensionRole::Period);
    for (int c : m_dimension_columns)
        m_other_dims.push_back(add_dim(m_names[c], core::DimensionRole::Category));
    if (m_map.wide.empty())
        m_measure_columns = m_map.measures;
    auto add_measure = [&](const std::string& name) {
        core::MeasureColumn mc;
        mc.name = name;
        mc.unit = ds.provenance.unit;
        ds.measures.push_back(std::move(mc));
    };
    for (int c : m_measure_columns)
        add_measure(m_names[c]);
    if (!m_map.wide.empty())
        add_measure(m_map.wide_measure);
}

void TableImporter::Reject(const std::string& column, std::string_view value, const std::string& reason)
{
    m_out.report.rejected.push_back({m_line, column, std::string(value), reason});
    if (m_last_rejected_line != m_line)
        ++m_out.report.rows_rejected; // a wide row can have several cells rejected
    m_last_rejected_line = m_line;
}

ImportedTable TableImporter::Run()
{
    for (m_row = 0; m_row < m_rows.RowCount(); ++m_row)
        ImportRow();
    core::Dataset& ds = m_out.dataset;
    core::ImportReport& report = m_out.report;
    ds.SetRowCount(m_stored);
    report.rows_landed = static_cast<long>(m_stored);
    // Counted on the stored table, after conversions split and summed rows.
    for (const core::MeasureColumn& mc : ds.measures)
        for (core::ValueState state : mc.states) {
            report.values_suppressed += state == core::ValueState::Suppressed;
            report.values_missing += state == core::ValueState::Missing;
        }
    AddNotes();
    return std::move(m_out);
}

void TableImporter::ImportRow()
{
    m_line = m_rows.RowNumber(m_row);
    ++m_out.report.rows_read;
    if (auto it = m_rows.ragged.find(m_row); it != m_rows.ragged.end()) {
        Reject("", "", std::to_string(it->second) + " fields on this " + m_rows.NumberingWord() + ", the header has " +
                           std::to_string(m_rows.ColumnCount()));
        return;
    }
    if (m_join)
        m_table_last_period = std::max(m_table_last_period, RowLastPeriod());
    std::vector<std::string> region_codes;
    const core::RecodeRule* rule = nullptr;
    if (!JoinRegion(region_codes, rule))
        return;
    const std::vector<core::RecodeTarget>* targets = rule ? &rule->targets : nullptr;
    double x = 0, y = 0;
    if (!ReadPoint(x, y))
        return;
    if (m_points && targets && targets->size() > 1) {
        Reject(m_names[m_region_column], Text(m_region_column),
               "split over " + std::to_string(targets->size()) + " new codes by " + RecodeFile() + ": a point cannot be divided");
        return;
    }
    m_row_dimensions_key.clear();
    m_row_landing_key.clear();
    for (int c : m_dimension_columns) {
        m_row_dimensions_key.append("\x1f").append(core::Trim(Text(c)));
        if (!m_table.region_attribute[static_cast<std::size_t>(c)])
            m_row_landing_key.append("\x1f").append(core::Trim(Text(c)));
    }
    // The key as read: an old code stands for itself (in any spelling), so that two rows of
    // one old region are duplicates rather than a sum.
    const std::string key_region = rule ? "\x1e" + rule->old_code : region_codes.front();
    const TableImportOptions& options = m_table.options;

    if (!m_map.wide.empty()) {
        // One stored row per year column.
        for (const WideColumn& w : m_map.wide) {
            core::CellValue cell;
            if (w.period.year < options.first_year || w.period.year > options.last_year) {
                Reject(m_names[w.field], Text(w.field), "year out of range");
                continue;
            }
            if (!ParseMeasure(w.field, cell))
                continue;
            const std::string period = w.period.Label();
            if (CheckDuplicate(KeyOf(key_region, period), std::string(Text(w.field))))
                Land(region_codes, targets, period, {cell}, x, y);
        }
        return;
    }
    std::string period;
    if (m_map.period >= 0) {
        const auto p = core::ParsePeriod(Text(m_map.period));
        if (!p) {
            Reject(m_names[m_map.period], Text(m_map.period), "not a year or quarter");
            return;
        }
        if (p->year < options.first_year || p->year > options.last_year) {
            Reject(m_names[m_map.period], Text(m_map.period), "year out of range");
            return;
        }
        period = p->Label();
    }
    std::vector<core::CellValue> cells(m_measure_columns.size());
    std::string values;
    for (std::size_t k = 0; k < m_measure_columns.size(); ++k) {
        if (!ParseMeasure(m_measure_columns[k], cells[k]))
            return;
        values.append(Text(m_measure_columns[k])).append("\x1f");
    }
    if (CheckDuplicate(KeyOf(key_region, period), values))
        Land(region_codes, targets, period, cells, x, y);
}

// The row's regions: its value, or the new codes its old code converts to (`rule`), joined
// to the layer's codes when there is a layer. False (and a report) when a region is unknown.
bool TableImporter::JoinRegion(std::vector<std::string>& region_codes, const core::RecodeRule*& rule)
{
    if (m_region_column < 0) {
        region_codes.push_back("");
        return true;
    }
    const std::string raw(core::Trim(Text(m_region_column)));
    rule = m_recoding ? m_table.recode.Find(raw) : nullptr;
    if (rule) {
        for (const core::RecodeTarget& t : rule->targets)
            region_codes.push_back(t.code);
    } else {
        region_codes.push_back(raw);
    }
    const std::string& column = m_names[m_region_column];
    for (std::string& code : region_codes) {
        if (!m_join)
            break;
        const int found = m_join->Find(m_plan.by, code);
        if (found >= 0) {
            if (m_by_name)
                m_names_matched.insert(raw);
            code = m_regions->features[static_cast<std::size_t>(found)].code;
            continue;
        }
        if (m_by_name && found == core::RegionNameMatcher::kAmbiguous) {
            ++m_names_ambiguous[raw];
            Reject(column, Text(m_region_column), "ambiguous region name (several features of layer " + m_regions->name + " have it)");
        } else if (m_by_name) {
            m_names_unmatched.insert(raw);
            Reject(column, Text(m_region_column), "unknown region name (not in layer " + m_regions->name + ")");
        } else {
            auto [it, added] = m_unknown_index.emplace(code, m_unknown.size());
            if (added)
                m_unknown.push_back({code});
            UnknownRegion& u = m_unknown[it->second];
            ++u.rows;
            u.last_period = std::max(u.last_period, RowLastPeriod());
            Reject(column, Text(m_region_column),
                   rule ? "unknown region code " + code + " (converted from " + raw + " by " + RecodeFile() +
                              "; not in layer " + m_regions->name + ")"
                        : "unknown region code (not in layer " + m_regions->name + ")");
        }
        return false;
    }
    return true;
}

// The row's point in RD New; false (and a report) when a point table's row has none.
bool TableImporter::ReadPoint(double& x, double& y)
{
    if (m_map.points == PointSource::Columns) {
        const auto cx = core::ParseCell(Text(m_map.x), FormatOf(m_map.x));
        const auto cy = core::ParseCell(Text(m_map.y), FormatOf(m_map.y));
        const std::string column = m_names[m_map.x] + "/" + m_names[m_map.y];
        const std::string both = std::string(Text(m_map.x)) + " " + std::string(Text(m_map.y));
        if (!cx || !cy || cx->state != core::ValueState::Known || cy->state != core::ValueState::Known) {
            Reject(column, both, "no point coordinates");
            return false;
        }
        x = cx->value;
        y = cy->value;
        if (m_lonlat_to_rd && !OCTTransform(m_lonlat_to_rd->get(), 1, &x, &y, nullptr)) {
            Reject(column, both, "coordinates outside RD New");
            return false;
        }
        return true;
    }
    if (!m_points)
        return true;
    const RowPoint& p = m_table.points.points[m_row];
    const bool wkt = m_map.points == PointSource::Wkt;
    const std::string column = wkt ? m_names[m_map.wkt] : "geometry";
    const std::string_view text = wkt ? Text(m_map.wkt) : std::string_view();
    switch (p.state) {
    case RowPoint::State::Ok:
        x = p.x;
        y = p.y;
        return true;
    case RowPoint::State::Empty:
        Reject(column, text, "no point coordinates");
        break;
    case RowPoint::State::NotWkt:
        Reject(column, text, "not a WKT geometry");
        break;
    case RowPoint::State::NotPoint:
        Reject(column, text,
               std::string("a ") + OGRGeometryTypeToName(static_cast<OGRwkbGeometryType>(p.geometry_type)) + ", not a point");
        break;
    case RowPoint::State::Outside:
        Reject(column, text, "coordinates outside RD New");
        break;
    }
    return false;
}

// Parses a measure cell; false (and a report) when it cannot land.
bool TableImporter::ParseMeasure(int column, core::CellValue& cell)
{
    const std::string_view text = Text(column);
    const auto parsed = core::ParseCell(text, FormatOf(column));
    if (!parsed) {
        Reject(m_names[column], text, "not a number");
        return false;
    }
    cell = *parsed;
    if (cell.state != core::ValueState::Known)
        return true;
    const double scale = m_table.options.scale;
    if (scale != 1.0) {
        // 135.5 x 1000 is 135500, not 135499.99999: round away the binary error relative to
        // the value's size.
        const double scaled = cell.value * scale;
        const double rounded = std::round(scaled);
        cell.value = std::abs(scaled - rounded) <= 1e-9 * std::max(1.0, std::abs(scaled)) ? rounded : scaled;
        cell.integral = cell.value == std::floor(cell.value);
    }
    if (std::abs(cell.value) >= 9007199254740992.0) { // 2^53: from here doubles skip integers
        Reject(m_names[column], text, "too large for an exact count");
        return false;
    }
    if (cell.value < 0 && cell.integral) {
        Reject(m_names[column], text, "negative count");
        return false;
    }
    return true;
}

// The latest period the row has figures for: its period, or in a wide row the last year column
// with a number other than 0 (DUO writes 0 after a location closed). -1 when none.
int TableImporter::RowLastPeriod() const
{
    if (m_map.period >= 0) {
        const auto p = core::ParsePeriod(Text(m_map.period));
        return p ? PeriodOrder(*p) : -1;
    }
    int last = -1;
    for (const WideColumn& w : m_map.wide) {
        const auto cell = core::ParseCell(Text(w.field), FormatOf(w.field));
        if (cell && (cell->state == core::ValueState::Suppressed || (cell->state == core::ValueState::Known && cell->value != 0)))
            last = std::max(last, PeriodOrder(w.period));
    }
    return last;
}

std::string TableImporter::KeyOf(const std::string& region, const std::string& period) const
{
    return region + '\x1f' + period + m_row_dimensions_key;
}

std::string TableImporter::LandingKeyOf(const std::string& region, const std::string& period) const
{
    return region + '\x1f' + period + m_row_landing_key;
}

bool TableImporter::CheckDuplicate(const std::string& key, const std::string& values)
{
    if (m_points)
        return true;
    auto [it, inserted] = m_seen.emplace(key, SeenKey{m_line, values});
    if (inserted)
        return true;
    Reject("", "", it->second.values == values
                       ? "duplicate of row " + std::to_string(it->second.line) + " (same values)"
                       : "duplicate key with different values than row " + std::to_string(it->second.line));
    return false;
}

// Lands a row (or a wide row's cell) on each of its regions. An old region's values are split
// over its new codes: counts so that the parts add up to the whole (largest remainder),
// amounts by the share.
void TableImporter::Land(const std::vector<std::string>& region_codes, const std::vector<core::RecodeTarget>* targets,
                         const std::string& period, const std::vector<core::CellValue>& cells, double x, double y)
{
    if (targets && m_last_converted_line != m_line) {
        ++m_rows_converted; // once per row of the file, also when a wide row lands per year
        m_last_converted_line = m_line;
        m_old_codes_used.insert(m_table.recode.Find(Text(m_region_column))->old_code);
    }
    if (!m_recoding || m_points) {
        Append(region_codes.front(), period, cells, x, y); // a point is never split (see ImportRow)
        return;
    }
    std::vector<std::vector<core::CellValue>> parts(region_codes.size(), cells);
    for (std::size_t k = 0; k < cells.size() && targets && targets->size() > 1; ++k) {
        if (cells[k].state != core::ValueState::Known)
            continue;
        if (cells[k].integral) {
            const std::vector<std::int64_t> counts = core::SplitCount(std::llround(cells[k].value), *targets);
            for (std::size_t t = 0; t < parts.size(); ++t)
                parts[t][k].value = static_cast<double>(counts[t]);
        } else {
            const std::vector<double> amounts = core::SplitAmount(cells[k].value, *targets);
            for (std::size_t t = 0; t < parts.size(); ++t)
                parts[t][k].value = amounts[t];
        }
    }
    // With a conversion table any row may meet another on its key after conversion.
    for (std::size_t t = 0; t < region_codes.size(); ++t) {
        const std::string key = LandingKeyOf(region_codes[t], period);
        if (auto it = m_landed.find(key); it != m_landed.end()) {
            AddInto(it->second, parts[t]);
            ++m_values_summed;
        } else {
            m_landed.emplace(key, Append(region_codes[t], period, parts[t], x, y));
        }
    }
}

// Appends one stored row; its measures are valid. Returns its index.
std::size_t TableImporter::Append(const std::string& region, const std::string& period, const std::vector<core::CellValue>& cells,
                                  double x, double y)
{
    core::Dataset& ds = m_out.dataset;
    if (m_region_dim >= 0)
        ds.dimensions[m_region_dim].Encode(region);
    if (m_period_dim >= 0)
        ds.dimensions[m_period_dim].Encode(period);
    for (std::size_t k = 0; k < m_other_dims.size(); ++k)
        ds.dimensions[m_other_dims[k]].Encode(core::Trim(Text(m_dimension_columns[k])));
    for (std::size_t k = 0; k < cells.size(); ++k) {
        core::MeasureColumn& mc = ds.measures[k];
        const core::CellValue& cell = cells[k];
        if (cell.state == core::ValueState::Known && !cell.integral)
            MakeAmount(mc);
        mc.Append(cell.state, static_cast<std::int64_t>(std::llround(cell.value)), cell.value);
    }
    if (m_points) {
        ds.x.push_back(x);
        ds.y.push_back(y);
    }
    return m_stored++;
}

// Adds a converted row's values into the stored row of its key: old regions merged into one.
// A suppressed part makes the sum suppressed ("<5" is never un-suppressed), else a missing part
// makes it missing: a known part plus an unknown one is unknown.
void TableImporter::AddInto(std::size_t stored, const std::vector<core::CellValue>& cells)
{
    // An attribute of the region (its name) is kept where the merged rows agree, else emptied.
    for (std::size_t k = 0; k < m_other_dims.size(); ++k) {
        const int column = m_dimension_columns[k];
        core::DimensionColumn& dim = m_out.dataset.dimensions[m_other_dims[k]];
        if (!m_table.region_attribute[static_cast<std::size_t>(column)] || dim.ValueAt(stored) == core::Trim(Text(column)))
            continue;
        // Encode appends a row; here it only finds (or adds) the empty value's index.
        const std::uint32_t empty = dim.Encode("");
        dim.rows.pop_back();
        if (dim.rows[stored] != empty)
            m_attributes_emptied.insert(m_names[column]);
        dim.rows[stored] = empty;
    }
    for (std::size_t k = 0; k < cells.size(); ++k) {
        core::MeasureColumn& mc = m_out.dataset.measures[k];
        const core::CellValue& cell = cells[k];
        core::ValueState& state = mc.states[stored];
        if (state == core::ValueState::Suppressed || cell.state == core::ValueState::Suppressed)
            state = core::ValueState::Suppressed;
        else if (state == core::ValueState::Missing || cell.state == core::ValueState::Missing)
            state = core::ValueState::Missing;
        if (state != core::ValueState::Known) {
            if (mc.is_count)
                mc.counts[stored] = 0;
            else
                mc.values[stored] = 0;
            continue;
        }
        if (!cell.integral)
            MakeAmount(mc);
        if (mc.is_count)
            mc.counts[stored] += std::llround(cell.value);
        else
            mc.values[stored] += cell.value;
    }
}

// A fraction in a count measure: an amount, not a count, from here on and before.
void TableImporter::MakeAmount(core::MeasureColumn& mc)
{
    if (!mc.is_count)
        return;
    mc.is_count = false;
    mc.values.assign(mc.counts.begin(), mc.counts.end());
    mc.counts.clear();
    m_out.report.notes.push_back(mc.name + ": not whole numbers (row " + std::to_string(m_line) +
                                 "), stored as amounts instead of counts");
}

// What was assumed or done, for the user to check.
void TableImporter::AddNotes()
{
    std::vector<std::string>& notes = m_out.report.notes;
    std::vector<std::string> thousands;
    auto note_format = [&](int column) {
        if (FormatOf(column).dot_groups_thousands)
            thousands.push_back(m_names[column]);
    };
    for (int c : m_measure_columns)
        note_format(c);
    for (const WideColumn& w : m_map.wide)
        note_format(w.field);
    if (m_map.points == PointSource::Columns) {
        note_format(m_map.x);
        note_format(m_map.y);
    }
    if (!thousands.empty())
        notes.push_back((thousands.size() == 1 ? "column " : "columns ") + JoinNames(thousands, 40) +
                        ": '.' read as thousands separator (every number with a '.' in it is written like 12.500)");
    if (m_by_name) {
        const std::vector<std::string> unmatched(m_names_unmatched.begin(), m_names_unmatched.end());
        notes.push_back("joined by name, not code: " + std::to_string(m_names_matched.size()) + " names matched layer " +
                        m_regions->name + " (column " + m_names[m_region_column] + "), " +
                        std::to_string(unmatched.size()) + " not" + (unmatched.empty() ? "" : ": " + JoinNames(unmatched)) +
                        "; check the matches, codes are safer");
        if (!m_names_ambiguous.empty()) {
            std::vector<std::string> shared;
            for (const auto& [name, count] : m_names_ambiguous)
                shared.push_back(name + " (" + std::to_string(count) + (count == 1 ? " row)" : " rows)"));
            notes.push_back(std::to_string(shared.size()) + " names are shared by several features of layer " +
                            m_regions->name + " and never joined by name: " + JoinNames(shared));
        }
    }
    if (!m_unknown.empty())
        notes.push_back(UnknownRegionsNote(m_unknown, *m_join, m_table_last_period, m_recoding ? m_table.recode.Source() : ""));
    if (m_recoding && m_rows_converted == 0)
        notes.push_back("no region code of the table is an old code of " + RecodeFile() + "; nothing converted");
    else if (m_recoding)
        notes.push_back(std::to_string(m_rows_converted) + " rows of " + std::to_string(m_old_codes_used.size()) +
                        " old codes converted with " + RecodeFile() +
                        " (counts split over the new codes by largest remainder, so each row's total is kept; amounts "
                        "multiplied by the share); " +
                        std::to_string(m_values_summed) +
                        " values added into a row of the same key (a suppressed or missing part makes the sum "
                        "suppressed or missing)");
    if (!m_attributes_emptied.empty())
        notes.push_back("column" + std::string(m_attributes_emptied.size() == 1 ? " " : "s ") +
                        JoinNames({m_attributes_emptied.begin(), m_attributes_emptied.end()}) +
                        ": one value per region code, so not part of the key after conversion; left empty where "
                        "merged regions had different values");
    if (!m_recoding && !m_table.recode.Empty() && m_by_name)
        notes.push_back("conversion table " + m_table.recode.Source() + " not applied: the table joined by name");
    if (m_rows.lines_with_empty_extra_fields > 0)
        notes.push_back(std::to_string(m_rows.lines_with_empty_extra_fields) + " " + m_rows.NumberingWord() +
                        "s end in empty fields beyond the header's " + std::to_string(m_rows.ColumnCount()) +
                        " (a trailing separator); nothing was lost");
    if (!m_out.report.rejected.empty() && m_rows.numbering == RowNumbering::SheetRows)
        notes.push_back("row numbers are rows of the sheet (header = row 1)");
    if (!m_out.report.rejected.empty() && m_rows.numbering == RowNumbering::Records)
        notes.push_back("row numbers count records (1 = the first data record): GDAL gives no line numbers for this file");
}

} // namespace

struct TableFile::State {
    TableContents contents;
};

TableFile::TableFile(std::unique_ptr<State> state) : m_state(std::move(state)) {}
TableFile::TableFile(TableFile&&) noexcept = default;
TableFile& TableFile::operator=(TableFile&&) noexcept = default;
TableFile::~TableFile() = default;

TableFile TableFile::Read(const std::string& path, const TableImportOptions& options)
{
    return TableFile(std::make_unique<State>(State{ReadContents(path, options)}));
}

bool TableFile::HasRegionColumn() const
{
    return m_state->contents.mapping.region >= 0;
}

std::size_t TableFile::RegionMatches(const core::RegionLayer& layer) const
{
    return core::RegionJoin(layer).Plan(m_state->contents.join_candidates).matched;
}

ImportedTable TableFile::Import(const core::RegionLayer* regions) const
{
    return TableImporter(m_state->contents, regions).Run();
}

ImportedTable ImportTable(const std::string& path, const TableImportOptions& options)
{
    return TableFile::Read(path, options).Import(options.regions);
}

} // namespace vak::io
