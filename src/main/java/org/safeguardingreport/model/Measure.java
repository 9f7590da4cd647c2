package org.safeguardingreport.model;

/** One dashboard measure of measures.md; {@code standard} is the number before the reference letter. */
public record Measure(String id, MeasureKind kind, Frequency frequency, String label, String description, int standard) {

    public boolean rated() {
        return kind == MeasureKind.PERCENT;
    }

    /**
     * Whether the measure is a stock, how many staff hold something at a point in time (training:
     * 3b and 3c, measures.md), rather than a flow of events in each quarter. A stock's year figure
     * is its position at the year's end.
     */
    public boolean stock() {
        return id.startsWith("3b-") || id.startsWith("3c-");
    }
}
