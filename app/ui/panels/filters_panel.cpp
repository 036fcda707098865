#include "ui/panels/filters_panel.hpp"

#include "core/workspace.hpp"
#include "ui/level_names.hpp"
#include "ui/theme_controller.hpp"
#include "ui/widgets.hpp"

#include "core/dashboard/dashboard_model.hpp"
#include "core/style/palette.hpp"
#include "core/text/number_format.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>

namespace vak::ui {

void FiltersPanel::DrawMapChoices(PanelContext& ctx)
{
    core::DashboardModel& model = ctx.model;
    if (!model.HasData())
        return;
    DrawHeading(ctx.fonts.heading, Tr(TextId::filters_map));
    const core::agg::FactTable& table = *model.Table();
    // Label left, combo filling the rest of the line.
    auto combo = [&](TextId label, const char* id, const std::string& preview, auto&& items) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(Tr(label));
        ImGui::SameLine(ImGui::GetFontSize() * 6.0f);
        ImGui::SetNextItemWidth(-1.0f);
        if (ImGui::BeginCombo(id, preview.c_str())) {
            items();
            ImGui::EndCombo();
        }
    };
    combo(TextId::map_table, "##table", table.name, [&] {
        for (int i : model.TableChoices()) {
            const std::string& name = ctx.workspace.Tables()[static_cast<std::size_t>(i)]->dataset.name;
            if (ImGui::Selectable(name.c_str(), i == model.TableIndex()))
                model.SelectTable(i);
        }
    });
    if (model.QuantityDimension() >= 0) {
        const core::agg::FactDimension& q = table.dimensions[static_cast<std::size_t>(model.QuantityDimension())];
        combo(TextId::map_quantity, "##quantity", q.labels[static_cast<std::size_t>(model.QuantityCode())], [&] {
            for (std::uint32_t c = 0; c < q.Cardinality(); ++c)
                if (ImGui::Selectable(q.labels[c].c_str(), static_cast<int>(c) == model.QuantityCode()))
                    model.SelectQuantity(static_cast<int>(c));
        });
    }
    if (table.measures.size() > 1)
        combo(TextId::map_measure, "##measure", table.measures[static_cast<std::size_t>(model.Measure())].name, [&] {
            for (std::size_t m = 0; m < table.measures.size(); ++m)
                if (ImGui::Selectable(table.measures[m].name.c_str(), static_cast<int>(m) == model.Measure()))
                    model.SelectMeasure(static_cast<int>(m));
        });
    core::ChoroplethStyle& style = model.MapStyle();
    const std::pair<core::ClassMethod, TextId> methods[] = {{core::ClassMethod::Quantile, TextId::class_quantile},
                                                             {core::ClassMethod::EqualInterval, TextId::class_equal},
                                                             {core::ClassMethod::NaturalBreaks, TextId::class_jenks},
                                                             {core::ClassMethod::Manual, TextId::class_manual}};
    std::string method_name;
    for (const auto& [method, text] : methods)
        if (method == style.method)
            method_name = Tr(text);
    combo(TextId::map_classes, "##method", method_name, [&] {
        for (const auto& [method, text] : methods)
            if (ImGui::Selectable(Tr(text), method == style.method))
                style.method = method;
    });
    if (style.method == core::ClassMethod::Manual) {
        DrawManualBreaks(ctx);
    } else {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(Tr(TextId::map_class_count));
        ImGui::SameLine(ImGui::GetFontSize() * 6.0f);
        ImGui::SetNextItemWidth(-1.0f);
        ImGui::SliderInt("##classes", &style.classes, 3, 7);
    }
    combo(TextId::map_palette, "##palette", std::string(core::PaletteName(style.palette)), [&] {
        for (core::PaletteId palette : core::AllPalettes()) {
            if (core::IsDiverging(palette))
                continue; // for change maps, centred on zero (the krimp theme)
            const std::vector<std::uint32_t> colors = core::PaletteColors(palette, 5);
            // A strip of the palette's colours before its name, so the choice is seen, not read.
            const ImVec2 at = ImGui::GetCursorScreenPos();
            const float h = ImGui::GetTextLineHeight(), w = h * 0.9f;
            if (ImGui::Selectable(("       " + std::string(core::PaletteName(palette))).c_str(), palette == style.palette))
                style.palette = palette;
            ImDrawList* draw = ImGui::GetWindowDrawList();
            for (std::size_t i = 0; i < colors.size(); ++i)
                draw->AddRectFilled(ImVec2(at.x + float(i) * w * 0.5f, at.y), ImVec2(at.x + float(i + 1) * w * 0.5f, at.y + h),
                                    static_cast<ImU32>(colors[i]));
        }
    });
    ImGui::Spacing();
    ImGui::Separator();
}

void FiltersPanel::DrawManualBreaks(PanelContext& ctx)
{
    core::ChoroplethStyle& style = ctx.model.MapStyle();
    const core::NumberLocale locale =
        ctx.settings.language == Language::Dutch ? core::NumberLocale::Dutch : core::NumberLocale::English;
    // Start from the quantile edges of what the map shows now, so the user edits rather than
    // types from nothing.
    if (style.manual_edges.empty() && m_breaks_text[0] == '\0') {
        if (const core::RegionLayer* layer = ctx.workspace.DisplayedLayer()) {
            std::vector<double> known;
            for (const core::RegionValue& v : ctx.model.MapValues(*layer))
                if (v.state == core::agg::GroupState::Known)
                    known.push_back(v.value);
            const core::Classification start = core::Classify(core::ClassMethod::Quantile, known, style.classes);
            std::string text;
            for (double edge : start.breaks)
                text += (text.empty() ? "" : "; ") + core::FormatNumber(edge, std::fabs(edge) < 10 ? 1 : 0, locale);
            std::snprintf(m_breaks_text, sizeof m_breaks_text, "%s", text.c_str());
        }
    }
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(Tr(TextId::map_breaks));
    ImGui::SameLine(ImGui::GetFontSize() * 6.0f);
    ImGui::SetNextItemWidth(-1.0f);
    const bool edited = ImGui::InputText("##breaks", m_breaks_text, sizeof m_breaks_text);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", Tr(TextId::map_breaks_help));
    if (edited || style.manual_edges.empty()) {
        std::string bad;
        const std::optional<std::vector<double>> edges = core::ParseNumberList(m_breaks_text, locale, &bad);
        m_breaks_problem.clear();
        if (!edges) {
            char message[256];
            std::snprintf(message, sizeof message, Tr(TextId::map_breaks_not_number), bad.c_str());
            m_breaks_problem = message;
        } else {
            switch (core::CheckManualBreaks(*edges)) {
            case core::ManualBreaksProblem::None:
                style.manual_edges = *edges;
                style.classes = static_cast<int>(edges->size()) - 1;
                break;
            case core::ManualBreaksProblem::TooFew:
                m_breaks_problem = Tr(TextId::map_breaks_too_few);
                break;
            case core::ManualBreaksProblem::TooMany:
                m_breaks_problem = Tr(TextId::map_breaks_too_many);
                break;
            case core::ManualBreaksProblem::NotFinite:
            case core::ManualBreaksProblem::NotAscending:
                m_breaks_problem = Tr(TextId::map_breaks_not_ascending);
                break;
            }
        }
    }
    // The map keeps the last valid edges while the text is wrong; say why it does not follow.
    if (!m_breaks_problem.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.70f, 0.10f, 0.10f, 1.0f));
        ImGui::TextWrapped("%s", m_breaks_problem.c_str());
        ImGui::PopStyleColor();
    }
}

void FiltersPanel::DrawActiveFilters(PanelContext& ctx)
{
    if (!ctx.model.HasData())
        return;
    DrawHeading(ctx.fonts.heading, Tr(TextId::filters_active));
    core::Selection& selection = ctx.workspace.GetSelection();
    core::DashboardModel& model = ctx.model;
    // The change map (brushed in the time chart), as a chip that returns to the year's values.
    if (model.ShowsChange()) {
        char chip[160];
        std::snprintf(chip, sizeof chip, Tr(TextId::filters_change_chip),
                      model.Periods()[static_cast<std::size_t>(model.ChangeFrom())].c_str(),
                      model.Periods()[static_cast<std::size_t>(model.ChangeTo())].c_str());
        if (ImGui::SmallButton((std::string(chip) + "  \xC3\x97##change").c_str()))
            model.ClearChange();
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", Tr(TextId::filters_remove_hint));
    }
    // Categories picked in the bars, as chips too.
    if (!model.SelectedBars().empty()) {
        const core::agg::FactDimension& split = model.Table()->dimensions[static_cast<std::size_t>(model.BarsDimension())];
        std::optional<std::uint32_t> remove;
        for (std::uint32_t code : model.SelectedBars()) {
            const std::string label = split.name + ": " + split.labels[code] + "  \xC3\x97##bar" + std::to_string(code);
            if (ImGui::SmallButton(label.c_str()))
                remove = code;
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("%s", Tr(TextId::filters_remove_hint));
        }
        if (remove)
            model.ToggleBar(*remove);
    }
    if (selection.Empty() && model.SelectedBars().empty() && !model.ShowsChange()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("%s", Tr(TextId::filters_none));
        ImGui::PopStyleColor();
    } else if (!selection.Empty()) {
        // One chip per selected region; clicking it removes that region from the filter.
        const core::RegionLayer* layer = ctx.workspace.ActiveLayer();
        const float right = ImGui::GetWindowContentRegionMax().x;
        std::string remove;
        int n = 0;
        for (const std::string& code : selection.Codes()) {
            std::string name = code;
            if (layer)
                for (const core::RegionFeature& f : layer->features)
                    if (f.code == code) {
                        name = f.name;
                        break;
                    }
            const std::string label = name + "  \xC3\x97##chip" + std::to_string(n++);
            const float w = ImGui::CalcTextSize(label.c_str(), nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
            if (n > 1 && ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + w < ImGui::GetWindowPos().x + right)
                ImGui::SameLine();
            if (ImGui::SmallButton(label.c_str()))
                remove = code;
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("%s", Tr(TextId::filters_remove_hint));
        }
        if (!remove.empty())
            selection.Toggle(remove);
    }
    if (!selection.Empty() || !model.SelectedBars().empty() || model.ShowsChange()) {
        if (ImGui::Button(Tr(TextId::filters_clear))) {
            selection.Clear();
            model.ClearBars();
            model.ClearChange();
        }
    }
    ImGui::Spacing();
    ImGui::Separator();
}

void FiltersPanel::DrawTable(const core::Workspace::LoadedTable& table, std::size_t index)
{
    const core::ImportReport& r = table.report;
    ImGui::PushID(static_cast<int>(index));
    ImGui::TextUnformatted(table.dataset.name.c_str());
    if (ImGui::IsItemHovered()) {
        // The column roles as detected (or set by a sidecar), for the user to confirm, and what
        // the import noticed: the same as `vakatlas inspect` prints.
        ImGui::BeginTooltip();
        ImGui::TextUnformatted(r.file.c_str());
        ImGui::Separator();
        ImGui::TextUnformatted(Tr(TextId::data_mapping));
        ImGui::TextUnformatted(r.mapping.c_str());
        for (const std::string& note : r.notes) {
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 40.0f);
            ImGui::TextDisabled("%s", note.c_str());
            ImGui::PopTextWrapPos();
        }
        ImGui::EndTooltip();
    }
    ImGui::Indent();
    ImGui::TextDisabled("%ld %s", r.rows_landed, Tr(TextId::data_rows));
    if (!r.rejected.empty()) {
        ImGui::TextColored(ImVec4(0.65f, 0.20f, 0.05f, 1.0f), "%ld %s", r.rows_rejected, Tr(TextId::data_not_landed));
        if (ImGui::IsItemHovered()) {
            // The first rows not landed, with row, column and reason, as inspect prints them.
            ImGui::BeginTooltip();
            const std::size_t shown = std::min<std::size_t>(r.rejected.size(), 15);
            for (std::size_t k = 0; k < shown; ++k) {
                const core::ImportIssue& issue = r.rejected[k];
                ImGui::Text("%ld  %s  '%s': %s", issue.row, issue.column.c_str(), issue.value.c_str(),
                            issue.reason.c_str());
            }
            if (shown < r.rejected.size())
                ImGui::TextDisabled("... +%zu", r.rejected.size() - shown);
            ImGui::EndTooltip();
        }
    }
    if (r.values_suppressed > 0)
        ImGui::TextDisabled("%ld %s", r.values_suppressed, Tr(TextId::data_suppressed));
    if (!table.joined_layer.empty())
        ImGui::TextDisabled("%s %s", Tr(TextId::data_joined_to), table.joined_layer.c_str());
    if (table.dataset.provenance.synthetic)
        ImGui::TextColored(ImVec4(0.55f, 0.35f, 0.0f, 1.0f), "%s", Tr(TextId::data_synthetic));
    ImGui::Unindent();
    ImGui::PopID();
}

void FiltersPanel::DrawContent(PanelContext& ctx)
{
    // Themes first: the questions users come with. Presets of the same views (their table,
    // level and map), with their own options.
    DrawHeading(ctx.fonts.heading, Tr(TextId::filters_theme));
    const std::pair<Theme, TextId> themes[] = {
        {Theme::Krimp, TextId::theme_krimp}, {Theme::Programmes, TextId::theme_programmes}, {Theme::Vacancies, TextId::theme_vacancies}};
    for (const auto& [theme, text] : themes) {
        const std::string label = std::string(Tr(text)) + "###theme" + std::to_string(static_cast<int>(theme));
        if (ImGui::RadioButton(label.c_str(), ctx.themes.Current() == theme))
            ctx.themes.Select(theme);
        if (ctx.themes.Current() == theme)
            ctx.themes.DrawControls(ctx);
    }
    ImGui::Spacing();
    ImGui::Separator();

    // Region level: one entry per loaded or derived layer.
    DrawHeading(ctx.fonts.heading, Tr(TextId::filters_level));
    const auto& layers = ctx.workspace.Layers();
    if (layers.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("%s", Tr(TextId::filters_no_levels));
        ImGui::PopStyleColor();
    }
    for (std::size_t i = 0; i < layers.size(); ++i) {
        char label[192];
        std::snprintf(label, sizeof label, "%s (%zu)###level%zu", LevelLabel(*layers[i]).c_str(),
                      layers[i]->features.size(), i);
        if (ImGui::RadioButton(label, ctx.workspace.ActiveLayerIndex() == static_cast<int>(i)))
            ctx.workspace.SetActiveLayer(static_cast<int>(i));
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", layers[i]->source.c_str());
    }
    m_custom_regions.Draw(ctx);
    ImGui::Spacing();
    ImGui::Separator();

    DrawMapChoices(ctx);
    DrawActiveFilters(ctx);

    // Loaded tables with their import reports: what landed, what did not and why. Folded by
    // default (the room needs the map, not the files), open when there is nothing loaded.
    ImGui::PushFont(ctx.fonts.heading);
    const std::string data_label = std::string(Tr(TextId::filters_data)) + " (" +
                                   std::to_string(ctx.workspace.Tables().size()) + ")###data";
    const bool open = ImGui::CollapsingHeader(data_label.c_str(), ctx.workspace.Tables().empty() ? ImGuiTreeNodeFlags_DefaultOpen : 0);
    ImGui::PopFont();
    if (open) {
        if (ctx.workspace.Tables().empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            ImGui::TextWrapped("%s", Tr(TextId::data_none));
            ImGui::PopStyleColor();
        }
        for (std::size_t i = 0; i < ctx.workspace.Tables().size(); ++i)
            DrawTable(*ctx.workspace.Tables()[i], i);
    }
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", Tr(TextId::filters_how_to));
    ImGui::PopStyleColor();

}

} // namespace vak::ui
