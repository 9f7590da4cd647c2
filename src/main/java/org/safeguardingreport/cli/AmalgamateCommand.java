package org.safeguardingreport.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.safeguardingreport.amalgamate.Amalgamation;
import org.safeguardingreport.diag.Diagnostic;
import org.safeguardingreport.pipeline.HealthReportBuild;
import org.safeguardingreport.pipeline.Publish;
import org.safeguardingreport.text.SourceText;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "amalgamate", mixinStandardHelpOptions = true,
        description = "Combine many providers' reports (bundle folders, folders of bundles, or final PDFs that carry their "
                + "source data) into one health annual report: health-annual-report.pdf and .docx, amalgamation.json.")
final class AmalgamateCommand implements Callable<Integer> {
    static final String PDF = HealthReportBuild.PDF;
    static final String DOCX = HealthReportBuild.DOCX;
    static final String JSON = HealthReportBuild.JSON;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "bundle folders, folders of bundles, final PDFs")
    List<Path> inputs;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "OUT", description = "output folder")
    Path out;

    @Option(names = "--final", description = "every provider's report must pass the final rules (signed off, no gaps), "
            + "and the ICB's cover.json must be complete, its signOff included")
    boolean finalBuild;

    @Option(names = "--narrative", paramLabel = "DIR", description = "the commissioner's introduction.md and conclusion.md, "
            + "and cover.json: the ICB's cover sheet (meeting, date, agenda item, purpose, recommendation, author, executive "
            + "lead) and sign-off")
    Path narrative;

    @Option(names = "--skip-invalid", description = "leave out providers with errors, failed signatures or another "
            + "year (they are named in the report, with the reason)")
    boolean skipInvalid;

    @Option(names = "--year", paramLabel = "YYYY/YY", description = "the reporting year to amalgamate (default: the year "
            + "most providers report); providers of other years are errors")
    String year;

    @Option(names = "--last-year", paramLabel = "INPUT", description = "last year's reports (bundle folders, folders of "
            + "bundles, final PDFs; repeatable): each provider's year-end figures, assurance and priorities are compared "
            + "with this year's")
    List<Path> lastYear = new java.util.ArrayList<>();

    @Option(names = "--rules", paramLabel = "FILE", description = "the assurance rule (default: "
            + "report-templates/amalgamation/assurance.json, a copy in the current folder first)")
    Path rules;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        org.safeguardingreport.model.ReportingYear wanted = null;
        if (year != null) {
            wanted = org.safeguardingreport.model.ReportingYear.parseLabel(year).orElseThrow(() ->
                    new picocli.CommandLine.ParameterException(spec.commandLine(),
                            "--year takes a financial year written 2023/24, not \"" + year + "\""));
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "-o " + out + ": this is a file; the output "
                    + "must be a folder, which will hold " + PDF + ", " + DOCX + " and " + JSON);
        }
        List<String> missing = java.util.stream.Stream.concat(java.util.stream.Stream.concat(inputs.stream(), lastYear.stream()),
                        rules == null ? java.util.stream.Stream.empty() : java.util.stream.Stream.of(rules))
                .filter(p -> !Files.exists(p)).map(p -> p + ": error: no such file or folder").toList();
        if (!missing.isEmpty()) {
            missing.forEach(err::println);
            err.println("amalgamation stopped: nothing was written");
            return ExitStatus.INPUT_ERRORS;
        }
        HealthReportBuild.Outcome outcome = HealthReportBuild.run(inputs,
                new HealthReportBuild.Options(finalBuild, narrative, skipInvalid, wanted, lastYear, rules), progress(err));
        Amalgamation.Result r = outcome.result();
        for (Amalgamation.Skipped s : r.skipped()) {
            for (Diagnostic d : s.errors()) {
                err.println(s.shown() + (d.file().isEmpty() ? "" : "/") + d.format());
            }
        }
        for (Amalgamation.Provider p : r.providers()) {
            p.notes().forEach(n -> err.println(p.shown() + ": warning: " + n));
        }
        Amalgamation.Result last = outcome instanceof HealthReportBuild.Refused x ? x.lastYear()
                : ((HealthReportBuild.Built) outcome).lastYear();
        if (last != null) {
            for (Amalgamation.Skipped s : last.skipped()) {
                for (Diagnostic d : s.errors()) {
                    err.println(s.shown() + (d.file().isEmpty() ? "" : "/") + d.format());
                }
            }
        }
        DiagnosticPrinter.print(outcome.diags(), err);
        if (outcome instanceof HealthReportBuild.Refused) {
            r.errors().forEach(e -> err.println("error: " + e));
            if (last != null) {
                last.errors().forEach(e -> err.println("error: last year: " + e));
            }
            err.println("amalgamation stopped: nothing was written"
                    + (r.skipped().isEmpty() || skipInvalid ? "" : " (--skip-invalid leaves out providers with errors)"));
            return ExitStatus.INPUT_ERRORS;
        }
        Map<String, byte[]> files = ((HealthReportBuild.Built) outcome).files();
        try {
            Publish.publish(out, files);
        } catch (IOException e) {
            err.println(out + ": error: cannot write the outputs: " + SourceText.describe(e));
            return ExitStatus.INPUT_ERRORS;
        }
        PrintWriter o = spec.commandLine().getOut();
        int n = r.providers().size();
        o.println("Amalgamated " + n + (n == 1 ? " provider's report" : " providers' reports") + " for " + r.year().label()
                + (r.skipped().isEmpty() ? "" : "; left out " + r.skipped().size() + ", named in the report")
                + (last == null ? "" : "; compared with " + last.providers().size() + " of last year's ("
                + r.year().previous().label() + ")"));
        files.keySet().forEach(f -> o.println("  " + out.resolve(f)));
        return ExitStatus.OK;
    }

    /** A line redrawn in place on a terminal; plain lines (every tenth of the way) when not. */
    private static Amalgamation.Progress progress(PrintWriter err) {
        boolean terminal = System.console() != null;
        return (done, total, name) -> {
            if (terminal) {
                int width = 30;
                int filled = width * done / total;
                err.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/" + total + " providers checked");
                if (done == total) {
                    err.println();
                }
                err.flush();
            } else if (done == total || done % Math.max(1, total / 10) == 0) {
                err.println("checked " + done + " of " + total + " providers");
            }
        };
    }

}
