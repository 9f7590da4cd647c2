package org.safeguardingreport.amalgamate;

import org.safeguardingreport.html.ReportBuilder;
import org.safeguardingreport.pdf.PageIndex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguardingreport.Cli;
import org.safeguardingreport.PdfText;
import org.safeguardingreport.diag.Diagnostics;
import org.safeguardingreport.json.JsonReader;
import org.safeguardingreport.json.JsonValue;
import org.safeguardingreport.text.Folders;

/** Three providers made from the sample, one with gaps, one with a Red: summarised and checked against their files. */
class AmalgamationTest {
    static final Path SAMPLE = Path.of(System.getProperty("report.home", "."), "content", "north-wessex-2023-24");

    @TempDir
    static Path tmp;
    static Path providers;

    static Path copy(String folder, String name) throws IOException {
        Path to = providers.resolve(folder);
        try (Stream<Path> s = Files.walk(SAMPLE)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(SAMPLE.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        Path report = to.resolve("report.json");
        Files.writeString(report, Files.readString(report).replace("North Wessex Community Health NHS Trust", name));
        return to;
    }

    @BeforeAll
    static void providers() throws IOException {
        providers = Files.createDirectories(tmp.resolve("providers"));
        copy("a-north-wessex", "North Wessex Community Health NHS Trust");
        Path gaps = copy("b-kennet", "Kennet Valley Hospitals NHS Foundation Trust");
        // drop the answers of standard 7 and the markers of 7.2 and 7.3: those two become gaps
        String audit = Files.readString(gaps.resolve("audit.json")).replaceAll("(?s)\"7\\.\\d\": \\{.*?\\},?\\s*", "");
        Files.writeString(gaps.resolve("audit.json"), audit.replaceAll(",\\s*}\\s*$", "\n}\n"));
        for (Path md : Files.list(gaps.resolve("narrative")).toList()) {
            Files.writeString(md, Files.readString(md).replace("{audit=7.2}", "").replace("{audit=7.3}", ""));
        }
        Path red = copy("c-avon", "Avon Children's Health NHS Trust");
        String data = Files.readString(red.resolve("data/2023-24.json"));
        Matcher m = Pattern.compile("(\"3b-level-2\": \\{\\s*\"numerator\": )(\\d+)(,\\s*\"denominator\": )(\\d+)").matcher(data);
        assertTrue(m.find());
        int den = Integer.parseInt(m.group(4));
        Files.writeString(red.resolve("data/2023-24.json"), data.substring(0, m.start()) + m.group(1) + (den / 2) + m.group(3)
                + den + data.substring(m.end()));
    }

    static Amalgamation.Result read(boolean skip) throws IOException {
        return Amalgamation.read(Amalgamation.discover(List.of(providers)), false, skip);
    }

    @Test
    void theMatrixCountsAreThoseOfEachProvidersAuditAndMarkers() throws IOException {
        Amalgamation.Result r = read(false);
        assertTrue(r.ok(), r.errors().toString());
        assertEquals(3, r.providers().size());
        assertEquals("2023/24", r.year().label());
        Map<String, List<Amalgamation.Counts>> matrix = Amalgamation.matrix(r.providers());
        for (Amalgamation.Provider p : r.providers()) {
            Path dir = Path.of(p.shown());
            Map<String, String> answers = new HashMap<>();
            JsonValue.JsonObject audit = (JsonValue.JsonObject) JsonReader.read(Files.readString(dir.resolve("audit.json")),
                    "a", new Diagnostics()).orElseThrow();
            audit.members().forEach((q, mem) -> answers.put(q, ((JsonValue.JsonString) ((JsonValue.JsonObject) mem.value())
                    .get("answer")).value()));
            Set<String> marked = new HashSet<>();
            for (Path md : Files.list(dir.resolve("narrative")).toList()) {
                Matcher m = Pattern.compile("\\{audit=\"?([0-9. ]+)\"?\\}").matcher(Files.readString(md));
                while (m.find()) {
                    marked.addAll(List.of(m.group(1).trim().split(" ")));
                }
            }
            int[] counts = {7, 7, 8, 4, 6, 1, 5, 6, 3, 5};
            for (int s = 1; s <= 10; s++) {
                int yes = 0, partial = 0, gaps = 0;
                for (int q = 1; q <= counts[s - 1]; q++) {
                    String id = s + "." + q;
                    String a = answers.get(id);
                    if (a == null) {
                        gaps += marked.contains(id) ? 0 : 1;
                    } else if (a.equals("yes")) {
                        yes++;
                    } else if (a.equals("partial")) {
                        partial++;
                    }
                }
                Amalgamation.Counts c = matrix.get(p.bundle().meta().provider().name()).get(s - 1);
                assertEquals(yes, c.yes(), p.shown() + " standard " + s);
                assertEquals(partial, c.partial(), p.shown() + " standard " + s);
                assertEquals(gaps, c.gaps(), p.shown() + " standard " + s);
            }
        }
        assertEquals(2, matrix.get("Kennet Valley Hospitals NHS Foundation Trust").get(6).gaps());
        assertEquals(List.of("7.2", "7.3"), Amalgamation.gaps(r.providers()).stream().map(Amalgamation.Gap::question).toList());
    }

    @Test
    void everyRedIsRedInTheProvidersOwnData() throws IOException {
        Amalgamation.Result r = read(false);
        List<Amalgamation.Red> reds = Amalgamation.reds(r.providers());
        assertTrue(reds.stream().anyMatch(x -> x.provider().startsWith("Avon") && x.measureId().equals("3b-level-2")),
                reds.toString());
        for (Amalgamation.Red red : reds) {
            Amalgamation.Provider p = r.providers().stream().filter(x -> x.bundle().meta().provider().name().equals(red.provider()))
                    .findFirst().orElseThrow();
            String data = Files.readString(Path.of(p.shown()).resolve("data/2023-24.json"));
            int q = data.indexOf("\"" + red.period() + "\"");
            Matcher m = Pattern.compile("\"" + Pattern.quote(red.measureId())
                    + "\": \\{\\s*\"numerator\": (\\d+),\\s*\"denominator\": (\\d+)").matcher(data);
            assertTrue(red.period().equals("year") ? m.find() : m.find(q), red.toString());
            assertTrue(Double.parseDouble(m.group(1)) / Double.parseDouble(m.group(2)) < 0.76, red + " is below 76%");
        }
        var avon = r.providers().get(2).bundle();
        Map<org.safeguardingreport.model.Rating, Integer> rag = Amalgamation.ragAtQ4(avon);
        long rated = org.safeguardingreport.model.MeasureCatalog.get().all().stream().filter(m -> m.rated())
                .filter(m -> (m.frequency() == org.safeguardingreport.model.Frequency.ANNUAL
                        ? avon.currentYear().get().annual(m.id())
                        : avon.currentYear().get().quarterly(m.id(), org.safeguardingreport.model.Quarter.Q4))
                        .filter(v -> ((org.safeguardingreport.model.MeasureValue.Ratio) v).denominator() > 0).isPresent())
                .count();
        assertEquals(rated, rag.values().stream().mapToInt(Integer::intValue).sum(), "every rated Q4 figure is counted once");
        assertEquals(0, rag.get(org.safeguardingreport.model.Rating.RED), "the planted Red is in Q1, not Q4");
    }

    @Test
    void eachRedAndGapCitesTheRightPageOfTheProvidersOwnReport() throws IOException {
        Amalgamation.Result r = read(false);
        Amalgamation.Red red = Amalgamation.reds(r.providers()).stream()
                .filter(x -> x.provider().startsWith("Avon") && x.measureId().equals("3b-level-2")).findFirst().orElseThrow();
        Amalgamation.Gap gap = Amalgamation.gaps(r.providers()).get(0);
        assertEquals("7.2", gap.question());
        // the providers' own reports, built as the providers would: the cited pages hold the figure and the standard
        try (org.apache.pdfbox.pdmodel.PDDocument avon = ownReport("c-avon");
                org.apache.pdfbox.pdmodel.PDDocument kennet = ownReport("b-kennet")) {
            assertTrue(red.page() != null && red.page() > 2, red.toString());
            String text = PdfText.page(avon, red.page());
            assertTrue(text.contains(red.label()) && text.contains(red.value()), red + " on page " + red.page() + ": " + text);
            assertTrue(gap.page() != null, gap.toString());
            assertTrue(PdfText.page(kennet, gap.page()).contains("Standard 7 \u2013"), PdfText.page(kennet, gap.page()));
            assertFalse(PdfText.page(kennet, gap.page() - 1).contains("Standard 7 \u2013 "
                    + r.providers().get(1).bundle().template().standards().get(6).title()), "the standard begins on the cited page");
        }
    }

    static org.apache.pdfbox.pdmodel.PDDocument ownReport(String folder) throws IOException {
        var bundle = org.safeguardingreport.bundle.BundleLoader.load(providers.resolve(folder)).bundle().orElseThrow();
        byte[] pdf = org.safeguardingreport.html.ReportBuilder.build(bundle, false, new Diagnostics()).orElseThrow().pdf();
        return org.apache.pdfbox.Loader.loadPDF(pdf);
    }

    @Test
    void redsAreListedOneRowPerProviderAndMeasure() {
        var year = org.safeguardingreport.model.ReportingYear.parseLabel("2023/24").orElseThrow();
        List<Map<String, Object>> rows = HealthReport.redRows(List.of(
                new Amalgamation.Red("A Trust", "3b-level-1", "Level 1 training", "Q1", "70.0%", 12),
                new Amalgamation.Red("A Trust", "3b-level-1", "Level 1 training", "Q3", "71.5%", 12),
                new Amalgamation.Red("A Trust", "6a-x", "Board attended", "year", "50.0%", null),
                new Amalgamation.Red("B Trust", "3b-level-1", "Level 1 training", "Q2", "60.0%", 9)), year);
        assertEquals(3, rows.size());
        assertEquals("Q1\u00a070.0%; Q3\u00a071.5%", rows.get(0).get("figures"));
        assertEquals("A Trust", rows.get(0).get("providerShown"));
        assertEquals("", rows.get(1).get("providerShown"));
        assertEquals("2023/24\u00a050.0%", rows.get(1).get("figures"));
        assertEquals("\u2014", rows.get(1).get("page"));
        assertEquals("B Trust", rows.get(2).get("providerShown"));
        assertEquals("p. 9", rows.get(2).get("page"));
    }

    @Test
    void aProviderWithAnErrorIsNamedAndStopsOrIsSkipped() throws IOException {
        Path bad = copy("d-broken", "Broken Trust");
        Files.writeString(bad.resolve("audit.json"), "{ \"3.9\": { \"answer\": \"yes\" } }");
        try {
            Amalgamation.Result stop = read(false);
            assertFalse(stop.ok());
            assertTrue(stop.errors().get(0).startsWith(bad.toString() + ": 1 error"), stop.errors().toString());
            Amalgamation.Skipped s = stop.skipped().get(0);
            assertEquals("audit.json", s.errors().get(0).file());
            assertEquals(1, s.errors().get(0).line());
            Amalgamation.Result skip = read(true);
            assertTrue(skip.ok());
            assertEquals(3, skip.providers().size());
            assertEquals(bad.toString(), skip.skipped().get(0).shown());
        } finally {
            Folders.deleteTree(bad);
        }
    }

    @Test
    void theProviderOfAnotherYearIsNamedAndCanBeLeftOutOrChosen() throws IOException {
        Path other = copy("e-other-year", "Other Year Trust");
        Path report = other.resolve("report.json");
        Files.writeString(report, Files.readString(report).replace("\"reportingYear\": \"2023/24\"", "\"reportingYear\": \"2022/23\""));
        try {
            Amalgamation.Result r = read(false);
            assertFalse(r.ok());
            assertEquals(List.of(other + ": reports 2022/23, not 2023/24, the year the other providers report"), r.errors(),
                    "only the odd one is blamed");
            Amalgamation.Result skip = read(true);
            assertTrue(skip.ok(), skip.errors().toString());
            assertEquals(3, skip.providers().size());
            assertEquals("2023/24", skip.year().label());
            assertEquals("Other Year Trust", skip.skipped().get(0).name());
            assertEquals("it reports 2022/23, not 2023/24", skip.skipped().get(0).reason());
            Amalgamation.Result chosen = Amalgamation.read(Amalgamation.discover(List.of(providers)),
                    false, true, org.safeguardingreport.model.ReportingYear.parseLabel("2022/23").orElseThrow(),
                    Amalgamation.Progress.NONE);
            assertEquals(List.of("Other Year Trust"), chosen.providers().stream().map(Amalgamation.Provider::name).toList());
            assertEquals(3, chosen.skipped().size());
            assertEquals("2022/23", chosen.year().label());
        } finally {
            Folders.deleteTree(other);
        }
    }

    @Test
    void anUnsignedFinalPdfIsAnInputWithItsSourceData() throws Exception {
        Path out = tmp.resolve("built");
        assertEquals(0, Cli.run("build", SAMPLE.toString(), "--final", "-o", out.toString()).status());
        java.util.Set<String> before = temporaryFolders();
        List<Amalgamation.Input> inputs = Amalgamation.discover(List.of(out.resolve("annual-report.pdf")));
        Amalgamation.Result r = Amalgamation.read(inputs, true, false);
        assertTrue(r.ok(), r.errors() + " " + r.skipped());
        assertEquals("North Wessex Community Health NHS Trust", r.providers().get(0).bundle().meta().provider().name());
        assertEquals(Amalgamation.Signature.Kind.UNSIGNED, r.providers().get(0).signature().kind(), "an unsigned PDF is told apart");
        // the pages come from the index the PDF carries, and the shown sections from its embedded narrative
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(out.resolve("annual-report.pdf").toFile())) {
            assertEquals(doc.getNumberOfPages(), r.providers().get(0).pages().pages());
        }
        assertTrue(r.providers().get(0).pages().standard(7).isPresent());
        assertFalse(r.providers().get(0).bundle().sections().get("executive-summary").text().isBlank());
        assertEquals(52, Amalgamation.matrix(r.providers()).values().iterator().next().stream()
                .mapToInt(c -> c.yes() + c.partial() + c.no() + c.notApplicable()).sum());
        assertEquals(before, temporaryFolders(), "nothing is unpacked to disk");
    }

    private static java.util.Set<String> temporaryFolders() throws Exception {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("amalgamate") || n.startsWith("provider"))
                    .collect(java.util.stream.Collectors.toSet());
        }
    }

    @Test
    void aPdfsEmbeddedFilesAreReadInMemoryNeverWrittenNorCiteImpossiblePages() throws Exception {
        Path built = tmp.resolve("hostile-built");
        assertEquals(0, Cli.run("build", SAMPLE.toString(), "--final", "-o", built.toString()).status());
        Map<String, byte[]> files = new java.util.LinkedHashMap<>(org.safeguardingreport.pdf.SourceFiles.extract(
                built.resolve("annual-report.pdf")));
        byte[] text = "escaped\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (String name : List.of("../evil.md", "narrative/../../evil.md", "images/../../../evil.png", "/tmp/evil.md",
                "narrative/sub/../../../evil.md")) {
            files.put(name, text);
        }
        int level1 = org.safeguardingreport.pdf.PageIndex.fromJson(files.get(org.safeguardingreport.pdf.PageIndex.FILE))
                .orElseThrow().measures().get("3b-level-1");
        files.put(org.safeguardingreport.pdf.PageIndex.FILE, ("{\"pages\": 48, \"sections\": {\"standard-7\": -3},"
                + " \"measures\": {\"3b-level-3\": 4.5, \"3b-level-2\": 99999999999, \"3b-level-1\": " + level1 + ","
                + " \"4a-health-visiting\": 1},"
                + " \"questions\": {\"1.1\": [0, 7, 49]}}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Path hostile = tmp.resolve("hostile").resolve("hostile.pdf");
        Files.createDirectories(hostile.getParent());
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(built.resolve("annual-report.pdf").toFile())) {
            org.safeguardingreport.pdf.SourceFiles.embed(files).apply(doc, null);
            doc.save(hostile.toFile());
        }
        var carried = org.safeguardingreport.bundle.BundleFiles.carried(hostile, files);
        for (String name : List.of("../evil.md", "narrative/../../evil.md", "images/../../../evil.png", "/tmp/evil.md",
                "narrative/sub/../../../evil.md")) {
            assertFalse(carried.isFile(name), name + " is not a file of the bundle");
        }
        assertEquals(List.of("executive-summary.md"), carried.list("narrative").stream()
                .filter(n -> n.startsWith("exec")).toList());
        Amalgamation.Result r = Amalgamation.read(Amalgamation.discover(List.of(hostile)), false, false);
        assertTrue(r.ok(), r.errors() + " " + r.skipped());
        try (Stream<Path> s = Files.walk(tmp)) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().startsWith("evil")).toList());
        }
        assertFalse(Files.exists(Path.of("/tmp/evil.md")));
        var pages = r.providers().get(0).pages();
        assertEquals(Map.of("3b-level-1", level1), pages.measures(),
                "only whole pages within the document that hold the measure's row are kept");
        assertEquals(1, r.providers().get(0).notes().size(), "the page that does not hold its row is reported");
        assertTrue(r.providers().get(0).notes().get(0).contains("on page 1"), r.providers().get(0).notes().toString());
        assertTrue(pages.standard(7).isEmpty());
        assertEquals(List.of(7), pages.questions().get("1.1"));
    }

    @Test
    void aFileThatIsNotAPdfIsAProviderError() throws Exception {
        Path fake = tmp.resolve("fake").resolve("not-a-report.pdf");
        Files.createDirectories(fake.getParent());
        Files.writeString(fake, "this is a letter, not a PDF\n");
        Amalgamation.Result r = Amalgamation.read(Amalgamation.discover(List.of(fake)), false, false);
        assertFalse(r.ok());
        assertTrue(r.errors().get(0).startsWith(fake.toString()), r.errors().toString());
        assertTrue(r.skipped().get(0).errors().get(0).message().startsWith("this file cannot be read as a PDF"),
                r.skipped().toString());
        Path plain = tmp.resolve("fake").resolve("plain.pdf");
        Files.write(plain, minimalPdf());
        Amalgamation.Result p = Amalgamation.read(Amalgamation.discover(List.of(plain)), false, false);
        assertEquals("this PDF carries no report source data (no embedded report.json)",
                p.skipped().get(0).errors().get(0).message());
    }

    static byte[] minimalPdf() throws IOException {
        try (org.apache.pdfbox.pdmodel.PDDocument d = new org.apache.pdfbox.pdmodel.PDDocument();
                java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream()) {
            d.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            d.save(b);
            return b.toByteArray();
        }
    }
}
