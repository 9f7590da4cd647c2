package org.safeguardingreport.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.safeguardingreport.Cli;

/**
 * What an import refuses or ignores, through the command line: a decompression bomb (by its real and
 * by its declared size), a macro-enabled file, files that are not Word documents, and a bundle whose
 * sections already hold text (--force, --dry-run). A refused import writes nothing.
 */
class ImportSafetyTest {
    @TempDir
    static Path tmp;
    static Path draft;

    @BeforeAll
    static void makeDraft() throws Exception {
        draft = tmp.resolve("draft.docx");
        HandMadeDraft.write(draft);
    }

    private Path freshBundle(String name) {
        Path b = tmp.resolve(name);
        assertEquals(0, Cli.run("init", b.toString(), "--year", "2023/24").status());
        return b;
    }

    /** Every file of a folder with its bytes, to show that nothing changed. */
    private static Map<String, String> snapshot(Path dir) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                out.put(dir.relativize(p).toString(), Files.isRegularFile(p)
                        ? java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)))
                        : "folder");
            }
        }
        return out;
    }

    private static byte[] zip(Map<String, byte[]> entries) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void aDecompressionBombIsRefusedBeforeWordReadsIt() throws Exception {
        Path bundle = freshBundle("bomb");
        Map<String, String> before = snapshot(bundle);
        // 40 MB of one character packs into about 40 KB: far past the inflate ratio a Word document has
        Path bomb = tmp.resolve("bomb.docx");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("[Content_Types].xml"));
            z.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] block = new byte[1 << 20];
            java.util.Arrays.fill(block, (byte) 'a');
            for (int i = 0; i < 40; i++) {
                z.write(block);
            }
        }
        Files.write(bomb, out.toByteArray());
        assertTrue(Files.size(bomb) < 100_000, "the bomb is small: " + Files.size(bomb));
        // its directory tells the truth: refused on what it declares, before anything is unpacked
        Cli c = Cli.run("import-docx", bundle.toString(), bomb.toString());
        assertEquals(1, c.status(), c.err());
        assertTrue(c.err().contains(bomb + ": error: refused as a possible decompression bomb: its part word/document.xml "
                + "declares 40 MB unpacked from 39 KB packed"), c.err());
        // its directory lies (1,000 bytes): refused while unpacking, once the real bytes pass the ratio
        byte[] lying = Files.readAllBytes(bomb);
        declare(lying, "word/document.xml", 1000);
        Files.write(bomb, lying);
        long start = System.nanoTime();
        c = Cli.run("import-docx", bundle.toString(), bomb.toString());
        assertEquals(1, c.status(), c.err());
        assertTrue(c.err().contains(bomb + ": error: refused as a possible decompression bomb: its part word/document.xml "
                + "unpacks to more than 100 times its packed size"), c.err());
        assertTrue((System.nanoTime() - start) / 1_000_000 < 5_000, "refused after reading little");
        assertEquals(before, snapshot(bundle));
    }

    @Test
    void aZipDeclaringGigabytesIsRefusedByItsDeclaredSize() throws Exception {
        byte[] bytes = zip(Map.of("[Content_Types].xml", "<Types/>".getBytes(StandardCharsets.UTF_8),
                "word/document.xml", "<w:document/>".getBytes(StandardCharsets.UTF_8)));
        // the central directory's record of word/document.xml now says it unpacks to 4 GB
        declare(bytes, "word/document.xml", 0xFFFFFFF0L);
        Path declared = tmp.resolve("declared.docx");
        Files.write(declared, bytes);
        Cli c = Cli.run("import-docx", freshBundle("declared").toString(), declared.toString());
        assertEquals(1, c.status(), c.err());
        assertTrue(c.err().contains(declared + ": error: refused as a possible decompression bomb: its part word/document.xml declares"),
                c.err());
    }

    /** Sets the unpacked size that the zip's central directory declares for one entry. */
    private static void declare(byte[] bytes, String name, long size) {
        byte[] n = name.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = bytes.length - 46 - n.length; i >= 0; i--) {
            if (bytes[i] == 0x50 && bytes[i + 1] == 0x4b && bytes[i + 2] == 1 && bytes[i + 3] == 2
                    && java.util.Arrays.equals(bytes, i + 46, i + 46 + n.length, n, 0, n.length)) {
                for (int k = 0; k < 4; k++) {
                    bytes[i + 24 + k] = (byte) (size >>> (8 * k));
                }
                return;
            }
        }
        throw new AssertionError("no central directory record for " + name);
    }

    @Test
    void aMacroEnabledDocumentIsImportedWithItsMacrosIgnored() throws Exception {
        Path docm = tmp.resolve("draft.docm");
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (ZipFile z = new ZipFile(draft.toFile())) {
            for (ZipEntry e : java.util.Collections.list(z.entries())) {
                byte[] b = z.getInputStream(e).readAllBytes();
                if (e.getName().equals("[Content_Types].xml")) {
                    b = new String(b, StandardCharsets.UTF_8)
                            .replace("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                                    "application/vnd.ms-word.document.macroEnabled.main+xml")
                            .replace("<Default Extension=\"xml\"", "<Default Extension=\"bin\" ContentType=\"application/vnd.ms-office.vbaProject\"/><Default Extension=\"xml\"")
                            .getBytes(StandardCharsets.UTF_8);
                }
                entries.put(e.getName(), b);
            }
        }
        // an Auto_Open macro's project (its bytes are never read, let alone run)
        entries.put("word/vbaProject.bin", "Attribute VB_Name = \"Auto_Open\" Shell(\"calc.exe\")".getBytes(StandardCharsets.UTF_8));
        Files.write(docm, zip(entries));
        Path bundle = freshBundle("macro");
        Cli c = Cli.run("import-docx", bundle.toString(), docm.toString());
        assertEquals(0, c.status(), c.out() + c.err());
        assertTrue(c.err().contains(docm + ": warning: the draft is macro-enabled (word/vbaProject.bin): the macros were ignored, never run"),
                c.err());
        assertTrue(Files.readString(bundle.resolve("narrative/conclusion.md")).contains("We are assured."));
    }

    @Test
    void aFileThatIsNotAWordDocumentIsAnErrorNamingIt() throws Exception {
        Path bundle = freshBundle("not-docx");
        Map<String, String> before = snapshot(bundle);
        Path text = tmp.resolve("notes.docx");
        Files.writeString(text, "Executive summary\nThis is plain text saved with the wrong name.\n");
        Cli c = Cli.run("import-docx", bundle.toString(), text.toString());
        assertEquals(1, c.status());
        assertTrue(c.err().startsWith(text + ": error: this is not a Word document (.docx): it is not a zip package"), c.err());

        Path doc = tmp.resolve("old.docx");
        Files.write(doc, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0});
        c = Cli.run("import-docx", bundle.toString(), doc.toString());
        assertTrue(c.err().startsWith(doc + ": error: this is an old-style Word file (.doc) or a password-protected document"), c.err());

        Path xlsx = tmp.resolve("dashboard.docx");
        Files.write(xlsx, zip(Map.of("[Content_Types].xml", "<Types/>".getBytes(StandardCharsets.UTF_8),
                "xl/workbook.xml", "<workbook/>".getBytes(StandardCharsets.UTF_8))));
        c = Cli.run("import-docx", bundle.toString(), xlsx.toString());
        assertTrue(c.err().startsWith(xlsx + ": error: this zip is not a Word document: it has no word/document.xml (it looks like an Excel workbook)"),
                c.err());

        Path broken = tmp.resolve("broken.docx");
        byte[] good = Files.readAllBytes(draft);
        Files.write(broken, java.util.Arrays.copyOf(good, good.length / 2));
        c = Cli.run("import-docx", bundle.toString(), broken.toString());
        assertEquals(1, c.status());
        assertTrue(c.err().startsWith(broken + ": error: "), c.err());

        Path junk = tmp.resolve("junk.docx");
        Files.write(junk, zip(Map.of("[Content_Types].xml", "<Types/>".getBytes(StandardCharsets.UTF_8),
                "word/document.xml", "this is not XML".getBytes(StandardCharsets.UTF_8))));
        c = Cli.run("import-docx", bundle.toString(), junk.toString());
        assertEquals(1, c.status(), c.err());
        assertTrue(c.err().startsWith(junk + ": error: "), c.err());

        Cli noBundle = Cli.run("import-docx", tmp.resolve("no-such-bundle").toString(), draft.toString());
        assertEquals(1, noBundle.status());
        assertTrue(noBundle.err().startsWith(tmp.resolve("no-such-bundle") + ": error: no bundle folder here"), noBundle.err());
        assertFalse(Files.exists(tmp.resolve("no-such-bundle")));

        c = Cli.run("import-docx", bundle.toString(), tmp.resolve("missing.docx").toString());
        assertEquals(1, c.status());
        assertTrue(c.err().startsWith(tmp.resolve("missing.docx") + ": error: no such file"), c.err());
        assertEquals(before, snapshot(bundle));
    }

    @Test
    void sectionsThatHoldTextAreKeptWithoutForceAndADryRunWritesNothing() throws Exception {
        Path bundle = freshBundle("force");
        Files.writeString(bundle.resolve("narrative/executive-summary.md"), "Our own summary, written by hand.\n");
        Map<String, String> before = snapshot(bundle);

        Cli refused = Cli.run("import-docx", bundle.toString(), draft.toString());
        assertEquals(1, refused.status(), refused.out() + refused.err());
        assertTrue(refused.err().contains("narrative/executive-summary.md: error: already exists and holds other text; "
                + "the import would overwrite it"), refused.err());
        assertTrue(refused.err().contains("hint: add --force"), refused.err());
        assertTrue(refused.out().contains("Nothing was written."), refused.out());
        assertEquals(before, snapshot(bundle), "a refused import writes nothing, not even the sections that were free");

        Cli dry = Cli.run("import-docx", bundle.toString(), draft.toString(), "--dry-run", "--force");
        assertEquals(0, dry.status(), dry.err());
        assertTrue(dry.out().contains("--- narrative/executive-summary.md (overwrites the file) ---\nThis year we **improved**"), dry.out());
        assertTrue(dry.out().contains("--- narrative/standard-3.md (replaces init's prompt) ---\n1. First step"), dry.out());
        assertTrue(dry.out().contains("images/standard-3-1.png  (new)"), dry.out());
        assertTrue(dry.out().contains("Dry run: nothing was written."), dry.out());
        assertEquals(before, snapshot(bundle));

        Cli dryRefused = Cli.run("import-docx", bundle.toString(), draft.toString(), "--dry-run");
        assertEquals(1, dryRefused.status(), "a dry run says the real one would be refused");
        assertTrue(dryRefused.out().contains("The import would be refused: nothing would be written."), dryRefused.out());
        assertEquals(before, snapshot(bundle));

        Cli forced = Cli.run("import-docx", bundle.toString(), draft.toString(), "--force");
        assertEquals(0, forced.status(), forced.err());
        assertTrue(forced.out().contains("narrative/executive-summary.md  (overwrites the file)"), forced.out());
        assertTrue(Files.readString(bundle.resolve("narrative/executive-summary.md")).startsWith("This year we **improved**"));
        try (Stream<Path> s = Files.list(bundle)) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().startsWith(".import-docx")), "no staging folder is left behind");
        }
        // the same draft again: nothing changes, and nothing needs --force
        Cli again = Cli.run("import-docx", bundle.toString(), draft.toString());
        assertEquals(0, again.status(), again.err());
        assertTrue(again.out().contains("narrative/standard-3.md  (unchanged)"), again.out());
    }
}
