package org.safeguardingreport.chart;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

import org.safeguardingreport.model.Threshold;

/** One chart of a report: what it shows, its alt text, and its size on the page. */
public record Chart(String id, String title, TrendData data, Threshold threshold) {

    public String alt() {
        return title + ". " + data.describe() + ".";
    }

    /** How it is drawn: one plot, small multiples, or (the commissioner's many providers only) a median. */
    public ChartMaker.Form form() {
        return ChartMaker.form(data);
    }

    /** Whether it takes half the text width, beside another. */
    public boolean half() {
        return ChartMaker.half(data);
    }

    /** Its width as drawn for Word, where its picture is placed at this size. */
    public float widthPt() {
        return ChartMaker.widthPt(data);
    }

    public float heightPt() {
        return ChartMaker.heightPt(title, data, threshold);
    }

    /** Its place in a layout: half or all of the text width, and its height. */
    public String style() {
        // half-width charts float two abreast, each moved to the next page alone when it does not fit
        // (inline, a row of them moved as one); a full-width chart is a block below them
        return (half() ? "float: left; width: 48.5%; margin-right: 1.5%" : "display: block; clear: both; width: 100%")
                + "; height: " + Math.round(heightPt()) + "pt";
    }

    /** Draws it into {@code area}, in points: text is drawn at its own size whatever the area's. */
    public void draw(Graphics2D g, Rectangle2D area) {
        ChartMaker.draw(title, data, threshold, g, area);
    }

    /** The smallest text it prints, in points, when drawn at its own size. */
    public float smallestFontPt() {
        return ChartMaker.smallestFontPt(title, data, threshold);
    }

    /** The names it gives its series: its legend, or its panels' titles. */
    public List<String> names() {
        return ChartMaker.names(title, data, threshold);
    }
}
