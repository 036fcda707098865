#include "io/geopackage_export.hpp"

#include "core/errors.hpp"
#include "io/gdal_environment.hpp"
#include "io/ogr_handles.hpp"
#include "io/output_file.hpp"
#include "io/vector_source.hpp"

#include <cpl_error.h>
#include <gdal.h>
#include <ogr_api.h>

#include <memory>
#include <system_error>
#include <type_traits>

namespace vak::io {

namespace fs = std::filesystem;

namespace {

struct GeometryDeleter {
    void operator()(OGRGeometryH g) const { OGR_G_DestroyGeometry(g); }
};
using GeometryPtr = std::unique_ptr<std::remove_pointer_t<OGRGeometryH>, GeometryDeleter>;

GeometryPtr ToOgr(const core::RegionFeature& feature)
{
    GeometryPtr multi(OGR_G_CreateGeometry(wkbMultiPolygon));
    for (const core::Polygon& polygon : feature.polygons) {
        OGRGeometryH ogr_polygon = OGR_G_CreateGeometry(wkbPolygon);
        for (const auto& ring : polygon.rings) {
            OGRGeometryH ogr_ring = OGR_G_CreateGeometry(wkbLinearRing);
            for (const core::Vec2d& p : ring)
                OGR_G_AddPoint_2D(ogr_ring, p.x, p.y);
            OGR_G_AddGeometryDirectly(ogr_polygon, ogr_ring);
        }
        OGR_G_AddGeometryDirectly(multi.get(), ogr_polygon);
    }
    return multi;
}

} // namespace

const char* StateName(core::agg::GroupState state)
{
    switch (state) {
    case core::agg::GroupState::Known: return "known";
    case core::agg::GroupState::Unknown: return "unknown";
    case core::agg::GroupState::Empty: return "empty";
    }
    return "empty";
}

void WriteRegionsGeoPackage(const core::RegionLayer& layer, const std::vector<core::RegionValue>& values,
                            const ExportStamp& stamp, const fs::path& path)
{
    EnsureGdal();
    if (values.size() != layer.features.size())
        throw core::InputError("cannot write " + path.string() + ": values for " + std::to_string(values.size()) +
                               " regions, but level " + layer.name + " has " + std::to_string(layer.features.size()));
    CheckOutputPath(path);
    GDALDriverH driver = GDALGetDriverByName("GPKG");
    if (!driver)
        throw core::InputError("cannot write " + path.string() + ": GDAL has no GeoPackage driver");
    const SrsHandle srs = MakeSrs(layer.crs.empty() ? "EPSG:28992" : layer.crs);

    const fs::path tmp = TemporarySibling(path); // keeps ".gpkg": the driver wants it
    std::error_code ec;
    auto fail = [&](const std::string& reason) {
        if (fs::is_regular_file(tmp, ec))
            fs::remove(tmp, ec);
        throw core::InputError("cannot write " + path.string() + ": " + reason);
    };
    CPLErrorReset();
    {
        DatasetHandle out(GDALCreate(driver, tmp.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        if (!out)
            fail(LastGdalError());
        auto* ds = static_cast<GDALDatasetH>(out.get());
        const std::string layer_name = layer.name.empty() ? "regions" : layer.name;
        const char* layer_options[] = {"GEOMETRY_NAME=geom", nullptr};
        OGRLayerH ogr_layer = GDALDatasetCreateLayer(ds, layer_name.c_str(), srs.get(), wkbMultiPolygon,
                                                     const_cast<char**>(layer_options));
        if (!ogr_layer)
            fail(LastGdalError());
        struct Field {
            const char* name;
            OGRFieldType type;
        };
        const Field fields[] = {{"code", OFTString},   {"name", OFTString},    {"value", OFTReal},
                                {"state", OFTString},  {"suppressed", OFTInteger64}, {"period", OFTString},
                                {"measure", OFTString}, {"unit", OFTString},   {"source", OFTString}};
        for (const Field& f : fields) {
            OGRFieldDefnH defn = OGR_Fld_Create(f.name, f.type);
            const OGRErr err = OGR_L_CreateField(ogr_layer, defn, TRUE);
            OGR_Fld_Destroy(defn);
            if (err != OGRERR_NONE)
                fail(std::string("field ") + f.name + ": " + LastGdalError());
        }
        // One transaction: thousands of regions in one commit instead of one each.
        if (OGR_L_StartTransaction(ogr_layer) != OGRERR_NONE)
            fail(LastGdalError());
        for (std::size_t i = 0; i < layer.features.size(); ++i) {
            const core::RegionFeature& region = layer.features[i];
            const core::RegionValue& v = values[i];
            FeaturePtr feature(OGR_F_Create(OGR_L_GetLayerDefn(ogr_layer)));
            OGR_F_SetFieldString(feature.get(), 0, region.code.c_str());
            OGR_F_SetFieldString(feature.get(), 1, region.name.c_str());
            if (v.state == core::agg::GroupState::Known)
                OGR_F_SetFieldDouble(feature.get(), 2, v.value); // unknown and empty: NULL, never 0
            else
                OGR_F_SetFieldNull(feature.get(), 2);
            OGR_F_SetFieldString(feature.get(), 3, StateName(v.state));
            OGR_F_SetFieldInteger64(feature.get(), 4, v.suppressed);
            OGR_F_SetFieldString(feature.get(), 5, stamp.period.c_str());
            OGR_F_SetFieldString(feature.get(), 6, stamp.measure.c_str());
            OGR_F_SetFieldString(feature.get(), 7, stamp.unit.c_str());
            OGR_F_SetFieldString(feature.get(), 8, stamp.source.c_str());
            GeometryPtr geometry = ToOgr(region);
            OGR_F_SetGeometryDirectly(feature.get(), geometry.release());
            if (OGR_L_CreateFeature(ogr_layer, feature.get()) != OGRERR_NONE)
                fail("region " + region.code + ": " + LastGdalError());
        }
        if (OGR_L_CommitTransaction(ogr_layer) != OGRERR_NONE)
            fail(LastGdalError());
        for (const auto& [name, value] : stamp.Items())
            if (!value.empty()) {
                GDALSetMetadataItem(ds, name.c_str(), value.c_str(), nullptr);
                GDALSetMetadataItem(ogr_layer, name.c_str(), value.c_str(), nullptr);
            }
        const std::string description = stamp.title + (stamp.synthetic ? " (synthetic demo data)" : "");
        GDALSetMetadataItem(ogr_layer, "DESCRIPTION", description.c_str(), nullptr);
    } // closed before the rename
    CommitTemporary(tmp, path);
}

} // namespace vak::io
