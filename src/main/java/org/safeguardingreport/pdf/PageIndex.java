package org.safeguardingreport.pdf;

import org.safeguardingreport.html.ReportBuilder;

import org.safeguardingreport.html.NarrativeHtml;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import org.safeguardingreport.diag.Diagnostics;
import org.safeguardingreport.json.JsonReader;
import org.safeguardingreport.json.JsonValue;
import org.safeguardingreport.json.JsonWriter;
import org.safeguardingreport.pdf.PdfWriter;

/**
 * Where the parts of a laid-out annual report landed: its page count, the first page of each
 * section, the page of each measure's dashboard row, and the pages of each question's evidence.
 * A final PDF carries it as {@value #FILE}, so the commissioner's amalgamation cites pages of the
 * very PDF the provider signed.
 */
public record PageIndex(int pages, Map<String, Integer> sections, Map<String, Integer> measures,
                        Map<String, List<Integer>> questions, Map<String, String> words) {
    public static final String FILE = "pages.json";
    static final String SECTION = "sec-";
    static final String MEASURE = "measure-";

    public PageIndex {
        sections = Collections.unmodifiableMap(new LinkedHashMap<>(sections));
        measures = Collections.unmodifiableMap(new LinkedHashMap<>(measures));
        questions = Collections.unmodifiableMap(new LinkedHashMap<>(questions));
        words = Collections.unmodifiableMap(new LinkedHashMap<>(words));
    }

    /** The anchor ids to ask the layout about: every section, every dashboard row, every evidence block. */
    public static List<String> anchors(List<String> sectionIds, List<NarrativeHtml.Anchor> evidence) {
        List<String> ids = new ArrayList<>();
        sectionIds.forEach(s -> ids.add(SECTION + s));
        org.safeguardingreport.model.MeasureCatalog.get().all().forEach(m -> ids.add(MEASURE + m.id()));
        evidence.forEach(a -> ids.add(a.id()));
        return ids;
    }

    public static PageIndex of(PdfWriter.Output layout, List<NarrativeHtml.Anchor> evidence) {
        Map<String, Integer> sections = new LinkedHashMap<>();
        Map<String, Integer> measures = new LinkedHashMap<>();
        Map<String, String> words = new LinkedHashMap<>();
        layout.anchorPages().forEach((id, page) -> {
            if (id.startsWith(SECTION)) {
                sections.put(id.substring(SECTION.length()), page);
            } else if (id.startsWith(MEASURE)) {
                measures.put(id.substring(MEASURE.length()), page);
            } else {
                return;
            }
            String w = layout.words().getOrDefault(id, "");
            if (!w.isEmpty()) {
                words.put(id, w);
            }
        });
        Map<String, TreeSet<Integer>> pages = new TreeMap<>(ReportBuilder::byQuestion);
        for (NarrativeHtml.Anchor a : evidence) {
            Integer page = layout.anchorPages().get(a.id());
            if (page != null) {
                a.questions().forEach(q -> pages.computeIfAbsent(q, k -> new TreeSet<>()).add(page));
            }
        }
        Map<String, List<Integer>> questions = new LinkedHashMap<>();
        pages.forEach((q, p) -> questions.put(q, List.copyOf(p)));
        return new PageIndex(layout.pages(), sections, measures, questions, words);
    }

    /** The first page of standard {@code n}'s section, where its evidence is expected. */
    public Optional<Integer> standard(int n) {
        return Optional.ofNullable(sections.get("standard-" + n));
    }

    public Optional<Integer> measure(String id) {
        return Optional.ofNullable(measures.get(id));
    }

    public byte[] toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pages", pages);
        m.put("sections", sections);
        m.put("measures", measures);
        m.put("questions", questions);
        m.put("words", words);
        return JsonWriter.write(m).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads what {@link #toJson} wrote; empty when the bytes are not such an index. The index comes
     * from a file someone sent, so only whole page numbers within the document are kept.
     */
    public static Optional<PageIndex> fromJson(byte[] bytes) {
        Optional<JsonValue> v = JsonReader.read(new String(bytes, StandardCharsets.UTF_8), FILE, new Diagnostics());
        if (v.isEmpty() || !(v.get() instanceof JsonValue.JsonObject o)) {
            return Optional.empty();
        }
        int pages = page(o.get("pages"), 100_000);
        if (pages == 0) {
            return Optional.empty();
        }
        Map<String, List<Integer>> questions = new LinkedHashMap<>();
        if (o.get("questions") instanceof JsonValue.JsonObject q) {
            q.members().forEach((k, member) -> {
                if (member.value() instanceof JsonValue.JsonArray a) {
                    List<Integer> p = a.items().stream().map(x -> page(x, pages)).filter(x -> x > 0).toList();
                    if (!p.isEmpty()) {
                        questions.put(k, p);
                    }
                }
            });
        }
        Map<String, String> words = new LinkedHashMap<>();
        if (o.get("words") instanceof JsonValue.JsonObject w) {
            w.members().forEach((k, member) -> {
                if (member.value() instanceof JsonValue.JsonString t && t.value().length() <= 500) {
                    words.put(k, t.value());
                }
            });
        }
        return Optional.of(new PageIndex(pages, pages(o.get("sections"), pages), pages(o.get("measures"), pages), questions,
                words));
    }

    /** An index whose pages were checked against the PDF they came from, and what could not be proven. */
    public record Proven(PageIndex index, List<String> problems) {
    }

    /**
     * Checks the sections and measures this index places against the text of the PDF it came from
     * (a provider's final report): each one's words, as recorded when that PDF was built (or, from a
     * PDF that recorded none, {@code expected}'s text for it: a heading or a measure's label), must
     * be drawn on the page given. One found on one other page only is moved there; any other is
     * dropped, so no page is ever cited that does not hold what it is cited for.
     *
     * @param expected the text each anchor id ("sec-ID", "measure-ID") should open with, or null to leave it unchecked
     */
    public Proven provenAgainst(java.nio.file.Path pdf, java.util.function.Function<String, String> expected)
            throws java.io.IOException {
        List<org.safeguardingreport.pdf.PageProof.Claim> claims = new ArrayList<>();
        Map<String, Integer> given = new LinkedHashMap<>();
        sections.forEach((id, p) -> given.put(SECTION + id, p));
        measures.forEach((id, p) -> given.put(MEASURE + id, p));
        Map<String, Integer> unchecked = new LinkedHashMap<>();
        given.forEach((anchor, page) -> {
            String w = words.getOrDefault(anchor, expected.apply(anchor));
            if (w == null || w.isBlank()) {
                unchecked.put(anchor, page);
            } else {
                claims.add(new org.safeguardingreport.pdf.PageProof.Claim(anchor, page, w, w));
            }
        });
        org.safeguardingreport.pdf.PageProof.Result r = org.safeguardingreport.pdf.PageProof.check(pdf, claims);
        List<String> problems = new ArrayList<>();
        r.failures().forEach(f -> problems.add("its page index puts \"" + f.words() + "\" on page " + f.page() + ", but "
                + f.reason() + "; no page is given for it"));
        Map<String, Integer> sec = new LinkedHashMap<>();
        Map<String, Integer> mea = new LinkedHashMap<>();
        java.util.function.BiConsumer<String, Integer> keep = (anchor, page) -> {
            if (anchor.startsWith(SECTION)) {
                sec.put(anchor.substring(SECTION.length()), page);
            } else {
                mea.put(anchor.substring(MEASURE.length()), page);
            }
        };
        unchecked.forEach(keep);
        r.pages().forEach(keep);
        return new Proven(new PageIndex(pages, sec, mea, questions, words), List.copyOf(problems));
    }

    private static Map<String, Integer> pages(JsonValue v, int last) {
        Map<String, Integer> out = new LinkedHashMap<>();
        if (v instanceof JsonValue.JsonObject o) {
            o.members().forEach((k, m) -> {
                int p = page(m.value(), last);
                if (p > 0) {
                    out.put(k, p);
                }
            });
        }
        return out;
    }

    /** A page number from 1 to {@code last}, or 0 for anything else. */
    private static int page(JsonValue v, int last) {
        if (v instanceof JsonValue.JsonNumber n) {
            try {
                int p = n.value().intValueExact();
                return p >= 1 && p <= last ? p : 0;
            } catch (ArithmeticException notAWholeNumber) {
                return 0;
            }
        }
        return 0;
    }
}
