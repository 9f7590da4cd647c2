package org.safeguardingreport.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import org.safeguardingreport.bundle.BundleLoader;
import org.safeguardingreport.bundle.FinalRules;
import org.safeguardingreport.diag.Diagnostics;
import org.safeguardingreport.json.JsonWriter;
import org.safeguardingreport.model.Bundle;
import org.safeguardingreport.model.SectionIds;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Validate a bundle without rendering: every error and warning, the audit gaps, "
                + "missing sections and absent measures.",
                "Messages go to standard error as file:line:column: error: message."})
final class CheckCommand implements Callable<Integer> {
    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BUNDLE", description = "the bundle folder")
    Path bundle;

    @Option(names = "--final", description = "also apply the rules of a final build: the sign-off filled in, a complete board cover sheet, "
            + "no audit gap, no picture shown as a placeholder and no section still holding init's prompt")
    boolean finalBuild;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "text (the default) or one JSON document on standard output")
    Format format;

    @Override
    public Integer call() {
        BundleLoader.Result result = BundleLoader.load(bundle);
        Diagnostics diags = result.diagnostics();
        Optional<Bundle> b = result.bundle();
        if (finalBuild) {
            b.ifPresent(x -> FinalRules.apply(x, diags));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.print(JsonWriter.write(json(b, diags)));
        } else {
            DiagnosticPrinter.print(diags, spec.commandLine().getErr());
            out.print(summary(b, diags));
        }
        out.flush();
        return diags.hasErrors() ? ExitStatus.INPUT_ERRORS : ExitStatus.OK;
    }

    private Map<String, Object> json(Optional<Bundle> b, Diagnostics diags) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bundle", bundle.toAbsolutePath().normalize().getFileName() == null ? bundle.toString()
                : bundle.toAbsolutePath().normalize().getFileName().toString());
        m.put("template", b.map(x -> x.template().name()).orElse(null));
        m.put("reportingYear", b.map(x -> x.meta().reportingYear().label()).orElse(null));
        m.put("final", finalBuild);
        m.put("ok", !diags.hasErrors());
        m.put("errors", diags.errorCount());
        m.put("warnings", diags.warningCount());
        m.put("diagnostics", DiagnosticPrinter.asJson(diags.sorted()));
        m.put("gaps", b.map(Bundle::gaps).orElse(List.of()));
        m.put("missingSections", b.map(Bundle::missingSections).orElse(List.of()));
        m.put("absentMeasures", b.map(Bundle::absentMeasures).orElse(Map.of()));
        return m;
    }

    private String summary(Optional<Bundle> b, Diagnostics diags) {
        StringBuilder s = new StringBuilder();
        String nl = System.lineSeparator();
        if (b.isEmpty()) {
            s.append("Checked ").append(bundle).append(": ").append(DiagnosticPrinter.counts(diags))
                    .append(" (the bundle could not be read far enough for a summary)").append(nl);
            return s.toString();
        }
        Bundle x = b.get();
        s.append("Checked ").append(bundle).append(" as a ").append(finalBuild ? "final" : "draft").append(" report")
                .append(nl);
        s.append("  ").append(x.meta().provider().name()).append(", ").append(x.meta().reportingYear().label())
                .append(", template ").append(x.template().name()).append(nl);
        long appendices = x.sections().keySet().stream().filter(SectionIds::isAppendix).count();
        int expected = x.template().sections().size();
        s.append("  Sections: ").append(expected - x.missingSections().size()).append(" of ").append(expected)
                .append(appendices > 0 ? ", " + appendices + (appendices == 1 ? " appendix" : " appendices") : "")
                .append(nl);
        if (!x.missingSections().isEmpty()) {
            s.append("    missing: ").append(String.join(", ", x.missingSections())).append(nl);
        }
        int questions = x.template().audit().questions().size();
        long answered = x.audit().values().stream().filter(a -> a.answered()).count();
        long evidenced = x.evidence().values().stream().filter(l -> !l.isEmpty()).count();
        long markers = x.sections().values().stream().mapToLong(n -> n.markers().size()).sum();
        List<String> gaps = x.gaps();
        s.append("  Audit: ").append(questions).append(" questions, ").append(answered).append(" answered, ")
                .append(evidenced).append(" with evidence (").append(markers).append(" markers), ")
                .append(gaps.size()).append(gaps.size() == 1 ? " gap" : " gaps").append(nl);
        if (!gaps.isEmpty()) {
            s.append("    gaps (neither an answer nor evidence): ").append(String.join(", ", gaps)).append(nl);
        }
        long figures = x.sections().values().stream().mapToLong(n -> n.figures().size()).sum();
        s.append("  Data: ").append(x.data().isEmpty() ? "none" : String.join(", ",
                x.data().keySet().stream().map(y -> y.label()).toList()))
                .append("; ").append(figures).append(" figures in the narrative").append(nl);
        appendAbsent(s, x, nl);
        s.append("  Result: ").append(DiagnosticPrinter.counts(diags))
                .append(diags.hasErrors() ? " - fix the errors listed above" : finalBuild ? " - ready for a final build"
                        : "").append(nl);
        return s.toString();
    }

    /** Absent measures, grouped by the quarters they are absent from. */
    private static void appendAbsent(StringBuilder s, Bundle x, String nl) {
        Map<String, List<String>> absent = x.absentMeasures();
        Map<String, TreeSet<String>> quartersOf = new LinkedHashMap<>();
        absent.forEach((period, ids) -> {
            if (!period.equals("annual")) {
                ids.forEach(id -> quartersOf.computeIfAbsent(id, k -> new TreeSet<>()).add(period));
            }
        });
        Map<String, List<String>> groups = new LinkedHashMap<>();
        quartersOf.forEach((id, qs) -> groups.computeIfAbsent(qs.size() == 4 ? "Q1-Q4" : String.join(", ", qs),
                k -> new ArrayList<>()).add(id));
        if (!absent.get("annual").isEmpty()) {
            groups.put("annual", absent.get("annual"));
        }
        if (groups.isEmpty()) {
            s.append("  Absent measures: none").append(nl);
            return;
        }
        s.append("  Absent measures in ").append(x.meta().reportingYear().label()).append(" (shown as \u2014):")
                .append(nl);
        groups.forEach((period, ids) -> s.append(wrap("    " + period + ": ", String.join(", ", ids), nl)));
    }

    private static String wrap(String head, String text, String nl) {
        StringBuilder out = new StringBuilder(head);
        int col = head.length();
        String indent = " ".repeat(head.length());
        for (String word : text.split(" ")) {
            if (col + word.length() > 110 && col > head.length()) {
                out.append(nl).append(indent);
                col = indent.length();
            }
            out.append(word).append(' ');
            col += word.length() + 1;
        }
        return out.toString().stripTrailing() + nl;
    }

}
