package org.safeguardingreport.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Optional;

import org.safeguardingreport.model.Bundle;
import org.safeguardingreport.model.DataYear;
import org.safeguardingreport.model.Frequency;
import org.safeguardingreport.model.Measure;
import org.safeguardingreport.model.MeasureCatalog;
import org.safeguardingreport.model.MeasureValue;
import org.safeguardingreport.model.MeasureValue.Count;
import org.safeguardingreport.model.MeasureValue.Flag;
import org.safeguardingreport.model.MeasureValue.Ratio;
import org.safeguardingreport.model.Narrative.FigureRef;
import org.safeguardingreport.model.Quarter;

/**
 * How every edition shows a dashboard value: a percentage to one decimal ("93.8%", more where a
 * threshold needs them), a count with thousands separators, Yes / No, "n/a" for a denominator of 0
 * and "—" when nothing was reported; and how the year's figure is taken (measures.md).
 */
public final class Figures {
    public static final String ABSENT = "\u2014";
    public static final String NOT_APPLICABLE = "n/a";

    private Figures() {
    }

    /** A value as printed under the default thresholds (see {@link #format(MeasureValue, Threshold)}). */
    public static String format(Optional<MeasureValue> value) {
        return value.map(Figures::format).orElse(ABSENT);
    }

    public static String format(MeasureValue value) {
        return format(value, Threshold.DEFAULT);
    }

    /** A measure's value as printed in the report, under the bundle's template thresholds for it. */
    public static String format(Bundle bundle, String measureId, Optional<MeasureValue> value) {
        return value.map(v -> format(v, bundle.template().threshold(measureId))).orElse(ABSENT);
    }

    /**
     * A value as printed: a percentage to one decimal, or to as many more as it takes for the printed
     * figure to fall on the same side of each threshold as the unrounded ratio (588/774 is Red and
     * prints "75.97%", never "76.0%"); a count with thousands separators; Yes or No; "n/a" for a
     * denominator of 0.
     */
    public static String format(MeasureValue value, Threshold t) {
        if (value instanceof Ratio r) {
            if (r.denominator() == 0) {
                return NOT_APPLICABLE;
            }
            BigDecimal scaled = BigDecimal.valueOf(r.numerator()).multiply(BigDecimal.valueOf(100));
            BigDecimal den = BigDecimal.valueOf(r.denominator());
            BigDecimal pct = scaled.divide(den, 1, RoundingMode.HALF_UP);
            for (int decimals = 2; decimals <= 8 && !sameSide(scaled, den, pct, t); decimals++) {
                pct = scaled.divide(den, decimals, RoundingMode.HALF_UP);
            }
            return pct.toPlainString() + "%";
        }
        if (value instanceof Count c) {
            return NumberFormat.getIntegerInstance(Locale.UK).format(c.value());
        }
        return ((Flag) value).value() ? "Yes" : "No";
    }

    /** Whether the printed percentage and the exact ratio (scaled / den) fall on the same side of both bounds. */
    private static boolean sameSide(BigDecimal scaled, BigDecimal den, BigDecimal printed, Threshold t) {
        for (double bound : new double[] {t.green(), t.amber()}) {
            BigDecimal b = BigDecimal.valueOf(bound);
            boolean exactAbove = scaled.compareTo(b.multiply(den)) >= 0;
            boolean printedAbove = printed.compareTo(b) >= 0;
            if (exactAbove != printedAbove) {
                return false;
            }
        }
        return true;
    }

    /** A percentage's count as printed beside it ("3,909 / 4,399"); null for any other value. */
    public static String count(Optional<MeasureValue> value) {
        if (value.isPresent() && value.get() instanceof Ratio r) {
            NumberFormat n = NumberFormat.getIntegerInstance(Locale.UK);
            return n.format(r.numerator()) + " / " + n.format(r.denominator());
        }
        return null;
    }

    /** The rating of a % value under the bundle's template thresholds; empty for other kinds, n/a or absent. */
    public static Optional<Rating> rating(Bundle bundle, String measureId, Optional<MeasureValue> value) {
        if (value.isPresent() && value.get() instanceof Ratio r) {
            return bundle.template().threshold(measureId).rate(r);
        }
        return Optional.empty();
    }

    /** The value a figure in the narrative stands for, from the report's own year. */
    public static Optional<MeasureValue> value(Bundle bundle, FigureRef ref) {
        Optional<DataYear> year = bundle.currentYear();
        if (year.isEmpty()) {
            return Optional.empty();
        }
        return ref.period().equals("year") ? year.get().annual(ref.measureId())
                : year.get().quarterly(ref.measureId(), Quarter.valueOf(ref.period()));
    }

    /**
     * A measure's figure for the year (measures.md). {@code asAt} is the quarter whose position it is
     * for a stock (the year's end, or in a draft the latest quarter reported), null otherwise.
     */
    public record YearFigure(Optional<MeasureValue> value, Quarter asAt) {
    }

    /**
     * The year's figure: an annual measure's own value; a stock's position at the latest quarter
     * reported (Q4 once it is in); for a quarterly count the sum of the quarters reported; for a
     * quarterly percentage all reported numerators over all reported denominators. Empty when no
     * quarter was reported.
     */
    public static YearFigure yearFigure(DataYear year, Measure measure) {
        if (measure.frequency() == Frequency.ANNUAL) {
            return new YearFigure(year.annual(measure.id()), null);
        }
        if (measure.stock()) {
            Quarter[] quarters = Quarter.values();
            for (int i = quarters.length - 1; i >= 0; i--) {
                Optional<MeasureValue> v = year.quarterly(measure.id(), quarters[i]);
                if (v.isPresent()) {
                    return new YearFigure(v, quarters[i]);
                }
            }
            return new YearFigure(Optional.empty(), null);
        }
        long num = 0;
        long den = 0;
        boolean any = false;
        for (Quarter q : Quarter.values()) {
            Optional<MeasureValue> v = year.quarterly(measure.id(), q);
            if (v.isEmpty()) {
                continue;
            }
            any = true;
            if (v.get() instanceof Ratio r) {
                num += r.numerator();
                den += r.denominator();
            } else if (v.get() instanceof Count c) {
                num += c.value();
            }
        }
        if (!any) {
            return new YearFigure(Optional.empty(), null);
        }
        return new YearFigure(Optional.of(measure.rated() ? new Ratio(num, den) : new Count(num)), null);
    }

    /** The value of {@link #yearFigure}. */
    public static Optional<MeasureValue> yearValue(DataYear year, Measure measure) {
        return yearFigure(year, measure).value();
    }

    public static Measure measure(String id) {
        return MeasureCatalog.get().measure(id).orElseThrow();
    }
}
