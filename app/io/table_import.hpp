// Statistics tables in through GDAL/OGR (CSV with any separator, XLSX, ODS, GeoPackage
// attribute tables), into the columnar core::Dataset, with a report of every row.
//
// Column roles are detected and shown in the report's mapping, and can be set explicitly:
//   region   a column of region codes ("GEMEENTECODE_VESTIGING", "RegioS", "gemeente_code");
//            matched to a region layer when one is given, in any common spelling ("285",
//            "0285", "GM0285", "PV20  "); codes the layer lacks do not land and are reported,
//            grouped, with a hint when they look like municipalities merged since. When the
//            codes fail and names fit better (the region column holds names, or another column
//            is mostly names of the layer's features), rows join by name instead, with a
//            warning in the report; names two features share are never joined
//   recode   a conversion table (old code -> new code, share; io/region_recode.hpp), applied
//            before the join: a row of an old code lands on the new code(s), its values
//            multiplied by the share (counts split so that the row's total is kept), rows that
//            land on one key are summed
//   period   a column of years or quarters ("jaar", "Perioden": 2023, 2023JJ00, 2023KW02)
//   wide     columns named PREFIX_YEAR (LEERLINGEN_1996 .. LEERLINGEN_2025) or PREFIX_2023KW2:
//            turned into a period dimension and one measure called PREFIX
//   measures numeric columns (values; "<5" suppressed, "." and empty missing, never 0); a
//            column written in Dutch notation ("12.500", "12.500,5") is read as such, decided
//            per column and noted in the report
//   points   x/y (RD New) or lon/lat columns, a WKT column ("WKT", "geometry", "geom"), or the
//            table's own point geometry (GeoPackage): point coordinates in RD New
//   the rest dimensions (dictionary-encoded), except "ID" row numbers
// Row numbers in the report are lines of a CSV file (header = line 1, also when quoted fields
// span lines), sheet rows of a spreadsheet, and record numbers elsewhere (io/table_rows.hpp);
// a CSV line with more or fewer fields than the header does not land and is reported.
// Sidecars next to the table, read with GDAL's JSON reader:
//   <table>.source.json   provenance: {"source", "period", "unit", "synthetic"} (as `vakatlas
//                         demo` writes them)
//   <table>.vakatlas.json the column mapping, overriding detection: {"region_column",
//                         "period_column", "scale", "first_year", "last_year", "source", "unit",
//                         "recode_file" (relative to the table's folder)}
// Options given on the command line override both.
#pragma once

#include "core/data/dataset.hpp"
#include "core/geo/region_layer.hpp"

#include <cstddef>
#include <memory>
#include <string>

namespace vak::io {

struct TableImportOptions {
    std::string layer;         // table inside the file (GeoPackage, spreadsheet sheet); empty: first
    std::string region_column; // empty: the sidecar's, else detect
    std::string period_column; // empty: the sidecar's, else detect
    double scale = 0.0;        // multiply values (CBS "x 1000" tables: 1000), so counts stay
                               // exact; 0: the sidecar's, else 1
    std::string recode_file;   // conversion table of old region codes; empty: the sidecar's, else none
    const core::RegionLayer* regions = nullptr; // join and check region codes against this layer
    int first_year = 1900;     // periods outside [first_year, last_year] are rejected
    int last_year = 2100;
};

struct ImportedTable {
    core::Dataset dataset;
    core::ImportReport report;
};

// A table read from its file once, with its column roles detected, that can then be imported
// against any region layer (or none): LoadDataFiles reads each file once and asks every loaded
// layer how many of the table's regions it knows before importing.
class TableFile {
public:
    // Reads the file, its sidecars and its conversion table. Throws core::InputError when one
    // of them cannot be read, is broken, or the table has no columns; row problems go into
    // the report of Import.
    static TableFile Read(const std::string& path, const TableImportOptions& options = {});

    TableFile(TableFile&&) noexcept;
    TableFile& operator=(TableFile&&) noexcept;
    ~TableFile();

    // True when a column of region codes was found or named.
    bool HasRegionColumn() const;

    // How many distinct regions of the table `layer` knows: by code, or by name where names
    // fit better (core::RegionJoin::Plan). 0 when none.
    std::size_t RegionMatches(const core::RegionLayer& layer) const;

    // The dataset and its report; with `regions`, rows join to that layer (options.regions of
    // Read is not used here).
    ImportedTable Import(const core::RegionLayer* regions) const;

private:
    struct State;
    explicit TableFile(std::unique_ptr<State> state);
    std::unique_ptr<State> m_state;
};

// Read and Import in one: throws core::InputError only when the file cannot be opened, has no
// columns at all, or a sidecar or the conversion table is broken; row problems go into the
// report.
ImportedTable ImportTable(const std::string& path, const TableImportOptions& options = {});

} // namespace vak::io
