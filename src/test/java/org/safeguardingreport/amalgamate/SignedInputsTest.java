package org.safeguardingreport.amalgamate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguardingreport.Cli;
import org.safeguardingreport.PdfText;
import org.safeguardingreport.pdf.SourceFiles;
import org.safeguardingreport.sign.SignTest;
import org.safeguardingreport.sign.Signer;
import org.safeguardingreport.sign.SigningKey;
import org.safeguardingreport.sign.Verifier;

/**
 * A commissioner amalgamating providers' signed PDFs: a figure changed after signing must never
 * reach the health report, whether the PDF was rewritten or an update was appended to it.
 */
class SignedInputsTest {
    static final Path SAMPLE = Path.of(System.getProperty("report.home", "."), "content", "north-wessex-2023-24");
    /** The sample's Level 3 figure for Q1 2023/24, and the one an alteration puts in its place. */
    static final String SIGNED = "\"numerator\": 916,\n        \"denominator\": 1088";
    static final String ALTERED = "\"numerator\": 1080,\n        \"denominator\": 1088";

    @TempDir
    static Path tmp;
    static Path signed;
    static Path unsigned;

    @BeforeAll
    static void signTheSample() throws Exception {
        Path ks = SignTest.keystore(tmp.resolve("trust.p12"), Instant.now().minus(1, ChronoUnit.DAYS),
                Instant.now().plus(365, ChronoUnit.DAYS));
        Cli r = Cli.run("build", SAMPLE.toString(), "--final", "-o", tmp.resolve("final").toString());
        assertEquals(0, r.status(), r.err());
        unsigned = Files.createDirectories(tmp.resolve("unsigned")).resolve("north-wessex.pdf");
        Files.copy(tmp.resolve("final/annual-report.pdf"), unsigned);
        signed = Files.createDirectories(tmp.resolve("signed")).resolve("north-wessex.pdf");
        Files.write(signed, Signer.sign(Files.readAllBytes(unsigned), SigningKey.load(ks, SignTest.PASSWORD),
                new Signer.Approval("Dr A. Jones", "Chief Executive", "Trust Board", "25 July 2024")));
        assertTrue(new String(SourceFiles.extract(signed).get("data/2023-24.json"), StandardCharsets.UTF_8).contains(SIGNED));
    }

    /** The signed PDF with its embedded figure changed: the whole file written again, or an update appended. */
    static Path alter(String name, boolean appended) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>(SourceFiles.extract(signed));
        String data = new String(files.get("data/2023-24.json"), StandardCharsets.UTF_8);
        files.put("data/2023-24.json", data.replace(SIGNED, ALTERED).getBytes(StandardCharsets.UTF_8));
        Path out = Files.createDirectories(tmp.resolve(name)).resolve("north-wessex.pdf");
        try (PDDocument doc = Loader.loadPDF(signed.toFile())) {
            SourceFiles.embed(files).apply(doc, null);
            if (appended) {
                doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
                doc.getDocumentCatalog().getNames().getCOSObject().setNeedToBeUpdated(true);
                try (OutputStream o = Files.newOutputStream(out)) {
                    doc.saveIncremental(o);
                }
            } else {
                doc.save(out.toFile());
            }
        }
        // the alteration took: read without a signature check, the PDF now carries the false figure
        assertTrue(new String(SourceFiles.extract(out).get("data/2023-24.json"), StandardCharsets.UTF_8).contains(ALTERED));
        return out;
    }

    @Test
    void aRewrittenSignedPdfIsRefusedAndNamed() throws Exception {
        Path altered = alter("rewritten", false);
        assertFalse(Verifier.verify(altered).get(0).intact());
        Cli r = Cli.run("amalgamate", altered.toString(), "-o", tmp.resolve("never1").toString(), "--final");
        assertEquals(1, r.status(), r.err());
        assertTrue(r.err().contains(altered + ": error: the digital signature fails: the signed bytes have changed since "
                + "signing"), r.err());
        assertFalse(Files.exists(tmp.resolve("never1")));
    }

    @Test
    void anAppendedUpdateIsRefusedAndLeftOutWithItsReasonInTheReport() throws Exception {
        Path altered = alter("appended", true);
        Verifier.Result v = Verifier.verify(altered).get(0);
        assertTrue(v.intact() && !v.coversWholeFile(), "the old signature still verifies over what it signed");
        Cli refused = Cli.run("amalgamate", altered.toString(), "-o", tmp.resolve("never2").toString());
        assertEquals(1, refused.status());
        assertTrue(refused.err().contains("the file was changed after it was signed"), refused.err());

        Path out = tmp.resolve("skipped");
        Cli r = Cli.run("amalgamate", altered.toString(), signed.toString(), "-o", out.toString(), "--skip-invalid");
        assertEquals(0, r.status(), r.err());
        String report = String.join("\n", PdfText.pages(out.resolve("health-annual-report.pdf"))).replaceAll("\\s+", " ");
        assertTrue(report.contains("north-wessex.pdf: its digital signature failed: the file was changed after it was "
                + "signed"), report);
        assertFalse(report.contains("99.3%"), "1080/1088 never reaches the report");
        assertTrue(report.contains("84.2% in Q1"), "the signed figure, from the provider's executive summary: " + report);
        assertTrue(report.contains("Signature valid"), "the provider included, its signature checked: " + report);
        String json = Files.readString(out.resolve("amalgamation.json"));
        assertTrue(json.contains("\"status\" : \"valid\"") && json.contains("\"signer\" : \"Dr A. Jones\""), json);
        assertTrue(json.contains("its digital signature failed"), json);
    }

    @Test
    void damagedDataInAnUnsignedPdfIsCalledDamagedNotAJsonErrorToFix() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>(SourceFiles.extract(unsigned));
        files.put("audit.json", "{\n  \"1.1\": { \"answer\": \"yes, \"comment\": \"x\" }\n}\n".getBytes(StandardCharsets.UTF_8));
        Path damaged = Files.createDirectories(tmp.resolve("damaged")).resolve("north-wessex.pdf");
        try (PDDocument doc = Loader.loadPDF(unsigned.toFile())) {
            SourceFiles.embed(files).apply(doc, null);
            doc.save(damaged.toFile());
        }
        Cli r = Cli.run("amalgamate", damaged.toString(), "-o", tmp.resolve("never3").toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains(damaged + ": error: the report data this PDF carries is damaged and cannot be read (audit.json:2:"),
                r.err());
        assertTrue(r.err().contains("hint: ask the provider for a fresh copy of its final PDF"), r.err());
        assertFalse(r.err().contains("close the text with"), "no advice to edit someone else's PDF: " + r.err());
    }

    @Test
    void unsignedFolderAndValidAreToldApart() throws Exception {
        Path out = tmp.resolve("kinds");
        Path folder = tmp.resolve("folder/other-trust");
        try (var walk = Files.walk(SAMPLE)) {
            for (Path p : walk.toList()) {
                Path t = folder.resolve(SAMPLE.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        Files.writeString(folder.resolve("report.json"), Files.readString(folder.resolve("report.json"))
                .replace("North Wessex Community Health NHS Trust", "Other Valley NHS Trust"));
        Cli r = Cli.run("amalgamate", unsigned.toString(), folder.toString(), "-o", out.toString());
        assertEquals(0, r.status(), r.err());
        String json = Files.readString(out.resolve("amalgamation.json")).replaceAll("\\s+", "");
        assertTrue(json.contains("\"signature\":{\"status\":\"unsigned\"}"), json);
        assertTrue(json.contains("\"signature\":{\"status\":\"folder\"}"), json);
        String report = String.join("\n", PdfText.pages(out.resolve("health-annual-report.pdf"))).replaceAll("\\s+", " ");
        assertTrue(report.contains("Unsigned PDF") && report.contains("Source folder"), report);
    }
}
