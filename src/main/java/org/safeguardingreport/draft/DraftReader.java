package org.safeguardingreport.draft;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.docx4j.XmlUtils;
import org.docx4j.openpackaging.exceptions.Docx4JException;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.docx4j.openpackaging.parts.Part;
import org.docx4j.openpackaging.parts.WordprocessingML.BinaryPart;
import org.docx4j.openpackaging.parts.WordprocessingML.MainDocumentPart;
import org.docx4j.openpackaging.parts.relationships.RelationshipsPart;
import org.docx4j.relationships.Relationship;
import org.w3c.dom.Element;

import org.safeguardingreport.draft.Draft.Block;
import org.safeguardingreport.draft.Draft.Break;
import org.safeguardingreport.draft.Draft.Findings;
import org.safeguardingreport.draft.Draft.Heading;
import org.safeguardingreport.draft.Draft.Inline;
import org.safeguardingreport.draft.Draft.ListItem;
import org.safeguardingreport.draft.Draft.Para;
import org.safeguardingreport.draft.Draft.Picture;
import org.safeguardingreport.draft.Draft.Table;
import org.safeguardingreport.draft.Draft.Text;

/**
 * Reads a Word document (already measured by {@link DocxArchive}) with docx4j into a {@link Draft}:
 * the body's paragraphs, headings, lists and tables in order, with bold, italic, web links and
 * embedded pictures. Tracked changes are taken as accepted (insertions kept, deletions dropped),
 * comments are left out, and nothing that would fetch or run something is followed: linked
 * pictures, links to files, embedded objects, ActiveX controls and macros are only counted.
 */
public final class DraftReader {
    private static final Pattern WEB_LINK = Pattern.compile("(?i)(https?://|mailto:)\\S+");
    private static final Pattern HYPERLINK_FIELD = Pattern.compile("(?i)^\\s*HYPERLINK\\s+(?:\"([^\"]*)\"|(\\S+))");
    /** Word's heading for the contents it builds. */
    private static final Pattern CONTENTS_STYLE = Pattern.compile("(?i)toc(heading|[1-9])");

    private final MainDocumentPart main;
    private final WordStyles styles;
    private final Findings findings = new Findings();
    private final Map<String, List<Inline>> footnotes = new HashMap<>();
    /** Complex fields being read: each begin pushes one, its end pops it. */
    private final Deque<Field> fields = new ArrayDeque<>();
    /** A paragraph whose mark was deleted as a tracked change: its text joins the next paragraph. */
    private List<Inline> carried = new ArrayList<>();
    private int footnoteNumber;

    private static final class Field {
        final StringBuilder instruction = new StringBuilder();
        boolean result;
        String href;
    }

    private DraftReader(MainDocumentPart main, WordStyles styles) {
        this.main = main;
        this.styles = styles;
    }

    /** Loads the measured package with docx4j and reads its body. */
    public static Draft read(DocxArchive.Opened archive) throws Docx4JException {
        WordprocessingMLPackage pkg = WordprocessingMLPackage.load(new ByteArrayInputStream(archive.repacked()));
        MainDocumentPart main = pkg.getMainDocumentPart();
        if (main == null || main.getJaxbElement() == null) {
            throw new Docx4JException("the package has no main document");
        }
        Element stylesRoot = main.getStyleDefinitionsPart() == null ? null
                : dom(main.getStyleDefinitionsPart().getJaxbElement());
        Element numbering = main.getNumberingDefinitionsPart() == null ? null
                : dom(main.getNumberingDefinitionsPart().getJaxbElement());
        DraftReader reader = new DraftReader(main, new WordStyles(stylesRoot, numbering));
        Findings f = reader.findings;
        f.macroEnabled = archive.macroEnabled();
        f.macros.addAll(archive.macros());
        f.embeddedObjects.addAll(archive.embedded());
        f.activeX.addAll(archive.activeX());
        if (main.getCommentsPart() != null && main.getCommentsPart().getJaxbElement() != null) {
            f.comments = Dom.children(dom(main.getCommentsPart().getJaxbElement()), "comment").size();
        }
        if (main.getFootnotesPart() != null && main.getFootnotesPart().getJaxbElement() != null) {
            reader.notes(dom(main.getFootnotesPart().getJaxbElement()), "footnote");
        }
        if (main.getEndNotesPart() != null && main.getEndNotesPart().getJaxbElement() != null) {
            reader.notes(dom(main.getEndNotesPart().getJaxbElement()), "endnote");
        }
        Element document = dom(main.getJaxbElement());
        Element body = Dom.child(document, "body");
        List<Block> blocks = new ArrayList<>();
        reader.blocks(body, blocks);
        if (f.comments == 0) {
            f.comments = Dom.descendants(body, Dom.W, "commentReference").size();
        }
        return new Draft(List.copyOf(blocks), f);
    }

    private static Element dom(Object jaxb) {
        return XmlUtils.marshaltoW3CDomDocument(jaxb).getDocumentElement();
    }

    private void notes(Element root, String kind) {
        for (Element note : Dom.children(root, kind)) {
            String type = Dom.attr(note, "type");
            if (type != null && !type.equals("normal")) {
                continue; // the separator lines
            }
            List<Inline> text = new ArrayList<>();
            for (Element p : Dom.descendants(note, Dom.W, "p")) {
                if (!text.isEmpty()) {
                    text.add(new Text(" ", false, false, null));
                }
                inlines(p, text, null);
            }
            footnotes.put(kind + ":" + Dom.attr(note, "id"), text);
        }
    }

    // ------------------------------------------------------------------ blocks

    private void blocks(Element container, List<Block> out) {
        for (Element e : Dom.children(container)) {
            switch (Dom.name(e)) {
                case "p" -> paragraph(e, out);
                case "tbl" -> out.add(table(e));
                case "sdt" -> {
                    if (isContents(e)) {
                        findings.contentsFields++;
                    } else {
                        blocks(Dom.child(e, "sdtContent"), out);
                    }
                }
                case "customXml", "ins", "moveTo" -> blocks(e, out);
                case "del", "moveFrom" -> findings.deletions++;
                case "altChunk" -> findings.altChunks++;
                default -> {
                    if (Dom.is(e, Dom.MC, "AlternateContent")) {
                        blocks(alternative(e), out);
                    }
                }
            }
        }
    }

    /** A content control holding Word's own table of contents (made again by every build). */
    private static boolean isContents(Element sdt) {
        Element pr = Dom.child(sdt, "sdtPr");
        Element gallery = pr == null ? null : Dom.child(Dom.child(pr, "docPartObj"), "docPartGallery");
        return gallery != null && "Table of Contents".equalsIgnoreCase(Dom.val(gallery));
    }

    /** The branch of mc:AlternateContent to read: the first choice holding a drawing or text, else the fallback. */
    private static Element alternative(Element ac) {
        for (Element c : Dom.children(ac)) {
            if (Dom.is(c, Dom.MC, "Choice") && !Dom.children(c).isEmpty()) {
                return c;
            }
        }
        Element fallback = Dom.child(ac, Dom.MC, "Fallback");
        return fallback != null ? fallback : ac;
    }

    private void paragraph(Element p, List<Block> out) {
        Element ppr = Dom.child(p, "pPr");
        String styleId = Dom.val(Dom.child(ppr, "pStyle"));
        if (styleId == null) {
            styleId = styles.defaultParagraphStyle();
        }
        String styleName = styles.name(styleId);
        List<Block> after = new ArrayList<>();
        List<Inline> inlines = new ArrayList<>(carried);
        carried = new ArrayList<>();
        inlinesWithAfter(p, inlines, after);
        // a field's instruction never runs on past its paragraph: one left open (a damaged file) is closed
        // here, so that the text after it is not taken for instruction and lost
        while (!fields.isEmpty() && !fields.peek().result) {
            fields.pop();
        }
        Element markRpr = ppr == null ? null : Dom.child(ppr, "rPr");
        if (markRpr != null && Dom.child(markRpr, "del") != null) {
            // the paragraph mark itself was deleted: accepting it joins this paragraph to the next
            findings.deletions++;
            carried = inlines;
            out.addAll(after);
            return;
        }
        if (markRpr != null && Dom.child(markRpr, "ins") != null) {
            findings.insertions++;
        }
        if (ppr != null && (Dom.child(ppr, "pPrChange") != null)) {
            findings.formatChanges++;
        }
        emit(p, ppr, styleId, styleName, inlines, out);
        out.addAll(after);
    }

    private void emit(Element p, Element ppr, String styleId, String styleName, List<Inline> inlines, List<Block> out) {
        boolean empty = Inline.plain(inlines).isEmpty() && inlines.stream().noneMatch(Picture.class::isInstance);
        if (empty) {
            return;
        }
        WordStyles.HeadingStyle heading = styles.heading(styleId);
        Integer outline = Dom.intVal(Dom.child(ppr, "outlineLvl"));
        if (outline != null) {
            heading = outline >= 0 && outline <= 8 ? new WordStyles.HeadingStyle(outline + 1, Draft.HeadingKind.OUTLINE) : null;
        }
        if (heading != null && !CONTENTS_STYLE.matcher(styleName.replace(" ", "")).matches()) {
            String text = Inline.plain(inlines);
            if (!text.isEmpty()) {
                out.add(new Heading(heading.level(), text, heading.kind(), styleName));
                return;
            }
        }
        Element numPr = Dom.child(ppr, "numPr");
        Integer numId = numPr == null ? null : Dom.intVal(Dom.child(numPr, "numId"));
        Integer ilvl = numPr == null ? null : Dom.intVal(Dom.child(numPr, "ilvl"));
        if (numId == null) {
            int[] fromStyle = styles.styleList(styleId);
            if (fromStyle != null) {
                numId = fromStyle[0];
                if (ilvl == null) {
                    ilvl = fromStyle[1];
                }
            }
        }
        if (numId != null && numId != 0) {
            int level = ilvl == null ? 0 : Math.max(0, Math.min(8, ilvl));
            WordStyles.ListLevel def = styles.listLevel(numId, level);
            if (def != null && !def.format().equals("none")) {
                out.add(new ListItem(List.copyOf(inlines), numId, level, def.ordered(), def.start(), def.restarts(), styleName));
                return;
            }
        }
        out.add(new Para(List.copyOf(inlines), styleName, styleId, wholeBold(inlines)));
    }

    private static boolean wholeBold(List<Inline> inlines) {
        boolean any = false;
        for (Inline i : inlines) {
            if (i instanceof Text t && !t.text().isBlank()) {
                if (!t.bold()) {
                    return false;
                }
                any = true;
            } else if (i instanceof Picture) {
                return false;
            }
        }
        return any;
    }

    private Table table(Element tbl) {
        List<List<List<Inline>>> rows = new ArrayList<>();
        for (Element tr : rows(tbl)) {
            Element trPr = Dom.child(tr, "trPr");
            if (trPr != null && Dom.child(trPr, "del") != null) {
                findings.deletions++;
                continue;
            }
            if (trPr != null && Dom.child(trPr, "ins") != null) {
                findings.insertions++;
            }
            List<List<Inline>> cells = new ArrayList<>();
            for (Element tc : cells(tr)) {
                Element tcPr = Dom.child(tc, "tcPr");
                Integer span = tcPr == null ? null : Dom.intVal(Dom.child(tcPr, "gridSpan"));
                Element vMerge = tcPr == null ? null : Dom.child(tcPr, "vMerge");
                boolean continued = vMerge != null && !"restart".equals(Dom.val(vMerge));
                List<Inline> content = continued ? List.of() : cellContent(tc);
                cells.add(content);
                for (int k = 1; k < (span == null ? 1 : Math.min(span, 64)); k++) {
                    cells.add(List.of());
                }
            }
            rows.add(cells);
        }
        return new Table(rows);
    }

    /** The rows of a table, through content controls and custom XML around them. */
    private static List<Element> rows(Element tbl) {
        return wrapped(tbl, "tr");
    }

    private static List<Element> cells(Element tr) {
        return wrapped(tr, "tc");
    }

    /** The w: children called {@code local}, and those inside content controls and custom XML among them. */
    private static List<Element> wrapped(Element parent, String local) {
        List<Element> out = new ArrayList<>();
        for (Element e : Dom.children(parent)) {
            String name = Dom.name(e);
            if (name.equals(local)) {
                out.add(e);
            } else if (name.equals("sdt")) {
                out.addAll(wrapped(Dom.child(e, "sdtContent"), local));
            } else if (name.equals("customXml")) {
                out.addAll(wrapped(e, local));
            }
        }
        return out;
    }

    /** A cell's paragraphs, lists and nested tables as one line of inline content. */
    private List<Inline> cellContent(Element tc) {
        List<Block> blocks = new ArrayList<>();
        blocks(tc, blocks);
        List<Inline> out = new ArrayList<>();
        for (Block b : blocks) {
            List<Inline> part;
            if (b instanceof Para p) {
                part = p.inlines();
            } else if (b instanceof ListItem li) {
                part = li.inlines();
            } else if (b instanceof Heading h) {
                part = List.of(new Text(h.text(), false, false, null));
            } else {
                part = new ArrayList<>();
                for (List<List<Inline>> row : ((Table) b).rows()) {
                    for (List<Inline> cell : row) {
                        if (!part.isEmpty() && !cell.isEmpty()) {
                            part.add(new Text(" ", false, false, null));
                        }
                        part.addAll(cell);
                    }
                }
            }
            if (!out.isEmpty() && !part.isEmpty()) {
                out.add(new Text(" ", false, false, null));
            }
            out.addAll(part);
        }
        return out;
    }

    // ------------------------------------------------------------------ inlines

    private void inlinesWithAfter(Element p, List<Inline> out, List<Block> after) {
        this.after = after;
        try {
            inlines(p, out, null);
        } finally {
            this.after = null;
        }
    }

    /** Blocks found inside a paragraph (text boxes, footnotes) that follow it; null while reading notes. */
    private List<Block> after;

    private void inlines(Element parent, List<Inline> out, String href) {
        for (Element e : Dom.children(parent)) {
            switch (Dom.name(e)) {
                case "r" -> run(e, out, href);
                case "hyperlink" -> inlines(e, out, hyperlink(e));
                case "ins", "moveTo" -> {
                    if (Dom.name(e).equals("ins")) {
                        findings.insertions++;
                    } else {
                        findings.moves++;
                    }
                    inlines(e, out, href);
                }
                case "del" -> findings.deletions++;
                case "moveFrom" -> {
                }
                case "smartTag", "customXml", "dir", "bdo" -> inlines(e, out, href);
                case "sdt" -> inlines(Dom.child(e, "sdtContent"), out, href);
                case "fldSimple" -> {
                    String target = fieldLink(Dom.attr(e, "instr"));
                    inlines(e, out, target != null ? target : href);
                }
                default -> {
                    if (Dom.is(e, Dom.MC, "AlternateContent")) {
                        inlines(alternative(e), out, href);
                    } else if (Dom.is(e, Dom.M, "oMath") || Dom.is(e, Dom.M, "oMathPara")) {
                        findings.equations++;
                        StringBuilder s = new StringBuilder();
                        for (Element t : Dom.descendants(e, Dom.M, "t")) {
                            s.append(t.getTextContent());
                        }
                        text(s.toString(), false, false, href, out);
                    }
                }
            }
        }
    }

    /** The web or mail address of a w:hyperlink, or null (an anchor inside the document, or a link to a file). */
    private String hyperlink(Element h) {
        String id = Dom.attr(h, Dom.R, "id");
        if (id == null) {
            return null;
        }
        Relationship rel = relationship(id);
        if (rel == null || rel.getTarget() == null) {
            return null;
        }
        String target = rel.getTarget().strip();
        if (WEB_LINK.matcher(target).matches()) {
            return target;
        }
        findings.fileLinks.add(target);
        return null;
    }

    private String fieldLink(String instruction) {
        if (instruction == null) {
            return null;
        }
        Matcher m = HYPERLINK_FIELD.matcher(instruction);
        if (!m.find()) {
            return null;
        }
        String target = m.group(1) != null ? m.group(1) : m.group(2);
        if (instruction.contains("\\l") && !instruction.contains("://")) {
            return null; // a place in this document
        }
        if (WEB_LINK.matcher(target).matches()) {
            return target;
        }
        findings.fileLinks.add(target);
        return null;
    }

    private Relationship relationship(String id) {
        RelationshipsPart rels = main.getRelationshipsPart();
        return rels == null ? null : rels.getRelationshipByID(id);
    }

    private void run(Element r, List<Inline> out, String href) {
        Element rpr = Dom.child(r, "rPr");
        String charStyle = Dom.val(Dom.child(rpr, "rStyle"));
        Boolean b = Dom.onOff(Dom.child(rpr, "b"));
        Boolean i = Dom.onOff(Dom.child(rpr, "i"));
        boolean bold = b != null ? b : styles.bold(charStyle);
        boolean italic = i != null ? i : styles.italic(charStyle);
        if (rpr != null && Dom.child(rpr, "rPrChange") != null) {
            findings.formatChanges++;
        }
        if (rpr != null && Boolean.TRUE.equals(Dom.onOff(Dom.child(rpr, "vanish")))) {
            findings.hiddenRuns++;
            return;
        }
        for (Element e : Dom.children(r)) {
            Field field = fields.peek();
            String link = field != null && field.result && field.href != null ? field.href : href;
            switch (Dom.name(e)) {
                case "t" -> {
                    if (field == null || field.result) {
                        text(e.getTextContent(), bold, italic, link, out);
                    }
                }
                case "tab", "ptab" -> text(" ", bold, italic, link, out);
                case "br" -> {
                    String type = Dom.attr(e, "type");
                    if (type == null || type.equals("textWrapping")) {
                        out.add(new Break());
                    }
                }
                case "cr" -> out.add(new Break());
                case "noBreakHyphen" -> text("-", bold, italic, link, out);
                case "fldChar" -> fieldChar(Dom.attr(e, "fldCharType"));
                case "instrText" -> {
                    if (field != null && !field.result) {
                        field.instruction.append(e.getTextContent());
                    }
                }
                case "drawing" -> drawing(e, out);
                case "pict" -> vml(e, out);
                case "object" -> findings.embeddedObjects.add(objectName(e));
                case "footnoteReference", "endnoteReference" -> note(e, out, bold, italic);
                default -> {
                    if (Dom.is(e, Dom.MC, "AlternateContent")) {
                        Element choice = alternative(e);
                        Element wrapper = r.getOwnerDocument().createElementNS(Dom.W, "w:r");
                        for (Element c : Dom.children(choice)) {
                            wrapper.appendChild(c.cloneNode(true));
                        }
                        run(wrapper, out, href);
                    }
                }
            }
        }
    }

    private void fieldChar(String type) {
        if ("begin".equals(type)) {
            fields.push(new Field());
        } else if ("separate".equals(type) && !fields.isEmpty()) {
            Field f = fields.peek();
            f.result = true;
            f.href = fieldLink(f.instruction.toString());
        } else if ("end".equals(type) && !fields.isEmpty()) {
            fields.pop();
        }
    }

    private static String objectName(Element object) {
        for (Element e : Dom.descendants(object, "urn:schemas-microsoft-com:office:office", "OLEObject")) {
            String prog = e.getAttribute("ProgID");
            if (!prog.isEmpty()) {
                return "an embedded " + prog + " object";
            }
        }
        return "an embedded object";
    }

    private void note(Element ref, List<Inline> out, boolean bold, boolean italic) {
        String kind = Dom.name(ref).startsWith("foot") ? "footnote" : "endnote";
        List<Inline> text = footnotes.get(kind + ":" + Dom.attr(ref, "id"));
        if (text == null || after == null) {
            return;
        }
        findings.footnotes++;
        int n = ++footnoteNumber;
        out.add(new Text("[" + n + "]", bold, italic, null));
        List<Inline> note = new ArrayList<>();
        note.add(new Text("[" + n + "] ", false, false, null));
        note.addAll(text);
        after.add(new Para(List.copyOf(note), "footnote text", null, false));
    }

    /** Adds text, its white space made single spaces, joining the previous text when formatted alike. */
    private static void text(String raw, boolean bold, boolean italic, String href, List<Inline> out) {
        String t = raw.replace('\t', ' ').replace("\u00AD", "").replaceAll("[ \\r\\n]+", " ");
        if (t.isEmpty()) {
            return;
        }
        if (!out.isEmpty() && out.get(out.size() - 1) instanceof Text last && last.bold() == bold && last.italic() == italic
                && java.util.Objects.equals(last.href(), href)) {
            String joined = last.text() + t;
            out.set(out.size() - 1, new Text(joined.replaceAll(" {2,}", " "), bold, italic, href));
            return;
        }
        if (t.startsWith(" ") && !out.isEmpty() && out.get(out.size() - 1) instanceof Text last && last.text().endsWith(" ")) {
            t = t.substring(1);
            if (t.isEmpty()) {
                return;
            }
        }
        out.add(new Text(t, bold, italic, href));
    }

    // ------------------------------------------------------------------ pictures

    private void drawing(Element drawing, List<Inline> out) {
        Element holder = Dom.child(drawing, Dom.WP, "inline");
        if (holder == null) {
            holder = Dom.child(drawing, Dom.WP, "anchor");
        }
        Element docPr = holder == null ? null : Dom.child(holder, Dom.WP, "docPr");
        String alt = docPr == null ? "" : docPr.getAttribute("descr");
        if (alt.isBlank() && docPr != null) {
            alt = docPr.getAttribute("title");
        }
        alt = alt.replaceAll("\\s+", " ").strip();
        List<Element> blips = Dom.descendants(drawing, Dom.A, "blip");
        List<Element> boxes = Dom.descendants(drawing, Dom.W, "txbxContent");
        if (!boxes.isEmpty()) {
            textBoxes(boxes);
        }
        Element graphicData = Dom.descendants(drawing, Dom.A, "graphicData").stream().findFirst().orElse(null);
        String uri = graphicData == null ? "" : graphicData.getAttribute("uri");
        if (blips.isEmpty()) {
            if (boxes.isEmpty()) {
                String kind = uri.contains("chart") ? "a Word chart" : uri.contains("diagram") ? "a SmartArt diagram"
                        : "a drawing";
                findings.drawings.add(kind + (alt.isEmpty() ? "" : " (\"" + alt + "\")"));
            }
            return;
        }
        for (Element blip : blips) {
            String embed = Dom.attr(blip, Dom.R, "embed");
            String link = Dom.attr(blip, Dom.R, "link");
            if (embed != null) {
                picture(embed, alt, out);
            } else if (link != null) {
                Relationship rel = relationship(link);
                findings.linkedPictures.add(rel == null || rel.getTarget() == null ? link : rel.getTarget());
            }
        }
    }

    /** A VML picture (older documents): its embedded image, or a text box. */
    private void vml(Element pict, List<Inline> out) {
        List<Element> boxes = Dom.descendants(pict, Dom.W, "txbxContent");
        if (!boxes.isEmpty()) {
            textBoxes(boxes);
        }
        for (Element data : Dom.descendants(pict, Dom.V, "imagedata")) {
            String id = Dom.attr(data, Dom.R, "id");
            String alt = "";
            if (data.getParentNode() instanceof Element shape) {
                alt = shape.getAttribute("alt");
            }
            if (alt.isBlank()) {
                alt = data.getAttributeNS("urn:schemas-microsoft-com:office:office", "title");
            }
            if (id == null) {
                continue;
            }
            Relationship rel = relationship(id);
            if (rel != null && "External".equalsIgnoreCase(rel.getTargetMode())) {
                findings.linkedPictures.add(rel.getTarget());
            } else {
                picture(id, alt.strip(), out);
            }
        }
    }

    private void textBoxes(List<Element> boxes) {
        if (after == null) {
            return;
        }
        for (Element box : boxes) {
            findings.textBoxes++;
            List<Inline> savedCarry = carried;
            carried = new ArrayList<>();
            List<Block> inside = new ArrayList<>();
            List<Block> outer = after;
            after = null;
            try {
                blocks(box, inside);
            } finally {
                after = outer;
                carried = savedCarry;
            }
            after.addAll(inside);
        }
    }

    private void picture(String relId, String alt, List<Inline> out) {
        Relationship rel = relationship(relId);
        if (rel == null) {
            return;
        }
        if ("External".equalsIgnoreCase(rel.getTargetMode())) {
            findings.linkedPictures.add(rel.getTarget());
            return;
        }
        Part part = main.getRelationshipsPart().getPart(rel);
        if (!(part instanceof BinaryPart bin)) {
            return;
        }
        byte[] bytes = bin.getBytes();
        Pictures.Usable usable = Pictures.usable(bytes);
        if (usable == null) {
            String name = rel.getTarget() == null ? "" : rel.getTarget();
            String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toUpperCase(Locale.ROOT) : "unknown";
            findings.unusablePictures.add((alt.isEmpty() ? "a picture" : "\"" + alt + "\"") + " (" + ext + ")");
            return;
        }
        out.add(new Picture(usable.bytes(), usable.extension(), alt));
    }
}
