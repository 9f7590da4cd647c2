package org.safeguardingreport.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.safeguardingreport.model.Bundle;
import org.safeguardingreport.model.DataYear;
import org.safeguardingreport.model.Measure;
import org.safeguardingreport.model.MeasureValue;
import org.safeguardingreport.model.Quarter;
import org.safeguardingreport.model.Rating;

/**
 * The values behind a {@code {{chart ...}}} directive, over every quarter the data holds, as a
 * table: each measure a row, each quarter a column, % cells carrying their rating.
 */
public final class TrendTables {
    private final Bundle bundle;

    public TrendTables(Bundle bundle) {
        this.bundle = bundle;
    }

    public String table(List<String> measureIds) {
        List<DataYear> years = new ArrayList<>(bundle.data().values());
        StringBuilder h = new StringBuilder("<table class=\"trend\"><thead><tr><th scope=\"col\">Measure</th>");
        for (DataYear y : years) {
            for (Quarter q : Quarter.values()) {
                h.append("<th scope=\"col\">").append(esc(y.year().label())).append("<br/>").append(q.name()).append("</th>");
            }
        }
        h.append("</tr></thead><tbody>");
        for (String id : measureIds) {
            Measure m = Figures.measure(id);
            h.append("<tr><th scope=\"row\">").append(esc(m.label())).append("</th>");
            for (DataYear y : years) {
                for (Quarter q : Quarter.values()) {
                    Optional<MeasureValue> v = y.quarterly(id, q);
                    Optional<Rating> r = Figures.rating(bundle, id, v);
                    h.append("<td class=\"num").append(r.map(x -> " rag-" + x.word().toLowerCase(Locale.ROOT)).orElse(""))
                            .append("\">").append(esc(Figures.format(v)));
                    r.ifPresent(x -> h.append("<span class=\"rag-word\">").append(x.word()).append("</span>"));
                    h.append("</td>");
                }
            }
            h.append("</tr>");
        }
        return h.append("</tbody></table>").toString();
    }

    static String esc(String s) {
        return Html.escape(s);
    }
}
