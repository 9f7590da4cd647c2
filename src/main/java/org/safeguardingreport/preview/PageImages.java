package org.safeguardingreport.preview;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.safeguardingreport.pdf.FirstLook;

/**
 * One build's pages as pictures, painted when first asked for (the pages a reader is looking at
 * first) and kept in memory by version: a page drawn the same in a later build is not painted again.
 * Nothing is written to disk. One page is painted at a time per build.
 */
final class PageImages implements AutoCloseable {
    static final float DPI = 96f;

    /** One page: its number, its version (what is drawn on it), and its size in pixels at {@link #DPI}. */
    record Page(int number, String version, int width, int height) {
    }

    /** Pictures of recent page versions, shared by all builds of this preview. */
    private static final int KEPT = 400;
    private final Map<String, byte[]> pictures;
    private final byte[] pdf;
    private final List<Page> pages;
    /** A first look's pages whose pictures are being painted, by number. */
    private final Map<Integer, java.util.concurrent.CompletableFuture<byte[]>> ahead =
            new java.util.concurrent.ConcurrentHashMap<>();
    private PDDocument doc;
    private PDFRenderer renderer;
    private boolean closed;
    /** For pages painted ahead (a first look): the last build's pages, which paint the pages left as they were. */
    private PageImages under;

    private PageImages(byte[] pdf, List<Page> pages, Map<String, byte[]> pictures) {
        this.pdf = pdf;
        this.pages = pages;
        this.pictures = pictures;
    }

    /** A shared store of page pictures for a preview's successive builds. */
    static Map<String, byte[]> store() {
        return org.safeguardingreport.cache.Recent.map(KEPT);
    }

    /** The saved PDF's pages; the document stays open to paint them on demand. */
    static PageImages of(byte[] pdf, List<String> versions, Map<String, byte[]> store) throws IOException {
        PDDocument doc = Loader.loadPDF(pdf);
        List<Page> pages = new ArrayList<>(versions.size());
        for (int i = 0; i < doc.getNumberOfPages(); i++) {
            pages.add(page(i + 1, i < versions.size() ? versions.get(i) : "?", doc.getPage(i).getCropBox()));
        }
        PageImages p = new PageImages(pdf, List.copyOf(pages), store);
        p.doc = doc;
        return p;
    }

    /**
     * A first look ({@link FirstLook}): the last build's pages with the pages painted ahead in their
     * places. The new pages' pictures are painted by {@link #paintAhead}, which a request for one of
     * them waits for; the other pages are painted by the last build's own pages when asked for.
     * Closing these closes those.
     */
    static PageImages ahead(PageImages last, FirstLook.Pages look) {
        List<Page> pages = new ArrayList<>(last.pages);
        for (int k = 0; k < look.numbers().size(); k++) {
            int n = look.numbers().get(k);
            pages.set(n - 1, page(n, look.versions().get(k), look.sizes().get(k)));
        }
        PageImages p = new PageImages(last.pdf, List.copyOf(pages), last.pictures);
        for (int k = 0; k < look.numbers().size(); k++) {
            if (!last.pictures.containsKey(look.versions().get(k))) {
                p.ahead.put(look.numbers().get(k), new java.util.concurrent.CompletableFuture<>());
            }
        }
        p.under = last;
        return p;
    }

    /**
     * Paints the pictures of a first look's pages (see {@link #ahead}) while its painter works, the
     * page nearest to page {@code near} (the reader's) first.
     */
    void paintAhead(FirstLook.Pages look, int near) {
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < look.numbers().size(); k++) {
            order.add(k);
        }
        order.sort(java.util.Comparator.comparingInt(k -> Math.abs(look.numbers().get(k) - near)));
        for (int k : order) {
            int n = look.numbers().get(k);
            var waiting = ahead.get(n);
            if (waiting == null) {
                continue;
            }
            try {
                byte[] png = encode(look.painter().paint(n, DPI));
                pictures.put(look.versions().get(k), png);
                waiting.complete(png);
            } catch (IOException | RuntimeException e) {
                waiting.complete(null);   // not found now; the saved pages follow
            }
        }
    }

    /** Page {@code n} of that version, its size in pixels at {@link #DPI} from its box in points. */
    private static Page page(int n, String version, PDRectangle box) {
        return new Page(n, version, Math.round(box.getWidth() / 72f * DPI), Math.round(box.getHeight() / 72f * DPI));
    }

    static PageImages empty(Map<String, byte[]> store) {
        return new PageImages(null, List.of(), store);
    }

    List<Page> pages() {
        return pages;
    }

    byte[] pdf() {
        return pdf;
    }

    boolean has(String version) {
        return pictures.containsKey(version);
    }

    /**
     * Paints, before the pages are announced, up to {@code most} of the pages not painted before,
     * nearest first to page {@code near} (the last page the reader asked for): the reader's page is
     * then served at once, without competing with the rest of the build for a core.
     */
    void paintNear(int near, int most) throws IOException {
        List<Page> fresh = new ArrayList<>();
        for (Page p : pages) {
            if (!has(p.version())) {
                fresh.add(p);
            }
        }
        fresh.sort(java.util.Comparator.comparingInt(p -> Math.abs(p.number() - near)));
        for (Page p : fresh.subList(0, Math.min(most, fresh.size()))) {
            png(p.number());
        }
    }

    /** Page {@code n}'s picture (PNG), painted now unless a build already painted that version; null if no such page. */
    byte[] png(int n) throws IOException {
        if (n < 1 || n > pages.size()) {
            return null;
        }
        Page p = pages.get(n - 1);
        byte[] kept = pictures.get(p.version());
        if (kept != null) {
            return kept;
        }
        var painting = ahead.get(n);
        if (painting != null) {
            try {
                return painting.get(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        if (under != null) {
            return under.png(n);   // left as it was: the last build's page, of the same version
        }
        synchronized (this) {
            kept = pictures.get(p.version());
            if (kept != null) {
                return kept;
            }
            if (closed) {
                return null;
            }
            if (renderer == null) {
                renderer = new PDFRenderer(doc);
            }
            BufferedImage img = renderer.renderImageWithDPI(n - 1, DPI, ImageType.RGB);
            byte[] png = encode(img);
            pictures.put(p.version(), png);
            return png;
        }
    }

    /**
     * PNG at the fastest deflate level and without row filters: a page is mostly white and compresses
     * well regardless, and the JDK's writer spends most of its time choosing a filter for every row.
     */
    static byte[] encode(BufferedImage img) {
        return new com.pngencoder.PngEncoder().withBufferedImage(img).withCompressionLevel(1)
                .withPredictorEncoding(false).toBytes();
    }

    @Override
    public synchronized void close() {
        closed = true;
        ahead.values().forEach(f -> f.complete(null));
        if (under != null) {
            under.close();
        }
        if (doc != null) {
            try {
                doc.close();
            } catch (IOException ignored) {
                // in memory: nothing to release but the memory
            }
            doc = null;
        }
    }
}
