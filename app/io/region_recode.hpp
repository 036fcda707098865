// Reading a conversion table of region codes (municipal mergers and splits) through GDAL, like
// any other table: CSV with any separator, XLSX or ODS. One row per old code and new code:
//
//   old_code;new_code;share
//   GM0003;GM1979;1
//   GM0024;GM1979;0.6
//   GM0024;GM0014;0,4
//
// Column names, in any case: old code "old_code", "old", "oud", "oude_code", "code_oud",
// "van", "from"; new code "new_code", "new", "nieuw", "nieuwe_code", "code_nieuw", "naar",
// "to"; share (optional, default 1) "share", "aandeel", "fraction", "fractie". Codes in any
// spelling the table uses ("3" or "GM0003").
#pragma once

#include "core/data/recode.hpp"

#include <string>

namespace vak::io {

// Throws core::InputError naming the file, and per problem its row (line) and field: a column
// that is not one of the above or a missing one, an empty code, a share that is not a number
// between 0 and 1, a pair given twice, the shares of one old code not summing to 1 (within
// 0.001), a new code that is itself converted further (give the final code instead), a line
// with more or fewer fields than the header.
core::RecodeTable ReadRecodeTable(const std::string& path);

} // namespace vak::io
