package org.safeguardingreport.spreadsheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguardingreport.Cli;

/**
 * Each kind of bad cell named by its sheet and cell, with its message, and nothing written; hostile
 * files (a decompression bomb, macros, links, embedded objects) refused or reported, never run.
 */
class BadWorkbookTest {
    @TempDir
    Path tmp;

    Path bundle;
    Path xlsx;
    byte[] before;
    final SheetLayout quarterly = Workbooks.layout("Quarterly");

    @BeforeEach
    void dashboard() throws IOException {
        bundle = DashboardRoundTripTest.copy(DashboardRoundTripTest.SAMPLE, tmp.resolve("b"));
        xlsx = tmp.resolve("dashboard.xlsx");
        assertEquals(0, Cli.run("dashboard", bundle.toString(), "-o", xlsx.toString()).status());
        before = Files.readAllBytes(bundle.resolve("data/2023-24.json"));
    }

    /** Edits the workbook, imports it: exit 1, nothing written; answers what was printed. */
    private Cli refused(Consumer<XSSFWorkbook> edit) throws IOException {
        Workbooks.edit(xlsx, xlsx, edit);
        Cli r = Cli.run("import-data", bundle.toString(), xlsx.toString());
        assertEquals(1, r.status(), r.err());
        assertTrue(r.err().contains("Nothing imported"), r.err());
        assertTrue(Arrays.equals(before, Files.readAllBytes(bundle.resolve("data/2023-24.json"))),
                "data/2023-24.json is as it was");
        return r;
    }

    private String at(XSSFWorkbook wb, String sheet, String measure, int col) {
        return xlsx + ":" + sheet + "!" + Workbooks.name(wb, sheet, measure, col);
    }

    @Test
    void aNumeratorAboveItsDenominator() throws IOException {
        String[] cell = new String[1];
        Cli r = refused(wb -> {
            Workbooks.cell(wb, "Quarterly", "4a-health-visiting", quarterly.number(0)).setCellValue(412);
            Workbooks.cell(wb, "Quarterly", "4a-health-visiting", quarterly.outOf(0)).setCellValue(400);
            cell[0] = at(wb, "Quarterly", "4a-health-visiting", quarterly.number(0));
        });
        assertEquals(cell[0] + ": error: numerator 412 is greater than denominator 400", r.diagnostics().get(0));
        assertTrue(cell[0].matches(".*:Quarterly!I\\d+"), cell[0]);
        assertEquals("4a-health-visiting, Q1: the numerator counts those who met the measure, out of the denominator",
                r.hintOf(cell[0] + ":"));
    }

    @Test
    void textWhereANumberBelongs() throws IOException {
        String[] cell = new String[2];
        Cli r = refused(wb -> {
            Workbooks.cell(wb, "Monthly", "3b-level-3", quarterly.number(1)).setCellValue("412 staff");
            Workbooks.cell(wb, "Monthly", "3b-level-3", quarterly.outOf(1)).setCellValue("1 096");
            cell[0] = at(wb, "Monthly", "3b-level-3", quarterly.number(1));
            cell[1] = at(wb, "Monthly", "3b-level-3", quarterly.outOf(1));
        });
        assertEquals(List.of(cell[0] + ": error: text \"412 staff\" where the numerator belongs",
                cell[1] + ": error: text \"1 096\" where the denominator belongs"), r.diagnostics().subList(0, 2));
        assertEquals("the figure is stored as text: retype it as a number, 1096", r.hintOf(cell[1] + ":"));
    }

    @Test
    void mergedHeaderAndMergedFigures() throws IOException {
        String[] cell = new String[1];
        Cli r = refused(wb -> {
            wb.getSheet("Quarterly").addMergedRegion(new CellRangeAddress(SheetLayout.HEADER_ROW, SheetLayout.HEADER_ROW,
                    quarterly.number(1), quarterly.outOf(1)));
            int row = Workbooks.row(wb.getSheet("Monthly"), "3b-level-1");
            wb.getSheet("Monthly").addMergedRegion(new CellRangeAddress(row, row, quarterly.number(2), quarterly.outOf(2)));
            cell[0] = "O" + (row + 1) + ":P" + (row + 1);
        });
        assertTrue(r.diagnostics().contains(xlsx + ":Monthly!O" + cell[0].substring(1, cell[0].indexOf(':')) + ": error: cells "
                + cell[0] + " are merged, where each figure needs a cell of its own"), r.err());
        assertTrue(r.diagnostics().contains(xlsx + ":Quarterly!L6: error: cells L6:M6 are merged across the header row"),
                r.err());
    }

    @Test
    void aMovedHeader() throws IOException {
        Cli r = refused(wb -> {
            // a column inserted before Q1 pushes every period one to the right
            wb.getSheet("Quarterly").shiftColumns(quarterly.number(0), quarterly.lastColumn(), 1);
            // a row inserted above the annual sheet's table
            wb.getSheet("Annual").shiftRows(0, wb.getSheet("Annual").getLastRowNum(), 1);
        });
        assertTrue(r.diagnostics().contains(xlsx + ":Quarterly!I6: error: column I should be headed \"Q1 number\", "
                + "but its header is empty"), r.err());
        assertTrue(r.diagnostics().contains(xlsx + ":Quarterly!J6: error: column J should be headed \"Q1 out of\", "
                + "not \"Q1 number\""), r.err());
        assertTrue(r.hintOf(xlsx + ":Quarterly!J6:").startsWith("the \"Q1 number\" column belongs in column I: columns "
                + "cannot be moved"), r.err());
        assertTrue(r.diagnostics().contains(xlsx + ":Annual!A7: error: the header row has moved from row 6 to row 7"),
                r.err());
    }

    @Test
    void aFormulaError() throws IOException {
        String[] cell = new String[1];
        Cli r = refused(wb -> {
            XSSFCell c = (XSSFCell) Workbooks.cell(wb, "Monthly", "3a-induction", quarterly.number(2));
            c.setCellFormula("1/0");
            // saved with its value, as a spreadsheet program saves it
            wb.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(c);
            cell[0] = at(wb, "Monthly", "3a-induction", quarterly.number(2));
        });
        assertEquals(cell[0] + ": error: formula error #DIV/0! where the numerator belongs", r.diagnostics().get(0));
    }

    @Test
    void anUnknownMeasureReferenceWithTheNearest() throws IOException {
        String[] cell = new String[1];
        Cli r = refused(wb -> {
            cell[0] = xlsx + ":Quarterly!A" + (Workbooks.row(wb.getSheet("Quarterly"), "6a-si-steis") + 1);
            Workbooks.cell(wb, "Quarterly", "6a-si-steis", SheetLayout.REF).setCellValue("6a-si-stiess");
        });
        assertEquals(cell[0] + ": error: unknown measure reference \"6a-si-stiess\"", r.diagnostics().get(0));
        assertEquals("did you mean 6a-si-steis?", r.hintOf(cell[0] + ":"));
    }

    @Test
    void anExtraSheet() throws IOException {
        Cli r = refused(wb -> wb.createSheet("Quarterly (2)").createRow(0).createCell(0).setCellValue(5));
        assertEquals(xlsx + ":Quarterly (2)!A1: error: sheet \"Quarterly (2)\" is not part of the dashboard, so its cells "
                + "would not be imported", r.diagnostics().get(0));
    }

    @Test
    void everyBadCellInOneRun() throws IOException {
        Cli r = refused(wb -> {
            Workbooks.cell(wb, "Quarterly", "4a-health-visiting", quarterly.number(0)).setCellValue(412);
            Workbooks.cell(wb, "Quarterly", "4a-health-visiting", quarterly.outOf(0)).setCellValue(400);
            Workbooks.cell(wb, "Monthly", "3b-level-3", quarterly.number(1)).setCellValue("lots");
            Workbooks.cell(wb, "Quarterly", "6a-si-steis", SheetLayout.REF).setCellValue("6a-si-stiess");
            Workbooks.cell(wb, "Quarterly", "6b-si-action-plan-updates", quarterly.outOf(3)).setCellValue(2);
            Workbooks.cell(wb, "Annual", "2a-policy", quarterly.number(0)).setCellValue("Perhaps");
            Workbooks.cell(wb, "Annual", "1b-board-attendance", quarterly.number(0)).setCellValue(22.5);
            Workbooks.cell(wb, "Monthly", "3a-induction", quarterly.number(0)).setCellValue(-3);
            wb.createSheet("Notes");
        });
        String err = r.err();
        for (String expected : List.of(
                "error: numerator 412 is greater than denominator 400",
                "error: text \"lots\" where the numerator belongs",
                "error: unknown measure reference \"6a-si-stiess\"",
                "error: 6b-si-action-plan-updates is a count: it has no denominator",
                "error: \"Perhaps\" where Yes or No belongs",
                "error: 22.5 (shown as 23) is not a whole number: the numerator is a count of people or events",
                "error: the numerator -3 is below 0",
                ":Notes!A1: error: sheet \"Notes\" is not part of the dashboard")) {
            assertTrue(err.contains(expected), expected + " in:\n" + err);
        }
        assertTrue(err.contains("Nothing imported: 8 errors, 0 warnings"), err);
    }

    @Test
    void aDecompressionBombIsRefused() throws IOException {
        // about 20 KB on disk that unpacks to 20 MB: far past the 100-to-1 a workbook's parts never exceed
        Path bomb = tmp.resolve("bomb.xlsx");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(bomb))) {
            z.putNextEntry(new ZipEntry("[Content_Types].xml"));
            z.write(("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">")
                    .getBytes(StandardCharsets.UTF_8));
            byte[] spaces = new byte[1 << 20];
            Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 20; i++) {
                z.write(spaces);
            }
            z.write("</Types>".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
            z.putNextEntry(new ZipEntry("xl/workbook.xml"));
            z.write(spaces);
            z.closeEntry();
        }
        assertTrue(Files.size(bomb) < 64 * 1024, "the bomb is small: " + Files.size(bomb));
        Cli r = Cli.run("import-data", bundle.toString(), bomb.toString());
        assertEquals(1, r.status(), r.err());
        assertEquals(bomb + ": error: refused: the file unpacks to far more than it holds (a decompression bomb, or not "
                + "a dashboard workbook); nothing was read", r.diagnostics().get(0));
        assertTrue(Arrays.equals(before, Files.readAllBytes(bundle.resolve("data/2023-24.json"))));
    }

    @Test
    void notAWorkbookAtAll() throws IOException {
        Path fake = tmp.resolve("fake.xlsx");
        Files.writeString(fake, "measure,quarter\n");
        Cli r = Cli.run("import-data", bundle.toString(), fake.toString());
        assertEquals(1, r.status());
        assertEquals(fake + ": error: cannot be read as an Excel workbook (.xlsx): it is damaged or another kind of file",
                r.diagnostics().get(0));
        Path xls = tmp.resolve("old.xls");
        Files.write(xls, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0});
        Cli old = Cli.run("import-data", bundle.toString(), xls.toString());
        assertEquals(xls + ": error: this is not an Excel workbook (.xlsx) file", old.diagnostics().get(0));
    }

    @Test
    void macrosLinksAndEmbeddedObjectsAreReportedAndNeverRun() throws IOException {
        SheetLayout m = Workbooks.layout("Monthly");
        Workbooks.edit(xlsx, xlsx, wb -> Workbooks.cell(wb, "Monthly", "3b-level-3", m.number(0)).setCellValue(917));
        Path xlsm = tmp.resolve("dashboard.xlsm");
        withParts(xlsx, xlsm, Map.of(
                "xl/vbaProject.bin", "application/vnd.ms-office.vbaProject",
                "xl/externalLinks/externalLink1.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml",
                "xl/embeddings/oleObject1.bin", "application/vnd.openxmlformats-officedocument.oleObject"));
        Cli r = Cli.run("import-data", bundle.toString(), xlsm.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(List.of(
                xlsm + ": warning: the workbook holds macros: they are ignored, never run",
                xlsm + ": warning: the workbook links to other workbooks: the links are not followed",
                xlsm + ": warning: the workbook holds embedded objects: they are ignored, never opened"), r.diagnostics());
        assertTrue(Files.readString(bundle.resolve("data/2023-24.json")).contains("\"numerator\": 917"));
    }

    @Test
    void anExternalEntityIsNeverRead() throws IOException {
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "TOP-SECRET-41");
        Path evil = tmp.resolve("entity.xlsx");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(xlsx));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(evil))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals("xl/sharedStrings.xml")) {
                    // the provider's name, the first shared string but one, replaced by the secret file's content
                    String text = new String(bytes, StandardCharsets.UTF_8)
                            .replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                                    + "<!DOCTYPE sst [<!ENTITY e SYSTEM \"" + secret.toUri() + "\">]>")
                            .replace("<t>North Wessex Community Health NHS Trust</t>", "<t>&e;</t>");
                    bytes = text.getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        Cli r = Cli.run("import-data", bundle.toString(), evil.toString());
        assertTrue(!r.out().contains("TOP-SECRET") && !r.err().contains("TOP-SECRET"), r.err());
        assertTrue(!Files.readString(bundle.resolve("data/2023-24.json")).contains("TOP-SECRET"));
        assertEquals(1, r.status(), "a workbook with a document type declaration is refused: " + r.err());
    }

    /** A copy of a workbook with more parts: each holding a few bytes, with its content type declared. */
    static void withParts(Path from, Path to, Map<String, String> parts) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(from));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals("[Content_Types].xml")) {
                    StringBuilder overrides = new StringBuilder();
                    parts.forEach((name, type) -> overrides.append("<Override PartName=\"/").append(name)
                            .append("\" ContentType=\"").append(type).append("\"/>"));
                    bytes = new String(bytes, StandardCharsets.UTF_8).replace("</Types>", overrides + "</Types>")
                            .getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(bytes);
                out.closeEntry();
            }
            for (String name : parts.keySet()) {
                out.putNextEntry(new ZipEntry(name));
                out.write(name.endsWith(".xml") ? "<externalLink/>".getBytes(StandardCharsets.UTF_8)
                        : new byte[] {1, 2, 3, 4});
                out.closeEntry();
            }
        }
    }

    static byte[] read(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        in.transferTo(b);
        return b.toByteArray();
    }
}
