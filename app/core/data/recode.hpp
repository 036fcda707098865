// Converting region codes that no longer exist (municipalities merged or split since the table
// was made) to the codes of the boundaries it is joined to: old code -> new code(s), each with
// the share of the old region's figures it gets. Pure logic; io reads the conversion table from
// a file (io/region_recode.hpp).
#pragma once

#include "core/text/region_codes.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vak::core {

struct RecodeTarget {
    std::string code;  // the new code
    double share = 1;  // 0..1; the shares of one old code sum to 1
};

struct RecodeRule {
    std::string old_code;
    std::vector<RecodeTarget> targets; // in the order of the conversion table
};

class RecodeTable {
public:
    RecodeTable() = default;
    // `source`: where the rules come from (a file name), for notes and reasons.
    RecodeTable(std::string source, std::vector<RecodeRule> rules);

    // The rule for a table's region value, written in any spelling of an old code ("3", "0003",
    // "GM0003"), or nullptr when the value is not an old code.
    const RecodeRule* Find(std::string_view value) const;

    const std::string& Source() const { return m_source; }
    bool Empty() const { return m_rules.empty(); }
    const std::vector<RecodeRule>& Rules() const { return m_rules; }

private:
    std::string m_source;
    std::vector<RecodeRule> m_rules;
    std::optional<RegionCodeMatcher> m_old_codes;
};

// Splits a whole count over the targets' shares into whole parts that add up to `count`
// exactly (largest remainder): each part gets the floor of count x share, and the units left
// over go one each to the parts with the largest fractions (on a tie, the earlier target).
// Shares are normalised to sum to 1 first.
std::vector<std::int64_t> SplitCount(std::int64_t count, const std::vector<RecodeTarget>& targets);

// An amount (not a count) split the same way, without rounding: value x share.
std::vector<double> SplitAmount(double value, const std::vector<RecodeTarget>& targets);

} // namespace vak::core
