#include "core/text/utf8.hpp"

#include <cstdint>

namespace vak::core {

bool IsValidUtf8(std::string_view text)
{
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    for (std::size_t i = 0; i < n;) {
        const unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int len = 0;
        std::uint32_t cp = 0;
        if ((c & 0xE0) == 0xC0) {
            len = 2;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (i + len > n)
            return false;
        for (int k = 1; k < len; ++k) {
            if ((s[i + k] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        static constexpr std::uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += len;
    }
    return true;
}

std::string AsciiLower(std::string_view text)
{
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string_view Trim(std::string_view text)
{
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos)
        return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

namespace {

// Latin-1 supplement and Latin Extended-A letters that occur in Dutch and Frisian names,
// folded to their base letter. Two-byte UTF-8 sequences only.
char FoldTwoByte(unsigned char lead, unsigned char trail)
{
    const unsigned cp = ((lead & 0x1Fu) << 6) | (trail & 0x3Fu);
    if ((cp >= 0xC0 && cp <= 0xC5) || (cp >= 0xE0 && cp <= 0xE5) || (cp >= 0x100 && cp <= 0x105))
        return 'a';
    if (cp == 0xC7 || cp == 0xE7)
        return 'c';
    if ((cp >= 0xC8 && cp <= 0xCB) || (cp >= 0xE8 && cp <= 0xEB) || (cp >= 0x112 && cp <= 0x11B))
        return 'e';
    if ((cp >= 0xCC && cp <= 0xCF) || (cp >= 0xEC && cp <= 0xEF))
        return 'i';
    if (cp == 0xD1 || cp == 0xF1)
        return 'n';
    if ((cp >= 0xD2 && cp <= 0xD6) || (cp >= 0xF2 && cp <= 0xF6) || cp == 0xD8 || cp == 0xF8)
        return 'o';
    if ((cp >= 0xD9 && cp <= 0xDC) || (cp >= 0xF9 && cp <= 0xFC))
        return 'u';
    if (cp == 0xDD || cp == 0xFD || cp == 0xFF)
        return 'y';
    return 0;
}

} // namespace

std::string RegionNameKey(std::string_view name)
{
    std::string key;
    const auto* s = reinterpret_cast<const unsigned char*>(name.data());
    for (std::size_t i = 0; i < name.size(); ++i) {
        const unsigned char c = s[i];
        if (c < 0x80) {
            if (c == ' ' || c == '-' || c == '.' || c == '\'' || c == '\t' || c == '_')
                continue;
            key += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        } else if ((c & 0xE0) == 0xC0 && i + 1 < name.size()) {
            const char folded = FoldTwoByte(c, s[i + 1]);
            if (folded)
                key += folded;
            else
                key.append(name.substr(i, 2));
            ++i;
        } else {
            key += static_cast<char>(c);
        }
    }
    // Official name changes that keep both spellings in circulation.
    if (key == "friesland")
        return "fryslan";
    return key;
}

} // namespace vak::core
