package org.safeguardingreport.model;

/** A value from a data file, already checked against its measure's kind. */
public sealed interface MeasureValue {

    record Ratio(long numerator, long denominator) implements MeasureValue {
        /** The percentage, unrounded; NaN when the denominator is 0. */
        public double percent() {
            return denominator == 0 ? Double.NaN : numerator * 100.0 / denominator;
        }
    }

    record Count(long value) implements MeasureValue {
    }

    record Flag(boolean value) implements MeasureValue {
    }
}
