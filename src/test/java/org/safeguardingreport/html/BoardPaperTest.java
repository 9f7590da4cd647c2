package org.safeguardingreport.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguardingreport.Cli;
import org.safeguardingreport.DocxXml;
import org.safeguardingreport.PdfText;
import org.safeguardingreport.TestBundle;
import org.safeguardingreport.word.ReportDocxTest;

/**
 * What makes the report a board paper of the Trust's own, in both editions: the logo on the cover,
 * the template's local names, the standards' guidance in a draft only, blank lines to sign a draft,
 * and the seed's numbering of criteria.
 */
class BoardPaperTest {
    @TempDir
    Path tmp;

    static final String LOGO_ALT = "North Wessex Community Health NHS Trust logo";

    private TestBundle bundle(boolean signed) throws Exception {
        return bundle(signed, "dorset-2019");
    }

    private TestBundle bundle(boolean signed, String template) throws Exception {
        Path copy = TestBundle.copyTemplate(tmp, template, "wessex-2024");
        Files.writeString(copy.resolve("template.json"), Files.readString(copy.resolve("template.json")).replace(
                "\"thresholds\"", "\"localNames\": { \"CCG\": \"ICB\", \"SPB\": \"Safeguarding Children Partnership\" },\n"
                        + "  \"thresholds\"").replaceFirst("\"thresholds\"", "\"thresholds\""));
        TestBundle b = TestBundle.on(tmp, template).allSections();
        String report = TestBundle.REPORT.replace("\"dorset-2019\"", "\"wessex-2024\"");
        if (!signed) {
            report = report.replaceAll("(?s),\\s*\"signOff\": \\{[^}]*\\}", "");
        }
        report = report.replaceFirst("\\{", "{\n  \"logo\": { \"file\": \"images/logo.png\", \"alt\": \"" + LOGO_ALT + "\" },");
        b.write("report.json", report);
        b.write("images/logo.png", org.safeguardingreport.pdf.PdfWriterTest.png(300, 120));
        return b;
    }

    private static String pdfText(Path pdf) throws Exception {
        return String.join(" ", PdfText.pages(pdf)).replaceAll("\\s+", " ");
    }

    @Test
    void aDraftCarriesTheLogoLocalNamesGuidanceAndLinesToSign() throws Exception {
        TestBundle b = bundle(false);
        Path out = tmp.resolve("draft");
        Cli r = Cli.run("build", b.root.toString(), "-o", out.toString());
        assertEquals(0, r.status(), r.err());
        String pdf = pdfText(out.resolve("annual-report.pdf"));
        String word = ReportDocxTest.paragraphText(DocxXml.document(out.resolve("annual-report.docx")));
        for (String text : List.of(pdf, word)) {
            // standard 1, criterion 3 of the seed: "... submitted to the CCG" in the built-in template
            assertTrue(text.contains("submitted to the ICB"), "the template's local name");
            assertFalse(text.contains("submitted to the CCG"), "and not the seed's");
            assertTrue(text.contains("Guidance for this draft") && text.contains("Standard 1 can be met by:"), "guidance in a draft");
            assertTrue(text.contains("Signature") && text.contains("Approved by (name)"), "lines to sign");
        }
        assertTrue(PdfText.alts(out.resolve("annual-report.pdf")).contains(LOGO_ALT), "the logo, with its alt text, in the PDF");
        assertTrue(DocxXml.document(out.resolve("annual-report.docx")).contains("descr=\"" + LOGO_ALT + "\""), "and in Word");
        // the seed's standard 2 has an unnumbered criterion between 1 and 2: its criteria are 1, -, 2, 3
        assertTrue(pdf.contains("1 The Provider will use the standard Dorset wide"), pdf);
        assertTrue(pdf.contains("2 The Provider will have appropriate standard operational procedures"), pdf);
        assertTrue(pdf.contains("3 The Provider will ensure all staff are aware of all of the above"), pdf);
    }

    /** Every question of the template answered, as a final report needs. */
    private static String everyQuestionAnswered() throws Exception {
        var form = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                Path.of(System.getProperty("report.home", "."), "report-templates", "dorset-2019", "audit-questions.json").toFile());
        StringBuilder json = new StringBuilder("{");
        for (var standard : form.get("standards")) {
            for (int q = 1; q <= standard.get("questions").size(); q++) {
                json.append(json.length() > 1 ? ",\n" : "\n").append("  \"").append(standard.get("standard").asInt()).append('.')
                        .append(q).append("\": { \"answer\": \"yes\", \"comment\": \"Done.\" }");
            }
        }
        return json.append("\n}\n").toString();
    }

    @Test
    void somersetsLayoutCarriesThemToo() throws Exception {
        TestBundle b = bundle(false, "somerset-2018");
        Path out = tmp.resolve("somerset");
        Cli r = Cli.run("build", b.root.toString(), "-o", out.toString());
        assertEquals(0, r.status(), r.err());
        String pdf = pdfText(out.resolve("annual-report.pdf"));
        String word = ReportDocxTest.paragraphText(DocxXml.document(out.resolve("annual-report.docx")));
        for (String text : List.of(pdf, word)) {
            assertTrue(text.contains("Clinical Commissioning Group (ICB)"), "the template's local name");
            assertTrue(text.contains("Guidance for this draft") && text.contains("Standard 1 can be met by:"), "guidance in a draft");
            assertTrue(text.contains("Signature") && text.contains("Approved by (name)"), "lines to sign");
        }
        assertTrue(PdfText.alts(out.resolve("annual-report.pdf")).contains(LOGO_ALT), "the logo in the PDF");
        assertTrue(DocxXml.document(out.resolve("annual-report.docx")).contains("descr=\"" + LOGO_ALT + "\""), "and in Word");
    }

    @Test
    void aFinalReportHasNeitherGuidanceNorBlankLines() throws Exception {
        TestBundle b = bundle(true);
        b.write("audit.json", everyQuestionAnswered());
        Path out = tmp.resolve("final");
        Cli r = Cli.run("build", b.root.toString(), "--final", "-o", out.toString());
        assertEquals(0, r.status(), r.err());
        String pdf = pdfText(out.resolve("annual-report.pdf"));
        String word = ReportDocxTest.paragraphText(DocxXml.document(out.resolve("annual-report.docx")));
        for (String text : List.of(pdf, word)) {
            assertFalse(text.contains("Guidance for this draft"), "no guidance in a final report");
            assertFalse(text.contains("Approved by (name)"), "no blank lines");
            assertTrue(text.contains("Dr A. Jones"), "the sign-off");
        }
    }
}
