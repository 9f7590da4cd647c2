package org.safeguardingreport.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ThresholdTest {
    private static Rating rate(Threshold t, long n, long d) {
        return t.rate(new MeasureValue.Ratio(n, d)).orElseThrow();
    }

    @Test
    void ratingIsOnTheUnroundedRatio() {
        assertEquals(Rating.AMBER, rate(Threshold.DEFAULT, 8996, 10000), "89.96% shows as 90.0% but is Amber");
        assertEquals(Rating.GREEN, rate(Threshold.DEFAULT, 9, 10));
        assertEquals(Rating.AMBER, rate(Threshold.DEFAULT, 76, 100));
        assertEquals(Rating.RED, rate(Threshold.DEFAULT, 7599, 10000));
        assertEquals(Rating.GREEN, rate(Threshold.DEFAULT, 412, 455));
    }

    @Test
    void zeroDenominatorHasNoRating() {
        assertTrue(Threshold.DEFAULT.rate(new MeasureValue.Ratio(0, 0)).isEmpty());
    }

    @Test
    void templateTargetOfOneHundredPercent() {
        Threshold full = new Threshold(100, 76);
        assertEquals(Rating.AMBER, rate(full, 1851, 1868));
        assertEquals(Rating.GREEN, rate(full, 1868, 1868));
    }

    @Test
    void financialYears() {
        assertEquals("2023/24", ReportingYear.parseLabel("2023/24").orElseThrow().label());
        assertEquals("2023-24", ReportingYear.parseLabel("2023/24").orElseThrow().fileStem());
        assertTrue(ReportingYear.parseLabel("2023/25").isEmpty());
        assertTrue(ReportingYear.parseLabel("2099/00").isPresent());
        assertEquals("2025/26", ReportingYear.containing(java.time.LocalDate.of(2026, 3, 31)).label());
        assertEquals("2026/27", ReportingYear.containing(java.time.LocalDate.of(2026, 4, 1)).label());
    }

    @Test
    void eachRatingHasTheWordTheReportPrints() {
        assertEquals("Green", Rating.GREEN.word());
        assertEquals("Amber", Rating.AMBER.word());
        assertEquals("Red", Rating.RED.word());
    }
}
