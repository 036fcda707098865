// Right column: the linked charts (time series, bars per sector, scatter).
#pragma once

#include "core/dashboard/region_value.hpp"
#include "ui/alerts_card.hpp"
#include "ui/panels/panel.hpp"

#include <vector>

namespace vak::ui {

class MapPanel;

class ChartsPanel final : public Panel {
public:
    // `map`: where a click on an alert zooms (may be null).
    explicit ChartsPanel(MapPanel* map = nullptr) : m_map(map) {}
    LayoutSlot Slot() const override { return LayoutSlot::Charts; }

protected:
    TextId Title() const override { return TextId::panel_charts_title; }
    const char* StableId() const override { return "###charts"; }
    void DrawContent(PanelContext& ctx) override;

private:
    void DrawTimeSeries(PanelContext& ctx, float height);
    void DrawBars(PanelContext& ctx, float height);
    // Per feature of the active level, in Periods() order.
    using RegionSeries = std::vector<std::vector<core::RegionValue>>;
    void DrawRegionTable(PanelContext& ctx, float height, const RegionSeries& region_series);
    void DrawKrimpAgainstVacancies(PanelContext& ctx, float height);
    void DrawScatter(PanelContext& ctx, float height, const RegionSeries& region_series);
    bool m_index_mode = true; // krimp is about relative change: regions of any size compare
    AlertsState m_alerts;     // the alerts tab beside the middle chart
    MapPanel* m_map = nullptr;
};

} // namespace vak::ui
