#include "io/demo_cache.hpp"

#include "core/demo/demo_data.hpp"
#include "core/resource_paths.hpp"
#include "core/version.hpp"
#include "core/errors.hpp"
#include "io/demo_geography.hpp"
#include "io/demo_writer.hpp"

#include <algorithm>

#include <cstdlib>
#include <fstream>
#include <unistd.h>
#include <filesystem>

namespace vak::io {

namespace fs = std::filesystem;

namespace {

const char* const kStartTables[] = {"leerlingen_gemeente.csv", "inschrijvingen.csv",
                                    "vacatures_regio_sector_kwartaal.csv"};

std::string Env(const char* name)
{
    const char* value = std::getenv(name);
    return value ? value : "";
}

} // namespace

std::string DemoCacheDir()
{
    if (std::string dir = Env("VAKATLAS_DEMO_DIR"); !dir.empty())
        return dir;
    const std::string leaf =
        std::string("demo-") + core::kVersion + "-" + std::to_string(core::DemoOptions{}.seed);
    if (std::string cache = Env("XDG_CACHE_HOME"); !cache.empty())
        return (fs::path(cache) / "vakatlas" / leaf).string();
    if (std::string home = Env("HOME"); !home.empty())
        return (fs::path(home) / ".cache" / "vakatlas" / leaf).string();
    return (fs::temp_directory_path() / "vakatlas" / leaf).string();
}

namespace {

// Written into every cache folder vakatlas makes: only a folder carrying it may be replaced.
constexpr const char* kMarker = ".vakatlas-demo-cache";

bool Complete(const fs::path& dir)
{
    std::error_code ec;
    for (const std::string& name : DemoFileNames())
        if (!fs::is_regular_file(dir / name, ec))
            return false;
    return true;
}

// An existing folder that is not a complete cache may be replaced only when vakatlas made it
// (the marker) or it is empty; anything else is the user's and is refused, untouched.
void CheckReplaceable(const fs::path& dir)
{
    std::error_code ec;
    if (!fs::exists(dir, ec))
        return;
    if (!fs::is_directory(dir, ec))
        throw core::InputError("demo folder " + dir.string() + " is a file; it is left untouched: set "
                               "VAKATLAS_DEMO_DIR to an empty or new folder");
    if (fs::exists(dir / kMarker, ec))
        return;
    fs::directory_iterator entries(dir, ec);
    if (ec)
        throw core::InputError("demo folder " + dir.string() + " cannot be read: " + ec.message());
    if (entries != fs::directory_iterator())
        throw core::InputError("demo folder " + dir.string() + " holds other files (" +
                               entries->path().filename().string() +
                               "); it is left untouched: set VAKATLAS_DEMO_DIR to an empty or new folder");
}

} // namespace

std::vector<std::string> EnsureDemoTables()
{
    const fs::path dir = DemoCacheDir();
    std::error_code ec;
    if (!Complete(dir)) {
        CheckReplaceable(dir);
        // Written beside the cache folder and renamed into place whole, so that two vakatlas
        // starting at once (tests run in parallel) never see each other's half: a rename onto
        // a folder with files fails, and then the folder already there is kept if complete.
        fs::create_directories(dir.parent_path(), ec); // WriteDemo reports what fails after this
        const fs::path tmp = dir.string() + ".tmp-" + std::to_string(getpid());
        fs::remove_all(tmp, ec);
        WriteDemo(tmp.string());
        std::ofstream(tmp / kMarker) << "vakatlas demo data cache; safe to delete\n";
        fs::rename(tmp, dir, ec);
        if (ec && !Complete(dir)) {
            // An incomplete folder of vakatlas's own (an interrupted older run): replace it.
            try {
                CheckReplaceable(dir);
            } catch (...) {
                fs::remove_all(tmp, ec);
                throw;
            }
            fs::remove_all(dir, ec);
            fs::rename(tmp, dir, ec);
        }
        if (ec) // another process put a complete folder there first
            fs::remove_all(tmp, ec);
        if (!Complete(dir))
            throw core::InputError("demo folder " + dir.string() + " could not be written");
    }
    std::vector<std::string> tables;
    for (const char* name : kStartTables)
        tables.push_back((dir / name).string());
    return tables;
}

std::string DemoPointsTable() { return (fs::path(DemoCacheDir()) / "vacature_punten.csv").string(); }

std::vector<std::string> DemoThemeTables()
{
    const fs::path dir = DemoCacheDir();
    return {(dir / "vestigingen.csv").string(), (dir / "opleidingen.csv").string()};
}

std::vector<core::themes::Origin> DemoMunicipalityOrigins(const std::string& facts_path)
{
    const std::string path = !facts_path.empty()
                                 ? facts_path
                                 : (core::FindResourceDir(core::DefaultGeodataDirQuery()) / "gemeenten_2025.csv").string();
    const MunicipalityFacts facts = ReadMunicipalityFacts(path);
    std::vector<core::themes::Origin> origins;
    for (const core::RegionFeature& f : facts.layer.features)
        origins.push_back({f.code, f.label_point});
    return origins;
}

} // namespace vak::io
