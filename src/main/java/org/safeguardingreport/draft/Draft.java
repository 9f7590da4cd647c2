package org.safeguardingreport.draft;

import java.util.ArrayList;
import java.util.List;

/**
 * A Word draft as read: its blocks in document order (headings, paragraphs, list items, tables), with
 * their inline text, and what reading it noticed that did not come across as text (tracked changes
 * taken as accepted, comments dropped, anything that would load or run something, ignored).
 */
public record Draft(List<Block> blocks, Findings findings) {

    /** A block of the document body. */
    public sealed interface Block permits Heading, Para, ListItem, Table {
    }

    /** How a heading was recognised. */
    public enum HeadingKind {
        /** a Heading 1-9 style, or a style based on one */
        STYLE,
        /** Word's Title style */
        TITLE,
        /** an outline level set on the paragraph or its style */
        OUTLINE
    }

    /** A heading: its level (1 for Heading 1 and Title), its text, and the style it was written in. */
    public record Heading(int level, String text, HeadingKind kind, String style) implements Block {
    }

    /**
     * A paragraph; {@code style} is the name of its paragraph style ("Normal" when none) and {@code styleId}
     * its id (what a layout names in data-word-style), {@code wholeBold}
     * when all its text is bold: a draft written without heading styles marks its headings that way.
     */
    public record Para(List<Inline> inlines, String style, String styleId, boolean wholeBold) implements Block {
        public String text() {
            return Inline.plain(inlines);
        }
    }

    /**
     * A paragraph of a Word list: its list (numId), level from 0, whether numbered, the number it starts
     * from, and whether its list says to start numbering again there (a new list, not a continued one).
     */
    public record ListItem(List<Inline> inlines, int list, int level, boolean ordered, int start, boolean restarts, String style)
            implements Block {
        public String text() {
            return Inline.plain(inlines);
        }
    }

    /** A table: rows of cells, each cell its inline content (its paragraphs joined). */
    public record Table(List<List<List<Inline>>> rows) implements Block {
        public List<String> firstRow() {
            return rows.isEmpty() ? List.of() : rows.get(0).stream().map(Inline::plain).toList();
        }
    }

    /** Inline content: text with its emphasis and link, a line break, or a picture. */
    public sealed interface Inline permits Text, Break, Picture {
        /** The plain text of inline content, a picture as nothing and a break as a space. */
        static String plain(List<Inline> inlines) {
            StringBuilder s = new StringBuilder();
            for (Inline i : inlines) {
                if (i instanceof Text t) {
                    s.append(t.text());
                } else if (i instanceof Break) {
                    s.append(' ');
                }
            }
            return s.toString().replaceAll("\\s+", " ").strip();
        }
    }

    public record Text(String text, boolean bold, boolean italic, String href) implements Inline {
    }

    public record Break() implements Inline {
    }

    /** A picture kept in the document: its bytes (PNG or JPEG), file extension and alt text. */
    public record Picture(byte[] bytes, String extension, String alt) implements Inline {
    }

    /** What reading noticed beyond the text. */
    public static final class Findings {
        public int insertions;
        public int deletions;
        public int moves;
        public int formatChanges;
        public int comments;
        public int footnotes;
        public int textBoxes;
        public int hiddenRuns;
        public int equations;
        public int contentsFields;
        public boolean macroEnabled;
        public final List<String> macros = new ArrayList<>();
        public final List<String> embeddedObjects = new ArrayList<>();
        public final List<String> activeX = new ArrayList<>();
        /** Pictures linked to a file or address outside the document: never fetched. */
        public final List<String> linkedPictures = new ArrayList<>();
        /** Hyperlinks to files, network shares or anything but a web page or e-mail: the text kept, the link not. */
        public final List<String> fileLinks = new ArrayList<>();
        /** Word charts, SmartArt and other drawings that are not pictures: their alt text or kind. */
        public final List<String> drawings = new ArrayList<>();
        /** Pictures in a format the report cannot show (EMF, WMF, ...): their alt text and format. */
        public final List<String> unusablePictures = new ArrayList<>();
        /** Documents embedded as alternative content chunks (altChunk): not read. */
        public int altChunks;
    }
}
