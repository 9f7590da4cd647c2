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
