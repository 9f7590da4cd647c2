package org.safeguardingreport.sign;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureInterface;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signs a finished PDF with a CMS signature (PAdES baseline: ETSI.CAdES.detached with the
 * signing-certificate-v2 attribute), saved as an incremental update so the signed bytes are the
 * document as built. The signature is visible beside the sign-off block, which is found in the
 * PDF's own text, and shows who approved the report, their role, the body and the date.
 */
public final class Signer {
    /** Words of the sign-off table next to which the visible signature is placed. */
    static final String ANCHOR = "On behalf of";

    /** What the visible signature says. */
    public record Approval(String approvedBy, String role, String body, String date) {
    }

    private Signer() {
    }

    public static byte[] sign(byte[] pdf, SigningKey key, Approval approval) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDSignature sig = new PDSignature();
            sig.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            sig.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            sig.setName(approval.approvedBy());
            sig.setReason("Approved by " + approval.body());
            sig.setLocation(approval.body());
            sig.setSignDate(Calendar.getInstance());
            Placement where = placement(doc);
            try (SignatureOptions options = new SignatureOptions()) {
                options.setPreferredSignatureSize(SignatureOptions.DEFAULT_SIGNATURE_SIZE * 2);
                options.setPage(where.page());
                options.setVisualSignature(appearance(doc, where, approval, sig.getSignDate()));
                doc.addSignature(sig, cms(key), options);
                java.util.Set<org.apache.pdfbox.cos.COSDictionary> changed = tagSignatureField(doc, approval);
                ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 65536);
                doc.saveIncremental(out, changed);
                return out.toByteArray();
            }
        }
    }

    private record Placement(int page, PDRectangle rect) {
    }

    /**
     * PDF/UA: the signature field gets a description (TU) and its widget a Form element in the
     * structure tree, so the signed report stays as accessible as it was built. Answers the
     * dictionaries that changed, for the incremental update.
     */
    private static java.util.Set<org.apache.pdfbox.cos.COSDictionary> tagSignatureField(PDDocument doc, Approval a)
            throws IOException {
        java.util.Set<org.apache.pdfbox.cos.COSDictionary> changed = new java.util.HashSet<>();
        List<PDSignatureField> fields = doc.getSignatureFields();
        PDSignatureField field = fields.get(fields.size() - 1);
        String description = "Digital signature of " + a.approvedBy() + ", " + a.role() + ", approving for the " + a.body();
        field.setAlternateFieldName(description);
        changed.add(field.getCOSObject());
        PDAnnotationWidget widget = field.getWidgets().get(0);
        var root = doc.getDocumentCatalog().getStructureTreeRoot();
        if (root == null) {
            return changed;
        }
        org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode parent = root;
        for (Object kid : root.getKids()) {
            if (kid instanceof org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement e) {
                parent = e;
                break;
            }
        }
        var form = new org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement("Form", parent);
        form.setAlternateDescription(description);
        PDPage page = widget.getPage() != null ? widget.getPage() : doc.getPage(doc.getNumberOfPages() - 1);
        form.setPage(page);
        var ref = new org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDObjectReference();
        ref.setReferencedObject(widget);
        ref.setPage(page);
        form.appendKid(ref);
        parent.appendKid(form);
        int key = root.getParentTreeNextKey();
        widget.setStructParent(key);
        var tree = root.getParentTree();
        java.util.Map<Integer, org.apache.pdfbox.pdmodel.common.COSObjectable> numbers = new java.util.HashMap<>(tree.getNumbers());
        numbers.put(key, form);
        tree.setNumbers(numbers);
        root.setParentTreeNextKey(key + 1);
        changed.add(root.getCOSObject());
        changed.add(parent.getCOSObject());
        changed.add(tree.getCOSObject());
        changed.add(widget.getCOSObject());
        changed.add(page.getCOSObject());
        changed.add(doc.getDocumentCatalog().getCOSObject());
        return changed;
    }

    /** Beside the sign-off table: on the right half of its page, level with "On behalf of". */
    private static Placement placement(PDDocument doc) throws IOException {
        int[] page = {-1};
        float[] y = {0};
        PDFTextStripper s = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) throws IOException {
                if (text.contains(ANCHOR) && !positions.isEmpty()) {
                    page[0] = getCurrentPageNo() - 1;
                    y[0] = positions.get(0).getYDirAdj();
                }
            }
        };
        s.getText(doc);
        int p = page[0] >= 0 ? page[0] : doc.getNumberOfPages() - 1;
        PDRectangle media = doc.getPage(p).getMediaBox();
        float baseline = page[0] >= 0 ? media.getHeight() - y[0] : 120;
        float width = 230;
        float height = 64;
        float x = media.getWidth() - 51 - 10 - width;
        return new Placement(p, new PDRectangle(x, baseline - height / 2, width, height));
    }

    private static InputStream appearance(PDDocument src, Placement where, Approval a, Calendar signed) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(src.getPage(where.page()).getMediaBox());
            doc.addPage(page);
            PDAcroForm form = new PDAcroForm(doc);
            doc.getDocumentCatalog().setAcroForm(form);
            PDSignatureField field = new PDSignatureField(form);
            PDAnnotationWidget widget = field.getWidgets().get(0);
            form.getFields().add(field);
            form.setSignaturesExist(true);
            form.setAppendOnly(true);
            form.getCOSObject().setDirect(true);
            widget.setRectangle(where.rect());
            widget.setPage(page);
            widget.setPrinted(true);
            page.getAnnotations().add(widget);
            PDStream stream = new PDStream(doc);
            PDFormXObject xobject = new PDFormXObject(stream);
            xobject.setResources(new PDResources());
            xobject.setFormType(1);
            xobject.setBBox(new PDRectangle(where.rect().getWidth(), where.rect().getHeight()));
            PDAppearanceDictionary dict = new PDAppearanceDictionary();
            dict.getCOSObject().setDirect(true);
            PDAppearanceStream appearance = new PDAppearanceStream(xobject.getCOSObject());
            dict.setNormalAppearance(appearance);
            widget.setAppearance(dict);
            PDType0Font bold;
            PDType0Font regular;
            try (InputStream b = Signer.class.getResourceAsStream("/fonts/LiberationSans-Bold.ttf");
                 InputStream r = Signer.class.getResourceAsStream("/fonts/LiberationSans-Regular.ttf")) {
                bold = PDType0Font.load(doc, b, true);
                regular = PDType0Font.load(doc, r, true);
            }
            float w = where.rect().getWidth();
            float h = where.rect().getHeight();
            String when = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'").format(
                    signed.toInstant().atZone(ZoneOffset.UTC));
            try (PDPageContentStream cs = new PDPageContentStream(doc, appearance)) {
                cs.setNonStrokingColor(0.91f, 0.93f, 0.93f);
                cs.addRect(0, 0, w, h);
                cs.fill();
                cs.setStrokingColor(0f, 0.37f, 0.72f);
                cs.setLineWidth(1f);
                cs.addRect(0.5f, 0.5f, w - 1, h - 1);
                cs.stroke();
                cs.setNonStrokingColor(0f, 0.19f, 0.53f);
                line(cs, bold, 8.5f, 6, h - 13, "Digitally signed by " + a.approvedBy());
                cs.setNonStrokingColor(0.14f, 0.12f, 0.13f);
                line(cs, regular, 7.5f, 6, h - 25, a.role() + ", on behalf of the " + a.body());
                line(cs, regular, 7.5f, 6, h - 36, "Approved " + a.date());
                line(cs, regular, 7f, 6, h - 47, "Signed " + when);
                line(cs, regular, 7f, 6, h - 57, "Reason: Approved by " + a.body());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return new ByteArrayInputStream(out.toByteArray());
        }
    }

    private static void line(PDPageContentStream cs, PDType0Font font, float size, float x, float y, String text)
            throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(text);
        cs.endText();
    }

    /** The CMS signature over the bytes PDFBox hands over: SHA-256 with RSA or ECDSA, the chain included. */
    static SignatureInterface cms(SigningKey key) {
        return content -> {
            try {
                byte[] data = content.readAllBytes();
                String algorithm = key.key().getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
                ContentSigner signer = new JcaContentSignerBuilder(algorithm).build(key.key());
                byte[] certHash = MessageDigest.getInstance("SHA-256").digest(key.certificate().getEncoded());
                ASN1EncodableVector attrs = new ASN1EncodableVector();
                attrs.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                        new DERSet(new SigningCertificateV2(new ESSCertIDv2(certHash)))));
                CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
                gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                        .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(attrs)))
                        .build(signer, key.certificate()));
                gen.addCertificates(new JcaCertStore(Arrays.asList(key.chain())));
                return gen.generate(new CMSProcessableByteArray(data), false).getEncoded();
            } catch (Exception e) {
                throw new IOException("the signature could not be made: " + e.getMessage(), e);
            }
        };
    }
}
