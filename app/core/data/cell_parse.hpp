// Reading one cell of a statistics table: numbers, DUO's "<5" (suppressed), CBS's "." and
// empty cells (missing), and periods as CBS and DUO write them ("2023", "2023JJ00",
// "2023KW02"), and Dutch thousands separators ("12.500"), decided per column. Pure functions, so
// every quirk is unit-tested.
#pragma once

#include "core/data/dataset.hpp"
#include "core/data/period.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace vak::core {

struct CellValue {
    ValueState state = ValueState::Missing;
    double value = 0;      // when Known
    bool integral = false; // when Known: a whole number
};

// How one column writes its numbers. Decided once per column from all its cells, never per
// cell, so "12.500" means the same thing in every row of a column.
struct NumberFormat {
    // Dutch notation: "12.500" is 12500 and "12.500,5" is 12500.5 ('.' groups thousands, ','
    // is the decimal mark). Otherwise '.' is the decimal point ("135.5").
    bool dot_groups_thousands = false;
};

// Decides a column's NumberFormat from its cells, fed one by one: '.' groups thousands when at
// least one number is written as 1-3 digits followed by groups of three ("12.500", "1.234.567",
// optionally with a decimal comma: "12.500,5") and no number uses '.' in any other way ("1.5",
// "0.125", "12.50" make it a decimal point for the whole column). Numbers without a '.' ("500",
// "12,5") and texts that are no numbers ("n.v.t.", "<5") say nothing either way.
class NumberFormatDetector {
public:
    void Add(std::string_view cell);
    NumberFormat Result() const { return {m_grouped > 0 && m_decimal_point == 0}; }

private:
    long m_grouped = 0;       // numbers that only make sense with '.' grouping thousands
    long m_decimal_point = 0; // numbers with a '.' that cannot be a thousands separator
};

// nullopt: the text is not a number nor a known marker ("veel", "12a"). With the default
// format "12.500" is 12.5; with dot_groups_thousands it is 12500.
std::optional<CellValue> ParseCell(std::string_view raw, NumberFormat format = {});

} // namespace vak::core
