package org.safeguardingreport.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguardingreport.pdf.FirstLook;
import org.safeguardingreport.pipeline.ReportBuild;

/**
 * The preview's first look (the pages whose layout changed, painted before the rest) shows the
 * pages the whole build ends with: on random layouts and random edits (a paragraph added, removed or
 * lengthened), every page painted ahead has the version of the same page in the saved PDF and is the
 * same picture, pixel for pixel, and no page whose version changed was left out of the look.
 */
class FirstLookTest {
    private static final long FIRST_SEED = Long.getLong("firstlook.seed", 7300);
    private static final int LAYOUTS = Integer.getInteger("firstlook.layouts", 3);
    private static final int EDITS = 5;

    @TempDir
    Path tmp;

    /** What one build showed: the first look's pages and pictures, then the saved pages. */
    private static final class Seen implements ReportBuild.Watch {
        List<String> prints;
        final Map<Integer, String> lookVersions = new LinkedHashMap<>();
        final Map<Integer, BufferedImage> lookPictures = new LinkedHashMap<>();
        byte[] pdf;
        List<String> versions;

        @Override
        public void stage(String stage) {
        }

        @Override
        public void pages(byte[] saved, List<String> pageVersions) {
            pdf = saved;
            versions = pageVersions;
        }

        @Override
        public List<String> lastPrints() {
            return prints;
        }

        @Override
        public void printed(List<String> now) {
            prints = now;
        }

        @Override
        public void firstLook(FirstLook.Pages pages) throws java.io.IOException {
            for (int k = 0; k < pages.numbers().size(); k++) {
                int n = pages.numbers().get(k);
                lookVersions.put(n, pages.versions().get(k));
                lookPictures.put(n, pages.painter().paint(n, 96f));
            }
        }

        void next() {
            lookVersions.clear();
            lookPictures.clear();
            pdf = null;
            versions = null;
        }
    }

    @Test
    void theFirstLookShowsThePagesTheBuildEndsWith() throws Exception {
        int looks = 0;
        int pagesAhead = 0;
        int renamed = 0;
        for (long seed = FIRST_SEED; seed < FIRST_SEED + LAYOUTS; seed++) {
            String replay = "seed " + seed + " (replay with -Dfirstlook.seed=" + seed + " -Dfirstlook.layouts=1)";
            LayoutGenerator.Generated g = LayoutGenerator.write(tmp.resolve("s" + seed), seed);
            Path root = g.bundle().root;
            Random random = new Random(seed);
            Seen seen = new Seen();
            assertInstanceOf(ReportBuild.Built.class, ReportBuild.preview(root, seen), replay);
            assertTrue(seen.lookVersions.isEmpty(), "no first look without a last build");
            List<String> before = seen.versions;
            List<Path> sections = new ArrayList<>();
            try (var files = Files.list(root.resolve("narrative"))) {
                files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(sections::add);
            }
            for (int edit = 0; edit < EDITS; edit++) {
                Path file = sections.get(random.nextInt(sections.size()));
                String what = edit(file, random);
                String at = replay + ", edit " + edit + " (" + what + " in " + file.getFileName() + ")";
                seen.next();
                var outcome = ReportBuild.preview(root, seen);
                if (!(outcome instanceof ReportBuild.Built)) {
                    continue;   // the edit took away something the bundle needs: no pages to compare
                }
                if (!seen.lookVersions.isEmpty()) {
                    looks++;
                    pagesAhead += seen.lookVersions.size();
                    try (PDDocument saved = Loader.loadPDF(seen.pdf)) {
                        PDFRenderer renderer = new PDFRenderer(saved);
                        for (var e : seen.lookVersions.entrySet()) {
                            int n = e.getKey();
                            assertEquals(seen.versions.get(n - 1), e.getValue(), at + ": page " + n + "'s version");
                            BufferedImage full = renderer.renderImageWithDPI(n - 1, 96f, ImageType.RGB);
                            assertTrue(samePixels(full, seen.lookPictures.get(n)), at + ": page " + n + "'s picture");
                        }
                    }
                    for (int p = 1; p <= seen.versions.size(); p++) {
                        if (!seen.versions.get(p - 1).equals(before.get(p - 1))) {
                            assertTrue(seen.lookVersions.containsKey(p),
                                    at + ": page " + p + " changed but was not in the first look " + seen.lookVersions.keySet());
                        }
                    }
                }
                before = seen.versions;
            }
            // the running header names the Trust on every page: a new name is not a first look's work
            Path report = root.resolve("report.json");
            Files.writeString(report, Files.readString(report).replace("Community Health NHS Trust",
                    "Community Health NHS Foundation Trust"));
            seen.next();
            if (!(ReportBuild.preview(root, seen) instanceof ReportBuild.Built)) {
                continue;   // an edit above took away something the bundle needs
            }
            renamed++;
            int changed = 0;
            for (int p = 1; p <= seen.versions.size(); p++) {
                changed += seen.versions.get(p - 1).equals(before.get(p - 1)) ? 0 : 1;
            }
            assertEquals(seen.versions.size(), changed, replay + ": every page's header names the Trust");
            assertTrue(seen.lookVersions.isEmpty(), replay + ": every page changed, so the whole document is painted at once");
        }
        System.out.println("first looks: " + looks + " of " + (LAYOUTS * EDITS) + " edits, " + pagesAhead + " pages");
        assertTrue(looks >= LAYOUTS, "most edits change a page or two and are looked at first (" + looks + " looks)");
        assertTrue(pagesAhead >= looks, "each look paints a page");
        assertTrue(renamed > 0, "a new name for the Trust was tried on some layout");
    }

    /** Adds, removes or lengthens a paragraph of a section; says which. */
    private static String edit(Path file, Random random) throws java.io.IOException {
        List<String> blocks = new ArrayList<>(List.of(Files.readString(file).split("\n\n", -1)));
        int i = random.nextInt(blocks.size());
        String what;
        switch (random.nextInt(3)) {
            case 0 -> {
                blocks.add(i, "A sentence added while writing, number " + random.nextInt(1000) + ", about supervision"
                        + " and training".repeat(random.nextInt(0, 12)) + ".");
                what = "a paragraph added";
            }
            case 1 -> {
                if (blocks.size() > 2 && !blocks.get(i).contains("<!--") && !blocks.get(i).contains("|")) {
                    blocks.remove(i);
                    what = "a block removed";
                } else {
                    blocks.add(i, "One more line.");
                    what = "a line added";
                }
            }
            default -> {
                String block = blocks.get(i);
                String more = " And a few more words" + " again".repeat(random.nextInt(0, 30)) + ".";
                // an evidence marker ends its block: the words go before it
                int marker = block.lastIndexOf(" {audit=");
                blocks.set(i, marker >= 0 && block.indexOf('\n', marker) < 0
                        ? block.substring(0, marker) + more + block.substring(marker) : block + more);
                what = "a block lengthened";
            }
        }
        Files.writeString(file, String.join("\n\n", blocks));
        return what;
    }

    private static boolean samePixels(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return false;
        }
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    return false;
                }
            }
        }
        return true;
    }
}
