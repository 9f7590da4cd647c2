package org.safeguardingreport.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

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
}
