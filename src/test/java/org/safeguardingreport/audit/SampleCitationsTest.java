package org.safeguardingreport.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguardingreport.Cli;
import org.safeguardingreport.bundle.BundleLoader;
import org.safeguardingreport.diag.Diagnostics;
import org.safeguardingreport.model.Bundle;
import org.safeguardingreport.model.Narrative;
import org.safeguardingreport.html.ReportBuilder;

/** Every citation of the sample's final build, checked against the text of the page it names. */
class SampleCitationsTest {
    static final Path SAMPLE = Path.of(System.getProperty("report.home", "."), "content", "north-wessex-2023-24");

    @TempDir
    Path tmp;

    @Test
    void everyMarkedBlockOfTheSampleStartsOnAPageItsQuestionCites() throws Exception {
        Cli r = Cli.run("build", SAMPLE.toString(), "--final", "-o", tmp.toString());
        assertEquals(0, r.status(), r.err());
        Bundle bundle = BundleLoader.load(SAMPLE).bundle().orElseThrow();
        Map<String, List<Integer>> citations = ReportBuilder.build(bundle, true, new Diagnostics()).orElseThrow().citations();
        assertEquals(52, citations.size(), "every question of the sample is cited");
        List<String> pages = AuditBuildTest.pages(tmp.resolve("annual-report.pdf"));
        int checked = 0;
        for (Narrative n : bundle.sections().values()) {
            List<String> lines = n.text().lines().toList();
            for (Narrative.EvidenceMarker m : n.markers()) {
                String words = firstWords(lines, m.pos().line());
                for (String q : m.questions()) {
                    boolean found = citations.get(q).stream().anyMatch(p -> pages.get(p - 1).contains(words));
                    assertTrue(found, q + ": \"" + words + "\" (" + n.file() + ":" + m.pos().line() + ") is not on pages "
                            + citations.get(q));
                    checked++;
                }
            }
        }
        assertEquals(72, checked);
        String audit = String.join(" ", AuditBuildTest.pages(tmp.resolve("audit.pdf")));
        assertFalse(audit.contains("DRAFT"), "a final audit has no DRAFT mark");
        assertFalse(audit.contains("No evidence provided"));
        assertTrue(audit.contains("Approved by Dr A. Jones"), audit);
        assertTrue(Files.readString(tmp.resolve("build.json")).contains("\"gaps\" : [ ]"));
    }

    /** The first four words of the block that the marker on {@code line} ends, without Markdown syntax. */
    static String firstWords(List<String> lines, int line) {
        int start = line - 1;
        while (start > 0 && !lines.get(start - 1).isBlank() && !isBlockStart(lines.get(start))) {
            start--;
        }
        String text = lines.get(start).replaceFirst("^\\s*(#+|-|\\d+\\.)\\s+", "").replace("**", "")
                .replaceAll("\\{\\{[^}]*}}.*", "").replaceAll("\\{audit=[^}]*}", "");
        String[] w = text.strip().split("\\s+");
        return String.join(" ", java.util.Arrays.copyOfRange(w, 0, Math.min(4, w.length)));
    }

    private static boolean isBlockStart(String l) {
        return l.matches("^\\s*(#+|-|\\d+\\.)\\s+.*");
    }
}
