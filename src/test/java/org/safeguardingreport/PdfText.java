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
