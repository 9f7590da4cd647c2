package org.safeguardingreport.spreadsheet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.safeguardingreport.model.Appendix4;
import org.safeguardingreport.model.Quarter;

/**
 * Where everything sits on one sheet of the dashboard workbook, shared by the writer and the reader:
 * the rows above the table (title, provider, year, how to fill it in), the two header rows, and the
 * columns (reference, statement, guidance reference, measure, Red / Amber / Green, regularity, then
 * per period a number, an "out of" and a computed %, then queries and comments). A quarterly sheet's
 * periods are Q1-Q4, typed in, and the year, computed; the annual sheet's one period is the year,
 * typed in. Rows and columns are 0-based, as POI counts them.
 */
final class SheetLayout {
    static final String README = "Read me";

    static final int TITLE_ROW = 0;
    static final int PROVIDER_ROW = 1;
    static final int YEAR_ROW = 2;
    static final int NOTE_ROW = 3;
    static final int GROUP_ROW = 4;
    static final int HEADER_ROW = 5;
    static final int FIRST_ROW = 6;

    static final int REF = 0;
    static final int STATEMENT = 1;
    static final int REFERENCE = 2;
    static final int MEASURE = 3;
    static final int RED = 4;
    static final int AMBER = 5;
    static final int GREEN = 6;
    static final int REGULARITY = 7;
    static final int FIRST_PERIOD = 8;
    /** The value cells of A2 and A3, read back on import. */
    static final int VALUE = 1;

    static final List<String> FIXED_HEADERS = List.of("Ref", "Standard / statement", "Reference", "Measure", "Red",
            "Amber", "Green", "Regularity");

    /** A period's three columns: typed in (Q1-Q4 of a quarterly sheet, the year of the annual one) or computed. */
    record Period(Quarter quarter, boolean input) {
        String name() {
            return quarter == null ? "Year" : quarter.name();
        }
    }

    final String name;
    final Appendix4.Table table;
    final List<Period> periods;

    private SheetLayout(Appendix4.Table table) {
        this.table = table;
        this.name = table.id().substring(0, 1).toUpperCase(Locale.ROOT) + table.id().substring(1);
        List<Period> p = new ArrayList<>();
        if (!table.annual()) {
            for (Quarter q : Quarter.values()) {
                p.add(new Period(q, true));
            }
        }
        p.add(new Period(null, table.annual()));
        this.periods = List.copyOf(p);
    }

    /** The sheets of the workbook after the read-me, one per table of the form. */
    static List<SheetLayout> all() {
        return Appendix4.tables().stream().map(SheetLayout::new).toList();
    }

    static Optional<SheetLayout> named(String sheet) {
        return all().stream().filter(s -> s.name.equals(sheet)).findFirst();
    }

    int number(int period) {
        return FIRST_PERIOD + 3 * period;
    }

    int outOf(int period) {
        return number(period) + 1;
    }

    int percent(int period) {
        return number(period) + 2;
    }

    int comments() {
        return FIRST_PERIOD + 3 * periods.size();
    }

    int lastColumn() {
        return comments();
    }

    /** The header row's text, column by column. */
    List<String> headers() {
        List<String> h = new ArrayList<>(FIXED_HEADERS);
        for (Period p : periods) {
            if (table.annual()) {
                h.add("Number or Yes / No");
                h.add("Out of");
                h.add("%");
            } else {
                h.add(p.name() + " number");
                h.add(p.name() + " out of");
                h.add(p.name() + " %");
            }
        }
        h.add("Queries / comments");
        return h;
    }

    /** Whether a column is one the reader takes figures from. */
    boolean inputColumn(int col) {
        for (int i = 0; i < periods.size(); i++) {
            if (periods.get(i).input() && (col == number(i) || col == outOf(i))) {
                return true;
            }
        }
        return false;
    }
}
