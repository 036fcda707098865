// The demo's programme catalogue: ~175 plausible Dutch mbo qualification titles written for
// the synthetic data set (not copied from any catalogue), each with its level, sector chamber,
// rough national size and how it is spread over the country. Used by demo_data.cpp only.
#pragma once

#include "core/demo/demo_data.hpp"

#include <cstdint>

namespace vak::core::demo_catalogue {


// How a programme is spread over the country.
enum class Spread : std::uint8_t {
    General, // most ROCs
    Green,   // agricultural colleges (AOC), rarely a ROC
    Niche,   // a few schools: their specialist school and now and then a large ROC
    Unique,  // exactly one location nationally (domain.md: piano technology, boat building, ...)
};

// The specialist schools (vakinstellingen) and what they teach.
enum class Theme : std::uint8_t { None, Media, Maritime, Wood, Craft, Aviation, Watersport, Horse, Fashion, CareTech };

using C = DemoChamber;

// One qualification. `weight` is its rough national number of students (it only sets relative
// sizes within an institution); `bbl` the percentage in the work-based path before the national
// correction to 25 % BBL; `growth` the yearly change in permille before 2025.
struct CatalogueEntry {
    const char* name;
    std::uint8_t level;
    DemoChamber chamber;
    int weight;
    int bbl;
    Spread spread;
    Theme theme;
    int growth;
};

// Titles written for this demo (plausible Dutch mbo qualifications; no list was copied). Weights
// follow the known large programmes: nursing, care, child care, social work, software, media
// design; the specialist crafts have tens of students (domain.md).
inline constexpr CatalogueEntry kCatalogue[] = {
    // Techniek en gebouwde omgeving
    {"Assistent bouwen, wonen en onderhoud", 1, C::TechniekGebouwdeOmgeving, 1400, 10, Spread::General, Theme::None, 0},
    {"Assistent installatie- en constructietechniek", 1, C::TechniekGebouwdeOmgeving, 1000, 10, Spread::General, Theme::None, 0},
    {"Assistent productie en techniek", 1, C::TechniekGebouwdeOmgeving, 700, 15, Spread::General, Theme::None, 0},
    {"Timmerman", 2, C::TechniekGebouwdeOmgeving, 4200, 55, Spread::General, Theme::Wood, 10},
    {"Allround timmerman", 3, C::TechniekGebouwdeOmgeving, 1700, 60, Spread::General, Theme::Wood, 10},
    {"Metselaar", 2, C::TechniekGebouwdeOmgeving, 1100, 70, Spread::General, Theme::Craft, 0},
    {"Schilder", 2, C::TechniekGebouwdeOmgeving, 1900, 50, Spread::General, Theme::None, -10},
    {"Allround schilder", 3, C::TechniekGebouwdeOmgeving, 700, 60, Spread::General, Theme::None, -10},
    {"Stukadoor", 2, C::TechniekGebouwdeOmgeving, 600, 70, Spread::General, Theme::Craft, 0},
    {"Tegelzetter", 2, C::TechniekGebouwdeOmgeving, 250, 75, Spread::Niche, Theme::Craft, 0},
    {"Dakdekker", 2, C::TechniekGebouwdeOmgeving, 450, 80, Spread::Niche, Theme::Craft, 0},
    {"Monteur elektrotechnische installaties", 2, C::TechniekGebouwdeOmgeving, 4800, 55, Spread::General, Theme::None, 15},
    {"Eerste monteur elektrotechnische installaties", 3, C::TechniekGebouwdeOmgeving, 4300, 55, Spread::General, Theme::None, 15},
    {"Technicus elektrotechnische installaties", 4, C::TechniekGebouwdeOmgeving, 3400, 25, Spread::General, Theme::None, 20},
    {"Monteur werktuigkundige installaties", 2, C::TechniekGebouwdeOmgeving, 3300, 55, Spread::General, Theme::None, 10},
    {"Eerste monteur werktuigkundige installaties", 3, C::TechniekGebouwdeOmgeving, 2900, 55, Spread::General, Theme::None, 10},
    {"Technicus werktuigkundige installaties", 4, C::TechniekGebouwdeOmgeving, 2300, 30, Spread::General, Theme::None, 10},
    {"Monteur duurzame energiesystemen", 2, C::TechniekGebouwdeOmgeving, 700, 50, Spread::General, Theme::None, 80},
    {"Servicemonteur koel- en klimaattechniek", 3, C::TechniekGebouwdeOmgeving, 800, 50, Spread::General, Theme::None, 40},
    {"Monteur mechatronica", 2, C::TechniekGebouwdeOmgeving, 1400, 40, Spread::General, Theme::None, 0},
    {"Technicus mechatronica", 4, C::TechniekGebouwdeOmgeving, 2600, 25, Spread::General, Theme::None, 10},
    {"Monteur metaalbewerking", 2, C::TechniekGebouwdeOmgeving, 1100, 55, Spread::General, Theme::None, -10},
    {"Constructiewerker", 2, C::TechniekGebouwdeOmgeving, 1400, 50, Spread::General, Theme::None, -10},
    {"Allround lasser", 3, C::TechniekGebouwdeOmgeving, 900, 60, Spread::General, Theme::None, 0},
    {"Technicus engineering", 4, C::TechniekGebouwdeOmgeving, 3900, 15, Spread::General, Theme::None, 10},
    {"Middenkaderfunctionaris bouw", 4, C::TechniekGebouwdeOmgeving, 3900, 20, Spread::General, Theme::None, 10},
    {"Middenkaderfunctionaris infra", 4, C::TechniekGebouwdeOmgeving, 1400, 25, Spread::General, Theme::None, 10},
    {"Medewerker infra en straatwerk", 2, C::TechniekGebouwdeOmgeving, 900, 70, Spread::General, Theme::None, 0},
    {"Procesoperator", 2, C::TechniekGebouwdeOmgeving, 1400, 45, Spread::General, Theme::None, 0},
    {"Allround procesoperator", 3, C::TechniekGebouwdeOmgeving, 1900, 40, Spread::General, Theme::None, 0},
    {"Procestechnicus", 4, C::TechniekGebouwdeOmgeving, 1400, 35, Spread::General, Theme::None, 0},
    {"Laboratoriummedewerker", 3, C::TechniekGebouwdeOmgeving, 1100, 15, Spread::General, Theme::CareTech, 0},
    {"Laboratoriumanalist", 4, C::TechniekGebouwdeOmgeving, 3400, 10, Spread::General, Theme::CareTech, 10},
    // Zorg, welzijn en sport
    {"Assistent dienstverlening en zorg", 1, C::ZorgWelzijnSport, 2400, 5, Spread::General, Theme::None, 0},
    {"Helpende zorg en welzijn", 2, C::ZorgWelzijnSport, 5800, 35, Spread::General, Theme::None, -10},
    {"Verzorgende-IG", 3, C::ZorgWelzijnSport, 21000, 50, Spread::General, Theme::None, 10},
    {"Mbo-verpleegkundige", 4, C::ZorgWelzijnSport, 27000, 35, Spread::General, Theme::None, 15},
    {"Begeleider maatschappelijke zorg", 3, C::ZorgWelzijnSport, 4800, 25, Spread::General, Theme::None, 0},
    {"Persoonlijk begeleider gehandicaptenzorg", 4, C::ZorgWelzijnSport, 8800, 30, Spread::General, Theme::None, 10},
    {"Persoonlijk begeleider specifieke doelgroepen", 4, C::ZorgWelzijnSport, 5900, 25, Spread::General, Theme::None, 10},
    {"Pedagogisch medewerker kinderopvang", 3, C::ZorgWelzijnSport, 8800, 25, Spread::General, Theme::None, 0},
    {"Gespecialiseerd pedagogisch medewerker", 4, C::ZorgWelzijnSport, 9500, 15, Spread::General, Theme::None, 10},
    {"Onderwijsassistent", 4, C::ZorgWelzijnSport, 7800, 15, Spread::General, Theme::None, 10},
    {"Sociaal werker", 4, C::ZorgWelzijnSport, 11500, 10, Spread::General, Theme::None, 10},
    {"Doktersassistent", 4, C::ZorgWelzijnSport, 6800, 5, Spread::General, Theme::CareTech, 0},
    {"Apothekersassistent", 4, C::ZorgWelzijnSport, 3300, 15, Spread::General, Theme::CareTech, 0},
    {"Tandartsassistent", 3, C::ZorgWelzijnSport, 2300, 20, Spread::General, Theme::CareTech, 0},
    {"Medewerker sport en recreatie", 2, C::ZorgWelzijnSport, 1400, 5, Spread::General, Theme::Watersport, 0},
    {"Sport- en bewegingsbegeleider", 3, C::ZorgWelzijnSport, 3300, 5, Spread::General, Theme::None, 0},
    {"Sport- en bewegingscoördinator", 4, C::ZorgWelzijnSport, 8500, 5, Spread::General, Theme::None, 10},
    {"Kapper", 2, C::ZorgWelzijnSport, 2400, 35, Spread::General, Theme::Fashion, -10},
    {"Allround kapper", 3, C::ZorgWelzijnSport, 1900, 40, Spread::General, Theme::Fashion, -10},
    {"Schoonheidsspecialist", 3, C::ZorgWelzijnSport, 2900, 10, Spread::General, Theme::Fashion, 0},
    {"Medisch pedicure", 4, C::ZorgWelzijnSport, 350, 20, Spread::Niche, Theme::CareTech, 0},
    {"Voedingsassistent", 2, C::ZorgWelzijnSport, 350, 30, Spread::Niche, Theme::None, 0},
    {"Opticien", 4, C::ZorgWelzijnSport, 700, 35, Spread::Niche, Theme::CareTech, 0},
    {"Audicien", 4, C::ZorgWelzijnSport, 250, 40, Spread::Niche, Theme::CareTech, 0},
    {"Orthopedisch schoentechnicus", 4, C::ZorgWelzijnSport, 90, 50, Spread::Niche, Theme::CareTech, 0},
    {"Tandtechnicus", 4, C::ZorgWelzijnSport, 300, 40, Spread::Niche, Theme::CareTech, 0},
    {"Medewerker sterilisatie", 3, C::ZorgWelzijnSport, 250, 85, Spread::Niche, Theme::None, 0},
    // Handel
    {"Assistent verkoop en retail", 1, C::Handel, 1400, 10, Spread::General, Theme::None, -10},
    {"Verkoopmedewerker", 2, C::Handel, 5800, 35, Spread::General, Theme::None, -20},
    {"Eerste verkoopmedewerker", 3, C::Handel, 2800, 40, Spread::General, Theme::None, -20},
    {"Manager retail", 4, C::Handel, 4800, 25, Spread::General, Theme::None, -10},
    {"Ondernemer retail", 4, C::Handel, 1900, 10, Spread::General, Theme::None, 0},
    {"Junior accountmanager", 4, C::Handel, 6800, 10, Spread::General, Theme::None, 0},
    {"Commercieel medewerker binnendienst", 3, C::Handel, 1400, 20, Spread::General, Theme::None, -10},
    {"Medewerker marketing, communicatie en evenementen", 4, C::Handel, 7800, 5, Spread::General, Theme::None, 10},
    {"Medewerker e-commerce", 4, C::Handel, 1400, 10, Spread::General, Theme::None, 50},
    {"Drogisterijmedewerker", 3, C::Handel, 1100, 40, Spread::General, Theme::None, 0},
    {"Interieuradviseur", 4, C::Handel, 900, 10, Spread::Niche, Theme::Fashion, 0},
    {"Verkoopadviseur mode en wonen", 3, C::Handel, 600, 20, Spread::Niche, Theme::Fashion, -10},
    // ICT en creatieve industrie
    {"Medewerker ICT", 2, C::IctCreatieveIndustrie, 1400, 10, Spread::General, Theme::None, 0},
    {"Medewerker ICT-support", 3, C::IctCreatieveIndustrie, 3900, 10, Spread::General, Theme::None, 10},
    {"Expert IT-systemen en -apparaten", 4, C::IctCreatieveIndustrie, 7800, 10, Spread::General, Theme::None, 20},
    {"Software developer", 4, C::IctCreatieveIndustrie, 15500, 5, Spread::General, Theme::None, 30},
    {"Expert cybersecurity", 4, C::IctCreatieveIndustrie, 1900, 5, Spread::General, Theme::None, 80},
    {"Specialist data en AI", 4, C::IctCreatieveIndustrie, 600, 5, Spread::General, Theme::None, 120},
    {"Mediavormgever", 4, C::IctCreatieveIndustrie, 8800, 3, Spread::General, Theme::Media, 0},
    {"Audiovisueel specialist", 4, C::IctCreatieveIndustrie, 3400, 5, Spread::General, Theme::Media, 0},
    {"Game developer", 4, C::IctCreatieveIndustrie, 2900, 2, Spread::General, Theme::Media, 20},
    {"Fotograaf", 4, C::IctCreatieveIndustrie, 900, 5, Spread::Niche, Theme::Media, -10},
    {"Ruimtelijk vormgever", 4, C::IctCreatieveIndustrie, 1100, 5, Spread::Niche, Theme::Media, 0},
    {"Podium- en evenemententechnicus", 4, C::IctCreatieveIndustrie, 1900, 10, Spread::General, Theme::Media, 0},
    {"Artiest muziek", 4, C::IctCreatieveIndustrie, 1900, 2, Spread::General, Theme::Media, 0},
    {"Artiest dans", 4, C::IctCreatieveIndustrie, 750, 2, Spread::Niche, Theme::Media, 0},
    {"Artiest drama", 4, C::IctCreatieveIndustrie, 750, 2, Spread::Niche, Theme::Media, 0},
    {"Allround medewerker grafimedia", 3, C::IctCreatieveIndustrie, 500, 30, Spread::Niche, Theme::Media, -20},
    {"Signmaker", 3, C::IctCreatieveIndustrie, 250, 40, Spread::Niche, Theme::Media, 0},
    // Voedsel, groen en gastvrijheid
    {"Assistent horeca, voeding of voedingsindustrie", 1, C::VoedselGroenGastvrijheid, 1400, 10, Spread::General, Theme::None, 0},
    {"Kok", 2, C::VoedselGroenGastvrijheid, 3400, 35, Spread::General, Theme::None, 0},
    {"Zelfstandig werkend kok", 3, C::VoedselGroenGastvrijheid, 2900, 40, Spread::General, Theme::None, 0},
    {"Leidinggevende keuken", 4, C::VoedselGroenGastvrijheid, 1100, 30, Spread::General, Theme::None, 0},
    {"Gastheer/gastvrouw", 2, C::VoedselGroenGastvrijheid, 1900, 35, Spread::General, Theme::None, 0},
    {"Zelfstandig werkend gastheer/gastvrouw", 3, C::VoedselGroenGastvrijheid, 1100, 35, Spread::General, Theme::None, 0},
    {"Ondernemer horeca", 4, C::VoedselGroenGastvrijheid, 1400, 10, Spread::General, Theme::None, 0},
    {"Leidinggevende travel en hospitality", 4, C::VoedselGroenGastvrijheid, 4800, 3, Spread::General, Theme::Aviation, 10},
    {"Bakker", 2, C::VoedselGroenGastvrijheid, 550, 50, Spread::Niche, Theme::None, 0},
    {"Allround bakker", 3, C::VoedselGroenGastvrijheid, 500, 50, Spread::Niche, Theme::None, 0},
    {"Operator levensmiddelenindustrie", 3, C::VoedselGroenGastvrijheid, 500, 60, Spread::Green, Theme::None, 0},
    {"Specialist voedingsmiddelentechnologie", 4, C::VoedselGroenGastvrijheid, 400, 20, Spread::Green, Theme::None, 0},
    {"Medewerker hovenier", 2, C::VoedselGroenGastvrijheid, 1400, 45, Spread::Green, Theme::None, 0},
    {"Vakbekwaam hovenier", 3, C::VoedselGroenGastvrijheid, 1100, 45, Spread::Green, Theme::None, 0},
    {"Opzichter groen", 4, C::VoedselGroenGastvrijheid, 550, 30, Spread::Green, Theme::None, 0},
    {"Medewerker dierverzorging", 2, C::VoedselGroenGastvrijheid, 1400, 20, Spread::Green, Theme::Horse, 0},
    {"Vakbekwaam medewerker dierverzorging", 3, C::VoedselGroenGastvrijheid, 1100, 20, Spread::Green, Theme::Horse, 0},
    {"Dierenartsassistent paraveterinair", 4, C::VoedselGroenGastvrijheid, 1900, 10, Spread::Green, Theme::Horse, 0},
    {"Medewerker teelt", 2, C::VoedselGroenGastvrijheid, 600, 50, Spread::Green, Theme::None, -10},
    {"Vakbekwaam medewerker teelt", 3, C::VoedselGroenGastvrijheid, 500, 50, Spread::Green, Theme::None, -10},
    {"Bedrijfsleider teelt", 4, C::VoedselGroenGastvrijheid, 400, 30, Spread::Green, Theme::None, 0},
    {"Vakbekwaam medewerker veehouderij", 3, C::VoedselGroenGastvrijheid, 600, 40, Spread::Green, Theme::None, -20},
    {"Bedrijfsleider veehouderij", 4, C::VoedselGroenGastvrijheid, 550, 30, Spread::Green, Theme::None, -20},
    {"Vakbekwaam bloemist", 3, C::VoedselGroenGastvrijheid, 750, 30, Spread::Green, Theme::None, -10},
    {"Medewerker paardensport en -houderij", 2, C::VoedselGroenGastvrijheid, 400, 30, Spread::Niche, Theme::Horse, 0},
    {"Vakbekwaam medewerker natuur, water en recreatie", 3, C::VoedselGroenGastvrijheid, 750, 20, Spread::Green, Theme::None, 0},
    {"Medewerker buitenruimte", 2, C::VoedselGroenGastvrijheid, 500, 50, Spread::Green, Theme::None, 0},
    // Mobiliteit, transport, logistiek en maritiem
    {"Assistent logistiek", 1, C::MobiliteitTransportLogistiekMaritiem, 800, 10, Spread::General, Theme::None, 0},
    {"Assistent mobiliteitsbranche", 1, C::MobiliteitTransportLogistiekMaritiem, 700, 10, Spread::General, Theme::None, 0},
    {"Logistiek medewerker", 2, C::MobiliteitTransportLogistiekMaritiem, 2900, 45, Spread::General, Theme::Maritime, 0},
    {"Logistiek teamleider", 3, C::MobiliteitTransportLogistiekMaritiem, 1400, 35, Spread::General, Theme::Maritime, 0},
    {"Logistiek supervisor", 4, C::MobiliteitTransportLogistiekMaritiem, 1400, 20, Spread::General, Theme::None, 10},
    {"Chauffeur wegvervoer", 2, C::MobiliteitTransportLogistiekMaritiem, 1700, 70, Spread::General, Theme::None, 0},
    {"Autotechnicus", 2, C::MobiliteitTransportLogistiekMaritiem, 3400, 45, Spread::General, Theme::None, 0},
    {"Eerste autotechnicus", 3, C::MobiliteitTransportLogistiekMaritiem, 2900, 50, Spread::General, Theme::None, 0},
    {"Technisch specialist personenauto's", 4, C::MobiliteitTransportLogistiekMaritiem, 1700, 30, Spread::General, Theme::None, 0},
    {"Eerste bedrijfsautotechnicus", 3, C::MobiliteitTransportLogistiekMaritiem, 800, 50, Spread::General, Theme::None, 0},
    {"Technicus mobiele werktuigen", 3, C::MobiliteitTransportLogistiekMaritiem, 1100, 40, Spread::General, Theme::None, 0},
    {"Fietstechnicus", 2, C::MobiliteitTransportLogistiekMaritiem, 450, 50, Spread::General, Theme::None, 20},
    {"Autoschadehersteller", 2, C::MobiliteitTransportLogistiekMaritiem, 1100, 50, Spread::General, Theme::None, 0},
    {"Autospuiter", 3, C::MobiliteitTransportLogistiekMaritiem, 450, 55, Spread::Niche, Theme::None, 0},
    {"Vliegtuigonderhoudstechnicus", 4, C::MobiliteitTransportLogistiekMaritiem, 800, 20, Spread::Niche, Theme::Aviation, 10},
    {"Medewerker luchtvaartdienstverlening", 3, C::MobiliteitTransportLogistiekMaritiem, 700, 10, Spread::Niche, Theme::Aviation, 0},
    {"Matroos binnenvaart", 2, C::MobiliteitTransportLogistiekMaritiem, 400, 40, Spread::Niche, Theme::Maritime, 0},
    {"Schipper binnenvaart", 4, C::MobiliteitTransportLogistiekMaritiem, 300, 40, Spread::Niche, Theme::Maritime, 0},
    {"Maritiem officier", 4, C::MobiliteitTransportLogistiekMaritiem, 600, 10, Spread::Niche, Theme::Maritime, 0},
    {"Havenlogistiek medewerker", 3, C::MobiliteitTransportLogistiekMaritiem, 500, 30, Spread::Niche, Theme::Maritime, 0},
    {"Scheepsbouwer", 3, C::MobiliteitTransportLogistiekMaritiem, 200, 50, Spread::Niche, Theme::Maritime, 0},
    {"Technicus maritieme techniek", 4, C::MobiliteitTransportLogistiekMaritiem, 300, 30, Spread::Niche, Theme::Maritime, 0},
    {"Monteur watersport", 3, C::MobiliteitTransportLogistiekMaritiem, 250, 40, Spread::Niche, Theme::Watersport, 0},
    {"Buschauffeur", 2, C::MobiliteitTransportLogistiekMaritiem, 300, 80, Spread::Niche, Theme::None, 0},
    // Zakelijke dienstverlening en veiligheid
    {"Medewerker secretariaat en receptie", 3, C::ZakelijkeDienstverleningVeiligheid, 2400, 10, Spread::General, Theme::None, -10},
    {"Managementassistent", 4, C::ZakelijkeDienstverleningVeiligheid, 2900, 10, Spread::General, Theme::None, -10},
    {"Financieel administratief medewerker", 3, C::ZakelijkeDienstverleningVeiligheid, 2900, 20, Spread::General, Theme::None, -30},
    {"Bedrijfsadministrateur", 4, C::ZakelijkeDienstverleningVeiligheid, 3400, 10, Spread::General, Theme::None, -20},
    {"Juridisch medewerker", 4, C::ZakelijkeDienstverleningVeiligheid, 4800, 5, Spread::General, Theme::None, 0},
    {"HR-medewerker", 4, C::ZakelijkeDienstverleningVeiligheid, 2900, 10, Spread::General, Theme::None, 0},
    {"Klantcontactmedewerker", 3, C::ZakelijkeDienstverleningVeiligheid, 750, 20, Spread::General, Theme::None, -10},
    {"Medewerker makelaardij en vastgoed", 4, C::ZakelijkeDienstverleningVeiligheid, 500, 10, Spread::Niche, Theme::None, 0},
    {"Facilitair leidinggevende", 4, C::ZakelijkeDienstverleningVeiligheid, 1100, 20, Spread::General, Theme::None, 0},
    {"Beveiliger", 2, C::ZakelijkeDienstverleningVeiligheid, 2900, 40, Spread::General, Theme::Aviation, 0},
    {"Coördinator beveiliging", 3, C::ZakelijkeDienstverleningVeiligheid, 750, 40, Spread::General, Theme::None, 0},
    {"Handhaver toezicht en veiligheid", 3, C::ZakelijkeDienstverleningVeiligheid, 2900, 10, Spread::General, Theme::None, 10},
    {"Medewerker veiligheid en defensie", 2, C::ZakelijkeDienstverleningVeiligheid, 1100, 5, Spread::General, Theme::None, 0},
    {"Medewerker publieke dienstverlening", 4, C::ZakelijkeDienstverleningVeiligheid, 400, 15, Spread::Niche, Theme::None, 0},
    {"Schoonmaakspecialist", 2, C::ZakelijkeDienstverleningVeiligheid, 300, 80, Spread::Niche, Theme::None, 0},
    // Specialistisch vakmanschap: the crafts taught at one place in the country
    {"Pianotechnicus", 4, C::SpecialistischVakmanschap, 25, 20, Spread::Unique, Theme::Wood, 0},
    {"Lijstenmaker en vergulder", 3, C::SpecialistischVakmanschap, 20, 30, Spread::Unique, Theme::Wood, 0},
    {"Orgelbouwer", 4, C::SpecialistischVakmanschap, 15, 40, Spread::Unique, Theme::Wood, 0},
    {"Vioolbouwer", 4, C::SpecialistischVakmanschap, 20, 10, Spread::Unique, Theme::Wood, 0},
    {"Natuursteenbewerker", 3, C::SpecialistischVakmanschap, 35, 50, Spread::Unique, Theme::Craft, 0},
    {"Glazenier", 3, C::SpecialistischVakmanschap, 20, 30, Spread::Unique, Theme::Craft, 0},
    {"Restauratiestukadoor", 3, C::SpecialistischVakmanschap, 20, 60, Spread::Unique, Theme::Craft, 0},
    {"Goud- en zilversmid", 4, C::SpecialistischVakmanschap, 80, 10, Spread::Unique, Theme::Craft, 0},
    {"Uurwerktechnicus", 4, C::SpecialistischVakmanschap, 40, 10, Spread::Unique, Theme::Craft, 0},
    {"Rietdekker", 2, C::SpecialistischVakmanschap, 40, 90, Spread::Unique, Theme::Craft, 0},
    {"Botenbouwer", 3, C::SpecialistischVakmanschap, 60, 40, Spread::Unique, Theme::Watersport, 0},
    {"Zeilmaker", 3, C::SpecialistischVakmanschap, 20, 40, Spread::Unique, Theme::Watersport, 0},
    {"Hoefsmid", 3, C::SpecialistischVakmanschap, 60, 60, Spread::Unique, Theme::Horse, 0},
    {"Zadel- en tuigmaker", 3, C::SpecialistischVakmanschap, 15, 30, Spread::Unique, Theme::Horse, 0},
    {"Meubelmaker", 2, C::SpecialistischVakmanschap, 600, 40, Spread::Niche, Theme::Wood, 0},
    {"Allround meubelmaker", 3, C::SpecialistischVakmanschap, 300, 40, Spread::Niche, Theme::Wood, 0},
    {"Interieurbouwer", 3, C::SpecialistischVakmanschap, 900, 40, Spread::Niche, Theme::Wood, 0},
    {"Instrumentmaker", 4, C::SpecialistischVakmanschap, 150, 20, Spread::Niche, Theme::Wood, 0},
    {"Medewerker mode en maatkleding", 2, C::SpecialistischVakmanschap, 800, 10, Spread::Niche, Theme::Fashion, -10},
    {"Allround medewerker mode en maatkleding", 3, C::SpecialistischVakmanschap, 800, 10, Spread::Niche, Theme::Fashion, -10},
    {"Specialist mode en maatkleding", 4, C::SpecialistischVakmanschap, 1000, 5, Spread::Niche, Theme::Fashion, 0},
    {"Allround glaszetter", 3, C::SpecialistischVakmanschap, 200, 60, Spread::Niche, Theme::Craft, 0},
};
inline constexpr int kCatalogueSize = static_cast<int>(sizeof(kCatalogue) / sizeof(kCatalogue[0]));

} // namespace vak::core::demo_catalogue
