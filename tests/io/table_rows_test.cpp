// Where a row is in its file: line numbers of CSV files (also when quoted fields span lines),
// sheet rows of spreadsheets, record numbers elsewhere; and lines with more or fewer fields than
// the header, which GDAL's OGR driver does not report.
#include "io/table_import.hpp"
#include "io/table_rows.hpp"
#include "support/shared_data.hpp"
#include "support/temp_dir.hpp"

#include <gdal.h>
#include <gtest/gtest.h>
#include <ogr_api.h>

#include <fstream>

namespace vak::io {
namespace {

class TableRowsTest : public ::testing::Test {
protected:
    std::string Write(const std::string& name, const std::string& text)
    {
        const std::string path = (m_dir.Path() / name).string();
        std::ofstream(path, std::ios::binary) << text;
        return path;
    }
    test::TempDir m_dir{"vak_table_rows"};
};

// What GDAL's OGR CSV driver itself says about such a file, checked so that the reason for
// reading lines with GDAL's tokenizer stays documented by a test: FIDs count records, a blank
// line leaves no trace, and a line's extra fields vanish.
TEST_F(TableRowsTest, GdalsOwnFeatureNumbersAreRecordsNotLines)
{
    const std::string path = Write("gdal.csv", "code;naam;aantal\n"
                                               "14;\"Gro\nningen\";5\n" // lines 2-3
                                               "\n"                     // line 4: blank
                                               "34;Assen;6;7\n");       // line 5: one field too many
    GDALAllRegister();
    const char* options[] = {"AUTODETECT_TYPE=NO", nullptr};
    GDALDatasetH ds = GDALOpenEx(path.c_str(), GDAL_OF_VECTOR, nullptr, options, nullptr);
    ASSERT_NE(ds, nullptr);
    OGRLayerH layer = GDALDatasetGetLayer(ds, 0);
    std::vector<GIntBig> fids;
    for (OGRFeatureH f = OGR_L_GetNextFeature(layer); f; f = OGR_L_GetNextFeature(layer)) {
        fids.push_back(OGR_F_GetFID(f));
        if (fids.size() == 2) {
            EXPECT_STREQ(OGR_F_GetFieldAsString(f, 2), "6") << "the extra field 7 is dropped without a word";
        }
        OGR_F_Destroy(f);
    }
    GDALClose(ds);
    EXPECT_EQ(fids, (std::vector<GIntBig>{1, 2})) << "records, not lines 2 and 5";

    const TableRows rows = ReadTableRows(path, "");
    ASSERT_EQ(rows.RowCount(), 2u);
    EXPECT_EQ(rows.numbering, RowNumbering::Lines);
    EXPECT_EQ(rows.RowNumber(0), 2);
    EXPECT_EQ(rows.RowNumber(1), 5);
    EXPECT_EQ(rows.Cell(0, 1), "Gro\nningen");
    ASSERT_EQ(rows.ragged.count(1), 1u);
    EXPECT_EQ(rows.ragged.at(1), 4);
    EXPECT_EQ(rows.ragged.count(0), 0u);
}

TEST_F(TableRowsTest, ReportRowsAreLinesOfTheFileAlsoAfterMultiLineFields)
{
    // Lines: 1 header, 2 ok, 3-5 one record with a name over three lines, 6 a text in the
    // count, 7 blank, 8 a CRLF line with fewer fields, 9 more fields, 10 a trailing empty field.
    const std::string path = Write("lines.csv", "gemeente_code;naam;jaar;leerlingen\n"
                                                "GM0014;Groningen;2020;100\n"
                                                "GM0034;\"Almere\nStad\nCentrum\";2020;50\n"
                                                "GM0037;Stadskanaal;2020;veel\n"
                                                "\n"
                                                "GM0047;Veendam;2020\r\n"
                                                "GM0050;Zeewolde;2020;7;8\n"
                                                "GM0059;Achtkarspelen;2020;9;\n");
    const ImportedTable t = ImportTable(path);
    EXPECT_EQ(t.report.rows_read, 6) << "the blank line is no row";
    EXPECT_EQ(t.report.rows_landed, 3);
    ASSERT_EQ(t.report.rejected.size(), 3u);
    EXPECT_EQ(t.report.rejected[0].row, 6);
    EXPECT_EQ(t.report.rejected[0].reason, "not a number");
    EXPECT_EQ(t.report.rejected[1].row, 8);
    EXPECT_EQ(t.report.rejected[1].reason, "3 fields on this line, the header has 4");
    EXPECT_EQ(t.report.rejected[2].row, 9);
    EXPECT_EQ(t.report.rejected[2].reason, "5 fields on this line, the header has 4");
    const core::DimensionColumn& naam = t.dataset.dimensions[t.dataset.FindDimension("naam")];
    EXPECT_EQ(naam.ValueAt(1), "Almere\nStad\nCentrum");
    bool trailing_noted = false;
    for (const std::string& note : t.report.notes)
        trailing_noted = trailing_noted || note.find("1 lines end in empty fields") != std::string::npos;
    EXPECT_TRUE(trailing_noted) << "the trailing separator on line 10 loses nothing, and is said";
}

TEST_F(TableRowsTest, RealCbsFileWithQuotedFieldsCountsItsLines)
{
    // Every field quoted, 20,400 rows on lines 2..20401: the last row is line 20401.
    VAK_REQUIRE_SHARED("data/real/cbs_vacatures_sector_regio_kwartaal.csv");
    const TableRows rows = ReadTableRows(test::SharedFile("data/real/cbs_vacatures_sector_regio_kwartaal.csv"), "");
    ASSERT_EQ(rows.RowCount(), 20400u);
    EXPECT_EQ(rows.numbering, RowNumbering::Lines);
    EXPECT_EQ(rows.RowNumber(0), 2);
    EXPECT_EQ(rows.RowNumber(20399), 20401);
    EXPECT_TRUE(rows.ragged.empty());
    EXPECT_EQ(rows.Cell(0, 2), "NL01  ") << "padding kept for the code matcher";
}

TEST_F(TableRowsTest, AFileWhoseHeaderTheTokenizerCannotFollowCountsRecords)
{
    // All numbers in the first line: GDAL takes it as data and names the columns field_1..3,
    // which no split of that line reproduces, so lines cannot be vouched for.
    const std::string path = Write("headerless.csv", "1;2;3\n14;x;2\n");
    const TableRows rows = ReadTableRows(path, "");
    EXPECT_EQ(rows.numbering, RowNumbering::Records);
    ASSERT_EQ(rows.RowCount(), 2u);
    EXPECT_EQ(rows.RowNumber(1), 2);
    const ImportedTable t = ImportTable(path);
    ASSERT_EQ(t.report.rejected.size(), 1u);
    EXPECT_EQ(t.report.rejected[0].row, 2) << "the second record";
    bool said = false;
    for (const std::string& note : t.report.notes)
        said = said || note.find("row numbers count records") != std::string::npos;
    EXPECT_TRUE(said);
}

TEST_F(TableRowsTest, SpreadsheetRowsAreSheetRowsAndGeoPackageRowsAreRecords)
{
    GDALAllRegister();
    auto create = [&](const char* driver, const std::string& path) {
        GDALDatasetH ds = GDALCreate(GDALGetDriverByName(driver), path.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
        OGRLayerH layer = GDALDatasetCreateLayer(ds, "t", nullptr, wkbNone, nullptr);
        for (const char* field : {"gemeente_code", "jaar", "aantal"}) {
            OGRFieldDefnH fd = OGR_Fld_Create(field, OFTString);
            EXPECT_EQ(OGR_L_CreateField(layer, fd, TRUE), OGRERR_NONE);
            OGR_Fld_Destroy(fd);
        }
        const char* values[][3] = {{"GM0014", "2020", "4"}, {"GM0034", "2020", "veel"}};
        for (const auto& row : values) {
            OGRFeatureH f = OGR_F_Create(OGR_L_GetLayerDefn(layer));
            for (int c = 0; c < 3; ++c)
                OGR_F_SetFieldString(f, c, row[c]);
            EXPECT_EQ(OGR_L_CreateFeature(layer, f), OGRERR_NONE);
            OGR_F_Destroy(f);
        }
        GDALClose(ds);
    };
    const std::string xlsx = (m_dir.Path() / "t.xlsx").string();
    create("XLSX", xlsx);
    const ImportedTable sheet = ImportTable(xlsx);
    ASSERT_EQ(sheet.report.rejected.size(), 1u);
    EXPECT_EQ(sheet.report.rejected[0].row, 3) << "the second data row is sheet row 3";
    bool said = false;
    for (const std::string& note : sheet.report.notes)
        said = said || note.find("rows of the sheet") != std::string::npos;
    EXPECT_TRUE(said);

    const std::string gpkg = (m_dir.Path() / "t.gpkg").string();
    create("GPKG", gpkg);
    const ImportedTable table = ImportTable(gpkg);
    ASSERT_EQ(table.report.rejected.size(), 1u);
    EXPECT_EQ(table.report.rejected[0].row, 2) << "the second record";
    said = false;
    for (const std::string& note : table.report.notes)
        said = said || note.find("count records") != std::string::npos;
    EXPECT_TRUE(said) << "no pretending that a record number is a line";
}

} // namespace
} // namespace vak::io
