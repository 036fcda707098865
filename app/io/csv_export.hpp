// Tables out as CSV through GDAL's CSV driver (comma-separated, UTF-8, quotes only where a
// value needs them), written atomically; "-" writes to standard output.
#pragma once

#include <string>
#include <vector>

namespace vak::io {

struct CsvColumn {
    std::string name;
    bool integer = false; // written as a number; else as text (codes keep their leading zeros)
};

// `rows` hold one text per column; integer columns hold decimal integers or "" (empty: no value).
void WriteCsv(const std::string& path, const std::vector<CsvColumn>& columns,
              const std::vector<std::vector<std::string>>& rows);

} // namespace vak::io
