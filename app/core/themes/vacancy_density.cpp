#include "core/themes/vacancy_density.hpp"

#include "core/errors.hpp"
#include "core/text/utf8.hpp"

#include <set>

namespace vak::core::themes {

Denominator ChooseDenominator(const std::vector<std::string>& labels)
{
    for (const std::string& label : labels) {
        const std::string key = RegionNameKey(label); // lower case, no spaces, hyphens or underscores
        for (const char* band : {"1574", "1564", "2064", "beroepsbevolking", "werkzameleeftijd", "workingage"})
            if (key.find(band) != std::string::npos)
                return {label, true};
    }
    for (const char* name : {"inwoners", "bevolking", "population", "inhabitants"})
        for (const std::string& label : labels)
            if (RegionNameKey(label) == name)
                return {label, false};
    return {};
}

RegionValue Ratio(const RegionValue& numerator, const RegionValue& denominator, double scale)
{
    RegionValue r;
    r.suppressed = numerator.suppressed + denominator.suppressed;
    if (numerator.state == agg::GroupState::Known && denominator.state == agg::GroupState::Known &&
        denominator.value > 0) {
        r.state = agg::GroupState::Known;
        r.value = numerator.value / denominator.value * scale;
    } else if (numerator.state != agg::GroupState::Empty || denominator.state != agg::GroupState::Empty) {
        r.state = agg::GroupState::Unknown;
    }
    return r;
}

VacancyDensity ComputeVacancyDensity(const std::map<std::string, RegionValue>& vacancies,
                                     const std::map<std::string, RegionValue>& population,
                                     const RegionLayer& municipalities, const std::string& level,
                                     const Denominator& denominator)
{
    VacancyDensity result;
    result.denominator = denominator;
    const std::map<std::string, RegionValue> people =
        level == municipalities.name ? population : RollUp(population, municipalities, level, &result.unplaced);
    std::set<std::string> regions;
    for (const auto& [code, v] : vacancies)
        regions.insert(code);
    for (const auto& [code, v] : people)
        regions.insert(code);
    for (const std::string& code : regions) {
        RegionDensity d;
        d.region = code;
        if (const auto it = vacancies.find(code); it != vacancies.end())
            d.vacancies = it->second;
        if (const auto it = people.find(code); it != people.end())
            d.population = it->second;
        d.per_thousand = Ratio(d.vacancies, d.population, 1000.0);
        result.regions.push_back(std::move(d));
    }
    return result;
}

std::vector<RegionTension> ComputeTension(const RegionTable& vacancies, const RegionTable& students)
{
    std::set<std::pair<std::string, std::string>> pairs;
    for (const RegionTable* t : {&vacancies, &students})
        for (const auto& [region, chambers] : *t)
            for (const auto& [chamber, v] : chambers)
                pairs.emplace(region, chamber);
    auto find = [](const RegionTable& t, const std::string& region, const std::string& chamber) {
        const auto r = t.find(region);
        if (r == t.end())
            return RegionValue{};
        const auto c = r->second.find(chamber);
        return c == r->second.end() ? RegionValue{} : c->second;
    };
    std::vector<RegionTension> result;
    for (const auto& [region, chamber] : pairs) {
        RegionTension t;
        t.region = region;
        t.chamber = chamber;
        t.vacancies = find(vacancies, region, chamber);
        t.students = find(students, region, chamber);
        t.per_student = Ratio(t.vacancies, t.students);
        result.push_back(std::move(t));
    }
    return result;
}

RegionTable StudentsPerRegionAndChamber(agg::Engine& engine, const LevelTable& enrolment, const std::string& level,
                                        const std::string& year, const std::vector<Programme>& catalogue)
{
    const int crebo = enrolment.Column({"crebo", "crebo_code", "crebocode", "opleidingscode"});
    if (crebo < 0)
        throw InputError("table " + enrolment.table->name + ": no crebo column");
    const int period = enrolment.Period();
    std::vector<Where> where;
    if (period >= 0)
        where.push_back({enrolment.table->dimensions[std::size_t(period)].name, year});
    const RegionTable per_crebo = SumPerRegionAndColumn(engine, enrolment, level,
                                                        enrolment.table->dimensions[std::size_t(crebo)].name, where);
    const std::map<std::string, int> index = CatalogueIndex(catalogue);
    RegionTable result;
    for (const auto& [region, crebos] : per_crebo) {
        std::map<std::string, RegionSum> sums;
        for (const auto& [code, value] : crebos) {
            const auto it = index.find(code);
            sums[it != index.end() ? catalogue[std::size_t(it->second)].chamber : std::string()].Add(value);
        }
        for (const auto& [chamber, sum] : sums)
            result[region][chamber] = sum.Result();
    }
    return result;
}

std::map<std::string, RegionValue> TensionPerRegion(const std::vector<RegionTension>& tension,
                                                    const std::string& chamber)
{
    std::map<std::string, RegionValue> result;
    if (!chamber.empty()) {
        for (const RegionTension& t : tension)
            if (t.chamber == chamber)
                result[t.region] = t.per_student;
        return result;
    }
    std::map<std::string, std::pair<RegionValue, RegionValue>> sums; // region -> vacancies, students
    const auto add = [](RegionValue& to, const RegionValue& v) {
        if (v.state == agg::GroupState::Empty)
            return;
        to.suppressed += v.suppressed;
        if (v.state == agg::GroupState::Known) {
            to.value += v.value;
            to.state = agg::GroupState::Known;
        } else if (to.state == agg::GroupState::Empty) {
            to.state = agg::GroupState::Unknown;
        }
    };
    for (const RegionTension& t : tension) {
        if (t.chamber.empty())
            continue;
        auto& [vacancies, students] = sums[t.region];
        add(vacancies, t.vacancies);
        add(students, t.students);
    }
    for (const auto& [region, parts] : sums)
        result[region] = Ratio(parts.first, parts.second);
    return result;
}

} // namespace vak::core::themes
