package org.safeguardingreport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguardingreport.Cli;
import org.safeguardingreport.TestBundle;
import org.safeguardingreport.model.ReportingYear;

/** The corners of the command line, each answered in the user's own terms. */
class EdgeCasesTest {
    @TempDir
    Path tmp;

    private List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aBuildLeavesNothingBesideItsOutputsButThem() throws Exception {
        TestBundle b = new TestBundle(tmp.resolve("in"));
        Path outs = Files.createDirectories(tmp.resolve("outs"));
        Cli r = Cli.run("build", b.root.toString(), "-o", outs.resolve("report").toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(List.of("report"), names(outs), "no hidden lock or staging folder beside the output");
        assertEquals(List.of("annual-report.docx", "annual-report.pdf", "audit.docx", "audit.pdf", "build.json"),
                names(outs.resolve("report")));
        Cli again = Cli.run("build", b.root.toString(), "-o", outs.resolve("report").toString());
        assertEquals(0, again.status(), again.err());
        assertEquals(List.of("report"), names(outs), "nor after a second build into the same folder");
    }

    @Test
    void anOutputThatIsAFileIsAUsageError() throws Exception {
        TestBundle b = new TestBundle(tmp.resolve("in"));
        Path file = Files.writeString(tmp.resolve("existing-file.pdf"), "mine");
        Cli r = Cli.run("build", b.root.toString(), "-o", file.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("-o " + file + ": this is a file; the output must be a folder"), r.err());
        assertFalse(r.err().contains("staging") || r.err().contains(".tmp"), "no internal path: " + r.err());
        assertEquals("mine", Files.readString(file));
        Cli a = Cli.run("amalgamate", b.root.toString(), "-o", file.toString());
        assertEquals(2, a.status());
        assertTrue(a.err().contains("this is a file; the output must be a folder"), a.err());
    }

    @Test
    void aMissingInputIsNamedOnce() {
        Path missing = tmp.resolve("no-such-dir");
        Cli r = Cli.run("amalgamate", missing.toString(), "-o", tmp.resolve("out").toString());
        assertEquals(1, r.status());
        assertEquals(missing + ": error: no such file or folder", r.err().lines().findFirst().orElse(""));
        assertFalse(r.err().contains("no-such-dir/no-such-dir"), r.err());
    }

    @Test
    void verifyingAFolderSaysSo() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("emptydir"));
        Cli r = Cli.run("verify", dir.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith(dir + ": error: this is a folder; give the signed PDF file itself"), r.err());
    }

    @Test
    void aStandardOfOneQuestionIsSaidInWords() {
        TestBundle b = new TestBundle(tmp).write("narrative/standard-6.md", "Incidents are reported. {audit=6.2}\n");
        Cli r = Cli.run("check", b.root.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("unknown audit question 6.2: standard 6 of dorset-2019 has one question, 6.1"), r.err());
    }

    @Test
    void aNearMissAnswerGetsDidYouMean() {
        TestBundle b = new TestBundle(tmp).write("audit.json", "{ \"1.1\": { \"answer\": \"yess\" } }");
        Cli r = Cli.run("check", b.root.toString());
        assertEquals(1, r.status());
        assertEquals("did you mean yes?", r.hintOf("audit.json:1:22: error: answer \"yess\""));
    }

    @Test
    void oneProviderIsOneProvidersReport() {
        TestBundle b = new TestBundle(tmp.resolve("in")).allSections();
        Cli r = Cli.run("amalgamate", b.root.toString(), "-o", tmp.resolve("out").toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("Amalgamated 1 provider's report for 2023/24"), r.out());
    }

    @Test
    void helpNamesACommandAndCheckHelpListsEveryFinalRule() {
        Cli help = Cli.run("help", "build");
        assertEquals(0, help.status(), help.err());
        assertTrue(help.out().startsWith("Usage: build-report.sh build"), help.out());
        Cli check = Cli.run("check", "--help");
        String text = check.out().replaceAll("\\s+", " ");
        for (String rule : List.of("the sign-off filled in", "a complete board cover sheet", "no audit gap",
                "no picture shown as a placeholder", "no section still holding init's prompt")) {
            assertTrue(text.contains(rule), rule + " in: " + text);
        }
    }

    @Test
    void initDefaultsToTheLastYearThatHasEnded() throws Exception {
        Cli r = Cli.run("init", tmp.resolve("new").toString());
        assertEquals(0, r.status(), r.err());
        String ended = ReportingYear.containing(java.time.LocalDate.now()).previous().label();
        assertTrue(Files.readString(tmp.resolve("new/report.json")).contains("\"reportingYear\": \"" + ended + "\""),
                Files.readString(tmp.resolve("new/report.json")));
        assertEquals("2025/26", ReportingYear.containing(java.time.LocalDate.of(2026, 12, 3)).previous().label(),
                "a report written in December 2026 is about April 2025 to March 2026");
        assertEquals("2025/26", ReportingYear.containing(java.time.LocalDate.of(2027, 3, 31)).previous().label());
        assertEquals("2026/27", ReportingYear.containing(java.time.LocalDate.of(2027, 4, 1)).previous().label());
    }
}
