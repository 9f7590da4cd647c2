package org.safeguardingreport.spreadsheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguardingreport.LibreOffice;
import org.safeguardingreport.Cli;
import org.safeguardingreport.bundle.BundleLoader;
import org.safeguardingreport.model.DataYear;
import org.safeguardingreport.model.MeasureValue;
import org.safeguardingreport.model.Quarter;

/**
 * The workbook as LibreOffice Calc opens, works out and saves it (headless; .ci/run installs
 * libreoffice-calc-nogui): its formulas give the ratios and year figures, and the file it saves,
 * through OpenDocument and back, still imports.
 */
class LibreOfficeWorkbookTest {
    @TempDir
    Path tmp;

    private void convert(Path file, String to, Path outDir) throws IOException, InterruptedException {
        LibreOffice.Conversion c = LibreOffice.convert(file, to, outDir, tmp.resolve("profile"));
        assertEquals(0, c.exit(), c.said());
    }

    @Test
    void aWorkbookSavedByLibreOfficeStillImports() throws Exception {
        assertTrue(LibreOffice.hasCalc(), "LibreOffice Calc is not installed: install "
                + "libreoffice-calc-nogui (apt-get install libreoffice-calc-nogui); .ci/run installs it");
        Path bundle = DashboardRoundTripTest.copy(DashboardRoundTripTest.SAMPLE, tmp.resolve("b"));
        Path xlsx = tmp.resolve("dashboard.xlsx");
        assertEquals(0, Cli.run("dashboard", bundle.toString(), "-o", xlsx.toString()).status());
        SheetLayout m = Workbooks.layout("Monthly");
        Workbooks.edit(xlsx, xlsx, wb -> {
            Workbooks.cell(wb, "Monthly", "3b-level-3", m.number(3)).setCellValue(1050);
            Workbooks.cell(wb, "Monthly", "3b-level-3", m.outOf(3)).setCellValue(1100);
            Workbooks.cell(wb, "Quarterly", "4f-emergency-department", m.number(1)).setCellValue(7);
            Workbooks.cell(wb, "Quarterly", "4f-emergency-department", m.outOf(1)).setCellValue(9);
            Workbooks.cell(wb, "Annual", "2f-fgm-policy", m.number(0)).setCellValue("No");
        });
        Path ods = Files.createDirectories(tmp.resolve("ods"));
        convert(xlsx, "ods", ods);
        Path back = Files.createDirectories(tmp.resolve("back"));
        convert(ods.resolve("dashboard.ods"), "xlsx:Calc MS Excel 2007 XML", back);
        Path saved = back.resolve("dashboard.xlsx");

        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(saved))) {
            Sheet s = wb.getSheet("Monthly");
            int r = Workbooks.row(s, "3b-level-3");
            // Calc worked the formulas out: Q1 916 / 1,088, and the year of a stock is its latest quarter
            assertEquals(916.0 / 1088, s.getRow(r).getCell(m.percent(0)).getNumericCellValue(), 1e-9);
            assertEquals(1050, s.getRow(r).getCell(m.number(4)).getNumericCellValue());
            assertEquals(1100, s.getRow(r).getCell(m.outOf(4)).getNumericCellValue());
            int induction = Workbooks.row(s, "3a-induction");
            assertEquals(104 + 131 + 92 + 113, s.getRow(induction).getCell(m.number(4)).getNumericCellValue(),
                    "a flow's year adds the quarters up");
        }
        Cli i = Cli.run("import-data", bundle.toString(), saved.toString());
        assertEquals(0, i.status(), i.err());
        assertEquals("", i.err());
        DataYear y = BundleLoader.load(bundle).bundle().orElseThrow().currentYear().orElseThrow();
        assertEquals(new MeasureValue.Ratio(1050, 1100), y.quarterly("3b-level-3", Quarter.Q4).orElseThrow());
        assertEquals(new MeasureValue.Ratio(7, 9), y.quarterly("4f-emergency-department", Quarter.Q2).orElseThrow());
        assertEquals(new MeasureValue.Flag(false), y.annual("2f-fgm-policy").orElseThrow());
        assertEquals(new MeasureValue.Ratio(916, 1088), y.quarterly("3b-level-3", Quarter.Q1).orElseThrow());
    }
}
