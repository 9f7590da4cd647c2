package org.safeguardingreport.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguardingreport.Cli;
import org.safeguardingreport.DocxXml;
import org.safeguardingreport.PdfText;
import org.safeguardingreport.TestBundle;

/** A Trust names the services it does not run: their rows say so, and they are neither gaps nor warnings. */
class NotProvidedTest {
    @TempDir
    Path tmp;

    static final String SUPERVISION = """
            {
              "reportingYear": "2023/24",
              "quarters": {
                "Q1": { "3b-level-3": { "numerator": 412, "denominator": 455 },
                        "4a-health-visiting": { "numerator": 50, "denominator": 52 } },
                "Q4": { "3b-level-3": { "numerator": 431, "denominator": 460 } }
              },
              "annual": { "1c-executive-lead": true }
            }
            """;

    private static String report(String services) {
        return TestBundle.REPORT.replace("\"reportingYear\": \"2023/24\",",
                "\"reportingYear\": \"2023/24\",\n  \"servicesNotProvided\": " + services + ",");
    }

    @Test
    void aServiceNotProvidedSaysSoAndIsNeitherAGapNorAWarning() throws Exception {
        TestBundle b = new TestBundle(tmp).allSections();
        b.write("report.json", report("[\"emergency-department\", \"maternity\"]"));
        b.write("data/2023-24.json", SUPERVISION);
        Path out = tmp.resolve("out");
        Cli r = Cli.run("build", b.root.toString(), "-o", out.toString());
        assertEquals(0, r.status(), r.err());
        assertFalse(r.err().toLowerCase().contains("maternity") || r.err().contains("emergency"), r.err());

        String pdf = String.join("\n", PdfText.pages(out.resolve("annual-report.pdf"))).replaceAll("\\s+", " ");
        String word = org.safeguardingreport.word.ReportDocxTest.paragraphText(DocxXml.document(out.resolve("annual-report.docx")));
        for (String text : new String[] {pdf, word}) {
            // each row, from its label to the next row's (the PDF's text may read a label's two lines around the cell)
            int ed = text.indexOf("Supervision: emergency");
            int mat = text.indexOf("Supervision: maternity", ed);
            assertTrue(ed >= 0 && mat > ed, text);
            assertTrue(text.substring(ed, mat).contains("not provided by the Trust"), text.substring(ed, mat));
            assertTrue(text.substring(mat, mat + 80).contains("not provided by the Trust"), text.substring(mat, mat + 80));
            int notReported = text.indexOf("Not reported in 2023/24: ", text.indexOf("Supervision: maternity"));
            String line = text.substring(notReported, text.indexOf('.', notReported));
            assertTrue(line.contains("Supervision: CAMHS"), "a service the Trust runs and did not report is a gap: " + line);
            assertFalse(line.contains("emergency department") || line.contains("maternity"), line);
        }
    }

    @Test
    void anUnknownServiceIsAnErrorWithTheNearestName() {
        TestBundle b = new TestBundle(tmp);
        b.write("report.json", report("[\"maternty\"]"));
        Cli r = Cli.run("check", b.root.toString());
        assertEquals(1, r.status(), r.err());
        assertTrue(r.line("report.json:").contains("unknown service \"maternty\""), r.err());
        assertTrue(r.hintOf("report.json:").contains("maternity"), r.err());
    }

    @Test
    void figuresForAServiceNotProvidedAreShownWithAWarning() {
        TestBundle b = new TestBundle(tmp);
        b.write("report.json", report("[\"health-visiting\"]"));
        b.write("data/2023-24.json", SUPERVISION);
        Cli r = Cli.run("check", b.root.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.line("data/2023-24.json").contains("does not provide health-visiting, yet this file has figures for "
                + "4a-health-visiting"), r.err());
    }
}
