package org.safeguardingreport.amalgamate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.safeguardingreport.bundle.BundleLoader;
import org.safeguardingreport.bundle.FinalRules;
import org.safeguardingreport.diag.Diagnostic;
import org.safeguardingreport.diag.Diagnostics;
import org.safeguardingreport.diag.Severity;
import org.safeguardingreport.model.Answer;
import org.safeguardingreport.model.AuditAnswer;
import org.safeguardingreport.model.Bundle;
import org.safeguardingreport.model.DataYear;
import org.safeguardingreport.model.Measure;
import org.safeguardingreport.model.MeasureCatalog;
import org.safeguardingreport.model.MeasureValue;
import org.safeguardingreport.model.Narrative;
import org.safeguardingreport.model.Quarter;
import org.safeguardingreport.model.Rating;
import org.safeguardingreport.model.ReportingYear;
import org.safeguardingreport.model.Template;
import org.safeguardingreport.pdf.SourceFiles;
import org.safeguardingreport.sign.Verifier;
import org.safeguardingreport.text.Folders;

/**
 * Many providers' reports read, validated and summarised for the commissioner: which providers
 * are in and which are not (with their own file:line errors), the providers × standards matrix
 * of audit answers, key measures at Q4 with their ratings, and every Red and every gap.
 */
public final class Amalgamation {
    /** Measures shown side by side for every provider. */
    public static final List<String> KEY_MEASURES = List.of("3a-induction", "3b-level-1", "3b-level-2", "3b-level-3",
            "5a-cp-referrals", "5a-strategy-discussions");

    /**
     * One input: a bundle folder, or a final PDF carrying its source data (then {@code pdf} is set);
     * {@code problem} says why a PDF gave no bundle.
     */
    public record Input(Path bundle, String shown, Path pdf, String problem) {
        public Input(Path bundle, String shown, Path pdf) {
            this(bundle, shown, pdf, null);
        }
    }

    public record Provider(Bundle bundle, String shown, Boolean signatureVerified) {
    }

    public record Skipped(String shown, List<Diagnostic> errors) {
    }

    /** Counts of a provider's answers within one standard; a gap has neither answer nor evidence. */
    public record Counts(int yes, int partial, int no, int notApplicable, int gaps) {
    }

    public record Red(String provider, String measureId, String label, String period, String value) {
    }

    public record Gap(String provider, String question, String text) {
    }

    public record Result(List<Provider> providers, List<Skipped> skipped, List<String> errors, ReportingYear year,
                         Set<String> templates) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private Amalgamation() {
    }

    /** Bundle folders as given, the bundles inside a folder of bundles, and PDFs with embedded source data. */
    public static List<Input> discover(List<Path> inputs, Path scratch) throws IOException {
        List<Input> out = new ArrayList<>();
        for (Path in : inputs) {
            if (Files.isDirectory(in) && Files.isRegularFile(in.resolve("report.json"))) {
                out.add(new Input(in, in.toString(), null));
            } else if (Files.isDirectory(in)) {
                try (Stream<Path> s = Files.list(in)) {
                    for (Path p : s.sorted().toList()) {
                        if (Files.isDirectory(p) && Files.isRegularFile(p.resolve("report.json"))) {
                            out.add(new Input(p, p.toString(), null));
                        } else if (p.toString().endsWith(".pdf")) {
                            out.add(fromPdf(p, scratch));
                        }
                    }
                }
            } else if (in.toString().endsWith(".pdf") && Files.isRegularFile(in)) {
                out.add(fromPdf(in, scratch));
            } else {
                out.add(new Input(in, in.toString(), null));
            }
        }
        return out;
    }

    /** A PDF's embedded report.json, audit.json and data become a bundle folder in {@code scratch}. */
    static Input fromPdf(Path pdf, Path scratch) throws IOException {
        Path dir = Files.createTempDirectory(scratch, "provider-");
        Files.createDirectories(dir.resolve("narrative"));
        Map<String, byte[]> files;
        try {
            files = SourceFiles.extract(pdf);
        } catch (IOException notAPdf) {
            return new Input(dir, pdf.toString(), pdf, "this file cannot be read as a PDF (" + notAPdf.getMessage() + ")");
        }
        if (!files.containsKey("report.json")) {
            return new Input(dir, pdf.toString(), pdf, "this PDF carries no report source data (no embedded report.json)");
        }
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path target = dir.resolve(f.getKey()).normalize();
            if (target.startsWith(dir) && (f.getKey().matches("(report|audit)\\.json") || f.getKey().matches("data/[0-9-]+\\.json"))) {
                Files.createDirectories(target.getParent());
                Files.write(target, f.getValue());
            }
        }
        return new Input(dir, pdf.toString(), pdf);
    }

    /** Told after each provider is read: how many of how many, and which. */
    public interface Progress {
        Progress NONE = (done, total, name) -> { };

        void read(int done, int total, String name);
    }

    /** Validates every input; a bad provider stops everything unless {@code skipInvalid}. */
    public static Result read(List<Input> inputs, boolean finalReports, boolean skipInvalid) throws IOException {
        return read(inputs, finalReports, skipInvalid, Progress.NONE);
    }

    public static Result read(List<Input> inputs, boolean finalReports, boolean skipInvalid, Progress progress)
            throws IOException {
        int done = 0;
        List<Provider> providers = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Input in : inputs) {
            if (in.problem() != null) {
                progress.read(++done, inputs.size(), in.shown());
                skipped.add(new Skipped(in.shown(), List.of(new Diagnostic(Severity.ERROR, "", 0, 0, in.problem(),
                        "give the provider's folder, or the PDF made by `build --final`, which carries its source data"))));
                if (!skipInvalid) {
                    errors.add(in.shown() + ": 1 error");
                }
                continue;
            }
            BundleLoader.Result r = BundleLoader.load(in.bundle());
            Diagnostics d = r.diagnostics();
            if (finalReports) {
                r.bundle().ifPresent(b -> FinalRules.apply(b, d));
            }
            progress.read(++done, inputs.size(), in.shown());
            if (d.hasErrors() || r.bundle().isEmpty()) {
                List<Diagnostic> list = d.sorted().stream().filter(Diagnostic::isError).toList();
                skipped.add(new Skipped(in.shown(), list));
                if (!skipInvalid) {
                    errors.add(in.shown() + ": " + list.size() + (list.size() == 1 ? " error" : " errors"));
                }
                continue;
            }
            // only a PDF that yielded a valid bundle is opened again for its signatures
            Boolean verified = null;
            if (in.pdf() != null) {
                List<Verifier.Result> sigs = Verifier.verify(in.pdf());
                verified = !sigs.isEmpty() && sigs.stream().allMatch(Verifier.Result::ok);
            }
            providers.add(new Provider(r.bundle().get(), in.shown(), verified));
        }
        Set<ReportingYear> years = new LinkedHashSet<>();
        Set<String> templates = new LinkedHashSet<>();
        providers.forEach(p -> {
            years.add(p.bundle().meta().reportingYear());
            templates.add(p.bundle().template().name());
        });
        if (years.size() > 1) {
            for (Provider p : providers) {
                errors.add(p.shown() + ": reporting year " + p.bundle().meta().reportingYear().label()
                        + " (providers must report the same year to be amalgamated)");
            }
        }
        if (providers.isEmpty() && errors.isEmpty()) {
            errors.add("no provider to amalgamate");
        }
        return new Result(List.copyOf(providers), List.copyOf(skipped), List.copyOf(errors),
                years.size() == 1 ? years.iterator().next() : null, templates);
    }

    /** Question ids every provider's template shares (all of them when one template is used). */
    public static List<String> sharedQuestions(List<Provider> providers) {
        List<String> shared = null;
        for (Provider p : providers) {
            List<String> ids = p.bundle().template().audit().questions().stream().map(Template.AuditQuestion::id).toList();
            if (shared == null) {
                shared = new ArrayList<>(ids);
            } else {
                shared.retainAll(ids);
            }
        }
        return shared == null ? List.of() : List.copyOf(shared);
    }

    /** Per provider, per standard 1-10, the counts of answers among the shared questions. */
    public static Map<String, List<Counts>> matrix(List<Provider> providers) {
        List<String> shared = sharedQuestions(providers);
        Map<String, List<Counts>> out = new LinkedHashMap<>();
        for (Provider p : providers) {
            Bundle b = p.bundle();
            Map<String, List<Narrative.EvidenceMarker>> evidence = b.evidence();
            List<Counts> row = new ArrayList<>();
            for (int s = 1; s <= 10; s++) {
                int yes = 0, partial = 0, no = 0, na = 0, gaps = 0;
                for (String q : shared) {
                    if (!q.startsWith(s + ".")) {
                        continue;
                    }
                    AuditAnswer a = b.audit().get(q);
                    Answer answer = a == null ? null : a.answer();
                    if (answer == null) {
                        if (evidence.getOrDefault(q, List.of()).isEmpty()) {
                            gaps++;
                        }
                        continue;
                    }
                    switch (answer) {
                        case YES -> yes++;
                        case PARTIAL -> partial++;
                        case NO -> no++;
                        default -> na++;
                    }
                }
                row.add(new Counts(yes, partial, no, na, gaps));
            }
            out.put(p.bundle().meta().provider().name(), List.copyOf(row));
        }
        return out;
    }

    /** Every % measure rated Red in any quarter (or the year, for annual ones) of the report's year. */
    public static List<Red> reds(List<Provider> providers) {
        List<Red> out = new ArrayList<>();
        for (Provider p : providers) {
            Bundle b = p.bundle();
            Optional<DataYear> year = b.currentYear();
            if (year.isEmpty()) {
                continue;
            }
            for (Measure m : MeasureCatalog.get().all()) {
                if (!m.rated()) {
                    continue;
                }
                List<String> periods = m.frequency() == org.safeguardingreport.model.Frequency.ANNUAL ? List.of("year")
                        : java.util.Arrays.stream(Quarter.values()).map(Quarter::name).toList();
                for (String period : periods) {
                    Optional<MeasureValue> v = period.equals("year") ? year.get().annual(m.id())
                            : year.get().quarterly(m.id(), Quarter.valueOf(period));
                    if (v.isPresent() && v.get() instanceof MeasureValue.Ratio r
                            && b.template().threshold(m.id()).rate(r).orElse(null) == Rating.RED) {
                        out.add(new Red(b.meta().provider().name(), m.id(), m.label(), period,
                                org.safeguardingreport.render.Figures.format(r)));
                    }
                }
            }
        }
        return out;
    }

    public static List<Gap> gaps(List<Provider> providers) {
        List<Gap> out = new ArrayList<>();
        Set<String> shared = new LinkedHashSet<>(sharedQuestions(providers));
        for (Provider p : providers) {
            for (String q : p.bundle().gaps()) {
                if (shared.contains(q)) {
                    out.add(new Gap(p.bundle().meta().provider().name(), q,
                            p.bundle().template().question(q).map(Template.AuditQuestion::text).orElse("")));
                }
            }
        }
        return out;
    }

    /** Red / Amber / Green counts of a provider's % measures at Q4 (annual ones over the year). */
    public static Map<Rating, Integer> ragAtQ4(Bundle b) {
        Map<Rating, Integer> out = new java.util.EnumMap<>(Rating.class);
        for (Rating r : Rating.values()) {
            out.put(r, 0);
        }
        b.currentYear().ifPresent(y -> {
            for (Measure m : MeasureCatalog.get().all()) {
                if (!m.rated()) {
                    continue;
                }
                Optional<MeasureValue> v = m.frequency() == org.safeguardingreport.model.Frequency.ANNUAL ? y.annual(m.id())
                        : y.quarterly(m.id(), Quarter.Q4);
                if (v.isPresent() && v.get() instanceof MeasureValue.Ratio r) {
                    b.template().threshold(m.id()).rate(r).ifPresent(x -> out.merge(x, 1, Integer::sum));
                }
            }
        });
        return out;
    }

    /** Removes the folders made for PDFs' embedded data. */
    public static void cleanUp(Path scratch) throws IOException {
        Folders.deleteTree(scratch);
    }
}
