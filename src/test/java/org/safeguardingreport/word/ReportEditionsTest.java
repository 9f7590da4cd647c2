package org.safeguardingreport.word;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguardingreport.Cli;
import org.safeguardingreport.DocxXml;
import org.safeguardingreport.TestBundle;
import org.safeguardingreport.audit.AuditEditionsTest;

/** The annual report's two editions come from its one layout, for each template. */
class ReportEditionsTest {
    @TempDir
    Path tmp;

    @Test
    void bothEditionsOfEachTemplatesReportHaveTheSameHeadingsTablesAndFigures() throws Exception {
        for (String template : List.of("dorset-2019", "somerset-2018")) {
            TestBundle b = TestBundle.on(tmp.resolve(template), template).allSections();
            Path out = tmp.resolve(template + "-out");
            Cli r = Cli.run("build", b.root.toString(), "-o", out.toString());
            assertEquals(0, r.status(), r.err());
            List<String> pdf = new ArrayList<>(AuditEditionsTest.pdfHeadings(out.resolve("annual-report.pdf")));
            // the contents page's own heading is Word's TOC Heading, outside the document's headings
            pdf.remove(1);
            List<String> word = AuditEditionsTest.wordHeadings(out.resolve("annual-report.docx"));
            assertTrue(pdf.size() > 20, template + ": " + pdf);
            assertEquals(pdf, word, template + ": the headings of both editions, by level, in order");
            assertEquals(AuditEditionsTest.pdfTables(out.resolve("annual-report.pdf")),
                    AuditEditionsTest.wordTables(out.resolve("annual-report.docx")), template + ": tables");
            String xml = DocxXml.document(out.resolve("annual-report.docx"));
            assertEquals(org.safeguardingreport.PdfText.alts(out.resolve("annual-report.pdf")).stream()
                            .filter(a -> a.contains(": ") && a.matches(".*(Q[1-4]|\\d{4}/\\d{2}).*")).count(),
                    xml.split("descr=\"", -1).length - 1, template + ": a picture in Word for each chart of the PDF");
            if (template.startsWith("somerset")) {
                String text = ReportDocxTest.paragraphText(xml);
                assertTrue(text.contains("Appendix 3") || text.contains("Evidence"), "the somerset evidence table: " + template);
            }
        }
    }

    @Test
    void bothEditionsOfTheHealthReportHaveTheSameHeadingsAndTables() throws Exception {
        List<String> inputs = new ArrayList<>(List.of("amalgamate"));
        for (String name : List.of("Alpha Community Trust", "Beta Hospitals NHS Trust")) {
            TestBundle b = new TestBundle(tmp.resolve(name.substring(0, 4))).allSections();
            b.write("report.json", TestBundle.REPORT.replace("North Wessex Community Health NHS Trust", name));
            inputs.add(b.root.toString());
        }
        Path out = tmp.resolve("health");
        inputs.addAll(List.of("-o", out.toString()));
        Cli r = Cli.run(inputs.toArray(new String[0]));
        assertEquals(0, r.status(), r.err());
        List<String> pdf = new ArrayList<>(AuditEditionsTest.pdfHeadings(out.resolve("health-annual-report.pdf")));
        pdf.remove(1);
        List<String> word = AuditEditionsTest.wordHeadings(out.resolve("health-annual-report.docx"));
        assertTrue(pdf.size() > 8, pdf.toString());
        assertEquals(pdf, word, "the health report's headings, by level, in order");
        assertEquals(AuditEditionsTest.pdfTables(out.resolve("health-annual-report.pdf")),
                AuditEditionsTest.wordTables(out.resolve("health-annual-report.docx")), "its tables");
        String xml = DocxXml.document(out.resolve("health-annual-report.docx"));
        assertTrue(!xml.contains("<w:orient w:val=\"landscape\"/>") && !xml.contains("w:orient=\"landscape\""),
                "portrait, as its PDF");
    }
}
