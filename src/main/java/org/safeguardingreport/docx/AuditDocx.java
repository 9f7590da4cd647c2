package org.safeguardingreport.docx;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.docx4j.openpackaging.exceptions.Docx4JException;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.docx4j.openpackaging.parts.WordprocessingML.MainDocumentPart;
import org.docx4j.wml.P;
import org.docx4j.wml.R;
import org.docx4j.wml.Tbl;

import org.safeguardingreport.audit.AuditView;
import org.safeguardingreport.model.Bundle;
import org.safeguardingreport.render.ReportView;

/** The Annual Assurance Audit as an editable Word document, with the same content as audit.pdf. */
public final class AuditDocx {
    private static final int STANDARD = 1800;
    private static final int QUESTION = 4200;
    private static final int RESPONSE = 3026;
    private static final String GAP_FILL = "F7D0D2";
    private static final String GAP_TEXT = "7A0F1C";

    private AuditDocx() {
    }

    @SuppressWarnings("unchecked")
    public static byte[] write(Bundle bundle, boolean finalReport, List<AuditView.Group> groups, int reportPages)
            throws Docx4JException {
        Map<String, Object> report = ReportView.reportInfo(bundle, finalReport);
        String title = bundle.template().audit().title();
        String year = (String) report.get("year");
        WordprocessingMLPackage pkg = Wml.newPackage(false);
        MainDocumentPart mdp = pkg.getMainDocumentPart();
        for (String style : List.of("Title", "Heading1", "Heading2", "Header", "Footer")) {
            mdp.getPropertyResolver().activateStyle(style);
        }
        Wml.headerAndFooter(pkg, report.get("provider") + "  |  " + title + " " + year + (finalReport ? "" : "  |  DRAFT"));
        List<Object> body = mdp.getContent();
        body.add(Wml.para(null, Wml.colour(Wml.bold((String) report.get("provider")), Wml.NHS_BLUE)));
        body.add(Wml.para("Title", title));
        body.add(Wml.para(null, year + ": " + report.get("yearStart") + " to " + report.get("yearEnd")));
        body.add(Wml.para(null, Wml.bold("Accompanies: "), Wml.run(report.get("title") + " (annual-report.pdf, "
                + reportPages + " pages)")));
        Map<String, Object> signOff = (Map<String, Object>) report.get("signOff");
        body.add(Wml.para(null, Wml.bold("Status: "), Wml.run(Boolean.TRUE.equals(report.get("signedOff"))
                ? "Approved by the " + signOff.get("body") + " on " + signOff.get("date") : "Draft; not yet approved")));
        List<AuditView.Row> rows = groups.stream().flatMap(g -> g.rows().stream()).toList();
        long gaps = rows.stream().filter(AuditView.Row::gap).count();
        body.add(Wml.para(null, Wml.bold("Answered: "), Wml.run(rows.stream().filter(r -> !r.answer().isEmpty()).count()
                + " of " + rows.size() + " questions answered; " + rows.stream().filter(r -> !r.pages().isEmpty()).count()
                + " with evidence in the report" + (gaps > 0 ? "; " + gaps + " with no evidence provided" : ""))));
        String instructions = bundle.template().audit().instructions();
        if (!instructions.isBlank()) {
            body.add(Wml.para(null, Wml.colour(Wml.run(instructions), "425563")));
        }

        Tbl table = Wml.table(STANDARD, QUESTION, RESPONSE);
        table.getContent().add(Wml.row(true,
                Wml.headCell(STANDARD, "Standard"), Wml.headCell(QUESTION, "Audit question"),
                Wml.headCell(RESPONSE, "Evidence / Response")));
        for (AuditView.Group g : groups) {
            boolean first = true;
            for (AuditView.Row r : g.rows()) {
                List<P> standard = first ? List.of(Wml.para(null, Wml.colour(Wml.bold(g.standard() + " " + g.title()),
                        Wml.NHS_BLUE))) : List.of();
                first = false;
                table.getContent().add(Wml.row(false, Wml.cell(STANDARD, null, standard),
                        Wml.cell(QUESTION, null, question(r)), Wml.cell(RESPONSE, r.gap() ? GAP_FILL : null, response(r))));
            }
        }
        body.add(table);

        body.add(Wml.para("Heading2", "Sign-off"));
        if (Boolean.TRUE.equals(report.get("signedOff"))) {
            body.add(Wml.para(null, Wml.bold("Approved by: "), Wml.run((String) signOff.get("approvedBy"))));
            body.add(Wml.para(null, Wml.bold("Role: "), Wml.run((String) signOff.get("role"))));
            body.add(Wml.para(null, Wml.bold("On behalf of: "), Wml.run((String) signOff.get("body"))));
            body.add(Wml.para(null, Wml.bold("Date: "), Wml.run((String) signOff.get("date"))));
        } else {
            body.add(Wml.para(null, "This is a draft. It has not yet been approved."));
        }
        Wml.properties(pkg, title + " " + year, (String) report.get("authorNames"),
                title + " " + year + ": " + report.get("provider"), "safeguarding children, assurance audit, " + year);
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        pkg.save(out);
        return out.toByteArray();
    }

    private static List<P> question(AuditView.Row r) {
        List<P> out = new ArrayList<>();
        out.add(Wml.para(null, Wml.colour(Wml.bold(r.id() + " "), Wml.NHS_BLUE), Wml.run(r.text())));
        for (String item : r.items()) {
            out.add(Wml.para(null, "\u2022 " + item));
        }
        if (!r.followUp().isEmpty()) {
            out.add(Wml.para(null, r.followUp()));
        }
        return out;
    }

    private static List<P> response(AuditView.Row r) {
        if (r.gap()) {
            return List.of(Wml.para(null, Wml.colour(Wml.bold("No evidence provided"), GAP_TEXT)));
        }
        List<R> runs = new ArrayList<>();
        if (!r.answer().isEmpty()) {
            runs.add(Wml.bold(r.answer()));
        }
        if (!r.comment().isEmpty()) {
            runs.add(Wml.run((runs.isEmpty() ? "" : " ") + r.comment()));
        }
        List<P> out = new ArrayList<>();
        out.add(Wml.para(null, runs.toArray(new R[0])));
        if (!r.pages().isEmpty()) {
            out.add(Wml.para(null, r.seePages()));
        }
        return out;
    }
}
