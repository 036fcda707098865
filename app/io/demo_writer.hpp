// Writes the synthetic demo data set (core/demo/demo_data.hpp) as ordinary files that vakatlas
// then loads like any user's: semicolon-separated tables through GDAL's CSV driver, a
// `<table>.source.json` sidecar per table (CPLJSONDocument) saying it is synthetic, with seed,
// unit, period and description, and a README.txt in Dutch and English.
//
// Writing is atomic per folder: everything goes into DIR/.tmp-XXXXXX first and is renamed into
// place only when all files were written, so an interrupted run leaves the folder as it was
// (apart from the hidden temporary folder, removed on the next run). A folder that holds anything
// but the demo's own files is refused.
#pragma once

#include "core/demo/demo_data.hpp"
#include "io/demo_geography.hpp"

#include <string>
#include <vector>

namespace vak::io {

// The generator's input from the municipality facts table: label points (RD New), areas in km2,
// province and labour-market region codes, region names and neighbours.
std::vector<core::DemoMunicipality> DemoMunicipalitiesFromFacts(const MunicipalityFacts& facts);

// Every file the demo writes, in writing order (tables, their sidecars, README.txt).
const std::vector<std::string>& DemoFileNames();

// Writes `data` into `dir` (created when missing) and returns the paths written. Throws
// core::InputError when `dir` cannot be created or written, or exists and holds anything other
// than vakatlas demo files; the folder is then left untouched.
std::vector<std::string> WriteDemoData(const core::DemoData& data, const std::string& dir);

// The whole `vakatlas demo --out DIR`: reads the facts table (`facts_path` empty: found like
// LoadDemoGeography does), generates with `options` and writes. Checks `dir` before generating,
// so a refused folder costs no time.
std::vector<std::string> WriteDemo(const std::string& dir, const std::string& facts_path = {},
                                   const core::DemoOptions& options = {});

} // namespace vak::io
