#include "io/region_reader.hpp"

#include "core/errors.hpp"
#include "core/text/utf8.hpp"
#include "io/geos_context.hpp"
#include "io/ogr_handles.hpp"
#include "io/region_mesh.hpp"
#include "io/vector_source.hpp"

#include <cpl_conv.h>
#include <cpl_string.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>
#include <strings.h>

namespace vak::io {

// [SECTION] field detection

namespace {

// Field names seen in CBS/PDOK, DUO and other Dutch region files, most specific first.
const char* const kCodeFieldNames[] = {"statcode", "gm_code", "gemeentecode", "gmcode", "pv_code", "code",
                                       "regiocode", "regio_code", "cbs_code", "gwb_code"};
const char* const kNameFieldNames[] = {"statnaam", "gm_naam", "gemeentenaam", "gmnaam", "pv_naam", "naam",
                                       "name", "regionaam", "regio", "gwb_naam"};

std::string FindField(const std::vector<FieldInfo>& fields, const char* const* names, std::size_t count)
{
    for (std::size_t i = 0; i < count; ++i)
        for (const FieldInfo& f : fields)
            if (strcasecmp(f.name.c_str(), names[i]) == 0)
                return f.name;
    return {};
}

std::vector<FieldInfo> LayerFields(OGRLayerH layer)
{
    std::vector<FieldInfo> fields;
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i) {
        OGRFieldDefnH fd = OGR_FD_GetFieldDefn(defn, i);
        fields.push_back({OGR_Fld_GetNameRef(fd), OGR_GetFieldTypeName(OGR_Fld_GetType(fd))});
    }
    return fields;
}

std::string SrsName(OGRSpatialReferenceH srs)
{
    if (!srs)
        return {};
    const char* auth = OSRGetAuthorityName(srs, nullptr);
    const char* code = OSRGetAuthorityCode(srs, nullptr);
    if (auth && code)
        return std::string(auth) + ":" + code;
    if (OSRAutoIdentifyEPSG(srs) == OGRERR_NONE) {
        auth = OSRGetAuthorityName(srs, nullptr);
        code = OSRGetAuthorityCode(srs, nullptr);
        if (auth && code)
            return std::string(auth) + ":" + code;
    }
    const char* name = OSRGetName(srs);
    return name ? name : "custom CRS";
}

core::Box2d LayerExtent(OGRLayerH layer)
{
    OGREnvelope env;
    core::Box2d box;
    if (OGR_L_GetExtent(layer, &env, TRUE) == OGRERR_NONE) {
        box.Expand(core::Vec2d{env.MinX, env.MinY});
        box.Expand(core::Vec2d{env.MaxX, env.MaxY});
    }
    return box;
}

bool IsPolygonal(OGRwkbGeometryType type)
{
    const OGRwkbGeometryType flat = wkbFlatten(type);
    return flat == wkbPolygon || flat == wkbMultiPolygon || flat == wkbUnknown || flat == wkbGeometryCollection ||
           flat == wkbCurvePolygon || flat == wkbMultiSurface;
}

} // namespace

std::string DetectCodeField(const std::vector<FieldInfo>& fields)
{
    return FindField(fields, kCodeFieldNames, std::size(kCodeFieldNames));
}

std::string DetectNameField(const std::vector<FieldInfo>& fields)
{
    return FindField(fields, kNameFieldNames, std::size(kNameFieldNames));
}

VectorFileInfo DescribeVectorFile(const std::string& path)
{
    OpenedVector opened = OpenVector(path);
    VectorFileInfo info;
    info.path = path;
    info.driver = opened.driver;
    info.open_name = opened.open_name;
    for (int i = 0; i < GDALDatasetGetLayerCount(opened.Get()); ++i) {
        OGRLayerH layer = GDALDatasetGetLayer(opened.Get(), i);
        VectorLayerInfo li;
        li.name = OGR_L_GetName(layer);
        li.geometry_type = OGRGeometryTypeToName(OGR_L_GetGeomType(layer));
        li.feature_count = OGR_L_GetFeatureCount(layer, TRUE);
        li.fields = LayerFields(layer);
        li.crs = SrsName(OGR_L_GetSpatialRef(layer));
        li.extent = LayerExtent(layer);
        info.layers.push_back(std::move(li));
    }
    return info;
}

// [SECTION] reading a region layer

namespace {


// The map, scale bar, zoom limits and tile maps count in metres: a display CRS must be a
// projected CRS in metres, named by its EPSG code (no URLs or files, which GDAL would fetch).
void CheckDisplayCrs(const std::string& crs)
{
    const std::string prefix = "EPSG:";
    const bool epsg = crs.size() > prefix.size() && strncasecmp(crs.c_str(), prefix.c_str(), prefix.size()) == 0 &&
                      crs.find_first_not_of("0123456789", prefix.size()) == std::string::npos;
    if (!epsg)
        throw core::InputError("--crs " + crs + ": give an EPSG code, e.g. EPSG:28992");
    SrsHandle srs;
    try {
        srs = MakeSrs(crs);
    } catch (const core::InputError&) {
        throw core::InputError("--crs " + crs + ": no such CRS in PROJ's database");
    }
    char* unit = nullptr;
    const double metres = OSRGetLinearUnits(srs.get(), &unit);
    if (!OSRIsProjected(srs.get()) || metres != 1.0)
        throw core::InputError("--crs " + crs + ": the map needs a projected CRS in metres (e.g. EPSG:28992 RD New, "
                               "EPSG:3857 Web Mercator), not longitude/latitude or other units");
}

bool LooksLikeLonLat(const core::Box2d& b)
{
    return !b.Empty() && b.min_x >= -180.0 && b.max_x <= 180.0 && b.min_y >= -90.0 && b.max_y <= 90.0;
}

bool LooksLikeRdNew(const core::Box2d& b)
{
    return !b.Empty() && b.min_x >= -10000.0 && b.max_x <= 310000.0 && b.min_y >= 280000.0 && b.max_y <= 640000.0;
}

// The Netherlands (with its sea area) in WGS84.
bool IsDutch(const core::Box2d& lonlat)
{
    const core::Vec2d c = lonlat.Centre();
    return c.x >= 2.5 && c.x <= 7.5 && c.y >= 50.5 && c.y <= 54.0;
}

core::Box2d ToLonLat(const core::Box2d& box, OGRSpatialReferenceH from)
{
    SrsHandle wgs84 = MakeSrs("EPSG:4326");
    OGRCoordinateTransformationH ct = OCTNewCoordinateTransformation(from, wgs84.get());
    core::Box2d out;
    if (!ct)
        return out;
    double xs[] = {box.min_x, box.max_x, box.min_x, box.max_x};
    double ys[] = {box.min_y, box.min_y, box.max_y, box.max_y};
    int ok[4] = {};
    OCTTransformEx(ct, 4, xs, ys, nullptr, ok);
    for (int i = 0; i < 4; ++i)
        if (ok[i])
            out.Expand(core::Vec2d{xs[i], ys[i]});
    OCTDestroyCoordinateTransformation(ct);
    return out;
}

// Text attribute as valid UTF-8: Shapefiles without a .cpg are often CP1252 (Windows), and GDAL
// cannot know; such a value is recoded and reported once per layer.
std::string FieldText(OGRFeatureH feature, int index, bool& recoded)
{
    if (index < 0 || !OGR_F_IsFieldSetAndNotNull(feature, index))
        return {};
    std::string value = OGR_F_GetFieldAsString(feature, index);
    if (!core::IsValidUtf8(value)) {
        char* utf8 = CPLRecode(value.c_str(), "CP1252", CPL_ENC_UTF8);
        value = utf8;
        CPLFree(utf8);
        recoded = true;
    }
    return std::string(core::Trim(value));
}

// True when every coordinate is a finite number. GEOS assumes it: a NaN that reached the
// triangulation crashed it (found by the region_file fuzz target).
bool HasOnlyFiniteCoordinates(OGRGeometryH geometry)
{
    for (int i = 0; i < OGR_G_GetGeometryCount(geometry); ++i)
        if (!HasOnlyFiniteCoordinates(OGR_G_GetGeometryRef(geometry, i)))
            return false;
    for (int i = 0; i < OGR_G_GetPointCount(geometry); ++i)
        if (!std::isfinite(OGR_G_GetX(geometry, i)) || !std::isfinite(OGR_G_GetY(geometry, i)))
            return false;
    return true;
}

OGRLayerH ChooseLayer(GDALDatasetH ds, const std::string& path, const std::string& wanted)
{
    const int count = GDALDatasetGetLayerCount(ds);
    std::string names;
    for (int i = 0; i < count; ++i) {
        OGRLayerH layer = GDALDatasetGetLayer(ds, i);
        const std::string name = OGR_L_GetName(layer);
        names += (names.empty() ? "" : ", ") + name;
        if (!wanted.empty() ? name == wanted : IsPolygonal(OGR_L_GetGeomType(layer)))
            return layer;
    }
    if (!wanted.empty())
        throw core::InputError(path + ": no layer '" + wanted + "' (layers: " + (names.empty() ? "none" : names) + ")");
    throw core::InputError(path + ": no polygon layer (layers: " + (names.empty() ? "none" : names) + ")");
}

std::string ChooseField(const std::vector<FieldInfo>& fields, const std::string& wanted, const std::string& detected,
                        const std::string& path, const char* role)
{
    if (wanted.empty())
        return detected;
    for (const FieldInfo& f : fields)
        if (f.name == wanted)
            return f.name;
    std::string names;
    for (const FieldInfo& f : fields)
        names += (names.empty() ? "" : ", ") + f.name;
    throw core::InputError(path + ": no field '" + wanted + "' for the " + role + " (fields: " + names + ")");
}

// Words in the names of fields that hold a parent region ("provincie", "corop_gebied").
const char* const kLevelWords[] = {"provinc", "gemeente", "corop", "rpa", "arbeidsmarkt", "landsdeel",
                                   "agglomeratie", "regio", "rmc", "ggd", "jeugd", "wijk", "gebied", "platform"};

// A region code as CBS writes them: two or three letters, then digits ("PV25", "CR14", "AM02").
bool LooksLikeRegionCode(const std::string& v)
{
    std::size_t letters = 0;
    while (letters < v.size() && std::isalpha(static_cast<unsigned char>(v[letters])))
        ++letters;
    if (letters < 2 || letters > 3 || letters == v.size())
        return false;
    for (std::size_t i = letters; i < v.size(); ++i)
        if (!std::isdigit(static_cast<unsigned char>(v[i])))
            return false;
    return true;
}

// Text attributes that group features into a coarser level: named like a level, or holding
// region codes, with between 2 and n-1 distinct values ("provincie" = PV25 on a municipality
// layer). Counts, unique ids and constants are not levels.
std::vector<int> GroupingFields(const std::vector<std::string>& names, const std::vector<std::vector<std::string>>& values,
                                std::size_t feature_count)
{
    std::vector<int> result;
    for (std::size_t f = 0; f < values.size(); ++f) {
        std::set<std::string> distinct(values[f].begin(), values[f].end());
        distinct.erase(std::string());
        if (feature_count < 3 || distinct.size() < 2 || distinct.size() >= feature_count)
            continue;
        std::string lower = names[f];
        for (char& c : lower)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        bool named_like_level = false;
        for (const char* word : kLevelWords)
            named_like_level = named_like_level || lower.find(word) != std::string::npos;
        bool all_codes = true;
        for (const std::string& v : distinct)
            all_codes = all_codes && LooksLikeRegionCode(v);
        if (named_like_level || all_codes)
            result.push_back(static_cast<int>(f));
    }
    return result;
}

} // namespace

core::RegionLayer ReadRegionLayer(const std::string& path, const RegionReadOptions& options)
{
    OpenedVector opened = OpenVector(path);
    OGRLayerH layer = ChooseLayer(opened.Get(), path, options.layer);
    const std::vector<FieldInfo> fields = LayerFields(layer);

    core::RegionLayer result;
    result.name = OGR_L_GetName(layer);
    result.source = path;
    result.code_field = ChooseField(fields, options.code_field, DetectCodeField(fields), path, "region code");
    result.name_field = ChooseField(fields, options.name_field, DetectNameField(fields), path, "region name");
    if (result.code_field.empty())
        result.problems.push_back({core::LayerProblem::Kind::MissingCode, -1,
                                   "no code field found (looked for statcode, GM_CODE, code, ...); feature numbers "
                                   "are used as codes; choose a field with --code-field"});

    // Source CRS, or an assumption from the coordinates when the file has none (a Shapefile
    // without .prj, the 2014/2015 CBS TopoJSON files).
    const core::Box2d native_extent = LayerExtent(layer);
    SrsHandle source_srs;
    if (OGRSpatialReferenceH srs = OGR_L_GetSpatialRef(layer)) {
        source_srs.reset(OSRClone(srs));
        OSRSetAxisMappingStrategy(source_srs.get(), OAMS_TRADITIONAL_GIS_ORDER);
    } else if (LooksLikeLonLat(native_extent)) {
        source_srs = MakeSrs("EPSG:4326");
        result.problems.push_back({core::LayerProblem::Kind::AssumedCrs, -1,
                                   "the layer has no CRS; its coordinates look like longitude/latitude, so WGS84 "
                                   "(EPSG:4326) is assumed"});
    } else if (LooksLikeRdNew(native_extent)) {
        source_srs = MakeSrs("EPSG:28992");
        result.problems.push_back({core::LayerProblem::Kind::AssumedCrs, -1,
                                   "the layer has no CRS; its coordinates look like RD New metres, so EPSG:28992 is "
                                   "assumed"});
    } else if (!native_extent.Empty()) {
        throw core::InputError(path + ": layer '" + result.name +
                               "' has no CRS and its coordinates are neither longitude/latitude nor RD New "
                               "(add a .prj file or convert it with ogr2ogr -a_srs)");
    }

    std::string target = options.target_crs;
    if (!target.empty())
        CheckDisplayCrs(target);
    if (target.empty() && source_srs) {
        const core::Box2d lonlat =
            OSRIsGeographic(source_srs.get()) ? native_extent : ToLonLat(native_extent, source_srs.get());
        target = IsDutch(lonlat) ? "EPSG:28992" : "EPSG:3857";
    }
    if (target.empty())
        target = "EPSG:28992"; // an empty layer: nothing to transform
    result.crs = target;
    SrsHandle target_srs = MakeSrs(target);
    OGRCoordinateTransformationH transform = nullptr;
    if (source_srs && !OSRIsSame(source_srs.get(), target_srs.get())) {
        transform = OCTNewCoordinateTransformation(source_srs.get(), target_srs.get());
        if (!transform)
            throw core::InputError(path + ": cannot transform from " + SrsName(source_srs.get()) + " to " + target +
                                   ": " + LastGdalError());
    }
    struct TransformCloser {
        OGRCoordinateTransformationH t;
        ~TransformCloser()
        {
            if (t)
                OCTDestroyCoordinateTransformation(t);
        }
    } transform_closer{transform};

    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    const int code_index = result.code_field.empty() ? -1 : OGR_FD_GetFieldIndex(defn, result.code_field.c_str());
    const int name_index = result.name_field.empty() ? -1 : OGR_FD_GetFieldIndex(defn, result.name_field.c_str());
    // Candidate parent fields: every other text field, except ids (see GroupingFields).
    std::vector<int> other_fields;
    std::vector<std::string> other_names;
    for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i) {
        OGRFieldDefnH fd = OGR_FD_GetFieldDefn(defn, i);
        const char* name = OGR_Fld_GetNameRef(fd);
        if (i == code_index || i == name_index || OGR_Fld_GetType(fd) != OFTString || strcasecmp(name, "fid") == 0 ||
            strcasecmp(name, "id") == 0)
            continue;
        other_fields.push_back(i);
        other_names.push_back(name);
    }
    std::vector<std::vector<std::string>> other_values(other_fields.size());

    GeosContext geos;
    std::set<std::string> seen_codes;
    bool recoded = false;
    long index = -1;
    // Without forcing: a count the driver knows cheaply (GeoJSON, GeoPackage, Shapefile), else
    // -1 and the progress bar moves per file only.
    const long long feature_count = options.on_features ? OGR_L_GetFeatureCount(layer, FALSE) : -1;
    OGR_L_ResetReading(layer);
    while (true) {
        // A damaged file (a truncated .shp or .dbf) makes GDAL report an error and hand out a
        // feature without geometry or attributes, or none at all: refuse the file rather than
        // show a map with regions silently missing.
        CPLErrorReset();
        OGRFeatureH feature = OGR_L_GetNextFeature(layer);
        if (CPLGetLastErrorType() >= CE_Failure) {
            if (feature)
                OGR_F_Destroy(feature);
            throw core::InputError(path + ": feature " + std::to_string(index + 1) +
                                   " cannot be read, the file is damaged: " + LastGdalError());
        }
        if (!feature)
            break;
        ++index;
        if (options.on_features && index % 128 == 0) {
            try {
                options.on_features(index, 2 * feature_count);
            } catch (...) {
                OGR_F_Destroy(feature);
                throw;
            }
        }
        core::RegionFeature region;
        region.code = FieldText(feature, code_index, recoded);
        region.name = FieldText(feature, name_index, recoded);
        for (std::size_t k = 0; k < other_fields.size(); ++k)
            other_values[k].push_back(FieldText(feature, other_fields[k], recoded));
        const std::string label = "feature " + std::to_string(index) +
                                  (region.code.empty() ? std::string() : " (" + region.code + ")");
        if (region.code.empty()) {
            region.code = "#" + std::to_string(index);
            if (code_index >= 0)
                result.problems.push_back({core::LayerProblem::Kind::MissingCode, index,
                                           "feature " + std::to_string(index) + " has no " + result.code_field +
                                               "; it is kept as " + region.code + " but cannot be joined to data"});
        }
        if (region.name.empty())
            region.name = region.code;
        if (!seen_codes.insert(region.code).second)
            result.problems.push_back({core::LayerProblem::Kind::DuplicateCode, index,
                                       label + ": code " + region.code +
                                           " already used by an earlier feature; data joins to the first one"});

        OGRGeometryH geometry = OGR_F_GetGeometryRef(feature);
        if (!geometry || OGR_G_IsEmpty(geometry)) {
            result.problems.push_back({core::LayerProblem::Kind::EmptyGeometry, index,
                                       label + ": no geometry; kept for data, not drawn"});
            result.features.push_back(std::move(region));
            OGR_F_Destroy(feature);
            continue;
        }
        // GEOS knows no curves: arcs become line segments; and unclosed rings get closed, so
        // GEOS can read every polygon GDAL can.
        OGRGeometryH copy = OGR_G_HasCurveGeometry(geometry, TRUE) ? OGR_G_GetLinearGeometry(geometry, 0, nullptr)
                                                                    : OGR_G_Clone(geometry);
        OGR_G_CloseRings(copy);
        if (transform && OGR_G_Transform(copy, transform) != OGRERR_NONE) {
            OGR_G_DestroyGeometry(copy);
            OGR_F_Destroy(feature);
            throw core::InputError(path + ": " + label + ": coordinates cannot be transformed to " + target);
        }
        if (!HasOnlyFiniteCoordinates(copy)) {
            OGR_G_DestroyGeometry(copy);
            OGR_F_Destroy(feature);
            result.problems.push_back({core::LayerProblem::Kind::EmptyGeometry, index,
                                       label + ": a coordinate is not a number (NaN or infinite); kept for data, not drawn"});
            result.features.push_back(std::move(region));
            continue;
        }
        std::vector<unsigned char> wkb(static_cast<std::size_t>(OGR_G_WkbSize(copy)));
        OGR_G_ExportToWkb(copy, wkbNDR, wkb.data());
        OGR_G_DestroyGeometry(copy);
        OGR_F_Destroy(feature);

        GeosGeometry g(geos, GEOSGeomFromWKB_buf_r(geos.Handle(), wkb.data(), wkb.size()));
        if (!g) {
            result.problems.push_back({core::LayerProblem::Kind::EmptyGeometry, index,
                                       label + ": unreadable geometry (" + geos.TakeError() + "); kept for data, not drawn"});
            result.features.push_back(std::move(region));
            continue;
        }
        if (GEOSisValid_r(geos.Handle(), g.Get()) != 1) {
            char* reason = GEOSisValidReason_r(geos.Handle(), g.Get());
            std::string why = reason ? reason : "invalid";
            GEOSFree_r(geos.Handle(), reason);
            GeosGeometry valid(geos, GEOSMakeValid_r(geos.Handle(), g.Get()));
            if (valid) {
                g = std::move(valid);
                result.problems.push_back({core::LayerProblem::Kind::RepairedGeometry, index,
                                           label + ": invalid geometry (" + why + ") repaired with GEOS MakeValid"});
            }
        }
        const int skipped = FillRegionShape(geos, g.Get(), region);
        if (skipped > 0 || region.polygons.empty())
            result.problems.push_back({core::LayerProblem::Kind::NotPolygon, index,
                                       label + ": " + std::to_string(skipped) +
                                           " non-polygon part(s) ignored" +
                                           (region.polygons.empty() ? "; nothing left to draw" : "")});
        result.bounds.Expand(region.bounds);
        result.features.push_back(std::move(region));
    }
    if (recoded)
        result.problems.push_back({core::LayerProblem::Kind::Other, -1,
                                   "some texts were not UTF-8 and were read as Windows-1252 (CP1252); add a .cpg "
                                   "file saying the encoding to be sure"});

    for (int k : GroupingFields(other_names, other_values, result.features.size())) {
        const std::string field = OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, other_fields[k]));
        for (std::size_t f = 0; f < result.features.size(); ++f)
            if (!other_values[k][f].empty())
                result.features[f].parents.emplace_back(field, other_values[k][f]);
    }
    result.BuildIndex();
    if (options.on_features)
        options.on_features(feature_count, 2 * feature_count);
    if (options.build_mesh)
        BuildRegionMesh(result);
    return result;
}

} // namespace vak::io
