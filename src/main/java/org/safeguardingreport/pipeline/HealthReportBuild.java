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
import org.safeguardingreport.amalgamate.Assurance;
import org.safeguardingreport.amalgamate.AssuranceRule;
import org.safeguardingreport.amalgamate.Findings;
import org.safeguardingreport.amalgamate.LastYear;
import org.safeguardingreport.template.TemplateLoader;
import org.safeguardingreport.text.SourceText;
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
    public record Options(boolean finalBuild, Path narrative, boolean skipInvalid, ReportingYear year, List<Path> lastYear,
                          Path rules) {
        public Options(boolean finalBuild, Path narrative, boolean skipInvalid, ReportingYear year) {
            this(finalBuild, narrative, skipInvalid, year, List.of(), null);
        }

        public Options {
            lastYear = lastYear == null ? List.of() : List.copyOf(lastYear);
        }
    }

    /** What the build came to; {@code result} tells of every provider, read or left out. */
    public sealed interface Outcome permits Built, Refused {
        Amalgamation.Result result();

        Diagnostics diags();
    }

    /**
     * Every output, by file name in publishing order; {@code diags} holds the commissioner's warnings;
     * {@code lastYear} tells of last year's reports when they were given (else null).
     */
    public record Built(Amalgamation.Result result, Map<String, byte[]> files, Diagnostics diags, Amalgamation.Result lastYear)
            implements Outcome {
    }

    /**
     * A provider, last year's reports, the assurance rule or the commissioner's narrative has errors:
     * nothing to publish.
     */
    public record Refused(Amalgamation.Result result, Diagnostics diags, Amalgamation.Result lastYear) implements Outcome {
        public Refused(Amalgamation.Result result, Diagnostics diags) {
            this(result, diags, null);
        }
    }

    private HealthReportBuild() {
    }

    public static Outcome run(List<Path> inputs, Options options, Amalgamation.Progress progress) throws IOException {
        Amalgamation.Result r = Amalgamation.read(Amalgamation.discover(inputs), options.finalBuild(), options.skipInvalid(),
                options.year(), progress);
        Diagnostics diags = new Diagnostics();
        HealthReport.Commissioner c = HealthReport.commissioner(options.narrative(), r.year(), options.finalBuild(), diags);
        Optional<AssuranceRule> rule = rule(options.rules(), diags);
        Amalgamation.Result last = null;
        if (!options.lastYear().isEmpty() && r.year() != null) {
            // last year's reports: read and checked like this year's, for the year before (never the final rules:
            // what was final last year is read as it was)
            last = Amalgamation.read(Amalgamation.discover(options.lastYear()), false, options.skipInvalid(),
                    r.year().previous(), Amalgamation.Progress.NONE);
        }
        if (!r.ok() || diags.hasErrors() || rule.isEmpty() || last != null && !last.ok()) {
            return new Refused(r, diags, last);
        }
        int unverified = r.providers().size() - (int) r.providers().stream()
                .filter(p -> p.signature().kind() == Amalgamation.Signature.Kind.VALID).count();
        if (options.finalBuild() && unverified > 0) {
            // allowed, as a Trust's board-approved folder is its report; but said plainly, here and on the cover
            diags.warning("amalgamate", org.safeguardingreport.diag.Pos.FILE, unverified + " of " + r.providers().size()
                    + " providers' reports carry no verified digital signature (source folders or unsigned PDFs): "
                    + "the cover sheet and the sign-off say so", "give the providers' signed final PDFs to have every "
                    + "report's signature checked");
        }
        Findings findings = Findings.of(r, rule.get(), last);
        HealthReport.Edition edition = HealthReport.edition(r, findings, c, options.finalBuild());
        Optional<HealthReport.Editions> editions = HealthReport.editions(r, edition, options.finalBuild(), true, diags);
        if (editions.isEmpty()) {
            return new Refused(r, diags, last);
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(PDF, editions.get().pdf());
        files.put(DOCX, editions.get().docx());
        files.put(JSON, JsonWriter.write(json(r, findings)).getBytes(StandardCharsets.UTF_8));
        return new Built(r, files, diags, last);
    }

    /**
     * The commissioner's assurance rule: the file given, else report-templates/amalgamation/assurance.json
     * found like the layout (a copy in the current folder's report-templates/ first).
     */
    public static Optional<AssuranceRule> rule(Path file, Diagnostics diags) {
        if (file != null) {
            return SourceText.read(file, file.toString(), diags).flatMap(t -> AssuranceRule.read(t, file.toString(), diags));
        }
        return TemplateLoader.forBundle(Path.of("").toAbsolutePath().resolve("x"))
                .layoutText("amalgamation", AssuranceRule.FILE, diags)
                .flatMap(t -> AssuranceRule.read(t.content(), t.file(), diags));
    }

    static Map<String, Object> json(Amalgamation.Result r) {
        return json(r, null);
    }

    static Map<String, Object> json(Amalgamation.Result r, Findings findings) {
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
            if (findings != null) {
                int k = providers.size();
                x.put("odsCode", b.meta().provider().odsCode());
                x.put("assurance", assurance(findings.assured().get(k)));
                LastYear.Movement mv = findings.movements().get(k);
                Map<String, Object> ly = new LinkedHashMap<>();
                ly.put("assurance", mv.last());
                ly.put("direction", mv.direction() == null ? null : mv.direction().name().toLowerCase(java.util.Locale.ROOT));
                ly.put("report", findings.lastReports().containsKey(p.name()) ? findings.lastReports().get(p.name()).shown() : null);
                ly.put("measures", findings.comparisons().getOrDefault(p.name(), List.of()).stream().map(c -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("measure", c.measureId());
                    row.put("lastYear", c.lastFigure());
                    row.put("lastRating", c.lastRating().isEmpty() ? null : c.lastRating().toLowerCase(java.util.Locale.ROOT));
                    row.put("thisYear", c.thisFigure());
                    row.put("thisRating", c.thisRating().isEmpty() ? null : c.thisRating().toLowerCase(java.util.Locale.ROOT));
                    row.put("direction", c.direction().name().toLowerCase(java.util.Locale.ROOT));
                    return row;
                }).toList());
                x.put("lastYear", ly);
            }
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
        if (findings != null) {
            m.put("assuranceRule", findings.rule().file());
            m.put("exceptions", findings.exceptions().stream().map(x -> {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("provider", x.provider());
                e.put("odsCode", x.odsCode());
                e.put("measure", x.measureId());
                e.put("standard", x.standard());
                e.put("kind", x.kind() == Assurance.Exception.Kind.ANNUAL_NO ? "annualNo" : "redAtQ4");
                e.put("period", x.period());
                e.put("value", x.figure());
                e.put("count", x.count());
                e.put("running", x.running());
                e.put("page", x.page());
                return e;
            }).toList());
            m.put("themes", Map.of("families", findings.themes().families().stream().map(t -> Map.of("family", t.name(),
                    "exceptions", t.exceptions(), "providers", t.providers())).toList(),
                    "standards", findings.themes().standards().stream().map(t -> Map.of("standard", t.name(),
                            "exceptions", t.exceptions(), "contradictions", t.contradictions(), "providers", t.providers())).toList(),
                    "pooled", findings.themes().pooled().stream().map(x -> Map.of("measure", x.measureId(), "numerator",
                            x.numerator(), "denominator", x.denominator(), "value", x.figure(), "rating",
                            x.rating().toLowerCase(java.util.Locale.ROOT), "providers", x.providers())).toList(),
                    "summary", findings.themes().sentences()));
            m.put("lastYear", findings.lastYear() == null ? null : Map.of("reportingYear", r.year().previous().label(),
                    "providers", findings.lastYear().providers().stream().map(Amalgamation.Provider::shown).toList(),
                    "skipped", findings.lastYear().skipped().stream().map(s -> Map.of("source", s.shown(), "reason", s.reason()))
                            .toList()));
        }
        return m;
    }

    /** A provider's overall assurance as amalgamation.json records it. */
    static Map<String, Object> assurance(Assurance.ProviderAssurance a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rating", a.rating());
        m.put("points", a.points());
        m.put("cappedBy", a.cappedBy());
        m.put("reasons", a.reasons().stream().map(x -> Map.of("reason", x.text(), "points", x.points())).toList());
        m.put("standards", a.standards().stream().map(s -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("standard", s.standard());
            x.put("title", s.title());
            x.put("questions", s.questions());
            x.put("answered", s.answered());
            x.put("unanswered", s.notAnswered());
            x.put("notApplicable", s.notApplicable());
            x.put("gaps", s.gaps());
            x.put("redAtQ4", s.redsAtQ4());
            x.put("annualNo", s.annualNos());
            x.put("contradictions", s.contradictions());
            x.put("points", s.points());
            x.put("rating", s.rating());
            return x;
        }).toList());
        m.put("contradictions", a.contradictions().stream().map(c -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("standard", c.standard());
            x.put("question", c.question());
            x.put("measure", c.measureId());
            x.put("text", c.text());
            return x;
        }).toList());
        return m;
    }
}
