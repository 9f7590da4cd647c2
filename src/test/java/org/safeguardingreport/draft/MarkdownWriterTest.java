package org.safeguardingreport.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.safeguardingreport.markdown.ReportMarkdown;

class MarkdownWriterTest {
    private static String write(List<Draft.Inline> inlines) {
        MarkdownWriter w = new MarkdownWriter(p -> "images/x.png");
        return w.section(new SectionSplitter.Section("risk", null, "Risk", "test", List.of(new Draft.Para(inlines, "Normal", null, false))));
    }

    private static Draft.Text text(String s) {
        return new Draft.Text(s, false, false, null);
    }

    @Test
    void everyCharacterThatMarkdownOrTheDialectReadsAsSyntaxIsEscaped() {
        for (String s : List.of("*a* _b_ **c** __d__", "[x](y) ![p](images/p.png)", "<b>bold</b> <http://x.org>", "&amp; &#42; A&E",
                "{{3b-level-3@Q4}} {{3b-level-3@Q4 rag}} {{chart 3b-level-3}} {{7*7}}", "{audit=3.1} {audit=\"3.2 3.3\"}",
                "# h", "## h ##", "1. one", "2) two", "- dash", "+ plus", "* star", "> quote", "=== under", "--- rule", "~~~ fence",
                "``` fence", "back\\slash \\* \\{", "a | b", "    four spaces", "trailing two  ", "${x} #set($y = 1) $!z")) {
            String md = write(List.of(text(s)));
            String back = MarkdownWriter.textOf(ReportMarkdown.parse(md).getFirstChild()).replaceAll("\\s+", " ").strip();
            assertEquals(s.replaceAll("\\s+", " ").strip(), back, "written as " + md);
        }
    }

    @Test
    void plainProseStaysReadable() {
        assertEquals("The A&E team saw 3,212 children (up 4%) - a record: see p. 4.\n",
                write(List.of(text("The A&E team saw 3,212 children (up 4%) - a record: see p. 4."))));
    }

    @Test
    void emphasisKeepsSpacesOutsideItsMarksAndNestsBoldAroundItalic() {
        String md = write(List.of(text("A "), new Draft.Text("bold ", true, false, null), new Draft.Text("and both", true, true, null),
                text(" end")));
        assertEquals("A **bold *and both*** end\n", md);
        assertTrue(ReportMarkdown.parse(md).getFirstChild().getFirstChild().getNext() instanceof com.vladsch.flexmark.ast.StrongEmphasis, md);
    }

    @Test
    void aLineBreakIsABackslashAndTheNextLineIsEscapedAsALineStart() {
        String md = write(List.of(text("First line"), new Draft.Break(), text("- second, not a bullet")));
        assertEquals("First line\\\n\\- second, not a bullet\n", md);
    }
}
