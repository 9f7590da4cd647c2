package org.safeguardingreport.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
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
import org.safeguardingreport.diag.Diagnostics;
import org.safeguardingreport.docx.ReportDocx;
import org.safeguardingreport.json.JsonWriter;
import org.safeguardingreport.model.Bundle;
import org.safeguardingreport.render.PageIndex;
import org.safeguardingreport.render.ReportBuilder;
import org.safeguardingreport.render.ReportView;
import org.safeguardingreport.sign.Signer;
import org.safeguardingreport.sign.SigningKey;
import org.safeguardingreport.text.SourceText;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Build the annual report and its audit: annual-report.pdf and .docx, audit.pdf and .docx, build.json.",
                "Without --final it is a draft, marked DRAFT on every page."})
final class BuildCommand implements Callable<Integer> {
    static final String REPORT_PDF = "annual-report.pdf";
    static final String REPORT_DOCX = "annual-report.docx";
    static final String AUDIT_PDF = "audit.pdf";
    static final String AUDIT_DOCX = "audit.docx";
    static final String BUILD_JSON = "build.json";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BUNDLE", description = "the bundle folder")
    Path bundle;

    @Option(names = {"-o", "--out"}, paramLabel = "OUT", description = "output folder (default: out/<bundle folder name>/)")
    Path out;

    @Option(names = "--final", description = "the signed-off report: refuses unless the bundle passes check --final (the "
            + "sign-off filled in, a complete board cover sheet, no audit gap, no placeholder picture, no init prompt left)")
    boolean finalBuild;

    @Option(names = "--sign", paramLabel = "KEYSTORE.p12",
            description = "with --final: sign annual-report.pdf and audit.pdf with the key in this PKCS#12 keystore")
    Path keystore;

    @Option(names = "--sign-password-env", paramLabel = "VAR",
            description = "the environment variable holding the keystore's password (otherwise it is asked for)")
    String passwordEnv;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (keystore != null && !finalBuild) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--sign signs a final report: add --final");
        }
        if (passwordEnv != null && keystore == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--sign-password-env needs --sign KEYSTORE.p12");
        }
        if (out != null && Files.exists(out) && !Files.isDirectory(out)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "-o " + out + ": this is a file; the output "
                    + "must be a folder, which will hold annual-report.pdf, annual-report.docx, audit.pdf, audit.docx and build.json");
        }
        SigningKey key = null;
        if (keystore != null) {
            char[] password = password(err);
            if (password == null) {
                return Main.INPUT_ERRORS;
            }
            try {
                key = SigningKey.load(keystore, password);
            } catch (SigningKey.Unusable e) {
                err.println(e.getMessage().startsWith(keystore.toString()) ? e.getMessage().replaceFirst(
                        java.util.regex.Pattern.quote(keystore.toString()) + ": ", keystore + ": error: ") : "error: " + e.getMessage());
                err.println("build stopped: the report cannot be signed; nothing was written");
                return Main.INPUT_ERRORS;
            } finally {
                java.util.Arrays.fill(password, '\0');
            }
        }
        BundleLoader.Result loaded = BundleLoader.load(bundle);
        Diagnostics diags = loaded.diagnostics();
        if (finalBuild) {
            loaded.bundle().ifPresent(b -> FinalRules.apply(b, diags));
        }
        if (diags.hasErrors() || loaded.bundle().isEmpty()) {
            DiagnosticPrinter.print(diags, err);
            err.println((finalBuild ? "final build refused: " : "build stopped: ") + DiagnosticPrinter.counts(diags)
                    + "; nothing was written");
            return Main.INPUT_ERRORS;
        }
        Bundle b = loaded.bundle().get();
        ReportView.Result view = ReportView.build(b, finalBuild);
        // The other core writes the Word report (it needs only the view), then the audit as soon as the
        // report's layout gives its pages; whichever core is free first takes the audit.
        ExecutorService other = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "second-core");
            t.setDaemon(true);
            return t;
        });
        try {
            FutureTask<byte[]> wordReport = new FutureTask<>(() -> ReportDocx.write(b, finalBuild, view));
            other.execute(wordReport);
            AtomicReference<FutureTask<Audit>> auditTask = new AtomicReference<>();
            Optional<ReportBuilder.Report> report;
            try {
                report = ReportBuilder.build(b, finalBuild, view, diags, index -> {
                    FutureTask<Audit> t = new FutureTask<>(() -> audit(b, index));
                    auditTask.set(t);
                    other.execute(t);
                });
            } catch (org.safeguardingreport.pdf.PdfWriter.UnprovenPages e) {
                unproven(err, view, e);
                return Main.INTERNAL;
            }
            if (report.isEmpty()) {
                DiagnosticPrinter.print(diags, err);
                err.println("build stopped: " + DiagnosticPrinter.counts(diags) + "; nothing was written");
                return Main.INPUT_ERRORS;
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
            DiagnosticPrinter.print(diags, err);
            if (audit.pdf().isEmpty()) {
                err.println("build stopped: " + DiagnosticPrinter.counts(diags) + "; nothing was written");
                return Main.INPUT_ERRORS;
            }
            return signAndPublish(err, b, report.get(), outcome(wordReport), audit, key, diags);
        } finally {
            other.shutdownNow();
        }
    }

    /**
     * The report's own text does not bear out a page it would print: an internal fault, named at
     * each block's source line, and nothing is published.
     */
    private static void unproven(PrintWriter err, ReportView.Result view, org.safeguardingreport.pdf.PdfWriter.UnprovenPages e) {
        Map<String, org.safeguardingreport.render.NarrativeHtml.Anchor> anchors = new java.util.HashMap<>();
        view.anchors().forEach(a -> anchors.put(a.id(), a));
        for (org.safeguardingreport.pdf.PageProof.Failure f : e.failures()) {
            var a = anchors.get(f.id());
            String where = a != null ? a.file() + ":" + a.line() : f.id();
            err.println(where + ": internal fault: the report would cite page " + f.page() + " for this block, but "
                    + f.reason() + " (its first words: \"" + f.words() + "\")");
        }
        err.println("build stopped: a page the report or audit would print could not be proven against the PDF's text;"
                + " nothing was written. Please report this with the bundle.");
    }

    /** The audit PDF and Word form, from the report's pages; its messages are kept apart until joined. */
    private record Audit(Optional<byte[]> pdf, byte[] docx, Diagnostics diags, Map<String, List<Integer>> cited) {
    }

    private Audit audit(Bundle b, PageIndex index) throws Exception {
        Diagnostics d = new Diagnostics();
        List<AuditView.Group> groups = AuditView.build(b, index.questions());
        Optional<AuditBuilder.Editions> e = AuditBuilder.editions(b, finalBuild, groups, index.pages(), true, d);
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

    private Integer signAndPublish(PrintWriter err, Bundle b, ReportBuilder.Report report, byte[] reportDocx, Audit audit,
                                   SigningKey key, Diagnostics diags) throws IOException {
        byte[] auditDocx = audit.docx();
        Path target = out != null ? out : Paths.get("out", b.name());
        byte[] reportPdf = report.pdf();
        byte[] auditPdfBytes = audit.pdf().get();
        if (key != null) {
            var s = b.meta().signOff();
            Signer.Approval approval = new Signer.Approval(s.approvedBy(), s.role(), s.body(),
                    java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK).format(s.date()));
            reportPdf = Signer.sign(reportPdf, key, approval);
            auditPdfBytes = Signer.sign(auditPdfBytes, key, approval);
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(REPORT_PDF, reportPdf);
        files.put(REPORT_DOCX, reportDocx);
        files.put(AUDIT_PDF, auditPdfBytes);
        files.put(AUDIT_DOCX, auditDocx);
        files.put(BUILD_JSON, JsonWriter.write(buildJson(b, report, diags)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try {
            publish(target, files);
        } catch (IOException e) {
            err.println(target + ": error: cannot write the outputs: " + SourceText.describe(e));
            return Main.INPUT_ERRORS;
        }
        PrintWriter o = spec.commandLine().getOut();
        o.println("Built the " + (finalBuild ? "final" : "draft") + " annual report and audit of " + b.meta().provider().name()
                + ", " + b.meta().reportingYear().label() + " (" + report.pages() + " pages)");
        for (String f : files.keySet()) {
            o.println("  " + target.resolve(f));
        }
        if (finalBuild) {
            o.println(key != null ? "The PDFs are digitally signed by " + key.certificate().getSubjectX500Principal().getName()
                    + "; check them with: ./build-report.sh verify " + target.resolve(REPORT_PDF)
                    : "The final PDFs are not digitally signed (add --sign KEYSTORE.p12 to sign them).");
        }
        return Main.OK;
    }

    /** From the named environment variable, or asked for on the terminal; never from the command line. */
    private char[] password(PrintWriter err) {
        if (passwordEnv != null) {
            String v = System.getenv(passwordEnv);
            if (v == null) {
                err.println("error: the environment variable " + passwordEnv + " is not set");
                return null;
            }
            return v.toCharArray();
        }
        java.io.Console console = System.console();
        if (console == null) {
            err.println("error: no terminal to ask for the keystore password: give --sign-password-env VAR");
            return null;
        }
        return console.readPassword("Password for %s: ", keystore);
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
        m.put("warnings", DiagnosticPrinter.asJson(warnings).stream().map(w -> {
            Map<String, Object> x = new LinkedHashMap<>(w);
            x.remove("severity");
            return x;
        }).toList());
        return m;
    }

    /**
     * Writes every file into a fresh folder beside {@code target}, then moves each into place; a
     * failure before the moves leaves the previous outputs as they were.
     */
    static void publish(Path target, Map<String, byte[]> files) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        Path tmp = org.safeguardingreport.text.Folders.stagingBeside(abs, "build");
        try {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Files.write(tmp.resolve(f.getKey()), f.getValue());
            }
            // two builds into one OUT take turns here, so each leaves a complete set, never a mixture; the lock
            // lives in the temporary folder (named for OUT), so nothing but the outputs is left beside them
            Path lock = lockFor(abs);
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(lock,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
                 java.nio.channels.FileLock held = ch.lock()) {
                if (!Files.exists(abs)) {
                    move(tmp, abs);
                    return;
                }
                for (String name : files.keySet()) {
                    move(tmp.resolve(name), abs.resolve(name));
                }
            }
        } finally {
            org.safeguardingreport.text.Folders.deleteTree(tmp);
        }
    }

    /** The lock file that writers of {@code out} take turns on: in the temporary folder, named for {@code out}. */
    static Path lockFor(Path out) {
        try {
            byte[] h = java.security.MessageDigest.getInstance("SHA-256").digest(
                    out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return Path.of(System.getProperty("java.io.tmpdir"), "safeguarding-report-"
                    + java.util.HexFormat.of().formatHex(h, 0, 12) + ".lock");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
