package org.safeguardingreport.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguardingreport.Cli;
import org.safeguardingreport.TestBundle;

/** Each rule of data/YYYY-YY.json, on a bundle broken in one place; positions are 1-based. */
class DataRulesTest {
    @TempDir
    Path tmp;

    private Cli checkWithData(String data) {
        TestBundle b = new TestBundle(tmp).write("data/2023-24.json", data);
        return Cli.run("check", b.root.toString());
    }

    private static String quarter(String q, String line) {
        return "{\n  \"reportingYear\": \"2023/24\",\n  \"quarters\": {\n    \"" + q + "\": {\n" + line + "\n    }\n  }\n}\n";
    }

    @Test
    void trailingCommaNamesTheCommaAndWhatWasExpected() {
        Cli r = checkWithData(quarter("Q1", "      \"6a-si-steis\": 1,"));
        assertEquals(1, r.status());
        assertEquals("data/2023-24.json:5:23: error: trailing comma: expected a property name after ','",
                r.line("data/2023-24.json:"));
    }

    @Test
    void numeratorAboveDenominator() {
        Cli r = checkWithData(quarter("Q2", "      \"3b-level-3\": { \"numerator\": 460, \"denominator\": 455 }"));
        assertEquals(1, r.status());
        assertEquals("data/2023-24.json:5:36: error: 3b-level-3 numerator 460 is more than its denominator 455 (Q2)",
                r.line("data/2023-24.json:"));
    }

    @Test
    void negativeCount() {
        Cli r = checkWithData(quarter("Q1", "      \"6a-si-steis\": -1"));
        assertEquals(1, r.status());
        assertEquals("data/2023-24.json:5:22: error: 6a-si-steis cannot be negative: -1", r.line("data/2023-24.json:"));
    }

    @Test
    void fractionalCount() {
        Cli r = checkWithData(quarter("Q1", "      \"6c-incidents-recorded\": 2.5"));
        assertTrue(r.line("data/2023-24.json:5:32:").contains("must be a whole number, not 2.5"), r.err());
    }

    @Test
    void quarterFiveIsRefusedWithTheQuarters() {
        Cli r = checkWithData(quarter("Q5", "      \"6a-si-steis\": 1"));
        assertEquals(1, r.status());
        assertEquals("data/2023-24.json:4:5: error: unknown quarter \"Q5\"", r.line("data/2023-24.json:"));
        assertTrue(r.hintOf("data/2023-24.json:4:5:").contains("Q1 (Apr-Jun)"), r.err());
    }

    @Test
    void misspeltMeasureIdGetsTheNearestAsHint() {
        Cli r = checkWithData(quarter("Q1", "      \"3b-levl-3\": { \"numerator\": 4, \"denominator\": 5 }"));
        assertEquals(1, r.status());
        assertEquals("data/2023-24.json:5:7: error: unknown measure \"3b-levl-3\"", r.line("data/2023-24.json:"));
        assertEquals("did you mean 3b-level-3?", r.hintOf("data/2023-24.json:5:7:"));
    }

    @Test
    void numberWrittenAsTextIsNamedWithTheFix() {
        Cli r = checkWithData(quarter("Q1", "      \"3b-level-3\": { \"numerator\": \"412\", \"denominator\": 455 }"));
        assertEquals(1, r.status());
        assertEquals("data/2023-24.json:5:36: error: 3b-level-3 numerator must be a number, not the text \"412\"",
                r.line("data/2023-24.json:"));
        assertEquals("remove the quotes: 412", r.hintOf("data/2023-24.json:5:36:"));
    }

    @Test
    void fileNameAndYearMustAgree() {
        Cli r = checkWithData(TestBundle.DATA.replace("\"reportingYear\": \"2023/24\"", "\"reportingYear\": \"2022/23\""));
        assertEquals(1, r.status());
        assertEquals("data/2023-24.json:2:20: error: reportingYear \"2022/23\" does not match the file name 2023-24.json",
                r.line("data/2023-24.json:"));
    }

    @Test
    void oneFileMustMatchTheReportYear() {
        TestBundle b = new TestBundle(tmp).delete("data/2023-24.json")
                .write("data/2022-23.json", TestBundle.DATA.replace("2023/24", "2022/23"));
        Cli r = Cli.run("check", b.root.toString());
        assertEquals(1, r.status());
        assertTrue(r.line("data/: error:").contains("no data file for the report's year 2023/24"), r.err());
    }

    @Test
    void annualMeasureUnderAQuarterIsTheWrongFrequency() {
        Cli r = checkWithData(quarter("Q1", "      \"8f-enhanced-dbs\": { \"numerator\": 4, \"denominator\": 5 }"));
        assertEquals(1, r.status());
        assertTrue(r.line("data/2023-24.json:5:7:").contains("8f-enhanced-dbs is an annual measure"), r.err());
    }

    @Test
    void quarterlyMeasureUnderAnnualIsTheWrongFrequency() {
        Cli r = checkWithData("{ \"reportingYear\": \"2023/24\", \"annual\": { \"3b-level-3\": { \"numerator\": 1, \"denominator\": 2 } } }");
        assertTrue(r.line("data/2023-24.json:1:43:").contains("3b-level-3 is a quarterly measure"), r.err());
    }

    @Test
    void yesNoMustBeABoolean() {
        Cli r = checkWithData("{\n  \"reportingYear\": \"2023/24\",\n  \"annual\": { \"1c-executive-lead\": \"yes\" }\n}");
        assertTrue(r.line("data/2023-24.json:3:36:").contains("must be true or false, not the text \"yes\""), r.err());
        assertEquals("write true (without quotes)", r.hintOf("data/2023-24.json:3:36:"));
    }

    @Test
    void percentageWrittenAsAPercentIsRefused() {
        Cli r = checkWithData(quarter("Q1", "      \"3b-level-3\": 93.8"));
        assertTrue(r.line("data/2023-24.json:5:21:").contains("3b-level-3 is a % measure"), r.err());
    }

    @Test
    void aZeroDenominatorIsAllowed() {
        Cli r = checkWithData(quarter("Q1", "      \"3b-level-4-5\": { \"numerator\": 0, \"denominator\": 0 }"));
        assertEquals(0, r.status(), r.err());
    }
}
