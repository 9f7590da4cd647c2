package org.safeguardingreport.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.safeguardingreport.pipeline.DataImport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import-data", mixinStandardHelpOptions = true,
        description = {"Read a dashboard workbook (from the dashboard command) or a CSV file of figures into "
                + "data/<year>.json. A figure in the file replaces the data's; empty cells leave it as it was.",
                "Every problem is named by its sheet and cell (FILE:Sheet!F14) or line; nothing is written unless "
                        + "the whole file is clean."})
final class ImportDataCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BUNDLE", description = "the bundle folder")
    Path bundle;

    @Parameters(index = "1", paramLabel = "FILE", description = "the workbook (.xlsx) or CSV file (.csv) to import")
    Path file;

    @Override
    public Integer call() throws IOException {
        DataImport.Result r = DataImport.run(bundle, file, file.toString());
        PrintWriter err = spec.commandLine().getErr();
        DiagnosticPrinter.print(r.diagnostics(), err);
        if (r.written().isEmpty()) {
            err.println("Nothing imported: " + DiagnosticPrinter.counts(r.diagnostics())
                    + "; the data files are as they were");
            err.flush();
            return ExitStatus.INPUT_ERRORS;
        }
        DataImport.Written w = r.written().get();
        PrintWriter out = spec.commandLine().getOut();
        out.println((w.rewritten() ? "Wrote " : "Kept ") + bundle.resolve(w.file()) + " (" + w.year().label() + "): "
                + w.added() + " figures added, " + w.changed() + " changed, " + w.unchanged() + " the same"
                + (w.rewritten() ? "" : "; nothing to change"));
        out.println("Next: ./build-report.sh check " + bundle);
        out.flush();
        return ExitStatus.OK;
    }
}
