#include "fuzz/fuzz_targets.hpp"

#include "core/command_line.hpp"
#include "core/data/cell_parse.hpp"
#include "core/errors.hpp"
#include "io/gdal_environment.hpp"
#include "io/region_reader.hpp"
#include "io/story_file.hpp"
#include "io/table_import.hpp"
#include "io/table_rows.hpp"
#include "io/view_file.hpp"

#include <cpl_vsi.h>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>

namespace vak::fuzz {

namespace {

// An in-memory file that GDAL owns a copy of, removed when the run ends.
class MemFile {
public:
    MemFile(std::string path, const std::uint8_t* data, std::size_t size) : m_path(std::move(path))
    {
        VSILFILE* fp = VSIFOpenL(m_path.c_str(), "wb");
        if (fp) {
            if (size > 0)
                VSIFWriteL(data, 1, size, fp);
            VSIFCloseL(fp);
        }
    }
    ~MemFile() { VSIUnlink(m_path.c_str()); }
    MemFile(const MemFile&) = delete;
    MemFile& operator=(const MemFile&) = delete;
    const std::string& Path() const { return m_path; }

private:
    std::string m_path;
};

// An invariant the parsers promise; breaking it is a bug like a crash.
void Require(bool condition)
{
    if (!condition)
        std::abort();
}

std::string_view Text(const std::uint8_t* data, std::size_t size)
{
    return {reinterpret_cast<const char*>(data), size};
}

} // namespace

bool FuzzRegionFile(const std::uint8_t* data, std::size_t size)
{
    io::EnsureGdal();
    if (size < 1)
        return false;
    const std::uint8_t format = data[0] % 4;
    ++data;
    --size;
    io::RegionReadOptions options;
    try {
        if (format == 3) {
            // Shapefile: .shp, .shx and .dbf sized by two little-endian 16-bit lengths.
            if (size < 4)
                return false;
            const std::size_t shp = std::min<std::size_t>(data[0] | (data[1] << 8), size - 4);
            const std::size_t shx = std::min<std::size_t>(data[2] | (data[3] << 8), size - 4 - shp);
            const std::uint8_t* body = data + 4;
            const MemFile a("/vsimem/fuzz_region/r.shp", body, shp);
            const MemFile b("/vsimem/fuzz_region/r.shx", body + shp, shx);
            const MemFile c("/vsimem/fuzz_region/r.dbf", body + shp + shx, size - 4 - shp - shx);
            return !io::ReadRegionLayer(a.Path(), options).features.empty();
        }
        {
            const char* names[] = {"/vsimem/fuzz_region/r.geojson", "/vsimem/fuzz_region/r.topojson",
                                   "/vsimem/fuzz_region/r.csv"};
            const MemFile file(names[format], data, size);
            return !io::ReadRegionLayer(file.Path(), options).features.empty();
        }
    } catch (const core::InputError&) {
        // Refused with a message: what a bad file should get.
    }
    return false;
}

bool FuzzTableImport(const std::uint8_t* data, std::size_t size)
{
    io::EnsureGdal();
    const MemFile file("/vsimem/fuzz_table/t.csv", data, size);
    try {
        const io::TableFile table = io::TableFile::Read(file.Path());
        const io::ImportedTable imported = table.Import(nullptr);
        return !imported.report.Summary().empty() && imported.report.rows_landed > 0;
    } catch (const core::InputError&) {
    }
    return false;
}

bool FuzzTableRows(const std::uint8_t* data, std::size_t size)
{
    io::EnsureGdal();
    const MemFile file("/vsimem/fuzz_rows/t.csv", data, size);
    try {
        const io::TableRows rows = io::ReadTableRows(file.Path(), "");
        std::size_t bytes = 0;
        for (std::size_t r = 0; r < rows.RowCount(); ++r) {
            Require(rows.RowNumber(r) >= 1);
            for (std::size_t c = 0; c < rows.ColumnCount(); ++c)
                bytes += rows.Cell(r, c).size();
        }
        Require(bytes <= size);
        return rows.RowCount() > 0;
    } catch (const core::InputError&) {
    }
    return false;
}

bool FuzzCellParse(const std::uint8_t* data, std::size_t size)
{
    std::vector<std::string_view> cells;
    std::string_view text = Text(data, size);
    for (std::size_t start = 0; start <= text.size();) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        cells.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    core::NumberFormatDetector detector;
    for (std::string_view cell : cells)
        detector.Add(cell);
    for (const core::NumberFormat format : {core::NumberFormat{}, detector.Result()}) {
        for (std::string_view cell : cells) {
            if (const auto value = core::ParseCell(cell, format); value && value->state == core::ValueState::Known) {
                Require(!std::isnan(value->value));
                Require(!value->integral || value->value == std::trunc(value->value));
            }
        }
    }
    bool any_period = false;
    for (std::string_view cell : cells) {
        if (const auto period = core::ParsePeriod(cell)) {
            Require(period->quarter >= 0 && period->quarter <= 4);
            Require(!period->Label().empty());
            any_period = true;
        }
    }
    return any_period;
}

bool FuzzCommandLine(const std::uint8_t* data, std::size_t size)
{
    std::vector<std::string_view> args;
    const std::string_view text = Text(data, size);
    for (std::size_t start = 0; start < text.size();) {
        const std::size_t end = std::min(text.find('\0', start), text.size());
        args.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    try {
        const core::CommandLine cl = core::ParseCommandLine(args);
        if (cl.kind == core::CommandKind::Help)
            Require(!core::HelpText(cl.help_topic).empty());
        Require(cl.common.ui_scale_percent >= core::kMinUiScalePercent &&
                cl.common.ui_scale_percent <= core::kMaxUiScalePercent);
        return true;
    } catch (const core::UsageError&) {
    }
    return false;
}

bool FuzzViewFile(const std::uint8_t* data, std::size_t size)
{
    // A folder that does not exist: relative data paths resolve against it, nothing is opened.
    const std::filesystem::path path = "/vakatlas-fuzz/views/view.json";
    const std::string json(Text(data, size));
    bool accepted = false;
    try {
        const core::ViewState view = io::ParseViewJson(json, path);
        Require(core::ValidateViewState(view).empty());
        // Written once, a view is in its normal form (data paths normalised, lists sorted):
        // reading that text back and writing it again must give the same text.
        const std::string written = io::ViewJson(view, path);
        try {
            Require(io::ViewJson(io::ParseViewJson(written, path), path) == written);
        } catch (const core::InputError&) {
            std::abort(); // a view the program wrote and cannot read back
        }
        accepted = true;
    } catch (const core::InputError&) {
    }
    try {
        const core::Story story = io::ParseStoryJson(json, path);
        Require(core::ValidateStory(story).empty());
        const std::string written = io::StoryJson(story, path);
        try {
            Require(io::StoryJson(io::ParseStoryJson(written, path), path) == written);
        } catch (const core::InputError&) {
            std::abort();
        }
        accepted = true;
    } catch (const core::InputError&) {
    }
    return accepted;
}

const std::vector<FuzzTarget>& FuzzTargets()
{
    static const std::vector<FuzzTarget> targets = {
        {"region_file", FuzzRegionFile}, {"table_import", FuzzTableImport}, {"table_rows", FuzzTableRows},
        {"cell_parse", FuzzCellParse},   {"command_line", FuzzCommandLine}, {"view_file", FuzzViewFile},
    };
    return targets;
}

FuzzFunction FindFuzzTarget(std::string_view name)
{
    for (const FuzzTarget& target : FuzzTargets())
        if (target.name == name)
            return target.run;
    return nullptr;
}

} // namespace vak::fuzz
