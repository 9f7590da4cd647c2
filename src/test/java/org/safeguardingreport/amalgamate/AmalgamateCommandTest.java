package org.safeguardingreport.amalgamate;

import org.safeguardingreport.html.Dashboard;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguardingreport.Cli;
import org.safeguardingreport.DocxXml;
import org.safeguardingreport.PdfText;
import org.safeguardingreport.TestBundle;

/** The amalgamate command as the commissioner runs it. */
class AmalgamateCommandTest {
    @TempDir
    Path tmp;

    @Test
    void providersAmalgamateIntoOneReportAndABadOneIsNamed() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("providers"));
        List<String> inputs = new java.util.ArrayList<>();
        for (String name : List.of("Alpha Community Trust", "Beta Hospitals NHS Trust", "Gamma Healthcare NHS Trust")) {
            TestBundle b = new TestBundle(dir.resolve(name.substring(0, 5).toLowerCase()));
            b.allSections().write("report.json", TestBundle.REPORT.replace("North Wessex Community Health NHS Trust", name));
            if (name.startsWith("Beta")) {
                // one Red: Level 3 training at 300 of 455 (65.9%) in Q1
                b.write("data/2023-24.json", TestBundle.DATA.replace("\"numerator\": 412", "\"numerator\": 300"));
            }
            inputs.add(b.root.toString());
        }
        Path narrative = Files.createDirectories(tmp.resolve("ccg"));
        Files.writeString(narrative.resolve("introduction.md"), "This is the CCG's introduction to the year.\n");
        Path out = tmp.resolve("out");
        List<String> args = new java.util.ArrayList<>(List.of("amalgamate"));
        args.addAll(inputs);
        args.addAll(List.of("-o", out.toString(), "--narrative", narrative.toString()));
        Cli ok = Cli.run(args.toArray(new String[0]));
        assertEquals(0, ok.status(), ok.err());
        String text = String.join(" ", PdfText.pages(out.resolve("health-annual-report.pdf"))).replaceAll("\\s+", " ");
        for (String name : List.of("Alpha Community Trust", "Beta Hospitals NHS Trust", "Gamma Healthcare NHS Trust")) {
            assertTrue(text.contains(name), name);
        }
        assertTrue(text.contains("This is the CCG's introduction to the year."));
        assertTrue(text.contains("Assurance by provider") && text.contains("Dashboard summary 2023/24"));
        int healthPages = PdfText.pages(out.resolve("health-annual-report.pdf")).size();
        assertEquals(PdfText.everyPage(healthPages), PdfText.draftMarked(out.resolve("health-annual-report.pdf")),
                "a draft health report is marked DRAFT on every page");
        String json = Files.readString(out.resolve("amalgamation.json"));
        // the Word edition lists the Reds amalgamation.json holds, each with its page of the provider's report
        String xml = DocxXml.document(out.resolve("health-annual-report.docx"));
        String reds = json.substring(json.indexOf("\"reds\" : ["), json.indexOf("\"gaps\" : ["));
        String gaps = json.substring(json.indexOf("\"gaps\" : ["));
        java.util.regex.Matcher page = java.util.regex.Pattern.compile("\"page\" : (\\d+)").matcher(reds);
        assertTrue(reds.contains("\"provider\" : \"Beta Hospitals NHS Trust\"") && reds.contains("\"value\" : \"65.9%\"")
                && page.find(), "Beta's Red, with its page: " + reds);
        assertEquals(1, reds.split("\"measure\"", -1).length - 1, "one Red in all: " + reds);
        assertTrue(xml.contains(">Rated Red<") && xml.contains(">p. " + page.group(1) + "<"), "Reds table in Word");
        assertTrue(text.contains("65.9%"), "and in the PDF");
        page = java.util.regex.Pattern.compile("\"question\" : \"([0-9.]+)\",\\s*\"page\" : (\\d+)").matcher(gaps);
        assertTrue(page.find(), gaps);
        assertTrue(xml.contains("Gaps in the assurance audit<") && xml.contains(">p. " + page.group(2) + "<"), "gaps table in Word");
        assertTrue(json.contains("\"Beta Hospitals NHS Trust\"") && json.contains("\"skipped\" : [ ]"), json);
        // the Word edition has the PDF's dashboard summary: each provider's level 3 training at Q4 (431 of 460)
        assertTrue(text.contains("93.7%"), "the PDF's dashboard summary");
        assertTrue(xml.contains(">Dashboard summary 2023/24<") && xml.contains(">Level 3 training<"), "dashboard summary in Word");
        // one Q4 figure a provider in the dashboard summary, and the three pooled in the themes' system-wide figures
        assertEquals(4, xml.split(">93\\.7%<", -1).length - 1, "one Q4 figure a provider in Word, and the pooled one");
        assertTrue(xml.contains(">Providers included<") && xml.contains(">Signed off<") && xml.contains(">dorset-2019<"),
                "the providers-included table in Word");
        // a draft says so in Word as in the PDF, and its tables take the house table style
        String headers = DocxXml.parts(out.resolve("health-annual-report.docx"), "word/header");
        assertTrue(headers.contains("DRAFT"), "the draft mark in the Word header");
        assertTrue(xml.contains("<w:tblStyle w:val=\"ReportTable\"/>"), "house table style");

        Path bad = dir.resolve("zeta");
        new TestBundle(bad).write("audit.json", "{ \"3.9\": { \"answer\": \"yes\" } }");
        inputs.add(bad.resolve("north-wessex").toString());
        Path out2 = tmp.resolve("out2");
        List<String> args2 = new java.util.ArrayList<>(List.of("amalgamate"));
        args2.addAll(inputs);
        args2.addAll(List.of("-o", out2.toString()));
        Cli stop = Cli.run(args2.toArray(new String[0]));
        assertEquals(1, stop.status());
        assertTrue(stop.err().contains(bad.resolve("north-wessex") + "/audit.json:1:3: error: unknown audit question 3.9"),
                stop.err());
        assertTrue(stop.err().contains("nothing was written"));
        assertFalse(Files.exists(out2));
        args2.add("--skip-invalid");
        Cli skip = Cli.run(args2.toArray(new String[0]));
        assertEquals(0, skip.status(), skip.err());
        assertTrue(skip.out().contains("left out 1, named in the report"), skip.out());
        String skipped = String.join(" ", PdfText.pages(out2.resolve("health-annual-report.pdf"))).replaceAll("\\s+", " ");
        String reason = "North Wessex Community Health NHS Trust: its report has errors: 1 error in audit.json";
        assertTrue(skipped.contains("Not included") && skipped.contains(reason), "named, with a plain reason: " + skipped);
        assertFalse(skipped.contains("zeta") || skipped.contains("unknown audit question"),
                "no folder path nor compiler line reaches the board");
        String skippedXml = DocxXml.document(out2.resolve("health-annual-report.docx"));
        assertTrue(skippedXml.contains(">Not included<") && skippedXml.contains(reason) && skippedXml.contains("1 could not be included"),
                "the skipped provider is named in the Word edition too");
        assertFalse(skippedXml.contains("zeta"));
        String skippedJson = Files.readString(out2.resolve("amalgamation.json"));
        assertTrue(skippedJson.contains("unknown audit question 3.9"), "the compiler line is kept for the analyst: " + skippedJson);
    }

    @Test
    void mixedTemplatesAreComparedOnTheQuestionsTheyShareAndTheReportSaysSo() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("mixed"));
        String home = "North Wessex Community Health NHS Trust";
        TestBundle dorset = new TestBundle(dir.resolve("d")).allSections();
        dorset.write("report.json", TestBundle.REPORT.replace(home, "Dorset Side NHS Trust"))
                .write("audit.json", "{ \"6.1\": { \"answer\": \"yes\" } }");
        TestBundle somerset = new TestBundle(dir.resolve("s")).allSections();
        somerset.write("report.json", TestBundle.REPORT.replace(home, "Somerset Side NHS Trust").replace("dorset-2019", "somerset-2018"))
                .write("narrative/standard-3.md", TestBundle.STANDARD_3.replace("3.7 3.8", "3.7"))
                // Somerset's standard 6 has questions 6.2 and 6.3 that Dorset's has not
                .write("audit.json", "{ \"6.1\": { \"answer\": \"yes\" }, \"6.2\": { \"answer\": \"yes\" }, "
                        + "\"6.3\": { \"answer\": \"no\" } }");
        int shared = 0;
        List<Integer> d = questionsPerStandard("dorset-2019");
        List<Integer> s = questionsPerStandard("somerset-2018");
        for (int i = 0; i < 10; i++) {
            shared += Math.min(d.get(i), s.get(i));
        }
        Path out = tmp.resolve("out-mixed");
        Cli r = Cli.run("amalgamate", dorset.root.toString(), somerset.root.toString(), "-o", out.toString());
        assertEquals(0, r.status(), r.err());
        String note = "templates dorset-2019, somerset-2018 are compared on the " + shared + " questions they share";
        // a line may break after the hyphen of "somerset-2018"
        String text = String.join(" ", PdfText.pages(out.resolve("health-annual-report.pdf"))).replaceAll("\\s+", " ")
                .replaceAll("(\\w)- (\\d)", "$1-$2");
        assertTrue(text.contains(note), "the PDF says so");
        String xml = DocxXml.document(out.resolve("health-annual-report.docx"));
        assertTrue(xml.contains(note), "the Word edition says so");
        // only 6.1 is shared in standard 6: Somerset's Yes to 6.2 and No to 6.3 are not counted
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(out.resolve("amalgamation.json").toFile());
        assertEquals(2, json.get("providers").size());
        for (com.fasterxml.jackson.databind.JsonNode p : json.get("providers")) {
            com.fasterxml.jackson.databind.JsonNode six = p.get("standards").get(5);
            assertEquals(1, six.get("yes").asInt(), p.get("name").asText());
            assertEquals(0, six.get("no").asInt(), p.get("name").asText());
        }
    }

    static List<Integer> questionsPerStandard(String template) throws Exception {
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(Path.of("report-templates", template, "audit-questions.json").toFile());
        List<Integer> counts = new java.util.ArrayList<>();
        json.get("standards").forEach(st -> counts.add(st.get("questions").size()));
        return counts;
    }

    @Test
    void aFinalHealthReportCarriesNoDraftMarkInEitherEdition() throws Exception {
        Path built = tmp.resolve("final-sample");
        assertEquals(0, Cli.run("build", AmalgamationTest.SAMPLE.toString(), "--final", "-o", built.toString()).status());
        Path out = tmp.resolve("final-health");
        // a final health report carries the ICB's cover sheet and sign-off
        Path icb = BoardPaperTest.narrative(tmp.resolve("icb"), BoardPaperTest.COVER);
        Cli r = Cli.run("amalgamate", built.resolve("annual-report.pdf").toString(), "--final", "-o", out.toString(),
                "--narrative", icb.toString());
        assertEquals(0, r.status(), r.err());
        List<String> pages = PdfText.pages(out.resolve("health-annual-report.pdf"));
        assertTrue(pages.stream().noneMatch(p -> p.contains("DRAFT")), "no DRAFT in the final PDF");
        assertEquals(List.of(), PdfText.draftMarked(out.resolve("health-annual-report.pdf")), "nor the mark drawn");
        assertTrue(String.join(" ", pages).contains("North Wessex Community Health NHS Trust"));
        String all = DocxXml.parts(out.resolve("health-annual-report.docx"), "");
        assertFalse(all.contains("DRAFT"), "no DRAFT in the final Word edition");
        assertTrue(all.contains("North Wessex Community Health NHS Trust"));
    }
}
