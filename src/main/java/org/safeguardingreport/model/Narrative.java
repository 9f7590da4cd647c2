package org.safeguardingreport.model;

import java.util.List;

import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;

import org.safeguardingreport.diag.Pos;

/**
 * One narrative/*.md file, parsed. The flexmark document is read-only from here on; the lists
 * are what the validator found in it, each with its source position.
 */
public record Narrative(String id, String file, String titleOverride, String text, Document document,
                        List<EvidenceMarker> markers, List<FigureRef> figures, List<ChartRef> charts,
                        List<PictureRef> pictures) {

    /**
     * The kind of block an evidence marker marks: the audit cites the page on which that block's
     * first line of text is drawn. A marker ending a table cell marks the cell's row.
     */
    public enum BlockKind {
        HEADING, PARAGRAPH, LIST_ITEM, TABLE_ROW
    }

    /**
     * A marker, where it is written ({@code pos}), and the block it marks: {@code node} in the
     * parsed document, starting at {@code blockPos}. Every marker ending one block shares its node.
     */
    public record EvidenceMarker(List<String> questions, String file, Pos pos, BlockKind block, Node node, Pos blockPos) {
    }

    /** {@code period} is a quarter "Q1".."Q4", or "year" for an annual measure. */
    public record FigureRef(String measureId, String period, boolean rag, String file, Pos pos) {
    }

    public record ChartRef(List<String> measureIds, String file, Pos pos) {
    }

    /** {@code resolved} is the picture's path inside the bundle, or null when it cannot be shown. */
    public record PictureRef(String path, String alt, String file, Pos pos, String resolved) {
        public boolean usable() {
            return resolved != null;
        }
    }
}
