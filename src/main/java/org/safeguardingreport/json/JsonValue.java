package org.safeguardingreport.json;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.safeguardingreport.diag.Pos;

/** A JSON value that remembers where it was written, so every message can name its line and column. */
public sealed interface JsonValue {

    Pos pos();

    /** How the value is named in messages: "text", "a number", ... */
    String describe();

    record Member(String key, Pos keyPos, JsonValue value) {
    }

    record JsonObject(Pos pos, Map<String, Member> members) implements JsonValue {
        public JsonObject(Pos pos, LinkedHashMap<String, Member> members) {
            this(pos, Collections.unmodifiableMap(members));
        }

        public JsonValue get(String key) {
            Member m = members.get(key);
            return m == null ? null : m.value();
        }

        public String describe() {
            return "an object { ... }";
        }
    }

    record JsonArray(Pos pos, List<JsonValue> items) implements JsonValue {
        public String describe() {
            return "a list [ ... ]";
        }
    }

    record JsonString(Pos pos, String value) implements JsonValue {
        public String describe() {
            return "the text \"" + shorten(value) + "\"";
        }
    }

    record JsonNumber(Pos pos, BigDecimal value, String raw) implements JsonValue {
        public String describe() {
            return "the number " + raw;
        }
    }

    record JsonBoolean(Pos pos, boolean value) implements JsonValue {
        public String describe() {
            return String.valueOf(value);
        }
    }

    record JsonNull(Pos pos) implements JsonValue {
        public String describe() {
            return "null";
        }
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
