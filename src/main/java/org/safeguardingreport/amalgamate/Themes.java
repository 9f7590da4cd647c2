package org.safeguardingreport.amalgamate;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.safeguardingreport.model.Figures;
import org.safeguardingreport.model.Measure;
import org.safeguardingreport.model.MeasureCatalog;
import org.safeguardingreport.model.MeasureValue;
import org.safeguardingreport.model.Quarter;
import org.safeguardingreport.model.Rating;
import org.safeguardingreport.model.Threshold;

/**
 * What the exceptions say across providers: the measure families and standards with most of them, the
 * system-wide figures pooled over every provider, and the providers most and least assured, each also as
 * sentences written from the data for the executive summary.
 */
public final class Themes {

    private Themes() {
    }

    /** A measure family (supervision, ICPC attended, ...) or a standard, with its exceptions across providers. */
    public record Theme(String name, int exceptions, int providers, int contradictions, int weakProviders) {
    }

    /** A measure pooled over every provider that reported it at Q4 (annual measures: the year). */
    public record Pooled(String measureId, String label, long numerator, long denominator, String figure, String rating,
                         int providers) {
    }

    public record Summary(List<Theme> families, List<Theme> standards, List<Pooled> pooled, Map<String, Integer> ratings,
                          List<String> sentences) {
    }

    /** The family a measure belongs to: what its label says before a colon ("Supervision: CAMHS"), training levels together. */
    public static String family(Measure m) {
        if (m.id().startsWith("3b-")) {
            return "Safeguarding training (levels 1\u20135, board)";
        }
        int colon = m.label().indexOf(": ");
        return colon > 0 ? m.label().substring(0, colon) : m.label();
    }

    public static Summary of(List<Amalgamation.Provider> providers, List<Assurance.ProviderAssurance> assured,
                             AssuranceRule rule, List<String> pooledMeasures) {
        Map<String, int[]> families = new LinkedHashMap<>();
        Map<String, Set<String>> familyProviders = new LinkedHashMap<>();
        Map<Integer, int[]> standards = new LinkedHashMap<>();
        Map<Integer, Set<String>> standardProviders = new LinkedHashMap<>();
        Map<Integer, String> titles = new LinkedHashMap<>();
        for (Assurance.ProviderAssurance a : assured) {
            for (Assurance.Exception x : a.exceptions()) {
                Measure m = MeasureCatalog.get().measure(x.measureId()).orElseThrow();
                String f = family(m);
                families.computeIfAbsent(f, k -> new int[1])[0]++;
                familyProviders.computeIfAbsent(f, k -> new LinkedHashSet<>()).add(a.provider());
                standards.computeIfAbsent(x.standard(), k -> new int[3])[0]++;
                standardProviders.computeIfAbsent(x.standard(), k -> new LinkedHashSet<>()).add(a.provider());
            }
            for (Assurance.Contradiction c : a.contradictions()) {
                standards.computeIfAbsent(c.standard(), k -> new int[3])[1]++;
            }
            for (Assurance.StandardAssurance s : a.standards()) {
                titles.putIfAbsent(s.standard(), s.title());
                if (rule.rank(s.rating()) >= rule.levels().size() - 2) {
                    standards.computeIfAbsent(s.standard(), k -> new int[3])[2]++;
                }
            }
        }
        List<Theme> fam = new ArrayList<>();
        families.forEach((k, v) -> fam.add(new Theme(k, v[0], familyProviders.get(k).size(), 0, 0)));
        fam.sort(Comparator.comparingInt(Theme::exceptions).reversed().thenComparing(Theme::name));
        List<Theme> std = new ArrayList<>();
        for (int s = 1; s <= 10; s++) {
            int[] v = standards.getOrDefault(s, new int[3]);
            std.add(new Theme("Standard " + s + ": " + titles.getOrDefault(s, ""), v[0],
                    standardProviders.getOrDefault(s, Set.of()).size(), v[1], v[2]));
        }
        List<Pooled> pooled = pooled(providers, pooledMeasures);
        Map<String, Integer> ratings = new LinkedHashMap<>();
        rule.levels().forEach(l -> ratings.put(l.rating(), 0));
        assured.forEach(a -> ratings.merge(a.rating(), 1, Integer::sum));
        return new Summary(List.copyOf(fam), List.copyOf(std), pooled, ratings, sentences(assured, fam, std, pooled, ratings, rule));
    }

    /** Each measure pooled over the providers: Σ numerators / Σ denominators at Q4 (annual: the year). */
    static List<Pooled> pooled(List<Amalgamation.Provider> providers, List<String> ids) {
        List<Pooled> out = new ArrayList<>();
        for (String id : ids) {
            Optional<Measure> m = MeasureCatalog.get().measure(id);
            if (m.isEmpty() || !m.get().rated()) {
                continue;
            }
            long num = 0;
            long den = 0;
            int n = 0;
            Threshold t = null;
            for (Amalgamation.Provider p : providers) {
                Optional<MeasureValue> v = p.bundle().currentYear().flatMap(y -> m.get().frequency()
                        == org.safeguardingreport.model.Frequency.ANNUAL ? y.annual(id) : y.quarterly(id, Quarter.Q4));
                if (v.isPresent() && v.get() instanceof MeasureValue.Ratio r && r.denominator() > 0) {
                    num += r.numerator();
                    den += r.denominator();
                    n++;
                    if (t == null) {
                        t = p.bundle().template().threshold(id);
                    }
                }
            }
            if (n == 0) {
                continue;
            }
            MeasureValue.Ratio r = new MeasureValue.Ratio(num, den);
            String rating = t.rate(r).map(Rating::word).orElse("");
            out.add(new Pooled(id, m.get().label(), num, den, Figures.format(r, t), rating, n));
        }
        return List.copyOf(out);
    }

    private static List<String> sentences(List<Assurance.ProviderAssurance> assured, List<Theme> families, List<Theme> standards,
                                          List<Pooled> pooled, Map<String, Integer> ratings, AssuranceRule rule) {
        List<String> out = new ArrayList<>();
        int n = assured.size();
        List<String> parts = new ArrayList<>();
        ratings.forEach((word, count) -> {
            if (count > 0) {
                parts.add(count + " " + word);
            }
        });
        out.add("Of the " + Assurance.plural(n, "provider", "providers") + " whose reports are amalgamated, " + join(parts)
                + (n == 1 ? "" : ", under the commissioner's assurance rule") + ".");
        long nos = assured.stream().flatMap(a -> a.exceptions().stream()).filter(x -> x.kind() == Assurance.Exception.Kind.ANNUAL_NO).count();
        long noProviders = assured.stream().filter(a -> a.exceptions().stream().anyMatch(x -> x.kind()
                == Assurance.Exception.Kind.ANNUAL_NO)).count();
        long reds = assured.stream().flatMap(a -> a.exceptions().stream()).filter(x -> x.kind() == Assurance.Exception.Kind.RED_AT_Q4).count();
        long redProviders = assured.stream().filter(a -> a.exceptions().stream().anyMatch(x -> x.kind()
                == Assurance.Exception.Kind.RED_AT_Q4)).count();
        long contradictions = assured.stream().mapToLong(a -> a.contradictions().size()).sum();
        out.add((nos == 0 ? "No provider answered No to an annual duty" : Assurance.plural((int) nos, "annual duty was", "annual duties were")
                + " answered No, by " + Assurance.plural((int) noProviders, "provider", "providers")) + "; "
                + (reds == 0 ? "no measure was Red at the year's end" : Assurance.plural((int) reds, "measure was", "measures were")
                + " Red at the year's end, across " + Assurance.plural((int) redProviders, "provider", "providers"))
                + (contradictions == 0 ? "." : "; and " + Assurance.plural((int) contradictions, "answer", "answers")
                + " in providers' audits contradict their own dashboards."));
        List<Theme> topFamilies = families.stream().limit(3).toList();
        if (!topFamilies.isEmpty()) {
            out.add("Most exceptions are in " + join(topFamilies.stream().map(t -> lowerFirst(t.name()) + " (" + t.exceptions()
                    + ", " + Assurance.plural(t.providers(), "provider", "providers") + ")").toList()) + ".");
        }
        List<Theme> topStandards = standards.stream().filter(t -> t.exceptions() + t.contradictions() > 0)
                .sorted(Comparator.comparingInt((Theme t) -> t.exceptions() + t.contradictions()).reversed()).limit(2).toList();
        if (!topStandards.isEmpty()) {
            out.add("By standard, " + join(topStandards.stream().map(t -> t.name() + " has " + Assurance.plural(t.exceptions()
                    + t.contradictions(), "exception", "exceptions") + " in " + Assurance.plural(t.providers(), "provider", "providers"))
                    .toList()) + ".");
        }
        if (!pooled.isEmpty()) {
            NumberFormat f = NumberFormat.getIntegerInstance(Locale.UK);
            out.add("Across all providers at Q4: " + join(pooled.stream().map(p -> p.label() + " " + p.figure() + " ("
                    + f.format(p.numerator()) + " of " + f.format(p.denominator()) + ", " + p.rating() + ")").toList()) + ".");
        }
        if (n > 1) {
            List<Assurance.ProviderAssurance> order = new ArrayList<>(assured);
            order.sort(Comparator.comparingInt((Assurance.ProviderAssurance a) -> rule.rank(a.rating()))
                    .thenComparingInt(Assurance.ProviderAssurance::points));
            int k = Math.min(2, n / 2);
            List<String> most = order.subList(0, k).stream().map(a -> Assurance.named(a.provider(), a.odsCode()) + " ("
                    + a.rating() + ", " + a.points() + " points)").toList();
            List<Assurance.ProviderAssurance> leastList = new ArrayList<>(order.subList(n - k, n));
            java.util.Collections.reverse(leastList);
            List<String> least = leastList.stream().map(a -> Assurance.named(a.provider(), a.odsCode()) + " (" + a.rating() + ", "
                    + a.points() + " points" + (a.reasons().isEmpty() ? "" : ": " + a.reasons().get(0).text()) + ")").toList();
            out.add("Most assured: " + join(most) + ". Least assured: " + join(least) + ".");
        }
        return List.copyOf(out);
    }

    private static String lowerFirst(String s) {
        if (s.length() > 1 && Character.isUpperCase(s.charAt(0)) && Character.isLowerCase(s.charAt(1))) {
            return Character.toLowerCase(s.charAt(0)) + s.substring(1);
        }
        return s;
    }

    static String join(List<String> parts) {
        if (parts.isEmpty()) {
            return "";
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }
}
