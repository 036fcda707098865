// Dutch interface texts (the default language). One entry per TextId; see text_id.hpp.
#include "ui/texts/texts.hpp"

namespace vak::ui {

namespace {

using enum TextId;

const TextEntry kTexts[] = {
    {app_tagline, "krimp, opleidingsaanbod en vacatures per regio"},
    {menu_file, "Bestand"},
    {menu_quit, "Afsluiten"},
    {menu_view, "Beeld"},
    {menu_language, "Taal"},
    {menu_ui_scale, "Schaal van de interface"},
    {menu_ui_scale_larger, "Groter"},
    {menu_ui_scale_smaller, "Kleiner"},
    {menu_help, "Help"},
    {menu_about, "Over vakatlas"},
    {language_dutch, "Nederlands"},
    {language_english, "English"},
    {about_title, "Over vakatlas"},
    {about_text,
     "vakatlas laat zien waar het aantal leerlingen in het mbo krimpt, waar opleidingen worden "
     "aangeboden en waar de banen zijn, op gekoppelde kaarten en grafieken per regio."},
    {panel_filters_title, "Filters"},
    {filters_theme, "Thema"},
    {theme_krimp, "Krimp"},
    {theme_programmes, "Opleidingsaanbod"},
    {theme_vacancies, "Vacatures"},
    {filters_level, "Regioniveau"},
    {level_gemeente, "Gemeente"},
    {level_arbeidsmarktregio, "Arbeidsmarktregio"},
    {level_provincie, "Provincie"},
    {filters_coming,
     "Hier komen de filters op sector(kamer), niveau, leerweg (BOL/BBL) en opleiding, zodra er "
     "gegevens geladen zijn. Elk actief filter verschijnt als label dat je kunt wegklikken."},
    {panel_map_title, "Kaart"},
    {map_no_regions, "Nog geen regio's geladen"},
    {map_coming,
     "Hier komt de kaart: gemeenten, arbeidsmarktregio's en provincies, gekleurd naar de gekozen "
     "indicator. Klik een regio aan om alle grafieken daarop te filteren."},
    {panel_charts_title, "Grafieken"},
    {chart_timeseries_title, "Leerlingen door de jaren"},
    {chart_timeseries_coming, "Lijn per gekozen regio tegen het landelijk gemiddelde, index of aantallen."},
    {chart_bars_title, "Opleidingen per sector"},
    {chart_bars_coming, "Staven per sectorkamer; klik een staaf aan om de kaart te filteren."},
    {chart_scatter_title, "Krimp tegenover vacaturedichtheid"},
    {chart_scatter_coming, "Per regio: daling van het aantal leerlingen tegen vacatures per duizend inwoners."},
    {panel_time_title, "Tijd"},
    {time_year, "Jaar"},
    {time_play, "Afspelen"},
    {time_coming, "De jaarschuif en het afspelen door de jaren werken zodra er gegevens met jaren geladen zijn."},
    {time_pause, "Pauzeren"},
    {time_keys_hint, "pijltjes links/rechts: vorig/volgend jaar"},
    {data_source, "Bron"},
    {status_no_data, "Geen gegevens geladen"},
    {status_graphics, "Grafisch"},
    {status_engine, "Rekenkern"},
    {status_engine_cpu, "CPU, %u draden"},
    {status_frame_time, "ms per beeld"},
    {status_ui_scale, "Schaal"},
    {level_corop, "COROP-gebied"},
    {level_landsdeel, "Landsdeel"},
    {level_buurt, "Buurt"},
    {level_wijk, "Wijk"},
    {level_agglomeratie, "Agglomeratie"},
    {filters_no_levels, "Laad regiogrenzen (--regions) om tussen niveaus te wisselen."},
    {map_regions, "regio's"},
    {map_fit, "Passend maken"},
    {map_code, "Code"},
    {status_regions_loaded, "Regiolagen"},
    {status_load_messages, "meldingen bij het laden"},
    {map_tile_map, "Tegelkaart"},
    {map_tile_map_help, "Elke regio een even grote zeshoek, dicht bij de echte plek: kleine stedelijke gemeenten tellen even zwaar als grote landelijke."},
    {legend_unknown, "onbekend (alleen <5)"},
    {legend_no_data, "geen gegevens"},
    {legend_level_not_covered, "%s heeft geen cijfers per %s: kies een ander niveau of een andere tabel."},
    {map_value, "Waarde"},
    {map_rank, "rang %zu van %zu"},
    {filters_map, "Kaart"},
    {map_table, "Tabel"},
    {map_quantity, "Maat"},
    {map_measure, "Meetwaarde"},
    {map_classes, "Indeling"},
    {map_class_count, "Klassen"},
    {map_palette, "Kleuren"},
    {class_quantile, "Kwantielen"},
    {class_equal, "Gelijke intervallen"},
    {class_jenks, "Natuurlijke grenzen (Jenks)"},
    {filters_active, "Actieve filters"},
    {filters_clear, "Wis alle filters"},
    {filters_none, "Geen filters: alle regio's tellen mee."},
    {filters_remove_hint, "Klik om dit filter weg te halen"},
    {chart_national, "Nederland"},
    {chart_index_mode, "Index (eerste jaar = 100)"},
    {chart_pick_regions, "Klik regio's op de kaart om ze met het land te vergelijken (shift-klik voor meer)."},
    {chart_not_yearly, "Deze tabel heeft geen jaren maar perioden (kwartalen): de tijdgrafiek per kwartaal komt later."},
    {chart_more_regions, "+ %zu regio's meer geselecteerd"},
    {map_demo_geography, "demo: tegelkaart van de gemeenten 2025 (CBS)"},
    {filters_data, "Gegevens"},
    {data_none, "Nog geen tabellen geladen (--data BESTAND)."},
    {data_rows, "rijen geladen"},
    {data_not_landed, "rijen niet (helemaal) geladen"},
    {data_suppressed, "onderdrukt (<5)"},
    {data_synthetic, "synthetische demodata"},
    {data_joined_to, "gekoppeld aan"},
};

} // namespace

std::span<const TextEntry> TextsNl()
{
    return kTexts;
}

} // namespace vak::ui
