package org.safeguardingreport.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguardingreport.Cli;
import org.safeguardingreport.PdfText;
import org.safeguardingreport.TestBundle;

/** A bundle full of template syntax, raw HTML and every script, through build, read back from both editions. */
class HostileBuildTest {
    @TempDir
    static Path tmp;
    static Path canary;
    static List<String> pdfPages;
    static String pdfText;
    static String docxText;
    static String docxRaw;

    static final List<String> TEMPLATES = List.of("#set($x = 1)", "$x", "$provider.name", "${7*7}",
            "#foreach($i in [1..3])loop $i #end", "$class.forName('java.lang.Runtime')", "<#assign y = 2>${y}",
            "[[${7*7}]]", "#{T(java.lang.Runtime)}", "<%= 7*7 %>", "%{7*7}", "${jndi:ldap://127.0.0.1:9/a}");
    static final List<String> HTML = List.of("<script>alert(1)</script>", "<img src=\"file:///etc/passwd\">",
            "<iframe src=\"file:///etc/passwd\"></iframe>", "<style>body { display: none }</style>",
            "<a href=\"javascript:alert(1)\">click</a>", "<!-- a comment -->");
    static final List<String> SCRIPTS = List.of("\u062d\u0645\u0627\u064a\u0629 \u0627\u0644\u0623\u0637\u0641\u0627\u0644",
            "\u05d4\u05d2\u05e0\u05d4 \u05e2\u05dc \u05d9\u05dc\u05d3\u05d9\u05dd", "Diogelu plant ŵ ŷ Ŵ Ŷ",
            "Ochrona dzieci: żółć ąę", "Protecția copiilor: ăâîșț", "Προστασία των παιδιών", "Защита детей",
            "\u513f\u7ae5\u4fdd\u62a4 \u5150\u7ae5\u4fdd\u8b77", "👩\u200d⚕️ 👨\u200d👩\u200d👧 🏳️\u200d🌈 ✅");
    static final String PROVIDER = "Trust $provider.name #set($x = 1) ${7*7}";
    static final String TITLE = "Report <#assign y = 2>${y} [[${7*7}]]";
    static final String AUTHOR = "Sam $class.forName('java.lang.Runtime')";

    @BeforeAll
    static void build() throws Exception {
        canary = tmp.resolve("CANARY");
        String touch = "touch " + canary;
        String exec = "#set($r = $class.forName('java.lang.Runtime').getRuntime().exec('" + touch + "'))$r "
                + "<#assign ex=\"freemarker.template.utility.Execute\"?new()>${ex(\"" + touch + "\")} "
                + "<%= Runtime.getRuntime().exec(\"" + touch + "\") %> ${T(java.lang.Runtime).getRuntime().exec('" + touch + "')}";
        StringBuilder md = new StringBuilder("---\ntitle: \"Risk #set($x = 1) ${7*7}\"\n---\n");
        md.append("## Heading #foreach($i in [1..3])loop $i #end\n\n");
        md.append("Templates: ").append(String.join(" ", TEMPLATES)).append("\n\n");
        md.append("Execution: ").append(exec).append("\n\n");
        md.append("| Engine | Syntax |\n|---|---|\n");
        for (String t : TEMPLATES) {
            md.append("| cell | ").append(t).append(" |\n");
        }
        md.append("\nInline HTML: ").append(String.join(" ", HTML)).append(" end.\n\n");
        md.append("<script>alert('block')</script>\n\n<img src=\"file:///etc/passwd\">\n\n");
        md.append("Scripts:\n\n");
        for (String s : SCRIPTS) {
            md.append("- ").append(s).append("\n");
        }
        String report = TestBundle.REPORT.replace("North Wessex Community Health NHS Trust", PROVIDER)
                .replace("\"Safeguarding Children Annual Report 2023/24\"", "\"" + TITLE.replace("\"", "\\\"") + "\"")
                .replace("\"Sam Patel\"", "\"" + AUTHOR + "\"");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] crlf = "First line of the summary.\r\nSecond line.\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] summary = new byte[bom.length + crlf.length];
        System.arraycopy(bom, 0, summary, 0, bom.length);
        System.arraycopy(crlf, 0, summary, bom.length, crlf.length);
        TestBundle b = new TestBundle(tmp).write("report.json", report).write("narrative/risk.md", md.toString())
                .write("narrative/executive-summary.md", summary);
        Cli r = Cli.run("build", b.root.toString(), "-o", tmp.resolve("out").toString());
        assertEquals(0, r.status(), r.err());
        pdfPages = PdfText.pages(tmp.resolve("out/annual-report.pdf"));
        pdfText = String.join(" ", pdfPages).replaceAll("\\s+", " ");
        WordprocessingMLPackage docx = WordprocessingMLPackage.load(tmp.resolve("out/annual-report.docx").toFile());
        docxRaw = docx.getMainDocumentPart().getXML();
        StringBuilder t = new StringBuilder();
        Matcher m = Pattern.compile("<w:t(?: [^>]*)?>([^<]*)</w:t>").matcher(docxRaw);
        while (m.find()) {
            t.append(m.group(1)).append(m.end() < docxRaw.length() && docxRaw.startsWith("</w:t></w:r></w:p>", m.end() - 6) ? " " : "");
        }
        docxText = t.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&");
    }

    /** Text without whitespace: a long run may wrap where the source had no space. */
    static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }

    @Test
    void nothingExecutesAndNoCanaryIsCreated() {
        assertFalse(Files.exists(canary), "no payload ran");
        for (String t : TEMPLATES) {
            assertTrue(pdfText.contains(t), "PDF shows " + t);
            assertTrue(docxText.contains(t), "Word shows " + t);
        }
        assertTrue(squeeze(pdfText).contains(squeeze("Templates: " + String.join(" ", TEMPLATES))), "the whole paragraph, in order");
        assertTrue(pdfText.contains("Heading #foreach($i in [1..3])loop $i #end"), "a heading");
        assertTrue(pdfText.contains("Risk #set($x = 1) ${7*7}"), "a front-matter title");
        assertTrue(docxText.contains("Risk #set($x = 1) ${7*7}"));
        assertTrue(pdfText.contains("cell <%= 7*7 %>"), "a table cell");
    }

    @Test
    void reportJsonTextIsLiteralOnTheCoverInTheHeaderAndInTheProperties() throws Exception {
        assertTrue(pdfPages.get(0).contains(PROVIDER) && pdfPages.get(0).contains(TITLE), "title page: " + pdfPages.get(0));
        assertTrue(pdfPages.get(0).contains(AUTHOR), "authors on the title page");
        assertTrue(pdfPages.get(3).contains(PROVIDER) && pdfPages.get(3).contains(TITLE), "running header");
        try (PDDocument doc = Loader.loadPDF(tmp.resolve("out/annual-report.pdf").toFile())) {
            assertEquals(TITLE, doc.getDocumentInformation().getTitle());
            assertEquals(AUTHOR, doc.getDocumentInformation().getAuthor());
            assertTrue(doc.getDocumentInformation().getSubject().contains(PROVIDER));
        }
        WordprocessingMLPackage docx = WordprocessingMLPackage.load(tmp.resolve("out/annual-report.docx").toFile());
        var core = docx.getDocPropsCorePart().getJaxbElement();
        assertEquals(TITLE, core.getTitle().getValue().getContent().get(0));
        assertEquals(AUTHOR, core.getCreator().getContent().get(0));
        assertTrue(core.getSubject().getContent().get(0).contains(PROVIDER));
        assertTrue(docxText.contains(PROVIDER) && docxText.contains(TITLE));
        String audit = String.join(" ", PdfText.pages(tmp.resolve("out/audit.pdf")));
        assertTrue(audit.contains(PROVIDER), "the audit too");
    }

    @Test
    void rawHtmlIsCharactersAndNoLocalFileIsRead() throws Exception {
        for (String h : HTML) {
            assertTrue(squeeze(pdfText).contains(squeeze(h)), "PDF shows " + h);
            assertTrue(docxText.contains(h), "Word shows " + h);
        }
        assertTrue(pdfText.contains("<script>alert('block')</script>"));
        assertTrue(pdfText.contains("<img src=\"file:///etc/passwd\">"));
        String passwd = Files.exists(Path.of("/etc/passwd")) ? Files.readAllLines(Path.of("/etc/passwd")).get(0) : "root:x:0:0";
        for (String f : List.of("annual-report.pdf", "annual-report.docx", "audit.pdf", "audit.docx", "build.json")) {
            String raw = new String(Files.readAllBytes(tmp.resolve("out").resolve(f)), StandardCharsets.ISO_8859_1);
            assertFalse(raw.contains(passwd), f);
        }
        assertFalse(pdfText.contains(passwd));
        assertFalse(docxRaw.contains(passwd));
    }

    @Test
    void everyScriptIsKeptInWordAndNoParagraphIsLostInThePdf() {
        for (String s : SCRIPTS) {
            assertTrue(docxText.contains(s), "Word keeps " + s);
        }
        for (String latin : List.of("Diogelu plant ŵ ŷ Ŵ Ŷ", "Ochrona dzieci: żółć ąę", "Protecția copiilor: ăâîșț",
                "Προστασία των παιδιών", "Защита детей")) {
            assertTrue(pdfText.contains(latin), "PDF draws " + latin);
        }
        assertTrue(pdfText.contains("Scripts:"));
        assertTrue(docxRaw.contains("<w:rtl/>"), "right-to-left runs are marked");
    }

    @Test
    void aByteOrderMarkAndCrlfAreInvisible() {
        assertTrue(pdfText.contains("First line of the summary. Second line."), pdfText.substring(0, 400));
        assertFalse(pdfText.contains("\uFEFF"));
        assertFalse(docxRaw.contains("\uFEFF") || docxRaw.contains("\r"));
    }
}
