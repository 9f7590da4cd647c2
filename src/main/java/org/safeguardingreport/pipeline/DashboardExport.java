package org.safeguardingreport.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import org.safeguardingreport.bundle.BundleLoader;
import org.safeguardingreport.diag.Diagnostics;
import org.safeguardingreport.model.Bundle;
import org.safeguardingreport.model.DataYear;
import org.safeguardingreport.model.ReportingYear;
import org.safeguardingreport.spreadsheet.CsvFigures;
import org.safeguardingreport.spreadsheet.DashboardWorkbook;

/**
 * The {@code dashboard} command's work: the bundle's report year as a workbook to fill in (.xlsx), or
 * as the long CSV form (.csv), written whole or not at all.
 */
public final class DashboardExport {
    private DashboardExport() {
    }

    /** What was written: the year, and how many figures the data already had. */
    public record Written(ReportingYear year, int figures, String provider) {
    }

    /** The messages, and what was written (empty when the bundle's data or report.json could not be read). */
    public record Result(Diagnostics diagnostics, Optional<Written> written) {
    }

    public static Result run(Path bundleDir, Path out) throws IOException {
        BundleLoader.Result loaded = BundleLoader.load(bundleDir);
        Diagnostics diags = new Diagnostics();
        if (loaded.bundle().isEmpty()) {
            diags.addAll(loaded.diagnostics());
            return new Result(diags, Optional.empty());
        }
        // only what the dashboard is made of matters here: the narrative may be mid-draft
        Diagnostics blocking = loaded.diagnostics().only(d -> d.isError()
                && (d.file().startsWith("data/") || d.file().equals("report.json")));
        if (blocking.hasErrors()) {
            return new Result(blocking, Optional.empty());
        }
        Bundle bundle = loaded.bundle().get();
        Optional<DataYear> year = bundle.currentYear();
        byte[] bytes = out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")
                ? CsvFigures.write(year).getBytes(StandardCharsets.UTF_8)
                : DashboardWorkbook.write(bundle);
        Publish.publishFile(out, bytes);
        int figures = year.map(y -> y.annual().size() + y.quarters().values().stream().mapToInt(m -> m.size()).sum())
                .orElse(0);
        return new Result(diags, Optional.of(new Written(bundle.meta().reportingYear(), figures,
                bundle.meta().provider().name())));
    }
}
