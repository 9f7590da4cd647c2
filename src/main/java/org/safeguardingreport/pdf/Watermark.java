package org.safeguardingreport.pdf;

import java.awt.Color;
import java.io.IOException;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.util.Matrix;

/**
 * The DRAFT mark: a large pale diagonal word drawn beneath each page's content (so it never hides
 * text) and marked as an artifact, so screen readers and the tag tree ignore it.
 */
final class Watermark {
    static final String WORD = "DRAFT";
    private static final float SIZE = 130f;
    private static final Color COLOUR = new Color(0xE1, 0xE6, 0xE8);

    private Watermark() {
    }

    /** @param font the shipped bold face, loaded into {@code doc} */
    static void apply(PDDocument doc, PDType0Font font) throws IOException {
        float width = font.getStringWidth(WORD) / 1000f * SIZE;
        float height = font.getFontDescriptor().getCapHeight() / 1000f * SIZE;
        for (PDPage page : doc.getPages()) {
            PDRectangle box = page.getMediaBox();
            double angle = Math.atan2(box.getHeight(), box.getWidth());
            float cx = box.getLowerLeftX() + box.getWidth() / 2;
            float cy = box.getLowerLeftY() + box.getHeight() / 2;
            // start of the baseline so that the word's centre sits on the page's centre
            float x = (float) (cx - Math.cos(angle) * width / 2 + Math.sin(angle) * height / 2);
            float y = (float) (cy - Math.sin(angle) * width / 2 - Math.cos(angle) * height / 2);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.PREPEND, true, true)) {
                cs.beginMarkedContent(COSName.ARTIFACT);
                cs.setNonStrokingColor(COLOUR);
                cs.beginText();
                cs.setFont(font, SIZE);
                cs.setTextMatrix(Matrix.getRotateInstance(angle, x, y));
                cs.showText(WORD);
                cs.endText();
                cs.endMarkedContent();
            }
        }
    }
}
