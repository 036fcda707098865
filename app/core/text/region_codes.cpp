#include "core/text/region_codes.hpp"

#include "core/text/utf8.hpp"

#include <cctype>
#include <utility>

namespace vak::core {

namespace {

bool AllDigits(std::string_view s)
{
    if (s.empty())
        return false;
    for (char c : s)
        if (!std::isdigit(static_cast<unsigned char>(c)))
            return false;
    return true;
}

std::string_view LetterPrefix(std::string_view code)
{
    std::size_t n = 0;
    while (n < code.size() && std::isalpha(static_cast<unsigned char>(code[n])))
        ++n;
    return code.substr(0, n);
}

std::string Upper(std::string_view s)
{
    std::string out(s);
    for (char& c : out)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

} // namespace

RegionCodeMatcher::RegionCodeMatcher(const std::vector<std::string>& codes)
{
    bool first = true;
    bool same_prefix = true;
    int digits = -1;
    for (std::size_t i = 0; i < codes.size(); ++i) {
        const std::string_view code = codes[i];
        m_exact.emplace(Upper(code), static_cast<int>(i));
        const std::string_view prefix = LetterPrefix(code);
        const std::string_view rest = code.substr(prefix.size());
        if (first) {
            m_prefix = Upper(prefix);
            digits = AllDigits(rest) ? static_cast<int>(rest.size()) : 0;
            first = false;
        } else {
            same_prefix = same_prefix && Upper(prefix) == m_prefix;
            if (!AllDigits(rest) || static_cast<int>(rest.size()) != digits)
                digits = 0;
        }
    }
    if (!same_prefix)
        m_prefix.clear();
    m_digits = same_prefix && digits > 0 ? digits : 0;
}

int RegionCodeMatcher::Find(std::string_view raw) const
{
    const std::string code = Upper(Trim(raw));
    if (auto it = m_exact.find(code); it != m_exact.end())
        return it->second;
    const std::string padded = InLayerStyle(code);
    if (padded.empty())
        return -1;
    auto it = m_exact.find(padded);
    return it == m_exact.end() ? -1 : it->second;
}

std::string RegionCodeMatcher::InLayerStyle(std::string_view raw) const
{
    if (m_digits == 0)
        return {};
    // "285", "0285", "GM285" -> "GM0285"
    const std::string code = Upper(Trim(raw));
    std::string_view digits = code;
    if (!m_prefix.empty() && digits.starts_with(m_prefix))
        digits.remove_prefix(m_prefix.size());
    // Leading zeros beyond the width ("00285") are still the same number.
    while (digits.size() > 1 && digits.front() == '0' && static_cast<int>(digits.size()) > m_digits)
        digits.remove_prefix(1);
    if (!AllDigits(digits) || static_cast<int>(digits.size()) > m_digits)
        return {};
    return m_prefix + std::string(static_cast<std::size_t>(m_digits) - digits.size(), '0') + std::string(digits);
}

namespace {

// Official alternative names in common use, as pairs of keys; either may be the layer's.
constexpr std::pair<const char*, const char*> kNameAliases[] = {
    {"denhaag", "sgravenhage"},
    {"denbosch", "shertogenbosch"},
};

} // namespace

std::string RegionNameMatcher::Key(std::string_view name)
{
    std::string key;
    for (char c : RegionNameKey(Trim(name))) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x80 || std::isalnum(byte)) // punctuation left by RegionNameKey: "(", ")", ","
            key += c;
    }
    return key;
}

RegionNameMatcher::RegionNameMatcher(const std::vector<std::string>& names)
{
    for (std::size_t i = 0; i < names.size(); ++i) {
        const std::string key = Key(names[i]);
        if (key.empty())
            continue;
        auto [it, inserted] = m_by_key.emplace(key, static_cast<int>(i));
        if (!inserted)
            it->second = kAmbiguous;
    }
}

int RegionNameMatcher::Find(std::string_view raw) const
{
    const std::string key = Key(raw);
    if (key.empty())
        return -1;
    if (auto it = m_by_key.find(key); it != m_by_key.end())
        return it->second;
    for (const auto& [a, b] : kNameAliases) {
        const char* other = key == a ? b : key == b ? a : nullptr;
        if (!other)
            continue;
        if (auto it = m_by_key.find(other); it != m_by_key.end())
            return it->second;
    }
    return -1;
}

} // namespace vak::core
