package org.safeguardingreport.draft;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.docx4j.XmlUtils;
import org.docx4j.dml.wordprocessingDrawing.Inline;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.docx4j.openpackaging.parts.WordprocessingML.BinaryPartAbstractImage;
import org.docx4j.openpackaging.parts.WordprocessingML.CommentsPart;
import org.docx4j.openpackaging.parts.WordprocessingML.MainDocumentPart;
import org.docx4j.openpackaging.parts.WordprocessingML.NumberingDefinitionsPart;
import org.docx4j.relationships.Relationship;
import org.docx4j.wml.Drawing;
import org.docx4j.wml.P;
import org.docx4j.wml.R;

/**
 * A Word draft made in the test with docx4j, as a nurse's might be: a heading styled Title, headings
 * worded and numbered her own way, bold, italic, web links and a link to a file, tracked changes, a
 * comment, nested numbered lists, a table, a picture with alt text, a linked picture, a heading that
 * matches no section, and text full of characters that Markdown and the bundle's dialect would read as
 * syntax.
 */
final class HandMadeDraft {
    static final String NS = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
            + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
            + "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
            + "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
            + "xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\" "
            + "xmlns:o=\"urn:schemas-microsoft-com:office:office\"";
    /** Text that must come back literally, character for character. */
    static final String SPECIAL = "Literal: *stars*, _underscores_, [brackets](x), <b>tags</b>, {{3b-level-3@Q4}}, "
            + "{audit=3.1}, {{chart 3b-level-3}}, &amp; & A&E, back\\slash, `ticks`, a | pipe, 7*7, ${name} #set";
    static final String ALT = "Training chart: Level 3 rose to 93.4% [Q4]";

    private HandMadeDraft() {
    }

    static void write(Path file) throws Exception {
        WordprocessingMLPackage pkg = WordprocessingMLPackage.createPackage();
        MainDocumentPart main = pkg.getMainDocumentPart();
        String web = link(main, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink",
                "https://www.england.nhs.uk/safeguarding/");
        String share = link(main, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink",
                "file:///S:/Safeguarding/minutes.docx");
        String linkedPicture = link(main, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image",
                "http://intranet.example/logo.png");

        StringBuilder body = new StringBuilder();
        body.append(p("Title", run("Safeguarding Children Annual Report 2024/25")));
        body.append(p(null, run("Draft for the Safeguarding Committee")));
        body.append(p("Heading1", run("1. Executive summary")));
        body.append(p(null, run("This year we ") + run("improved", "<w:b/>") + run(" ") + run("a lot", "<w:i/>")
                + run("; see ") + "<w:hyperlink r:id=\"" + web + "\">" + run("the NHS England page", "<w:rStyle w:val=\"Hyperlink\"/>")
                + "</w:hyperlink>" + run(" and the ") + "<w:hyperlink r:id=\"" + share + "\">" + run("committee minutes")
                + "</w:hyperlink>" + run(".")));
        body.append(p(null, run(SPECIAL)));
        body.append(p(null, run("# not a heading")));
        body.append(p(null, run("1. not a list")));
        body.append(p(null, run("- not a bullet")));
        body.append(p(null, run("> not a quote")));
        body.append(p(null, run("Kept text, ") + "<w:ins w:id=\"1\" w:author=\"Sam\" w:date=\"2024-05-01T10:00:00Z\">"
                + run("inserted words") + "</w:ins>" + "<w:del w:id=\"2\" w:author=\"Sam\" w:date=\"2024-05-01T10:00:00Z\">"
                + "<w:r><w:delText>deleted words</w:delText></w:r></w:del>" + run(" end.")));
        body.append(p(null, "<w:commentRangeStart w:id=\"0\"/>" + run("Text with a comment on it.")
                + "<w:commentRangeEnd w:id=\"0\"/><w:r><w:commentReference w:id=\"0\"/></w:r>"));
        body.append(p("Heading1", run("Our wider work")));
        body.append(p(null, run("Text under a heading that matches no section.")));
        body.append(p("Heading1", run("Standard 3: Training & competences")));
        body.append(item(1, 0, "First step"));
        body.append(item(1, 1, "First detail"));
        body.append(item(1, 1, "Second detail"));
        body.append(item(1, 0, "Second step"));
        body.append(item(2, 0, "A bullet after the numbered list"));
        body.append("<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>")
                .append(row(run("Level", "<w:b/>"), run("Q4 | note", "<w:b/>")))
                .append(row(run("Level 3"), run("93.4%")))
                .append(row(run("Level ") + run("4", "<w:i/>"), run("100%")))
                .append("</w:tbl>");
        body.append("@PICTURE@");
        body.append(p(null, "<w:r><w:drawing><wp:inline><wp:extent cx=\"100\" cy=\"100\"/><wp:docPr id=\"9\" name=\"Logo\" descr=\"Intranet logo\"/>"
                + "<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic>"
                + "<pic:nvPicPr><pic:cNvPr id=\"9\" name=\"logo\"/><pic:cNvPicPr/></pic:nvPicPr>"
                + "<pic:blipFill><a:blip r:link=\"" + linkedPicture + "\"/></pic:blipFill><pic:spPr/></pic:pic>"
                + "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"));
        body.append(p(null, run("A spreadsheet pasted as an object: ")
                + "<w:r><w:object><o:OLEObject Type=\"Embed\" ProgID=\"Excel.Sheet.12\" ShapeID=\"_x0000_i1025\"/></w:object></w:r>"));
        body.append(p("Heading2", run("Evaluation")));
        body.append(p(null, run("Staff rated training 4.5 out of 5.")));
        body.append(p("Heading1", run("Conclusion")));
        body.append(p(null, run("We are assured.") + "<w:r><w:footnoteReference w:id=\"1\"/></w:r>"));
        body.append("@GIF@");

        String xml = "<w:document " + NS + "><w:body>" + body + "<w:sectPr/></w:body></w:document>";
        String[] halves = xml.replace("@GIF@", "").split("@PICTURE@");
        org.docx4j.wml.Document doc = (org.docx4j.wml.Document) XmlUtils.unmarshalString(halves[0] + halves[1]);
        main.setJaxbElement(doc);
        // a GIF at the very end (after the conclusion's paragraph): it comes across as a PNG
        main.getContent().add(main.getContent().size(), picture(pkg, "gif", "A GIF picture"));
        // the picture, with its alt text, where the marker was: after the table
        int at = 0;
        for (Object o : main.getContent()) {
            at++;
            if (XmlUtils.unwrap(o) instanceof org.docx4j.wml.Tbl) {
                break;
            }
        }
        main.getContent().add(at, picture(pkg, "png", ALT));

        NumberingDefinitionsPart numbering = new NumberingDefinitionsPart();
        main.addTargetPart(numbering);
        numbering.setJaxbElement((org.docx4j.wml.Numbering) XmlUtils.unmarshalString(
                "<w:numbering " + NS + ">"
                        + "<w:abstractNum w:abstractNumId=\"10\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/></w:lvl>"
                        + "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"lowerLetter\"/></w:lvl></w:abstractNum>"
                        + "<w:abstractNum w:abstractNumId=\"20\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"bullet\"/></w:lvl></w:abstractNum>"
                        + "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"10\"/></w:num>"
                        + "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"20\"/></w:num></w:numbering>"));
        org.docx4j.openpackaging.parts.WordprocessingML.FootnotesPart notes = new org.docx4j.openpackaging.parts.WordprocessingML.FootnotesPart();
        main.addTargetPart(notes);
        notes.setJaxbElement((org.docx4j.wml.CTFootnotes) XmlUtils.unwrap(XmlUtils.unmarshalString(
                "<w:footnotes " + NS + "><w:footnote w:type=\"separator\" w:id=\"0\">" + p(null, "<w:r><w:separator/></w:r>")
                        + "</w:footnote><w:footnote w:id=\"1\">" + p(null, run("Working Together to Safeguard Children 2023."))
                        + "</w:footnote></w:footnotes>")));
        CommentsPart comments = new CommentsPart();
        main.addTargetPart(comments);
        comments.setJaxbElement((org.docx4j.wml.Comments) XmlUtils.unmarshalString(
                "<w:comments " + NS + "><w:comment w:id=\"0\" w:author=\"Board secretary\">"
                        + p(null, run("SECRET COMMENT: check this with legal")) + "</w:comment></w:comments>"));
        pkg.save(file.toFile());
    }

    /** A draft of the given body paragraphs and nothing else: no styles named, no lists, no pictures. */
    static void plain(Path file, String body) throws Exception {
        WordprocessingMLPackage pkg = WordprocessingMLPackage.createPackage();
        pkg.getMainDocumentPart().setJaxbElement((org.docx4j.wml.Document) XmlUtils.unmarshalString(
                "<w:document " + NS + "><w:body>" + body + "<w:sectPr/></w:body></w:document>"));
        pkg.save(file.toFile());
    }

    private static String link(MainDocumentPart main, String type, String target) {
        Relationship rel = new org.docx4j.relationships.ObjectFactory().createRelationship();
        rel.setType(type);
        rel.setTarget(target);
        rel.setTargetMode("External");
        main.getRelationshipsPart().addRelationship(rel);
        return rel.getId();
    }

    private static P picture(WordprocessingMLPackage pkg, String format, String alt) throws Exception {
        BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0x005EB8);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, format, png);
        BinaryPartAbstractImage part = BinaryPartAbstractImage.createImagePart(pkg, png.toByteArray());
        Inline inline = part.createImageInline("chart", "chart", 1, 2, false);
        inline.getDocPr().setDescr(alt);
        Drawing drawing = new org.docx4j.wml.ObjectFactory().createDrawing();
        drawing.getAnchorOrInline().add(inline);
        R r = new org.docx4j.wml.ObjectFactory().createR();
        r.getContent().add(drawing);
        P p = new org.docx4j.wml.ObjectFactory().createP();
        p.getContent().add(r);
        return p;
    }

    static String p(String style, String runs) {
        return "<w:p>" + (style == null ? "" : "<w:pPr><w:pStyle w:val=\"" + style + "\"/></w:pPr>")
                + runs + "</w:p>";
    }

    static String item(int numId, int level, String text) {
        return "<w:p><w:pPr><w:pStyle w:val=\"ListParagraph\"/><w:numPr><w:ilvl w:val=\"" + level + "\"/><w:numId w:val=\""
                + numId + "\"/></w:numPr></w:pPr>" + run(text) + "</w:p>";
    }

    static String row(String... cells) {
        StringBuilder s = new StringBuilder("<w:tr>");
        for (String c : cells) {
            s.append("<w:tc>").append(p(null, c)).append("</w:tc>");
        }
        return s.append("</w:tr>").toString();
    }

    static String run(String text) {
        return run(text, "");
    }

    static String run(String text, String props) {
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return "<w:r>" + (props.isEmpty() ? "" : "<w:rPr>" + props + "</w:rPr>") + "<w:t xml:space=\"preserve\">" + escaped
                + "</w:t></w:r>";
    }
}
