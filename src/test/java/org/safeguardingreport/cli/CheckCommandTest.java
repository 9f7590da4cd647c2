package org.safeguardingreport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguardingreport.Cli;
import org.safeguardingreport.TestBundle;
import org.safeguardingreport.diag.Diagnostics;
import org.safeguardingreport.json.JsonReader;
import org.safeguardingreport.json.JsonValue;
import org.safeguardingreport.json.JsonValue.JsonArray;
import org.safeguardingreport.json.JsonValue.JsonObject;

/** The check command as a user runs it: the sample, the final rules, the JSON format, exit codes. */
class CheckCommandTest {
    static final String SAMPLE = Path.of(System.getProperty("report.home", "."), "content", "north-wessex-2023-24").toString();

    @TempDir
    Path tmp;

    @Test
    void theSamplePassesTheFinalCheckWithoutWarnings() {
        Cli r = Cli.run("check", SAMPLE, "--final");
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().contains("21 of 21, 2 appendices"), r.out());
        assertTrue(r.out().contains("52 questions, 52 answered, 52 with evidence"), r.out());
        assertTrue(r.out().contains("0 gaps"), r.out());
    }

    @Test
    void finalCheckRefusesWithoutSignOffAndWithGapsListingEveryReason() {
        TestBundle b = new TestBundle(tmp).write("report.json", TestBundle.REPORT.replaceAll(
                "(?s),\\s*\"signOff\": \\{.*?\\}", ""));
        Cli draft = Cli.run("check", b.root.toString());
        assertEquals(0, draft.status(), draft.err());
        assertTrue(draft.out().contains("gaps (neither an answer nor evidence): 1.2, 1.3"), draft.out());
        Cli fin = Cli.run("check", b.root.toString(), "--final");
        assertEquals(1, fin.status());
        // absent, each names the object it belongs in, where it would be added
        assertTrue(fin.err().contains("report.json:1:1: error: a final report needs signOff"), fin.err());
        assertTrue(fin.err().contains("audit.json:1:1: error: audit question 1.2 has neither an answer nor evidence"), fin.err());
        long gapErrors = fin.err().lines().filter(l -> l.contains("has neither an answer nor evidence")).count();
        assertEquals(48, gapErrors);
    }

    @Test
    void finalCheckNamesTheLineOfAnEmptySignOffAndOfAnUnansweredQuestion() {
        TestBundle b = new TestBundle(tmp).write("report.json", TestBundle.REPORT.replaceAll(
                "(?s)\"signOff\": \\{.*?\\}", "\"signOff\": null"))
                .write("audit.json", "{\n  \"1.1\": { \"answer\": \"yes\" },\n  \"1.2\": { \"answer\": null }\n}\n");
        Cli fin = Cli.run("check", b.root.toString(), "--final");
        assertEquals(1, fin.status());
        assertTrue(fin.err().contains("report.json:11:3: error: a final report needs signOff"), fin.err());
        assertTrue(fin.err().contains("audit.json:3:3: error: audit question 1.2 has neither an answer nor evidence"), fin.err());
        assertTrue(fin.err().contains("audit.json:1:1: error: audit question 1.3 has neither"), fin.err());
    }

    @Test
    void jsonFormatIsOneDocumentWithEverything() {
        TestBundle b = new TestBundle(tmp).write("audit.json", "{ \"3.9\": { \"answer\": \"yes\" } }");
        Cli r = Cli.run("check", b.root.toString(), "--format", "json");
        assertEquals(1, r.status());
        assertEquals("", r.err(), "json mode prints only the document");
        JsonObject doc = (JsonObject) JsonReader.read(r.out(), "out", new Diagnostics()).orElseThrow();
        assertEquals(false, ((JsonValue.JsonBoolean) doc.get("ok")).value());
        assertEquals("2023/24", ((JsonValue.JsonString) doc.get("reportingYear")).value());
        JsonObject first = (JsonObject) ((JsonArray) doc.get("diagnostics")).items().stream()
                .filter(d -> ((JsonValue.JsonString) ((JsonObject) d).get("severity")).value().equals("error"))
                .findFirst().orElseThrow();
        assertEquals("audit.json", ((JsonValue.JsonString) first.get("file")).value());
        assertEquals(1, ((JsonValue.JsonNumber) first.get("line")).value().intValue());
        assertEquals(3, ((JsonValue.JsonNumber) first.get("column")).value().intValue());
        JsonObject absent = (JsonObject) doc.get("absentMeasures");
        List<String> q2 = ((JsonArray) absent.get("Q2")).items().stream().map(v -> ((JsonValue.JsonString) v).value()).toList();
        assertTrue(q2.contains("3b-level-3"), "nothing was given for Q2");
        List<String> q1 = ((JsonArray) absent.get("Q1")).items().stream().map(v -> ((JsonValue.JsonString) v).value()).toList();
        assertFalse(q1.contains("3b-level-3"), "Q1 has 3b-level-3");
        // this audit.json answers nothing (its 3.9 is refused) and 3.1, 3.7 and 3.8 are marked: 49 of 52 are gaps
        assertEquals(49, ((JsonArray) doc.get("gaps")).items().size());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, Cli.run().status());
        assertEquals(2, Cli.run("frobnicate").status());
        assertEquals(2, Cli.run("check").status());
        assertEquals(2, Cli.run("check", SAMPLE, "--format", "xml").status());
        assertEquals(2, Cli.run("check", SAMPLE, "--no-such-option").status());
    }

    @Test
    void helpAndVersion() {
        Cli help = Cli.run("--help");
        assertEquals(0, help.status());
        assertTrue(help.out().contains("check") && help.out().contains("init"), help.out());
        Cli version = Cli.run("--version");
        assertEquals(0, version.status());
        assertTrue(version.out().startsWith("safeguarding-report "), version.out());
    }

    /** An open question (who, how, what, how many) answered "yes" with no comment is answered by nothing. */
    @Test
    void anOpenQuestionAnsweredWithoutACommentIsWarnedOf() {
        TestBundle b = new TestBundle(tmp);
        b.write("audit.json", """
                {
                  "1.1": { "answer": "yes" },
                  "3.4": { "answer": "yes" },
                  "3.5": { "answer": "yes", "comment": "The safeguarding team." },
                  "3.6": { "answer": "n/a" },
                  "3.7": { "answer": "partial", "comment": "  " }
                }
                """);
        Cli r = Cli.run("check", b.root.toString());
        assertEquals(0, r.status(), r.err());
        List<String> open = r.err().lines().filter(l -> l.startsWith("audit.json") && l.contains("alone does not answer")).toList();
        assertEquals(List.of(
                "audit.json:3:22: warning: question 3.4 asks \"How many staff do you employ?\": \"yes\" alone does not answer it",
                "audit.json:6:22: warning: question 3.7 asks \"How is the training evaluated for its effectiveness?\": "
                        + "\"partial\" alone does not answer it"), open, r.err());
        assertTrue(r.hintOf("audit.json:3:22").contains("who, how, what or how many"), r.err());
    }
}
