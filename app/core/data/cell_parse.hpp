// Reading one cell of a statistics table: numbers, DUO's "<5" (suppressed), CBS's "." and
// empty cells (missing), and periods as CBS and DUO write them ("2023", "2023JJ00",
// "2023KW02"). Pure functions, so every quirk is unit-tested.
#pragma once

#include "core/data/dataset.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace vak::core {

struct CellValue {
    ValueState state = ValueState::Missing;
    double value = 0;      // when Known
    bool integral = false; // when Known: a whole number
};

// nullopt: the text is not a number nor a known marker ("veel", "12a").
std::optional<CellValue> ParseCell(std::string_view raw);

struct Period {
    int year = 0;
    int quarter = 0; // 1..4, 0 for a whole year
    std::string Label() const; // "2023" or "2023KW2"
};

// "2023", "2023JJ00", "2023KW02", "2023Q2"; nullopt for anything else.
std::optional<Period> ParsePeriod(std::string_view raw);

} // namespace vak::core
