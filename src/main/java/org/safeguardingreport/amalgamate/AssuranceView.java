package org.safeguardingreport.amalgamate;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.safeguardingreport.chart.Chart;
import org.safeguardingreport.chart.ChartPlan;
import org.safeguardingreport.html.NarrativeHtml;
import org.safeguardingreport.model.Bundle;
import org.safeguardingreport.model.Narrative;

/**
 * The commissioner's findings as the health layout sees them: the executive summary written from the data,
 * each provider's overall assurance with its reasons, the matrix by standard, the contradictions, the
 * exceptions, the themes and last year. Values are plain text (the layout escapes them) unless named *Html.
 */
final class AssuranceView {
    /** Measure families listed in the themes table. */
    static final int FAMILIES_SHOWN = 8;

    private AssuranceView() {
    }

    static Map<String, Object> of(Amalgamation.Result r, Findings f, Map<String, Chart> charts) {
        Map<String, Object> view = new LinkedHashMap<>();
        AssuranceRule rule = f.rule();
        view.put("summary", f.themes().sentences());
        view.put("assuranceRuleFile", rule.file());
        view.put("ratingWords", rule.levels().stream().map(l -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("rating", l.rating());
            x.put("level", level(rule, l.rating()));
            x.put("atMost", l.atMost() == null ? "" : String.valueOf(l.atMost()));
            x.put("count", f.themes().ratings().getOrDefault(l.rating(), 0));
            return x;
        }).toList());
        view.put("rulePoints", List.of(
                row("Statutory question: No / Partial / N/A", rule.statutory().no() + " / " + rule.statutory().partial() + " / "
                        + rule.statutory().notApplicable()),
                row("Statutory question: unanswered (evidence only) / gap", rule.statutory().unanswered() + " / " + rule.statutory().gap()),
                row("Other question: No / Partial / N/A", rule.other().no() + " / " + rule.other().partial() + " / "
                        + rule.other().notApplicable()),
                row("Other question: unanswered (evidence only) / gap", rule.other().unanswered() + " / " + rule.other().gap()),
                row("Measure Red at Q4 (annual: over the year)", String.valueOf(rule.redAtQ4())),
                row("Measure Red in every quarter (added)", String.valueOf(rule.redEveryQuarter())),
                row("Annual duty answered No", String.valueOf(rule.annualNo())),
                row("Audit contradicts dashboard", String.valueOf(rule.contradiction()))));
        view.put("ruleCaps", rule.atBest().entrySet().stream().map(e -> Assurance.capWords(e.getKey().name())
                + ": at best " + e.getValue()).toList());

        // standards' titles for the matrix's heading, from the first provider's audit form
        List<Map<String, Object>> titles = new ArrayList<>();
        if (!f.assured().isEmpty()) {
            for (Assurance.StandardAssurance s : f.assured().get(0).standards()) {
                titles.add(Map.of("number", s.standard(), "title", s.title()));
            }
        }
        view.put("standardTitles", titles);

        List<Map<String, Object>> providers = new ArrayList<>();
        List<Map<String, Object>> contradictions = new ArrayList<>();
        List<Map<String, Object>> exceptions = new ArrayList<>();
        for (Assurance.ProviderAssurance a : f.assured()) {
            Map<String, Object> p = new LinkedHashMap<>();
            String named = Assurance.named(a.provider(), a.odsCode());
            p.put("name", a.provider());
            p.put("odsCode", a.odsCode());
            p.put("named", named);
            p.put("rating", a.rating());
            p.put("level", level(rule, a.rating()));
            p.put("points", a.points());
            p.put("capped", a.cappedBy() == null ? "" : "At best " + a.rating() + ": " + Assurance.capWords(a.cappedBy()) + ".");
            p.put("reasons", a.reasons().stream().filter(x -> x.points() > 0).map(x -> x.text() + " (" + x.points() + ")").toList());
            List<Map<String, Object>> cells = new ArrayList<>();
            for (Assurance.StandardAssurance s : a.standards()) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("answered", s.answered());
                c.put("unanswered", s.notAnswered());
                c.put("notApplicable", s.notApplicable());
                c.put("questions", s.questions());
                c.put("rating", s.rating());
                c.put("level", level(rule, s.rating()));
                c.put("flag", s.contradictions() > 0);
                c.put("text", s.answered() + "/" + s.notAnswered() + "/" + s.notApplicable());
                cells.add(c);
            }
            p.put("standards", cells);
            p.put("exceptions", a.exceptions().size());
            providers.add(p);
            for (Assurance.Contradiction c : a.contradictions()) {
                contradictions.add(Map.of("provider", named, "standard", c.standard(), "text", c.text()));
            }
            for (Assurance.Exception x : a.exceptions()) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("provider", named);
                e.put("label", x.label());
                e.put("standard", x.standard());
                e.put("no", x.kind() == Assurance.Exception.Kind.ANNUAL_NO);
                e.put("period", x.period());
                e.put("figure", x.figure());
                e.put("count", x.count() == null ? "" : x.count());
                int paren = x.runningText().indexOf(" (");
                e.put("running", paren < 0 ? x.runningText() : x.runningText().substring(0, paren));
                e.put("since", paren < 0 ? "" : x.runningText().substring(paren + 2, x.runningText().length() - 1));
                LastYear.Comparison before = f.comparisons().getOrDefault(a.provider(), List.of()).stream()
                        .filter(c -> c.measureId().equals(x.measureId())).findFirst().orElse(null);
                e.put("last", before == null ? "\u2014" : before.lastFigure());
                e.put("lastRating", before == null ? "" : before.lastRating().toLowerCase(Locale.ROOT));
                e.put("direction", before == null ? "" : before.direction().word());
                e.put("page", HealthReport.page(x.page()));
                e.put("first", exceptions.isEmpty() || !exceptions.get(exceptions.size() - 1).get("provider").equals(named));
                exceptions.add(e);
            }
        }
        view.put("assured", providers);
        view.put("contradictions", contradictions);
        view.put("exceptionRows", exceptions);
        long nos = f.exceptions().stream().filter(x -> x.kind() == Assurance.Exception.Kind.ANNUAL_NO).count();
        view.put("exceptionCounts", Map.of("no", nos, "red", f.exceptions().size() - nos));

        // themes
        view.put("families", f.themes().families().stream().limit(FAMILIES_SHOWN).map(t -> Map.of("name", t.name(),
                "exceptions", t.exceptions(), "providers", t.providers())).toList());
        view.put("standardThemes", f.themes().standards().stream().map(t -> Map.of("name", t.name(), "exceptions", t.exceptions(),
                "contradictions", t.contradictions(), "providers", t.providers(), "weak", t.weakProviders())).toList());
        NumberFormat n = NumberFormat.getIntegerInstance(Locale.UK);
        view.put("pooled", f.themes().pooled().stream().map(x -> Map.of("label", x.label(), "count", n.format(x.numerator()) + " / "
                + n.format(x.denominator()), "figure", x.figure(), "rating", x.rating().toLowerCase(Locale.ROOT), "ratingWord",
                x.rating(), "providers", x.providers())).toList());

        // last year
        Map<String, Object> last = new LinkedHashMap<>();
        last.put("shown", f.hasLastYear());
        last.put("year", r.year() == null ? "" : r.year().previous().label());
        last.put("reportsGiven", f.lastYear() != null);
        List<Map<String, Object>> movements = new ArrayList<>();
        List<Map<String, Object>> changes = new ArrayList<>();
        List<Map<String, Object>> priorities = new ArrayList<>();
        int i = 0;
        for (Amalgamation.Provider p : r.providers()) {
            Assurance.ProviderAssurance a = f.assured().get(i);
            LastYear.Movement mv = f.movements().get(i);
            i++;
            List<LastYear.Comparison> rows = f.comparisons().getOrDefault(p.name(), List.of());
            var tally = LastYear.tally(rows);
            Map<String, Object> m = new LinkedHashMap<>();
            String named = Assurance.named(a.provider(), a.odsCode());
            m.put("provider", named);
            m.put("last", mv.last() == null ? "\u2014" : mv.last());
            m.put("lastLevel", mv.last() == null ? "" : level(rule, mv.last()));
            m.put("now", mv.now());
            m.put("nowLevel", level(rule, mv.now()));
            m.put("direction", mv.direction() == null ? "no report for last year" : mv.direction().word());
            m.put("better", tally.get(LastYear.Direction.BETTER));
            m.put("worse", tally.get(LastYear.Direction.WORSE));
            m.put("same", tally.get(LastYear.Direction.SAME));
            m.put("compared", rows.size());
            movements.add(m);
            for (LastYear.Comparison c : rows) {
                // an annual duty whose answer changed (the measures' ratings are in the key measures and the exceptions)
                boolean moved = Assurance.yesNo(c.measureId()) && !c.lastFigure().equals(c.thisFigure());
                if (!moved) {
                    continue;
                }
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("provider", named);
                x.put("label", c.label());
                x.put("last", c.lastFigure());
                x.put("lastRating", c.lastRating().toLowerCase(Locale.ROOT));
                x.put("now", c.thisFigure());
                x.put("nowRating", c.thisRating().toLowerCase(Locale.ROOT));
                x.put("direction", c.direction().word());
                x.put("better", c.direction() == LastYear.Direction.BETTER);
                x.put("first", changes.isEmpty() || !changes.get(changes.size() - 1).get("provider").equals(named));
                changes.add(x);
            }
            Amalgamation.Provider before = f.lastReports().get(p.name());
            if (before != null) {
                Map<String, Object> pr = new LinkedHashMap<>();
                pr.put("provider", named);
                pr.put("lastHtml", section(before.bundle(), "priorities", "last-" + i + "-chart-", charts));
                pr.put("nowHtml", section(p.bundle(), "achievements", "achieved-" + i + "-chart-", charts));
                priorities.add(pr);
            }
        }
        // the key measures, this year's Q4 beside last year's, for every provider
        List<Map<String, Object>> keys = new ArrayList<>();
        for (Amalgamation.Provider p : r.providers()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("provider", Assurance.named(p.name(), Assurance.odsCode(p.bundle())));
            List<Map<String, Object>> cells = new ArrayList<>();
            for (String id : Amalgamation.KEY_MEASURES) {
                LastYear.Comparison c = f.comparisons().getOrDefault(p.name(), List.of()).stream()
                        .filter(x -> x.measureId().equals(id)).findFirst().orElse(null);
                Map<String, Object> cell = new LinkedHashMap<>();
                cell.put("now", c == null ? "\u2014" : c.thisFigure());
                cell.put("rating", c == null ? "" : c.thisRating().toLowerCase(Locale.ROOT));
                cell.put("last", c == null ? "" : "from " + c.lastFigure());
                cell.put("direction", c == null ? "" : c.direction().word());
                cells.add(cell);
            }
            row.put("cells", cells);
            keys.add(row);
        }
        last.put("keys", keys);
        last.put("movements", movements);
        last.put("changes", changes);
        last.put("priorities", priorities);
        view.put("lastYear", last);
        return view;
    }

    /** A section of a provider's report rendered again for a side-by-side table; its evidence ids dropped (they are the report's). */
    private static String section(Bundle b, String id, String prefix, Map<String, Chart> charts) {
        Narrative n = b.sections().get(id);
        if (n == null || n.text().isBlank()) {
            return "";
        }
        ChartPlan plan = new ChartPlan(b, prefix);
        String html = NarrativeHtml.render(b, n, plan, 4).html().replaceAll(" id=\"ev-[^\"]*\"", "");
        charts.putAll(plan.charts());
        return html;
    }

    private static Map<String, Object> row(String what, String points) {
        return Map.of("what", what, "points", points);
    }

    /** The stylesheet's class for a rating: best green, worst red, those between amber and orange. */
    static String level(AssuranceRule rule, String rating) {
        int k = rule.rank(rating);
        int n = rule.levels().size();
        if (k <= 0) {
            return "assured";
        }
        if (k >= n - 1) {
            return "not-assured";
        }
        return k == 1 ? "partial" : "limited";
    }
}
