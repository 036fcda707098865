#include "ui/panels.hpp"

#include "ui/panels/charts_panel.hpp"
#include "ui/panels/filters_panel.hpp"
#include "ui/panels/map_panel.hpp"
#include "ui/panels/status_bar.hpp"
#include "ui/panels/time_panel.hpp"

namespace vak::ui {

std::vector<std::unique_ptr<Panel>> CreatePanels()
{
    std::vector<std::unique_ptr<Panel>> panels;
    panels.push_back(std::make_unique<FiltersPanel>());
    auto map = std::make_unique<MapPanel>();
    MapPanel* map_panel = map.get(); // the charts' alerts zoom it
    panels.push_back(std::move(map));
    panels.push_back(std::make_unique<TimePanel>());
    panels.push_back(std::make_unique<ChartsPanel>(map_panel));
    panels.push_back(std::make_unique<StatusBar>());
    return panels;
}

} // namespace vak::ui
