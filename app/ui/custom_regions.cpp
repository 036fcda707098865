#include "ui/custom_regions.hpp"

#include "core/dashboard/dashboard_model.hpp"
#include "core/errors.hpp"
#include "core/workspace.hpp"
#include "io/csv_export.hpp"
#include "io/region_dissolve.hpp"
#include "ui/panels/panel.hpp"

#include <imgui.h>

#include <cstdio>

namespace vak::ui {

namespace {

// The layer whose features carry the parent codes: the first one loaded from a file (the
// municipalities), not one dissolved from it.
int FinestLayer(const core::Workspace& workspace)
{
    for (std::size_t i = 0; i < workspace.Layers().size(); ++i)
        if (!workspace.Layers()[i]->is_derived)
            return static_cast<int>(i);
    return -1;
}

void Regroup(core::Workspace& workspace, core::DashboardModel& model, const std::map<std::string, std::string>& groups)
{
    const int finest = FinestLayer(workspace);
    if (finest < 0)
        throw core::InputError("custom regions need a region layer");
    workspace.AssignGroups(finest, kCustomLevel, groups);
    const core::RegionLayer& base = *workspace.Layers()[static_cast<std::size_t>(finest)];
    io::RegionGrouping grouping = io::GroupByParent(base, kCustomLevel);
    grouping.problems.clear(); // municipalities outside every group are simply not in the level
    core::RegionLayer layer = io::DissolveRegions(base, grouping);
    layer.name = kCustomLevel;
    layer.is_derived = true;
    workspace.AddOrReplaceLayer(std::move(layer));
    model.ReloadTable(); // the tables gain (or lose) the level's dimension
}

} // namespace

std::map<std::string, std::string> CustomGroups(const core::Workspace& workspace)
{
    std::map<std::string, std::string> groups;
    const int finest = FinestLayer(workspace);
    if (finest < 0)
        return groups;
    for (const core::RegionFeature& f : workspace.Layers()[static_cast<std::size_t>(finest)]->features)
        if (const std::string* group = f.Parent(kCustomLevel))
            groups[f.code] = *group;
    return groups;
}

void AddCustomRegion(core::Workspace& workspace, core::DashboardModel& model, const std::string& name,
                     const std::set<std::string>& codes)
{
    if (name.empty())
        throw core::InputError("a custom region needs a name");
    const int finest = FinestLayer(workspace);
    const core::RegionLayer* active = workspace.ActiveLayer();
    if (finest < 0 || !active)
        throw core::InputError("custom regions need a region layer");
    const core::RegionLayer& base = *workspace.Layers()[static_cast<std::size_t>(finest)];
    // A province or labour-market region chosen on its own level stands for its municipalities.
    const std::set<std::string> members =
        active == &base ? codes : core::TranslateSelection(workspace.Layers(), *active, base, codes);
    if (members.empty())
        throw core::InputError("select the municipalities of the new region on the map first");
    std::map<std::string, std::string> groups = CustomGroups(workspace);
    for (const std::string& code : members)
        groups[code] = name;
    Regroup(workspace, model, groups);
}

void RemoveCustomRegion(core::Workspace& workspace, core::DashboardModel& model, const std::string& name)
{
    std::map<std::string, std::string> groups = CustomGroups(workspace);
    std::erase_if(groups, [&](const auto& entry) { return entry.second == name; });
    Regroup(workspace, model, groups);
}

void SaveCustomRegions(const core::Workspace& workspace, const std::string& path)
{
    std::vector<std::vector<std::string>> rows;
    for (const auto& [code, group] : CustomGroups(workspace))
        rows.push_back({code, group});
    io::WriteCsv(path, {{"regio_code", false}, {kCustomLevel, false}}, rows);
}

void CustomRegionsSection::Draw(PanelContext& ctx)
{
    const std::map<std::string, std::string> groups = CustomGroups(ctx.workspace);
    std::map<std::string, int> sizes;
    for (const auto& [code, group] : groups)
        ++sizes[group];
    const std::size_t selected = ctx.workspace.GetSelection().Codes().size();
    if (groups.empty() && selected == 0) {
        ImGui::TextDisabled("%s", Tr(TextId::custom_hint));
        return;
    }
    ImGui::TextUnformatted(Tr(TextId::custom_title));
    if (selected > 0) {
        ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.55f);
        ImGui::InputTextWithHint("##custom_name", Tr(TextId::custom_name_hint), m_name, sizeof m_name);
        ImGui::SameLine();
        char label[96];
        std::snprintf(label, sizeof label, Tr(TextId::custom_make), selected);
        if (ImGui::Button(label)) {
            try {
                AddCustomRegion(ctx.workspace, ctx.model, m_name, ctx.workspace.GetSelection().Codes());
                m_message.clear();
                m_name[0] = '\0';
            } catch (const std::exception& e) {
                m_message = e.what();
            }
        }
    }
    for (const auto& [group, count] : sizes) {
        const std::string chip = group + " (" + std::to_string(count) + ")  \xC3\x97##custom" + group;
        if (ImGui::SmallButton(chip.c_str())) {
            RemoveCustomRegion(ctx.workspace, ctx.model, group);
            break; // `sizes` is stale now
        }
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", Tr(TextId::custom_remove_hint));
    }
    if (!groups.empty()) {
        ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.55f);
        ImGui::InputText("##custom_path", m_path, sizeof m_path);
        ImGui::SameLine();
        if (ImGui::Button(Tr(TextId::custom_save))) {
            try {
                SaveCustomRegions(ctx.workspace, m_path);
                char done[640];
                std::snprintf(done, sizeof done, Tr(TextId::custom_saved), m_path);
                m_message = done;
            } catch (const std::exception& e) {
                m_message = e.what();
            }
        }
    }
    if (!m_message.empty())
        ImGui::TextWrapped("%s", m_message.c_str());
}

} // namespace vak::ui
