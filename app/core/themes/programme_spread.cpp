#include "core/themes/programme_spread.hpp"

#include "core/errors.hpp"
#include "core/text/utf8.hpp"

#include <algorithm>
#include <cmath>

namespace vak::core::themes {

bool Matches(const Programme& programme, const ProgrammeFilter& filter)
{
    if (!filter.chambers.empty() && !filter.chambers.count(programme.chamber))
        return false;
    if (!filter.levels.empty() && !filter.levels.count(programme.level))
        return false;
    const std::string_view search = Trim(filter.search);
    if (search.empty())
        return true;
    if (programme.crebo.rfind(std::string(search), 0) == 0)
        return true;
    const std::string key = RegionNameKey(search);
    return !key.empty() && RegionNameKey(programme.name).find(key) != std::string::npos;
}

namespace {

struct Columns {
    int location = -1, crebo = -1, brin = -1, path = -1, period = -1;
};

Columns FindColumns(const LevelTable& t)
{
    Columns c;
    c.location = t.Column({"vestiging_code", "vestigingscode", "vestiging"});
    c.crebo = t.Column({"crebo", "crebo_code", "crebocode", "opleidingscode"});
    c.brin = t.Column({"brin", "instellingscode", "brin_code"});
    c.path = t.Column({"leerweg", "leerwegen", "learning_path"});
    c.period = t.Period();
    if (c.location < 0 || c.crebo < 0 || t.table->measures.empty())
        throw InputError("table " + t.table->name + ": enrolment needs a location code, a crebo and a students column");
    return c;
}

// The year, the programmes passing the filter and the learning path as engine filters.
agg::FilterSet Filters(const LevelTable& t, const Columns& c, const std::string& year, const ProgrammeFilter& filter,
                       const std::vector<Programme>& catalogue)
{
    const agg::FactTable& table = *t.table;
    agg::FilterSet filters;
    if (c.period >= 0) {
        const long y = table.FindCode(c.period, year);
        filters.Restrict(c.period, y >= 0 ? std::vector<std::uint32_t>{std::uint32_t(y)} : std::vector<std::uint32_t>{},
                         table.dimensions[std::size_t(c.period)].Cardinality());
    }
    const bool any_programme = filter.chambers.empty() && filter.levels.empty() && Trim(filter.search).empty();
    if (!any_programme) {
        const std::map<std::string, int> index = CatalogueIndex(catalogue);
        const agg::FactDimension& crebos = table.dimensions[std::size_t(c.crebo)];
        std::vector<std::uint32_t> allowed;
        for (std::uint32_t code = 0; code < crebos.Cardinality(); ++code) {
            const auto it = index.find(crebos.labels[code]);
            // A crebo the catalogue lacks can only be found by its code.
            Programme bare;
            bare.crebo = crebos.labels[code];
            const Programme& p = it != index.end() ? catalogue[std::size_t(it->second)] : bare;
            if (Matches(p, filter))
                allowed.push_back(code);
        }
        filters.Restrict(c.crebo, allowed, crebos.Cardinality());
    }
    if (filter.path != LearningPath::Any && c.path >= 0) {
        const agg::FactDimension& paths = table.dimensions[std::size_t(c.path)];
        std::vector<std::uint32_t> allowed;
        for (std::uint32_t code = 0; code < paths.Cardinality(); ++code)
            if (ParseLearningPath(paths.labels[code]) == filter.path)
                allowed.push_back(code);
        filters.Restrict(c.path, allowed, paths.Cardinality());
    }
    return filters;
}

} // namespace

std::map<std::string, RegionValue> DistinctProgrammesPerRegion(agg::Engine& engine, const LevelTable& enrolment,
                                                               const std::string& level, const std::string& year,
                                                               const ProgrammeFilter& filter,
                                                               const std::vector<Programme>& catalogue)
{
    const Columns c = FindColumns(enrolment);
    const int region = enrolment.Level(level);
    if (region < 0)
        throw InputError("table " + enrolment.table->name + ": no region level " + level);
    agg::ViewSpec view;
    view.aggregate = agg::Aggregate::CountDistinct;
    view.measure = 0; // a known 0 does not offer the programme, a "<5" does
    view.distinct_dimension = c.crebo;
    view.group_by[0] = region;
    engine.Load(enrolment.table);
    const agg::ViewResult r = engine.Compute(Filters(enrolment, c, year, filter, catalogue), {view}).front();
    std::map<std::string, RegionValue> counts;
    const auto& labels = enrolment.table->dimensions[std::size_t(region)].labels;
    for (std::size_t g = 0; g < r.GroupCount(); ++g)
        if (r.states[g] != agg::GroupState::Empty && !labels[g].empty())
            counts[labels[g]] = {r.Value(g), agg::GroupState::Known, 0};
    return counts;
}

std::vector<ProgrammeLocations> LocationsPerProgramme(agg::Engine& engine, const LevelTable& enrolment,
                                                      const std::string& year, const ProgrammeFilter& filter,
                                                      const std::vector<Programme>& catalogue, int unique_max)
{
    const Columns c = FindColumns(enrolment);
    agg::ViewSpec view;
    view.aggregate = agg::Aggregate::CountDistinct;
    view.measure = 0;
    view.distinct_dimension = c.location;
    view.group_by[0] = c.crebo;
    engine.Load(enrolment.table);
    const agg::ViewResult r = engine.Compute(Filters(enrolment, c, year, filter, catalogue), {view}).front();
    std::vector<ProgrammeLocations> result;
    const auto& labels = enrolment.table->dimensions[std::size_t(c.crebo)].labels;
    for (std::size_t g = 0; g < r.GroupCount(); ++g) {
        const int locations = static_cast<int>(r.values[g]);
        if (locations == 0)
            continue; // not offered anywhere that year
        result.push_back({labels[g], locations, locations <= unique_max});
    }
    std::sort(result.begin(), result.end(),
              [](const ProgrammeLocations& a, const ProgrammeLocations& b) { return a.crebo < b.crebo; });
    return result;
}

std::map<std::string, RegionValue> StudentsPerLocation(agg::Engine& engine, const LevelTable& enrolment,
                                                       const std::string& year, const ProgrammeFilter& filter,
                                                       const std::vector<Programme>& catalogue)
{
    const Columns c = FindColumns(enrolment);
    agg::ViewSpec sum;
    sum.measure = 0;
    sum.group_by[0] = c.location;
    agg::ViewSpec offered = sum; // a location whose rows are all known zeros offers nothing
    offered.aggregate = agg::Aggregate::CountDistinct;
    offered.distinct_dimension = c.crebo;
    engine.Load(enrolment.table);
    const std::vector<agg::ViewResult> r = engine.Compute(Filters(enrolment, c, year, filter, catalogue), {sum, offered});
    std::map<std::string, RegionValue> students;
    const auto& labels = enrolment.table->dimensions[std::size_t(c.location)].labels;
    for (std::size_t g = 0; g < r[0].GroupCount(); ++g) {
        if (r[0].states[g] == agg::GroupState::Empty || r[1].values[g] == 0)
            continue;
        students[labels[g]] = {r[0].states[g] == agg::GroupState::Known ? r[0].Value(g) : 0.0, r[0].states[g],
                               r[0].suppressed[g]};
    }
    return students;
}

std::vector<double> SymbolLegendValues(double largest)
{
    // The largest of 1, 2, 5 x 10^k not above `value`.
    const auto nice_below = [](double value) {
        if (!(value >= 1))
            return 0.0;
        double step = std::pow(10.0, std::floor(std::log10(value)));
        for (double m : {5.0, 2.0, 1.0})
            if (m * step <= value * (1 + 1e-12))
                return m * step;
        return step;
    };
    std::vector<double> values;
    for (double v : {nice_below(largest), nice_below(largest / 4), nice_below(largest / 20)})
        if (v > 0 && (values.empty() || v < values.back()))
            values.push_back(v);
    return values;
}

SmallState ClassifySize(double known, std::int64_t suppressed, std::int64_t missing, double threshold, double* low,
                        double* high)
{
    const double lo = known + 1.0 * static_cast<double>(suppressed);
    const double hi = known + 4.0 * static_cast<double>(suppressed);
    if (low)
        *low = lo;
    if (high)
        *high = hi;
    if (lo >= threshold)
        return SmallState::NotSmall; // whatever the unknown parts are, it is large enough
    if (missing > 0)
        return SmallState::Unknown; // a part of no value at all may hold any number
    return hi < threshold ? SmallState::Small : SmallState::Unknown;
}

std::vector<InstitutionProgramme> ProgrammesAtInstitutions(agg::Engine& engine, const LevelTable& enrolment,
                                                           const std::string& year, const ProgrammeFilter& filter,
                                                           const std::vector<Programme>& catalogue,
                                                           double small_threshold)
{
    const Columns c = FindColumns(enrolment);
    if (c.brin < 0)
        throw InputError("table " + enrolment.table->name + ": no institution (brin) column");
    agg::ViewSpec sum;
    sum.measure = 0;
    sum.group_by[0] = c.brin;
    sum.group_by[1] = c.crebo;
    agg::ViewSpec known = sum; // rows with a known value: the rest are "<5" or missing
    known.aggregate = agg::Aggregate::Count;
    agg::ViewSpec offered = sum; // offered (known > 0 or "<5") at all
    offered.aggregate = agg::Aggregate::CountDistinct;
    offered.distinct_dimension = c.crebo;
    engine.Load(enrolment.table);
    const std::vector<agg::ViewResult> r =
        engine.Compute(Filters(enrolment, c, year, filter, catalogue), {sum, known, offered});
    const agg::FactTable& t = *enrolment.table;
    const std::uint32_t crebos = t.dimensions[std::size_t(c.crebo)].Cardinality();
    std::vector<InstitutionProgramme> result;
    for (std::size_t g = 0; g < r[0].GroupCount(); ++g) {
        if (r[0].states[g] == agg::GroupState::Empty || r[2].values[g] == 0)
            continue;
        InstitutionProgramme p;
        p.brin = t.dimensions[std::size_t(c.brin)].labels[g / crebos];
        p.crebo = t.dimensions[std::size_t(c.crebo)].labels[g % crebos];
        p.students = {r[0].Value(g), r[0].states[g], r[0].suppressed[g]};
        p.missing = r[0].rows[g] - r[1].values[g] - r[0].suppressed[g];
        p.size = ClassifySize(r[0].states[g] == agg::GroupState::Known ? r[0].Value(g) : 0.0, r[0].suppressed[g],
                              p.missing, small_threshold, &p.low, &p.high);
        result.push_back(std::move(p));
    }
    return result;
}

} // namespace vak::core::themes
