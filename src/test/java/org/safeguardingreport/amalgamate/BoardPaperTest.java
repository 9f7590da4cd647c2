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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.safeguardingreport.Cli;
import org.safeguardingreport.DocxXml;
import org.safeguardingreport.PdfPages;
import org.safeguardingreport.PdfText;

/**
 * The health annual report as the ICB's own board paper (issue 24, item 5), through the command
 * line: the cover sheet from cover.json on page 1 of both editions, its missing and wrong values
 * named where they stand, the ICB's sign-off, ODS codes beside every provider's name, no text under
 * 8 pt, no lonely pages, and a portrait Word edition with contents, its sections those of the PDF.
 */
class BoardPaperTest {
    static final String COVER = """
            {
              "organisation": "NHS Wessex Vale Integrated Care Board",
              "meeting": "ICB Board (meeting in public)",
              "date": "2024-09-26",
              "agendaItem": "7.2",
              "purpose": "assurance",
              "recommendation": "The Board is asked to take assurance from the providers' reports and to note the exceptions.",
              "author": { "name": "Helen Marsh", "role": "Designated Nurse Safeguarding Children" },
              "executiveLead": { "name": "Dr Priya Shah", "role": "Chief Nursing Officer" },
              "signOff": { "approvedBy": "Dr Priya Shah", "role": "Chief Nursing Officer", "date": "2024-09-30" }
            }
            """;
    /** What the cover above prints on page 1, as printed. */
    static final List<String> COVER_PRINTED = List.of("NHS Wessex Vale Integrated Care Board", "ICB Board (meeting in public)",
            "26 September 2024", "7.2", "Assurance", "The Board is asked to take assurance from the providers' reports",
            "Helen Marsh, Designated Nurse Safeguarding Children", "Dr Priya Shah, Chief Nursing Officer",
            "Signed off for the NHS Wessex Vale Integrated Care Board by Dr Priya Shah, Chief Nursing Officer, on 30 September 2024",
            "None of the 13 reports carries a verified digital signature");

    @TempDir
    static Path shared;
    /** Thirteen generated providers (seed 1), with three "Brecon Marches"-like names among them at times. */
    static Path providers13;
    static Path final13;
    static Cli built13;

    @TempDir
    Path tmp;

    @BeforeAll
    static void buildThirteen() throws Exception {
        providers13 = generate(shared.resolve("p13"), 13, 1);
        Path narrative = narrative(shared.resolve("icb"), COVER);
        final13 = shared.resolve("final13");
        built13 = Cli.run("amalgamate", providers13.toString(), "-o", final13.toString(), "--final", "--narrative",
                narrative.toString());
    }

    /** {@code n} valid providers' bundles from the project's generator, in {@code out}. */
    static Path generate(Path out, int n, int seed) throws Exception {
        Generated.providers(out, n, seed);
        return out;
    }

    /** The commissioner's folder: an introduction, a conclusion and {@code cover} as cover.json (none when null). */
    static Path narrative(Path dir, String cover) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("introduction.md"), "The ICB's introduction to the year's reports.\n");
        Files.writeString(dir.resolve("conclusion.md"), "The ICB is assured in part; the exceptions are followed up.\n");
        if (cover != null) {
            Files.writeString(dir.resolve("cover.json"), cover);
        }
        return dir;
    }

    /** Each provider's name and ODS code, as its report.json gives them. */
    static Map<String, String> odsCodes(Path providers) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (var dirs = Files.list(providers)) {
            for (Path d : dirs.filter(Files::isDirectory).sorted().toList()) {
                var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(d.resolve("report.json").toFile());
                out.put(json.get("provider").get("name").asText(), json.get("provider").get("odsCode").asText());
            }
        }
        return out;
    }

    static String squeeze(String s) {
        return s.replace('\u00a0', ' ').replaceAll("\\s+", " ");
    }

    @Test
    void theCoverSheetIsPageOneOfBothEditions() throws Exception {
        assertEquals(0, built13.status(), built13.err());
        String page1 = firstPage(final13.resolve("health-annual-report.pdf"));
        for (String v : COVER_PRINTED) {
            assertTrue(page1.contains(v), "page 1 of the PDF shows " + v + ":\n" + page1);
        }
        assertTrue(org.safeguardingreport.LibreOffice.available(), "LibreOffice (soffice) is not installed: install libreoffice-writer-nogui");
        Path word = LibreOfficeConversion.toPdf(final13.resolve("health-annual-report.docx"), shared.resolve("word"));
        String wordPage1 = firstPage(word);
        for (String v : COVER_PRINTED) {
            assertTrue(wordPage1.contains(v), "page 1 of the Word edition shows " + v + ":\n" + wordPage1);
        }
        // the sign-off, near the end, printed in full on a final report; the cover's wording of unsigned inputs said plainly
        String all = squeeze(String.join(" ", PdfText.pages(final13.resolve("health-annual-report.pdf"))));
        assertTrue(all.contains("Sign-off") && all.contains("Signed off by Dr Priya Shah") && all.contains("Date 30 September 2024"), all);
        assertTrue(built13.err().contains("amalgamate: warning: 13 of 13 providers' reports carry no verified digital signature"),
                built13.err());
    }

    /** Page 1's text in drawing order: a table cell's lines one after another, whatever stands beside them. */
    static String firstPage(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return squeeze(PdfText.page(doc, 1));
        }
    }

    @Test
    void aDraftLeavesBlankLinesToSignAndSaysToBeConfirmed() throws Exception {
        Path providers = generate(tmp.resolve("p3"), 3, 4);
        // a draft whose cover gives only the meeting: the rest is to be confirmed, each gap a warning
        Path narrative = narrative(tmp.resolve("icb"), "{ \"meeting\": \"ICB Board\" }\n");
        Path out = tmp.resolve("out");
        Cli r = Cli.run("amalgamate", providers.toString(), "-o", out.toString(), "--narrative", narrative.toString());
        assertEquals(0, r.status(), r.err());
        for (String key : List.of("date", "agendaItem", "purpose", "recommendation", "author", "executiveLead", "signOff")) {
            assertTrue(r.err().contains("cover.json:1:1: warning: cover.json has no \"" + key + "\""), key + ":\n" + r.err());
        }
        List<String> pages = PdfText.pages(out.resolve("health-annual-report.pdf"));
        String page1 = firstPage(out.resolve("health-annual-report.pdf"));
        assertTrue(page1.contains("ICB Board") && page1.contains("To be confirmed") && page1.contains("Draft for review: not yet "
                + "signed off for the Integrated Care Board"), page1);
        String signOff = squeeze(pages.stream().filter(p -> p.contains("Signature")).findFirst().orElseThrow());
        assertTrue(signOff.contains("This is a draft. It has not yet been signed off for the Integrated Care Board.")
                && signOff.contains("Name") && signOff.contains("Role") && signOff.contains("Date"), signOff);
    }

    @Test
    void howTheReportsReachedTheIcbIsSaidPlainly() {
        java.util.function.Function<Amalgamation.Signature.Kind, Amalgamation.Provider> p = kind -> new Amalgamation.Provider(
                null, "x", new Amalgamation.Signature(kind, kind == Amalgamation.Signature.Kind.VALID ? "A Signer" : null),
                java.util.Set.of(), null, List.of());
        var valid = p.apply(Amalgamation.Signature.Kind.VALID);
        var unsigned = p.apply(Amalgamation.Signature.Kind.UNSIGNED);
        var folder = p.apply(Amalgamation.Signature.Kind.FOLDER);
        assertEquals("All 2 reports are PDFs whose digital signature was verified.", HealthReport.provenance(List.of(valid, valid)));
        assertEquals("1 of the 4 reports carries a verified digital signature: 2 are unsigned PDFs; 1 was read from the "
                + "provider's source folder.", HealthReport.provenance(List.of(valid, unsigned, unsigned, folder)));
        assertEquals("None of the 2 reports carries a verified digital signature: 1 is an unsigned PDF; 1 was read from the "
                + "provider's source folder.", HealthReport.provenance(List.of(unsigned, folder)));
        assertEquals("The report does not carry a verified digital signature: 1 is an unsigned PDF.",
                HealthReport.provenance(List.of(unsigned)));
    }

    @Test
    void missingAndWrongCoverValuesAreNamedWhereTheyStand() throws Exception {
        Path providers = generate(tmp.resolve("p3"), 3, 5);
        String wrong = """
                {
                  "meeting": "ICB Board",
                  "date": "26/09/2024",
                  "agendaItem": 7,
                  "purpose": "assurence",
                  "recomendation": "Note it",
                  "author": { "name": "Helen Marsh" },
                  "signOff": { "approvedBy": "Dr Priya Shah", "date": "2024-09-30" }
                }
                """;
        Path narrative = narrative(tmp.resolve("icb"), wrong);
        Path draft = tmp.resolve("draft");
        Cli d = Cli.run("amalgamate", providers.toString(), "-o", draft.toString(), "--narrative", narrative.toString());
        // wrong values are errors even on a draft, each at its line and column
        assertEquals(1, d.status(), d.err());
        assertTrue(d.line("cover.json:3:11: error:").contains("date") && d.line("cover.json:3:11: error:").contains("26/09/2024"),
                d.err());
        assertTrue(d.line("cover.json:5:14: error:").contains("purpose \"assurence\" is not one of decision, assurance, "
                + "information"), d.err());
        assertTrue(d.hintOf("cover.json:5:14: error:").contains("assurance"), d.err());
        assertTrue(d.line("cover.json:6:3: error:").contains("unknown property \"recomendation\""), d.err());
        assertTrue(d.hintOf("cover.json:6:3: error:").contains("recommendation"), d.err());
        assertTrue(d.line("cover.json:8:14: error:").contains("signOff has no \"role\""), d.err());
        assertFalse(Files.exists(draft.resolve("health-annual-report.pdf")), "nothing written");

        // the same values right, some left out: warnings on a draft, errors on a final report
        String partial = """
                {
                  "meeting": "ICB Board",
                  "date": "2024-09-26",
                  "agendaItem": 7,
                  "author": { "name": "Helen Marsh", "role": "Designated Nurse" }
                }
                """;
        Files.writeString(narrative.resolve("cover.json"), partial);
        Cli ok = Cli.run("amalgamate", providers.toString(), "-o", draft.toString(), "--narrative", narrative.toString());
        assertEquals(0, ok.status(), ok.err());
        assertTrue(ok.err().contains("cover.json:1:1: warning: cover.json has no \"purpose\""), ok.err());
        Path fin = tmp.resolve("final");
        Cli f = Cli.run("amalgamate", providers.toString(), "-o", fin.toString(), "--final", "--narrative", narrative.toString());
        assertEquals(1, f.status(), f.err());
        for (String key : List.of("purpose", "recommendation", "executiveLead", "signOff")) {
            assertTrue(f.err().contains("cover.json:1:1: error: cover.json has no \"" + key + "\": a final report needs it"),
                    key + ":\n" + f.err());
        }
        assertFalse(Files.exists(fin), "a refused final report writes nothing");

        // a final report without cover.json, or without --narrative, is refused and says where the cover goes
        Files.delete(narrative.resolve("cover.json"));
        Cli none = Cli.run("amalgamate", providers.toString(), "-o", fin.toString(), "--final", "--narrative", narrative.toString());
        assertEquals(1, none.status(), none.err());
        assertTrue(none.err().contains(narrative.resolve("cover.json") + ": error: no cover.json in the commissioner's narrative "
                + "folder"), none.err());
        Cli noDir = Cli.run("amalgamate", providers.toString(), "-o", fin.toString(), "--final");
        assertEquals(1, noDir.status(), noDir.err());
        assertTrue(noDir.err().contains("amalgamate: error: no cover sheet") && noDir.err().contains("--narrative DIR"),
                noDir.err());
        assertFalse(Files.exists(fin));
    }

    @Test
    void everyProviderIsNamedWithItsOdsCode() throws Exception {
        assertEquals(0, built13.status(), built13.err());
        Map<String, String> codes = odsCodes(providers13);
        assertEquals(13, codes.size());
        Path pdf = final13.resolve("health-annual-report.pdf");
        // every table cell, heading and contents line that names a provider names its code after it
        List<String> named = new ArrayList<>();
        PdfText.cellLines(pdf).forEach(lines -> named.add(squeeze(String.join(" ", lines))));
        PdfText.headings(pdf).forEach(h -> named.add(squeeze(h)));
        String contents = squeeze(PdfText.pages(pdf).get(1));
        int found = 0;
        for (Map.Entry<String, String> p : codes.entrySet()) {
            String name = p.getKey();
            for (String text : named) {
                // a name may stand at a line's end and its code at the next line's start
                int at = text.indexOf(name);
                while (at >= 0) {
                    found++;
                    String after = text.substring(at + name.length());
                    assertTrue(after.startsWith(" (" + p.getValue() + ")"), name + " without its code in: " + text);
                    at = text.indexOf(name, at + 1);
                }
            }
            assertTrue(contents.contains(name + " (" + p.getValue() + ")"), "the contents name " + name + ":\n" + contents);
        }
        // matrix, dashboard, chapter heading and the providers included, at least, name each provider
        assertTrue(found >= 4 * codes.size(), "names found: " + found);
        // and the trend charts name each provider's panel with its code
        String all = squeeze(String.join(" ", PdfText.pages(pdf)));
        codes.forEach((name, code) -> assertTrue(all.contains("(" + code + ")"), code));
        String xml = DocxXml.document(final13.resolve("health-annual-report.docx")).replace('\u00a0', ' ')
                .replace("&apos;", "'").replace("&amp;", "&");
        codes.forEach((name, code) -> assertTrue(xml.contains(name + " (" + code + ")"),
                "the Word edition names " + name + " (" + code + ")"));
    }

    @Test
    void noTextOfTheReportIsSmallerThan8Pt() throws Exception {
        assertEquals(0, built13.status(), built13.err());
        // every glyph of every page, table and chart text included (charts are drawn as text at their own size)
        Map<String, Float> smallest = new LinkedHashMap<>();
        int[] glyphs = {0};
        try (PDDocument doc = Loader.loadPDF(final13.resolve("health-annual-report.pdf").toFile())) {
            PDFTextStripper s = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    for (TextPosition t : positions) {
                        // the size drawn: the layout sets a unit font and scales it by the text matrix
                        float pt = t.getTextMatrix().getScalingFactorY();
                        glyphs[0]++;
                        if (pt < 7.95f) {
                            smallest.merge(getCurrentPageNo() + ": " + text, pt, Math::min);
                        }
                    }
                }
            };
            s.getText(doc);
        }
        assertTrue(glyphs[0] > 50_000, "the whole report was read: " + glyphs[0]);
        assertEquals(Map.of(), smallest, "text under 8 pt, by page and text");
    }

    @Test
    void theWordEditionIsPortraitWithContentsAndThePdfsSections() throws Exception {
        assertEquals(0, built13.status(), built13.err());
        String xml = DocxXml.document(final13.resolve("health-annual-report.docx"));
        assertFalse(xml.contains("w:orient=\"landscape\""), "no landscape section");
        Matcher size = Pattern.compile("<w:pgSz w:w=\"(\\d+)\" w:h=\"(\\d+)\"").matcher(xml);
        int sections = 0;
        while (size.find()) {
            sections++;
            assertTrue(Integer.parseInt(size.group(1)) < Integer.parseInt(size.group(2)), "portrait: " + size.group());
        }
        assertTrue(sections >= 1);
        assertTrue(xml.contains("TOC \\o \"1-1\""), "a contents field of the chapters, as the PDF's contents lists them");
        // the chapters of both editions, in the same order
        List<String> pdf = PdfText.headings(final13.resolve("health-annual-report.pdf")).stream()
                .filter(h -> h.startsWith("H1 ")).map(h -> squeeze(h.substring(3)))
                .filter(h -> !h.equals("Contents") && !h.startsWith("Safeguarding Children Health Annual Report")).toList();
        List<String> word = new ArrayList<>();
        Matcher h1 = Pattern.compile("<w:p>(?:(?!</w:p>).)*?<w:pStyle w:val=\"Heading1\"/>((?:(?!</w:p>).)*)</w:p>", Pattern.DOTALL)
                .matcher(xml);
        while (h1.find()) {
            word.add(squeeze(h1.group(1).replaceAll("<[^>]+>", "").replace("&apos;", "'").replace("&amp;", "&")).strip());
        }
        assertTrue(pdf.contains("Sign-off") && pdf.size() >= 13 + 6, pdf.toString());
        assertEquals(pdf, word, "the Word edition's chapters are the PDF's");
        // where the PDF goes on without a new page, so does Word, though its Heading 1 style begins a page:
        // the sign-off under the conclusion, the first provider under the divider of the providers' reports
        String first = odsCodes(providers13).keySet().iterator().next();
        for (String heading : List.of("Sign-off", first)) {
            Matcher m = Pattern.compile("<w:p>(?:(?!</w:p>).)*?<w:pStyle w:val=\"Heading1\"/>(?:(?!</w:p>).)*?"
                    + Pattern.quote(heading.replace("'", "&apos;")) + "|<w:p>(?:(?!</w:p>).)*?<w:pStyle w:val=\"Heading1\"/>"
                    + "(?:(?!</w:p>).)*?" + Pattern.quote(heading), Pattern.DOTALL).matcher(xml);
            assertTrue(m.find(), heading);
            assertTrue(m.group().matches("(?s).*<w:pageBreakBefore w:val=\"(false|0)\"/>.*"), heading + ": " + m.group());
        }
        Matcher conclusion = Pattern.compile("<w:p>(?:(?!</w:p>).)*?<w:pStyle w:val=\"Heading1\"/>(?:(?!</w:p>).)*?Conclusion",
                Pattern.DOTALL).matcher(xml);
        assertTrue(conclusion.find() && !conclusion.group().contains("pageBreakBefore"), "a chapter still begins a page");
    }

    @Test
    void wordKeepsEveryTableRowWithAnother() throws Exception {
        assertEquals(0, built13.status(), built13.err());
        String xml = DocxXml.document(final13.resolve("health-annual-report.docx"));
        Matcher table = Pattern.compile("<w:tbl>.*?</w:tbl>", Pattern.DOTALL).matcher(xml);
        int tables = 0;
        while (table.find()) {
            tables++;
            List<String> rows = new ArrayList<>();
            Matcher tr = Pattern.compile("<w:tr[ >].*?</w:tr>", Pattern.DOTALL).matcher(table.group());
            while (tr.find()) {
                rows.add(tr.group());
            }
            List<String> body = rows.stream().filter(r -> !r.contains("<w:tblHeader")).toList();
            for (String r : rows) {
                assertTrue(r.contains("<w:cantSplit"), "no row splits across pages");
            }
            if (body.size() < 2) {
                continue;
            }
            // the first row after the heading kept with the next, and the last but one with the last
            assertTrue(kept(body.get(0)), "a table's first row is kept with its second");
            assertTrue(kept(body.get(body.size() - 2)), "a table's last two rows are kept together");
            assertFalse(kept(body.get(body.size() - 1)), "the last row is not kept with what follows");
        }
        assertTrue(tables >= 6, "tables: " + tables);
    }

    /** Whether a Word table row is kept with the next: its first cell's first paragraph is (a list in a cell may be too). */
    private static boolean kept(String row) {
        Matcher p = Pattern.compile("<w:p[ >].*?</w:p>", Pattern.DOTALL).matcher(row);
        return p.find() && p.group().contains("<w:keepNext");
    }

    /** No lonely pages, over several generator seeds and provider counts, drafts and a final report. */
    @ParameterizedTest(name = "{0} providers, seed {1}")
    @CsvSource({"13, 1", "3, 2", "8, 3"})
    void noPageHoldsOnlyAHeadingOrASingleRow(int count, int seed) throws Exception {
        Path out;
        if (count == 13 && seed == 1) {
            assertEquals(0, built13.status(), built13.err());
            out = final13;
        } else {
            Path providers = generate(tmp.resolve("p"), count, seed);
            out = tmp.resolve("out");
            Cli r = Cli.run("amalgamate", providers.toString(), "-o", out.toString(), "--narrative",
                    narrative(tmp.resolve("icb"), COVER).toString());
            assertEquals(0, r.status(), r.err());
        }
        Path pdf = out.resolve("health-annual-report.pdf");
        assertEquals(List.of(), PdfPages.of(pdf).lonely(), "lonely pages");
        // the providers' reports begin on the page of their divider, not on a page of their own
        List<String> pages = PdfText.pages(pdf);
        String first = odsCodes(providersOf(count, seed, out)).keySet().iterator().next();
        assertTrue(pages.stream().anyMatch(p -> p.contains("Providers' reports") && p.contains("Each provider's executive summary")
                && squeeze(p).contains(first)), "the divider shares its page with " + first);
    }

    private Path providersOf(int count, int seed, Path out) {
        return count == 13 && seed == 1 ? providers13 : tmp.resolve("p");
    }
}
