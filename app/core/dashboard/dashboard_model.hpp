// What the dashboard shows, resolved against the loaded tables: which table and measure, which
// period, and the views the map and charts read, kept up to date through the aggregation
// core's cross-filter. Pure (no GL, no ImGui): the panels draw what this computes, and tests
// drive it the way the panels do.
//
// Levels: a table joined to the finest layer (gemeente) gets one extra dimension per coarser
// level derived from that layer (arbeidsmarktregio, provincie), so the map can show any level
// by grouping on that level's dimension, and a region selected on the map filters the charts
// on the same dimension, whatever the level.
#pragma once

#include "core/aggregate/cross_filter.hpp"
#include "core/dashboard/region_value.hpp"
#include "core/style/choropleth.hpp"
#include "core/style/palette.hpp"
#include "core/workspace.hpp"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace vak::core {

class DashboardModel {
public:
    explicit DashboardModel(agg::Engine& engine);

    // Picks up the workspace's tables (again) when they changed; keeps the user's choices where
    // they still apply. Call once per frame: cheap when nothing changed.
    void Sync(const Workspace& workspace);
    bool HasData() const { return m_table != nullptr; }

    // What is shown. Tables are those of the workspace joined to a region layer.
    const std::vector<int>& TableChoices() const { return m_table_choices; } // workspace indices
    int TableIndex() const { return m_table_index; }
    void SelectTable(int workspace_index);
    // Builds the shown table again from the workspace on the next Update: after the layers'
    // parent codes changed (a custom level), so that the new level is a dimension too.
    void ReloadTable()
    {
        if (m_table_index >= 0)
            m_table_index = -2 - m_table_index;
    }
    const agg::FactTable* Table() const { return m_table.get(); }
    int Measure() const { return m_measure; }
    void SelectMeasure(int measure);
    // A dimension that says which quantity a row holds (DUO/CBS long tables: "maat",
    // "indicator"): one of its values is always chosen, since summing across it is meaningless.
    int QuantityDimension() const { return m_quantity_dimension; }
    int QuantityCode() const { return m_quantity_code; }
    void SelectQuantity(int code);
    // Title of what the map shows: "aantal · mbo_studenten".
    std::string MeasureTitle() const;

    // Periods, in order ("2010" ... "2040", or quarters), and the one the map shows.
    const std::vector<std::string>& Periods() const { return m_periods; }
    int PeriodIndex() const { return m_period_index; } // into Periods(); -1 without periods
    void SelectPeriod(int index);

    // Per feature of `layer` (the active level, or its tile map: same codes), for the selected
    // period, under the selection's filter on other views. Features the table does not reach
    // are Empty. `level_covered` is false when the table is coarser than the layer.
    std::vector<RegionValue> MapValues(const RegionLayer& layer, bool* level_covered = nullptr);
    // Change between two periods, the krimp view: the map shows per region the change from
    // period `from` to period `to` in % (unknown where either end is unknown or the start is 0),
    // instead of the values in the selected period. Indices into Periods().
    void SetChange(int from, int to);
    void ClearChange();
    bool ShowsChange() const { return m_change_from >= 0; }
    int ChangeFrom() const { return m_change_from; }
    int ChangeTo() const { return m_change_to; }

    // A theme's indicator computed outside the cross-filter (distinct programmes per region,
    // vacancies per 1,000 inhabitants, km to the nearest location), shown on the map instead of
    // the table's values while set, for regions of one level. The charts keep showing the table.
    struct DerivedMap {
        std::string title;   // legend title: what the number is, with its unit
        std::string source;  // where it comes from, for the legend and exports
        std::string level;   // layer name the codes belong to ("gemeente")
        std::map<std::string, RegionValue> values; // by region code; absent: no data
        bool percent = false;
        int decimals = 0; // as the table and tooltip write the values
        std::vector<double> class_edges;  // fixed classes (km bands), else the user's classification
        std::optional<PaletteId> palette; // the indicator's own palette, else the user's
        std::string no_data_label;        // what a region without a value means here ("geen locatie")
        // Points drawn over the regions as circles whose area follows `size` (students at a
        // location); `closed` ones hollow and crossed out (a scenario closes them).
        struct Symbol {
            Vec2d position; // display CRS
            double size = 0;
            std::string label;
            bool closed = false;
        };
        std::vector<Symbol> symbols;
    };
    void ShowDerivedMap(DerivedMap map);
    void ClearDerivedMap();
    const DerivedMap* Derived() const { return m_derived ? &*m_derived : nullptr; }

    // Changes whenever MapValues would return something else: for caches of the map colours.
    std::uint64_t MapVersion() const { return m_map_version; }
    // Per period, in Periods() order: the total of the selected regions (every region when none
    // is selected), for the time chart.
    std::vector<RegionValue> PeriodSeries() const;
    // Per period, in Periods() order, for one region of the map's level, or for all of them
    // together (the national line): unaffected by the selection, as a reference should be.
    std::vector<RegionValue> PeriodSeriesOf(const std::string& region_code) const;
    std::vector<RegionValue> NationalPeriodSeries() const;
    // Index into Periods() of the first forecast period (rows marked "prognose"), or -1.
    int ForecastFrom() const { return m_forecast_from; }

    // The bars: the table's split by a category with few values (sector chamber, sector,
    // learning path), for the selected period and regions. Clicking bars filters the map and
    // the time chart to those categories; the bars themselves keep showing every category.
    int BarsDimension() const { return m_bars_dimension; } // -1: the table has none
    std::vector<RegionValue> BarValues() const;            // per code of BarsDimension()
    void ToggleBar(std::uint32_t code);
    bool BarSelected(std::uint32_t code) const;
    const std::vector<std::uint32_t>& SelectedBars() const { return m_selected_bars; }
    void ClearBars();
    // Recomputes what changed: call after changing the selection or choices.
    void Update(const Workspace& workspace);
    // Once after a table was chosen that has no figures for the active level (vacancies per
    // labour-market region while the map shows municipalities): the layer to switch to, the
    // finest one the table covers. The user's own later level choice is never overridden.
    std::optional<int> TakeLevelSuggestion(const Workspace& workspace);

    const agg::Engine& Engine() const { return *m_engine; }

    // How the map classifies and colours (the filters panel sets it, the map panel reads it).
    ChoroplethStyle& MapStyle() { return m_map_style; }
    const ChoroplethStyle& MapStyle() const { return m_map_style; }

private:
    void LoadTable(const Workspace& workspace, int workspace_index);
    void RebuildViews();
    int LevelDimension(const std::string& level) const;

    agg::Engine* m_engine;
    std::unique_ptr<agg::CrossFilter> m_cross;
    std::shared_ptr<agg::FactTable> m_table;
    std::size_t m_seen_tables = 0; // workspace tables already looked at
    std::vector<int> m_table_choices;
    int m_table_index = -1;
    int m_measure = 0;
    int m_quantity_dimension = -1;
    int m_quantity_code = 0;
    int m_period_dimension = -1;
    std::vector<std::string> m_periods;
    std::vector<std::uint32_t> m_period_codes; // Periods()[i] -> code in the period dimension
    int m_period_index = -1;
    std::string m_level;             // the level the map view groups by
    std::uint64_t m_selection_version = ~std::uint64_t(0);
    int m_map_view = -1, m_period_view = -1;
    int m_region_period_view = -1; // level x period: lines per region and the national line
    int m_forecast_from = -1;
    int m_change_from = -1, m_change_to = -1;
    int m_bars_dimension = -1, m_bars_view = -1;
    std::vector<std::uint32_t> m_selected_bars; // sorted
    std::uint64_t m_map_version = 0;
    bool m_level_check_pending = false; // a table was loaded: does the active level fit it?
    std::optional<DerivedMap> m_derived;
    ChoroplethStyle m_map_style;
    std::vector<std::unordered_map<std::string, std::uint32_t>> m_code_lookup; // per dimension
};

} // namespace vak::core
