package org.safeguardingreport.render;

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
            assertTrue(kinds.containsKey(kind) && kinds.get(kind).get() >= 20, kind + " was marked too rarely: " + kinds);
        }
        assertTrue(topOfPage.get() >= LAYOUTS / 5, "too few marked blocks opened a page: " + topOfPage);
        System.out.println("citations proven on " + LAYOUTS + " layouts: " + kinds + "; " + topOfPage
                + " marked blocks opened a page");
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
            for (LayoutGenerator.Marked m : g.marked()) {
                // each token is written once, so the page that holds it is the one page where its block starts
                List<Integer> cited = report.citations().get(m.question());
                String page = cited == null || cited.size() != 1 ? "" : pages.computeIfAbsent(cited.get(0), p -> {
                    s.setStartPage(p);
                    s.setEndPage(p);
                    try {
                        return s.getText(doc);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                Pattern token = Pattern.compile("(?<![A-Za-z0-9])" + m.token() + "(?![A-Za-z0-9])");
                if (!token.matcher(page).find()) {
                    failures.add("seed " + seed + ": " + m.kind() + " " + m.token() + " (" + m.file() + ", question "
                            + m.question() + ") is not drawn on the page cited, " + cited);
                    continue;
                }
                kinds.computeIfAbsent(m.kind(), k -> new AtomicInteger()).incrementAndGet();
                if (opensPage(page, m.token())) {
                    topOfPage.incrementAndGet();
                }
            }
        }
    }

    /** Whether the token is on the first line of the page's body, below the running header and page number. */
    private static boolean opensPage(String page, String token) {
        // the stripper keeps the letters of the diagonal DRAFT mark as short lines of their own
        List<String> lines = page.lines().filter(l -> !l.isBlank() && !l.strip().matches("[DRAFT]{1,2}")).toList();
        for (int i = 0; i < Math.min(3, lines.size()); i++) {
            if (lines.get(i).contains(token)) {
                return true;
            }
        }
        return false;
    }
}
