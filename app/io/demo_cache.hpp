// The demo data set behind the default start: `vakatlas` without files opens on the demo
// geography with the synthetic pupil, enrolment and vacancy tables, written once into a cache
// folder (by the same writer as `vakatlas demo`, so atomically) and then loaded like any user's
// files. Each version of vakatlas has its own folder, so a changed generator never meets old
// files.
#pragma once

#include "core/themes/theme_data.hpp"

#include <string>
#include <vector>

namespace vak::io {

// $VAKATLAS_DEMO_DIR, else $XDG_CACHE_HOME/vakatlas/demo-<version>-<seed>, else
// $HOME/.cache/vakatlas/demo-<version>-<seed>, else a folder under the system's temporary folder.
std::string DemoCacheDir();

// Writes the demo into DemoCacheDir() unless every file is there, and returns the tables the
// dashboard loads at start (pupils per municipality, enrolment, vacancies per region). The
// 1.5 million vacancy points are left for the density map to load when it is opened.
// Throws core::InputError naming the folder when it cannot be written.
std::vector<std::string> EnsureDemoTables();

// The vacancy points table inside the cache (after EnsureDemoTables).
std::string DemoPointsTable();

// The tables the programme-spread theme reads besides the start tables: the locations
// (vestigingen.csv, with RD New points) and the programme catalogue (opleidingen.csv, no region
// column: it lands unjoined, as a lookup). Not loaded at start, so the default dashboard stays
// as it is; load them through LoadDataFiles when the theme is opened (after EnsureDemoTables).
std::vector<std::string> DemoThemeTables();

// The demo municipalities' own points for distances (reachability): the CBS fact point of each
// municipality in the geodata facts table (a point inside it, not a population-weighted
// centre). The demo's municipality layer is a tile map, whose hexagon centres are no places.
// `facts_path` empty: found like LoadDemoGeography does. Throws core::InputError naming the file.
std::vector<core::themes::Origin> DemoMunicipalityOrigins(const std::string& facts_path = {});

} // namespace vak::io
