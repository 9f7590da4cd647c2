package org.safeguardingreport.model;

/** One dashboard measure of measures.md; {@code standard} is the number before the reference letter. */
public record Measure(String id, MeasureKind kind, Frequency frequency, String label, String description, int standard) {

    public boolean rated() {
        return kind == MeasureKind.PERCENT;
    }
}
