#include "ui/theme_controller.hpp"

#include "core/dashboard/dashboard_model.hpp"
#include "core/data/period.hpp"
#include "core/errors.hpp"
#include "core/themes/programme_spread.hpp"
#include "core/themes/vacancy_density.hpp"
#include "core/workspace.hpp"
#include "ui/panels/panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

namespace vak::ui {

namespace {

int PeriodIndexOf(const core::DashboardModel& model, const std::string& label)
{
    const auto& periods = model.Periods();
    const auto it = std::find(periods.begin(), periods.end(), label);
    return it == periods.end() ? -1 : static_cast<int>(it - periods.begin());
}

std::string CurrentPeriodLabel(const core::DashboardModel& model)
{
    const int i = model.PeriodIndex();
    return i >= 0 && i < static_cast<int>(model.Periods().size()) ? model.Periods()[static_cast<std::size_t>(i)]
                                                                   : std::string();
}

std::string DimensionName(const core::themes::LevelTable& table, int dim)
{
    return dim >= 0 ? table.table->dimensions[static_cast<std::size_t>(dim)].name : std::string();
}

} // namespace

std::optional<Theme> ThemeFromName(std::string_view name)
{
    for (Theme theme : {Theme::Krimp, Theme::Programmes, Theme::Vacancies})
        if (name == ThemeName(theme))
            return theme;
    return std::nullopt;
}

const char* ThemeName(Theme theme)
{
    switch (theme) {
    case Theme::Krimp:
        return "krimp";
    case Theme::Programmes:
        return "opleidingsaanbod";
    case Theme::Vacancies:
        return "vacatures";
    }
    return "";
}

// One thread: theme indicators are computed once per change of their inputs, not per frame,
// and must not compete with the dashboard's engine for the cores.
ThemeController::ThemeController() : m_engine(core::agg::CpuEngineOptions{.threads = 1}) {}

const core::themes::ThemeInputs& ThemeController::Inputs(PanelContext& ctx)
{
    if (!m_inputs || m_inputs_tables != ctx.workspace.Tables().size()) {
        m_inputs = core::themes::BuildThemeInputs(ctx.workspace);
        m_inputs_tables = ctx.workspace.Tables().size();
    }
    return *m_inputs;
}

int ThemeController::TargetTable(PanelContext& ctx)
{
    const core::themes::ThemeTables tables = core::themes::FindThemeTables(ctx.workspace);
    switch (m_theme) {
    case Theme::Krimp:
        return tables.population;
    case Theme::Programmes:
        return tables.enrolment;
    case Theme::Vacancies:
        return tables.vacancies;
    }
    return -1;
}

void ThemeController::Apply(Theme theme, PanelContext& ctx)
{
    m_theme = theme;
    m_problem.clear();
    m_derived_key.clear();
    ctx.model.ClearDerivedMap();
    ctx.model.ClearChange();
    m_target_table = TargetTable(ctx);
    if (m_target_table < 0) {
        m_problem = Tr(TextId::theme_no_table);
        m_pending = false;
        return;
    }
    ctx.model.SelectTable(m_target_table);
    m_pending = true; // the model loads the table in its next Update
}

void ThemeController::FinishPreset(PanelContext& ctx)
{
    core::DashboardModel& model = ctx.model;
    m_pending = false;
    if (m_theme == Theme::Krimp) {
        // mbo students (not all inhabitants) when the table has them, and the change over the
        // decade the users plan for: 2015 to 2030 where the data reaches, else first to last.
        if (model.QuantityDimension() >= 0) {
            const auto& labels = model.Table()->dimensions[static_cast<std::size_t>(model.QuantityDimension())].labels;
            for (std::size_t c = 0; c < labels.size(); ++c)
                if (labels[c] == "mbo_studenten")
                    model.SelectQuantity(static_cast<int>(c));
        }
        const int last = static_cast<int>(model.Periods().size()) - 1;
        int from = PeriodIndexOf(model, "2015");
        int to = PeriodIndexOf(model, "2030");
        if (from < 0)
            from = 0;
        if (to <= from)
            to = last;
        if (to > from)
            model.SetChange(from, to);
    }
}

void ThemeController::UpdateDerivedMap(PanelContext& ctx)
{
    core::DashboardModel& model = ctx.model;
    const core::RegionLayer* layer = ctx.workspace.ActiveLayer();
    const std::string period = CurrentPeriodLabel(model);
    if (!layer || period.empty())
        return;
    const bool wants_map = m_theme == Theme::Programmes || (m_theme == Theme::Vacancies && m_per_thousand);
    const std::string key = std::to_string(static_cast<int>(m_theme)) + "|" + period + "|" + layer->name + "|" +
                            std::to_string(wants_map) + "|" + std::to_string(static_cast<int>(ctx.settings.language));
    if (key == m_derived_key)
        return;
    m_derived_key = key;
    m_problem.clear();
    if (!wants_map) {
        model.ClearDerivedMap();
        return;
    }
    try {
        const core::themes::ThemeInputs& in = Inputs(ctx);
        core::DashboardModel::DerivedMap map;
        char title[256];
        if (m_theme == Theme::Programmes) {
            if (!in.enrolment.table)
                throw core::InputError(Tr(TextId::theme_no_table));
            // The active level when the enrolment reaches it, else where the locations lie.
            const auto& levels = in.enrolment.levels;
            map.level = std::find(levels.begin(), levels.end(), layer->name) != levels.end() ? layer->name : levels.front();
            map.values = core::themes::DistinctProgrammesPerRegion(m_engine, in.enrolment, map.level, period, {}, in.catalogue);
            // The enrolment covers every institution: a region with no location offers none,
            // a known 0, not a gap in the data.
            if (layer->name == map.level)
                for (const core::RegionFeature& f : layer->features)
                    map.values.try_emplace(f.code, core::RegionValue{0.0, core::agg::GroupState::Known, 0});
            std::snprintf(title, sizeof title, Tr(TextId::theme_programmes_title), PeriodText(model, model.PeriodIndex(), ctx.settings.language).c_str());
            map.source = in.enrolment.table->provenance.source.empty() ? in.enrolment.table->name
                                                                        : in.enrolment.table->provenance.source;
        } else {
            if (!in.vacancies.table || !in.population.table || !in.municipalities)
                throw core::InputError(Tr(TextId::theme_no_population));
            const auto& levels = in.vacancies.levels;
            map.level = std::find(levels.begin(), levels.end(), layer->name) != levels.end() ? layer->name : levels.front();
            const std::map<std::string, core::RegionValue> vacancies = core::themes::SumPerRegion(
                m_engine, in.vacancies, map.level, {{DimensionName(in.vacancies, in.vacancies.Period()), period}});
            // Inhabitants in the vacancies' year (a quarter's year).
            const std::optional<core::Period> p = core::ParsePeriod(period);
            const int quantity = in.population.Column({"maat", "indicator", "onderwerp"});
            if (!p || quantity < 0)
                throw core::InputError(Tr(TextId::theme_no_population));
            const core::themes::Denominator denominator = core::themes::ChooseDenominator(
                in.population.table->dimensions[static_cast<std::size_t>(quantity)].labels);
            if (denominator.label.empty())
                throw core::InputError(Tr(TextId::theme_no_population));
            const std::map<std::string, core::RegionValue> population = core::themes::SumPerRegion(
                m_engine, in.population, in.municipalities->name,
                {{DimensionName(in.population, quantity), denominator.label},
                 {DimensionName(in.population, in.population.Period()), std::to_string(p->year)}});
            const core::themes::VacancyDensity density = core::themes::ComputeVacancyDensity(
                vacancies, population, *in.municipalities, map.level, denominator);
            for (const core::themes::RegionDensity& r : density.regions)
                map.values[r.region] = r.per_thousand;
            map.decimals = 1;
            std::snprintf(title, sizeof title, Tr(TextId::theme_per_thousand_title), denominator.label.c_str(),
                          PeriodText(model, model.PeriodIndex(), ctx.settings.language).c_str());
            map.source = (in.vacancies.table->provenance.source.empty() ? in.vacancies.table->name
                                                                         : in.vacancies.table->provenance.source);
        }
        map.title = title;
        model.ShowDerivedMap(std::move(map));
    } catch (const std::exception& e) {
        m_problem = e.what();
        model.ClearDerivedMap();
    }
}

void ThemeController::Update(PanelContext& ctx)
{
    if (m_requested) {
        Apply(*m_requested, ctx);
        m_requested.reset();
    }
    if (m_pending && ctx.model.TableIndex() == m_target_table && ctx.model.HasData())
        FinishPreset(ctx);
    if (!m_pending && m_target_table >= 0)
        UpdateDerivedMap(ctx);
}

void ThemeController::DrawControls(PanelContext& ctx)
{
    core::DashboardModel& model = ctx.model;
    if (!m_problem.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.70f, 0.10f, 0.10f, 1.0f));
        ImGui::TextWrapped("%s", m_problem.c_str());
        ImGui::PopStyleColor();
    }
    if (m_pending || m_target_table < 0 || !model.HasData())
        return;
    ImGui::Indent();
    if (m_theme == Theme::Krimp && model.Periods().size() > 1) {
        // The two ends of the change on the map (the time chart's brush sets the same).
        int from = model.ShowsChange() ? model.ChangeFrom() : 0;
        int to = model.ShowsChange() ? model.ChangeTo() : static_cast<int>(model.Periods().size()) - 1;
        auto year_combo = [&](TextId label, const char* id, int& index) {
            ImGui::AlignTextToFramePadding();
            ImGui::TextUnformatted(Tr(label));
            ImGui::SameLine(ImGui::GetFontSize() * 5.0f);
            ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6.0f);
            bool changed = false;
            if (ImGui::BeginCombo(id, PeriodText(model, index, ctx.settings.language).c_str())) {
                for (int i = 0; i < static_cast<int>(model.Periods().size()); ++i)
                    if (ImGui::Selectable(PeriodText(model, i, ctx.settings.language).c_str(), i == index)) {
                        index = i;
                        changed = true;
                    }
                ImGui::EndCombo();
            }
            return changed;
        };
        const bool a = year_combo(TextId::theme_change_from, "##krimp_from", from);
        const bool b = year_combo(TextId::theme_change_to, "##krimp_to", to);
        if ((a || b) && from != to)
            model.SetChange(std::min(from, to), std::max(from, to));
        if (!model.ShowsChange() && ImGui::SmallButton(Tr(TextId::theme_show_change)))
            model.SetChange(from, to > from ? to : static_cast<int>(model.Periods().size()) - 1);
    } else if (m_theme == Theme::Vacancies) {
        if (ImGui::Checkbox(Tr(TextId::theme_per_thousand), &m_per_thousand))
            m_derived_key.clear();
    }
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    const TextId hint = m_theme == Theme::Krimp        ? TextId::theme_krimp_hint
                        : m_theme == Theme::Programmes ? TextId::theme_programmes_hint
                                                       : TextId::theme_vacancies_hint;
    ImGui::TextWrapped("%s", Tr(hint));
    ImGui::PopStyleColor();
    ImGui::Unindent();
}

} // namespace vak::ui
