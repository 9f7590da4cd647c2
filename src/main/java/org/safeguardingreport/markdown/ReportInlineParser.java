package org.safeguardingreport.markdown;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.InlineParserExtension;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.LightInlineParser;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * Recognises the bundle dialect's inline additions wherever CommonMark parses inline text
 * (paragraphs, headings, table cells; never code): {@code {{...}}} figures and chart directives,
 * and {@code {audit=...}} evidence markers. Anything in double braces that does not look like a
 * figure (say {@code {{7*7}}}) stays literal text.
 */
final class ReportInlineParser implements InlineParserExtension {
    private static final Pattern MARKER_START = Pattern.compile("\\{\\s*audit\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern MEASURE_LIKE = Pattern.compile("\\d{1,2}[a-z]-.*");

    ReportInlineParser(LightInlineParser parser) {
    }

    static boolean isChart(String content) {
        return content.equals("chart") || content.startsWith("chart ") || content.startsWith("chart\t");
    }

    /** Whether the text between double braces is meant as one of ours (and so is validated). */
    static boolean isDataRef(String content) {
        String c = content.strip();
        return isChart(c) || c.contains("@") || MEASURE_LIKE.matcher(c).matches();
    }

    @Override
    public boolean parse(LightInlineParser p) {
        BasedSequence input = p.getInput();
        int i = p.getIndex();
        if (input.charAt(i) == '*') {
            // "7*7" or "${7*7}": an asterisk between two letters or digits is a character, not emphasis,
            // so template expressions and arithmetic print as written
            boolean before = i > 0 && Character.isLetterOrDigit(input.charAt(i - 1));
            boolean after = i + 1 < input.length() && Character.isLetterOrDigit(input.charAt(i + 1));
            if (before && after) {
                p.appendText(input, i, i + 1);
                p.setIndex(i + 1);
                return true;
            }
            return false;
        }
        int lineEnd = input.indexOf('\n', i);
        if (lineEnd < 0) {
            lineEnd = input.length();
        }
        if (i + 1 < lineEnd && input.charAt(i + 1) == '{') {
            int close = input.indexOf("}}", i + 2);
            if (close < 0 || close > lineEnd) {
                return false;
            }
            String content = input.subSequence(i + 2, close).toString();
            if (content.indexOf('{') >= 0 || content.indexOf('}') >= 0 || !isDataRef(content)) {
                return false;
            }
            p.flushTextNode();
            p.getBlock().appendChild(new DataRefNode(input.subSequence(i, close + 2)));
            p.setIndex(close + 2);
            return true;
        }
        Matcher m = MARKER_START.matcher(input.subSequence(i, lineEnd));
        if (!m.lookingAt()) {
            return false;
        }
        int close = closingBrace(input, i + m.end(), lineEnd);
        boolean closed = close >= 0;
        int end = closed ? close + 1 : lineEnd;
        p.flushTextNode();
        p.getBlock().appendChild(new EvidenceMarkerNode(input.subSequence(i, end), closed));
        p.setIndex(end);
        return true;
    }

    /** The '}' that ends a marker, skipping any inside a quoted value. */
    private static int closingBrace(BasedSequence s, int from, int end) {
        char quote = 0;
        for (int k = from; k < end; k++) {
            char c = s.charAt(k);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '}') {
                return k;
            }
        }
        return -1;
    }

    @Override
    public void finalizeDocument(InlineParser inlineParser) {
    }

    @Override
    public void finalizeBlock(InlineParser inlineParser) {
    }

    static final class Factory implements InlineParserExtensionFactory {
        @Override
        public CharSequence getCharacters() {
            return "{*";
        }

        @Override
        public InlineParserExtension apply(LightInlineParser parser) {
            return new ReportInlineParser(parser);
        }

        @Override
        public Set<Class<?>> getAfterDependents() {
            return null;
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return null;
        }

        @Override
        public boolean affectsGlobalScope() {
            return false;
        }
    }
}
