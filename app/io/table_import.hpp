// Statistics tables in through GDAL/OGR (CSV with any separator, XLSX, ODS, GeoPackage
// attribute tables), into the columnar core::Dataset, with a report of every row.
//
// Column roles are detected and shown in the report's mapping, and can be set explicitly:
//   region   a column of region codes ("GEMEENTECODE_VESTIGING", "RegioS", "gemeente_code");
//            matched to a region layer when one is given, in any common spelling ("285",
//            "0285", "GM0285", "PV20  "); codes the layer lacks do not land and are reported
//   period   a column of years or quarters ("jaar", "Perioden": 2023, 2023JJ00, 2023KW02)
//   wide     columns named PREFIX_YEAR (LEERLINGEN_1996 .. LEERLINGEN_2025) or PREFIX_2023KW2:
//            turned into a period dimension and one measure called PREFIX
//   measures numeric columns (values; "<5" suppressed, "." and empty missing, never 0)
//   points   x/y (RD New) or lon/lat columns: point coordinates
//   the rest dimensions (dictionary-encoded), except "ID" row numbers
// Sidecars next to the table, read with GDAL's JSON reader:
//   <table>.source.json   provenance: {"source", "period", "unit", "synthetic"} (as `vakatlas
//                         demo` writes them)
//   <table>.vakatlas.json the column mapping, overriding detection: {"region_column",
//                         "period_column", "scale", "first_year", "last_year", "source", "unit"}
// Options given on the command line override both.
#pragma once

#include "core/data/dataset.hpp"
#include "core/geo/region_layer.hpp"

#include <string>
#include <vector>

namespace vak::io {

struct TableImportOptions {
    std::string layer;         // table inside the file (GeoPackage, spreadsheet sheet); empty: first
    std::string region_column; // empty: the sidecar's, else detect
    std::string period_column; // empty: the sidecar's, else detect
    double scale = 0.0;        // multiply values (CBS "x 1000" tables: 1000), so counts stay
                               // exact; 0: the sidecar's, else 1
    const core::RegionLayer* regions = nullptr; // join and check region codes against this layer
    int first_year = 1900;     // periods outside [first_year, last_year] are rejected
    int last_year = 2100;
};

struct ImportedTable {
    core::Dataset dataset;
    core::ImportReport report;
};

// Throws core::InputError only when the file cannot be opened or has no columns at all; row
// problems go into the report.
ImportedTable ImportTable(const std::string& path, const TableImportOptions& options = {});

} // namespace vak::io
