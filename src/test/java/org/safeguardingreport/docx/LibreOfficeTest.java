package org.safeguardingreport.docx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguardingreport.Cli;
import org.safeguardingreport.bundle.BundleLoader;
import org.safeguardingreport.model.Bundle;
import org.safeguardingreport.model.Quarter;
import org.safeguardingreport.render.Figures;

/** The sample's Word report as another program reads it: LibreOffice, headless (.ci/run installs it). */
class LibreOfficeTest {
    static final Path SAMPLE = Path.of(System.getProperty("report.home", "."), "content", "north-wessex-2023-24");

    @TempDir
    Path tmp;

    static boolean hasSoffice() {
        try {
            Process p = new ProcessBuilder("soffice", "--version").redirectErrorStream(true).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void theSamplesWordReportHoldsEverySectionAndFigure() throws Exception {
        assertTrue(hasSoffice(), "LibreOffice (soffice) is not installed: install libreoffice-writer-nogui "
                + "(apt-get install libreoffice-writer-nogui); .ci/run installs it");
        Cli r = Cli.run("build", SAMPLE.toString(), "-o", tmp.resolve("out").toString());
        assertEquals(0, r.status(), r.err());
        Process p = new ProcessBuilder("soffice", "-env:UserInstallation=" + tmp.resolve("profile").toUri(), "--headless",
                "--convert-to", "txt:Text (encoded):UTF8", "--outdir", tmp.toString(),
                tmp.resolve("out/annual-report.docx").toString()).redirectErrorStream(true).start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "LibreOffice finished");
        String text = Files.readString(tmp.resolve("annual-report.txt"), StandardCharsets.UTF_8).replaceAll("\\s+", " ");

        Bundle b = BundleLoader.load(SAMPLE).bundle().orElseThrow();
        for (String id : b.sections().keySet()) {
            String override = b.sections().get(id).titleOverride();
            String heading = override != null ? override : id.startsWith("appendix-")
                    ? org.safeguardingreport.render.ReportView.appendixHeading(id) : b.template().heading(id);
            assertTrue(text.contains(heading), "section heading " + heading);
        }
        assertTrue(text.contains("Appendix B: Training by staff group"));
        var year = b.currentYear().orElseThrow();
        for (String measure : List.of("3b-level-3", "3a-induction", "4g-minor-injuries", "5a-early-help-assessments")) {
            for (Quarter q : Quarter.values()) {
                String figure = Figures.format(year.quarterly(measure, q));
                assertTrue(text.contains(figure), measure + " " + q + " shows " + figure);
            }
        }
        assertTrue(text.contains("Organisation chart") || Files.size(tmp.resolve("out/annual-report.docx")) > 60_000,
                "the picture travels with the document");
        assertTrue(text.contains("No. Criteria Report") || text.contains("Criteria"), "criteria tables");
    }
}
