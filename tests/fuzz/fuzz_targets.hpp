// Fuzz targets over vakatlas's input paths. Each takes any bytes and must neither crash nor
// leak nor trip a sanitizer; a file or argument list it cannot use may only end in a
// core::InputError or core::UsageError, which the target catches.
//
// One table lists them (FuzzTargets()): the libFuzzer executables (fuzz_main.cpp, built with
// -DVAK_FUZZ=ON) pick theirs by name, and fuzz_regression_test.cpp replays every input kept in
// tests/fuzz/regressions/<name>/ through the same function in the normal test suites. A new
// parser gets a target by adding a function and a row to that table, and a vak_add_fuzzer()
// line in tests/fuzz/CMakeLists.txt.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace vak::fuzz {

// True when the input was accepted (read without an input or usage error); every seed must be.
using FuzzFunction = bool (*)(const std::uint8_t* data, std::size_t size);

struct FuzzTarget {
    std::string_view name; // also the folder of its seeds and regressions
    FuzzFunction run;
};

const std::vector<FuzzTarget>& FuzzTargets();
// nullptr when there is no target called `name`.
FuzzFunction FindFuzzTarget(std::string_view name);

// Region files through GDAL's /vsimem/: the first byte picks the format (GeoJSON, TopoJSON,
// CSV with WKT, Shapefile; a Shapefile's .shp, .shx and .dbf are split from the rest by two
// 16-bit lengths).
bool FuzzRegionFile(const std::uint8_t* data, std::size_t size);
// A statistics table (CSV) read, interpreted and imported, as --data does it.
bool FuzzTableImport(const std::uint8_t* data, std::size_t size);
// The row reader alone: every cell and row number of a CSV read back.
bool FuzzTableRows(const std::uint8_t* data, std::size_t size);
// Cells, one per line: a column's number format, each cell's value and period.
bool FuzzCellParse(const std::uint8_t* data, std::size_t size);
// A command line: arguments separated by NUL bytes.
bool FuzzCommandLine(const std::uint8_t* data, std::size_t size);
// JSON read as a view file and as a story file; what either accepts is written and read back,
// which must give the same text (the program reads every view it writes).
bool FuzzViewFile(const std::uint8_t* data, std::size_t size);

} // namespace vak::fuzz
