package org.safeguardingreport.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.safeguardingreport.Cli;
import org.safeguardingreport.model.SectionIds;

/**
 * The round trip of issue 23: a bundle's own Word edition (build writes annual-report.docx), imported
 * into an empty bundle made by init with the same template, builds into the same report. What is
 * compared: every paragraph of the two Word editions, heading or not, with its style and text, in
 * order (figures come back as the values they printed, so the text is the same; the imported bundle
 * is given the original's report.json and data/ for that, since the cover and dashboards come from
 * them, not from the narrative). Without them, the imported bundle alone passes check with nothing
 * but init's report.json warnings.
 */
class ImportRoundTripTest {
    static final Path HOME = Path.of(System.getProperty("report.home", "."));
    static final Path SAMPLE = HOME.resolve("content/north-wessex-2023-24");

    @TempDir
    Path tmp;

    @Test
    void theSamplesWordEditionComesBackAsTheSameReport() throws Exception {
        roundTrip(SAMPLE, "north-wessex", "2023/24", "dorset-2019");
        // the same Word edition opened and saved by another editor (LibreOffice gives every list paragraph its own
        // list id, renames styles and drops one the document does not define) imports into the same sections
        assertTrue(org.safeguardingreport.LibreOffice.available(),
                "LibreOffice (soffice) is not installed: install libreoffice-writer-nogui; .ci/run installs it");
        Path saved = tmp.resolve("libreoffice");
        org.safeguardingreport.LibreOffice.convert(tmp.resolve("north-wessex-built/annual-report.docx"),
                "docx:MS Word 2007 XML", saved, tmp.resolve("profile"));
        Path again = tmp.resolve("from-libreoffice");
        assertEquals(0, Cli.run("init", again.toString(), "--year", "2023/24").status());
        Cli imp = Cli.run("import-docx", again.toString(), saved.resolve("annual-report.docx").toString());
        assertEquals(0, imp.status(), imp.out() + imp.err());
        assertFalse(imp.err().contains("matches no section"), imp.err());
        try (Stream<Path> s = Files.list(tmp.resolve("north-wessex-imported/narrative"))) {
            for (Path direct : s.toList()) {
                Path viaLibreOffice = again.resolve("narrative").resolve(direct.getFileName());
                // LibreOffice joins two tables that touch into one, as Word does when it opens the file: tables aside
                assertEquals(withoutTables(Files.readString(direct)), withoutTables(Files.readString(viaLibreOffice)),
                        direct.getFileName().toString());
            }
        }
        assertEquals(0, Cli.run("check", again.toString()).status());

        // into a bundle on the other template, somerset-2018: the same sections; and somerset's own Word edition
        // (its Appendix 3 evidence table and Appendix 4 dashboard are its layout's) comes back the same again
        Path somerset = tmp.resolve("somerset");
        assertEquals(0, Cli.run("init", somerset.toString(), "--template", "somerset-2018", "--year", "2023/24").status());
        Cli intoSomerset = Cli.run("import-docx", somerset.toString(), tmp.resolve("north-wessex-built/annual-report.docx").toString());
        assertEquals(0, intoSomerset.status(), intoSomerset.err());
        assertTrue(intoSomerset.out().contains("Dashboard 2023/24 (9)"), "dorset's dashboards are known as a layout's: " + intoSomerset.out());
        assertSameFiles(tmp.resolve("north-wessex-imported/narrative"), somerset.resolve("narrative"));
        Path somersetBuilt = tmp.resolve("somerset-built");
        assertEquals(0, Cli.run("build", somerset.toString(), "-o", somersetBuilt.toString()).status());
        Path somersetAgain = tmp.resolve("somerset-again");
        assertEquals(0, Cli.run("init", somersetAgain.toString(), "--template", "somerset-2018", "--year", "2023/24").status());
        Cli back = Cli.run("import-docx", somersetAgain.toString(), somersetBuilt.resolve("annual-report.docx").toString());
        assertEquals(0, back.status(), back.err());
        assertTrue(back.out().contains("Appendix 4: Safeguarding children dashboard"), back.out());
        assertSameFiles(somerset.resolve("narrative"), somersetAgain.resolve("narrative"));
    }

    private static void assertSameFiles(Path a, Path b) throws IOException {
        try (Stream<Path> s = Files.list(a)) {
            for (Path f : s.toList()) {
                assertEquals(Files.readString(f), Files.readString(b.resolve(f.getFileName())), f.getFileName().toString());
            }
        }
    }

    private static String withoutTables(String md) {
        return md.lines().filter(l -> !l.startsWith("|")).collect(java.util.stream.Collectors.joining("\n")).replaceAll("\n{2,}", "\n");
    }

    @Test
    void generatedBundlesComeBackAsTheSameReport() throws Exception {
        Path script = HOME.resolve("../shared/tools/gen-providers.py").normalize();
        assumeTrue(Files.isRegularFile(script), "shared/tools/gen-providers.py is not beside the project");
        for (int seed : new int[] {3, 11}) {
            Path gen = tmp.resolve("gen-" + seed);
            Process p = new ProcessBuilder("python3", script.toString(), "--count", "1", "--out", gen.toString(),
                    "--seed", String.valueOf(seed)).redirectErrorStream(true).start();
            String said = new String(p.getInputStream().readAllBytes());
            assumeTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, "gen-providers.py failed: " + said);
            Path bundle;
            try (Stream<Path> s = Files.list(gen)) {
                bundle = s.filter(Files::isDirectory).findFirst().orElseThrow();
            }
            roundTrip(bundle, "seed-" + seed, "2023/24", "dorset-2019");
        }
    }

    private void roundTrip(Path original, String name, String year, String template) throws Exception {
        Path built = tmp.resolve(name + "-built");
        Cli build = Cli.run("build", original.toString(), "-o", built.toString());
        assertEquals(0, build.status(), build.err());
        Path docx = built.resolve("annual-report.docx");

        Path imported = tmp.resolve(name + "-imported");
        assertEquals(0, Cli.run("init", imported.toString(), "--template", template, "--year", year).status());
        Cli imp = Cli.run("import-docx", imported.toString(), docx.toString());
        assertEquals(0, imp.status(), imp.out() + imp.err());
        assertFalse(imp.err().contains("error:"), imp.err());
        // no heading is left unplaced, and every section of the original is matched
        assertFalse(imp.err().contains("matches no section"), imp.err());
        List<String> sections;
        try (Stream<Path> s = Files.list(original.resolve("narrative"))) {
            sections = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        for (String file : sections) {
            assertTrue(Files.isRegularFile(imported.resolve("narrative").resolve(file)), file + " was not imported:\n" + imp.out());
            assertTrue(imp.out().contains("narrative/" + file), imp.out());
        }
        assertTrue(imp.out().contains("Left out, as the layout writes them at every build"), imp.out());

        // on its own, the imported bundle passes check: warnings only, about init's report.json
        Cli check = Cli.run("check", imported.toString());
        assertEquals(0, check.status(), check.err());
        List<String> warnings = check.err().lines().filter(l -> l.contains(": warning:")).toList();
        assertTrue(warnings.stream().allMatch(l -> l.startsWith("report.json")), String.join("\n", warnings));

        // with the original's cover and figures, it builds into the same Word edition, paragraph by paragraph
        Files.copy(original.resolve("report.json"), imported.resolve("report.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (Stream<Path> s = Files.list(original.resolve("data"))) {
            for (Path d : s.toList()) {
                Files.copy(d, imported.resolve("data").resolve(d.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path rebuilt = tmp.resolve(name + "-rebuilt");
        Cli again = Cli.run("build", imported.toString(), "-o", rebuilt.toString());
        assertEquals(0, again.status(), again.err());
        List<String> before = WordText.lines(docx);
        List<String> after = WordText.lines(rebuilt.resolve("annual-report.docx"));
        assertEquals(WordText.headings(before), WordText.headings(after));
        assertEquals(before.size(), after.size(), firstDifference(before, after));
        assertEquals(before, after, firstDifference(before, after));
        // and the PDF's pages hold the same text (the narrative's charts came back as pictures, whose labels are not text)
        List<String> pdfBefore = words(built.resolve("annual-report.pdf"));
        List<String> pdfAfter = words(rebuilt.resolve("annual-report.pdf"));
        assertTrue(pdfAfter.size() > pdfBefore.size() * 0.9, pdfBefore.size() + " words, then " + pdfAfter.size());
    }

    private static List<String> words(Path pdf) throws IOException {
        List<String> out = new ArrayList<>();
        for (String page : org.safeguardingreport.PdfText.pages(pdf)) {
            out.addAll(List.of(page.split("\\s+")));
        }
        return out;
    }

    private static String firstDifference(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            if (!a.get(i).equals(b.get(i))) {
                return "first difference at paragraph " + i + ":\n  built:    " + a.get(i) + "\n  imported: " + b.get(i);
            }
        }
        return "one edition has " + a.size() + " paragraphs, the other " + b.size();
    }

    static boolean isSection(String file) {
        String id = file.replace(".md", "");
        return SectionIds.ALL.contains(id) || SectionIds.isAppendix(id);
    }
}
