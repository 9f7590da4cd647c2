package org.safeguardingreport.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguardingreport.Cli;
import org.safeguardingreport.PdfText;
import org.safeguardingreport.TestBundle;

/** The built PDF read back with PDFBox: figures, ratings, pages, DRAFT, contents, tags. */
class BuildPdfTest {
    @TempDir
    static Path tmp;
    static Path draftPdf;
    static Path finalPdf;
    static List<String> draftPages;
    static List<String> finalPages;
    static Path bundleRoot;

    static final String HOSTILE = "Template text #set($x = 1) $x ${7*7} $provider.name <#assign y = 2>${y}\n\n"
            + "Thymeleaf [[${7*7}]] and <script>alert(1)</script> <b>not bold</b> & < > \" '";

    @BeforeAll
    static void buildOnce() throws IOException {
        StringBuilder big = new StringBuilder("## Big table\n\n| Row | Value |\n|---|---|\n");
        for (int i = 1; i <= 300; i++) {
            big.append("| row ").append(i).append(" | value ").append(i).append(" |\n");
        }
        TestBundle b = new TestBundle(tmp).allSections()
                .write("data/2023-24.json", """
                        { "reportingYear": "2023/24",
                          "quarters": {
                            "Q1": { "3b-level-1": { "numerator": 8997, "denominator": 10000 },
                                    "3b-level-2": { "numerator": 7595, "denominator": 10000 },
                                    "3b-level-3": { "numerator": 9, "denominator": 10 },
                                    "3b-level-4-5": { "numerator": 76, "denominator": 100 },
                                    "3b-board": { "numerator": 0, "denominator": 0 },
                                    "6a-si-steis": 1234 }
                          },
                          "annual": { "8f-enhanced-dbs": { "numerator": 999, "denominator": 1000 } } }
                        """)
                .write("narrative/standard-3.md", """
                        ## Boundaries

                        L1 {{3b-level-1@Q1}} {{3b-level-1@Q1 rag}}; L2 {{3b-level-2@Q1}} {{3b-level-2@Q1 rag}}; \
                        L3 {{3b-level-3@Q1}} {{3b-level-3@Q1 rag}}; L45 {{3b-level-4-5@Q1}} {{3b-level-4-5@Q1 rag}}; \
                        Board {{3b-board@Q1}} {{3b-board@Q1 rag}}; Q2 {{3b-level-3@Q2}}; SI {{6a-si-steis@Q1}}. {audit=3.1}

                        - Tight list item one. {audit=3.2}
                        - Tight list item two.

                        1. Loose list item. {audit=3.3}

                        2. Another loose item.

                        ### Trainers heading {audit=3.5}
                        """)
                .write("narrative/standard-8.md", "DBS {{8f-enhanced-dbs@year}} {{8f-enhanced-dbs@year rag}}.\n")
                .write("narrative/risk.md", HOSTILE + "\n\nLinks: [click](javascript:alert(1)) "
                        + "[file](file:///etc/passwd) [ok](https://www.england.nhs.uk/)\n\n<!-- a comment -->\n")
                .write("narrative/appendix-x-long.md", big.toString())
                .write("narrative/appendix-a-glossary.md", "---\ntitle: \"Appendix A: Glossary of terms\"\n---\nLADO: Local Authority Designated Officer.\n")
                .write("narrative/standard-10.md", "Young people drew this.\n\n![A drawing of a family by a child aged 9](images/drawing.png)\n");
        Files.createDirectories(b.root.resolve("images"));
        Files.copy(Path.of(System.getProperty("report.home", "."), "content/north-wessex-2023-24/images/safeguarding-team-structure.png"),
                b.root.resolve("images/drawing.png"));
        bundleRoot = b.root;
        Cli d = Cli.run("build", b.root.toString(), "-o", tmp.resolve("draft").toString());
        assertEquals(0, d.status(), d.err());
        Cli f = Cli.run("build", b.root.toString(), "-o", tmp.resolve("final").toString(), "--final");
        assertEquals(1, f.status(), "gaps remain, so the final build is refused");
        // answer every question so the final build can run
        StringBuilder audit = new StringBuilder("{");
        for (int s = 1, i = 0; s <= 10; s++) {
            int[] counts = {7, 7, 8, 4, 6, 1, 5, 6, 3, 5};
            for (int q = 1; q <= counts[s - 1]; q++) {
                audit.append(i++ == 0 ? "" : ",").append("\"").append(s).append('.').append(q).append("\": {\"answer\": \"yes\"}");
            }
        }
        b.write("audit.json", audit.append("}").toString());
        Cli f2 = Cli.run("build", b.root.toString(), "-o", tmp.resolve("final").toString(), "--final");
        assertEquals(0, f2.status(), f2.err());
        draftPdf = tmp.resolve("draft/annual-report.pdf");
        finalPdf = tmp.resolve("final/annual-report.pdf");
        draftPages = pages(draftPdf);
        finalPages = pages(finalPdf);
    }

    static List<String> pages(Path pdf) throws IOException {
        return PdfText.pages(pdf);
    }

    static String all(List<String> pages) {
        return String.join("\n", pages);
    }

    static int pageWith(List<String> pages, String text) {
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i).replaceAll("\\s+", " ").contains(text)) {
                return i + 1;
            }
        }
        return -1;
    }

    @Test
    void figuresAndRatingsIncludingTheBoundaries() {
        String text = all(draftPages).replaceAll("\\s+", " ");
        // a figure that one decimal would round onto a threshold prints the decimals its rating needs (measures.md)
        assertTrue(text.contains("L1 89.97% Amber"), "89.97% is Amber and never shows as 90.0%: " + text);
        assertTrue(text.contains("L2 75.95% Red"), "75.95% is Red and never shows as 76.0%");
        assertTrue(text.contains("L3 90.0% Green"), "exactly 90.0% is Green");
        assertTrue(text.contains("L45 76.0% Amber"), "exactly 76.0% is Amber");
        assertTrue(text.contains("Board n/a n/a"), "a denominator of 0 is n/a with no rating");
        assertTrue(text.contains("Q2 \u2014"), "an absent quarter is a dash");
        assertTrue(text.contains("SI 1,234"), "counts keep thousands separators");
        assertTrue(text.contains("DBS 99.9% Amber"), "dorset-2019 rates enhanced DBS Green only at 100%");
        assertFalse(text.contains("{{"), "no figure syntax is left");
        assertFalse(text.contains("{audit"), "markers never show");
    }

    @Test
    void draftOnEveryPageOfADraftAndNoneOfAFinal() {
        for (int i = 0; i < draftPages.size(); i++) {
            assertTrue(draftPages.get(i).contains("DRAFT"), "page " + (i + 1) + " of the draft");
        }
        for (int i = 0; i < finalPages.size(); i++) {
            assertFalse(finalPages.get(i).contains("DRAFT"), "page " + (i + 1) + " of the final");
        }
        assertTrue(all(finalPages).contains("Approved by the Trust Board on 25 July 2024"));
        assertTrue(all(finalPages).replaceAll("\\s+", " ").contains("Approved by Dr A. Jones"));
    }

    @Test
    void sectionsInTemplateOrderWithTheirHeadingsAndOverrides() {
        String[] headings = {"Board cover sheet", "1. Executive Summary of the Report", "8. Freedom of Information",
                "Standard 1 \u2013 Governance and Commitment to Safeguarding Children",
                "Standard 10 \u2013 Engaging Children and their Families", "Achievements", "Priorities for Next Year",
                "Conclusion", "Appendix A: Glossary of terms", "Appendix X: Long"};
        int last = 2;
        for (String h : headings) {
            int p = pageWith(draftPages.subList(2, draftPages.size()), h) + 2;
            assertTrue(p > 2, h + " is in the report");
            assertTrue(p >= last, h + " comes after the one before");
            last = p;
        }
    }

    @Test
    void contentsPageNumbersAreWhereTheHeadingsLand() {
        String contents = draftPages.get(1);
        Matcher m = Pattern.compile("(Standard \\d+ \u2013 [^.\\n]+?)\\s*\\.[ .]*(\\d+)\\s*$", Pattern.MULTILINE).matcher(contents);
        int checked = 0;
        while (m.find()) {
            String heading = m.group(1).strip();
            int listed = Integer.parseInt(m.group(2));
            String words = heading.substring(0, Math.min(heading.length(), 30));
            assertEquals(pageWith(draftPages.subList(2, draftPages.size()), words) + 2, listed, heading);
            checked++;
        }
        assertEquals(10, checked, contents);
    }

    @Test
    void authorTemplateSyntaxAndHtmlAreLiteral() {
        String text = all(draftPages).replaceAll("\\s+", " ");
        assertTrue(text.contains("#set($x = 1) $x ${7*7} $provider.name <#assign y = 2>${y}"), text);
        assertTrue(text.contains("Thymeleaf [[${7*7}]] and <script>alert(1)</script> <b>not bold</b> & < > \" '"), text);
        assertTrue(text.contains("<!-- a comment -->"));
    }

    @Test
    void noScriptsOrLaunchActionsAndOnlySafeLinks() throws IOException {
        try (PDDocument doc = Loader.loadPDF(draftPdf.toFile())) {
            // every object, those packed in object streams included, read as PDFBox parses them
            int objects = 0;
            for (var key : doc.getDocument().getXrefTable().keySet()) {
                var base = doc.getDocument().getObjectFromPool(key).getObject();
                objects++;
                if (base instanceof org.apache.pdfbox.cos.COSDictionary d) {
                    for (String name : List.of("JS", "AA", "OpenAction")) {
                        assertFalse(d.containsKey(org.apache.pdfbox.cos.COSName.getPDFName(name)), "/" + name + " in " + key);
                    }
                    var s = d.getCOSName(org.apache.pdfbox.cos.COSName.S);
                    assertFalse(s != null && List.of("JavaScript", "Launch", "ImportData", "SubmitForm").contains(s.getName()),
                            "an action /" + s + " in " + key);
                }
            }
            assertTrue(objects > 100, "the objects in object streams were read too: " + objects);
            List<String> uris = new ArrayList<>();
            for (var page : doc.getPages()) {
                for (var a : page.getAnnotations()) {
                    if (a instanceof org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink l
                            && l.getAction() instanceof org.apache.pdfbox.pdmodel.interactive.action.PDActionURI u) {
                        uris.add(u.getURI());
                    }
                }
            }
            assertEquals(List.of("https://www.england.nhs.uk/"), uris);
        }
        String text = all(draftPages).replaceAll("\\s+", " ");
        assertTrue(text.contains("Links: click file ok"), "unsafe links keep their text: " + text);
    }

    @Test
    void taggedWithAltTextLanguageAndProperties() throws IOException {
        try (PDDocument doc = Loader.loadPDF(draftPdf.toFile())) {
            assertTrue(doc.getDocumentCatalog().getMarkInfo().isMarked());
            assertEquals("en-GB", doc.getDocumentCatalog().getLanguage());
            assertEquals("Safeguarding Children Annual Report 2023/24", doc.getDocumentInformation().getTitle());
            assertEquals("Sam Patel", doc.getDocumentInformation().getAuthor());
            assertTrue(doc.getDocumentInformation().getSubject().contains("North Wessex Community Health NHS Trust"));
            List<String> alts = PdfText.alts(draftPdf);
            assertTrue(alts.contains("A drawing of a family by a child aged 9"), alts.toString());
        }
    }

    @Test
    void outlineHasTheSections() throws IOException {
        try (PDDocument doc = Loader.loadPDF(draftPdf.toFile())) {
            List<String> titles = new ArrayList<>();
            doc.getDocumentCatalog().getDocumentOutline().children().forEach(i -> {
                titles.add(i.getTitle());
                i.children().forEach(c -> titles.add(c.getTitle()));
            });
            assertTrue(titles.contains("Board cover sheet"), titles.toString());
            assertTrue(titles.contains("1. Executive Summary of the Report"), titles.toString());
            assertTrue(titles.contains("Standard 5 \u2013 Effective Multi-Agency Working"), titles.toString());
            assertTrue(titles.contains("Conclusion"), titles.toString());
        }
    }

    @Test
    void aLongTableRepeatsItsHeaderOnEveryPage() {
        int first = pageWith(draftPages, "row 1 value 1");
        int lastRow = pageWith(draftPages, "row 300 value 300");
        assertTrue(lastRow > first + 3, "300 rows take several pages");
        for (int p = first; p <= lastRow; p++) {
            assertTrue(draftPages.get(p - 1).contains("Row Value"), "header row on page " + p);
        }
        for (int i = 1; i <= 300; i++) {
            assertTrue(pageWith(draftPages, "row " + i + " value " + i) > 0, "row " + i + " kept");
        }
    }

    @Test
    void buildJsonCitesThePagesOfTheMarkedBlocks() throws IOException {
        String json = Files.readString(tmp.resolve("draft/build.json"));
        int page = pageWith(draftPages, "L1 89.97% Amber");
        String compact = json.replaceAll("\\s+", "");
        assertTrue(compact.contains("\"3.1\":[" + page + "]"), json);
        assertTrue(compact.contains("\"3.2\":[" + pageWith(draftPages, "Tight list item one.") + "]"), "tight list item: " + json);
        assertTrue(compact.contains("\"3.3\":[" + pageWith(draftPages, "Loose list item.") + "]"), "loose list item: " + json);
        assertTrue(compact.contains("\"3.5\":[" + pageWith(draftPages, "Trainers heading") + "]"), "heading: " + json);
        assertTrue(json.contains("\"pages\" : " + draftPages.size()), json);
    }

    @Test
    void missingSectionsSayNoNarrativeProvidedAndReportJsonTextIsLiteral() throws IOException {
        Path dir = tmp.resolve("minimal");
        String provider = "Trust $x #set($y = 1) ${7*7} <b>&amp;</b>";
        TestBundle b = new TestBundle(dir).write("report.json", TestBundle.REPORT
                .replace("North Wessex Community Health NHS Trust", provider.replace("\"", "\\\""))
                .replace("\"Safeguarding Children Annual Report 2023/24\"", "\"Report #foreach($i in [1..3])loop $i #end\""));
        Cli r = Cli.run("build", b.root.toString(), "-o", dir.resolve("out").toString());
        assertEquals(0, r.status(), r.err());
        List<String> pages = pages(dir.resolve("out/annual-report.pdf"));
        int risk = pageWith(pages.subList(2, pages.size()), "4. Risk") + 2;
        assertTrue(pages.get(risk - 1).replaceAll("\\s+", " ").contains("4. Risk No narrative provided."), pages.get(risk - 1));
        assertTrue(pages.get(0).contains(provider), "title page: " + pages.get(0));
        assertTrue(pages.get(2).contains(provider), "running header: " + pages.get(2));
        assertTrue(pages.get(2).contains("Report #foreach($i in [1..3])loop $i #end"), pages.get(2));
        try (PDDocument doc = Loader.loadPDF(dir.resolve("out/annual-report.pdf").toFile())) {
            assertEquals("Report #foreach($i in [1..3])loop $i #end", doc.getDocumentInformation().getTitle());
            assertTrue(doc.getDocumentInformation().getSubject().contains(provider), doc.getDocumentInformation().getSubject());
        }
    }

    @Test
    void aFailedBuildLeavesThePreviousOutputsUntouched() throws IOException {
        Path out = tmp.resolve("draft");
        byte[] before = Files.readAllBytes(out.resolve("annual-report.pdf"));
        Path broken = tmp.resolve("broken");
        new TestBundle(broken).write("audit.json", "{ \"3.9\": {} }");
        Cli r = Cli.run("build", broken.resolve("north-wessex").toString(), "-o", out.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("nothing was written"), r.err());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(out.resolve("annual-report.pdf"))));
        try (var s = Files.list(tmp)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().contains(".build-")), "no temporary folder left");
        }
    }
}
