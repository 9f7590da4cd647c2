package org.safeguardingreport.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryMarker;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

import org.safeguardingreport.model.MeasureCatalog;
import org.safeguardingreport.model.Threshold;

/**
 * Draws trend charts with JFreeChart in one restrained style: NHS blues for the series, told apart
 * by marker shape and dash as well as colour; the Red / Amber / Green bands behind % charts, each
 * labelled with its word; every point labelled with its value; a gap where a quarter is absent;
 * year boundaries marked. Fonts are the shipped ones, so charts are the same on every machine.
 */
public final class ChartMaker {
    public static final float WIDTH_PT = 482f;
    /** More series than this are drawn as thin grey lines under their median. */
    public static final int MAX_LINES = 8;
    private static final Color[] SERIES = {new Color(0x005EB8), new Color(0x003087), new Color(0x41B6E6),
            new Color(0x425563), new Color(0x0072CE), new Color(0x768692), new Color(0x00A9CE), new Color(0x231F20)};
    private static final Color RED_BAND = new Color(0xF7D0D2);
    private static final Color AMBER_BAND = new Color(0xFFE9B0);
    private static final Color GREEN_BAND = new Color(0xD5EED9);
    private static final Color GRID = new Color(0xD8DDE0);
    private static final Color TEXT = new Color(0x231F20);
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

    /** Height in points: more room for the legend when there are many series. */
    public static float heightPt(int series) {
        int legend = series > MAX_LINES ? 1 : series;
        return 200f + (legend > 1 ? 14f * ((legend + 2) / 3) : series > MAX_LINES ? 14f : 0f);
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

    public static JFreeChart chart(String title, TrendData data, Threshold threshold) {
        boolean many = data.values().size() > MAX_LINES;
        DefaultCategoryDataset dataset = many ? withMedian(data) : dataset(data);
        CategoryAxis x = new CategoryAxis(null);
        NumberAxis y = new NumberAxis(data.percent() ? "%" : "Number");
        CategoryPlot plot;
        if (data.percent()) {
            LineAndShapeRenderer r = new LineAndShapeRenderer(true, true);
            plot = new CategoryPlot(dataset, x, y, r);
            double min = data.values().values().stream().flatMap(List::stream).filter(java.util.Objects::nonNull)
                    .mapToDouble(Double::doubleValue).min().orElse(0);
            double lower = Math.max(0, Math.min(Math.floor((min - 5) / 10) * 10, threshold.amber() - 10));
            y.setRange(lower, 104);
            y.setTickUnit(new NumberTickUnit(10, new DecimalFormat("0'%'")));
            band(plot, lower, threshold.amber(), RED_BAND, "Red");
            band(plot, threshold.amber(), threshold.green(), AMBER_BAND, "Amber");
            band(plot, threshold.green(), 104, GREEN_BAND, "Green");
            for (int s = 0; s < dataset.getRowCount(); s++) {
                r.setSeriesPaint(s, SERIES[s % SERIES.length]);
                r.setSeriesShape(s, shape(s));
                r.setSeriesStroke(s, s % 2 == 0 ? new BasicStroke(1.6f)
                        : new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 3f}, 0f));
            }
            r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new DecimalFormat("0.0")));
            r.setDefaultItemLabelsVisible(dataset.getRowCount() <= 4);
            if (many) {
                // every provider a thin grey line, their median bold and labelled
                int median = dataset.getRowCount() - 1;
                for (int s = 0; s < median; s++) {
                    r.setSeriesPaint(s, new Color(0xAE, 0xB7, 0xBD));
                    r.setSeriesStroke(s, new BasicStroke(0.6f));
                    r.setSeriesShapesVisible(s, false);
                    r.setSeriesVisibleInLegend(s, false);
                    r.setSeriesItemLabelsVisible(s, false);
                }
                r.setSeriesPaint(median, SERIES[0]);
                r.setSeriesStroke(median, new BasicStroke(2.2f));
                r.setSeriesShape(median, shape(0));
                r.setSeriesItemLabelsVisible(median, true);
            }
            r.setDefaultItemLabelFont(REGULAR.deriveFont(6.5f));
            r.setDefaultItemLabelPaint(TEXT);
            r.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
        } else {
            BarRenderer r = new BarRenderer();
            r.setBarPainter(new StandardBarPainter());
            r.setShadowVisible(false);
            r.setItemMargin(0.05);
            plot = new CategoryPlot(dataset, x, y, r);
            y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            y.setUpperMargin(0.15);
            for (int s = 0; s < dataset.getRowCount(); s++) {
                r.setSeriesPaint(s, SERIES[s % SERIES.length]);
                r.setSeriesOutlinePaint(s, Color.WHITE);
            }
            r.setDrawBarOutline(true);
            r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new DecimalFormat("0")));
            r.setDefaultItemLabelsVisible(true);
            r.setDefaultItemLabelFont(REGULAR.deriveFont(6.5f));
            r.setDefaultItemLabelPaint(TEXT);
            r.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
        }
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(new BasicStroke(0.5f));
        plot.setDomainGridlinesVisible(false);
        plot.setInsets(new RectangleInsets(4, 4, 4, 8));
        // a line where each later year begins
        String previous = null;
        for (TrendData.Period p : data.periods()) {
            if (previous != null && !p.year().equals(previous)) {
                CategoryMarker m = new CategoryMarker(shortLabel(p), new Color(0x425563), new BasicStroke(0.8f,
                        BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {2f, 2f}, 0f));
                m.setDrawAsLine(true);
                m.setLabel(p.year() + " \u2192");
                m.setLabelFont(REGULAR.deriveFont(7f));
                m.setLabelPaint(new Color(0x425563));
                m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
                m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
                m.setLabelBackgroundColor(new Color(0, 0, 0, 0));
                plot.addDomainMarker(m, Layer.FOREGROUND);
            }
            previous = p.year();
        }
        x.setTickLabelFont(REGULAR.deriveFont(7f));
        x.setTickLabelPaint(TEXT);
        x.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        x.setCategoryMargin(data.percent() ? 0.05 : 0.2);
        y.setTickLabelFont(REGULAR.deriveFont(7f));
        y.setLabelFont(REGULAR.deriveFont(7.5f));
        y.setTickLabelPaint(TEXT);

        JFreeChart chart = new JFreeChart(title, BOLD.deriveFont(9.5f), plot, dataset.getRowCount() > 1);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        TextTitle t = chart.getTitle();
        t.setPaint(new Color(0x003087));
        t.setHorizontalAlignment(org.jfree.chart.ui.HorizontalAlignment.LEFT);
        t.setPadding(new RectangleInsets(2, 4, 4, 4));
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(REGULAR.deriveFont(7f));
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
            legend.setBackgroundPaint(Color.WHITE);
        }
        return chart;
    }

    private static void band(CategoryPlot plot, double from, double to, Color colour, String word) {
        if (to <= from) {
            return;
        }
        IntervalMarker m = new IntervalMarker(from, to, colour, new BasicStroke(0f), null, null, 1f);
        m.setLabel(word);
        m.setLabelFont(BOLD.deriveFont(7f));
        m.setLabelPaint(new Color(0x425563));
        m.setLabelAnchor(RectangleAnchor.RIGHT);
        m.setLabelTextAnchor(TextAnchor.CENTER_RIGHT);
        m.setLabelOffset(new RectangleInsets(0, 0, 0, 3));
        m.setLabelBackgroundColor(new Color(0, 0, 0, 0));
        plot.addRangeMarker(m, Layer.BACKGROUND);
    }

    private static Shape shape(int series) {
        double s = 3.2;
        return switch (series % 6) {
            case 0 -> new Ellipse2D.Double(-s, -s, 2 * s, 2 * s);
            case 1 -> new Rectangle2D.Double(-s, -s, 2 * s, 2 * s);
            case 2 -> triangle(s, true);
            case 3 -> diamond(s);
            case 4 -> triangle(s, false);
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

    /** Pictures of recent charts: a rebuild in the same process (a watch) reuses those whose data did not change. */
    private static final Map<List<Object>, byte[]> PICTURES = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<List<Object>, byte[]> eldest) {
                    return size() > 64;
                }
            });

    /** The chart as a picture the width of the text at {@code dpi}, drawn once for equal data. */
    public static byte[] png(Chart chart, int dpi) {
        List<Object> key = List.of(chart, dpi);
        byte[] png = PICTURES.get(key);
        if (png == null) {
            png = png(chart.draw(), WIDTH_PT, chart.heightPt(), dpi);
            PICTURES.put(key, png);
        }
        return png;
    }

    /** The chart as an RGB picture (no transparency) at {@code dpi}, for Word. */
    public static byte[] png(JFreeChart chart, float widthPt, float heightPt, int dpi) {
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
}
