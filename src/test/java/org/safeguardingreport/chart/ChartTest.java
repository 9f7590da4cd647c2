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
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
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
        // more providers than a page of panels can name, several times over: their median over grey lines
        for (int i = 0; i < ChartMaker.MAX_COMPARED + 1; i++) {
            var m = sample.meta();
            var meta = new org.safeguardingreport.model.ReportMeta(new org.safeguardingreport.model.ReportMeta.Provider(
                    "Provider " + i, null), m.reportingYear(), m.template(), m.title(), m.authors(), m.boardPaper(), m.signOff(),
                    m.servicesNotProvided());
            many.add(new Bundle(sample.root(), "p" + i, meta, sample.template(), sample.sections(), sample.data(), sample.audit()));
        }
        int n = ChartMaker.MAX_COMPARED + 1;
        TrendData data = TrendData.comparing(many, "3b-level-3");
        assertEquals(n, data.values().size());
        assertEquals(8, data.periods().size());
        var q4 = (MeasureValue.Ratio) sample.currentYear().orElseThrow().quarterly("3b-level-3", Quarter.Q4).orElseThrow();
        assertEquals(q4.percent(), data.values().get("Provider 3").get(7), 1e-9);
        assertEquals(q4.percent(), data.median().get(7), 1e-9, "equal providers have that median");
        assertEquals(ChartMaker.Form.MEDIAN, ChartMaker.form(data));
        String alt = data.describe();
        assertTrue(alt.startsWith(n + " providers: median ") && alt.endsWith("at the end, " + n + " Green"), alt);
        CategoryDataset d = ChartMaker.withMedian(data);
        assertEquals(n + 1, d.getRowCount(), "a line for each provider and one for their median");
        assertEquals("Median of " + n + " providers", d.getRowKey(n));

        // ten providers: a panel each, under its name, the median of the ten dashed behind its line
        TrendData ten = TrendData.comparing(many.subList(0, 10), "3b-level-3");
        assertEquals(ChartMaker.Form.SMALL_MULTIPLES, ChartMaker.form(ten));
        Chart c = new Chart("c", "Level 3 training, by provider", ten, Threshold.DEFAULT);
        assertEquals(ten.values().keySet().stream().toList(), c.names(), "every provider named above its panel");
        assertEquals(ten.median(), ten.reference());
        var panel = (org.jfree.chart.plot.CategoryPlot) ChartMaker.panels(ten, Threshold.DEFAULT, ChartMaker.WIDTH_PT).get(0).getPlot();
        assertEquals(List.of("Provider 0", "Median of 10 providers"), panel.getDataset().getRowKeys());
        assertTrue(ChartMaker.panelsNote(ten, Threshold.DEFAULT).contains("grey dashes: median of 10 providers"));
        // sixteen: two charts of eight, each provider's panel against the median of all sixteen
        List<TrendData> parts = TrendData.comparing(many.subList(0, 16), "3b-level-3").parts(ChartMaker.MAX_PANELS);
        assertEquals(List.of(8, 8), parts.stream().map(p -> p.values().size()).toList());
        assertEquals(16, parts.get(1).compared());
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

    /** The sample's charts: every standard's dashboard charts. */
    private static List<Chart> sampleCharts(Bundle b) {
        ChartPlan plan = new ChartPlan(b);
        List<Chart> out = new ArrayList<>();
        for (int n = 1; n <= 10; n++) {
            out.addAll(plan.forStandard(n));
        }
        return out;
    }

    @Test
    void noChartOfAProvidersReportIsTheMedianOfProviders() {
        Bundle b = BundleLoader.load(SAMPLE).bundle().orElseThrow();
        List<Chart> charts = sampleCharts(b);
        assertTrue(charts.size() > 10, "the sample has its dashboards' charts");
        for (Chart c : charts) {
            assertTrue(c.form() != ChartMaker.Form.MEDIAN, c.title());
            assertTrue(!c.alt().contains("median") && !c.alt().contains("providers"), c.alt());
        }
        // even every supervision service there is (more than the commissioner's limit of lines) is the
        // Trust's own services, each drawn and named, never a median
        List<String> all = List.of("4a-health-visiting", "4b-school-nursing", "4c-camhs", "4d-sexual-health", "4e-cla-nursing",
                "4f-emergency-department", "4g-minor-injuries", "4h-paediatric-nursing", "4i-paediatric-medical", "4j-maternity",
                "4k-paediatric-ahp");
        TrendData many = TrendData.of(b, all);
        assertTrue(all.size() > ChartMaker.MAX_SERIES_IN_ONE);
        assertTrue(!many.manyProviders());
        assertEquals(ChartMaker.Form.SMALL_MULTIPLES, ChartMaker.form(many));
    }

    @Test
    void theSupervisionChartNamesEveryService() {
        Bundle b = BundleLoader.load(SAMPLE).bundle().orElseThrow();
        Chart supervision = sampleCharts(b).stream().filter(c -> c.title().equals("Safeguarding supervision by service"))
                .findFirst().orElseThrow();
        List<String> names = supervision.names();
        List<String> labels = supervision.data().values().keySet().stream().map(supervision.data()::label).toList();
        assertTrue(labels.size() >= 9, "the sample reports nine services: " + labels);
        assertEquals(labels.size(), names.size(), "a name for each service: " + names);
        for (int i = 0; i < labels.size(); i++) {
            assertTrue(labels.get(i).toLowerCase(java.util.Locale.ROOT).endsWith(names.get(i).toLowerCase(java.util.Locale.ROOT))
                    && names.get(i).length() > 3, names.get(i) + " names " + labels.get(i));
        }
        assertEquals(names.size(), new java.util.HashSet<>(names).size(), "no two services share a name");
    }

    @Test
    void everySeriesIsNamedInALegendOrAboveItsPanel() {
        Bundle b = BundleLoader.load(SAMPLE).bundle().orElseThrow();
        for (Chart c : sampleCharts(b)) {
            List<String> labels = c.data().values().keySet().stream().map(c.data()::label).toList();
            List<String> names = c.names();
            assertEquals(labels.size(), names.size(), c.title() + ": " + names);
            if (c.form() == ChartMaker.Form.SINGLE) {
                assertEquals(labels.size() == 1 && labels.get(0).equals(c.title()) ? List.of(c.title()) : labels, names,
                        c.title() + ": the legend names each measure");
            }
        }
    }

    @Test
    void seriesDifferInDashAndMarkerAsWellAsColour() {
        Bundle b = BundleLoader.load(SAMPLE).bundle().orElseThrow();
        List<String> ids = List.of("3b-level-1", "3b-level-2", "3b-level-3", "3b-level-4-5");
        JFreeChart chart = ChartMaker.chart("Training", TrendData.of(b, ids), Threshold.DEFAULT);
        LineAndShapeRenderer r = (LineAndShapeRenderer) ((CategoryPlot) chart.getPlot()).getRenderer();
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                assertTrue(!r.getSeriesPaint(i).equals(r.getSeriesPaint(j)), "colours " + i + ", " + j);
                assertTrue(!java.util.Arrays.equals(((java.awt.BasicStroke) r.getSeriesStroke(i)).getDashArray(),
                        ((java.awt.BasicStroke) r.getSeriesStroke(j)).getDashArray()), "dashes " + i + ", " + j);
                assertTrue(!sameShape(r.getSeriesShape(i), r.getSeriesShape(j)), "markers " + i + ", " + j);
                // and in greyscale print the colours are not all one grey
            }
        }
        java.util.Set<Long> greys = new java.util.HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            java.awt.Color c = (java.awt.Color) r.getSeriesPaint(i);
            greys.add(Math.round((0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue()) / 25));
        }
        assertTrue(greys.size() >= 3, "the four colours print as at least three greys: " + greys);
    }

    private static boolean sameShape(java.awt.Shape a, java.awt.Shape b) {
        java.awt.geom.PathIterator x = a.getPathIterator(null);
        java.awt.geom.PathIterator y = b.getPathIterator(null);
        double[] p = new double[6];
        double[] q = new double[6];
        while (!x.isDone() && !y.isDone()) {
            if (x.currentSegment(p) != y.currentSegment(q) || !java.util.Arrays.equals(p, q)) {
                return false;
            }
            x.next();
            y.next();
        }
        return x.isDone() && y.isDone();
    }

    @Test
    void noChartTextIsSmallerThan8PtWhereItIsPlaced() {
        Bundle b = BundleLoader.load(SAMPLE).bundle().orElseThrow();
        for (Chart c : sampleCharts(b)) {
            // PDF: drawn at the size it is placed (ChartDrawers lays it out in points), so a scale of 1;
            // Word: its picture is drawn at widthPt and placed at widthPt, never wider than the text
            double word = Math.min(ChartMaker.WIDTH_PT, c.widthPt()) / c.widthPt();
            assertTrue(c.smallestFontPt() * word >= ChartMaker.MIN_FONT_PT - 1e-6, c.title() + ": " + c.smallestFontPt() * word);
            if (c.form() == ChartMaker.Form.SINGLE) {
                assertTrue(ChartMaker.smallestFontPt(ChartMaker.chart(c.title(), c.data(), c.threshold(), 239f)) >= 8f);
            }
        }
    }

    @Test
    void tinyCountsTakeACompactChart() {
        Bundle b = BundleLoader.load(SAMPLE).bundle().orElseThrow();
        TrendData fgm = TrendData.of(b, List.of("2g-fgm-reported"));
        assertTrue(fgm.tinyCounts(), "FGM cases are 0 and 1");
        Chart c = new Chart("x", fgm.label("2g-fgm-reported"), fgm, Threshold.DEFAULT);
        assertTrue(c.half() && c.heightPt() <= 130, "half the width and a fifth of the page's height at most: " + c.style());
    }

    @Test
    void aPercentageNearAThresholdPrintsAsTheReportPrintsIt() throws Exception {
        TestBundle t = new TestBundle(tmp).write("data/2023-24.json", """
                {
                  "reportingYear": "2023/24",
                  "quarters": {
                    "Q1": { "3b-level-3": { "numerator": 2590, "denominator": 3410 } },
                    "Q4": { "3b-level-3": { "numerator": 5605, "denominator": 6230 } }
                  }
                }
                """);
        Bundle b = BundleLoader.load(t.root).bundle().orElseThrow();
        TrendData data = TrendData.of(b, List.of("3b-level-3"));
        Threshold th = b.template().threshold("3b-level-3");
        var q4 = (MeasureValue.Ratio) b.currentYear().orElseThrow().quarterly("3b-level-3", Quarter.Q4).orElseThrow();
        String printed = org.safeguardingreport.model.Figures.format(q4, th);
        assertEquals("89.97%", printed, "5605/6230 is Amber under 90%: never 90.0%");
        List<String> values = data.printed().get("3b-level-3");
        assertEquals(printed, values.get(3), "the chart's label of the last point");
        assertEquals("75.95%", values.get(0), "2590/3410 is Red under 76%: never 76.0%");
        assertTrue(data.describe().contains("89.97%") && data.describe().contains("75.95%") && !data.describe().contains("90.0%"),
                data.describe());
        // the median the commissioner prints of many providers follows the same rule
        assertEquals("89.97%", ChartMaker.percent(89.9679, Threshold.DEFAULT));
        assertEquals("91.2%", ChartMaker.percent(91.2345, Threshold.DEFAULT));
    }

    @Test
    void theSamplesChartsReadBackFromBothEditions() throws Exception {
        Path out = tmp.resolve("sample");
        Cli r = Cli.run("build", SAMPLE.toString(), "-o", out.toString());
        assertEquals(0, r.status(), r.err());
        Bundle b = BundleLoader.load(SAMPLE).bundle().orElseThrow();
        Chart supervision = sampleCharts(b).stream().filter(c -> c.title().equals("Safeguarding supervision by service"))
                .findFirst().orElseThrow();
        List<String> pages = PdfText.pages(out.resolve("annual-report.pdf"));
        String page = pages.stream().filter(p -> p.contains("Safeguarding supervision by service")).findFirst().orElseThrow();
        for (String name : supervision.names()) {
            assertTrue(page.replaceAll("\\s+", " ").contains(name), "the chart names " + name + ":\n" + page);
        }
        assertTrue(pages.stream().noneMatch(p -> p.contains("Median of")), "no median in a provider's report");
        // the text charts print in the PDF, at its size on the page
        List<Float> sizes = new ArrayList<>();
        try (var doc = org.apache.pdfbox.Loader.loadPDF(out.resolve("annual-report.pdf").toFile())) {
            org.apache.pdfbox.text.PDFTextStripper s = new org.apache.pdfbox.text.PDFTextStripper() {
                @Override
                protected void writeString(String text, List<org.apache.pdfbox.text.TextPosition> positions) {
                    if (text.matches("Q[1-4]|20\\d\\d/\\d\\d|\\d+%|Green|Amber|Red")) {
                        positions.forEach(p -> sizes.add(p.getTextMatrix().getScalingFactorY()));
                    }
                }
            };
            s.getText(doc);
        }
        assertTrue(sizes.size() > 500, "the charts' axes: " + sizes.size());
        float smallest = (float) sizes.stream().mapToDouble(Float::doubleValue).min().orElseThrow();
        assertTrue(smallest >= 7.95f, "chart text on the page is at least 8 pt: " + smallest);
        // Word: each chart's picture is placed at the width it was drawn, so its text keeps its size
        String xml = WordprocessingMLPackage.load(out.resolve("annual-report.docx").toFile()).getMainDocumentPart().getXML();
        for (Chart c : sampleCharts(b)) {
            int at = xml.indexOf("descr=\"" + c.alt().substring(0, Math.min(60, c.alt().length())));
            assertTrue(at > 0, "a picture for " + c.title());
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("<wp:extent cx=\"(\\d+)\"")
                    .matcher(xml.substring(xml.lastIndexOf("<wp:inline", at)));
            assertTrue(m.find());
            double placedPt = Long.parseLong(m.group(1)) / 12700.0;
            assertEquals(c.widthPt(), placedPt, 1.0, c.title() + " is placed at the width it was drawn");
            assertTrue(c.smallestFontPt() * placedPt / c.widthPt() >= 7.95, c.title());
        }
    }
}
