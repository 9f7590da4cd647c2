package org.safeguardingreport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reading a built PDF back: each page's text in reading position order, and the alt texts of its tags. */
public final class PdfText {
    private PdfText() {
    }

    /** One page's text (1-based), runs of white space made single spaces. */
    public static String page(PDDocument doc, int page) throws IOException {
        PDFTextStripper t = new PDFTextStripper();
        t.setStartPage(page);
        t.setEndPage(page);
        return t.getText(doc).replaceAll("\\s+", " ");
    }

    public static List<String> pages(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper s = new PDFTextStripper();
            s.setSortByPosition(true);
            List<String> out = new ArrayList<>();
            for (int i = 1; i <= doc.getNumberOfPages(); i++) {
                s.setStartPage(i);
                s.setEndPage(i);
                out.add(s.getText(doc));
            }
            return out;
        }
    }

    /**
     * The pages (1-based) that draw the diagonal DRAFT mark. Read in drawing order, where the mark is
     * one run of text drawn over the page (position order scatters its rotated letters).
     */
    public static List<Integer> draftMarked(Path pdf) throws IOException {
        List<Integer> out = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper s = new PDFTextStripper();
            for (int i = 1; i <= doc.getNumberOfPages(); i++) {
                s.setStartPage(i);
                s.setEndPage(i);
                if (s.getText(doc).replaceAll("\\s+", "").contains("DRAFT")) {
                    out.add(i);
                }
            }
        }
        return out;
    }

    /** 1, 2, ... {@code n}: every page of an {@code n}-page document. */
    public static List<Integer> everyPage(int n) {
        return java.util.stream.IntStream.rangeClosed(1, n).boxed().toList();
    }

    /**
     * The document's headings as its structure tree tags them: "H2 Text" for each H1-H6 element in
     * order, its text read from the marked content the element owns.
     */
    public static List<String> headings(Path pdf) throws IOException {
        List<String> out = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            headings(doc.getDocumentCatalog().getStructureTreeRoot(), null, new java.util.HashMap<>(), out);
        }
        return out;
    }

    private static void headings(PDStructureNode node, org.apache.pdfbox.pdmodel.PDPage page,
                                 java.util.Map<org.apache.pdfbox.pdmodel.PDPage, java.util.Map<Integer, List<org.apache.pdfbox.text.TextPosition>>> glyphs,
                                 List<String> out) throws IOException {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement e) {
                org.apache.pdfbox.pdmodel.PDPage p = e.getPage() != null ? e.getPage() : page;
                if (e.getStructureType().matches("H[1-6]")) {
                    List<org.apache.pdfbox.text.TextPosition> g = new ArrayList<>();
                    elementGlyphs(e, p, glyphs, g);
                    StringBuilder text = new StringBuilder();
                    g.forEach(t -> text.append(t.getUnicode()));
                    out.add(e.getStructureType() + " " + text.toString().replaceAll("\\s+", " ").strip());
                } else {
                    headings(e, p, glyphs, out);
                }
            }
        }
    }

    /**
     * Every table cell (TD and TH of the structure tree), in document order, as the lines it is drawn
     * on: a cell whose text wraps has several. Glyphs are read from the marked content each cell owns.
     */
    public static List<List<String>> cellLines(Path pdf) throws IOException {
        List<List<String>> out = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            java.util.Map<org.apache.pdfbox.pdmodel.PDPage, java.util.Map<Integer, List<org.apache.pdfbox.text.TextPosition>>> glyphs =
                    new java.util.HashMap<>();
            cells(doc.getDocumentCatalog().getStructureTreeRoot(), null, glyphs, out);
        }
        return out;
    }

    private static void cells(PDStructureNode node, org.apache.pdfbox.pdmodel.PDPage page,
                              java.util.Map<org.apache.pdfbox.pdmodel.PDPage, java.util.Map<Integer, List<org.apache.pdfbox.text.TextPosition>>> glyphs,
                              List<List<String>> out) throws IOException {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement e) {
                org.apache.pdfbox.pdmodel.PDPage p = e.getPage() != null ? e.getPage() : page;
                if (e.getStructureType().equals("TD") || e.getStructureType().equals("TH")) {
                    List<org.apache.pdfbox.text.TextPosition> g = new ArrayList<>();
                    elementGlyphs(e, p, glyphs, g);
                    out.add(lines(g));
                } else {
                    cells(e, p, glyphs, out);
                }
            }
        }
    }

    private static void elementGlyphs(PDStructureElement e, org.apache.pdfbox.pdmodel.PDPage page,
                                   java.util.Map<org.apache.pdfbox.pdmodel.PDPage, java.util.Map<Integer, List<org.apache.pdfbox.text.TextPosition>>> glyphs,
                                   List<org.apache.pdfbox.text.TextPosition> out) throws IOException {
        for (Object kid : e.getKids()) {
            if (kid instanceof Integer mcid && page != null) {
                out.addAll(pageGlyphs(page, glyphs).getOrDefault(mcid, List.of()));
            } else if (kid instanceof org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference r) {
                org.apache.pdfbox.pdmodel.PDPage p = r.getPage() != null ? r.getPage() : page;
                out.addAll(pageGlyphs(p, glyphs).getOrDefault(r.getMCID(), List.of()));
            } else if (kid instanceof PDStructureElement child) {
                elementGlyphs(child, child.getPage() != null ? child.getPage() : page, glyphs, out);
            }
        }
    }

    private static java.util.Map<Integer, List<org.apache.pdfbox.text.TextPosition>> pageGlyphs(org.apache.pdfbox.pdmodel.PDPage page,
            java.util.Map<org.apache.pdfbox.pdmodel.PDPage, java.util.Map<Integer, List<org.apache.pdfbox.text.TextPosition>>> glyphs)
            throws IOException {
        java.util.Map<Integer, List<org.apache.pdfbox.text.TextPosition>> m = glyphs.get(page);
        if (m == null) {
            m = new java.util.HashMap<>();
            org.apache.pdfbox.text.PDFMarkedContentExtractor x = new org.apache.pdfbox.text.PDFMarkedContentExtractor();
            x.processPage(page);
            for (org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent mc : x.getMarkedContents()) {
                collectGlyphs(mc, m);
            }
            glyphs.put(page, m);
        }
        return m;
    }

    private static void collectGlyphs(org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent mc,
                                      java.util.Map<Integer, List<org.apache.pdfbox.text.TextPosition>> out) {
        List<org.apache.pdfbox.text.TextPosition> own = new ArrayList<>();
        for (Object o : mc.getContents()) {
            if (o instanceof org.apache.pdfbox.text.TextPosition t) {
                own.add(t);
            } else if (o instanceof org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent inner) {
                collectGlyphs(inner, out);
            }
        }
        if (mc.getMCID() >= 0) {
            out.computeIfAbsent(mc.getMCID(), k -> new ArrayList<>()).addAll(own);
        }
    }

    /** Glyphs in drawing order, a new line wherever the baseline moves down. */
    private static List<String> lines(List<org.apache.pdfbox.text.TextPosition> glyphs) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        float y = Float.NaN;
        for (org.apache.pdfbox.text.TextPosition t : glyphs) {
            if (!Float.isNaN(y) && Math.abs(t.getYDirAdj() - y) > t.getHeightDir() * 0.5f) {
                lines.add(line.toString());
                line.setLength(0);
            }
            y = t.getYDirAdj();
            line.append(t.getUnicode());
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** Each table of the structure tree: its number of rows (TR) and the pages (1-based) its cells are drawn on. */
    public record TablePages(int rows, java.util.SortedSet<Integer> pages) {
    }

    public static List<TablePages> tablePages(Path pdf) throws IOException {
        List<TablePages> out = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            tables(doc, doc.getDocumentCatalog().getStructureTreeRoot(), out);
        }
        return out;
    }

    private static void tables(PDDocument doc, PDStructureNode node, List<TablePages> out) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement e) {
                if (e.getStructureType().equals("Table")) {
                    int[] rows = {0};
                    java.util.SortedSet<Integer> pages = new java.util.TreeSet<>();
                    tableParts(doc, e, rows, pages);
                    out.add(new TablePages(rows[0], pages));
                } else {
                    tables(doc, e, out);
                }
            }
        }
    }

    private static void tableParts(PDDocument doc, PDStructureElement e, int[] rows, java.util.SortedSet<Integer> pages) {
        for (Object kid : e.getKids()) {
            if (kid instanceof PDStructureElement c) {
                if (c.getStructureType().equals("TR")) {
                    rows[0]++;
                }
                if (c.getPage() != null) {
                    pages.add(doc.getPages().indexOf(c.getPage()) + 1);
                }
                tableParts(doc, c, rows, pages);
            } else if (kid instanceof org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference r
                    && r.getPage() != null) {
                pages.add(doc.getPages().indexOf(r.getPage()) + 1);
            }
        }
    }

    public static List<String> alts(Path pdf) throws IOException {
        List<String> out = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            collect(doc.getDocumentCatalog().getStructureTreeRoot(), out);
        }
        return out;
    }

    private static void collect(PDStructureNode node, List<String> out) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement e) {
                if (e.getAlternateDescription() != null) {
                    out.add(e.getAlternateDescription());
                }
                collect(e, out);
            }
        }
    }
}
