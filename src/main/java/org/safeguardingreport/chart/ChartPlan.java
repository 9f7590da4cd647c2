package org.safeguardingreport.chart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.safeguardingreport.model.Bundle;
import org.safeguardingreport.model.DataYear;
import org.safeguardingreport.model.Frequency;
import org.safeguardingreport.model.Measure;
import org.safeguardingreport.model.MeasureCatalog;
import org.safeguardingreport.model.MeasureKind;
import org.safeguardingreport.model.MeasureValue;
import org.safeguardingreport.model.Quarter;
import org.safeguardingreport.model.Template;

/**
 * Which charts a report holds. Each standard's dashboard shows the template's chart groups for
 * that standard (training levels together, supervision by service, ...), then one chart for each
 * other quarterly measure with data; narrative {@code {{chart ...}}} directives add their own.
 * Every chart is registered under an id that the layouts refer to.
 */
public final class ChartPlan {
    private final Bundle bundle;
    private final Map<String, Chart> charts = new LinkedHashMap<>();
    private final String prefix;

    public ChartPlan(Bundle bundle) {
        this(bundle, "chart-");
    }

    /** Ids start with {@code prefix}, so that charts of several bundles can share one document. */
    public ChartPlan(Bundle bundle, String prefix) {
        this.bundle = bundle;
        this.prefix = prefix;
    }

    /** Every chart registered so far, by id. */
    public Map<String, Chart> charts() {
        return java.util.Collections.unmodifiableMap(charts);
    }

    /** A chart of the given measures, registered; its title is the one measure's label or the group's. */
    public Chart add(String title, List<String> measureIds) {
        String id = prefix + (charts.size() + 1);
        TrendData data = TrendData.of(bundle, measureIds);
        Chart c = new Chart(id, title, data, bundle.template().threshold(measureIds.get(0)));
        charts.put(id, c);
        return c;
    }

    /** The charts of standard {@code n}'s dashboard, in order. */
    public List<Chart> forStandard(int n) {
        List<Chart> out = new ArrayList<>();
        Set<String> grouped = new LinkedHashSet<>();
        for (Template.ChartGroup g : bundle.template().charts()) {
            grouped.addAll(g.measures());
            List<String> withData = g.measures().stream().filter(this::hasData).toList();
            if (!withData.isEmpty() && MeasureCatalog.get().measure(withData.get(0)).orElseThrow().standard() == n) {
                out.add(add(g.title(), withData));
            }
        }
        for (Measure m : MeasureCatalog.get().all()) {
            if (m.standard() == n && m.frequency() == Frequency.QUARTERLY && m.kind() != MeasureKind.YES_NO
                    && !grouped.contains(m.id()) && hasData(m.id())) {
                out.add(add(m.label(), List.of(m.id())));
            }
        }
        return out;
    }

    /** Whether any quarter of any year has a figure to plot (what {@link TrendData#hasData} would say, without building it). */
    private boolean hasData(String id) {
        for (DataYear y : bundle.data().values()) {
            for (Quarter q : Quarter.values()) {
                var value = y.quarterly(id, q);
                if (value.isPresent() && (value.get() instanceof MeasureValue.Ratio r && r.denominator() > 0
                        || value.get() instanceof MeasureValue.Count)) {
                    return true;
                }
            }
        }
        return false;
    }
}
