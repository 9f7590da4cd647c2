package org.safeguardingreport.html;

import org.safeguardingreport.model.Figures;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.safeguardingreport.model.Bundle;
import org.safeguardingreport.model.DataYear;
import org.safeguardingreport.model.Frequency;
import org.safeguardingreport.model.Measure;
import org.safeguardingreport.model.MeasureCatalog;
import org.safeguardingreport.model.MeasureValue;
import org.safeguardingreport.model.Quarter;
import org.safeguardingreport.model.Rating;
import org.safeguardingreport.model.Threshold;

/**
 * A standard's dashboard for the report year, as plain maps a layout template can read: one row per
 * measure reported in the year (Q1-Q4 and the year's value, each % cell with its rating as a CSS
 * class and a word), and the measures not reported at all.
 */
public final class Dashboard {
    private Dashboard() {
    }

    public static Map<String, Object> forStandard(Bundle bundle, int standard) {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<String> notReported = new ArrayList<>();
        Optional<DataYear> year = bundle.currentYear();
        // a bundle with no figures yet (as init makes it) shows every row, empty, to be filled in
        boolean blank = noFigures(bundle);
        for (Measure m : MeasureCatalog.get().all()) {
            if (m.standard() != standard) {
                continue;
            }
            Figures.YearFigure figure = year.map(y -> Figures.yearFigure(y, m))
                    .orElse(new Figures.YearFigure(Optional.empty(), null));
            Optional<MeasureValue> yearValue = figure.value();
            boolean anyQuarter = m.frequency() == Frequency.QUARTERLY && year.isPresent()
                    && java.util.Arrays.stream(Quarter.values()).anyMatch(q -> year.get().quarterly(m.id(), q).isPresent());
            boolean provided = bundle.meta().provides(m.id());
            if (yearValue.isEmpty() && !anyQuarter && !blank) {
                if (provided) {
                    notReported.add(m.label());
                    continue;
                }
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", m.id());
            row.put("anchor", "measure-" + m.id());
            row.put("label", m.label());
            row.put("kind", m.kind().code());
            row.put("annual", m.frequency() == Frequency.ANNUAL);
            // a service the Trust does not run: its row says so, and it is not a gap
            row.put("notProvided", !provided && yearValue.isEmpty() && !anyQuarter);
            List<Map<String, Object>> quarters = new ArrayList<>();
            for (Quarter q : Quarter.values()) {
                quarters.add(m.frequency() == Frequency.ANNUAL ? cell(null, null)
                        : cell(bundle, m, year.flatMap(y -> y.quarterly(m.id(), q))));
            }
            Map<String, Object> yearCell = cell(bundle, m, yearValue);
            if (blank) {
                quarters.forEach(c -> c.put("text", ""));
                yearCell.put("text", "");
            }
            row.put("quarters", quarters);
            // a stock's year figure is a position at a date, and says so
            yearCell.put("asAt", figure.asAt() == null ? "" : bundle.meta().reportingYear().endOf(figure.asAt())
                    .format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK)));
            yearCell.put("stock", m.stock());
            row.put("year", yearCell);
            row.put("stock", m.stock());
            row.putAll(threshold(bundle.template().threshold(m.id())));
            rows.add(row);
        }
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("standard", standard);
        table.put("rows", rows);
        table.put("notReported", notReported);
        table.put("hasRows", !rows.isEmpty());
        table.put("blank", blank);
        // the rows whose template sets thresholds of their own; the layout words them
        List<Map<String, Object>> special = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            String id = (String) row.get("id");
            Threshold t = bundle.template().threshold(id);
            if (!t.equals(Threshold.DEFAULT)) {
                Map<String, Object> s = new LinkedHashMap<>(threshold(t));
                s.put("label", row.get("label"));
                special.add(s);
            }
        }
        table.put("special", special);
        return table;
    }

    /** Whether the bundle has no figure at all for its report year: a new bundle, its form still to fill in. */
    public static boolean noFigures(Bundle bundle) {
        Optional<DataYear> year = bundle.currentYear();
        return year.isEmpty() || year.get().annual().isEmpty()
                && year.get().quarters().values().stream().allMatch(Map::isEmpty);
    }

    static Map<String, Object> cell(Bundle bundle, Measure m, Optional<MeasureValue> v) {
        Optional<Rating> r = Figures.rating(bundle, m.id(), v);
        Map<String, Object> c = cell(Figures.format(bundle, m.id(), v), r.orElse(null));
        String count = Figures.count(v);
        c.put("count", count == null ? "" : count);
        return c;
    }

    static Map<String, Object> cell(String text, Rating rating) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("text", text == null ? "" : text);
        c.put("count", "");
        c.put("rating", rating == null ? "" : rating.word().toLowerCase(Locale.ROOT));
        c.put("ratingWord", rating == null ? "" : rating.word());
        return c;
    }

    /** A threshold's percentages as a layout shows them ("90", "76.5"): {@code green} and {@code amber}. */
    public static Map<String, Object> threshold(Threshold t) {
        return Map.of("green", trim(t.green()), "amber", trim(t.amber()));
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
