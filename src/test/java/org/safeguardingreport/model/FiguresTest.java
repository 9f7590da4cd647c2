package org.safeguardingreport.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.NoSuchElementException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguardingreport.TestBundle;
import org.safeguardingreport.bundle.BundleLoader;
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

    @Test
    void aFlagIsYesOrNoAndAPresentValueIsFormattedAsItself() {
        assertEquals("Yes", Figures.format(new MeasureValue.Flag(true)));
        assertEquals("No", Figures.format(new MeasureValue.Flag(false)));
        assertEquals("1,234,567", Figures.format(Optional.of(new MeasureValue.Count(1_234_567))));
        assertEquals("0", Figures.format(new MeasureValue.Count(0)));
    }

    @TempDir
    Path tmp;

    /** TestBundle's figures: 3b-level-3 412/455 in Q1 and 431/460 in Q4, 6a-si-steis 1 in Q1, 8f-enhanced-dbs 980/1002 for the year. */
    Bundle bundle() {
        return BundleLoader.load(new TestBundle(tmp).root).bundle().orElseThrow();
    }

    @Test
    void aRatingUsesTheTemplatesOwnThresholdAndOnlyPercentagesAreRated() {
        Bundle b = bundle();
        MeasureValue dbs = new MeasureValue.Ratio(980, 1002); // 97.8%: Green under 90 / 76, Amber under dorset's 100 / 76
        assertEquals(Optional.of(Rating.AMBER), Figures.rating(b, "8f-enhanced-dbs", Optional.of(dbs)));
        assertEquals(Optional.of(Rating.GREEN), Figures.rating(b, "3b-level-3", Optional.of(dbs)), "the default 90 / 76");
        assertEquals(Optional.of(Rating.RED), Figures.rating(b, "3b-level-3", Optional.of(new MeasureValue.Ratio(1, 2))));
        assertEquals(Optional.empty(), Figures.rating(b, "6a-si-steis", Optional.of(new MeasureValue.Count(3))));
        assertEquals(Optional.empty(), Figures.rating(b, "3b-level-3", Optional.empty()));
        assertEquals(Optional.empty(), Figures.rating(b, "3b-level-3", Optional.of(new MeasureValue.Ratio(0, 0))));
    }

    @Test
    void aFigureIsPrintedWithTheDecimalsItsOwnTemplateThresholdNeeds() {
        Bundle b = bundle();
        // 9996/10000 = 99.96%: Amber under dorset's Green of 100 for enhanced DBS, so never "100.0%"
        assertEquals("99.96%", Figures.format(b, "8f-enhanced-dbs", Optional.of(new MeasureValue.Ratio(9996, 10_000))));
        assertEquals("100.0%", Figures.format(b, "3b-level-3", Optional.of(new MeasureValue.Ratio(9996, 10_000))),
                "Green either way under 90 / 76");
        assertEquals("\u2014", Figures.format(b, "8f-enhanced-dbs", Optional.empty()));
    }

    @Test
    void aFigureInTheTextStandsForTheValueOfItsQuarterOrYear() {
        Bundle b = bundle();
        assertEquals(Optional.of(new MeasureValue.Ratio(431, 460)), Figures.value(b, ref("3b-level-3", "Q4")));
        assertEquals(Optional.of(new MeasureValue.Ratio(412, 455)), Figures.value(b, ref("3b-level-3", "Q1")));
        assertEquals(Optional.of(new MeasureValue.Ratio(980, 1002)), Figures.value(b, ref("8f-enhanced-dbs", "year")));
        assertEquals(Optional.empty(), Figures.value(b, ref("3b-level-3", "Q2")), "nothing reported in Q2");
    }

    @Test
    void withoutTheReportsYearInTheDataNoFigureHasAValue() {
        TestBundle t = new TestBundle(tmp).delete("data/2023-24.json");
        Bundle b = BundleLoader.load(t.root).bundle().orElseThrow();
        assertEquals(Optional.empty(), Figures.value(b, ref("3b-level-3", "Q4")));
        assertEquals(Optional.empty(), Figures.value(b, ref("8f-enhanced-dbs", "year")));
    }

    static Narrative.FigureRef ref(String id, String period) {
        return new Narrative.FigureRef(id, period, false, "narrative/x.md", null);
    }

    private static DataYear year(Map<Quarter, Map<String, MeasureValue>> quarters, Map<String, MeasureValue> annual) {
        return new DataYear(ReportingYear.parseLabel("2023/24").orElseThrow(), "data/2023-24.json", quarters, annual);
    }

    @Test
    void aFlowsYearPoolsOnlyTheQuartersReportedAndAStockTakesTheLatestOfThem() {
        Map<Quarter, Map<String, MeasureValue>> q = new EnumMap<>(Quarter.class);
        q.put(Quarter.Q1, Map.of("5a-cp-referrals", new MeasureValue.Ratio(10, 20)));
        q.put(Quarter.Q2, Map.of("3b-level-2", new MeasureValue.Ratio(8, 9)));
        q.put(Quarter.Q3, Map.of("5a-cp-referrals", new MeasureValue.Ratio(30, 40), "6a-si-steis", new MeasureValue.Count(2)));
        q.put(Quarter.Q4, Map.of("5a-cp-referrals", new MeasureValue.Ratio(5, 7), "6a-si-steis", new MeasureValue.Count(5)));
        DataYear y = year(q, Map.of("8f-enhanced-dbs", new MeasureValue.Ratio(1, 3)));
        // 10 + 30 + 5 over 20 + 40 + 7: not the mean of the quarters' percentages
        assertEquals(Optional.of(new MeasureValue.Ratio(45, 67)), Figures.yearValue(y, Figures.measure("5a-cp-referrals")));
        assertEquals(Optional.of(new MeasureValue.Count(7)), Figures.yearValue(y, Figures.measure("6a-si-steis")), "2 + 5");
        Figures.YearFigure annual = Figures.yearFigure(y, Figures.measure("8f-enhanced-dbs"));
        assertEquals(Optional.of(new MeasureValue.Ratio(1, 3)), annual.value(), "an annual measure's own value");
        assertEquals(null, annual.asAt());
        Figures.YearFigure level2 = Figures.yearFigure(y, Figures.measure("3b-level-2"));
        assertEquals(Optional.of(new MeasureValue.Ratio(8, 9)), level2.value(), "a stock reported in Q2 alone");
        assertEquals(Quarter.Q2, level2.asAt());
        for (String none : new String[] {"3b-level-1", "5a-strategy-discussions", "1c-executive-lead"}) {
            Figures.YearFigure f = Figures.yearFigure(y, Figures.measure(none));
            assertEquals(Optional.empty(), f.value(), none + " is not reported");
            assertEquals(null, f.asAt(), none);
        }
    }

    @Test
    void aStockReportedInTheFirstQuarterAloneIsThatPosition() {
        DataYear y = year(Map.of(Quarter.Q1, Map.of("3b-level-3", new MeasureValue.Ratio(412, 455))), Map.of());
        Figures.YearFigure f = Figures.yearFigure(y, Figures.measure("3b-level-3"));
        assertEquals(Optional.of(new MeasureValue.Ratio(412, 455)), f.value());
        assertEquals(Quarter.Q1, f.asAt());
    }

    @Test
    void aPercentageMayTakeUpToEightDecimalsToStayOnItsSideOfTheBound() {
        // 75.99999996%: every rounding to 1..7 decimals prints 76.0..., the Amber bound; 8 decimals show it is Red
        assertEquals("75.99999996%", pct(7_599_999_996L, 10_000_000_000L));
    }

    @Test
    void aYearOfOneQuarterReportedAsNoneIsNoneNotAbsent() {
        DataYear y = year(Map.of(Quarter.Q2, Map.of("5a-cp-referrals", new MeasureValue.Ratio(0, 0), "6a-si-steis",
                new MeasureValue.Count(0))), Map.of());
        assertEquals(Optional.of(new MeasureValue.Ratio(0, 0)), Figures.yearValue(y, Figures.measure("5a-cp-referrals")));
        assertEquals(Optional.of(new MeasureValue.Count(0)), Figures.yearValue(y, Figures.measure("6a-si-steis")));
    }

    @Test
    void aMeasureIsLookedUpInTheCatalog() {
        assertEquals("Level 3 training", Figures.measure("3b-level-3").label());
        assertEquals(Frequency.ANNUAL, Figures.measure("8f-enhanced-dbs").frequency());
        org.junit.jupiter.api.Assertions.assertThrows(NoSuchElementException.class, () -> Figures.measure("no-such-measure"));
    }
}
