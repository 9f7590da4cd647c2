package org.safeguardingreport.docx;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.openhtmltopdf.css.constants.CSSName;
import com.openhtmltopdf.css.constants.IdentValue;
import com.openhtmltopdf.css.parser.FSColor;
import com.openhtmltopdf.css.parser.FSRGBColor;
import com.openhtmltopdf.css.style.CalculatedStyle;

import org.docx4j.openpackaging.exceptions.Docx4JException;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.docx4j.openpackaging.parts.WordprocessingML.MainDocumentPart;
import org.docx4j.wml.P;
import org.docx4j.wml.PPr;
import org.docx4j.wml.PPrBase.NumPr;
import org.docx4j.wml.R;
import org.docx4j.wml.Tbl;
import org.docx4j.wml.Tc;
import org.docx4j.wml.Tr;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import org.safeguardingreport.pdf.PdfWriter;

/**
 * The Word edition of a document, written from the same laid-out XHTML as its PDF: the template's
 * layout and stylesheet are the one description of both. Elements map to Word's own structure
 * (h1-h6 to Heading 1-6, or the style an element names in {@code data-word-style}; lists to real
 * numbered or bulleted lists; tables to tables whose header rows repeat and whose rows do not split),
 * and the stylesheet's computed colours, fills, weights and column widths come across as laid out.
 * The running header becomes the page header, and a draft carries the DRAFT mark.
 */
public final class XhtmlWord {
    /** The text width of an A4 portrait page with the house margins, in twentieths of a point. */
    private static final int TEXT_WIDTH = 9026;
    private static final String BODY_TEXT = "231F20";

    private final PdfWriter.Laid laid;
    private final Lists lists = new Lists();
    private final String bodyColour;

    private XhtmlWord(PdfWriter.Laid laid) {
        this.laid = laid;
        String c = hex(laid.style(body(laid.document().getDocumentElement())).getColor());
        this.bodyColour = c == null ? BODY_TEXT : c;
    }

    /** Writes the Word edition of the laid-out document; call while the layout is open. */
    public static byte[] write(PdfWriter.Laid laid, boolean draft) throws Docx4JException {
        return new XhtmlWord(laid).document(draft);
    }

    private byte[] document(boolean draft) throws Docx4JException {
        WordprocessingMLPackage pkg = Wml.newPackage(false);
        MainDocumentPart mdp = pkg.getMainDocumentPart();
        for (String style : List.of("Title", "Heading1", "Heading2", "Heading3", "Header", "Footer", "ListParagraph")) {
            mdp.getPropertyResolver().activateStyle(style);
        }
        Element html = laid.document().getDocumentElement();
        Element body = body(html);
        List<Object> out = mdp.getContent();
        flow(body, out, new ArrayList<>(), 0);
        try {
            Element header = byId(body, "running-header");
            List<String> parts = new ArrayList<>();
            if (header != null) {
                for (Element e : children(header)) {
                    parts.add(text(e));
                }
            }
            if (draft) {
                parts.add("DRAFT");
            }
            Wml.headerAndFooter(pkg, String.join("  |  ", parts));
            lists.install(pkg);
            if (draft) {
                ReportDocx.watermark(pkg);
            }
        } catch (org.docx4j.openpackaging.exceptions.InvalidFormatException e) {
            throw new Docx4JException("header, footer and lists", e);
        }
        Element head = first(html, "head");
        Wml.properties(pkg, head == null ? "" : text(first(head, "title")), meta(head, "author"), meta(head, "subject"),
                meta(head, "keywords"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        pkg.save(bytes);
        return bytes.toByteArray();
    }

    // ------------------------------------------------------------------ blocks

    /**
     * The block content of {@code container} into {@code out}: inline content gathers into
     * paragraphs, block elements become paragraphs, lists and tables of their own.
     */
    private void flow(Element container, List<Object> out, List<R> pending, int listLevel) {
        for (Node n = container.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                if (skipped(e)) {
                    continue;
                }
                if (block(e)) {
                    flush(pending, out, null);
                    block(e, out, listLevel);
                } else {
                    inline(e, pending);
                }
            } else if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                addText(n.getNodeValue(), laid.style(container), pending);
            }
        }
        flush(pending, out, null);
    }

    private void block(Element e, List<Object> out, int listLevel) {
        String tag = e.getLocalName() == null ? e.getTagName() : e.getLocalName();
        switch (tag.toLowerCase(Locale.ROOT)) {
            case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                List<R> runs = new ArrayList<>();
                inlineChildren(e, runs);
                String style = e.hasAttribute("data-word-style") ? e.getAttribute("data-word-style") : "Heading" + tag.charAt(1);
                flush(runs, out, style);
            }
            case "ul", "ol" -> list(e, out, listLevel);
            case "table" -> out.add(table(e));
            default -> {
                if (hasBlockChild(e)) {
                    flow(e, out, new ArrayList<>(), listLevel);
                } else {
                    List<R> runs = new ArrayList<>();
                    inlineChildren(e, runs);
                    flush(runs, out, e.hasAttribute("data-word-style") ? e.getAttribute("data-word-style") : null);
                }
            }
        }
    }

    private void list(Element list, List<Object> out, int level) {
        boolean ordered = "ol".equalsIgnoreCase(list.getLocalName());
        int start = list.hasAttribute("start") ? parse(list.getAttribute("start"), 1) : 1;
        int numId = lists.newList(ordered, start);
        for (Element li : children(list)) {
            List<Object> blocks = new ArrayList<>();
            flow(li, blocks, new ArrayList<>(), level + 1);
            boolean numbered = false;
            for (Object b : blocks) {
                if (b instanceof P p && !numbered) {
                    number(p, numId, level);
                    numbered = true;
                }
                out.add(b);
            }
        }
    }

    private static void number(P p, int numId, int level) {
        PPr ppr = p.getPPr() != null ? p.getPPr() : Wml.F.createPPr();
        p.setPPr(ppr);
        NumPr np = Wml.F.createPPrBaseNumPr();
        NumPr.Ilvl il = Wml.F.createPPrBaseNumPrIlvl();
        il.setVal(BigInteger.valueOf(Math.min(level, 8)));
        NumPr.NumId id = Wml.F.createPPrBaseNumPrNumId();
        id.setVal(BigInteger.valueOf(numId));
        np.setIlvl(il);
        np.setNumId(id);
        ppr.setNumPr(np);
        org.docx4j.wml.PPrBase.PStyle ps = Wml.F.createPPrBasePStyle();
        ps.setVal("ListParagraph");
        ppr.setPStyle(ps);
    }

    /** A table: column widths as laid out in the PDF, header rows repeated, fills and text styles from the stylesheet. */
    private Tbl table(Element table) {
        List<Element> rows = new ArrayList<>();
        List<Boolean> header = new ArrayList<>();
        for (Element part : children(table)) {
            String tag = part.getLocalName().toLowerCase(Locale.ROOT);
            if (tag.equals("tr")) {
                rows.add(part);
                header.add(false);
            } else if (tag.equals("thead") || tag.equals("tbody") || tag.equals("tfoot")) {
                for (Element tr : children(part)) {
                    rows.add(tr);
                    header.add(tag.equals("thead"));
                }
            }
        }
        int[] widths = widths(table, rows.isEmpty() ? List.of() : children(rows.get(0)));
        Tbl tbl = Wml.table(widths);
        for (int i = 0; i < rows.size(); i++) {
            List<Element> cells = children(rows.get(i));
            Tc[] tcs = new Tc[cells.size()];
            for (int c = 0; c < cells.size(); c++) {
                Element cell = cells.get(c);
                List<Object> blocks = new ArrayList<>();
                flow(cell, blocks, new ArrayList<>(), 0);
                List<P> paragraphs = blocks.stream().filter(P.class::isInstance).map(P.class::cast).toList();
                tcs[c] = Wml.cell(widths[Math.min(c, widths.length - 1)], hex(laid.style(cell).getBackgroundColor()), paragraphs);
            }
            Tr tr = Wml.row(header.get(i), tcs);
            tbl.getContent().add(tr);
        }
        return tbl;
    }

    /** Column widths in proportion to the first row's cells as laid out, over the page's text width. */
    private int[] widths(Element table, List<Element> firstRow) {
        int n = Math.max(1, firstRow.size());
        int[] w = new int[n];
        int total = 0;
        for (int i = 0; i < firstRow.size(); i++) {
            w[i] = Math.max(1, laid.width(firstRow.get(i)));
            total += w[i];
        }
        int tableWidth = Math.max(total, laid.width(table));
        int textWidth = laid.width(table) > 0 && tableWidth > total * 1.05 ? TEXT_WIDTH * total / tableWidth : TEXT_WIDTH;
        for (int i = 0; i < n; i++) {
            w[i] = total == 0 ? TEXT_WIDTH / n : Math.max(300, textWidth * w[i] / total);
        }
        return w;
    }

    // ------------------------------------------------------------------ inlines

    private void inlineChildren(Element e, List<R> runs) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                if (!skipped(child)) {
                    inline(child, runs);
                }
            } else if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                addText(n.getNodeValue(), laid.style(e), runs);
            }
        }
    }

    private void inline(Element e, List<R> runs) {
        if ("br".equalsIgnoreCase(e.getLocalName())) {
            R r = Wml.F.createR();
            r.getContent().add(Wml.F.createBr());
            runs.add(r);
            return;
        }
        inlineChildren(e, runs);
    }

    /** Text as the stylesheet shows it: runs of white space made one space, its weight, slant and colour kept. */
    private void addText(String raw, CalculatedStyle style, List<R> runs) {
        // white space collapses as in the layout; a no-break space is kept
        String text = raw.replaceAll("[ \\t\\r\\n\\f]+", " ");
        if (text.isEmpty() || (text.isBlank() && runs.isEmpty())) {
            return;
        }
        R r = Wml.run(text);
        if (style.isIdent(CSSName.FONT_WEIGHT, IdentValue.BOLD) || style.isIdent(CSSName.FONT_WEIGHT, IdentValue.FONT_WEIGHT_700)
                || style.isIdent(CSSName.FONT_WEIGHT, IdentValue.FONT_WEIGHT_800)
                || style.isIdent(CSSName.FONT_WEIGHT, IdentValue.FONT_WEIGHT_900)) {
            r = Wml.bold(r);
        }
        if (style.isIdent(CSSName.FONT_STYLE, IdentValue.ITALIC)) {
            r = Wml.italic(r);
        }
        String colour = hex(style.getColor());
        if (colour != null && !colour.equalsIgnoreCase(bodyColour)) {
            r = Wml.colour(r, colour);
        }
        runs.add(r);
    }

    /** Gathered runs as one paragraph, leading and trailing spaces trimmed. */
    private static void flush(List<R> runs, List<Object> out, String style) {
        if (runs.isEmpty()) {
            return;
        }
        trim(runs.get(0), true);
        trim(runs.get(runs.size() - 1), false);
        out.add(Wml.para(style, runs.toArray(new R[0])));
        runs.clear();
    }

    private static void trim(R r, boolean leading) {
        for (Object o : r.getContent()) {
            Object v = o instanceof jakarta.xml.bind.JAXBElement<?> j ? j.getValue() : o;
            if (v instanceof org.docx4j.wml.Text t) {
                t.setValue(leading ? t.getValue().stripLeading() : t.getValue().stripTrailing());
            }
        }
    }

    // ------------------------------------------------------------------ the tree and its styles

    /** Blocks: what the stylesheet displays as blocks, list items and tables, and the block elements of XHTML. */
    private boolean block(Element e) {
        String tag = e.getLocalName() == null ? "" : e.getLocalName().toLowerCase(Locale.ROOT);
        if (List.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "blockquote", "section",
                "li", "pre").contains(tag)) {
            return true;
        }
        IdentValue display = laid.style(e).getIdent(CSSName.DISPLAY);
        return display == IdentValue.BLOCK || display == IdentValue.LIST_ITEM || display == IdentValue.TABLE;
    }

    private boolean hasBlockChild(Element e) {
        for (Element c : children(e)) {
            if (!skipped(c) && block(c)) {
                return true;
            }
        }
        return false;
    }

    /** What has no place in the flow of a Word document: the running header (it becomes the page header), bookmarks. */
    private boolean skipped(Element e) {
        String tag = e.getLocalName() == null ? "" : e.getLocalName().toLowerCase(Locale.ROOT);
        return tag.equals("bookmarks") || tag.equals("style") || tag.equals("script") || tag.equals("head")
                || "running-header".equals(e.getAttribute("id"))
                || laid.style(e).isIdent(CSSName.DISPLAY, IdentValue.NONE);
    }

    private static Element body(Element html) {
        Element b = first(html, "body");
        return b != null ? b : html;
    }

    private static Element first(Element parent, String tag) {
        for (Element c : children(parent)) {
            if (tag.equalsIgnoreCase(c.getLocalName())) {
                return c;
            }
        }
        return null;
    }

    private static Element byId(Element root, String id) {
        if (id.equals(root.getAttribute("id"))) {
            return root;
        }
        for (Element c : children(root)) {
            Element found = byId(c, id);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static List<Element> children(Element e) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                out.add(c);
            }
        }
        return out;
    }

    private static String text(Element e) {
        return e == null ? "" : e.getTextContent().replaceAll("\\s+", " ").strip();
    }

    private static String meta(Element head, String name) {
        if (head != null) {
            for (Element m : children(head)) {
                if ("meta".equalsIgnoreCase(m.getLocalName()) && name.equals(m.getAttribute("name"))) {
                    return m.getAttribute("content");
                }
            }
        }
        return "";
    }

    /** A colour as Word writes it (RRGGBB), or null when transparent. */
    private static String hex(FSColor c) {
        if (c instanceof FSRGBColor rgb && rgb != FSRGBColor.TRANSPARENT) {
            return String.format("%02X%02X%02X", rgb.getRed(), rgb.getGreen(), rgb.getBlue());
        }
        return null;
    }

    private static int parse(String s, int otherwise) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
