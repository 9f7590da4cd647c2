package org.safeguardingreport.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.OrderedListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.util.ast.Node;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.safeguardingreport.Cli;
import org.safeguardingreport.markdown.ReportMarkdown;

/** A hand-made Word draft (see {@link HandMadeDraft}) imported through the command line: each thing asserted to come across. */
class HandMadeDraftTest {
    @TempDir
    static Path tmp;
    static Path bundle;
    static Cli imported;

    @BeforeAll
    static void importIt() throws Exception {
        Path docx = tmp.resolve("draft.docx");
        HandMadeDraft.write(docx);
        bundle = tmp.resolve("bundle");
        assertEquals(0, Cli.run("init", bundle.toString(), "--year", "2023/24").status());
        imported = Cli.run("import-docx", bundle.toString(), docx.toString());
        assertEquals(0, imported.status(), imported.out() + imported.err());
    }

    static String file(String rel) throws Exception {
        return Files.readString(bundle.resolve(rel));
    }

    @Test
    void headingsAreMatchedToSectionsDespiteNumberingCaseAndWording() {
        String out = imported.out();
        assertTrue(out.contains("\"1. Executive summary\""), out);
        assertTrue(out.lines().anyMatch(l -> l.contains("\"1. Executive summary\"") && l.contains("-> narrative/executive-summary.md")), out);
        assertTrue(out.lines().anyMatch(l -> l.contains("\"Standard 3: Training & competences\"") && l.contains("-> narrative/standard-3.md")), out);
        assertTrue(out.lines().anyMatch(l -> l.contains("\"Conclusion\"") && l.contains("-> narrative/conclusion.md")), out);
        // the Title-styled line and the line under it are the draft's title page, not a section
        assertTrue(out.contains("title page (2)"), out);
    }

    @Test
    void aHeadingThatMatchesNoSectionIsKeptUnderThePreviousOneAndReported() throws Exception {
        String md = file("narrative/executive-summary.md");
        assertTrue(md.contains("## Our wider work\n\nText under a heading that matches no section."), md);
        assertTrue(imported.err().contains("draft.docx: warning: the heading \"Our wider work\" matches no section of dorset-2019; "
                + "it is kept, as a sub-heading, in narrative/executive-summary.md"), imported.err());
    }

    @Test
    void boldItalicAndWebLinksComeAcrossAndALinkToAFileKeepsOnlyItsText() throws Exception {
        String md = file("narrative/executive-summary.md");
        assertTrue(md.contains("This year we **improved** *a lot*; see [the NHS England page](https://www.england.nhs.uk/safeguarding/) "
                + "and the committee minutes."), md);
        Node first = ReportMarkdown.parse(md).getFirstChild();
        assertTrue(first instanceof Paragraph);
        assertEquals(1, count(first, StrongEmphasis.class));
        assertEquals(1, count(first, Emphasis.class));
        assertEquals(1, count(first, Link.class));
        assertTrue(imported.err().contains("the link to file:///S:/Safeguarding/minutes.docx was dropped and its text kept"), imported.err());
    }

    @Test
    void markdownAndDialectCharactersReadBackLiterally() throws Exception {
        String md = file("narrative/executive-summary.md");
        List<String> paragraphs = texts(md);
        assertTrue(paragraphs.contains(HandMadeDraft.SPECIAL), paragraphs.toString());
        for (String literal : List.of("# not a heading", "1. not a list", "- not a bullet", "> not a quote")) {
            assertTrue(paragraphs.contains(literal), literal + " in " + paragraphs);
        }
        // nothing of it became a figure, a chart, an evidence marker, raw HTML, emphasis or a link
        Node doc = ReportMarkdown.parse(md);
        for (Node n : doc.getDescendants()) {
            String type = n.getClass().getSimpleName();
            assertFalse(type.equals("DataRefNode") || type.equals("EvidenceMarkerNode") || type.startsWith("Html"), type + ": " + n.getChars());
        }
        // the one sub-heading is the unplaced one: no "#" at a line's start became a heading
        assertEquals(1, count(doc, Heading.class));
        Cli check = Cli.run("check", bundle.toString());
        assertEquals(0, check.status(), check.err());
        assertFalse(check.err().contains("narrative/executive-summary.md"), check.err());
        assertFalse(check.err().contains("narrative/standard-3.md"), check.err());
    }

    @Test
    void trackedChangesAreTakenAsAcceptedAndCommentsDropped() throws Exception {
        String md = file("narrative/executive-summary.md");
        assertTrue(md.contains("Kept text, inserted words end."), md);
        assertFalse(md.contains("deleted words"), md);
        assertTrue(md.contains("Text with a comment on it."), md);
        assertFalse(md.contains("SECRET COMMENT"), md);
        assertTrue(imported.err().contains("tracked changes, taken as accepted: 1 insertion(s) kept, 1 deletion(s) dropped"), imported.err());
        assertTrue(imported.err().contains("1 comment(s) in the draft were left out"), imported.err());
    }

    @Test
    void nestedNumberedListsComeAcrossAsNestedMarkdownLists() throws Exception {
        String md = file("narrative/standard-3.md");
        assertTrue(md.startsWith("1. First step\n   1. First detail\n   2. Second detail\n2. Second step\n"), md);
        Node doc = ReportMarkdown.parse(md);
        Node list = doc.getFirstChild();
        assertTrue(list instanceof OrderedList, md);
        assertEquals(4, count(list, OrderedListItem.class));
        OrderedListItem firstItem = (OrderedListItem) list.getFirstChild();
        assertTrue(firstItem.getLastChild() instanceof OrderedList, "the details nest under the first step");
        assertTrue(list.getNext() instanceof BulletList, "the bullet after it is a list of its own");
        assertEquals("A bullet after the numbered list", MarkdownWriter.textOf(list.getNext()).strip());
    }

    @Test
    void aTableComesAcrossAsAGitHubTable() throws Exception {
        String md = file("narrative/standard-3.md");
        assertTrue(md.contains("| Level | Q4 \\| note |\n|---|---|\n| Level 3 | 93.4% |\n| Level *4* | 100% |"), md);
        assertEquals(1, count(ReportMarkdown.parse(md), TableBlock.class));
    }

    @Test
    void aPictureIsSavedUnderImagesWithItsAltTextAndALinkedOneIsNotFetched() throws Exception {
        String md = file("narrative/standard-3.md");
        assertTrue(md.contains("![Training chart: Level 3 rose to 93.4% \\[Q4\\]](images/standard-3-1.png)"), md);
        byte[] png = Files.readAllBytes(bundle.resolve("images/standard-3-1.png"));
        assertEquals((byte) 0x89, png[0]);
        assertTrue(imported.err().contains("a picture linked to http://intranet.example/logo.png was not fetched"), imported.err());
        assertFalse(md.contains("Intranet logo"), md);
        assertTrue(md.contains("A spreadsheet pasted as an object:"), md);
        assertTrue(imported.err().contains("draft.docx: warning: an embedded Excel.Sheet.12 object was ignored, never opened"), imported.err());
        // sub-headings of a section become "##" whatever their Word level
        assertTrue(md.contains("\n## Evaluation\n\nStaff rated training 4.5 out of 5.\n"), md);
    }

    @Test
    void aFootnoteFollowsItsParagraphAndAGifBecomesAPng() throws Exception {
        String md = file("narrative/conclusion.md");
        assertTrue(md.startsWith("We are assured.\\[1\\]\n\n\\[1\\] Working Together to Safeguard Children 2023.\n\n"
                + "![A GIF picture](images/conclusion-1.png)\n"), md);
        byte[] png = Files.readAllBytes(bundle.resolve("images/conclusion-1.png"));
        assertEquals('P', png[1]);
        assertTrue(imported.out().contains("Note: 1 footnote(s) became paragraphs"), imported.out());
    }

    @Test
    void theImportedBundleBuildsAndPrintsTheTextAsWritten() throws Exception {
        Path out = tmp.resolve("out");
        Cli build = Cli.run("build", bundle.toString(), "-o", out.toString());
        assertEquals(0, build.status(), build.err());
        String text = String.join("\n", org.safeguardingreport.PdfText.pages(out.resolve("annual-report.pdf"))).replaceAll("\\s+", " ");
        for (String literal : List.of("{{3b-level-3@Q4}}", "{audit=3.1}", "*stars*", "_underscores_", "<b>tags</b>", "7*7", "${name} #set")) {
            assertTrue(text.contains(literal), literal + " is not in the report as written");
        }
    }

    @Test
    void aDraftWithoutHeadingStylesIsCutAtItsBoldHeadingsAndOutlineLevels() throws Exception {
        Path docx = tmp.resolve("plain.docx");
        String bold = "<w:b/>";
        HandMadeDraft.plain(docx, HandMadeDraft.p(null, HandMadeDraft.run("Annual report 2024/25", bold))
                + HandMadeDraft.p(null, HandMadeDraft.run("EXECUTIVE SUMMARY", bold))
                + HandMadeDraft.p(null, HandMadeDraft.run("We had a good year.") )
                + HandMadeDraft.p(null, HandMadeDraft.run("Important:", bold))
                + HandMadeDraft.p(null, HandMadeDraft.run("A bold lead-in that is no heading stays a bold paragraph."))
                + HandMadeDraft.p(null, HandMadeDraft.run("4. Risks", bold))
                + HandMadeDraft.p(null, HandMadeDraft.run("Two risks are on the register.")));
        Path plainBundle = tmp.resolve("plain-bundle");
        assertEquals(0, Cli.run("init", plainBundle.toString(), "--year", "2023/24").status());
        Cli c = Cli.run("import-docx", plainBundle.toString(), docx.toString());
        assertEquals(0, c.status(), c.out() + c.err());
        assertTrue(c.out().lines().anyMatch(l -> l.contains("\"EXECUTIVE SUMMARY\"") && l.contains("narrative/executive-summary.md")), c.out());
        assertEquals("We had a good year.\n\n**Important:**\n\nA bold lead-in that is no heading stays a bold paragraph.\n",
                Files.readString(plainBundle.resolve("narrative/executive-summary.md")));
        assertEquals("Two risks are on the register.\n", Files.readString(plainBundle.resolve("narrative/risk.md")));
        assertTrue(c.out().contains("Left out, as the layout writes them at every build: title page\n"), c.out());

        // a paragraph given an outline level (Word: Paragraph > Outline level) is a heading of that level
        Path outlined = tmp.resolve("outlined.docx");
        HandMadeDraft.plain(outlined, "<w:p><w:pPr><w:outlineLvl w:val=\"0\"/></w:pPr>" + HandMadeDraft.run("Conclusion") + "</w:p>"
                + "<w:p><w:pPr><w:outlineLvl w:val=\"1\"/></w:pPr>" + HandMadeDraft.run("Looking ahead") + "</w:p>"
                + HandMadeDraft.p(null, HandMadeDraft.run("We are assured.")));
        c = Cli.run("import-docx", plainBundle.toString(), outlined.toString());
        assertEquals(0, c.status(), c.out() + c.err());
        assertEquals("## Looking ahead\n\nWe are assured.\n", Files.readString(plainBundle.resolve("narrative/conclusion.md")));
    }

    private static List<String> texts(String md) {
        List<String> out = new java.util.ArrayList<>();
        for (Node n = ReportMarkdown.parse(md).getFirstChild(); n != null; n = n.getNext()) {
            out.add(MarkdownWriter.textOf(n).replaceAll("\\s+", " ").strip());
        }
        return out;
    }

    private static int count(Node root, Class<?> type) {
        int n = 0;
        for (Node d : root.getDescendants()) {
            if (type.isInstance(d)) {
                n++;
            }
        }
        return n;
    }
}
