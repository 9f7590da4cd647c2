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
    private final Map<String, String> labels;
    /** Each value as printed (Figures.format against its thresholds), null where none was reported. */
    private final Map<String, List<String>> printed;
    /** Whether each series is a provider (the commissioner's comparison), not one of a provider's own measures. */
    private final boolean providers;
    /**
     * The comparison's median over every provider compared, in each period: drawn behind each
     * provider's panel as the line to compare with. Null outside the commissioner's comparison.
     */
    private final List<Double> reference;
    /** How many providers the reference line is the median of. */
    private final int compared;

    private TrendData(List<Period> periods, Map<String, List<Double>> values, Map<String, List<Rating>> ratings,
                      MeasureKind kind, Map<String, String> labels, Map<String, List<String>> printed, boolean providers) {
        this(periods, values, ratings, kind, labels, printed, providers, null, 0);
    }

    private TrendData(List<Period> periods, Map<String, List<Double>> values, Map<String, List<Rating>> ratings,
                      MeasureKind kind, Map<String, String> labels, Map<String, List<String>> printed, boolean providers,
                      List<Double> reference, int compared) {
        this.periods = periods;
        this.values = values;
        this.ratings = ratings;
        this.kind = kind;
        this.labels = labels;
        this.printed = printed;
        this.providers = providers;
        this.reference = reference;
        this.compared = compared;
    }

    /** A value as printed: a % to the decimals its rating needs (measures.md), a count as a whole number. */
    private static String print(Optional<MeasureValue> value, org.safeguardingreport.model.Threshold t) {
        if (value.isPresent() && value.get() instanceof MeasureValue.Ratio r && r.denominator() > 0) {
            return org.safeguardingreport.model.Figures.format(r, t);
        }
        if (value.isPresent() && value.get() instanceof MeasureValue.Count c) {
            return org.safeguardingreport.model.Figures.format(c, t);
        }
        return null;
    }

    /** One measure across several providers: a series per provider, over every quarter any of them reports. */
    public static TrendData comparing(List<Bundle> bundles, String measureId) {
        Measure m = MeasureCatalog.get().measure(measureId).orElseThrow();
        java.util.TreeSet<org.safeguardingreport.model.ReportingYear> years = new java.util.TreeSet<>();
        bundles.forEach(b -> years.addAll(b.data().keySet()));
        List<Period> periods = new ArrayList<>();
        for (var y : years) {
            for (Quarter q : Quarter.values()) {
                periods.add(new Period(y.label(), q));
            }
        }
        Map<String, List<Double>> values = new LinkedHashMap<>();
        Map<String, List<Rating>> ratings = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, List<String>> printed = new LinkedHashMap<>();
        for (Bundle b : bundles) {
            String key = b.meta().provider().name();
            List<Double> v = new ArrayList<>();
            List<Rating> r = new ArrayList<>();
            List<String> p = new ArrayList<>();
            for (var y : years) {
                DataYear d = b.data().get(y);
                for (Quarter q : Quarter.values()) {
                    Optional<MeasureValue> value = d == null ? Optional.empty() : d.quarterly(measureId, q);
                    Double x = value.isPresent() && value.get() instanceof MeasureValue.Ratio ratio && ratio.denominator() > 0
                            ? Double.valueOf(ratio.percent()) : value.isPresent() && value.get() instanceof MeasureValue.Count c
                            ? Double.valueOf(c.value()) : null;
                    v.add(x);
                    r.add(x == null || !m.rated() ? null
                            : b.template().threshold(measureId).rate((MeasureValue.Ratio) value.get()).orElse(null));
                    p.add(x == null ? null : print(value, b.template().threshold(measureId)));
                }
            }
            values.put(key, java.util.Collections.unmodifiableList(v));
            ratings.put(key, java.util.Collections.unmodifiableList(r));
            printed.put(key, java.util.Collections.unmodifiableList(p));
            // named as everywhere in the health report: with its ODS code, which tells apart Trusts of similar names
            String ods = b.meta().provider().odsCode();
            labels.put(key, ods == null || ods.isEmpty() ? key : key + "\u00a0(" + ods + ")");
        }
        TrendData all = new TrendData(List.copyOf(periods), values, ratings, m.kind(), labels, printed, true);
        return new TrendData(all.periods, values, ratings, m.kind(), labels, printed, true,
                java.util.Collections.unmodifiableList(new ArrayList<>(all.median())), values.size());
    }

    /**
     * The comparison cut into parts of at most {@code most} providers each, as even as can be (16
     * providers are two parts of 8), each keeping the median of them all as its reference line.
     */
    public List<TrendData> parts(int most) {
        List<String> keys = List.copyOf(values.keySet());
        int n = Math.max(1, (keys.size() + most - 1) / most);
        int size = (keys.size() + n - 1) / n;
        List<TrendData> out = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += size) {
            out.add(subset(keys.subList(from, Math.min(keys.size(), from + size))));
        }
        return out;
    }

    private TrendData subset(List<String> keys) {
        Map<String, List<Double>> v = new LinkedHashMap<>();
        Map<String, List<Rating>> r = new LinkedHashMap<>();
        Map<String, String> l = new LinkedHashMap<>();
        Map<String, List<String>> p = new LinkedHashMap<>();
        for (String k : keys) {
            v.put(k, values.get(k));
            r.put(k, ratings.get(k));
            l.put(k, labels.get(k));
            p.put(k, printed.get(k));
        }
        return new TrendData(periods, v, r, kind, l, p, providers, reference, compared);
    }

    /** The median of every provider compared, to draw behind each one's panel; null outside a comparison. */
    public List<Double> reference() {
        return reference;
    }

    /** How many providers {@link #reference} is the median of. */
    public int compared() {
        return compared;
    }

    /** How a series is named in the legend and the alt text. */
    public String label(String key) {
        return labels.get(key);
    }

    /** The median of the series' values in each period (null where none reported). */
    public List<Double> median() {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            int k = i;
            double[] xs = values.values().stream().map(l -> l.get(k)).filter(java.util.Objects::nonNull)
                    .mapToDouble(Double::doubleValue).sorted().toArray();
            out.add(xs.length == 0 ? null : xs.length % 2 == 1 ? xs[xs.length / 2] : (xs[xs.length / 2 - 1] + xs[xs.length / 2]) / 2);
        }
        return out;
    }

    /** How many series were rated each way in the last period that has any rating. */
    public Map<Rating, Integer> lastRatings() {
        Map<Rating, Integer> out = new java.util.EnumMap<>(Rating.class);
        for (int i = periods.size() - 1; i >= 0 && out.isEmpty(); i--) {
            for (List<Rating> r : ratings.values()) {
                if (r.get(i) != null) {
                    out.merge(r.get(i), 1, Integer::sum);
                }
            }
        }
        return out;
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
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, List<String>> printed = new LinkedHashMap<>();
        MeasureKind kind = MeasureKind.PERCENT;
        for (String id : measureIds) {
            Measure m = MeasureCatalog.get().measure(id).orElseThrow();
            kind = m.kind();
            List<Double> v = new ArrayList<>();
            List<Rating> r = new ArrayList<>();
            List<String> p = new ArrayList<>();
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
                    p.add(d == null ? null : print(value, bundle.template().threshold(id)));
                }
            }
            values.put(id, java.util.Collections.unmodifiableList(v));
            ratings.put(id, java.util.Collections.unmodifiableList(r));
            printed.put(id, java.util.Collections.unmodifiableList(p));
            labels.put(id, m.label());
        }
        return new TrendData(List.copyOf(periods), values, ratings, kind, labels, printed, false);
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

    /** Per series, each value as printed in the report's tables and prose (null where none was reported). */
    public Map<String, List<String>> printed() {
        return printed;
    }

    /**
     * Whether the chart is the commissioner's comparison of more providers than can be told apart
     * (drawn as their median). Never true of a provider's own report: its series are its own
     * measures or services, each drawn and named.
     */
    public boolean manyProviders() {
        return providers && Math.max(values.size(), compared) > ChartMaker.MAX_COMPARED;
    }

    /** Series {@code key} alone (a panel of small multiples). */
    public TrendData only(String key) {
        return subset(List.of(key));
    }

    /** The largest value of any series (0 when there is none). */
    public double max() {
        return values.values().stream().flatMap(List::stream).filter(java.util.Objects::nonNull)
                .mapToDouble(Double::doubleValue).max().orElse(0);
    }

    /** Counts that never exceed 2 (FGM referrals of 0 and 1): too few to need more than a compact chart. */
    public boolean tinyCounts() {
        return !percent() && max() <= 2;
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
        if (manyProviders()) {
            return describeMany();
        }
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
            String label = labels.get(e.getKey());
            if (first < 0) {
                parts.add(label + ": not reported");
                continue;
            }
            List<String> p = printed.get(e.getKey());
            StringBuilder s = new StringBuilder(label).append(": ").append(p.get(first)).append(" in ")
                    .append(periods.get(first).label());
            if (last != first) {
                s.append(" to ").append(p.get(last)).append(" in ").append(periods.get(last).label());
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

    /** Many providers: the median's trend and how the providers were rated at the end. */
    private String describeMany() {
        List<Double> med = median();
        int first = -1;
        int last = -1;
        for (int i = 0; i < med.size(); i++) {
            if (med.get(i) != null) {
                last = i;
                first = first < 0 ? i : first;
            }
        }
        StringBuilder s = new StringBuilder(values.size() + " providers");
        if (first >= 0) {
            s.append(": median ").append(format(med.get(first))).append(" in ").append(periods.get(first).label());
            if (last != first) {
                s.append(" to ").append(format(med.get(last))).append(" in ").append(periods.get(last).label());
            }
        }
        Map<Rating, Integer> end = lastRatings();
        if (!end.isEmpty()) {
            s.append("; at the end, ");
            List<String> counts = new ArrayList<>();
            end.forEach((r, n) -> counts.add(n + " " + r.word()));
            s.append(String.join(", ", counts));
        }
        return s.toString();
    }

    String format(double d) {
        return percent() ? String.format(java.util.Locale.UK, "%.1f%%", d) : String.valueOf(Math.round(d));
    }

    private static String words(int n) {
        String[] w = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"};
        return n < w.length ? w[n] : String.valueOf(n);
    }

    /** Equal data draw the same chart (so a rebuild can reuse the picture). */
    @Override
    public boolean equals(Object o) {
        return o instanceof TrendData t && periods.equals(t.periods) && values.equals(t.values) && ratings.equals(t.ratings)
                && kind == t.kind && labels.equals(t.labels) && printed.equals(t.printed) && providers == t.providers
                && java.util.Objects.equals(reference, t.reference) && compared == t.compared;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(periods, values, ratings, kind, labels, printed, providers, reference, compared);
    }
}
