package org.safeguardingreport.word;

import java.util.ArrayList;
import java.util.List;
import org.docx4j.dml.wordprocessingDrawing.Inline;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.docx4j.openpackaging.parts.WordprocessingML.BinaryPartAbstractImage;
import org.docx4j.wml.Drawing;
import org.docx4j.wml.P;
import org.docx4j.wml.R;
import org.docx4j.wml.RFonts;
import org.docx4j.wml.RPr;

/** Runs of text and pictures as the Word editions write them: direction-aware runs, pictures and charts with alt text. */
final class WordRuns {
    /** The text width of an A4 portrait page with the house margins, in twentieths of a point. */
    static final int TEXT_WIDTH = 9026;
    private static int pictureId = 100;

    private WordRuns() {
    }

    record Fmt(boolean bold, boolean italic, boolean code) {
    }

    /** A chart as a 200 dpi picture placed at the size it was drawn (so its text keeps its size), its trend in words as the alt text. */
    static P chartParagraph(WordprocessingMLPackage pkg, org.safeguardingreport.chart.Chart chart) {
        byte[] png = org.safeguardingreport.chart.ChartMaker.png(chart, 200);
        P p = Wml.para(null);
        try {
            p.getContent().add(image(pkg, png, chart.alt(), Math.min(TEXT_WIDTH, Math.round(chart.widthPt() * 20))));
        } catch (Exception e) {
            throw new IllegalStateException("a chart could not be placed in the Word document", e);
        }
        return p;
    }

    static R image(WordprocessingMLPackage pkg, byte[] bytes, String alt) throws Exception {
        return image(pkg, bytes, alt, TEXT_WIDTH);
    }

    /** A picture at most {@code maxWidth} twentieths of a point wide. */
    static synchronized R image(WordprocessingMLPackage pkg, byte[] bytes, String alt, int maxWidth) throws Exception {
        BinaryPartAbstractImage part = BinaryPartAbstractImage.createImagePart(pkg, bytes);
        // docx4j pastes the alt text into XML unescaped: give it a plain name, then set the real one
        Inline inline = part.createImageInline("picture", "picture", pictureId++, pictureId++, false, maxWidth);
        inline.getDocPr().setDescr(Wml.clean(alt));
        inline.getDocPr().setName("Picture " + pictureId);
        Drawing drawing = Wml.F.createDrawing();
        drawing.getAnchorOrInline().add(inline);
        R r = Wml.F.createR();
        r.getContent().add(drawing);
        return r;
    }

    /** Runs for {@code text}, split where the direction changes, right-to-left runs marked as such. */
    static List<R> textRuns(String text, Fmt fmt) {
        List<R> out = new ArrayList<>();
        if (text.isEmpty()) {
            return out;
        }
        StringBuilder cur = new StringBuilder();
        Boolean rtl = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            byte d = Character.getDirectionality(cp);
            Boolean here = d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC
                    ? Boolean.TRUE : d == Character.DIRECTIONALITY_LEFT_TO_RIGHT ? Boolean.FALSE : null;
            if (here != null && rtl != null && !here.equals(rtl) && cur.length() > 0) {
                out.add(run(cur.toString(), fmt, rtl));
                cur.setLength(0);
            }
            if (here != null) {
                rtl = here;
            }
            cur.appendCodePoint(cp);
            i += Character.charCount(cp);
        }
        out.add(run(cur.toString(), fmt, Boolean.TRUE.equals(rtl)));
        return out;
    }

    private static R run(String text, Fmt fmt, boolean rtl) {
        R r = Wml.run(text);
        if (fmt.bold()) {
            rpr(r).setB(new org.docx4j.wml.BooleanDefaultTrue());
        }
        if (fmt.italic()) {
            rpr(r).setI(new org.docx4j.wml.BooleanDefaultTrue());
        }
        if (fmt.code()) {
            RFonts f = Wml.F.createRFonts();
            f.setAscii("Courier New");
            f.setHAnsi("Courier New");
            rpr(r).setRFonts(f);
        }
        if (rtl) {
            rpr(r).setRtl(new org.docx4j.wml.BooleanDefaultTrue());
        }
        return r;
    }

    private static RPr rpr(R r) {
        if (r.getRPr() == null) {
            r.setRPr(Wml.F.createRPr());
        }
        return r.getRPr();
    }
}
