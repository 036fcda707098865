// Right column: the linked charts (time series, bars per sector, scatter).
#pragma once

#include "ui/alerts_card.hpp"
#include "ui/charts/chart_data.hpp"
#include "ui/charts/table_view.hpp"
#include "ui/panels/panel.hpp"

#include <vector>

namespace vak::ui {

class MapPanel;
class CompareView;

class ChartsPanel final : public Panel {
public:
    // `map`: where a click on an alert zooms (may be null).
    explicit ChartsPanel(MapPanel* map = nullptr) : m_map(map) {}
    LayoutSlot Slot() const override { return LayoutSlot::Charts; }

    // What the user chose here (index mode): the chart exports follow it. A view or a test may set it.
    const charts::ChartChoices& Choices() const { return m_choices; }
    void SetChoices(const charts::ChartChoices& choices) { m_choices = choices; }
    // The time chart as drawn in the last frame (empty before the first, or without data).
    const charts::TimeChart& ShownTimeChart() const { return m_time_chart; }
    // The region table as drawn in the last frame: its columns and rows, and the rows' order.
    const charts::TableViewData& ShownTable() const { return m_table; }
    const charts::TableViewResult& ShownTableOrder() const { return m_table_order; }

protected:
    TextId Title() const override { return TextId::panel_charts_title; }
    const char* StableId() const override { return "###charts"; }
    void DrawContent(PanelContext& ctx) override;

private:
    void DrawTimeSeries(PanelContext& ctx, float height);
    void DrawBars(PanelContext& ctx, float height);
    using RegionSeries = charts::RegionSeries;
    void DrawRegionTable(PanelContext& ctx, float height, const RegionSeries& region_series);
    // The region table while the map compares: false (data untouched) when it does not.
    bool FillCompareTable(const CompareView& compare, PanelContext& ctx, const core::RegionLayer& layer,
                          const RegionSeries& region_series, charts::TableViewData& data) const;
    // Draws `data` (then kept as ShownTable) with the selection's click handling and hint.
    void DrawTable(PanelContext& ctx, const core::RegionLayer& layer, charts::TableViewData data,
                   const char* table_id, charts::TableSort initial);
    void DrawKrimpAgainstVacancies(PanelContext& ctx, float height);
    void DrawScatter(PanelContext& ctx, float height, const RegionSeries& region_series);
    charts::ChartChoices m_choices;
    charts::TimeChart m_time_chart; // built each frame, then drawn
    charts::TableViewData m_table;  // the region table, as last drawn
    charts::TableViewResult m_table_order;
    AlertsState m_alerts;     // the alerts tab beside the middle chart
    MapPanel* m_map = nullptr;
};

} // namespace vak::ui
