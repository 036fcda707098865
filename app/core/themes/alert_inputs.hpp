// What the alert rules (alerts.hpp) are evaluated on, gathered from the loaded tables in one call:
// the adapter between ThemeInputs and EvaluateAlerts, as BuildThemeInputs is between the
// workspace and the themes.
//
// Regions are codes of `level` (the map's active level) wherever a table reaches that level;
// a table that does not (vacancies per labour-market region on a municipality map) gives codes
// of its own finest level, and the UI translates them to the map's level when a hit is clicked.
// Periods: each table is read at `year` when it has it, else at its latest period up to that
// year ("2030" on the krimp map still finds the enrolment of 2025; a quarter "2025KW4" counts as
// 2025), so one dashboard year serves tables of different reach.
//   programmes, offers,     the enrolment in its year (all "<5" rules of programme_spread.hpp)
//   programme_locations
//   institution_region      brin -> region of its first location by code (DUO's main location),
//                           where the enrolment lies (no locations table needed)
//   students_per_region     the enrolment summed per region in its year
//   pupils                  the population table's "mbo_studenten" series (else its first
//                           quantity) per region and year; reference year = its year as above
//   location_region         location -> region of the pupils' level (from the enrolment rows)
//   vacancies               per region and period; from/to = the latest quarter up to the year
//                           and the same quarter a year earlier
// A table that is not loaded leaves its fields empty (its rules find nothing); one that cannot
// be read adds its InputError message to `problems` and leaves them empty too.
// Pure core: no GL, GDAL or ImGui.
#pragma once

#include "core/themes/alerts.hpp"
#include "core/themes/theme_data.hpp"

#include <string>
#include <vector>

namespace vak::core::themes {

// Where the inputs came from, for the UI's heading and footnotes.
struct AlertInputsSources {
    std::string enrolment_year;            // the enrolment's period used, empty when none
    std::string enrolment_level, pupils_level, vacancies_level; // region levels used
    std::string pupils_quantity;           // "mbo_studenten"
    std::vector<std::string> problems;     // InputError messages of tables that could not be read
};

AlertInputs BuildAlertInputs(agg::Engine& engine, const ThemeInputs& inputs, const std::string& level,
                             const std::string& year, AlertInputsSources* sources = nullptr);

// The label of `labels` (periods) for `year` ("2025", "2025KW4"): the same label when present,
// else the latest period whose year is at most the year's (quarters after years of the same
// year). Empty when none is; when `year` is no period, the latest of all.
std::string PeriodUpTo(const std::vector<std::string>& labels, const std::string& year);

} // namespace vak::core::themes
