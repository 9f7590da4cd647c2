package org.safeguardingreport.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguardingreport.Cli;
import org.safeguardingreport.PdfText;
import org.safeguardingreport.pdf.SourceFiles;

/**
 * The page index a final PDF carries, as the commissioner's amalgamation reads it: every page it
 * gives is checked against that PDF's own text before the health report may cite it.
 */
class ProvenIndexTest {
    static final Path SAMPLE = Path.of(System.getProperty("report.home", "."), "content", "north-wessex-2023-24");

    @TempDir
    static Path tmp;
    static Path pdf;
    static PageIndex carried;

    @BeforeAll
    static void buildFinal() throws Exception {
        Cli r = Cli.run("build", SAMPLE.toString(), "--final", "-o", tmp.resolve("out").toString());
        assertEquals(0, r.status(), r.err());
        pdf = tmp.resolve("out/annual-report.pdf");
        carried = PageIndex.fromJson(SourceFiles.extract(pdf).get(PageIndex.FILE)).orElseThrow();
    }

    @Test
    void theIndexOfAFinalPdfHoldsUpAgainstItsText() throws Exception {
        PageIndex.Proven p = carried.provenAgainst(pdf, anchor -> null);
        assertEquals(List.of(), p.problems());
        assertEquals(carried.sections(), p.index().sections());
        assertEquals(carried.measures(), p.index().measures());
        assertEquals(23, carried.sections().size(), "every section of the sample, its two appendices included");
        assertTrue(carried.words().get("measure-3b-level-3").startsWith("Level 3"), carried.words().toString());
        List<String> pages = PdfText.pages(pdf);
        int level3 = carried.measures().get("3b-level-3");
        assertTrue(pages.get(level3 - 1).contains(carried.words().get("measure-3b-level-3")), "independently read back");
    }

    @Test
    void aPageOffByOneIsMovedToTheTextAndAPageOfNothingIsDropped() throws Exception {
        Map<String, Integer> measures = new LinkedHashMap<>(carried.measures());
        int level3 = measures.get("3b-level-3");
        measures.put("3b-level-3", level3 - 1);
        Map<String, Integer> sections = new LinkedHashMap<>(carried.sections());
        sections.put("standard-4", 1);
        Map<String, String> words = new LinkedHashMap<>(carried.words());
        words.put("sec-standard-4", "Words this report never prints");
        PageIndex altered = new PageIndex(carried.pages(), sections, measures, carried.questions(), words);
        PageIndex.Proven p = altered.provenAgainst(pdf, anchor -> null);
        assertEquals(level3, p.index().measure("3b-level-3").orElseThrow(), "moved back to where its row is drawn");
        assertFalse(p.index().standard(4).isPresent(), "a page that does not hold its text is not cited at all");
        assertEquals(List.of("its page index puts \"Words this report never prints\" on page 1, but its first words are on "
                + "no page of the PDF; no page is given for it"), p.problems());
    }

    @Test
    void anIndexWithoutWordsIsCheckedAgainstTheHeadingsAndLabelsItShouldShow() throws Exception {
        Map<String, Integer> sections = new LinkedHashMap<>(carried.sections());
        int s3 = sections.get("standard-3");
        sections.put("standard-3", s3 - 1);
        PageIndex old = new PageIndex(carried.pages(), sections, carried.measures(), carried.questions(), Map.of());
        PageIndex.Proven p = old.provenAgainst(pdf,
                anchor -> anchor.equals("sec-standard-3") ? "Standard 3 \u2013 Appropriate Training, Skills and Competences" : null);
        assertEquals(s3, p.index().standard(3).orElseThrow());
        assertEquals(List.of(), p.problems());
        assertEquals(carried.measures(), p.index().measures(), "measures with no words to check keep their pages");
    }
}
