package org.safeguardingreport.docx;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.docx4j.wml.P;
import org.docx4j.wml.R;
import org.docx4j.wml.Tbl;
import org.docx4j.wml.Tc;

import org.safeguardingreport.model.Rating;

/** A standard's dashboard as a Word table. */
final class TrendTable {
    private TrendTable() {
    }

    /** A standard's dashboard from the same rows the PDF layout shows. */
    @SuppressWarnings("unchecked")
    static Tbl dashboard(Map<String, Object> dashboard) {
        int label = 3026;
        int width = 1200;
        Tbl tbl = Wml.table(label, width, width, width, width, width);
        Wml.tableStyle(tbl, "ReportTable");
        tbl.getContent().add(Wml.row(true, Wml.headCell(label, "Measure"), Wml.headCell(width, "Q1"), Wml.headCell(width, "Q2"),
                Wml.headCell(width, "Q3"), Wml.headCell(width, "Q4"), Wml.headCell(width, "Year")));
        for (Map<String, Object> row : (List<Map<String, Object>>) dashboard.get("rows")) {
            List<Tc> cells = new ArrayList<>();
            cells.add(Wml.cell(label, null, List.of(Wml.para(null, (String) row.get("label")))));
            List<Map<String, Object>> cellsOf = new ArrayList<>((List<Map<String, Object>>) row.get("quarters"));
            cellsOf.add((Map<String, Object>) row.get("year"));
            for (Map<String, Object> c : cellsOf) {
                cells.add(viewCell(width, c));
            }
            tbl.getContent().add(Wml.row(false, cells.toArray(new Tc[0])));
        }
        return tbl;
    }

    /** A figure of a view (its "text" and, when rated, its "ratingWord"), as {@link #valueCell} shows it. */
    static Tc viewCell(int width, Map<String, Object> c) {
        String rating = (String) c.get("ratingWord");
        return valueCell(width, (String) c.get("text"),
                rating.isEmpty() ? Optional.empty() : Optional.of(Rating.valueOf(rating.toUpperCase(java.util.Locale.ROOT))));
    }

    /** A value, and under it its rating word; the cell shaded by the rating. */
    static Tc valueCell(int width, String text, Optional<Rating> rating) {
        P p = Wml.align(Wml.para(null, Wml.run(text)), org.docx4j.wml.JcEnumeration.RIGHT);
        List<P> ps = new ArrayList<>(List.of(p));
        rating.ifPresent(r -> {
            R word = Wml.size(Wml.run(r.word()), 14);
            ps.add(Wml.align(Wml.para(null, word), org.docx4j.wml.JcEnumeration.RIGHT));
        });
        return Wml.cell(width, rating.map(Wml::ragFill).orElse(null), ps);
    }
}
