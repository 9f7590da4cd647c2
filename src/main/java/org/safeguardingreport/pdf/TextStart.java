package org.safeguardingreport.pdf;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.openhtmltopdf.layout.SharedContext;
import com.openhtmltopdf.render.Box;
import com.openhtmltopdf.render.InlineLayoutBox;
import com.openhtmltopdf.render.InlineText;
import com.openhtmltopdf.render.LineBox;
import com.openhtmltopdf.render.PageBox;

/**
 * Where a laid-out block's content starts: the page on which its first line of text is drawn.
 * Pagination moves line boxes, not the top edges of the blocks that hold them: a list item kept
 * together, a heading kept with its paragraph or a line that did not fit leaves its block's top
 * edge at the foot of one page while every glyph is drawn on the next. So the page of a block is
 * read from its first line of text, never from its top edge.
 */
final class TextStart {
    /** A block's first line of text (or, when it has no text, its first line, or itself) and that line's text. */
    record Start(Box line, String words, String blockText) {
    }

    private TextStart() {
    }

    static Start of(Box box) {
        LineBox firstText = null;
        LineBox firstAny = null;
        java.util.ArrayDeque<Box> stack = new java.util.ArrayDeque<>();
        stack.push(box);
        while (!stack.isEmpty() && firstText == null) {
            Box b = stack.pop();
            if (b instanceof LineBox line) {
                if (firstAny == null && line.isContainsContent()) {
                    firstAny = line;
                }
                if (!text(line).isBlank()) {
                    firstText = line;
                }
                continue;
            }
            for (int i = b.getChildCount() - 1; i >= 0; i--) {
                stack.push(b.getChild(i));
            }
        }
        Box line = firstText != null ? firstText : firstAny != null ? firstAny : box;
        String blockText = box.getElement() == null ? "" : box.getElement().getTextContent();
        return new Start(line, firstText == null ? "" : text(firstText).strip(), blockText);
    }

    /**
     * The outermost box of each element, found by walking the laid-out tree once (generated content
     * and anonymous blocks left out).
     */
    static Map<org.w3c.dom.Element, Box> boxesByElement(Box root) {
        // DOM elements are equal only to themselves; the map keeps the order they were laid out in
        Map<org.w3c.dom.Element, Box> boxes = new java.util.LinkedHashMap<>();
        java.util.ArrayDeque<Box> stack = new java.util.ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Box b = stack.pop();
            if (b.getElement() != null && b.getPseudoElementOrClass() == null
                    && !(b instanceof com.openhtmltopdf.render.BlockBox bb && bb.isAnonymous())) {
                boxes.putIfAbsent(b.getElement(), b);
            }
            List<Object> inline = b instanceof InlineLayoutBox ib ? ib.getInlineChildren() : List.of();
            for (int i = inline.size() - 1; i >= 0; i--) {
                if (inline.get(i) instanceof Box child) {
                    stack.push(child);
                }
            }
            for (int i = b.getChildCount() - 1; i >= 0; i--) {
                stack.push(b.getChild(i));
            }
        }
        return boxes;
    }

    /**
     * The outermost box of each element with an id. The renderer's own id table cannot be trusted:
     * when an anonymous block inside an element (a list item's text before its nested list) is laid
     * out again to keep it whole, its reset drops its element's id.
     */
    static Map<String, Box> boxesById(Map<org.w3c.dom.Element, Box> byElement) {
        Map<String, Box> ids = new java.util.HashMap<>();
        byElement.forEach((e, b) -> {
            if (!e.getAttribute("id").isEmpty()) {
                ids.putIfAbsent(e.getAttribute("id"), b);
            }
        });
        return ids;
    }

    /**
     * Gives the renderer an entry for every id (see {@link #boxesById}) and points each at its
     * block's first line of text where that line is drawn on a later page than the block's top edge,
     * so that what the renderer computes from ids when it paints — contents page numbers
     * (target-counter), link and bookmark destinations — names the page the text is on.
     */
    static void anchorIdsAtText(SharedContext ctx, Map<String, Box> ids, List<PageBox> pages) {
        ids.forEach((id, box) -> {
            Box start = of(box).line();
            boolean later = PdfWriter.pageOf(pages, start.getAbsY()) != PdfWriter.pageOf(pages, box.getAbsY());
            ctx.addBoxId(id, later ? start : box);
        });
    }

    /** The text a line box draws from the document, in order; generated content (counters, ::before) is left out. */
    static String text(LineBox line) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < line.getChildCount(); i++) {
            if (line.getChild(i) instanceof InlineLayoutBox ib) {
                collect(ib, s);
            }
        }
        return s.toString();
    }

    private static void collect(InlineLayoutBox box, StringBuilder s) {
        if (box.getPseudoElementOrClass() != null) {
            return;
        }
        for (Object child : box.getInlineChildren()) {
            if (child instanceof InlineText t) {
                if (!t.isDynamicFunction()) {
                    s.append(t.getSubstring());
                }
            } else if (child instanceof InlineLayoutBox ib) {
                collect(ib, s);
            }
        }
    }

    /**
     * Text as compared between the layout, the document and the PDF's own text: compatibility
     * forms folded (Arabic presentation forms, ligatures), case folded, and every space, soft
     * hyphen and invisible format character dropped, since a PDF's text has its own spacing.
     */
    static String comparable(String text) {
        String n = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder s = new StringBuilder(n.length());
        n.codePoints().forEach(c -> {
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && Character.getType(c) != Character.FORMAT
                    && c != 0xAD) {
                s.appendCodePoint(c);
            }
        });
        return s.toString();
    }
}
