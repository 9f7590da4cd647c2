package org.safeguardingreport.json;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.safeguardingreport.diag.Diagnostics;
import org.safeguardingreport.json.JsonValue.JsonArray;
import org.safeguardingreport.json.JsonValue.JsonBoolean;
import org.safeguardingreport.json.JsonValue.JsonNull;
import org.safeguardingreport.json.JsonValue.JsonNumber;
import org.safeguardingreport.json.JsonValue.JsonObject;
import org.safeguardingreport.json.JsonValue.JsonString;
import org.safeguardingreport.json.JsonValue.Member;
import org.safeguardingreport.text.Suggest;

/**
 * Typed reading of one JSON object's properties. Each accessor reports a wrong or missing value
 * (with the file, line and column of the value) and answers empty, so reading goes on and every
 * problem of the file is found in one run.
 */
public final class Fields {
    private final JsonObject object;
    private final String file;
    private final String where;
    private final Diagnostics diags;

    /** @param where how this object is named in messages, e.g. "boardPaper" or "the report" */
    public Fields(JsonObject object, String file, String where, Diagnostics diags) {
        this.object = object;
        this.file = file;
        this.where = where;
        this.diags = diags;
    }

    /** Reports {@code value} unless it is an object; answers the object. */
    public static Optional<JsonObject> asObject(JsonValue value, String file, String what, Diagnostics diags) {
        if (value instanceof JsonObject o) {
            return Optional.of(o);
        }
        diags.error(file, value.pos(), what + " must be an object { ... }, not " + value.describe());
        return Optional.empty();
    }

    public JsonObject object() {
        return object;
    }

    /** Every property not in {@code known} is an error that names the nearest known one. */
    public void onlyKeys(Collection<String> known) {
        for (Member m : object.members().values()) {
            if (!known.contains(m.key())) {
                String hint = Suggest.didYouMean(m.key(), known);
                diags.error(file, m.keyPos(), "unknown property \"" + m.key() + "\" in " + where,
                        hint != null ? hint : "the properties here are " + String.join(", ", known));
            }
        }
    }

    public boolean has(String key) {
        JsonValue v = object.get(key);
        return v != null && !(v instanceof JsonNull);
    }

    public JsonValue raw(String key) {
        return object.get(key);
    }

    /** A non-blank text; absent, null or blank is reported when {@code required}. */
    public Optional<String> text(String key, boolean required) {
        JsonValue v = object.get(key);
        if (v == null || v instanceof JsonNull) {
            if (required) {
                missing(key);
            }
            return Optional.empty();
        }
        if (v instanceof JsonString s) {
            if (s.value().isBlank()) {
                if (required) {
                    diags.error(file, v.pos(), where + " \"" + key + "\" is empty");
                }
                return Optional.empty();
            }
            return Optional.of(s.value().strip());
        }
        diags.error(file, v.pos(), where + " \"" + key + "\" must be text in double quotes, not " + v.describe(),
                v instanceof JsonNumber n ? "write \"" + n.raw() + "\"" : null);
        return Optional.empty();
    }

    public Optional<LocalDate> date(String key, boolean required) {
        Optional<String> t = text(key, required);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(t.get()));
        } catch (DateTimeParseException e) {
            diags.error(file, object.get(key).pos(), where + " \"" + key + "\" is not a date: \"" + t.get() + "\"",
                    "write dates as year-month-day, e.g. \"2024-07-25\"");
            return Optional.empty();
        }
    }

    public Optional<JsonObject> obj(String key, boolean required) {
        JsonValue v = object.get(key);
        if (v == null || v instanceof JsonNull) {
            if (required) {
                missing(key);
            }
            return Optional.empty();
        }
        return asObject(v, file, where + " \"" + key + "\"", diags);
    }

    public Optional<List<JsonValue>> list(String key, boolean required) {
        JsonValue v = object.get(key);
        if (v == null || v instanceof JsonNull) {
            if (required) {
                missing(key);
            }
            return Optional.empty();
        }
        if (v instanceof JsonArray a) {
            return Optional.of(a.items());
        }
        diags.error(file, v.pos(), where + " \"" + key + "\" must be a list [ ... ], not " + v.describe());
        return Optional.empty();
    }

    public Optional<Boolean> bool(String key) {
        JsonValue v = object.get(key);
        if (v == null || v instanceof JsonNull) {
            return Optional.empty();
        }
        if (v instanceof JsonBoolean b) {
            return Optional.of(b.value());
        }
        diags.error(file, v.pos(), where + " \"" + key + "\" must be true or false, not " + v.describe());
        return Optional.empty();
    }

    public Optional<Double> number(String key) {
        JsonValue v = object.get(key);
        if (v == null || v instanceof JsonNull) {
            return Optional.empty();
        }
        if (v instanceof JsonNumber n) {
            return Optional.of(n.value().doubleValue());
        }
        diags.error(file, v.pos(), where + " \"" + key + "\" must be a number, not " + v.describe());
        return Optional.empty();
    }

    private void missing(String key) {
        diags.error(file, object.pos(), where + " has no \"" + key + "\"", "add \"" + key + "\": ...");
    }

    /**
     * A whole number at least 0; {@code what} names it in messages. A text holding digits, a
     * fraction or a negative number are each reported with what to write instead.
     */
    public static Optional<Long> wholeNumber(JsonValue v, String what, String file, Diagnostics diags) {
        if (v instanceof JsonNumber n) {
            BigDecimal d = n.value();
            if (d.signum() < 0) {
                diags.error(file, v.pos(), what + " cannot be negative: " + n.raw(), "counts start at 0");
                return Optional.empty();
            }
            if (d.stripTrailingZeros().scale() > 0) {
                diags.error(file, v.pos(), what + " must be a whole number, not " + n.raw(),
                        "counts of people and events are whole numbers");
                return Optional.empty();
            }
            if (d.compareTo(BigDecimal.valueOf(1_000_000_000L)) > 0) {
                diags.error(file, v.pos(), what + " is implausibly large: " + n.raw());
                return Optional.empty();
            }
            return Optional.of(d.longValueExact());
        }
        if (v instanceof JsonString s && s.value().strip().matches("-?[0-9][0-9,]*(\\.[0-9]+)?")) {
            diags.error(file, v.pos(), what + " must be a number, not the text \"" + s.value() + "\"",
                    "remove the quotes: " + s.value().strip().replace(",", ""));
            return Optional.empty();
        }
        diags.error(file, v.pos(), what + " must be a whole number, not " + v.describe());
        return Optional.empty();
    }
}
