// Every text the interface shows, by id. The tables in texts_nl.cpp and texts_en.cpp give each
// id one non-empty text; tests/ui/texts_test.cpp fails on a missing, empty or doubled entry, so
// there is no silent fallback from one language to the other.
#pragma once

namespace vak::ui {

enum class TextId : int {
    app_tagline,
    // menus
    menu_file,
    menu_quit,
    menu_view,
    menu_language,
    menu_ui_scale,
    menu_ui_scale_larger,
    menu_ui_scale_smaller,
    menu_help,
    menu_about,
    language_dutch,
    language_english,
    about_title,
    about_text,
    // filters panel (left)
    panel_filters_title,
    filters_theme,
    theme_krimp,
    theme_programmes,
    theme_vacancies,
    filters_level,
    level_gemeente,
    level_arbeidsmarktregio,
    level_provincie,
    level_corop,
    level_landsdeel,
    level_buurt,
    level_wijk,
    level_agglomeratie,
    filters_no_levels,
    filters_coming,
    filters_data,
    data_mapping,
    filters_map,
    map_table,
    map_quantity,
    map_measure,
    map_classes,
    map_class_count,
    map_palette,
    class_quantile,
    class_equal,
    class_jenks,
    filters_active,
    filters_clear,
    filters_none,
    filters_remove_hint,
    data_none,
    data_rows,
    data_not_landed,
    data_suppressed,
    data_synthetic,
    data_joined_to,
    // map panel (centre)
    panel_map_title,
    map_no_regions,
    map_coming,
    map_regions,
    map_fit,
    map_code,
    map_tile_map,
    map_tile_map_help,
    map_demo_geography,
    legend_unknown,
    legend_no_data,
    legend_level_not_covered, // printf: table name, level
    map_value,
    map_rank, // printf: rank, count
    // charts panel (right)
    panel_charts_title,
    chart_timeseries_title,
    chart_timeseries_coming,
    chart_national,
    chart_index_mode,
    chart_pick_regions,
    chart_not_yearly,
    chart_more_regions,
    chart_bars_title,
    chart_bars_coming,
    chart_table_title,
    chart_table_region,
    chart_table_change,
    chart_table_trend,
    chart_table_hint,
    chart_over_time,
    chart_bars_by,
    chart_bars_none,
    chart_bars_hint,
    chart_scatter_title,
    chart_scatter_coming,
    // time panel (bottom)
    panel_time_title,
    time_year,
    time_play,
    time_coming,
    time_pause,
    time_keys_hint,
    data_source,
    // status bar
    status_no_data,
    status_regions_loaded,
    status_load_messages,
    status_graphics,
    status_engine,
    status_engine_cpu, // printf: thread count
    status_frame_time,
    status_ui_scale,

    Count_ // number of ids; keep last
};

inline constexpr int kTextCount = static_cast<int>(TextId::Count_);

} // namespace vak::ui
