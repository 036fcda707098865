// What the three themes (krimp, programme spread, vacancies) read from the loaded tables, as
// plain values: institution locations with their position, the programme catalogue, and the
// tables the aggregation core scans (enrolment, pupils, vacancies) with one region dimension
// per level of the region layer they joined to. This is the adapter between the workspace and
// the indicator functions (reachability.hpp, programme_spread.hpp, ...), which take these
// values and never look at file columns themselves.
//
// Tables are recognised by their columns, not their file names, so a user's own files work:
//   locations  a table with points and a location code column ("vestiging_code") and no measure
//   catalogue  a table with "crebo" and a level column ("niveau") and no measure; it has no
//              region column, so it lands in the workspace unjoined, which is fine: it is a
//              lookup, not a map layer
//   enrolment  "crebo", a location code column and a measure (students)
//   population a joined table with periods and a quantity column ("maat") one of whose values
//              names inhabitants ("inwoners", "inwoners_16_19", ...)
//   vacancies  a joined table named "vacature..." or with a measure "vacatures"
// Functions that aggregate take an agg::Engine and Load their table into it: give the themes an
// engine of their own (a CpuEngine), so the dashboard's engine keeps its table.
// Pure core: no GL, GDAL or ImGui.
#pragma once

#include "core/aggregate/engine.hpp"
#include "core/dashboard/region_value.hpp"
#include "core/geo/geo_types.hpp"
#include "core/geo/region_layer.hpp"
#include "core/workspace.hpp"

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace vak::core::themes {

// BOL (school-based) or BBL (work-based); Any in a filter means both.
enum class LearningPath : std::uint8_t { Any, Bol, Bbl };
// "BOL"/"bol" -> Bol, "BBL" -> Bbl, anything else Any.
LearningPath ParseLearningPath(std::string_view text);
const char* LearningPathName(LearningPath path); // "BOL", "BBL", "" for Any

// An institution's location (vestiging).
struct Location {
    std::string code;        // "99AA00"
    std::string brin;        // institution, "99AA"
    std::string name;
    std::string region_code; // municipality it lies in ("GM0014")
    Vec2d position;          // display CRS metres (RD New)
};

// A programme (qualification) of the catalogue.
struct Programme {
    std::string crebo;   // "90101"
    std::string name;
    int level = 0;       // 1..4; 0 when unknown
    std::string chamber; // SBB sector chamber
    bool bol = false, bbl = false; // learning paths it is offered in somewhere
};

// One programme at one location in one learning path, in one year, with its students.
// Offered means: students known and above 0, or suppressed ("<5" students still attend).
struct Offer {
    std::string location; // Location::code
    std::string crebo;
    LearningPath path = LearningPath::Bol;
    RegionValue students; // state Unknown when every part was "<5"
};

// Workspace indices of the tables the themes use; -1 where none is loaded.
struct ThemeTables {
    int locations = -1, catalogue = -1, enrolment = -1, population = -1, vacancies = -1;
    // Primary-school pupils per region and year (DUO's "leerlingen po" per location): the
    // leading indicator of mbo intake. Found by its name (po_leerlingen, basisonderwijs,
    // basisschool, primair), joined to a layer, with periods.
    int primary = -1;
};
ThemeTables FindThemeTables(const Workspace& workspace);

// Throw InputError naming the table and the missing column when a table lacks what is needed.
std::vector<Location> ReadLocations(const Dataset& table);
std::vector<Programme> ReadCatalogue(const Dataset& table);
// crebo -> index into `catalogue`.
std::map<std::string, int> CatalogueIndex(const std::vector<Programme>& catalogue);

// A table packed for the aggregation core, its region dimension named after the layer it joined
// to (`finest`, e.g. "gemeente") and one more region dimension per parent level of that layer's
// features ("arbeidsmarktregio", "provincie"), so that any level is a group-by away.
struct LevelTable {
    std::shared_ptr<agg::FactTable> table;
    std::vector<std::string> levels; // finest first

    // Dimension of a region level, a column found by name (case-insensitive, first of
    // `names`), or -1.
    int Level(const std::string& level) const;
    int Column(std::initializer_list<const char*> names) const;
    int Period() const; // the period dimension, -1 without one
};
// `finest` may be null (the table is not joined): then only the table's own region column is a
// level, called by its column name.
LevelTable BuildLevelTable(const Dataset& dataset, const RegionLayer* finest);

// A fixed choice on a dimension: rows whose `column` holds `label`.
struct Where {
    std::string column;
    std::string label;
};

// Sum of `measure` per region of `level`, over the rows matching every `where`. Loads the
// table into `engine`. Regions without rows are absent from the map. Throws InputError when a
// level or column does not exist; a label that does not occur matches no row.
std::map<std::string, RegionValue> SumPerRegion(agg::Engine& engine, const LevelTable& table, const std::string& level,
                                                const std::vector<Where>& where, int measure = 0);

// Per region of `level` and per label of `column` (a dimension's name): the sum of `measure`,
// e.g. vacancies per region and sector chamber. Absent where there are no rows.
using RegionTable = std::map<std::string, std::map<std::string, RegionValue>>;
RegionTable SumPerRegionAndColumn(agg::Engine& engine, const LevelTable& table, const std::string& level,
                                  const std::string& column, const std::vector<Where>& where, int measure = 0);
// The same by the period dimension (krimp series, vacancies per quarter).
RegionTable SumPerRegionAndPeriod(agg::Engine& engine, const LevelTable& table, const std::string& level,
                                  const std::vector<Where>& where, int measure = 0);

// The programmes offered per location and learning path in `year` (period label), from an
// enrolment table. Loads the table into `engine`.
std::vector<Offer> ReadOffers(agg::Engine& engine, const LevelTable& enrolment, const std::string& year);

// Municipality centres for distances: each feature's label point, a point inside the region
// (GEOS point-on-surface for real boundaries, the CBS fact point of the demo facts table). Not a
// population-weighted centre. Throws InputError for a tile map, whose hexagon centres are not
// geographic positions.
struct Origin {
    std::string code;
    Vec2d position;
};
std::vector<Origin> OriginsOf(const RegionLayer& layer);

// Per code of `level`, the parent code of each feature of `finest` (feature code -> parent).
std::map<std::string, std::string> ParentOf(const RegionLayer& finest, const std::string& level);

// A total of region values under the core's rules: Known when any part is known, carrying the
// parts' "<5" counts; Unknown when every part with rows is unknown, and also when a part is
// missing altogether (not a small "<5"): leaving that out would understate the total by an
// unknown amount.
class RegionSum {
public:
    void Add(const RegionValue& part);
    RegionValue Result() const;

private:
    RegionValue m_sum;
    bool m_missing_part = false;
};

// Everything the themes read from a workspace, built once when its tables change: what is not
// loaded stays empty (a null table), with the reason in `problems` when a table was there but
// could not be used. Each LevelTable's finest level is the layer its table joined to.
struct ThemeInputs {
    ThemeTables tables;
    std::vector<Location> locations;
    std::vector<Programme> catalogue;
    LevelTable enrolment, population, vacancies, primary;
    const RegionLayer* municipalities = nullptr; // the layer the population table joined to
    std::vector<std::string> problems;
};
ThemeInputs BuildThemeInputs(const Workspace& workspace);

// Sums values of the finest regions into their parents at `level` (the layer's parent codes).
// A parent is Known when any child is, keeps the children's "<5" counts, and is Unknown when
// every child with rows is unknown; children without a parent are left out and counted in
// `unplaced` when given.
std::map<std::string, RegionValue> RollUp(const std::map<std::string, RegionValue>& finest_values,
                                          const RegionLayer& finest, const std::string& level,
                                          std::vector<std::string>* unplaced = nullptr);

} // namespace vak::core::themes
