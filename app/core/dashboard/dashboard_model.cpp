#include "core/dashboard/dashboard_model.hpp"

#include "core/aggregate/fact_table.hpp"
#include "core/aggregate/parent_levels.hpp"
#include "core/text/utf8.hpp"

#include <algorithm>
#include <charconv>
#include <optional>
#include <cmath>
#include <map>

namespace vak::core {

namespace {

// Names DUO and CBS give the column that says which quantity a row of a long table holds.
bool IsQuantityName(const std::string& name)
{
    const std::string lower = AsciiLower(name);
    return lower == "maat" || lower == "indicator" || lower == "onderwerp" || lower == "variabele" ||
           lower == "measure" || lower == "topic";
}

std::optional<double> FiniteNumber(const std::string& text)
{
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

// Periods in time order: numbers by value, then the rest as text ("2019KW1" < "2019KW2" <
// "2020KW1"). Numbers always come first, so the order is strict whatever the labels are.
bool PeriodBefore(const std::string& a, const std::string& b)
{
    const std::optional<double> x = FiniteNumber(a), y = FiniteNumber(b);
    if (x && y)
        return *x < *y;
    if (x || y)
        return x.has_value();
    return a < b;
}

const RegionLayer* FindLayer(const Workspace& workspace, const std::string& name)
{
    for (const auto& layer : workspace.Layers())
        if (layer->name == name && !layer->is_derived)
            return layer.get();
    for (const auto& layer : workspace.Layers())
        if (layer->name == name)
            return layer.get();
    return nullptr;
}

bool IsForecastKind(const agg::FactDimension& dim)
{
    for (const std::string& label : dim.labels) {
        const std::string lower = AsciiLower(label);
        if (lower.find("progno") != std::string::npos || lower.find("realisa") != std::string::npos ||
            lower.find("forecast") != std::string::npos)
            return true;
    }
    return false;
}

// A category to split the bars by: few values (2..40), not the quantity, not history/forecast,
// and not a second spelling of another column (a name beside a code: one label per code).
int ChooseBarsDimension(const agg::FactTable& table, int quantity_dimension)
{
    int best = -1;
    int best_score = -1;
    for (std::size_t d = 0; d < table.dimensions.size(); ++d) {
        const agg::FactDimension& dim = table.dimensions[d];
        if (dim.role != DimensionRole::Category || static_cast<int>(d) == quantity_dimension || dim.Cardinality() < 2 ||
            dim.Cardinality() > 40 || IsForecastKind(dim))
            continue;
        const std::string name = AsciiLower(dim.name);
        // Sector chambers and sectors are what the users split by; then learning path, level.
        int score = 1;
        if (name.find("kamer") != std::string::npos)
            score = 5;
        else if (name.find("sector") != std::string::npos)
            score = name.find("naam") != std::string::npos ? 4 : 3;
        else if (name.find("leerweg") != std::string::npos || name.find("niveau") != std::string::npos)
            score = 2;
        if (score > best_score) {
            best_score = score;
            best = static_cast<int>(d);
        }
    }
    return best;
}

} // namespace

DashboardModel::DashboardModel(agg::Engine& engine) : m_engine(&engine) {}

void DashboardModel::Sync(const Workspace& workspace)
{
    if (workspace.Tables().size() == m_seen_tables)
        return;
    m_seen_tables = workspace.Tables().size();
    m_table_choices.clear();
    for (std::size_t i = 0; i < workspace.Tables().size(); ++i) {
        const Workspace::LoadedTable& t = *workspace.Tables()[i];
        if (!t.joined_layer.empty() && !t.dataset.measures.empty() && t.dataset.RowCount() > 0)
            m_table_choices.push_back(static_cast<int>(i));
    }
    if (m_table_index == -1 && !m_table_choices.empty()) { // not when a chosen table is pending
        // The first table with periods: what changes over time is what the dashboard is for.
        int chosen = m_table_choices.front();
        for (int i : m_table_choices) {
            const auto& dims = workspace.Tables()[std::size_t(i)]->dataset.dimensions;
            if (std::any_of(dims.begin(), dims.end(), [](const DimensionColumn& d) { return d.role == DimensionRole::Period; })) {
                chosen = i;
                break;
            }
        }
        LoadTable(workspace, chosen);
    }
}

void DashboardModel::SelectTable(int workspace_index)
{
    // The workspace is needed to build the table; remember the wish, applied in Update.
    if (workspace_index != m_table_index)
        m_table_index = -2 - workspace_index; // pending
}

void DashboardModel::LoadTable(const Workspace& workspace, int workspace_index)
{
    const Workspace::LoadedTable& loaded = *workspace.Tables()[std::size_t(workspace_index)];
    auto table = std::make_shared<agg::FactTable>(agg::PackDataset(loaded.dataset));
    m_level_check_pending = true;

    // One dimension per coarser level derived from the layer the table joined to: the region
    // codes' parents.
    const RegionLayer* joined = FindLayer(workspace, loaded.joined_layer);
    const int region_dim = [&] {
        for (std::size_t d = 0; d < table->dimensions.size(); ++d)
            if (table->dimensions[d].role == DimensionRole::Region)
                return static_cast<int>(d);
        return -1;
    }();
    if (joined && region_dim >= 0)
        agg::AddParentLevels(*table, region_dim, *joined);

    // The engine first: if it refuses the table (a GPU out of memory, a broken column), nothing
    // of the model has changed yet and it keeps showing the table it had.
    m_engine->Load(table);

    m_period_dimension = -1;
    m_quantity_dimension = -1;
    m_quantity_code = 0;
    for (std::size_t d = 0; d < table->dimensions.size(); ++d) {
        const agg::FactDimension& dim = table->dimensions[d];
        if (dim.role == DimensionRole::Period && m_period_dimension < 0)
            m_period_dimension = static_cast<int>(d);
        if (dim.role == DimensionRole::Category && m_quantity_dimension < 0 && IsQuantityName(dim.name)) {
            m_quantity_dimension = static_cast<int>(d);
            // Pupils and students first: what the dashboard is about.
            for (std::uint32_t c = 0; c < dim.Cardinality(); ++c) {
                const std::string label = AsciiLower(dim.labels[c]);
                if (label.find("student") != std::string::npos || label.find("leerling") != std::string::npos) {
                    m_quantity_code = static_cast<int>(c);
                    break;
                }
            }
        }
    }
    m_periods.clear();
    m_period_codes.clear();
    if (m_period_dimension >= 0) {
        const agg::FactDimension& periods = table->dimensions[std::size_t(m_period_dimension)];
        for (std::uint32_t c = 0; c < periods.Cardinality(); ++c)
            m_period_codes.push_back(c);
        std::sort(m_period_codes.begin(), m_period_codes.end(), [&](std::uint32_t a, std::uint32_t b) {
            return PeriodBefore(periods.labels[a], periods.labels[b]);
        });
        for (std::uint32_t c : m_period_codes)
            m_periods.push_back(periods.labels[c]);
    }
    m_period_index = m_periods.empty() ? -1 : static_cast<int>(m_periods.size()) - 1;
    m_bars_dimension = ChooseBarsDimension(*table, m_quantity_dimension);
    m_selected_bars.clear();
    // Forecast periods: those of rows whose kind says "prognose" (DUO, CBS) or "forecast".
    m_forecast_from = -1;
    if (m_period_dimension >= 0) {
        std::vector<bool> forecast_period(table->dimensions[std::size_t(m_period_dimension)].Cardinality(), false);
        for (const agg::FactDimension& dim : table->dimensions) {
            if (dim.role != DimensionRole::Category)
                continue;
            std::vector<bool> forecast_label(dim.Cardinality());
            bool any = false;
            for (std::uint32_t c = 0; c < dim.Cardinality(); ++c) {
                const std::string label = AsciiLower(dim.labels[c]);
                forecast_label[c] = label.find("progno") != std::string::npos || label.find("forecast") != std::string::npos;
                any = any || forecast_label[c];
            }
            if (!any)
                continue;
            const auto& period_codes = table->dimensions[std::size_t(m_period_dimension)].codes;
            for (std::size_t r = 0; r < table->rows; ++r)
                if (forecast_label[dim.codes[r]])
                    forecast_period[period_codes[r]] = true;
        }
        for (std::size_t i = 0; i < m_period_codes.size(); ++i)
            if (forecast_period[m_period_codes[i]]) {
                m_forecast_from = static_cast<int>(i);
                break;
            }
    }
    m_code_lookup.assign(table->dimensions.size(), {});
    for (std::size_t d = 0; d < table->dimensions.size(); ++d)
        for (std::uint32_t c = 0; c < table->dimensions[d].Cardinality(); ++c)
            m_code_lookup[d].emplace(table->dimensions[d].labels[c], c);

    ++m_map_version;
    m_table = std::move(table);
    m_table_index = workspace_index;
    m_measure = 0;
    m_level.clear();
    m_selection_version = ~std::uint64_t(0);
    m_change_from = m_change_to = -1;
    RebuildViews();
}

void DashboardModel::RebuildViews()
{
    m_cross = std::make_unique<agg::CrossFilter>(*m_engine);
    agg::ViewSpec map;
    map.measure = m_measure;
    map.group_by[0] = LevelDimension(m_level);
    m_map_view = m_cross->AddView(map);
    agg::ViewSpec periods;
    periods.measure = m_measure;
    periods.group_by[0] = m_period_dimension;
    m_period_view = m_cross->AddView(periods);
    agg::ViewSpec region_periods = periods;
    region_periods.group_by[0] = LevelDimension(m_level);
    region_periods.group_by[1] = m_period_dimension;
    if (region_periods.group_by[0] < 0 || m_period_dimension < 0) // keep the view valid: one total
        region_periods.group_by[0] = region_periods.group_by[1] = -1;
    m_region_period_view = m_cross->AddView(region_periods);
    agg::ViewSpec bars = periods;
    bars.group_by[0] = m_bars_dimension;
    bars.group_by[1] = -1;
    m_bars_view = m_cross->AddView(bars);
    if (!m_selected_bars.empty())
        m_cross->Filters().Restrict(m_bars_dimension, m_selected_bars,
                                    m_table->dimensions[std::size_t(m_bars_dimension)].Cardinality());
    if (m_quantity_dimension >= 0)
        m_cross->Filters().Restrict(m_quantity_dimension, {std::uint32_t(m_quantity_code)},
                                    m_table->dimensions[std::size_t(m_quantity_dimension)].Cardinality());
    SelectPeriod(m_period_index);
    m_selection_version = ~std::uint64_t(0);
}

void DashboardModel::SelectMeasure(int measure)
{
    if (!m_table || measure < 0 || measure >= static_cast<int>(m_table->measures.size()) || measure == m_measure)
        return;
    m_measure = measure;
    RebuildViews();
}

void DashboardModel::SelectQuantity(int code)
{
    if (m_quantity_dimension < 0 || code == m_quantity_code)
        return;
    m_quantity_code = code;
    m_cross->Filters().Restrict(m_quantity_dimension, {std::uint32_t(code)},
                                m_table->dimensions[std::size_t(m_quantity_dimension)].Cardinality());
}

void DashboardModel::SelectPeriod(int index)
{
    if (m_periods.empty() || !m_cross)
        return;
    m_period_index = std::clamp(index, 0, static_cast<int>(m_periods.size()) - 1);
    m_cross->Filters().Restrict(m_period_dimension, {m_period_codes[std::size_t(m_period_index)]},
                                m_table->dimensions[std::size_t(m_period_dimension)].Cardinality());
}

std::string DashboardModel::MeasureTitle() const
{
    if (!m_table)
        return {};
    std::string title = m_table->measures[std::size_t(m_measure)].name;
    if (m_quantity_dimension >= 0)
        title += " · " + m_table->dimensions[std::size_t(m_quantity_dimension)].labels[std::size_t(m_quantity_code)];
    return title;
}

std::optional<int> DashboardModel::TakeLevelSuggestion(const Workspace& workspace)
{
    if (!m_level_check_pending || !m_table)
        return std::nullopt;
    m_level_check_pending = false;
    const RegionLayer* active = workspace.ActiveLayer();
    if (active && LevelDimension(active->name) >= 0)
        return std::nullopt;
    int best = -1;
    std::size_t best_features = 0;
    const auto& layers = workspace.Layers();
    for (std::size_t i = 0; i < layers.size(); ++i)
        if (LevelDimension(layers[i]->name) >= 0 && layers[i]->features.size() > best_features) {
            best = static_cast<int>(i);
            best_features = layers[i]->features.size();
        }
    if (best < 0)
        return std::nullopt;
    return best;
}

int DashboardModel::LevelDimension(const std::string& level) const
{
    if (!m_table || level.empty())
        return -1;
    for (std::size_t d = 0; d < m_table->dimensions.size(); ++d)
        if (m_table->dimensions[d].role == DimensionRole::Region && m_table->dimensions[d].name == level)
            return static_cast<int>(d);
    return -1;
}

void DashboardModel::Update(const Workspace& workspace)
{
    Sync(workspace);
    if (m_table_index <= -2) {
        const int wanted = -2 - m_table_index;
        m_table_index = -1;
        LoadTable(workspace, wanted);
    }
    if (!m_cross)
        return;
    const RegionLayer* active = workspace.ActiveLayer();
    const std::string level = active ? active->name : std::string();
    if (level != m_level) {
        m_level = level;
        const int dim = LevelDimension(level);
        agg::ViewSpec map = m_cross->View(m_map_view);
        map.group_by[0] = dim;
        m_cross->SetView(m_map_view, map);
        agg::ViewSpec lines = m_cross->View(m_region_period_view);
        const bool valid = dim >= 0 && m_period_dimension >= 0;
        lines.group_by[0] = valid ? dim : -1;
        lines.group_by[1] = valid ? m_period_dimension : -1;
        m_cross->SetView(m_region_period_view, lines);
        m_selection_version = ~std::uint64_t(0);
    }
    const Selection& selection = workspace.GetSelection();
    if (selection.Version() != m_selection_version) {
        m_selection_version = selection.Version();
        // The selection filters the other views on this level's dimension (never the map).
        for (std::size_t d = 0; d < m_table->dimensions.size(); ++d)
            if (m_table->dimensions[d].role == DimensionRole::Region)
                m_cross->Filters().Clear(static_cast<int>(d));
        const int dim = LevelDimension(m_level);
        if (dim >= 0 && !selection.Empty()) {
            std::vector<std::uint32_t> codes;
            for (const std::string& code : selection.Codes())
                if (auto it = m_code_lookup[std::size_t(dim)].find(code); it != m_code_lookup[std::size_t(dim)].end())
                    codes.push_back(it->second);
            m_cross->Filters().Restrict(dim, codes, m_table->dimensions[std::size_t(dim)].Cardinality());
        }
    }
    for (int id : m_cross->Update())
        if (id == m_map_view || (ShowsChange() && id == m_region_period_view))
            ++m_map_version;
}

void DashboardModel::SetChange(int from, int to)
{
    const int last = static_cast<int>(m_periods.size()) - 1;
    if (last < 1)
        return;
    from = std::clamp(from, 0, last);
    to = std::clamp(to, 0, last);
    if (from == to)
        return; // a change needs two periods
    if (from > to)
        std::swap(from, to);
    m_change_from = from;
    m_change_to = to;
    ++m_map_version;
}

void DashboardModel::ClearChange()
{
    if (!ShowsChange())
        return;
    m_change_from = m_change_to = -1;
    ++m_map_version;
}

void DashboardModel::ShowDerivedMap(DerivedMap map)
{
    m_derived = std::move(map);
    ++m_map_version;
}

void DashboardModel::ClearDerivedMap()
{
    if (!m_derived)
        return;
    m_derived.reset();
    ++m_map_version;
}

std::vector<RegionValue> DashboardModel::MapValues(const RegionLayer& layer, bool* level_covered)
{
    std::vector<RegionValue> values(layer.features.size());
    if (m_derived) {
        if (level_covered)
            *level_covered = layer.name == m_derived->level;
        if (layer.name != m_derived->level)
            return values;
        for (std::size_t i = 0; i < layer.features.size(); ++i)
            if (const auto it = m_derived->values.find(layer.features[i].code); it != m_derived->values.end())
                values[i] = it->second;
        return values;
    }
    const int dim = LevelDimension(layer.name);
    if (level_covered)
        *level_covered = dim >= 0;
    if (dim < 0 || !m_cross || m_cross->View(m_map_view).group_by[0] != dim)
        return values;
    if (ShowsChange()) {
        for (std::size_t i = 0; i < layer.features.size(); ++i) {
            const std::vector<RegionValue> series = PeriodSeriesOf(layer.features[i].code);
            if (series.empty())
                continue;
            values[i] = ChangePercent(series[std::size_t(m_change_from)], series[std::size_t(m_change_to)]);
        }
        return values;
    }
    const agg::ViewResult& result = m_cross->Result(m_map_view);
    if (result.GroupCount() == 0)
        return values;
    const auto& lookup = m_code_lookup[std::size_t(dim)];
    for (std::size_t i = 0; i < layer.features.size(); ++i) {
        const auto it = lookup.find(layer.features[i].code);
        if (it == lookup.end())
            continue;
        values[i].value = result.Value(it->second);
        values[i].state = result.states[it->second];
        values[i].suppressed = result.suppressed[it->second];
    }
    return values;
}

std::vector<RegionValue> DashboardModel::BarValues() const
{
    if (!m_cross || m_bars_dimension < 0)
        return {};
    const agg::ViewResult& result = m_cross->Result(m_bars_view);
    std::vector<RegionValue> bars(result.GroupCount());
    for (std::size_t g = 0; g < bars.size(); ++g)
        bars[g] = {result.Value(g), result.states[g], result.suppressed[g]};
    return bars;
}

void DashboardModel::ToggleBar(std::uint32_t code)
{
    if (m_bars_dimension < 0 || !m_cross)
        return;
    const auto it = std::lower_bound(m_selected_bars.begin(), m_selected_bars.end(), code);
    if (it != m_selected_bars.end() && *it == code)
        m_selected_bars.erase(it);
    else
        m_selected_bars.insert(it, code);
    if (m_selected_bars.empty())
        m_cross->Filters().Clear(m_bars_dimension);
    else
        m_cross->Filters().Restrict(m_bars_dimension, m_selected_bars,
                                    m_table->dimensions[std::size_t(m_bars_dimension)].Cardinality());
}

bool DashboardModel::BarSelected(std::uint32_t code) const
{
    return std::binary_search(m_selected_bars.begin(), m_selected_bars.end(), code);
}

void DashboardModel::ClearBars()
{
    m_selected_bars.clear();
    if (m_cross && m_bars_dimension >= 0)
        m_cross->Filters().Clear(m_bars_dimension);
}

std::vector<RegionValue> DashboardModel::PeriodSeriesOf(const std::string& region_code) const
{
    std::vector<RegionValue> series(m_periods.size());
    if (!m_cross)
        return series;
    const agg::ViewSpec& view = m_cross->View(m_region_period_view);
    const agg::ViewResult& result = m_cross->Result(m_region_period_view);
    if (view.group_by[1] < 0 || result.GroupCount() == 0)
        return series;
    const auto& lookup = m_code_lookup[std::size_t(view.group_by[0])];
    const auto it = lookup.find(region_code);
    if (it == lookup.end())
        return series;
    const std::size_t periods = m_table->dimensions[std::size_t(m_period_dimension)].Cardinality();
    for (std::size_t i = 0; i < m_periods.size(); ++i) {
        const std::size_t g = std::size_t(it->second) * periods + m_period_codes[i];
        series[i] = {result.Value(g), result.states[g], result.suppressed[g]};
    }
    return series;
}

std::vector<RegionValue> DashboardModel::NationalPeriodSeries() const
{
    std::vector<RegionValue> series(m_periods.size());
    if (!m_cross)
        return series;
    const agg::ViewSpec& view = m_cross->View(m_region_period_view);
    const agg::ViewResult& result = m_cross->Result(m_region_period_view);
    if (view.group_by[1] < 0 || result.GroupCount() == 0)
        return series;
    const std::size_t regions = m_table->dimensions[std::size_t(view.group_by[0])].Cardinality();
    const std::size_t periods = m_table->dimensions[std::size_t(m_period_dimension)].Cardinality();
    for (std::size_t i = 0; i < m_periods.size(); ++i) {
        RegionValue& v = series[i];
        std::int64_t sum = 0;
        bool known = false, rows = false;
        for (std::size_t r = 0; r < regions; ++r) {
            const std::size_t g = r * periods + m_period_codes[i];
            sum += result.values[g];
            v.suppressed += result.suppressed[g];
            known = known || result.states[g] == agg::GroupState::Known;
            rows = rows || result.states[g] != agg::GroupState::Empty;
        }
        v.value = static_cast<double>(sum) / std::pow(10.0, result.decimals);
        v.state = known ? agg::GroupState::Known : rows ? agg::GroupState::Unknown : agg::GroupState::Empty;
    }
    return series;
}

std::vector<RegionValue> DashboardModel::PeriodSeries() const
{
    std::vector<RegionValue> series(m_periods.size());
    if (!m_cross || m_period_dimension < 0)
        return series;
    const agg::ViewResult& result = m_cross->Result(m_period_view);
    if (result.GroupCount() == 0)
        return series;
    for (std::size_t i = 0; i < m_periods.size(); ++i) {
        const std::uint32_t g = m_period_codes[i];
        series[i] = {result.Value(g), result.states[g], result.suppressed[g]};
    }
    return series;
}

} // namespace vak::core
