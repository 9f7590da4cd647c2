package org.safeguardingreport.amalgamate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.safeguardingreport.model.Bundle;
import org.safeguardingreport.model.DataYear;
import org.safeguardingreport.model.Figures;
import org.safeguardingreport.model.Frequency;
import org.safeguardingreport.model.Measure;
import org.safeguardingreport.model.MeasureCatalog;
import org.safeguardingreport.model.MeasureKind;
import org.safeguardingreport.model.MeasureValue;
import org.safeguardingreport.model.Quarter;
import org.safeguardingreport.model.Rating;
import org.safeguardingreport.model.ReportingYear;

/**
 * This year against last: each provider's Q4 (annual measures: the year) against last year's Q4, with the
 * direction of travel, from last year's report where one was given and otherwise from last year's data in
 * this year's bundle; and each provider's assurance against last year's, where last year's report was given.
 */
public final class LastYear {
    /** A change of less than this many percentage points within the same rating is no change. */
    static final double SAME = 1.0;

    private LastYear() {
    }

    public enum Direction {
        BETTER("Better"), WORSE("Worse"), SAME("No change");

        private final String word;

        Direction(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /** One measure of one provider, last year's year-end figure against this year's. */
    public record Comparison(String provider, String odsCode, String measureId, String label, String lastFigure,
                             String lastRating, String thisFigure, String thisRating, Direction direction) {
    }

    /** A provider's assurance last year and this; {@code last} is null when last year's report was not given. */
    public record Movement(String provider, String odsCode, String last, String now, Direction direction) {
    }

    /** Last year's data of a provider: from its report of last year when given, else from this year's bundle. */
    public static Assurance.History history(Bundle now, Bundle last) {
        return y -> {
            Optional<DataYear> d = Optional.ofNullable(now.data().get(y));
            return d.isPresent() || last == null ? d : Optional.ofNullable(last.data().get(y));
        };
    }

    /** Every rated or yes/no measure both years report, in the catalogue's order. */
    public static List<Comparison> compare(Amalgamation.Provider p, Bundle last) {
        Bundle b = p.bundle();
        ReportingYear year = b.meta().reportingYear();
        Assurance.History h = history(b, last);
        Optional<DataYear> now = h.year(year);
        Optional<DataYear> before = h.year(year.previous());
        List<Comparison> out = new ArrayList<>();
        if (now.isEmpty() || before.isEmpty()) {
            return out;
        }
        String ods = Assurance.odsCode(b);
        for (Measure m : MeasureCatalog.get().all()) {
            if (!m.rated() && m.kind() != MeasureKind.YES_NO) {
                continue;
            }
            boolean annual = m.frequency() == Frequency.ANNUAL;
            Optional<MeasureValue> a = annual ? before.get().annual(m.id()) : before.get().quarterly(m.id(), Quarter.Q4);
            Optional<MeasureValue> c = annual ? now.get().annual(m.id()) : now.get().quarterly(m.id(), Quarter.Q4);
            if (a.isEmpty() || c.isEmpty()) {
                continue;
            }
            var t = b.template().threshold(m.id());
            out.add(new Comparison(p.name(), ods, m.id(), m.label(), Figures.format(a.get(), t), rating(b, m, a.get()),
                    Figures.format(c.get(), t), rating(b, m, c.get()), direction(b, m, a.get(), c.get())));
        }
        return out;
    }

    private static String rating(Bundle b, Measure m, MeasureValue v) {
        if (v instanceof MeasureValue.Ratio r) {
            return b.template().threshold(m.id()).rate(r).map(Rating::word).orElse("");
        }
        return "";
    }

    /** Better or worse by rating first (Red, Amber, Green; No, Yes), then by more than a point within a rating. */
    static Direction direction(Bundle b, Measure m, MeasureValue last, MeasureValue now) {
        if (last instanceof MeasureValue.Flag x && now instanceof MeasureValue.Flag y) {
            return x.value() == y.value() ? Direction.SAME : y.value() ? Direction.BETTER : Direction.WORSE;
        }
        if (last instanceof MeasureValue.Ratio x && now instanceof MeasureValue.Ratio y && x.denominator() > 0
                && y.denominator() > 0) {
            var t = b.template().threshold(m.id());
            int rx = rank(t.rate(x).orElse(null));
            int ry = rank(t.rate(y).orElse(null));
            if (rx != ry) {
                return ry > rx ? Direction.BETTER : Direction.WORSE;
            }
            double d = y.percent() - x.percent();
            return Math.abs(d) < SAME ? Direction.SAME : d > 0 ? Direction.BETTER : Direction.WORSE;
        }
        return Direction.SAME;
    }

    private static int rank(Rating r) {
        return r == null ? -1 : switch (r) {
            case RED -> 0;
            case AMBER -> 1;
            case GREEN -> 2;
        };
    }

    public static Movement movement(Assurance.ProviderAssurance now, Assurance.ProviderAssurance last, AssuranceRule rule) {
        if (last == null) {
            return new Movement(now.provider(), now.odsCode(), null, now.rating(), null);
        }
        int a = rule.rank(last.rating());
        int b = rule.rank(now.rating());
        return new Movement(now.provider(), now.odsCode(), last.rating(), now.rating(),
                a == b ? Direction.SAME : b < a ? Direction.BETTER : Direction.WORSE);
    }

    /** Last year's report of a provider: the one with its ODS code, else with its name. */
    public static Amalgamation.Provider match(Amalgamation.Provider p, List<Amalgamation.Provider> last) {
        String ods = Assurance.odsCode(p.bundle());
        if (!ods.isEmpty()) {
            for (Amalgamation.Provider l : last) {
                if (ods.equalsIgnoreCase(Assurance.odsCode(l.bundle()))) {
                    return l;
                }
            }
        }
        for (Amalgamation.Provider l : last) {
            if (l.name().equalsIgnoreCase(p.name())) {
                return l;
            }
        }
        return null;
    }

    /** Counts of each direction, for a provider's line. */
    public static Map<Direction, Long> tally(List<Comparison> rows) {
        Map<Direction, Long> out = new java.util.EnumMap<>(Direction.class);
        for (Direction d : Direction.values()) {
            out.put(d, rows.stream().filter(r -> r.direction() == d).count());
        }
        return out;
    }
}
