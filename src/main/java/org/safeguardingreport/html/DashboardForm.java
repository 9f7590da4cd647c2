package org.safeguardingreport.html;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.safeguardingreport.model.Appendix4;
import org.safeguardingreport.model.Bundle;
import org.safeguardingreport.model.DataYear;
import org.safeguardingreport.model.Figures;
import org.safeguardingreport.model.Measure;
import org.safeguardingreport.model.MeasureCatalog;
import org.safeguardingreport.model.MeasureValue;
import org.safeguardingreport.model.Quarter;
import org.safeguardingreport.model.ReportingYear;

/**
 * The dashboard in the form of the Somerset strategy's Appendix 4 (the seed's "safeguarding children
 * dashboard"), as plain maps a layout reads: its monthly, quarterly and annual tables, each row of a
 * standard with its NHS Outcomes Framework domain, statement, reference, measure, Red / Amber / Green
 * thresholds, regularity, one cell per period and queries/comments. A percentage comes with the
 * seed's count rows (its denominator, its numerator, then the percentage). Every row is listed
 * whether or not it has figures, so a new bundle shows the form to fill in.
 *
 * <p>The form's wording (statements, references, the seed's measure texts) is data:
 * {@code measures.json}'s {@code appendix4}. Document wording (column headings, "Baseline", "not
 * provided") is the layout's.
 */
public final class DashboardForm {
    private static final DateTimeFormatter DOTTED = DateTimeFormatter.ofPattern("dd.MM.yyyy", Locale.UK);
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private DashboardForm() {
    }

    /** The form for the bundle's report year. */
    public static Map<String, Object> build(Bundle bundle) {
        Optional<DataYear> year = bundle.currentYear();
        boolean blank = Dashboard.noFigures(bundle);
        ReportingYear ry = bundle.meta().reportingYear();
        List<Map<String, Object>> tables = new ArrayList<>();
        for (Appendix4.Table t : Appendix4.tables()) {
            tables.add(table(bundle, year, blank, ry, t));
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("tables", tables);
        view.put("blank", blank);
        return view;
    }

    private static Map<String, Object> table(Bundle bundle, Optional<DataYear> year, boolean blank, ReportingYear ry,
                                             Appendix4.Table t) {
        boolean annual = t.annual();
        List<Map<String, Object>> periods = new ArrayList<>();
        LocalDate start = LocalDate.of(ry.startYear(), 4, 1);
        if (!annual) {
            for (Quarter q : Quarter.values()) {
                LocalDate end = ry.endOf(q);
                periods.add(period(String.valueOf(q.ordinal() + 1), q.name(), start, end));
                start = end.plusDays(1);
            }
        }
        periods.add(period("", "year", LocalDate.of(ry.startYear(), 4, 1), ry.lastDay()));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Appendix4.Standard s : t.standards()) {
            int number = s.number();
            Map<String, Object> heading = emptyRow("standard");
            heading.put("number", String.valueOf(number));
            heading.put("label", bundle.template().standard(number).title());
            rows.add(heading);
            Runs runs = new Runs(s.outcomesFramework(), s.domain());
            for (Appendix4.Block b : s.blocks()) {
                runs.block(b.statement(), b.reference());
                Map<String, Object> lastDenominator = null;
                for (Appendix4.Row r : b.rows()) {
                    if (!r.isMeasure()) {
                        Map<String, Object> sub = runs.place(emptyRow("sub"));
                        sub.put("label", r.subheading());
                        rows.add(sub);
                        lastDenominator = null;
                        continue;
                    }
                    lastDenominator = measureRows(bundle, year, blank, annual, t.regularity(), r, runs, rows,
                            lastDenominator);
                }
            }
        }
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("id", t.id());
        table.put("heading", t.heading());
        table.put("regularity", t.regularity());
        table.put("annual", annual);
        table.put("periods", periods);
        // the columns before the periods (framework, statement, reference, measure, red, amber, green,
        // regularity), the periods, and the comments
        table.put("columns", 8 + periods.size() + 1);
        table.put("rows", rows);
        return table;
    }

    /**
     * A measure's rows: for a percentage its denominator, its numerator (both counts) and the
     * percentage with its rating; for a count or yes/no its one row. A denominator equal in name and
     * figures to the one just shown under the same heading (a conference's invitations, counted once
     * for attendance and once for reports) is not repeated. Answers the denominator row shown.
     */
    private static Map<String, Object> measureRows(Bundle bundle, Optional<DataYear> year, boolean blank, boolean annual,
                                                   String regularity, Appendix4.Row r, Runs runs,
                                                   List<Map<String, Object>> rows, Map<String, Object> lastDenominator) {
        String id = r.measure();
        Measure m = MeasureCatalog.get().measure(id)
                .orElseThrow(() -> new IllegalStateException("measures.json: appendix4 names an unknown measure " + id));
        List<Optional<MeasureValue>> values = new ArrayList<>();
        Quarter asAt = null;
        if (!annual) {
            for (Quarter q : Quarter.values()) {
                values.add(year.flatMap(y -> y.quarterly(id, q)));
            }
        }
        if (year.isPresent()) {
            Figures.YearFigure f = Figures.yearFigure(year.get(), m);
            values.add(f.value());
            asAt = f.asAt();
        } else {
            values.add(Optional.empty());
        }
        boolean any = values.stream().anyMatch(Optional::isPresent);
        boolean notProvided = !bundle.meta().provides(id) && !any;
        String comment = r.comment();
        String asAtText = asAt == null ? "" : bundle.meta().reportingYear().endOf(asAt).format(LONG);
        String anchor = "measure-" + id;

        Map<String, Object> denominator = null;
        if (m.rated() && !notProvided) {
            denominator = countRow(values, v -> v.denominator(), r.denominator(), regularity, blank);
            denominator.put("part", "denominator");
            boolean repeated = lastDenominator != null && lastDenominator.get("label").equals(denominator.get("label"))
                    && lastDenominator.get("cells").equals(denominator.get("cells"));
            if (repeated) {
                denominator = lastDenominator;
            } else {
                rows.add(first(runs.place(denominator), anchor, comment));
                anchor = "";
                comment = "";
            }
            Map<String, Object> numerator = countRow(values, v -> v.numerator(), r.numerator(), regularity, blank);
            numerator.put("part", "numerator");
            rows.add(first(runs.place(numerator), anchor, comment));
            anchor = "";
            comment = "";
        }
        Map<String, Object> row = runs.place(emptyRow("measure"));
        row.put("id", id);
        row.put("anchor", anchor);
        row.put("label", r.label());
        row.put("kind", m.kind().code());
        row.put("percent", m.rated());
        row.put("baseline", !m.rated());
        row.putAll(Dashboard.threshold(bundle.template().threshold(id)));
        row.put("regularity", regularity);
        row.put("notProvided", notProvided);
        List<Map<String, Object>> cells = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            Map<String, Object> c = Dashboard.cell(bundle, m, values.get(i));
            boolean yearCell = i == values.size() - 1;
            if (blank && values.get(i).isEmpty()) {
                c.put("text", "");
            }
            c.put("asAt", yearCell && m.stock() ? asAtText : "");
            c.put("year", yearCell);
            cells.add(c);
        }
        row.put("cells", cells);
        row.put("comment", comment);
        rows.add(row);
        return denominator;
    }

    /** A row of a percentage's numerators or denominators, one per period. */
    private static Map<String, Object> countRow(List<Optional<MeasureValue>> values,
                                                Function<MeasureValue.Ratio, Long> part, String label, String regularity,
                                                boolean blank) {
        Map<String, Object> row = emptyRow("count");
        row.put("label", label);
        row.put("baseline", true);
        row.put("regularity", regularity);
        List<Map<String, Object>> cells = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            Optional<MeasureValue> v = values.get(i);
            Optional<MeasureValue> count = v.filter(MeasureValue.Ratio.class::isInstance)
                    .map(x -> new MeasureValue.Count(part.apply((MeasureValue.Ratio) x)));
            Map<String, Object> c = Dashboard.cell(Figures.format(count), null);
            if (blank && count.isEmpty()) {
                c.put("text", "");
            }
            c.put("asAt", "");
            c.put("year", i == values.size() - 1);
            cells.add(c);
        }
        row.put("cells", cells);
        return row;
    }

    private static Map<String, Object> first(Map<String, Object> row, String anchor, String comment) {
        row.put("anchor", anchor);
        row.put("comment", comment);
        return row;
    }

    /** Every key a row may have, so the layout can test any of them on any row. */
    private static Map<String, Object> emptyRow(String type) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("type", type);
        row.put("id", "");
        row.put("anchor", "");
        row.put("number", "");
        row.put("label", "");
        row.put("kind", "");
        row.put("percent", false);
        row.put("baseline", false);
        row.put("green", "");
        row.put("amber", "");
        row.put("regularity", "");
        row.put("notProvided", false);
        row.put("cells", List.of());
        row.put("comment", "");
        row.put("outcomes", "");
        row.put("domain", "");
        row.put("statement", "");
        row.put("reference", "");
        row.put("continues", false);
        // a count row's part of its percentage: "numerator" or "denominator"
        row.put("part", "");
        row.put("statementContinues", false);
        row.put("referenceContinues", false);
        return row;
    }

    private static Map<String, Object> period(String number, String id, LocalDate from, LocalDate to) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("number", number);
        p.put("id", id);
        p.put("from", from.format(DOTTED));
        p.put("to", to.format(DOTTED));
        return p;
    }

    /**
     * The framework, statement and reference columns as the seed merges them: each is shown on the
     * first row of a run of equal values within a standard and left empty below it.
     */
    private static final class Runs {
        private final String outcomes;
        private final String domain;
        private boolean outcomesShown;
        private String statement;
        private String reference;
        private String shownStatement;
        private String shownReference;

        Runs(String outcomes, String domain) {
            this.outcomes = outcomes;
            this.domain = domain;
        }

        void block(String statement, String reference) {
            this.statement = statement;
            this.reference = reference;
        }

        Map<String, Object> place(Map<String, Object> row) {
            row.put("outcomes", outcomesShown ? "" : outcomes);
            row.put("domain", outcomesShown ? "" : domain);
            row.put("continues", outcomesShown);
            outcomesShown = true;
            boolean newStatement = !Objects.equals(statement, shownStatement);
            row.put("statement", newStatement ? statement : "");
            row.put("statementContinues", !newStatement);
            boolean newReference = newStatement && !Objects.equals(reference, shownReference) || shownReference == null;
            row.put("reference", newReference ? reference : "");
            row.put("referenceContinues", !newReference);
            shownStatement = statement;
            shownReference = reference;
            return row;
        }
    }
}
