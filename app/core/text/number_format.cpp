#include "core/text/number_format.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

namespace vak::core {

namespace {

constexpr int kMaxDecimals = 12;
constexpr double kExactIntegerLimit = 9007199254740992.0; // 2^53

char ThousandsSeparator(NumberLocale locale) { return locale == NumberLocale::Dutch ? '.' : ','; }
char DecimalMark(NumberLocale locale) { return locale == NumberLocale::Dutch ? ',' : '.'; }

double PowerOfTen(int exponent)
{
    // Exact for 0..22: the literals are exact doubles, std::pow need not be.
    static constexpr std::array<double, 23> kPowers = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                                       1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                                       1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    if (exponent >= 0 && exponent < static_cast<int>(kPowers.size()))
        return kPowers[static_cast<std::size_t>(exponent)];
    return std::pow(10.0, exponent);
}

// `value` rounded half away from zero to `decimals` places; -0 becomes 0.
double RoundHalfAwayFromZero(double value, int decimals)
{
    const double scale = PowerOfTen(decimals);
    const double scaled = value * scale;
    double rounded = value;
    // Beyond 2^53 every double is an integer already: nothing to round.
    if (std::fabs(scaled) < kExactIntegerLimit)
        rounded = std::round(scaled) / scale;
    return rounded == 0.0 ? 0.0 : rounded;
}

// Digits of a finite, already rounded value, grouped and with the locale's marks.
std::string GroupedDigits(double rounded, int decimals, NumberLocale locale)
{
    // 309 integer digits, a sign, a point and the decimals fit.
    std::array<char, 400> buffer{};
    const auto [end, error] =
        std::to_chars(buffer.data(), buffer.data() + buffer.size(), rounded, std::chars_format::fixed, decimals);
    if (error != std::errc())
        return kNoNumberText;
    const std::string_view plain(buffer.data(), static_cast<std::size_t>(end - buffer.data()));

    const bool negative = !plain.empty() && plain.front() == '-';
    const std::string_view unsigned_part = negative ? plain.substr(1) : plain;
    const std::size_t point = unsigned_part.find('.');
    const std::string_view integer_digits = unsigned_part.substr(0, point);
    const std::string_view fraction_digits =
        point == std::string_view::npos ? std::string_view() : unsigned_part.substr(point + 1);

    std::string text;
    text.reserve(plain.size() + plain.size() / 3 + 1);
    if (negative)
        text += '-';
    for (std::size_t i = 0; i < integer_digits.size(); ++i) {
        if (i > 0 && (integer_digits.size() - i) % 3 == 0)
            text += ThousandsSeparator(locale);
        text += integer_digits[i];
    }
    if (!fraction_digits.empty()) {
        text += DecimalMark(locale);
        text += fraction_digits;
    }
    return text;
}

int ClampDecimals(int decimals) { return std::clamp(decimals, 0, kMaxDecimals); }

const char* PercentSuffix(NumberLocale locale) { return locale == NumberLocale::Dutch ? " %" : "%"; }

struct LargeUnit {
    double size;
    const char* dutch;
    const char* english;
};
constexpr LargeUnit kMillion{1e6, " mln", "M"};
constexpr LargeUnit kBillion{1e9, " mld", "B"};

const char* UnitSuffix(const LargeUnit& unit, NumberLocale locale)
{
    return locale == NumberLocale::Dutch ? unit.dutch : unit.english;
}

// "1,0" -> "1": compact labels drop a zero decimal.
void DropZeroDecimal(std::string& text, NumberLocale locale)
{
    const std::size_t n = text.size();
    if (n >= 2 && text[n - 1] == '0' && text[n - 2] == DecimalMark(locale))
        text.resize(n - 2);
}

std::string FormatInUnit(double value, const LargeUnit& unit, NumberLocale locale)
{
    const double scaled = value / unit.size;
    const int decimals = std::fabs(scaled) < 99.95 ? 1 : 0; // "12,5 mln" but "125 mln"
    std::string text = FormatNumber(scaled, decimals, locale);
    DropZeroDecimal(text, locale);
    return text + UnitSuffix(unit, locale);
}

} // namespace

std::string FormatNumber(double value, int decimals, NumberLocale locale)
{
    if (!std::isfinite(value))
        return kNoNumberText;
    decimals = ClampDecimals(decimals);
    return GroupedDigits(RoundHalfAwayFromZero(value, decimals), decimals, locale);
}

std::string FormatSignedNumber(double value, int decimals, NumberLocale locale)
{
    if (!std::isfinite(value))
        return kNoNumberText;
    decimals = ClampDecimals(decimals);
    const double rounded = RoundHalfAwayFromZero(value, decimals);
    std::string text = GroupedDigits(rounded, decimals, locale);
    return rounded > 0.0 ? "+" + text : text;
}

std::string FormatPercent(double percent, int decimals, NumberLocale locale)
{
    if (!std::isfinite(percent))
        return kNoNumberText;
    return FormatNumber(percent, decimals, locale) + PercentSuffix(locale);
}

std::string FormatSignedPercent(double percent, int decimals, NumberLocale locale)
{
    if (!std::isfinite(percent))
        return kNoNumberText;
    return FormatSignedNumber(percent, decimals, locale) + PercentSuffix(locale);
}

std::string FormatCompact(double value, NumberLocale locale, int decimals_below_million)
{
    if (!std::isfinite(value))
        return kNoNumberText;
    decimals_below_million = ClampDecimals(decimals_below_million);
    const double magnitude = std::fabs(RoundHalfAwayFromZero(value, decimals_below_million));
    if (magnitude < kMillion.size)
        return FormatNumber(value, decimals_below_million, locale);
    // 999.960.000 rounds to "1.000 mln": such values read better as "1 mld".
    if (std::fabs(RoundHalfAwayFromZero(value / kMillion.size, 0)) < 1000.0)
        return FormatInUnit(value, kMillion, locale);
    return FormatInUnit(value, kBillion, locale);
}

std::string FormatValue(double value, const NumberFormat& format, NumberLocale locale)
{
    switch (format.style) {
    case NumberStyle::Plain:
        return FormatNumber(value, format.decimals, locale);
    case NumberStyle::Signed:
        return FormatSignedNumber(value, format.decimals, locale);
    case NumberStyle::Percent:
        return FormatPercent(value, format.decimals, locale);
    case NumberStyle::SignedPercent:
        return FormatSignedPercent(value, format.decimals, locale);
    case NumberStyle::Compact:
        return FormatCompact(value, locale, format.decimals);
    }
    return FormatNumber(value, format.decimals, locale);
}

double NiceStep(double span, int intervals)
{
    if (!std::isfinite(span) || span <= 0.0)
        return 0.0;
    const double raw = span / std::max(1, intervals);
    const double magnitude = PowerOfTen(static_cast<int>(std::floor(std::log10(raw))));
    const double normalized = raw / magnitude;
    for (double nice : {1.0, 2.0, 2.5, 5.0})
        if (normalized <= nice * (1.0 + 1e-9))
            return nice * magnitude;
    return 10.0 * magnitude;
}

std::vector<double> NiceTicks(double min, double max, int target_count)
{
    if (!std::isfinite(min) || !std::isfinite(max))
        return {};
    if (min > max)
        std::swap(min, max);
    if (min == max) {
        // One value: a small range around it, so the value sits between two ticks; zero gets
        // 0..1 (a count of nothing should not show negative counts).
        if (min == 0.0) {
            max = 1.0;
        } else {
            const double half = std::fabs(min) * 0.05;
            min -= half;
            max += half;
        }
    }
    const int intervals = std::max(1, target_count - 1);
    const double step = NiceStep(max - min, intervals);
    if (step == 0.0 || !std::isfinite(step))
        return {min, max};

    // The step as an integer mantissa (10, 20, 25, 50, 100) times 10^exponent, so that each
    // tick is one integer product scaled by an exact power of ten: the nearest double to the
    // decimal tick value, with no accumulated error.
    const int exponent = static_cast<int>(std::floor(std::log10(step))) - 1;
    const double mantissa = std::round(step / PowerOfTen(exponent));
    // Tolerance: min/step may land a hair above an integer (0.3 / 0.1 = 2.9999999999999996).
    const double first_index = std::floor(min / step + 1e-9);
    const double last_index = std::ceil(max / step - 1e-9);
    constexpr double kMaxTicks = 10000.0;
    if (last_index - first_index > kMaxTicks ||
        std::max(std::fabs(first_index), std::fabs(last_index)) * mantissa >= kExactIntegerLimit)
        return {min, max}; // the values are too far apart from their step to be told apart

    const bool exact_power = std::abs(exponent) <= 22;
    std::vector<double> ticks;
    ticks.reserve(static_cast<std::size_t>(last_index - first_index) + 1);
    for (double index = first_index; index <= last_index; index += 1.0) {
        const double units = index * mantissa;
        double tick = index * step;
        if (exact_power)
            tick = exponent >= 0 ? units * PowerOfTen(exponent) : units / PowerOfTen(-exponent);
        ticks.push_back(tick == 0.0 ? 0.0 : tick);
    }
    return ticks;
}

int DecimalsForStep(double step)
{
    step = std::fabs(step);
    if (!std::isfinite(step) || step == 0.0)
        return 0;
    for (int decimals = 0; decimals < kMaxDecimals; ++decimals) {
        const double scaled = step * PowerOfTen(decimals);
        if (std::fabs(scaled - std::round(scaled)) <= 1e-9 * std::max(1.0, scaled))
            return decimals;
    }
    return kMaxDecimals;
}

int DecimalsToTellApart(const std::vector<double>& edges)
{
    constexpr int kMostDecimals = 4;
    bool integral = true;
    double smallest_gap = 0;
    for (std::size_t i = 0; i < edges.size(); ++i) {
        integral = integral && std::abs(edges[i] - std::round(edges[i])) < 1e-9;
        if (i > 0 && edges[i] > edges[i - 1])
            smallest_gap = smallest_gap == 0 ? edges[i] - edges[i - 1] : std::min(smallest_gap, edges[i] - edges[i - 1]);
    }
    if (integral)
        return 0;
    // Start at the decimal that resolves the smallest gap (0.8 -> 1, 0.05 -> 2), then add one
    // while rounding still makes two neighbours read the same. Small edges that are not whole
    // (rates such as 18,4 per 1,000) keep at least one decimal; large ones (1.744) need none.
    double largest = 0;
    for (double edge : edges)
        largest = std::max(largest, std::abs(edge));
    const int at_least = largest < 100 ? 1 : 0;
    const int first = std::clamp(smallest_gap > 0 ? static_cast<int>(std::ceil(-std::log10(smallest_gap))) : 1,
                                 at_least, kMostDecimals);
    for (int decimals = first; decimals < kMostDecimals; ++decimals) {
        bool distinct = true;
        for (std::size_t i = 1; i < edges.size() && distinct; ++i)
            distinct = edges[i] == edges[i - 1] ||
                       FormatNumber(edges[i], decimals, NumberLocale::English) != FormatNumber(edges[i - 1], decimals, NumberLocale::English);
        if (distinct)
            return decimals;
    }
    return kMostDecimals;
}

std::string FormatAxisTick(double value, double step, double max_abs, NumberStyle style, NumberLocale locale)
{
    if (!std::isfinite(value))
        return kNoNumberText;
    const int decimals = DecimalsForStep(step);
    if (style == NumberStyle::Percent)
        return FormatPercent(value, decimals, locale);
    if (style == NumberStyle::SignedPercent)
        return FormatSignedPercent(value, decimals, locale);
    if (value == 0.0)
        return "0";
    const bool signed_style = style == NumberStyle::Signed;
    for (const LargeUnit* unit : {&kBillion, &kMillion}) {
        if (std::fabs(max_abs) < unit->size)
            continue;
        const int unit_decimals = std::min(3, DecimalsForStep(step / unit->size));
        const double scaled = value / unit->size;
        const std::string number = signed_style ? FormatSignedNumber(scaled, unit_decimals, locale)
                                                : FormatNumber(scaled, unit_decimals, locale);
        return number + UnitSuffix(*unit, locale);
    }
    return signed_style ? FormatSignedNumber(value, decimals, locale) : FormatNumber(value, decimals, locale);
}

} // namespace vak::core

namespace vak::core {

std::optional<std::vector<double>> ParseNumberList(std::string_view text, NumberLocale locale, std::string* bad_part)
{
    // Grouping marks are dropped, the decimal mark becomes '.', then std::from_chars reads it
    // (locale-independent, unlike strtod).
    const char group = locale == NumberLocale::Dutch ? '.' : ',';
    const char decimal = locale == NumberLocale::Dutch ? ',' : '.';
    std::vector<double> numbers;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && (text[i] == ';' || text[i] == ' ' || text[i] == '\t'))
            ++i;
        std::size_t end = i;
        while (end < text.size() && text[end] != ';' && text[end] != ' ' && text[end] != '\t')
            ++end;
        if (end == i)
            break;
        const std::string_view part = text.substr(i, end - i);
        std::string plain;
        for (char c : part)
            if (c != group)
                plain += c == decimal ? '.' : c;
        double value = 0.0;
        const char* first = plain.data();
        if (!plain.empty() && plain.front() == '+')
            ++first;
        const auto [ptr, ec] = std::from_chars(first, plain.data() + plain.size(), value);
        if (plain.empty() || ec != std::errc() || ptr != plain.data() + plain.size() || !std::isfinite(value)) {
            if (bad_part)
                *bad_part = std::string(part);
            return std::nullopt;
        }
        numbers.push_back(value);
        i = end;
    }
    return numbers;
}

} // namespace vak::core
