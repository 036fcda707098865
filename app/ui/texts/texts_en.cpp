// English interface texts. One entry per TextId; see text_id.hpp.
#include "ui/texts/texts.hpp"

namespace vak::ui {

namespace {

using enum TextId;

const TextEntry kTexts[] = {
    {app_tagline, "shrinking pupil numbers, programmes and vacancies per region"},
    {menu_file, "File"},
    {menu_quit, "Quit"},
    {menu_view, "View"},
    {menu_language, "Language"},
    {menu_ui_scale, "Interface scale"},
    {menu_ui_scale_larger, "Larger"},
    {menu_ui_scale_smaller, "Smaller"},
    {menu_help, "Help"},
    {menu_about, "About vakatlas"},
    {language_dutch, "Nederlands"},
    {language_english, "English"},
    {about_title, "About vakatlas"},
    {about_text,
     "vakatlas shows where the number of mbo pupils shrinks, where programmes are offered and "
     "where the jobs are, on linked maps and charts per region."},
    {panel_filters_title, "Filters"},
    {filters_theme, "Theme"},
    {theme_krimp, "Decline (krimp)"},
    {theme_programmes, "Programme spread"},
    {theme_vacancies, "Vacancies"},
    {filters_level, "Region level"},
    {level_gemeente, "Municipality"},
    {level_arbeidsmarktregio, "Labour-market region"},
    {level_provincie, "Province"},
    {filters_coming,
     "Filters on sector chamber, level, learning path (BOL/BBL) and programme appear here once "
     "data is loaded. Each active filter shows as a chip you can remove."},
    {panel_map_title, "Map"},
    {map_no_regions, "No regions loaded yet"},
    {map_coming,
     "The map goes here: municipalities, labour-market regions and provinces, coloured by the "
     "chosen indicator. Click a region to filter every chart to it."},
    {panel_charts_title, "Charts"},
    {chart_timeseries_title, "Pupils over the years"},
    {chart_timeseries_coming, "A line per selected region against the national line, as index or counts."},
    {chart_bars_title, "Programmes per sector"},
    {chart_bars_coming, "Bars per sector chamber; click a bar to filter the map."},
    {chart_scatter_title, "Decline against vacancy density"},
    {chart_scatter_coming, "Per region: decline in pupil numbers against vacancies per thousand inhabitants."},
    {panel_time_title, "Time"},
    {time_year, "Year"},
    {time_play, "Play"},
    {time_coming, "The year slider and playing through the years work once data with years is loaded."},
    {time_pause, "Pause"},
    {time_keys_hint, "left/right arrows: previous/next year"},
    {data_source, "Source"},
    {status_no_data, "No data loaded"},
    {status_graphics, "Graphics"},
    {status_engine, "Engine"},
    {status_engine_cpu, "CPU, %u threads"},
    {status_frame_time, "ms per frame"},
    {status_ui_scale, "Scale"},
    {level_corop, "COROP region"},
    {level_landsdeel, "Part of the country"},
    {level_buurt, "Neighbourhood"},
    {level_wijk, "District"},
    {level_agglomeratie, "Agglomeration"},
    {filters_no_levels, "Load region boundaries (--regions) to switch between levels."},
    {map_regions, "regions"},
    {map_fit, "Fit to data"},
    {map_code, "Code"},
    {status_regions_loaded, "Region layers"},
    {status_load_messages, "messages while loading"},
    {map_tile_map, "Tile map"},
    {map_tile_map_help, "Every region one hexagon of equal size, close to its real place: small urban municipalities weigh as much as large rural ones."},
    {legend_unknown, "unknown (only <5)"},
    {legend_no_data, "no data"},
    {legend_level_not_covered, "%s has no figures per %s: choose another level or another table."},
    {map_value, "Value"},
    {map_rank, "rank %zu of %zu"},
    {filters_map, "Map"},
    {map_table, "Table"},
    {map_quantity, "Quantity"},
    {map_measure, "Measure"},
    {map_classes, "Classes"},
    {map_class_count, "Classes"},
    {map_palette, "Colours"},
    {class_quantile, "Quantiles"},
    {class_equal, "Equal intervals"},
    {class_jenks, "Natural breaks (Jenks)"},
    {filters_active, "Active filters"},
    {filters_clear, "Clear all filters"},
    {filters_none, "No filters: every region counts."},
    {filters_remove_hint, "Click to remove this filter"},
    {chart_national, "the Netherlands"},
    {chart_index_mode, "Index (first year = 100)"},
    {chart_pick_regions, "Click regions on the map to compare them with the country (shift-click for more)."},
    {chart_not_yearly, "This table has periods (quarters), not years: the quarterly time chart comes later."},
    {chart_more_regions, "+ %zu more regions selected"},
    {map_demo_geography, "demo: tile map of the 2025 municipalities (CBS)"},
    {filters_data, "Data"},
    {data_none, "No tables loaded yet (--data FILE)."},
    {data_rows, "rows loaded"},
    {data_not_landed, "rows not (fully) loaded"},
    {data_suppressed, "suppressed (<5)"},
    {data_synthetic, "synthetic demo data"},
    {data_joined_to, "joined to"},
};

} // namespace

std::span<const TextEntry> TextsEn()
{
    return kTexts;
}

} // namespace vak::ui
