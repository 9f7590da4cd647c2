package org.safeguardingreport.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguardingreport.TestBundle;
import org.safeguardingreport.pipeline.ReportBuild;

/** The preview's build is the build command's pipeline, only without the Word editions. */
class PreviewBuildTest {

    @Test
    void withoutWordTheSameReportIsBuiltAndNoWordFileIsMade(@TempDir Path dir) throws Exception {
        TestBundle b = new TestBundle(dir);
        var full = assertInstanceOf(ReportBuild.Built.class, ReportBuild.run(b.root, false, null));
        var quick = assertInstanceOf(ReportBuild.Built.class, ReportBuild.runWithoutWord(b.root, false));
        assertEquals(List.of(ReportBuild.REPORT_PDF, ReportBuild.REPORT_DOCX, ReportBuild.AUDIT_PDF, ReportBuild.AUDIT_DOCX,
                ReportBuild.BUILD_JSON), List.copyOf(full.files().keySet()));
        assertEquals(List.of(ReportBuild.REPORT_PDF, ReportBuild.AUDIT_PDF, ReportBuild.BUILD_JSON),
                List.copyOf(quick.files().keySet()));
        assertEquals(full.report().pages(), quick.report().pages());
        assertEquals(full.report().citations(), quick.report().citations());
        assertEquals(new String(full.files().get(ReportBuild.BUILD_JSON)), new String(quick.files().get(ReportBuild.BUILD_JSON)));
    }
}
