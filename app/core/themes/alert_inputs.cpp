#include "core/themes/alert_inputs.hpp"

#include "core/data/period.hpp"
#include "core/errors.hpp"
#include "core/themes/programme_spread.hpp"

#include <algorithm>
#include <optional>
#include <tuple>

namespace vak::core::themes {

std::string PeriodUpTo(const std::vector<std::string>& labels, const std::string& year)
{
    if (std::find(labels.begin(), labels.end(), year) != labels.end())
        return year;
    const std::optional<Period> target = ParsePeriod(year);
    std::optional<Period> best;
    std::string best_label;
    for (const std::string& label : labels) {
        const std::optional<Period> p = ParsePeriod(label);
        if (!p)
            continue;
        // A whole year takes every quarter of it; a quarter only the ones up to it.
        const bool fits = !target || p->year < target->year ||
                          (p->year == target->year && (target->quarter == 0 || p->quarter <= target->quarter));
        if (fits && (!best || std::tie(p->year, p->quarter) > std::tie(best->year, best->quarter))) {
            best = p;
            best_label = label;
        }
    }
    return best_label;
}

namespace {

const std::vector<std::string>& PeriodLabels(const LevelTable& table)
{
    static const std::vector<std::string> none;
    const int period = table.Period();
    return period >= 0 ? table.table->dimensions[std::size_t(period)].labels : none;
}

std::string DimensionName(const LevelTable& table, int dim)
{
    return dim >= 0 ? table.table->dimensions[std::size_t(dim)].name : std::string();
}

// `level` when the table has it, else its finest level.
std::string LevelOf(const LevelTable& table, const std::string& level)
{
    if (table.levels.empty())
        return {};
    return std::find(table.levels.begin(), table.levels.end(), level) != table.levels.end() ? level
                                                                                            : table.levels.front();
}

// location -> region of `level`, from the rows of the enrolment (a location lies in one region).
std::map<std::string, std::string> LocationRegions(agg::Engine& engine, const LevelTable& enrolment,
                                                   const std::string& level)
{
    const int location = enrolment.Column({"vestiging_code", "vestigingscode", "vestiging"});
    if (location < 0)
        throw InputError("table " + enrolment.table->name + ": no location code column (expected vestiging_code)");
    std::map<std::string, std::string> regions;
    for (const auto& [region, locations] :
         SumPerRegionAndColumn(engine, enrolment, level, DimensionName(enrolment, location), {}))
        for (const auto& [code, students] : locations)
            regions.emplace(code, region);
    return regions;
}

// brin -> its first location code, from the rows of the enrolment.
std::map<std::string, std::string> FirstLocations(agg::Engine& engine, const LevelTable& enrolment)
{
    const agg::FactTable& t = *enrolment.table;
    const int location = enrolment.Column({"vestiging_code", "vestigingscode", "vestiging"});
    const int brin = enrolment.Column({"brin", "instellingscode", "brin_code"});
    if (location < 0 || brin < 0)
        throw InputError("table " + t.name + ": no institution (brin) or location code column");
    agg::ViewSpec pairs;
    pairs.aggregate = agg::Aggregate::Count;
    pairs.group_by[0] = brin;
    pairs.group_by[1] = location;
    engine.Load(enrolment.table);
    const agg::ViewResult r = engine.Compute({}, {pairs}).front();
    const auto& brins = t.dimensions[std::size_t(brin)].labels;
    const auto& locations = t.dimensions[std::size_t(location)].labels;
    std::map<std::string, std::string> first;
    for (std::size_t g = 0; g < r.GroupCount(); ++g) {
        if (r.rows[g] == 0)
            continue;
        const std::string& code = locations[g % locations.size()];
        auto [it, added] = first.emplace(brins[g / locations.size()], code);
        if (!added && code < it->second)
            it->second = code;
    }
    return first;
}

} // namespace

AlertInputs BuildAlertInputs(agg::Engine& engine, const ThemeInputs& inputs, const std::string& level,
                             const std::string& year, AlertInputsSources* sources)
{
    AlertInputs out;
    AlertInputsSources found;
    // Each table on its own: one that cannot be read leaves the others' rules working.
    auto attempt = [&](auto&& build) {
        try {
            build();
        } catch (const InputError& e) {
            found.problems.push_back(e.what());
        }
    };

    const LevelTable& enrolment = inputs.enrolment;
    const LevelTable& population = inputs.population;
    if (enrolment.table) {
        found.enrolment_level = LevelOf(enrolment, level);
        found.enrolment_year = PeriodUpTo(PeriodLabels(enrolment), year);
        // A table without periods is one year: read whole.
        const std::string& in_year = enrolment.Period() >= 0 ? found.enrolment_year : year;
        if (enrolment.Period() < 0 || !found.enrolment_year.empty()) {
            attempt([&] {
                out.programmes = ProgrammesAtInstitutions(engine, enrolment, in_year, {}, inputs.catalogue);
            });
            attempt([&] {
                out.programme_locations = LocationsPerProgramme(engine, enrolment, in_year, {}, inputs.catalogue);
                out.offers = ReadOffers(engine, enrolment, in_year);
            });
            attempt([&] {
                std::vector<Where> where;
                if (enrolment.Period() >= 0)
                    where.push_back({DimensionName(enrolment, enrolment.Period()), in_year});
                out.students_per_region = SumPerRegion(engine, enrolment, found.enrolment_level, where);
            });
        }
        attempt([&] {
            const std::map<std::string, std::string> regions = LocationRegions(engine, enrolment, found.enrolment_level);
            for (const auto& [brin, location] : FirstLocations(engine, enrolment))
                if (const auto it = regions.find(location); it != regions.end())
                    out.institution_region.emplace(brin, it->second);
        });
    }

    if (population.table && population.Period() >= 0) {
        found.pupils_level = LevelOf(population, level);
        attempt([&] {
            std::vector<Where> where;
            const int quantity = population.Column({"maat", "indicator", "onderwerp"});
            if (quantity >= 0) {
                const auto& labels = population.table->dimensions[std::size_t(quantity)].labels;
                const auto mbo = std::find(labels.begin(), labels.end(), "mbo_studenten");
                found.pupils_quantity = mbo != labels.end() ? *mbo : labels.empty() ? std::string() : labels.front();
                where.push_back({DimensionName(population, quantity), found.pupils_quantity});
            }
            out.pupils = SumPerRegionAndPeriod(engine, population, found.pupils_level, where);
            out.reference_year = PeriodUpTo(PeriodLabels(population), year);
        });
        // The unique-programme rule asks whether a location's region shrinks: the same level.
        if (enrolment.table && std::find(enrolment.levels.begin(), enrolment.levels.end(), found.pupils_level) !=
                                   enrolment.levels.end())
            attempt([&] { out.location_region = LocationRegions(engine, enrolment, found.pupils_level); });
    }

    const LevelTable& vacancies = inputs.vacancies;
    if (vacancies.table && vacancies.Period() >= 0) {
        found.vacancies_level = LevelOf(vacancies, level);
        attempt([&] {
            const std::vector<std::string>& labels = PeriodLabels(vacancies);
            const std::string to = PeriodUpTo(labels, year);
            const std::optional<Period> p = ParsePeriod(to);
            if (!p)
                return;
            // The same quarter a year earlier, as the table writes it ("2024KW4").
            std::string from;
            for (const std::string& label : labels)
                if (const std::optional<Period> q = ParsePeriod(label); q && q->year == p->year - 1 && q->quarter == p->quarter)
                    from = label;
            if (from.empty())
                return;
            out.vacancies = SumPerRegionAndPeriod(engine, vacancies, found.vacancies_level, {});
            out.vacancy_from = from;
            out.vacancy_to = to;
        });
    }

    if (sources)
        *sources = std::move(found);
    return out;
}

} // namespace vak::core::themes
