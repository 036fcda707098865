// A saved view: the whole state of the dashboard as plain values (what data is loaded, which
// level, table, measure, period, filters, classes and camera), so that a view file or a
// bookmark reproduces what the user saw. Everything is stored by code and name (region codes,
// period labels, table and measure names), never by internal index, so a view survives a
// reload of its data. No JSON here: io/view_file.* reads and writes the file,
// ui/view_state_binding.* captures and applies it on a running dashboard.
#pragma once

#include "core/command_line.hpp"
#include "core/geo/geo_types.hpp"
#include "core/style/choropleth.hpp"
#include "core/themes/alerts.hpp"
#include "core/themes/scenario.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vak::core {

// The file format's version. A file with a higher number is refused (it may hold state this
// program would silently drop); new sections come with a new number.
inline constexpr int kViewFormatVersion = 1;

// The map's camera when the user moved it: the centre (display CRS) and the zoom, with the map
// size in pixels it was saved at. Shown at another size, the same area stays visible.
struct ViewCamera {
    Vec2d centre;
    double units_per_pixel = 0;
    double viewport_width = 0;
    double viewport_height = 0;
    bool operator==(const ViewCamera&) const = default;
};

// The data a view is made of, as the command line names it (level and tile map are view state,
// kept in ViewState, and left empty here).
struct ViewData {
    RegionFileOptions regions; // no files: the demo geography
    TableFileOptions tables;   // no files and demo_tables: the synthetic demo tables
};

bool SameData(const ViewData& a, const ViewData& b);

// The theme preset and its own options (ui/theme_controller): which theme, the programme whose
// reachability is mapped with the locations a scenario closes it at, and the vacancy maps; the
// alert rules (on/off, thresholds: they belong to every theme) and the named saved scenarios.
struct ThemeViewState {
    std::string name; // "krimp", "opleidingsaanbod", "vacatures"; empty: none chosen
    std::string programme;                     // crebo; empty: the programmes-per-region map
    std::vector<std::string> closed_locations; // the scenario, sorted
    double threshold_km = 30;
    bool per_thousand = true; // vacancies per 1,000 inhabitants (else counts)
    bool density = false;     // the vacancy density map over the regions
    // The alert rules when they differ from themes::DefaultAlertRules() (empty: those). An
    // optional rather than a defaulted vector: GCC 12 then warns of uninitialised strings in
    // every brace-initialised view (-Wmaybe-uninitialized, a false positive).
    std::optional<std::vector<themes::AlertRule>> alert_rules;
    std::vector<themes::Scenario> scenarios; // saved by name, compared in a table
    // Opleidingsaanbod overview: the chambers, levels (1-4) and learning path ("", "BOL", "BBL")
    // its map and location symbols count.
    std::vector<std::string> filter_chambers; // sorted
    std::vector<int> filter_levels;           // sorted
    std::string filter_path;
    // Vacatures: the tension map (vacancies per enrolled student) instead of per_thousand, of
    // one chamber (empty: all together).
    bool tension = false;
    std::string tension_chamber;
    bool operator==(const ThemeViewState&) const = default;
};

// The map's side-by-side compare (ui/compare_view) as it was open: two periods of the map's
// table, or "Nu | Scenario" (the Opleidingsaanbod theme's programme before and after its
// scenario). Periods are labels of the map's table ("2015"); both empty: the compare's own
// choice when first shown (the change map's years, else 2015 against the map's period).
struct CompareViewState {
    bool scenario = false;
    std::string from, to; // years mode only
    bool operator==(const CompareViewState&) const = default;
};

struct ViewState {
    ViewData data;
    // The interface.
    std::string language = "nl";
    int ui_scale_percent = 100;
    // The map.
    std::string level; // layer name; empty: the first layer
    bool tile_map = false;
    std::optional<ViewCamera> camera; // empty: fitted to the layer
    std::vector<std::string> selected_regions; // codes of the level's regions, sorted
    ChoroplethStyle style;
    // What the map and charts show (empty strings: the dashboard's default choice).
    std::string table;    // the table's name
    std::string measure;  // a measure of that table
    std::string quantity; // the value of its quantity dimension ("maat"), if it has one
    std::string period;   // period label ("2025")
    std::string change_from, change_to; // both set: the change map between two periods
    std::vector<std::string> selected_bars; // labels of the bars' categories, in code order
    bool chart_index = true; // the time chart as an index (base period = 100), else raw values
    ThemeViewState theme;
    std::optional<CompareViewState> compare; // empty: one map
};

bool operator==(const ViewState& a, const ViewState& b);

// Names of classification methods in a view file; only the methods a user can choose.
std::string_view ClassMethodKey(ClassMethod method);
std::optional<ClassMethod> ClassMethodFromKey(std::string_view key);

// Checks that need no data: ranges and consistency. Each problem reads "<json path>: <what is
// wrong>" ("$.interface.scale_percent: 900 is outside 100..300"); empty when valid.
std::vector<std::string> ValidateViewState(const ViewState& view);

// Every data path of `data` (region files, group tables, tables, recode table).
std::vector<std::string*> DataPaths(ViewData& data);

} // namespace vak::core
