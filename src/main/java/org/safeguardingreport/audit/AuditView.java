package org.safeguardingreport.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.safeguardingreport.model.AuditAnswer;
import org.safeguardingreport.model.Bundle;
import org.safeguardingreport.model.Template;

/**
 * The Annual Assurance Audit as both editions show it: each question with the answer and comment
 * from audit.json and the pages of annual-report.pdf that its evidence markers landed on.
 */
public final class AuditView {

    /** One row of the audit table; {@code pages} are pages of annual-report.pdf, sorted and distinct. */
    public record Row(String id, String text, List<String> items, String followUp, String answer, String comment,
                      List<Integer> pages, boolean gap) {
    }

    public record Group(int standard, String title, List<Row> rows) {
    }

    private AuditView() {
    }

    public static List<Group> build(Bundle bundle, Map<String, List<Integer>> citations) {
        List<Group> groups = new ArrayList<>();
        for (Template.AuditStandard st : bundle.template().audit().standards()) {
            List<Row> rows = new ArrayList<>();
            for (Template.AuditQuestion q : st.questions()) {
                AuditAnswer a = bundle.audit().get(q.id());
                List<Integer> pages = citations.getOrDefault(q.id(), List.of());
                boolean answered = a != null && a.answered();
                rows.add(new Row(q.id(), q.text(), q.items(), q.followUp() == null ? "" : q.followUp(),
                        answered ? a.answer().word() : "", a == null || a.comment() == null ? "" : a.comment(),
                        pages, !answered && pages.isEmpty()));
            }
            groups.add(new Group(st.standard(), st.title(), List.copyOf(rows)));
        }
        return List.copyOf(groups);
    }

    /** The same, as maps for a Velocity layout. */
    public static List<Map<String, Object>> asMaps(List<Group> groups) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Group g : groups) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Row r : g.rows()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", r.id());
                m.put("text", r.text());
                m.put("items", r.items());
                m.put("followUp", r.followUp());
                m.put("answer", r.answer());
                m.put("comment", r.comment());
                m.put("pages", r.pages());
                m.put("gap", r.gap());
                rows.add(m);
            }
            Map<String, Object> gm = new LinkedHashMap<>();
            gm.put("standard", String.valueOf(g.standard()));
            gm.put("title", g.title());
            gm.put("rows", rows);
            out.add(gm);
        }
        return out;
    }
}
