package org.safeguardingreport.chart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.safeguardingreport.model.Bundle;
import org.safeguardingreport.model.DataYear;
import org.safeguardingreport.model.Measure;
import org.safeguardingreport.model.MeasureCatalog;
import org.safeguardingreport.model.MeasureKind;
import org.safeguardingreport.model.MeasureValue;
import org.safeguardingreport.model.Quarter;
import org.safeguardingreport.model.Rating;

/**
 * The values a chart shows: every quarter of every year in data/, each measure's value there or
 * null where nothing was reported (a gap, never a zero), and the rating of each % value.
 */
public final class TrendData {
    /** A quarter of a year, labelled "Q1 2022/23". */
    public record Period(String year, Quarter quarter) {
        public String label() {
            return quarter.name() + " " + year;
        }
    }

    private final List<Period> periods;
    private final Map<String, List<Double>> values;
    private final Map<String, List<Rating>> ratings;
    private final MeasureKind kind;

    private TrendData(List<Period> periods, Map<String, List<Double>> values, Map<String, List<Rating>> ratings,
                      MeasureKind kind) {
        this.periods = periods;
        this.values = values;
        this.ratings = ratings;
        this.kind = kind;
    }

    public static TrendData of(Bundle bundle, List<String> measureIds) {
        List<Period> periods = new ArrayList<>();
        for (DataYear y : bundle.data().values()) {
            for (Quarter q : Quarter.values()) {
                periods.add(new Period(y.year().label(), q));
            }
        }
        Map<String, List<Double>> values = new LinkedHashMap<>();
        Map<String, List<Rating>> ratings = new LinkedHashMap<>();
        MeasureKind kind = MeasureKind.PERCENT;
        for (String id : measureIds) {
            Measure m = MeasureCatalog.get().measure(id).orElseThrow();
            kind = m.kind();
            List<Double> v = new ArrayList<>();
            List<Rating> r = new ArrayList<>();
            for (DataYear y : bundle.data().values()) {
                for (Quarter q : Quarter.values()) {
                    Optional<MeasureValue> value = y.quarterly(id, q);
                    Double d = null;
                    if (value.isPresent() && value.get() instanceof MeasureValue.Ratio ratio && ratio.denominator() > 0) {
                        d = ratio.percent();
                    } else if (value.isPresent() && value.get() instanceof MeasureValue.Count c) {
                        d = (double) c.value();
                    }
                    v.add(d);
                    r.add(d == null || !m.rated() ? null
                            : bundle.template().threshold(id).rate((MeasureValue.Ratio) value.get()).orElse(null));
                }
            }
            values.put(id, java.util.Collections.unmodifiableList(v));
            ratings.put(id, java.util.Collections.unmodifiableList(r));
        }
        return new TrendData(List.copyOf(periods), values, ratings, kind);
    }

    public List<Period> periods() {
        return periods;
    }

    /** Per measure, a value for each period or null where none was reported. */
    public Map<String, List<Double>> values() {
        return values;
    }

    public boolean percent() {
        return kind == MeasureKind.PERCENT;
    }

    /** Whether any of the measures has any value. */
    public boolean hasData() {
        return values.values().stream().anyMatch(l -> l.stream().anyMatch(java.util.Objects::nonNull));
    }

    /**
     * The trend in words, for alt text: "Level 3 training: 84.1% in Q1 2022/23 to 91.4% in Q4
     * 2023/24; Green in the last three quarters".
     */
    public String describe() {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, List<Double>> e : values.entrySet()) {
            List<Double> v = e.getValue();
            int first = -1;
            int last = -1;
            for (int i = 0; i < v.size(); i++) {
                if (v.get(i) != null) {
                    last = i;
                    if (first < 0) {
                        first = i;
                    }
                }
            }
            String label = MeasureCatalog.get().measure(e.getKey()).orElseThrow().label();
            if (first < 0) {
                parts.add(label + ": not reported");
                continue;
            }
            StringBuilder s = new StringBuilder(label).append(": ").append(format(v.get(first))).append(" in ")
                    .append(periods.get(first).label());
            if (last != first) {
                s.append(" to ").append(format(v.get(last))).append(" in ").append(periods.get(last).label());
            }
            if (percent()) {
                List<Rating> r = ratings.get(e.getKey());
                Rating end = r.get(last);
                int run = 0;
                for (int i = last; i >= 0 && (v.get(i) == null || r.get(i) == end); i--) {
                    if (v.get(i) != null) {
                        run++;
                    }
                }
                if (end != null) {
                    s.append("; ").append(end.word()).append(run == 1 ? " in the last quarter"
                            : " in the last " + words(run) + " quarters");
                }
            } else {
                long total = Math.round(v.stream().filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue).sum());
                s.append("; ").append(total).append(" in all");
            }
            List<String> gaps = new ArrayList<>();
            for (int i = first; i <= last; i++) {
                if (v.get(i) == null) {
                    gaps.add(periods.get(i).label());
                }
            }
            if (!gaps.isEmpty()) {
                s.append("; no figure for ").append(String.join(", ", gaps));
            }
            parts.add(s.toString());
        }
        return String.join(". ", parts);
    }

    String format(double d) {
        return percent() ? String.format(java.util.Locale.UK, "%.1f%%", d) : String.valueOf(Math.round(d));
    }

    private static String words(int n) {
        String[] w = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"};
        return n < w.length ? w[n] : String.valueOf(n);
    }
}
