package org.safeguardingreport.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.safeguardingreport.diag.Diagnostics;
import org.safeguardingreport.json.JsonReader;
import org.safeguardingreport.json.JsonValue;
import org.safeguardingreport.json.JsonValue.JsonArray;
import org.safeguardingreport.json.JsonValue.JsonObject;
import org.safeguardingreport.json.JsonValue.JsonString;

/**
 * The safeguarding children dashboard form of the seed's Appendix 4, as {@code measures.json}'s
 * {@code appendix4} gives it: the monthly (reported per quarter), quarterly and annual tables, each
 * of standards, each of blocks that share a statement and a reference, each of rows: a measure with
 * the seed's wording for it and for its numerator and denominator, or a subheading.
 */
public final class Appendix4 {
    private static volatile List<Table> tables;

    /** One table of the form; {@code annual} when its one period is the year. */
    public record Table(String id, String heading, String regularity, boolean annual, List<Standard> standards) {
        /** Every measure row of the table, in order. */
        public List<Row> measureRows() {
            List<Row> out = new ArrayList<>();
            standards.forEach(s -> s.blocks().forEach(b -> b.rows().stream().filter(Row::isMeasure).forEach(out::add)));
            return out;
        }
    }

    public record Standard(int number, String outcomesFramework, String domain, List<Block> blocks) {
    }

    public record Block(String statement, String reference, List<Row> rows) {
    }

    /**
     * A measure row ({@code measure} set, with the seed's {@code label} and, for a percentage, its
     * {@code numerator} and {@code denominator} wording) or a subheading row ({@code measure} empty).
     */
    public record Row(String measure, String subheading, String label, String numerator, String denominator,
                      String comment) {
        public boolean isMeasure() {
            return !measure.isEmpty();
        }
    }

    private Appendix4() {
    }

    /** The monthly, quarterly and annual tables, in the seed's order. */
    public static List<Table> tables() {
        List<Table> t = tables;
        if (t == null) {
            synchronized (Appendix4.class) {
                if (tables == null) {
                    tables = load();
                }
                t = tables;
            }
        }
        return t;
    }

    private static List<Table> load() {
        JsonObject root;
        try (InputStream in = Appendix4.class.getResourceAsStream("/measures.json")) {
            if (in == null) {
                throw new IllegalStateException("measures.json is missing from the application");
            }
            root = (JsonObject) JsonReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), "measures.json",
                    new Diagnostics()).orElseThrow(() -> new IllegalStateException("measures.json is not valid JSON"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonObject form = (JsonObject) Objects.requireNonNull(root.get("appendix4"), "measures.json has no appendix4");
        List<Table> out = new ArrayList<>();
        for (JsonValue tv : ((JsonArray) form.get("tables")).items()) {
            JsonObject t = (JsonObject) tv;
            List<Standard> standards = new ArrayList<>();
            for (JsonValue sv : ((JsonArray) t.get("standards")).items()) {
                JsonObject s = (JsonObject) sv;
                List<Block> blocks = new ArrayList<>();
                for (JsonValue bv : ((JsonArray) s.get("blocks")).items()) {
                    JsonObject b = (JsonObject) bv;
                    List<Row> rows = new ArrayList<>();
                    for (JsonValue rv : ((JsonArray) b.get("rows")).items()) {
                        JsonObject r = (JsonObject) rv;
                        String id = str(r, "measure");
                        if (!id.isEmpty() && MeasureCatalog.get().measure(id).isEmpty()) {
                            throw new IllegalStateException("measures.json: appendix4 names an unknown measure " + id);
                        }
                        rows.add(new Row(id, str(r, "subheading"), str(r, "label"), str(r, "numerator"),
                                str(r, "denominator"), str(r, "comment")));
                    }
                    blocks.add(new Block(str(b, "statement"), str(b, "reference"), List.copyOf(rows)));
                }
                standards.add(new Standard(((JsonValue.JsonNumber) s.get("standard")).value().intValueExact(),
                        str(s, "outcomesFramework"), str(s, "domain"), List.copyOf(blocks)));
            }
            out.add(new Table(str(t, "id"), str(t, "heading"), str(t, "regularity"), "year".equals(str(t, "periods")),
                    List.copyOf(standards)));
        }
        return List.copyOf(out);
    }

    private static String str(JsonObject o, String key) {
        JsonValue v = o.get(key);
        return v instanceof JsonString s ? s.value() : "";
    }
}
