package org.safeguardingreport.word;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.docx4j.XmlUtils;
import org.docx4j.model.structure.HeaderFooterPolicy;
import org.docx4j.openpackaging.exceptions.Docx4JException;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.docx4j.openpackaging.parts.Part;
import org.docx4j.openpackaging.parts.WordprocessingML.HeaderPart;
import org.docx4j.openpackaging.parts.WordprocessingML.NumberingDefinitionsPart;
import org.docx4j.openpackaging.parts.relationships.RelationshipsPart;
import org.docx4j.relationships.Relationship;
import org.docx4j.wml.Body;
import org.docx4j.wml.Numbering;
import org.docx4j.wml.NumberFormat;
import org.docx4j.wml.SectPr;

import org.safeguardingreport.model.Template;

/**
 * A Word edition starts as a copy of its template's reference.docx, as pandoc's {@code --reference-doc}:
 * its styles, list numbering, page size and margins, header and footer are kept and its text is
 * replaced. A text watermark in the header (Word's Design &gt; Watermark) is kept on drafts only.
 * Links to outside files are dropped, so opening the edition fetches nothing.
 */
final class Reference {
    /** A4 less 2.54 cm margins, in twentieths of a point: for a reference that gives no page. */
    private static final int A4_TEXT_WIDTH = 9026;

    private final WordprocessingMLPackage pkg;

    private Reference(WordprocessingMLPackage pkg) {
        this.pkg = pkg;
    }

    static Reference open(Template.Binary reference) throws Docx4JException {
        Wml.ensureVersionRead();
        WordprocessingMLPackage pkg;
        try {
            pkg = WordprocessingMLPackage.load(new ByteArrayInputStream(reference.content()));
        } catch (Docx4JException | RuntimeException e) {
            throw new Docx4JException(reference.file() + ": the Word reference document cannot be read: " + e.getMessage(), e);
        }
        Body body = pkg.getMainDocumentPart().getJaxbElement().getBody();
        SectPr last = body.getSectPr();
        body.getContent().clear();
        if (last == null) {
            body.setSectPr(Wml.F.createSectPr());
        }
        // styles the editions use, from docx4j's own set where the reference does not define them
        for (String style : List.of("Title", "Subtitle", "Heading1", "Heading2", "Heading3", "Heading4", "Heading5",
                "Heading6", "Caption", "Hyperlink", "TOCHeading", "TOC1", "TOC2", "TOC3", "Header", "Footer",
                "ListParagraph")) {
            pkg.getMainDocumentPart().getPropertyResolver().activateStyle(style);
        }
        for (Part part : pkg.getParts().getParts().values()) {
            dropOutsideLinks(part.getRelationshipsPart());
        }
        dropOutsideLinks(pkg.getRelationshipsPart());
        return new Reference(pkg);
    }

    private static void dropOutsideLinks(RelationshipsPart rels) {
        if (rels == null) {
            return;
        }
        List<Relationship> outside = new ArrayList<>();
        for (Relationship r : rels.getRelationships().getRelationship()) {
            if ("External".equalsIgnoreCase(r.getTargetMode())) {
                outside.add(r);
            }
        }
        outside.forEach(r -> rels.getRelationships().getRelationship().remove(r));
    }

    /** Word refreshes the fields (the contents' page numbers) when it opens the edition. */
    void updateFieldsOnOpen() throws Docx4JException {
        org.docx4j.openpackaging.parts.WordprocessingML.DocumentSettingsPart settings =
                pkg.getMainDocumentPart().getDocumentSettingsPart();
        if (settings == null) {
            settings = new org.docx4j.openpackaging.parts.WordprocessingML.DocumentSettingsPart();
            settings.setJaxbElement(Wml.F.createCTSettings());
            pkg.getMainDocumentPart().addTargetPart(settings);
        }
        settings.getJaxbElement().setUpdateFields(new org.docx4j.wml.BooleanDefaultTrue());
    }

    WordprocessingMLPackage pkg() {
        return pkg;
    }

    private SectPr section() {
        return pkg.getMainDocumentPart().getJaxbElement().getBody().getSectPr();
    }

    /** The width of the text between the margins, in twentieths of a point. */
    int textWidth() {
        SectPr s = section();
        if (s.getPgSz() == null || s.getPgSz().getW() == null) {
            return A4_TEXT_WIDTH;
        }
        long w = s.getPgSz().getW().longValue();
        if (s.getPgMar() != null) {
            w -= value(s.getPgMar().getLeft()) + value(s.getPgMar().getRight());
        }
        return w > 1000 ? (int) w : A4_TEXT_WIDTH;
    }

    private static long value(BigInteger b) {
        return b == null ? 0 : b.longValue();
    }

    /**
     * The running header: {@code text} on top of the reference's header (made when it has none),
     * its text watermark kept on drafts only; a footer with "Page X of Y" where the reference has none.
     */
    void header(String text, boolean draft) throws Docx4JException {
        HeaderFooterPolicy policy = pkg.getDocumentModel().getSections().get(0).getHeaderFooterPolicy();
        HeaderPart header = policy == null ? null : policy.getDefaultHeader();
        if (header == null) {
            header = Wml.addHeader(pkg);
        }
        List<Object> content = header.getJaxbElement().getContent();
        if (!draft) {
            content.removeIf(o -> XmlUtils.marshaltoString(o, true, false).contains("textpath"));
        }
        if (!text.isBlank()) {
            content.add(0, Wml.para("Header", Wml.run(text)));
        }
        if (content.isEmpty()) {
            content.add(Wml.para("Header"));
        }
        if (policy == null || policy.getDefaultFooter() == null) {
            Wml.addFooter(pkg);
        }
    }

    /**
     * The reference's abstract list definitions for bullets and for numbers (the first of each kind,
     * by the format of its first level), and the highest list number already taken.
     */
    ListDefinitions lists() throws Docx4JException {
        NumberingDefinitionsPart part = pkg.getMainDocumentPart().getNumberingDefinitionsPart();
        BigInteger bullets = null;
        BigInteger numbers = null;
        int taken = 0;
        if (part != null) {
            Numbering n = part.getJaxbElement();
            for (Numbering.AbstractNum a : n.getAbstractNum()) {
                if (a.getLvl().isEmpty() || a.getLvl().get(0).getNumFmt() == null) {
                    continue;
                }
                boolean bullet = a.getLvl().get(0).getNumFmt().getVal() == NumberFormat.BULLET;
                if (bullet && bullets == null) {
                    bullets = a.getAbstractNumId();
                } else if (!bullet && numbers == null) {
                    numbers = a.getAbstractNumId();
                }
            }
            for (Numbering.Num num : n.getNum()) {
                taken = Math.max(taken, num.getNumId().intValue());
            }
        }
        return new ListDefinitions(part, bullets, numbers, taken);
    }

    record ListDefinitions(NumberingDefinitionsPart part, BigInteger bullets, BigInteger numbers, int taken) {
        boolean complete() {
            return part != null && bullets != null && numbers != null;
        }
    }

    /** The project's own reference document, for what a Trust's reference lacks. */
    static Reference defaults() throws Docx4JException {
        try (java.io.InputStream in = Reference.class.getResourceAsStream("/report-templates/reference.docx")) {
            if (in == null) {
                throw new Docx4JException("the default Word reference document is missing from the installation");
            }
            return open(new Template.Binary("report-templates/reference.docx", in.readAllBytes()));
        } catch (java.io.IOException e) {
            throw new Docx4JException("the default Word reference document cannot be read", e);
        }
    }
}
