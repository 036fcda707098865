// Small text helpers used wherever names from files are compared or shown.
#pragma once

#include <string>
#include <string_view>

namespace vak::core {

// True when `text` is well-formed UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF).
bool IsValidUtf8(std::string_view text);

// A key for comparing region names from different sources: lower case, accents folded
// (â -> a, ë -> e), spaces, hyphens, dots and apostrophes removed, and known official aliases
// mapped to one spelling ("Friesland" and "Fryslân" -> "fryslan"; "'s-Gravenhage" and
// "Den Haag" stay different: those are different names, not spellings).
std::string RegionNameKey(std::string_view name);

// ASCII letters in lower case; other bytes (UTF-8 included) unchanged.
std::string AsciiLower(std::string_view text);

// Leading and trailing ASCII whitespace removed ("PV20  " -> "PV20").
std::string_view Trim(std::string_view text);

} // namespace vak::core
