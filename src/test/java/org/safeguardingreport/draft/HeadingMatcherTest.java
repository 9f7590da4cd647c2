package org.safeguardingreport.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.safeguardingreport.diag.Diagnostics;
import org.safeguardingreport.diag.Pos;
import org.safeguardingreport.model.Template;
import org.safeguardingreport.template.TemplateLoader;

class HeadingMatcherTest {
    static Template dorset;
    static HeadingMatcher matcher;

    @BeforeAll
    static void load() {
        dorset = new TemplateLoader(java.util.List.of(java.nio.file.Path.of(System.getProperty("report.home", "."), "report-templates")))
                .load("dorset-2019", "test", Pos.FILE, new Diagnostics()).orElseThrow();
        matcher = new HeadingMatcher(dorset);
    }

    private static String section(String heading) {
        return matcher.match(heading, Set.of()).map(HeadingMatcher.Match::sectionId).orElse(null);
    }

    @Test
    void numberingCasePunctuationAndSmallWordingChangesAreAllowed() {
        assertEquals("executive-summary", section("1. Executive Summary of the Report"));
        assertEquals("executive-summary", section("EXECUTIVE SUMMARY"));
        assertEquals("executive-summary", section("1) Executive summary"));
        assertEquals("legal-regulatory", section("3. Legal and Regulatory Implications"));
        assertEquals("resources", section("Resource implications"));
        assertEquals("equality-diversity", section("Equality & Diversity"));
        assertEquals("priorities", section("Priorities for next year"));
        assertEquals("priorities", section("Priorities"));
        assertEquals("previous-reports", section("References to previous Reports"));
        assertEquals("freedom-of-information", section("Freedom of Infromation"), "a typo");
        assertEquals("conclusion", section("iv. Conclusion"));
    }

    @Test
    void aStandardIsFoundByItsNumberOrItsTitle() {
        assertEquals("standard-3", section("Standard 3 – Appropriate Training, Skills and Competences"));
        assertEquals("standard-3", section("Standard 3: Training"));
        assertEquals("standard-10", section("STANDARD 10"));
        assertEquals("standard-4", section("Effective Supervision, Reflective Practice and Case Consultation"));
    }

    @Test
    void unrelatedHeadingsMatchNothingAndTakenSectionsAreNotMatchedTwice() {
        assertEquals(null, section("Our wider work"));
        assertEquals(null, section("Training strategy and matrix"));
        assertEquals(null, section("Dashboard 2023/24"));
        assertEquals(Optional.empty(), matcher.match("Risk", Set.of("risk")).filter(m -> m.sectionId().equals("risk")));
        assertTrue(matcher.match("Risk", Set.of("risk")).isEmpty());
    }

    @Test
    void theLayoutsOwnHeadingsAndTablesAreRecognisedFromTheLayoutFile() {
        LayoutParts layout = new LayoutParts(dorset);
        assertEquals("Dashboard $report.year", layout.heading("Dashboard 2024/25"));
        assertEquals("Board cover sheet", layout.heading("Board cover sheet"));
        assertEquals("Sign-off", layout.heading("Sign-off"));
        assertEquals(null, layout.heading("Dashboard of our own"), "a heading that merely starts alike is the author's");
        assertTrue(layout.table(java.util.List.of("No.", "Criteria", "Report")));
        assertTrue(!layout.table(java.util.List.of("Level", "Q4")));
        assertTrue(layout.style("Statement") && layout.style("Guidance") && layout.style("Missing") && layout.style("TOC1"));
        assertTrue(!layout.style("Caption") && !layout.style("Normal"), "styles authors use too are not the layout's");
    }
}
