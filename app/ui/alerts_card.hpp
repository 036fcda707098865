// The alert card (issue 7): says where to look first. The rules (alerts.hpp) are evaluated on
// the loaded tables (alert_inputs.hpp) at the map's level and the dashboard's year; the hits are
// listed per rule with a count, the most pressing first, one translated line each. Clicking a
// line selects its region on the map and asks the map to zoom there. "Regels" shows the rules,
// editable in place (on/off, threshold, years).
// Computed only when the data, level or year change (the inputs, on an engine of its own) or a
// rule is edited (the hits); a frame only draws the prepared lines.
#pragma once

#include "core/aggregate/cpu_engine.hpp"
#include "core/themes/alert_inputs.hpp"
#include "core/themes/alerts.hpp"
#include "ui/texts/texts.hpp"

#include <imgui.h>

#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace vak::core {
class Workspace;
}

namespace vak::ui {

struct PanelContext;

struct AlertsState {
    AlertsState();

    std::vector<core::themes::AlertRule> rules;
    std::vector<core::themes::AlertHit> hits; // EvaluateAlerts on `inputs`
    // Set by a click (SelectAlertHit): the active level's codes the map should fit. The card's
    // owner hands it to MapPanel::RequestFitTo and clears it.
    std::optional<std::vector<std::string>> fit_request;

    // [internal] cache and display state
    core::agg::CpuEngine engine;
    std::optional<core::themes::ThemeInputs> theme_inputs;
    std::size_t theme_inputs_tables = 0;
    std::map<std::string, std::string> programme_names; // crebo -> name, from the catalogue
    core::themes::AlertInputs inputs;
    core::themes::AlertInputsSources sources;
    std::string inputs_key;  // tables|level|year the inputs were built for
    int inputs_builds = 0;   // how often they were built (tests: not once a frame)
    bool rules_changed = true;
    // The ThemeController's rules version `rules` were taken at (UpdateAlerts with a panel
    // context): a restored view's rules replace them; edits go back there.
    std::uint64_t rules_version = std::numeric_limits<std::uint64_t>::max();
    // The enabled rules in display order, each with its hits most pressing first (GroupAlerts),
    // and each hit's line.
    std::vector<core::themes::AlertGroup> groups;
    std::vector<std::string> lines;
    std::string lines_key; // language and level the lines were written for
    std::vector<bool> expanded; // per rule: all hits shown instead of the first kFirstAlertHits
    bool show_rules = false;
};

// Builds the inputs again when the tables, the active level or `year` changed, and evaluates
// the rules again when they or the inputs changed.
void UpdateAlerts(const core::Workspace& workspace, const std::string& year, AlertsState& state);
// The same at the dashboard's year: the end of the change on the map when one is shown (the
// krimp map's 2030), else the current period.
void UpdateAlerts(PanelContext& ctx, AlertsState& state);

// The number of hits, after UpdateAlerts.
inline std::size_t AlertCount(const AlertsState& state) { return state.hits.size(); }
// Hits listed per rule before "toon alle N": every rule's heading stays in view.
inline constexpr std::size_t kFirstAlertHits = 3;
// The tab's title: counts the rules that found something ("Aandachtspunten · 3 regels"), not
// the hits, which one broad rule (small programmes) would run into the thousands.
std::string AlertTabLabel(const AlertsState& state, Language language);

// The card: updates (see above) and draws into a framed child of `size`.
void DrawAlertsCard(PanelContext& ctx, AlertsState& state, ImVec2 size);

// What clicking a hit does: selects its region on the active level (a finer code through its
// parent at that level, a coarser one as the regions inside it) and returns those codes, the
// ones to zoom to. Nothing changes for a hit without a region on any layer.
std::vector<std::string> SelectAlertHit(core::Workspace& workspace, const core::themes::AlertHit& hit);

// A hit's line: "Kleine opleiding: 90101 Assistent installatie… bij 99AA (Groningen): 23
// studenten < 50", names from the active layer (else any layer with the code) and the
// catalogue; without the kind's name when `with_kind` is false (under the rule's heading).
std::string AlertHitText(const core::themes::AlertHit& hit, const AlertsState& state,
                         const core::Workspace& workspace, Language language, bool with_kind = true);

} // namespace vak::ui
