package org.safeguardingreport.preview;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.safeguardingreport.diag.Diagnostic;
import org.safeguardingreport.diag.DiagnosticJson;
import org.safeguardingreport.diag.Diagnostics;
import org.safeguardingreport.html.ReportBuilder;
import org.safeguardingreport.json.JsonWriter;
import org.safeguardingreport.model.Bundle;
import org.safeguardingreport.model.Template;
import org.safeguardingreport.pipeline.ReportBuild;

/**
 * Rebuilds the bundle's draft with the build command's own pipeline (without the Word editions) and
 * paints its pages as PNG files into the preview's folder. Requests are debounced: saves closer than
 * {@link #QUIET_MS} apart make one build, and there is never more than one build running and one waiting.
 * A failed build keeps the last good pages, marked out of date.
 */
final class Rebuilder implements AutoCloseable {
    static final long QUIET_MS = 150;
    static final float DPI = 96f;

    /** One page image: its number, a digest of what is drawn on it (the image's version), its file and size. */
    record Page(int number, String version, Path file, int width, int height) {
    }

    /** What the preview shows now: the last good pages and the latest build's outcome. */
    record Snapshot(String status, long generation, long millis, List<Page> pages, byte[] pdf, boolean stale,
                    List<Map<String, Object>> diagnostics, List<Map<String, Object>> contents,
                    Map<String, List<Integer>> citations, Map<String, Long> timings) {
        String json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("status", status);
            m.put("generation", generation);
            m.put("millis", millis);
            m.put("stale", stale);
            m.put("timings", timings);
            m.put("pageCount", pages.size());
            m.put("pages", pages.stream().map(p -> {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("n", p.number());
                x.put("v", p.version());
                x.put("w", p.width());
                x.put("h", p.height());
                return x;
            }).toList());
            m.put("diagnostics", diagnostics);
            m.put("contents", contents);
            m.put("citations", citations);
            return JsonWriter.write(m);
        }
    }

    private final Path bundle;
    private final Path pagesDir;
    private final Consumer<Snapshot> listener;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "preview-build");
        t.setDaemon(true);
        return t;
    });
    private ScheduledFuture<?> waiting;
    private volatile boolean closed;
    private volatile Snapshot current;
    private long generation;
    private long fileSerial;

    Rebuilder(Path bundle, Path outDir, Consumer<Snapshot> listener) throws IOException {
        this.bundle = bundle;
        this.pagesDir = Files.createDirectories(outDir.resolve("pages"));
        this.listener = listener;
        this.current = new Snapshot("building", 0, 0, List.of(), null, false, List.of(), List.of(), Map.of(), Map.of());
    }

    Snapshot current() {
        return current;
    }

    /** A change was seen: build once things have been quiet for {@link #QUIET_MS}. */
    synchronized void changed() {
        if (waiting != null) {
            waiting.cancel(false);   // not started yet: replaced; already running: the new one waits behind it
        }
        waiting = worker.schedule(this::build, QUIET_MS, TimeUnit.MILLISECONDS);
    }

    /** Builds now (on the build thread), e.g. at start. */
    synchronized void buildNow() {
        if (waiting != null) {
            waiting.cancel(false);
        }
        waiting = worker.schedule(this::build, 0, TimeUnit.MILLISECONDS);
    }

    private void build() {
        long start = System.nanoTime();
        Snapshot last = current;
        current = new Snapshot("building", last.generation(), last.millis(), last.pages(), last.pdf(), last.stale(),
                last.diagnostics(), last.contents(), last.citations(), last.timings());
        listener.accept(current);
        Snapshot next;
        long gen = ++generation;
        try {
            ReportBuild.Outcome outcome = ReportBuild.runWithoutWord(bundle, false);
            if (outcome instanceof ReportBuild.Built built) {
                byte[] pdf = built.files().get(ReportBuild.REPORT_PDF);
                long buildMs = (System.nanoTime() - start) / 1_000_000;
                int[] painted = new int[1];
                List<Page> pages = render(pdf, last.pages(), painted);
                long ms = (System.nanoTime() - start) / 1_000_000;
                Map<String, Long> timings = new LinkedHashMap<>();
                timings.put("buildMillis", buildMs);
                timings.put("renderMillis", ms - buildMs);
                timings.put("pagesPainted", (long) painted[0]);
                next = new Snapshot("built", gen, ms, pages, pdf, false, diagnostics(built.diags(), built),
                        contents(built.bundle(), built.report()), built.report().citations(), Map.copyOf(timings));
                deleteUnused(last.pages(), pages);
            } else {
                List<Map<String, Object>> diags = new ArrayList<>();
                if (outcome instanceof ReportBuild.Refused r) {
                    diags.addAll(diagnostics(r.diags(), null));
                } else if (outcome instanceof ReportBuild.Unproven u) {
                    u.lines().forEach(l -> diags.add(plain(l)));
                }
                next = failed(last, gen, start, diags);
            }
        } catch (IOException | RuntimeException e) {
            next = failed(last, gen, start, List.of(plain("the build failed: " + e)));
        }
        if (closed) {
            return;
        }
        current = next;
        listener.accept(next);
    }

    private static Snapshot failed(Snapshot last, long gen, long start, List<Map<String, Object>> diags) {
        long ms = (System.nanoTime() - start) / 1_000_000;
        return new Snapshot("failed", gen, ms, last.pages(), last.pdf(), !last.pages().isEmpty(), diags,
                last.contents(), last.citations(), Map.of("buildMillis", ms));
    }

    private static Map<String, Object> plain(String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", null);
        m.put("line", null);
        m.put("column", null);
        m.put("severity", "error");
        m.put("message", message);
        return m;
    }

    /** Each message as JSON, with the page where its block (or else its section) starts when the build knows it. */
    private static List<Map<String, Object>> diagnostics(Diagnostics diags, ReportBuild.Built built) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Diagnostic d : diags.sorted()) {
            Map<String, Object> m = new LinkedHashMap<>(DiagnosticJson.of(d));
            Integer page = built == null ? null : pageOf(d, built);
            m.put("page", page);
            out.add(m);
        }
        return out;
    }

    private static Integer pageOf(Diagnostic d, ReportBuild.Built built) {
        if (d.file() == null) {
            return null;
        }
        String file = d.file().replace('\\', '/');
        Integer best = null;
        int bestLine = -1;
        for (ReportBuilder.Evidence e : built.report().evidence()) {
            if (file.equals(e.file()) && e.line() <= d.line() && e.line() > bestLine) {
                best = e.page();
                bestLine = e.line();
            }
        }
        if (best != null) {
            return best;
        }
        if (file.startsWith("narrative/") && file.endsWith(".md")) {
            String id = file.substring("narrative/".length(), file.length() - 3);
            return built.report().index().sections().get(id);
        }
        return null;
    }

    private static List<Map<String, Object>> contents(Bundle b, ReportBuilder.Report report) {
        List<Map<String, Object>> out = new ArrayList<>();
        Map<String, Template.SectionSpec> specs = new LinkedHashMap<>();
        b.template().sections().forEach(s -> specs.put(s.id(), s));
        report.index().sections().forEach((id, page) -> {
            Template.SectionSpec s = specs.get(id);
            String title = s == null ? id
                    : ((s.number() == null || s.number().isBlank() ? "" : s.number() + " ") + s.heading()).trim();
            var n = b.sections().get(id);
            if (n != null && n.titleOverride() != null && !n.titleOverride().isBlank()) {
                title = n.titleOverride();
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("title", title);
            m.put("page", page);
            out.add(m);
        });
        out.sort(java.util.Comparator.comparingInt(m -> (Integer) m.get("page")));
        return out;
    }

    /** Paints each page whose drawing changed since the last good build; an unchanged page keeps its image. */
    private List<Page> render(byte[] pdf, List<Page> before, int[] painted) throws IOException {
        Map<String, Page> old = new java.util.HashMap<>();
        before.forEach(p -> old.put(p.number() + ":" + p.version(), p));
        List<Page> pages = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(doc);
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                String version = digest(doc.getPage(i));
                Page kept = old.get((i + 1) + ":" + version);
                if (kept != null && Files.exists(kept.file())) {
                    pages.add(kept);
                    continue;
                }
                if (closed) {
                    throw new IOException("the preview is stopping");
                }
                BufferedImage img = renderer.renderImageWithDPI(i, DPI, ImageType.RGB);
                painted[0]++;
                Path f = pagesDir.resolve("page-" + (i + 1) + "-" + (++fileSerial) + ".png");
                try (OutputStream o = Files.newOutputStream(f)) {
                    ImageIO.write(img, "png", o);
                }
                pages.add(new Page(i + 1, version, f, img.getWidth(), img.getHeight()));
            }
        }
        return List.copyOf(pages);
    }

    private static void deleteUnused(List<Page> before, List<Page> now) {
        java.util.Set<Path> kept = new java.util.HashSet<>();
        now.forEach(p -> kept.add(p.file()));
        for (Page p : before) {
            if (!kept.contains(p.file())) {
                try {
                    Files.deleteIfExists(p.file());
                } catch (IOException e) {
                    // left for the folder's removal at exit
                }
            }
        }
    }

    /** What is drawn on a page: its content, its pictures and which font subsets it uses. */
    static String digest(PDPage page) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = page.getContents()) {
            if (in != null) {
                md.update(in.readAllBytes());
            }
        }
        md.update(page.getMediaBox().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        PDResources res = page.getResources();
        if (res != null) {
            for (COSName n : res.getXObjectNames()) {
                PDXObject x = res.getXObject(n);
                md.update(n.getName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                if (x != null && x.getCOSObject() != null) {
                    COSStream s = x.getCOSObject();
                    try (InputStream in = s.createRawInputStream()) {
                        md.update(in.readAllBytes());
                    }
                }
            }
            for (COSName n : res.getFontNames()) {
                PDFont f = res.getFont(n);
                md.update((n.getName() + "=" + (f == null ? "" : f.getName())).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return HexFormat.of().formatHex(md.digest(), 0, 12);
    }

    /** Stops: a build under way writes no more page pictures, and is waited for only briefly (its thread is a daemon). */
    @Override
    public void close() {
        closed = true;
        worker.shutdownNow();
        try {
            worker.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
