package org.safeguardingreport.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguardingreport.Cli;
import org.safeguardingreport.DocxXml;
import org.safeguardingreport.PdfText;
import org.safeguardingreport.TestBundle;

/**
 * The audit's two editions come from its one layout: the same headings in the same order and the
 * same tables in the PDF and in Word, and a change made to the layout alone shows in both.
 */
public class AuditEditionsTest {
    @TempDir
    Path tmp;

    @Test
    void bothEditionsOfEachTemplatesAuditHaveTheSameHeadingsAndTables() throws Exception {
        for (String template : List.of("dorset-2019", "somerset-2018")) {
            TestBundle b = TestBundle.on(tmp.resolve(template), template);
            Path out = tmp.resolve(template + "-out");
            Cli r = Cli.run("build", b.root.toString(), "-o", out.toString());
            assertEquals(0, r.status(), r.err());
            List<String> pdf = pdfHeadings(out.resolve("audit.pdf"));
            List<String> word = wordHeadings(out.resolve("audit.docx"));
            assertEquals(List.of("H1", "H2"), pdf, template + ": the audit's title and its sign-off heading");
            assertEquals(pdf, word, template + ": the headings of both editions, by level");
            assertEquals(PdfText.headings(out.resolve("audit.pdf")), wordHeadingTexts(out.resolve("audit.docx")),
                    template + ": and by text");
            assertEquals(2, pdfTables(out.resolve("audit.pdf")), template + ": the table at its head and the questions");
            assertEquals(pdfTables(out.resolve("audit.pdf")), wordTables(out.resolve("audit.docx")), template + ": tables");
        }
    }

    /**
     * A Trust's copy of the template, changed in its layout only: a heading renamed, a row added to
     * the table at the head of the audit, and the sign-off moved before the questions.
     */
    @Test
    void aChangeToTheLayoutAloneShowsInBothEditions() throws Exception {
        Path copy = Files.createDirectories(tmp.resolve("report-templates/trust-2019"));
        Path source = Path.of(System.getProperty("report.home", "."), "report-templates", "dorset-2019");
        try (var files = Files.list(source)) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        Files.writeString(copy.resolve("template.json"),
                Files.readString(copy.resolve("template.json")).replace("\"dorset-2019\"", "\"trust-2019\""));
        String layout = Files.readString(copy.resolve("audit.vm"));
        String signOff = layout.substring(layout.indexOf("<div class=\"sign-off\""), layout.indexOf("</body>"));
        layout = layout.replace(signOff, "")
                .replace("<table class=\"audit\">", signOff + "\n<table class=\"audit\">")
                .replace("<h2>Sign-off</h2>", "<h2>Approval by the Board</h2>")
                .replace("<tr><th scope=\"row\">Status</th>", "<tr><th scope=\"row\">Checked by</th><td>Designated Nurse</td></tr>\n"
                        + "      <tr><th scope=\"row\">Status</th>");
        Files.writeString(copy.resolve("audit.vm"), layout);
        TestBundle b = new TestBundle(tmp);
        b.write("report.json", TestBundle.REPORT.replace("\"dorset-2019\"", "\"trust-2019\""));
        Path out = tmp.resolve("out");
        Cli r = Cli.run("build", b.root.toString(), "-o", out.toString());
        assertEquals(0, r.status(), r.err());

        String pdf = String.join("\n", PdfText.pages(out.resolve("audit.pdf")));
        String word = words(DocxXml.document(out.resolve("audit.docx")));
        for (String text : List.of("Approval by the Board", "Checked by", "Designated Nurse")) {
            assertTrue(pdf.contains(text), text + " in the PDF");
            assertTrue(word.contains(text), text + " in Word");
        }
        assertTrue(pdf.indexOf("Approval by the Board") < pdf.indexOf("Audit question"), "moved before the questions in the PDF");
        assertTrue(word.indexOf("Approval by the Board") < word.indexOf("Audit question"), "and in Word");
        assertTrue(!pdf.contains("Sign-off") && !word.contains("Sign-off"), "the old heading is gone from both");
    }

    /** The PDF's structure: its headings' levels in document order (H1, H2, ...). */
    public static List<String> pdfHeadings(Path pdf) throws Exception {
        List<String> out = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            walk(doc.getDocumentCatalog().getStructureTreeRoot(), out, "H[1-6]");
        }
        return out;
    }

    public static int pdfTables(Path pdf) throws Exception {
        List<String> out = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            walk(doc.getDocumentCatalog().getStructureTreeRoot(), out, "Table");
        }
        return out.size();
    }

    private static void walk(PDStructureNode node, List<String> out, String types) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement e) {
                if (e.getStructureType().matches(types)) {
                    out.add(e.getStructureType());
                }
                walk(e, out, types);
            }
        }
    }

    /** Word's headings by level, the Title counting as a first-level heading. */
    public static List<String> wordHeadings(Path docx) throws Exception {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<w:pStyle w:val=\"(Title|Heading[1-6])\"/>").matcher(DocxXml.document(docx));
        while (m.find()) {
            out.add(m.group(1).equals("Title") ? "H1" : "H" + m.group(1).charAt(7));
        }
        return out;
    }

    /** Word's headings as "H2 Text", the Title counting as a first-level heading. */
    public static List<String> wordHeadingTexts(Path docx) throws Exception {
        List<String> out = new ArrayList<>();
        Matcher p = Pattern.compile("<w:p[ >].*?</w:p>", Pattern.DOTALL).matcher(DocxXml.document(docx));
        Pattern style = Pattern.compile("<w:pStyle w:val=\"(Title|Heading[1-6])\"/>");
        while (p.find()) {
            Matcher m = style.matcher(p.group());
            if (m.find()) {
                String level = m.group(1).equals("Title") ? "H1" : "H" + m.group(1).charAt(7);
                String text = words(p.group()).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                        .replace("&apos;", "'").replace("&amp;", "&");
                out.add(level + " " + text.replaceAll("\\s+", " ").strip());
            }
        }
        return out;
    }

    public static int wordTables(Path docx) throws Exception {
        return DocxXml.document(docx).split("<w:tbl>", -1).length - 1;
    }

    private static String words(String xml) {
        StringBuilder s = new StringBuilder();
        Matcher t = Pattern.compile("<w:t(?: [^>]*)?>([^<]*)</w:t>").matcher(xml);
        while (t.find()) {
            s.append(t.group(1));
        }
        return s.toString();
    }
}
