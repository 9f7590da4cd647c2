package org.safeguardingreport.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.safeguardingreport.model.MeasureValue;

/** How a figure is printed, with the expected texts worked out by hand. */
class FiguresTest {
    private static String pct(long n, long d) {
        return Figures.format(new MeasureValue.Ratio(n, d));
    }

    @Test
    void aPercentageHasOneDecimalAndAHalfRoundsUp() {
        assertEquals("76.1%", pct(7605, 10_000), "76.05 rounds up, not to the even 76.0");
        assertEquals("76.3%", pct(7625, 10_000), "76.25 rounds up, not to the even 76.2");
        assertEquals("84.2%", pct(916, 1088), "84.19...");
        assertEquals("66.7%", pct(2, 3));
        assertEquals("33.3%", pct(1, 3));
        assertEquals("100.0%", pct(455, 455));
        assertEquals("0.0%", pct(0, 12));
    }

    @Test
    void noOneToCountIsNotApplicableAndNothingReportedIsADash() {
        assertEquals("n/a", pct(0, 0));
        assertEquals("\u2014", Figures.format(Optional.empty()));
    }

    @Test
    void aCountHasThousandsSeparated() {
        assertEquals("1,234", Figures.format(new MeasureValue.Count(1234)));
        assertEquals("7", Figures.format(new MeasureValue.Count(7)));
    }
}
