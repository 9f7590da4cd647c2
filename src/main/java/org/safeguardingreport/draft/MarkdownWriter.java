package org.safeguardingreport.draft;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.Escaping;

import org.safeguardingreport.draft.Draft.Block;
import org.safeguardingreport.draft.Draft.Break;
import org.safeguardingreport.draft.Draft.Heading;
import org.safeguardingreport.draft.Draft.Inline;
import org.safeguardingreport.draft.Draft.ListItem;
import org.safeguardingreport.draft.Draft.Para;
import org.safeguardingreport.draft.Draft.Picture;
import org.safeguardingreport.draft.Draft.Table;
import org.safeguardingreport.markdown.ReportMarkdown;

/**
 * Writes a section of a draft as a narrative file in the bundle's Markdown. An author's text is data:
 * every character that Markdown or the bundle's own additions would read as syntax (emphasis, links,
 * pictures, raw HTML, entities, a list or heading at a line's start, table bars, {@code {{figures}}}
 * and {@code {audit=...}} markers) is escaped, so that the file reads back as exactly the text Word
 * showed. Each block is parsed back with the bundle's own parser and compared with the draft's text;
 * a block that would not read back the same loses its emphasis and links, and then has every
 * punctuation character escaped.
 */
public final class MarkdownWriter {
    /** Characters escaped wherever they stand (what CommonMark and the dialect read inside a line). */
    private static final String ALWAYS = "\\`*_[]<{|";
    private static final Pattern ENTITY = Pattern.compile("&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});");
    private static final Pattern ORDERED_START = Pattern.compile("^(\\d{1,9})([.)])(?=\\s|$)");
    private static final char PICTURE_MARK = '\uFFFC';
    private static final char SYNTAX_MARK = '\uFFFD';

    /** Where a picture goes: answers its path inside the bundle ("images/standard-3-1.png"). */
    public interface PicturePlacer {
        String place(Picture picture);
    }

    private final PicturePlacer pictures;
    /** Blocks that did not read back the same at first, and were written more plainly. */
    private int plainer;

    public MarkdownWriter(PicturePlacer pictures) {
        this.pictures = pictures;
    }

    public int plainerBlocks() {
        return plainer;
    }

    /** The whole narrative file of a section: front matter with the title of an appendix, then its blocks. */
    public String section(SectionSplitter.Section s) {
        StringBuilder out = new StringBuilder();
        if (s.title() != null) {
            out.append("---\ntitle: \"").append(s.title().replace("\\", "\\\\").replace("\"", "\\\"")).append("\"\n---\n\n");
        }
        List<Block> blocks = s.blocks();
        for (int i = 0; i < blocks.size(); ) {
            Block b = blocks.get(i);
            if (out.length() > 0 && !out.toString().endsWith("---\n\n")) {
                out.append('\n');
            }
            if (b instanceof ListItem) {
                int j = i;
                List<ListItem> items = new ArrayList<>();
                while (j < blocks.size() && blocks.get(j) instanceof ListItem li) {
                    items.add(li);
                    j++;
                }
                out.append(list(items)).append('\n');
                i = j;
                continue;
            }
            if (b instanceof Heading h) {
                out.append(heading(h));
            } else if (b instanceof Para p) {
                out.append(paragraph(p.inlines(), "", ""));
            } else if (b instanceof Table t) {
                out.append(table(t));
            }
            out.append('\n');
            i++;
        }
        return out.toString();
    }

    // ------------------------------------------------------------------ blocks

    String heading(Heading h) {
        String prefix = "#".repeat(h.level()) + " ";
        String text = escape(h.text()).replace("#", "\\#");
        String md = prefix + lineStart(text);
        if (!readsBack(md, h.text())) {
            plainer++;
            md = prefix + escapeAll(h.text());
        }
        return md;
    }

    /** A paragraph, its continuation lines (after a line break) indented by {@code indent}. */
    private String paragraph(List<Inline> inlines, String firstPrefix, String indent) {
        String expected = expected(inlines);
        String md = inline(inlines, true, false, indent);
        if (!readsBack(firstPrefix + md, expected)) {
            plainer++;
            md = inline(inlines, false, false, indent);
            if (!readsBack(firstPrefix + md, expected)) {
                md = plainest(inlines, indent);
            }
        }
        return firstPrefix + md;
    }

    /** One open list level while writing a run of list items. */
    private static final class Level {
        int wordLevel;
        int list;
        boolean ordered;
        boolean alternate;
        int indent;
        int content;
        int number;
    }

    /**
     * A run of Word list paragraphs as Markdown lists: nested by their Word level, numbered from the
     * list's start, and a new Word list right after another made a new Markdown list by a different
     * marker ("-" and "*", "1." and "1)").
     */
    private String list(List<ListItem> items) {
        StringBuilder out = new StringBuilder();
        List<Level> open = new ArrayList<>();
        boolean alternate = false;
        for (ListItem li : items) {
            while (!open.isEmpty() && open.get(open.size() - 1).wordLevel > li.level()) {
                open.remove(open.size() - 1);
            }
            Level top = open.isEmpty() ? null : open.get(open.size() - 1);
            Level mine;
            // the same list goes on unless another Word list starts afresh here (editors such as LibreOffice
            // give a list's paragraphs several list ids, restarting only where a new list begins)
            if (top != null && top.wordLevel == li.level() && top.ordered == li.ordered()
                    && (open.size() > 1 || top.list == li.list() || !li.restarts())) {
                mine = top;
                mine.number++;
                mine.list = li.list();
            } else {
                boolean replace = top != null && top.wordLevel == li.level();
                if (replace) {
                    open.remove(open.size() - 1);
                    if (open.isEmpty()) {
                        alternate = !alternate;
                    }
                }
                Level parent = open.isEmpty() ? null : open.get(open.size() - 1);
                mine = new Level();
                mine.wordLevel = li.level();
                mine.list = li.list();
                mine.ordered = li.ordered();
                mine.alternate = parent == null ? alternate : replace ? !top.alternate : false;
                mine.indent = parent == null ? 0 : parent.content;
                mine.number = li.ordered() ? Math.max(0, li.start()) : 1;
                open.add(mine);
            }
            String marker = mine.ordered ? mine.number + (mine.alternate ? ")" : ".") : mine.alternate ? "*" : "-";
            mine.content = mine.indent + marker.length() + 1;
            out.append(paragraph(li.inlines(), " ".repeat(mine.indent) + marker + " ", " ".repeat(mine.content))).append('\n');
        }
        return out.toString().stripTrailing();
    }

    String table(Table t) {
        int columns = t.rows().stream().mapToInt(List::size).max().orElse(0);
        if (columns == 0) {
            return "";
        }
        List<List<String>> cells = new ArrayList<>();
        List<List<String>> expected = new ArrayList<>();
        for (int r = 0; r < t.rows().size(); r++) {
            List<String> row = new ArrayList<>();
            List<String> want = new ArrayList<>();
            for (int c = 0; c < columns; c++) {
                List<Inline> cell = c < t.rows().get(r).size() ? t.rows().get(r).get(c) : List.of();
                if (r == 0) {
                    cell = unbolded(cell);
                }
                row.add(cell(cell));
                want.add(expected(cell));
            }
            cells.add(row);
            expected.add(want);
        }
        String md = tableText(cells);
        if (!tableReadsBack(md, expected)) {
            plainer++;
            for (int r = 0; r < cells.size(); r++) {
                for (int c = 0; c < columns; c++) {
                    List<Inline> cell = c < t.rows().get(r).size() ? t.rows().get(r).get(c) : List.of();
                    cells.get(r).set(c, plainest(cell, "").replace("\\\n", " "));
                }
            }
            md = tableText(cells);
        }
        return md;
    }

    private String cell(List<Inline> cell) {
        List<Inline> flat = new ArrayList<>();
        for (Inline i : cell) {
            flat.add(i instanceof Break ? new Draft.Text(" ", false, false, null) : i);
        }
        String md = inline(flat, true, true, "");
        return md.isBlank() ? "" : md;
    }

    private static String tableText(List<List<String>> cells) {
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < cells.size(); r++) {
            out.append('|');
            for (String c : cells.get(r)) {
                out.append(' ').append(c).append(" |");
            }
            out.append('\n');
            if (r == 0) {
                out.append('|');
                out.append("---|".repeat(cells.get(0).size()));
                out.append('\n');
            }
        }
        return out.toString().stripTrailing();
    }

    /** A header row is bold anyway: a cell whose text is all bold loses the marks. */
    private static List<Inline> unbolded(List<Inline> cell) {
        boolean allBold = cell.stream().allMatch(i -> !(i instanceof Draft.Text t) || t.text().isBlank() || t.bold());
        if (!allBold) {
            return cell;
        }
        List<Inline> out = new ArrayList<>();
        for (Inline i : cell) {
            out.add(i instanceof Draft.Text t ? new Draft.Text(t.text(), false, t.italic(), t.href()) : i);
        }
        return out;
    }

    // ------------------------------------------------------------------ inlines

    /**
     * Inline content as Markdown: text escaped, emphasis and web links as Markdown when {@code styled},
     * pictures as references to their files, a line break as a backslash at the line's end.
     */
    private String inline(List<Inline> inlines, boolean styled, boolean inTable, String indent) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < inlines.size()) {
            Inline x = inlines.get(i);
            if (x instanceof Break) {
                trimEnd(out);
                out.append(inTable ? " " : "\\\n" + indent);
                i++;
                continue;
            }
            if (x instanceof Picture p) {
                out.append(picture(p));
                i++;
                continue;
            }
            Draft.Text t = (Draft.Text) x;
            String href = styled ? t.href() : null;
            int j = i;
            List<Draft.Text> run = new ArrayList<>();
            while (j < inlines.size() && inlines.get(j) instanceof Draft.Text u && Objects.equals(styled ? u.href() : null, href)) {
                run.add(u);
                j++;
            }
            String text = emphasised(run, styled);
            if (href != null) {
                String lead = text.substring(0, text.length() - text.stripLeading().length());
                String trail = text.substring(text.stripTrailing().length());
                out.append(lead).append('[').append(text.strip()).append("](").append(url(href)).append(')').append(trail);
            } else {
                out.append(text);
            }
            i = j;
        }
        String s = out.toString();
        StringBuilder lines = new StringBuilder();
        String[] parts = s.split("\\\\\n", -1);
        for (int k = 0; k < parts.length; k++) {
            String line = k == 0 ? parts[k] : parts[k].substring(Math.min(indent.length(), parts[k].length()));
            line = lineStart(line.strip());
            if (k > 0) {
                lines.append("\\\n").append(indent);
            }
            lines.append(line);
        }
        return lines.toString();
    }

    /** Text runs with bold as the outer and italic as the inner emphasis, white space kept outside the marks. */
    private static String emphasised(List<Draft.Text> run, boolean styled) {
        StringBuilder out = new StringBuilder();
        boolean bold = false;
        boolean italic = false;
        for (Draft.Text t : run) {
            String text = t.text();
            boolean wantBold = styled && t.bold() && !text.isBlank() ? true : styled && text.isBlank() ? bold : false;
            boolean wantItalic = styled && t.italic() && !text.isBlank() ? true : styled && text.isBlank() ? italic : false;
            if (italic && (!wantItalic || bold != wantBold)) {
                close(out, "*");
                italic = false;
            }
            if (bold && !wantBold) {
                close(out, "**");
                bold = false;
            }
            String lead = text.substring(0, text.length() - text.stripLeading().length());
            String body = text.stripLeading();
            out.append(lead);
            if (wantBold && !bold) {
                out.append("**");
                bold = true;
            }
            if (wantItalic && !italic) {
                out.append('*');
                italic = true;
            }
            out.append(escape(body));
        }
        if (italic) {
            close(out, "*");
        }
        if (bold) {
            close(out, "**");
        }
        return out.toString();
    }

    /** Closes emphasis before any trailing white space. */
    private static void close(StringBuilder out, String mark) {
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        String spaces = out.substring(end);
        out.setLength(end);
        if (out.length() >= mark.length() && out.substring(out.length() - mark.length()).equals(mark)
                && (out.length() == mark.length() || out.charAt(out.length() - mark.length() - 1) != '\\')) {
            // nothing between the marks: drop them
            out.setLength(out.length() - mark.length());
        } else {
            out.append(mark);
        }
        out.append(spaces);
    }

    private String picture(Picture p) {
        String path = pictures.place(p);
        return "![" + escape(p.alt()) + "](" + path + ")";
    }

    /** A web address as a link destination: spaces and brackets percent-encoded. */
    private static String url(String href) {
        return href.replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C").replace(">", "%3E");
    }

    private static void trimEnd(StringBuilder out) {
        while (out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
            out.setLength(out.length() - 1);
        }
    }

    /** Inline content with every ASCII punctuation character escaped, and no emphasis or links. */
    private String plainest(List<Inline> inlines, String indent) {
        StringBuilder out = new StringBuilder();
        for (Inline x : inlines) {
            if (x instanceof Draft.Text t) {
                out.append(escapeAll(t.text()));
            } else if (x instanceof Picture p) {
                out.append(picture(p));
            } else {
                trimEnd(out);
                out.append("\\\n").append(indent);
            }
        }
        return out.toString().strip();
    }

    /** Escapes what Markdown or the dialect reads as syntax inside a line. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (ALWAYS.indexOf(c) >= 0) {
                out.append('\\').append(c);
            } else if (c == '&' && ENTITY.matcher(text).region(i, text.length()).lookingAt()) {
                out.append("\\&");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Every ASCII punctuation character escaped: the last resort, always read back as written. */
    static String escapeAll(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 128 && "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c == '\n' ? ' ' : c);
        }
        return out.toString();
    }

    /** Escapes what only counts at a line's start: a heading, quote, list item, rule or fence. */
    static String lineStart(String line) {
        if (line.isEmpty()) {
            return line;
        }
        char c = line.charAt(0);
        if ("#>+-=~".indexOf(c) >= 0) {
            return "\\" + line;
        }
        java.util.regex.Matcher m = ORDERED_START.matcher(line);
        if (m.find()) {
            return m.group(1) + "\\" + line.substring(m.group(1).length());
        }
        return line;
    }

    // ------------------------------------------------------------------ reading back

    private static String expected(List<Inline> inlines) {
        StringBuilder s = new StringBuilder();
        for (Inline i : inlines) {
            if (i instanceof Draft.Text t) {
                s.append(t.text());
            } else if (i instanceof Break) {
                s.append(' ');
            } else {
                s.append(PICTURE_MARK);
            }
        }
        return squash(s.toString());
    }

    private static boolean readsBack(String md, String expected) {
        Node doc = ReportMarkdown.parse(md);
        Node first = doc.getFirstChild();
        if (first == null || first.getNext() != null) {
            return expected.isEmpty() && first == null;
        }
        return squash(textOf(first)).equals(expected);
    }

    private static boolean tableReadsBack(String md, List<List<String>> expected) {
        Node doc = ReportMarkdown.parse(md);
        List<String> got = new ArrayList<>();
        for (Node n : doc.getDescendants()) {
            if (n instanceof TableCell c && !(c.getParent() != null
                    && c.getParent().getParent() instanceof com.vladsch.flexmark.ext.tables.TableSeparator)) {
                got.add(squash(textOf(c)));
            }
        }
        List<String> want = new ArrayList<>();
        expected.forEach(want::addAll);
        return got.equals(want) && doc.getFirstChild() != null && doc.getFirstChild().getNext() == null;
    }

    /** The text a parsed block shows, a picture as one mark, the dialect's figures and markers as another. */
    static String textOf(Node block) {
        StringBuilder s = new StringBuilder();
        collect(block, s);
        return s.toString();
    }

    private static void collect(Node n, StringBuilder s) {
        for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof Text || c instanceof com.vladsch.flexmark.ast.TextBase) {
                if (c instanceof Text) {
                    s.append(Escaping.unescapeString(c.getChars().toString()));
                } else {
                    collect(c, s);
                }
            } else if (c instanceof HtmlEntity) {
                s.append(Escaping.unescapeString(c.getChars().toString()));
            } else if (c instanceof SoftLineBreak || c instanceof HardLineBreak) {
                s.append(' ');
            } else if (c instanceof Code code) {
                s.append(code.getText());
            } else if (c instanceof Image) {
                s.append(PICTURE_MARK);
            } else if (c.getClass().getPackageName().equals("org.safeguardingreport.markdown")) {
                s.append(SYNTAX_MARK);
            } else if (c instanceof com.vladsch.flexmark.ast.HtmlInline || c instanceof com.vladsch.flexmark.ast.HtmlBlock) {
                s.append(SYNTAX_MARK);
            } else {
                collect(c, s);
            }
        }
    }

    private static String squash(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
