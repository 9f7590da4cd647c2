package org.safeguardingreport.sign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguardingreport.Cli;
import org.safeguardingreport.PdfText;
import org.safeguardingreport.pdf.SourceFiles;
import org.safeguardingreport.pdf.PageIndex;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/** Signing, verifying, tampering and archiving, on the sample's final build. */
public class SignTest {
    static final Path SAMPLE = Path.of(System.getProperty("report.home", "."), "content", "north-wessex-2023-24");
    public static final char[] PASSWORD = "correct horse".toCharArray();

    @TempDir
    static Path tmp;
    static Path keystore;
    static Path signedReport;
    static Path signedAudit;

    /** A self-signed certificate valid from {@code from} to {@code to}, in a PKCS#12 keystore. */
    public static Path keystore(Path file, Instant from, Instant to) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair kp = g.generateKeyPair();
        X500Name name = new X500Name("CN=Dr A. Jones, O=North Wessex Community Health NHS Trust, C=GB");
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
                BigInteger.valueOf(System.nanoTime()), Date.from(from), Date.from(to), name, kp.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(kp.getPrivate())));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("board", kp.getPrivate(), PASSWORD, new Certificate[] {cert});
        try (OutputStream out = Files.newOutputStream(file)) {
            ks.store(out, PASSWORD);
        }
        return file;
    }

    @BeforeAll
    static void signTheSample() throws Exception {
        keystore = keystore(tmp.resolve("trust.p12"), Instant.now().minus(1, ChronoUnit.DAYS), Instant.now().plus(365, ChronoUnit.DAYS));
        Cli r = Cli.run("build", SAMPLE.toString(), "--final", "-o", tmp.resolve("final").toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("The final PDFs are not digitally signed"), r.out());
        SigningKey key = SigningKey.load(keystore, PASSWORD);
        Signer.Approval approval = new Signer.Approval("Dr A. Jones", "Chief Executive", "Trust Board", "25 July 2024");
        signedReport = tmp.resolve("final/annual-report.pdf");
        signedAudit = tmp.resolve("final/audit.pdf");
        Files.write(signedReport, Signer.sign(Files.readAllBytes(signedReport), key, approval));
        Files.write(signedAudit, Signer.sign(Files.readAllBytes(signedAudit), key, approval));
    }

    @Test
    void aSignedReportVerifies() throws Exception {
        List<Verifier.Result> results = Verifier.verify(signedReport);
        assertEquals(1, results.size());
        Verifier.Result v = results.get(0);
        assertTrue(v.intact() && v.coversWholeFile(), v.toString());
        assertEquals("Dr A. Jones", v.signer());
        assertEquals("Approved by Trust Board", v.reason());
        Cli cli = Cli.run("verify", signedReport.toString());
        assertEquals(0, cli.status(), cli.err());
        assertTrue(cli.out().contains("signer:  Dr A. Jones") && cli.out().contains("covers:  the whole file"), cli.out());
        assertEquals(0, Cli.run("verify", signedAudit.toString()).status());
        try (PDDocument doc = Loader.loadPDF(signedReport.toFile())) {
            var widget = doc.getSignatureFields().get(0).getWidgets().get(0);
            assertTrue(widget.getRectangle().getWidth() > 100, "a visible signature");
            String page = new org.apache.pdfbox.text.PDFTextStripper() {
                { setStartPage(doc.getPages().indexOf(widget.getPage()) + 1); setEndPage(getStartPage()); }
            }.getText(doc);
            assertTrue(page.contains("On behalf of"), "placed on the sign-off block's page");
        }
    }

    @Test
    void aChangedByteIsCaughtAndNamed() throws Exception {
        byte[] bytes = Files.readAllBytes(signedReport);
        int[] range;
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            range = doc.getSignatureDictionaries().get(0).getByteRange();
        }
        int at = range[0] + range[1] / 2;
        bytes[at] ^= 0x01;
        Path tampered = tmp.resolve("tampered.pdf");
        Files.write(tampered, bytes);
        Cli cli = Cli.run("verify", tampered.toString());
        assertEquals(1, cli.status());
        assertTrue(cli.err().contains("signature \"Dr A. Jones\" is not intact"), cli.err());
        assertFalse(Verifier.verify(tampered).get(0).intact());
    }

    @Test
    void anUpdateAppendedAfterSigningIsReported() throws Exception {
        Path updated = tmp.resolve("updated.pdf");
        try (PDDocument doc = Loader.loadPDF(signedReport.toFile())) {
            doc.getDocumentInformation().setTitle("Changed after signing");
            doc.getDocumentInformation().getCOSObject().setNeedToBeUpdated(true);
            try (OutputStream out = Files.newOutputStream(updated)) {
                doc.saveIncremental(out);
            }
        }
        Verifier.Result v = Verifier.verify(updated).get(0);
        assertTrue(v.intact(), "the signed bytes themselves are unchanged");
        assertFalse(v.coversWholeFile());
        Cli cli = Cli.run("verify", updated.toString());
        assertEquals(1, cli.status());
        assertTrue(cli.err().contains("does not cover the whole file") && cli.err().contains("bytes were added after signing"),
                cli.err());
    }

    @Test
    void theSourceDataTravelsInsideThePdf() throws Exception {
        Map<String, byte[]> inside = SourceFiles.extract(signedReport);
        // every file of the sample's folder, as the author wrote it
        Map<String, byte[]> bundle = new java.util.HashMap<>();
        try (var walk = java.nio.file.Files.walk(SAMPLE)) {
            for (Path f : walk.filter(java.nio.file.Files::isRegularFile).toList()) {
                bundle.put(SAMPLE.relativize(f).toString().replace('\\', '/'), java.nio.file.Files.readAllBytes(f));
            }
        }
        java.util.Set<String> expected = new java.util.TreeSet<>(bundle.keySet());
        expected.add(PageIndex.FILE);
        assertEquals(expected, new java.util.TreeSet<>(inside.keySet()));
        assertTrue(expected.containsAll(List.of("report.json", "audit.json", "data/2023-24.json", "narrative/executive-summary.md",
                "images/safeguarding-team-structure.png")), expected.toString());
        for (String f : bundle.keySet()) {
            assertArrayEquals(bundle.get(f), inside.get(f), f);
        }
        // the audit carries the data only
        java.util.Set<String> data = new java.util.TreeSet<>(bundle.keySet());
        data.removeIf(f -> f.startsWith("narrative/") || f.startsWith("images/"));
        assertEquals(data, new java.util.TreeSet<>(SourceFiles.extract(signedAudit).keySet()));
        // the page index is that of this very PDF: a measure's page holds its dashboard row, a standard's page its heading
        PageIndex index = PageIndex.fromJson(inside.get(PageIndex.FILE)).orElseThrow();
        try (PDDocument doc = Loader.loadPDF(signedReport.toFile())) {
            assertEquals(doc.getNumberOfPages(), index.pages());
            String label = org.safeguardingreport.model.MeasureCatalog.get().measure("3b-level-3").orElseThrow().label();
            assertTrue(PdfText.page(doc, index.measure("3b-level-3").orElseThrow()).contains(label), label);
            assertTrue(PdfText.page(doc, index.standard(7).orElseThrow()).contains("Standard 7"));
            for (Map.Entry<String, List<Integer>> q : index.questions().entrySet()) {
                assertFalse(q.getValue().isEmpty(), q.getKey());
            }
        }
        try (PDDocument doc = Loader.loadPDF(signedReport.toFile())) {
            // PDF/A-3: the catalog's /AF lists every embedded file, each with its relationship to the document
            var af = (org.apache.pdfbox.cos.COSArray) doc.getDocumentCatalog().getCOSObject()
                    .getDictionaryObject(org.apache.pdfbox.cos.COSName.getPDFName("AF"));
            var embedded = doc.getDocumentCatalog().getNames().getEmbeddedFiles().getNames();
            assertEquals(embedded.size(), af.size(), "one /AF entry per embedded file");
            java.util.Set<String> named = new java.util.TreeSet<>();
            for (int i = 0; i < af.size(); i++) {
                var spec = (org.apache.pdfbox.cos.COSDictionary) af.getObject(i);
                assertTrue(spec.containsKey(org.apache.pdfbox.cos.COSName.getPDFName("AFRelationship")), spec.toString());
                named.add(spec.getString(org.apache.pdfbox.cos.COSName.UF, spec.getString(org.apache.pdfbox.cos.COSName.F)));
            }
            assertEquals(new java.util.TreeSet<>(embedded.keySet()), named, "the /AF entries are the embedded files");
        }
    }

    @Test
    void theSignedFinalPdfsAreArchivalAndAccessible() throws Exception {
        for (Path pdf : List.of(signedReport, signedAudit)) {
            assertEquals(List.of(), VeraPdf.failures(pdf, PDFAFlavour.PDFA_3_A), pdf + " PDF/A-3a");
            assertEquals(List.of(), VeraPdf.failures(pdf, PDFAFlavour.PDFUA_1), pdf + " PDF/UA-1");
        }
    }

    @Test
    void aWrongPasswordOrAnExpiredCertificateIsAClearError() throws Exception {
        SigningKey.Unusable wrong = assertThrows(SigningKey.Unusable.class,
                () -> SigningKey.load(keystore, "wrong".toCharArray()));
        assertTrue(wrong.getMessage().contains("the password is wrong"), wrong.getMessage());
        Path old = keystore(tmp.resolve("old.p12"), Instant.now().minus(800, ChronoUnit.DAYS), Instant.now().minus(400, ChronoUnit.DAYS));
        SigningKey.Unusable expired = assertThrows(SigningKey.Unusable.class, () -> SigningKey.load(old, PASSWORD));
        assertTrue(expired.getMessage().contains("the signing certificate expired on"), expired.getMessage());
        Files.writeString(tmp.resolve("not.p12"), "plain text", StandardCharsets.UTF_8);
        assertThrows(SigningKey.Unusable.class, () -> SigningKey.load(tmp.resolve("not.p12"), PASSWORD));
    }

    @Test
    void signingNeedsAFinalBuildAndAnUnsignedFileFailsVerify() {
        assertEquals(2, Cli.run("build", SAMPLE.toString(), "--sign", keystore.toString()).status());
        Cli r = Cli.run("verify", tmp.resolve("final/annual-report.docx").toString());
        assertEquals(1, r.status());
        assertFalse(r.err().contains("Exception"), r.err());
    }
}
