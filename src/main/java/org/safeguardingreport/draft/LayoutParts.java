package org.safeguardingreport.draft;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.safeguardingreport.model.Template;

/**
 * What the template's layout writes into every edition by itself, read from the layout file
 * (report.vm), so that a draft made from last year's Word edition leaves it out and the next build
 * writes it afresh: the layout's own headings ("Board cover sheet", "Dashboard $report.year",
 * "Sign-off", a Trust's own), the heading rows of its own tables (the criteria, the dashboard), and
 * the Word styles it gives its own paragraphs ("Statement", "Guidance", "Missing").
 */
public final class LayoutParts {
    private static final Pattern HEADING = Pattern.compile("(?is)<h[1-6][^>]*>(.*?)</h[1-6]>");
    private static final Pattern THEAD = Pattern.compile("(?is)<thead[^>]*>(.*?)</thead>");
    private static final Pattern TH = Pattern.compile("(?is)<th[^>]*>(.*?)</th>");
    private static final Pattern WORD_STYLE = Pattern.compile("data-word-style=\"([^\"$]+)\"");
    private static final Pattern VARIABLE = Pattern.compile("\\$!?\\{?[A-Za-z_][A-Za-z0-9_.]*(?:\\([^)]*\\))?\\}?");
    private static final Pattern DIRECTIVE = Pattern.compile("#(?:if|elseif|else|end|foreach|set)\\b(?:\\([^)]*\\))?");
    /** Styles a layout may name that authors use in their own text too: never taken as the layout's. */
    private static final Set<String> SHARED_STYLES = Set.of("title", "subtitle", "caption", "picture", "normal");
    private static final Pattern CONTENTS_STYLE = Pattern.compile("(?i)toc ?(heading|[1-9])");

    private final List<Pattern> headings = new ArrayList<>();
    private final List<String> headingNames = new ArrayList<>();
    private final Set<List<String>> tableHeads = new LinkedHashSet<>();
    private final Set<String> styles = new LinkedHashSet<>();

    public LayoutParts(Template template) {
        String layout = template.layout() == null ? "" : template.layout().content();
        layout = layout.replaceAll("(?m)^\\s*##.*$", "");
        Matcher h = HEADING.matcher(layout);
        while (h.find()) {
            String inner = h.group(1);
            if (inner.contains("$s.") || inner.contains("${s.")) {
                continue; // a section's own heading
            }
            String text = html(DIRECTIVE.matcher(inner).replaceAll(""));
            String[] literal = VARIABLE.split(text, -1);
            StringBuilder regex = new StringBuilder("^");
            boolean any = false;
            for (int i = 0; i < literal.length; i++) {
                if (i > 0) {
                    regex.append(".+");
                }
                String part = HeadingMatcher.normalise(literal[i]);
                if (!part.isEmpty()) {
                    regex.append(Pattern.quote(part));
                    any = true;
                }
            }
            if (!any) {
                continue; // nothing but a value: nothing to recognise it by
            }
            headings.add(Pattern.compile(regex.append('$').toString()));
            headingNames.add(text.replaceAll("\\s+", " ").strip());
        }
        Matcher t = THEAD.matcher(layout);
        while (t.find()) {
            List<String> row = new ArrayList<>();
            Matcher th = TH.matcher(t.group(1));
            boolean literal = true;
            while (th.find()) {
                String cell = html(th.group(1));
                if (VARIABLE.matcher(cell).find() || cell.contains("#")) {
                    literal = false;
                }
                row.add(HeadingMatcher.normalise(cell));
            }
            if (literal && !row.isEmpty()) {
                tableHeads.add(row);
            }
        }
        Matcher s = WORD_STYLE.matcher(layout);
        while (s.find()) {
            String name = s.group(1).strip().toLowerCase(Locale.ROOT);
            if (!SHARED_STYLES.contains(name) && !name.startsWith("heading")) {
                styles.add(name);
            }
        }
    }

    /** The layout heading a draft's heading is, as the layout writes it ("Dashboard $report.year"), or null. */
    public String heading(String text) {
        String normal = HeadingMatcher.normalise(text);
        for (int i = 0; i < headings.size(); i++) {
            if (headings.get(i).matcher(normal).matches()) {
                return headingNames.get(i);
            }
        }
        return null;
    }

    /** Whether a table's first row is the heading row of one of the layout's own tables. */
    public boolean table(List<String> firstRow) {
        List<String> normal = firstRow.stream().map(HeadingMatcher::normalise).toList();
        return tableHeads.contains(normal);
    }

    /** Whether a paragraph style is one the layout gives its own paragraphs, or Word's contents. */
    public boolean style(String styleName) {
        if (styleName == null) {
            return false;
        }
        String s = styleName.strip().toLowerCase(Locale.ROOT);
        return styles.contains(s) || CONTENTS_STYLE.matcher(s).matches();
    }

    /** The layout's "Guidance" style: lists right after it are its notes too. */
    public boolean guidance(String styleName) {
        return styleName != null && styleName.strip().equalsIgnoreCase("guidance") && styles.contains("guidance");
    }

    private static String html(String s) {
        return s.replaceAll("<[^>]*>", " ").replace("&#8212;", "\u2014").replace("&#8211;", "\u2013")
                .replace("&amp;", "&").replace("&#160;", " ").replace("&nbsp;", " ");
    }
}
