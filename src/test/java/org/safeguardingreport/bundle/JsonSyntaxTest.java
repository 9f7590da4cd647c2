package org.safeguardingreport.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguardingreport.Cli;
import org.safeguardingreport.TestBundle;

/** Jackson's syntax errors, turned into messages that name the character and what was expected. */
class JsonSyntaxTest {
    @TempDir
    Path tmp;

    private Cli checkWithReport(String report) {
        TestBundle b = new TestBundle(tmp).write("report.json", report);
        return Cli.run("check", b.root.toString());
    }

    @Test
    void missingClosingQuoteAtTheEndOfALine() {
        Cli r = checkWithReport("{\n  \"provider\": { \"name\": \"North Wessex },\n  \"reportingYear\": \"2023/24\"\n}\n");
        assertEquals(1, r.status());
        String line = r.line("report.json:2:");
        assertTrue(line.contains("a text value runs past the end of the line: a closing '\"' is missing"), line);
    }

    @Test
    void missingCommaBetweenProperties() {
        Cli r = checkWithReport("{\n  \"reportingYear\": \"2023/24\"\n  \"template\": \"dorset-2019\"\n}\n");
        assertEquals(1, r.status());
        assertEquals("report.json:2:29: error: missing ',': expected ',' or '}' after the value, found '\"' at line 3, column 3",
                r.line("report.json:"));
        assertTrue(r.hintOf("report.json:2:29:").contains("add a ',' at the end of line 2"));
    }

    @Test
    void trailingCommaInAList() {
        Cli r = checkWithReport("{\n  \"authors\": [ { \"name\": \"Sam\" }, ]\n}\n");
        assertEquals("report.json:2:33: error: trailing comma: expected a value after ','", r.line("report.json:"));
    }

    @Test
    void duplicateProperty() {
        Cli r = checkWithReport("{\n  \"title\": \"A\",\n  \"title\": \"B\"\n}\n");
        assertEquals("report.json:3:3: error: duplicate property \"title\": it is already set earlier in the same object",
                r.line("report.json:"));
    }

    @Test
    void unquotedWordSuggestsTrue() {
        TestBundle b = new TestBundle(tmp).write("data/2023-24.json",
                "{ \"reportingYear\": \"2023/24\", \"annual\": { \"1c-executive-lead\": yes } }");
        Cli r = Cli.run("check", b.root.toString());
        assertTrue(r.line("data/2023-24.json:1:").contains("unexpected word 'yes'"), r.err());
        assertTrue(r.err().contains("hint: write true (without quotes) for yes"), r.err());
    }

    @Test
    void unclosedObjectAtEndOfFile() {
        Cli r = checkWithReport("{\n  \"title\": \"A\"\n");
        assertTrue(r.line("report.json:").contains("the file ends too early"), r.err());
    }

    @Test
    void noStackTraceForAnyOfThem() {
        Cli r = checkWithReport("{ \"a\": [1, 2,, 3] ,, }");
        assertEquals(1, r.status());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }
}
