package org.safeguardingreport.amalgamate;

import org.safeguardingreport.model.Figures;
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

import org.safeguardingreport.bundle.BundleFiles;
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
import org.safeguardingreport.pdf.PageIndex;
import org.safeguardingreport.html.ReportBuilder;
import org.safeguardingreport.sign.Verifier;

/**
 * Many providers' reports read, validated and summarised for the commissioner: which providers
 * are in and which are not (with their own file:line errors), the providers × standards matrix
 * of audit answers, key measures at Q4 with their ratings, and every Red and every gap.
 */
public final class Amalgamation {
    /** Measures shown side by side for every provider. */
    public static final List<String> KEY_MEASURES = List.of("3a-induction", "3b-level-1", "3b-level-2", "3b-level-3",
            "5a-cp-referrals", "5a-strategy-discussions");

    /** The sections of each provider's own report that the health report shows. */
    public static final List<String> PROVIDER_SECTIONS = List.of("executive-summary", "achievements", "priorities");

    /**
     * One input: a bundle folder, or a final PDF carrying its source data (then {@code pdf} is set, and
     * the bundle is read from the files it carries, in memory).
     */
    public record Input(Path bundle, String shown, Path pdf) {
        static Input folder(Path bundle) {
            return new Input(bundle, bundle.toString(), null);
        }

        static Input pdf(Path pdf) {
            return new Input(null, pdf.toString(), pdf);
        }
    }

    /**
     * A provider that passed its checks, kept small: its bundle holds only the sections the health
     * report shows; its gaps were taken from the whole bundle; {@code pages} is where things sit in
     * the provider's own report (null when that is not known); {@code notes} is what the analyst
     * should know that is not an error (pages that could not be proven).
     */
    public record Provider(Bundle bundle, String shown, Signature signature, Set<String> gaps, PageIndex pages,
                           List<String> notes) {
        public String name() {
            return bundle.meta().provider().name();
        }
    }

    /** How a provider's report reached the commissioner. A PDF whose signature fails never becomes a provider. */
    public record Signature(Kind kind, String signer) {
        public enum Kind { VALID, UNSIGNED, FOLDER }

        /** As the health report shows it. */
        public String words() {
            return switch (kind) {
                case VALID -> "Signature valid: " + signer;
                case UNSIGNED -> "Unsigned PDF";
                case FOLDER -> "Source folder (no PDF)";
            };
        }

        /** As amalgamation.json records it. */
        public String status() {
            return kind.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * A provider left out: {@code shown} as the input was given, {@code name} as a reader knows it (the
     * provider's name when its report could be read, else the file or folder name), {@code reason} in
     * plain words for the health report, and {@code errors} in full for the terminal and amalgamation.json.
     */
    public record Skipped(String shown, String name, String reason, List<Diagnostic> errors) {
    }

    /** Counts of a provider's answers within one standard; a gap has neither answer nor evidence. */
    public record Counts(int yes, int partial, int no, int notApplicable, int gaps) {
    }

    /** A Red figure and the page of the provider's own report where its dashboard row sits (null if not known). */
    public record Red(String provider, String measureId, String label, String period, String value, Integer page) {
    }

    /** A question without answer or evidence, and the first page of its standard in the provider's report. */
    public record Gap(String provider, String question, String text, Integer page) {
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
    public static List<Input> discover(List<Path> inputs) throws IOException {
        List<Input> out = new ArrayList<>();
        for (Path in : inputs) {
            if (Files.isDirectory(in) && Files.isRegularFile(in.resolve(BundleFiles.REPORT))) {
                out.add(Input.folder(in));
            } else if (Files.isDirectory(in)) {
                try (Stream<Path> s = Files.list(in)) {
                    for (Path p : s.sorted().toList()) {
                        if (Files.isDirectory(p) && Files.isRegularFile(p.resolve(BundleFiles.REPORT))) {
                            out.add(Input.folder(p));
                        } else if (p.toString().endsWith(".pdf")) {
                            out.add(Input.pdf(p));
                        }
                    }
                }
            } else if (in.toString().endsWith(".pdf") && Files.isRegularFile(in)) {
                out.add(Input.pdf(in));
            } else {
                out.add(Input.folder(in));
            }
        }
        return out;
    }

    /** The bundle a PDF carries, read in memory, and its page index. */
    private record Unpacked(BundleFiles bundle, PageIndex pages, String problem) {
    }

    private static Unpacked unpack(Path pdf) {
        Map<String, byte[]> files;
        try {
            files = SourceFiles.extract(pdf);
        } catch (IOException notAPdf) {
            return new Unpacked(null, null, "this file cannot be read as a PDF (" + notAPdf.getMessage() + ")");
        }
        if (!files.containsKey(BundleFiles.REPORT)) {
            return new Unpacked(null, null, "this PDF carries no report source data (no embedded report.json)");
        }
        byte[] index = files.get(PageIndex.FILE);
        return new Unpacked(BundleFiles.carried(pdf, files), index == null ? null : PageIndex.fromJson(index).orElse(null),
                null);
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

    /** One provider read: kept, or skipped with its errors. */
    private record Outcome(Provider provider, Skipped skipped) {
    }

    /**
     * Reads the providers as a stream on every core: each is loaded, checked, laid out for its page
     * numbers and cut down to what the health report needs, so only a few whole bundles are ever in
     * memory at once. Results keep the order of the inputs.
     */
    public static Result read(List<Input> inputs, boolean finalReports, boolean skipInvalid, Progress progress)
            throws IOException {
        return read(inputs, finalReports, skipInvalid, null, progress);
    }

    /**
     * As above, for the reporting year {@code wanted}; when null, the year most providers report.
     * A provider of another year is an error naming it (left out with {@code skipInvalid}).
     */
    public static Result read(List<Input> inputs, boolean finalReports, boolean skipInvalid, ReportingYear wanted,
                              Progress progress) throws IOException {
        int threads = Math.max(1, Math.min(inputs.size(), Runtime.getRuntime().availableProcessors()));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "amalgamate-reader");
            t.setDaemon(true);
            return t;
        });
        List<Provider> providers = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        try {
            List<java.util.concurrent.Future<Outcome>> pending = new ArrayList<>();
            for (Input in : inputs) {
                pending.add(pool.submit(() -> summarise(in, finalReports)));
            }
            int done = 0;
            for (java.util.concurrent.Future<Outcome> f : pending) {
                Outcome o = await(f);
                progress.read(++done, inputs.size(), o.provider() != null ? o.provider().shown() : o.skipped().shown());
                if (o.provider() != null) {
                    providers.add(o.provider());
                } else {
                    skipped.add(o.skipped());
                    if (!skipInvalid) {
                        int n = o.skipped().errors().size();
                        errors.add(o.skipped().shown() + ": " + n + (n == 1 ? " error" : " errors"));
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        ReportingYear year = wanted;
        if (year == null) {
            Map<ReportingYear, Long> count = new LinkedHashMap<>();
            providers.forEach(p -> count.merge(p.bundle().meta().reportingYear(), 1L, Long::sum));
            long most = count.values().stream().mapToLong(Long::longValue).max().orElse(0);
            List<ReportingYear> top = count.entrySet().stream().filter(e -> e.getValue() == most).map(Map.Entry::getKey).toList();
            if (top.size() == 1) {
                year = top.get(0);
            } else if (top.size() > 1) {
                errors.add("the providers report " + String.join(" and ", top.stream().map(ReportingYear::label).toList())
                        + " equally often: give --year to choose the year to amalgamate");
            }
        }
        if (year != null) {
            List<Provider> odd = new ArrayList<>();
            for (Provider p : providers) {
                if (!p.bundle().meta().reportingYear().equals(year)) {
                    odd.add(p);
                }
            }
            for (Provider p : odd) {
                String label = p.bundle().meta().reportingYear().label();
                String message = "reports " + label + ", not " + year.label()
                        + (wanted != null ? " (--year)" : ", the year the other providers report");
                skipped.add(new Skipped(p.shown(), p.name(), "it reports " + label + ", not " + year.label(),
                        List.of(new Diagnostic(Severity.ERROR, "", 0, 0, message,
                                wanted != null ? "leave it out, or amalgamate " + label + " on its own"
                                        : "give --year " + label + " to amalgamate that year instead"))));
                if (!skipInvalid) {
                    errors.add(p.shown() + ": " + message);
                }
            }
            providers.removeAll(odd);
        }
        Set<String> templates = new LinkedHashSet<>();
        providers.forEach(p -> templates.add(p.bundle().template().name()));
        if (providers.isEmpty() && errors.isEmpty()) {
            errors.add("no provider to amalgamate");
        }
        return new Result(List.copyOf(providers), List.copyOf(skipped), List.copyOf(errors),
                providers.isEmpty() ? null : year, templates);
    }

    private static Outcome await(java.util.concurrent.Future<Outcome> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("amalgamation interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            } else if (e.getCause() instanceof RuntimeException re) {
                throw re;
            } else if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Loads and checks one provider, finds its pages, and keeps only what the health report needs. A
     * PDF's signatures are checked before anything it carries is read: one that fails, or that does
     * not cover the whole file, leaves the provider out unread.
     */
    private static Outcome summarise(Input in, boolean finalReports) throws IOException {
        BundleFiles files = null;
        PageIndex pages = null;
        Signature signature = new Signature(Signature.Kind.FOLDER, null);
        String fileName = Path.of(in.shown()).getFileName() == null ? in.shown() : Path.of(in.shown()).getFileName().toString();
        if (in.pdf() != null) {
            List<Verifier.Result> sigs;
            try {
                sigs = Verifier.verify(in.pdf());
            } catch (IOException notAPdf) {
                return skip(in, fileName, "it is not a PDF that can be read", "this file cannot be read as a PDF ("
                        + notAPdf.getMessage() + ")", "give the provider's final PDF, made by `build --final`");
            }
            Optional<Verifier.Result> failed = sigs.stream().filter(x -> !x.ok()).findFirst();
            if (failed.isPresent()) {
                Verifier.Result f = failed.get();
                String why = !f.intact() ? (f.problem() == null ? "the signed bytes have changed since signing" : f.problem())
                        : "the file was changed after it was signed (" + f.bytesAfter() + " bytes added)";
                return skip(in, fileName, "its digital signature failed: " + why,
                        "the digital signature fails: " + why + "; nothing in this PDF was read",
                        "ask the provider for its report exactly as signed");
            }
            signature = sigs.isEmpty() ? new Signature(Signature.Kind.UNSIGNED, null)
                    : new Signature(Signature.Kind.VALID, String.join(", ", sigs.stream().map(Verifier.Result::signer).toList()));
            Unpacked u = unpack(in.pdf());
            if (u.problem() != null) {
                return skip(in, fileName, "it carries no report data", u.problem(),
                        "give the provider's folder, or the PDF made by `build --final`, which carries its source data");
            }
            files = u.bundle();
            pages = u.pages();
        }
        BundleLoader.Result r = files == null ? BundleLoader.load(in.bundle()) : BundleLoader.load(files);
        Diagnostics d = r.diagnostics();
        String name = r.bundle().map(b -> b.meta().provider().name()).orElse(fileName);
        if (in.pdf() != null && d.hasErrors()) {
            // what a PDF carries was made by a build that refuses errors: it was damaged or altered since
            Diagnostic first = d.sorted().stream().filter(Diagnostic::isError).findFirst().orElseThrow();
            return skip(in, name, "the report data its PDF carries is damaged",
                    "the report data this PDF carries is damaged and cannot be read (" + first.format().lines().findFirst()
                            .orElse("") + ")", "ask the provider for a fresh copy of its final PDF");
        }
        if (finalReports) {
            r.bundle().ifPresent(b -> FinalRules.apply(b, d));
        }
        if (!d.hasErrors() && r.bundle().isPresent() && in.pdf() == null) {
            pages = ReportBuilder.pages(r.bundle().get(), finalReports, d).orElse(null);
        }
        if (d.hasErrors() || r.bundle().isEmpty()) {
            List<Diagnostic> errors = d.sorted().stream().filter(Diagnostic::isError).toList();
            return new Outcome(null, new Skipped(in.shown(), name, plainReason(errors, finalReports), errors));
        }
        Bundle b = r.bundle().get();
        List<String> notes = new ArrayList<>();
        if (in.pdf() != null && pages != null) {
            // the page index came with the PDF: each page it gives is checked against that PDF's own text
            PageIndex.Proven proven = pages.provenAgainst(in.pdf(), anchor -> expectedText(b, anchor));
            pages = proven.index();
            notes.addAll(proven.problems());
        }
        Map<String, Narrative> shown = new LinkedHashMap<>();
        PROVIDER_SECTIONS.forEach(id -> {
            if (b.sections().containsKey(id)) {
                shown.put(id, b.sections().get(id));
            }
        });
        Bundle small = b.withSections(shown);
        return new Outcome(new Provider(small, in.shown(), signature, Set.copyOf(b.gaps()), pages, List.copyOf(notes)), null);
    }

    private static Outcome skip(Input in, String name, String reason, String message, String hint) {
        return new Outcome(null, new Skipped(in.shown(), name, reason,
                List.of(new Diagnostic(Severity.ERROR, "", 0, 0, message, hint))));
    }

    /** A board's account of a provider's errors: which files hold them and how many, never a compiler line. */
    static String plainReason(List<Diagnostic> errors, boolean finalReports) {
        if (errors.isEmpty()) {
            return "its report could not be read";
        }
        Set<String> files = new LinkedHashSet<>();
        errors.forEach(e -> files.add(e.file().isEmpty() ? "its folder" : e.file()));
        String where = files.size() <= 3 ? String.join(", ", files) : files.size() + " of its files";
        return (finalReports ? "it is not yet a final report: " : "its report has errors: ") + errors.size()
                + (errors.size() == 1 ? " error" : " errors") + " in " + where;
    }

    /** What a provider's report prints where an anchor of its page index points: a section's heading, a measure's label. */
    private static String expectedText(Bundle b, String anchor) {
        if (anchor.startsWith("sec-")) {
            return b.template().heading(anchor.substring(4));
        }
        return MeasureCatalog.get().measure(anchor.substring("measure-".length())).map(Measure::label).orElse(null);
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
                        if (p.gaps().contains(q)) {
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
            out.put(p.name(), List.copyOf(row));
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
                        out.add(new Red(p.name(), m.id(), m.label(), period,
                                org.safeguardingreport.model.Figures.format(r, b.template().threshold(m.id())),
                                p.pages() == null ? null : p.pages().measure(m.id()).orElse(null)));
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
            for (String q : shared) {
                if (p.gaps().contains(q)) {
                    int standard = Integer.parseInt(q.substring(0, q.indexOf('.')));
                    out.add(new Gap(p.name(), q, p.bundle().template().question(q).map(Template.AuditQuestion::text).orElse(""),
                            p.pages() == null ? null : p.pages().standard(standard).orElse(null)));
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

    }
