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

    @Test
    void aPercentageNearAThresholdPrintsTheDecimalsItsRatingNeeds() {
        // 588/774 = 75.968...% is Red; one decimal would print 76.0, the Amber bound
        assertEquals("75.97%", pct(588, 774));
        // 5605/6230 = 89.967...% is Amber; one decimal would print 90.0, the Green bound
        assertEquals("89.97%", pct(5605, 6230));
        // 2590/3410 = 75.953...% is Red
        assertEquals("75.95%", pct(2590, 3410));
        // 759,996/1,000,000 = 75.9996% prints 76.0, 76.00 and 76.000 at one to three decimals: it takes four
        assertEquals("75.9996%", pct(759_996, 1_000_000));
        // exactly on a bound prints it plainly, and is rated above it
        assertEquals("76.0%", pct(76, 100));
        assertEquals("90.0%", pct(9, 10));
        // a template's own bound is honoured: 85.49% under Amber at 85.5 is Red
        assertEquals("85.49%", Figures.format(new MeasureValue.Ratio(8549, 10_000), new Threshold(95, 85.5)));
        assertEquals("85.5%", Figures.format(new MeasureValue.Ratio(8549, 10_000), Threshold.DEFAULT));
    }

    @Test
    void aPercentageShowsItsCount() {
        assertEquals("3,909 / 4,399", Figures.count(Optional.of(new MeasureValue.Ratio(3909, 4399))));
        assertEquals(null, Figures.count(Optional.of(new MeasureValue.Count(3))));
    }

    private static DataYear year(java.util.Map<Quarter, java.util.Map<String, MeasureValue>> quarters) {
        return new DataYear(new ReportingYear(2023), "data/2023-24.json", quarters, java.util.Map.of());
    }

    @Test
    void aStocksYearFigureIsItsYearEndPositionAndAFlowPoolsTheQuarters() {
        Measure level3 = Figures.measure("3b-level-3");
        Measure cp = Figures.measure("5a-cp-referrals");
        Measure fgm = Figures.measure("2g-fgm-reported");
        java.util.Map<Quarter, java.util.Map<String, MeasureValue>> q = new java.util.EnumMap<>(Quarter.class);
        long[][] l3 = {{916, 1088}, {955, 1096}, {999, 1103}, {1039, 1112}};
        long[][] referrals = {{10, 12}, {5, 10}, {9, 9}, {1, 4}};
        for (Quarter x : Quarter.values()) {
            int i = x.ordinal();
            q.put(x, java.util.Map.of("3b-level-3", new MeasureValue.Ratio(l3[i][0], l3[i][1]),
                    "5a-cp-referrals", new MeasureValue.Ratio(referrals[i][0], referrals[i][1]),
                    "2g-fgm-reported", new MeasureValue.Count(i)));
        }
        Figures.YearFigure stock = Figures.yearFigure(year(q), level3);
        assertEquals(Optional.of(new MeasureValue.Ratio(1039, 1112)), stock.value(), "Level 3 training at 31 March");
        assertEquals(Quarter.Q4, stock.asAt());
        Figures.YearFigure flow = Figures.yearFigure(year(q), cp);
        assertEquals(Optional.of(new MeasureValue.Ratio(25, 35)), flow.value(), "10+5+9+1 of 12+10+9+4");
        assertEquals(null, flow.asAt());
        assertEquals(Optional.of(new MeasureValue.Count(6)), Figures.yearFigure(year(q), fgm).value(), "0+1+2+3");
        // a draft without Q4 yet: the latest quarter, labelled with it
        q.remove(Quarter.Q4);
        Figures.YearFigure draft = Figures.yearFigure(year(q), level3);
        assertEquals(Optional.of(new MeasureValue.Ratio(999, 1103)), draft.value());
        assertEquals(Quarter.Q3, draft.asAt());
        assertEquals(java.time.LocalDate.of(2023, 12, 31), new ReportingYear(2023).endOf(draft.asAt()));
    }
}
