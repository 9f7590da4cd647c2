package org.safeguardingreport.html;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.safeguardingreport.model.Bundle;
import org.safeguardingreport.model.Narrative;
import org.safeguardingreport.model.ReportMeta;
import org.safeguardingreport.model.SectionIds;
import org.safeguardingreport.model.Template;
import org.safeguardingreport.model.Threshold;

/**
 * The data a layout template sees: nested maps, lists and text, never model objects. A key ending
 * in "Html" holds markup already rendered and escaped; everything else is plain text that the
 * layout escapes on insertion.
 */
public final class ReportView {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /** The view, the evidence anchors the narrative produced in report order, and every chart by id. */
    public record Result(Map<String, Object> view, List<NarrativeHtml.Anchor> anchors,
                         Map<String, org.safeguardingreport.chart.Chart> charts) {
    }

    private ReportView() {
    }

    public static Result build(Bundle bundle, boolean finalReport) {
        Template template = bundle.template();
        Map<String, Object> report = reportInfo(bundle, finalReport);

        org.safeguardingreport.chart.ChartPlan trends = new org.safeguardingreport.chart.ChartPlan(bundle);
        List<NarrativeHtml.Anchor> anchors = new ArrayList<>();
        List<Map<String, Object>> sections = new ArrayList<>();
        for (Template.SectionSpec spec : template.sections()) {
            sections.add(section(bundle, spec.id(), spec.part(), spec.number(), template.heading(spec.id()), trends, anchors));
        }
        for (String id : bundle.sections().keySet()) {
            if (SectionIds.isAppendix(id)) {
                sections.add(section(bundle, id, "appendix", null, appendixHeading(id), trends, anchors));
            }
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("report", report);
        view.put("evidence", evidence(bundle, anchors));
        List<Map<String, Object>> dashboards = new ArrayList<>();
        for (Template.Standard st : template.standards()) {
            Map<String, Object> d = new LinkedHashMap<>(Dashboard.forStandard(bundle, st.number()));
            d.put("heading", st.heading());
            dashboards.add(d);
        }
        view.put("dashboards", dashboards);
        // the dashboard in the seed's Appendix 4 form: monthly, quarterly and annual tables
        view.put("appendix4", DashboardForm.build(bundle));
        view.put("sections", sections);
        for (String part : List.of("cover", "standards", "closing", "appendix")) {
            view.put(part, sections.stream().filter(x -> part.equals(x.get("part"))).toList());
        }
        return new Result(view, List.copyOf(anchors), trends.charts());
    }

    private static Map<String, Object> section(Bundle bundle, String id, String part, String number, String heading,
                                               org.safeguardingreport.chart.ChartPlan trends,
                                               List<NarrativeHtml.Anchor> anchors) {
        Narrative n = bundle.sections().get(id);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("id", id);
        s.put("anchor", "sec-" + id);
        s.put("part", part);
        s.put("number", number == null ? "" : number);
        s.put("heading", n != null && n.titleOverride() != null ? n.titleOverride() : heading);
        boolean written = n != null && !n.text().isBlank();
        s.put("missing", !written);
        if (written) {
            NarrativeHtml.Result r = NarrativeHtml.render(bundle, n, trends, "cover".equals(part) ? 3 : 2);
            s.put("bodyHtml", r.html());
            anchors.addAll(r.anchors());
        } else {
            s.put("bodyHtml", "");
        }
        int standard = SectionIds.standardNumber(id);
        if (standard > 0) {
            Template.Standard st = bundle.template().standard(standard);
            List<Map<String, Object>> criteria = new ArrayList<>();
            int i = 0;
            for (Template.Criterion c : st.criteria()) {
                criteria.add(map("number", c.numbered() ? String.valueOf(++i) : "", "text", c.text(), "report", c.report()));
            }
            s.put("standard", map("number", String.valueOf(st.number()), "title", st.title(),
                    "statement", st.statement(), "criteria", criteria, "links", st.links(), "guidance", st.guidance()));
            s.put("dashboard", Dashboard.forStandard(bundle, standard));
            List<Map<String, Object>> charts = new ArrayList<>();
            for (org.safeguardingreport.chart.Chart c : trends.forStandard(standard)) {
                charts.add(map("id", c.id(), "title", c.title(), "alt", c.alt(), "objectHtml", NarrativeHtml.chartObject(c)));
            }
            s.put("charts", charts);
        }
        return s;
    }

    /** What both documents say about the report: provider, year, authors, board paper, sign-off. */
    public static Map<String, Object> reportInfo(Bundle bundle, boolean finalReport) {
        ReportMeta meta = bundle.meta();
        Template template = bundle.template();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("title", meta.title());
        report.put("provider", meta.provider().name());
        report.put("odsCode", meta.provider().odsCode() == null ? "" : meta.provider().odsCode());
        report.put("year", meta.reportingYear().label());
        report.put("yearStart", DATE.format(LocalDate.of(meta.reportingYear().startYear(), 4, 1)));
        report.put("yearEnd", DATE.format(meta.reportingYear().lastDay()));
        report.put("draft", !finalReport);
        String logo = meta.logo() == null ? null : bundle.pictureUri(
                java.nio.file.Paths.get(meta.logo().file()).normalize().toString().replace('\\', '/'));
        report.put("logo", logo == null ? "" : map("src", logo, "alt", meta.logo().alt()));
        report.put("language", "en-GB");
        report.put("templateName", template.name());
        report.put("templateTitle", template.title());
        List<Map<String, Object>> authors = new ArrayList<>();
        for (ReportMeta.Author a : meta.authors()) {
            authors.add(map("name", a.name(), "role", a.role() == null ? "" : a.role()));
        }
        report.put("authors", authors);
        report.put("authorLine", meta.authors().stream()
                .map(a -> a.name() + (a.role() == null ? "" : ", " + a.role())).collect(Collectors.joining("; ")));
        report.put("authorNames", meta.authors().stream().map(ReportMeta.Author::name).collect(Collectors.joining(", ")));
        ReportMeta.BoardPaper p = meta.boardPaper();
        report.put("board", map(
                "meeting", p == null || p.meeting() == null ? "" : p.meeting(),
                "date", p == null || p.date() == null ? "" : DATE.format(p.date()),
                "agendaItem", p == null || p.agendaItem() == null ? "" : p.agendaItem(),
                "presentedBy", p == null || p.presentedBy() == null ? "" : p.presentedBy(),
                "recommendation", p == null || p.recommendation() == null ? "" : capitalise(p.recommendation())));
        ReportMeta.SignOff s = meta.signOff();
        report.put("signedOff", finalReport && s != null);
        report.put("signOff", s == null ? map() : map("approvedBy", s.approvedBy(), "role", s.role(), "body", s.body(),
                "date", DATE.format(s.date())));
        report.put("threshold", Dashboard.threshold(Threshold.DEFAULT));
        return report;
    }

    /** The audit form, each question with its answer and the anchors of the blocks marked as its evidence. */
    private static List<Map<String, Object>> evidence(Bundle bundle, List<NarrativeHtml.Anchor> anchors) {
        List<Map<String, Object>> standards = new ArrayList<>();
        for (Template.AuditStandard st : bundle.template().audit().standards()) {
            List<Map<String, Object>> questions = new ArrayList<>();
            for (Template.AuditQuestion q : st.questions()) {
                org.safeguardingreport.model.AuditAnswer a = bundle.audit().get(q.id());
                List<String> ids = anchors.stream().filter(x -> x.questions().contains(q.id())).map(NarrativeHtml.Anchor::id)
                        .toList();
                questions.add(map("id", q.id(), "text", q.text(), "items", q.items(),
                        "followUp", q.followUp() == null ? "" : q.followUp(),
                        "answer", a == null || a.answer() == null ? "" : a.answer().word(),
                        "comment", a == null || a.comment() == null ? "" : a.comment(),
                        "anchors", ids, "gap", ids.isEmpty() && (a == null || a.answer() == null)));
            }
            standards.add(map("standard", String.valueOf(st.standard()), "title", st.title(), "questions", questions));
        }
        return standards;
    }

    /**
     * The heading of an appendix without a front-matter title: "appendix-b-training-by-staff-group"
     * reads "Appendix B: Training by staff group", "appendix-glossary" reads "Appendix: Glossary".
     */
    public static String appendixHeading(String id) {
        String[] words = id.substring("appendix-".length()).split("-");
        if (words.length > 1 && words[0].length() <= 2) {
            String rest = String.join(" ", java.util.Arrays.copyOfRange(words, 1, words.length));
            return "Appendix " + words[0].toUpperCase(Locale.ROOT) + ": " + capitalise(rest);
        }
        return "Appendix: " + capitalise(String.join(" ", words));
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
