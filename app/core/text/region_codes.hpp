// Matching region codes written in different ways: CBS writes "GM0285", DUO writes "285",
// others "0285"; CBS StatLine pads with spaces ("PV20  "). A RegionCodeMatcher learns the
// layer's style (letter prefix and digit count) and maps any of those spellings to it.
// Matching region names, the fallback when a table has names instead of codes: a
// RegionNameMatcher compares normalised names exactly.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace vak::core {

class RegionCodeMatcher {
public:
    // `codes`: the codes of a region layer, e.g. all "GMxxxx".
    explicit RegionCodeMatcher(const std::vector<std::string>& codes);

    // Index into `codes` of the region `raw` refers to, or -1. Tries the exact code, then the
    // trimmed code, then the digits with the layer's prefix and zero-padding.
    int Find(std::string_view raw) const;

    // `raw` in the layer's style ("3" -> "GM0003") whether or not the layer has that code; empty
    // when it does not fit the style (other prefix, too many digits, letters) or the layer's
    // codes have no common style.
    std::string InLayerStyle(std::string_view raw) const;

    const std::string& Prefix() const { return m_prefix; }
    int Digits() const { return m_digits; }

private:
    std::unordered_map<std::string, int> m_exact;
    std::string m_prefix; // "GM", "PV", "BU", or empty
    int m_digits = 0;     // digits after the prefix when all codes agree (4 for GM), else 0
};

// Names are compared by a key: RegionNameKey (case and accents folded, "Friesland" =
// "Fryslân") without any remaining punctuation, so "SÚDWEST-FRYSLÂN", "Súdwest Fryslân" and
// "Bergen (NH.)" / "BERGEN NH" meet; then the keys must be equal. A few official alternative
// names ("Den Haag" for "'s-Gravenhage", "Den Bosch" for "'s-Hertogenbosch") are tried only
// when the layer has no feature under the name itself. A name that several features share is
// ambiguous and never matched.
class RegionNameMatcher {
public:
    static constexpr int kAmbiguous = -2;

    // `names`: the names of a region layer's features, in feature order.
    explicit RegionNameMatcher(const std::vector<std::string>& names);

    // Index into `names` of the feature called `raw`, -1 when none is, kAmbiguous when several are.
    int Find(std::string_view raw) const;

    // The comparison key of a name ("'s-Gravenhage" -> "sgravenhage").
    static std::string Key(std::string_view name);

private:
    std::unordered_map<std::string, int> m_by_key; // kAmbiguous for shared keys
};

} // namespace vak::core
