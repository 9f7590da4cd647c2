package org.safeguardingreport.json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

import org.safeguardingreport.diag.Diagnostics;
import org.safeguardingreport.diag.Pos;
import org.safeguardingreport.json.JsonValue.JsonArray;
import org.safeguardingreport.json.JsonValue.JsonBoolean;
import org.safeguardingreport.json.JsonValue.JsonNull;
import org.safeguardingreport.json.JsonValue.JsonNumber;
import org.safeguardingreport.json.JsonValue.JsonObject;
import org.safeguardingreport.json.JsonValue.JsonString;
import org.safeguardingreport.json.JsonValue.Member;
import org.safeguardingreport.text.LineIndex;

/**
 * Reads JSON text with Jackson's streaming parser into a {@link JsonValue} tree that keeps every
 * value's line and column. A syntax error becomes one message that names the character found and
 * what was expected there (Jackson stops at the first syntax error, so a file has at most one).
 */
public final class JsonReader {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Pattern UNEXPECTED = Pattern.compile("^Unexpected character \\((.+?) \\(code (\\d+)\\)\\)");
    private static final Pattern UNRECOGNIZED = Pattern.compile("^Unrecognized token '([^']*)'");
    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate (?:Object property|field) \"?'?([^\"']*)");

    private JsonReader() {
    }

    /** A number too large or too precise to hold: reported where it stands. */
    private static final class OutOfRange extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Pos pos;
        final String raw;

        OutOfRange(Pos pos, String raw) {
            super(raw, null, false, false);
            this.pos = pos;
            this.raw = raw;
        }
    }

    public static Optional<JsonValue> read(String text, String file, Diagnostics diags) {
        if (text.isBlank()) {
            diags.error(file, new Pos(1, 1), "the file is empty: expected a JSON object { ... }");
            return Optional.empty();
        }
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken first = p.nextToken();
            JsonValue value = readValue(p, first);
            JsonToken extra = p.nextToken();
            if (extra != null) {
                JsonLocation l = p.currentTokenLocation();
                diags.error(file, new Pos(l.getLineNr(), l.getColumnNr()),
                        "unexpected text after the end of the JSON value",
                        "a JSON file holds one object: remove what follows its closing '}'");
                return Optional.empty();
            }
            return Optional.of(value);
        } catch (OutOfRange e) {
            diags.error(file, e.pos, "the number " + (e.raw.length() > 30 ? e.raw.substring(0, 27) + "..." : e.raw)
                    + " is out of range", "write an ordinary whole number, e.g. 412");
            return Optional.empty();
        } catch (StreamConstraintsException e) {
            JsonLocation l = e.getLocation();
            Pos at = l == null || l.getLineNr() < 1 ? Pos.FILE : new Pos(l.getLineNr(), l.getColumnNr());
            diags.error(file, at, e.getOriginalMessage().contains("nesting depth")
                    ? "the JSON is nested more than 1000 levels deep: this is not report data"
                    : "a value in the JSON is too long to be report data");
            return Optional.empty();
        } catch (JsonProcessingException e) {
            reportSyntaxError(e, text, file, diags);
            return Optional.empty();
        } catch (IOException e) {
            diags.error(file, Pos.FILE, "cannot read the JSON: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static JsonValue readValue(JsonParser p, JsonToken t) throws IOException {
        JsonLocation l = p.currentTokenLocation();
        Pos pos = new Pos(l.getLineNr(), l.getColumnNr());
        switch (t) {
            case START_OBJECT: {
                LinkedHashMap<String, Member> members = new LinkedHashMap<>();
                JsonToken k;
                while ((k = p.nextToken()) == JsonToken.FIELD_NAME) {
                    JsonLocation kl = p.currentTokenLocation();
                    String key = p.currentName();
                    JsonValue v = readValue(p, p.nextToken());
                    members.put(key, new Member(key, new Pos(kl.getLineNr(), kl.getColumnNr()), v));
                }
                return new JsonObject(pos, members);
            }
            case START_ARRAY: {
                List<JsonValue> items = new ArrayList<>();
                JsonToken i;
                while ((i = p.nextToken()) != JsonToken.END_ARRAY) {
                    items.add(readValue(p, i));
                }
                return new JsonArray(pos, List.copyOf(items));
            }
            case VALUE_STRING:
                return new JsonString(pos, p.getText());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                try {
                    return new JsonNumber(pos, p.getDecimalValue(), p.getText());
                } catch (NumberFormatException e) {
                    throw new OutOfRange(pos, p.getText());
                }
            case VALUE_TRUE:
                return new JsonBoolean(pos, true);
            case VALUE_FALSE:
                return new JsonBoolean(pos, false);
            case VALUE_NULL:
                return new JsonNull(pos);
            default:
                throw new IllegalStateException("unexpected JSON token " + t);
        }
    }

    /** Turns Jackson's message into one a person editing the file can act on. */
    static void reportSyntaxError(JsonProcessingException e, String text, String file, Diagnostics diags) {
        String original = e.getOriginalMessage();
        JsonLocation loc = e.getLocation();
        int offset = loc == null ? -1 : (int) loc.getCharOffset();
        LineIndex lines = new LineIndex(text);
        Pos at = loc == null ? new Pos(1, 1) : new Pos(loc.getLineNr(), loc.getColumnNr());
        int prev = previousNonSpace(text, offset - 1);
        char prevChar = prev >= 0 ? text.charAt(prev) : 0;

        Matcher dup = DUPLICATE.matcher(original);
        if (dup.find()) {
            diags.error(file, keyStartBefore(text, offset, lines, at), "duplicate property \"" + dup.group(1)
                    + "\": it is already set earlier in the same object", "keep one of the two");
            return;
        }
        if (original.startsWith("Unexpected end-of-input")) {
            if (original.contains("closing quote")) {
                diags.error(file, at, "the file ends inside a text value: a closing '\"' is missing",
                        "every text value starts and ends with a double quote");
            } else {
                Pos end = lines.pos(Math.max(0, text.stripTrailing().length()));
                diags.error(file, end, "the file ends too early: a closing '}' or ']' is missing",
                        "every '{' needs a matching '}' and every '[' a matching ']'");
            }
            return;
        }
        if (original.startsWith("Illegal unquoted character") && original.contains("code 10")) {
            diags.error(file, at, "a text value runs past the end of the line: a closing '\"' is missing",
                    "close the text with \" before the end of line " + at.line());
            return;
        }
        if (original.startsWith("Illegal unquoted character")) {
            diags.error(file, at, "a text value holds a control character (such as a tab) that JSON does not allow",
                    "replace it with a space, or write \\t for a tab");
            return;
        }
        Matcher u = UNRECOGNIZED.matcher(original);
        if (u.find()) {
            String word = u.group(1);
            String hint = switch (word.toLowerCase()) {
                case "yes", "y" -> "write true (without quotes) for yes";
                case "no", "n" -> "write false (without quotes) for no";
                case "true", "false", "null" -> "write " + word.toLowerCase() + " in lower case";
                default -> "text values need double quotes: \"" + word + "\"";
            };
            diags.error(file, at, "unexpected word '" + word
                    + "': expected a value (text in double quotes, a number, true, false or null)", hint);
            return;
        }
        Matcher m = UNEXPECTED.matcher(original);
        if (m.find()) {
            char found = (char) Integer.parseInt(m.group(2));
            String shown = "'" + found + "'";
            if (original.contains("was expecting double-quote to start field name")) {
                if (prevChar == ',') {
                    diags.error(file, lines.pos(prev), "trailing comma: expected a property name after ','",
                            "remove the ',' after the last property of the object");
                } else if (found == '\'') {
                    diags.error(file, at, "property names need double quotes, not single quotes",
                            "write \"name\" rather than 'name'");
                } else {
                    diags.error(file, at, "expected a property name in double quotes, found " + shown,
                            "write property names in double quotes, e.g. \"name\": \"value\"");
                }
                return;
            }
            if (original.contains("expected a value") || original.contains("expected a valid value")) {
                if (prevChar == ',' && (found == ']' || found == '}')) {
                    diags.error(file, lines.pos(prev), "trailing comma: expected a value after ','",
                            "remove the ',' after the last item of the list");
                } else if (found == '\'') {
                    diags.error(file, at, "text values need double quotes, not single quotes",
                            "write \"text\" rather than 'text'");
                } else if (found == '/' || found == '#') {
                    diags.error(file, at, "comments are not allowed in JSON", "remove the comment");
                } else {
                    diags.error(file, at, "expected a value, found " + shown,
                            "a value is text in double quotes, a number, true, false, null, { ... } or [ ... ]");
                }
                return;
            }
            if (original.contains("was expecting comma to separate Object entries")
                    || original.contains("was expecting comma to separate Array entries")) {
                boolean object = original.contains("Object");
                Pos where = prev >= 0 ? lines.pos(prev + 1) : at;
                diags.error(file, where, "missing ',': expected ',' or '" + (object ? '}' : ']')
                        + "' after the value, found " + shown + " at line " + at.line() + ", column " + at.column(),
                        found == '"' ? "add a ',' at the end of line " + where.line()
                                + "; if a text value is meant to continue, check its quotes"
                                : "add a ',' between the two " + (object ? "properties" : "items"));
                return;
            }
            if (original.contains("was expecting a colon")) {
                diags.error(file, at, "expected ':' after the property name, found " + shown,
                        "write \"name\": value; if the name holds a quote, check the quotes before it");
                return;
            }
            diags.error(file, at, "unexpected " + shown + ": " + tidy(original), null);
            return;
        }
        diags.error(file, at, "not valid JSON: " + tidy(original), null);
    }

    private static Pos keyStartBefore(String text, int offset, LineIndex lines, Pos fallback) {
        if (offset <= 0 || offset > text.length()) {
            return fallback;
        }
        // Jackson reports a duplicate just after the name; step back to its opening quote
        int close = text.lastIndexOf('"', Math.min(offset, text.length()) - 1);
        int open = close > 0 ? text.lastIndexOf('"', close - 1) : -1;
        return open >= 0 ? lines.pos(open) : fallback;
    }

    private static int previousNonSpace(String text, int from) {
        for (int i = Math.min(from, text.length() - 1); i >= 0; i--) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String tidy(String jacksonMessage) {
        int cut = jacksonMessage.indexOf('\n');
        return cut < 0 ? jacksonMessage : jacksonMessage.substring(0, cut);
    }
}
