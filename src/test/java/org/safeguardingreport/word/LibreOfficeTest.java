package org.safeguardingreport.word;

import org.safeguardingreport.LibreOffice;
import org.safeguardingreport.html.ReportView;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguardingreport.Cli;
import org.safeguardingreport.bundle.BundleLoader;
import org.safeguardingreport.model.Bundle;

/** The sample's Word report as another program reads it: LibreOffice, headless (.ci/run installs it). */
class LibreOfficeTest {
    static final Path SAMPLE = Path.of(System.getProperty("report.home", "."), "content", "north-wessex-2023-24");

    @TempDir
    Path tmp;

    @Test
    void theSamplesWordReportHoldsEverySectionAndFigure() throws Exception {
        assertTrue(LibreOffice.available(), "LibreOffice (soffice) is not installed: install libreoffice-writer-nogui "
                + "(apt-get install libreoffice-writer-nogui); .ci/run installs it");
        Cli r = Cli.run("build", SAMPLE.toString(), "-o", tmp.resolve("out").toString());
        assertEquals(0, r.status(), r.err());
        LibreOffice.convert(tmp.resolve("out/annual-report.docx"), "txt:Text (encoded):UTF8", tmp, tmp.resolve("profile"));
        String text = Files.readString(tmp.resolve("annual-report.txt"), StandardCharsets.UTF_8).replaceAll("\\s+", " ");

        Bundle b = BundleLoader.load(SAMPLE).bundle().orElseThrow();
        for (String id : b.sections().keySet()) {
            String override = b.sections().get(id).titleOverride();
            String heading = override != null ? override : id.startsWith("appendix-")
                    ? org.safeguardingreport.html.ReportView.appendixHeading(id) : b.template().heading(id);
            assertTrue(text.contains(heading), "section heading " + heading);
        }
        assertTrue(text.contains("Appendix B: Training by staff group"));
        // the sample's figures, worked out by hand from data/2023-24.json (916 of 1,088 is 84.19%, so 84.2%)
        Map<String, List<String>> expected = Map.of(
                "3b-level-3", List.of("84.2%", "87.1%", "90.6%", "93.4%"),
                "3a-induction", List.of("92.9%", "94.2%", "94.8%", "95.8%"),
                "4g-minor-injuries", List.of("73.5%", "80.0%", "85.7%", "88.6%"),
                "5a-early-help-assessments", List.of("38", "42", "47", "53"));
        expected.forEach((measure, figures) -> figures.forEach(f ->
                assertTrue(text.contains(f), measure + " shows " + f + " in the Word edition")));
        assertTrue(text.contains("Organisation chart") || Files.size(tmp.resolve("out/annual-report.docx")) > 60_000,
                "the picture travels with the document");
        assertTrue(text.contains("No. Criteria Report") || text.contains("Criteria"), "criteria tables");
    }
}
