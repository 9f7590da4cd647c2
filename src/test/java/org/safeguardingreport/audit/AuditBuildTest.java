package org.safeguardingreport.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import java.util.TreeSet;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionRemoteGoTo;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguardingreport.Cli;
import org.safeguardingreport.PdfText;
import org.safeguardingreport.TestBundle;
import org.safeguardingreport.diag.Diagnostics;
import org.safeguardingreport.json.JsonReader;
import org.safeguardingreport.json.JsonValue;

/** The audit's page references, checked against the text of the pages they cite. */
class AuditBuildTest {
    @TempDir
    static Path tmp;
    static Path bundle;
    static Path out;
    /** For each question, the first words of every block marked for it. */
    static final Map<String, List<String>> MARKED = new LinkedHashMap<>();
    static Map<String, List<Integer>> citations;
    static List<String> reportPages;

    static final String[] WORDS = {"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india",
            "juliet", "kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra", "tango"};

    static String filler(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 70; i++) {
            s.append(WORDS[(n + i) % WORDS.length]).append(' ');
        }
        return s.toString().strip() + ".";
    }

    static void mark(String question, String firstWords) {
        MARKED.computeIfAbsent(question, k -> new ArrayList<>()).add(firstWords);
    }

    @BeforeAll
    static void build() throws IOException {
        TestBundle b = new TestBundle(tmp).allSections();
        Files.createDirectories(b.root.resolve("images"));
        Files.copy(Path.of(System.getProperty("report.home", "."),
                "content/north-wessex-2023-24/images/safeguarding-team-structure.png"), b.root.resolve("images/team.png"));
        int[] counts = {7, 7, 8, 4, 6, 1, 5, 6, 3, 5};
        int block = 0;
        for (int s = 1; s <= 10; s++) {
            StringBuilder md = new StringBuilder();
            for (int q = 1; q <= counts[s - 1]; q++) {
                String id = s + "." + q;
                block++;
                String words = "Evidence block B" + block + " for " + id;
                switch (block % 4) {
                    case 0 -> {
                        md.append("## ").append(words).append(" heading {audit=").append(id).append("}\n\n");
                        mark(id, words);
                    }
                    case 1 -> {
                        md.append("- ").append(words).append(" in a list item. {audit=").append(id).append("}\n- Other item.\n\n");
                        mark(id, words);
                    }
                    case 2 -> {
                        // one marker naming two questions, the second from the next standard when there is one
                        String other = s < 10 ? (s + 1) + ".1" : id;
                        md.append(words).append(" and ").append(other).append(". {audit=\"").append(id).append(' ')
                                .append(other).append("\"}\n\n");
                        mark(id, words);
                        if (!other.equals(id)) {
                            mark(other, words);
                        }
                    }
                    default -> {
                        md.append(words).append(" in a paragraph. {audit=").append(id).append("}\n\n");
                        mark(id, words);
                    }
                }
                for (int f = 0; f < 3; f++) {
                    md.append(filler(block * 3 + f)).append("\n\n");
                }
                if (q == 2) {
                    md.append("| Column | Value |\n|---|---|\n");
                    for (int r = 0; r < 12; r++) {
                        md.append("| r").append(r).append(" | ").append(filler(r).substring(0, 40)).append(" |\n");
                    }
                    md.append("\n![Team structure](images/team.png)\n\n");
                }
            }
            // the same question cited again further on, from another place
            md.append("Second evidence for ").append(s).append(".1 closing the section. {audit=").append(s).append(".1}\n");
            mark(s + ".1", "Second evidence for " + s + ".1");
            b.write("narrative/standard-" + s + ".md", md.toString());
        }
        // 9.3 answered neither nor marked: drop its marker to leave a gap
        String std9 = Files.readString(b.root.resolve("narrative/standard-9.md")).replace("{audit=9.3}", "");
        b.write("narrative/standard-9.md", std9);
        MARKED.remove("9.3");
        bundle = b.root;
        out = tmp.resolve("out");
        Cli r = Cli.run("build", bundle.toString(), "-o", out.toString());
        assertEquals(0, r.status(), r.err());
        JsonValue.JsonObject json = (JsonValue.JsonObject) JsonReader.read(Files.readString(out.resolve("build.json")),
                "build.json", new Diagnostics()).orElseThrow();
        citations = new LinkedHashMap<>();
        ((JsonValue.JsonObject) json.get("citations")).members().forEach((q, m) -> {
            List<Integer> pages = new ArrayList<>();
            ((JsonValue.JsonArray) m.value()).items().forEach(v -> pages.add(((JsonValue.JsonNumber) v).value().intValue()));
            citations.put(q, pages);
        });
        reportPages = pages(out.resolve("annual-report.pdf"));
    }

    static List<String> pages(Path pdf) throws IOException {
        return PdfText.pages(pdf).stream().map(t -> t.replaceAll("\\s+", " ")).toList();
    }

    @Test
    void everyCitedPageHoldsTheStartOfItsMarkedBlocks() {
        assertTrue(reportPages.size() > 25, "the markers are spread over many pages: " + reportPages.size());
        int checked = 0;
        for (Map.Entry<String, List<String>> e : MARKED.entrySet()) {
            List<Integer> cited = citations.get(e.getKey());
            assertTrue(cited != null && !cited.isEmpty(), e.getKey() + " is cited");
            TreeSet<Integer> expected = new TreeSet<>();
            for (String words : e.getValue()) {
                int page = -1;
                for (int p : cited) {
                    if (reportPages.get(p - 1).contains(words)) {
                        page = p;
                    }
                }
                assertTrue(page > 0, e.getKey() + ": \"" + words + "\" is on one of the cited pages " + cited);
                expected.add(page);
                checked++;
            }
            assertEquals(List.copyOf(expected), cited, e.getKey() + " cites exactly the pages of its blocks, sorted");
        }
        assertTrue(checked > 60, "checked " + checked);
    }

    @Test
    void aQuestionCitedFromTwoPlacesListsBothPages() {
        for (int s = 1; s <= 10; s++) {
            assertTrue(citations.get(s + ".1").size() >= 2, s + ".1 is cited from two places: " + citations.get(s + ".1"));
        }
    }

    @Test
    void theAuditShowsAnswersPagesAndGaps() throws IOException {
        String audit = String.join(" ", pages(out.resolve("audit.pdf")));
        List<Integer> p = citations.get("3.1");
        assertTrue(audit.contains("3.1 Do you have a training matrix"), audit);
        assertTrue(audit.contains("See pages " + p.get(0) + ", " + p.get(1)), audit);
        assertTrue(audit.contains("9.3 When the outcome"), audit);
        assertTrue(audit.contains("No evidence provided"), audit);
        assertTrue(audit.contains("Yes On the website."), "1.1's answer and comment: " + audit);
        int auditPages = pages(out.resolve("audit.pdf")).size();
        assertEquals(org.safeguardingreport.PdfText.everyPage(auditPages),
                org.safeguardingreport.PdfText.draftMarked(out.resolve("audit.pdf")), "the DRAFT mark on every page of a draft audit");
        String json = Files.readString(out.resolve("build.json")).replaceAll("\\s+", "");
        assertTrue(json.contains("\"gaps\":[\"9.3\"]"), "9.3, and only 9.3, is a gap: " + json);
    }

    @Test
    void pageReferencesLinkToThoseReportPages() throws IOException {
        List<Integer> targets = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(out.resolve("audit.pdf").toFile())) {
            for (var page : doc.getPages()) {
                for (PDAnnotation a : page.getAnnotations()) {
                    if (a instanceof PDAnnotationLink l && l.getAction() instanceof PDActionRemoteGoTo go) {
                        assertEquals("annual-report.pdf", go.getFile().getFile());
                        targets.add(((COSNumber) ((COSArray) go.getD()).get(0)).intValue() + 1);
                    }
                }
            }
        }
        List<Integer> expected = new ArrayList<>();
        citations.values().forEach(expected::addAll);
        assertEquals(expected.stream().sorted().toList(), targets.stream().sorted().toList());
    }

    @Test
    void theWordAuditHasTheSameContentAndARepeatingHeaderRow() throws Exception {
        WordprocessingMLPackage pkg = WordprocessingMLPackage.load(out.resolve("audit.docx").toFile());
        String xml = pkg.getMainDocumentPart().getXML();
        assertTrue(xml.contains("<w:tblHeader/>"), "header row repeats");
        List<Integer> p = citations.get("3.1");
        StringBuilder text = new StringBuilder();
        java.util.regex.Matcher t = java.util.regex.Pattern.compile("<w:t(?: [^>]*)?>([^<]*)</w:t>").matcher(xml);
        while (t.find()) {
            text.append(t.group(1));
        }
        assertTrue(text.toString().contains("See pages " + p.get(0) + ", " + p.get(1)), text.toString());
        assertTrue(text.toString().contains("No evidence provided"));
        assertTrue(xml.contains("w:fill=\"F7D0D2\""), "the gap is shaded as the stylesheet shades it (td.gap)");
        String audit = xml.substring(xml.lastIndexOf("<w:tbl>"));
        assertEquals(53, audit.split("<w:tr>|<w:tr ").length - 1, "one row per question plus the header");
        assertTrue(xml.contains("<w:pStyle w:val=\"Title\"/>"), "the layout's data-word-style names the Title");
        String header = pkg.getParts().getParts().values().stream()
                .filter(part -> part instanceof org.docx4j.openpackaging.parts.WordprocessingML.HeaderPart)
                .map(part -> ((org.docx4j.openpackaging.parts.WordprocessingML.HeaderPart) part).getXML()).findFirst().orElseThrow();
        assertTrue(header.contains("DRAFT"), header);
        String footer = pkg.getParts().getParts().values().stream()
                .filter(part -> part instanceof org.docx4j.openpackaging.parts.WordprocessingML.FooterPart)
                .map(part -> ((org.docx4j.openpackaging.parts.WordprocessingML.FooterPart) part).getXML()).findFirst().orElseThrow();
        assertTrue(footer.contains("PAGE") && footer.contains("NUMPAGES"), footer);
    }

    @Test
    void theFinalGateRefusesWithEveryReasonAndLeavesOutAsItWas() throws IOException {
        Path finalOut = tmp.resolve("final-out");
        Files.createDirectories(finalOut);
        Files.writeString(finalOut.resolve("annual-report.pdf"), "earlier");
        String report = Files.readString(bundle.resolve("report.json"));
        Files.writeString(bundle.resolve("report.json"), report.replaceAll("(?s),\\s*\"signOff\": \\{.*?\\}", ""));
        try {
            Cli r = Cli.run("build", bundle.toString(), "-o", finalOut.toString(), "--final");
            assertEquals(1, r.status());
            assertTrue(r.err().contains("report.json:1:1: error: a final report needs signOff"), r.err());
            assertTrue(r.err().contains("audit.json:1:1: error: audit question 9.3 has neither an answer nor evidence"), r.err());
            assertTrue(r.err().contains("final build refused"), r.err());
            assertArrayEquals("earlier".getBytes(), Files.readAllBytes(finalOut.resolve("annual-report.pdf")));
            try (var s = Files.list(finalOut)) {
                assertEquals(1, s.count(), "nothing else was written");
            }
        } finally {
            Files.writeString(bundle.resolve("report.json"), report);
        }
        Cli gapOnly = Cli.run("build", bundle.toString(), "-o", finalOut.toString(), "--final");
        assertEquals(1, gapOnly.status(), "a gap alone refuses the final build");
        assertFalse(gapOnly.err().contains("needs signOff"), gapOnly.err());
    }

    /** The audit is laid out once the report's pages are known, possibly on the other core: its errors still stop the build. */
    @Test
    void aBrokenAuditLayoutStopsTheBuildAtItsLineAndWritesNothing(@TempDir Path dir) throws IOException {
        Path copy = dir.resolve("report-templates/dorset-2019");
        Files.createDirectories(copy);
        try (var files = Files.list(Path.of("report-templates/dorset-2019"))) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        String layout = Files.readString(copy.resolve("audit.vm"));
        Files.writeString(copy.resolve("audit.vm"), "\n\n#set($broken = )\n" + layout);
        TestBundle b = new TestBundle(dir);
        Path target = dir.resolve("out");
        Cli r = Cli.run("build", b.root.toString(), "-o", target.toString());
        assertEquals(1, r.status(), r.err());
        String line = r.line(copy.resolve("audit.vm") + ":3:");
        assertTrue(line.contains("error: the layout template has a syntax error"), line);
        assertTrue(r.err().contains("nothing was written"), r.err());
        assertFalse(Files.exists(target), "no output folder");
        try (var left = Files.list(dir)) {
            assertEquals(List.of("north-wessex", "report-templates"),
                    left.map(p -> p.getFileName().toString()).sorted().toList(), "no staging folder left behind");
        }
    }
}
