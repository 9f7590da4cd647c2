package org.safeguardingreport.pdf;

import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import com.openhtmltopdf.extend.FSObjectDrawer;
import com.openhtmltopdf.extend.FSObjectDrawerFactory;
import com.openhtmltopdf.pdfboxout.PdfBoxImage;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.w3c.dom.Element;

import org.safeguardingreport.chart.Chart;
import org.safeguardingreport.chart.ChartMaker;

/**
 * Draws {@code <object type="application/x-safeguarding-chart" data-chart="ID">} elements: the
 * registered chart is painted straight onto the PDF page through PDFBox's Graphics2D, as vectors.
 * The element's alt attribute becomes the figure's alternate text in the tagged PDF.
 * <p>
 * A preview's pages ({@link #pictures}) show each chart as a picture instead, drawn once for equal
 * data and kept compressed between rebuilds, so that a rebuild whose figures did not change does
 * not draw its charts again.
 */
public final class ChartDrawers implements FSObjectDrawerFactory {
    public static final String TYPE = "application/x-safeguarding-chart";
    /** Points in a CSS pixel (1/96 inch). */
    public static final float PT_PER_PX = 72f / 96f;
    /** A preview's chart pictures: sharp up to a zoom of 150% of a 96 dpi page. */
    static final int PICTURE_DPI = 150;

    private final Map<String, Chart> charts;
    private final PDDocument pictureDoc;
    private final Map<String, PDImageXObject> placed = new HashMap<>();

    private ChartDrawers(Map<String, Chart> charts, PDDocument pictureDoc) {
        this.charts = charts;
        this.pictureDoc = pictureDoc;
    }

    /** Charts drawn as vectors. */
    public ChartDrawers(Map<String, Chart> charts) {
        this(charts, null);
    }

    /** Charts shown as pictures in {@code doc} (a preview's pages). */
    static ChartDrawers pictures(Map<String, Chart> charts, PDDocument doc) {
        return new ChartDrawers(charts, doc);
    }

    @Override
    public boolean isReplacedObject(Element e) {
        return TYPE.equals(e.getAttribute("type"));
    }

    @Override
    public FSObjectDrawer createDrawer(Element e) {
        Chart chart = charts.get(e.getAttribute("data-chart"));
        if (chart == null || !isReplacedObject(e)) {
            return null;
        }
        return (el, x, y, width, height, out, ctx, dotsPerPixel) -> {
            // the graphics' units are CSS pixels; the chart is laid out in points, so that its text
            // is printed at the sizes it names (8 pt is 8 pt on the page)
            float w = (float) (width / dotsPerPixel);
            float h = (float) (height / dotsPerPixel);
            float wPt = w * PT_PER_PX;
            float hPt = h * PT_PER_PX;
            if (pictureDoc != null) {
                PDImageXObject picture = placed.computeIfAbsent(chart.id(), id -> picture(chart, wPt, hPt));
                out.drawImage(new PdfBoxImage(null, chart.id(), (float) width, (float) height, picture),
                        (int) Math.round(x), (int) Math.round(y), true);
                return Map.<Shape, String>of();
            }
            out.drawWithGraphics((float) x, (float) y, w, h, g -> {
                g.scale(1 / PT_PER_PX, 1 / PT_PER_PX);
                chart.draw(g, new Rectangle2D.Float(0f, 0f, wPt, hPt));
            });
            return Map.<Shape, String>of();
        };
    }

    private PDImageXObject picture(Chart chart, float wPt, float hPt) {
        Encoded enc = ENCODED.computeIfAbsent(List.of(chart, wPt, hPt), k -> encode(chart, wPt, hPt));
        try {
            return new PDImageXObject(pictureDoc, new ByteArrayInputStream(enc.flate()), COSName.FLATE_DECODE,
                    enc.width(), enc.height(), 8, PDDeviceRGB.INSTANCE);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** A chart picture's RGB samples, deflated as a PDF image stream holds them. */
    private record Encoded(byte[] flate, int width, int height) {
    }

    private static final Map<List<Object>, Encoded> ENCODED = org.safeguardingreport.cache.Recent.map(128);

    private static Encoded encode(Chart chart, float wPt, float hPt) {
        BufferedImage img = ChartMaker.image(chart, wPt, hPt, PICTURE_DPI);
        int w = img.getWidth();
        int h = img.getHeight();
        int[] rgb = img.getRGB(0, 0, w, h, null, 0, w);
        byte[] samples = new byte[rgb.length * 3];
        for (int i = 0, j = 0; i < rgb.length; i++) {
            samples[j++] = (byte) (rgb[i] >> 16);
            samples[j++] = (byte) (rgb[i] >> 8);
            samples[j++] = (byte) rgb[i];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(samples.length / 8);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (DeflaterOutputStream z = new DeflaterOutputStream(out, deflater)) {
            z.write(samples);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
        }
        return new Encoded(out.toByteArray(), w, h);
    }
}
