package org.safeguardingreport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguardingreport.TestBundle;

/** The packaged program run as its own process, exactly as a user or a script runs it. */
class CommandLineIT {
    static final Path HOME = Path.of(System.getProperty("report.home", ".")).toAbsolutePath();
    static final String JAR = System.getProperty("report.jar", HOME.resolve("target/safeguarding-report.jar").toString());

    @TempDir
    Path tmp;

    record Run(int status, String out, String err) {
    }

    static Run run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(HOME.toFile());
        Path out = Files.createTempFile("out", ".txt");
        Path err = Files.createTempFile("err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "finished in time");
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    static Run jar(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("java", "-jar", JAR));
        cmd.addAll(List.of(args));
        return run(cmd);
    }

    @Test
    void buildReportShWithNoArgumentsBuildsTheSampleIntoOut() throws Exception {
        Run r = run(List.of("./build-report.sh"));
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("Built the draft annual report and audit of North Wessex Community Health NHS Trust, 2023/24"), r.out());
        Path pdf = HOME.resolve("out/north-wessex-2023-24/annual-report.pdf");
        assertTrue(r.out().contains("out/north-wessex-2023-24/annual-report.pdf"), r.out());
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(pdf), 5);
        assertEquals("%PDF-", new String(head, StandardCharsets.US_ASCII));
        assertTrue(Files.readString(HOME.resolve("out/north-wessex-2023-24/build.json")).contains("\"final\" : false"));
        for (String f : List.of("audit.pdf", "audit.docx")) {
            assertTrue(Files.size(HOME.resolve("out/north-wessex-2023-24").resolve(f)) > 1000, f);
        }
        assertEquals("", r.err(), "no library chatter on the terminal");
    }

    @Test
    void theSamplePassesTheFinalCheck() throws Exception {
        Run r = run(List.of("./build-report.sh", "check", "content/north-wessex-2023-24", "--final"));
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("ready for a final build"), r.out());
    }

    @Test
    void eachBadInputExitsOneWithFileLineColumnAndNoStackTrace() throws Exception {
        TestBundle b = new TestBundle(tmp)
                .write("data/2023-24.json", "{\n  \"reportingYear\": \"2023/24\",\n  \"quarters\": { \"Q5\": {} },\n}\n")
                .write("narrative/risk.md", "The Trust\u0092s risks.\n".getBytes(StandardCharsets.ISO_8859_1))
                .write("narrative/standard-1.md", "---\ntitle: !!javax.script.ScriptEngineManager [x]\n---\nText.\n")
                .write("narrative/standard-3.md", "Level 3: {{3b-level-3@Q9}}. {audit=3.9}\n");
        Run r = jar("check", b.root.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("data/2023-24.json:3:27: error: trailing comma: expected a property name after ','"), r.err());
        assertTrue(r.err().contains("narrative/risk.md:1:10: error: the file is not UTF-8: byte 0x92"), r.err());
        assertTrue(r.err().contains("narrative/standard-1.md:2:8: error: YAML tag !!javax.script.ScriptEngineManager"), r.err());
        assertTrue(r.err().contains("narrative/standard-3.md:1:23: error: unknown quarter \"Q9\""), r.err());
        assertTrue(r.err().contains("narrative/standard-3.md:1:36: error: unknown audit question 3.9"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void aKeytoolKeySignsTheFinalSampleAndBothVerifiersAgree() throws Exception {
        Path ks = tmp.resolve("trust.p12");
        Run key = run(List.of("keytool", "-genkeypair", "-alias", "board", "-keyalg", "RSA", "-keysize", "2048",
                "-validity", "365", "-storetype", "PKCS12", "-keystore", ks.toString(), "-storepass", "s3cret-pass",
                "-dname", "CN=Dr A. Jones, O=North Wessex Community Health NHS Trust, C=GB"));
        assertEquals(0, key.status(), key.err());
        Path out = tmp.resolve("signed");
        ProcessBuilder pb = new ProcessBuilder("java", "-jar", JAR, "build", "content/north-wessex-2023-24", "--final",
                "--sign", ks.toString(), "--sign-password-env", "TRUST_KEY_PASSWORD", "-o", out.toString())
                .directory(HOME.toFile()).redirectErrorStream(true);
        pb.environment().put("TRUST_KEY_PASSWORD", "s3cret-pass");
        Process p = pb.start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), said);
        assertTrue(said.contains("The PDFs are digitally signed by CN=Dr A. Jones"), said);
        Run verify = jar("verify", out.resolve("annual-report.pdf").toString());
        assertEquals(0, verify.status(), verify.err());
        assertTrue(verify.out().contains("Valid: every signature is intact and covers the whole file."));
        // another reader's opinion of the signature: poppler's pdfsig (the README lists it; .ci/run installs it)
        boolean hasPdfsig = new ProcessBuilder("sh", "-c", "command -v pdfsig").start().waitFor() == 0;
        assertTrue(hasPdfsig, "pdfsig is not installed: install poppler-utils (apt-get install poppler-utils)");
        Run pdfsig = run(List.of("pdfsig", out.resolve("annual-report.pdf").toString()));
        assertTrue(pdfsig.out().contains("Signature is Valid") && pdfsig.out().contains("Total document signed"), pdfsig.out());
        Run wrong = run(List.of("sh", "-c", "TRUST_KEY_PASSWORD=nope java -jar " + JAR + " build content/north-wessex-2023-24 "
                + "--final --sign " + ks + " --sign-password-env TRUST_KEY_PASSWORD -o " + tmp.resolve("never")));
        assertEquals(1, wrong.status());
        assertTrue(wrong.err().contains("the password is wrong"), wrong.err());
        assertFalse(wrong.err().contains("Exception"), wrong.err());
        assertFalse(Files.exists(tmp.resolve("never")), "nothing written");
    }

    @Test
    void usageErrorExitsTwo() throws Exception {
        Run r = jar("check", "--format", "yaml", "x");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--format"), r.err());
    }

    @Test
    void initThenCheck() throws Exception {
        Path dir = tmp.resolve("new-trust");
        Run init = jar("init", dir.toString(), "--provider", "New Trust");
        assertEquals(0, init.status(), init.err());
        Run check = jar("check", dir.toString(), "--format", "json");
        assertEquals(0, check.status(), check.err());
        assertTrue(check.out().contains("\"ok\" : true"), check.out());
    }
}
