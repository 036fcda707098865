#include "io/demo_geography.hpp"

#include "core/errors.hpp"
#include "core/resource_paths.hpp"
#include "core/text/region_codes.hpp"
#include "io/ogr_handles.hpp"
#include "io/region_dissolve.hpp"
#include "io/tile_map.hpp"
#include "io/vector_source.hpp"

#include <cpl_vsi.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <charconv>
#include <fstream>
#include <map>
#include <sstream>

namespace vak::io {

namespace {

double ParseNumber(const std::string& text, const std::string& where)
{
    double value = 0;
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc() || ptr != end)
        throw core::InputError(where + ": '" + text + "' is not a number");
    return value;
}

} // namespace

MunicipalityFacts ReadMunicipalityFacts(const std::string& path)
{
    // GDAL's CSV driver has no comment lines: hand it the table without the leading '#' block
    // through an in-memory file.
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw core::InputError(path + ": cannot be read");
    std::string line, table;
    int skipped = 0;
    bool in_header = true;
    while (std::getline(in, line)) {
        if (in_header && !line.empty() && line[0] == '#') {
            ++skipped;
            continue;
        }
        in_header = false;
        table += line + "\n";
    }
    const std::string mem = "/vsimem/vakatlas_facts_" + std::to_string(reinterpret_cast<std::uintptr_t>(&table)) + ".csv";
    VSILFILE* f = VSIFileFromMemBuffer(mem.c_str(), reinterpret_cast<GByte*>(table.data()), table.size(), FALSE);
    if (!f)
        throw core::InputError(path + ": cannot be read into memory");
    VSIFCloseL(f);
    struct Unlink {
        std::string name;
        ~Unlink() { VSIUnlink(name.c_str()); }
    } unlink{mem};

    OpenedVector opened = OpenVector(mem);
    OGRLayerH csv = GDALDatasetGetLayer(opened.Get(), 0);
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(csv);
    const char* columns[] = {"code", "naam", "lon", "lat", "opp_km2", "provincie_code", "provincie",
                             "arbeidsmarktregio_code", "arbeidsmarktregio", "buren"};
    int index[10];
    for (int c = 0; c < 10; ++c) {
        index[c] = OGR_FD_GetFieldIndex(defn, columns[c]);
        if (index[c] < 0)
            throw core::InputError(path + ": no column '" + columns[c] + "'");
    }

    const TransformHandle to_rd = MakeTransform("EPSG:4326", "EPSG:28992");
    MunicipalityFacts facts;
    facts.layer.name = "gemeente";
    facts.layer.source = path;
    facts.layer.crs = "EPSG:28992";
    facts.layer.code_field = "code";
    facts.layer.name_field = "naam";
    std::vector<std::string> neighbour_codes;
    std::map<std::string, std::string> names;
    long row = skipped + 1; // the header line
    for (FeaturePtr feature(OGR_L_GetNextFeature(csv)); feature; feature.reset(OGR_L_GetNextFeature(csv))) {
        ++row;
        auto text = [&](int c) { return std::string(OGR_F_GetFieldAsString(feature.get(), index[c])); };
        const std::string where = path + " row " + std::to_string(row);
        core::RegionFeature region;
        region.code = text(0);
        region.name = text(1);
        double x = ParseNumber(text(2), where + " column lon");
        double y = ParseNumber(text(3), where + " column lat");
        region.area = ParseNumber(text(4), where + " column opp_km2") * 1e6;
        if (!OCTTransform(to_rd.get(), 1, &x, &y, nullptr))
            throw core::InputError(where + ": position cannot be transformed to RD New");
        region.label_point = {x, y};
        region.parents = {{"provincie", text(5)}, {"arbeidsmarktregio", text(7)}};
        names[text(5)] = text(6);
        names[text(7)] = text(8);
        neighbour_codes.push_back(text(9));
        facts.layer.features.push_back(std::move(region));
    }
    if (facts.layer.features.empty())
        throw core::InputError(path + ": no municipalities in the table");
    facts.layer.BuildIndex();

    for (const std::string& list : neighbour_codes) {
        std::vector<int> ids;
        std::istringstream codes(list);
        for (std::string code; codes >> code;)
            if (const int j = facts.layer.FindByCode(code); j >= 0)
                ids.push_back(j);
        facts.neighbours.push_back(std::move(ids));
    }
    facts.group_names.assign(names.begin(), names.end());
    return facts;
}

void LoadDemoGeography(core::Workspace& workspace, const std::string& facts_path)
{
    const std::string path = !facts_path.empty()
                                 ? facts_path
                                 : (core::FindResourceDir(core::DefaultGeodataDirQuery()) / "gemeenten_2025.csv").string();
    const MunicipalityFacts facts = ReadMunicipalityFacts(path);
    core::RegionLayer tiles = BuildTileMapLayer(facts.layer, facts.neighbours);
    tiles.name = "gemeente";
    tiles.source = "demo geography (tile map) from " + path;
    const std::map<std::string, std::string> names(facts.group_names.begin(), facts.group_names.end());
    std::vector<core::RegionLayer> levels;
    for (const char* level : {"arbeidsmarktregio", "provincie"}) {
        core::RegionLayer dissolved = DissolveRegions(tiles, GroupByParent(tiles, level));
        dissolved.is_tile_map = true;
        dissolved.source = "demo geography: municipality tiles dissolved by " + std::string(level);
        for (core::RegionFeature& f : dissolved.features)
            if (auto it = names.find(f.code); it != names.end())
                f.name = it->second;
        levels.push_back(std::move(dissolved));
    }
    workspace.AddLayer(std::move(tiles));
    for (core::RegionLayer& layer : levels)
        workspace.AddLayer(std::move(layer));
    workspace.SetDemo(true);
}

} // namespace vak::io
