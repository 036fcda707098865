#include "io/region_recode.hpp"

#include "core/data/cell_parse.hpp"
#include "core/errors.hpp"
#include "core/text/utf8.hpp"
#include "io/table_rows.hpp"

#include <cmath>
#include <cstdio>
#include <map>
#include <set>

namespace vak::io {

namespace {

enum class RecodeColumn { Old, New, Share, Unknown };

RecodeColumn ColumnRole(const std::string& name)
{
    const std::string lower = core::AsciiLower(std::string(core::Trim(name)));
    for (const char* n : {"old_code", "old", "oud", "oude_code", "code_oud", "van", "from"})
        if (lower == n)
            return RecodeColumn::Old;
    for (const char* n : {"new_code", "new", "nieuw", "nieuwe_code", "code_nieuw", "naar", "to"})
        if (lower == n)
            return RecodeColumn::New;
    for (const char* n : {"share", "aandeel", "fraction", "fractie"})
        if (lower == n)
            return RecodeColumn::Share;
    return RecodeColumn::Unknown;
}

std::string Number(double value)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", value);
    return buf;
}

} // namespace

core::RecodeTable ReadRecodeTable(const std::string& path)
{
    const TableRows rows = ReadTableRows(path, "");
    const std::string kColumns = "old_code (or oud, van), new_code (or nieuw, naar) and optionally share (or aandeel)";
    int old_column = -1, new_column = -1, share_column = -1;
    for (std::size_t c = 0; c < rows.ColumnCount(); ++c) {
        int* slot = nullptr;
        switch (ColumnRole(rows.names[c])) {
        case RecodeColumn::Old:
            slot = &old_column;
            break;
        case RecodeColumn::New:
            slot = &new_column;
            break;
        case RecodeColumn::Share:
            slot = &share_column;
            break;
        case RecodeColumn::Unknown:
            throw core::InputError(path + ": unknown column '" + rows.names[c] + "' in a conversion table (columns: " +
                                   kColumns + ")");
        }
        if (*slot >= 0)
            throw core::InputError(path + ": columns '" + rows.names[static_cast<std::size_t>(*slot)] + "' and '" +
                                   rows.names[c] + "' are the same column of a conversion table");
        *slot = static_cast<int>(c);
    }
    if (old_column < 0 || new_column < 0)
        throw core::InputError(path + ": a conversion table needs the columns " + kColumns);

    std::vector<std::string> problems;
    auto where = [&](std::size_t row, int column) {
        return std::string(rows.NumberingWord()) + " " + std::to_string(rows.RowNumber(row)) +
               (column >= 0 ? ", " + rows.names[static_cast<std::size_t>(column)] : std::string());
    };
    // Rules in the order of their first row; rows per old code for the messages.
    std::vector<core::RecodeRule> rules;
    std::map<std::string, std::size_t> rule_of;
    std::map<std::string, std::vector<long>> rows_of;
    std::map<std::pair<std::string, std::string>, long> pairs;
    for (std::size_t r = 0; r < rows.RowCount(); ++r) {
        if (auto it = rows.ragged.find(r); it != rows.ragged.end()) {
            problems.push_back(where(r, -1) + ": " + std::to_string(it->second) + " fields, the header has " +
                               std::to_string(rows.ColumnCount()));
            continue;
        }
        const std::string old_code(core::Trim(rows.Cell(r, static_cast<std::size_t>(old_column))));
        const std::string new_code(core::Trim(rows.Cell(r, static_cast<std::size_t>(new_column))));
        if (old_code.empty() && new_code.empty() && (share_column < 0 || core::Trim(rows.Cell(r, share_column)).empty()))
            continue; // an empty row, as spreadsheets have them
        bool ok = true;
        if (old_code.empty()) {
            problems.push_back(where(r, old_column) + ": empty code");
            ok = false;
        }
        if (new_code.empty()) {
            problems.push_back(where(r, new_column) + ": empty code");
            ok = false;
        }
        double share = 1;
        if (share_column >= 0) {
            const std::string_view text = rows.Cell(r, static_cast<std::size_t>(share_column));
            const auto cell = core::ParseCell(text);
            if (cell && cell->state == core::ValueState::Missing) {
                share = 1; // an empty share: the whole old region
            } else if (!cell || cell->state != core::ValueState::Known || cell->value < 0 || cell->value > 1) {
                problems.push_back(where(r, share_column) + ": '" + std::string(text) + "' is not a share between 0 and 1");
                ok = false;
            } else {
                share = cell->value;
            }
        }
        if (!ok)
            continue;
        auto [pair, fresh] = pairs.emplace(std::make_pair(old_code, new_code), rows.RowNumber(r));
        if (!fresh) {
            problems.push_back(where(r, -1) + ": " + old_code + " -> " + new_code + " is already given in " +
                               rows.NumberingWord() + " " + std::to_string(pair->second));
            continue;
        }
        auto [rule, added] = rule_of.emplace(old_code, rules.size());
        if (added)
            rules.push_back({old_code, {}});
        rules[rule->second].targets.push_back({new_code, share});
        rows_of[old_code].push_back(rows.RowNumber(r));
    }
    std::set<std::string> old_codes;
    for (const core::RecodeRule& rule : rules)
        old_codes.insert(rule.old_code);
    for (const core::RecodeRule& rule : rules) {
        double total = 0;
        for (const core::RecodeTarget& t : rule.targets)
            total += t.share;
        std::string lines;
        for (long line : rows_of[rule.old_code])
            lines += (lines.empty() ? "" : ", ") + std::to_string(line);
        if (std::abs(total - 1.0) > 0.001)
            problems.push_back("old code " + rule.old_code + " (" + rows.NumberingWord() + "s " + lines +
                               "): shares sum to " + Number(total) + ", not 1");
        // Conversions are applied once: A -> B -> C would leave rows on B.
        for (const core::RecodeTarget& t : rule.targets)
            if (t.code != rule.old_code && old_codes.count(t.code))
                problems.push_back("new code " + t.code + " (of old code " + rule.old_code +
                                   ") is itself converted further; give the final code instead");
    }
    if (!problems.empty()) {
        std::string message = path + ": " + std::to_string(problems.size()) + " problem" + (problems.size() == 1 ? "" : "s") +
                              " in the conversion table:";
        for (const std::string& p : problems)
            message += "\n  " + p;
        throw core::InputError(message);
    }
    if (rules.empty())
        throw core::InputError(path + ": the conversion table has no rows");
    return core::RecodeTable(path, std::move(rules));
}

} // namespace vak::io
