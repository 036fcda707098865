#include "core/selection.hpp"

namespace vak::core {

void Selection::SelectOnly(const std::string& code)
{
    if (m_codes.size() == 1 && Contains(code))
        return;
    m_codes = {code};
    ++m_version;
}

void Selection::Toggle(const std::string& code)
{
    if (!m_codes.erase(code))
        m_codes.insert(code);
    ++m_version;
}

void Selection::Assign(std::set<std::string> codes)
{
    m_codes = std::move(codes);
    ++m_version;
}

void Selection::Clear()
{
    if (m_codes.empty())
        return;
    m_codes.clear();
    ++m_version;
}

} // namespace vak::core
