// A period as statistics publish them: a whole year or a quarter. Its own header because the
// charts need periods without the cell parser.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace vak::core {

struct Period {
    int year = 0;
    int quarter = 0; // 1..4, 0 for a whole year
    std::string Label() const; // "2023" or "2023KW2"
};

// "2023", "2023JJ00", "2023KW02", "2023Q2"; nullopt for anything else.
std::optional<Period> ParsePeriod(std::string_view raw);

} // namespace vak::core
