#include "io/table_rows.hpp"

#include "core/errors.hpp"
#include "core/text/utf8.hpp"
#include "io/ogr_handles.hpp"
#include "io/vector_source.hpp"

#include <cpl_conv.h>
#include <cpl_csv.h>
#include <cpl_string.h>
#include <cpl_vsi.h>
#include <cpl_vsi_virtual.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <limits>
#include <memory>

namespace vak::io {

namespace {

namespace fs = std::filesystem;

struct TokensDeleter {
    void operator()(char** tokens) const { CSLDestroy(tokens); }
};
using Tokens = std::unique_ptr<char*, TokensDeleter>;

struct FileCloser {
    void operator()(VSILFILE* fp) const { VSIFCloseL(fp); }
};
using FileHandle = std::unique_ptr<VSILFILE, FileCloser>;

// GDAL 3.6's XLSX driver reads its header and type settings as configuration options only:
// set for this thread while the file is open.
class XlsxConfig {
public:
    explicit XlsxConfig(bool enable) : m_on(enable)
    {
        if (m_on) {
            CPLSetThreadLocalConfigOption("OGR_XLSX_HEADERS", "FORCE");
            CPLSetThreadLocalConfigOption("OGR_XLSX_FIELD_TYPES", "STRING");
        }
    }
    ~XlsxConfig()
    {
        if (m_on) {
            CPLSetThreadLocalConfigOption("OGR_XLSX_HEADERS", nullptr);
            CPLSetThreadLocalConfigOption("OGR_XLSX_FIELD_TYPES", nullptr);
        }
    }
    XlsxConfig(const XlsxConfig&) = delete;
    XlsxConfig& operator=(const XlsxConfig&) = delete;

private:
    bool m_on;
};

// The longest record read, as the OGR CSV driver's own limit (its MAX_LINE_SIZE open option):
// a 1 GB line is refused after 10 MB instead of being read whole into memory several times.
constexpr std::size_t kMaxRecordBytes = 10'000'000;

// The first line of a text table longer than kMaxRecordBytes (1 = the header), or 0. Read in
// blocks before GDAL sees the file: GDAL's line reader grows its buffer as it goes, so refusing
// a 1 GB line costs reading 10 MB here and nothing more.
long FindOverlongLine(const std::string& path)
{
    VSILFILE* raw = VSIFOpenL(path.c_str(), "rb");
    if (!raw)
        return 0; // OpenVector says why
    const FileHandle fp(raw);
    std::vector<char> block(1 << 20);
    long line = 1;
    std::size_t length = 0;
    for (std::size_t n; (n = VSIFReadL(block.data(), 1, block.size(), fp.get())) > 0;) {
        for (const char *p = block.data(), *end = p + n; p < end;) {
            const char* newline = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
            length += static_cast<std::size_t>((newline ? newline : end) - p);
            if (length > kMaxRecordBytes)
                return line;
            if (!newline)
                break;
            ++line;
            length = 0;
            p = newline + 1;
        }
    }
    return 0;
}

// One CSV record with GDAL's tokenizer, as the OGR CSV driver reads it (quotes honoured, BOM
// skipped); nullptr at the end of the file. Throws when a record exceeds kMaxRecordBytes.
Tokens ReadRecord(VSILFILE* fp, char separator, const std::string& path, long line)
{
    const char delimiter[2] = {separator, '\0'};
    CPLErrorReset();
    Tokens tokens(CSVReadParseLine3L(fp, kMaxRecordBytes, delimiter, true, false, false, true));
    if (!tokens && CPLGetLastErrorType() >= CE_Failure)
        throw core::InputError(path + ": line " + std::to_string(line) + " is longer than " +
                               std::to_string(kMaxRecordBytes / 1'000'000) + " MB (" + CPLGetLastErrorMsg() +
                               "); not a table vakatlas reads");
    return tokens;
}

// Lines a record spans: the tokenizer joins the lines of a quoted field with '\n'.
long LinesOf(char** tokens)
{
    long lines = 1;
    for (char** t = tokens; t && *t; ++t)
        lines += static_cast<long>(std::count(*t, *t + std::strlen(*t), '\n'));
    return lines;
}

// True when `tokens` are the header OGR read: same count and names (OGR trims them and names
// an empty one field_N).
bool IsHeader(char** tokens, const std::vector<std::string>& names)
{
    if (CSLCount(tokens) != static_cast<int>(names.size()))
        return false;
    for (std::size_t i = 0; i < names.size(); ++i) {
        const std::string_view token = core::Trim(tokens[i]);
        if (token != names[i] && !(token.empty() && names[i] == "field_" + std::to_string(i + 1)))
            return false;
    }
    return true;
}

// The separator for which the header splits into the fields OGR found, or '\0'. GDAL guesses
// it from the first line (CSVDetectSeperator, with extra rules for tabs): the guess is tried
// first, then the other separators the driver knows.
char FindSeparator(VSILFILE* fp, const std::vector<std::string>& names, const std::string& path)
{
    const char* first_line = CPLReadLineL(fp);
    if (!first_line)
        return '\0';
    const char guess = CSVDetectSeperator(first_line);
    for (char separator : {guess, ';', ',', '\t', '|', ' '}) {
        VSIRewindL(fp);
        Tokens header = ReadRecord(fp, separator, path, 1);
        if (header && IsHeader(header.get(), names))
            return separator;
    }
    return '\0';
}

// CSV rows with line numbers and ragged lines; false (nothing read) when the tokenizer cannot
// reproduce OGR's header, so the caller falls back to OGR's records.
bool ReadCsvLines(const std::string& path, TableRows& rows)
{
    VSILFILE* raw = VSIFOpenL(path.c_str(), "rb");
    if (!raw)
        return false;
    // CPLReadLine seeks back after every line: a buffered reader makes that cheap, as the OGR
    // driver does it (archives have their own buffering).
    const bool archive = path.find("/vsigzip/") != std::string::npos || path.find("/vsizip/") != std::string::npos;
    FileHandle fp(archive ? raw
                          : reinterpret_cast<VSILFILE*>(VSICreateBufferedReaderHandle(reinterpret_cast<VSIVirtualHandle*>(raw))));
    const char separator = FindSeparator(fp.get(), rows.names, path);
    if (separator == '\0')
        return false;
    VSIRewindL(fp.get());
    Tokens header = ReadRecord(fp.get(), separator, path, 1);
    long next_line = 1 + LinesOf(header.get());
    const std::size_t columns = rows.ColumnCount();
    std::vector<std::string_view> cells;
    VSIStatBufL stat;
    const std::size_t file_bytes = VSIStatL(path.c_str(), &stat) == 0 ? static_cast<std::size_t>(stat.st_size) : 0;
    const std::size_t data_start = static_cast<std::size_t>(VSIFTellL(fp.get()));
    for (Tokens record = ReadRecord(fp.get(), separator, path, next_line); record;
         record = ReadRecord(fp.get(), separator, path, next_line)) {
        if (rows.RowCount() == 256 && file_bytes > 0) {
            // Room for the whole file, estimated from its first rows.
            const std::size_t read = static_cast<std::size_t>(VSIFTellL(fp.get())) - data_start;
            if (read > 0)
                rows.Reserve(file_bytes * 256 / read * 11 / 10, file_bytes);
        }
        const long line = next_line;
        next_line += LinesOf(record.get());
        const int fields = CSLCount(record.get());
        if (fields == 0)
            continue; // a blank line, as the OGR driver skips it
        cells.clear();
        for (int i = 0; i < fields && static_cast<std::size_t>(i) < columns; ++i)
            cells.emplace_back(record.get()[i]);
        if (static_cast<std::size_t>(fields) != columns) {
            bool only_empty_extras = static_cast<std::size_t>(fields) > columns;
            for (int i = static_cast<int>(columns); i < fields && only_empty_extras; ++i)
                only_empty_extras = core::Trim(record.get()[i]).empty();
            if (only_empty_extras)
                ++rows.lines_with_empty_extra_fields;
            else
                rows.ragged.emplace(rows.RowCount(), fields);
        }
        rows.AddRow(line, cells);
    }
    return true;
}

bool IsPointType(OGRwkbGeometryType type)
{
    const OGRwkbGeometryType flat = wkbFlatten(type);
    return flat == wkbPoint || flat == wkbMultiPoint;
}

// Rows through OGR's features: spreadsheets and attribute tables, and CSV files the tokenizer
// could not follow.
void ReadFeatures(OGRLayerH table, TableRows& rows, bool sheet)
{
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(table);
    const int columns = OGR_FD_GetFieldCount(defn);
    // Point layers (a GeoPackage of locations) bring their own coordinates.
    const bool points = !sheet && rows.driver != "CSV" && OGR_FD_GetGeomFieldCount(defn) > 0 &&
                        IsPointType(OGR_GFld_GetType(OGR_FD_GetGeomFieldDefn(defn, 0)));
    if (points)
        if (OGRSpatialReferenceH srs = OGR_GFld_GetSpatialRef(OGR_FD_GetGeomFieldDefn(defn, 0))) {
            char* wkt = nullptr;
            if (OSRExportToWkt(srs, &wkt) == OGRERR_NONE && wkt)
                rows.native_srs_wkt = wkt;
            CPLFree(wkt);
        }
    rows.numbering = sheet ? RowNumbering::SheetRows : RowNumbering::Records;
    std::vector<std::string> texts(static_cast<std::size_t>(columns));
    std::vector<std::string_view> cells(static_cast<std::size_t>(columns));
    OGR_L_ResetReading(table);
    for (FeaturePtr f(OGR_L_GetNextFeature(table)); f; f.reset(OGR_L_GetNextFeature(table))) {
        for (int i = 0; i < columns; ++i) {
            texts[static_cast<std::size_t>(i)] = OGR_F_IsFieldSetAndNotNull(f.get(), i) ? OGR_F_GetFieldAsString(f.get(), i) : "";
            cells[static_cast<std::size_t>(i)] = texts[static_cast<std::size_t>(i)];
        }
        // The sheet row is GDAL's FID (header = row 1); elsewhere the record's position.
        const long number = sheet ? static_cast<long>(OGR_F_GetFID(f.get())) : static_cast<long>(rows.RowCount()) + 1;
        rows.AddRow(number, cells);
        if (points) {
            NativePoint p;
            if (OGRGeometryH g = OGR_F_GetGeomFieldRef(f.get(), 0); g && !OGR_G_IsEmpty(g)) {
                if (wkbFlatten(OGR_G_GetGeometryType(g)) == wkbPoint) {
                    p = {NativePoint::Kind::Point, OGR_G_GetX(g, 0), OGR_G_GetY(g, 0)};
                } else if (wkbFlatten(OGR_G_GetGeometryType(g)) == wkbMultiPoint && OGR_G_GetGeometryCount(g) == 1) {
                    OGRGeometryH only = OGR_G_GetGeometryRef(g, 0);
                    p = {NativePoint::Kind::Point, OGR_G_GetX(only, 0), OGR_G_GetY(only, 0)};
                } else {
                    p.kind = NativePoint::Kind::Other;
                }
            }
            rows.native_points.push_back(p);
        }
    }
}

} // namespace

std::string_view TableRows::Cell(std::size_t row, std::size_t column) const
{
    const std::size_t first = row * names.size();
    const std::size_t begin = column == 0 ? 0 : m_cell_end[first + column - 1];
    const std::size_t end = m_cell_end[first + column];
    return std::string_view(m_text).substr(m_row_start[row] + begin, end - begin);
}

const char* TableRows::NumberingWord() const
{
    switch (numbering) {
    case RowNumbering::Lines:
        return "line";
    case RowNumbering::SheetRows:
        return "sheet row";
    case RowNumbering::Records:
        break;
    }
    return "record";
}

void TableRows::Reserve(std::size_t rows, std::size_t text_bytes)
{
    m_text.reserve(text_bytes);
    m_row_start.reserve(rows);
    m_cell_end.reserve(rows * names.size());
    m_row_numbers.reserve(rows);
}

void TableRows::AddRow(long number, const std::vector<std::string_view>& cells)
{
    const std::size_t start = m_text.size();
    m_row_start.push_back(start);
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i < cells.size())
            m_text.append(cells[i]);
        if (m_text.size() - start > std::numeric_limits<std::uint32_t>::max())
            throw core::InputError(path + ": " + NumberingWord() + " " + std::to_string(number) + " is longer than 4 GB");
        m_cell_end.push_back(static_cast<std::uint32_t>(m_text.size() - start));
    }
    m_row_numbers.push_back(number);
}

TableRows ReadTableRows(const std::string& path, const std::string& layer)
{
    // CSV: every column as text, so numbers, "<5" and codes with leading zeros are read by
    // vakatlas, and WKT columns stay as text fields. Spreadsheets: the first row is always the
    // header (GDAL guesses otherwise when every cell of the first two rows is text).
    const char* csv_options[] = {"AUTODETECT_TYPE=NO", "EMPTY_STRING_AS_NULL=NO", "KEEP_GEOM_COLUMNS=YES", nullptr};
    const char* sheet_options[] = {"HEADERS=FORCE", "FIELD_TYPES=STRING", nullptr};
    const std::string ext = core::AsciiLower(fs::path(path).extension().string());
    const bool sheet = ext == ".xlsx" || ext == ".ods";
    if (ext == ".csv" || ext == ".tsv" || ext == ".txt")
        if (const long line = FindOverlongLine(path))
            throw core::InputError(path + ": line " + std::to_string(line) + " is longer than " +
                                   std::to_string(kMaxRecordBytes / 1'000'000) + " MB; not a table vakatlas reads");
    const XlsxConfig xlsx_config(ext == ".xlsx");
    OpenedVector opened = OpenVector(path, sheet ? sheet_options : csv_options);
    OGRLayerH table = nullptr;
    const int layers = GDALDatasetGetLayerCount(opened.Get());
    for (int i = 0; i < layers && !table; ++i) {
        OGRLayerH candidate = GDALDatasetGetLayer(opened.Get(), i);
        if (layer.empty() || layer == OGR_L_GetName(candidate))
            table = candidate;
    }
    if (!table)
        throw core::InputError(path + (layer.empty() ? ": no table in the file" : ": no table '" + layer + "'"));
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(table);
    const int columns = OGR_FD_GetFieldCount(defn);
    if (columns == 0)
        throw core::InputError(path + ": no columns");

    TableRows rows;
    rows.path = path;
    rows.driver = opened.driver;
    for (int i = 0; i < columns; ++i) {
        rows.names.emplace_back(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i)));
        // Two columns of one name would become two measures that no one can tell apart.
        for (int j = 0; j < i; ++j)
            if (core::AsciiLower(rows.names[static_cast<std::size_t>(j)]) == core::AsciiLower(rows.names.back()))
                throw core::InputError(path + ": column '" + rows.names.back() + "' appears twice in the header (columns " +
                                       std::to_string(j + 1) + " and " + std::to_string(i + 1) + "); rename one");
    }
    if (opened.driver == "CSV" && ReadCsvLines(path, rows))
        return rows;
    ReadFeatures(table, rows, sheet);
    return rows;
}

} // namespace vak::io
