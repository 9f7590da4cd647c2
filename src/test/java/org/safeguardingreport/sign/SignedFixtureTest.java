package org.safeguardingreport.sign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguardingreport.pdf.PageIndex;
import org.safeguardingreport.pdf.SourceFiles;

/**
 * The committed signed PDF ({@link SignedFixture}) is still what the fast tests take it for: a final
 * report whose one signature verifies with the current code and with poppler's pdfsig, and which
 * carries exactly the bundle {@link SignedFixture} describes. If a change to the build or to the
 * verifier breaks this, make the fixture again as {@link SignedFixture} says.
 */
class SignedFixtureTest {
    @TempDir
    Path tmp;

    Path file() throws Exception {
        return Files.write(tmp.resolve("small-final.pdf"), SignedFixture.bytes());
    }

    @Test
    void theCommittedSignedPdfStillVerifies() throws Exception {
        List<Verifier.Result> results = Verifier.verify(file());
        assertEquals(1, results.size());
        Verifier.Result v = results.get(0);
        assertTrue(v.intact(), v.toString());
        assertTrue(v.coversWholeFile(), v.toString());
        assertEquals(0, v.bytesAfter());
        assertNull(v.problem());
        assertEquals(SignedFixture.SIGNER, v.signer());
        assertEquals("Approved by " + SignedFixture.BODY, v.reason());
        assertNotNull(v.time());
    }

    @Test
    void popplerAgreesThatTheWholeDocumentIsSignedAndValid() throws Exception {
        boolean has = new ProcessBuilder("sh", "-c", "command -v pdfsig").start().waitFor() == 0;
        assertTrue(has, "pdfsig is not installed: install poppler-utils (apt-get install poppler-utils)");
        Process p = new ProcessBuilder("pdfsig", file().toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        assertTrue(out.contains("Signature is Valid") && out.contains("Total document signed"), out);
        assertTrue(out.contains("Common Name: " + SignedFixture.SIGNER), out);
    }

    @Test
    void itCarriesExactlyTheBundleItWasMadeFrom() throws Exception {
        Map<String, byte[]> inside = SourceFiles.extract(file());
        Path root = SignedFixture.bundle(tmp).root;
        Set<String> written = new TreeSet<>();
        try (var walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).forEach(f -> written.add(root.relativize(f).toString().replace('\\', '/')));
        }
        Set<String> expected = new TreeSet<>(written);
        expected.add(PageIndex.FILE);
        assertEquals(expected, new TreeSet<>(inside.keySet()));
        for (String f : written) {
            assertArrayEquals(Files.readAllBytes(root.resolve(f)), inside.get(f), f);
        }
        PageIndex index = PageIndex.fromJson(inside.get(PageIndex.FILE)).orElseThrow();
        try (PDDocument doc = Loader.loadPDF(SignedFixture.bytes())) {
            assertEquals(doc.getNumberOfPages(), index.pages());
        }
    }

    @Test
    void theBytesBeforeTheSignatureAreTheUnsignedReport() throws Exception {
        byte[] signed = SignedFixture.bytes();
        byte[] unsigned = SignedFixture.unsigned();
        try (PDDocument s = Loader.loadPDF(signed); PDDocument u = Loader.loadPDF(unsigned)) {
            assertEquals(0, u.getSignatureDictionaries().size());
            assertEquals(s.getNumberOfPages(), u.getNumberOfPages());
            int[] range = s.getSignatureDictionaries().get(0).getByteRange();
            assertTrue(unsigned.length < range[1], "the signature's /Contents lies in the update after the unsigned file");
        }
        for (int i = 0; i < unsigned.length; i++) {
            if (unsigned[i] != signed[i]) {
                throw new AssertionError("byte " + i + " differs");
            }
        }
    }
}
