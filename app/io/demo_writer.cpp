// Writing the demo data set: GDAL's CSV driver for the tables (no CSV writer of our own, so
// quoting and separators are exactly what the import side reads back), CPLJSONDocument for the
// sidecars, a plain text README. See demo_writer.hpp for the folder rules.
#include "io/demo_writer.hpp"

#include "core/errors.hpp"
#include "core/resource_paths.hpp"
#include "io/gdal_environment.hpp"
#include "io/vector_source.hpp"

#include <cpl_error.h>
#include <cpl_json.h>
#include <cpl_string.h>
#include <gdal.h>
#include <ogr_api.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace vak::io {

namespace fs = std::filesystem;

namespace {

constexpr const char* kSource = "synthetische demodata (vakatlas demo)";

// The tables, in writing order. Each gets `<name>.csv` and `<name>.source.json`.
const char* const kTables[] = {
    "leerlingen_gemeente", "instellingen", "vestigingen", "opleidingen",
    "inschrijvingen", "vacatures_regio_sector_kwartaal", "vacature_punten",
};

struct Column {
    const char* name;
    OGRFieldType type;
    std::string description;
};

struct TableSpec {
    std::string name;
    std::vector<Column> columns;
    std::string unit;
    std::string period;
    std::string description;
    std::string crs; // empty: no coordinates
};

// One table written through OGR: a CSV dataset with one layer, one reused feature.
class CsvTable {
public:
    CsvTable(const fs::path& folder, const TableSpec& spec) : m_path((folder / (spec.name + ".csv")).string())
    {
        GDALDriverH driver = GDALGetDriverByName("CSV");
        if (!driver)
            throw core::InputError("GDAL has no CSV driver: the demo tables cannot be written");
        CPLErrorReset();
        m_dataset = GDALCreate(driver, m_path.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
        if (!m_dataset)
            throw core::InputError(m_path + ": cannot be created (" + LastGdalError() + ")");
        // LF and explicit quoting so that the bytes are the same on every platform.
        const char* options[] = {"SEPARATOR=SEMICOLON", "LINEFORMAT=LF", "STRING_QUOTING=IF_NEEDED", "WRITE_BOM=NO", nullptr};
        m_layer = GDALDatasetCreateLayer(m_dataset, spec.name.c_str(), nullptr, wkbNone, const_cast<char**>(options));
        if (!m_layer)
            Fail("cannot create the table");
        for (const Column& c : spec.columns) {
            OGRFieldDefnH field = OGR_Fld_Create(c.name, c.type);
            const OGRErr err = OGR_L_CreateField(m_layer, field, TRUE);
            OGR_Fld_Destroy(field);
            if (err != OGRERR_NONE)
                Fail(std::string("cannot create column ") + c.name);
        }
        m_feature = OGR_F_Create(OGR_L_GetLayerDefn(m_layer));
    }
    ~CsvTable()
    {
        if (m_feature)
            OGR_F_Destroy(m_feature);
        if (m_dataset)
            GDALClose(m_dataset);
    }
    CsvTable(const CsvTable&) = delete;
    CsvTable& operator=(const CsvTable&) = delete;

    void Set(int field, int value) { OGR_F_SetFieldInteger(m_feature, field, value); }
    void Set(int field, const std::string& value) { OGR_F_SetFieldString(m_feature, field, value.c_str()); }
    void Set(int field, const char* value) { OGR_F_SetFieldString(m_feature, field, value); }

    void Commit()
    {
        OGR_F_SetFID(m_feature, OGRNullFID);
        if (OGR_L_CreateFeature(m_layer, m_feature) != OGRERR_NONE)
            Fail("cannot write row " + std::to_string(m_rows + 1));
        ++m_rows;
    }

    // Flushes and closes; a write error (a full disk) surfaces here.
    long Close()
    {
        OGR_F_Destroy(m_feature);
        m_feature = nullptr;
        CPLErrorReset();
        GDALClose(m_dataset);
        m_dataset = nullptr;
        if (CPLGetLastErrorType() >= CE_Failure)
            throw core::InputError(m_path + ": cannot be written (" + LastGdalError() + ")");
        return m_rows;
    }

private:
    [[noreturn]] void Fail(const std::string& what) const
    {
        throw core::InputError(m_path + ": " + what + " (" + LastGdalError() + ")");
    }

    std::string m_path;
    GDALDatasetH m_dataset = nullptr;
    OGRLayerH m_layer = nullptr;
    OGRFeatureH m_feature = nullptr;
    long m_rows = 0;
};

void WriteSidecar(const fs::path& folder, const TableSpec& spec, const core::DemoData& data, long rows)
{
    CPLJSONDocument doc;
    CPLJSONObject root = doc.GetRoot();
    root.Add("source", kSource);
    root.Add("synthetic", true);
    // JSON integers are signed; a seed beyond int64 is written as text.
    if (data.seed <= static_cast<std::uint64_t>(INT64_MAX))
        root.Add("seed", static_cast<GInt64>(data.seed));
    else
        root.Add("seed", std::to_string(data.seed));
    root.Add("unit", spec.unit);
    root.Add("period", spec.period);
    root.Add("description", spec.description);
    root.Add("table", spec.name + ".csv");
    root.Add("rows", static_cast<GInt64>(rows));
    if (!spec.crs.empty())
        root.Add("crs", spec.crs);
    CPLJSONObject columns;
    for (const Column& c : spec.columns)
        columns.Add(c.name, c.description);
    root.Add("columns", columns);
    root.Add("calibration", "Gekalibreerd op publieke kengetallen (zie README.txt); geen echte waarnemingen.");
    const std::string path = (folder / (spec.name + ".source.json")).string();
    if (!doc.Save(path))
        throw core::InputError(path + ": cannot be written (" + LastGdalError() + ")");
}

std::string Period(int first, int last)
{
    return std::to_string(first) + "-" + std::to_string(last);
}

// The quarters that have vacancy points, "2025KW1-2025KW4", or "geen" (none).
std::string PointPeriod(const core::DemoVacancies& v)
{
    if (v.first_point_quarter >= static_cast<int>(v.quarters.size()))
        return "geen";
    return v.quarters[v.first_point_quarter].label + "-" + v.quarters.back().label;
}

// [tables] --------------------------------------------------------------------------------------

long WritePupils(const fs::path& folder, const core::DemoData& data, TableSpec& spec)
{
    const core::DemoPupils& p = data.pupils;
    const std::string history_text = "realisatie (tot en met " + std::to_string(p.last_history_year) + ") | prognose (vanaf " +
                                     std::to_string(p.last_history_year + 1) + ")";
    spec = {"leerlingen_gemeente",
            {{"gemeente_code", OFTString, "CBS-gemeentecode 2025, bijv. GM0363"},
             {"gemeente_naam", OFTString, "naam van de gemeente"},
             {"jaar", OFTInteger, "kalenderjaar (inwoners op 1 januari, studenten op 1 oktober)"},
             {"maat", OFTString, "inwoners | inwoners_16_19 (instroomcohort mbo) | mbo_studenten (mbo-studenten naar woongemeente)"},
             {"aantal", OFTInteger, "aantal personen"},
             {"soort", OFTString, history_text}},
            "personen",
            Period(p.first_year, p.last_year) + " (realisatie tot en met " + std::to_string(p.last_history_year) + ", prognose " +
                Period(p.last_history_year + 1, p.last_year) + ")",
            "Synthetisch: inwoners, 16-19-jarigen en mbo-studenten per woongemeente per jaar; krimp in de periferie, "
            "groei in de steden. Landelijk circa 500.000 mbo-studenten in " + std::to_string(p.last_history_year) + ".",
            ""};
    CsvTable t(folder, spec);
    for (std::size_t m = 0; m < data.municipalities.size(); ++m) {
        const core::DemoPupilSeries& s = p.series[m];
        for (int k = 0; k < p.YearCount(); ++k) {
            const int year = p.first_year + k;
            const char* kind = year <= p.last_history_year ? "realisatie" : "prognose";
            const std::pair<const char*, int> measures[] = {
                {"inwoners", s.inhabitants[k]}, {"inwoners_16_19", s.cohort_16_19[k]}, {"mbo_studenten", s.mbo_students[k]}};
            for (const auto& [measure, value] : measures) {
                t.Set(0, data.municipalities[m].code);
                t.Set(1, data.municipalities[m].name);
                t.Set(2, year);
                t.Set(3, measure);
                t.Set(4, value);
                t.Set(5, kind);
                t.Commit();
            }
        }
    }
    return t.Close();
}

long WriteInstitutions(const fs::path& folder, const core::DemoData& data, TableSpec& spec)
{
    spec = {"instellingen",
            {{"brin", OFTString, "synthetische BRIN-achtige code (99xx: bestaat niet echt)"},
             {"naam", OFTString, "naam van de (verzonnen) instelling"},
             {"soort", OFTString, "ROC | AOC | vakinstelling"},
             {"gemeente_code", OFTString, "gemeente van de hoofdvestiging"},
             {"gemeente_naam", OFTString, "naam van die gemeente"},
             {"arbeidsmarktregio_code", OFTString, "arbeidsmarktregio van de hoofdvestiging"}},
            "instellingen",
            Period(data.first_enrolment_year, data.last_enrolment_year),
            "Synthetisch: verzonnen mbo-instellingen (ROC's per arbeidsmarktregio, AOC's, vakinstellingen).",
            ""};
    CsvTable t(folder, spec);
    for (const core::DemoInstitution& i : data.institutions) {
        const core::DemoMunicipality& m = data.municipalities[i.home_municipality];
        t.Set(0, i.brin);
        t.Set(1, i.name);
        t.Set(2, core::DemoInstitutionKindName(i.kind));
        t.Set(3, m.code);
        t.Set(4, m.name);
        t.Set(5, m.labour_region_code);
        t.Commit();
    }
    return t.Close();
}

long WriteLocations(const fs::path& folder, const core::DemoData& data, TableSpec& spec)
{
    spec = {"vestigingen",
            {{"vestiging_code", OFTString, "BRIN + volgnummer, zoals DUO's vestigingscodes"},
             {"brin", OFTString, "instelling"},
             {"naam", OFTString, "naam van de vestiging"},
             {"gemeente_code", OFTString, "gemeente waarin de vestiging ligt"},
             {"gemeente_naam", OFTString, "naam van die gemeente"},
             {"arbeidsmarktregio_code", OFTString, "arbeidsmarktregio van die gemeente"},
             {"x_rd", OFTInteger, "x in RD New (EPSG:28992), hele meters"},
             {"y_rd", OFTInteger, "y in RD New (EPSG:28992), hele meters"}},
            "vestigingen",
            Period(data.first_enrolment_year, data.last_enrolment_year),
            "Synthetisch: verzonnen vestigingen in echte gemeenten (naar inwonertal gespreid), met een ligging in RD New.",
            "EPSG:28992"};
    CsvTable t(folder, spec);
    for (const core::DemoLocation& l : data.locations) {
        const core::DemoMunicipality& m = data.municipalities[l.municipality];
        t.Set(0, l.code);
        t.Set(1, data.institutions[l.institution].brin);
        t.Set(2, l.name);
        t.Set(3, m.code);
        t.Set(4, m.name);
        t.Set(5, m.labour_region_code);
        t.Set(6, l.x);
        t.Set(7, l.y);
        t.Commit();
    }
    return t.Close();
}

long WriteProgrammes(const fs::path& folder, const core::DemoData& data, TableSpec& spec)
{
    spec = {"opleidingen",
            {{"crebo", OFTInteger, "synthetische crebo-achtige code (90100-90899: bestaat niet echt)"},
             {"naam", OFTString, "naam van de kwalificatie (voor de demo geschreven)"},
             {"niveau", OFTInteger, "1 entree, 2 basis, 3 vak, 4 middenkader"},
             {"kamer", OFTString, "SBB-sectorkamer"},
             {"leerwegen", OFTString, "leerwegen waarin de opleiding ergens gevolgd wordt: BOL, BBL of BOL/BBL"}},
            "opleidingen",
            Period(data.first_enrolment_year, data.last_enrolment_year),
            "Synthetisch: mbo-kwalificaties met niveau en sectorkamer; enkele ambachtsopleidingen worden op precies een "
            "vestiging in het land gegeven.",
            ""};
    std::vector<unsigned> paths(data.programmes.size(), 0);
    for (const core::DemoEnrolment& e : data.enrolments)
        paths[e.programme] |= e.path == core::DemoPath::Bol ? 1u : 2u;
    CsvTable t(folder, spec);
    for (std::size_t p = 0; p < data.programmes.size(); ++p) {
        const core::DemoProgramme& prog = data.programmes[p];
        t.Set(0, prog.crebo);
        t.Set(1, prog.name);
        t.Set(2, prog.level);
        t.Set(3, core::DemoChamberName(prog.chamber));
        t.Set(4, paths[p] == 3 ? "BOL/BBL" : paths[p] == 2 ? "BBL" : paths[p] == 1 ? "BOL" : "");
        t.Commit();
    }
    return t.Close();
}

long WriteEnrolment(const fs::path& folder, const core::DemoData& data, TableSpec& spec)
{
    spec = {"inschrijvingen",
            {{"vestiging_code", OFTString, "vestiging (zie vestigingen.csv)"},
             {"brin", OFTString, "instelling"},
             {"crebo", OFTInteger, "opleiding (zie opleidingen.csv)"},
             {"gemeente_code", OFTString, "gemeente van de vestiging"},
             {"jaar", OFTInteger, "schooljaar dat in dit jaar begint (peildatum 1 oktober)"},
             {"leerweg", OFTString, "BOL (beroepsopleidend) | BBL (beroepsbegeleidend)"},
             {"aantal", OFTInteger, "ingeschreven studenten; alleen rijen met minstens 1 student; niet afgerond op <5"}},
            "studenten",
            Period(data.first_enrolment_year, data.last_enrolment_year),
            "Synthetisch: studenten per vestiging, opleiding, leerweg en jaar. Landelijk circa 500.000 studenten, "
            "circa 75 % BOL en 25 % BBL, veel kleine opleidingen (<50 studenten per vestiging).",
            ""};
    CsvTable t(folder, spec);
    for (const core::DemoEnrolment& e : data.enrolments) {
        const core::DemoLocation& l = data.locations[e.location];
        t.Set(0, l.code);
        t.Set(1, data.institutions[l.institution].brin);
        t.Set(2, data.programmes[e.programme].crebo);
        t.Set(3, data.municipalities[l.municipality].code);
        t.Set(4, e.year);
        t.Set(5, core::DemoPathName(e.path));
        t.Set(6, e.students);
        t.Commit();
    }
    return t.Close();
}

long WriteVacancies(const fs::path& folder, const core::DemoData& data, TableSpec& spec)
{
    const core::DemoVacancies& v = data.vacancies;
    spec = {"vacatures_regio_sector_kwartaal",
            {{"arbeidsmarktregio_code", OFTString, "UWV-arbeidsmarktregio, bijv. AM18"},
             {"arbeidsmarktregio_naam", OFTString, "naam van de regio"},
             {"sector_code", OFTString, "SBI-sectie(s) zoals CBS ze groepeert"},
             {"sector_naam", OFTString, "sector (eigen omschrijving)"},
             {"verwante_kamer", OFTString, "de SBB-sectorkamer die het dichtst bij de sector ligt (vereenvoudiging voor de demo)"},
             {"periode", OFTString, "kwartaal, bijv. 2025KW1"},
             {"jaar", OFTInteger, "jaar"},
             {"kwartaal", OFTInteger, "kwartaal 1-4"},
             {"vacatures", OFTInteger, "openstaande vacatures aan het eind van het kwartaal"}},
            "vacatures",
            v.quarters.front().label + "-" + v.quarters.back().label,
            "Synthetisch: openstaande vacatures per arbeidsmarktregio, sector en kwartaal, met het landelijke verloop "
            "van CBS (dip in 2020, record in 2022). Voor de kwartalen " + PointPeriod(v) + " staat elke vacature als punt in vacature_punten.csv.",
            ""};
    CsvTable t(folder, spec);
    for (std::size_t q = 0; q < v.quarters.size(); ++q)
        for (std::size_t r = 0; r < v.region_codes.size(); ++r)
            for (std::size_t s = 0; s < v.sectors.size(); ++s) {
                t.Set(0, v.region_codes[r]);
                t.Set(1, v.region_names[r]);
                t.Set(2, v.sectors[s].code);
                t.Set(3, v.sectors[s].name);
                t.Set(4, core::DemoChamberName(v.sectors[s].related_chamber));
                t.Set(5, v.quarters[q].label);
                t.Set(6, v.quarters[q].year);
                t.Set(7, v.quarters[q].quarter);
                t.Set(8, v.Count(static_cast<int>(q), static_cast<int>(r), static_cast<int>(s)));
                t.Commit();
            }
    return t.Close();
}

long WriteVacancyPoints(const fs::path& folder, const core::DemoData& data, TableSpec& spec)
{
    const core::DemoVacancies& v = data.vacancies;
    spec = {"vacature_punten",
            {{"x_rd", OFTInteger, "x in RD New (EPSG:28992), hele meters"},
             {"y_rd", OFTInteger, "y in RD New (EPSG:28992), hele meters"},
             {"arbeidsmarktregio_code", OFTString, "arbeidsmarktregio van de vacature"},
             {"sector_code", OFTString, "sector (zie vacatures_regio_sector_kwartaal.csv)"},
             {"periode", OFTString, "kwartaal"}},
            "vacatures (1 punt = 1 vacature)",
            PointPeriod(v),
            "Synthetisch: elke openstaande vacature van de laatste kwartalen als punt op een werkplek rond de kernen en "
            "bedrijventerreinen van de gemeenten. Het aantal punten per arbeidsmarktregio, sector en kwartaal is precies "
            "de waarde in vacatures_regio_sector_kwartaal.csv; eerdere kwartalen hebben geen punten.",
            "EPSG:28992"};
    CsvTable t(folder, spec);
    for (const core::DemoVacancyPoint& p : v.points) {
        t.Set(0, p.x);
        t.Set(1, p.y);
        t.Set(2, v.region_codes[p.region]);
        t.Set(3, v.sectors[p.sector].code);
        t.Set(4, v.quarters[p.quarter].label);
        t.Commit();
    }
    return t.Close();
}

void WriteReadme(const fs::path& folder, const core::DemoData& data)
{
    const core::DemoVacancies& v = data.vacancies;
    std::ostringstream text;
    text << "vakatlas demo: SYNTHETISCHE DEMODATA / SYNTHETIC DEMO DATA\n"
            "==========================================================\n\n"
            "Nederlands\n"
            "----------\n"
            "Alle cijfers in deze map zijn verzonnen. Ze zijn gemaakt door `vakatlas demo` (seed "
         << data.seed
         << ") en zijn\n"
            "gekalibreerd op publieke kengetallen, zodat het dashboard realistische groottes en patronen laat zien:\n"
            "- circa 500.000 mbo-studenten per jaar; circa 60 instellingen; grote ROC's met 11.000-12.500\n"
            "  studenten en meer dan 120 opleidingen, kleine instellingen met 1.500-3.300 studenten;\n"
            "- circa 75 % BOL en 25 % BBL; veel opleidingen met minder dan 50 studenten per vestiging;\n"
            "  enkele ambachtsopleidingen (pianotechniek, botenbouw, natuursteen, lijstenmaken) op precies een plek;\n"
            "- krimp: in Groningen, Fryslân, Zeeland, Limburg en de Achterhoek daalt het aantal jongeren tussen 2025\n"
            "  en 2035 met 15-30 %, de steden blijven gelijk of groeien licht;\n"
            "- vacatures per arbeidsmarktregio, sector en kwartaal volgen het landelijke verloop van CBS (dip in 2020,\n"
            "  record in 2022); voor "
         << PointPeriod(v)
         << " staat elke vacature als punt op de kaart.\n"
            "Echt zijn alleen de gemeenten (codes, namen, ligging, oppervlakte, provincie, arbeidsmarktregio) en de\n"
            "inwonertallen van de grotere gemeenten (CBS, afgerond). Instellingen (BRIN 99xx), vestigingen,\n"
            "opleidingen (crebo 90100-90899), inschrijvingen en vacatures bestaan niet. Gebruik deze cijfers niet\n"
            "voor beslissingen.\n\n"
            "Hoe het gemaakt is: een deterministische generator (eigen toevalsgenerator xoshiro256**, vaste seed)\n"
            "schat per gemeente inwoners en jongeren, trekt trends per gebiedstype (stad, tussengebied,\n"
            "krimpgebied), verdeelt de studenten over instellingen, vestigingen en opleidingen, en verdeelt de\n"
            "landelijke vacatures over regio's en sectoren. Dezelfde seed geeft op elke computer dezelfde bestanden.\n"
            "Elke tabel heeft een <tabel>.source.json met bron, eenheid, periode en kolommen.\n\n"
            "English\n"
            "-------\n"
            "Every number in this folder is made up. It was generated by `vakatlas demo` (seed "
         << data.seed
         << ") and calibrated\n"
            "on public figures so that the dashboard shows realistic sizes and patterns: about 500,000 mbo students,\n"
            "about 60 institutions (large regional ones with 11,000-12,500 students and over 120 programmes, small\n"
            "ones with 1,500-3,300), about 75 % school-based (BOL) and 25 % work-based (BBL) students, many\n"
            "programmes with fewer than 50 students at a location, a few specialist crafts taught at exactly one\n"
            "location, a 15-30 % decline of young people in the periphery between 2025 and 2035 against steady or\n"
            "growing cities, and vacancies that follow the national CBS series. Only the municipalities (codes,\n"
            "names, positions, areas, provinces, labour-market regions) and the rounded populations of the larger\n"
            "municipalities are real; institutions (BRIN 99xx), locations, programmes (crebo 90100-90899),\n"
            "enrolment and vacancies do not exist. Do not base decisions on them.\n\n"
            "How it was made: a deterministic generator (its own xoshiro256** random numbers, a fixed seed)\n"
            "estimates inhabitants and young people per municipality, draws trends per area type (city,\n"
            "intermediate, periphery), spreads students over institutions, locations and programmes, and spreads\n"
            "the national vacancies over regions and sectors. The same seed gives the same files on any computer.\n"
            "Each table has a <table>.source.json sidecar with source, unit, period and columns.\n\n"
            "Bestanden / files\n"
            "-----------------\n"
            "leerlingen_gemeente.csv              inwoners, 16-19-jarigen, mbo-studenten per gemeente, 2010-2040\n"
            "instellingen.csv                     instellingen / institutions\n"
            "vestigingen.csv                      vestigingen met ligging (RD New) / locations\n"
            "opleidingen.csv                      opleidingen / programmes\n"
            "inschrijvingen.csv                   studenten per vestiging, opleiding, leerweg en jaar, 2015-2025\n"
            "vacatures_regio_sector_kwartaal.csv  vacatures per arbeidsmarktregio, sector en kwartaal\n"
            "vacature_punten.csv                  "
         << v.points.size()
         << " vacatures als punt (RD New) / vacancy points\n"
            "<tabel>.source.json                  bron, eenheid, periode, kolommen / source, unit, period, columns\n\n"
            "Per arbeidsmarktregio, sector en kwartaal met punten is het aantal punten precies het aantal vacatures in\n"
            "de tabel. / For each labour-market region, sector and quarter with points, the number of points equals\n"
            "the table's number of vacancies.\n";
    const fs::path path = folder / "README.txt";
    std::ofstream out(path, std::ios::binary);
    out << text.str();
    out.close();
    if (!out)
        throw core::InputError(path.string() + ": cannot be written");
}

// [folder] --------------------------------------------------------------------------------------

std::set<std::string> KnownNames()
{
    const std::vector<std::string>& names = DemoFileNames();
    return {names.begin(), names.end()};
}

bool IsStaleTempFolder(const fs::directory_entry& entry, const std::set<std::string>& known)
{
    if (entry.path().filename().string().rfind(".tmp-", 0) != 0 || !entry.is_directory())
        return false;
    std::error_code ec;
    for (const fs::directory_entry& inner : fs::directory_iterator(entry.path(), ec))
        if (!known.count(inner.path().filename().string()) || !inner.is_regular_file())
            return false;
    return !ec;
}

// Throws unless `dir` is missing, empty, or holds only files of an earlier demo run.
void CheckTarget(const fs::path& dir)
{
    std::error_code ec;
    const fs::file_status status = fs::status(dir, ec);
    if (!fs::exists(status))
        return;
    if (!fs::is_directory(status))
        throw core::InputError(dir.string() + ": exists and is not a folder; give a new or empty folder for the demo data");
    const std::set<std::string> known = KnownNames();
    fs::directory_iterator it(dir, ec);
    if (ec)
        throw core::InputError(dir.string() + ": cannot be read (" + ec.message() + ")");
    for (const fs::directory_entry& entry : it) {
        const std::string name = entry.path().filename().string();
        if ((known.count(name) && entry.is_regular_file()) || IsStaleTempFolder(entry, known))
            continue;
        throw core::InputError(dir.string() + ": the folder is not empty and holds '" + name +
                               "', which is not a vakatlas demo file; give a new or empty folder (nothing was written)");
    }
}

} // namespace

std::vector<core::DemoMunicipality> DemoMunicipalitiesFromFacts(const MunicipalityFacts& facts)
{
    const std::map<std::string, std::string> names(facts.group_names.begin(), facts.group_names.end());
    std::vector<core::DemoMunicipality> out;
    for (std::size_t i = 0; i < facts.layer.features.size(); ++i) {
        const core::RegionFeature& f = facts.layer.features[i];
        core::DemoMunicipality m;
        m.code = f.code;
        m.name = f.name;
        m.x = f.label_point.x;
        m.y = f.label_point.y;
        m.area_km2 = f.area / 1e6;
        if (const std::string* p = f.Parent("provincie"))
            m.province_code = *p;
        if (const std::string* r = f.Parent("arbeidsmarktregio")) {
            m.labour_region_code = *r;
            if (auto it = names.find(*r); it != names.end())
                m.labour_region_name = it->second;
        }
        if (i < facts.neighbours.size())
            m.neighbours = facts.neighbours[i];
        out.push_back(std::move(m));
    }
    return out;
}

const std::vector<std::string>& DemoFileNames()
{
    static const std::vector<std::string> names = [] {
        std::vector<std::string> n;
        for (const char* t : kTables)
            n.push_back(std::string(t) + ".csv");
        for (const char* t : kTables)
            n.push_back(std::string(t) + ".source.json");
        n.push_back("README.txt");
        return n;
    }();
    return names;
}

std::vector<std::string> WriteDemoData(const core::DemoData& data, const std::string& dir_text)
{
    EnsureGdal();
    const fs::path dir(dir_text);
    CheckTarget(dir);
    std::error_code ec;
    const bool created = !fs::exists(dir, ec);
    fs::create_directories(dir, ec);
    if (ec || !fs::is_directory(dir))
        throw core::InputError(dir_text + ": the folder cannot be created (" + (ec ? ec.message() : "not a folder") + ")");

    std::string pattern = (dir / ".tmp-XXXXXX").string();
    if (!mkdtemp(pattern.data())) {
        if (created)
            fs::remove(dir, ec);
        throw core::InputError(dir_text + ": cannot write into the folder (" + std::string(std::strerror(errno)) + ")");
    }
    const fs::path tmp(pattern);
    try {
        using Writer = long (*)(const fs::path&, const core::DemoData&, TableSpec&);
        const Writer writers[] = {WritePupils, WriteInstitutions, WriteLocations, WriteProgrammes,
                                  WriteEnrolment, WriteVacancies, WriteVacancyPoints};
        for (Writer write : writers) {
            TableSpec spec;
            const long rows = write(tmp, data, spec);
            WriteSidecar(tmp, spec, data, rows);
        }
        WriteReadme(tmp, data);
        // Every file is complete: move them into place (each rename replaces an older demo file
        // atomically), README last.
        for (const std::string& name : DemoFileNames()) {
            fs::rename(tmp / name, dir / name, ec);
            if (ec)
                throw core::InputError((dir / name).string() + ": cannot be put in place (" + ec.message() + ")");
        }
    } catch (...) {
        fs::remove_all(tmp, ec);
        if (created)
            fs::remove(dir, ec); // only succeeds when empty
        throw;
    }
    fs::remove_all(tmp, ec);
    // Leftovers of an interrupted earlier run.
    const std::set<std::string> known = KnownNames();
    std::vector<fs::path> stale;
    for (const fs::directory_entry& entry : fs::directory_iterator(dir, ec))
        if (IsStaleTempFolder(entry, known))
            stale.push_back(entry.path());
    for (const fs::path& p : stale)
        fs::remove_all(p, ec);

    std::vector<std::string> written;
    for (const std::string& name : DemoFileNames())
        written.push_back((dir / name).string());
    return written;
}

std::vector<std::string> WriteDemo(const std::string& dir, const std::string& facts_path, const core::DemoOptions& options)
{
    CheckTarget(fs::path(dir));
    const std::string path = !facts_path.empty()
                                 ? facts_path
                                 : (core::FindResourceDir(core::DefaultGeodataDirQuery()) / "gemeenten_2025.csv").string();
    const MunicipalityFacts facts = ReadMunicipalityFacts(path);
    const core::DemoData data = core::GenerateDemoData(DemoMunicipalitiesFromFacts(facts), options);
    return WriteDemoData(data, dir);
}

} // namespace vak::io
