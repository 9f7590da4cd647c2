package org.safeguardingreport.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.safeguardingreport.amalgamate.Amalgamation;
import org.safeguardingreport.amalgamate.HealthReport;
import org.safeguardingreport.diag.DiagnosticJson;
import org.safeguardingreport.diag.Diagnostics;
import org.safeguardingreport.json.JsonWriter;
import org.safeguardingreport.model.ReportingYear;

/**
 * The commissioner's build, in one place for every caller (the amalgamate command, the benchmarks):
 * every provider read and checked (signed PDFs verified before anything they carry is read), the
 * commissioner's own narrative, the health report in both editions from its one layout, and
 * amalgamation.json. Nothing is written here.
 */
public final class HealthReportBuild {
    public static final String PDF = "health-annual-report.pdf";
    public static final String DOCX = "health-annual-report.docx";
    public static final String JSON = "amalgamation.json";

    /**
     * @param narrative the folder of the commissioner's introduction.md and conclusion.md, or null
     * @param year the reporting year wanted, or null for the year most providers report
     */
    public record Options(boolean finalBuild, Path narrative, boolean skipInvalid, ReportingYear year) {
    }

    /** What the build came to; {@code result} tells of every provider, read or left out. */
    public sealed interface Outcome permits Built, Refused {
        Amalgamation.Result result();

        Diagnostics diags();
    }

    /** Every output, by file name in publishing order; {@code diags} holds the commissioner's warnings. */
    public record Built(Amalgamation.Result result, Map<String, byte[]> files, Diagnostics diags) implements Outcome {
    }

    /** A provider or the commissioner's narrative has errors: nothing to publish. */
    public record Refused(Amalgamation.Result result, Diagnostics diags) implements Outcome {
    }

    private HealthReportBuild() {
    }

    public static Outcome run(List<Path> inputs, Options options, Amalgamation.Progress progress) throws IOException {
        Amalgamation.Result r = Amalgamation.read(Amalgamation.discover(inputs), options.finalBuild(), options.skipInvalid(),
                options.year(), progress);
        Diagnostics diags = new Diagnostics();
        HealthReport.Commissioner c = HealthReport.commissioner(options.narrative(), diags);
        if (!r.ok() || diags.hasErrors()) {
            return new Refused(r, diags);
        }
        HealthReport.Edition edition = HealthReport.edition(r, c, options.finalBuild());
        Optional<HealthReport.Editions> editions = HealthReport.editions(r, edition, options.finalBuild(), true, diags);
        if (editions.isEmpty()) {
            return new Refused(r, diags);
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(PDF, editions.get().pdf());
        files.put(DOCX, editions.get().docx());
        files.put(JSON, JsonWriter.write(json(r)).getBytes(StandardCharsets.UTF_8));
        return new Built(r, files, diags);
    }

    static Map<String, Object> json(Amalgamation.Result r) {
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
                "errors", DiagnosticJson.of(s.errors()))).toList());
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
