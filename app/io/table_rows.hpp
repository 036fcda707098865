// A table as its file holds it, read once into memory before anything is interpreted: the
// column names, every cell as text, where each row is in the file, lines whose number of fields
// differs from the header's, and the table's own point geometry when it has one.
//
// Row numbers. GDAL's OGR CSV driver numbers features by record (FID 1 = the first data
// record): a quoted field with line breaks makes one record of several lines, blank lines are
// skipped without a trace, a line with fewer fields than the header leaves the rest unset, and
// one with more loses the extra fields silently. So a CSV file is read with GDAL's own CSV
// tokenizer (CSVReadParseLine3L, which the OGR driver uses too), with the separator for which
// the header splits into exactly the fields OGR found: it gives every record's fields, and the
// line breaks inside its quoted fields tell how many lines it spans, so row numbers are lines
// of the file (header = line 1) and ragged lines are known. Spreadsheets (XLSX, ODS): GDAL's FID
// is the sheet row (header = row 1). Other formats (GeoPackage tables), and a CSV file whose
// header the tokenizer cannot reproduce, have no lines: there the number counts records
// (1 = the first data record), and RowNumbering says so.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace vak::io {

enum class RowNumbering { Lines, SheetRows, Records };

// A row's point from the table's own geometry (a GeoPackage point layer), in the layer's CRS.
struct NativePoint {
    enum class Kind : std::uint8_t { None, Point, Other };
    Kind kind = Kind::None;
    double x = 0, y = 0;
};

class TableRows {
public:
    std::string path;
    std::string driver;                  // GDAL driver short name
    std::vector<std::string> names;      // column names as GDAL gives them
    RowNumbering numbering = RowNumbering::Lines;
    // Lines whose number of fields differs from the header's: row index -> fields on the line.
    // Lines that only add empty fields (a trailing separator) lose nothing and are only counted.
    std::unordered_map<std::size_t, int> ragged;
    std::size_t lines_with_empty_extra_fields = 0;
    // The layer's own geometry, when it is a point layer: one per row, else empty.
    std::vector<NativePoint> native_points;
    std::string native_srs_wkt; // its CRS; empty when the file names none

    std::size_t RowCount() const { return m_row_numbers.size(); }
    std::size_t ColumnCount() const { return names.size(); }
    std::string_view Cell(std::size_t row, std::size_t column) const;
    long RowNumber(std::size_t row) const { return m_row_numbers[row]; }
    // What a row number means, for the report ("line", "sheet row", "record").
    const char* NumberingWord() const;

    // `cells`: the row's texts, at most ColumnCount() (missing ones are empty).
    void AddRow(long number, const std::vector<std::string_view>& cells);
    // Room for `rows` rows of `text_bytes` in all, so that a large file is not copied as it grows.
    void Reserve(std::size_t rows, std::size_t text_bytes);

private:
    std::string m_text;                        // all cells, concatenated
    std::vector<std::size_t> m_row_start;      // per row: offset of its first cell in m_text
    std::vector<std::uint32_t> m_cell_end;     // per cell: end, relative to its row's start
    std::vector<long> m_row_numbers;
};

// Reads table `layer` (empty: the first) of `path`: CSV with any separator, XLSX, ODS, or an
// attribute table GDAL reads (GeoPackage, ...). Throws core::InputError when the file cannot be
// opened, has no such table, or has no columns.
TableRows ReadTableRows(const std::string& path, const std::string& layer);

} // namespace vak::io
