package org.safeguardingreport.bundle;

import org.safeguardingreport.html.ReportBuilder;
import org.safeguardingreport.html.ReportView;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguardingreport.TestBundle;
import org.safeguardingreport.chart.ChartPlan;
import org.safeguardingreport.diag.Diagnostics;
import org.safeguardingreport.json.JsonReader;
import org.safeguardingreport.json.JsonValue;
import org.safeguardingreport.markdown.FrontMatter;
import org.safeguardingreport.markdown.NarrativeReader;
import org.safeguardingreport.model.Bundle;
import org.safeguardingreport.model.Narrative;
import org.safeguardingreport.model.ReportingYear;
import org.safeguardingreport.html.NarrativeHtml;

/**
 * A property-based fuzzer for everything an author types: every generated input must give output
 * or diagnostics, never an escaped exception. Inputs are built from the dialect's own pieces and
 * then mutated. {@code -Dfuzz.iterations=N} runs longer (bench/fuzz.sh); {@code -Dfuzz.seed=S}
 * replays a run.
 */
class FuzzTest {
    static final int ITERATIONS = Integer.getInteger("fuzz.iterations", 1500);
    static final long SEED = Long.getLong("fuzz.seed", 20231124L);
    static final String[] PIECES = {"{audit=", "{audit=\"", "3.1", "11.2", "3.9", "\"}", "}", "{", "{{", "}}", "@Q4", "@Q5",
            "@year", " rag", "3b-level-3", "8f-enhanced-dbs", "6a-si-steis", "chart ", "{{chart 3b-level-3}}", "*", "**", "_",
            "`", "\\", "|", "---", "\n", "\n\n", "- ", "1. ", "  ", "> ", "# ", "## ", "[", "]", "(", ")", "![", "](images/x.png)",
            "<script>", "</b>", "<!--", "-->", "&amp;", "&#0;", "$x", "#set(", "${7*7}", "title: ", "!!java.lang.Runtime", "&a",
            "*a", "\r", "\t", "\u0000", "\uFEFF", "\u202E", "\u062d\u0645\u0627", "👩\u200d⚕️", "\uD800", "word", "Level",
            "https://x.nhs.uk", "javascript:alert(1)", "{audit=1.1}", "{{3b-level-3@Q1 rag}}", "| a | b |\n|---|---|\n"};
    static final String[] JSON = {"{", "}", "[", "]", ",", ":", "\"", "\"Q1\"", "\"3b-level-3\"", "\"numerator\"",
            "\"denominator\"", "\"reportingYear\"", "\"2023/24\"", "\"quarters\"", "\"annual\"", "\"answer\"", "\"yes\"",
            "\"comment\"", "\"1.1\"", "null", "true", "false", "-1", "1e309", "0.5", "412", "\"412\"", " ", "\n", "\\u0000",
            "\"\\uD800\"", "99999999999999999999999", "//", "/*", "'"};

    @TempDir
    static Path tmp;
    static Bundle bundle;

    @BeforeAll
    static void context() {
        bundle = BundleLoader.load(new TestBundle(tmp).root).bundle().orElseThrow();
    }

    static String markdown(Random r) {
        StringBuilder s = new StringBuilder();
        if (r.nextInt(6) == 0) {
            s.append("---\n").append(PIECES[r.nextInt(PIECES.length)]).append(r.nextBoolean() ? "title: x\n" : "").append("---\n");
        }
        int n = 1 + r.nextInt(60);
        for (int i = 0; i < n; i++) {
            s.append(r.nextInt(8) == 0 ? (char) r.nextInt(0x3000) : PIECES[r.nextInt(PIECES.length)]);
        }
        return mutate(s.toString(), r);
    }

    static String json(Random r) {
        StringBuilder s = new StringBuilder(r.nextBoolean() ? "{" : "");
        int n = 1 + r.nextInt(40);
        for (int i = 0; i < n; i++) {
            s.append(JSON[r.nextInt(JSON.length)]);
        }
        return mutate(s.toString(), r);
    }

    static String mutate(String s, Random r) {
        StringBuilder b = new StringBuilder(s);
        int m = r.nextInt(4);
        for (int i = 0; i < m && b.length() > 0; i++) {
            int at = r.nextInt(b.length());
            switch (r.nextInt(3)) {
                case 0 -> b.deleteCharAt(at);
                case 1 -> b.insert(at, (char) (r.nextInt(127) + 1));
                default -> b.insert(at, b.substring(0, Math.min(b.length(), r.nextInt(20))));
            }
        }
        return b.toString();
    }

    @Test
    void markdownFrontMatterMarkersFiguresAndChartsNeverThrow() throws Exception {
        Random r = new Random(SEED);
        for (int i = 0; i < ITERATIONS; i++) {
            String text = markdown(r);
            try {
                Diagnostics d = new Diagnostics();
                FrontMatter.read(text, "f.md", d);
                Narrative n = new NarrativeReader(BundleFiles.folder(bundle.root()), bundle.template(), d, (f, b) -> { }).read("standard-3", "narrative/standard-3.md", text);
                assertNotNull(NarrativeHtml.render(bundle, n, new ChartPlan(bundle), 2).html());
                if (i % 100 == 0) {
                    // now and then the whole report, both editions from its one layout, with this section in it
                    java.util.Map<String, Narrative> sections = new java.util.LinkedHashMap<>(bundle.sections());
                    sections.put("standard-3", n);
                    org.safeguardingreport.model.Bundle with = new org.safeguardingreport.model.Bundle(bundle.root(), bundle.name(),
                            bundle.meta(), bundle.template(), sections, bundle.data(), bundle.audit());
                    byte[][] word = new byte[1][];
                    var view = org.safeguardingreport.html.ReportView.build(with, false);
                    org.safeguardingreport.html.ReportBuilder.build(with, false, view, new Diagnostics(), x -> { }, laid -> {
                        try {
                            word[0] = org.safeguardingreport.word.XhtmlWord.write(laid, true, view.charts(), bundle.template().wordReference());
                        } catch (org.docx4j.openpackaging.exceptions.Docx4JException e) {
                            throw new java.io.IOException(e);
                        }
                    }).orElseThrow();
                    assertNotNull(word[0]);
                }
                d.sorted().forEach(x -> assertNotNull(x.format()));
            } catch (Throwable t) {
                fail("input " + i + " of seed " + SEED + " threw " + t + " on: " + escape(text), t);
            }
        }
    }

    @Test
    void dataAuditAndReportJsonNeverThrow() {
        Random r = new Random(SEED + 1);
        for (int i = 0; i < ITERATIONS * 2; i++) {
            String text = json(r);
            try {
                Diagnostics d = new Diagnostics();
                JsonReader.read(text, "x.json", d).ifPresent(v -> {
                    if (v instanceof JsonValue.JsonObject o) {
                        DataReader.read(o, "data/2023-24.json", new ReportingYear(2023), d);
                        AuditReader.read(o, bundle.template(), d);
                        ReportReader.read(o, d);
                    }
                });
                d.sorted().forEach(x -> assertNotNull(x.format()));
            } catch (Throwable t) {
                fail("input " + i + " of seed " + (SEED + 1) + " threw " + t + " on: " + escape(text), t);
            }
        }
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(c -> b.append(c < 32 || c > 126 ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return b.toString();
    }

}
