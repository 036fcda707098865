#include "core/data/cell_parse.hpp"

#include "core/text/utf8.hpp"

#include <charconv>
#include <cmath>

namespace vak::core {

namespace {

// The cell without surrounding spaces and quotes.
std::string_view Unwrap(std::string_view raw)
{
    std::string_view text = Trim(raw);
    if (text.size() >= 2 && text.front() == '"' && text.back() == '"')
        text = Trim(text.substr(1, text.size() - 2));
    return text;
}

bool IsDigit(char c)
{
    return c >= '0' && c <= '9';
}

// "12.500", "-1.234.567", "12.500,5": 1-3 digits (not starting with 0), then groups of a '.'
// and three digits, then an optional decimal comma with digits.
bool IsThousandsGrouped(std::string_view text)
{
    std::size_t i = 0;
    if (i < text.size() && text[i] == '-')
        ++i;
    const std::size_t lead = i;
    while (i < text.size() && IsDigit(text[i]))
        ++i;
    if (i == lead || i - lead > 3 || text[lead] == '0')
        return false;
    int groups = 0;
    while (i + 4 <= text.size() && text[i] == '.' && IsDigit(text[i + 1]) && IsDigit(text[i + 2]) && IsDigit(text[i + 3])) {
        i += 4;
        ++groups;
    }
    if (groups == 0)
        return false;
    if (i == text.size())
        return true;
    if (text[i] != ',' || i + 1 == text.size())
        return false;
    for (++i; i < text.size(); ++i)
        if (!IsDigit(text[i]))
            return false;
    return true;
}

} // namespace

void NumberFormatDetector::Add(std::string_view cell)
{
    const std::string_view text = Unwrap(cell);
    if (text.find('.') == std::string_view::npos || text == ".")
        return;
    if (IsThousandsGrouped(text))
        ++m_grouped;
    else if (ParseCell(text).has_value())
        ++m_decimal_point; // "1.5": a number whose '.' can only be a decimal point
}

std::optional<CellValue> ParseCell(std::string_view raw, NumberFormat format)
{
    const std::string_view text = Unwrap(raw);
    CellValue cell;
    if (text.empty() || text == "." || text == "-") {
        cell.state = ValueState::Missing;
        return cell;
    }
    // "<5", "< 5", "<10": a count withheld; "x" is CBS's mark for a secret value.
    if (text.front() == '<' || text == "x" || text == "X") {
        cell.state = ValueState::Suppressed;
        return cell;
    }
    std::string number(text);
    if (format.dot_groups_thousands && IsThousandsGrouped(number))
        std::erase(number, '.'); // "12.500,5" -> "12500,5"; the comma is then the decimal mark
    // A decimal comma ("12,5") when there is no decimal point.
    if (number.find('.') == std::string::npos) {
        const auto comma = number.find(',');
        if (comma != std::string::npos && number.find(',', comma + 1) == std::string::npos)
            number[comma] = '.';
    }
    double value = 0;
    const char* end = number.data() + number.size();
    auto [ptr, ec] = std::from_chars(number.data(), end, value);
    if (ec != std::errc() || ptr != end || !std::isfinite(value))
        return std::nullopt;
    cell.state = ValueState::Known;
    cell.value = value;
    cell.integral = value == std::floor(value) && std::abs(value) < 9.0e15;
    return cell;
}

std::string Period::Label() const
{
    return quarter == 0 ? std::to_string(year) : std::to_string(year) + "KW" + std::to_string(quarter);
}

std::optional<Period> ParsePeriod(std::string_view raw)
{
    const std::string_view text = Trim(raw);
    if (text.size() < 4)
        return std::nullopt;
    int year = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + 4, year);
    if (ec != std::errc() || ptr != text.data() + 4)
        return std::nullopt;
    const std::string_view rest = text.substr(4);
    Period period{year, 0};
    if (rest.empty() || rest == "JJ00")
        return period;
    std::string_view digits;
    if (rest.starts_with("KW"))
        digits = rest.substr(2);
    else if (rest.starts_with("Q") || rest.starts_with("q"))
        digits = rest.substr(1);
    else
        return std::nullopt;
    int quarter = 0;
    auto [qptr, qec] = std::from_chars(digits.data(), digits.data() + digits.size(), quarter);
    if (qec != std::errc() || qptr != digits.data() + digits.size() || quarter < 1 || quarter > 4)
        return std::nullopt;
    period.quarter = quarter;
    return period;
}

} // namespace vak::core
