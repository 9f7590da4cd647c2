package org.safeguardingreport.pdf;

import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.util.Map;

import com.openhtmltopdf.extend.FSObjectDrawer;
import com.openhtmltopdf.extend.FSObjectDrawerFactory;

import org.w3c.dom.Element;

import org.safeguardingreport.chart.Chart;

/**
 * Draws {@code <object type="application/x-safeguarding-chart" data-chart="ID">} elements: the
 * registered chart is painted straight onto the PDF page through PDFBox's Graphics2D, as vectors.
 * The element's alt attribute becomes the figure's alternate text in the tagged PDF.
 */
public final class ChartDrawers implements FSObjectDrawerFactory {
    public static final String TYPE = "application/x-safeguarding-chart";
    /** Points in a CSS pixel (1/96 inch). */
    public static final float PT_PER_PX = 72f / 96f;

    private final Map<String, Chart> charts;

    public ChartDrawers(Map<String, Chart> charts) {
        this.charts = charts;
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
            out.drawWithGraphics((float) x, (float) y, w, h, g -> {
                g.scale(1 / PT_PER_PX, 1 / PT_PER_PX);
                chart.draw(g, new Rectangle2D.Float(0f, 0f, wPt, hPt));
            });
            return Map.<Shape, String>of();
        };
    }
}
