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
import org.safeguardingreport.model.Rating;

/**
 * How every edition shows a dashboard value: a percentage to one decimal ("93.8%"), a count with
 * thousands separators, Yes / No, "n/a" for a denominator of 0 and "—" when nothing was reported.
 */
public final class Figures {
    public static final String ABSENT = "\u2014";
    public static final String NOT_APPLICABLE = "n/a";

    private Figures() {
    }

    public static String format(Optional<MeasureValue> value) {
        return value.map(Figures::format).orElse(ABSENT);
    }

    public static String format(MeasureValue value) {
        if (value instanceof Ratio r) {
            if (r.denominator() == 0) {
                return NOT_APPLICABLE;
            }
            BigDecimal pct = BigDecimal.valueOf(r.numerator()).multiply(BigDecimal.valueOf(100))
                    .divide(BigDecimal.valueOf(r.denominator()), 1, RoundingMode.HALF_UP);
            return pct.toPlainString() + "%";
        }
        if (value instanceof Count c) {
            return NumberFormat.getIntegerInstance(Locale.UK).format(c.value());
        }
        return ((Flag) value).value() ? "Yes" : "No";
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
     * A measure's value for the whole year: an annual measure's own value; for a quarterly count the
     * sum of the quarters reported; for a quarterly percentage all reported numerators over all
     * reported denominators. Empty when no quarter was reported.
     */
    public static Optional<MeasureValue> yearValue(DataYear year, Measure measure) {
        if (measure.frequency() == Frequency.ANNUAL) {
            return year.annual(measure.id());
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
            return Optional.empty();
        }
        return Optional.of(measure.rated() ? new Ratio(num, den) : new Count(num));
    }

    public static Measure measure(String id) {
        return MeasureCatalog.get().measure(id).orElseThrow();
    }
}
