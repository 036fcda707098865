// Test helper: the fields of one line of a delimited text file, the way the tests read the
// exported CSVs and DUO's files: "..." quotes a field (a separator inside stays), "" inside quotes
// is a quote, and a CR at the end (CRLF files) is dropped.
#pragma once

#include <string>
#include <vector>

namespace vak::test {

inline std::vector<std::string> SplitCsvLine(const std::string& line, char separator = ',')
{
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (c == '"' && quoted && i + 1 < line.size() && line[i + 1] == '"') {
            fields.back() += '"';
            ++i;
        } else if (c == '"') {
            quoted = !quoted;
        } else if (c == separator && !quoted) {
            fields.emplace_back();
        } else if (c != '\r') {
            fields.back() += c;
        }
    }
    return fields;
}

} // namespace vak::test
