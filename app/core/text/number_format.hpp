// Numbers as people read them, in Dutch (default) or English: thousands separators
// ("12.500" / "12,500"), the Dutch decimal comma ("1,5"), percentages ("-12,3 %" / "-12.3%"),
// signed changes ("+3,2 %"), compact labels for large values ("1,2 mln" / "1.2M") and round
// axis ticks. Pure text: no ImGui, no C locale (std::to_chars), so it is the same everywhere.
//
// Rounding is half away from zero (as spreadsheets and CBS tables do). A value that rounds to
// zero is written without a sign ("0,0", never "-0,0"). Unknown values (NaN) and infinities are
// written as an en dash "–": a number never stands in for a value that is not there.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vak::core {

enum class NumberLocale { Dutch, English };

// The text written for a value that is not a finite number: an en dash (U+2013).
inline constexpr const char* kNoNumberText = "\xE2\x80\x93";

// 12500 -> "12.500" (nl) / "12,500" (en); 1.5 with 1 decimal -> "1,5" / "1.5".
std::string FormatNumber(double value, int decimals, NumberLocale locale);

// Like FormatNumber with a "+" before positive values: "+1.200", "-35", "0".
std::string FormatSignedNumber(double value, int decimals, NumberLocale locale);

// `percent` in percent units (12.3 means 12,3 %): "-12,3 %" (nl) / "-12.3%" (en).
std::string FormatPercent(double percent, int decimals, NumberLocale locale);

// A change in percent with its sign always shown: "+3,2 %", "-0,8 %", "0,0 %".
std::string FormatSignedPercent(double percent, int decimals, NumberLocale locale);

// Short text for any magnitude: below a million as FormatNumber ("999.999"), then millions
// and billions with at most one decimal, ",0" dropped: "1,2 mln", "12,5 mln", "125 mln",
// "3 mld" (nl) / "1.2M", "3B" (en).
std::string FormatCompact(double value, NumberLocale locale, int decimals_below_million = 0);

// How a value is written in a table cell, tooltip or bar label.
enum class NumberStyle {
    Plain,         // "12.500"
    Signed,        // "+12.500"
    Percent,       // "12,5 %"  (value in percent units)
    SignedPercent, // "+12,5 %" (value in percent units)
    Compact,       // "1,2 mln"
};

struct NumberFormat {
    NumberStyle style = NumberStyle::Plain;
    int decimals = 0;
};

std::string FormatValue(double value, const NumberFormat& format, NumberLocale locale);

// Round tick values covering [min, max]: steps of 1, 2, 2.5 or 5 times a power of ten, chosen
// so that about `target_count` ticks result; the first tick is at or below min and the last
// at or above max. min > max is swapped; min == max gets a small range around the value
// (0 -> 0..1); non-finite input gives no ticks. Tick values are the nearest doubles to the
// decimal values (0.3, not 0.30000000000000004).
std::vector<double> NiceTicks(double min, double max, int target_count);

// Numbers a user typed, separated by ';' or spaces, read in the locale they were written in:
// Dutch "0; 1.000; 2,5" and English "0; 1,000; 2.5" both give {0, 1000, 2.5}. nullopt when a
// part is not a number, with `bad_part` (if given) set to that part.
std::optional<std::vector<double>> ParseNumberList(std::string_view text, NumberLocale locale,
                                                   std::string* bad_part = nullptr);

// The step NiceTicks uses for a range of `span` split into about `intervals` parts.
double NiceStep(double span, int intervals);

// Fewest decimals that write `step` exactly: 5 -> 0, 2.5 -> 1, 0.25 -> 2 (at most 12).
int DecimalsForStep(double step);

// Fewest decimals (at most 4) that write each of the ascending `edges` (a legend's class
// edges) differently from its neighbour: none when all are whole numbers, "18,4 – 20,1" rather
// than "18,4080 – 20,0931". Equal neighbours need not differ.
int DecimalsToTellApart(const std::vector<double>& edges);

// One text per tick of an axis whose ticks are `step` apart and reach `max_abs` at most:
// one unit and one number of decimals for all ticks, so the labels read as a scale
// ("0", "0,5 mln", "1,0 mln", "1,5 mln"; "0,0 %", "2,5 %", "5,0 %"); zero is always "0" for
// plain numbers. Millions from max_abs >= 1 000 000, billions from 1 000 000 000. Only Percent and SignedPercent
// styles are honoured from `style`; other styles give plain or compact numbers.
std::string FormatAxisTick(double value, double step, double max_abs, NumberStyle style, NumberLocale locale);

} // namespace vak::core
