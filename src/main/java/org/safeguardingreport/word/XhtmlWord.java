package org.safeguardingreport.word;

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

import org.safeguardingreport.model.Template;
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
    private static final String BODY_TEXT = "231F20";

    private final PdfWriter.Laid laid;
    private final Template.Binary reference;
    private Lists lists;
    /** The width of the text between the margins, from the reference document's page. */
    private int textWidth;
    private final String bodyColour;
    private final java.util.Map<String, org.safeguardingreport.chart.Chart> charts;
    private WordprocessingMLPackage pkg;
    /** Ids that an empty link points at ({@code <a href="#id"></a>}, a page number in the PDF): each gets a bookmark. */
    private final java.util.Set<String> pageRefTargets = new java.util.HashSet<>();
    /** Bookmarks to open at the start of the next paragraph written. */
    private final List<String> pendingBookmarks = new ArrayList<>();
    private int bookmarks;
    /** Where the contents field goes (the element marked data-word-toc), or -1. */
    private int tocAt = -1;
    /** The heading levels the contents lists, as the element marked data-word-toc gives them ("1-3"). */
    private String tocLevels = "1-3";
    /**
     * The paragraphs that end a section around an element marked {@code data-word-orient="landscape"}
     * (true: the landscape section it ends), given their section properties once the header is made.
     */
    private final java.util.Map<P, Boolean> sectionEnds = new java.util.IdentityHashMap<>();
    /** The paragraphs that hold a page break the layout asks for. */
    private final java.util.Set<P> pageBreaks = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    private XhtmlWord(PdfWriter.Laid laid, java.util.Map<String, org.safeguardingreport.chart.Chart> charts,
                      Template.Binary reference) {
        this.laid = laid;
        this.reference = reference;
        this.charts = charts;
        String c = hex(laid.style(body(laid.document().getDocumentElement())).getColor());
        this.bodyColour = c == null ? BODY_TEXT : c;
    }

    /**
     * Writes the Word edition of the laid-out document, starting from the reference document;
     * {@code charts} are the charts the layout's {@code <object data-chart="ID">} elements place.
     * Call while the layout is open.
     */
    public static byte[] write(PdfWriter.Laid laid, boolean draft, java.util.Map<String, org.safeguardingreport.chart.Chart> charts,
                               Template.Binary reference) throws Docx4JException {
        return new XhtmlWord(laid, charts, reference).document(draft);
    }

    /**
     * The Word edition as a package not yet written out: made from the layout while it is open, it
     * can be saved ({@link #save}) on another thread while the PDF's pages are painted.
     */
    public static WordprocessingMLPackage document(PdfWriter.Laid laid, boolean draft,
                                                   java.util.Map<String, org.safeguardingreport.chart.Chart> charts,
                                                   Template.Binary reference)
            throws Docx4JException {
        return new XhtmlWord(laid, charts, reference).build(draft);
    }

    public static byte[] save(WordprocessingMLPackage pkg) throws Docx4JException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        pkg.save(bytes);
        return bytes.toByteArray();
    }

    private byte[] document(boolean draft) throws Docx4JException {
        return save(build(draft));
    }

    private WordprocessingMLPackage build(boolean draft) throws Docx4JException {
        Reference ref = Reference.open(reference);
        pkg = ref.pkg();
        textWidth = ref.textWidth();
        lists = new Lists(ref.lists().taken());
        Element html = laid.document().getDocumentElement();
        Element body = body(html);
        findPageRefs(body);
        flow(body, pkg.getMainDocumentPart().getContent(), new ArrayList<>(), 0, null);
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
        ref.header(String.join("  |  ", parts), draft);
        sections();
        lists.install(ref);
        if (bookmarks > 0) {
            // the page references' numbers are Word's own, worked out when the file is opened
            ref.updateFieldsOnOpen();
        }
        if (tocAt >= 0) {
            try {
                // the generator writes its "Contents" heading and an entry per heading; Word fills in the page numbers
                new org.docx4j.toc.TocGenerator(pkg).generateToc(tocAt, " TOC \\o \"" + tocLevels + "\" \\h \\z \\u ", true);
            } catch (org.docx4j.toc.TocException e) {
                throw new IllegalStateException("the contents could not be generated", e);
            }
            ref.updateFieldsOnOpen();
        }
        Element head = first(html, "head");
        Wml.properties(pkg, head == null ? "" : text(first(head, "title")), meta(head, "author"), meta(head, "subject"),
                meta(head, "keywords"));
        return pkg;
    }

    // ------------------------------------------------------------------ blocks

    /**
     * The block content of {@code container} into {@code out}: inline content gathers into
     * paragraphs, block elements become paragraphs, lists and tables of their own.
     */
    private void flow(Element container, List<Object> out, List<Object> pending, int listLevel, String style) {
        for (Node n = container.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                if (skipped(e)) {
                    continue;
                }
                mark(e);
                if (e.hasAttribute("data-word-toc")) {
                    flush(pending, out, style);
                    tocAt = out.size();
                    // the levels the PDF's own contents lists, so that both editions list the same
                    if (e.getAttribute("data-word-toc").matches("[1-9]-[1-9]")) {
                        tocLevels = e.getAttribute("data-word-toc");
                    }
                    continue;
                }
                if (block(e) && e.getLocalName() != null && e.getLocalName().equalsIgnoreCase("object")) {
                    // a chart placed as a block of its own
                    flush(pending, out, style);
                    P chart = picture(e);
                    if (chart != null) {
                        out.add(chart);
                    }
                } else if (block(e)) {
                    flush(pending, out, style);
                    // a block the layout puts on landscape pages is a landscape section of its own (body level only)
                    boolean landscape = "landscape".equalsIgnoreCase(e.getAttribute("data-word-orient"))
                            && out == pkg.getMainDocumentPart().getContent();
                    boolean before = pageBreak(e, CSSName.PAGE_BREAK_BEFORE) && !out.isEmpty();
                    if (landscape && !out.isEmpty()) {
                        out.add(sectionEnd(false));
                    } else if (before && !endsSection(out)) {
                        out.add(pageBreak());
                    }
                    int width = textWidth;
                    if (landscape) {
                        textWidth = landscapeTextWidth();
                    }
                    block(e, out, listLevel, style);
                    textWidth = width;
                    if (landscape) {
                        out.add(sectionEnd(true));
                    } else if (pageBreak(e, CSSName.PAGE_BREAK_AFTER) && !(e.getNextSibling() == null)) {
                        out.add(pageBreak());
                    }
                } else {
                    inline(e, pending);
                }
            } else if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                addText(n.getNodeValue(), container, pending);
            }
        }
        flush(pending, out, style);
    }

    /** An empty paragraph that will end a section: the one before a landscape block, or the landscape block's own. */
    private P sectionEnd(boolean landscape) {
        P p = Wml.para(null);
        sectionEnds.put(p, landscape);
        return p;
    }

    /** Whether the content so far ends with a section's end, after which a new page starts anyway. */
    private boolean endsSection(List<Object> out) {
        return !out.isEmpty() && out.get(out.size() - 1) instanceof P p && sectionEnds.containsKey(p);
    }

    /** The reference page turned on its side: its height less the side margins. */
    private int landscapeTextWidth() {
        org.docx4j.wml.SectPr s = pkg.getMainDocumentPart().getJaxbElement().getBody().getSectPr();
        if (s == null || s.getPgSz() == null || s.getPgSz().getH() == null) {
            return textWidth * 297 / 210;
        }
        long w = s.getPgSz().getH().longValue();
        if (s.getPgMar() != null) {
            w -= (s.getPgMar().getLeft() == null ? 0 : s.getPgMar().getLeft().longValue())
                    + (s.getPgMar().getRight() == null ? 0 : s.getPgMar().getRight().longValue());
        }
        return w > textWidth ? (int) w : textWidth * 297 / 210;
    }

    /**
     * Gives each section's last paragraph its section: the document's own page (with its header and
     * footer), turned to landscape for a landscape block. The document's last section stays as it is.
     */
    private void sections() {
        org.docx4j.wml.SectPr page = pkg.getMainDocumentPart().getJaxbElement().getBody().getSectPr();
        List<Object> content = pkg.getMainDocumentPart().getContent();
        boolean endsLandscape = false;
        for (java.util.Map.Entry<P, Boolean> end : sectionEnds.entrySet()) {
            P p = end.getKey();
            if (end.getValue() && !content.isEmpty() && content.get(content.size() - 1) == p) {
                // the document ends in landscape: its own last section is turned, with no empty page after
                content.remove(content.size() - 1);
                endsLandscape = true;
                continue;
            }
            org.docx4j.wml.SectPr s = org.docx4j.XmlUtils.deepCopy(page);
            if (end.getValue()) {
                turn(s);
            }
            PPr ppr = p.getPPr() != null ? p.getPPr() : Wml.F.createPPr();
            ppr.setSectPr(s);
            p.setPPr(ppr);
        }
        if (endsLandscape) {
            turn(page);
        }
    }

    private static void turn(org.docx4j.wml.SectPr s) {
        if (s.getPgSz() != null && s.getPgSz().getW() != null && s.getPgSz().getH() != null) {
            BigInteger w = s.getPgSz().getW();
            s.getPgSz().setW(s.getPgSz().getH());
            s.getPgSz().setH(w);
            s.getPgSz().setOrient(org.docx4j.wml.STPageOrientation.LANDSCAPE);
        }
    }

    private boolean pageBreak(Element e, CSSName side) {
        IdentValue v = laid.style(e).getIdent(side);
        return v == IdentValue.ALWAYS;
    }

    private P pageBreak() {
        R r = Wml.F.createR();
        org.docx4j.wml.Br br = Wml.F.createBr();
        br.setType(org.docx4j.wml.STBrType.PAGE);
        r.getContent().add(br);
        P p = Wml.para(null, r);
        pageBreaks.add(p);
        return p;
    }

    /** Whether what is written next starts a page: the document's start, after a page break or a section's end. */
    private boolean startsPage(List<Object> out) {
        return out == pkg.getMainDocumentPart().getContent() && (out.isEmpty() || endsSection(out)
                || out.get(out.size() - 1) instanceof P p && pageBreaks.contains(p));
    }

    /** A picture for an image or a placed chart (null for any other element). */
    private P picture(Element e) {
        String tag = e.getLocalName() == null ? "" : e.getLocalName().toLowerCase(Locale.ROOT);
        try {
            if (tag.equals("object") && charts.containsKey(e.getAttribute("data-chart"))) {
                return WordRuns.chartParagraph(pkg, charts.get(e.getAttribute("data-chart")));
            }
            if (tag.equals("img")) {
                String alt = e.getAttribute("alt");
                byte[] bytes = image(e.getAttribute("src"));
                if (bytes == null) {
                    return Wml.para(null, Wml.colour(Wml.run("[Picture not shown" + (alt.isBlank() ? "" : ": " + alt) + "]"), "425563"));
                }
                P p = Wml.para("Picture");
                p.getContent().add(WordRuns.image(pkg, bytes, alt));
                return p;
            }
        } catch (Exception failed) {
            throw new IllegalStateException("a picture could not be placed in the Word document", failed);
        }
        return null;
    }

    /** A picture's bytes: only a PNG or JPEG picture the document was given (Word shows no SVG). */
    private byte[] image(String src) {
        byte[] b = laid.picture(src);
        boolean png = b != null && b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
        boolean jpeg = b != null && b.length > 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8;
        return png || jpeg ? b : null;
    }

    private void block(Element e, List<Object> out, int listLevel, String inherited) {
        int from = out.size();
        blockContent(e, out, listLevel, inherited);
        String tag = e.getLocalName() == null ? "" : e.getLocalName().toLowerCase(Locale.ROOT);
        if (!tag.equals("table") && avoidsBreak(e)) {
            // a block the PDF never splits (a list, the sign-off): each of its paragraphs kept with the next
            for (int i = from; i < out.size() - 1; i++) {
                if (out.get(i) instanceof P p) {
                    keepWithNext(p);
                } else if (out.get(i) instanceof Tbl t) {
                    for (Object row : t.getContent()) {
                        if (row instanceof Tr tr) {
                            keepWithNext(tr.getContent().stream().filter(Tc.class::isInstance).map(Tc.class::cast)
                                    .toArray(Tc[]::new));
                        }
                    }
                }
            }
        }
        // a block's fill (the title band, a quote, the statement box) shades its paragraphs, as in the PDF
        String fill = hex(laid.style(e).getBackgroundColor());
        if (fill != null) {
            for (int i = from; i < out.size(); i++) {
                if (out.get(i) instanceof P p) {
                    PPr ppr = p.getPPr() != null ? p.getPPr() : Wml.F.createPPr();
                    p.setPPr(ppr);
                    if (ppr.getShd() == null) {
                        org.docx4j.wml.CTShd shd = Wml.F.createCTShd();
                        shd.setVal(org.docx4j.wml.STShd.CLEAR);
                        shd.setColor("auto");
                        shd.setFill(fill);
                        ppr.setShd(shd);
                    }
                }
            }
        }
    }

    private void blockContent(Element e, List<Object> out, int listLevel, String inherited) {
        String own = e.hasAttribute("data-word-style") ? e.getAttribute("data-word-style") : inherited;
        String tag = e.getLocalName() == null ? e.getTagName() : e.getLocalName();
        switch (tag.toLowerCase(Locale.ROOT)) {
            case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                boolean newPage = startsPage(out);
                List<Object> runs = new ArrayList<>();
                inlineChildren(e, runs);
                int before = out.size();
                flush(runs, out, e.hasAttribute("data-word-style") ? e.getAttribute("data-word-style") : "Heading" + tag.charAt(1));
                if (!newPage && out.size() > before && out.get(out.size() - 1) instanceof P p) {
                    // a heading the PDF does not start a page with: nor does Word, whatever its style says
                    // (a reference document's Heading 1 may begin a page: the sign-off follows the conclusion)
                    PPr ppr = p.getPPr() != null ? p.getPPr() : Wml.F.createPPr();
                    ppr.setPageBreakBefore(new org.docx4j.wml.BooleanDefaultTrue());
                    ppr.getPageBreakBefore().setVal(false);
                    p.setPPr(ppr);
                }
            }
            case "ul", "ol" -> list(e, out, listLevel);
            case "table" -> out.add(table(e));
            default -> {
                if (hasBlockChild(e)) {
                    flow(e, out, new ArrayList<>(), listLevel, own);
                } else {
                    List<Object> runs = new ArrayList<>();
                    inlineChildren(e, runs);
                    flush(runs, out, own);
                }
            }
        }
    }

    private void list(Element list, List<Object> out, int level) {
        boolean ordered = "ol".equalsIgnoreCase(list.getLocalName());
        int start = list.hasAttribute("start") ? parse(list.getAttribute("start"), 1) : 1;
        int numId = lists.newList(ordered, start);
        for (Element li : children(list)) {
            mark(li);
            List<Object> blocks = new ArrayList<>();
            flow(li, blocks, new ArrayList<>(), level + 1, null);
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
        // rows kept with the next, as the PDF keeps them on one page: a table or a body group it never
        // splits (all its rows but the last), and the heading rows with the first row under them
        List<Boolean> keep = new ArrayList<>();
        boolean whole = avoidsBreak(table);
        for (Element part : children(table)) {
            String tag = part.getLocalName().toLowerCase(Locale.ROOT);
            if (tag.equals("tr")) {
                rows.add(part);
                header.add(false);
                keep.add(whole);
            } else if (tag.equals("thead") || tag.equals("tbody") || tag.equals("tfoot")) {
                List<Element> group = children(part);
                boolean together = whole || avoidsBreak(part);
                for (int k = 0; k < group.size(); k++) {
                    rows.add(group.get(k));
                    header.add(tag.equals("thead"));
                    keep.add(tag.equals("thead") || together && (whole || k < group.size() - 1));
                }
            }
        }
        if (!keep.isEmpty()) {
            // the last row has no next to keep with
            keep.set(keep.size() - 1, false);
        }
        // columns as laid out in the row with the most cells (a heading row of spanning groups has fewer)
        List<Element> fullest = List.of();
        for (Element row : rows) {
            List<Element> cells = children(row);
            if (cells.size() > fullest.size()) {
                fullest = cells;
            }
        }
        int[] widths = widths(table, fullest);
        Tbl tbl = Wml.table(widths);
        Wml.tableStyle(tbl, "ReportTable");
        for (int i = 0; i < rows.size(); i++) {
            mark(rows.get(i));
            List<Element> cells = children(rows.get(i));
            Tc[] tcs = new Tc[cells.size()];
            int column = 0;
            for (int c = 0; c < cells.size(); c++) {
                Element cell = cells.get(c);
                List<Object> blocks = new ArrayList<>();
                flow(cell, blocks, new ArrayList<>(), 0, null);
                List<P> paragraphs = blocks.stream().filter(P.class::isInstance).map(P.class::cast).toList();
                int span = Math.max(1, Math.min(parse(cell.getAttribute("colspan"), 1), widths.length - column));
                int width = 0;
                for (int k = column; k < column + span && k < widths.length; k++) {
                    width += widths[k];
                }
                tcs[c] = Wml.cell(Math.max(width, 300), hex(laid.style(cell).getBackgroundColor()), paragraphs);
                if (span > 1) {
                    org.docx4j.wml.TcPrInner.GridSpan gs = Wml.F.createTcPrInnerGridSpan();
                    gs.setVal(BigInteger.valueOf(span));
                    tcs[c].getTcPr().setGridSpan(gs);
                }
                column += span;
            }
            Tr tr = Wml.row(header.get(i), tcs);
            if (keep.get(i)) {
                keepWithNext(tcs);
            }
            tbl.getContent().add(tr);
        }
        return tbl;
    }

    /** Whether the stylesheet never splits {@code e} across pages. */
    private boolean avoidsBreak(Element e) {
        return laid.style(e).getIdent(CSSName.PAGE_BREAK_INSIDE) == IdentValue.AVOID;
    }

    /** Every paragraph of a row kept with the next paragraph: Word then keeps the row with the next row. */
    private static void keepWithNext(Tc[] cells) {
        for (Tc tc : cells) {
            for (Object o : tc.getContent()) {
                if (o instanceof P p) {
                    keepWithNext(p);
                }
            }
        }
    }

    private static void keepWithNext(P p) {
        PPr ppr = p.getPPr() != null ? p.getPPr() : Wml.F.createPPr();
        ppr.setKeepNext(new org.docx4j.wml.BooleanDefaultTrue());
        p.setPPr(ppr);
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
        int across = laid.width(table) > 0 && tableWidth > total * 1.05 ? textWidth * total / tableWidth : textWidth;
        for (int i = 0; i < n; i++) {
            w[i] = total == 0 ? across / n : Math.max(300, across * w[i] / total);
        }
        return w;
    }

    // ------------------------------------------------------------------ inlines

    private void inlineChildren(Element e, List<Object> runs) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                if (!skipped(child)) {
                    inline(child, runs);
                }
            } else if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                addText(n.getNodeValue(), e, runs);
            }
        }
    }

    private void inline(Element e, List<Object> runs) {
        if ("br".equalsIgnoreCase(e.getLocalName())) {
            R r = Wml.F.createR();
            r.getContent().add(Wml.F.createBr());
            runs.add(r);
            return;
        }
        P picture = picture(e);
        if (picture != null) {
            // a picture or chart inside a paragraph: its drawing joins the paragraph's runs
            runs.addAll(picture.getContent());
            return;
        }
        String href = e.getAttribute("href");
        if (isPageRef(e)) {
            // the PDF prints the target's page from the stylesheet; Word is given a field that finds it
            runs.add(Wml.field("PAGEREF " + bookmarkName(href.substring(1)) + " \\h", "#"));
            return;
        }
        if ("a".equalsIgnoreCase(e.getLocalName()) && SAFE_LINK.matcher(href).matches()) {
            List<Object> inside = new ArrayList<>();
            inlineChildren(e, inside);
            runs.add(hyperlink(href, inside));
            return;
        }
        inlineChildren(e, runs);
    }

    /** Only web and mail links stay links: the layout makes no other kind from an author's text. */
    private static final java.util.regex.Pattern SAFE_LINK = java.util.regex.Pattern.compile("(?i)(https?://|mailto:)\\S+");

    private Object hyperlink(String url, List<Object> content) {
        org.docx4j.relationships.Relationship rel = new org.docx4j.relationships.ObjectFactory().createRelationship();
        rel.setType(org.docx4j.openpackaging.parts.relationships.Namespaces.HYPERLINK);
        rel.setTarget(url);
        rel.setTargetMode("External");
        pkg.getMainDocumentPart().getRelationshipsPart().addRelationship(rel);
        P.Hyperlink h = Wml.F.createPHyperlink();
        h.setId(rel.getId());
        for (Object o : content) {
            if (o instanceof R r) {
                org.docx4j.wml.RStyle rs = Wml.F.createRStyle();
                rs.setVal("Hyperlink");
                if (r.getRPr() == null) {
                    r.setRPr(Wml.F.createRPr());
                }
                r.getRPr().setRStyle(rs);
            }
            h.getContent().add(o);
        }
        return Wml.F.createPHyperlink(h);
    }

    /** Text as the stylesheet shows it: runs of white space made one space, its weight, slant and colour kept. */
    private void addText(String raw, Element from, List<Object> runs) {
        CalculatedStyle style = laid.style(from);
        int halfPoints = Math.round(laid.fontPoints(from) * 2);
        // white space collapses as in the layout; a no-break space is kept
        String text = raw.replaceAll("[ \\t\\r\\n\\f]+", " ");
        if (text.isEmpty() || (text.isBlank() && runs.isEmpty())) {
            return;
        }
        boolean bold = style.isIdent(CSSName.FONT_WEIGHT, IdentValue.BOLD) || style.isIdent(CSSName.FONT_WEIGHT, IdentValue.FONT_WEIGHT_700)
                || style.isIdent(CSSName.FONT_WEIGHT, IdentValue.FONT_WEIGHT_800)
                || style.isIdent(CSSName.FONT_WEIGHT, IdentValue.FONT_WEIGHT_900);
        boolean italic = style.isIdent(CSSName.FONT_STYLE, IdentValue.ITALIC);
        String colour = hex(style.getColor());
        // runs split where the writing direction changes, right-to-left ones marked as such
        for (R r : WordRuns.textRuns(text, new WordRuns.Fmt(bold, italic, false))) {
            if (halfPoints > 0) {
                Wml.size(r, halfPoints);
            }
            runs.add(colour != null && !colour.equalsIgnoreCase(bodyColour) ? Wml.colour(r, colour) : r);
        }
    }

    /** Gathered runs as one paragraph, leading and trailing spaces trimmed. */
    private void flush(List<Object> runs, List<Object> out, String style) {
        if (runs.isEmpty()) {
            return;
        }
        trim(runs.get(0), true);
        trim(runs.get(runs.size() - 1), false);
        P p = Wml.para(style);
        for (String id : pendingBookmarks) {
            // a point bookmark where the block's text starts, for the page references that cite it
            org.docx4j.wml.CTBookmark start = Wml.F.createCTBookmark();
            start.setId(BigInteger.valueOf(++bookmarks));
            start.setName(bookmarkName(id));
            org.docx4j.wml.CTMarkupRange end = Wml.F.createCTMarkupRange();
            end.setId(start.getId());
            p.getContent().add(Wml.F.createPBookmarkStart(start));
            p.getContent().add(Wml.F.createPBookmarkEnd(end));
        }
        pendingBookmarks.clear();
        p.getContent().addAll(runs);
        out.add(p);
        runs.clear();
    }

    /** An empty link to an id of the document: the PDF fills it with the target's page number. */
    private static boolean isPageRef(Element e) {
        String href = e.getAttribute("href");
        return "a".equalsIgnoreCase(e.getLocalName()) && href.startsWith("#") && href.length() > 1
                && e.getTextContent().isBlank();
    }

    private void findPageRefs(Element e) {
        for (Element c : children(e)) {
            if (isPageRef(c)) {
                pageRefTargets.add(c.getAttribute("href").substring(1));
            }
            findPageRefs(c);
        }
    }

    /** A block that a page reference points at: its first paragraph will carry the bookmark. */
    private void mark(Element e) {
        String id = e.getAttribute("id");
        if (!id.isEmpty() && pageRefTargets.contains(id) && !pendingBookmarks.contains(id)) {
            pendingBookmarks.add(id);
        }
    }

    /** A hidden Word bookmark name (a leading underscore hides it): letters, digits and underscores, at most 40. */
    static String bookmarkName(String id) {
        String n = "_" + id.replaceAll("[^A-Za-z0-9]", "_");
        return n.length() <= 40 ? n : n.substring(0, 31) + "_" + Integer.toHexString(id.hashCode());
    }

    private static void trim(Object run, boolean leading) {
        if (!(run instanceof R r)) {
            return;
        }
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
