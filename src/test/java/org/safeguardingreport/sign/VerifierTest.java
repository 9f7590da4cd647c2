package org.safeguardingreport.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureInterface;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the verifier says of a signed PDF and of every way one can be changed after signing: the
 * committed signed report ({@link SignedFixture}) tampered with in memory, and small PDFs signed
 * here with odd signatures. Nothing is built.
 */
class VerifierTest {
    @TempDir
    static Path tmp;
    static SigningKey ec;

    @BeforeAll
    static void key() throws Exception {
        ec = SignedFixture.key("Sam Patel", "EC");
    }

    static List<Verifier.Result> verify(byte[] pdf) throws IOException {
        Path p = Files.write(tmp.resolve("v" + System.nanoTime() + ".pdf"), pdf);
        return Verifier.verify(p);
    }

    static Verifier.Result only(byte[] pdf) throws IOException {
        List<Verifier.Result> r = verify(pdf);
        assertEquals(1, r.size(), r.toString());
        return r.get(0);
    }

    static int[] range(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return doc.getSignatureDictionaries().get(0).getByteRange();
        }
    }

    static int indexOf(byte[] in, String what, int from) {
        return new String(in, StandardCharsets.ISO_8859_1).indexOf(what, from);
    }

    /** A one-page PDF with nothing on it. */
    static byte[] blank() throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** {@code pdf} with one more signature, made by {@code cms}, appended as an incremental update. */
    static byte[] signed(byte[] pdf, String name, Calendar when, SignatureInterface cms) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDSignature sig = new PDSignature();
            sig.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            sig.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
            sig.setName(name);
            sig.setReason("Checked");
            sig.setSignDate(when);
            doc.addSignature(sig, cms);
            doc.saveIncremental(out);
            return out.toByteArray();
        }
    }

    static Calendar at(int year, int month, int day, int hour) {
        Calendar c = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        c.clear();
        c.set(year, month - 1, day, hour, 0, 0);
        return c;
    }

    @Test
    void theSignedReportIsIntactAndCoversTheFile() throws Exception {
        Verifier.Result v = only(SignedFixture.bytes());
        assertTrue(v.ok());
        assertEquals(SignedFixture.SIGNER, v.name(), "the signature's /Name");
        assertEquals(SignedFixture.SIGNER, v.signer(), "the certificate's common name");
        assertEquals(0, v.bytesAfter());
        assertNull(v.problem());
    }

    @Test
    void aByteChangedInTheSignedReportIsCaughtWhileTheSignerIsStillNamed() throws Exception {
        byte[] b = SignedFixture.bytes();
        int[] r = range(b);
        b[r[0] + r[1] / 2] ^= 0x01;
        Verifier.Result v = only(b);
        assertFalse(v.intact());
        assertFalse(v.ok());
        assertTrue(v.coversWholeFile(), "the range itself is untouched");
        // the signed attributes hold the digest of the signed bytes: Bouncy Castle throws on a mismatch
        assertEquals("the signed bytes have changed since signing, or the signature is damaged "
                + "(CMSSignerDigestMismatchException)", v.problem());
        assertEquals(SignedFixture.SIGNER, v.signer());
    }

    @Test
    void aChangedSignatureValueIsCaughtAsChangedBytes() throws Exception {
        byte[] b = SignedFixture.bytes();
        int[] r = range(b);
        // find the signature value (what the key signed) in the /Contents hex string and change one digit of it
        byte[] value;
        try (PDDocument doc = Loader.loadPDF(b)) {
            byte[] cms = doc.getSignatureDictionaries().get(0).getContents(b);
            value = new org.bouncycastle.cms.CMSSignedData(cms).getSignerInfos().getSigners().iterator().next().getSignature();
        }
        String contents = new String(b, r[1], r[2] - r[1], StandardCharsets.ISO_8859_1).toUpperCase(java.util.Locale.ROOT);
        int in = contents.indexOf(org.bouncycastle.util.encoders.Hex.toHexString(value).toUpperCase(java.util.Locale.ROOT));
        assertTrue(in > 0, "the signature value is in /Contents");
        int at = r[1] + in + value.length;
        b[at] = (byte) (b[at] == '0' ? '1' : '0');
        Verifier.Result v = only(b);
        assertFalse(v.intact());
        assertEquals("the signed bytes have changed since signing", v.problem(), "the signature no longer matches them");
        assertEquals(SignedFixture.SIGNER, v.signer());
        assertTrue(v.coversWholeFile());
    }

    @Test
    void aReasonChangedAfterSigningIsCaught() throws Exception {
        byte[] b = SignedFixture.bytes();
        int[] r = range(b);
        String reason = "Approved by " + SignedFixture.BODY;
        int at = indexOf(b, reason, SignedFixture.unsigned().length);
        assertTrue(at > 0 && (at + reason.length() <= r[1] || at >= r[2]), "the reason, in the signature's update, is signed");
        b[at + reason.length() - 1] = 'e';
        Verifier.Result v = only(b);
        assertEquals("Approved by Trust Boare", v.reason(), "the changed reason is read");
        assertFalse(v.intact());
        assertFalse(v.ok());
    }

    @Test
    void bytesAppendedAfterSigningAreCountedAndTheFileIsNotCovered() throws Exception {
        byte[] b = SignedFixture.bytes();
        String extra = "% added after signing\n";
        byte[] grown = Arrays.copyOf(b, b.length + extra.length());
        System.arraycopy(extra.getBytes(StandardCharsets.ISO_8859_1), 0, grown, b.length, extra.length());
        Verifier.Result v = only(grown);
        assertTrue(v.intact(), "what was signed is unchanged");
        assertFalse(v.coversWholeFile());
        assertFalse(v.ok());
        assertEquals(extra.length(), v.bytesAfter());
        assertNull(v.problem());
    }

    @Test
    void aDamagedSignatureIsNamedDamaged() throws Exception {
        byte[] b = SignedFixture.bytes();
        int[] r = range(b);
        // /Contents is the hex string between the two parts: <3082...>; spoil its first bytes
        assertEquals('<', b[r[1]]);
        Arrays.fill(b, r[1] + 1, r[1] + 33, (byte) '0');
        Verifier.Result v = only(b);
        assertFalse(v.intact());
        assertTrue(v.problem().startsWith("the signed bytes have changed since signing, or the signature is damaged ("),
                v.problem());
        assertTrue(v.problem().endsWith("Exception)"), v.problem());
        assertEquals("", v.signer(), "no certificate could be read");
    }

    @Test
    void anUnsignedPdfHasNoSignatureAndATextFileIsNoPdf() throws Exception {
        assertEquals(List.of(), verify(SignedFixture.unsigned()));
        assertThrows(IOException.class, () -> verify("not a PDF at all".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void eachSignatureIsReportedWithItsTimeAndAnUnnamedOneIsNumbered() throws Exception {
        Calendar first = at(2024, 7, 25, 10);
        Calendar second = at(2024, 7, 26, 9);
        byte[] once = signed(blank(), "Sam Patel", first, Signer.cms(ec));
        byte[] twice = signed(once, null, second, Signer.cms(ec));
        List<Verifier.Result> r = verify(twice);
        assertEquals(2, r.size());
        assertEquals("Sam Patel", r.get(0).name());
        assertEquals("signature 2", r.get(1).name(), "no /Name: called by its place");
        assertEquals(first.toInstant(), r.get(0).time().toInstant());
        assertEquals(second.toInstant(), r.get(1).time().toInstant());
        assertEquals("Checked", r.get(1).reason());
        assertTrue(r.get(0).intact() && r.get(1).intact());
        assertFalse(r.get(0).coversWholeFile(), "the second signature's update came after the first");
        assertEquals(twice.length - once.length, r.get(0).bytesAfter());
        assertTrue(r.get(1).ok());
        assertEquals("Sam Patel", r.get(1).signer());
    }

    @Test
    void aCertificateWithoutACommonNameIsNamedByItsWholeSubject() throws Exception {
        String subject = "O=Kennet Valley Hospitals NHS Foundation Trust, C=GB";
        Verifier.Result v = only(signed(blank(), "Board", at(2024, 7, 25, 10), Signer.cms(SignedFixture.keyFor(subject, "EC"))));
        assertTrue(v.ok(), v.toString());
        assertNull(v.problem());
        assertEquals(new X500Name(subject).toString(), v.signer());
    }

    @Test
    void aSignatureThatCarriesNoCertificateIsNotIntact() throws Exception {
        SignatureInterface bare = content -> {
            try {
                CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
                gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                        .build(new JcaContentSignerBuilder("SHA256withECDSA").build(ec.key()), ec.certificate()));
                return gen.generate(new CMSProcessableByteArray(content.readAllBytes()), false).getEncoded();
            } catch (Exception e) {
                throw new IOException(e);
            }
        };
        Verifier.Result v = only(signed(blank(), "Sam Patel", at(2024, 7, 25, 10), bare));
        assertFalse(v.intact());
        assertFalse(v.ok());
        assertEquals("the signature carries no certificate", v.problem());
        assertEquals("", v.signer());
        assertTrue(v.coversWholeFile(), "its range is sound; only the certificate is missing");
    }

    /** A PDF holding a signature field whose signature has the given /ByteRange and no real signature. */
    static byte[] withRange(int... range) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            PDAcroForm form = new PDAcroForm(doc);
            doc.getDocumentCatalog().setAcroForm(form);
            PDSignatureField field = new PDSignatureField(form);
            PDSignature sig = new PDSignature();
            sig.setByteRange(range);
            sig.setContents(new byte[16]);
            field.getCOSObject().setItem(org.apache.pdfbox.cos.COSName.V, sig);
            form.getFields().add(field);
            doc.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void aRangeOfTwoNumbersHasNoEndAndIsDamaged() throws Exception {
        Verifier.Result v = only(withRange(0, 10));
        assertEquals(-1, v.bytesAfter(), "no end to count from");
        assertFalse(v.coversWholeFile());
        assertFalse(v.intact());
        assertTrue(v.problem().contains("the signature is damaged"), v.problem());
    }

    @Test
    void aRangeEndingAtTheFirstByteLeavesTheWholeFileAfterIt() throws Exception {
        byte[] pdf = withRange(0, 0, 0, 0);
        Verifier.Result v = only(pdf);
        assertEquals(pdf.length, v.bytesAfter());
        assertFalse(v.coversWholeFile());
        assertEquals("signature 1", v.name());
    }

    @Test
    void aResultIsOkOnlyWhenIntactAndCoveringTheFile() {
        assertTrue(new Verifier.Result("s", "x", null, null, true, true, 0, null).ok());
        assertFalse(new Verifier.Result("s", "x", null, null, false, true, 0, null).ok());
        assertFalse(new Verifier.Result("s", "x", null, null, true, false, 3, null).ok());
        assertFalse(new Verifier.Result("s", "x", null, null, false, false, 3, null).ok());
    }
}
