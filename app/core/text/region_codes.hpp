// Matching region codes written in different ways: CBS writes "GM0285", DUO writes "285",
// others "0285"; CBS StatLine pads with spaces ("PV20  "). A RegionCodeMatcher learns the
// layer's style (letter prefix and digit count) and maps any of those spellings to it.
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

    const std::string& Prefix() const { return m_prefix; }
    int Digits() const { return m_digits; }

private:
    std::unordered_map<std::string, int> m_exact;
    std::string m_prefix; // "GM", "PV", "BU", or empty
    int m_digits = 0;     // digits after the prefix when all codes agree (4 for GM), else 0
};

} // namespace vak::core
