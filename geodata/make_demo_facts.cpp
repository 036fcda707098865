// Generator of geodata/gemeenten_2025.csv, the facts behind the demo geography. Run once by a
// developer, not at build or run time:
//   cmake --build build --target vak_make_demo_facts
//   build/geodata/vak_make_demo_facts ../shared > geodata/gemeenten_2025.csv
// It reads the CBS 2025 boundaries in ../shared/geodata/cbs (municipalities, provinces,
// labour-market regions) and writes, per municipality: CBS code and name, a point inside it
// (GEOS point on surface) in WGS84 rounded to 0.01 degree, its area in km2 rounded to 0.1, the
// province and labour-market region whose boundary contains that point, and the
// municipalities it shares a border with.
// Facts only: no boundary is copied.
#include "io/ogr_handles.hpp"
#include "io/region_hit_test.hpp"
#include "io/region_reader.hpp"
#include "io/tile_map.hpp"

#include <cmath>
#include <cstdio>
#include <string>

int main(int argc, char** argv)
{
    using namespace vak;
    if (argc != 2) {
        std::fprintf(stderr, "usage: vak_make_demo_facts SHARED_DIR > gemeenten_2025.csv\n");
        return 2;
    }
    const std::string cbs = std::string(argv[1]) + "/geodata/cbs/";
    io::RegionReadOptions rd;
    rd.target_crs = "EPSG:28992";
    const core::RegionLayer gemeenten = io::ReadRegionLayer(cbs + "gemeente_2025.topojson", rd);
    const core::RegionLayer provincies = io::ReadRegionLayer(cbs + "provincie_2025.topojson", rd);
    const core::RegionLayer amr = io::ReadRegionLayer(cbs + "arbeidsmarktregio_2025.topojson", rd);
    const io::RegionHitTester in_province(provincies);
    const io::RegionHitTester in_amr(amr);
    const auto neighbours = io::RegionNeighbours(gemeenten);

    const io::TransformHandle to_wgs84 = io::MakeTransform("EPSG:28992", "EPSG:4326");

    std::printf("# Facts per Dutch municipality (2025), computed once by geodata/make_demo_facts.cpp from the CBS\n"
                "# gebiedsindelingen 2025 (cartomap/nl, source CBS/PDOK, CC-BY 4.0): code and name, a point inside\n"
                "# the municipality rounded to 0.01 degree (WGS84), its area in km2 (0.1), the province and\n"
                "# labour-market region that contain that point, and the municipalities sharing a border.\n"
                "# No boundaries are copied.\n");
    std::printf("code;naam;lon;lat;opp_km2;provincie_code;provincie;arbeidsmarktregio_code;arbeidsmarktregio;buren\n");
    for (std::size_t i = 0; i < gemeenten.features.size(); ++i) {
        const core::RegionFeature& g = gemeenten.features[i];
        double x = g.label_point.x, y = g.label_point.y;
        OCTTransform(to_wgs84.get(), 1, &x, &y, nullptr);
        const int p = in_province.FeatureAt(g.label_point);
        const int a = in_amr.FeatureAt(g.label_point);
        std::string buren;
        for (int j : neighbours[i])
            buren += (buren.empty() ? "" : " ") + gemeenten.features[j].code;
        std::printf("%s;%s;%.2f;%.2f;%.1f;%s;%s;%s;%s;%s\n", g.code.c_str(), g.name.c_str(),
                    std::round(x * 100) / 100, std::round(y * 100) / 100, g.area / 1e6, p >= 0 ? provincies.features[p].code.c_str() : "",
                    p >= 0 ? provincies.features[p].name.c_str() : "", a >= 0 ? amr.features[a].code.c_str() : "",
                    a >= 0 ? amr.features[a].name.c_str() : "", buren.c_str());
    }
    return 0;
}
