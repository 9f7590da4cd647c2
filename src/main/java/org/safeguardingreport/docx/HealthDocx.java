package org.safeguardingreport.docx;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.docx4j.openpackaging.exceptions.Docx4JException;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.docx4j.wml.Tbl;
import org.docx4j.wml.Tc;

import org.safeguardingreport.amalgamate.Amalgamation;
import org.safeguardingreport.model.Bundle;
import org.safeguardingreport.model.Rating;
import org.safeguardingreport.model.Narrative;

/** The health annual report in Word: the same summary tables and provider narratives as the PDF. */
public final class HealthDocx {
    private HealthDocx() {
    }

    @SuppressWarnings("unchecked")
    public static byte[] write(Amalgamation.Result r, org.safeguardingreport.amalgamate.HealthReport.Edition edition,
                               List<Narrative> commissioner) throws Docx4JException {
        Map<String, Object> view = edition.view();
        WordprocessingMLPackage pkg = Wml.newPackage(true);
        HouseStyle.styles(pkg.getMainDocumentPart());
        // the landscape page's text width, for the wide tables
        int width = (int) pkg.getDocumentModel().getSections().get(0).getPageDimensions().getWritableWidthTwips();
        Map<String, Object> report = (Map<String, Object>) view.get("report");
        List<Object> body = pkg.getMainDocumentPart().getContent();
        Lists lists = new Lists();
        body.add(Wml.para("Title", (String) report.get("title")));
        List<Map<String, Object>> skipped = (List<Map<String, Object>>) view.get("skipped");
        body.add(Wml.para(null, report.get("yearStart") + " to " + report.get("yearEnd") + ". Amalgamated from the annual reports of "
                + r.providers().size() + " health providers"
                + (skipped.isEmpty() ? "" : "; " + skipped.size() + " could not be included") + "."));
        Bundle first = r.providers().get(0).bundle();
        if (!commissioner.isEmpty() && commissioner.get(0) != null) {
            body.add(Wml.para("Heading1", "Introduction"));
            body.addAll(new MarkdownDocx(pkg, first, lists, commissioner.get(0), 2).blocks(commissioner.get(0).document()));
        }
        List<Map<String, Object>> providers = (List<Map<String, Object>>) view.get("providers");
        body.add(Wml.para("Heading1", "Assurance summary"));
        String shared = (String) view.get("sharedNote");
        body.add(Wml.para(null, "Answers to the Annual Assurance Audit, by provider and standard" + (shared.isEmpty() ? "" : ": " + shared)
                + ". Each cell counts Yes / Partial / No, and gaps (questions with neither an answer nor evidence)."));
        int name = 2900;
        int cell = (width - name) / 10;
        int[] w = new int[11];
        java.util.Arrays.fill(w, cell);
        w[0] = name;
        Tbl matrix = table(w);
        List<Tc> head = new ArrayList<>(List.of(Wml.headCell(name, "Provider")));
        for (int s = 1; s <= 10; s++) {
            head.add(Wml.headCell(cell, "S" + s));
        }
        matrix.getContent().add(Wml.row(true, head.toArray(new Tc[0])));
        for (Map<String, Object> p : providers) {
            List<Tc> row = new ArrayList<>(List.of(Wml.cell(name, null, List.of(Wml.para(null, (String) p.get("name"))))));
            for (Map<String, Object> c : (List<Map<String, Object>>) p.get("matrix")) {
                String level = (String) c.get("level");
                String fill = Wml.ragFill(Rating.valueOf(level.toUpperCase(java.util.Locale.ROOT)));
                row.add(Wml.cell(cell, fill, List.of(Wml.para(null, (String) c.get("text")), Wml.para(null, (String) c.get("word")))));
            }
            matrix.getContent().add(Wml.row(false, row.toArray(new Tc[0])));
        }
        body.add(matrix);
        body.add(note("Y yes, P partial, N no, G gap. Green: all answered Yes or N/A; Amber: a Partial; Red: a No or a gap."));
        body.add(Wml.para("Heading1", "Dashboard summary " + report.get("year")));
        body.add(Wml.para(null, "Key measures at Q4, and how many of each provider's rated measures were Red, Amber and Green at Q4."));
        body.add(dashboard(providers, (List<String>) view.get("keyMeasures"), width));
        body.add(note("Ratings: Green \u2265 90%, Amber \u2265 76%, Red below (or each provider's template thresholds), "
                + "on the unrounded figures. \u2014 not reported."));
        body.add(Wml.para("Heading2", "Trends by provider"));
        for (org.safeguardingreport.chart.Chart chart : edition.comparing()) {
            body.add(MarkdownDocx.chartParagraph(pkg, chart));
        }
        body.add(Wml.para("Heading1", "Red measures and gaps"));
        body.add(Wml.para("Heading2", "Red measures"));
        body.add(Wml.para(null, "Every measure rated Red in any quarter of the year (or over the year, for annual measures), "
                + "with the Red figures, and the page of the provider's own annual report where that measure's dashboard row sits."));
        List<Map<String, Object>> reds = (List<Map<String, Object>>) view.get("reds");
        if (reds.isEmpty()) {
            body.add(Wml.para(null, "No provider reported a Red measure in " + report.get("year") + "."));
        } else {
            int[] rw = {width * 26 / 100, width * 30 / 100, width * 30 / 100, width * 14 / 100};
            Tbl t = table(rw);
            t.getContent().add(Wml.row(true, Wml.headCell(rw[0], "Provider"), Wml.headCell(rw[1], "Measure"),
                    Wml.headCell(rw[2], "Rated Red"), Wml.headCell(rw[3], "Provider's report")));
            for (Map<String, Object> red : reds) {
                t.getContent().add(Wml.row(false, text(rw[0], null, (String) red.get("providerShown")),
                        text(rw[1], null, (String) red.get("label")), text(rw[2], "F7D0D2", (String) red.get("figures")),
                        text(rw[3], null, (String) red.get("page"))));
            }
            body.add(t);
        }
        body.add(Wml.para("Heading2", "Gaps in the assurance audit"));
        body.add(Wml.para(null, "Questions a provider neither answered nor evidenced, and the page of the provider's own annual "
                + "report where that standard's section begins."));
        List<Map<String, Object>> gaps = (List<Map<String, Object>>) view.get("gaps");
        if (gaps.isEmpty()) {
            body.add(Wml.para(null, "Every provider answered or evidenced every question."));
        } else {
            int[] gw = {width * 26 / 100, width * 60 / 100, width * 14 / 100};
            Tbl t = table(gw);
            t.getContent().add(Wml.row(true, Wml.headCell(gw[0], "Provider"), Wml.headCell(gw[1], "Question"),
                    Wml.headCell(gw[2], "Provider's report")));
            for (Map<String, Object> gap : gaps) {
                t.getContent().add(Wml.row(false, text(gw[0], null, (String) gap.get("provider")),
                        text(gw[1], null, gap.get("question") + " " + gap.get("text")), text(gw[2], null, (String) gap.get("page"))));
            }
            body.add(t);
        }
        body.add(Wml.para("Heading1", "Providers' reports"));
        body.add(Wml.para(null, "Each provider's executive summary, achievements and priorities, in their own words."));
        for (Amalgamation.Provider p : r.providers()) {
            Bundle b = p.bundle();
            body.add(Wml.para("Heading2", b.meta().provider().name()));
            for (String id : List.of("executive-summary", "achievements", "priorities")) {
                body.add(Wml.para("Heading3", b.template().heading(id)));
                Narrative n = b.sections().get(id);
                if (n == null || n.text().isBlank()) {
                    body.add(Wml.para(null, "No narrative provided."));
                } else {
                    body.addAll(new MarkdownDocx(pkg, b, lists, n, 4).blocks(n.document()));
                }
            }
        }
        if (commissioner.size() > 1 && commissioner.get(1) != null) {
            body.add(Wml.para("Heading1", "Conclusion"));
            body.addAll(new MarkdownDocx(pkg, first, lists, commissioner.get(1), 2).blocks(commissioner.get(1).document()));
        }
        body.add(Wml.para("Heading1", "Providers included"));
        int[] iw = {width * 34 / 100, width * 14 / 100, width * 32 / 100, width * 20 / 100};
        Tbl included = table(iw);
        included.getContent().add(Wml.row(true, Wml.headCell(iw[0], "Provider"), Wml.headCell(iw[1], "Template"),
                Wml.headCell(iw[2], "Signed off"), Wml.headCell(iw[3], "Signature")));
        for (Map<String, Object> p : providers) {
            included.getContent().add(Wml.row(false, text(iw[0], null, (String) p.get("name")),
                    text(iw[1], null, (String) p.get("template")), text(iw[2], null, (String) p.get("signOff")),
                    text(iw[3], null, (String) p.get("signature"))));
        }
        body.add(included);
        if (!skipped.isEmpty()) {
            body.add(Wml.para("Heading2", "Not included"));
            body.add(Wml.para(null, "These reports were left out, for the reason given:"));
            for (Map<String, Object> x : skipped) {
                body.add(Wml.para(null, x.get("shown") + ": " + x.get("errors")));
            }
        }
        try {
            lists.install(pkg);
            Wml.headerAndFooter(pkg, (String) report.get("title"));
            if (Boolean.TRUE.equals(report.get("draft"))) {
                HouseStyle.watermark(pkg);
            }
        } catch (org.docx4j.openpackaging.exceptions.InvalidFormatException e) {
            throw new Docx4JException("header and lists", e);
        }
        Wml.properties(pkg, (String) report.get("title"), "", (String) report.get("title"), "safeguarding children, health annual report");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pkg.save(out);
        return out.toByteArray();
    }

    /** Providers by key measure at Q4, each figure coloured and worded by its rating, then their Red / Amber / Green counts. */
    @SuppressWarnings("unchecked")
    private static Tbl dashboard(List<Map<String, Object>> providers, List<String> keyMeasures, int width) {
        int name = 2700;
        int count = 950;
        int cell = (width - name - 3 * count) / keyMeasures.size();
        int[] w = new int[keyMeasures.size() + 4];
        java.util.Arrays.fill(w, cell);
        w[0] = name;
        w[w.length - 3] = count;
        w[w.length - 2] = count;
        w[w.length - 1] = count;
        Tbl t = table(w);
        List<Tc> head = new ArrayList<>(List.of(Wml.headCell(name, "Provider")));
        keyMeasures.forEach(k -> head.add(smallHead(cell, k)));
        head.addAll(List.of(smallHead(count, "Red"), smallHead(count, "Amber"), smallHead(count, "Green")));
        t.getContent().add(Wml.row(true, head.toArray(new Tc[0])));
        for (Map<String, Object> p : providers) {
            List<Tc> row = new ArrayList<>(List.of(text(name, null, (String) p.get("name"))));
            for (Map<String, Object> c : (List<Map<String, Object>>) p.get("key")) {
                row.add(TrendTable.viewCell(cell, c));
            }
            for (String k : List.of("red", "amber", "green")) {
                row.add(TrendTable.valueCell(count, String.valueOf(p.get(k)), java.util.Optional.empty()));
            }
            t.getContent().add(Wml.row(false, row.toArray(new Tc[0])));
        }
        return t;
    }

    private static Tc smallHead(int width, String text) {
        return Wml.cell(width, Wml.NHS_BLUE, List.of(Wml.para(null, Wml.size(Wml.colour(Wml.bold(text), "FFFFFF"), 16))));
    }

    private static org.docx4j.wml.P note(String text) {
        return Wml.para(null, Wml.size(Wml.colour(Wml.run(text), "425563"), 16));
    }

    private static Tbl table(int... widths) {
        Tbl t = Wml.table(widths);
        Wml.tableStyle(t, "ReportTable");
        return t;
    }

    private static Tc text(int width, String fill, String text) {
        return Wml.cell(width, fill, List.of(Wml.para(null, text)));
    }
}
