// Custom regions: the user groups municipalities into named regions (a platform's own
// sub-regions) from the map's selection. The groups become the finest layer's parent codes at
// the level "eigen_regio", the level's shapes are dissolved from them with GEOS, and from then
// on it is a level like any other (map, charts, selection, exports). Saved as a table of
// region code and group that `--groups FILE` reads back.
#pragma once

#include <map>
#include <set>
#include <string>

namespace vak::core {
class DashboardModel;
class Workspace;
} // namespace vak::core

namespace vak::ui {

struct PanelContext;

inline constexpr const char* kCustomLevel = "eigen_regio";

// Region code (of the finest layer) -> group name; empty when none was made.
std::map<std::string, std::string> CustomGroups(const core::Workspace& workspace);
// Makes (or extends) group `name` from `codes` of the active level: codes of a coarser level
// stand for their municipalities. A municipality is in one group at most: it moves. Throws
// core::InputError when the name is empty or no municipality is given.
void AddCustomRegion(core::Workspace& workspace, core::DashboardModel& model, const std::string& name,
                     const std::set<std::string>& codes);
void RemoveCustomRegion(core::Workspace& workspace, core::DashboardModel& model, const std::string& name);
// Writes the groups as CSV (regio_code, eigen_regio) through GDAL, atomically.
void SaveCustomRegions(const core::Workspace& workspace, const std::string& path);

// The "Eigen regio's" section of the filters panel.
class CustomRegionsSection {
public:
    void Draw(PanelContext& ctx);

private:
    char m_name[96] = {};
    char m_path[512] = "eigen_regios.csv";
    std::string m_message; // the last action's outcome or problem
};

} // namespace vak::ui
