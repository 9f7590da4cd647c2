package org.safeguardingreport.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Proves, from the painted pages' own text, that each anchored block starts on the page the layout
 * gave it: the words of its first line, which must open the block's text, must be drawn on that
 * page. A block whose words are on a page near that one (the nearest, if only one is nearest) is
 * moved there; anything else is a failure, and a build that has one publishes nothing.
 */
public final class PageProof {
    /** One anchored block as laid out: the page of its first line and that line's words. */
    public record Claim(String id, int page, String words, String blockText) {
    }

    /** The page each claim was proven on (moved or not), and the claims that could not be proven. */
    public record Result(Map<String, Integer> pages, Map<String, String> words, List<Failure> failures) {
    }

    public record Failure(String id, int page, String words, String reason) {
    }

    /** How far from the page the layout gave a block's words may be found and the block moved there. */
    static final int REACH = 2;

    private final PDDocument doc;
    private final Map<Integer, String> texts = new HashMap<>();

    private PageProof(PDDocument doc) {
        this.doc = doc;
    }

    public static Result check(PDDocument doc, List<Claim> claims) throws IOException {
        return new PageProof(doc).run(claims);
    }

    /** As above, for a PDF file. */
    public static Result check(java.nio.file.Path pdf, List<Claim> claims) throws IOException {
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            return check(doc, claims);
        }
    }

    private Result run(List<Claim> claims) throws IOException {
        Map<String, Integer> pages = new LinkedHashMap<>();
        Map<String, String> words = new LinkedHashMap<>();
        List<Failure> failures = new ArrayList<>();
        for (Claim c : claims) {
            String w = TextStart.comparable(c.words());
            words.put(c.id(), c.words());
            if (w.isEmpty()) {
                // no text to find (a picture or chart alone): the page is the layout's
                pages.put(c.id(), c.page());
                continue;
            }
            if (!opens(TextStart.comparable(c.blockText()), w)) {
                failures.add(new Failure(c.id(), c.page(), c.words(), "the first line drawn does not open the block's text"));
                continue;
            }
            if (c.page() >= 1 && c.page() <= doc.getNumberOfPages() && text(c.page()).contains(w)) {
                pages.put(c.id(), c.page());
                continue;
            }
            int found = nearest(c.page(), w);
            if (found > 0) {
                pages.put(c.id(), found);
            } else {
                failures.add(new Failure(c.id(), c.page(), c.words(), found == 0
                        ? "its first words are on no page of the PDF"
                        : "its first words are not on page " + c.page() + " but on pages " + everywhere(w)));
            }
        }
        return new Result(pages, words, failures);
    }

    /**
     * The page nearest {@code page} (within {@value #REACH} pages) that holds {@code words}, when one is
     * nearer than any other; 0 when no page holds them, -1 when none or two equally near do.
     */
    private int nearest(int page, String words) throws IOException {
        for (int d = 1; d <= REACH; d++) {
            boolean after = page + d <= doc.getNumberOfPages() && text(page + d).contains(words);
            boolean before = page - d >= 1 && page - d <= doc.getNumberOfPages() && text(page - d).contains(words);
            if (after != before) {
                return after ? page + d : page - d;
            } else if (after) {
                return -1;
            }
        }
        return everywhere(words).isEmpty() ? 0 : -1;
    }

    private List<Integer> everywhere(String words) throws IOException {
        List<Integer> found = new ArrayList<>();
        for (int p = 1; p <= doc.getNumberOfPages(); p++) {
            if (text(p).contains(words)) {
                found.add(p);
            }
        }
        return found;
    }

    /**
     * Whether {@code line} opens {@code block}. A line holding right-to-left text may be stored in
     * visual order, so there the same letters in any order will do.
     */
    static boolean opens(String block, String line) {
        if (block.startsWith(line)) {
            return true;
        }
        if (line.codePoints().noneMatch(PageProof::rightToLeft) || block.length() < line.length()) {
            return false;
        }
        return sorted(block.substring(0, line.length())).equals(sorted(line));
    }

    private static boolean rightToLeft(int c) {
        byte d = Character.getDirectionality(c);
        return d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
    }

    private static String sorted(String s) {
        return s.codePoints().sorted().collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }

    /** The comparable text of a page (1-based), read once. */
    private String text(int page) throws IOException {
        String t = texts.get(page);
        if (t == null) {
            t = TextStart.comparable(PageGlyphs.text(doc.getPage(page - 1)));
            texts.put(page, t);
        }
        return t;
    }
}
