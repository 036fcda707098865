// The regions the user picked on the map (click, shift-click), by code. One object shared by
// every panel; the version counter tells views that cache something to rebuild it.
#pragma once

#include <cstdint>
#include <set>
#include <string>

namespace vak::core {

class Selection {
public:
    void SelectOnly(const std::string& code);
    void Toggle(const std::string& code);
    void Clear();
    void Assign(std::set<std::string> codes);
    bool Contains(const std::string& code) const { return m_codes.count(code) > 0; }
    bool Empty() const { return m_codes.empty(); }
    const std::set<std::string>& Codes() const { return m_codes; }
    std::uint64_t Version() const { return m_version; }

private:
    std::set<std::string> m_codes;
    std::uint64_t m_version = 0;
};

} // namespace vak::core
