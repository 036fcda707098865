#include "core/data/recode.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace vak::core {

namespace {

std::vector<double> NormalisedShares(const std::vector<RecodeTarget>& targets)
{
    double total = 0;
    for (const RecodeTarget& t : targets)
        total += t.share;
    std::vector<double> shares;
    for (const RecodeTarget& t : targets)
        shares.push_back(total > 0 ? t.share / total : 1.0 / static_cast<double>(targets.size()));
    return shares;
}

} // namespace

RecodeTable::RecodeTable(std::string source, std::vector<RecodeRule> rules) : m_source(std::move(source)), m_rules(std::move(rules))
{
    std::vector<std::string> old_codes;
    for (const RecodeRule& rule : m_rules)
        old_codes.push_back(rule.old_code);
    m_old_codes.emplace(old_codes);
}

const RecodeRule* RecodeTable::Find(std::string_view value) const
{
    if (!m_old_codes)
        return nullptr;
    const int index = m_old_codes->Find(value);
    return index < 0 ? nullptr : &m_rules[static_cast<std::size_t>(index)];
}

std::vector<std::int64_t> SplitCount(std::int64_t count, const std::vector<RecodeTarget>& targets)
{
    const std::vector<double> shares = NormalisedShares(targets);
    const std::size_t n = shares.size();
    std::vector<std::int64_t> parts(n);
    std::vector<double> fractions(n);
    std::int64_t given = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double exact = static_cast<double>(count) * shares[i];
        parts[i] = static_cast<std::int64_t>(std::floor(exact));
        fractions[i] = exact - static_cast<double>(parts[i]);
        given += parts[i];
    }
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return fractions[a] > fractions[b]; });
    // What is left is less than n units; binary rounding can at most leave it a unit off the
    // other way, taken back from the smallest fractions.
    for (std::size_t k = 0; given < count && n > 0; k = (k + 1) % n, ++given)
        ++parts[order[k]];
    for (std::size_t k = n; given > count && k > 0; --k)
        if (parts[order[k - 1]] > 0) {
            --parts[order[k - 1]];
            --given;
        }
    return parts;
}

std::vector<double> SplitAmount(double value, const std::vector<RecodeTarget>& targets)
{
    std::vector<double> parts;
    for (double share : NormalisedShares(targets))
        parts.push_back(value * share);
    return parts;
}

} // namespace vak::core
