package org.safeguardingreport.amalgamate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguardingreport.Cli;
import org.safeguardingreport.DocxXml;
import org.safeguardingreport.PdfText;
import org.safeguardingreport.TestBundle;

/** A provider's own chart directive, shown in the health report as that provider's chart, in both editions. */
class ProviderChartsTest {
    @TempDir
    Path tmp;

    @Test
    void aProvidersChartIsItsOwnInBothEditions() throws Exception {
        TestBundle b = new TestBundle(tmp.resolve("p")).allSections();
        b.write("narrative/executive-summary.md", "Training recovered over the year.\n\n{{chart 3b-level-3}}\n");
        Path out = tmp.resolve("out");
        Cli r = Cli.run("amalgamate", b.root.toString(), "-o", out.toString());
        assertEquals(0, r.status(), r.err());
        // the provider's chart describes its own Level 3 figures: 90.5% in Q1 (412 of 455) to 93.7% in Q4 (431 of 460)
        String own = "Level 3 training. ";
        List<String> alts = PdfText.alts(out.resolve("health-annual-report.pdf"));
        List<String> providers = alts.stream().filter(a -> a.startsWith(own)).toList();
        assertEquals(1, providers.size(), "the provider's chart, once: " + alts);
        assertTrue(providers.get(0).contains("90.5%") && providers.get(0).contains("93.7%"), providers.get(0));
        long comparing = alts.stream().filter(a -> a.contains(", by provider")).count();
        assertTrue(comparing >= 1, "the commissioner's own comparison charts are still there: " + alts);
        // and what is drawn is that chart: each comparison chart's title is drawn once, none in its place
        String drawn = String.join("\n", PdfText.pages(out.resolve("health-annual-report.pdf")));
        long titles = java.util.regex.Pattern.compile(", by provider(?! and standard)").matcher(drawn).results().count();
        assertEquals(comparing, titles, "drawn titles of comparison charts: " + drawn);
        assertTrue(drawn.contains("Level 3 training\n") || drawn.contains("Level 3 training "), "the provider's chart title is drawn");
        String xml = DocxXml.document(out.resolve("health-annual-report.docx"));
        assertTrue(xml.contains("descr=\"" + providers.get(0).replace("\"", "&quot;")), "the same chart, alt text and all, in Word");
    }
}
