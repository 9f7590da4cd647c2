package org.safeguardingreport.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguardingreport.pdf.PageVersions;
import org.safeguardingreport.pipeline.ReportBuild;

/**
 * The preview's quick pages (untagged, charts as pictures, proven after they are saved) are the
 * report's pages: on random layouts, the same page count, the same proven page for every marked
 * block with the same words, the same citations, and the same text on every page but the charts'.
 */
class PreviewPagesTest {
    private static final long FIRST_SEED = Long.getLong("preview.seed", 4100);
    private static final int LAYOUTS = Integer.getInteger("preview.layouts", 4);

    @TempDir
    Path tmp;

    @Test
    void thePreviewShowsTheReportsPagesAndCitesTheSamePages() throws Exception {
        int charts = 0;
        for (long seed = FIRST_SEED; seed < FIRST_SEED + LAYOUTS; seed++) {
            LayoutGenerator.Generated g = LayoutGenerator.write(tmp.resolve("s" + seed), seed);
            var report = assertInstanceOf(ReportBuild.Built.class, ReportBuild.runWithoutWord(g.bundle().root, false));
            List<String> seen = new ArrayList<>();
            byte[][] early = new byte[1][];
            var preview = assertInstanceOf(ReportBuild.Built.class, ReportBuild.preview(g.bundle().root, new ReportBuild.Watch() {
                @Override
                public void stage(String stage) {
                    seen.add(stage);
                }

                @Override
                public void pages(byte[] pdf, List<String> versions) throws java.io.IOException {
                    early[0] = pdf;
                    try (PDDocument d = Loader.loadPDF(pdf)) {
                        assertEquals(d.getNumberOfPages(), versions.size());
                        assertEquals(versions, PageVersions.of(d), "the versions are those of the saved pages");
                    }
                }
            }));
            String replay = "seed " + seed + " (replay with -Dpreview.seed=" + seed + " -Dpreview.layouts=1)";
            assertEquals(report.report().pages(), preview.report().pages(), replay);
            assertEquals(report.report().evidence(), preview.report().evidence(), replay);
            assertEquals(report.report().citations(), preview.report().citations(), replay);
            assertEquals(new String(report.files().get(ReportBuild.BUILD_JSON)),
                    new String(preview.files().get(ReportBuild.BUILD_JSON)), replay);
            assertTrue(seen.indexOf("reading the bundle") == 0 && seen.contains("laying out the pages"), seen.toString());
            assertTrue(java.util.Arrays.equals(early[0], preview.files().get(ReportBuild.REPORT_PDF)),
                    "the pages shown first are the PDF the build ends with");
            try (PDDocument a = Loader.loadPDF(report.files().get(ReportBuild.REPORT_PDF));
                 PDDocument b = Loader.loadPDF(preview.files().get(ReportBuild.REPORT_PDF))) {
                assertNotEquals(null, a.getDocumentCatalog().getStructureTreeRoot(), "the report is tagged");
                assertEquals(null, b.getDocumentCatalog().getStructureTreeRoot(), "the preview is not");
                PDFTextStripper t = new PDFTextStripper();
                for (int p = 1; p <= a.getNumberOfPages(); p++) {
                    t.setStartPage(p);
                    t.setEndPage(p);
                    String full = t.getText(a);
                    String quick = t.getText(b);
                    if (b.getPage(p - 1).getResources().getXObjectNames().iterator().hasNext()) {
                        // a page with a picture: a chart's words are drawn into its picture, the rest is the same
                        assertTrue(inOrder(quick.lines().toList(), full.lines().toList()), replay + ", page " + p);
                        charts++;
                    } else {
                        assertEquals(full, quick, replay + ", page " + p);
                    }
                }
            }
        }
        assertTrue(charts > 0, "some pages had charts");
    }

    /** Whether every line of {@code part} is a line of {@code whole}, in the same order. */
    private static boolean inOrder(List<String> part, List<String> whole) {
        int i = 0;
        for (String line : whole) {
            if (i < part.size() && part.get(i).equals(line)) {
                i++;
            }
        }
        return i == part.size();
    }
}
