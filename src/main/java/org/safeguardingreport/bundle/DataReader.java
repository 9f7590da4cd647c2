package org.safeguardingreport.bundle;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.safeguardingreport.diag.Diagnostics;
import org.safeguardingreport.diag.Pos;
import org.safeguardingreport.json.Fields;
import org.safeguardingreport.json.JsonValue;
import org.safeguardingreport.json.JsonValue.JsonBoolean;
import org.safeguardingreport.json.JsonValue.JsonNumber;
import org.safeguardingreport.json.JsonValue.JsonObject;
import org.safeguardingreport.json.JsonValue.JsonString;
import org.safeguardingreport.json.JsonValue.Member;
import org.safeguardingreport.model.DataYear;
import org.safeguardingreport.model.Frequency;
import org.safeguardingreport.model.Measure;
import org.safeguardingreport.model.MeasureCatalog;
import org.safeguardingreport.model.MeasureValue;
import org.safeguardingreport.model.Quarter;
import org.safeguardingreport.model.ReportingYear;
import org.safeguardingreport.text.Suggest;

/** Reads one data/YYYY-YY.json file and checks every value against its measure. */
final class DataReader {
    private DataReader() {
    }

    /** @param fromName the year the file name gives */
    static Optional<DataYear> read(JsonObject root, String file, ReportingYear fromName, Diagnostics diags) {
        Fields f = new Fields(root, file, "the data file", diags);
        f.onlyKeys(List.of("reportingYear", "quarters", "annual"));
        Optional<String> label = f.text("reportingYear", true);
        if (label.isPresent()) {
            Optional<ReportingYear> y = ReportingYear.parseLabel(label.get());
            Pos at = root.get("reportingYear").pos();
            if (y.isEmpty()) {
                diags.error(file, at, "reportingYear \"" + label.get() + "\" is not a financial year",
                        "write it as YYYY/YY, e.g. \"" + fromName.label() + "\"");
            } else if (!y.get().equals(fromName)) {
                diags.error(file, at, "reportingYear \"" + label.get() + "\" does not match the file name "
                        + fromName.fileStem() + ".json", "rename the file to " + y.get().fileStem()
                        + ".json, or correct the year to \"" + fromName.label() + "\"");
            }
        }
        Map<Quarter, Map<String, MeasureValue>> quarters = new EnumMap<>(Quarter.class);
        f.obj("quarters", false).ifPresent(q -> {
            for (Member m : q.members().values()) {
                Quarter quarter = Quarter.parse(m.key());
                if (quarter == null) {
                    Quarter upper = Quarter.parse(m.key().toUpperCase(Locale.ROOT));
                    diags.error(file, m.keyPos(), "unknown quarter \"" + m.key() + "\"", upper != null
                            ? "write \"" + upper.name() + "\"" : "the quarters are " + Quarter.listed());
                    continue;
                }
                Fields.asObject(m.value(), file, "quarter " + m.key(), diags)
                        .ifPresent(o -> quarters.put(quarter, values(o, file, Frequency.QUARTERLY, m.key(), diags)));
            }
        });
        Map<String, MeasureValue> annual = f.obj("annual", false)
                .map(o -> values(o, file, Frequency.ANNUAL, "annual", diags)).orElse(Map.of());
        Map<Quarter, Map<String, MeasureValue>> frozen = new EnumMap<>(Quarter.class);
        quarters.forEach((q, m) -> frozen.put(q, m));
        return Optional.of(new DataYear(fromName, file, java.util.Collections.unmodifiableMap(frozen), annual));
    }

    private static Map<String, MeasureValue> values(JsonObject o, String file, Frequency expected, String where,
                                                    Diagnostics diags) {
        Map<String, MeasureValue> out = new LinkedHashMap<>();
        for (Member m : o.members().values()) {
            Optional<Measure> measure = MeasureCatalog.get().measure(m.key());
            if (measure.isEmpty()) {
                String hint = Suggest.didYouMean(m.key(), MeasureCatalog.get().ids());
                diags.error(file, m.keyPos(), "unknown measure \"" + m.key() + "\"",
                        hint != null ? hint : "measure ids are listed in the README, e.g. 3b-level-3");
                continue;
            }
            if (measure.get().frequency() != expected) {
                diags.error(file, m.keyPos(), m.key() + " is " + (expected == Frequency.ANNUAL
                        ? "a quarterly measure: it belongs under \"quarters\", not \"annual\""
                        : "an annual measure: it belongs under \"annual\", not in a quarter"),
                        "move it to " + (expected == Frequency.ANNUAL ? "each quarter of \"quarters\"" : "\"annual\""));
                continue;
            }
            value(measure.get(), m.value(), file, where, diags).ifPresent(v -> out.put(m.key(), v));
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    private static Optional<MeasureValue> value(Measure measure, JsonValue v, String file, String where,
                                                Diagnostics diags) {
        String id = measure.id();
        switch (measure.kind()) {
            case PERCENT: {
                if (!(v instanceof JsonObject o)) {
                    diags.error(file, v.pos(), id + " is a % measure: write {\"numerator\": ..., \"denominator\": ...}, not "
                            + v.describe(), "e.g. \"" + id + "\": { \"numerator\": 412, \"denominator\": 455 }");
                    return Optional.empty();
                }
                Fields f = new Fields(o, file, id, diags);
                f.onlyKeys(List.of("numerator", "denominator"));
                JsonValue num = o.get("numerator");
                JsonValue den = o.get("denominator");
                if (num == null || den == null) {
                    diags.error(file, o.pos(), id + " needs both a numerator and a denominator",
                            "e.g. { \"numerator\": 412, \"denominator\": 455 }");
                    return Optional.empty();
                }
                Optional<Long> n = Fields.wholeNumber(num, id + " numerator", file, diags);
                Optional<Long> d = Fields.wholeNumber(den, id + " denominator", file, diags);
                if (n.isEmpty() || d.isEmpty()) {
                    return Optional.empty();
                }
                if (n.get() > d.get()) {
                    diags.error(file, num.pos(), id + " numerator " + n.get() + " is more than its denominator " + d.get()
                            + " (" + where + ")", "the numerator counts those who met the measure, out of the denominator");
                    return Optional.empty();
                }
                return Optional.of(new MeasureValue.Ratio(n.get(), d.get()));
            }
            case COUNT: {
                if (v instanceof JsonObject) {
                    diags.error(file, v.pos(), id + " is a count: write a whole number, not an object",
                            "e.g. \"" + id + "\": 3");
                    return Optional.empty();
                }
                return Fields.wholeNumber(v, id, file, diags).map(MeasureValue.Count::new);
            }
            default: {
                if (v instanceof JsonBoolean b) {
                    return Optional.of(new MeasureValue.Flag(b.value()));
                }
                String hint = "write true or false without quotes";
                if (v instanceof JsonString s) {
                    String t = s.value().strip().toLowerCase(Locale.ROOT);
                    if (t.equals("yes") || t.equals("true") || t.equals("y")) {
                        hint = "write true (without quotes)";
                    } else if (t.equals("no") || t.equals("false") || t.equals("n")) {
                        hint = "write false (without quotes)";
                    }
                } else if (v instanceof JsonNumber) {
                    hint = "a yes/no measure is true or false, not a number";
                }
                diags.error(file, v.pos(), id + " is a yes/no measure: it must be true or false, not " + v.describe(), hint);
                return Optional.empty();
            }
        }
    }
}
