package org.safeguardingreport.draft;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.w3c.dom.Element;

/**
 * A draft's paragraph and character styles and its list definitions, as far as an import needs them:
 * which style is a heading of which level (by its name, its outline level or the style it is based
 * on, so a localised or renamed "Heading 2" is still one), which character style is bold or italic,
 * and whether a list level is numbered or bulleted.
 */
final class WordStyles {
    private static final Pattern HEADING_NAME = Pattern.compile("heading ?([1-9])");

    private record Style(String id, String name, String basedOn, Integer outline, Integer numId, Integer ilvl,
                         Boolean bold, Boolean italic, String link) {
    }

    private record Level(String format, int start) {
    }

    /** A heading level (1-9) and how it was recognised. */
    record HeadingStyle(int level, Draft.HeadingKind kind) {
    }

    /** A list level: its number format ("decimal", "bullet", "none", ...) and the number it starts from. */
    record ListLevel(String format, int start, boolean restarts) {
        boolean ordered() {
            return !format.equals("bullet");
        }
    }

    private final Map<String, Style> styles = new HashMap<>();
    private final Map<Integer, Integer> numToAbstract = new HashMap<>();
    private final Map<Integer, Map<Integer, Level>> numOverrides = new HashMap<>();
    private final Map<Integer, Map<Integer, Level>> abstractLevels = new HashMap<>();
    private final Map<Integer, String> abstractStyleLink = new HashMap<>();
    private String defaultParagraphStyle;

    WordStyles(Element stylesRoot, Element numberingRoot) {
        if (stylesRoot != null) {
            for (Element s : Dom.children(stylesRoot, "style")) {
                String id = Dom.attr(s, "styleId");
                if (id == null) {
                    continue;
                }
                Element ppr = Dom.child(s, "pPr");
                Element rpr = Dom.child(s, "rPr");
                Element numPr = ppr == null ? null : Dom.child(ppr, "numPr");
                styles.put(id, new Style(id, Dom.val(Dom.child(s, "name")), Dom.val(Dom.child(s, "basedOn")),
                        ppr == null ? null : Dom.intVal(Dom.child(ppr, "outlineLvl")),
                        numPr == null ? null : Dom.intVal(Dom.child(numPr, "numId")),
                        numPr == null ? null : Dom.intVal(Dom.child(numPr, "ilvl")),
                        rpr == null ? null : Dom.onOff(Dom.child(rpr, "b")),
                        rpr == null ? null : Dom.onOff(Dom.child(rpr, "i")),
                        Dom.val(Dom.child(s, "link"))));
                String isDefault = Dom.attr(s, "default");
                if ("paragraph".equals(Dom.attr(s, "type")) && ("1".equals(isDefault) || "true".equals(isDefault))) {
                    defaultParagraphStyle = id;
                }
            }
        }
        if (numberingRoot != null) {
            for (Element a : Dom.children(numberingRoot, "abstractNum")) {
                Integer id = Dom.intAttr(a, "abstractNumId");
                if (id == null) {
                    continue;
                }
                abstractLevels.put(id, levels(a));
                String link = Dom.val(Dom.child(a, "numStyleLink"));
                if (link != null) {
                    abstractStyleLink.put(id, link);
                }
            }
            for (Element n : Dom.children(numberingRoot, "num")) {
                Integer id = Dom.intAttr(n, "numId");
                Integer abs = Dom.intVal(Dom.child(n, "abstractNumId"));
                if (id == null || abs == null) {
                    continue;
                }
                numToAbstract.put(id, abs);
                Map<Integer, Level> over = new HashMap<>();
                for (Element o : Dom.children(n, "lvlOverride")) {
                    Integer ilvl = Dom.intAttr(o, "ilvl");
                    if (ilvl == null) {
                        continue;
                    }
                    Element lvl = Dom.child(o, "lvl");
                    Integer startOverride = Dom.intVal(Dom.child(o, "startOverride"));
                    if (lvl != null) {
                        over.put(ilvl, level(lvl));
                    } else if (startOverride != null) {
                        over.put(ilvl, new Level(null, startOverride));
                    }
                }
                numOverrides.put(id, over);
            }
        }
    }

    private static Map<Integer, Level> levels(Element abstractNum) {
        Map<Integer, Level> out = new HashMap<>();
        for (Element lvl : Dom.children(abstractNum, "lvl")) {
            Integer ilvl = Dom.intAttr(lvl, "ilvl");
            if (ilvl != null) {
                out.put(ilvl, level(lvl));
            }
        }
        return out;
    }

    private static Level level(Element lvl) {
        Integer start = Dom.intVal(Dom.child(lvl, "start"));
        return new Level(Dom.val(Dom.child(lvl, "numFmt")), start == null ? 1 : start);
    }

    String defaultParagraphStyle() {
        return defaultParagraphStyle;
    }

    /** The style's name as Word shows it ("heading 1", "Normal"), or its id when it has no name. */
    String name(String styleId) {
        Style s = styleId == null ? null : styles.get(styleId);
        return s == null ? (styleId == null ? "Normal" : styleId) : s.name() == null ? s.id() : s.name();
    }

    /** The heading level (1-9) and kind a paragraph style gives, following the styles it is based on; null for none. */
    HeadingStyle heading(String styleId) {
        Set<String> seen = new HashSet<>();
        for (Style s = styleId == null ? null : styles.get(styleId); s != null && seen.add(s.id());
             s = s.basedOn() == null ? null : styles.get(s.basedOn())) {
            String name = s.name() == null ? "" : s.name().toLowerCase(Locale.ROOT).strip();
            Matcher m = HEADING_NAME.matcher(name);
            if (m.matches()) {
                return new HeadingStyle(Integer.parseInt(m.group(1)), Draft.HeadingKind.STYLE);
            }
            if (name.equals("title")) {
                return new HeadingStyle(1, Draft.HeadingKind.TITLE);
            }
            if (s.outline() != null) {
                return s.outline() >= 0 && s.outline() <= 8 ? new HeadingStyle(s.outline() + 1, Draft.HeadingKind.OUTLINE) : null;
            }
        }
        // a style id without a definition: Word's own ids are understood ("Heading2", "Title")
        if (styleId != null && !styles.containsKey(styleId)) {
            Matcher m = Pattern.compile("(?i)heading([1-9])").matcher(styleId);
            if (m.matches()) {
                return new HeadingStyle(Integer.parseInt(m.group(1)), Draft.HeadingKind.STYLE);
            }
            if (styleId.equalsIgnoreCase("Title")) {
                return new HeadingStyle(1, Draft.HeadingKind.TITLE);
            }
        }
        return null;
    }

    /** The list (numId, ilvl) a paragraph style puts its paragraphs in, following based-on styles; null for none. */
    int[] styleList(String styleId) {
        Set<String> seen = new HashSet<>();
        for (Style s = styleId == null ? null : styles.get(styleId); s != null && seen.add(s.id());
             s = s.basedOn() == null ? null : styles.get(s.basedOn())) {
            if (s.numId() != null) {
                return new int[] {s.numId(), s.ilvl() == null ? 0 : s.ilvl()};
            }
        }
        return null;
    }

    /** Whether a character style (or a paragraph style's linked character style) makes text bold. */
    boolean bold(String charStyleId) {
        return flag(charStyleId, true);
    }

    boolean italic(String charStyleId) {
        return flag(charStyleId, false);
    }

    private boolean flag(String styleId, boolean bold) {
        Set<String> seen = new HashSet<>();
        for (Style s = styleId == null ? null : styles.get(styleId); s != null && seen.add(s.id());
             s = s.basedOn() == null ? null : styles.get(s.basedOn())) {
            Boolean v = bold ? s.bold() : s.italic();
            if (v != null) {
                return v;
            }
        }
        return false;
    }

    /**
     * The list level's format ("decimal", "bullet", "none", ...) and start, following a style's
     * numbering link; null when the list is not defined.
     */
    ListLevel listLevel(int numId, int ilvl) {
        Set<Integer> seen = new HashSet<>();
        Integer num = numId;
        while (num != null && seen.add(num)) {
            Level over = numOverrides.getOrDefault(num, Map.of()).get(ilvl);
            Integer abs = numToAbstract.get(num);
            if (abs == null) {
                return null;
            }
            Level base = abstractLevels.getOrDefault(abs, Map.of()).get(ilvl);
            String link = abstractStyleLink.get(abs);
            if (base == null && link != null) {
                int[] viaStyle = styleList(link);
                num = viaStyle == null ? null : viaStyle[0];
                continue;
            }
            String format = over != null && over.format() != null ? over.format() : base == null ? "decimal" : base.format();
            int start = over != null ? over.start() : base == null ? 1 : base.start();
            return new ListLevel(format == null ? "decimal" : format, start, over != null);
        }
        return null;
    }
}
