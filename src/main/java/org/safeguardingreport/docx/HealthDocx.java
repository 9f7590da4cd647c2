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
        for (String s : List.of("Title", "Heading1", "Heading2", "Heading3", "Caption", "Header", "Footer", "ListParagraph", "Hyperlink")) {
            pkg.getMainDocumentPart().getPropertyResolver().activateStyle(s);
        }
        Map<String, Object> report = (Map<String, Object>) view.get("report");
        List<Object> body = pkg.getMainDocumentPart().getContent();
        Lists lists = new Lists();
        body.add(Wml.para("Title", (String) report.get("title")));
        body.add(Wml.para(null, report.get("yearStart") + " to " + report.get("yearEnd") + ". Amalgamated from "
                + r.providers().size() + " providers' annual reports."));
        Bundle first = r.providers().get(0).bundle();
        if (!commissioner.isEmpty() && commissioner.get(0) != null) {
            body.add(Wml.para("Heading1", "Introduction"));
            body.addAll(new MarkdownDocx(pkg, first, lists, commissioner.get(0), 2).blocks(commissioner.get(0).document()));
        }
        List<Map<String, Object>> providers = (List<Map<String, Object>>) view.get("providers");
        body.add(Wml.para("Heading1", "Assurance summary"));
        int name = 2400;
        int cell = (MarkdownDocx.TEXT_WIDTH - name) / 10;
        int[] w = new int[11];
        java.util.Arrays.fill(w, cell);
        w[0] = name;
        Tbl matrix = Wml.table(w);
        List<Tc> head = new ArrayList<>(List.of(head(name, "Provider")));
        for (int s = 1; s <= 10; s++) {
            head.add(head(cell, "S" + s));
        }
        matrix.getContent().add(Wml.row(true, head.toArray(new Tc[0])));
        for (Map<String, Object> p : providers) {
            List<Tc> row = new ArrayList<>(List.of(Wml.cell(name, null, List.of(Wml.para(null, (String) p.get("name"))))));
            for (Map<String, Object> c : (List<Map<String, Object>>) p.get("matrix")) {
                String level = (String) c.get("level");
                String fill = level.equals("red") ? "F7D0D2" : level.equals("amber") ? "FFE9B0" : "D5EED9";
                row.add(Wml.cell(cell, fill, List.of(Wml.para(null, (String) c.get("text")), Wml.para(null, (String) c.get("word")))));
            }
            matrix.getContent().add(Wml.row(false, row.toArray(new Tc[0])));
        }
        body.add(matrix);
        body.add(Wml.para("Heading1", "Trends by provider"));
        for (org.safeguardingreport.chart.Chart chart : edition.charts().values()) {
            body.add(MarkdownDocx.chartParagraph(pkg, chart));
        }
        body.add(Wml.para("Heading1", "Red measures and gaps"));
        body.add(Wml.para("Heading2", "Red measures"));
        List<Map<String, Object>> reds = (List<Map<String, Object>>) view.get("reds");
        if (reds.isEmpty()) {
            body.add(Wml.para(null, "No provider reported a Red measure in " + report.get("year") + "."));
        } else {
            int[] rw = {MarkdownDocx.TEXT_WIDTH * 26 / 100, MarkdownDocx.TEXT_WIDTH * 30 / 100, MarkdownDocx.TEXT_WIDTH * 30 / 100,
                MarkdownDocx.TEXT_WIDTH * 14 / 100};
            Tbl t = Wml.table(rw);
            t.getContent().add(Wml.row(true, head(rw[0], "Provider"), head(rw[1], "Measure"), head(rw[2], "Rated Red"),
                    head(rw[3], "Provider's report")));
            for (Map<String, Object> red : reds) {
                t.getContent().add(Wml.row(false, text(rw[0], null, (String) red.get("providerShown")),
                        text(rw[1], null, (String) red.get("label")), text(rw[2], "F7D0D2", (String) red.get("figures")),
                        text(rw[3], null, (String) red.get("page"))));
            }
            body.add(t);
        }
        body.add(Wml.para("Heading2", "Gaps in the assurance audit"));
        List<Map<String, Object>> gaps = (List<Map<String, Object>>) view.get("gaps");
        if (gaps.isEmpty()) {
            body.add(Wml.para(null, "Every provider answered or evidenced every question."));
        } else {
            int[] gw = {MarkdownDocx.TEXT_WIDTH * 26 / 100, MarkdownDocx.TEXT_WIDTH * 60 / 100, MarkdownDocx.TEXT_WIDTH * 14 / 100};
            Tbl t = Wml.table(gw);
            t.getContent().add(Wml.row(true, head(gw[0], "Provider"), head(gw[1], "Question"), head(gw[2], "Provider's report")));
            for (Map<String, Object> gap : gaps) {
                t.getContent().add(Wml.row(false, text(gw[0], null, (String) gap.get("provider")),
                        text(gw[1], null, gap.get("question") + " " + gap.get("text")), text(gw[2], null, (String) gap.get("page"))));
            }
            body.add(t);
        }
        body.add(Wml.para("Heading1", "Providers' reports"));
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
        for (Map<String, Object> p : providers) {
            body.add(Wml.para(null, p.get("name") + ": signed off by " + p.get("signOff") + "; " + p.get("signature")));
        }
        try {
            lists.install(pkg);
            Wml.headerAndFooter(pkg, (String) report.get("title"));
        } catch (org.docx4j.openpackaging.exceptions.InvalidFormatException e) {
            throw new Docx4JException("header and lists", e);
        }
        Wml.properties(pkg, (String) report.get("title"), "", (String) report.get("title"), "safeguarding children, health annual report");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pkg.save(out);
        return out.toByteArray();
    }

    private static Tc text(int width, String fill, String text) {
        return Wml.cell(width, fill, List.of(Wml.para(null, text)));
    }

    private static Tc head(int width, String text) {
        return Wml.cell(width, Wml.NHS_BLUE, List.of(Wml.para(null, Wml.colour(Wml.bold(text), "FFFFFF"))));
    }
}
