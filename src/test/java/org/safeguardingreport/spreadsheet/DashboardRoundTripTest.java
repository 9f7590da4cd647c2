package org.safeguardingreport.spreadsheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.safeguardingreport.Cli;
import org.safeguardingreport.TestBundle;
import org.safeguardingreport.bundle.BundleLoader;
import org.safeguardingreport.diag.Diagnostics;
import org.safeguardingreport.json.JsonWriter;
import org.safeguardingreport.model.DataYear;
import org.safeguardingreport.model.Measure;
import org.safeguardingreport.model.MeasureCatalog;
import org.safeguardingreport.model.MeasureKind;
import org.safeguardingreport.model.Quarter;
import org.safeguardingreport.model.ReportingYear;

/** dashboard then import-data, through the command line: the data comes back as it was, and edits come in. */
class DashboardRoundTripTest {
    static final Path SAMPLE = Path.of(System.getProperty("report.home", "."), "content", "north-wessex-2023-24");

    @TempDir
    Path tmp;

    static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        return to;
    }

    @Test
    void theSamplesDataComesBackByteForByte() throws IOException {
        Path bundle = copy(SAMPLE, tmp.resolve("b"));
        Path data = bundle.resolve("data/2023-24.json");
        byte[] before = Files.readAllBytes(data);
        Path xlsx = tmp.resolve("dashboard.xlsx");
        Cli d = Cli.run("dashboard", bundle.toString(), "-o", xlsx.toString());
        assertEquals(0, d.status(), d.err());
        assertTrue(d.out().contains("with 300 figures from data/2023-24.json"), d.out());
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            assertEquals(java.util.List.of("Read me", "Monthly", "Quarterly", "Annual"),
                    java.util.List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2), wb.getSheetName(3)));
            Sheet q = wb.getSheet("Monthly");
            SheetLayout l = Workbooks.layout("Monthly");
            int r = Workbooks.row(q, "3b-level-3");
            // the sample's Q1: 916 of 1,088, the % a formula of the two, rated by conditional formatting
            assertEquals(916, q.getRow(r).getCell(l.number(0)).getNumericCellValue());
            assertEquals(1088, q.getRow(r).getCell(l.outOf(0)).getNumericCellValue());
            assertEquals(CellType.FORMULA, q.getRow(r).getCell(l.percent(0)).getCellType());
            assertTrue(q.getRow(r).getCell(l.percent(0)).getCellFormula().contains("I" + (r + 1) + "/J" + (r + 1)));
            assertTrue(q.getSheetConditionalFormatting().getNumConditionalFormattings() >= 5);
            // a figure one decimal would print across a threshold is shown to two (89.97%, never 90.0% in Amber)
            var rules = ((org.apache.poi.xssf.usermodel.XSSFSheet) q).getCTWorksheet().getConditionalFormattingArray(0).getCfRuleArray();
            assertEquals(5, rules.length);
            assertTrue(rules[1].getFormulaArray(0).contains("ROUND(K"), rules[1].getFormulaArray(0));
            assertEquals("0.00%", wb.getStylesSource().getDxfAt((int) rules[1].getDxfId()).getNumFmt().getFormatCode());
            assertTrue(java.util.HexFormat.of().formatHex(wb.getStylesSource().getDxfAt((int) rules[1].getDxfId()).getFill()
                    .getPatternFill().getBgColor().getRgb()).endsWith("ffeb9c"), "and coloured Amber");
            assertEquals(l.headers().get(l.number(0)), q.getRow(SheetLayout.HEADER_ROW).getCell(l.number(0)).getStringCellValue());
            assertTrue(q.getPaneInformation().isFreezePane());
            assertTrue(((org.apache.poi.xssf.usermodel.XSSFSheet) q).isSheetLocked());
            assertFalse(q.getRow(r).getCell(l.number(0)).getCellStyle().getLocked(), "the figures can be typed in");
            assertTrue(q.getRow(r).getCell(l.percent(0)).getCellStyle().getLocked(), "the formulas cannot be typed over");
            assertEquals("Yes", Workbooks.cell(wb, "Annual", "1c-executive-lead", l.number(0)).getStringCellValue());
        }
        Cli i = Cli.run("import-data", bundle.toString(), xlsx.toString());
        assertEquals(0, i.status(), i.err());
        assertTrue(i.out().contains("0 figures added, 0 changed, 300 the same"), i.out());
        assertEquals("", i.err());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(data)), "data/2023-24.json is as it was");
    }

    @Test
    void figuresTypedInAreImportedAndPassCheck() throws IOException {
        Path bundle = copy(SAMPLE, tmp.resolve("b"));
        Path xlsx = tmp.resolve("dashboard.xlsx");
        assertEquals(0, Cli.run("dashboard", bundle.toString(), "-o", xlsx.toString()).status());
        SheetLayout m = Workbooks.layout("Monthly");
        Workbooks.edit(xlsx, xlsx, wb -> {
            Workbooks.cell(wb, "Monthly", "3b-level-3", m.number(3)).setCellValue(1050);
            Workbooks.cell(wb, "Monthly", "3b-level-3", m.outOf(3)).setCellValue(1100);
            // a formula is read as its value (this one never worked out by a spreadsheet program: worked out here)
            Workbooks.cell(wb, "Quarterly", "6a-si-steis", m.number(2)).setBlank();
            Workbooks.cell(wb, "Quarterly", "6a-si-steis", m.number(2)).setCellFormula("SUM(1,3)");
            Workbooks.cell(wb, "Quarterly", "4f-emergency-department", m.number(0)).setCellValue(20);
            Workbooks.cell(wb, "Quarterly", "4f-emergency-department", m.outOf(0)).setCellValue(25);
            Workbooks.cell(wb, "Annual", "2f-fgm-policy", m.number(0)).setCellValue("No");
        });
        Cli i = Cli.run("import-data", bundle.toString(), xlsx.toString());
        assertEquals(0, i.status(), i.err());
        assertTrue(i.out().contains("1 figures added, 3 changed"), i.out());
        DataYear y = BundleLoader.load(bundle).bundle().orElseThrow().currentYear().orElseThrow();
        assertEquals(new org.safeguardingreport.model.MeasureValue.Ratio(1050, 1100), y.quarterly("3b-level-3", Quarter.Q4).orElseThrow());
        assertEquals(new org.safeguardingreport.model.MeasureValue.Count(4), y.quarterly("6a-si-steis", Quarter.Q3).orElseThrow());
        assertEquals(new org.safeguardingreport.model.MeasureValue.Ratio(20, 25),
                y.quarterly("4f-emergency-department", Quarter.Q1).orElseThrow());
        assertEquals(new org.safeguardingreport.model.MeasureValue.Flag(false), y.annual("2f-fgm-policy").orElseThrow());
        // measures the workbook did not change keep their figures
        assertEquals(new org.safeguardingreport.model.MeasureValue.Ratio(916, 1088), y.quarterly("3b-level-3", Quarter.Q1).orElseThrow());
        Cli check = Cli.run("check", bundle.toString());
        assertEquals(0, check.status(), check.err());
        assertFalse(check.err().contains("data/2023-24.json"), check.err());
    }

    @Test
    void aBlankCellLeavesTheFigureAndSaysSo() throws IOException {
        Path bundle = copy(SAMPLE, tmp.resolve("b"));
        Path xlsx = tmp.resolve("dashboard.xlsx");
        assertEquals(0, Cli.run("dashboard", bundle.toString(), "-o", xlsx.toString()).status());
        byte[] before = Files.readAllBytes(bundle.resolve("data/2023-24.json"));
        SheetLayout m = Workbooks.layout("Monthly");
        String[] at = new String[1];
        Workbooks.edit(xlsx, xlsx, wb -> {
            Workbooks.cell(wb, "Monthly", "3a-induction", m.number(1)).setBlank();
            Workbooks.cell(wb, "Monthly", "3a-induction", m.outOf(1)).setBlank();
            at[0] = Workbooks.name(wb, "Monthly", "3a-induction", m.number(1));
        });
        Cli i = Cli.run("import-data", bundle.toString(), xlsx.toString());
        assertEquals(0, i.status(), i.err());
        assertEquals(xlsx + ":Monthly!" + at[0] + ": warning: left empty, so 3a-induction Q2 keeps its figure in "
                + "data/2023-24.json (131 / 139)", i.diagnostics().get(0));
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(bundle.resolve("data/2023-24.json"))));
    }

    @Test
    void aNewBundleIsFilledInFromABlankWorkbook() throws IOException {
        Path bundle = tmp.resolve("new");
        assertEquals(0, Cli.run("init", bundle.toString(), "--year", "2024/25", "--provider", "Wessex Acute").status());
        Path xlsx = tmp.resolve("blank.xlsx");
        Cli d = Cli.run("dashboard", bundle.toString(), "-o", xlsx.toString());
        assertEquals(0, d.status(), d.err());
        assertTrue(d.out().contains("with 0 figures"), d.out());
        SheetLayout m = Workbooks.layout("Monthly");
        Workbooks.edit(xlsx, xlsx, wb -> {
            assertEquals(CellType.BLANK, Workbooks.cell(wb, "Monthly", "3b-level-3", m.number(0)).getCellType());
            Workbooks.cell(wb, "Monthly", "3b-level-3", m.number(0)).setCellValue(412);
            Workbooks.cell(wb, "Monthly", "3b-level-3", m.outOf(0)).setCellValue(455);
            Workbooks.cell(wb, "Monthly", "3a-induction", m.number(0)).setCellValue(20);
            Workbooks.cell(wb, "Monthly", "3a-induction", m.outOf(0)).setCellValue(0);
            Workbooks.cell(wb, "Quarterly", "6a-si-steis", m.number(1)).setCellValue(1);
            Workbooks.cell(wb, "Annual", "1c-executive-lead", m.number(0)).setCellValue("Yes");
            Workbooks.cell(wb, "Annual", "8f-enhanced-dbs", m.number(0)).setCellValue(980);
            Workbooks.cell(wb, "Annual", "8f-enhanced-dbs", m.outOf(0)).setCellValue(1002);
        });
        Cli i = Cli.run("import-data", bundle.toString(), xlsx.toString());
        assertEquals(1, i.status(), "20 of 0 is refused: " + i.err());
        assertTrue(i.err().contains("numerator 20 is greater than denominator 0"), i.err());
        Workbooks.edit(xlsx, xlsx, wb -> Workbooks.cell(wb, "Monthly", "3a-induction", m.number(0)).setCellValue(0));
        i = Cli.run("import-data", bundle.toString(), xlsx.toString());
        assertEquals(0, i.status(), i.err());
        // as a person writes it: measures in measures.md's order, two spaces, "key": value
        assertEquals("""
                {
                  "reportingYear": "2024/25",
                  "quarters": {
                    "Q1": {
                      "3a-induction": {
                        "numerator": 0,
                        "denominator": 0
                      },
                      "3b-level-3": {
                        "numerator": 412,
                        "denominator": 455
                      }
                    },
                    "Q2": {
                      "6a-si-steis": 1
                    }
                  },
                  "annual": {
                    "1c-executive-lead": true,
                    "8f-enhanced-dbs": {
                      "numerator": 980,
                      "denominator": 1002
                    }
                  }
                }
                """, Files.readString(bundle.resolve("data/2024-25.json")));
        assertEquals(0, Cli.run("check", bundle.toString()).status());
    }

    @Test
    void aHandLaidOutDataFileIsLeftAsItIsUntilAFigureChanges() throws IOException {
        TestBundle b = new TestBundle(tmp);
        Path xlsx = tmp.resolve("dashboard.xlsx");
        assertEquals(0, Cli.run("dashboard", b.root.toString(), "-o", xlsx.toString()).status());
        Cli same = Cli.run("import-data", b.root.toString(), xlsx.toString());
        assertEquals(0, same.status(), same.err());
        assertTrue(same.out().startsWith("Kept "), same.out());
        assertEquals(TestBundle.DATA, Files.readString(b.root.resolve("data/2023-24.json")));
        SheetLayout m = Workbooks.layout("Monthly");
        Workbooks.edit(xlsx, xlsx, wb -> Workbooks.cell(wb, "Monthly", "3b-level-3", m.number(0)).setCellValue(413));
        Cli changed = Cli.run("import-data", b.root.toString(), xlsx.toString());
        assertEquals(0, changed.status(), changed.err());
        assertTrue(changed.out().contains("0 figures added, 1 changed, 4 the same"), changed.out());
        String text = Files.readString(b.root.resolve("data/2023-24.json"));
        assertTrue(text.contains("\"3b-level-3\": {\n        \"numerator\": 413,\n        \"denominator\": 455\n      },\n"
                + "      \"6a-si-steis\": 1\n"), text);
    }

    /** Data files made from seeds, every kind of measure and period, some absent: each comes back byte for byte. */
    @ParameterizedTest
    @ValueSource(longs = {1, 7, 23, 2024, 99991})
    void generatedDataComesBackByteForByte(long seed) throws IOException {
        TestBundle b = new TestBundle(tmp);
        String json = JsonWriter.writeAsTyped(generated(new Random(seed)));
        b.write("data/2023-24.json", json);
        Diagnostics diags = new Diagnostics();
        assertTrue(BundleLoader.readDataFile(json, "data/2023-24.json", new ReportingYear(2023), diags).isPresent());
        assertFalse(diags.hasErrors(), diags.sorted().toString());
        for (String ext : new String[] {"xlsx", "csv"}) {
            Path file = tmp.resolve("seed-" + seed + "." + ext);
            Cli d = Cli.run("dashboard", b.root.toString(), "-o", file.toString());
            assertEquals(0, d.status(), d.err());
            Files.writeString(b.root.resolve("data/2023-24.json"), "{ \"reportingYear\": \"2023/24\" }\n");
            Cli i = Cli.run("import-data", b.root.toString(), file.toString());
            assertEquals(0, i.status(), i.err());
            assertEquals(json, Files.readString(b.root.resolve("data/2023-24.json")), "seed " + seed + ", " + ext);
        }
    }

    /** A year's data in measures.md's order: each measure present with probability 3/4, ratios up to their denominator. */
    static Map<String, Object> generated(Random random) {
        Map<String, Object> quarters = new LinkedHashMap<>();
        for (Quarter q : Quarter.values()) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (Measure m : MeasureCatalog.get().all()) {
                if (m.frequency() == org.safeguardingreport.model.Frequency.QUARTERLY && random.nextInt(4) > 0) {
                    values.put(m.id(), value(m, random));
                }
            }
            if (!values.isEmpty() && random.nextInt(6) > 0) {
                quarters.put(q.name(), values);
            }
        }
        Map<String, Object> annual = new LinkedHashMap<>();
        for (Measure m : MeasureCatalog.get().all()) {
            if (m.frequency() == org.safeguardingreport.model.Frequency.ANNUAL && random.nextInt(4) > 0) {
                annual.put(m.id(), value(m, random));
            }
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("reportingYear", "2023/24");
        root.put("quarters", quarters);
        root.put("annual", annual);
        return root;
    }

    private static Object value(Measure m, Random random) {
        if (m.kind() == MeasureKind.PERCENT) {
            long den = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(random.nextBoolean() ? 20 : 5000);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("numerator", den == 0 ? 0L : (long) random.nextInt((int) den + 1));
            r.put("denominator", den);
            return r;
        }
        if (m.kind() == MeasureKind.COUNT) {
            return (long) random.nextInt(random.nextBoolean() ? 5 : 100_000);
        }
        return random.nextBoolean();
    }

    @Test
    void theCsvFormRoundTripsAndNamesLinesAndColumns() throws IOException {
        Path bundle = copy(SAMPLE, tmp.resolve("b"));
        byte[] before = Files.readAllBytes(bundle.resolve("data/2023-24.json"));
        Path csv = tmp.resolve("figures.csv");
        assertEquals(0, Cli.run("dashboard", bundle.toString(), "-o", csv.toString()).status());
        String text = Files.readString(csv);
        assertTrue(text.startsWith("measure,quarter,numerator,denominator,value\n1a-section-11,year,,,yes\n"), text);
        assertTrue(text.contains("\n3b-level-3,Q1,916,1088,\n"), text);
        Cli i = Cli.run("import-data", bundle.toString(), csv.toString());
        assertEquals(0, i.status(), i.err());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(bundle.resolve("data/2023-24.json"))));

        Files.writeString(csv, "measure,quarter,numerator,denominator,value\n"
                + "3b-level-3,Q1,1200,1088,\n"
                + "3b-levl-3,Q2,1,2,\n"
                + "6a-si-steis,Q5,,,1\n"
                + "6a-si-steis,Q1,,,\"1,234\"\n"
                + "1c-executive-lead,Q1,,,yes\n"
                + "2a-policy,year,,,maybe\n");
        i = Cli.run("import-data", bundle.toString(), csv.toString());
        assertEquals(1, i.status());
        assertEquals(java.util.List.of(
                csv + ":2:15: error: numerator 1200 is greater than denominator 1088",
                csv + ":3:1: error: unknown measure reference \"3b-levl-3\"",
                csv + ":4:13: error: unknown quarter \"Q5\"",
                csv + ":5:18: error: the count \"1,234\" is not a whole number",
                csv + ":6:19: error: 1c-executive-lead is an annual measure: its quarter is \"year\", not \"Q1\"",
                csv + ":7:18: error: \"maybe\" where yes or no belongs",
                "Nothing imported: 6 errors, 0 warnings; the data files are as they were"), i.diagnostics());
        assertEquals("did you mean 3b-level-3?", i.hintOf(csv + ":3:1:"));
        assertEquals("write it without separators: 1234", i.hintOf(csv + ":5:18:"));
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(bundle.resolve("data/2023-24.json"))));
    }

    @Test
    void theCommandsSayPlainlyWhatIsWrongWithTheirArguments() throws IOException {
        Path bundle = copy(SAMPLE, tmp.resolve("b"));
        assertEquals(2, Cli.run("dashboard", bundle.toString()).status(), "-o is required");
        Cli txt = Cli.run("dashboard", bundle.toString(), "-o", tmp.resolve("x.txt").toString());
        assertEquals(2, txt.status());
        assertTrue(txt.err().contains("must end in .xlsx (a workbook) or .csv"), txt.err());
        Path xlsx = tmp.resolve("kept.xlsx");
        Files.writeString(xlsx, "figures not yet imported");
        Cli again = Cli.run("dashboard", bundle.toString(), "-o", xlsx.toString());
        assertEquals(1, again.status());
        assertEquals(xlsx + ": error: already exists; it may hold figures not yet imported", again.diagnostics().get(0));
        assertEquals("figures not yet imported", Files.readString(xlsx));
        assertEquals(0, Cli.run("dashboard", bundle.toString(), "-o", xlsx.toString(), "--force").status());
        Cli missing = Cli.run("import-data", bundle.toString(), tmp.resolve("nope.xlsx").toString());
        assertEquals(1, missing.status());
        assertEquals(tmp.resolve("nope.xlsx") + ": error: no such file", missing.diagnostics().get(0));
        Cli noBundle = Cli.run("dashboard", tmp.resolve("none").toString(), "-o", tmp.resolve("n.xlsx").toString());
        assertEquals(1, noBundle.status());
        assertFalse(Files.exists(tmp.resolve("n.xlsx")));
        Cli help = Cli.run("--help");
        assertTrue(help.out().contains("dashboard") && help.out().contains("import-data"), help.out());
    }

    @Test
    void nothingIsPrintedBehindTheUsersBack() throws IOException {
        Path bundle = copy(SAMPLE, tmp.resolve("b"));
        Path xlsx = tmp.resolve("dashboard.xlsx");
        PrintStream err = System.err;
        PrintStream out = System.out;
        ByteArrayOutputStream stray = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(stray, true, StandardCharsets.UTF_8));
            System.setOut(new PrintStream(stray, true, StandardCharsets.UTF_8));
            assertEquals(0, Cli.run("dashboard", bundle.toString(), "-o", xlsx.toString()).status());
            assertEquals(0, Cli.run("import-data", bundle.toString(), xlsx.toString()).status());
        } finally {
            System.setErr(err);
            System.setOut(out);
        }
        assertEquals("", stray.toString(StandardCharsets.UTF_8), "no library logging (log4j's StatusLogger) on the terminal");
        try (InputStream in = Files.newInputStream(xlsx)) {
            assertTrue(in.readAllBytes().length > 10_000);
        }
    }
}
