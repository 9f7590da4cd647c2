package org.safeguardingreport.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signing the committed small final report as it was built (see {@link SignedFixture#unsigned}):
 * what the signature says, where it is placed, how it is tagged, and what its box shows. Nothing is built.
 */
class SignerTest {
    static final Signer.Approval APPROVAL = new Signer.Approval("Sam Patel", "Chief Executive", "Trust Board", "25 July 2024");

    @TempDir
    static Path tmp;
    static SigningKey key;
    static byte[] signed;

    @BeforeAll
    static void sign() throws Exception {
        key = SignedFixture.key("Sam Patel", "EC");
        signed = Signer.sign(SignedFixture.unsigned(), key, APPROVAL);
    }

    @Test
    void theSignatureVerifiesAndSaysWhoApprovedItWhyAndWhere() throws Exception {
        List<Verifier.Result> r = Verifier.verify(Files.write(tmp.resolve("signed.pdf"), signed));
        assertEquals(1, r.size());
        assertTrue(r.get(0).ok(), r.toString());
        assertEquals("Sam Patel", r.get(0).signer());
        try (PDDocument doc = Loader.loadPDF(signed)) {
            PDSignature sig = doc.getSignatureDictionaries().get(0);
            assertEquals("Sam Patel", sig.getName());
            assertEquals("Approved by Trust Board", sig.getReason());
            assertEquals("Trust Board", sig.getLocation());
            assertEquals("Adobe.PPKLite", sig.getFilter());
            assertEquals("ETSI.CAdES.detached", sig.getSubFilter());
            // PAdES: the signing certificate's SHA-256 hash is among the signed attributes
            CMSSignedData cms = new CMSSignedData(sig.getContents(signed));
            SignerInformation si = cms.getSignerInfos().getSigners().iterator().next();
            var attr = si.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
            assertNotNull(attr, "signing-certificate-v2");
            byte[] hash = SigningCertificateV2.getInstance(attr.getAttrValues().getObjectAt(0)).getCerts()[0].getCertHash();
            assertEquals(java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.certificate().getEncoded())),
                    java.util.HexFormat.of().formatHex(hash));
            assertEquals("1.2.840.10045.4.3.2", si.getEncryptionAlgOID(), "ECDSA with SHA-256 for an EC key");
            assertEquals(1, cms.getCertificates().getMatches(null).size(), "the chain travels with it");
        }
        // the unsigned bytes are kept as they were: the signature is an update appended to them
        byte[] before = SignedFixture.unsigned();
        assertTrue(java.util.Arrays.equals(before, java.util.Arrays.copyOf(signed, before.length)));
    }

    @Test
    void anRsaKeySignsWithRsa() throws Exception {
        byte[] rsa = Signer.sign(SignedFixture.unsigned(), SignedFixture.key("Sam Patel", "RSA"), APPROVAL);
        try (PDDocument doc = Loader.loadPDF(rsa)) {
            PDSignature sig = doc.getSignatureDictionaries().get(0);
            SignerInformation si = new CMSSignedData(sig.getContents(rsa)).getSignerInfos().getSigners().iterator().next();
            assertEquals("1.2.840.113549.1.1.11", si.getEncryptionAlgOID(), "SHA-256 with RSA");
        }
        assertTrue(Verifier.verify(Files.write(tmp.resolve("rsa.pdf"), rsa)).get(0).ok());
    }

    /** The page (from 0) and the baseline, measured from the bottom, of the first "On behalf of" in the PDF. */
    static float[] anchor(PDDocument doc) throws IOException {
        float[] found = {-1, 0};
        new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
                if (found[0] < 0 && text.contains("On behalf of")) {
                    found[0] = getCurrentPageNo() - 1;
                    found[1] = getCurrentPage().getMediaBox().getHeight() - positions.get(0).getYDirAdj();
                }
            }
        }.getText(doc);
        return found;
    }

    @Test
    void theVisibleSignatureSitsBesideTheSignOffOnTheRightOfItsPage() throws Exception {
        try (PDDocument doc = Loader.loadPDF(signed)) {
            float[] a = anchor(doc);
            assertTrue(a[0] >= 0, "the fixture has a sign-off block");
            PDAnnotationWidget w = doc.getSignatureFields().get(0).getWidgets().get(0);
            assertEquals((int) a[0], doc.getPages().indexOf(w.getPage()));
            PDRectangle r = w.getRectangle();
            float width = w.getPage().getMediaBox().getWidth();
            assertEquals(230, r.getWidth(), 0.01);
            assertEquals(64, r.getHeight(), 0.01);
            assertEquals(width - 61, r.getUpperRightX(), 0.01, "inside the right margin");
            assertEquals(a[1], r.getLowerLeftY() + 32, 0.01, "level with the words, centred on their baseline");
            assertTrue(w.isPrinted());
        }
    }

    @Test
    void theSignatureFieldIsDescribedAndTaggedAsAFormInTheStructure() throws Exception {
        String description = "Digital signature of Sam Patel, Chief Executive, approving for the Trust Board";
        try (PDDocument before = Loader.loadPDF(SignedFixture.unsigned()); PDDocument doc = Loader.loadPDF(signed)) {
            int next = before.getDocumentCatalog().getStructureTreeRoot().getParentTreeNextKey();
            PDSignatureField field = doc.getSignatureFields().get(0);
            assertEquals(description, field.getAlternateFieldName());
            PDAnnotationWidget w = field.getWidgets().get(0);
            var root = doc.getDocumentCatalog().getStructureTreeRoot();
            assertEquals(next, w.getStructParent(), "the next key of the parent tree");
            assertEquals(next + 1, root.getParentTreeNextKey());
            Object form = root.getParentTree().getValue(next);
            PDStructureElement e = new PDStructureElement((org.apache.pdfbox.cos.COSDictionary)
                    ((org.apache.pdfbox.pdmodel.common.COSObjectable) form).getCOSObject());
            assertEquals("Form", e.getStructureType());
            assertEquals(description, e.getAlternateDescription());
            assertEquals(w.getPage().getCOSObject(), e.getPage().getCOSObject());
            var ref = (org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDObjectReference) e.getKids().get(0);
            assertEquals(w.getCOSObject(), ref.getReferencedObject().getCOSObject());
            assertTrue(e.getParent() instanceof PDStructureElement, "under the document's first element, not the root");
            assertTrue(((PDStructureElement) e.getParent()).getKids().stream()
                    .anyMatch(k -> k instanceof PDStructureElement x && x.getCOSObject() == e.getCOSObject()), "and it is the parent's kid");
        }
    }

    /** The text the signature's box shows, read from its appearance stream. */
    static String appearanceText(PDDocument doc) throws IOException {
        var stream = doc.getSignatureFields().get(0).getWidgets().get(0).getAppearance().getNormalAppearance().getAppearanceStream();
        try (PDDocument page = new PDDocument()) {
            PDPage p = new PDPage(stream.getBBox());
            p.setResources(stream.getResources());
            var contents = new org.apache.pdfbox.pdmodel.common.PDStream(page);
            try (var out = contents.createOutputStream(); var in = stream.getContents()) {
                in.transferTo(out);
            }
            p.setContents(contents);
            page.addPage(p);
            return new PDFTextStripper().getText(page);
        }
    }

    @Test
    void theBoxSaysWhoSignedForWhomWhenAndWhy() throws Exception {
        try (PDDocument doc = Loader.loadPDF(signed)) {
            List<String> lines = appearanceText(doc).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            assertEquals(5, lines.size(), lines.toString());
            assertEquals("Digitally signed by Sam Patel", lines.get(0));
            assertEquals("Chief Executive, on behalf of the Trust Board", lines.get(1));
            assertEquals("Approved 25 July 2024", lines.get(2));
            String when = java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", java.util.Locale.getDefault())
                    .format(doc.getSignatureDictionaries().get(0).getSignDate().toInstant().atZone(java.time.ZoneOffset.UTC));
            assertEquals("Signed " + when, lines.get(3));
            assertEquals("Reason: Approved by Trust Board", lines.get(4));
        }
    }

    @Test
    void aPdfWithoutASignOffIsSignedOnItsLastPageAndWithoutStructureIsLeftUntagged() throws Exception {
        byte[] two;
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage(PDRectangle.A4));
            doc.addPage(new PDPage(PDRectangle.A4));
            doc.save(out);
            two = out.toByteArray();
        }
        byte[] s = Signer.sign(two, key, APPROVAL);
        assertTrue(Verifier.verify(Files.write(tmp.resolve("plain.pdf"), s)).get(0).ok());
        try (PDDocument doc = Loader.loadPDF(s)) {
            PDSignatureField field = doc.getSignatureFields().get(0);
            PDAnnotationWidget w = field.getWidgets().get(0);
            assertEquals(1, doc.getPages().indexOf(w.getPage()), "the last page");
            assertEquals(120 - 32, w.getRectangle().getLowerLeftY(), 0.01, "centred 120 pt above the foot");
            assertEquals("Digital signature of Sam Patel, Chief Executive, approving for the Trust Board",
                    field.getAlternateFieldName());
        }
    }
}
