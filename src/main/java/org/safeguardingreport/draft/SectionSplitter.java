package org.safeguardingreport.draft;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.safeguardingreport.draft.Draft.Block;
import org.safeguardingreport.draft.Draft.Heading;
import org.safeguardingreport.draft.Draft.Inline;
import org.safeguardingreport.draft.Draft.ListItem;
import org.safeguardingreport.draft.Draft.Para;
import org.safeguardingreport.draft.Draft.Table;
import org.safeguardingreport.model.SectionIds;
import org.safeguardingreport.model.Template;

/**
 * Cuts a draft into the template's sections at its headings. A heading that matches a section (see
 * {@link HeadingMatcher}) starts it; headings below it become the section's own sub-headings ("##"
 * and lower, whatever Word level the section's heading had); an "Appendix ..." heading after the
 * last section starts an appendix. A heading that matches nothing is never dropped: it stays, with
 * its text, under the section before it (or the first section, when none came before), and is
 * reported. What the layout writes by itself at every build (the title page, contents, cover sheet,
 * standard statements, criteria, guidance, dashboards, sign-off) is left out and counted.
 */
public final class SectionSplitter {
    /** Headings in a draft without heading styles are at most this many words. */
    private static final int MAX_FALLBACK_WORDS = 12;

    /** A section of the draft: its id, the appendix title (null for the template's sections), the heading as written. */
    public record Section(String id, String title, String heading, String how, List<Block> blocks) {
        public boolean isEmpty() {
            return blocks.isEmpty();
        }
    }

    /** A heading that matches no section, and the section it was kept in. */
    public record Unplaced(String text, String keptIn, boolean beforeFirst) {
    }

    /** The draft cut into sections, with what did not fit and what was left out. */
    public record Split(List<Section> sections, List<Unplaced> unplaced, Map<String, Integer> leftOut, List<String> notes) {
    }

    private final Template template;
    private final HeadingMatcher matcher;
    private final LayoutParts layout;
    private final List<Section> sections = new ArrayList<>();
    private final List<Unplaced> unplaced = new ArrayList<>();
    private final Map<String, Integer> leftOut = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final Set<String> taken = new LinkedHashSet<>();

    private Section current;
    private int currentLevel;
    /** Set after a part heading or an unplaced heading at section level: deeper headings may still start sections. */
    private boolean open;
    private String skipping;
    private int skipLevel;
    private boolean seenHeading;
    private final List<Block> pending = new ArrayList<>();
    private boolean guidance;
    /** The layout's paragraph style last left out: a run of them counts once. */
    private String lastLayoutStyle;
    private int guidanceList = -1;

    private SectionSplitter(Template template, List<Template> earlier) {
        this.template = template;
        this.matcher = new HeadingMatcher(template);
        List<Template> layouts = new ArrayList<>();
        layouts.add(template);
        layouts.addAll(earlier);
        this.layout = new LayoutParts(layouts);
    }

    public static Split split(Draft draft, Template template) {
        return split(draft, template, List.of());
    }

    /**
     * @param earlier other templates whose layouts may have made the draft (a Word edition from a year
     *     when the Trust used another template): what their layouts write is left out too
     */
    public static Split split(Draft draft, Template template, List<Template> earlier) {
        return new SectionSplitter(template, earlier).run(draft);
    }

    private Split run(Draft draft) {
        if (draft.findings().contentsFields > 0) {
            leftOut.put("contents", draft.findings().contentsFields);
        }
        boolean styled = draft.blocks().stream().anyMatch(b -> b instanceof Heading h && h.kind() != Draft.HeadingKind.TITLE);
        for (Block b : draft.blocks()) {
            Heading h = b instanceof Heading x ? x : styled ? null : fallbackHeading(b);
            if (h != null) {
                heading(h);
            } else {
                content(b);
            }
        }
        if (current == null && !pending.isEmpty()) {
            notes.add("no heading of the draft matches a section of " + template.name()
                    + ", so nothing was placed; the headings found are listed above");
        }
        return new Split(List.copyOf(sections), List.copyOf(unplaced), leftOut, notes);
    }

    /**
     * In a draft without heading styles: a short paragraph all in bold (or a short one that is exactly
     * a section's heading) that matches a section is taken as that section's heading.
     */
    private Heading fallbackHeading(Block b) {
        List<Inline> inlines;
        if (b instanceof Para p) {
            inlines = p.inlines();
        } else if (b instanceof ListItem li) {
            inlines = li.inlines();
        } else {
            return null;
        }
        String text = Inline.plain(inlines);
        if (text.isEmpty() || text.split(" ").length > MAX_FALLBACK_WORDS || text.endsWith(".") && !text.matches("^\\d+\\.$")) {
            return null;
        }
        boolean bold = inlines.stream().allMatch(i -> !(i instanceof Draft.Text t) || t.text().isBlank() || t.bold())
                && inlines.stream().noneMatch(Draft.Picture.class::isInstance);
        Optional<HeadingMatcher.Match> m = matcher.match(text, taken);
        if (m.isPresent() && (bold && m.get().score() >= 0.75 || m.get().score() >= 0.95)) {
            return new Heading(1, text, Draft.HeadingKind.STYLE, "bold text");
        }
        if (layout.heading(text) != null && bold) {
            return new Heading(1, text, Draft.HeadingKind.STYLE, "bold text");
        }
        return null;
    }

    private void heading(Heading h) {
        guidance = false;
        lastLayoutStyle = null;
        String layoutName = layout.heading(h.text());
        Optional<HeadingMatcher.Match> m = matcher.match(h.text(), taken);
        boolean eligible = current == null || h.level() <= currentLevel || open;
        if (skipping != null) {
            boolean ends = h.level() <= skipLevel || m.isPresent() && m.get().score() >= 0.9;
            if (!ends) {
                return;
            }
            skipping = null;
        }
        if (layoutName != null) {
            skipping = layoutName;
            skipLevel = h.level();
            count(h.text().strip());
            if (current == null || h.level() <= currentLevel) {
                open = true;
            }
            seenHeading = true;
            return;
        }
        if (m.isPresent() && eligible) {
            start(m.get().sectionId(), null, h, m.get().how());
            return;
        }
        if (eligible && isAppendix(h)) {
            start(appendixId(h.text()), h.text().strip(), h, "appendix");
            return;
        }
        if (current == null) {
            if (h.kind() == Draft.HeadingKind.TITLE && !seenHeading) {
                count("title page");
                return;
            }
            seenHeading = true;
            pending.add(new Heading(2, h.text(), h.kind(), h.style()));
            unplaced.add(new Unplaced(h.text(), null, true));
            open = true;
            return;
        }
        if (eligible) {
            current.blocks().add(new Heading(2, h.text(), h.kind(), h.style()));
            unplaced.add(new Unplaced(h.text(), current.id(), false));
            open = true;
            return;
        }
        int level = Math.max(2, Math.min(6, h.level() - currentLevel + 1));
        current.blocks().add(new Heading(level, h.text(), h.kind(), h.style()));
        if (m.isPresent() && m.get().score() >= 0.95) {
            notes.add("the heading \"" + h.text() + "\" inside " + current.id() + " reads like the heading of "
                    + m.get().sectionId() + ", but is a level below " + current.id()
                    + "'s own heading, so it was kept as a sub-heading; give it the same heading level as the other sections to make it a section");
        }
    }

    private boolean isAppendix(Heading h) {
        String normal = HeadingMatcher.normalise(h.text());
        if (normal.startsWith("appendix") || normal.startsWith("annex")) {
            return true;
        }
        List<Template.SectionSpec> all = template.sections();
        return current != null && !all.isEmpty() && current.id().equals(all.get(all.size() - 1).id())
                || current != null && SectionIds.isAppendix(current.id());
    }

    private String appendixId(String heading) {
        String normal = HeadingMatcher.normalise(heading).replace(' ', '-');
        if (!normal.startsWith("appendix")) {
            normal = "appendix-" + normal;
        }
        if (normal.length() > 60) {
            normal = normal.substring(0, 60).replaceAll("-+$", "");
        }
        normal = normal.replaceAll("[^a-z0-9-]", "");
        if (!SectionIds.isAppendix(normal)) {
            normal = "appendix-" + (sections.size() + 1);
        }
        String id = normal;
        for (int n = 2; taken.contains(id); n++) {
            id = normal + "-" + n;
        }
        return id;
    }

    private void start(String id, String title, Heading h, String how) {
        Section s = new Section(id, title, h.text(), how, new ArrayList<>());
        if (current == null && !pending.isEmpty()) {
            s.blocks().addAll(pending);
            for (int i = 0; i < unplaced.size(); i++) {
                Unplaced u = unplaced.get(i);
                if (u.beforeFirst() && u.keptIn() == null) {
                    unplaced.set(i, new Unplaced(u.text(), id, true));
                }
            }
            pending.clear();
        }
        taken.add(id);
        sections.add(s);
        current = s;
        currentLevel = h.level();
        open = false;
        seenHeading = true;
    }

    private void content(Block b) {
        if (skipping != null) {
            return;
        }
        if (current == null && !seenHeading) {
            count(b instanceof Para p && p.style().toLowerCase(Locale.ROOT).startsWith("toc")
                    ? "contents" : "title page");
            return;
        }
        if (b instanceof Para p && (layout.style(p.style()) || layout.style(p.styleId()))) {
            boolean isGuidance = layout.guidance(p.style()) || layout.guidance(p.styleId());
            if (!p.style().equals(lastLayoutStyle)) {
                count(isGuidance ? "guidance for the draft" : p.style().toLowerCase(Locale.ROOT).startsWith("toc") ? "contents"
                        : "\"" + p.style() + "\" paragraphs");
            }
            lastLayoutStyle = p.style();
            guidance = isGuidance;
            guidanceList = -1;
            return;
        }
        String text = b instanceof Para p ? p.text() : b instanceof ListItem li ? li.text() : null;
        if (text != null && layout.paragraph(text)) {
            // the layout's own wording (statement, guidance, "No narrative provided."), whatever its style became
            boolean isGuidance = guidance || HeadingMatcher.normalise(text).startsWith("guidance for this draft");
            if (!isGuidance || !guidance) {
                count(isGuidance ? "guidance for the draft" : "the template's own text (statements, notes)");
            }
            guidance = isGuidance || guidance && b instanceof ListItem;
            // the guidance's own list: a list with another id right after it is the author's
            guidanceList = b instanceof ListItem li ? li.list() : -1;
            return;
        }
        if (b instanceof ListItem li && guidance && (guidanceList < 0 || guidanceList == li.list())) {
            guidanceList = li.list();
            return;
        }
        guidance = false;
        lastLayoutStyle = null;
        if (b instanceof Table t && layout.table(t.firstRow())) {
            count("the layout's tables (criteria, dashboards)");
            return;
        }
        if (current == null) {
            pending.add(b);
        } else {
            current.blocks().add(b);
        }
    }

    private void count(String what) {
        leftOut.merge(what, 1, Integer::sum);
    }
}
