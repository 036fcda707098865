// Where the numbers of an export come from, carried into every export format (GeoTIFF and
// GeoPackage metadata items, CSV columns): source, period, measure and unit, and whether the
// data is the synthetic demo.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace vak::io {

struct ExportStamp {
    std::string title;   // what is shown: "aantal · mbo_studenten, 2025"
    std::string measure; // "aantal · mbo_studenten"
    std::string period;  // "2025", or "2025-2035" for a change map
    std::string unit;    // "leerlingen", "%" for a change map
    std::string source;  // the table's source, or its name
    std::string level;   // the region level ("gemeente")
    bool synthetic = false;

    // As metadata items (NAME, value), the same in every format.
    std::vector<std::pair<std::string, std::string>> Items() const
    {
        std::vector<std::pair<std::string, std::string>> items = {
            {"TITLE", title}, {"MEASURE", measure}, {"PERIOD", period}, {"UNIT", unit},
            {"SOURCE", source}, {"LEVEL", level}, {"SOFTWARE", "vakatlas"}};
        if (synthetic)
            items.push_back({"DATA_NOTE", "synthetic demo data"});
        return items;
    }
};

} // namespace vak::io
