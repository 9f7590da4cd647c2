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
    private static final Pattern PARAGRAPH = Pattern.compile("(?is)<p[^>]*>(.*?)</p>");
    private static final Pattern THEAD = Pattern.compile("(?is)<thead[^>]*>(.*?)</thead>");
    private static final Pattern TH = Pattern.compile("(?is)<th[^>]*>(.*?)</th>");
    private static final Pattern WORD_STYLE = Pattern.compile("data-word-style=\"([^\"$]+)\"");
    private static final Pattern VARIABLE = Pattern.compile("\\$!?\\{?[A-Za-z_][A-Za-z0-9_.]*(?:\\([^)]*\\))?\\}?");
    private static final String VALUE = "(?:[^ ]*[0-9][^ ]*)(?: [^ ]*[0-9][^ ]*){0,3}";
    private static final Pattern DIRECTIVE = Pattern.compile("#(?:if|elseif|else|end|foreach|set)\\b(?:\\([^)]*\\))?");
    /** Styles a layout may name that authors use in their own text too: never taken as the layout's. */
    private static final Set<String> SHARED_STYLES = Set.of("title", "subtitle", "caption", "picture", "normal");
    private static final Pattern CONTENTS_STYLE = Pattern.compile("(?i)toc ?(heading|[1-9])");

    private final List<Pattern> headings = new ArrayList<>();
    private final List<String> headingNames = new ArrayList<>();
    private final Set<List<String>> tableHeads = new LinkedHashSet<>();
    private final Set<String> styles = new LinkedHashSet<>();
    private final List<Pattern> paragraphs = new ArrayList<>();
    private final Set<String> texts = new java.util.HashSet<>();

    public LayoutParts(Template template) {
        this(List.of(template));
    }

    /**
     * What any of these templates' layouts writes: the bundle's own, and the built-in ones a draft
     * from an earlier year may have been built with.
     */
    public LayoutParts(List<Template> templates) {
        templates.forEach(this::add);
    }

    private void add(Template template) {
        String layout = template.layout() == null ? "" : template.layout().content();
        layout = layout.replaceAll("(?m)^\\s*##.*$", "");
        Matcher h = HEADING.matcher(layout);
        while (h.find()) {
            String inner = h.group(1);
            if (inner.contains("$s.") || inner.contains("${s.")) {
                continue; // a section's own heading
            }
            String text = html(DIRECTIVE.matcher(inner).replaceAll(""));
            Pattern p = pattern(text);
            if (p != null) {
                headings.add(p);
                headingNames.add(text.replaceAll("\\s+", " ").strip());
            }
        }
        Matcher para = PARAGRAPH.matcher(layout);
        while (para.find()) {
            Pattern p = pattern(html(DIRECTIVE.matcher(para.group(1)).replaceAll("")));
            if (p != null) {
                paragraphs.add(p);
            }
        }
        // the template's own wording that the layout prints: statements, guidance, links
        for (Template.Standard st : template.standards()) {
            texts.add(HeadingMatcher.normalise(st.statement()));
            st.guidance().forEach(g -> texts.add(HeadingMatcher.normalise(g)));
            st.links().forEach(l -> texts.add(HeadingMatcher.normalise(l)));
        }
        texts.remove("");
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

    /**
     * A layout text as a pattern over normalised text: its literal words as they are, each value
     * ($report.year) as one to four words with digits in them; null when it is nothing but values.
     */
    private static Pattern pattern(String text) {
        String[] literal = VARIABLE.split(text, -1);
        StringBuilder regex = new StringBuilder("^");
        boolean any = false;
        for (int i = 0; i < literal.length; i++) {
            if (i > 0) {
                // "Dashboard 2023/24" is the layout's, "Dashboard of concerns" an author's
                regex.append(" ?").append(VALUE).append(" ?");
            }
            String part = HeadingMatcher.normalise(literal[i]);
            if (!part.isEmpty()) {
                regex.append(Pattern.quote(part));
                any = true;
            }
        }
        return any ? Pattern.compile(regex.append('$').toString()) : null;
    }

    /**
     * Whether a paragraph or list item is text the layout prints by itself: one of its literal
     * paragraphs ("Guidance for this draft ...", "Standard 3 can be met by:") or the template's own
     * wording (a standard's statement, guidance and links), whatever style an editor left it in.
     */
    public boolean paragraph(String text) {
        String normal = HeadingMatcher.normalise(text);
        if (normal.isEmpty()) {
            return false;
        }
        if (texts.contains(normal)) {
            return true;
        }
        for (Pattern p : paragraphs) {
            if (p.matcher(normal).matches()) {
                return true;
            }
        }
        return false;
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
