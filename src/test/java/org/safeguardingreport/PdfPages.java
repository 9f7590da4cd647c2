package org.safeguardingreport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;

/**
 * How a tagged PDF's blocks fall on its pages, read from its structure tree: which pages each
 * paragraph, heading, list item, table row and figure is drawn on. What a reader would call a
 * lonely page is found from it: a page holding only headings, a table of which a page holds a
 * single row, a page holding nothing but one paragraph, list item or row.
 */
public final class PdfPages {
    /** A block of the document: its tag (P, H1, LI, TR, Figure...), the pages it is drawn on, and its table. */
    public record Block(String type, SortedSet<Integer> pages, int table, boolean header) {
        boolean heading() {
            return type.matches("H[1-6]?");
        }
    }

    private static final Set<String> BLOCKS = Set.of("P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "TR", "Figure",
            "Caption", "BlockQuote");

    private final List<Block> blocks = new ArrayList<>();
    private int tables;

    private PdfPages(PDDocument doc) {
        walk(doc, doc.getDocumentCatalog().getStructureTreeRoot(), 0, false);
    }

    public static PdfPages of(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PdfPages(doc);
        }
    }

    public List<Block> blocks() {
        return blocks;
    }

    private void walk(PDDocument doc, PDStructureNode node, int table, boolean header) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement e) {
                String type = e.getStructureType();
                if (type.equals("Table")) {
                    walk(doc, e, ++tables, false);
                } else if (type.equals("THead")) {
                    walk(doc, e, table, true);
                } else if (BLOCKS.contains(type)) {
                    SortedSet<Integer> pages = new TreeSet<>();
                    pages(doc, e, pages);
                    if (!pages.isEmpty()) {
                        blocks.add(new Block(type, pages, type.equals("TR") ? table : 0, header));
                    }
                    // a list item's paragraphs and a table row's cells are part of it; a figure's caption is its own
                    if (!type.equals("LI") && !type.equals("TR") && !type.matches("H[1-6]?|P")) {
                        walk(doc, e, table, header);
                    }
                } else {
                    walk(doc, e, table, header);
                }
            }
        }
    }

    private static void pages(PDDocument doc, PDStructureElement e, Set<Integer> out) {
        boolean content = false;
        for (Object kid : e.getKids()) {
            if (kid instanceof PDStructureElement c) {
                pages(doc, c, out);
            } else if (kid instanceof PDMarkedContentReference r) {
                if (r.getPage() != null) {
                    out.add(doc.getPages().indexOf(r.getPage()) + 1);
                } else {
                    content = true;
                }
            } else if (kid instanceof Integer) {
                content = true;
            }
        }
        if (content && e.getPage() != null) {
            out.add(doc.getPages().indexOf(e.getPage()) + 1);
        }
    }

    /** The blocks that have content on each page (1-based), in document order. */
    public Map<Integer, List<Block>> byPage() {
        Map<Integer, List<Block>> out = new TreeMap<>();
        for (Block b : blocks) {
            for (int p : b.pages()) {
                out.computeIfAbsent(p, k -> new ArrayList<>()).add(b);
            }
        }
        return out;
    }

    /**
     * Every lonely page, in words ("page 12: only a heading"): a page that holds only headings; a
     * page holding a single body row of a table that runs over several pages (its header repeated
     * above it); a page holding nothing but one paragraph, list item or row.
     */
    public List<String> lonely() {
        List<String> out = new ArrayList<>();
        Map<Integer, List<Block>> pages = byPage();
        for (Map.Entry<Integer, List<Block>> e : pages.entrySet()) {
            int page = e.getKey();
            List<Block> on = e.getValue();
            if (on.stream().allMatch(Block::heading)) {
                out.add("page " + page + ": only a heading");
            }
            List<Block> own = on.stream().filter(b -> !b.header()).toList();
            if (own.size() == 1 && !own.get(0).type().equals("Figure") && !own.get(0).heading()) {
                out.add("page " + page + ": only one " + own.get(0).type() + (own.get(0).pages().first() < page
                        ? ", begun on page " + own.get(0).pages().first() : ""));
            }
        }
        // tables over several pages: every page of one holds two of its body rows at least
        Map<Integer, Map<Integer, Integer>> rows = new TreeMap<>();
        Map<Integer, Integer> total = new TreeMap<>();
        for (Block b : blocks) {
            if (b.type().equals("TR") && !b.header()) {
                total.merge(b.table(), 1, Integer::sum);
                rows.computeIfAbsent(b.table(), k -> new TreeMap<>()).merge(b.pages().first(), 1, Integer::sum);
            }
        }
        // a table's heading row never stands on a page without a row of the table under it
        for (Block b : blocks) {
            if (b.type().equals("TR") && b.header()) {
                for (int page : b.pages()) {
                    if (!rows.getOrDefault(b.table(), Map.of()).containsKey(page) && blocks.stream().noneMatch(o ->
                            o.table() == b.table() && !o.header() && o.pages().contains(page))) {
                        out.add("page " + page + ": the heading row of table " + b.table() + " without its rows");
                    }
                }
            }
        }
        for (Map.Entry<Integer, Map<Integer, Integer>> t : rows.entrySet()) {
            if (t.getValue().size() > 1) {
                t.getValue().forEach((page, n) -> {
                    if (n == 1) {
                        out.add("page " + page + ": a single row of table " + t.getKey() + " (" + total.get(t.getKey())
                                + " rows on pages " + t.getValue().keySet() + ")");
                    }
                });
            }
        }
        return out;
    }
}
