package org.safeguardingreport.amalgamate;

import org.safeguardingreport.html.Dashboard;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.safeguardingreport.chart.ChartPlan;
import org.safeguardingreport.diag.Diagnostics;
import org.safeguardingreport.bundle.BundleFiles;
import org.safeguardingreport.markdown.NarrativeReader;
import org.safeguardingreport.model.Bundle;
import org.safeguardingreport.model.Measure;
import org.safeguardingreport.model.MeasureCatalog;
import org.safeguardingreport.model.MeasureValue;
import org.safeguardingreport.model.Narrative;
import org.safeguardingreport.model.Quarter;
import org.safeguardingreport.model.Rating;
import org.safeguardingreport.model.ReportingYear;
import org.safeguardingreport.pdf.PdfWriter;
import org.safeguardingreport.model.Figures;
import org.safeguardingreport.html.Layout;
import org.safeguardingreport.html.NarrativeHtml;
import org.safeguardingreport.template.TemplateLoader;
import org.safeguardingreport.text.SourceText;

/** The commissioner's health annual report: the amalgamation laid out through report-templates/amalgamation/. */
public final class HealthReport {
    static final String FOLDER = "amalgamation";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private HealthReport() {
    }

    /**
     * The commissioner's own introduction and conclusion, checked like any narrative (null where
     * absent), and the ICB's cover sheet and sign-off from cover.json.
     */
    public record Commissioner(Narrative introduction, Narrative conclusion, Map<String, byte[]> pictures, Cover cover) {
        static final Commissioner NONE = new Commissioner(null, null, Map.of(), Cover.NONE);
    }

    /** The commissioner's folder read for the reporting {@code year} (null when unknown); {@code dir} may be null. */
    public static Commissioner commissioner(Path dir, ReportingYear year, boolean finalReport, Diagnostics diags) {
        Cover cover = Cover.read(dir, year, finalReport, diags);
        if (dir == null) {
            return new Commissioner(null, null, Map.of(), cover);
        }
        Map<String, byte[]> pictures = new LinkedHashMap<>();
        NarrativeReader reader = new NarrativeReader(BundleFiles.folder(dir), null, diags, pictures::put);
        Narrative[] n = new Narrative[2];
        String[] names = {"introduction", "conclusion"};
        for (int i = 0; i < 2; i++) {
            Path f = dir.resolve(names[i] + ".md");
            if (Files.isRegularFile(f)) {
                int k = i;
                SourceText.read(f, names[i] + ".md", diags).ifPresent(t -> n[k] = reader.read(names[k], names[k] + ".md", t));
            }
        }
        if (n[0] == null && n[1] == null) {
            diags.warning(dir.toString(), org.safeguardingreport.diag.Pos.FILE,
                    "no introduction.md or conclusion.md in the commissioner's narrative folder");
        }
        return new Commissioner(n[0], n[1], pictures, cover);
    }

    /** What both editions are made from: the layout's view and the trend charts, computed once. */
    public record Edition(Map<String, Object> view, Map<String, org.safeguardingreport.chart.Chart> charts,
                          List<org.safeguardingreport.chart.Chart> comparing, Map<String, byte[]> pictures) {
    }

    public static Edition edition(Amalgamation.Result r, Findings findings, Commissioner c, boolean finalReport) {
        Map<String, org.safeguardingreport.chart.Chart> charts = charts(r);
        List<org.safeguardingreport.chart.Chart> comparing = List.copyOf(charts.values());
        // the view adds each provider's own charts to the map, for the PDF to draw
        Map<String, Object> view = view(r, c, finalReport, charts);
        view.putAll(AssuranceView.of(r, findings, charts));
        Map<String, byte[]> pictures = new LinkedHashMap<>(commissionerPictures(r, c));
        // last year's priorities may show pictures of last year's report
        findings.lastReports().values().forEach(p -> pictures.putAll(p.bundle().pictures()));
        return new Edition(view, charts, comparing, pictures);
    }

    /** The commissioner's pictures, named as the context that renders the commissioner's narrative names them. */
    private static Map<String, byte[]> commissionerPictures(Amalgamation.Result r, Commissioner c) {
        return r.providers().isEmpty() ? Map.of() : context(r, c).pictures();
    }

    /** The commissioner's own text has no data of its own: figures in it show as not reported. */
    private static Bundle context(Amalgamation.Result r, Commissioner c) {
        Bundle first = r.providers().get(0).bundle();
        return new Bundle(first.root(), "commissioner", first.meta(), first.template(), Map.of(), Map.of(), Map.of(),
                Map.of(), c.pictures());
    }

    /** The health report's two editions, made from its one layout. */
    public record Editions(byte[] pdf, byte[] docx) {
    }

    public static Optional<byte[]> pdf(Amalgamation.Result r, Edition e, boolean finalReport, Diagnostics diags)
            throws IOException {
        return editions(r, e, finalReport, false, diags).map(Editions::pdf);
    }

    /** The PDF and, when {@code word}, the Word edition written from the very document the PDF is laid out from. */
    public static Optional<Editions> editions(Amalgamation.Result r, Edition e, boolean finalReport, boolean word,
                                              Diagnostics diags) throws IOException {
        TemplateLoader loader = TemplateLoader.forBundle(Path.of("").toAbsolutePath().resolve("x"));
        Optional<String> layout = loader.layoutFile(FOLDER, "health.vm", diags);
        Optional<String> css = loader.layoutFile(FOLDER, "health.css", diags);
        Optional<org.safeguardingreport.model.Template.Binary> reference =
                word ? loader.wordReference(FOLDER, diags) : Optional.empty();
        if (layout.isEmpty() || css.isEmpty() || word && reference.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> view = new LinkedHashMap<>(e.view());
        view.put("stylesheetHtml", css.get());
        Optional<String> xhtml = Layout.render(layout.get(), "report-templates/" + FOLDER + "/health.vm", view, diags)
                // no page holds a single row of a table, in either edition
                .map(org.safeguardingreport.html.KeepRows::apply);
        if (xhtml.isEmpty()) {
            return Optional.empty();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        // each provider's pictures come from its own images/ folder
        Map<String, byte[]> pictures = new LinkedHashMap<>();
        r.providers().forEach(p -> pictures.putAll(p.bundle().pictures()));
        pictures.putAll(e.pictures());
        byte[][] docx = new byte[1][];
        PdfWriter.Edition edition = !word ? PdfWriter.Edition.NONE : laid -> {
            try {
                docx[0] = org.safeguardingreport.word.XhtmlWord.write(laid, !finalReport, e.charts(), reference.get());
            } catch (org.docx4j.openpackaging.exceptions.Docx4JException failed) {
                throw new IOException("the health report's Word edition could not be written", failed);
            }
        };
        PdfWriter.write(xhtml.get(), pictures, List.of(), !finalReport, e.charts(), PdfWriter.PostProcess.NONE, finalReport,
                l -> { }, edition, out);
        return Optional.of(new Editions(out.toByteArray(), docx[0]));
    }

    /**
     * For each key measure, one chart comparing the providers' trends (ids chart-1, chart-2, ...); the
     * map is open, so that the view can add each provider's own charts.
     */
    public static Map<String, org.safeguardingreport.chart.Chart> charts(Amalgamation.Result r) {
        Map<String, org.safeguardingreport.chart.Chart> out = new LinkedHashMap<>();
        List<Bundle> bundles = r.providers().stream().map(Amalgamation.Provider::bundle).toList();
        for (String id : Amalgamation.KEY_MEASURES) {
            var data = org.safeguardingreport.chart.TrendData.comparing(bundles, id);
            if (data.hasData()) {
                // every provider's line named: up to a page of small multiples a chart, the median of all behind each
                List<org.safeguardingreport.chart.TrendData> parts = data.manyProviders() ? List.of(data)
                        : data.parts(org.safeguardingreport.chart.ChartMaker.MAX_PANELS);
                for (int k = 0; k < parts.size(); k++) {
                    String key = "chart-" + (out.size() + 1);
                    out.put(key, new org.safeguardingreport.chart.Chart(key, MeasureCatalog.get().measure(id).orElseThrow().label()
                            + ", by provider" + (parts.size() > 1 ? " (" + (k + 1) + " of " + parts.size() + ")" : ""),
                            parts.get(k), bundles.get(0).template().threshold(id)));
                }
            }
        }
        return out;
    }

    static Map<String, Object> view(Amalgamation.Result r, Commissioner c, boolean finalReport,
                                    Map<String, org.safeguardingreport.chart.Chart> charts) {
        ReportingYear year = r.year();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("title", "Safeguarding Children Health Annual Report " + year.label());
        report.put("year", year.label());
        report.put("yearStart", DATE.format(LocalDate.of(year.startYear(), 4, 1)));
        report.put("yearEnd", DATE.format(year.lastDay()));
        report.put("draft", !finalReport);
        report.put("threshold", org.safeguardingreport.html.Dashboard.threshold(org.safeguardingreport.model.Threshold.DEFAULT));
        Map<String, List<Amalgamation.Counts>> matrix = Amalgamation.matrix(r.providers());
        List<org.safeguardingreport.chart.Chart> comparing = List.copyOf(charts.values());
        List<Map<String, Object>> providers = new ArrayList<>();
        int i = 0;
        for (Amalgamation.Provider p : r.providers()) {
            Bundle b = p.bundle();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", p.name());
            m.put("label", label(p));
            m.put("anchor", "provider-" + (++i));
            m.put("template", b.template().name());
            var so = b.meta().signOff();
            m.put("signOff", so == null ? "Not signed off" : so.approvedBy() + ", " + so.role() + ", " + DATE.format(so.date()));
            m.put("signature", p.signature().words());
            List<Map<String, Object>> cells = new ArrayList<>();
            for (Amalgamation.Counts k : matrix.get(p.name())) {
                String level = k.no() + k.gaps() > 0 ? "red" : k.partial() > 0 ? "amber" : "green";
                cells.add(Map.of("text", "Y" + k.yes() + " P" + k.partial() + " N" + k.no() + (k.gaps() > 0 ? " G" + k.gaps() : ""),
                        "level", level, "word", level.substring(0, 1).toUpperCase(Locale.ROOT) + level.substring(1)));
            }
            m.put("matrix", cells);
            List<Map<String, Object>> key = new ArrayList<>();
            for (String id : Amalgamation.KEY_MEASURES) {
                Optional<MeasureValue> v = b.currentYear().flatMap(y -> y.quarterly(id, Quarter.Q4));
                Optional<Rating> rating = Figures.rating(b, id, v);
                key.add(Map.of("text", Figures.format(b, id, v), "rating", rating.map(x -> x.word().toLowerCase(Locale.ROOT)).orElse(""),
                        "ratingWord", rating.map(Rating::word).orElse("")));
            }
            m.put("key", key);
            Map<Rating, Integer> rag = Amalgamation.ragAtQ4(b);
            m.put("red", rag.get(Rating.RED));
            m.put("amber", rag.get(Rating.AMBER));
            m.put("green", rag.get(Rating.GREEN));
            List<Map<String, Object>> sections = new ArrayList<>();
            // the provider's own charts, under ids of its own in the one document
            ChartPlan own = new ChartPlan(b, "provider-" + i + "-chart-");
            for (String id : Amalgamation.PROVIDER_SECTIONS) {
                Narrative n = b.sections().get(id);
                sections.add(Map.of("heading", b.template().heading(id), "bodyHtml",
                        n == null || n.text().isBlank() ? "" : NarrativeHtml.render(b, n, own, 3).html()));
            }
            charts.putAll(own.charts());
            m.put("sections", sections);
            providers.add(m);
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("report", report);
        view.put("cover", cover(c.cover(), r, finalReport));
        view.put("providers", providers);
        view.put("charts", comparing.stream().map(ch -> Map.of("objectHtml", NarrativeHtml.chartObject(ch))).toList());
        view.put("keyMeasures", Amalgamation.KEY_MEASURES.stream().map(id -> MeasureCatalog.get().measure(id)
                .map(Measure::label).orElse(id)).toList());
        Map<String, String> ods = new LinkedHashMap<>();
        r.providers().forEach(p -> ods.put(p.name(), Assurance.odsCode(p.bundle())));
        view.put("reds", redRows(Amalgamation.reds(r.providers()), year, ods));
        view.put("gaps", Amalgamation.gaps(r.providers()).stream().map(x -> Map.of("provider",
                Assurance.named(x.provider(), ods.get(x.provider())),
                "question", x.question(), "text", x.text(), "page", page(x.page()))).toList());
        // a board reads who was left out and why in plain words; the compiler lines stay on the terminal
        view.put("skipped", r.skipped().stream().map(s -> Map.of("shown", s.name(), "errors", s.reason())).toList());
        view.put("sharedNote", r.templates().size() > 1 ? "templates " + String.join(", ", r.templates())
                + " are compared on the " + Amalgamation.sharedQuestions(r.providers()).size() + " questions they share" : "");
        Bundle context = context(r, c);
        view.put("introductionHtml", c.introduction() == null ? "" : NarrativeHtml.render(context, c.introduction(),
                new ChartPlan(context), 2).html());
        view.put("conclusionHtml", c.conclusion() == null ? "" : NarrativeHtml.render(context, c.conclusion(),
                new ChartPlan(context), 2).html());
        return view;
    }

    /**
     * One row per provider and measure, its Red figures side by side ("Q1 71.0%; Q3 72.4%"); the
     * provider is named on its first row only ({@code providerShown}), so a long list reads by provider.
     */
    static List<Map<String, Object>> redRows(List<Amalgamation.Red> reds, ReportingYear year) {
        return redRows(reds, year, Map.of());
    }

    /** As above; {@code providerNamed} is on every row, with the provider's ODS code, so no row's provider is blank. */
    static List<Map<String, Object>> redRows(List<Amalgamation.Red> reds, ReportingYear year, Map<String, String> ods) {
        Map<List<String>, List<Amalgamation.Red>> grouped = new LinkedHashMap<>();
        for (Amalgamation.Red x : reds) {
            grouped.computeIfAbsent(List.of(x.provider(), x.measureId()), k -> new ArrayList<>()).add(x);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        String previous = null;
        for (List<Amalgamation.Red> g : grouped.values()) {
            Amalgamation.Red first = g.get(0);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("provider", first.provider());
            row.put("providerNamed", Assurance.named(first.provider(), ods.get(first.provider())));
            row.put("providerShown", first.provider().equals(previous) ? "" : first.provider());
            row.put("first", !first.provider().equals(previous));
            row.put("label", first.label());
            row.put("figures", String.join("; ", g.stream().map(x -> (x.period().equals("year") ? year.label() : x.period())
                    + "\u00a0" + x.value()).toList()));
            row.put("page", page(first.page()));
            rows.add(row);
            previous = first.provider();
        }
        return rows;
    }

    /**
     * A provider as the health report names it: its name and its ODS code ("Avon Acute NHS Trust (RD8)"),
     * which tells apart Trusts of similar names.
     */
    public static String label(Amalgamation.Provider p) {
        return Assurance.named(p.name(), Assurance.odsCode(p.bundle()));
    }

    /**
     * The cover sheet and sign-off as the layout shows them: each value as written, or "" where
     * cover.json gives none (the layout prints "To be confirmed"); {@code signedOff} only on a final
     * report, whose sign-off is then printed (a draft leaves lines to sign by hand); and how the
     * providers' reports reached the ICB, said plainly.
     */
    static Map<String, Object> cover(Cover c, Amalgamation.Result r, boolean finalReport) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("organisation", c.organisationShown());
        m.put("meeting", orBlank(c.meeting()));
        m.put("date", c.date() == null ? "" : DATE.format(c.date()));
        m.put("agendaItem", orBlank(c.agendaItem()));
        m.put("purpose", orBlank(c.purpose()));
        m.put("purposes", Cover.PURPOSES.stream().map(x -> Map.of("key", x,
                "word", Character.toUpperCase(x.charAt(0)) + x.substring(1))).toList());
        m.put("recommendation", orBlank(c.recommendation()));
        m.put("author", person(c.author()));
        m.put("executiveLead", person(c.executiveLead()));
        boolean signed = finalReport && c.signOff() != null;
        m.put("signedOff", signed);
        m.put("signOff", c.signOff() == null ? Map.of("approvedBy", "", "role", "", "date", "")
                : Map.of("approvedBy", c.signOff().approvedBy(), "role", c.signOff().role(), "date", DATE.format(c.signOff().date())));
        m.put("provenance", provenance(r.providers()));
        return m;
    }

    private static String orBlank(String s) {
        return s == null ? "" : s;
    }

    private static String person(Cover.Person p) {
        if (p == null) {
            return "";
        }
        return p.name() == null ? p.role() : p.role() == null ? p.name() : p.name() + ", " + p.role();
    }

    /**
     * How the providers' reports reached the ICB, in a board's words: "None of the 13 reports carries
     * a verified digital signature: 2 are unsigned PDFs; 11 were read from the providers' source
     * folders." A final report says it on its cover and above its sign-off.
     */
    static String provenance(List<Amalgamation.Provider> providers) {
        int n = providers.size();
        int valid = reached(providers, Amalgamation.Signature.Kind.VALID);
        int pdfs = reached(providers, Amalgamation.Signature.Kind.UNSIGNED);
        int folders = reached(providers, Amalgamation.Signature.Kind.FOLDER);
        if (n == 0) {
            return "";
        }
        if (valid == n) {
            return n == 1 ? "Its report is a PDF whose digital signature was verified."
                    : "All " + n + " reports are PDFs whose digital signature was verified.";
        }
        List<String> parts = new ArrayList<>();
        if (pdfs > 0) {
            parts.add(pdfs == 1 ? "1 is an unsigned PDF" : pdfs + " are unsigned PDFs");
        }
        if (folders > 0) {
            parts.add(folders == 1 ? "1 was read from the provider's source folder" : folders
                    + " were read from the providers' source folders");
        }
        String lead = valid == 0 ? (n == 1 ? "The report does not carry" : "None of the " + n + " reports carries")
                : valid + " of the " + n + " reports " + (valid == 1 ? "carries" : "carry");
        return lead + " a verified digital signature: " + String.join("; ", parts) + ".";
    }

    /** How many providers' reports reached the ICB in the given way. */
    static int reached(List<Amalgamation.Provider> providers, Amalgamation.Signature.Kind kind) {
        return (int) providers.stream().filter(p -> p.signature().kind() == kind).count();
    }

    /** "p. 12", or a dash where the provider's own layout is not known. */
    static String page(Integer page) {
        return page == null ? "\u2014" : "p. " + page;
    }
}
