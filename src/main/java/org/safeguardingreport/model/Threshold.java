package org.safeguardingreport.model;

/**
 * Lower bounds, in percent, of Green and Amber for one measure. The rating is computed on the
 * unrounded ratio: 89.96 % is Amber even though it shows as 90.0 %.
 */
public record Threshold(double green, double amber) {
    public static final Threshold DEFAULT = new Threshold(90, 76);

    /** Empty when the denominator is 0 ("n/a", no rating). */
    public java.util.Optional<Rating> rate(MeasureValue.Ratio r) {
        if (r.denominator() == 0) {
            return java.util.Optional.empty();
        }
        // compare numerator * 100 with bound * denominator, exactly, without a rounded quotient
        java.math.BigDecimal scaled = java.math.BigDecimal.valueOf(r.numerator()).multiply(java.math.BigDecimal.valueOf(100));
        java.math.BigDecimal den = java.math.BigDecimal.valueOf(r.denominator());
        if (scaled.compareTo(java.math.BigDecimal.valueOf(green).multiply(den)) >= 0) {
            return java.util.Optional.of(Rating.GREEN);
        }
        if (scaled.compareTo(java.math.BigDecimal.valueOf(amber).multiply(den)) >= 0) {
            return java.util.Optional.of(Rating.AMBER);
        }
        return java.util.Optional.of(Rating.RED);
    }
}
