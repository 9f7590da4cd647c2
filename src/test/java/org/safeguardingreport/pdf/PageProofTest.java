package org.safeguardingreport.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguardingreport.Cli;
import org.safeguardingreport.TestBundle;

/** The proof of anchored pages against the painted text, on small documents whose pages are known. */
class PageProofTest {
    /** Four A6 pages: "Alpha opens one" on 1 and 3, "Beta opens two" on 2, "Gamma stands alone" on 4. */
    private static final String PAGES = """
            <html><head><style>@page { size: A6; margin: 10mm; } body { font-family: 'Liberation Sans'; }
            .p { page-break-before: always; }</style></head><body>
            <p id="a">Alpha opens one</p>
            <p class="p" id="b">Beta opens two</p>
            <p class="p">Alpha opens one</p>
            <p class="p" id="c">Gamma stands alone</p>
            <p id="hidden" style="visibility: hidden">Hidden words are laid out but never drawn</p>
            </body></html>
            """;

    @TempDir
    Path tmp;

    private PDDocument document() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfWriter.write(PAGES, List.of(tmp), List.of(), false, Map.of(), PdfWriter.PostProcess.NONE, false, out);
        return Loader.loadPDF(out.toByteArray());
    }

    @Test
    void aClaimOnItsPageIsProven() throws Exception {
        try (PDDocument doc = document()) {
            PageProof.Result r = PageProof.check(doc, List.of(new PageProof.Claim("c", 4, "Gamma stands alone", "Gamma stands alone")));
            assertEquals(List.of(), r.failures());
            assertEquals(4, r.pages().get("c"));
        }
    }

    @Test
    void aClaimOnThePageBeforeIsMovedToTheNearestPageHoldingItsWords() throws Exception {
        try (PDDocument doc = document()) {
            PageProof.Result r = PageProof.check(doc, List.of(new PageProof.Claim("c", 3, "Gamma stands alone", "Gamma stands alone"),
                    new PageProof.Claim("a", 4, "Alpha opens one", "Alpha opens one")));
            assertEquals(List.of(), r.failures());
            assertEquals(4, r.pages().get("c"));
            assertEquals(3, r.pages().get("a"), "the nearer of pages 1 and 3");
        }
    }

    @Test
    void wordsEquallyNearOnTwoPagesOrFarOrNowhereAreFailures() throws Exception {
        try (PDDocument doc = document()) {
            PageProof.Result r = PageProof.check(doc, List.of(
                    new PageProof.Claim("a", 2, "Alpha opens one", "Alpha opens one"),
                    new PageProof.Claim("x", 1, "Never drawn anywhere", "Never drawn anywhere"),
                    new PageProof.Claim("c", 1, "Gamma stands alone", "Gamma stands alone")));
            assertEquals(3, r.failures().size());
            assertEquals("its first words are not on page 2 but on pages [1, 3]", r.failures().get(0).reason());
            assertEquals("its first words are on no page of the PDF", r.failures().get(1).reason());
            assertEquals("its first words are not on page 1 but on pages [4]", r.failures().get(2).reason(),
                    "three pages away is too far to be the same block");
            assertTrue(r.pages().isEmpty());
        }
    }

    @Test
    void aFirstLineThatDoesNotOpenItsBlockIsAFailure() throws Exception {
        try (PDDocument doc = document()) {
            PageProof.Result r = PageProof.check(doc, List.of(new PageProof.Claim("b", 2, "opens two", "Beta opens two")));
            assertEquals("the first line drawn does not open the block's text", r.failures().get(0).reason());
        }
    }

    @Test
    void spacingCaseAndCompatibilityFormsDoNotMatter() {
        assertEquals("level3training:93.4%", TextStart.comparable(" Level\u00a03 TRAIN\u00adING:\n93.4 %"));
        assertEquals(TextStart.comparable("\u0644\u0627"), TextStart.comparable("\ufefb"), "lam-alef ligature");
        assertTrue(PageProof.opens("\u0633\u0644\u0627\u0645 abc", "\u0645\u0627\u0644\u0633"), "right-to-left line in visual order");
        assertFalse(PageProof.opens("abc def", "cba"), "left-to-right text must match in order");
    }

    @Test
    void aBlockLaidOutButNeverDrawnStopsTheWriter() {
        PdfWriter.UnprovenPages e = assertThrows(PdfWriter.UnprovenPages.class, () -> PdfWriter.write(PAGES, List.of(tmp),
                List.of("a", "hidden"), false, Map.of(), PdfWriter.PostProcess.NONE, false, new ByteArrayOutputStream()));
        assertEquals(1, e.failures().size());
        assertEquals("hidden", e.failures().get(0).id());
        assertEquals("its first words are on no page of the PDF", e.failures().get(0).reason());
    }

    /**
     * A Trust's copy of a template that hides marked blocks: the build cannot prove the pages its
     * audit would cite, so it stops with an internal fault at each block's line and writes nothing.
     */
    @Test
    void theBuildRefusesRatherThanPrintAPageItCannotProve() throws Exception {
        Path templates = tmp.resolve("report-templates/hidden-2019");
        Files.createDirectories(templates);
        Path source = Path.of(System.getProperty("report.home", "."), "report-templates", "dorset-2019");
        try (var files = Files.list(source)) {
            for (Path f : files.toList()) {
                Files.copy(f, templates.resolve(f.getFileName()));
            }
        }
        Files.writeString(templates.resolve("template.json"),
                Files.readString(templates.resolve("template.json")).replace("\"dorset-2019\"", "\"hidden-2019\""));
        Files.writeString(templates.resolve("report.css"), ".evidence { visibility: hidden; }\n",
                java.nio.file.StandardOpenOption.APPEND);
        TestBundle b = new TestBundle(tmp);
        b.write("report.json", TestBundle.REPORT.replace("\"dorset-2019\"", "\"hidden-2019\""));
        Path out = tmp.resolve("out");
        Cli r = Cli.run("build", b.root.toString(), "-o", out.toString());
        assertEquals(3, r.status(), r.err());
        assertTrue(r.err().contains("narrative/standard-3.md:3: internal fault: the report would cite page "), r.err());
        assertTrue(r.err().contains("narrative/standard-3.md:5: internal fault:"), "the list item too: " + r.err());
        assertTrue(r.err().contains("(its first words: \"Level 3 training reached 93.7% (Green) by the end of the year.\")"), r.err());
        assertTrue(r.err().contains("nothing was written"), r.err());
        assertFalse(Files.exists(out), "nothing written");
        try (var left = Files.list(tmp)) {
            assertEquals(List.of("north-wessex", "report-templates"), left.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no staging folder left behind");
        }
    }
}
