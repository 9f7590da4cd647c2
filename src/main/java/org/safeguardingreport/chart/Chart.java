package org.safeguardingreport.chart;

import org.jfree.chart.JFreeChart;

import org.safeguardingreport.model.Threshold;

/** One chart of a report: what it shows, its alt text, and its size on the page. */
public record Chart(String id, String title, TrendData data, Threshold threshold) {

    public String alt() {
        return title + ". " + data.describe() + ".";
    }

    public float heightPt() {
        return ChartMaker.heightPt(data.values().size());
    }

    public JFreeChart draw() {
        return ChartMaker.chart(title, data, threshold);
    }
}
