package org.safeguardingreport.markdown;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.safeguardingreport.diag.Diagnostics;
import org.safeguardingreport.diag.Pos;
import org.safeguardingreport.text.Suggest;

/**
 * The optional front matter of a narrative file: a block between two {@code ---} lines at the top
 * that may set {@code title} to one line of plain text, and nothing else. It is read here by hand,
 * with no YAML library, so no tag, anchor or alias can ever construct anything: each is refused
 * with a message.
 */
public final class FrontMatter {
    private static final Pattern ENTRY = Pattern.compile("([^:\\s][^:]*?)\\s*:(?:\\s+(.*)|)$");
    private static final Pattern DELIMITER = Pattern.compile("---[ \\t]*");
    private static final Pattern END = Pattern.compile("(---|\\.\\.\\.)[ \\t]*");

    /** The title (or null) and the Markdown text with the front matter blanked out, positions kept. */
    public record Result(String title, String markdown) {
    }

    private FrontMatter() {
    }

    public static Result read(String text, String file, Diagnostics diags) {
        List<String> lines = text.lines().toList();
        if (lines.isEmpty() || !DELIMITER.matcher(lines.get(0)).matches()) {
            return new Result(null, text);
        }
        int close = -1;
        for (int i = 1; i < lines.size(); i++) {
            if (END.matcher(lines.get(i)).matches()) {
                close = i;
                break;
            }
        }
        if (close < 0) {
            diags.error(file, new Pos(1, 1), "the front matter that starts on line 1 is never closed",
                    "add a line holding only --- after the title line");
            return new Result(null, text);
        }
        String title = null;
        for (int i = 1; i < close; i++) {
            String line = lines.get(i);
            int lineNo = i + 1;
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            if (Character.isWhitespace(line.charAt(0))) {
                diags.error(file, new Pos(lineNo, 1), "front matter lines must not be indented",
                        "the front matter holds one line: title: Your title");
                continue;
            }
            if (line.startsWith("-")) {
                diags.error(file, new Pos(lineNo, 1), "a list is not allowed in front matter",
                        "the front matter holds one line: title: Your title");
                continue;
            }
            Matcher m = ENTRY.matcher(line);
            if (!m.matches()) {
                diags.error(file, new Pos(lineNo, 1), "expected 'title: ...' in the front matter",
                        "the front matter holds one line: title: Your title");
                continue;
            }
            String key = m.group(1);
            if (refusedIndicator(key, file, new Pos(lineNo, 1), diags)) {
                continue;
            }
            if (!key.equals("title")) {
                String hint = Suggest.didYouMean(key, List.of("title"));
                diags.error(file, new Pos(lineNo, 1), "front matter may only set title, not \"" + key + "\"",
                        hint != null ? hint : "remove this line; everything else belongs in report.json");
                continue;
            }
            String raw = m.group(2) == null ? "" : m.group(2);
            int valueColumn = m.start(2) >= 0 ? m.start(2) + 1 : line.length() + 1;
            String value = scalar(raw, file, new Pos(lineNo, valueColumn), diags);
            if (value == null) {
                continue;
            }
            if (title != null) {
                diags.error(file, new Pos(lineNo, 1), "title is set twice in the front matter", "keep one title line");
                continue;
            }
            title = value;
        }
        return new Result(title, blank(text, lines, close));
    }

    /** The value of one plain, single- or double-quoted YAML scalar, or null after reporting why not. */
    private static String scalar(String raw, String file, Pos at, Diagnostics diags) {
        String v = raw.strip();
        if (v.isEmpty()) {
            diags.error(file, at, "the title is empty", "write the heading after 'title: '");
            return null;
        }
        if (refusedIndicator(v, file, at, diags)) {
            return null;
        }
        char first = v.charAt(0);
        if (first == '"' || first == '\'') {
            StringBuilder out = new StringBuilder();
            int k = 1;
            boolean closed = false;
            while (k < v.length()) {
                char c = v.charAt(k);
                if (first == '"' && c == '\\' && k + 1 < v.length()) {
                    out.append(v.charAt(k + 1));
                    k += 2;
                    continue;
                }
                if (c == first) {
                    if (first == '\'' && k + 1 < v.length() && v.charAt(k + 1) == '\'') {
                        out.append('\'');
                        k += 2;
                        continue;
                    }
                    closed = true;
                    k++;
                    break;
                }
                out.append(c);
                k++;
            }
            String rest = v.substring(Math.min(k, v.length())).strip();
            if (!closed) {
                diags.error(file, at, "the quoted title is not closed", "end the title with " + first);
                return null;
            }
            if (!rest.isEmpty() && !rest.startsWith("#")) {
                diags.error(file, new Pos(at.line(), at.column() + k), "unexpected text after the quoted title",
                        "put the whole title inside the quotes");
                return null;
            }
            if (out.toString().isBlank()) {
                diags.error(file, at, "the title is empty", "write the heading inside the quotes");
                return null;
            }
            return out.toString().strip();
        }
        int comment = v.indexOf(" #");
        if (comment >= 0) {
            v = v.substring(0, comment).strip();
        }
        if (v.contains(": ")) {
            diags.error(file, at, "a title holding ': ' must be in quotes",
                    "write title: \"" + v.replace("\"", "\\\"") + "\"");
            return null;
        }
        return v;
    }

    /** YAML's node properties and collection or block indicators have no place in a title. */
    private static boolean refusedIndicator(String v, String file, Pos at, Diagnostics diags) {
        char c = v.charAt(0);
        String token = v.split("[\\s\\[{]", 2)[0];
        String message;
        switch (c) {
            case '!' -> message = "YAML tag " + token + " is not allowed in front matter";
            case '&' -> message = "YAML anchor " + token + " is not allowed in front matter";
            case '*' -> message = "YAML alias " + token + " is not allowed in front matter";
            case '[', '{' -> message = "a YAML list or mapping is not allowed: the title is one line of plain text";
            case '|', '>' -> message = "a YAML block text (" + c + ") is not allowed: write the title on one line";
            case '%', '@', '`' -> message = "a title cannot start with '" + c + "' unless it is in quotes";
            case '?' -> message = "a YAML complex key is not allowed in front matter";
            default -> {
                return false;
            }
        }
        diags.error(file, at, message,
                "front matter holds plain text only; if the title really starts with '" + c + "', put it in quotes");
        return true;
    }

    /** Replaces the front matter lines with blank ones, keeping every later line and column where it was. */
    private static String blank(String text, List<String> lines, int close) {
        StringBuilder out = new StringBuilder(text.length());
        int offset = 0;
        for (int i = 0; i <= close; i++) {
            offset += lines.get(i).length() + 1;
            out.append('\n');
        }
        if (offset <= text.length()) {
            out.append(text, offset, text.length());
        }
        // a file that ends on the closing line has no newline to keep
        return out.length() > text.length() ? out.substring(0, text.length()) : out.toString();
    }
}
