package org.safeguardingreport.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.safeguardingreport.pipeline.DashboardExport;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "dashboard", mixinStandardHelpOptions = true,
        description = {"Write the year's dashboard as a workbook laid out like Appendix 4 (one sheet each for the monthly, "
                + "quarterly and annual measures), with the figures data/ already has; or, for FILE.csv, as the long "
                + "CSV form import-data reads."})
final class DashboardCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BUNDLE", description = "the bundle folder")
    Path bundle;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.xlsx", required = true,
            description = "the workbook to write (.xlsx), or a CSV file (.csv)")
    Path output;

    @Option(names = "--force", description = "replace FILE if it exists (it may hold figures not yet imported)")
    boolean force;

    @Override
    public Integer call() throws IOException {
        String name = output.getFileName() == null ? "" : output.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".xlsx") && !name.endsWith(".csv")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "-o: the file must end in .xlsx (a workbook) or .csv");
        }
        PrintWriter err = spec.commandLine().getErr();
        if (Files.exists(output) && !force) {
            err.println(output + ": error: already exists; it may hold figures not yet imported");
            err.println("  hint: import it first (./build-report.sh import-data " + bundle + " " + output
                    + "), then add --force to replace it");
            err.flush();
            return ExitStatus.INPUT_ERRORS;
        }
        DashboardExport.Result r = DashboardExport.run(bundle, output);
        DiagnosticPrinter.print(r.diagnostics(), err);
        if (r.written().isEmpty()) {
            err.println("No dashboard written: fix the errors above (" + DiagnosticPrinter.counts(r.diagnostics()) + ")");
            err.flush();
            return ExitStatus.INPUT_ERRORS;
        }
        DashboardExport.Written w = r.written().get();
        PrintWriter out = spec.commandLine().getOut();
        out.println("Wrote " + output + ": the " + w.year().label() + " dashboard of " + w.provider() + ", with "
                + w.figures() + (w.figures() == 1 ? " figure" : " figures") + " from data/" + w.year().fileStem() + ".json");
        out.println("Fill in the blank " + (name.endsWith(".csv") ? "fields" : "pale yellow cells") + ", then: ./build-report.sh import-data "
                + bundle + " " + output);
        out.flush();
        return ExitStatus.OK;
    }
}
