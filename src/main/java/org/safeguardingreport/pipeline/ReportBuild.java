package org.safeguardingreport.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;

import org.safeguardingreport.audit.AuditBuilder;
import org.safeguardingreport.audit.AuditView;
import org.safeguardingreport.bundle.BundleLoader;
import org.safeguardingreport.bundle.FinalRules;
import org.safeguardingreport.diag.Diagnostic;
import org.safeguardingreport.diag.DiagnosticJson;
import org.safeguardingreport.diag.Diagnostics;
import org.safeguardingreport.json.JsonWriter;
import org.safeguardingreport.model.Bundle;
import org.safeguardingreport.pdf.PdfWriter;
import org.safeguardingreport.html.NarrativeHtml;
import org.safeguardingreport.pdf.PageIndex;
import org.safeguardingreport.html.ReportBuilder;
import org.safeguardingreport.html.ReportView;
import org.safeguardingreport.sign.Signer;
import org.safeguardingreport.sign.SigningKey;

/**
 * A provider's build, in one place for every caller (the build command, the benchmarks, a preview):
 * load, check, the report's layout and PDF with its pages proven, the Word report, the audit in both
 * editions from the proven pages, signing, and the files ready to publish. Nothing is written here.
 */
public final class ReportBuild {
    public static final String REPORT_PDF = "annual-report.pdf";
    public static final String REPORT_DOCX = "annual-report.docx";
    public static final String AUDIT_PDF = "audit.pdf";
    public static final String AUDIT_DOCX = "audit.docx";
    public static final String BUILD_JSON = "build.json";

    /** What a build came to. */
    public sealed interface Outcome permits Built, Refused, Unproven {
    }

    /** Every output, by file name in publishing order; {@code diags} holds the warnings. */
    public record Built(Bundle bundle, ReportBuilder.Report report, Map<String, byte[]> files, Diagnostics diags)
            implements Outcome {
    }

    /** The bundle has errors, or a final build was refused: nothing to publish. */
    public record Refused(Diagnostics diags, boolean finalGate) implements Outcome {
    }

    /** A page the report or audit would print could not be proven from the PDF's text: each block, at its source line. */
    public record Unproven(List<String> lines) implements Outcome {
    }

    /** What a preview hears while its build runs. */
    public interface Watch {
        /** The build has reached a stage, in words ("laying out the pages"). */
        void stage(String stage);

        /**
         * The report's pages as saved, with each page's version ({@link org.safeguardingreport.pdf.PageVersions}),
         * before they are proven and the audit is written: what the preview shows first.
         */
        void pages(byte[] pdf, List<String> versions) throws IOException;

        /** The last build's page prints, kept by the watcher ({@link org.safeguardingreport.pdf.FirstLook}). */
        default List<String> lastPrints() {
            return null;
        }

        /** This build's page prints, for the watcher to give the next build. */
        default void printed(List<String> prints) {
        }

        /** The pages whose layout changed, painted ahead of the rest: the first look at an edit. */
        default void firstLook(org.safeguardingreport.pdf.FirstLook.Pages pages) throws IOException {
        }
    }

    private static final Watch UNWATCHED = new Watch() {
        @Override
        public void stage(String stage) {
        }

        @Override
        public void pages(byte[] pdf, List<String> versions) {
        }
    };

    private final boolean finalBuild;
    /** false: no Word edition of the report or the audit (a preview); the files then hold only the PDFs and build.json. */
    private final boolean word;
    /** A preview's listener; null for a report that is kept. */
    private final Watch watch;

    private ReportBuild(boolean finalBuild, boolean word, Watch watch) {
        this.finalBuild = finalBuild;
        this.word = word;
        this.watch = watch;
    }

    /** Builds the bundle at {@code root}; {@code key} signs both PDFs of a final build (null: not signed). */
    public static Outcome run(Path root, boolean finalBuild, SigningKey key) throws IOException {
        return new ReportBuild(finalBuild, true, null).run(root, key);
    }

    /**
     * The same build without the Word editions (the preview, which remakes the report on every save):
     * {@link Built#files()} holds {@value #REPORT_PDF}, {@value #AUDIT_PDF} and {@value #BUILD_JSON}.
     */
    public static Outcome runWithoutWord(Path root, boolean finalBuild) throws IOException {
        return new ReportBuild(finalBuild, false, null).run(root, null);
    }

    /**
     * A preview of the draft: the same build without the Word editions, whose report PDF is made to be
     * looked at ({@link PdfWriter.Preview}: not tagged, charts as pictures). {@code watch} hears each
     * stage, and the pages as soon as they are saved, before they are proven and the audit is written.
     */
    public static Outcome preview(Path root, Watch watch) throws IOException {
        return new ReportBuild(false, false, watch).run(root, null);
    }

    private Watch watch() {
        return watch == null ? UNWATCHED : watch;
    }

    private Outcome run(Path root, SigningKey key) throws IOException {
        watch().stage("reading the bundle");
        BundleLoader.Result loaded = BundleLoader.load(root);
        Diagnostics diags = loaded.diagnostics();
        if (finalBuild) {
            loaded.bundle().ifPresent(b -> FinalRules.apply(b, diags));
        }
        if (diags.hasErrors() || loaded.bundle().isEmpty()) {
            return new Refused(diags, finalBuild);
        }
        Bundle b = loaded.bundle().get();
        ReportView.Result view = ReportView.build(b, finalBuild);
        watch().stage("laying out the pages");
        // The other core writes the Word report (it needs only the view), then the audit as soon as the
        // report's layout gives its pages (a preview's, once its pages are out); whichever core is free
        // first takes the audit.
        ExecutorService other = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "second-core");
            t.setDaemon(true);
            return t;
        });
        try {
            AtomicReference<FutureTask<Audit>> auditTask = new AtomicReference<>();
            AtomicReference<FutureTask<byte[]>> wordReport = new AtomicReference<>();
            Optional<ReportBuilder.Report> report;
            try {
                // the Word report is written from the very document the PDF is laid out from
                report = ReportBuilder.build(b, finalBuild, view, diags, index -> {
                    watch().stage("painting " + index.pages() + " pages");
                    FutureTask<Audit> t = new FutureTask<>(() -> audit(b, index));
                    auditTask.set(t);
                    if (watch == null) {
                        other.execute(t);
                    }
                }, !word ? org.safeguardingreport.pdf.PdfWriter.Edition.NONE : laid -> {
                    try {
                        // made while the layout is open; written out on the other core while the pages are painted
                        var pkg = org.safeguardingreport.word.XhtmlWord.document(laid, !finalBuild, view.charts(),
                                b.template().wordReference());
                        FutureTask<byte[]> save = new FutureTask<>(() -> org.safeguardingreport.word.XhtmlWord.save(pkg));
                        wordReport.set(save);
                        other.execute(save);
                    } catch (org.docx4j.openpackaging.exceptions.Docx4JException e) {
                        throw new IOException("the Word report could not be written", e);
                    }
                }, watch == null ? null : new PdfWriter.Preview() {
                    @Override
                    public void saved(byte[] pdf, List<String> versions) throws IOException {
                        watch.pages(pdf, versions);
                        // a preview's pages come first: work on the other core slows the painting of the
                        // pages by half (they share one machine), so the audit starts once they are out
                        other.execute(auditTask.get());
                        watch.stage("checking the audit's page citations");
                    }

                    @Override
                    public List<String> lastPrints() {
                        return watch.lastPrints();
                    }

                    @Override
                    public void printed(List<String> prints) {
                        watch.printed(prints);
                    }

                    @Override
                    public void firstLook(org.safeguardingreport.pdf.FirstLook.Pages pages) throws IOException {
                        watch.firstLook(pages);
                    }
                });
            } catch (PdfWriter.UnprovenPages e) {
                return unproven(view, e);
            }
            if (report.isEmpty()) {
                return new Refused(diags, false);
            }
            FutureTask<Audit> task = auditTask.get();
            task.run();        // does nothing when the other core has already taken it
            Audit audit = outcome(task);
            if (!audit.cited().equals(report.get().citations())) {
                // the proof moved a citation after the layout: the audit is made again from the proven pages
                FutureTask<Audit> again = new FutureTask<>(() -> audit(b, report.get().index()));
                again.run();
                audit = outcome(again);
            }
            diags.addAll(audit.diags());
            if (audit.pdf().isEmpty()) {
                return new Refused(diags, false);
            }
            FutureTask<byte[]> wordTask = wordReport.get();
            byte[] docx = null;
            if (wordTask != null) {
                wordTask.run();        // does nothing when the other core has already taken it
                docx = outcome(wordTask);
            }
            return new Built(b, report.get(), files(b, report.get(), docx, audit, key, diags), diags);
        } finally {
            other.shutdownNow();
        }
    }

    private static Unproven unproven(ReportView.Result view, PdfWriter.UnprovenPages e) {
        Map<String, NarrativeHtml.Anchor> anchors = new java.util.HashMap<>();
        view.anchors().forEach(a -> anchors.put(a.id(), a));
        List<String> lines = new java.util.ArrayList<>();
        for (org.safeguardingreport.pdf.PageProof.Failure f : e.failures()) {
            var a = anchors.get(f.id());
            String where = a != null ? a.file() + ":" + a.line() : f.id();
            lines.add(where + ": internal fault: the report would cite page " + f.page() + " for this block, but "
                    + f.reason() + " (its first words: \"" + f.words() + "\")");
        }
        return new Unproven(lines);
    }

    /** The audit PDF and Word form, from the report's pages; its messages are kept apart until joined. */
    private record Audit(Optional<byte[]> pdf, byte[] docx, Diagnostics diags, Map<String, List<Integer>> cited) {
    }

    private Audit audit(Bundle b, PageIndex index) throws Exception {
        Diagnostics d = new Diagnostics();
        List<AuditView.Group> groups = AuditView.build(b, index.questions());
        Optional<AuditBuilder.Editions> e = AuditBuilder.editions(b, finalBuild, groups, index.pages(), word, d);
        return new Audit(e.map(AuditBuilder.Editions::pdf), e.map(AuditBuilder.Editions::docx).orElse(null), d,
                index.questions());
    }

    /** A finished task's value; what it threw is thrown again here, as the same kind of failure. */
    private static <T> T outcome(FutureTask<T> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the outputs", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            } else if (e.getCause() instanceof Error er) {
                throw er;
            } else if (e.getCause() instanceof IOException io) {
                throw new java.io.UncheckedIOException(io);
            }
            throw new IllegalStateException("the Word documents could not be written", e.getCause());
        }
    }

    private Map<String, byte[]> files(Bundle b, ReportBuilder.Report report, byte[] reportDocx, Audit audit, SigningKey key,
                                      Diagnostics diags) throws IOException {
        byte[] reportPdf = report.pdf();
        byte[] auditPdf = audit.pdf().get();
        if (key != null) {
            var s = b.meta().signOff();
            Signer.Approval approval = new Signer.Approval(s.approvedBy(), s.role(), s.body(),
                    java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK).format(s.date()));
            reportPdf = Signer.sign(reportPdf, key, approval);
            auditPdf = Signer.sign(auditPdf, key, approval);
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(REPORT_PDF, reportPdf);
        if (reportDocx != null) {
            files.put(REPORT_DOCX, reportDocx);
        }
        files.put(AUDIT_PDF, auditPdf);
        if (audit.docx() != null) {
            files.put(AUDIT_DOCX, audit.docx());
        }
        files.put(BUILD_JSON, JsonWriter.write(buildJson(b, report, diags)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return files;
    }

    private Map<String, Object> buildJson(Bundle b, ReportBuilder.Report r, Diagnostics diags) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bundle", b.name());
        m.put("template", b.template().name());
        m.put("reportingYear", b.meta().reportingYear().label());
        m.put("final", finalBuild);
        m.put("pages", r.pages());
        m.put("citations", r.citations());
        Map<String, List<Map<String, Object>>> proof = new java.util.TreeMap<>(ReportBuilder::byQuestion);
        for (ReportBuilder.Evidence e : r.evidence()) {
            for (String q : e.questions()) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("page", e.page());
                x.put("file", e.file());
                x.put("line", e.line());
                x.put("words", e.words());
                proof.computeIfAbsent(q, k -> new java.util.ArrayList<>()).add(x);
            }
        }
        m.put("evidence", proof);
        m.put("gaps", b.gaps());
        List<Diagnostic> warnings = diags.sorted().stream().filter(d -> !d.isError()).toList();
        m.put("warnings", DiagnosticJson.of(warnings).stream().map(w -> {
            Map<String, Object> x = new LinkedHashMap<>(w);
            x.remove("severity");
            return x;
        }).toList());
        return m;
    }

}
