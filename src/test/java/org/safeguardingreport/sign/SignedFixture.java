package org.safeguardingreport.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.StringJoiner;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguardingreport.Cli;
import org.safeguardingreport.TestBundle;
import org.safeguardingreport.bundle.BundleLoader;
import org.safeguardingreport.model.Template;

/**
 * A small provider's final report, built once and signed once, kept as the test resource
 * {@value #RESOURCE} so that the tests of the verifier and of the amalgamation's reading of PDFs
 * load it in milliseconds and tamper with its bytes in memory, instead of building and signing a
 * report before each run (which mutation testing would repeat for every mutant).
 *
 * <p>How it was made: {@link #make} writes the bundle below (dorset-2019, the files of
 * {@link TestBundle} with the data, audit answers and sections given here), runs
 * {@code build --final} on it, and signs the annual report with a self-signed RSA certificate for
 * "{@value #SIGNER}" made on the spot; the certificate travels inside the signature, which is all
 * the verifier reads. To make it again after a change to what a final PDF holds:
 * <pre>
 *   mvn -o -q test -Dtest=SignedFixture -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * (the class's name does not end in Test, so the normal suite does not run it).
 * {@code SignedFixtureTest} proves, in the normal suite, that the committed file still verifies and
 * still carries exactly this bundle, so the resource cannot rot silently.
 */
public class SignedFixture {
    public static final String RESOURCE = "/signed/small-final.pdf";
    public static final String SIGNER = "Dr A. Jones";
    public static final String BODY = "Trust Board";
    public static final String PROVIDER = "North Wessex Community Health NHS Trust";

    /**
     * The figures: level 3 training Green, Amber, Red, Green over the quarters (90.5%, 83.5%, 65.9%,
     * 93.7% against 90 / 76), level 2 Red at Q4 (70.0%), induction Amber at Q4 (80.0%), level 1
     * n/a at Q4 (no one to train), and enhanced DBS 97.8% over the year, Amber under the
     * template's own threshold of 100 / 76.
     */
    public static final String DATA = """
            {
              "reportingYear": "2023/24",
              "quarters": {
                "Q1": {
                  "3b-level-3": { "numerator": 412, "denominator": 455 },
                  "6a-si-steis": 1
                },
                "Q2": {
                  "3b-level-3": { "numerator": 380, "denominator": 455 }
                },
                "Q3": {
                  "3b-level-3": { "numerator": 300, "denominator": 455 }
                },
                "Q4": {
                  "3b-level-3": { "numerator": 431, "denominator": 460 },
                  "3b-level-2": { "numerator": 70, "denominator": 100 },
                  "3a-induction": { "numerator": 80, "denominator": 100 },
                  "3b-level-1": { "numerator": 0, "denominator": 0 }
                }
              },
              "annual": {
                "1c-executive-lead": true,
                "8f-enhanced-dbs": { "numerator": 980, "denominator": 1002 }
              }
            }
            """;

    /** The answer given to the {@code i}th question (from 0) of the template: yes, partial, no, n/a in turn. */
    public static String answer(int i) {
        return List.of("yes", "partial", "no", "n/a").get(i % 4);
    }

    public static final String EXECUTIVE_SUMMARY = "This report gives an overview of the year for the Trust Board.\n";
    public static final String ACHIEVEMENTS = "Level 3 training reached more staff than ever.\n";
    public static final String PRIORITIES = "Level 2 training is the first priority for next year.\n";

    /** The bundle as {@link #make} writes it, in {@code parent}/north-wessex. */
    public static TestBundle bundle(Path parent) {
        TestBundle b = new TestBundle(parent).write("data/2023-24.json", DATA)
                .write("narrative/executive-summary.md", EXECUTIVE_SUMMARY)
                .write("narrative/achievements.md", ACHIEVEMENTS)
                .write("narrative/priorities.md", PRIORITIES);
        Template t = BundleLoader.load(b.root).bundle().orElseThrow().template();
        StringJoiner audit = new StringJoiner(",\n", "{\n", "\n}\n");
        List<Template.AuditQuestion> questions = t.audit().questions();
        for (int i = 0; i < questions.size(); i++) {
            audit.add("  \"" + questions.get(i).id() + "\": { \"answer\": \"" + answer(i) + "\" }");
        }
        return b.write("audit.json", audit.toString());
    }

    /** The committed signed PDF's bytes, fresh for each caller to change. */
    public static byte[] bytes() {
        try (InputStream in = SignedFixture.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the test resources; see SignedFixture");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The PDF as built, before it was signed: the signature was added as an incremental update, so
     * the bytes before the first revision's end-of-file marker are the unsigned final report.
     */
    public static byte[] unsigned() {
        byte[] b = bytes();
        String latin = new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
        int eof = latin.indexOf("%%EOF");
        int end = eof + "%%EOF".length();
        while (end < b.length && (b[end] == '\r' || b[end] == '\n')) {
            end++;
        }
        return java.util.Arrays.copyOf(b, end);
    }

    /** A key and self-signed certificate for {@code cn} of the provider, valid from 2024 for a century. */
    public static SigningKey key(String cn, String algorithm) throws Exception {
        return keyFor("CN=" + cn + ", O=" + PROVIDER + ", C=GB", algorithm);
    }

    /** A key ("EC": made in a moment, or "RSA") and a self-signed certificate for {@code subject}, valid from 2024 for a century. */
    public static SigningKey keyFor(String subject, String algorithm) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
        g.initialize(algorithm.equals("EC") ? 256 : 2048);
        KeyPair kp = g.generateKeyPair();
        X500Name name = new X500Name(subject);
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
                BigInteger.valueOf(System.nanoTime()), Date.from(Instant.parse("2024-01-01T00:00:00Z")),
                Date.from(Instant.parse("2124-01-01T00:00:00Z")), name, kp.getPublic())
                .build(new JcaContentSignerBuilder(algorithm.equals("EC") ? "SHA256withECDSA" : "SHA256withRSA")
                        .build(kp.getPrivate())));
        return new SigningKey(kp.getPrivate(), new Certificate[] {cert});
    }

    @TempDir
    Path tmp;

    /** Builds and signs the fixture and writes it into src/test/resources (run by hand, see above). */
    @Test
    void make() throws Exception {
        TestBundle b = bundle(tmp);
        Cli r = Cli.run("build", b.root.toString(), "--final", "-o", tmp.resolve("out").toString());
        assertEquals(0, r.status(), r.err());
        byte[] signed = Signer.sign(Files.readAllBytes(tmp.resolve("out/annual-report.pdf")), key(SIGNER, "RSA"),
                new Signer.Approval(SIGNER, "Chief Executive", BODY, "25 July 2024"));
        Path to = Path.of(System.getProperty("report.home", "."), "src/test/resources", RESOURCE.substring(1));
        Files.createDirectories(to.getParent());
        Files.write(to, signed);
    }
}
