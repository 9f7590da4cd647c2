package org.safeguardingreport.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguardingreport.bundle.BundleLoader;
import org.safeguardingreport.diag.Diagnostics;
import org.safeguardingreport.model.Bundle;

/**
 * Citations on many layouts: random bundles (seeded, so a failure names the seed that replays it)
 * are built, and for every marked block the one page its question cites must be the page on which
 * the block's opening token is drawn, read back from the PDF with PDFBox. Blocks of every kind a
 * marker can mark land at page feet here, pushed over by keep-together rows and list items, headings
 * kept with their paragraph, orphans and widows, and pictures that do not fit.
 */
class CitationLayoutsTest {
    /** The number of layouts; -Dcitation.layouts=N tries more (or fewer), -Dcitation.seed=S starts elsewhere. */
    static final int LAYOUTS = Integer.getInteger("citation.layouts", 500);
    static final long FIRST_SEED = Long.getLong("citation.seed", 1);
    /** "1. Executive Summary of the Report . . . . 3": a title, a dotted leader, a page number. */
    private static final Pattern CONTENTS_ENTRY = Pattern.compile("^(.+?)\\s*(?:\\.\\s*){3,}(\\d+)\\s*$", Pattern.MULTILINE);

    @TempDir
    Path tmp;

    @Test
    void everyMarkedBlockIsCitedOnThePageWhereItsTextStarts() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
        Map<String, AtomicInteger> kinds = Collections.synchronizedMap(new TreeMap<>());
        AtomicInteger topOfPage = new AtomicInteger();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (long seed = FIRST_SEED; seed < FIRST_SEED + LAYOUTS; seed++) {
                long s = seed;
                runs.add(pool.submit(() -> {
                    try {
                        check(s, kinds, topOfPage, failures);
                    } catch (Exception | AssertionError e) {
                        failures.add("seed " + s + ": " + e);
                    }
                    return null;
                }));
            }
            for (Future<?> f : runs) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(failures.isEmpty(), failures.size() + " wrong citations; replay with -Dcitation.seed=S "
                + "-Dcitation.layouts=1:\n" + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
        // the layouts did put marked blocks of every kind at the top of a page, where a wrong anchor shows
        for (String kind : List.of("heading", "paragraph", "table row", "tight list item", "loose list item",
                "tight nested list item", "quoted paragraph", "list item in a quote", "paragraph below a picture")) {
            assertTrue(kinds.containsKey(kind) && kinds.get(kind).get() >= Math.max(1, LAYOUTS / 25), kind + " was marked too rarely: " + kinds);
        }
        assertTrue(topOfPage.get() >= LAYOUTS / 5, "too few marked blocks opened a page: " + topOfPage);
        System.out.println("citations proven on " + LAYOUTS + " layouts: " + kinds + "; " + topOfPage
                + " marked blocks opened a page");
    }

    /** Each bookmark's title and the 1-based page it opens. */
    static Map<String, Integer> outline(PDDocument doc) throws java.io.IOException {
        Map<String, Integer> out = new java.util.HashMap<>();
        java.util.ArrayDeque<org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode> todo =
                new java.util.ArrayDeque<>();
        todo.push(doc.getDocumentCatalog().getDocumentOutline());
        while (!todo.isEmpty()) {
            for (var item : todo.pop().children()) {
                var dest = item.getDestination();
                if (dest == null && item.getAction() instanceof org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo go) {
                    dest = go.getDestination();
                }
                if (dest instanceof org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination d) {
                    out.put(item.getTitle().replaceAll("\\s+", " ").strip(), doc.getPages().indexOf(d.getPage()) + 1);
                }
                todo.push(item);
            }
        }
        return out;
    }

    private void check(long seed, Map<String, AtomicInteger> kinds, AtomicInteger topOfPage, List<String> failures)
            throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("s" + seed));
        LayoutGenerator.Generated g = LayoutGenerator.write(dir, seed);
        Diagnostics diags = new Diagnostics();
        Bundle bundle = BundleLoader.load(g.bundle().root).bundle().orElseThrow();
        ReportBuilder.Report report = ReportBuilder.build(bundle, false, diags).orElseThrow();
        try (PDDocument doc = Loader.loadPDF(report.pdf())) {
            assertEquals(doc.getNumberOfPages(), report.pages());
            Map<Integer, String> pages = new java.util.HashMap<>();
            PDFTextStripper s = new PDFTextStripper();
            s.setSortByPosition(true);
            java.util.function.IntFunction<String> page = p -> pages.computeIfAbsent(p, k -> {
                s.setStartPage(k);
                s.setEndPage(k);
                try {
                    return s.getText(doc);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            // the contents: each entry's page number is the page its heading is drawn on
            java.util.regex.Matcher entry = CONTENTS_ENTRY.matcher(page.apply(2));
            int entries = 0;
            Map<String, Integer> outline = outline(doc);
            while (entry.find()) {
                String title = entry.group(1).strip();
                int listed = Integer.parseInt(entry.group(2));
                // and the bookmark of that title opens the same page
                Integer bookmark = outline.get(title.replaceAll("\\s+", " "));
                if (bookmark == null || bookmark != listed) {
                    failures.add("seed " + seed + ": the bookmark \"" + title + "\" opens page " + bookmark
                            + ", the contents says " + listed);
                }
                String words = title.replaceAll("\\s+", "").substring(0, Math.min(24, title.replaceAll("\\s+", "").length()));
                if (listed < 1 || listed > doc.getNumberOfPages() || !page.apply(listed).replaceAll("\\s+", "").contains(words)) {
                    failures.add("seed " + seed + ": the contents list \"" + title + "\" on page " + listed
                            + ", which does not hold it");
                }
                entries++;
            }
            if (entries != 23) {
                failures.add("seed " + seed + ": the contents has " + entries + " entries, not 23 (the cover sheet, its 8 items, 10 standards, 3 closing chapters and the sign-off)");
            }
            for (LayoutGenerator.Marked m : g.marked()) {
                // each token is written once, so the page that holds it is the one page where its block starts
                List<Integer> cited = report.citations().get(m.question());
                String text = cited == null || cited.size() != 1 ? "" : page.apply(cited.get(0));
                Pattern token = Pattern.compile("(?<![A-Za-z0-9])" + m.token() + "(?![A-Za-z0-9])");
                if (!token.matcher(text).find()) {
                    failures.add("seed " + seed + ": " + m.kind() + " " + m.token() + " (" + m.file() + ", question "
                            + m.question() + ") is not drawn on the page cited, " + cited);
                    continue;
                }
                kinds.computeIfAbsent(m.kind(), k -> new AtomicInteger()).incrementAndGet();
                if (PageFootTest.opensPage(text, m.token())) {
                    topOfPage.incrementAndGet();
                }
            }
        }
    }
}
