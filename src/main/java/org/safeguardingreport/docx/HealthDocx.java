package org.safeguardingreport.docx;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.docx4j.model.structure.PageSizePaper;
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
        WordprocessingMLPackage pkg = WordprocessingMLPackage.createPackage(PageSizePaper.A4, true);
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
        for (Map<String, Object> red : (List<Map<String, Object>>) view.get("reds")) {
            body.add(Wml.para(null, red.get("provider") + ": " + red.get("label") + ", Red in " + red.get("figures")
                    + "; provider's report " + red.get("page")));
        }
        for (Map<String, Object> gap : (List<Map<String, Object>>) view.get("gaps")) {
            body.add(Wml.para(null, gap.get("provider") + ": question " + gap.get("question")
                    + " has neither an answer nor evidence; its standard begins on " + gap.get("page") + " of the provider's report"));
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

    private static Tc head(int width, String text) {
        return Wml.cell(width, Wml.NHS_BLUE, List.of(Wml.para(null, Wml.colour(Wml.bold(text), "FFFFFF"))));
    }
}
