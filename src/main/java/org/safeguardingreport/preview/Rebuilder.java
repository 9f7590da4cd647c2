package org.safeguardingreport.preview;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.safeguardingreport.diag.Diagnostic;
import org.safeguardingreport.diag.DiagnosticJson;
import org.safeguardingreport.diag.Diagnostics;
import org.safeguardingreport.html.ReportBuilder;
import org.safeguardingreport.json.JsonWriter;
import org.safeguardingreport.model.Bundle;
import org.safeguardingreport.model.Template;
import org.safeguardingreport.pdf.FirstLook;
import org.safeguardingreport.pipeline.ReportBuild;

/**
 * Rebuilds the bundle's draft with the build command's own pipeline ({@link ReportBuild#preview}: no
 * Word editions) and shows its pages as pictures painted on demand ({@link PageImages}). Requests are
 * debounced: saves closer than {@link #QUIET_MS} apart make one build, and there is never more than
 * one build running and one waiting. When an edit changes the layout of a few pages only, those
 * pages are shown first, painted ahead of the rest ({@link FirstLook}); the new pages are announced
 * as soon as they are saved; the audit's citations and the messages follow when the build is done.
 * A failed build keeps the last good pages, marked out of date.
 */
final class Rebuilder implements AutoCloseable {
    /** Quiet time after a change before building: an editor's save is several events within a few ms. */
    static final long QUIET_MS = 15;
    /**
     * Quiet time while saves keep coming (a change 10-300 ms after the last one: a script, or an editor
     * saving as the nurse types): one build when they stop, rather than one after another.
     */
    static final long BURST_QUIET_MS = 300;

    /** What the preview shows now: the last good pages and the latest build's outcome. */
    record Snapshot(String status, String stage, long generation, long millis, PageImages images, boolean stale,
                    List<Map<String, Object>> diagnostics, List<Map<String, Object>> contents,
                    Map<String, List<Integer>> citations, List<Map<String, Object>> audit, Map<String, Long> timings) {
        List<PageImages.Page> pages() {
            return images.pages();
        }

        byte[] pdf() {
            return images.pdf();
        }

        Snapshot with(String status, String stage) {
            return new Snapshot(status, stage, generation, millis, images, stale, diagnostics, contents, citations, audit,
                    timings);
        }

        /** The status and stage alone, as JSON: a build moving on, with nothing else new. */
        String stageJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("status", status);
            m.put("stage", stage);
            m.put("generation", generation);
            return JsonWriter.write(m);
        }

        String json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("status", status);
            m.put("stage", stage);
            m.put("generation", generation);
            m.put("millis", millis);
            m.put("stale", stale);
            m.put("timings", timings);
            m.put("pageCount", pages().size());
            m.put("pages", pages().stream().map(p -> {
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
            m.put("audit", audit);
            return JsonWriter.write(m);
        }
    }

    private final Path bundle;
    private final Consumer<Snapshot> listener;
    private final Consumer<Snapshot> stages;
    private final Map<String, byte[]> pictures = PageImages.store();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "preview-build");
        t.setDaemon(true);
        return t;
    });
    private ScheduledFuture<?> waiting;
    private volatile boolean closed;
    private volatile boolean changedSince;
    /** The page the reader last asked for: a rebuild paints the changed pages nearest to it first. */
    private volatile int lastAsked = 1;
    private long lastChange = System.nanoTime() - TimeUnit.SECONDS.toNanos(10);
    private long burstUntil = lastChange;
    private volatile Snapshot current;
    /** The page prints ({@link FirstLook}) of the build whose pages were last announced. */
    private volatile List<String> prints;
    private long generation;

    /**
     * {@code listener} hears every new snapshot; {@code stages} hears a snapshot that differs from the
     * last only in its status and stage (a build moving on), to be told in a few words.
     */
    Rebuilder(Path bundle, Consumer<Snapshot> listener, Consumer<Snapshot> stages) {
        this.bundle = bundle;
        this.listener = listener;
        this.stages = stages;
        this.current = new Snapshot("building", "starting", 0, 0, PageImages.empty(pictures), false, List.of(), List.of(),
                Map.of(), List.of(), Map.of());
    }

    Snapshot current() {
        return current;
    }

    /** Page {@code n}'s picture for the reader, who is looking at it; null when there is no such page. */
    byte[] png(int n) throws IOException {
        lastAsked = n;
        looked = true;
        byte[] png = current.images().png(n);
        readerServed.countDown();
        return png;
    }

    /**
     * The longest a build waits, once its first look or its new pages are announced, for the reader
     * to fetch one of them before it goes on (painting the rest, the proof, the audit), which would
     * otherwise take the cores from the request. A reader whose changed pages are out of view fetches
     * nothing, and the build goes on after this time.
     */
    static final long READER_WAIT_MS = 100;
    /** Counted down when the reader is served a page. */
    private volatile java.util.concurrent.CountDownLatch readerServed = new java.util.concurrent.CountDownLatch(0);
    /** Whether a reader has asked for any page yet (a preview nobody looks at never waits). */
    private volatile boolean looked;

    /** Waits, when someone is reading, until the reader has been served a page or {@link #READER_WAIT_MS} passed. */
    private void waitForReader(java.util.concurrent.CountDownLatch served) throws IOException {
        if (!looked) {
            return;
        }
        try {
            served.await(READER_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("the preview is stopping");
        }
    }

    /** A change was seen: build once things have been quiet for {@link #QUIET_MS}. */
    synchronized void changed() {
        changedSince = true;
        long now = System.nanoTime();
        long gap = (now - lastChange) / 1_000_000;
        lastChange = now;
        if (gap > 10 && gap < BURST_QUIET_MS) {
            burstUntil = now + TimeUnit.MILLISECONDS.toNanos(BURST_QUIET_MS);
        }
        long quiet = now - burstUntil < 0 ? BURST_QUIET_MS : QUIET_MS;
        if (waiting != null) {
            waiting.cancel(false);   // not started yet: replaced; already running: the new one waits behind it
        }
        waiting = worker.schedule(this::build, quiet, TimeUnit.MILLISECONDS);
    }

    /** Builds now (on the build thread), e.g. at start. */
    synchronized void buildNow() {
        if (waiting != null) {
            waiting.cancel(false);
        }
        waiting = worker.schedule(this::build, 0, TimeUnit.MILLISECONDS);
    }

    private void publish(Snapshot s) {
        if (!closed) {
            current = s;
            listener.accept(s);
        }
    }

    /** A build has moved on to {@code stage}: nothing else has changed. */
    private void publishStage(String status, String stage) {
        if (!closed) {
            Snapshot s = current.with(status, stage);
            current = s;
            stages.accept(s);
        }
    }

    @SuppressWarnings("unchecked")
    private void build() {
        changedSince = false;
        long start = System.nanoTime();
        Snapshot last = current;
        Map<String, Long> timings = new LinkedHashMap<>();
        publishStage("building", "reading the bundle");
        long gen = ++generation;
        PageImages[] shown = {null};
        List<String>[] laidOut = new List[] {null};
        ReportBuild.Watch watch = new ReportBuild.Watch() {
            @Override
            public void stage(String stage) {
                timings.put(stage.replaceAll("[0-9]+ ", "") + " (at ms)", (System.nanoTime() - start) / 1_000_000);
                publishStage("building", stage);
            }

            @Override
            public List<String> lastPrints() {
                return prints;
            }

            @Override
            public void printed(List<String> now) {
                laidOut[0] = now;
            }

            @Override
            public void firstLook(FirstLook.Pages look) throws IOException {
                Snapshot before = current;
                if (closed || before.stale() || prints == null || before.pages().size() != prints.size()) {
                    return;   // the pages shown are not the last build's: the whole document comes next
                }
                PageImages images = PageImages.ahead(before.images(), look);
                timings.put("first look (at ms)", (System.nanoTime() - start) / 1_000_000);
                var served = new java.util.concurrent.CountDownLatch(1);
                readerServed = served;
                // announced now, painted next: the reader's request for the picture waits for it
                publish(new Snapshot("building", "first pages painted", gen, before.millis(), images, false,
                        before.diagnostics(), before.contents(), before.citations(), before.audit(), Map.copyOf(timings)));
                images.paintAhead(look, lastAsked);
                timings.put("first look painted (at ms)", (System.nanoTime() - start) / 1_000_000);
                waitForReader(served);
                timings.put("reader served (at ms)", (System.nanoTime() - start) / 1_000_000);
            }

            @Override
            public void pages(byte[] pdf, List<String> versions) throws IOException {
                if (closed) {
                    throw new IOException("the preview is stopping");
                }
                prints = laidOut[0];
                timings.put("saved (at ms)", (System.nanoTime() - start) / 1_000_000);
                PageImages images = PageImages.of(pdf, versions, pictures);
                images.paintNear(lastAsked, 2);
                shown[0] = images;
                timings.put("pagesMillis", (System.nanoTime() - start) / 1_000_000);
                Snapshot before = current;
                boolean news = !before.pages().stream().map(PageImages.Page::version).toList().equals(versions);
                var served = new java.util.concurrent.CountDownLatch(1);
                readerServed = served;
                publish(new Snapshot("building", "pages painted", gen, before.millis(), images, false,
                        before.diagnostics(), before.contents(), before.citations(), before.audit(), Map.copyOf(timings)));
                before.images().close();
                timings.put("announced (at ms)", (System.nanoTime() - start) / 1_000_000);
                if (news) {
                    waitForReader(served);
                    timings.put("reader served (at ms)", (System.nanoTime() - start) / 1_000_000);
                }
            }
        };
        Snapshot next;
        try {
            ReportBuild.Outcome outcome = ReportBuild.preview(bundle, watch);
            long ms = (System.nanoTime() - start) / 1_000_000;
            timings.put("buildMillis", ms);
            if (outcome instanceof ReportBuild.Built built && shown[0] != null) {
                next = new Snapshot("built", "done", gen, ms, shown[0], false, diagnostics(built.diags(), built),
                        contents(built.bundle(), built.report()), built.report().citations(),
                        audit(built), Map.copyOf(timings));
            } else {
                List<Map<String, Object>> diags = new ArrayList<>();
                if (outcome instanceof ReportBuild.Refused r) {
                    diags.addAll(diagnostics(r.diags(), null));
                } else if (outcome instanceof ReportBuild.Unproven u) {
                    u.lines().forEach(l -> diags.add(plain(l)));
                }
                next = failed(current, gen, ms, diags);
            }
        } catch (IOException | RuntimeException e) {
            next = failed(current, gen, (System.nanoTime() - start) / 1_000_000,
                    List.of(plain("the build failed: " + e)));
        }
        if (closed) {
            return;
        }
        publish(next);
        if (next.status().equals("built")) {
            paintRest(next.images());
            if (warmUps < WARM_UPS) {
                warmUp();
            }
        }
    }

    /** Builds the preview runs, unseen, after its first one while the reader looks at the pages. */
    static final int WARM_UPS = 12;
    private int warmUps;

    /** Thrown from a warm-up build's watch to give up as soon as a real change comes. */
    private static final class GiveUp extends RuntimeException {
        GiveUp() {
            super(null, null, false, false);
        }
    }

    /**
     * The first builds of a process run slower than the rest while the JVM compiles the code they use;
     * a few unseen builds right after the first make the nurse's first edits as quick as her later ones.
     * A change, or stopping, ends them at the next stage.
     */
    private void warmUp() {
        ReportBuild.Watch unseen = new ReportBuild.Watch() {
            @Override
            public void stage(String stage) {
                if (changedSince || closed) {
                    throw new GiveUp();
                }
            }

            @Override
            public void pages(byte[] pdf, List<String> versions) {
                stage("pages");
            }

            /** As if the middle page had changed: the first look is compiled too. */
            @Override
            public List<String> lastPrints() {
                List<String> last = prints;
                if (last == null || last.isEmpty()) {
                    return null;
                }
                List<String> edited = new ArrayList<>(last);
                edited.set(edited.size() / 2, "as if edited");
                return edited;
            }

            @Override
            public void firstLook(FirstLook.Pages look) throws IOException {
                stage("first look");
                for (int n : look.numbers()) {
                    PageImages.encode(look.painter().paint(n, PageImages.DPI));
                }
            }
        };
        while (warmUps < WARM_UPS && !changedSince && !closed) {
            warmUps++;
            try {
                ReportBuild.preview(bundle, unseen);
            } catch (IOException | RuntimeException e) {   // GiveUp, or a bundle being edited
                return;
            }
        }
    }

    /** After a build, the pages not yet painted are painted while nothing else is asked for. */
    private void paintRest(PageImages images) {
        for (PageImages.Page p : images.pages()) {
            if (closed || changedSince) {
                return;
            }
            if (!images.has(p.version())) {
                try {
                    images.png(p.number());
                } catch (IOException | RuntimeException e) {
                    return;   // painted on request instead
                }
            }
        }
    }

    private static Snapshot failed(Snapshot last, long gen, long ms, List<Map<String, Object>> diags) {
        return new Snapshot("failed", "done", gen, ms, last.images(), !last.pages().isEmpty(), diags,
                last.contents(), last.citations(), last.audit(), Map.of("buildMillis", ms));
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

    /** The audit as the page lists it: each question's answer and the report pages its evidence is on. */
    private static List<Map<String, Object>> audit(ReportBuild.Built built) {
        return org.safeguardingreport.audit.AuditView.asMaps(
                org.safeguardingreport.audit.AuditView.build(built.bundle(), built.report().citations()));
    }

    /** Each message as JSON, with the page where its block (or else its section) starts when the build knows it. */
    private List<Map<String, Object>> diagnostics(Diagnostics diags, ReportBuild.Built built) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Diagnostic d : diags.sorted()) {
            Map<String, Object> m = new LinkedHashMap<>(DiagnosticJson.of(d));
            Integer page = built == null ? null : pageOf(d, built);
            m.put("page", page);
            if (page == null) {
                m.put("source", source(d));
            }
            out.add(m);
        }
        return out;
    }

    /** The lines around a message's line, read from the bundle's own file (never from outside the bundle). */
    private Map<String, Object> source(Diagnostic d) {
        if (d.file() == null || d.line() < 1) {
            return null;
        }
        try {
            Path root = bundle.toRealPath();
            Path f = root.resolve(d.file()).normalize();
            if (!f.startsWith(root) || !java.nio.file.Files.isRegularFile(f)
                    || !f.toRealPath().startsWith(root) || java.nio.file.Files.size(f) > 8 << 20) {
                return null;
            }
            List<String> lines = java.nio.file.Files.readAllLines(f, java.nio.charset.StandardCharsets.UTF_8);
            int first = Math.max(1, d.line() - 2);
            int last = Math.min(lines.size(), d.line() + 2);
            if (first > last) {
                return null;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("first", first);
            m.put("lines", List.copyOf(lines.subList(first - 1, last)));
            return m;
        } catch (IOException | RuntimeException e) {
            return null;   // a file that cannot be read as text: the message alone
        }
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

    private static String standardHeading(Bundle b, int n, String id) {
        try {
            return b.template().standard(n).heading();
        } catch (RuntimeException e) {
            return id;
        }
    }

    private static List<Map<String, Object>> contents(Bundle b, ReportBuilder.Report report) {
        List<Map<String, Object>> out = new ArrayList<>();
        Map<String, Template.SectionSpec> specs = new LinkedHashMap<>();
        b.template().sections().forEach(s -> specs.put(s.id(), s));
        report.index().sections().forEach((id, page) -> {
            Template.SectionSpec s = specs.get(id);
            String title;
            if (s != null && s.heading() != null) {
                title = ((s.number() == null || s.number().isBlank() ? "" : s.number() + " ") + s.heading()).trim();
            } else if (id.matches("standard-[1-9][0-9]?")) {
                // a standard's section is headed by the standard itself
                title = standardHeading(b, Integer.parseInt(id.substring("standard-".length())), id);
            } else if (id.startsWith("appendix-")) {
                title = org.safeguardingreport.html.ReportView.appendixHeading(id);   // as the report heads it
            } else {
                title = id;
            }
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

    /** Stops: a build under way publishes nothing more, and is waited for only briefly (its thread is a daemon). */
    @Override
    public void close() {
        closed = true;
        worker.shutdownNow();
        try {
            worker.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        current.images().close();
    }
}
