package org.safeguardingreport.amalgamate;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguardingreport.pipeline.ReportBuild;

/**
 * A standard's dashboard keeps its notes: on generated providers' reports (dorset-2019), every page
 * that prints a dashboard's note also prints rows of that dashboard (its repeated head at least), so
 * that no page holds a note alone, as page 10 of the sample did.
 */
class DashboardNoteTest {
    private static final String NOTE = "Ratings on the unrounded figures";

    @TempDir
    Path tmp;

    @Test
    void noPageHoldsADashboardsNoteWithoutItsRows() throws Exception {
        int notes = 0;
        for (int seed : new int[] {2, 6}) {
            List<Path> providers = Generated.providers(tmp.resolve("s" + seed), 3, seed);
            for (Path provider : providers) {
                var built = assertInstanceOf(ReportBuild.Built.class, ReportBuild.runWithoutWord(provider, false),
                        provider.toString());
                try (PDDocument pdf = Loader.loadPDF(built.files().get(ReportBuild.REPORT_PDF))) {
                    PDFTextStripper text = new PDFTextStripper();
                    for (int p = 1; p <= pdf.getNumberOfPages(); p++) {
                        text.setStartPage(p);
                        text.setEndPage(p);
                        String page = text.getText(pdf);
                        if (page.contains(NOTE)) {
                            notes++;
                            assertTrue(page.contains("Measure and thresholds"),
                                    "seed " + seed + ", " + provider.getFileName() + ", page " + p
                                            + ": a dashboard's note without its rows:\n" + page);
                        }
                    }
                }
            }
        }
        assertTrue(notes > 10, "the reports had dashboards with notes (" + notes + ")");
    }
}
