package org.safeguardingreport.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguardingreport.PdfText;
import org.safeguardingreport.TestBundle;

/** Extreme content, no network, a killed build and two builds at once, through the packaged program. */
class RobustnessIT {
    static final Path HOME = CommandLineIT.HOME;

    @TempDir
    Path tmp;

    /**
     * The packaged build as a process. Its temporary files (the JDK's copy of the chart font) go into
     * this test's folder: a build killed on purpose cannot remove its own, and they are removed with it.
     */
    Process start(Path out, Path bundle, String... jvm) throws IOException {
        Path jvmTmp = java.nio.file.Files.createDirectories(tmp.resolve("jvm-tmp"));
        List<String> cmd = new ArrayList<>(List.of(jvm));
        cmd.addAll(List.of("java", "-Xmx2g", "-Djava.io.tmpdir=" + jvmTmp, "-jar", CommandLineIT.JAR, "build",
                bundle.toString(), "-o", out.toString()));
        return new ProcessBuilder(cmd).directory(HOME.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    @Test
    void extremeSizesStayCompleteWithin60SecondsAnd2GiB() throws Exception {
        StringBuilder md = new StringBuilder("## Big table\n\n| Row | Value |\n|---|---|\n");
        for (int i = 1; i <= 2000; i++) {
            md.append("| r").append(i).append(" \\| x | v").append(i).append(" |\n");
        }
        md.append("\n");
        for (int i = 1; i <= 7200; i++) {
            md.append(String.format("w%05d ", i));
        }
        md.append("\n\nZ").append("x".repeat(298)).append("Z ends the long word.\n\n");
        for (int i = 0; i < 20; i++) {
            md.append("  ".repeat(i)).append("- level").append(i + 1).append(" item\n");
        }
        TestBundle b = new TestBundle(tmp).write("narrative/appendix-extreme.md", md.toString());
        assertTrue(md.length() > 90_000);
        Path out = tmp.resolve("out");
        Process p = start(out, b.root);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the build finishes within 60 s with a 2 GiB heap");
        assertEquals(0, p.exitValue());

        List<String> pages = PdfText.pages(out.resolve("annual-report.pdf"));
        String all = String.join("\n", pages);
        int first = -1;
        int last = -1;
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i).contains("r1 | x")) {
                first = first < 0 ? i : first;
            }
            if (pages.get(i).contains("r2000 | x")) {
                last = i;
            }
        }
        assertTrue(last - first > 20, "2,000 rows over many pages");
        for (int i = first; i <= last; i++) {
            assertTrue(pages.get(i).contains("Row Value"), "header on page " + (i + 1));
        }
        for (int i = 1; i <= 2000; i++) {
            assertTrue(all.contains("r" + i + " | x v" + i + "\n") || all.contains("r" + i + " | x v" + i + " "), "row " + i);
        }
        Matcher w = Pattern.compile("w(\\d{5})").matcher(all);
        int expect = 1;
        List<Integer> wordPages = new ArrayList<>();
        while (w.find()) {
            assertEquals(expect++, Integer.parseInt(w.group(1)), "the 50 KB paragraph is complete and in order");
        }
        assertEquals(7201, expect);
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i).contains("w0")) {
                wordPages.add(i);
            }
        }
        assertTrue(wordPages.size() >= 2, "the long paragraph breaks across pages");
        assertTrue(all.replaceAll("\\s+", "").contains("Z" + "x".repeat(298) + "Z"), "the long word is whole");
        for (int i = 1; i <= 20; i++) {
            assertTrue(all.contains("level" + i + " item"), "list level " + i);
        }
        assertEquals(0, rightmostOverflow(out.resolve("annual-report.pdf")), "no glyph past the right margin");
        String docx = Files.exists(out.resolve("annual-report.docx")) ? new String(unzip(out.resolve("annual-report.docx"),
                "word/document.xml"), java.nio.charset.StandardCharsets.UTF_8) : "";
        for (int i = 1; i <= 20; i++) {
            assertTrue(docx.contains("level" + i + " item"), "Word keeps list level " + i);
        }
        assertTrue(docx.contains(">r2000 | x<"), "Word keeps the last row");
    }

    /** Upright glyphs drawn past the right margin (18 mm) of an A4 page. */
    static int rightmostOverflow(Path pdf) throws IOException {
        int[] over = {0};
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper s = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) throws IOException {
                    for (TextPosition t : positions) {
                        // upright text only: the diagonal DRAFT mark crosses the page on purpose
                        if (t.getDir() == 0 && t.getXDirAdj() + t.getWidthDirAdj() > t.getPageWidth() - 18 / 25.4 * 72 + 1) {
                            over[0]++;
                        }
                    }
                }
            };
            s.getText(doc);
        }
        return over[0];
    }

    static byte[] unzip(Path zip, String name) throws IOException {
        try (java.util.zip.ZipInputStream z = new java.util.zip.ZipInputStream(Files.newInputStream(zip))) {
            for (java.util.zip.ZipEntry e; (e = z.getNextEntry()) != null; ) {
                if (e.getName().equals(name)) {
                    return z.readAllBytes();
                }
            }
        }
        return new byte[0];
    }

    @Test
    void theBuildNeedsNoNetwork() throws Exception {
        Process probe = new ProcessBuilder("unshare", "-n", "true").start();
        boolean permitted = probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
        if (!permitted) {
            // said on the console as well as in the report: this machine forbids a network namespace
            System.err.println("RobustnessIT.theBuildNeedsNoNetwork skipped: unshare -n is not permitted here "
                    + "(it needs user namespaces); the build's other tests still run");
        }
        Assumptions.assumeTrue(permitted, "unshare -n is not permitted here (it needs user namespaces)");
        TestBundle b = new TestBundle(tmp);
        Path out = tmp.resolve("offline");
        Process p = start(out, b.root, "unshare", "-n");
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), "built with networking off");
        assertTrue(Files.size(out.resolve("annual-report.pdf")) > 10_000);
    }

    @Test
    void killingABuildMidwayLeavesThePreviousOutputsUntouched() throws Exception {
        Path out = tmp.resolve("kept");
        TestBundle small = new TestBundle(tmp.resolve("a"));
        Process first = start(out, small.root);
        assertTrue(first.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, first.exitValue());
        Map<String, byte[]> before = snapshot(out);
        // a build that takes far longer than the wait below, whatever the machine
        StringBuilder big = new StringBuilder("| Row | Value |\n|---|---|\n");
        for (int i = 0; i < 3000; i++) {
            big.append("| row ").append(i).append(" | value ").append(i).append(" |\n");
        }
        TestBundle heavy = new TestBundle(tmp.resolve("b")).write("narrative/appendix-heavy.md", big.toString());
        Process second = start(out, heavy.root);
        Thread.sleep(2500);
        second.destroyForcibly();
        second.waitFor(30, TimeUnit.SECONDS);
        Map<String, byte[]> after = snapshot(out);
        assertEquals(before.keySet(), after.keySet(), "no new or lost file in OUT");
        for (String f : before.keySet()) {
            assertArrayEquals(before.get(f), after.get(f), f + " is untouched");
        }
    }

    @Test
    void twoBuildsIntoOneOutDoNotInterleave() throws Exception {
        Path out = tmp.resolve("shared");
        TestBundle a0 = new TestBundle(tmp.resolve("alpha"));
        a0.write("report.json", TestBundle.REPORT.replace("North Wessex Community Health NHS Trust", "Alpha Trust"));
        TestBundle b0 = new TestBundle(tmp.resolve("beta"));
        b0.write("report.json", TestBundle.REPORT.replace("North Wessex Community Health NHS Trust", "Beta Trust"));
        // folders of their own names, so that build.json (which names the bundle's folder) tells the builds apart
        record Named(Path root) { }
        Named alpha = new Named(Files.move(a0.root, tmp.resolve("alpha/alpha-trust")));
        Named beta = new Named(Files.move(b0.root, tmp.resolve("beta/beta-trust")));
        for (int round = 0; round < 2; round++) {
            Process a = start(out, alpha.root);
            Process b = start(out, beta.root);
            assertTrue(a.waitFor(120, TimeUnit.SECONDS) && b.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, a.exitValue());
            assertEquals(0, b.exitValue());
            String report = PdfText.pages(out.resolve("annual-report.pdf")).get(0);
            String audit = PdfText.pages(out.resolve("audit.pdf")).get(0);
            String docx = new String(unzip(out.resolve("annual-report.docx"), "word/document.xml"), java.nio.charset.StandardCharsets.UTF_8);
            String json = Files.readString(out.resolve("build.json"));
            String winner = report.contains("Alpha Trust") ? "Alpha Trust" : "Beta Trust";
            assertTrue(audit.contains(winner), "audit.pdf is from the same build");
            assertTrue(docx.contains(winner), "annual-report.docx is from the same build");
            assertTrue(json.contains("\"bundle\" : \"" + (winner.startsWith("Alpha") ? "alpha-trust" : "beta-trust") + "\""),
                    "build.json is from the same build: " + json);
        }
    }

    static Map<String, byte[]> snapshot(Path dir) throws IOException {
        Map<String, byte[]> m = new HashMap<>();
        try (var s = Files.list(dir)) {
            for (Path p : s.toList()) {
                m.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        return m;
    }
}
