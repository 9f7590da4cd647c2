package org.safeguardingreport.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguardingreport.TestBundle;
import org.safeguardingreport.bundle.BundleLoader;
import org.safeguardingreport.diag.Diagnostics;

/**
 * The cases that once cited the page before the text: a marked block brought to a page foot by a
 * filler that grows a line at a time, until the layout carries it over to the next page. In every
 * layout of the sweep the audit must cite the page on which the block's text is drawn, and in some
 * of them the block must indeed open a page (or the sweep proved nothing).
 */
class PageFootTest {
    /** Each case: its section, the question it is marked for, its token, and the Markdown after the filler. */
    private static final Map<String, String[]> CASES = new LinkedHashMap<>();

    static {
        CASES.put("list item after a lead-in paragraph", new String[] {"standard-2", "2.1", "TokListq",
                "The named nurses set out the year's work in the list that follows, which the board asked to see "
                        + "in full, with each item reviewed at the quarterly assurance meeting.\n\n"
                        + "- TokListq Named nurses attended every strategic partnership meeting. {audit=2.1}\n"
                        + "- Supervision was given to every health visitor.\n"});
        CASES.put("heading kept with its paragraph", new String[] {"standard-4", "4.1", "TokHeadq",
                "## TokHeadq Supervision in community services {audit=4.1}\n\n"
                        + "Every practitioner with a caseload of children receives safeguarding supervision each quarter, "
                        + "recorded on the electronic record and audited twice a year by the named nurse.\n"});
        CASES.put("table row pushed to the next page", new String[] {"standard-5", "5.1", "TokRowq",
                // more rows than a short table's six, so that the table may break between its rows
                "| Service | Position | Rating |\n|---|---|---|\n"
                        + "| CAMHS | All staff supervised | Green |\n"
                        + "| Children looked after | All staff supervised | Green |\n"
                        + "| Paediatric nursing | All staff supervised | Green |\n"
                        + "| Paediatric therapies | All staff supervised | Green |\n"
                        + "| Health visiting | All staff supervised | Green |\n"
                        + "| School nursing | All staff supervised | Green |\n"
                        + "| TokRowq Sexual health and the young people's service | Two vacancies filled in March | Amber {audit=5.1} |\n"
                        + "| Minor injuries | Plan in place | Amber |\n"});
        CASES.put("list item inside a block quote", new String[] {"standard-6", "6.1", "TokQuoteq",
                "> The partnership's review said:\n>\n"
                        + "> - TokQuoteq Health partners attend every strategy discussion. {audit=6.1}\n"
                        + "> - Records show the voice of the child.\n"});
    }

    @TempDir
    Path tmp;

    @Test
    void markedBlocksCarriedOverAPageFootAreCitedWhereTheirTextIs() throws Exception {
        Map<String, Integer> opened = new LinkedHashMap<>();
        CASES.keySet().forEach(k -> opened.put(k, 0));
        List<String> wrong = new ArrayList<>();
        int layouts = 0;
        for (int lines = 0; lines <= 60; lines++) {
            TestBundle b = new TestBundle(Files.createDirectories(tmp.resolve("l" + lines)));
            for (String[] c : CASES.values()) {
                b.write("narrative/" + c[0] + ".md", filler(lines) + c[3]);
            }
            var bundle = BundleLoader.load(b.root).bundle().orElseThrow();
            ReportBuilder.Report report = ReportBuilder.build(bundle, false, new Diagnostics()).orElseThrow();
            layouts++;
            try (PDDocument doc = Loader.loadPDF(report.pdf())) {
                for (Map.Entry<String, String[]> c : CASES.entrySet()) {
                    String token = c.getValue()[2];
                    List<Integer> drawn = new ArrayList<>();
                    String first = null;
                    for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                        String text = text(doc, p);
                        if (text.contains(token)) {
                            drawn.add(p);
                            first = text;
                        }
                    }
                    List<Integer> cited = report.citations().get(c.getValue()[1]);
                    if (drawn.size() != 1 || !drawn.equals(cited)) {
                        wrong.add(c.getKey() + " after " + lines + " filler lines: drawn on " + drawn + ", cited " + cited);
                    } else if (opensPage(first, token)) {
                        opened.merge(c.getKey(), 1, Integer::sum);
                    }
                }
            }
        }
        System.out.println("carried to a new page: " + opened);
        assertEquals(List.of(), wrong);
        opened.forEach((k, n) -> assertTrue(n > 0, k + ": no layout of the sweep carried the block to a new page"));
        assertEquals(61, layouts);
    }

    /** A paragraph of about {@code lines} lines of body text (none for 0). */
    private static String filler(int lines) {
        if (lines == 0) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < lines * 13; i++) {
            s.append(i == 0 ? "Safeguarding" : i % 9 == 0 ? ". Children" : " practice");
        }
        return s.append(".\n\n").toString();
    }

    private static String text(PDDocument doc, int page) throws java.io.IOException {
        PDFTextStripper s = new PDFTextStripper();
        s.setSortByPosition(true);
        s.setStartPage(page);
        s.setEndPage(page);
        return s.getText(doc);
    }

    /**
     * Whether the token opens the page's body text (after the running header, page number and DRAFT
     * mark): on its first line, or its second below a table's repeated header row.
     */
    static boolean opensPage(String page, String token) {
        List<String> lines = page.lines().filter(l -> !l.isBlank() && !l.strip().matches("[DRAFT]{1,2}")
                && !l.startsWith("Page ") && !l.contains("North Wessex Community Health NHS Trust")).toList();
        return !lines.isEmpty() && (lines.get(0).contains(token)
                || lines.get(0).startsWith("Service Position Rating") && lines.size() > 1 && lines.get(1).contains(token));
    }
}
