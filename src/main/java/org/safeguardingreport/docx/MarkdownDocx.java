package org.safeguardingreport.docx;

import java.math.BigInteger;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableBody;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableHead;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.Escaping;

import org.docx4j.dml.wordprocessingDrawing.Inline;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.docx4j.openpackaging.parts.WordprocessingML.BinaryPartAbstractImage;
import org.docx4j.relationships.Relationship;
import org.docx4j.wml.Br;
import org.docx4j.wml.Drawing;
import org.docx4j.wml.PPrBase.NumPr;
import org.docx4j.wml.P;
import org.docx4j.wml.PPr;
import org.docx4j.wml.R;
import org.docx4j.wml.RFonts;
import org.docx4j.wml.RPr;
import org.docx4j.wml.RStyle;
import org.docx4j.wml.Tbl;
import org.docx4j.wml.Tc;

import org.safeguardingreport.markdown.DataRefNode;
import org.safeguardingreport.markdown.EvidenceMarkerNode;
import org.safeguardingreport.model.Bundle;
import org.safeguardingreport.model.Measure;
import org.safeguardingreport.model.MeasureValue;
import org.safeguardingreport.model.Narrative;
import org.safeguardingreport.model.Narrative.ChartRef;
import org.safeguardingreport.model.Narrative.FigureRef;
import org.safeguardingreport.model.Rating;
import org.safeguardingreport.render.Figures;

/**
 * Turns a narrative's Markdown into WordprocessingML, following the same rules as the PDF: markers
 * vanish, figures become values, raw HTML is text, only http/https/mailto links are links, and a
 * picture outside images/ is a placeholder with its alt text. Every character is kept; runs of
 * right-to-left script are marked so Word lays them out right to left.
 */
final class MarkdownDocx {
    private static final Pattern SAFE_LINK = Pattern.compile("(?i)(https?://|mailto:)\\S+");
    static final int TEXT_WIDTH = 9026;

    record Fmt(boolean bold, boolean italic, boolean code) {
    }

    static final Fmt PLAIN = new Fmt(false, false, false);

    private final WordprocessingMLPackage pkg;
    private final Bundle bundle;
    private final Lists lists;
    private final Map<String, Narrative.PictureRef> pictures;
    private final int topLevel;
    private final org.safeguardingreport.chart.ChartPlan charts;
    private static int pictureId = 100;

    /** @param topLevel the heading level an author's "##" becomes (2 in a chapter, 3 inside a numbered item) */
    MarkdownDocx(WordprocessingMLPackage pkg, Bundle bundle, Lists lists, Narrative section, int topLevel) {
        this.pkg = pkg;
        this.bundle = bundle;
        this.lists = lists;
        this.topLevel = topLevel;
        this.charts = new org.safeguardingreport.chart.ChartPlan(bundle);
        this.pictures = new java.util.HashMap<>();
        section.pictures().forEach(p -> pictures.putIfAbsent(p.path(), p));
    }

    List<Object> blocks(Node document) {
        List<Object> out = new ArrayList<>();
        for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
            block(n, out, 0, 0, -1);
        }
        return out;
    }

    /** @param numId the list a first paragraph belongs to (0: none); @param level its nesting; @param indent extra indent levels */
    private void block(Node node, List<Object> out, int numId, int level, int indent) {
        if (node instanceof Paragraph p) {
            Optional<ChartRef> chart = chartAlone(p);
            if (chart.isPresent()) {
                List<String> ids = chart.get().measureIds();
                out.add(chartParagraph(pkg, charts.add(String.join(", ", ids.stream()
                        .map(id -> Figures.measure(id).label()).toList()), ids)));
                return;
            }
            P para = Wml.para(null);
            inlines(p, para, PLAIN);
            trimEnd(para);
            listOrIndent(para, numId, level, indent);
            out.add(bidi(para));
        } else if (node instanceof Heading h) {
            P para = Wml.para("Heading" + Math.min(6, Math.max(2, h.getLevel()) + topLevel - 2));
            inlines(h, para, PLAIN);
            trimEnd(para);
            out.add(bidi(para));
        } else if (node instanceof BulletList || node instanceof OrderedList) {
            int start = node instanceof OrderedList ol ? ol.getStartNumber() : 1;
            int id = lists.newList(node instanceof OrderedList, start);
            int lvl = numId == 0 && indent < 0 ? 0 : level + 1;
            for (Node item = node.getFirstChild(); item != null; item = item.getNext()) {
                if (item instanceof ListItem li) {
                    boolean first = true;
                    for (Node c = li.getFirstChild(); c != null; c = c.getNext()) {
                        if (first && c instanceof Paragraph) {
                            block(c, out, id, lvl, -1);
                        } else {
                            block(c, out, 0, lvl, lvl);
                        }
                        first = false;
                    }
                }
            }
        } else if (node instanceof BlockQuote) {
            for (Node c = node.getFirstChild(); c != null; c = c.getNext()) {
                List<Object> inner = new ArrayList<>();
                block(c, inner, numId, level, indent);
                for (Object o : inner) {
                    if (o instanceof P p) {
                        style(p, "BlockQuote");
                    }
                    out.add(o);
                }
            }
        } else if (node instanceof FencedCodeBlock || node instanceof IndentedCodeBlock) {
            String code = node instanceof FencedCodeBlock f ? f.getContentChars().toString() : node.getChars().toString();
            for (String line : code.stripTrailing().split("\n", -1)) {
                out.add(Wml.para("CodeBlock", Wml.run(line)));
            }
        } else if (node instanceof TableBlock t) {
            out.add(table(t));
        } else if (node instanceof ThematicBreak) {
            out.add(Wml.para("Rule"));
        } else if (node instanceof HtmlBlock || node instanceof HtmlCommentBlock) {
            for (String line : node.getChars().toString().stripTrailing().split("\n", -1)) {
                out.add(bidi(Wml.para(null, textRuns(line, PLAIN).toArray(new R[0]))));
            }
        } else if (!node.getChars().isBlank() && !(node instanceof com.vladsch.flexmark.ast.Reference)) {
            out.add(Wml.para(null, node.getChars().toString().strip()));
        }
    }

    /** Drops the space an evidence marker leaves at the end of its block. */
    private static void trimEnd(P p) {
        for (int i = p.getContent().size() - 1; i >= 0; i--) {
            if (!(p.getContent().get(i) instanceof R r) || r.getContent().size() != 1) {
                return;
            }
            Object c = r.getContent().get(0);
            Object v = c instanceof jakarta.xml.bind.JAXBElement<?> e ? e.getValue() : c;
            if (!(v instanceof org.docx4j.wml.Text t)) {
                return;
            }
            String trimmed = t.getValue().stripTrailing();
            if (!trimmed.isEmpty()) {
                t.setValue(trimmed);
                return;
            }
            p.getContent().remove(i);
        }
    }

    private static void listOrIndent(P p, int numId, int level, int indent) {
        if (numId > 0) {
            PPr ppr = ppr(p);
            NumPr np = Wml.F.createPPrBaseNumPr();
            NumPr.Ilvl il = Wml.F.createPPrBaseNumPrIlvl();
            il.setVal(BigInteger.valueOf(Math.min(level, 8)));
            NumPr.NumId id = Wml.F.createPPrBaseNumPrNumId();
            id.setVal(BigInteger.valueOf(numId));
            np.setIlvl(il);
            np.setNumId(id);
            ppr.setNumPr(np);
            style(p, "ListParagraph");
        } else if (indent >= 0) {
            PPr ppr = ppr(p);
            org.docx4j.wml.PPrBase.Ind ind = Wml.F.createPPrBaseInd();
            ind.setLeft(BigInteger.valueOf(360 + 360L * Math.min(indent, 5)));
            ppr.setInd(ind);
        }
    }

    private static PPr ppr(P p) {
        if (p.getPPr() == null) {
            p.setPPr(Wml.F.createPPr());
        }
        return p.getPPr();
    }

    private static void style(P p, String style) {
        org.docx4j.wml.PPrBase.PStyle ps = Wml.F.createPPrBasePStyle();
        ps.setVal(style);
        ppr(p).setPStyle(ps);
    }

    private Optional<ChartRef> chartAlone(Paragraph p) {
        Node only = p.getFirstChild();
        if (only instanceof DataRefNode d && d.ref() instanceof ChartRef c && only.getNext() == null) {
            return Optional.of(c);
        }
        return Optional.empty();
    }

    private Tbl table(TableBlock t) {
        List<TableRow> rows = new ArrayList<>();
        List<Boolean> header = new ArrayList<>();
        for (Node section = t.getFirstChild(); section != null; section = section.getNext()) {
            if (section instanceof TableHead || section instanceof TableBody) {
                for (Node r = section.getFirstChild(); r != null; r = r.getNext()) {
                    if (r instanceof TableRow row) {
                        rows.add(row);
                        header.add(section instanceof TableHead);
                    }
                }
            }
        }
        int columns = rows.stream().mapToInt(r -> r.getChildren().spliterator().estimateSize() > 0
                ? (int) java.util.stream.StreamSupport.stream(r.getChildren().spliterator(), false).count() : 0).max().orElse(1);
        // the first column usually holds labels: with three or more columns it gets a double share
        int shares = columns >= 3 ? columns + 1 : Math.max(1, columns);
        int unit = TEXT_WIDTH / shares;
        int[] widths = new int[columns];
        java.util.Arrays.fill(widths, unit);
        if (columns >= 3) {
            widths[0] = TEXT_WIDTH - unit * (columns - 1);
        }
        Tbl tbl = Wml.table(widths);
        Wml.tableStyle(tbl, "ReportTable");
        for (int i = 0; i < rows.size(); i++) {
            List<Tc> cells = new ArrayList<>();
            for (Node c = rows.get(i).getFirstChild(); c != null; c = c.getNext()) {
                if (c instanceof TableCell cell) {
                    P p = Wml.para(null);
                    inlines(cell, p, header.get(i) ? new Fmt(true, false, false) : PLAIN);
                    if (cell.getAlignment() != null) {
                        switch (cell.getAlignment()) {
                            case RIGHT -> Wml.align(p, org.docx4j.wml.JcEnumeration.RIGHT);
                            case CENTER -> Wml.align(p, org.docx4j.wml.JcEnumeration.CENTER);
                            default -> { }
                        }
                    }
                    cells.add(Wml.cell(widths[Math.min(cells.size(), columns - 1)], header.get(i) ? "E8EDEE" : null, List.of(bidi(p))));
                }
            }
            while (cells.size() < columns) {
                cells.add(Wml.cell(widths[cells.size()], null, List.of()));
            }
            tbl.getContent().add(Wml.row(header.get(i), cells.toArray(new Tc[0])));
        }
        return tbl;
    }

    // ---------------------------------------------------------------- inline content

    private void inlines(Node parent, P p, Fmt fmt) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            inline(n, p, fmt);
        }
    }

    private void inline(Node n, P p, Fmt fmt) {
        if (n instanceof Text t) {
            add(p, textRuns(t.getChars().unescape(), fmt));
        } else if (n instanceof StrongEmphasis) {
            inlines(n, p, new Fmt(true, fmt.italic(), fmt.code()));
        } else if (n instanceof Emphasis) {
            inlines(n, p, new Fmt(fmt.bold(), true, fmt.code()));
        } else if (n instanceof Code c) {
            add(p, textRuns(c.getText().toString(), new Fmt(fmt.bold(), fmt.italic(), true)));
        } else if (n instanceof SoftLineBreak) {
            add(p, textRuns(" ", fmt));
        } else if (n instanceof HardLineBreak) {
            R r = Wml.F.createR();
            Br br = Wml.F.createBr();
            r.getContent().add(br);
            p.getContent().add(r);
        } else if (n instanceof EvidenceMarkerNode) {
            // markers never show
        } else if (n instanceof DataRefNode d) {
            dataRef(d, p, fmt);
        } else if (n instanceof Link l) {
            link(l.getUrl().toString(), l, p, fmt);
        } else if (n instanceof LinkRef l) {
            Reference r = l.getReferenceNode(l.getDocument());
            if (r == null) {
                add(p, textRuns(l.getChars().toString(), fmt));
            } else {
                link(r.getUrl().toString(), l, p, fmt);
            }
        } else if (n instanceof AutoLink a) {
            linkText(a.getText().toString(), a.getText().toString(), p, fmt);
        } else if (n instanceof MailLink m) {
            linkText("mailto:" + m.getText(), m.getText().toString(), p, fmt);
        } else if (n instanceof Image img) {
            picture(img.getUrl().toString(), img.getText().toString(), p);
        } else if (n instanceof ImageRef ref) {
            Reference r = ref.getReferenceNode(ref.getDocument());
            picture(r == null ? "" : r.getUrl().toString(), ref.getText().toString(), p);
        } else if (n instanceof HtmlEntity) {
            add(p, textRuns(Escaping.unescapeString(n.getChars().toString()), fmt));
        } else if (n instanceof HtmlInline || n instanceof HtmlInlineComment) {
            add(p, textRuns(n.getChars().toString(), fmt));
        } else if (n.hasChildren()) {
            inlines(n, p, fmt);
        } else {
            add(p, textRuns(n.getChars().toString(), fmt));
        }
    }

    private void dataRef(DataRefNode d, P p, Fmt fmt) {
        if (d.ref() instanceof FigureRef f) {
            Optional<MeasureValue> v = Figures.value(bundle, f);
            if (f.rag()) {
                Optional<Rating> r = Figures.rating(bundle, f.measureId(), v);
                List<R> runs = textRuns(r.map(Rating::word).orElse(Figures.format(v)), new Fmt(true, fmt.italic(), false));
                r.ifPresent(x -> runs.forEach(run -> Wml.shade(run, Wml.ragFill(x))));
                add(p, runs);
            } else {
                add(p, textRuns(Figures.format(v), fmt));
            }
        } else if (d.ref() instanceof ChartRef c) {
            add(p, textRuns("[Chart: " + String.join(", ", c.measureIds().stream().map(Figures::measure)
                    .map(Measure::label).toList()) + "]", fmt));
        } else {
            add(p, textRuns(d.getChars().toString(), fmt));
        }
    }

    private void link(String url, Node node, P p, Fmt fmt) {
        if (!SAFE_LINK.matcher(url.strip()).matches()) {
            inlines(node, p, fmt);
            return;
        }
        P inner = Wml.para(null);
        inlines(node, inner, fmt);
        hyperlink(url.strip(), inner.getContent(), p);
    }

    private void linkText(String url, String text, P p, Fmt fmt) {
        if (!SAFE_LINK.matcher(url).matches()) {
            add(p, textRuns(text, fmt));
            return;
        }
        hyperlink(url, new ArrayList<>(textRuns(text, fmt)), p);
    }

    private void hyperlink(String url, List<Object> content, P p) {
        org.docx4j.relationships.ObjectFactory rf = new org.docx4j.relationships.ObjectFactory();
        Relationship rel = rf.createRelationship();
        rel.setType(org.docx4j.openpackaging.parts.relationships.Namespaces.HYPERLINK);
        rel.setTarget(url);
        rel.setTargetMode("External");
        pkg.getMainDocumentPart().getRelationshipsPart().addRelationship(rel);
        P.Hyperlink h = Wml.F.createPHyperlink();
        h.setId(rel.getId());
        for (Object o : content) {
            if (o instanceof R r) {
                RStyle rs = Wml.F.createRStyle();
                rs.setVal("Hyperlink");
                rpr(r).setRStyle(rs);
            }
            h.getContent().add(o);
        }
        p.getContent().add(Wml.F.createPHyperlink(h));
    }

    /** A chart as a 200 dpi picture the width of the text, its trend in words as the alt text. */
    static P chartParagraph(WordprocessingMLPackage pkg, org.safeguardingreport.chart.Chart chart) {
        byte[] png = org.safeguardingreport.chart.ChartMaker.png(chart, 200);
        P p = Wml.para(null);
        try {
            p.getContent().add(image(pkg, png, chart.alt()));
        } catch (Exception e) {
            throw new IllegalStateException("a chart could not be placed in the Word document", e);
        }
        return p;
    }

    static synchronized R image(WordprocessingMLPackage pkg, byte[] bytes, String alt) throws Exception {
        BinaryPartAbstractImage part = BinaryPartAbstractImage.createImagePart(pkg, bytes);
        // docx4j pastes the alt text into XML unescaped: give it a plain name, then set the real one
        Inline inline = part.createImageInline("picture", "picture", pictureId++, pictureId++, false, TEXT_WIDTH);
        inline.getDocPr().setDescr(Wml.clean(alt));
        inline.getDocPr().setName("Picture " + pictureId);
        Drawing drawing = Wml.F.createDrawing();
        drawing.getAnchorOrInline().add(inline);
        R r = Wml.F.createR();
        r.getContent().add(drawing);
        return r;
    }

    private void picture(String url, String alt, P p) {
        Narrative.PictureRef ref = pictures.get(url);
        if (ref != null && ref.usable() && !ref.resolved().toLowerCase(Locale.ROOT).endsWith(".svg")) {
            try {
                p.getContent().add(image(pkg, Files.readAllBytes(bundle.root().resolve(ref.resolved())), alt));
                return;
            } catch (Exception e) {
                // fall through to the placeholder: the picture could not be read as an image
            }
        }
        add(p, List.of(Wml.colour(Wml.run("[Picture not shown" + (alt.isBlank() ? "" : ": " + alt) + "]"), "425563")));
    }

    private static void add(P p, List<R> runs) {
        p.getContent().addAll(runs);
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

    /** A paragraph whose first strong character is right-to-left is laid out right to left. */
    static P bidi(P p) {
        for (Object o : p.getContent()) {
            if (o instanceof R r && r.getRPr() != null && r.getRPr().getRtl() != null) {
                ppr(p).setBidi(new org.docx4j.wml.BooleanDefaultTrue());
                return p;
            }
            if (o instanceof R r && hasStrongText(r)) {
                return p;
            }
        }
        return p;
    }

    private static boolean hasStrongText(R r) {
        for (Object c : r.getContent()) {
            Object v = c instanceof jakarta.xml.bind.JAXBElement<?> e ? e.getValue() : c;
            if (v instanceof org.docx4j.wml.Text t) {
                for (char ch : t.getValue().toCharArray()) {
                    if (Character.getDirectionality(ch) == Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
