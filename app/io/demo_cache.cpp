#include "io/demo_cache.hpp"

#include "core/demo/demo_data.hpp"
#include "core/version.hpp"
#include "core/errors.hpp"
#include "io/demo_writer.hpp"

#include <algorithm>

#include <cstdlib>
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

std::vector<std::string> EnsureDemoTables()
{
    const fs::path dir = DemoCacheDir();
    bool complete = true;
    std::error_code ec;
    for (const std::string& name : DemoFileNames())
        complete = complete && fs::is_regular_file(dir / name, ec);
    if (!complete && fs::exists(dir, ec)) {
        // An incomplete folder is replaced below; only ever one that holds nothing but demo
        // files, so a mistyped $VAKATLAS_DEMO_DIR can never cost the user a file.
        const std::vector<std::string>& ours = DemoFileNames();
        for (const fs::directory_entry& entry : fs::directory_iterator(dir, ec)) {
            const std::string name = entry.path().filename().string();
            if (std::find(ours.begin(), ours.end(), name) == ours.end() && !name.starts_with(".tmp-"))
                throw core::InputError("demo folder " + dir.string() + " holds other files (" + name +
                                       "); it is left untouched: set VAKATLAS_DEMO_DIR to an empty or new folder");
        }
    }
    if (!complete) {
        // Written beside the cache folder and renamed into place whole, so that two vakatlas
        // starting at once (tests run in parallel) never see or remove each other's half.
        fs::create_directories(dir.parent_path(), ec); // WriteDemo reports what fails after this
        const fs::path tmp = dir.string() + ".tmp-" + std::to_string(getpid());
        fs::remove_all(tmp, ec);
        WriteDemo(tmp.string());
        fs::remove_all(dir, ec); // an incomplete folder of an interrupted older version
        fs::rename(tmp, dir, ec);
        if (ec) // another process put a complete folder there first
            fs::remove_all(tmp, ec);
    }
    std::vector<std::string> tables;
    for (const char* name : kStartTables)
        tables.push_back((dir / name).string());
    return tables;
}

std::string DemoPointsTable() { return (fs::path(DemoCacheDir()) / "vacature_punten.csv").string(); }

} // namespace vak::io
