package org.safeguardingreport.word;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.docx4j.model.structure.HeaderFooterPolicy;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.docx4j.openpackaging.parts.WordprocessingML.HeaderPart;
import org.docx4j.wml.SectPr;
import org.docx4j.wml.Style;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguardingreport.Cli;
import org.safeguardingreport.DocxXml;
import org.safeguardingreport.TestBundle;

/**
 * The Word editions start from the template's reference.docx: a Trust that changes its styles or
 * page in Word sees the change in its Word report; a file that is not a Word document is an error
 * of the template, reported before anything is built.
 */
class ReferenceDocTest {
    @TempDir
    Path tmp;

    static final Path DEFAULT = Path.of(System.getProperty("report.home", "."), "report-templates", "reference.docx");

    @Test
    void aTemplatesOwnReferenceGivesTheWordReportItsStylesAndPage() throws Exception {
        Path copy = TestBundle.copyTemplate(tmp, "dorset-2019", "trust-2019");
        WordprocessingMLPackage ref = WordprocessingMLPackage.load(DEFAULT.toFile());
        for (Style s : ref.getMainDocumentPart().getStyleDefinitionsPart().getJaxbElement().getStyle()) {
            if ("Heading1".equals(s.getStyleId())) {
                s.getRPr().getColor().setVal("C00000");
            }
        }
        SectPr page = ref.getMainDocumentPart().getJaxbElement().getBody().getSectPr();
        page.getPgMar().setLeft(BigInteger.valueOf(720));
        page.getPgMar().setRight(BigInteger.valueOf(720));
        int textWidth = page.getPgSz().getW().intValue() - 1440;
        // a link to a file elsewhere, which must not travel into the editions
        HeaderPart header = new HeaderFooterPolicy(page, null, ref.getMainDocumentPart().getRelationshipsPart(), null)
                .getDefaultHeader();
        header.getRelationshipsPart(true).addRelationship(external());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ref.save(bytes);
        Files.write(copy.resolve("reference.docx"), bytes.toByteArray());

        TestBundle b = new TestBundle(tmp).allSections();
        b.write("report.json", TestBundle.REPORT.replace("\"dorset-2019\"", "\"trust-2019\""));
        Path out = tmp.resolve("out");
        Cli r = Cli.run("build", b.root.toString(), "-o", out.toString());
        assertEquals(0, r.status(), r.err());

        for (String docx : new String[] {"annual-report.docx", "audit.docx"}) {
            String styles = entry(out.resolve(docx), "word/styles.xml");
            Matcher h1 = Pattern.compile("<w:style [^>]*w:styleId=\"Heading1\".*?</w:style>", Pattern.DOTALL).matcher(styles);
            assertTrue(h1.find() && h1.group().contains("w:val=\"C00000\""), docx + ": Heading 1 in the Trust's colour");
            String document = DocxXml.document(out.resolve(docx));
            assertTrue(document.matches("(?s).*<w:pgMar [^>]*w:left=\"720\"[^>]*>.*"), docx + ": the Trust's margins");
            assertFalse(allRelationships(out.resolve(docx)).contains("outside.example"), docx + ": no link to outside");
        }
        // tables are as wide as the wider text, and no wider
        String document = DocxXml.document(out.resolve("annual-report.docx"));
        int widest = 0;
        Matcher grid = Pattern.compile("<w:tblGrid>(.*?)</w:tblGrid>", Pattern.DOTALL).matcher(document);
        while (grid.find()) {
            int sum = 0;
            Matcher col = Pattern.compile("<w:gridCol w:w=\"(\\d+)\"/>").matcher(grid.group(1));
            while (col.find()) {
                sum += Integer.parseInt(col.group(1));
            }
            widest = Math.max(widest, sum);
        }
        assertTrue(widest > 9026 && widest <= textWidth + 50, "widest table " + widest + " for text " + textWidth);
    }

    @Test
    void theDefaultReferenceGivesTheHouseStyleAndAWatermarkOnDraftsOnly() throws Exception {
        String styles = entry(DEFAULT, "word/styles.xml");
        for (String id : new String[] {"Title", "Heading1", "Heading2", "Heading3", "Caption", "ReportTable", "Statement",
                "BlockQuote", "Missing", "TOC1", "Header", "Footer"}) {
            assertTrue(styles.contains("w:styleId=\"" + id + "\""), "the default reference defines " + id);
        }
        TestBundle b = new TestBundle(tmp);
        Path draft = tmp.resolve("draft");
        assertEquals(0, Cli.run("build", b.root.toString(), "-o", draft.toString()).status());
        String header = headers(draft.resolve("annual-report.docx"));
        assertTrue(header.contains("string=\"DRAFT\""), "the reference's watermark on a draft");
        assertTrue(header.contains("North Wessex Community Health NHS Trust"), "the running header");
    }

    @Test
    void aReferenceThatIsNotAWordDocumentIsAnErrorOfTheTemplate() throws Exception {
        Path copy = TestBundle.copyTemplate(tmp, "dorset-2019", "trust-2019");
        Files.writeString(copy.resolve("reference.docx"), "Dear Board, this is not a Word document.");
        TestBundle b = new TestBundle(tmp);
        b.write("report.json", TestBundle.REPORT.replace("\"dorset-2019\"", "\"trust-2019\""));
        Path out = tmp.resolve("out");
        Cli r = Cli.run("build", b.root.toString(), "-o", out.toString());
        assertEquals(1, r.status(), r.err());
        String line = r.line(copy.resolve("reference.docx").toString());
        assertTrue(line.contains("error: the Word reference document is not a Word document (.docx)"), r.err());
        assertFalse(Files.exists(out.resolve("annual-report.pdf")), "nothing is written");

        // a macro-enabled document is refused for its macros
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipFile in = new ZipFile(DEFAULT.toFile());
             java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                byte[] data = in.getInputStream(e).readAllBytes();
                if (e.getName().equals("[Content_Types].xml")) {
                    data = new String(data, java.nio.charset.StandardCharsets.UTF_8)
                            .replace("wordprocessingml.document.main+xml", "ms-word.document.macroEnabled.main+xml")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(data);
            }
        }
        Files.write(copy.resolve("reference.docx"), bytes.toByteArray());
        r = Cli.run("check", b.root.toString());
        assertEquals(1, r.status(), r.err());
        assertTrue(r.line(copy.resolve("reference.docx").toString()).contains("macro-enabled"), r.err());
    }

    private static org.docx4j.relationships.Relationship external() {
        org.docx4j.relationships.Relationship rel = new org.docx4j.relationships.ObjectFactory().createRelationship();
        rel.setType(org.docx4j.openpackaging.parts.relationships.Namespaces.HYPERLINK);
        rel.setTarget("https://outside.example/tracker.png");
        rel.setTargetMode("External");
        return rel;
    }

    static String entry(Path docx, String name) throws Exception {
        try (ZipFile z = new ZipFile(docx.toFile())) {
            return new String(z.getInputStream(z.getEntry(name)).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static String allRelationships(Path docx) throws Exception {
        StringBuilder s = new StringBuilder();
        try (ZipFile z = new ZipFile(docx.toFile())) {
            for (ZipEntry e : java.util.Collections.list(z.entries())) {
                if (e.getName().endsWith(".rels")) {
                    s.append(new String(z.getInputStream(e).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        return s.toString();
    }

    private static String headers(Path docx) throws Exception {
        StringBuilder s = new StringBuilder();
        try (ZipFile z = new ZipFile(docx.toFile())) {
            for (ZipEntry e : java.util.Collections.list(z.entries())) {
                if (e.getName().matches("word/header\\d*\\.xml")) {
                    s.append(new String(z.getInputStream(e).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        return s.toString();
    }
}
