package org.safeguardingreport.amalgamate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.safeguardingreport.Cli;
import org.safeguardingreport.DocxXml;
import org.safeguardingreport.PdfText;
import org.safeguardingreport.diag.Diagnostic;
import org.safeguardingreport.diag.Diagnostics;
import org.safeguardingreport.json.JsonReader;
import org.safeguardingreport.json.JsonValue;
import org.safeguardingreport.model.Measure;
import org.safeguardingreport.model.MeasureCatalog;
import org.safeguardingreport.model.MeasureValue;
import org.safeguardingreport.model.Quarter;
import org.safeguardingreport.text.Folders;

/**
 * Overall assurance, exceptions, themes and last year, with generated providers: every annual No and
 * every Q4 Red is an exception once, with the provider's ODS code; ratings follow the rule file and move
 * when it changes; contradictions planted between audit and dashboard are flagged; 588/774 prints
 * "75.97%"; last year's reports give the direction of travel; a bad rule file is a located error.
 */
class AssuranceTest {
    static final Path RULE = Path.of(System.getProperty("report.home", "."), "report-templates", "amalgamation",
            AssuranceRule.FILE);
    static Path tmp;
    static List<Path> planted;
    static List<Path> last;
    static Path out;
    static Cli run;

    @BeforeAll
    static void build() throws Exception {
        tmp = Files.createTempDirectory("assurance");
        planted = Generated.providers(tmp.resolve("now"), 3, 3);
        Path first = planted.get(0);
        // audit 1.5 (Section 11) answered Yes while the dashboard says the duty was not met
        setAnnual(first, "1a-section-11", false);
        setAnswer(first, "1.5", "yes");
        // standard 4 all Yes in the audit, and a supervision measure Red in every quarter
        for (String q : List.of("4.1", "4.2", "4.3", "4.4")) {
            setAnswer(first, q, "yes");
        }
        String supervision = firstMeasure(first, "4");
        for (Quarter q : Quarter.values()) {
            setRatio(first, q.name(), supervision, 10, 40);
        }
        // induction at Q4: 588 / 774 = 75.97%, Red, on the 76% threshold when rounded to one decimal
        setRatio(planted.get(1), "Q4", "3a-induction", 588, 774);
        last = new ArrayList<>();
        for (Path p : planted) {
            last.add(Generated.lastYear(p, tmp.resolve("last").resolve(p.getFileName().toString()), "LYPRIORITY"));
        }
        out = tmp.resolve("out");
        List<String> args = new ArrayList<>(List.of("amalgamate", tmp.resolve("now").toString(), "-o", out.toString(),
                "--last-year", tmp.resolve("last").toString()));
        run = Cli.run(args.toArray(new String[0]));
    }

    @AfterAll
    static void clean() throws IOException {
        Folders.deleteTree(tmp);
    }

    @Test
    void theCommandBuildsWithLastYearAndSaysSo() {
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("compared with 3 of last year's (2022/23)"), run.out());
    }

    @Test
    void everyAnnualNoAndEveryQ4RedIsAnExceptionOnceWithItsOdsCode() throws Exception {
        for (int seed : new int[] {1, 5, 11}) {
            List<Path> bundles = Generated.providers(tmp.resolve("seed-" + seed), 2, seed);
            Amalgamation.Result r = Amalgamation.read(bundles.stream().map(Amalgamation.Input::folder).toList(), false, false);
            assertTrue(r.ok(), r.errors().toString());
            Findings f = Findings.of(r, rule(Files.readString(RULE)), null);
            for (int i = 0; i < bundles.size(); i++) {
                Path b = bundles.get(i);
                Amalgamation.Provider p = r.providers().get(i);
                String ods = ods(b);
                assertFalse(ods.isEmpty(), "the generator gives an ODS code");
                List<Assurance.Exception> mine = f.exceptions().stream().filter(x -> x.provider().equals(p.name())).toList();
                mine.forEach(x -> assertEquals(ods, x.odsCode(), "every row names the provider's ODS code"));
                // the annual Nos, read from the data file's own text
                String data = Files.readString(b.resolve("data/2023-24.json"));
                Matcher no = Pattern.compile("\"([0-9][a-z]-[a-z0-9-]+)\": false").matcher(data);
                int nos = 0;
                while (no.find()) {
                    String id = no.group(1);
                    nos++;
                    assertEquals(1, mine.stream().filter(x -> x.measureId().equals(id)
                            && x.kind() == Assurance.Exception.Kind.ANNUAL_NO && x.figure().equals("No")).count(),
                            "seed " + seed + " " + p.name() + ": annual No " + id);
                }
                assertEquals(nos, mine.stream().filter(x -> x.kind() == Assurance.Exception.Kind.ANNUAL_NO).count());
                // every % measure Red at Q4 (annual ones: the year), once; nothing else
                int reds = 0;
                var year = p.bundle().currentYear().orElseThrow();
                for (Measure m : MeasureCatalog.get().all()) {
                    if (!m.rated()) {
                        continue;
                    }
                    Optional<MeasureValue> v = m.frequency() == org.safeguardingreport.model.Frequency.ANNUAL
                            ? year.annual(m.id()) : year.quarterly(m.id(), Quarter.Q4);
                    boolean red = v.isPresent() && v.get() instanceof MeasureValue.Ratio x && x.denominator() > 0
                            && x.numerator() * 100.0 < p.bundle().template().threshold(m.id()).amber() * x.denominator();
                    long listed = mine.stream().filter(x -> x.measureId().equals(m.id())
                            && x.kind() == Assurance.Exception.Kind.RED_AT_Q4).count();
                    assertEquals(red ? 1 : 0, listed, "seed " + seed + " " + p.name() + ": " + m.id());
                    reds += red ? 1 : 0;
                }
                assertEquals(nos + reds, mine.size());
            }
        }
    }

    @Test
    void theExceptionsInTheReportAndItsJsonNameEveryAnnualNoWithItsOdsCode() throws Exception {
        assertEquals(0, run.status(), run.err());
        String json = Files.readString(out.resolve("amalgamation.json"));
        List<String> rows = PdfText.cellLines(out.resolve("health-annual-report.pdf")).stream()
                .map(l -> String.join(" ", l).replaceAll("\\s+", " ").strip()).toList();
        String text = String.join(" ", PdfText.pages(out.resolve("health-annual-report.pdf"))).replaceAll("\\s+", " ");
        for (Path b : planted) {
            String data = Files.readString(b.resolve("data/2023-24.json"));
            Matcher no = Pattern.compile("\"([0-9][a-z]-[a-z0-9-]+)\": false").matcher(data);
            while (no.find()) {
                Pattern entry = Pattern.compile("\"odsCode\" : \"" + ods(b) + "\",\\s*\"measure\" : \"" + no.group(1)
                        + "\",\\s*\"standard\" : \\d+,\\s*\"kind\" : \"annualNo\"");
                assertTrue(entry.matcher(json).find(), "amalgamation.json: " + no.group(1) + " of " + ods(b));
                String label = MeasureCatalog.get().measure(no.group(1)).orElseThrow().label();
                String named = name(b) + " (" + ods(b) + ")";
                boolean row = false;
                for (int i = 0; i + 3 < rows.size() && !row; i++) {
                    row = rows.get(i).equals(named) && rows.get(i + 2).equals(label) && rows.get(i + 3).equals("No");
                }
                assertTrue(row, "a row of the exceptions: " + named + " | " + label + " | No");
            }
        }
        assertTrue(json.contains("\"assurance\" : {") && json.contains("\"exceptions\" : [") && json.contains("\"themes\" : {"),
                "the new facts are recorded");
        assertTrue(json.contains("\"reds\" : [") && json.contains("\"gaps\" : [") && json.contains("\"q4Ratings\""),
                "the fields scripts rely on are kept");
    }

    @Test
    void aPlantedContradictionIsFlaggedInTheReportAndItsJson() throws Exception {
        assertEquals(0, run.status(), run.err());
        String json = Files.readString(out.resolve("amalgamation.json"));
        assertTrue(json.contains("audit 1.5 answered Yes, dashboard \\u201cSection 11 duties and Board audit requests met\\u201d No")
                || json.contains("audit 1.5 answered Yes, dashboard \u201cSection 11 duties and Board audit requests met\u201d No"), json);
        String text = String.join(" ", PdfText.pages(out.resolve("health-annual-report.pdf"))).replaceAll("\\s+", " ");
        List<String> cells = PdfText.cellLines(out.resolve("health-annual-report.pdf")).stream().map(l -> String.join(" ", l).replaceAll("\\s+", " ").strip()).toList();
        assertTrue(cells.contains("audit 1.5 answered Yes, dashboard \u201cSection 11 duties and Board audit requests met\u201d No"),
                "the duty contradiction in the PDF: " + text.substring(Math.max(0, text.indexOf("audit 1.5") - 20),
                        Math.max(0, text.indexOf("audit 1.5")) + 200));
        String supervision = MeasureCatalog.get().measure(firstMeasure(planted.get(0), "4")).orElseThrow().label();
        assertTrue(cells.contains("standard 4 audit all Yes, but \u201c" + supervision + "\u201d Red in every quarter"),
                "a standard all Yes with a measure Red all year");
        String xml = DocxXml.document(out.resolve("health-annual-report.docx"));
        assertTrue(xml.contains("Where the audit and the dashboard disagree"), "and in Word");
    }

    @Test
    void aFigureOnTheThresholdPrintsEnoughDecimalsToShowItsRating() throws Exception {
        assertEquals(0, run.status(), run.err());
        String text = String.join(" ", PdfText.pages(out.resolve("health-annual-report.pdf"))).replaceAll("\\s+", " ");
        assertTrue(text.contains("75.97%"), "588 / 774 printed as 75.97%");
        assertTrue(text.contains("588 / 774"), "with its n / N");
        assertFalse(text.contains("76.0%"), "never as 76.0%, the Amber side of the threshold");
        String json = Files.readString(out.resolve("amalgamation.json"));
        assertTrue(json.contains("\"value\" : \"75.97%\",\n      \"count\" : \"588 / 774\""), "the exception in amalgamation.json");
    }

    @Test
    void lastYearsReportsGiveTheDirectionOfTravelTheAssuranceMovementAndThePriorities() throws Exception {
        assertEquals(0, run.status(), run.err());
        String json = Files.readString(out.resolve("amalgamation.json"));
        assertEquals(3, Pattern.compile("\"lastYear\" : \\{\\s*\"assurance\" : \"[A-Za-z ]+\"").matcher(json).results().count(),
                "last year's assurance, per provider");
        assertTrue(Pattern.compile("\"direction\" : \"(better|worse|same)\"").matcher(json).find());
        Matcher m = Pattern.compile("\"measure\" : \"3a-induction\",\\s*\"lastYear\" : \"([0-9.]+%)\",\\s*\"lastRating\" : \"(\\w+)\","
                + "\\s*\"thisYear\" : \"75.97%\",\\s*\"thisRating\" : \"red\",\\s*\"direction\" : \"(\\w+)\"").matcher(json);
        assertTrue(m.find(), "induction at Q4 against last year's Q4");
        String expected = m.group(2).equals("red") ? null : "worse";
        if (expected != null) {
            assertEquals(expected, m.group(3), "from " + m.group(2) + " to Red is worse");
        }
        String text = String.join(" ", PdfText.pages(out.resolve("health-annual-report.pdf"))).replaceAll("\\s+", " ");
        assertTrue(text.contains("This year against last"));
        assertTrue(text.contains("LYPRIORITY"), "last year's priorities shown");
        assertTrue(text.contains("Last year's priorities and this year's achievements"));
        String xml = DocxXml.document(out.resolve("health-annual-report.docx"));
        assertTrue(xml.contains("LYPRIORITY") && xml.contains("This year against last"), "and in Word");
    }

    @Test
    void eachRatingFollowsTheRuleFileAndMovesWhenTheRuleChanges() throws Exception {
        assertEquals(0, run.status(), run.err());
        AssuranceRule rule = rule(Files.readString(RULE));
        String json = Files.readString(out.resolve("amalgamation.json"));
        Map<String, String> before = ratings(json);
        assertEquals(3, before.size());
        Matcher pts = Pattern.compile("\"rating\" : \"([^\"]+)\",\\s*\"points\" : (\\d+),\\s*\"cappedBy\" : (null|\"(\\w+)\")").matcher(json);
        int seen = 0;
        while (pts.find()) {
            String uncapped = rule.rate(Integer.parseInt(pts.group(2)));
            String expected = pts.group(4) == null ? uncapped
                    : rule.atBest().get(AssuranceRule.Finding.valueOf(pts.group(4)));
            assertEquals(expected, pts.group(1), "the rating is the rule's for " + pts.group(2) + " points");
            seen++;
        }
        assertEquals(3, seen);

        // a copy of the rule where every total is Assured and nothing caps: every provider moves to Assured
        Path lenient = tmp.resolve("lenient.json");
        String text = Files.readString(RULE);
        text = text.replaceFirst("\"atMost\": 20", "\"atMost\": 100000").replaceFirst("\"atMost\": 45", "\"atMost\": 100001")
                .replaceFirst("\"atMost\": 90", "\"atMost\": 100002")
                .replace("\"annualNo\": \"Limited\",", "").replace("\"contradiction\": \"Partial\"", "\"redEveryQuarter\": \"Not assured\"");
        Files.writeString(lenient, text);
        Path out2 = tmp.resolve("out-lenient");
        Cli again = Cli.run("amalgamate", planted.get(0).toString(), planted.get(2).toString(), "-o", out2.toString(),
                "--rules", lenient.toString());
        assertEquals(0, again.status(), again.err());
        String json2 = Files.readString(out2.resolve("amalgamation.json"));
        Map<String, String> after = ratings(json2);
        Map<String, String> caps = capped(json2);
        assertEquals("Not assured", after.get(name(planted.get(0))), "capped by the new rule: a measure Red in every quarter");
        for (Map.Entry<String, String> e : after.entrySet()) {
            assertEquals("redEveryQuarter".equals(caps.get(e.getKey())) ? "Not assured" : "Assured", e.getValue(), e.getKey());
        }
        assertTrue(after.entrySet().stream().anyMatch(e -> !e.getValue().equals(before.get(e.getKey()))),
                "the ratings moved with the rule: " + before + " then " + after);
        assertTrue(Files.readString(out2.resolve("amalgamation.json")).contains("\"assuranceRule\" : \"" + lenient + "\""));
    }

    @Test
    void aBadRuleFileIsAnErrorAtItsLineAndColumnAndNothingIsWritten() throws Exception {
        Path bad = tmp.resolve("bad-rule.json");
        String text = Files.readString(RULE).replace("\"redAtQ4\": 2,", "\"redAtQ4\": \"two\",");
        Files.writeString(bad, text);
        int line = 1 + (int) text.substring(0, text.indexOf("\"two\"")).chars().filter(c -> c == '\n').count();
        int col = text.indexOf("\"two\"") - text.lastIndexOf('\n', text.indexOf("\"two\""));
        Path out3 = tmp.resolve("out-bad");
        Cli c = Cli.run("amalgamate", planted.get(2).toString(), "-o", out3.toString(), "--rules", bad.toString());
        assertEquals(1, c.status(), c.err());
        assertTrue(c.err().contains(bad + ":" + line + ":" + col + ": error: the points for \"redAtQ4\" must be a whole number"),
                c.err());
        assertFalse(Files.exists(out3.resolve("health-annual-report.pdf")), "nothing written");
    }

    @Test
    void ruleMistakesAreEachReportedWhereTheyStand() {
        String good = readRule();
        Diagnostics d = new Diagnostics();
        assertTrue(AssuranceRule.read(good, "assurance.json", d).isPresent(), d.sorted().toString());
        assertEquals(List.of("Assured", "Partial", "Limited", "Not assured"),
                AssuranceRule.read(good, "a.json", new Diagnostics()).orElseThrow().levels().stream()
                        .map(AssuranceRule.Level::rating).toList());

        List<Diagnostic> trailing = errors(good.replace("\"contradiction\": 4\n", "\"contradiction\": 4,\n"));
        assertEquals(1, trailing.size(), trailing.toString());
        assertTrue(trailing.get(0).line() > 0 && trailing.get(0).column() > 0, "JSON mistakes are located");

        List<Diagnostic> several = errors(good.replace("\"atMost\": 45", "\"atMost\": 10")
                .replace("\"annualNo\": \"Limited\"", "\"annualNo\": \"Limitted\"")
                .replace("\"redEveryQuarter\": 1,", "\"redEveryQuater\": 1, \"redEveryQuarter\": 1,")
                .replace("\"1a-section-11\": \"1.5\"", "\"3b-level-3\": \"1.5\""));
        List<String> messages = several.stream().map(Diagnostic::message).toList();
        assertTrue(messages.contains("\"atMost\" 10 must be larger than the level above's (20): levels go from best to worst"),
                messages.toString());
        assertTrue(messages.stream().anyMatch(x -> x.startsWith("\"atBest\" \"annualNo\" must name one of the levels")), messages.toString());
        assertTrue(messages.contains("unknown property \"redEveryQuater\" in \"points\""), messages.toString());
        assertTrue(messages.contains("\"3b-level-3\" is not an annual yes/no measure of the dashboard"), messages.toString());
        assertTrue(several.stream().allMatch(x -> x.line() > 0 && x.column() > 0), "each at its line and column");
        Diagnostic typo = several.stream().filter(x -> x.message().startsWith("unknown property")).findFirst().orElseThrow();
        assertEquals("did you mean redEveryQuarter?", typo.hint());
    }

    @Test
    void theRateOfATotalIsTheFirstLevelThatHoldsIt() {
        AssuranceRule rule = rule(readRule());
        assertEquals("Assured", rule.rate(0));
        assertEquals("Assured", rule.rate(20));
        assertEquals("Partial", rule.rate(21));
        assertEquals("Limited", rule.rate(90));
        assertEquals("Not assured", rule.rate(91));
        assertEquals("Not assured", rule.worst());
        assertTrue(rule.statutory("dorset-2019", "1.5"));
        assertFalse(rule.statutory("dorset-2019", "1.6"), "an inspection may not have been asked for");
    }

    @Test
    void quartersRunningCountBackIntoLastYear() {
        var year = org.safeguardingreport.model.ReportingYear.parseLabel("2023/24").orElseThrow();
        assertEquals("Q4 only", Assurance.running(1, year));
        assertEquals("4 quarters (since Q1 2023/24)", Assurance.running(4, year));
        assertEquals("6 quarters (since Q3 2022/23)", Assurance.running(6, year));
    }

    static List<Diagnostic> errors(String text) {
        Diagnostics d = new Diagnostics();
        assertTrue(AssuranceRule.read(text, "assurance.json", d).isEmpty());
        return d.sorted().stream().filter(Diagnostic::isError).toList();
    }

    static String readRule() {
        try {
            return Files.readString(RULE);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static AssuranceRule rule(String text) {
        Diagnostics d = new Diagnostics();
        return AssuranceRule.read(text, "assurance.json", d).orElseThrow(() -> new AssertionError(d.sorted().toString()));
    }

    /** Provider name → what capped its rating ("" when nothing did), from amalgamation.json. */
    static Map<String, String> capped(String json) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonValue.JsonObject root = (JsonValue.JsonObject) JsonReader.read(json, "amalgamation.json", new Diagnostics()).orElseThrow();
        for (JsonValue p : ((JsonValue.JsonArray) root.get("providers")).items()) {
            JsonValue.JsonObject o = (JsonValue.JsonObject) p;
            JsonValue cap = ((JsonValue.JsonObject) o.get("assurance")).get("cappedBy");
            out.put(((JsonValue.JsonString) o.get("name")).value(), cap instanceof JsonValue.JsonString x ? x.value() : "");
        }
        return out;
    }

    /** Provider name → overall rating, from amalgamation.json. */
    static Map<String, String> ratings(String json) {
        Map<String, String> out = new LinkedHashMap<>();
        Optional<JsonValue> v = JsonReader.read(json, "amalgamation.json", new Diagnostics());
        JsonValue.JsonObject root = (JsonValue.JsonObject) v.orElseThrow();
        for (JsonValue p : ((JsonValue.JsonArray) root.get("providers")).items()) {
            JsonValue.JsonObject o = (JsonValue.JsonObject) p;
            JsonValue.JsonObject a = (JsonValue.JsonObject) o.get("assurance");
            out.put(((JsonValue.JsonString) o.get("name")).value(), ((JsonValue.JsonString) a.get("rating")).value());
        }
        return out;
    }

    static String ods(Path bundle) throws IOException {
        Matcher m = Pattern.compile("\"odsCode\": \"([A-Z0-9]+)\"").matcher(Files.readString(bundle.resolve("report.json")));
        return m.find() ? m.group(1) : "";
    }

    static String name(Path bundle) throws IOException {
        Matcher m = Pattern.compile("\"name\": \"([^\"]+)\"").matcher(Files.readString(bundle.resolve("report.json")));
        assertTrue(m.find());
        return m.group(1);
    }

    /** The first measure of a standard the bundle reports in Q1 with a numerator. */
    static String firstMeasure(Path bundle, String standard) throws IOException {
        String data = Files.readString(bundle.resolve("data/2023-24.json"));
        Matcher m = Pattern.compile("\"(" + standard + "[a-z]-[a-z0-9-]+)\": \\{\\s*\"numerator\"").matcher(data);
        assertTrue(m.find(), "a measure of standard " + standard);
        return m.group(1);
    }

    static void setAnnual(Path bundle, String id, boolean value) throws IOException {
        Path f = bundle.resolve("data/2023-24.json");
        String t = Files.readString(f);
        String replaced = t.replaceFirst("\"" + id + "\": (true|false)", "\"" + id + "\": " + value);
        assertFalse(replaced.equals(t) && !t.contains("\"" + id + "\": " + value), id + " in the data");
        Files.writeString(f, replaced);
    }

    static void setAnswer(Path bundle, String question, String answer) throws IOException {
        Path f = bundle.resolve("audit.json");
        String t = Files.readString(f);
        Matcher m = Pattern.compile("\"" + Pattern.quote(question) + "\": \\{[^}]*\\}").matcher(t);
        String entry = "\"" + question + "\": { \"answer\": \"" + answer + "\", \"comment\": \"As in the annual report.\" }";
        Files.writeString(f, m.find() ? t.substring(0, m.start()) + entry + t.substring(m.end())
                : t.replaceFirst("\\{", "{\n  " + Matcher.quoteReplacement(entry) + ","));
    }

    /** Sets a % measure of one quarter; the quarter and measure must be in the file. */
    static void setRatio(Path bundle, String quarter, String id, long numerator, long denominator) throws IOException {
        Path f = bundle.resolve("data/2023-24.json");
        String t = Files.readString(f);
        int q = t.indexOf("\"" + quarter + "\": {");
        assertTrue(q >= 0, quarter);
        Matcher m = Pattern.compile("\"" + id + "\": \\{\\s*\"numerator\": \\d+,\\s*\"denominator\": \\d+\\s*\\}").matcher(t);
        assertTrue(m.find(q), id + " in " + quarter);
        Files.writeString(f, t.substring(0, m.start()) + "\"" + id + "\": { \"numerator\": " + numerator + ", \"denominator\": "
                + denominator + " }" + t.substring(m.end()));
    }

}
