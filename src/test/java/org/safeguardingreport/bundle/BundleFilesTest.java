package org.safeguardingreport.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguardingreport.Cli;
import org.safeguardingreport.TestBundle;
import org.safeguardingreport.model.Bundle;

/** The bundle's files: which must exist, how they are named, how their bytes are read. */
class BundleFilesTest {
    @TempDir
    Path tmp;

    @Test
    void theSmallBundleIsValidWithWarningsForMissingSections() {
        TestBundle b = new TestBundle(tmp);
        Cli r = Cli.run("check", b.root.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("narrative/risk.md: warning: section risk (Risk) is missing"), r.err());
        assertTrue(r.out().contains("Sections: 2 of 21"), r.out());
    }

    @Test
    void noReportJson() {
        TestBundle b = new TestBundle(tmp).delete("report.json");
        Cli r = Cli.run("check", b.root.toString());
        assertEquals(1, r.status());
        assertEquals("report.json: error: the bundle has no report.json", r.line("report.json"));
    }

    @Test
    void noBundleFolderAtAll() {
        Cli r = Cli.run("check", tmp.resolve("nowhere").toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("error: no bundle folder here"), r.err());
    }

    @Test
    void windows1252ByteIsReportedWithItsPositionAndValue() {
        byte[] text = "Risks on the register:\nThe Trust\u0092s risk register holds two safeguarding risks.\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        TestBundle b = new TestBundle(tmp).write("narrative/risk.md", text);
        Cli r = Cli.run("check", b.root.toString());
        assertEquals(1, r.status());
        assertEquals("narrative/risk.md:2:10: error: the file is not UTF-8: byte 0x92 is not valid UTF-8 "
                + "(in Windows-1252 it would be '\u2019')", r.line("narrative/risk.md:"));
        assertTrue(r.hintOf("narrative/risk.md:2:10:").contains("re-save the file as UTF-8"));
    }

    @Test
    void byteOrderMarkAndCrlfAreAcceptedSilently() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "Paragraph one.\r\n\r\nThe Trust\u2019s Named Nurse leads. {audit=1.3}\r\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, 3);
        System.arraycopy(body, 0, all, 3, body.length);
        TestBundle b = new TestBundle(tmp).write("narrative/standard-1.md", all)
                .write("report.json", "\uFEFF" + TestBundle.REPORT.replace("\n", "\r\n"));
        BundleLoader.Result r = BundleLoader.load(b.root);
        assertFalse(r.diagnostics().hasErrors(), r.diagnostics().sorted().toString());
        Bundle bundle = r.bundle().orElseThrow();
        var marker = bundle.sections().get("standard-1").markers().get(0);
        assertEquals(3, marker.pos().line());
        assertEquals(32, marker.pos().column());
        assertEquals(org.safeguardingreport.model.Narrative.BlockKind.PARAGRAPH, marker.block());
    }

    @Test
    void misspeltSectionFileNameGetsTheNearestIdAndTheValidList() {
        TestBundle b = new TestBundle(tmp).write("narrative/standrad-3.md", "Text.\n");
        Cli r = Cli.run("check", b.root.toString());
        assertEquals(1, r.status());
        assertEquals("narrative/standrad-3.md:1:1: error: unknown section file name \"standrad-3\"",
                r.line("narrative/standrad-3.md"));
        String hint = r.hintOf("narrative/standrad-3.md");
        assertTrue(hint.startsWith("did you mean standard-3.md?"), hint);
        assertTrue(hint.contains("executive-summary") && hint.contains("appendix-<name>"), hint);
    }

    @Test
    void sectionSavedAsTextIsNamed() {
        TestBundle b = new TestBundle(tmp).write("narrative/risk.txt", "Text.\n");
        Cli r = Cli.run("check", b.root.toString());
        assertEquals(1, r.status());
        assertEquals("rename it to risk.md", r.hintOf("narrative/risk.txt:1:1:"));
    }

    @Test
    void appendicesComeAfterTheConclusionInFileNameOrder() {
        TestBundle b = new TestBundle(tmp).allSections().write("narrative/appendix-b-data.md", "B\n")
                .write("narrative/appendix-a-glossary.md", "A\n");
        Bundle bundle = BundleLoader.load(b.root).bundle().orElseThrow();
        var ids = bundle.sections().keySet().stream().toList();
        assertEquals(23, ids.size());
        assertEquals("executive-summary", ids.get(0));
        assertEquals("conclusion", ids.get(20));
        assertEquals("appendix-a-glossary", ids.get(21));
        assertEquals("appendix-b-data", ids.get(22));
    }

    @Test
    void unknownTemplateListsTheAvailableOnes() {
        TestBundle b = new TestBundle(tmp).write("report.json", TestBundle.REPORT.replace("dorset-2019", "dorset-2091"));
        Cli r = Cli.run("check", b.root.toString());
        assertEquals(1, r.status());
        assertEquals("report.json:4:15: error: unknown template \"dorset-2091\"", r.line("report.json:"));
        assertTrue(r.hintOf("report.json:4:15:").startsWith("did you mean dorset-2019?"));
    }

    @Test
    void templateNameCannotBeAPath() {
        TestBundle b = new TestBundle(tmp).write("report.json", TestBundle.REPORT.replace("dorset-2019", "../../etc"));
        Cli r = Cli.run("check", b.root.toString());
        assertTrue(r.line("report.json:4:15:").contains("is not a template name"), r.err());
    }

    @Test
    void unknownReportPropertyGetsAHint() {
        TestBundle b = new TestBundle(tmp).write("report.json", TestBundle.REPORT.replace("\"reportingYear\"", "\"reportingyear\""));
        Cli r = Cli.run("check", b.root.toString());
        assertEquals("report.json:3:3: error: unknown property \"reportingyear\" in report.json", r.line("report.json:3:3"));
        assertEquals("did you mean reportingYear?", r.hintOf("report.json:3:3"));
    }

    @Test
    void auditAnswerMustBeOneOfTheFour() {
        TestBundle b = new TestBundle(tmp).write("audit.json", "{\n  \"1.1\": { \"answer\": \"maybe\" }\n}\n");
        Cli r = Cli.run("check", b.root.toString());
        assertTrue(r.line("audit.json:2:22:").contains("answer \"maybe\" to question 1.1 is not one of yes, no, partial, n/a"),
                r.err());
    }

    @Test
    void unknownQuestionNumberWithinAStandard() {
        TestBundle b = new TestBundle(tmp).write("audit.json", "{ \"3.9\": { \"answer\": \"yes\" } }\n");
        Cli r = Cli.run("check", b.root.toString());
        assertEquals(1, r.status());
        assertEquals("audit.json:1:3: error: unknown audit question 3.9: standard 3 of dorset-2019 has questions 3.1-3.8",
                r.line("audit.json:"));
        assertEquals("did you mean 3.8?", r.hintOf("audit.json:1:3:"));
    }

    @Test
    void severalErrorsInSeveralFilesAreAllReportedInOneRun() throws Exception {
        TestBundle b = new TestBundle(tmp)
                .write("audit.json", "{ \"12.1\": { \"answer\": \"yes\" } }\n")
                .write("narrative/standrad-3.md", "Text.\n")
                .write("narrative/standard-4.md", "Supervision is {{4z-camhs@Q4}}.\n")
                .write("data/2023-24.json", "{ \"reportingYear\": \"2023/24\", \"quarters\": { \"Q1\": { \"6a-si-steis\": -2 } } }");
        Cli r = Cli.run("check", b.root.toString());
        assertEquals(1, r.status());
        long errors = r.diagnostics().stream().filter(l -> l.contains(": error: ")).count();
        assertEquals(4, errors, r.err());
        assertTrue(r.out().contains("Result: 4 errors"), r.out());
        assertTrue(Files.exists(b.root.resolve("report.json")), "check writes nothing and deletes nothing");
    }
}
