package org.safeguardingreport.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguardingreport.Cli;
import org.safeguardingreport.DocxXml;
import org.safeguardingreport.PdfText;

/**
 * The dashboards of the sample report read back from both editions: training, a stock, shows its
 * year-end position and says so; a flow pools its quarters; each percentage shows its count. The
 * expected figures are worked out here from the sample's data file, not by the program.
 */
class DashboardYearTest {
    static final Path SAMPLE = Path.of(System.getProperty("report.home", "."), "content", "north-wessex-2023-24");

    @TempDir
    static Path tmp;
    static String pdf;
    static String word;
    static JsonNode quarters;

    @BeforeAll
    static void build() throws Exception {
        Path out = tmp.resolve("out");
        Cli r = Cli.run("build", SAMPLE.toString(), "-o", out.toString());
        assertEquals(0, r.status(), r.err());
        pdf = String.join("\n", PdfText.pages(out.resolve("annual-report.pdf")));
        word = org.safeguardingreport.word.ReportDocxTest.paragraphText(DocxXml.document(out.resolve("annual-report.docx")));
        quarters = new ObjectMapper().readTree(SAMPLE.resolve("data/2023-24.json").toFile()).get("quarters");
    }

    private static String pct(long n, long d) {
        return BigDecimal.valueOf(n * 100).divide(BigDecimal.valueOf(d), 1, RoundingMode.HALF_UP) + "%";
    }

    private static String count(long n, long d) {
        return String.format(java.util.Locale.UK, "%,d / %,d", n, d);
    }

    /**
     * The PDF's text of one dashboard row, read in position order: its label with its figures on the
     * same line, to the next row's label.
     */
    private static String row(String label, String next) {
        String text = pdf.replaceAll("\\s+", " ");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(label) + " \\d").matcher(text);
        assertTrue(m.find(), label + " with its figures in a dashboard of the PDF");
        int from = m.start();
        int to = text.indexOf(next, from + label.length());
        return text.substring(from, to < 0 ? text.length() : to);
    }

    @Test
    void level3TrainingsYearFigureIsItsPositionAt31March() {
        JsonNode q4 = quarters.get("Q4").get("3b-level-3");
        long n = q4.get("numerator").asLong();
        long d = q4.get("denominator").asLong();
        String row = row("Level 3 training", "Level 4/5 training");
        // the Q4 figure, then the year's: the same figure, at the year's end
        int q4At = row.indexOf(pct(n, d));
        assertTrue(q4At >= 0, row);
        assertTrue(row.indexOf(pct(n, d), q4At + 1) > q4At, "the year shows Q4's " + pct(n, d) + ": " + row);
        assertTrue(row.contains("at 31 March 2024"), row);
        // never the four quarters pooled
        long pooledN = 0;
        long pooledD = 0;
        for (String q : List.of("Q1", "Q2", "Q3", "Q4")) {
            pooledN += quarters.get(q).get("3b-level-3").get("numerator").asLong();
            pooledD += quarters.get(q).get("3b-level-3").get("denominator").asLong();
        }
        assertTrue(!row.contains(pct(pooledN, pooledD)), "not the pooled " + pct(pooledN, pooledD) + ": " + row);
        assertTrue(word.contains("at 31 March 2024"), "Word says so too");
    }

    @Test
    void aFlowsYearFigurePoolsTheQuartersAndEveryPercentageShowsItsCount() {
        long n = 0;
        long d = 0;
        List<String> counts = new ArrayList<>();
        for (String q : List.of("Q1", "Q2", "Q3", "Q4")) {
            JsonNode v = quarters.get(q).get("3a-induction");
            n += v.get("numerator").asLong();
            d += v.get("denominator").asLong();
            counts.add(count(v.get("numerator").asLong(), v.get("denominator").asLong()));
        }
        String row = row("Trained at induction", "Level 1 training");
        assertTrue(row.contains(pct(n, d)) && row.contains(count(n, d)), "pooled " + pct(n, d) + " " + count(n, d) + ": " + row);
        for (String c : counts) {
            assertTrue(row.contains(c), c + " in " + row);
            assertTrue(word.contains(c), c + " in Word");
        }
    }
}
