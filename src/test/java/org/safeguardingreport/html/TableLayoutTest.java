package org.safeguardingreport.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguardingreport.Cli;
import org.safeguardingreport.DocxXml;
import org.safeguardingreport.PdfText;
import org.safeguardingreport.TestBundle;
import org.safeguardingreport.word.ReportDocxTest;

/**
 * Tables as a board member reads them: no word in a cell is broken across lines, and a short table
 * is never split over two pages. Read back from the built PDF's tagged cells; the words a cell may
 * hold are taken from the Word edition, where no layout breaks them.
 */
class TableLayoutTest {
    static final Path SAMPLE = Path.of(System.getProperty("report.home", "."), "content", "north-wessex-2023-24");

    @TempDir
    Path tmp;

    /**
     * Words broken at a line end: where a cell's line ends without a space and the last word of the
     * line joined to the first of the next is a word of the document ("Recommendati" + "on").
     */
    static List<String> brokenWords(List<List<String>> cells, Set<String> words) {
        List<String> out = new ArrayList<>();
        for (List<String> cell : cells) {
            for (int i = 1; i < cell.size(); i++) {
                String prev = cell.get(i - 1);
                String next = cell.get(i).strip();
                // a repeated header row is drawn again on the next page: the same text, not a wrap
                if (prev.equals(cell.get(i)) || prev.isBlank() || next.isEmpty() || Character.isWhitespace(prev.charAt(prev.length() - 1))) {
                    continue;
                }
                String[] before = prev.strip().split("\\s+");
                String last = before[before.length - 1];
                String joined = last + next.split("\\s+")[0];
                // words joined by a hyphen or a slash may wrap after it ("multi-" "agency"), figures never ("2023/" "24")
                boolean wordJoint = last.length() > 1 && (last.endsWith("-") || last.endsWith("/"))
                        && Character.isLetter(last.charAt(last.length() - 2)) && Character.isLetter(next.charAt(0))
                        || next.length() > 1 && next.startsWith("/") && Character.isLetter(last.charAt(last.length() - 1))
                        && Character.isLetter(next.charAt(1));
                if (words.contains(joined) && !wordJoint) {
                    out.add(before[before.length - 1] + "|" + next.split("\\s+")[0]);
                }
            }
        }
        return out;
    }

    static Set<String> wordWords(Path docx) throws Exception {
        Set<String> words = new HashSet<>();
        Matcher p = Pattern.compile("<w:p[ >].*?</w:p>", Pattern.DOTALL).matcher(DocxXml.document(docx));
        while (p.find()) {
            for (String w : ReportDocxTest.paragraphText(p.group()).split("\\s+")) {
                words.add(w);
            }
        }
        return words;
    }

    @Test
    void theDetectorFindsAWordBrokenAtALineEnd() {
        Set<String> words = Set.of("Recommendation", "2023/24", "94.3%", "Named", "Nurse", "multi-agency");
        assertEquals(List.of("Recommendati|on", "2023|/24", "2023/|24", "94.3|%"), brokenWords(List.of(List.of("Recommendati", "on"),
                List.of("Q4 2023", "/24"), List.of("Q4 2023/", "24"), List.of("94.3", "%"), List.of("Named ", "Nurse"),
                List.of("Year", "Year"), List.of("multi-", "agency")), words));
    }

    @Test
    void noCellOfEitherTemplateBreaksAWord() throws Exception {
        Path somerset = Files.createDirectories(tmp.resolve("somerset"));
        try (var files = Files.walk(SAMPLE)) {
            for (Path f : files.toList()) {
                Path to = somerset.resolve("north-wessex").resolve(SAMPLE.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        somersetCopy(somerset.resolve("north-wessex"));
        for (Path bundle : List.of(SAMPLE, somerset.resolve("north-wessex"))) {
            Path out = tmp.resolve("out-" + bundle.getParent().getFileName());
            Cli r = Cli.run("build", bundle.toString(), "-o", out.toString());
            assertEquals(0, r.status(), r.err());
            // every short table of the layouts and the narrative (a heading row and up to six more) is on one page
            for (PdfText.TablePages t : PdfText.tablePages(out.resolve("annual-report.pdf"))) {
                if (t.rows() <= 7) {
                    assertEquals(1, t.pages().size(), bundle + ": a table of " + t.rows() + " rows on pages " + t.pages());
                }
            }
            for (String edition : List.of("annual-report", "audit")) {
                List<List<String>> cells = PdfText.cellLines(out.resolve(edition + ".pdf"));
                assertTrue(cells.size() > 20, edition + " has its tables");
                assertEquals(List.of(), brokenWords(cells, wordWords(out.resolve(edition + ".docx"))), bundle + " " + edition);
            }
        }
    }

    /** Questions of dorset-2019 that somerset-2018's audit does not have. */
    static final List<String> NOT_IN_SOMERSET = List.of("1.7", "2.7", "3.8", "7.4", "7.5", "8.5", "8.6", "10.4", "10.5");

    /** A copy of the sample turned to somerset-2018: its markers and answers for questions somerset lacks removed. */
    static void somersetCopy(Path bundle) throws Exception {
        Path report = bundle.resolve("report.json");
        Files.writeString(report, Files.readString(report).replace("\"dorset-2019\"", "\"somerset-2018\""));
        try (var files = Files.list(bundle.resolve("narrative"))) {
            for (Path f : files.toList()) {
                Matcher m = Pattern.compile("\\{audit=\"?([0-9. ]+)\"?\\}").matcher(Files.readString(f));
                StringBuilder out = new StringBuilder();
                while (m.find()) {
                    List<String> kept = new ArrayList<>(List.of(m.group(1).trim().split("\\s+")));
                    kept.removeAll(NOT_IN_SOMERSET);
                    m.appendReplacement(out, kept.isEmpty() ? "" : Matcher.quoteReplacement("{audit=\"" + String.join(" ", kept) + "\"}"));
                }
                m.appendTail(out);
                Files.writeString(f, out.toString());
            }
        }
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        var audit = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(bundle.resolve("audit.json").toFile());
        audit.remove(NOT_IN_SOMERSET);
        json.writerWithDefaultPrettyPrinter().writeValue(bundle.resolve("audit.json").toFile(), audit);
    }

    @Test
    void aShortTableIsNeverSplitOverTwoPages() throws Exception {
        // tables of 2 to 6 rows after paragraphs of random length, so that some would fall across a page end
        Random random = new Random(2112);
        StringBuilder md = new StringBuilder("## Tables\n\n");
        String[] filler = "The safeguarding team met the named nurses of each service and reviewed the quarter's cases in turn".split(" ");
        for (int t = 0; t < 24; t++) {
            int words = 20 + random.nextInt(220);
            for (int w = 0; w < words; w++) {
                md.append(filler[random.nextInt(filler.length)]).append(w % 17 == 16 ? ".\n" : " ");
            }
            md.append("\n\n| Service | Q1 | Q2 |\n|---|---|---|\n");
            int rows = 2 + random.nextInt(5);
            for (int r = 0; r < rows; r++) {
                md.append("| Service ").append(r + 1).append(" | ").append(random.nextInt(99)).append(" | ").append(random.nextInt(99))
                        .append(" |\n");
            }
            md.append('\n');
        }
        TestBundle b = new TestBundle(tmp).allSections();
        b.write("narrative/standard-6.md", md.toString());
        Path out = tmp.resolve("out");
        Cli r = Cli.run("build", b.root.toString(), "-o", out.toString());
        assertEquals(0, r.status(), r.err());
        List<PdfText.TablePages> tables = PdfText.tablePages(out.resolve("annual-report.pdf")).stream()
                .filter(t -> t.rows() <= 7).toList();
        assertTrue(tables.size() >= 24, "the 24 short tables: " + tables.size());
        for (PdfText.TablePages t : tables) {
            assertEquals(1, t.pages().size(), "a table of " + t.rows() + " rows on pages " + t.pages());
        }
    }
}
