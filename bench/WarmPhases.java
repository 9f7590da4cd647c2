import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.safeguardingreport.audit.AuditBuilder;
import org.safeguardingreport.audit.AuditView;
import org.safeguardingreport.bundle.BundleLoader;
import org.safeguardingreport.diag.Diagnostics;
import org.safeguardingreport.model.Bundle;
import org.safeguardingreport.html.ReportBuilder;
import org.safeguardingreport.html.ReportView;

/**
 * Where a warm rebuild's time goes: each stage of `build BUNDLE` run one after another in one
 * thread, N times in one JVM, printing the median of the last half of the runs for each stage.
 * The report PDF is also timed as a layout alone (what openhtmltopdf costs before any PDF is
 * painted or saved), which is the floor of any rebuild that must know the report's pages.
 *
 *     java -cp target/safeguarding-report.jar bench/WarmPhases.java BUNDLE N
 */
public class WarmPhases {
    public static void main(String[] args) throws Exception {
        Path bundle = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        Map<String, long[]> ms = new LinkedHashMap<>();
        for (String stage : List.of("load", "view", "report layout only", "report PDF (pages proven)",
                "audit PDF and Word (one layout)", "report PDF and Word (one layout)", "total (one thread)")) {
            ms.put(stage, new long[n]);
        }
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            long t = start;
            Bundle b = BundleLoader.load(bundle).bundle().orElseThrow();
            t = lap(ms, "load", i, t);
            ReportView.Result view = ReportView.build(b, false);
            t = lap(ms, "view", i, t);
            ReportBuilder.pages(b, false, new Diagnostics()).orElseThrow();
            t = lap(ms, "report layout only", i, t);
            ReportBuilder.Report report = ReportBuilder.build(b, false, view, new Diagnostics()).orElseThrow();
            t = lap(ms, "report PDF (pages proven)", i, t);
            List<AuditView.Group> audit = AuditView.build(b, report.citations());
            AuditBuilder.editions(b, false, audit, report.pages(), true, new Diagnostics()).orElseThrow();
            t = lap(ms, "audit PDF and Word (one layout)", i, t);
            ReportBuilder.build(b, false, view, new Diagnostics(), index -> { }, laid -> {
                try {
                    org.safeguardingreport.word.XhtmlWord.write(laid, true, view.charts(), b.template().wordReference());
                } catch (org.docx4j.openpackaging.exceptions.Docx4JException e) {
                    throw new java.io.IOException(e);
                }
            }).orElseThrow();
            t = lap(ms, "report PDF and Word (one layout)", i, t);
            // the layout-only pass, and the PDF made again with the Word edition, are not part of a build
            ms.get("total (one thread)")[i] = (t - start) / 1_000_000 - ms.get("report layout only")[i]
                    - ms.get("report PDF (pages proven)")[i];
        }
        System.out.println("| stage | warm median (ms) |");
        System.out.println("|---|---:|");
        for (Map.Entry<String, long[]> e : ms.entrySet()) {
            long[] tail = java.util.Arrays.copyOfRange(e.getValue(), n / 2, n);
            java.util.Arrays.sort(tail);
            System.out.println("| " + e.getKey() + " | " + tail[tail.length / 2] + " |");
        }
    }

    private static long lap(Map<String, long[]> ms, String stage, int i, long since) {
        long now = System.nanoTime();
        ms.get(stage)[i] = (now - since) / 1_000_000;
        return now;
    }
}
