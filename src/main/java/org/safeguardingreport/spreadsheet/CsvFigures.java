package org.safeguardingreport.spreadsheet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.safeguardingreport.diag.Diagnostics;
import org.safeguardingreport.diag.Pos;
import org.safeguardingreport.model.DataYear;
import org.safeguardingreport.model.Frequency;
import org.safeguardingreport.model.Measure;
import org.safeguardingreport.model.MeasureCatalog;
import org.safeguardingreport.model.MeasureKind;
import org.safeguardingreport.model.MeasureValue;
import org.safeguardingreport.model.Quarter;
import org.safeguardingreport.text.Suggest;

/**
 * The dashboard's figures as a CSV file in long form, one line per measure and period:
 *
 * <pre>
 * measure,quarter,numerator,denominator,value
 * 3b-level-3,Q1,412,455,
 * 6a-si-steis,Q1,,,1
 * 1c-executive-lead,year,,,yes
 * </pre>
 *
 * A percentage takes a numerator and a denominator, a count or yes/no measure a value; an annual
 * measure's quarter is {@code year}. A line with no figure changes nothing. Problems are named by
 * line and column.
 */
public final class CsvFigures {
    static final List<String> COLUMNS = List.of("measure", "quarter", "numerator", "denominator", "value");
    private static final int MEASURE = 0;
    private static final int QUARTER = 1;
    private static final int NUMERATOR = 2;
    private static final int DENOMINATOR = 3;
    private static final int VALUE = 4;

    private CsvFigures() {
    }

    /** Every measure and period of the year, with its figure where the data has one (a form to fill in). */
    public static String write(Optional<DataYear> year) {
        StringBuilder s = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        for (Measure m : MeasureCatalog.get().all()) {
            if (m.frequency() == Frequency.ANNUAL) {
                line(s, m, "year", year.flatMap(y -> y.annual(m.id())));
            } else {
                for (Quarter q : Quarter.values()) {
                    line(s, m, q.name(), year.flatMap(y -> y.quarterly(m.id(), q)));
                }
            }
        }
        return s.toString();
    }

    private static void line(StringBuilder s, Measure m, String period, Optional<MeasureValue> v) {
        s.append(m.id()).append(',').append(period).append(',');
        if (v.isPresent() && v.get() instanceof MeasureValue.Ratio r) {
            s.append(r.numerator()).append(',').append(r.denominator()).append(',');
        } else if (v.isPresent() && v.get() instanceof MeasureValue.Count c) {
            s.append(",,").append(c.value());
        } else if (v.isPresent() && v.get() instanceof MeasureValue.Flag f) {
            s.append(",,").append(f.value() ? "yes" : "no");
        } else {
            s.append(",,");
        }
        s.append('\n');
    }

    /** The figures of a CSV file's text, shown in messages as {@code shown}. */
    public static ImportedFigures read(String text, String shown, Diagnostics diags) {
        List<ImportedFigures.Entry> entries = new ArrayList<>();
        List<Line> lines = parse(text.startsWith("\uFEFF") ? text.substring(1) : text);
        int[] at = null;
        Map<String, Integer> firstLine = new HashMap<>();
        for (Line line : lines) {
            if (line.blank() || line.fields.get(0).text.startsWith("#")) {
                continue;
            }
            if (at == null) {
                at = header(line, shown, diags);
                if (at == null) {
                    return new ImportedFigures(Optional.empty(), Optional.empty(), List.of());
                }
                continue;
            }
            entry(line, at, shown, diags, firstLine).ifPresent(entries::add);
        }
        if (at == null) {
            diags.error(shown, Pos.FILE, "the file is empty", "the first line names the columns: " + String.join(",", COLUMNS));
        }
        return new ImportedFigures(Optional.empty(), Optional.empty(), List.copyOf(entries));
    }

    /** Each column's place in the file's lines, by the header's names; null when the header is wrong (said). */
    private static int[] header(Line line, String shown, Diagnostics diags) {
        int[] at = new int[COLUMNS.size()];
        java.util.Arrays.fill(at, -1);
        boolean ok = true;
        for (int i = 0; i < line.fields.size(); i++) {
            Field f = line.fields.get(i);
            String name = f.text.strip().toLowerCase(Locale.ROOT);
            int k = COLUMNS.indexOf(name);
            if (k < 0) {
                String hint = Suggest.didYouMean(name, COLUMNS);
                diags.error(shown, new Pos(line.number, f.column), "unknown column \"" + f.text.strip() + "\"",
                        (hint != null ? hint + " " : "") + "the columns are " + String.join(",", COLUMNS));
                ok = false;
            } else if (at[k] >= 0) {
                diags.error(shown, new Pos(line.number, f.column), "column \"" + name + "\" is named twice");
                ok = false;
            } else {
                at[k] = i;
            }
        }
        for (int k = 0; k < COLUMNS.size() && ok; k++) {
            if (at[k] < 0) {
                diags.error(shown, new Pos(line.number, 1), "the header has no \"" + COLUMNS.get(k) + "\" column",
                        "the first line names the columns: " + String.join(",", COLUMNS));
                ok = false;
            }
        }
        return ok ? at : null;
    }

    private static Optional<ImportedFigures.Entry> entry(Line line, int[] at, String shown, Diagnostics diags,
                                                         Map<String, Integer> firstLine) {
        Field id = line.field(at[MEASURE]);
        Field period = line.field(at[QUARTER]);
        Optional<Measure> m = MeasureCatalog.get().measure(id.text.strip());
        if (m.isEmpty()) {
            String hint = Suggest.didYouMean(id.text.strip(), MeasureCatalog.get().ids());
            diags.error(shown, new Pos(line.number, id.column), id.text.isBlank() ? "the measure is missing"
                    : "unknown measure reference \"" + id.text.strip() + "\"",
                    hint != null ? hint : "the references are those of measures.md, e.g. 3b-level-3");
            return Optional.empty();
        }
        Measure measure = m.get();
        String p = period.text.strip();
        Quarter q = Quarter.parse(p.toUpperCase(Locale.ROOT));
        boolean annual = measure.frequency() == Frequency.ANNUAL;
        boolean yearWord = p.equalsIgnoreCase("year") || p.equalsIgnoreCase("annual");
        if (annual && !yearWord) {
            diags.error(shown, new Pos(line.number, period.column), measure.id() + " is an annual measure: its quarter is "
                    + "\"year\", not \"" + p + "\"", "write year in the quarter column");
            return Optional.empty();
        }
        if (!annual && q == null) {
            diags.error(shown, new Pos(line.number, period.column), (p.isEmpty() ? "the quarter is missing"
                    : "unknown quarter \"" + p + "\"") + (yearWord ? ": " + measure.id() + " is a quarterly measure" : ""),
                    "the quarters are " + Quarter.listed());
            return Optional.empty();
        }
        String key = measure.id() + "@" + (annual ? "year" : q.name());
        Integer before = firstLine.putIfAbsent(key, line.number);
        if (before != null) {
            diags.error(shown, new Pos(line.number, id.column), measure.id() + " " + (annual ? "for the year" : q.name())
                    + " is given again (first on line " + before + ")", "keep one line per measure and quarter");
            return Optional.empty();
        }
        Field num = line.field(at[NUMERATOR]);
        Field den = line.field(at[DENOMINATOR]);
        Field val = line.field(at[VALUE]);
        String what = measure.id() + ", " + (annual ? "year" : q.name());
        Optional<MeasureValue> value = Optional.empty();
        if (measure.kind() == MeasureKind.PERCENT) {
            if (!val.text.isBlank()) {
                diags.error(shown, new Pos(line.number, val.column), measure.id() + " is a % measure: it takes a numerator "
                        + "and a denominator, not a value", "move the figures into the numerator and denominator columns");
                return Optional.empty();
            }
            Optional<Long> nr = whole(num, "numerator", line, shown, diags);
            Optional<Long> dr = whole(den, "denominator", line, shown, diags);
            if (nr == null || dr == null) {
                return Optional.empty();
            }
            Long n = nr.orElse(null);
            Long d = dr.orElse(null);
            if (n == null && d != null || n != null && d == null) {
                Field missing = n == null ? num : den;
                diags.error(shown, new Pos(line.number, missing.column), "the " + (n == null ? "numerator" : "denominator")
                        + " is missing", what + ": a % measure takes both, or neither");
                return Optional.empty();
            }
            if (n != null && n > d) {
                diags.error(shown, new Pos(line.number, num.column), "numerator " + n + " is greater than denominator " + d,
                        what + ": the numerator counts those who met the measure, out of the denominator");
                return Optional.empty();
            }
            if (n != null) {
                value = Optional.of(new MeasureValue.Ratio(n, d));
            }
        } else {
            for (Field f : List.of(num, den)) {
                if (!f.text.isBlank()) {
                    diags.error(shown, new Pos(line.number, f.column), measure.id() + " is " + (measure.kind() == MeasureKind.COUNT
                            ? "a count" : "a yes/no measure") + ": it takes a value, not a numerator or denominator",
                            "move the figure into the value column");
                    return Optional.empty();
                }
            }
            if (measure.kind() == MeasureKind.COUNT) {
                Optional<Long> n = whole(val, "count", line, shown, diags);
                if (n == null) {
                    return Optional.empty();
                }
                value = n.map(MeasureValue.Count::new);
            } else {
                String t = val.text.strip().toLowerCase(Locale.ROOT);
                if (List.of("yes", "y", "true").contains(t)) {
                    value = Optional.of(new MeasureValue.Flag(true));
                } else if (List.of("no", "n", "false").contains(t)) {
                    value = Optional.of(new MeasureValue.Flag(false));
                } else if (!t.isEmpty()) {
                    diags.error(shown, new Pos(line.number, val.column), "\"" + val.text.strip() + "\" where yes or no belongs",
                            measure.id() + " is a yes/no measure: write yes or no");
                    return Optional.empty();
                }
            }
        }
        return Optional.of(new ImportedFigures.Entry(annual ? null : q, measure.id(), value,
                shown + ":" + line.number + ":" + id.column));
    }

    /** A whole number of 0 or more; empty when the field is blank, null when it is wrong (said). */
    private static Optional<Long> whole(Field f, String what, Line line, String shown, Diagnostics diags) {
        String t = f.text.strip();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        if (t.matches("\\d{1,12}")) {
            return Optional.of(Long.parseLong(t));
        }
        String digits = t.replace(",", "").replace(" ", "");
        diags.error(shown, new Pos(line.number, f.column), "the " + what + " \"" + t + "\" is not a whole number",
                digits.matches("\\d{1,12}") ? "write it without separators: " + digits
                : t.startsWith("-") ? "a count is 0 or more" : "write a whole number, e.g. 412");
        return null;
    }

    private record Field(String text, int column) {
    }

    private record Line(int number, List<Field> fields) {
        Field field(int i) {
            return i < fields.size() ? fields.get(i) : new Field("", fields.isEmpty() ? 1
                    : fields.get(fields.size() - 1).column + fields.get(fields.size() - 1).text.length() + 1);
        }

        boolean blank() {
            return fields.stream().allMatch(f -> f.text.isBlank());
        }
    }

    /** RFC 4180 fields: commas (or semicolons, as some spreadsheets save), double-quoted fields with "" inside. */
    private static List<Line> parse(String text) {
        int firstEnd = text.indexOf('\n');
        String first = firstEnd < 0 ? text : text.substring(0, firstEnd);
        char sep = first.indexOf(',') < 0 && first.indexOf(';') >= 0 ? ';' : ',';
        List<Line> out = new ArrayList<>();
        List<Field> fields = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int line = 1;
        int col = 1;
        int fieldCol = 1;
        int fieldLine = 1;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                    col += 2;
                    continue;
                }
                if (ch == '"') {
                    quoted = false;
                } else {
                    cur.append(ch);
                    if (ch == '\n') {
                        line++;
                        col = 0;
                    }
                }
                col++;
                continue;
            }
            if (ch == '"' && cur.toString().isBlank()) {
                quoted = true;
                col++;
                continue;
            }
            if (ch == sep) {
                fields.add(new Field(cur.toString(), fieldCol));
                cur.setLength(0);
                col++;
                fieldCol = col;
                continue;
            }
            if (ch == '\r') {
                continue;
            }
            if (ch == '\n') {
                fields.add(new Field(cur.toString(), fieldCol));
                out.add(new Line(fieldLine, List.copyOf(fields)));
                fields.clear();
                cur.setLength(0);
                line++;
                col = 1;
                fieldCol = 1;
                fieldLine = line;
                continue;
            }
            cur.append(ch);
            col++;
        }
        if (cur.length() > 0 || !fields.isEmpty()) {
            fields.add(new Field(cur.toString(), fieldCol));
            out.add(new Line(fieldLine, List.copyOf(fields)));
        }
        return out;
    }
}
