package org.safeguardingreport.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguardingreport.html.NarrativeHtml;
import org.safeguardingreport.model.MeasureCatalog;
import org.safeguardingreport.model.Narrative;
import org.safeguardingreport.sign.SignedFixture;

/** The page index a final PDF carries: written, and read back from a file someone sent, keeping only what can be true. */
class PageIndexTest {
    private static PageIndex read(String json) {
        return PageIndex.fromJson(json.getBytes(StandardCharsets.UTF_8)).orElseThrow();
    }

    @Test
    void whatIsWrittenIsReadBack() {
        PageIndex index = new PageIndex(48, Map.of("standard-3", 15), Map.of("3b-level-3", 17), Map.of("3.1", List.of(15, 47)),
                Map.of("sec-standard-3", "Standard 3 \u2013 Training", "measure-3b-level-3", "Level 3 training"));
        PageIndex back = PageIndex.fromJson(index.toJson()).orElseThrow();
        assertEquals(index, back);
    }

    @Test
    void onlyWholePagesWithinTheDocumentAreKept() {
        PageIndex index = read("{\"pages\": 10, \"sections\": {\"a\": 0, \"b\": 1, \"c\": 10, \"d\": 11, \"e\": 2.5, \"f\": \"3\"},"
                + " \"measures\": {\"m1\": -1, \"m2\": 10, \"m3\": 99999999999},"
                + " \"questions\": {\"1.1\": [0, 1, 10, 11], \"1.2\": [12], \"1.3\": 4, \"1.4\": [\"2\"]}}");
        assertEquals(Map.of("b", 1, "c", 10), index.sections());
        assertEquals(Map.of("m2", 10), index.measures());
        assertEquals(Map.of("1.1", List.of(1, 10)), index.questions(), "a question with no page left is dropped");
        assertEquals(10, index.pages());
    }

    @Test
    void theWordsOfEachAnchorAreTextOfAReasonableLength() {
        String longWords = "x".repeat(501);
        PageIndex index = read("{\"pages\": 3, \"words\": {\"sec-a\": \"Standard 1\", \"sec-b\": 7, \"sec-c\": \"" + longWords
                + "\", \"sec-d\": \"" + "y".repeat(500) + "\"}}");
        assertEquals(Map.of("sec-a", "Standard 1", "sec-d", "y".repeat(500)), index.words());
    }

    @Test
    void whatIsNotAnIndexIsNoIndex() {
        for (String json : List.of("[]", "{}", "{\"pages\": 0}", "{\"pages\": -2}", "{\"pages\": 100001}", "{\"pages\": \"9\"}",
                "not json")) {
            assertTrue(PageIndex.fromJson(json.getBytes(StandardCharsets.UTF_8)).isEmpty(), json);
        }
        assertEquals(100_000, read("{\"pages\": 100000}").pages(), "the largest document taken");
    }

    @Test
    void aStandardsPageIsItsSectionsAndAMeasuresItsRow() {
        PageIndex index = read("{\"pages\": 20, \"sections\": {\"standard-7\": 12}, \"measures\": {\"3b-level-3\": 9}}");
        assertEquals(12, index.standard(7).orElseThrow());
        assertTrue(index.standard(6).isEmpty());
        assertEquals(9, index.measure("3b-level-3").orElseThrow());
        assertTrue(index.measure("3b-level-2").isEmpty());
    }

    private static NarrativeHtml.Anchor evidence(String id, String... questions) {
        return new NarrativeHtml.Anchor(id, List.of(questions), Narrative.BlockKind.PARAGRAPH, "narrative/standard-3.md", 1);
    }

    @Test
    void theLayoutIsAskedAboutEverySectionEveryDashboardRowAndEveryEvidenceBlock() {
        List<String> ids = PageIndex.anchors(List.of("executive-summary", "standard-3"), List.of(evidence("ev-1", "3.1")));
        List<String> expected = new ArrayList<>(List.of("sec-executive-summary", "sec-standard-3"));
        MeasureCatalog.get().all().forEach(m -> expected.add("measure-" + m.id()));
        expected.add("ev-1");
        assertEquals(expected, ids);
        assertTrue(ids.contains("measure-3b-level-3") && ids.contains("measure-8f-enhanced-dbs"), ids.toString());
    }

    @Test
    void anIndexTakesSectionsAndRowsFromTheLayoutAndEachQuestionsPagesInOrderOnce() {
        Map<String, Integer> pages = new LinkedHashMap<>();
        pages.put("sec-executive-summary", 3);
        pages.put("measure-3b-level-3", 6);
        pages.put("sec-standard-10", 15);
        pages.put("ev-1", 7);
        pages.put("ev-2", 6);
        pages.put("ev-3", 6);
        pages.put("cover", 1);
        Map<String, String> words = Map.of("sec-executive-summary", "1. Executive Summary", "measure-3b-level-3", "",
                "ev-1", "Level 3 training reached", "cover", "Safeguarding");
        PageIndex index = PageIndex.of(new PdfWriter.Output(18, pages, words), List.of(evidence("ev-1", "3.1", "10.2"),
                evidence("ev-2", "3.1"), evidence("ev-3", "3.1", "3.7"), evidence("ev-4", "9.1")));
        assertEquals(18, index.pages());
        assertEquals(Map.of("executive-summary", 3, "standard-10", 15), index.sections());
        assertEquals(Map.of("3b-level-3", 6), index.measures());
        assertEquals(List.of("3.1", "3.7", "10.2"), List.copyOf(index.questions().keySet()), "by standard, then number");
        assertEquals(List.of(6, 7), index.questions().get("3.1"), "page 6 twice and 7, each once, in order");
        assertEquals(List.of(6), index.questions().get("3.7"));
        assertEquals(List.of(7), index.questions().get("10.2"));
        assertFalse(index.questions().containsKey("9.1"), "a block the layout did not place gives no page");
        assertEquals(Map.of("sec-executive-summary", "1. Executive Summary"), index.words(),
                "the words of sections and rows, none empty; not those of evidence or other anchors");
    }

    @TempDir
    Path tmp;

    /** The committed small final report (see SignedFixture) and the index it carries. */
    private Path fixture() throws Exception {
        return Files.write(tmp.resolve("small-final.pdf"), SignedFixture.bytes());
    }

    private static PageIndex carried(Path pdf) throws Exception {
        return PageIndex.fromJson(SourceFiles.extract(pdf).get(PageIndex.FILE)).orElseThrow();
    }

    @Test
    void theIndexAFinalPdfCarriesHoldsUpAgainstItsText() throws Exception {
        Path pdf = fixture();
        PageIndex index = carried(pdf);
        // the fixture's layout, read off its pages by hand: standard 3 and its dashboard rows on 6, standard 7 on 12
        assertEquals(6, index.standard(3).orElseThrow());
        assertEquals(12, index.standard(7).orElseThrow());
        assertEquals(6, index.measure("3b-level-2").orElseThrow());
        PageIndex.Proven p = index.provenAgainst(pdf, anchor -> "Words this report never prints");
        assertEquals(List.of(), p.problems());
        assertEquals(index, p.index(), "nothing moved, the questions and words kept");
    }

    @Test
    void aWrongPageIsMovedToItsWordsAndAPageOfWordsNowhereIsDroppedWithAProblem() throws Exception {
        Path pdf = fixture();
        PageIndex index = carried(pdf);
        Map<String, Integer> sections = new LinkedHashMap<>(index.sections());
        sections.put("standard-7", 11);
        sections.put("standard-4", 1);
        Map<String, Integer> measures = new LinkedHashMap<>(index.measures());
        measures.put("8f-enhanced-dbs", 14);
        Map<String, String> words = new LinkedHashMap<>(index.words());
        words.put("sec-standard-4", "Words this report never prints");
        PageIndex.Proven p = new PageIndex(index.pages(), sections, measures, index.questions(), words).provenAgainst(pdf, a -> null);
        assertEquals(12, p.index().standard(7).orElseThrow(), "moved to the page its heading is drawn on");
        assertEquals(13, p.index().measure("8f-enhanced-dbs").orElseThrow(), "moved to the page its row is drawn on");
        assertFalse(p.index().standard(4).isPresent());
        assertEquals(List.of("its page index puts \"Words this report never prints\" on page 1, but its first words are on "
                + "no page of the PDF; no page is given for it"), p.problems());
        assertEquals(index.sections().size() - 1, p.index().sections().size());
        assertEquals(index.measures().keySet(), p.index().measures().keySet(), "the measures stay measures");
    }

    @Test
    void withoutRecordedWordsTheExpectedTextIsCheckedAndWithoutEitherThePageIsKept() throws Exception {
        Path pdf = fixture();
        PageIndex index = carried(pdf);
        Map<String, Integer> sections = new LinkedHashMap<>(index.sections());
        sections.put("standard-7", 11);
        sections.put("standard-9", 2);
        Map<String, Integer> measures = new LinkedHashMap<>(index.measures());
        measures.put("3b-level-3", 7);
        PageIndex bare = new PageIndex(index.pages(), sections, measures, index.questions(), Map.of());
        PageIndex.Proven p = bare.provenAgainst(pdf, anchor -> switch (anchor) {
            case "sec-standard-7" -> "Standard 7 \u2013 Engaging in Serious Practice Reviews (SPR)";
            case "measure-3b-level-3" -> "Level 3 training";
            case "sec-standard-9" -> " ";
            default -> null;
        });
        assertEquals(List.of(), p.problems());
        assertEquals(12, p.index().standard(7).orElseThrow(), "checked against its heading and moved");
        assertEquals(6, p.index().measure("3b-level-3").orElseThrow(), "checked against its label and moved");
        assertEquals(2, p.index().standard(9).orElseThrow(), "blank expected text: nothing to check, the page is kept");
        assertEquals(15, p.index().standard(10).orElseThrow(), "no expected text: kept");
        assertEquals(index.questions(), p.index().questions());
        assertEquals(index.pages(), p.index().pages());
    }
}
