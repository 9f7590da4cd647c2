package org.safeguardingreport.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguardingreport.TestBundle;
import org.safeguardingreport.diag.Diagnostic;
import org.safeguardingreport.diag.Diagnostics;
import org.safeguardingreport.model.Answer;
import org.safeguardingreport.model.Bundle;
import org.safeguardingreport.model.MeasureValue;
import org.safeguardingreport.model.Quarter;
import org.safeguardingreport.model.ReportMeta;
import org.safeguardingreport.model.Services;

/**
 * What report.json, data/YYYY-YY.json and audit.json are read as, and each thing the readers and
 * the final rules say about them, at the place in the file where it is. Places are worked out from
 * the text written (see {@link #at}), messages from the rule each test names. Nothing is laid out.
 */
class ReadersTest {
    @TempDir
    Path tmp;

    /** "line:column" (1-based) of the first {@code token} in {@code text}, counted by hand from the text. */
    static String at(String text, String token) {
        int i = text.indexOf(token);
        assertTrue(i >= 0, token);
        String before = text.substring(0, i);
        int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
        return line + ":" + (i - before.lastIndexOf('\n'));
    }

    static BundleLoader.Result load(TestBundle b) {
        return BundleLoader.load(b.root);
    }

    /** Every diagnostic as "file:line:column: severity: message". */
    static List<String> lines(BundleLoader.Result r) {
        return r.diagnostics().sorted().stream().map(d -> d.format().lines().findFirst().orElseThrow()).toList();
    }

    static List<String> of(BundleLoader.Result r, String file) {
        return lines(r).stream().filter(l -> l.startsWith(file + ":")).toList();
    }

    static Diagnostic only(BundleLoader.Result r, String file, String message) {
        List<Diagnostic> found = r.diagnostics().sorted().stream()
                .filter(d -> d.file().equals(file) && d.message().contains(message)).toList();
        assertEquals(1, found.size(), message + " in " + lines(r));
        return found.get(0);
    }

    // ---- report.json

    static final String REPORT = """
            {
              "provider": { "name": "Kennet Valley NHS Trust", "odsCode": "rnw" },
              "reportingYear": "2023/24",
              "template": "dorset-2019",
              "authors": [ { "name": "Sam Patel", "role": "Named Nurse" }, { "name": "Jo Bloggs" } ],
              "boardPaper": { "meeting": "Trust Board", "date": "2024-07-25", "agendaItem": 12,
                              "presentedBy": "Director of Nursing", "recommendation": "Approve" },
              "signOff": { "approvedBy": "Dr A. Jones", "role": "Chief Executive", "body": "Trust Board", "date": "2024-07-25" }
            }
            """;

    @Test
    void reportJsonIsReadIntoTheReportsMeta() {
        BundleLoader.Result r = load(new TestBundle(tmp).write("report.json", REPORT));
        assertEquals(List.of(), of(r, "report.json"));
        ReportMeta m = r.bundle().orElseThrow().meta();
        assertEquals(new ReportMeta.Provider("Kennet Valley NHS Trust", "RNW"), m.provider(), "the ODS code in capitals");
        assertEquals("2023/24", m.reportingYear().label());
        assertEquals("dorset-2019", m.template());
        assertEquals("Safeguarding Children Annual Report 2023/24", m.title(), "no title: the report's own, with its year");
        assertEquals(List.of(new ReportMeta.Author("Sam Patel", "Named Nurse"), new ReportMeta.Author("Jo Bloggs", null)),
                m.authors());
        assertEquals(new ReportMeta.BoardPaper("Trust Board", LocalDate.of(2024, 7, 25), "12", "Director of Nursing", "approve"),
                m.boardPaper(), "an agenda item given as a number is kept as written; the recommendation in lower case");
        assertEquals(new ReportMeta.SignOff("Dr A. Jones", "Chief Executive", "Trust Board", LocalDate.of(2024, 7, 25)),
                m.signOff());
        assertEquals(List.of(), m.servicesNotProvided());
        assertEquals("A title of its own", load(new TestBundle(tmp.resolve("t")).write("report.json",
                REPORT.replace("\"template\"", "\"title\": \"A title of its own\", \"template\""))).bundle().orElseThrow()
                .meta().title());
    }

    @Test
    void unknownPropertiesAreErrorsWhereverTheyAre() {
        String json = REPORT.replace("\"odsCode\": \"rnw\"", "\"odsCode\": \"rnw\", \"phone\": \"1\"")
                .replace("\"role\": \"Named Nurse\"", "\"role\": \"Named Nurse\", \"email\": \"x\"")
                .replace("\"meeting\": \"Trust Board\"", "\"meeting\": \"Trust Board\", \"venue\": \"x\"")
                .replace("\"approvedBy\"", "\"seal\": true, \"approvedBy\"")
                .replace("\"template\"", "\"colour\": \"blue\", \"template\"");
        BundleLoader.Result r = load(new TestBundle(tmp).write("report.json", json));
        assertEquals(List.of(
                "report.json:" + at(json, "\"phone\"") + ": error: unknown property \"phone\" in provider",
                "report.json:" + at(json, "\"colour\"") + ": error: unknown property \"colour\" in report.json",
                "report.json:" + at(json, "\"email\"") + ": error: unknown property \"email\" in the author",
                "report.json:" + at(json, "\"venue\"") + ": error: unknown property \"venue\" in boardPaper",
                "report.json:" + at(json, "\"seal\"") + ": error: unknown property \"seal\" in signOff"), of(r, "report.json"));
    }

    @Test
    void aYearThatIsNoFinancialYearAndAMissingTemplateAreErrors() {
        String json = REPORT.replace("\"2023/24\"", "\"2023/25\"").replace("\"template\": \"dorset-2019\",", "");
        BundleLoader.Result r = load(new TestBundle(tmp).write("report.json", json));
        List<String> got = of(r, "report.json");
        assertTrue(got.contains("report.json:" + at(json, "\"2023/25\"") + ": error: reportingYear \"2023/25\" is not a financial year"),
                got.toString());
        assertTrue(got.contains("report.json:1:1: error: report.json has no \"template\""), got.toString());
        assertTrue(r.bundle().isEmpty(), "no report without its year");
    }

    @Test
    void aTemplateThatIsNotTextIsOneErrorNotTwo() {
        String json = REPORT.replace("\"template\": \"dorset-2019\"", "\"template\": 7");
        List<String> got = of(load(new TestBundle(tmp).write("report.json", json)), "report.json");
        assertFalse(got.stream().anyMatch(l -> l.contains("has no \"template\"")), got.toString());
        assertTrue(got.stream().anyMatch(l -> l.startsWith("report.json:" + at(json, "7") + ": error:")), got.toString());
    }

    @Test
    void noAuthorsNoBoardPaperAndMissingCoverSheetItemsAreWarnings() {
        String none = REPORT.replaceAll("(?s)\\s*\"authors\".*?\\],", "").replaceAll("(?s)\\s*\"boardPaper\".*?\\},", "");
        BundleLoader.Result r = load(new TestBundle(tmp).write("report.json", none));
        assertEquals(List.of("report.json:1:1: warning: report.json names no authors: the cover sheet's author line will be empty",
                "report.json:1:1: warning: report.json has no boardPaper: the cover sheet will be blank"), of(r, "report.json"));
        assertNull(r.bundle().orElseThrow().meta().boardPaper());

        String partial = REPORT.replace("\"meeting\": \"Trust Board\", \"date\": \"2024-07-25\", ", "")
                .replace(", \"recommendation\": \"Approve\"", "");
        BundleLoader.Result p = load(new TestBundle(tmp.resolve("p")).write("report.json", partial));
        String where = at(partial, "{ \"agendaItem\"");
        assertEquals(List.of("meeting", "date", "recommendation").stream().map(f -> "report.json:" + where
                + ": warning: boardPaper has no \"" + f + "\": the cover sheet will leave it blank").toList(), of(p, "report.json"));
    }

    @Test
    void anOdsCodeIsThreeToTenLettersAndDigits() {
        for (String bad : List.of("R!", "RN", "ABCDEFGHIJK", "R W1")) {
            String json = REPORT.replace("\"rnw\"", "\"" + bad + "\"");
            assertEquals(List.of("report.json:" + at(json, "\"" + bad + "\"") + ": error: odsCode \"" + bad + "\" is not an ODS code"),
                    of(load(new TestBundle(tmp.resolve("b" + bad.length())).write("report.json", json)), "report.json"), bad);
        }
        String ten = REPORT.replace("\"rnw\"", "\"abcde12345\"");
        assertEquals("ABCDE12345", load(new TestBundle(tmp.resolve("ten")).write("report.json", ten)).bundle().orElseThrow()
                .meta().provider().odsCode());
        String none = REPORT.replace(", \"odsCode\": \"rnw\"", "");
        BundleLoader.Result r = load(new TestBundle(tmp.resolve("none")).write("report.json", none));
        assertEquals(List.of(), of(r, "report.json"));
        assertNull(r.bundle().orElseThrow().meta().provider().odsCode());
    }

    @Test
    void aRecommendationIsNoteApproveOrDiscuss() {
        String json = REPORT.replace("\"Approve\"", "\"Endorse\"");
        BundleLoader.Result r = load(new TestBundle(tmp).write("report.json", json));
        assertEquals("report.json:" + at(json, "\"Endorse\"") + ": error: recommendation \"Endorse\" is not one of note, approve, discuss",
                of(r, "report.json").get(0));
        assertEquals(1, of(r, "report.json").size(), "a wrong recommendation is not also a missing one");
        for (String ok : List.of("note", "DISCUSS")) {
            BundleLoader.Result k = load(new TestBundle(tmp.resolve(ok)).write("report.json", REPORT.replace("\"Approve\"", "\"" + ok + "\"")));
            assertEquals(ok.toLowerCase(java.util.Locale.ROOT), k.bundle().orElseThrow().meta().boardPaper().recommendation());
        }
        assertEquals("Item 12", load(new TestBundle(tmp.resolve("s")).write("report.json", REPORT.replace("12,", "\"Item 12\","))).bundle()
                .orElseThrow().meta().boardPaper().agendaItem(), "an agenda item given as text");
    }

    @Test
    void theMissingItemsOfACoverSheetAreNamedInOrder() {
        assertEquals(List.of("meeting", "date", "agendaItem", "presentedBy", "recommendation"),
                ReportReader.missingBoardPaperFields(new ReportMeta.BoardPaper(null, null, null, null, null)));
        assertEquals(List.of(), ReportReader.missingBoardPaperFields(
                new ReportMeta.BoardPaper("m", LocalDate.of(2024, 7, 25), "1", "p", "note")));
        assertEquals(List.of("date", "presentedBy"), ReportReader.missingBoardPaperFields(
                new ReportMeta.BoardPaper("m", null, "1", null, "note")));
    }

    @Test
    void aSignOffDatedWithinTheYearIsAWarningAndAnIncompleteOneIsNone() {
        for (String date : List.of("2024-03-31", "2023-07-01")) {
            String json = REPORT.replace("\"date\": \"2024-07-25\" }", "\"date\": \"" + date + "\" }");
            BundleLoader.Result r = load(new TestBundle(tmp.resolve(date)).write("report.json", json));
            assertEquals(List.of("report.json:" + at(json, "\"" + date + "\"") + ": warning: signOff date " + date
                    + " is before the end of 2023/24 (2024-03-31)"), of(r, "report.json"), date);
            assertEquals(LocalDate.parse(date), r.bundle().orElseThrow().meta().signOff().date(), "still read");
        }
        BundleLoader.Result after = load(new TestBundle(tmp.resolve("after"))
                .write("report.json", REPORT.replace("\"date\": \"2024-07-25\" }", "\"date\": \"2024-04-01\" }")));
        assertEquals(List.of(), of(after, "report.json"), "the first day after the year");
        for (String gone : List.of("\"approvedBy\": \"Dr A. Jones\", ", "\"role\": \"Chief Executive\", ",
                "\"body\": \"Trust Board\", ", ", \"date\": \"2024-07-25\" }")) {
            String json = REPORT.replace(gone, gone.endsWith("}") ? " }" : "");
            BundleLoader.Result r = load(new TestBundle(tmp.resolve("g" + gone.length())).write("report.json", json));
            assertNull(r.bundle().orElseThrow().meta().signOff(), gone);
            assertTrue(r.diagnostics().hasErrors(), "a missing " + gone + " is named: " + lines(r));
        }
    }

    @Test
    void servicesNotProvidedAreKnownServicesEachOnce() {
        List<String> services = Services.all();
        String first = services.get(0);
        String json = REPORT.replace("\"template\"", "\"servicesNotProvided\": [\"" + first + "\", 4, \"Nowhere\", \"" + first
                + "\"], \"template\"");
        BundleLoader.Result r = load(new TestBundle(tmp).write("report.json", json));
        assertEquals(List.of("report.json:" + at(json, "4,") + ": error: each of \"servicesNotProvided\" is a service's name, not the number 4",
                "report.json:" + at(json, "\"Nowhere\"") + ": error: unknown service \"Nowhere\""), of(r, "report.json"));
        Diagnostic unknown = only(r, "report.json", "unknown service");
        assertEquals("services: " + String.join(", ", services), unknown.hint(), "nothing near \"Nowhere\" to suggest");
        String typo = first.substring(0, first.length() - 1);
        BundleLoader.Result near = load(new TestBundle(tmp.resolve("near")).write("report.json",
                REPORT.replace("\"template\"", "\"servicesNotProvided\": [\"" + typo + "\"], \"template\"")));
        assertEquals("did you mean " + first + "? services: " + String.join(", ", services),
                only(near, "report.json", "unknown service").hint());
        BundleLoader.Result ok = load(new TestBundle(tmp.resolve("ok")).write("report.json",
                REPORT.replace("\"template\"", "\"servicesNotProvided\": [\"" + first + "\", \"" + first + "\"], \"template\"")));
        assertEquals(List.of(first), ok.bundle().orElseThrow().meta().servicesNotProvided());
    }

    // ---- data/2023-24.json

    static final String DATA = """
            {
              "reportingYear": "2023/24",
              "quarters": {
                "Q1": { "3b-level-3": { "numerator": 412, "denominator": 455 }, "6a-si-steis": 1 },
                "Q3": { "3b-level-3": { "numerator": 0, "denominator": 0 } }
              },
              "annual": { "1c-executive-lead": false, "8f-enhanced-dbs": { "numerator": 980, "denominator": 1002 } }
            }
            """;

    @Test
    void theDataFileIsReadIntoTheYearsValues() {
        BundleLoader.Result r = load(new TestBundle(tmp).write("data/2023-24.json", DATA));
        assertEquals(List.of(), of(r, "data/2023-24.json"));
        var year = r.bundle().orElseThrow().currentYear().orElseThrow();
        assertEquals(Optional.of(new MeasureValue.Ratio(412, 455)), year.quarterly("3b-level-3", Quarter.Q1));
        assertEquals(Optional.of(new MeasureValue.Count(1)), year.quarterly("6a-si-steis", Quarter.Q1));
        assertEquals(Optional.of(new MeasureValue.Ratio(0, 0)), year.quarterly("3b-level-3", Quarter.Q3));
        assertEquals(Optional.empty(), year.quarterly("3b-level-3", Quarter.Q2));
        assertEquals(Optional.of(new MeasureValue.Flag(false)), year.annual("1c-executive-lead"));
        assertEquals(Optional.of(new MeasureValue.Ratio(980, 1002)), year.annual("8f-enhanced-dbs"));
        assertEquals(Map.of(Quarter.Q1, 2, Quarter.Q3, 1), Map.of(Quarter.Q1, year.quarters().get(Quarter.Q1).size(),
                Quarter.Q3, year.quarters().get(Quarter.Q3).size()));
    }

    @Test
    void theDataFilesOwnMistakesAreErrorsAtTheirPlace() {
        String json = DATA.replace("\"reportingYear\": \"2023/24\",", "\"reportingYear\": \"2023-2024\", \"source\": \"x\",")
                .replace("\"Q3\"", "\"q5\"")
                .replace("\"6a-si-steis\": 1", "\"6a-si-steis\": { \"value\": 1 }, \"1c-executive-lead\": true")
                .replace("\"1c-executive-lead\": false", "\"1c-executive-lead\": \"yes\", \"3b-level-2\": { \"numerator\": 1, \"denominator\": 2 }");
        BundleLoader.Result r = load(new TestBundle(tmp).write("data/2023-24.json", json));
        assertEquals(List.of(
                "data/2023-24.json:" + at(json, "\"2023-2024\"") + ": error: reportingYear \"2023-2024\" is not a financial year",
                "data/2023-24.json:" + at(json, "\"source\"") + ": error: unknown property \"source\" in the data file",
                "data/2023-24.json:" + at(json, "{ \"value\"") + ": error: 6a-si-steis is a count: write a whole number, not an object",
                "data/2023-24.json:" + at(json, "\"1c-executive-lead\": true") + ": error: 1c-executive-lead is an annual measure: "
                        + "it belongs under \"annual\", not in a quarter",
                "data/2023-24.json:" + at(json, "\"q5\"") + ": error: unknown quarter \"q5\"",
                "data/2023-24.json:" + at(json, "\"yes\"") + ": error: 1c-executive-lead is a yes/no measure: it must be true or false, "
                        + "not the text \"yes\"",
                "data/2023-24.json:" + at(json, "\"3b-level-2\"") + ": error: 3b-level-2 is a quarterly measure: it belongs under "
                        + "\"quarters\", not \"annual\""), of(r, "data/2023-24.json"));
        assertEquals("the quarters are Q1 (Apr-Jun), Q2 (Jul-Sep), Q3 (Oct-Dec), Q4 (Jan-Mar)", only(r, "data/2023-24.json", "unknown quarter").hint());
        assertEquals("move it to \"annual\"", only(r, "data/2023-24.json", "an annual measure").hint());
        assertEquals("move it to each quarter of \"quarters\"", only(r, "data/2023-24.json", "a quarterly measure").hint());
        assertEquals("write true (without quotes)", only(r, "data/2023-24.json", "yes/no").hint());
    }

    @Test
    void aQuarterInLowerCaseIsToldItsName() {
        String json = DATA.replace("\"Q3\"", "\"q3\"");
        BundleLoader.Result r = load(new TestBundle(tmp).write("data/2023-24.json", json));
        assertEquals("write \"Q3\"", only(r, "data/2023-24.json", "unknown quarter \"q3\"").hint());
    }

    @Test
    void aPercentageNeedsBothPartsAndNothingElse() {
        String json = DATA.replace("{ \"numerator\": 412, \"denominator\": 455 }", "{ \"numerator\": 412, \"of\": 455 }")
                .replace("{ \"numerator\": 980, \"denominator\": 1002 }", "{ \"numerator\": 980, \"denominator\": 1002, \"note\": 1 }");
        BundleLoader.Result r = load(new TestBundle(tmp).write("data/2023-24.json", json));
        assertEquals(List.of(
                "data/2023-24.json:" + at(json, "{ \"numerator\": 412") + ": error: 3b-level-3 needs both a numerator and a denominator",
                "data/2023-24.json:" + at(json, "\"of\"") + ": error: unknown property \"of\" in 3b-level-3",
                "data/2023-24.json:" + at(json, "\"note\"") + ": error: unknown property \"note\" in 8f-enhanced-dbs"),
                of(r, "data/2023-24.json"));
        assertEquals(Optional.empty(), r.bundle().orElseThrow().currentYear().orElseThrow().quarterly("3b-level-3", Quarter.Q1));
    }

    @Test
    void aYesNoMeasureWrittenAsTextOrNumberIsToldWhatToWrite() {
        Map<String, String> hints = Map.of(
                "\"Y\"", "write true (without quotes)", "\" true \"", "write true (without quotes)",
                "\"No\"", "write false (without quotes)", "\"n\"", "write false (without quotes)",
                "\"false\"", "write false (without quotes)", "\"maybe\"", "write true or false without quotes",
                "1", "a yes/no measure is true or false, not a number", "null", "write true or false without quotes");
        hints.forEach((written, hint) -> {
            String json = DATA.replace("\"1c-executive-lead\": false", "\"1c-executive-lead\": " + written);
            BundleLoader.Result r = load(new TestBundle(tmp.resolve("h" + Math.abs(written.hashCode()))).write("data/2023-24.json", json));
            assertEquals(hint, only(r, "data/2023-24.json", "1c-executive-lead is a yes/no measure").hint(), written);
        });
    }

    // ---- audit.json

    @Test
    void auditAnswersAreReadAndABlankOrNullAnswerLeavesAQuestionOpen() {
        String audit = """
                {
                  "1.1": { "answer": "Yes", "comment": "On the website.", "question": "the question's text, for the author" },
                  "1.2": { "answer": "  " },
                  "1.3": { "answer": null, "comment": "To do." },
                  "1.4": { "answer": "n/a" },
                  "1.5": { }
                }
                """;
        BundleLoader.Result r = load(new TestBundle(tmp).write("audit.json", audit));
        assertEquals(List.of(), of(r, "audit.json"));
        var answers = r.bundle().orElseThrow().audit();
        assertEquals(Answer.YES, answers.get("1.1").answer());
        assertEquals("On the website.", answers.get("1.1").comment());
        assertNull(answers.get("1.2").answer());
        assertNull(answers.get("1.3").answer());
        assertEquals("To do.", answers.get("1.3").comment());
        assertEquals(Answer.NOT_APPLICABLE, answers.get("1.4").answer());
        assertNull(answers.get("1.5").answer());
        assertNull(answers.get("1.5").comment());
    }

    @Test
    void auditMistakesAreErrorsAtTheirPlace() {
        String audit = """
                {
                  "1.1": "yes",
                  "1.2": { "answer": "parital" },
                  "1.3": { "answer": "maybe not" },
                  "1.4": { "answer": true, "note": "x" },
                  "1.5": 3,
                  "99.1": { "answer": "yes" }
                }
                """;
        BundleLoader.Result r = load(new TestBundle(tmp).write("audit.json", audit));
        List<String> got = of(r, "audit.json");
        assertTrue(got.containsAll(List.of(
                "audit.json:" + at(audit, "\"yes\"") + ": error: question 1.1 must be an object, not the text \"yes\"",
                "audit.json:" + at(audit, "\"parital\"") + ": error: answer \"parital\" to question 1.2 is not one of yes, no, partial, n/a",
                "audit.json:" + at(audit, "\"maybe not\"") + ": error: answer \"maybe not\" to question 1.3 is not one of yes, no, "
                        + "partial, n/a",
                "audit.json:" + at(audit, "true") + ": error: answer to question 1.4 must be \"yes\", \"no\", \"partial\" or \"n/a\", "
                        + "not true",
                "audit.json:" + at(audit, "\"note\"") + ": error: unknown property \"note\" in question 1.4")), got.toString());
        assertTrue(got.stream().anyMatch(l -> l.startsWith("audit.json:" + at(audit, "3,") + ": error: question 1.5 must be an object")), "1.5 is no object: " + got);
        assertTrue(got.stream().anyMatch(l -> l.startsWith("audit.json:" + at(audit, "\"99.1\"") + ": error:")), "no question 99.1: " + got);
        assertEquals(7, got.size(), got.toString());
        assertEquals("write \"1.1\": { \"answer\": \"yes\", \"comment\": \"...\" }", only(r, "audit.json", "1.1 must be").hint());
        assertEquals("did you mean partial?", only(r, "audit.json", "\"parital\"").hint());
        assertEquals("leave it null while the question is unanswered", only(r, "audit.json", "\"maybe not\"").hint());
        var answers = r.bundle().orElseThrow().audit();
        assertFalse(answers.containsKey("1.1"), "text is no answer object");
        assertFalse(answers.containsKey("99.1"));
        assertNull(answers.get("1.2").answer());
    }

    @Test
    void aYesToAQuestionAskingHowOrWhoNeedsACommentSayingSo() {
        // dorset's 3.3 "How do you ensure ... regarding:" (75 characters) and 3.5 "Who provides ..." (69) ask for an account;
        // 1.1 asks "Does your organisation ...?", a yes or no
        String audit = """
                {
                  "1.1": { "answer": "yes" },
                  "3.3": { "answer": "yes" },
                  "3.4": { "answer": "n/a" },
                  "3.5": { "answer": "partial", "comment": "  " },
                  "3.6": { "answer": "yes", "comment": "Trainers hold a teaching qualification." },
                  "3.7": { }
                }
                """;
        BundleLoader.Result r = load(new TestBundle(tmp).write("audit.json", audit));
        assertEquals(List.of(
                "audit.json:" + at(audit, "\"yes\" },\n  \"3.4\"") + ": warning: question 3.3 asks \"How do you ensure that your work "
                        + "force are appropriately trained\u2026\": \"yes\" alone does not answer it",
                "audit.json:" + at(audit, "\"partial\"") + ": warning: question 3.5 asks \"Who provides the safeguarding children "
                        + "training in your organisation?\": \"partial\" alone does not answer it"), of(r, "audit.json"));
        assertEquals("say who, how, what or how many in \"comment\"", only(r, "audit.json", "question 3.3 asks").hint());
    }

    @Test
    void aLogoNeedsItsFileAndItsAlternativeText() {
        String json = REPORT.replace("\"template\"", "\"logo\": { \"file\": \"images/logo.png\", \"alt\": \"Kennet Valley logo\" }, \"template\"");
        ReportMeta.Logo logo = load(new TestBundle(tmp).write("report.json", json)).bundle().orElseThrow().meta().logo();
        assertEquals("images/logo.png", logo.file());
        assertEquals("Kennet Valley logo", logo.alt());
        assertEquals(at(json, "\"images/logo.png\""), logo.pos().line() + ":" + logo.pos().column());
        String noAlt = REPORT.replace("\"template\"", "\"logo\": { \"file\": \"images/logo.png\", \"size\": 3 }, \"template\"");
        BundleLoader.Result r = load(new TestBundle(tmp.resolve("n")).write("report.json", noAlt));
        assertNull(r.bundle().orElseThrow().meta().logo());
        List<String> got = of(r, "report.json");
        assertTrue(got.contains("report.json:" + at(noAlt, "\"size\"") + ": error: unknown property \"size\" in the logo"), got.toString());
        assertTrue(got.stream().anyMatch(l -> l.contains("error:") && l.contains("alt")), "the missing alt is named: " + got);
        String noFile = REPORT.replace("\"template\"", "\"logo\": { \"alt\": \"Kennet Valley logo\" }, \"template\"");
        assertNull(load(new TestBundle(tmp.resolve("f")).write("report.json", noFile)).bundle().orElseThrow().meta().logo());
    }

    // ---- the final rules

    static List<String> finalErrors(TestBundle b) {
        Bundle bundle = load(b).bundle().orElseThrow();
        Diagnostics d = new Diagnostics();
        FinalRules.apply(bundle, d);
        return d.sorted().stream().map(x -> x.format().lines().findFirst().orElseThrow()).toList();
    }

    @Test
    void aFinalReportNeedsItsSignOffAndEveryCoverSheetItem() {
        String json = REPORT.replaceAll("(?s),\\s*\"signOff\".*?\\}", "").replace("\"presentedBy\": \"Director of Nursing\", ", "");
        List<String> got = finalErrors(new TestBundle(tmp).write("report.json", json));
        assertTrue(got.contains("report.json:" + at(json, "\"boardPaper\"")
                + ": error: a final report needs the cover sheet's boardPaper presentedBy"), got.toString());
        assertTrue(got.contains("report.json:1:1: error: a final report needs signOff: approvedBy, role, body and date"), got.toString());

        String none = REPORT.replaceAll("(?s)\\s*\"boardPaper\".*?\\},", "");
        List<String> all = finalErrors(new TestBundle(tmp.resolve("n")).write("report.json", none));
        assertTrue(all.contains("report.json:1:1: error: a final report needs the cover sheet's boardPaper meeting, date, agendaItem, "
                + "presentedBy, recommendation"), all.toString());
        assertFalse(all.stream().anyMatch(l -> l.contains("signOff")), "the sign-off is there: " + all);
    }

    @Test
    void eachGapIsAnErrorWithItsQuestionsTextAndAPromptLeftInASectionIsNamedAtItsLine() {
        TestBundle b = new TestBundle(tmp).write("narrative/risk.md",
                "The risks are on the register.\n\n_Replace this line: list the risks._\n\n_Replace this line: and more._\n");
        Bundle bundle = load(b).bundle().orElseThrow();
        List<String> gaps = bundle.gaps();
        String text = bundle.template().question(gaps.get(0)).orElseThrow().text();
        List<String> got = finalErrors(b);
        assertEquals(gaps.size(), got.stream().filter(l -> l.startsWith("audit.json:")).count(), got.toString());
        assertTrue(got.stream().anyMatch(l -> l.endsWith(": error: audit question " + gaps.get(0)
                + " has neither an answer nor evidence: \"" + text + "\"")), got.toString());
        assertEquals(List.of("narrative/risk.md:3:1: error: a final report cannot hold the template's prompt"),
                got.stream().filter(l -> l.startsWith("narrative/")).toList(), "once, at the first prompt");
    }

    @Test
    void aPictureThatIsNotInTheBundleCannotBeInAFinalReport() {
        TestBundle b = new TestBundle(tmp).write("narrative/achievements.md", "Our year.\n\n![The team](images/team.png)\n");
        List<String> got = finalErrors(b);
        assertTrue(got.stream().anyMatch(l -> l.startsWith("narrative/achievements.md:3:")
                && l.endsWith("error: a final report cannot show a placeholder for the picture images/team.png")), got.toString());
    }
}
