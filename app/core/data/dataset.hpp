// The columnar store of a fact table: dimension columns dictionary-encoded to small integers
// (region, period, sector, location, ...), measure columns as exact integers when they are
// counts, and per value an explicit state, so that DUO's "<5" stays suppressed and CBS's "."
// stays missing instead of becoming 0. Every dataset carries its provenance (file, source,
// period, unit, synthetic) for the stamps on screens and exports.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace vak::core {

enum class ValueState : std::uint8_t {
    Known,
    Suppressed, // "<5": a small count withheld for privacy; never un-suppressed
    Missing,    // ".", empty: no value
};

enum class DimensionRole : std::uint8_t { Region, Period, Category };

struct DimensionColumn {
    std::string name;
    DimensionRole role = DimensionRole::Category;
    std::vector<std::string> dictionary; // code -> text
    std::vector<std::uint32_t> rows;     // per row: index into dictionary

    std::uint32_t Encode(std::string_view value);
    const std::string& ValueAt(std::size_t row) const { return dictionary[rows[row]]; }

private:
    std::unordered_map<std::string, std::uint32_t> m_lookup;
};

struct MeasureColumn {
    std::string name;
    std::string unit;
    bool is_count = true;              // integers, summed exactly; else real numbers
    std::vector<std::int64_t> counts;  // per row when is_count
    std::vector<double> values;        // per row when !is_count
    std::vector<ValueState> states;    // per row

    void Append(ValueState state, std::int64_t count, double value);
};

struct Provenance {
    std::string file;
    std::string source;  // "DUO open onderwijsdata", "CBS StatLine 80567ned", ...
    std::string period;  // "1996-2025"
    std::string unit;
    bool synthetic = false;
};

class Dataset {
public:
    std::string name;
    Provenance provenance;
    std::vector<DimensionColumn> dimensions;
    std::vector<MeasureColumn> measures;
    std::vector<double> x, y; // point coordinates per row (RD New) for point tables; else empty

    std::size_t RowCount() const { return m_rows; }
    void SetRowCount(std::size_t rows) { m_rows = rows; }
    int FindDimension(std::string_view name) const;
    int FindMeasure(std::string_view name) const;

private:
    std::size_t m_rows = 0;
};

// A row of the input that did not land, with where and why. Nothing is dropped silently.
struct ImportIssue {
    long row = 0;        // 1-based line in the file, the header being row 1
    std::string column;  // empty when the whole row is concerned
    std::string value;
    std::string reason;
};

struct ImportReport {
    std::string file;
    std::string mapping;          // the detected (or configured) column roles, for the user to confirm
    long rows_read = 0;           // data rows in the file
    long rows_landed = 0;         // rows of the stored (long) table
    long rows_rejected = 0;       // rows of the file with at least one value not landed
    long values_suppressed = 0;   // "<5"
    long values_missing = 0;      // ".", empty
    std::vector<ImportIssue> rejected; // one per value (cell) or row that did not land
    std::vector<std::string> notes;

    std::string Summary() const;
};

} // namespace vak::core
