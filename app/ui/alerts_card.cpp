#include "ui/alerts_card.hpp"

#include "core/dashboard/dashboard_model.hpp"
#include "core/data/period.hpp"
#include "core/text/number_format.hpp"
#include "core/workspace.hpp"
#include "ui/panels/panel.hpp"
#include "ui/theme_controller.hpp"
#include "ui/widgets.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

namespace vak::ui {

namespace themes = core::themes;

namespace {

// Programme names are long ("Medewerker facilitaire dienstverlening en ..."): the line keeps
// the code and the start of the name, the tooltip has all of it.
constexpr std::size_t kNameChars = 28;

core::NumberLocale LocaleOf(Language language)
{
    return language == Language::Dutch ? core::NumberLocale::Dutch : core::NumberLocale::English;
}

// The first `count` characters (code points) of UTF-8 text, with an ellipsis when cut.
std::string Shortened(const std::string& text, std::size_t count)
{
    std::size_t chars = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80)
            continue; // a continuation byte
        if (chars++ == count)
            return text.substr(0, i) + "\xE2\x80\xA6";
    }
    return text;
}

// "2025", "2025 KW4" (nl) / "2025 Q4" (en), as the rest of the interface writes periods.
std::string PeriodLabel(const std::string& period, Language language)
{
    const std::optional<core::Period> p = core::ParsePeriod(period);
    if (!p || p->quarter == 0)
        return period;
    return std::to_string(p->year) + (language == Language::Dutch ? " KW" : " Q") + std::to_string(p->quarter);
}

std::string ThresholdText(double value, bool percent, Language language)
{
    const int decimals = value == std::floor(value) ? 0 : 1;
    return percent ? core::FormatPercent(value, decimals, LocaleOf(language))
                   : core::FormatNumber(value, decimals, LocaleOf(language));
}

bool IsPercentRule(themes::AlertKind kind)
{
    return kind != themes::AlertKind::SmallProgramme && kind != themes::AlertKind::SmallRegion;
}

bool HasYears(themes::AlertKind kind)
{
    return kind == themes::AlertKind::FastDecline || kind == themes::AlertKind::UniqueInShrinkingRegion;
}

TextId KindText(themes::AlertKind kind)
{
    switch (kind) {
    case themes::AlertKind::SmallProgramme: return TextId::alert_small_programme;
    case themes::AlertKind::SmallRegion: return TextId::alert_small_region;
    case themes::AlertKind::FastDecline: return TextId::alert_fast_decline;
    case themes::AlertKind::UniqueInShrinkingRegion: return TextId::alert_unique_in_shrinking_region;
    case themes::AlertKind::VacancyGrowth: return TextId::alert_vacancy_growth;
    }
    return TextId::alert_small_programme;
}

// Whether the tables a rule reads are loaded (else its empty list means "not known", not "none").
bool RuleHasInputs(const themes::AlertInputs& in, themes::AlertKind kind)
{
    switch (kind) {
    case themes::AlertKind::SmallProgramme: return !in.programmes.empty();
    case themes::AlertKind::SmallRegion: return !in.students_per_region.empty();
    case themes::AlertKind::FastDecline: return !in.pupils.empty();
    case themes::AlertKind::UniqueInShrinkingRegion: return !in.pupils.empty() && !in.programme_locations.empty();
    case themes::AlertKind::VacancyGrowth: return !in.vacancies.empty();
    }
    return false;
}

// A region's name: from the active layer, else from any layer that has the code, else the code.
std::string RegionName(const core::Workspace& workspace, const std::string& code)
{
    if (code.empty())
        return "?";
    std::vector<const core::RegionLayer*> layers;
    if (const core::RegionLayer* active = workspace.ActiveLayer())
        layers.push_back(active);
    for (const auto& layer : workspace.Layers())
        layers.push_back(layer.get());
    for (const core::RegionLayer* layer : layers)
        if (const int f = layer->FindByCode(code); f >= 0)
            return layer->features[static_cast<std::size_t>(f)].name;
    return code;
}

// The rule's heading: its name, the number of hits (first, so that a narrow card still shows
// it) and what it asks, in the interface's words.
std::string RuleHeading(const themes::AlertRule& rule, std::size_t hits, const AlertsState& state, Language language)
{
    const std::string threshold = ThresholdText(rule.threshold, IsPercentRule(rule.kind), language);
    std::string quantity = state.sources.pupils_quantity;
    std::replace(quantity.begin(), quantity.end(), '_', ' ');
    char text[512];
    switch (rule.kind) {
    case themes::AlertKind::SmallProgramme:
        std::snprintf(text, sizeof text, TrIn(TextId::alert_rule_small_programme, language), threshold.c_str(),
                      state.sources.enrolment_year.c_str());
        break;
    case themes::AlertKind::SmallRegion:
        std::snprintf(text, sizeof text, TrIn(TextId::alert_rule_small_region, language), threshold.c_str(),
                      state.sources.enrolment_year.c_str());
        break;
    case themes::AlertKind::FastDecline:
        std::snprintf(text, sizeof text, TrIn(TextId::alert_rule_fast_decline, language), quantity.c_str(),
                      threshold.c_str(), rule.years);
        break;
    case themes::AlertKind::UniqueInShrinkingRegion:
        std::snprintf(text, sizeof text, TrIn(TextId::alert_rule_unique, language), quantity.c_str(), threshold.c_str(),
                      rule.years);
        break;
    case themes::AlertKind::VacancyGrowth:
        std::snprintf(text, sizeof text, TrIn(TextId::alert_rule_vacancy_growth, language), threshold.c_str());
        break;
    }
    const std::string name = rule.label.empty() ? std::string(TrIn(KindText(rule.kind), language)) : rule.label;
    return name + " (" + std::to_string(hits) + "): " + text;
}

void PrepareLines(const core::Workspace& workspace, Language language, AlertsState& state)
{
    const core::RegionLayer* layer = workspace.ActiveLayer();
    const std::string key = std::string(LanguageCode(language)) + "|" + (layer ? layer->name : std::string());
    if (key == state.lines_key && state.lines.size() == state.hits.size())
        return;
    state.lines.clear();
    for (const themes::AlertHit& hit : state.hits)
        state.lines.push_back(AlertHitText(hit, state, workspace, language, false));
    state.lines_key = key;
}

} // namespace

AlertsState::AlertsState()
    : rules(themes::DefaultAlertRules()), engine(core::agg::CpuEngineOptions{.threads = 1})
{
}

void UpdateAlerts(const core::Workspace& workspace, const std::string& year, AlertsState& state)
{
    const std::size_t tables = workspace.Tables().size();
    if (!state.theme_inputs || state.theme_inputs_tables != tables) {
        state.theme_inputs = themes::BuildThemeInputs(workspace);
        state.theme_inputs_tables = tables;
        state.programme_names.clear();
        for (const themes::Programme& p : state.theme_inputs->catalogue)
            state.programme_names.emplace(p.crebo, p.name);
        state.inputs_key.clear();
    }
    const core::RegionLayer* layer = workspace.ActiveLayer();
    const std::string level = layer ? layer->name : std::string();
    const std::string key = std::to_string(tables) + "|" + level + "|" + year;
    if (key != state.inputs_key) {
        state.inputs = themes::BuildAlertInputs(state.engine, *state.theme_inputs, level, year, &state.sources);
        state.sources.problems.insert(state.sources.problems.begin(), state.theme_inputs->problems.begin(),
                                      state.theme_inputs->problems.end());
        state.inputs_key = key;
        ++state.inputs_builds;
        state.rules_changed = true;
    }
    if (state.rules_changed) {
        state.hits = themes::EvaluateAlerts(state.rules, state.inputs);
        state.groups = themes::GroupAlerts(state.rules, state.hits);
        state.expanded.resize(state.rules.size(), false);
        state.lines.clear();
        state.lines_key.clear();
        state.rules_changed = false;
    }
}

void UpdateAlerts(PanelContext& ctx, AlertsState& state)
{
    // The session's rules (a restored view's) replace the card's.
    if (state.rules_version != ctx.themes.AlertRulesVersion()) {
        state.rules = ctx.themes.AlertRules();
        state.rules_version = ctx.themes.AlertRulesVersion();
        state.rules_changed = true;
    }
    const core::DashboardModel& model = ctx.model;
    const int period = model.ShowsChange() ? model.ChangeTo() : model.PeriodIndex();
    const std::string year = period >= 0 && period < static_cast<int>(model.Periods().size())
                                 ? model.Periods()[static_cast<std::size_t>(period)]
                                 : std::string();
    UpdateAlerts(ctx.workspace, year, state);
}

std::string AlertTabLabel(const AlertsState& state, Language language)
{
    int firing = 0;
    for (const themes::AlertGroup& group : state.groups)
        firing += !group.hits.empty();
    if (firing == 0)
        return TrIn(TextId::alerts_title, language);
    char text[128];
    if (firing == 1)
        std::snprintf(text, sizeof text, "%s", TrIn(TextId::alerts_tab_one_rule, language));
    else
        std::snprintf(text, sizeof text, TrIn(TextId::alerts_tab, language), firing);
    return text;
}

std::vector<std::string> SelectAlertHit(core::Workspace& workspace, const themes::AlertHit& hit)
{
    const core::RegionLayer* active = workspace.ActiveLayer();
    if (!active || hit.region.empty())
        return {};
    std::set<std::string> codes;
    if (active->FindByCode(hit.region) >= 0) {
        codes.insert(hit.region);
    } else {
        // A code of another level: a municipality selects its province on a province map, a
        // labour-market region its municipalities on a municipality map.
        for (const auto& layer : workspace.Layers())
            if (layer.get() != active && layer->FindByCode(hit.region) >= 0) {
                codes = core::TranslateSelection(workspace.Layers(), *layer, *active, {hit.region});
                break;
            }
    }
    if (codes.empty())
        return {};
    workspace.GetSelection().Assign(codes);
    return {codes.begin(), codes.end()};
}

std::string AlertHitText(const themes::AlertHit& hit, const AlertsState& state, const core::Workspace& workspace,
                         Language language, bool with_kind)
{
    const core::NumberLocale locale = LocaleOf(language);
    const std::string region = RegionName(workspace, hit.region);
    const std::string threshold = ThresholdText(hit.threshold, IsPercentRule(hit.kind), language);
    const std::string change = core::FormatSignedPercent(hit.value, 1, locale);
    const std::string from = PeriodLabel(hit.from_period, language), to = PeriodLabel(hit.to_period, language);
    const auto name = state.programme_names.find(hit.crebo);
    // The code, and the name when a catalogue is loaded.
    const std::string programme = name != state.programme_names.end() && !name->second.empty()
                                      ? hit.crebo + " " + Shortened(name->second, kNameChars)
                                      : hit.crebo;
    char text[768];
    switch (hit.kind) {
    case themes::AlertKind::SmallProgramme:
        std::snprintf(text, sizeof text, TrIn(TextId::alert_line_small_programme, language), programme.c_str(),
                      hit.brin.c_str(), region.c_str(),
                      core::FormatNumber(hit.value, 0, locale).c_str(), threshold.c_str());
        break;
    case themes::AlertKind::SmallRegion:
        std::snprintf(text, sizeof text, TrIn(TextId::alert_line_small_region, language), region.c_str(),
                      core::FormatNumber(hit.value, 0, locale).c_str(), threshold.c_str());
        break;
    case themes::AlertKind::FastDecline:
    case themes::AlertKind::VacancyGrowth:
        std::snprintf(text, sizeof text, TrIn(TextId::alert_line_change, language), region.c_str(), change.c_str(),
                      from.c_str(), to.c_str());
        break;
    case themes::AlertKind::UniqueInShrinkingRegion:
        std::snprintf(text, sizeof text, TrIn(TextId::alert_line_unique, language), programme.c_str(),
                      hit.location.c_str(), region.c_str(), change.c_str(), from.c_str(), to.c_str());
        break;
    }
    const std::string line = text;
    return with_kind ? std::string(TrIn(KindText(hit.kind), language)) + ": " + line : line;
}

namespace {

// The rules, editable in place: on/off, threshold with its unit, years.
void DrawRuleEditor(PanelContext& ctx, AlertsState& state)
{
    const Language language = ctx.settings.language;
    const float field = ImGui::GetFontSize() * 4.5f;
    for (std::size_t i = 0; i < state.rules.size(); ++i) {
        themes::AlertRule& rule = state.rules[i];
        ImGui::PushID(static_cast<int>(i));
        const std::string name = rule.label.empty() ? TrIn(KindText(rule.kind), language) : rule.label;
        bool changed = ImGui::Checkbox(name.c_str(), &rule.enabled);
        ImGui::Indent();
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(IsPercentRule(rule.kind) ? ">" : "<"); // a decline's threshold is its size
        ImGui::SameLine();
        ImGui::SetNextItemWidth(field);
        if (ImGui::InputDouble("##threshold", &rule.threshold, 0.0, 0.0, "%g")) {
            rule.threshold = std::max(0.0, rule.threshold);
            changed = true;
        }
        ImGui::SameLine();
        ImGui::TextUnformatted(IsPercentRule(rule.kind) ? "%" : TrIn(TextId::alerts_unit_students, language));
        if (HasYears(rule.kind)) {
            ImGui::SameLine();
            ImGui::TextUnformatted(TrIn(TextId::alerts_in, language));
            ImGui::SameLine();
            ImGui::SetNextItemWidth(field);
            if (ImGui::InputInt("##years", &rule.years)) {
                rule.years = std::clamp(rule.years, 1, 50);
                changed = true;
            }
            ImGui::SameLine();
            ImGui::TextUnformatted(TrIn(TextId::alerts_unit_years, language));
        }
        ImGui::Unindent();
        ImGui::PopID();
        if (changed) {
            ctx.themes.SetAlertRules(state.rules); // saved with the view
            state.rules_version = ctx.themes.AlertRulesVersion();
            state.rules_changed = true;
        }
    }
    if (ImGui::SmallButton(TrIn(TextId::alerts_default_rules, language))) {
        ctx.themes.SetAlertRules(themes::DefaultAlertRules()); // taken by the next UpdateAlerts
    }
    ImGui::Separator();
}

} // namespace

void DrawAlertsCard(PanelContext& ctx, AlertsState& state, ImVec2 size)
{
    const Language language = ctx.settings.language;
    UpdateAlerts(ctx, state);

    ImGui::BeginChild("alerts", size, true);
    DrawHeading(ctx.fonts.heading, TrIn(TextId::alerts_title, language));
    ImGui::SameLine();
    const std::string rules_label = std::string(TrIn(TextId::alerts_rules, language)) + "###alert_rules";
    ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), ImGui::GetContentRegionMax().x -
                                                              ImGui::CalcTextSize(rules_label.c_str(), nullptr, true).x -
                                                              ImGui::GetStyle().FramePadding.x * 2.0f));
    if (ImGui::SmallButton(rules_label.c_str()))
        state.show_rules = !state.show_rules;
    if (state.show_rules) {
        DrawRuleEditor(ctx, state);
        UpdateAlerts(ctx, state); // an edit shows in this frame
    }
    PrepareLines(ctx.workspace, language, state);
    for (const std::string& problem : state.sources.problems) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.70f, 0.10f, 0.10f, 1.0f));
        ImGui::TextWrapped("%s", problem.c_str());
        ImGui::PopStyleColor();
    }

    const float hint_h = ImGui::GetTextLineHeightWithSpacing() * 2.2f;
    ImGui::BeginChild("alerts_list", ImVec2(0, std::max(ImGui::GetContentRegionAvail().y - hint_h, ImGui::GetFontSize() * 4)));
    const core::Selection& selection = ctx.workspace.GetSelection();
    for (const themes::AlertGroup& group : state.groups) {
        const std::size_t r = static_cast<std::size_t>(group.rule);
        const themes::AlertRule& rule = state.rules[r];
        const std::vector<std::size_t>& list = group.hits;
        const std::string heading = RuleHeading(rule, list.size(), state, language);
        const bool has_inputs = RuleHasInputs(state.inputs, rule.kind);
        // A rule without hits is one muted line; without its table it says so.
        ImGuiTreeNodeFlags flags = ImGuiTreeNodeFlags_DefaultOpen | ImGuiTreeNodeFlags_SpanAvailWidth;
        if (list.empty() && has_inputs)
            flags |= ImGuiTreeNodeFlags_Leaf;
        ImGui::PushStyleColor(ImGuiCol_Text, list.empty() ? ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled)
                                                          : ImGui::GetStyleColorVec4(ImGuiCol_Text));
        const bool open = ImGui::TreeNodeEx((heading + "###rule" + std::to_string(r)).c_str(), flags);
        ImGui::PopStyleColor();
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", heading.c_str());
        if (!open)
            continue;
        if (!has_inputs)
            ImGui::TextDisabled("%s", TrIn(TextId::alerts_no_tables, language));
        const std::size_t shown = state.expanded[r] ? list.size() : std::min(list.size(), kFirstAlertHits);
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(shown));
        while (clipper.Step())
            for (int k = clipper.DisplayStart; k < clipper.DisplayEnd; ++k) {
                const std::size_t h = list[static_cast<std::size_t>(k)];
                const themes::AlertHit& hit = state.hits[h];
                ImGui::PushID(static_cast<int>(h));
                if (ImGui::Selectable(state.lines[h].c_str(), selection.Contains(hit.region))) {
                    std::vector<std::string> codes = SelectAlertHit(ctx.workspace, hit);
                    if (!codes.empty())
                        state.fit_request = std::move(codes);
                }
                if (ImGui::IsItemHovered())
                    ImGui::SetTooltip("%s", AlertHitText(hit, state, ctx.workspace, language).c_str());
                ImGui::PopID();
            }
        if (list.size() > kFirstAlertHits) {
            char more[96];
            if (state.expanded[r])
                std::snprintf(more, sizeof more, "%s", TrIn(TextId::alerts_fewer, language));
            else
                std::snprintf(more, sizeof more, TrIn(TextId::alerts_more, language),
                              core::FormatNumber(static_cast<double>(list.size()), 0, LocaleOf(language)).c_str());
            if (ImGui::SmallButton((std::string(more) + "###more" + std::to_string(r)).c_str()))
                state.expanded[r] = !state.expanded[r];
        }
        ImGui::TreePop();
    }
    if (state.groups.empty() || state.hits.empty())
        ImGui::TextDisabled("%s", TrIn(TextId::alerts_none, language));
    ImGui::EndChild();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", TrIn(TextId::alerts_hint, language));
    ImGui::PopStyleColor();
    ImGui::EndChild();
}

} // namespace vak::ui
