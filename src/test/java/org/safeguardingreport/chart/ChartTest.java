package org.safeguardingreport.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.ui.Layer;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguardingreport.Cli;
import org.safeguardingreport.PdfText;
import org.safeguardingreport.TestBundle;
import org.safeguardingreport.bundle.BundleLoader;
import org.safeguardingreport.model.Bundle;
import org.safeguardingreport.model.MeasureValue;
import org.safeguardingreport.model.Quarter;
import org.safeguardingreport.model.Threshold;

class ChartTest {
    static final Path SAMPLE = Path.of(System.getProperty("report.home", "."), "content", "north-wessex-2023-24");

    @TempDir
    Path tmp;

    @Test
    void theDataBehindAChartIsTheBundlesOverEveryQuarter() {
        Bundle b = BundleLoader.load(SAMPLE).bundle().orElseThrow();
        List<String> ids = List.of("3b-level-1", "3b-level-2", "3b-level-3", "3b-level-4-5");
        CategoryDataset d = ChartMaker.dataset(TrendData.of(b, ids));
        assertEquals(4, d.getRowCount());
        assertEquals(8, d.getColumnCount(), "two years of four quarters");
        int col = 0;
        for (var year : b.data().values()) {
            for (Quarter q : Quarter.values()) {
                for (int row = 0; row < ids.size(); row++) {
                    MeasureValue.Ratio r = (MeasureValue.Ratio) year.quarterly(ids.get(row), q).orElseThrow();
                    assertEquals(r.numerator() * 100.0 / r.denominator(), d.getValue(row, col).doubleValue(), 1e-9);
                }
                col++;
            }
        }
        assertEquals("Q1 22/23", d.getColumnKey(0));
        assertEquals("Level 3 training", d.getRowKey(2));
    }

    @Test
    void anAbsentQuarterIsAGapAndTheAltTextSaysSo() {
        TestBundle t = new TestBundle(tmp);
        Bundle b = BundleLoader.load(t.root).bundle().orElseThrow();
        TrendData data = TrendData.of(b, List.of("3b-level-3"));
        CategoryDataset d = ChartMaker.dataset(data);
        assertEquals(412 * 100.0 / 455, d.getValue(0, 0).doubleValue(), 1e-9);
        assertNull(d.getValue(0, 1), "Q2 has no figure: a gap, not a zero");
        assertNull(d.getValue(0, 2));
        assertEquals(431 * 100.0 / 460, d.getValue(0, 3).doubleValue(), 1e-9);
        assertEquals("Level 3 training: 90.5% in Q1 2023/24 to 93.7% in Q4 2023/24; Green in the last two quarters; "
                + "no figure for Q2 2023/24, Q3 2023/24", data.describe());
    }

    @Test
    void thresholdBandsAreAtTheTemplatesValues() {
        Bundle b = BundleLoader.load(SAMPLE).bundle().orElseThrow();
        JFreeChart chart = ChartMaker.chart("t", TrendData.of(b, List.of("3b-level-3")), new Threshold(95, 80));
        List<double[]> bands = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (Object o : ((CategoryPlot) chart.getPlot()).getRangeMarkers(Layer.BACKGROUND)) {
            IntervalMarker m = (IntervalMarker) o;
            bands.add(new double[] {m.getStartValue(), m.getEndValue()});
            words.add(((Marker) m).getLabel());
        }
        assertEquals(List.of("Red", "Amber", "Green"), words, "each band is labelled with its word");
        assertEquals(80, bands.get(0)[1]);
        assertEquals(80, bands.get(1)[0]);
        assertEquals(95, bands.get(1)[1]);
        assertEquals(95, bands.get(2)[0]);
        JFreeChart byDefault = ChartMaker.chart("t", TrendData.of(b, List.of("3b-level-3")), Threshold.DEFAULT);
        IntervalMarker amber = (IntervalMarker) ((CategoryPlot) byDefault.getPlot()).getRangeMarkers(Layer.BACKGROUND).toArray()[1];
        assertEquals(76, amber.getStartValue());
        assertEquals(90, amber.getEndValue());
    }

    @Test
    void theSamplesAltTextGivesTheTrendInWords() {
        Bundle b = BundleLoader.load(SAMPLE).bundle().orElseThrow();
        String alt = TrendData.of(b, List.of("3b-level-3")).describe();
        var y22 = b.data().values().iterator().next();
        var y23 = b.currentYear().orElseThrow();
        MeasureValue.Ratio first = (MeasureValue.Ratio) y22.quarterly("3b-level-3", Quarter.Q1).orElseThrow();
        MeasureValue.Ratio last = (MeasureValue.Ratio) y23.quarterly("3b-level-3", Quarter.Q4).orElseThrow();
        assertTrue(alt.startsWith("Level 3 training: " + String.format(java.util.Locale.UK, "%.1f%%", first.percent())
                + " in Q1 2022/23 to " + String.format(java.util.Locale.UK, "%.1f%%", last.percent()) + " in Q4 2023/24; Green in the last"),
                alt);
        String counts = TrendData.of(b, List.of("6a-si-steis")).describe();
        assertTrue(counts.startsWith("Serious incidents reported on STEIS: ") && counts.contains(" in all"), counts);
    }

    @Test
    void aComparisonHasAProviderPerSeriesAndTheirMedian() throws Exception {
        Bundle sample = BundleLoader.load(SAMPLE).bundle().orElseThrow();
        List<Bundle> many = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            var m = sample.meta();
            var meta = new org.safeguardingreport.model.ReportMeta(new org.safeguardingreport.model.ReportMeta.Provider(
                    "Provider " + i, null), m.reportingYear(), m.template(), m.title(), m.authors(), m.boardPaper(), m.signOff(),
                    m.servicesNotProvided());
            many.add(new Bundle(sample.root(), "p" + i, meta, sample.template(), sample.sections(), sample.data(), sample.audit()));
        }
        TrendData data = TrendData.comparing(many, "3b-level-3");
        assertEquals(10, data.values().size());
        assertEquals(8, data.periods().size());
        var q4 = (MeasureValue.Ratio) sample.currentYear().orElseThrow().quarterly("3b-level-3", Quarter.Q4).orElseThrow();
        assertEquals(q4.percent(), data.values().get("Provider 3").get(7), 1e-9);
        assertEquals(q4.percent(), data.median().get(7), 1e-9, "ten equal providers have that median");
        String alt = data.describe();
        assertTrue(alt.startsWith("10 providers: median ") && alt.endsWith("at the end, 10 Green"), alt);
        CategoryDataset d = ChartMaker.withMedian(data);
        assertEquals(11, d.getRowCount(), "a line for each provider and one for their median");
        assertEquals("Median of 10 providers", d.getRowKey(10));
    }

    @Test
    void chartsAreFiguresWithAltTextInBothEditions() throws Exception {
        TestBundle t = new TestBundle(tmp).write("narrative/standard-3.md", "Trend:\n\n{{chart 3b-level-3}}\n");
        Path out = tmp.resolve("out");
        Cli r = Cli.run("build", t.root.toString(), "-o", out.toString());
        assertEquals(0, r.status(), r.err());
        List<String> alts = PdfText.alts(out.resolve("annual-report.pdf"));
        String trend = "Level 3 training: 90.5% in Q1 2023/24 to 93.7% in Q4 2023/24";
        assertTrue(alts.contains("Level 3 training. " + trend + "; Green in the last two quarters; no figure for Q2 2023/24, "
                + "Q3 2023/24."), "the narrative's chart: " + alts);
        assertTrue(alts.stream().anyMatch(a -> a.startsWith("Safeguarding children training by level. " + trend)),
                "the dashboard's chart of the training group");
        String xml = WordprocessingMLPackage.load(out.resolve("annual-report.docx").toFile()).getMainDocumentPart().getXML();
        assertEquals(2, xml.split(java.util.regex.Pattern.quote(trend), -1).length - 1,
                "both charts are pictures with their alt text in Word");
    }
}
