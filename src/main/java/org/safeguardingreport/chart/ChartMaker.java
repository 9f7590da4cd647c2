package org.safeguardingreport.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryMarker;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.text.TextBlock;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

import org.safeguardingreport.model.Threshold;

/**
 * Draws trend charts with JFreeChart in one restrained style, for a board reading a printed page:
 * no text smaller than {@link #MIN_FONT_PT} at the size the chart is placed; each series named in
 * a legend (or, in small multiples, above its own panel); series told apart by colour, dash and
 * marker, so they stay apart in greyscale; the Red / Amber / Green bands behind % charts, each
 * labelled with its word; each series' latest value printed beside its last point, as the report
 * prints it, and left out rather than drawn over another; a gap where a quarter is absent; a
 * dashed line where each later year begins, the years named under the quarters. Fonts are the
 * shipped ones, so charts are the same on every machine.
 *
 * <p>A chart of more than {@link #MAX_SERIES_IN_ONE} series (a provider's supervision by service, the
 * commissioner's comparison of providers) is drawn as small multiples, a panel per series under its
 * name, on one scale; in the commissioner's comparison each provider's panel shows the median of
 * all of them behind its own line, and a comparison of more than {@link #MAX_PANELS} providers is
 * cut into several charts. Only a comparison of more than {@link #MAX_COMPARED} providers is drawn
 * as their median over thin grey lines ({@link TrendData#manyProviders()}).
 */
public final class ChartMaker {
    /** The width of a full-width chart: the text width of the Word edition, so its picture is placed at its own size. */
    public static final float WIDTH_PT = 451f;
    /** The width of a half-width chart: two sit side by side in either edition. */
    public static final float HALF_WIDTH_PT = 222f;
    /** The smallest text a chart may print, at the size it is placed. */
    public static final float MIN_FONT_PT = 8f;
    /** More providers than this are drawn as thin grey lines under their median (the commissioner's report only). */
    public static final int MAX_COMPARED = 45;
    /** The most panels of one chart of small multiples: five rows of three, which fit a page. */
    public static final int MAX_PANELS = 15;
    /** More of a provider's own series than this are drawn as small multiples. */
    public static final int MAX_SERIES_IN_ONE = 4;
    /**
     * Series colours: NHS dark blue, orange, light blue, plum, dark grey, purple, aqua and black, of
     * different lightness, each paired with its own dash and marker.
     */
    private static final Color[] SERIES = {new Color(0x003087), new Color(0xED8B00), new Color(0x41B6E6),
            new Color(0x7C2855), new Color(0x425563), new Color(0x330072), new Color(0x00A499), new Color(0x231F20)};
    private static final float[][] DASHES = {null, {6f, 3f}, {1.5f, 2.5f}, {7f, 2.5f, 1.5f, 2.5f}};
    private static final Color BAR = new Color(0x005EB8);
    private static final Color RED_BAND = new Color(0xF7D0D2);
    private static final Color AMBER_BAND = new Color(0xFFE9B0);
    private static final Color GREEN_BAND = new Color(0xD5EED9);
    private static final Color GRID = new Color(0xD8DDE0);
    private static final Color TEXT = new Color(0x231F20);
    private static final Color MUTED = new Color(0x425563);
    /** The median behind each provider's panel: a mid grey, darker than the bands, lighter than any series. */
    private static final Color REFERENCE = new Color(0x768692);
    private static final Color TITLE = new Color(0x003087);
    private static final float TITLE_PT = 10f;
    private static final float PANEL_TITLE_PT = 8.5f;
    private static final float TEXT_PT = MIN_FONT_PT;
    /** Room at the right of a % chart's plot for the bands' words, clear of the last points and their labels. */
    private static final float BAND_WORD_STRIP_PT = 38f;
    private static final float PANEL_HEIGHT_PT = 95f;
    private static final float PANELS_HEADER_PT = 32f;
    private static final float NOTE_LINE_PT = 10f;
    private static final Font REGULAR;
    private static final Font BOLD;

    static {
        System.setProperty("java.awt.headless", "true");
        REGULAR = font("/fonts/LiberationSans-Regular.ttf");
        BOLD = font("/fonts/LiberationSans-Bold.ttf");
    }

    private ChartMaker() {
    }

    private static Font font(String resource) {
        try (InputStream in = ChartMaker.class.getResourceAsStream(resource)) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.awt.FontFormatException e) {
            throw new IllegalStateException(resource, e);
        }
    }

    /** How a chart is drawn. */
    public enum Form {
        /** One plot, its series named in a legend when there is more than one. */
        SINGLE,
        /** A panel per series, each under its name, on one scale. */
        SMALL_MULTIPLES,
        /** The commissioner's many providers: their median over thin grey lines. */
        MEDIAN
    }

    /** How the chart of {@code data} is drawn. */
    public static Form form(TrendData data) {
        if (data.manyProviders()) {
            return Form.MEDIAN;
        }
        return data.values().size() > MAX_SERIES_IN_ONE ? Form.SMALL_MULTIPLES : Form.SINGLE;
    }

    /** Whether the chart takes half the text width: one or two series, or counts too few to need more. */
    public static boolean half(TrendData data) {
        return form(data) == Form.SINGLE && (data.values().size() <= 2 || data.tinyCounts());
    }

    /** The width the chart is drawn at for Word, where its picture is placed at this size. */
    public static float widthPt(TrendData data) {
        return half(data) ? HALF_WIDTH_PT : WIDTH_PT;
    }

    /** Height in points at {@link #widthPt}: room for the legend's lines, a panel per row of small multiples. */
    public static float heightPt(String title, TrendData data, Threshold threshold) {
        float width = widthPt(data);
        return switch (form(data)) {
            case SMALL_MULTIPLES -> panelsHeader(data, threshold, width) + rows(data.values().size(), width) * (PANEL_HEIGHT_PT
                    // a second line for the panels' names where one is too long for a line
                    + (sameLines(panelNames(data.values().keySet().stream().map(data::label).toList()),
                            width / columns(width) - 12).get(0).contains("\n") ? 11f : 0f));
            case MEDIAN -> 215f + 12f;
            case SINGLE -> (data.tinyCounts() ? 125f : half(data) ? 170f : 205f)
                    + 12f * legendLines(title, data, width);
        };
    }

    private static int columns(float width) {
        return width >= 380 ? 3 : 2;
    }

    private static int rows(int panels, float width) {
        return (panels + columns(width) - 1) / columns(width);
    }

    /** How many lines the legend takes at {@code width}: its items packed as the legend packs them. */
    private static int legendLines(String title, TrendData data, float width) {
        if (!legend(title, data)) {
            return 0;
        }
        FontRenderContext frc = new FontRenderContext(null, true, true);
        Font f = REGULAR.deriveFont(TEXT_PT);
        int lines = 1;
        double used = 0;
        double room = width - 12;
        for (String key : data.values().keySet()) {
            double w = f.getStringBounds(data.label(key), frc).getWidth() + 30;
            if (used > 0 && used + w > room) {
                lines++;
                used = 0;
            }
            used += w;
        }
        return lines;
    }

    /** A legend names the series unless the chart's title already names its one series. */
    private static boolean legend(String title, TrendData data) {
        return data.values().size() > 1 || !data.values().keySet().stream().allMatch(k -> data.label(k).equals(title));
    }

    /** The dataset behind a chart: one row per measure (its label), one column per quarter; null is a gap. */
    public static DefaultCategoryDataset dataset(TrendData data) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        for (Map.Entry<String, List<Double>> e : data.values().entrySet()) {
            String label = data.label(e.getKey());
            for (int i = 0; i < data.periods().size(); i++) {
                TrendData.Period p = data.periods().get(i);
                d.addValue(e.getValue().get(i), label, shortLabel(p));
            }
        }
        return d;
    }

    /** The dataset with the median added as its last row, for charts of many providers. */
    static DefaultCategoryDataset withMedian(TrendData data) {
        DefaultCategoryDataset d = dataset(data);
        List<Double> med = data.median();
        for (int i = 0; i < data.periods().size(); i++) {
            d.addValue(med.get(i), "Median of " + data.values().size() + " providers", shortLabel(data.periods().get(i)));
        }
        return d;
    }

    static String shortLabel(TrendData.Period p) {
        return p.quarter().name() + " " + p.year().substring(2);
    }

    /** The chart at the width it takes in Word (see {@link #widthPt}). */
    public static JFreeChart chart(String title, TrendData data, Threshold threshold) {
        return chart(title, data, threshold, widthPt(data));
    }

    /** The one-plot chart of {@code data} (small multiples draw one of these per series) laid out for {@code widthPt}. */
    public static JFreeChart chart(String title, TrendData data, Threshold threshold, float widthPt) {
        return build(title, data, threshold, widthPt, null, false);
    }

    /** The panels of small multiples: a chart per series, under its name, all on one scale. */
    public static List<JFreeChart> panels(TrendData data, Threshold threshold, float widthPt) {
        double[] range = range(data, threshold);
        float panelWidth = widthPt / columns(widthPt);
        List<String> keys = List.copyOf(data.values().keySet());
        List<String> names = sameLines(panelNames(keys.stream().map(data::label).toList()), panelWidth - 12);
        List<JFreeChart> out = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            JFreeChart panel = build(names.get(i), data.only(keys.get(i)), threshold, panelWidth, range, true);
            if (data.reference() != null) {
                reference((CategoryPlot) panel.getPlot(), data);
            }
            out.add(panel);
        }
        return out;
    }

    /** The median of every provider compared, a thin grey line behind a provider's own (no markers, no values). */
    private static void reference(CategoryPlot plot, TrendData data) {
        DefaultCategoryDataset d = (DefaultCategoryDataset) plot.getDataset();
        String row = "Median of " + data.compared() + " providers";
        for (int i = 0; i < data.periods().size(); i++) {
            d.addValue(data.reference().get(i), row, shortLabel(data.periods().get(i)));
        }
        LineAndShapeRenderer r = (LineAndShapeRenderer) plot.getRenderer();
        int s = d.getRowIndex(row);
        r.setSeriesPaint(s, REFERENCE);
        r.setSeriesStroke(s, new BasicStroke(1.1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {3f, 2f}, 0f));
        r.setSeriesShapesVisible(s, false);
        r.setSeriesItemLabelsVisible(s, false);
        // drawn first, so the provider's own line and values lie over it
        r.setSeriesVisibleInLegend(s, false);
        plot.setRowRenderingOrder(org.jfree.chart.util.SortOrder.DESCENDING);
    }

    /**
     * Each panel's name: the series' label without the words all of them begin with ("Supervision:
     * health visiting" is "Health visiting" under "Safeguarding supervision by service").
     */
    static List<String> panelNames(List<String> labels) {
        String first = labels.get(0);
        int colon = first.indexOf(": ");
        if (colon < 0 || labels.size() < 2) {
            return labels;
        }
        String prefix = first.substring(0, colon + 2);
        if (!labels.stream().allMatch(l -> l.startsWith(prefix) && l.length() > prefix.length())) {
            return labels;
        }
        return labels.stream().map(l -> {
            String rest = l.substring(prefix.length());
            return Character.toUpperCase(rest.charAt(0)) + rest.substring(1);
        }).toList();
    }

    /**
     * Panel names broken onto as many lines as the longest needs (two at most), so that every panel's
     * plot is the same height and the panels' scales line up.
     */
    static List<String> sameLines(List<String> names, double width) {
        FontRenderContext frc = new FontRenderContext(null, true, true);
        Font f = BOLD.deriveFont(PANEL_TITLE_PT);
        if (names.stream().allMatch(n -> f.getStringBounds(n, frc).getWidth() <= width)) {
            return names;
        }
        List<String> out = new ArrayList<>();
        for (String n : names) {
            int cut = -1;
            for (int i = n.indexOf(' '); i > 0; i = n.indexOf(' ', i + 1)) {
                if (f.getStringBounds(n.substring(0, i), frc).getWidth() <= width) {
                    cut = i;
                }
            }
            out.add(f.getStringBounds(n, frc).getWidth() <= width || cut < 0 ? n + "\n " : n.substring(0, cut) + "\n" + n.substring(cut + 1));
        }
        return out;
    }

    /** A % axis whose ticks stop at 100%: the room above is for the values printed over the points. */
    static final class PercentAxis extends NumberAxis {
        PercentAxis() {
            super(null);
        }

        @Override
        @SuppressWarnings({"rawtypes", "unchecked"})
        public List refreshTicks(Graphics2D g2, org.jfree.chart.axis.AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
            List ticks = new ArrayList(super.refreshTicks(g2, state, dataArea, edge));
            ticks.removeIf(t -> ((org.jfree.chart.axis.ValueTick) t).getValue() > 100.0001);
            return ticks;
        }
    }

    /** Draws the chart into {@code area}, whose units are points on the page (or in the picture). */
    public static void draw(String title, TrendData data, Threshold threshold, Graphics2D g, Rectangle2D area) {
        if (form(data) != Form.SMALL_MULTIPLES) {
            chart(title, data, threshold, (float) area.getWidth()).draw(g, area);
            return;
        }
        g.setPaint(Color.WHITE);
        g.fill(area);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(BOLD.deriveFont(TITLE_PT));
        g.setPaint(TITLE);
        g.drawString(title, (float) area.getX() + 4f, (float) area.getY() + 12f);
        g.setFont(REGULAR.deriveFont(TEXT_PT));
        g.setPaint(MUTED);
        List<String> note = noteLines(panelsNote(data, threshold), (float) area.getWidth() - 8f);
        for (int i = 0; i < note.size(); i++) {
            g.drawString(note.get(i), (float) area.getX() + 4f, (float) area.getY() + 25f + i * NOTE_LINE_PT);
        }
        float header = panelsHeader(data, threshold, (float) area.getWidth());
        List<JFreeChart> panels = panels(data, threshold, (float) area.getWidth());
        int cols = columns((float) area.getWidth());
        int rows = rows(panels.size(), (float) area.getWidth());
        double w = area.getWidth() / cols;
        double h = (area.getHeight() - header) / rows;
        for (int i = 0; i < panels.size(); i++) {
            panels.get(i).draw(g, new Rectangle2D.Double(area.getX() + (i % cols) * w,
                    area.getY() + header + (i / cols) * h, w, h));
        }
    }

    /** The room above the panels: the title, and the note under it on as many lines as it takes. */
    private static float panelsHeader(TrendData data, Threshold threshold, float width) {
        return PANELS_HEADER_PT + (noteLines(panelsNote(data, threshold), width - 8f).size() - 1) * NOTE_LINE_PT;
    }

    /** {@code text} broken at spaces into lines no wider than {@code width} at the charts' text size. */
    static List<String> noteLines(String text, float width) {
        FontRenderContext frc = new FontRenderContext(null, true, true);
        Font f = REGULAR.deriveFont(TEXT_PT);
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String tried = line.length() == 0 ? word : line + " " + word;
            if (line.length() > 0 && f.getStringBounds(tried, frc).getWidth() > width) {
                out.add(line.toString());
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(tried);
            }
        }
        out.add(line.toString());
        return out;
    }

    /** The line under the title of small multiples: what the panels are, and what the bands mean. */
    static String panelsNote(TrendData data, Threshold t) {
        String each = data.reference() != null ? "Each provider on its own panel, on the same scale; grey dashes: median of "
                + data.compared() + " providers" : "Each on its own panel, on the same scale";
        if (!data.percent()) {
            return each + ".";
        }
        DecimalFormat f = new DecimalFormat("0.##");
        return each + "; bands: Green " + f.format(t.green()) + "% and over, Amber " + f.format(t.amber()) + "% to "
                + f.format(t.green()) + "%, Red below " + f.format(t.amber()) + "%.";
    }

    /** The value axis' range: a % chart from a round figure below its lowest value and the Amber bound, to just over 100. */
    private static double[] range(TrendData data, Threshold threshold) {
        if (data.percent()) {
            double min = data.values().values().stream().flatMap(List::stream).filter(java.util.Objects::nonNull)
                    .mapToDouble(Double::doubleValue).min().orElse(0);
            double lower = Math.max(0, Math.min(Math.floor((min - 5) / 10) * 10, threshold.amber() - 10));
            // headroom over 100% for the value printed above a point at 100% (ticks stop at 100%)
            boolean panels = form(data) == Form.SMALL_MULTIPLES;
            return new double[] {lower, 100 + Math.max(5, (100 - lower) * (panels ? 0.28 : 0.12))};
        }
        double max = data.max();
        return new double[] {0, data.tinyCounts() ? 3 : Math.max(3, max * 1.22)};
    }

    private static JFreeChart build(String title, TrendData data, Threshold threshold, float widthPt, double[] shared,
                                    boolean panel) {
        boolean median = data.manyProviders();
        DefaultCategoryDataset dataset = median ? withMedian(data) : dataset(data);
        List<List<String>> printed = new ArrayList<>(data.printed().values());
        if (median) {
            printed.add(data.median().stream().map(v -> v == null ? null : percent(v, threshold)).toList());
        }
        QuarterAxis x = new QuarterAxis(data.periods());
        NumberAxis y = data.percent() ? new PercentAxis() : new NumberAxis(null);
        double[] range = shared != null ? shared : range(data, threshold);
        y.setRange(range[0], range[1]);
        CategoryPlot plot;
        if (!data.percent() && dataset.getRowCount() == 1) {
            LabelledBars r = new LabelledBars(printed);
            r.setBarPainter(new StandardBarPainter());
            r.setShadowVisible(false);
            r.setSeriesPaint(0, BAR);
            r.setDrawBarOutline(false);
            r.setMaximumBarWidth(0.09);
            r.setDefaultItemLabelGenerator(new org.jfree.chart.labels.StandardCategoryItemLabelGenerator());
            r.setDefaultItemLabelsVisible(true);
            r.setDefaultItemLabelFont(REGULAR.deriveFont(TEXT_PT));
            plot = new CategoryPlot(dataset, x, y, r);
            x.setCategoryMargin(0.25);
        } else {
            LastPointLabels r = new LastPointLabels(printed);
            plot = new CategoryPlot(dataset, x, y, r);
            for (int s = 0; s < dataset.getRowCount(); s++) {
                style(r, panel ? 0 : s);
            }
            if (median) {
                // every provider a thin grey line, their median bold and labelled
                int m = dataset.getRowCount() - 1;
                for (int s = 0; s < m; s++) {
                    r.setSeriesPaint(s, new Color(0xAE, 0xB7, 0xBD));
                    r.setSeriesStroke(s, new BasicStroke(0.6f));
                    r.setSeriesShapesVisible(s, false);
                    r.setSeriesVisibleInLegend(s, false);
                    r.setSeriesItemLabelsVisible(s, false);
                }
                style(r, 0);
                r.setSeriesPaint(m, SERIES[0]);
                r.setSeriesStroke(m, new BasicStroke(2.2f));
                r.setSeriesShape(m, shape(0));
            }
            r.setDefaultItemLabelFont(REGULAR.deriveFont(TEXT_PT));
            r.setDefaultItemLabelsVisible(true);
            x.setCategoryMargin(0);
        }
        if (data.percent()) {
            y.setStandardTickUnits(percentTicks());
            band(plot, range[0], threshold.amber(), RED_BAND, panel ? null : "Red");
            band(plot, threshold.amber(), threshold.green(), AMBER_BAND, panel ? null : "Amber");
            band(plot, threshold.green(), range[1], GREEN_BAND, panel ? null : "Green");
        } else {
            y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        // a strip at the right for the bands' words, clear of the last points and their values
        double plotWidth = Math.max(60, widthPt - 48);
        x.setLowerMargin(0.03);
        x.setUpperMargin(data.percent() && !panel ? BAND_WORD_STRIP_PT / plotWidth : 0.05);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(new BasicStroke(0.5f));
        plot.setDomainGridlinesVisible(false);
        plot.setInsets(new RectangleInsets(2, 2, 2, panel ? 6 : 4));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        // a dashed line where each later year begins (its year is named under its first quarter)
        String previous = null;
        for (TrendData.Period p : data.periods()) {
            if (previous != null && !p.year().equals(previous)) {
                CategoryMarker m = new CategoryMarker(shortLabel(p), MUTED, new BasicStroke(0.8f,
                        BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {2f, 2f}, 0f));
                m.setDrawAsLine(true);
                // over the bands; it runs between two quarters, so through no point or label
                plot.addDomainMarker(m, Layer.FOREGROUND);
            }
            previous = p.year();
        }
        x.setTickLabelFont(REGULAR.deriveFont(TEXT_PT));
        x.setTickLabelPaint(TEXT);
        x.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        x.setMaximumCategoryLabelLines(2);
        x.setTickMarksVisible(false);
        x.setAxisLinePaint(MUTED);
        y.setTickLabelFont(REGULAR.deriveFont(TEXT_PT));
        y.setTickLabelPaint(TEXT);
        y.setAxisLineVisible(false);
        y.setTickMarksVisible(false);

        boolean legend = !panel && legend(title, data);
        JFreeChart chart = new JFreeChart(title, BOLD.deriveFont(panel ? PANEL_TITLE_PT : TITLE_PT), plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(2, 2, 2, 2));
        TextTitle t = chart.getTitle();
        t.setPaint(TITLE);
        t.setHorizontalAlignment(org.jfree.chart.ui.HorizontalAlignment.LEFT);
        t.setTextAlignment(org.jfree.chart.ui.HorizontalAlignment.LEFT);
        t.setPadding(new RectangleInsets(2, 4, panel ? 2 : 5, 4));
        LegendTitle l = chart.getLegend();
        if (l != null) {
            l.setItemFont(REGULAR.deriveFont(TEXT_PT));
            l.setItemPaint(TEXT);
            l.setPosition(RectangleEdge.BOTTOM);
            l.setHorizontalAlignment(org.jfree.chart.ui.HorizontalAlignment.LEFT);
            l.setFrame(org.jfree.chart.block.BlockBorder.NONE);
            l.setBackgroundPaint(Color.WHITE);
            l.setItemLabelPadding(new RectangleInsets(1, 3, 1, 10));
            l.setLegendItemGraphicPadding(new RectangleInsets(1, 2, 1, 0));
            l.setPadding(new RectangleInsets(3, 2, 0, 2));
        }
        return chart;
    }

    /** Tick units for % axes: as fine as the axis' height allows, printed "90%". */
    private static org.jfree.chart.axis.TickUnits percentTicks() {
        org.jfree.chart.axis.TickUnits units = new org.jfree.chart.axis.TickUnits();
        for (double u : new double[] {5, 10, 20, 25, 50}) {
            units.add(new NumberTickUnit(u, new DecimalFormat("0'%'")));
        }
        return units;
    }

    /** A % that is not a ratio (a median) printed to one decimal, or more where one would cross a threshold. */
    static String percent(double v, Threshold t) {
        for (int decimals = 1; decimals <= 6; decimals++) {
            java.math.BigDecimal printed = java.math.BigDecimal.valueOf(v).setScale(decimals, java.math.RoundingMode.HALF_UP);
            boolean same = true;
            for (double bound : new double[] {t.green(), t.amber()}) {
                same &= (v >= bound) == (printed.doubleValue() >= bound);
            }
            if (same) {
                return printed.toPlainString() + "%";
            }
        }
        return java.math.BigDecimal.valueOf(v).toPlainString() + "%";
    }

    private static void style(LineAndShapeRenderer r, int s) {
        r.setSeriesPaint(s, SERIES[s % SERIES.length]);
        r.setSeriesShape(s, shape(s));
        r.setSeriesStroke(s, stroke(s));
    }

    /** Series {@code s}'s line: solid, dashed, dotted or dash-dot. */
    static BasicStroke stroke(int s) {
        float[] dash = DASHES[s % DASHES.length];
        return dash == null ? new BasicStroke(1.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
                : new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
    }

    private static void band(CategoryPlot plot, double from, double to, Color colour, String word) {
        if (to <= from) {
            return;
        }
        IntervalMarker m = new IntervalMarker(from, to, colour, new BasicStroke(0f), null, null, 1f);
        if (word != null) {
            m.setLabel(word);
            m.setLabelFont(BOLD.deriveFont(TEXT_PT));
            m.setLabelPaint(MUTED);
            m.setLabelAnchor(RectangleAnchor.RIGHT);
            m.setLabelTextAnchor(TextAnchor.CENTER_RIGHT);
            m.setLabelOffset(new RectangleInsets(0, 0, 0, 3));
            m.setLabelBackgroundColor(new Color(0, 0, 0, 0));
        }
        plot.addRangeMarker(m, Layer.BACKGROUND);
    }

    static Shape shape(int series) {
        double s = 3.4;
        return switch (series % 6) {
            case 0 -> new Ellipse2D.Double(-s, -s, 2 * s, 2 * s);
            case 1 -> new Rectangle2D.Double(-s * 0.9, -s * 0.9, 1.8 * s, 1.8 * s);
            case 2 -> triangle(s * 1.1, true);
            case 3 -> diamond(s * 1.15);
            case 4 -> triangle(s * 1.1, false);
            default -> new Rectangle2D.Double(-s, -s / 2, 2 * s, s);
        };
    }

    private static Shape triangle(double s, boolean up) {
        Path2D p = new Path2D.Double();
        double d = up ? 1 : -1;
        p.moveTo(0, -s * d);
        p.lineTo(s, s * d);
        p.lineTo(-s, s * d);
        p.closePath();
        return p;
    }

    private static Shape diamond(double s) {
        Path2D p = new Path2D.Double();
        p.moveTo(0, -s);
        p.lineTo(s, 0);
        p.lineTo(0, s);
        p.lineTo(-s, 0);
        p.closePath();
        return p;
    }

    /** The smallest text the chart prints, in its own units (points when drawn at its size). */
    public static float smallestFontPt(JFreeChart chart) {
        List<Font> fonts = new ArrayList<>();
        for (Object o : chart.getSubtitles()) {
            if (o instanceof LegendTitle l) {
                fonts.add(l.getItemFont());
            } else if (o instanceof TextTitle t) {
                fonts.add(t.getFont());
            }
        }
        if (chart.getTitle() != null) {
            fonts.add(chart.getTitle().getFont());
        }
        CategoryPlot plot = (CategoryPlot) chart.getPlot();
        for (org.jfree.chart.axis.Axis a : List.of(plot.getDomainAxis(), plot.getRangeAxis())) {
            if (a.isTickLabelsVisible()) {
                fonts.add(a.getTickLabelFont());
            }
            if (a.getLabel() != null) {
                fonts.add(a.getLabelFont());
            }
        }
        if (plot.getRenderer().getDefaultItemLabelsVisible()) {
            fonts.add(plot.getRenderer().getDefaultItemLabelFont());
        }
        List<Marker> markers = new ArrayList<>();
        for (Layer layer : List.of(Layer.BACKGROUND, Layer.FOREGROUND)) {
            if (plot.getRangeMarkers(layer) != null) {
                plot.getRangeMarkers(layer).forEach(m -> markers.add((Marker) m));
            }
            if (plot.getDomainMarkers(layer) != null) {
                plot.getDomainMarkers(layer).forEach(m -> markers.add((Marker) m));
            }
        }
        for (Marker m : markers) {
            if (m.getLabel() != null) {
                fonts.add(m.getLabelFont());
            }
        }
        return (float) fonts.stream().mapToDouble(Font::getSize2D).min().orElse(Float.MAX_VALUE);
    }

    /** The smallest text of the whole drawing of small multiples: the panels' and the note under the title. */
    static float smallestFontPt(String title, TrendData data, Threshold threshold) {
        if (form(data) != Form.SMALL_MULTIPLES) {
            return smallestFontPt(chart(title, data, threshold));
        }
        float min = TEXT_PT;
        for (JFreeChart p : panels(data, threshold, widthPt(data))) {
            min = Math.min(min, smallestFontPt(p));
        }
        return min;
    }

    /** The series' names as the chart shows them: its legend's items, or its panels' titles. */
    static List<String> names(String title, TrendData data, Threshold threshold) {
        List<String> out = new ArrayList<>();
        if (form(data) == Form.SMALL_MULTIPLES) {
            panels(data, threshold, widthPt(data)).forEach(p -> out.add(p.getTitle().getText().replace("\n", " ").strip()));
            return out;
        }
        JFreeChart c = chart(title, data, threshold);
        if (c.getLegend() == null) {
            out.add(c.getTitle().getText());
            return out;
        }
        LegendItemCollection items = c.getPlot().getLegendItems();
        for (int i = 0; i < items.getItemCount(); i++) {
            LegendItem item = items.get(i);
            out.add(item.getLabel());
        }
        return out;
    }

    /** The category axis of quarters: "Q1" .. "Q4" under each point, the year under its first quarter. */
    static final class QuarterAxis extends CategoryAxis {
        private final Map<String, TrendData.Period> periods = new java.util.HashMap<>();
        private final String first;

        QuarterAxis(List<TrendData.Period> ps) {
            super(null);
            ps.forEach(p -> periods.put(shortLabel(p), p));
            first = ps.isEmpty() ? null : shortLabel(ps.get(0));
        }

        @Override
        protected TextBlock createLabel(Comparable category, float width, RectangleEdge edge, Graphics2D g2) {
            TrendData.Period p = periods.get(category.toString());
            TextBlock b = new TextBlock();
            if (p == null) {
                b.addLine(category.toString(), getTickLabelFont(category), getTickLabelPaint(category));
                return b;
            }
            Font f = getTickLabelFont(category);
            String q = p.quarter().name();
            boolean room = f.getStringBounds(q, g2.getFontRenderContext()).getWidth() + 2 <= width;
            boolean yearStarts = p.quarter() == org.safeguardingreport.model.Quarter.Q1 || category.toString().equals(first);
            b.addLine(room || yearStarts ? q : " ", f, getTickLabelPaint(category));
            b.addLine(yearStarts ? p.year() : " ", f, MUTED);
            return b;
        }
    }

    /**
     * The values printed on one plot: asked for while its points are drawn, placed once all are,
     * each above its point or else below it, and left out where it would cover a point, a line or
     * another value, or leave the plot.
     */
    private static final class Labels {
        private record Wanted(String text, double x, double y, double clearance, boolean belowToo) {
        }

        private final List<Wanted> wanted = new ArrayList<>();
        private final List<Rectangle2D> taken = new ArrayList<>();
        private final List<java.awt.geom.Line2D> lines = new ArrayList<>();
        private Rectangle2D area;

        void reset(Rectangle2D dataArea) {
            wanted.clear();
            taken.clear();
            lines.clear();
            area = dataArea;
        }

        void want(String text, double x, double y, double clearance, boolean belowToo) {
            if (text != null) {
                wanted.add(new Wanted(text, x, y, clearance, belowToo));
            }
        }

        /** A point's marker or a bar: no value is printed over it. */
        void point(Rectangle2D r) {
            taken.add(r);
        }

        /** A line between two points: no value is printed across it. */
        void line(double x0, double y0, double x1, double y1) {
            lines.add(new java.awt.geom.Line2D.Double(x0, y0, x1, y1));
        }

        /** Prints every value that has room, in the order asked. */
        void draw(Graphics2D g) {
            if (area == null) {
                return;
            }
            Font f = REGULAR.deriveFont(TEXT_PT);
            for (Wanted l : wanted) {
                java.awt.font.LineMetrics lm = f.getLineMetrics(l.text(), g.getFontRenderContext());
                double w = f.getStringBounds(l.text(), g.getFontRenderContext()).getWidth();
                double h = lm.getAscent() + lm.getDescent();
                List<Rectangle2D> tries = new ArrayList<>();
                tries.add(new Rectangle2D.Double(l.x() - w / 2, l.y() - l.clearance() - h, w, h));
                if (l.belowToo()) {
                    tries.add(new Rectangle2D.Double(l.x() - w / 2, l.y() + l.clearance(), w, h));
                    // then to the left of the point, above or below its line, where a line passes over or under it
                    tries.add(new Rectangle2D.Double(l.x() - w - 3, l.y() - l.clearance() - h, w, h));
                    tries.add(new Rectangle2D.Double(l.x() - w - 3, l.y() + l.clearance(), w, h));
                }
                for (Rectangle2D r : tries) {
                    Rectangle2D margin = new Rectangle2D.Double(r.getX() - 1.5, r.getY() - 1, r.getWidth() + 3, r.getHeight() + 2);
                    boolean inside = r.getMinY() >= area.getMinY() - 1 && r.getMaxY() <= area.getMaxY() + 0.5
                            && r.getMinX() >= area.getMinX() - 2 && r.getMaxX() <= area.getMaxX() + 2;
                    if (inside && taken.stream().noneMatch(margin::intersects) && lines.stream().noneMatch(s -> s.intersects(margin))) {
                        g.setFont(f);
                        g.setPaint(TEXT);
                        g.drawString(l.text(), (float) r.getX(), (float) (r.getY() + lm.getAscent()));
                        taken.add(r);
                        break;
                    }
                }
            }
            wanted.clear();
        }
    }

    /** Lines whose last value is printed beside their last point; labels never overlap (one left out instead). */
    static final class LastPointLabels extends LineAndShapeRenderer {
        private final List<List<String>> printed;
        private final transient Labels labels = new Labels();

        LastPointLabels(List<List<String>> printed) {
            super(true, true);
            this.printed = printed;
        }

        @Override
        public CategoryItemRendererState initialise(Graphics2D g2, Rectangle2D dataArea, CategoryPlot plot, int rendererIndex,
                                                    PlotRenderingInfo info) {
            labels.reset(dataArea);
            return super.initialise(g2, dataArea, plot, rendererIndex, info);
        }

        @Override
        public boolean isItemLabelVisible(int row, int column) {
            if (!super.isItemLabelVisible(row, column) || row >= printed.size()) {
                return false;
            }
            List<String> p = printed.get(row);
            int last = p.size() - 1;
            while (last >= 0 && p.get(last) == null) {
                last--;
            }
            return column == last;
        }

        @Override
        protected void drawItemLabel(Graphics2D g2, PlotOrientation orientation, CategoryDataset dataset, int row, int column,
                                     double x, double y, boolean negative) {
            labels.want(printed.get(row).get(column), x, y, 5, true);
        }

        @Override
        public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot,
                             CategoryAxis domainAxis, org.jfree.chart.axis.ValueAxis rangeAxis, CategoryDataset dataset,
                             int row, int column, int pass) {
            super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
            Number v = dataset.getValue(row, column);
            // the commissioner's thin grey lines (no markers) may be printed over; every drawn series may not
            boolean drawn = getSeriesShapesVisible(row) == null || getSeriesShapesVisible(row);
            // a provider panel's median line (a row beyond the printed ones) is not printed over either
            boolean reference = row >= printed.size();
            if (pass == 1 && v != null && isSeriesVisible(row) && (drawn || reference)) {
                int n = dataset.getColumnCount();
                double x = domainAxis.getCategoryMiddle(column, n, dataArea, plot.getDomainAxisEdge());
                double y = rangeAxis.valueToJava2D(v.doubleValue(), dataArea, plot.getRangeAxisEdge());
                if (drawn) {
                    labels.point(new Rectangle2D.Double(x - 3.5, y - 3.5, 7, 7));
                }
                Number before = column > 0 ? dataset.getValue(row, column - 1) : null;
                if (before != null) {
                    labels.line(domainAxis.getCategoryMiddle(column - 1, n, dataArea, plot.getDomainAxisEdge()),
                            rangeAxis.valueToJava2D(before.doubleValue(), dataArea, plot.getRangeAxisEdge()), x, y);
                }
            }
            // the values are printed once the last row in drawing order is drawn (the first, drawn in reverse)
            int lastRow = plot.getRowRenderingOrder() == org.jfree.chart.util.SortOrder.ASCENDING ? dataset.getRowCount() - 1 : 0;
            if (pass == getPassCount() - 1 && row == lastRow && column == dataset.getColumnCount() - 1) {
                labels.draw(g2);
            }
        }

        @Override
        public void drawDomainMarker(Graphics2D g2, CategoryPlot plot, CategoryAxis axis, org.jfree.chart.plot.CategoryMarker marker,
                                     Rectangle2D dataArea) {
            yearLine(g2, plot, axis, marker, dataArea);
        }

        @Override
        public boolean equals(Object o) {
            return o == this;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    /** Bars with their value over each, as printed; a label that would cover another is left out. */
    static final class LabelledBars extends BarRenderer {
        private final List<List<String>> printed;
        private final transient Labels labels = new Labels();

        LabelledBars(List<List<String>> printed) {
            this.printed = printed;
        }

        @Override
        public CategoryItemRendererState initialise(Graphics2D g2, Rectangle2D dataArea, CategoryPlot plot, int rendererIndex,
                                                    PlotRenderingInfo info) {
            labels.reset(dataArea);
            return super.initialise(g2, dataArea, plot, rendererIndex, info);
        }

        @Override
        protected void drawItemLabel(Graphics2D g2, CategoryDataset data, int row, int column, CategoryPlot plot,
                                     CategoryItemLabelGenerator generator, Rectangle2D bar, boolean negative) {
            labels.want(printed.get(row).get(column), bar.getCenterX(), bar.getMinY(), 2, false);
        }

        @Override
        public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot,
                             CategoryAxis domainAxis, org.jfree.chart.axis.ValueAxis rangeAxis, CategoryDataset dataset,
                             int row, int column, int pass) {
            super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
            if (pass == getPassCount() - 1 && row == dataset.getRowCount() - 1 && column == dataset.getColumnCount() - 1) {
                labels.draw(g2);
            }
        }

        @Override
        public void drawDomainMarker(Graphics2D g2, CategoryPlot plot, CategoryAxis axis, org.jfree.chart.plot.CategoryMarker marker,
                                     Rectangle2D dataArea) {
            yearLine(g2, plot, axis, marker, dataArea);
        }

        @Override
        public boolean equals(Object o) {
            return o == this;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    /** A year's dashed line, between its first quarter and the quarter before, not through the points. */
    private static void yearLine(Graphics2D g2, CategoryPlot plot, CategoryAxis axis, org.jfree.chart.plot.CategoryMarker marker,
                                 Rectangle2D dataArea) {
        int column = plot.getCategories().indexOf(marker.getKey());
        if (column <= 0) {
            return;
        }
        int count = plot.getCategories().size();
        double x = (axis.getCategoryEnd(column - 1, count, dataArea, plot.getDomainAxisEdge())
                + axis.getCategoryStart(column, count, dataArea, plot.getDomainAxisEdge())) / 2;
        g2.setPaint(marker.getPaint());
        g2.setStroke(marker.getStroke());
        g2.draw(new java.awt.geom.Line2D.Double(x, dataArea.getMinY(), x, dataArea.getMaxY()));
    }

    /** Pictures of recent charts: a rebuild in the same process (a watch) reuses those whose data did not change. */
    private static final Map<List<Object>, byte[]> PICTURES = org.safeguardingreport.cache.Recent.map(64);

    /** The chart as a picture of its own width ({@link Chart#widthPt}) at {@code dpi}, drawn once for equal data. */
    public static byte[] png(Chart chart, int dpi) {
        List<Object> key = List.of(chart, dpi);
        byte[] png = PICTURES.get(key);
        if (png == null) {
            png = png(chart, chart.widthPt(), chart.heightPt(), dpi);
            PICTURES.put(key, png);
        }
        return png;
    }

    /** The chart as an RGB picture (no transparency) at {@code dpi}, for Word. */
    public static byte[] png(Chart chart, float widthPt, float heightPt, int dpi) {
        BufferedImage img = image(chart, widthPt, heightPt, dpi);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        // in memory, not through a temporary file; the fastest deflate level: a chart's flat colours
        // compress well at any level, and the default spends most of a Word build's time here
        try (javax.imageio.stream.ImageOutputStream ios = new javax.imageio.stream.MemoryCacheImageOutputStream(out)) {
            javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            writer.setOutput(ios);
            writer.write(null, new javax.imageio.IIOImage(img, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** The chart drawn on white at {@code dpi}, {@code widthPt} by {@code heightPt} points. */
    public static BufferedImage image(Chart chart, float widthPt, float heightPt, int dpi) {
        int w = Math.round(widthPt * dpi / 72f);
        int h = Math.round(heightPt * dpi / 72f);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setPaint(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.scale(w / (double) widthPt, h / (double) heightPt);
            chart.draw(g, new Rectangle2D.Float(0, 0, widthPt, heightPt));
        } finally {
            g.dispose();
        }
        return img;
    }
}
