#include "io/csv_export.hpp"

#include "core/errors.hpp"
#include "io/gdal_environment.hpp"
#include "io/ogr_handles.hpp"
#include "io/output_file.hpp"
#include "io/vector_source.hpp"

#include <cpl_error.h>
#include <gdal.h>
#include <ogr_api.h>

#include <charconv>
#include <filesystem>
#include <system_error>

namespace vak::io {

namespace fs = std::filesystem;

void WriteCsv(const std::string& path, const std::vector<CsvColumn>& columns,
              const std::vector<std::vector<std::string>>& rows)
{
    EnsureGdal();
    const bool to_stdout = path == "-";
    if (!to_stdout)
        CheckOutputPath(path);
    GDALDriverH driver = GDALGetDriverByName("CSV");
    if (!driver)
        throw core::InputError("cannot write " + path + ": GDAL has no CSV driver");
    // The CSV driver picks file or folder output by the name, so the temporary keeps ".csv".
    const fs::path tmp = to_stdout ? fs::path() : TemporarySibling(fs::path(path).replace_extension(".csv"));
    const std::string target = to_stdout ? "/vsistdout/" : tmp.string();
    std::error_code ec;
    auto fail = [&](const std::string& reason) {
        if (!to_stdout)
            fs::remove(tmp, ec);
        throw core::InputError("cannot write " + path + ": " + reason);
    };
    CPLErrorReset();
    DatasetHandle out(GDALCreate(driver, target.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!out)
        fail(LastGdalError());
    const char* layer_options[] = {"STRING_QUOTING=IF_NEEDED", "SEPARATOR=COMMA", nullptr};
    OGRLayerH layer = GDALDatasetCreateLayer(static_cast<GDALDatasetH>(out.get()), "table", nullptr, wkbNone,
                                             const_cast<char**>(layer_options));
    if (!layer)
        fail(LastGdalError());
    for (const CsvColumn& column : columns) {
        OGRFieldDefnH field = OGR_Fld_Create(column.name.c_str(), column.integer ? OFTInteger64 : OFTString);
        const OGRErr err = OGR_L_CreateField(layer, field, TRUE);
        OGR_Fld_Destroy(field);
        if (err != OGRERR_NONE)
            fail("column " + column.name + ": " + LastGdalError());
    }
    for (std::size_t r = 0; r < rows.size(); ++r) {
        FeaturePtr feature(OGR_F_Create(OGR_L_GetLayerDefn(layer)));
        for (std::size_t c = 0; c < columns.size() && c < rows[r].size(); ++c) {
            const std::string& text = rows[r][c];
            if (text.empty())
                continue; // unset: an empty cell
            if (columns[c].integer) {
                long long value = 0;
                const auto [end, parse] = std::from_chars(text.data(), text.data() + text.size(), value);
                if (parse != std::errc() || end != text.data() + text.size())
                    fail("row " + std::to_string(r + 1) + ", column " + columns[c].name + ": '" + text +
                         "' is not a whole number");
                OGR_F_SetFieldInteger64(feature.get(), static_cast<int>(c), value);
            } else {
                OGR_F_SetFieldString(feature.get(), static_cast<int>(c), text.c_str());
            }
        }
        if (OGR_L_CreateFeature(layer, feature.get()) != OGRERR_NONE)
            fail("row " + std::to_string(r + 1) + ": " + LastGdalError());
    }
    out.reset(); // flush and close before the rename
    if (!to_stdout)
        CommitTemporary(tmp, path);
}

} // namespace vak::io
