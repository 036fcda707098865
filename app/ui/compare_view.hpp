// Side-by-side compare (the map panel's "Vergelijk"): the shown layer twice, next to each other,
// for a room that asks "how was it, how will it be": two periods of the map's table, or, in the
// Opleidingsaanbod theme, the reachability now and after the scenario. Both maps follow one
// camera (the map panel's: a pan or zoom in either moves both) and share one classification,
// computed over the values of both sides, so that a colour means the same number left and right;
// one legend explains both. Each side carries its own title ("2015" | "2025", "Nu" | "Scenario").
//
// The values and classes are computed here without ImGui or GL (BuildYearSides,
// BuildScenarioSides, MakeSharedChoropleth: what the tests check); CompareView keeps them up to
// date per frame, draws the choice of what to compare, and owns the canvas of the right-hand map
// (the left one is the panel's own canvas).
#pragma once

#include "core/dashboard/region_value.hpp"
#include "core/data/period.hpp"
#include "core/geo/region_layer.hpp"
#include "core/style/choropleth.hpp"
#include "ui/texts/texts.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace vak::core {
class DashboardModel;
}
namespace vak::core::themes {
struct ScenarioResult;
}
namespace vak::gpu {
class MapCanvas;
class ShaderLibrary;
} // namespace vak::gpu

namespace vak::ui {

struct PanelContext;

enum class CompareMode { Years, Scenario };

struct CompareSide {
    std::string title;                     // over the map: "2015", "Nu", "Scenario: …"
    std::vector<core::RegionValue> values; // per feature of the layer
};

struct CompareSides {
    CompareSide left, right;
    std::string problem; // why there is nothing to compare (empty when there is)
};

// The map's table in two periods (indices into model.Periods()), per feature of `layer` (the
// model's level or its tile map), under the same filters as the map: the values the map shows
// when that period is selected. A period out of range gives a problem instead.
CompareSides BuildYearSides(const core::DashboardModel& model, const core::RegionLayer& layer, int left_period,
                            int right_period, Language language);

// Straight-line km to the nearest location before (left) and after (right) the scenario, per
// municipality of `layer`; municipalities without any location are Empty (no data).
CompareSides BuildScenarioSides(const core::themes::ScenarioResult& result, const core::RegionLayer& layer,
                                std::string right_title, Language language);

// --compare FROM,TO: the indices of the two periods among the model's periods (labels compared
// as periods, so "2025Q2" finds "2025KW2"). Throws core::UsageError naming `option_name`, the
// value and the table's first and last period when the map's table lacks either.
std::pair<int, int> ComparePeriodIndices(const core::DashboardModel& model,
                                         const std::pair<core::Period, core::Period>& periods,
                                         std::string_view option_name = "--compare");

struct SharedChoropleth {
    // Classes computed over both sides' values (counts over both): what the legend lists.
    core::Choropleth both;
    // Each side coloured with those same classes and colours.
    core::Choropleth left, right;
};
SharedChoropleth MakeSharedChoropleth(const CompareSides& sides, const core::ChoroplethStyle& style);

class CompareView {
public:
    CompareView();
    ~CompareView();
    CompareView(const CompareView&) = delete;
    CompareView& operator=(const CompareView&) = delete;

    bool Active() const { return m_active; }
    void SetActive(bool on) { m_active = on; }
    CompareMode Mode() const { return m_mode; }
    void SetMode(CompareMode mode)
    {
        m_mode = mode;
        m_requested.reset();
    }
    // Periods of the years mode (indices into the model's periods); -1: chosen when first shown
    // (the change map's two years, else 2015 or the first, against the map's period).
    void SetPeriods(int left, int right)
    {
        m_left_period = left;
        m_right_period = right;
        m_requested.reset();
    }
    // Active in the years mode on these two periods (--compare in a window), found among the
    // model's periods in Update once the theme has settled (it may still be loading the map's
    // table); a period the table lacks is then the problem the map panel shows.
    void RequestPeriods(const std::pair<core::Period, core::Period>& periods)
    {
        m_active = true;
        m_mode = CompareMode::Years;
        m_requested = periods;
    }
    int LeftPeriod() const { return m_left_period; }
    int RightPeriod() const { return m_right_period; }
    // The two periods on the maps while they compare periods (for the charts beside them).
    std::optional<std::pair<int, int>> ComparedPeriods() const
    {
        if (!m_active || m_mode != CompareMode::Years || !Ready())
            return std::nullopt;
        return std::pair{m_left_period, m_right_period};
    }

    // Once per frame while active: the sides, classes and colours for `layer`, again only when
    // the model's map, the mode, the periods, the style or the language changed.
    void Update(PanelContext& ctx, const core::RegionLayer& layer);
    bool Ready() const { return m_sides.problem.empty() && !m_sides.left.values.empty(); }
    const CompareSides& Sides() const { return m_sides; }
    // The sides per feature of `layer` (matched by code; a region the maps lack is unknown), when
    // the compare is ready and its sides were made for `shown` (the layer the map shows: the
    // level or its tile map); nullopt otherwise. For the region table and its CSV.
    std::optional<CompareSides> SidesFor(const core::RegionLayer& layer, const core::RegionLayer* shown) const;
    const SharedChoropleth& Colours() const { return m_colours; }
    const core::ChoroplethStyle& Style() const { return m_style; }
    // Changes whenever Colours() does (for the canvases' upload keys).
    std::uint64_t Version() const { return m_version; }
    // The legend's title (what the number is) for the mode.
    const std::string& LegendTitle() const { return m_legend_title; }
    bool Percent() const { return m_percent; }

    // The canvas the right-hand map is drawn on, made on first use with the session's shaders
    // (null: the default search) (a current GL context needed;
    // throws core::InputError or gpu::ShaderError when the shaders cannot be found or built).
    gpu::MapCanvas& RightCanvas(const gpu::ShaderLibrary* session_shaders);

    // The choice of what to compare (a popup under the toolbar's button).
    void DrawChoice(PanelContext& ctx);

private:
    bool m_active = false;
    CompareMode m_mode = CompareMode::Years;
    int m_left_period = -1, m_right_period = -1;
    std::optional<std::pair<core::Period, core::Period>> m_requested; // RequestPeriods, not yet found
    std::string m_key; // what m_sides and m_colours were made for
    std::uint64_t m_layer_uid = 0;
    CompareSides m_sides;
    SharedChoropleth m_colours;
    core::ChoroplethStyle m_style;
    std::string m_legend_title;
    bool m_percent = false;
    std::uint64_t m_version = 0;
    std::unique_ptr<gpu::ShaderLibrary> m_shaders;
    std::unique_ptr<gpu::MapCanvas> m_right_canvas;
};

} // namespace vak::ui
