package org.safeguardingreport.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguardingreport.Cli;
import org.safeguardingreport.DocxXml;
import org.safeguardingreport.PdfText;
import org.safeguardingreport.TestBundle;
import org.safeguardingreport.bundle.BundleLoader;
import org.safeguardingreport.model.Bundle;
import org.safeguardingreport.model.Measure;
import org.safeguardingreport.model.MeasureCatalog;
import org.safeguardingreport.word.ReportDocxTest;

/**
 * The somerset-2018 dashboard in the form of its seed's Appendix 4 (the Somerset CCG strategy,
 * 000_0cecd0192e2184c0.txt): the seed's columns in both editions, a percentage after its count rows,
 * and every row listed, empty, in a bundle with no figures yet.
 */
class DashboardFormTest {
    /**
     * The column headings of the seed's Appendix 4 tables, written out by hand from the seed (its
     * monthly, quarterly and annual tables share them): "NHS Outcomes Framework | Statement |
     * Reference | Measure | Red | Amber | Green | Regularity of reporting | (period) |
     * Queries/Comments", with "Threshold" over Red, Amber and Green.
     */
    static final List<String> SEED_BEFORE_PERIODS = List.of("NHS Outcomes Framework", "Statement", "Reference", "Measure",
            "Red", "Amber", "Green", "Regularity of reporting");
    static final String SEED_LAST = "Queries/Comments";
    static final String SEED_OVER_THRESHOLDS = "Threshold";

    @TempDir
    static Path tmp;
    static List<String> pdfCells;
    static List<List<String>> wordRows;
    static List<String> pdfHeadings;
    static List<String> wordHeadings;

    @BeforeAll
    static void build() throws Exception {
        TestBundle b = TestBundle.on(tmp.resolve("somerset"), "somerset-2018").allSections();
        Path out = tmp.resolve("somerset-out");
        Cli r = Cli.run("build", b.root.toString(), "-o", out.toString());
        assertEquals(0, r.status(), r.err());
        pdfCells = new ArrayList<>();
        for (List<String> cell : PdfText.cellLines(out.resolve("annual-report.pdf"))) {
            pdfCells.add(clean(String.join(" ", cell)));
        }
        wordRows = wordRows(DocxXml.document(out.resolve("annual-report.docx")));
        pdfHeadings = PdfText.headings(out.resolve("annual-report.pdf"));
        wordHeadings = org.safeguardingreport.audit.AuditEditionsTest.wordHeadingTexts(out.resolve("annual-report.docx"));
    }

    /** Spaces as a reader sees them: runs of white space as one, none around a slash that a line wrapped at. */
    static String clean(String s) {
        return s.replaceAll("\\s+", " ").replaceAll(" ?/ ?", "/").strip();
    }

    /**
     * Whether a PDF header cell reads {@code heading}: a header row is drawn again on each page its
     * table runs to, and the cell's text then holds each drawing's lines interleaved; so the cell
     * starts with the heading's first word and holds the heading's words, every one, and nothing else.
     */
    static boolean heading(String cell, String heading) {
        List<String> words = List.of(heading.split("[ /]+"));
        String c = cell.replaceAll("[\\s/]", "");
        if (!c.startsWith(words.get(0))) {
            return false;
        }
        String alternatives = words.stream().map(Pattern::quote).collect(java.util.stream.Collectors.joining("|"));
        return c.matches("(?:" + alternatives + ")+") && words.stream().allMatch(c::contains);
    }

    /** Each table row of the Word edition as its cells' text. */
    static List<List<String>> wordRows(String xml) {
        List<List<String>> rows = new ArrayList<>();
        Matcher tr = Pattern.compile("<w:tr[ >].*?</w:tr>", Pattern.DOTALL).matcher(xml);
        while (tr.find()) {
            List<String> cells = new ArrayList<>();
            Matcher tc = Pattern.compile("<w:tc>.*?</w:tc>", Pattern.DOTALL).matcher(tr.group());
            while (tc.find()) {
                List<String> paragraphs = new ArrayList<>();
                Matcher p = Pattern.compile("<w:p[ >].*?</w:p>", Pattern.DOTALL).matcher(tc.group());
                while (p.find()) {
                    paragraphs.add(ReportDocxTest.paragraphText(p.group()));
                }
                cells.add(clean(String.join(" ", paragraphs).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")));
            }
            rows.add(cells);
        }
        return rows;
    }

    @Test
    void theEvidenceTableAndTheDashboardAreAppendices3And4InBothEditions() {
        for (List<String> headings : List.of(pdfHeadings, wordHeadings)) {
            int three = headings.indexOf("H1 Appendix 3: Evidence table");
            int four = headings.indexOf("H1 Appendix 4: Safeguarding children dashboard");
            assertTrue(three > 0 && four > three, headings.toString());
            assertEquals(List.of("H2 Monthly reporting requirements", "H2 Quarterly reporting requirements",
                    "H2 Annual reporting requirements"), headings.subList(four + 1, four + 4), "the seed's three tables");
        }
    }

    @Test
    void eachAppendix4TableHasTheSeedsColumnsInBothEditions() {
        // the PDF's cells in document order: each table's header row holds the seed's headings in order
        int found = 0;
        for (int i = 0; i + SEED_BEFORE_PERIODS.size() <= pdfCells.size(); i++) {
            boolean all = true;
            for (int k = 0; k < SEED_BEFORE_PERIODS.size() && all; k++) {
                all = heading(pdfCells.get(i + k), SEED_BEFORE_PERIODS.get(k));
            }
            if (all) {
                found++;
                assertTrue(pdfCells.subList(i - 3, i).stream().anyMatch(c -> heading(c, SEED_OVER_THRESHOLDS)),
                        "Threshold above the thresholds");
                List<String> rest = pdfCells.subList(i + SEED_BEFORE_PERIODS.size(), i + SEED_BEFORE_PERIODS.size() + 7);
                assertTrue(rest.stream().anyMatch(c -> heading(c, SEED_LAST)), rest.get(rest.size() - 1) + " in " + rest);
            }
        }
        assertEquals(3, found, "the monthly, quarterly and annual tables of the PDF: " + pdfCells);
        // Word: the same header rows, ending with the comments column, under a row naming the thresholds
        int headerRows = 0;
        for (int i = 1; i < wordRows.size(); i++) {
            List<String> row = wordRows.get(i);
            if (row.size() > SEED_BEFORE_PERIODS.size() && row.subList(0, SEED_BEFORE_PERIODS.size()).equals(SEED_BEFORE_PERIODS)) {
                headerRows++;
                assertEquals(SEED_LAST, row.get(row.size() - 1), row.toString());
                assertTrue(wordRows.get(i - 1).contains(SEED_OVER_THRESHOLDS), wordRows.get(i - 1).toString());
            }
        }
        assertEquals(3, headerRows, "the Word edition's three tables");
    }

    /**
     * The bundle's figures (TestBundle.DATA): Level 3 training 412 / 455 in Q1 and 431 / 460 in Q4, a
     * stock whose year figure is Q4's; enhanced DBS 980 / 1,002 for the year. Each percentage follows
     * its count rows, denominator then numerator, in both editions.
     */
    @Test
    void eachPercentageFollowsItsCountRowsInBothEditions() {
        for (List<String> cells : List.of(pdfCells, flatten(wordRows))) {
            assertRow(cells, "Total number of applicable staff at Level 3", "Monthly", "455", "\u2014", "\u2014", "460", "460");
            assertRow(cells, "Number of staff trained to Level 3", "Monthly", "412", "\u2014", "\u2014", "431", "431");
            assertRow(cells, "% of staff trained to Level 3", "Monthly", "90.5%", "\u2014", "\u2014", "93.7%", "93.7%");
            int d = assertRow(cells, "8d. Total number of staff who work directly with children and young people (Level 3)",
                    "Annual", "1,002");
            int n = assertRow(cells, "8e. Total number of staff who work directly with children and young people that have had "
                    + "an enhanced DBS in the last 3 years", "Annual", "980");
            int p = assertRow(cells, "8f. % of staff who work directly with children and young people that have had an enhanced "
                    + "DBS in the last 3 years", "Annual", "97.8%");
            assertTrue(d < n && n < p, "denominator, numerator, percentage");
        }
    }

    private static List<String> flatten(List<List<String>> rows) {
        return rows.stream().flatMap(List::stream).toList();
    }

    /** The row labelled {@code label}: after its thresholds and regularity, its figures (each cell's first word). */
    private static int assertRow(List<String> cells, String label, String regularity, String... figures) {
        int at = cells.indexOf(label);
        assertTrue(at > 0, label + " in " + cells);
        List<String> after = cells.subList(at + 1, Math.min(cells.size(), at + 1 + 5 + figures.length)).stream()
                .map(c -> c.split(" ")[0]).toList();
        int first = after.indexOf(regularity) + 1;
        assertTrue(first > 0, label + ": " + after);
        assertEquals(List.of(figures), after.subList(first, first + figures.length), label);
        return at;
    }

    /**
     * Every percentage measure of the form, in a bundle with figures (the sample), comes after a row
     * of its numerators and, unless the one just above is the same, a row of its denominators; their
     * cells are the data's.
     */
    @Test
    @SuppressWarnings("unchecked")
    void everyPercentRowOfTheSampleShowsItsNumeratorAndDenominator() {
        Bundle bundle = BundleLoader.load(DashboardYearTest.SAMPLE).bundle().orElseThrow();
        Map<String, Object> form = DashboardForm.build(bundle);
        Set<String> percentRows = new HashSet<>();
        for (Map<String, Object> table : (List<Map<String, Object>>) form.get("tables")) {
            List<Map<String, Object>> rows = (List<Map<String, Object>>) table.get("rows");
            for (int i = 0; i < rows.size(); i++) {
                Map<String, Object> row = rows.get(i);
                if (!Boolean.TRUE.equals(row.get("percent")) || Boolean.TRUE.equals(row.get("notProvided"))) {
                    continue;
                }
                percentRows.add((String) row.get("id"));
                Map<String, Object> numerator = rows.get(i - 1);
                assertEquals("numerator", numerator.get("part"), row.get("id") + ": its numerators just above");
                // its denominators: the row above, or one shared with the percentage before it under the same heading
                int d = i - 2;
                while (!"denominator".equals(rows.get(d).get("part"))) {
                    assertFalse(List.of("standard", "sub").contains(rows.get(d).get("type")), row.get("id") + ": no denominators");
                    d--;
                }
                Map<String, Object> denominator = rows.get(d);
                List<Map<String, Object>> cells = (List<Map<String, Object>>) row.get("cells");
                List<Map<String, Object>> nums = (List<Map<String, Object>>) numerator.get("cells");
                List<Map<String, Object>> dens = (List<Map<String, Object>>) denominator.get("cells");
                assertEquals(cells.size(), nums.size());
                for (int c = 0; c < cells.size(); c++) {
                    String count = (String) cells.get(c).get("count");
                    if (!count.isEmpty()) {
                        assertEquals(count, nums.get(c).get("text") + " / " + dens.get(c).get("text"),
                                row.get("id") + " period " + c + ": the count rows hold the percentage's own count");
                    }
                }
            }
        }
        Set<String> expected = new HashSet<>();
        MeasureCatalog.get().all().stream().filter(Measure::rated).forEach(m -> expected.add(m.id()));
        expected.removeIf(id -> !bundle.meta().provides(id));
        assertEquals(expected, percentRows, "every percentage measure has its row");
    }

    /** A new bundle, as init writes it, shows every dashboard row to fill in, in both templates. */
    @Test
    @SuppressWarnings("unchecked")
    void aFreshBundleListsEveryDashboardRowEmpty() throws Exception {
        for (String template : List.of("somerset-2018", "dorset-2019")) {
            Path dir = tmp.resolve("fresh-" + template);
            Cli init = Cli.run("init", dir.toString(), "--template", template, "--year", "2023/24");
            assertEquals(0, init.status(), init.err());
            Bundle bundle = BundleLoader.load(dir).bundle().orElseThrow();
            // the per-standard dashboards: every measure of the standard, no figure, nothing "not reported"
            for (int standard = 1; standard <= 10; standard++) {
                Map<String, Object> d = Dashboard.forStandard(bundle, standard);
                int n = standard;
                long measures = MeasureCatalog.get().all().stream().filter(m -> m.standard() == n).count();
                List<Map<String, Object>> rows = (List<Map<String, Object>>) d.get("rows");
                assertEquals(measures, rows.size(), template + " standard " + standard);
                assertTrue(((List<?>) d.get("notReported")).isEmpty());
                for (Map<String, Object> row : rows) {
                    assertEquals("", ((Map<String, Object>) row.get("year")).get("text"), row.get("id") + " is empty");
                    ((List<Map<String, Object>>) row.get("quarters")).forEach(c -> assertEquals("", c.get("text")));
                }
            }
            // the Appendix 4 form: every measure
            Set<String> ids = new HashSet<>();
            Map<String, Object> form = DashboardForm.build(bundle);
            assertTrue((Boolean) form.get("blank"));
            for (Map<String, Object> table : (List<Map<String, Object>>) form.get("tables")) {
                for (Map<String, Object> row : (List<Map<String, Object>>) table.get("rows")) {
                    if ("measure".equals(row.get("type"))) {
                        ids.add((String) row.get("id"));
                        ((List<Map<String, Object>>) row.get("cells")).forEach(c -> assertEquals("", c.get("text")));
                    }
                }
            }
            assertEquals(MeasureCatalog.get().ids(), ids, template + ": the form lists every measure");

            Path out = tmp.resolve("fresh-out-" + template);
            Cli r = Cli.run("build", dir.toString(), "-o", out.toString());
            assertEquals(0, r.status(), r.err());
            String pdf = String.join(" ", PdfText.pages(out.resolve("annual-report.pdf"))).replaceAll("\\s+", " ");
            if (template.equals("somerset-2018")) {
                assertTrue(PdfText.headings(out.resolve("annual-report.pdf")).contains("H1 Appendix 4: Safeguarding children dashboard"));
                List<String> cells = PdfText.cellLines(out.resolve("annual-report.pdf")).stream()
                        .map(c -> clean(String.join(" ", c))).toList();
                for (String text : List.of("Number of staff joining", "% of RCPC reports submitted",
                        "8f. % of staff who work directly with children and young people that have had an enhanced DBS in the last 3 years")) {
                    assertTrue(cells.contains(text), template + ": " + text);
                }
            } else {
                List<String> cells = PdfText.cellLines(out.resolve("annual-report.pdf")).stream()
                        .map(c -> String.join(" ", c).replaceAll("\\s+", " ")).toList();
                for (Measure m : MeasureCatalog.get().all()) {
                    assertTrue(cells.stream().anyMatch(c -> c.startsWith(m.label())), template + ": the row " + m.label());
                }
                assertFalse(pdf.contains("Not reported in 2023/24"), "nothing is a gap before any figure is in");
            }
        }
    }
}
