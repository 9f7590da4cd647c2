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
            <p id="a">Alpha opens one</p><p>Delta is on the first page alone</p>
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
        PdfWriter.write(PAGES, Map.of(), List.of(), false, Map.of(), PdfWriter.PostProcess.NONE, false, out);
        return Loader.loadPDF(out.toByteArray());
    }

    /** Pages of 200 by 200 px, lines of 20 px: the geometry fixes where every line falls. */
    private static final String STRADDLE = """
            <html><head><style>@page { size: 200px 200px; margin: 0; }
            body { margin: 0; font-family: 'Liberation Sans'; font-size: 12px; line-height: 20px; }
            p, h2 { margin: 0; font-size: 12px; } h2 { page-break-after: avoid; } .spacer { height: 170px; }
            </style></head><body>
            <p>First line.</p>
            <div class="spacer"></div>
            <div id="target"><h2>Target heading</h2><p>First paragraph.</p></div>
            <p><a href="#target" id="link">Link</a></p>
            <div style="height: 100px"></div>
            <p id="long">Long opens here and runs on for line after line of words until it has filled the rest of its
            page, and longer than any page can hold, it goes on and on over the next, line after line, word after
            word, until at last, more than ten lines of twenty pixels later, it ends on a page after the one where it
            starts, as any long paragraph of a real report might do when it is written at length by someone.</p>
            </body></html>
            """;

    @Test
    void aBlockIsOnThePageWhereItsFirstLineIsDrawnNotWhereItEndsNorWhereItsTopEdgeIs() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfWriter.Output o = PdfWriter.write(STRADDLE, Map.of(), List.of("long", "target"), false, Map.of(),
                PdfWriter.PostProcess.NONE, false, out);
        assertTrue(o.words().get("long").startsWith("Long opens here"), o.words().toString());
        // the target's top edge is 10 px from the foot of a page, less than a line: its text is drawn on the next
        try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
            int drawn = 0;
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                if (org.safeguardingreport.PdfText.page(doc, p).contains("Target heading")) {
                    drawn = p;
                }
            }
            assertEquals(drawn, o.anchorPages().get("target"), "the page its heading is drawn on");
            assertEquals("Target heading", o.words().get("target"));
            // and the link to it opens that page
            assertEquals(2, drawn);
            int opens = 0;
            int ends = 0;
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                String text = org.safeguardingreport.PdfText.page(doc, p);
                opens = text.contains("Long opens here") ? p : opens;
                ends = text.contains("at length by someone.") ? p : ends;
            }
            assertTrue(opens > 0 && ends > opens, "the long block runs over a page break: " + opens + " to " + ends);
            assertEquals(opens, o.anchorPages().get("long"), "a block that runs over a page break is where it starts");
            var link = (org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink) doc.getPage(1).getAnnotations().get(0);
            var dest = (org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination)
                    ((org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo) link.getAction()).getDestination();
            assertEquals(drawn, doc.getPages().indexOf(dest.getPage()) + 1, "the link opens the page the text is on");
        }
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
    void aClaimIsMovedUpToTwoPagesEitherWayAndToTheFirstPage() throws Exception {
        try (PDDocument doc = document()) {
            PageProof.Result r = PageProof.check(doc, List.of(
                    new PageProof.Claim("c", 2, "Gamma stands alone", "Gamma stands alone"),
                    new PageProof.Claim("d", 2, "Delta is on the first page alone", "Delta is on the first page alone")));
            assertEquals(List.of(), r.failures());
            assertEquals(4, r.pages().get("c"), "two pages on");
            assertEquals(1, r.pages().get("d"), "back to the first page");
        }
    }

    @Test
    void aClaimOnTheFirstPageOrPastTheLastIsProvenWhereItsWordsAre() throws Exception {
        try (PDDocument doc = document()) {
            PageProof.Result r = PageProof.check(doc, List.of(
                    new PageProof.Claim("d", 1, "Delta is on the first page alone", "Delta is on the first page alone"),
                    new PageProof.Claim("c", 5, "Gamma stands alone", "Gamma stands alone")));
            assertEquals(List.of(), r.failures());
            assertEquals(1, r.pages().get("d"), "on the first page, as laid out");
            assertEquals(4, r.pages().get("c"), "a page past the last is moved back to the last");
        }
    }

    @Test
    void aRightToLeftLineOpensItsBlockWhenItHasTheSameLettersAndOnlyThen() {
        String block = "\u0633\u0644\u0627\u0645";
        assertTrue(PageProof.opens(block, "\u0645\u0627\u0644\u0633"), "the whole block, its letters in visual order");
        assertFalse(PageProof.opens(block, "\u0645\u0627\u0644\u0628"), "another letter");
        assertFalse(PageProof.opens("\u0633\u0644", "\u0633\u0644\u0627"), "longer than the block");
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
        PdfWriter.UnprovenPages e = assertThrows(PdfWriter.UnprovenPages.class, () -> PdfWriter.write(PAGES, Map.of(),
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
