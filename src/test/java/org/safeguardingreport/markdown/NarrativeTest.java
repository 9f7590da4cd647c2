package org.safeguardingreport.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguardingreport.Cli;
import org.safeguardingreport.TestBundle;
import org.safeguardingreport.bundle.BundleLoader;
import org.safeguardingreport.model.Bundle;
import org.safeguardingreport.model.Narrative;
import org.safeguardingreport.model.Narrative.BlockKind;

/** The dialect's additions to CommonMark, checked in narrative files. */
class NarrativeTest {
    @TempDir
    Path tmp;

    private Cli checkSection(String id, String text) {
        TestBundle b = new TestBundle(tmp).write("narrative/" + id + ".md", text);
        return Cli.run("check", b.root.toString());
    }

    private Narrative load(String id, String text) {
        TestBundle b = new TestBundle(tmp).write("narrative/" + id + ".md", text);
        BundleLoader.Result r = BundleLoader.load(b.root);
        assertFalse(r.diagnostics().hasErrors(), r.diagnostics().sorted().toString());
        return r.bundle().orElseThrow().sections().get(id);
    }

    @Test
    void markersAttachToHeadingsParagraphsAndListItems() {
        Narrative n = load("standard-3", """
                ## Who delivers training {audit=3.5}

                The training matrix is reviewed annually. {audit=3.1}

                - Refresher training every three years. {audit="3.2 3.3"}
                - Second item without a marker.

                1. Ordered item.
                   Continued on a second line. {audit=3.6}
                """);
        List<Narrative.EvidenceMarker> m = n.markers();
        assertEquals(4, m.size());
        assertEquals(BlockKind.HEADING, m.get(0).block());
        assertEquals(List.of("3.5"), m.get(0).questions());
        assertEquals(1, m.get(0).pos().line());
        assertEquals(26, m.get(0).pos().column());
        assertEquals(BlockKind.PARAGRAPH, m.get(1).block());
        assertEquals(3, m.get(1).pos().line());
        assertEquals(BlockKind.LIST_ITEM, m.get(2).block());
        assertEquals(List.of("3.2", "3.3"), m.get(2).questions());
        assertEquals(BlockKind.LIST_ITEM, m.get(3).block());
        assertEquals(9, m.get(3).pos().line());
    }

    @Test
    void bundleGathersEvidenceAndGapsPerQuestion() {
        TestBundle b = new TestBundle(tmp);
        Bundle bundle = BundleLoader.load(b.root).bundle().orElseThrow();
        assertEquals(1, bundle.evidence().get("3.1").size());
        assertEquals(1, bundle.evidence().get("3.8").size());
        List<String> gaps = bundle.gaps();
        assertFalse(gaps.contains("1.1"), "1.1 is answered");
        assertFalse(gaps.contains("3.7"), "3.7 has evidence");
        assertTrue(gaps.contains("1.2"));
        assertEquals(52 - 4, gaps.size());
    }

    @Test
    void unknownQuestionNumberWithinAStandard() {
        Cli r = checkSection("standard-3", "Text.\n\nMore text here. {audit=3.9}\n");
        assertEquals(1, r.status());
        assertEquals("narrative/standard-3.md:3:24: error: unknown audit question 3.9: standard 3 of dorset-2019 has "
                + "questions 3.1-3.8", r.line("narrative/standard-3.md:"));
        assertEquals("did you mean 3.8?", r.hintOf("narrative/standard-3.md:3:24:"));
    }

    @Test
    void unknownStandard() {
        Cli r = checkSection("standard-3", "Text. {audit=\"3.1 11.2\"}\n");
        assertEquals("narrative/standard-3.md:1:19: error: unknown audit question 11.2: there is no standard 11",
                r.line("narrative/standard-3.md:"));
    }

    @Test
    void notAQuestionNumber() {
        Cli r = checkSection("standard-3", "Text. {audit=three}\n");
        assertTrue(r.line("narrative/standard-3.md:1:14:").contains("\"three\" is not an audit question number"), r.err());
    }

    @Test
    void markerMustEndItsBlock() {
        Cli r = checkSection("standard-3", "Text {audit=3.1} and more text.\n");
        assertEquals("narrative/standard-3.md:1:6: error: an evidence marker must end its paragraph, list item, heading or table cell",
                r.line("narrative/standard-3.md:"));
    }

    @Test
    void markerEndingATableCellMarksItsRow() {
        Narrative n = load("standard-3", "Intro.\n\n| a | b |\n|---|---|\n| w | z |\n| x | y {audit=3.1} |\n");
        assertEquals(1, n.markers().size());
        Narrative.EvidenceMarker m = n.markers().get(0);
        assertEquals(Narrative.BlockKind.TABLE_ROW, m.block());
        assertTrue(m.node() instanceof com.vladsch.flexmark.ext.tables.TableRow, m.node().getClass().getName());
        assertEquals(new org.safeguardingreport.diag.Pos(6, 1), m.blockPos(), "the row starts its line");
        assertEquals(new org.safeguardingreport.diag.Pos(6, 9), m.pos());
    }

    @Test
    void markerInsideATableCellIsRefused() {
        Cli r = checkSection("standard-3", "| a | b |\n|---|---|\n| x {audit=3.1} more | y |\n");
        assertEquals("narrative/standard-3.md:3:5: error: an evidence marker must end its paragraph, list item, heading or table cell",
                r.line("narrative/standard-3.md:"));
    }

    @Test
    void markerStandingAloneIsRefused() {
        Cli r = checkSection("standard-3", "A paragraph.\n\n{audit=3.1}\n");
        assertTrue(r.line("narrative/standard-3.md:3:1:").contains("stands alone"), r.err());
    }

    @Test
    void markerInCodeIsJustText() {
        Narrative n = load("standard-3", "Write `{audit=3.1}` at the end of a paragraph.\n\n    {audit=9.9}\n");
        assertTrue(n.markers().isEmpty());
    }

    @Test
    void figureWithUnknownMeasure() {
        Cli r = checkSection("standard-3", "Level 3 reached {{3b-levl-3@Q4}} this year.\n");
        assertEquals(1, r.status());
        assertEquals("narrative/standard-3.md:1:17: error: unknown measure \"3b-levl-3\"", r.line("narrative/standard-3.md:"));
        assertEquals("did you mean 3b-level-3?", r.hintOf("narrative/standard-3.md:1:17:"));
    }

    @Test
    void figureWithUnknownQuarter() {
        Cli r = checkSection("standard-3", "Level 3 reached {{3b-level-3@Q5}} this year.\n");
        assertEquals(1, r.status());
        assertEquals("narrative/standard-3.md:1:30: error: unknown quarter \"Q5\" in {{3b-level-3@Q5}}",
                r.line("narrative/standard-3.md:"));
    }

    @Test
    void figureWithoutPrefixGetsTheFullId() {
        Cli r = checkSection("standard-3", "Level 3 reached {{level-3@Q4}}.\n");
        assertEquals("did you mean 3b-level-3?", r.hintOf("narrative/standard-3.md:1:17:"));
    }

    @Test
    void ratingOfACountIsRefused() {
        Cli r = checkSection("standard-6", "Serious incidents: {{6a-si-steis@Q1 rag}}.\n");
        assertTrue(r.line("narrative/standard-6.md:1:20:").contains("has no Red/Amber/Green rating"), r.err());
    }

    @Test
    void annualMeasureTakesYear() {
        Cli r = checkSection("standard-8", "DBS: {{8f-enhanced-dbs@Q4}}.\n");
        assertTrue(r.line("narrative/standard-8.md:1:").contains("8f-enhanced-dbs is an annual measure"), r.err());
        assertEquals("write {{8f-enhanced-dbs@year}}", r.hintOf("narrative/standard-8.md:1:"));
        Narrative n = load("standard-8", "DBS: {{8f-enhanced-dbs@year}} ({{8f-enhanced-dbs@year rag}}).\n");
        assertEquals("year", n.figures().get(0).period());
        assertTrue(n.figures().get(1).rag());
    }

    @Test
    void figuresInTablesAreFoundWithTheirPositions() {
        Narrative n = load("standard-3", "| Level | Q1 | Q4 |\n|---|---|---|\n| 3 | {{3b-level-3@Q1}} | {{3b-level-3@Q4 rag}} |\n");
        assertEquals(2, n.figures().size());
        assertEquals(3, n.figures().get(1).pos().line());
        assertEquals(27, n.figures().get(1).pos().column());
    }

    @Test
    void otherDoubleBracesStayLiteral() {
        Narrative n = load("standard-3", "Handlebars {{7*7}} and {{ name }} are just text.\n");
        assertTrue(n.figures().isEmpty());
        assertTrue(n.text().contains("{{7*7}}"));
    }

    @Test
    void chartDirectiveIsValidatedLikeFigures() {
        Narrative ok = load("standard-3", "Trend:\n\n{{chart 3b-level-1 3b-level-2 3b-level-3}}\n");
        assertEquals(List.of("3b-level-1", "3b-level-2", "3b-level-3"), ok.charts().get(0).measureIds());
        Cli r = checkSection("standard-3", "{{chart 3b-level-3 3b-levl-9}}\n");
        assertTrue(r.line("narrative/standard-3.md:1:1:").contains("unknown measure \"3b-levl-9\""), r.err());
        Cli mixed = checkSection("standard-3", "{{chart 3b-level-3 6a-si-steis}}\n");
        assertTrue(mixed.err().contains("a chart cannot mix % measures and counts"), mixed.err());
        Cli inline = checkSection("standard-3", "See {{chart 3b-level-3}} here.\n");
        assertTrue(inline.err().contains("a chart must stand alone on its line"), inline.err());
    }

    @Test
    void rawHtmlIsWarnedOnceAndKeptAsText() {
        Cli r = checkSection("standard-3", "<script>alert(1)</script>\n\nText <b>bold</b>.\n");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.line("narrative/standard-3.md:1:1: warning:").contains("raw HTML is not interpreted"), r.err());
        assertTrue(r.err().contains("(3 places in this file)"), r.err());
    }

    @Test
    void pictureWithoutAltTextIsAWarning() throws Exception {
        TestBundle b = new TestBundle(tmp);
        Files.createDirectories(b.root.resolve("images"));
        Files.write(b.root.resolve("images/chart.png"), png(40, 30));
        b.write("narrative/standard-3.md", "Intro.\n\n![](images/chart.png)\n");
        Cli r = Cli.run("check", b.root.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals("narrative/standard-3.md:3:1: warning: the picture images/chart.png has no alt text",
                r.line("narrative/standard-3.md:"));
    }

    @Test
    void picturesOutsideTheBundleAreRefused() throws Exception {
        TestBundle b = new TestBundle(tmp);
        Files.createDirectories(b.root.resolve("images"));
        Files.write(b.root.resolve("images/chart.png"), png(40, 30));
        Path outside = tmp.resolve("secret.png");
        Files.write(outside, png(10, 10));
        Files.createSymbolicLink(b.root.resolve("images/link.png"), outside);
        b.write("narrative/standard-3.md", String.join("\n\n",
                "![a](https://example.org/x.png)",
                "![b](/etc/passwd)",
                "![c](../secret.png)",
                "![d](images/../../secret.png)",
                "![e](images/link.png)",
                "![f](images/chrat.png)",
                "![g](file:///etc/passwd)",
                "![h](report.json)") + "\n");
        Cli r = Cli.run("check", b.root.toString());
        assertEquals(0, r.status(), "a draft shows a placeholder with the alt text");
        assertTrue(r.line("narrative/standard-3.md:1:1: warning:").contains("never fetched from a web address"), r.err());
        assertTrue(r.line("narrative/standard-3.md:3:1:").contains("not an absolute path"), r.err());
        assertTrue(r.line("narrative/standard-3.md:5:1:").contains("must be in the bundle's images/ folder"), r.err());
        assertTrue(r.line("narrative/standard-3.md:7:1:").contains("must be in the bundle's images/ folder"), r.err());
        assertTrue(r.line("narrative/standard-3.md:9:1:").contains("leads outside the bundle's images/ folder"), r.err());
        assertTrue(r.line("narrative/standard-3.md:11:1:").contains("no picture images/chrat.png"), r.err());
        assertEquals("did you mean images/chart.png?", r.hintOf("narrative/standard-3.md:11:1:"));
        assertTrue(r.line("narrative/standard-3.md:13:1:").contains("never fetched"), r.err());
        assertTrue(r.line("narrative/standard-3.md:15:1:").contains("must be in the bundle's images/ folder"), r.err());
        Cli fin = Cli.run("check", b.root.toString(), "--final");
        assertEquals(1, fin.status());
        assertEquals(8, fin.err().lines().filter(l -> l.contains("error: a final report cannot show a placeholder")).count(),
                fin.err());
    }

    @Test
    void pictureMustBeWhatItsNameSays() throws Exception {
        TestBundle b = new TestBundle(tmp);
        Files.createDirectories(b.root.resolve("images"));
        Files.write(b.root.resolve("images/photo.png"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 0, 0});
        Files.write(b.root.resolve("images/huge.png"), png(100_000, 100_000));
        Files.write(b.root.resolve("images/anim.gif"), "GIF89a".getBytes());
        b.write("narrative/standard-3.md", "![p](images/photo.png)\n\n![h](images/huge.png)\n\n![g](images/anim.gif)\n");
        Cli r = Cli.run("check", b.root.toString());
        assertTrue(r.line("narrative/standard-3.md:1:1:").contains("is not a PNG file (it holds a JPEG picture)"), r.err());
        assertTrue(r.line("narrative/standard-3.md:3:1:").contains("100000 x 100000 pixels"), r.err());
        assertTrue(r.line("narrative/standard-3.md:5:1:").contains("unsupported picture type .gif"), r.err());
    }

    @Test
    void aJpegClaimingHugeDimensionsIsRefusedBeforeDecoding() throws Exception {
        TestBundle b = new TestBundle(tmp);
        Files.createDirectories(b.root.resolve("images"));
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0,
                (byte) 0xFF, (byte) 0xC0, 0, 17, 8, (byte) 0xFD, (byte) 0xE8, (byte) 0xFD, (byte) 0xE8, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1};
        Files.write(b.root.resolve("images/huge.jpg"), jpeg);
        b.write("narrative/standard-3.md", "![A huge photo](images/huge.jpg)\n");
        Cli r = Cli.run("check", b.root.toString());
        assertTrue(r.line("narrative/standard-3.md:1:1:").contains("65000 x 65000 pixels, too large"), r.err());
        assertEquals(1, Cli.run("check", b.root.toString(), "--final").status());
    }

    @Test
    void listsNestedBeyondTheLimitAreRefused() {
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            deep.append("  ".repeat(i)).append("- level ").append(i + 1).append('\n');
        }
        Cli r = checkSection("standard-3", deep.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("narrative/standard-3.md: error: lists or quotes are nested 60 levels deep; the limit is 50"),
                r.err());
        StringBuilder ok = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            ok.append("  ".repeat(i)).append("- level ").append(i + 1).append('\n');
        }
        assertEquals(0, checkSection("standard-4", ok.toString()).status(), "twenty levels are fine");
    }

    @Test
    void svgPicturesThatCouldReachOutsideAreNotShown() throws Exception {
        TestBundle b = new TestBundle(tmp);
        Path images = Files.createDirectories(b.root.resolve("images"));
        Files.writeString(images.resolve("xxe.svg"), "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&x;</text></svg>");
        Files.writeString(images.resolve("link.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "xmlns:xlink=\"http://www.w3.org/1999/xlink\"><image xlink:href=\"file:///etc/passwd\"/></svg>");
        Files.writeString(images.resolve("net.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"><image href=\"http://127.0.0.1:9/x.png\"/></svg>");
        Files.writeString(images.resolve("script.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>");
        Files.writeString(images.resolve("style.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect style=\"fill: url('http://x/y')\"/></svg>");
        Files.writeString(images.resolve("plain.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">"
                + "<defs><linearGradient id=\"g\"/></defs><rect width=\"10\" height=\"10\" fill=\"url(#g)\"/><use href=\"#g\"/></svg>");
        b.write("narrative/standard-3.md", String.join("\n\n", "![a](images/xxe.svg)", "![b](images/link.svg)",
                "![c](images/net.svg)", "![d](images/script.svg)", "![e](images/style.svg)", "![f](images/plain.svg)") + "\n");
        Cli r = Cli.run("check", b.root.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.line("narrative/standard-3.md:1:1: warning:").contains("declares a DOCTYPE or entities"), r.err());
        assertTrue(r.line("narrative/standard-3.md:3:1: warning:").contains("refers to file:///etc/passwd"), r.err());
        assertTrue(r.line("narrative/standard-3.md:5:1: warning:").contains("refers to http://127.0.0.1:9/x.png"), r.err());
        assertTrue(r.line("narrative/standard-3.md:7:1: warning:").contains("holds a script"), r.err());
        assertTrue(r.line("narrative/standard-3.md:9:1: warning:").contains("refers to http://x/y"), r.err());
        assertFalse(r.err().contains("narrative/standard-3.md:11:1:"), "a plain SVG with its own fragments is fine");
    }

    @Test
    void levelOneHeadingIsAWarning() {
        Cli r = checkSection("standard-3", "# Training\n\nText.\n");
        assertTrue(r.line("narrative/standard-3.md:1:1: warning:").contains("'#' heading"), r.err());
    }

    /** A PNG signature and IHDR chunk claiming the given size; enough for the header checks. */
    static byte[] png(int w, int h) {
        byte[] b = new byte[33];
        byte[] sig = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        System.arraycopy(sig, 0, b, 0, sig.length);
        b[16] = (byte) (w >>> 24);
        b[17] = (byte) (w >>> 16);
        b[18] = (byte) (w >>> 8);
        b[19] = (byte) w;
        b[20] = (byte) (h >>> 24);
        b[21] = (byte) (h >>> 16);
        b[22] = (byte) (h >>> 8);
        b[23] = (byte) h;
        return b;
    }
}
