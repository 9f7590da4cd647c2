package org.safeguardingreport.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.pdfbox.contentstream.PDFStreamEngine;
import org.apache.pdfbox.contentstream.operator.state.Concatenate;
import org.apache.pdfbox.contentstream.operator.state.Restore;
import org.apache.pdfbox.contentstream.operator.state.Save;
import org.apache.pdfbox.contentstream.operator.state.SetGraphicsStateParameters;
import org.apache.pdfbox.contentstream.operator.state.SetMatrix;
import org.apache.pdfbox.contentstream.operator.text.BeginText;
import org.apache.pdfbox.contentstream.operator.text.EndText;
import org.apache.pdfbox.contentstream.operator.text.MoveText;
import org.apache.pdfbox.contentstream.operator.text.MoveTextSetLeading;
import org.apache.pdfbox.contentstream.operator.text.NextLine;
import org.apache.pdfbox.contentstream.operator.text.SetCharSpacing;
import org.apache.pdfbox.contentstream.operator.text.SetFontAndSize;
import org.apache.pdfbox.contentstream.operator.text.SetTextHorizontalScaling;
import org.apache.pdfbox.contentstream.operator.text.SetTextLeading;
import org.apache.pdfbox.contentstream.operator.text.SetTextRenderingMode;
import org.apache.pdfbox.contentstream.operator.text.SetTextRise;
import org.apache.pdfbox.contentstream.operator.text.SetWordSpacing;
import org.apache.pdfbox.contentstream.operator.text.ShowText;
import org.apache.pdfbox.contentstream.operator.text.ShowTextAdjusted;
import org.apache.pdfbox.contentstream.operator.text.ShowTextLine;
import org.apache.pdfbox.contentstream.operator.text.ShowTextLineAndSpace;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

/**
 * The text a page draws, read from its content stream glyph by glyph and put in reading order:
 * lines top to bottom (glyphs whose baselines lie within a point of each other share a line), each
 * left to right. Only the text and state operators are interpreted, so this costs a fraction of
 * PDFBox's full text extraction; the glyphs' own Unicode mappings give the text, as any reader
 * copying text from the PDF would get it. Text drawn turned (not upright) is left out.
 */
final class PageGlyphs extends PDFStreamEngine {
    private record Glyph(float x, float y, String text) {
    }

    private final List<Glyph> glyphs = new ArrayList<>();

    private PageGlyphs() {
        addOperator(new BeginText(this));
        addOperator(new EndText(this));
        addOperator(new Concatenate(this));
        addOperator(new Save(this));
        addOperator(new Restore(this));
        addOperator(new SetGraphicsStateParameters(this));
        addOperator(new SetMatrix(this));
        addOperator(new MoveText(this));
        addOperator(new MoveTextSetLeading(this));
        addOperator(new NextLine(this));
        addOperator(new SetCharSpacing(this));
        addOperator(new SetFontAndSize(this));
        addOperator(new SetTextHorizontalScaling(this));
        addOperator(new SetTextLeading(this));
        addOperator(new SetTextRenderingMode(this));
        addOperator(new SetTextRise(this));
        addOperator(new SetWordSpacing(this));
        addOperator(new ShowText(this));
        addOperator(new ShowTextAdjusted(this));
        addOperator(new ShowTextLine(this));
        addOperator(new ShowTextLineAndSpace(this));
    }

    /** The page's text in reading order, a line break between lines. */
    static String text(PDPage page) throws IOException {
        PageGlyphs g = new PageGlyphs();
        g.processPage(page);
        return g.ordered();
    }

    @Override
    protected void showGlyph(Matrix trm, PDFont font, int code, Vector displacement) throws IOException {
        if (trm.getShearX() != 0f || trm.getShearY() != 0f) {
            return;   // turned text (a draft's diagonal mark, a chart's axis title) is no line of the page's text
        }
        String u = font.toUnicode(code);
        if (u != null) {
            glyphs.add(new Glyph(trm.getTranslateX(), trm.getTranslateY(), u));
        }
    }

    private String ordered() {
        glyphs.sort(Comparator.comparingDouble((Glyph g) -> -g.y()));
        StringBuilder out = new StringBuilder(glyphs.size() + 64);
        List<Glyph> line = new ArrayList<>();
        float top = Float.NaN;
        for (Glyph g : glyphs) {
            if (!line.isEmpty() && top - g.y() > 1f) {
                flush(line, out);
                line.clear();
            }
            if (line.isEmpty()) {
                top = g.y();
            }
            line.add(g);
        }
        flush(line, out);
        return out.toString();
    }

    private static void flush(List<Glyph> line, StringBuilder out) {
        line.sort(Comparator.comparingDouble(Glyph::x));
        line.forEach(g -> out.append(g.text()));
        out.append('\n');
    }
}
