#include "core/themes/theme_data.hpp"

#include "core/aggregate/fact_table.hpp"
#include "core/aggregate/parent_levels.hpp"
#include "core/errors.hpp"
#include "core/text/utf8.hpp"

#include <algorithm>
#include <charconv>
#include <unordered_map>

namespace vak::core::themes {

LearningPath ParseLearningPath(std::string_view text)
{
    const std::string lower = AsciiLower(Trim(text));
    if (lower == "bol")
        return LearningPath::Bol;
    if (lower == "bbl")
        return LearningPath::Bbl;
    return LearningPath::Any;
}

const char* LearningPathName(LearningPath path)
{
    switch (path) {
    case LearningPath::Bol: return "BOL";
    case LearningPath::Bbl: return "BBL";
    case LearningPath::Any: break;
    }
    return "";
}

namespace {

// Index of the first column called one of `names` (case-insensitive), else -1.
template <typename Columns>
int FindColumn(const Columns& columns, std::initializer_list<const char*> names)
{
    for (const char* name : names)
        for (std::size_t i = 0; i < columns.size(); ++i)
            if (AsciiLower(columns[i].name) == name)
                return static_cast<int>(i);
    return -1;
}

constexpr std::initializer_list<const char*> kLocationNames = {"vestiging_code", "vestigingscode", "vestiging"};
constexpr std::initializer_list<const char*> kCreboNames = {"crebo", "crebo_code", "crebocode", "opleidingscode"};
constexpr std::initializer_list<const char*> kLevelNames = {"niveau", "level", "kwalificatieniveau"};

int Require(const Dataset& table, std::initializer_list<const char*> names, const char* what)
{
    const int c = FindColumn(table.dimensions, names);
    if (c < 0)
        throw InputError("table " + table.name + ": no " + what + " column (expected " + *names.begin() + ")");
    return c;
}

bool HasPeriod(const Dataset& d)
{
    return std::any_of(d.dimensions.begin(), d.dimensions.end(),
                       [](const DimensionColumn& c) { return c.role == DimensionRole::Period; });
}

} // namespace

ThemeTables FindThemeTables(const Workspace& workspace)
{
    ThemeTables found;
    const auto& tables = workspace.Tables();
    for (std::size_t i = 0; i < tables.size(); ++i) {
        const Dataset& d = tables[i]->dataset;
        const int index = static_cast<int>(i);
        const bool location = FindColumn(d.dimensions, kLocationNames) >= 0;
        const bool crebo = FindColumn(d.dimensions, kCreboNames) >= 0;
        if (d.measures.empty()) {
            if (location && !d.x.empty() && found.locations < 0)
                found.locations = index;
            else if (crebo && FindColumn(d.dimensions, kLevelNames) >= 0 && found.catalogue < 0)
                found.catalogue = index;
            continue;
        }
        if (crebo && location) {
            if (found.enrolment < 0)
                found.enrolment = index;
            continue;
        }
        const std::string name = AsciiLower(d.name);
        const bool primary = name.find("po_leerling") != std::string::npos || name.find("basisonderwijs") != std::string::npos ||
                             name.find("basisschool") != std::string::npos || name.find("primair") != std::string::npos;
        if (primary && found.primary < 0 && HasPeriod(d) && !tables[i]->joined_layer.empty()) {
            found.primary = index;
            continue;
        }
        const bool vacancies = name.find("vacature") != std::string::npos || name.find("vacanc") != std::string::npos ||
                               FindColumn(d.measures, {"vacatures", "vacancies"}) >= 0;
        if (vacancies && found.vacancies < 0 && !tables[i]->joined_layer.empty()) {
            found.vacancies = index;
            continue;
        }
        // Pupils or population per region and year: a joined table with periods and a quantity
        // column naming inhabitants or pupils.
        const int quantity = FindColumn(d.dimensions, {"maat", "indicator", "onderwerp"});
        if (found.population < 0 && HasPeriod(d) && !tables[i]->joined_layer.empty() && quantity >= 0)
            for (const std::string& label : d.dimensions[std::size_t(quantity)].dictionary)
                if (AsciiLower(label).find("inwoners") != std::string::npos) {
                    found.population = index;
                    break;
                }
    }
    return found;
}

std::vector<Location> ReadLocations(const Dataset& table)
{
    const int code = Require(table, kLocationNames, "location code");
    const int brin = FindColumn(table.dimensions, {"brin", "instellingscode", "brin_code"});
    const int name = FindColumn(table.dimensions, {"naam", "naam_vestiging", "name", "vestigingsnaam"});
    int region = -1;
    for (std::size_t c = 0; c < table.dimensions.size(); ++c)
        if (table.dimensions[c].role == DimensionRole::Region) {
            region = static_cast<int>(c);
            break;
        }
    if (table.x.size() != table.RowCount() || table.y.size() != table.RowCount())
        throw InputError("table " + table.name + ": locations need point coordinates (x_rd/y_rd or lon/lat)");
    std::vector<Location> locations;
    std::unordered_map<std::string, std::size_t> seen;
    for (std::size_t r = 0; r < table.RowCount(); ++r) {
        Location l;
        l.code = table.dimensions[std::size_t(code)].ValueAt(r);
        if (!seen.emplace(l.code, r).second)
            throw InputError("table " + table.name + " row " + std::to_string(r + 2) + ": location " + l.code +
                             " appears twice");
        if (brin >= 0)
            l.brin = table.dimensions[std::size_t(brin)].ValueAt(r);
        if (name >= 0)
            l.name = table.dimensions[std::size_t(name)].ValueAt(r);
        if (region >= 0)
            l.region_code = table.dimensions[std::size_t(region)].ValueAt(r);
        l.position = {table.x[r], table.y[r]};
        locations.push_back(std::move(l));
    }
    return locations;
}

std::vector<Programme> ReadCatalogue(const Dataset& table)
{
    const int crebo = Require(table, kCreboNames, "crebo");
    const int name = FindColumn(table.dimensions, {"naam", "name", "kwalificatie", "opleiding", "opleidingsnaam"});
    const int level = FindColumn(table.dimensions, kLevelNames);
    const int chamber = FindColumn(table.dimensions, {"kamer", "sectorkamer", "chamber"});
    const int paths = FindColumn(table.dimensions, {"leerwegen", "leerweg"});
    std::vector<Programme> catalogue;
    std::unordered_map<std::string, std::size_t> seen;
    for (std::size_t r = 0; r < table.RowCount(); ++r) {
        Programme p;
        p.crebo = table.dimensions[std::size_t(crebo)].ValueAt(r);
        if (!seen.emplace(p.crebo, r).second)
            throw InputError("table " + table.name + " row " + std::to_string(r + 2) + ": crebo " + p.crebo +
                             " appears twice");
        if (name >= 0)
            p.name = table.dimensions[std::size_t(name)].ValueAt(r);
        if (level >= 0) {
            const std::string& text = table.dimensions[std::size_t(level)].ValueAt(r);
            int value = 0;
            const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
            p.level = (ec == std::errc() && end == text.data() + text.size() && value >= 1 && value <= 4) ? value : 0;
        }
        if (chamber >= 0)
            p.chamber = table.dimensions[std::size_t(chamber)].ValueAt(r);
        if (paths >= 0) {
            const std::string lower = AsciiLower(table.dimensions[std::size_t(paths)].ValueAt(r));
            p.bol = lower.find("bol") != std::string::npos;
            p.bbl = lower.find("bbl") != std::string::npos;
        }
        catalogue.push_back(std::move(p));
    }
    return catalogue;
}

std::map<std::string, int> CatalogueIndex(const std::vector<Programme>& catalogue)
{
    std::map<std::string, int> index;
    for (std::size_t i = 0; i < catalogue.size(); ++i)
        index.emplace(catalogue[i].crebo, static_cast<int>(i));
    return index;
}

int LevelTable::Level(const std::string& level) const
{
    if (!table)
        return -1;
    for (std::size_t d = 0; d < table->dimensions.size(); ++d)
        if (table->dimensions[d].role == DimensionRole::Region && table->dimensions[d].name == level)
            return static_cast<int>(d);
    return -1;
}

int LevelTable::Column(std::initializer_list<const char*> names) const
{
    return table ? FindColumn(table->dimensions, names) : -1;
}

int LevelTable::Period() const
{
    if (table)
        for (std::size_t d = 0; d < table->dimensions.size(); ++d)
            if (table->dimensions[d].role == DimensionRole::Period)
                return static_cast<int>(d);
    return -1;
}

LevelTable BuildLevelTable(const Dataset& dataset, const RegionLayer* finest)
{
    LevelTable result;
    auto table = std::make_shared<agg::FactTable>(agg::PackDataset(dataset));
    int region = -1;
    for (std::size_t d = 0; d < table->dimensions.size(); ++d)
        if (table->dimensions[d].role == DimensionRole::Region) {
            region = static_cast<int>(d);
            break;
        }
    if (region >= 0 && finest)
        result.levels = agg::AddParentLevels(*table, region, *finest);
    else if (region >= 0)
        result.levels.push_back(table->dimensions[std::size_t(region)].name);
    result.table = std::move(table);
    return result;
}

namespace {

agg::FilterSet MakeFilters(const LevelTable& t, const std::vector<Where>& where)
{
    agg::FilterSet filters;
    std::map<int, std::vector<std::uint32_t>> codes;
    for (const Where& w : where) {
        const int d = t.table->FindDimension(w.column);
        if (d < 0)
            throw InputError("table " + t.table->name + ": no column " + w.column);
        std::vector<std::uint32_t>& list = codes[d];
        const long c = t.table->FindCode(d, w.label);
        if (c >= 0)
            list.push_back(static_cast<std::uint32_t>(c));
    }
    for (const auto& [d, list] : codes)
        filters.Restrict(d, list, t.table->dimensions[std::size_t(d)].Cardinality());
    return filters;
}

int RequireLevel(const LevelTable& t, const std::string& level)
{
    const int d = t.Level(level);
    if (d < 0)
        throw InputError("table " + (t.table ? t.table->name : std::string("?")) + ": no region level " + level);
    return d;
}

RegionValue ValueOf(const agg::ViewResult& r, std::size_t g)
{
    return {r.Value(g), r.states[g], r.suppressed[g]};
}

} // namespace

std::map<std::string, RegionValue> SumPerRegion(agg::Engine& engine, const LevelTable& table, const std::string& level,
                                                const std::vector<Where>& where, int measure)
{
    const int dim = RequireLevel(table, level);
    agg::ViewSpec view;
    view.measure = measure;
    view.group_by[0] = dim;
    engine.Load(table.table);
    const agg::ViewResult result = engine.Compute(MakeFilters(table, where), {view}).front();
    std::map<std::string, RegionValue> values;
    const auto& labels = table.table->dimensions[std::size_t(dim)].labels;
    for (std::size_t g = 0; g < result.GroupCount(); ++g)
        if (result.states[g] != agg::GroupState::Empty && !labels[g].empty())
            values.emplace(labels[g], ValueOf(result, g));
    return values;
}

namespace {

RegionTable SumByTwo(agg::Engine& engine, const LevelTable& table, int dim, int other, const std::vector<Where>& where,
                     int measure)
{
    agg::ViewSpec view;
    view.measure = measure;
    view.group_by[0] = dim;
    view.group_by[1] = other;
    engine.Load(table.table);
    const agg::ViewResult result = engine.Compute(MakeFilters(table, where), {view}).front();
    RegionTable values;
    const auto& regions = table.table->dimensions[std::size_t(dim)].labels;
    const auto& others = table.table->dimensions[std::size_t(other)].labels;
    for (std::size_t r = 0; r < regions.size(); ++r)
        for (std::size_t p = 0; p < others.size(); ++p) {
            const std::size_t g = r * others.size() + p;
            if (result.states[g] != agg::GroupState::Empty && !regions[r].empty())
                values[regions[r]][others[p]] = ValueOf(result, g);
        }
    return values;
}

} // namespace

RegionTable SumPerRegionAndColumn(agg::Engine& engine, const LevelTable& table, const std::string& level,
                                  const std::string& column, const std::vector<Where>& where, int measure)
{
    const int dim = RequireLevel(table, level);
    const int other = table.table->FindDimension(column);
    if (other < 0)
        throw InputError("table " + table.table->name + ": no column " + column);
    return SumByTwo(engine, table, dim, other, where, measure);
}

RegionTable SumPerRegionAndPeriod(agg::Engine& engine, const LevelTable& table, const std::string& level,
                                  const std::vector<Where>& where, int measure)
{
    const int dim = RequireLevel(table, level);
    const int period = table.Period();
    if (period < 0)
        throw InputError("table " + table.table->name + ": no period column");
    return SumByTwo(engine, table, dim, period, where, measure);
}

std::vector<Offer> ReadOffers(agg::Engine& engine, const LevelTable& enrolment, const std::string& year)
{
    const agg::FactTable& t = *enrolment.table;
    const int location = enrolment.Column(kLocationNames);
    const int crebo = enrolment.Column(kCreboNames);
    const int path = enrolment.Column({"leerweg", "leerwegen", "learning_path"});
    const int period = enrolment.Period();
    if (location < 0 || crebo < 0 || t.measures.empty())
        throw InputError("table " + t.name + ": enrolment needs a location code, a crebo and a students column");
    engine.Load(enrolment.table);
    agg::ViewSpec view;
    view.measure = 0;
    view.group_by[0] = location;
    view.group_by[1] = crebo;
    std::vector<Offer> offers;
    const std::uint32_t crebos = t.dimensions[std::size_t(crebo)].Cardinality();
    // One pass per learning path (the engine groups by two dimensions at most); a table without
    // a path column counts as BOL.
    std::vector<std::pair<LearningPath, long>> passes;
    if (path >= 0) {
        for (std::uint32_t c = 0; c < t.dimensions[std::size_t(path)].Cardinality(); ++c) {
            const LearningPath p = ParseLearningPath(t.dimensions[std::size_t(path)].labels[c]);
            if (p != LearningPath::Any)
                passes.emplace_back(p, static_cast<long>(c));
        }
    } else {
        passes.emplace_back(LearningPath::Bol, -1);
    }
    for (const auto& [p, code] : passes) {
        agg::FilterSet filters;
        if (period >= 0) {
            const long y = t.FindCode(period, year);
            filters.Restrict(period, y >= 0 ? std::vector<std::uint32_t>{std::uint32_t(y)} : std::vector<std::uint32_t>{},
                             t.dimensions[std::size_t(period)].Cardinality());
        }
        if (code >= 0)
            filters.Restrict(path, {std::uint32_t(code)}, t.dimensions[std::size_t(path)].Cardinality());
        const agg::ViewResult r = engine.Compute(filters, {view}).front();
        for (std::size_t g = 0; g < r.GroupCount(); ++g) {
            const bool offered = r.states[g] == agg::GroupState::Unknown ? r.suppressed[g] > 0
                                 : r.states[g] == agg::GroupState::Known ? (r.values[g] > 0 || r.suppressed[g] > 0)
                                                                         : false;
            if (!offered)
                continue;
            Offer o;
            o.location = t.dimensions[std::size_t(location)].labels[g / crebos];
            o.crebo = t.dimensions[std::size_t(crebo)].labels[g % crebos];
            o.path = p;
            o.students = ValueOf(r, g);
            offers.push_back(std::move(o));
        }
    }
    return offers;
}

std::vector<Origin> OriginsOf(const RegionLayer& layer)
{
    if (layer.is_tile_map)
        throw InputError("layer " + layer.name +
                         " is a tile map: its hexagons are not geographic positions, so distances need the "
                         "municipalities' own points");
    std::vector<Origin> origins;
    origins.reserve(layer.features.size());
    for (const RegionFeature& f : layer.features)
        origins.push_back({f.code, f.label_point});
    return origins;
}

std::map<std::string, std::string> ParentOf(const RegionLayer& finest, const std::string& level)
{
    std::map<std::string, std::string> parents;
    for (const RegionFeature& f : finest.features)
        if (const std::string* p = f.Parent(level))
            parents.emplace(f.code, *p);
    return parents;
}

namespace {

const RegionLayer* JoinedLayer(const Workspace& workspace, const std::string& name)
{
    // The layer read from a file before a derived one of the same name (as the dashboard does).
    for (const auto& layer : workspace.Layers())
        if (layer->name == name && !layer->is_derived)
            return layer.get();
    for (const auto& layer : workspace.Layers())
        if (layer->name == name)
            return layer.get();
    return nullptr;
}

} // namespace

ThemeInputs BuildThemeInputs(const Workspace& workspace)
{
    ThemeInputs in;
    in.tables = FindThemeTables(workspace);
    const auto& tables = workspace.Tables();
    auto attempt = [&](int index, auto&& build) {
        if (index < 0)
            return;
        try {
            build(*tables[std::size_t(index)]);
        } catch (const InputError& e) {
            in.problems.push_back(e.what());
        }
    };
    attempt(in.tables.locations, [&](const Workspace::LoadedTable& t) { in.locations = ReadLocations(t.dataset); });
    attempt(in.tables.catalogue, [&](const Workspace::LoadedTable& t) { in.catalogue = ReadCatalogue(t.dataset); });
    attempt(in.tables.enrolment, [&](const Workspace::LoadedTable& t) {
        in.enrolment = BuildLevelTable(t.dataset, JoinedLayer(workspace, t.joined_layer));
    });
    attempt(in.tables.population, [&](const Workspace::LoadedTable& t) {
        in.municipalities = JoinedLayer(workspace, t.joined_layer);
        in.population = BuildLevelTable(t.dataset, in.municipalities);
    });
    attempt(in.tables.primary, [&](const Workspace::LoadedTable& t) {
        in.primary = BuildLevelTable(t.dataset, JoinedLayer(workspace, t.joined_layer));
    });
    attempt(in.tables.vacancies, [&](const Workspace::LoadedTable& t) {
        in.vacancies = BuildLevelTable(t.dataset, JoinedLayer(workspace, t.joined_layer));
    });
    return in;
}

void RegionSum::Add(const RegionValue& part)
{
    m_sum.suppressed += part.suppressed;
    if (part.state == agg::GroupState::Known) {
        m_sum.value += part.value;
        m_sum.state = agg::GroupState::Known;
    } else if (part.state == agg::GroupState::Unknown) {
        if (m_sum.state == agg::GroupState::Empty)
            m_sum.state = agg::GroupState::Unknown;
        m_missing_part = m_missing_part || part.suppressed == 0;
    }
}

RegionValue RegionSum::Result() const
{
    RegionValue result = m_sum;
    if (m_missing_part)
        result.state = agg::GroupState::Unknown;
    if (result.state != agg::GroupState::Known)
        result.value = 0;
    return result;
}

std::map<std::string, RegionValue> RollUp(const std::map<std::string, RegionValue>& finest_values,
                                          const RegionLayer& finest, const std::string& level,
                                          std::vector<std::string>* unplaced)
{
    const std::map<std::string, std::string> parent_of = ParentOf(finest, level);
    std::map<std::string, RegionSum> sums;
    for (const auto& [code, value] : finest_values) {
        const auto it = parent_of.find(code);
        if (it == parent_of.end()) {
            if (unplaced)
                unplaced->push_back(code);
            continue;
        }
        sums[it->second].Add(value);
    }
    std::map<std::string, RegionValue> parents;
    for (const auto& [code, sum] : sums)
        parents.emplace(code, sum.Result());
    return parents;
}

} // namespace vak::core::themes
