package org.safeguardingreport.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.safeguardingreport.amalgamate.Amalgamation;
import org.safeguardingreport.amalgamate.HealthReport;
import org.safeguardingreport.diag.Diagnostic;
import org.safeguardingreport.diag.Diagnostics;
import org.safeguardingreport.json.JsonWriter;
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
    static final String PDF = "health-annual-report.pdf";
    static final String DOCX = "health-annual-report.docx";
    static final String JSON = "amalgamation.json";

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "bundle folders, folders of bundles, final PDFs")
    List<Path> inputs;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "OUT", description = "output folder")
    Path out;

    @Option(names = "--final", description = "every provider's report must pass the final rules (signed off, no gaps)")
    boolean finalBuild;

    @Option(names = "--narrative", paramLabel = "DIR", description = "the commissioner's introduction.md and conclusion.md")
    Path narrative;

    @Option(names = "--skip-invalid", description = "leave out providers with errors, failed signatures or another "
            + "year (they are named in the report, with the reason)")
    boolean skipInvalid;

    @Option(names = "--year", paramLabel = "YYYY/YY", description = "the reporting year to amalgamate (default: the year "
            + "most providers report); providers of other years are errors")
    String year;

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
        List<String> missing = inputs.stream().filter(p -> !Files.exists(p)).map(p -> p + ": error: no such file or folder")
                .toList();
        if (!missing.isEmpty()) {
            missing.forEach(err::println);
            err.println("amalgamation stopped: nothing was written");
            return ExitStatus.INPUT_ERRORS;
        }
        {
            Amalgamation.Result r = Amalgamation.read(Amalgamation.discover(inputs), finalBuild, skipInvalid,
                    wanted, progress(err));
            for (Amalgamation.Skipped s : r.skipped()) {
                for (Diagnostic d : s.errors()) {
                    err.println(s.shown() + (d.file().isEmpty() ? "" : "/") + d.format());
                }
            }
            for (Amalgamation.Provider p : r.providers()) {
                p.notes().forEach(n -> err.println(p.shown() + ": warning: " + n));
            }
            Diagnostics diags = new Diagnostics();
            HealthReport.Commissioner c = HealthReport.commissioner(narrative, diags);
            DiagnosticPrinter.print(diags, err);
            if (!r.ok() || diags.hasErrors()) {
                r.errors().forEach(e -> err.println("error: " + e));
                err.println("amalgamation stopped: nothing was written"
                        + (r.skipped().isEmpty() || skipInvalid ? "" : " (--skip-invalid leaves out providers with errors)"));
                return ExitStatus.INPUT_ERRORS;
            }
            HealthReport.Edition edition = HealthReport.edition(r, c, finalBuild);
            Optional<HealthReport.Editions> editions = HealthReport.editions(r, edition, finalBuild, true, diags);
            if (editions.isEmpty()) {
                DiagnosticPrinter.print(diags, err);
                return ExitStatus.INPUT_ERRORS;
            }
            Map<String, byte[]> files = new LinkedHashMap<>();
            files.put(PDF, editions.get().pdf());
            files.put(DOCX, editions.get().docx());
            files.put(JSON, JsonWriter.write(json(r)).getBytes(StandardCharsets.UTF_8));
            try {
                org.safeguardingreport.pipeline.Publish.publish(out, files);
            } catch (IOException e) {
                err.println(out + ": error: cannot write the outputs: " + SourceText.describe(e));
                return ExitStatus.INPUT_ERRORS;
            }
            PrintWriter o = spec.commandLine().getOut();
            int n = r.providers().size();
            o.println("Amalgamated " + n + (n == 1 ? " provider's report" : " providers' reports") + " for " + r.year().label()
                    + (r.skipped().isEmpty() ? "" : "; left out " + r.skipped().size() + ", named in the report"));
            files.keySet().forEach(f -> o.println("  " + out.resolve(f)));
            return ExitStatus.OK;
        }
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

    private static Map<String, Object> json(Amalgamation.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("reportingYear", r.year().label());
        m.put("templates", List.copyOf(r.templates()));
        List<Map<String, Object>> providers = new ArrayList<>();
        Map<String, List<Amalgamation.Counts>> matrix = Amalgamation.matrix(r.providers());
        for (Amalgamation.Provider p : r.providers()) {
            var b = p.bundle();
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("name", b.meta().provider().name());
            x.put("source", p.shown());
            x.put("reportingYear", b.meta().reportingYear().label());
            x.put("template", b.template().name());
            var so = b.meta().signOff();
            x.put("signOff", so == null ? null : Map.of("approvedBy", so.approvedBy(), "role", so.role(), "body", so.body(),
                    "date", so.date().toString()));
            Map<String, Object> sig = new LinkedHashMap<>();
            sig.put("status", p.signature().status());
            if (p.signature().signer() != null) {
                sig.put("signer", p.signature().signer());
            }
            x.put("signature", sig);
            // kept for scripts written against earlier outputs: true valid, false unsigned, null a folder
            x.put("signatureVerified", p.signature().kind() == Amalgamation.Signature.Kind.FOLDER ? null
                    : p.signature().kind() == Amalgamation.Signature.Kind.VALID);
            List<Map<String, Object>> standards = new ArrayList<>();
            for (Amalgamation.Counts c : matrix.get(b.meta().provider().name())) {
                standards.add(Map.of("yes", c.yes(), "partial", c.partial(), "no", c.no(), "notApplicable", c.notApplicable(),
                        "gaps", c.gaps()));
            }
            x.put("standards", standards);
            var rag = Amalgamation.ragAtQ4(b);
            x.put("q4Ratings", Map.of("red", rag.get(org.safeguardingreport.model.Rating.RED),
                    "amber", rag.get(org.safeguardingreport.model.Rating.AMBER),
                    "green", rag.get(org.safeguardingreport.model.Rating.GREEN)));
            providers.add(x);
        }
        m.put("providers", providers);
        m.put("skipped", r.skipped().stream().map(s -> Map.of("source", s.shown(), "name", s.name(), "reason", s.reason(),
                "errors", DiagnosticPrinter.asJson(s.errors()))).toList());
        m.put("reds", Amalgamation.reds(r.providers()).stream().map(x -> {
            Map<String, Object> red = new LinkedHashMap<>();
            red.put("provider", x.provider());
            red.put("measure", x.measureId());
            red.put("period", x.period());
            red.put("value", x.value());
            red.put("page", x.page());
            return red;
        }).toList());
        m.put("gaps", Amalgamation.gaps(r.providers()).stream().map(x -> {
            Map<String, Object> gap = new LinkedHashMap<>();
            gap.put("provider", x.provider());
            gap.put("question", x.question());
            gap.put("page", x.page());
            return gap;
        }).toList());
        return m;
    }
}
