package org.safeguardingreport.word;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.docx4j.openpackaging.parts.WordprocessingML.FooterPart;
import org.docx4j.openpackaging.parts.WordprocessingML.HeaderPart;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguardingreport.Cli;
import org.safeguardingreport.TestBundle;

/** The Word report opened with docx4j and read as XML. */
public class ReportDocxTest {
    @TempDir
    static Path tmp;
    static String draftXml;
    static String finalXml;
    static WordprocessingMLPackage draft;
    static WordprocessingMLPackage fin;

    static final String HOSTILE = "Hostile #set($x = 1) $x ${7*7} <#assign y = 2>${y} <script>alert(1)</script> & < > \" '";
    static final String ARABIC = "\u062d\u0645\u0627\u064a\u0629 \u0627\u0644\u0623\u0637\u0641\u0627\u0644";
    static final String ALT = "Chart of training & supervision <2024> \"Q4\"";

    @BeforeAll
    static void build() throws Exception {
        TestBundle b = new TestBundle(tmp).allSections()
                .write("narrative/standard-3.md", """
                        ## Training {audit=3.1}

                        Level 3 reached {{3b-level-3@Q4}} ({{3b-level-3@Q4 rag}}).

                        ### Detail

                        - level one
                          - level two
                            - level three
                        - back to one

                        1. first
                        2. second

                        | Group | Trained |
                        |---|---|
                        | Nurses \\| midwives | 90%% |

                        ![%s](images/team.png)

                        Links: [nhs](https://www.england.nhs.uk/) [bad](javascript:alert(1)) [file](file:///etc/passwd) <mailto:safeguarding@example.nhs.uk>

                        %s

                        Welsh ŵ ŷ, Arabic %s, emoji 👩‍⚕️.
                        """.formatted(ALT, HOSTILE, ARABIC))
                .write("narrative/executive-summary.md", "## Headlines\n\nText.\n");
        Files.createDirectories(b.root.resolve("images"));
        Files.copy(Path.of(System.getProperty("report.home", "."),
                "content/north-wessex-2023-24/images/safeguarding-team-structure.png"), b.root.resolve("images/team.png"));
        Cli d = Cli.run("build", b.root.toString(), "-o", tmp.resolve("draft").toString());
        assertEquals(0, d.status(), d.err());
        StringBuilder audit = new StringBuilder("{");
        int[] counts = {7, 7, 8, 4, 6, 1, 5, 6, 3, 5};
        for (int s = 1, i = 0; s <= 10; s++) {
            for (int q = 1; q <= counts[s - 1]; q++) {
                audit.append(i++ == 0 ? "" : ",").append('"').append(s).append('.').append(q).append("\": {\"answer\": \"yes\"}");
            }
        }
        b.write("audit.json", audit.append('}').toString());
        Cli f = Cli.run("build", b.root.toString(), "-o", tmp.resolve("final").toString(), "--final");
        assertEquals(0, f.status(), f.err());
        draft = WordprocessingMLPackage.load(tmp.resolve("draft/annual-report.docx").toFile());
        fin = WordprocessingMLPackage.load(tmp.resolve("final/annual-report.docx").toFile());
        draftXml = draft.getMainDocumentPart().getXML();
        finalXml = fin.getMainDocumentPart().getXML();
    }

    static String entry(Path docx, String name) throws IOException {
        try (ZipInputStream z = new ZipInputStream(Files.newInputStream(docx))) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                if (e.getName().equals(name)) {
                    return new String(z.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no " + name);
    }

    /** The paragraph style of the paragraph holding {@code text}. */
    static String styleOf(String xml, String text) {
        return styleOf(xml, text, true);
    }

    /**
     * @param last the last occurrence (a heading, after its contents entry) or the first. A paragraph
     * is matched by all its text, whatever runs it is written in.
     */
    static String styleOf(String xml, String text, boolean last) {
        Matcher p = Pattern.compile("<w:p(?: [^>]*)?>(?:(?!</w:p>).)*</w:p>", Pattern.DOTALL).matcher(xml);
        String found = null;
        while (p.find()) {
            if (paragraphText(p.group()).equals(text)) {
                found = p.group();
                if (!last) {
                    break;
                }
            }
        }
        assertTrue(found != null, "found " + text);
        Matcher m = Pattern.compile("<w:pStyle w:val=\"([^\"]+)\"").matcher(found);
        return m.find() ? m.group(1) : "Normal";
    }

    /** The text of a paragraph's runs, joined. */
    public static String paragraphText(String paragraphXml) {
        StringBuilder s = new StringBuilder();
        Matcher t = Pattern.compile("<w:t(?: [^>]*)?>([^<]*)</w:t>").matcher(paragraphXml);
        while (t.find()) {
            s.append(t.group(1));
        }
        return s.toString();
    }

    @Test
    void headingsUseWordStylesNestedUnderTheSection() {
        assertEquals("Title", styleOf(draftXml, "Safeguarding Children Annual Report 2023/24", false));
        assertEquals("Heading1", styleOf(draftXml, "Standard 3 \u2013 Appropriate Training, Skills and Competences"));
        assertEquals("Heading2", styleOf(draftXml, "Training"), "an author's ## below a chapter");
        assertEquals("Heading3", styleOf(draftXml, "Detail"));
        assertEquals("Heading2", styleOf(draftXml, "1. Executive Summary of the Report"));
        assertEquals("Heading3", styleOf(draftXml, "Headlines"), "an author's ## inside a numbered cover item");
    }

    @Test
    void aBlocksFillShadesItsParagraphsAsInThePdf() {
        Matcher p = Pattern.compile("<w:p(?: [^>]*)?>(?:(?!</w:p>).)*</w:p>", Pattern.DOTALL).matcher(draftXml);
        String band = null;
        while (p.find() && band == null) {
            if (paragraphText(p.group()).equals("North Wessex Community Health NHS Trust")) {
                band = p.group();
            }
        }
        assertTrue(band != null && band.contains("w:fill=\"005EB8\"") && band.contains("<w:color w:val=\"FFFFFF\"/>"),
                "the title band: white on NHS blue, from report.css: " + band);
    }

    @Test
    void missingSectionsHaveThePlaceholder() throws Exception {
        TestBundle b = new TestBundle(tmp.resolve("minimal"));
        assertEquals(0, Cli.run("build", b.root.toString(), "-o", tmp.resolve("minimal-out").toString()).status());
        String xml = WordprocessingMLPackage.load(tmp.resolve("minimal-out/annual-report.docx").toFile())
                .getMainDocumentPart().getXML();
        assertEquals("Missing", styleOf(xml, "No narrative provided."));
        assertEquals(19, xml.split(">No narrative provided.<", -1).length - 1, "the 19 sections the bundle lacks");
    }

    @Test
    void nestedListsUseWordNumbering() throws Exception {
        assertTrue(draft.getMainDocumentPart().getNumberingDefinitionsPart() != null);
        String numbering = draft.getMainDocumentPart().getNumberingDefinitionsPart().getXML();
        assertTrue(numbering.contains("w:val=\"bullet\"") && numbering.contains("w:val=\"decimal\""), numbering);
        for (String[] item : new String[][] {{"level one", "0"}, {"level two", "1"}, {"level three", "2"}, {"back to one", "0"},
                {"first", "0"}}) {
            int at = draftXml.indexOf(">" + item[0] + "<");
            String para = draftXml.substring(draftXml.lastIndexOf("<w:p", at), at);
            assertTrue(para.contains("<w:ilvl w:val=\"" + item[1] + "\"/>"), item[0] + ": " + para);
            assertTrue(para.contains("<w:numId "), item[0]);
        }
    }

    @Test
    void tablesRepeatTheirHeaderRowAndKeepPipes() {
        int header = draftXml.split("<w:tblHeader/>", -1).length - 1;
        // 10 standards' criteria tables, the dashboards of the 4 standards TestBundle.DATA has figures for
        // (1, 3, 6 and 8), and the narrative's one table; the cover sheet and the draft's lines to sign have no header row
        assertEquals(15, header, "criteria, dashboards and narrative tables mark their header rows");
        assertEquals(17, draftXml.split("<w:tbl>", -1).length - 1 - 1, "and those are all the tables but two");
        assertTrue(draftXml.contains(">Nurses | midwives<"), "an escaped pipe is a literal pipe");
        assertTrue(draftXml.contains("w:fill=\"D5EED9\""), "a Green cell is shaded");
        assertTrue(draftXml.contains(">Green<"), "and carries the word");
    }

    @Test
    void picturesCarryTheirAltTextEscapedNotPasted() {
        assertTrue(draftXml.contains("descr=\"Chart of training &amp; supervision &lt;2024&gt; &quot;Q4&quot;\""), "alt text");
        assertFalse(draft.getParts().getParts().keySet().stream().noneMatch(n -> n.getName().endsWith(".png")));
    }

    @Test
    void fieldsForContentsAndPageNumbersUpdatingOnOpen() throws Exception {
        assertTrue(draftXml.contains("TOC \\o"), "a contents field");
        // its entries are paragraphs of the contents styles, inside the field, before Word has updated it
        java.util.regex.Matcher entry = java.util.regex.Pattern.compile(
                "<w:p>(?:(?!</w:p>).)*<w:pStyle w:val=\"TOC[12]\"/>(?:(?!</w:p>).)*</w:p>", java.util.regex.Pattern.DOTALL)
                .matcher(draftXml);
        List<String> entries = new java.util.ArrayList<>();
        while (entry.find()) {
            entries.add(entry.group().replaceAll("<[^>]+>", ""));
        }
        assertTrue(entries.stream().anyMatch(e -> e.contains("Standard 3 \u2013 Appropriate Training")), "with its entries: " + entries);
        int headings = draftXml.split("<w:pStyle w:val=\"Heading[12]\"/>", -1).length - 1;
        assertEquals(headings, entries.size(), "one entry for each heading of levels 1 and 2: " + entries);
        String footer = draft.getParts().getParts().values().stream().filter(p -> p instanceof FooterPart)
                .map(p -> ((FooterPart) p).getXML()).findFirst().orElseThrow();
        assertTrue(footer.contains("PAGE") && footer.contains("NUMPAGES") && footer.contains("Page "), footer);
        String settings = draft.getMainDocumentPart().getDocumentSettingsPart().getXML();
        assertTrue(settings.contains("updateFields"), settings);
    }

    @Test
    void watermarkOnlyInDraftsAndSignOffOnlyInFinals() {
        assertTrue(header(draft).contains("string=\"DRAFT\""));
        assertFalse(header(fin).contains("DRAFT"));
        assertTrue(finalXml.contains(">Dr A. Jones<"));
        assertFalse(draftXml.contains(">Dr A. Jones<"));
        assertTrue(header(draft).contains("North Wessex Community Health NHS Trust"));
    }

    static String header(WordprocessingMLPackage pkg) {
        return pkg.getParts().getParts().values().stream().filter(p -> p instanceof HeaderPart)
                .map(p -> ((HeaderPart) p).getXML()).reduce("", String::concat);
    }

    @Test
    void everyCharacterIsKeptAndRightToLeftRunsMarked() throws Exception {
        String raw = entry(tmp.resolve("draft/annual-report.docx"), "word/document.xml");
        StringBuilder all = new StringBuilder();
        Matcher t = Pattern.compile("<w:t(?: [^>]*)?>([^<]*)</w:t>").matcher(raw);
        while (t.find()) {
            all.append(t.group(1));
        }
        String text = all.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&apos;", "'").replace("&amp;", "&");
        assertTrue(text.contains(HOSTILE), "template syntax and HTML as text");
        assertTrue(raw.contains("Welsh ŵ ŷ"));
        for (String doc : List.of("annual-report.docx", "audit.docx")) {
            // both documents are begun on two threads at once; each still names the docx4j release
            String xml = entry(tmp.resolve("draft").resolve(doc), "word/document.xml");
            assertTrue(Pattern.compile("Created by docx4j \\d+\\.\\d+").matcher(xml).find(), doc);
        }
        assertTrue(raw.contains("👩\u200d⚕️"), "emoji kept");
        int at = raw.indexOf(ARABIC);
        assertTrue(at > 0);
        assertTrue(raw.substring(raw.lastIndexOf("<w:r>", at), at).contains("<w:rtl/>"), "the Arabic run is right to left");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.newDocumentBuilder().parse(new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void onlyWebAndMailLinksBecomeHyperlinks() throws Exception {
        String rels = entry(tmp.resolve("draft/annual-report.docx"), "word/_rels/document.xml.rels");
        List<String> targets = new ArrayList<>();
        Matcher m = Pattern.compile("<Relationship [^>]*>").matcher(rels);
        while (m.find()) {
            if (m.group().contains("TargetMode=\"External\"")) {
                Matcher t = Pattern.compile(" Target=\"([^\"]+)\"").matcher(m.group());
                assertTrue(t.find());
                targets.add(t.group(1));
            }
        }
        assertEquals(List.of("https://www.england.nhs.uk/", "mailto:safeguarding@example.nhs.uk"), targets);
        assertTrue(paragraphText(draftXml).contains("nhs bad file"), "unsafe links keep their text, as plain text");
    }

    @Test
    void documentPropertiesInBritishEnglish() {
        var core = draft.getDocPropsCorePart().getJaxbElement();
        assertEquals("Safeguarding Children Annual Report 2023/24", core.getTitle().getValue().getContent().get(0));
        assertEquals("Sam Patel", core.getCreator().getContent().get(0));
        assertEquals("en-GB", core.getLanguage().getContent().get(0));
        assertTrue(core.getSubject().getContent().get(0).contains("North Wessex Community Health NHS Trust"));
    }
}
