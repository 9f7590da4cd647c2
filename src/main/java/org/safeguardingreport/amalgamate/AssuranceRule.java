package org.safeguardingreport.amalgamate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.safeguardingreport.diag.Diagnostics;
import org.safeguardingreport.json.Fields;
import org.safeguardingreport.json.JsonReader;
import org.safeguardingreport.json.JsonValue;
import org.safeguardingreport.json.JsonValue.JsonArray;
import org.safeguardingreport.json.JsonValue.JsonNumber;
import org.safeguardingreport.json.JsonValue.JsonObject;
import org.safeguardingreport.json.JsonValue.JsonString;
import org.safeguardingreport.model.Answer;
import org.safeguardingreport.model.Frequency;
import org.safeguardingreport.model.Measure;
import org.safeguardingreport.model.MeasureCatalog;
import org.safeguardingreport.model.MeasureKind;

/**
 * The commissioner's rule for overall assurance, read from {@code report-templates/amalgamation/assurance.json}:
 * points per finding, the levels a total falls into (for a provider and for each standard), the caps, which
 * audit questions ask about statutory duties, and which audit question asks about the same duty as an annual
 * yes/no measure. Every mistake in the file is reported at its line and column.
 */
public record AssuranceRule(String file, List<Level> levels, List<Level> standardLevels, QuestionPoints statutory,
                            QuestionPoints other, int redAtQ4, int redEveryQuarter, int annualNo, int contradiction,
                            Map<Finding, String> atBest, Map<String, Set<String>> statutoryQuestions,
                            Map<String, Map<String, String>> duties) {

    public static final String FILE = "assurance.json";

    /** A rating word and the most points it allows; {@code atMost} is null for the last, worst level. */
    public record Level(String rating, Integer atMost) {
    }

    /** Points for each answer to an audit question; {@code gap}: neither answer nor evidence; {@code unanswered}: evidence only. */
    public record QuestionPoints(int yes, int partial, int no, int notApplicable, int unanswered, int gap) {
        public int of(Answer a) {
            return switch (a) {
                case YES -> yes;
                case PARTIAL -> partial;
                case NO -> no;
                case NOT_APPLICABLE -> notApplicable;
            };
        }
    }

    /** The kinds of finding that {@code atBest} may cap, named as in the file's "points". */
    public enum Finding {
        annualNo, contradiction, redAtQ4, redEveryQuarter
    }

    private static final List<String> TOP = List.of("about", "levels", "standardLevels", "points", "atBest",
            "statutoryQuestions", "duties");
    private static final List<String> POINTS = List.of("about", "statutoryQuestion", "otherQuestion", "redAtQ4",
            "redEveryQuarter", "annualNo", "contradiction");
    private static final List<String> ANSWERS = List.of("yes", "partial", "no", "notApplicable", "unanswered", "gap");
    private static final Pattern QUESTION = Pattern.compile("[1-9][0-9]?\\.[1-9][0-9]?");

    /** The worst level's word. */
    public String worst() {
        return levels.get(levels.size() - 1).rating();
    }

    /** The rating of a provider's total, before any cap. */
    public String rate(int points) {
        return rate(levels, points);
    }

    public String rateStandard(int points) {
        return rate(standardLevels, points);
    }

    private static String rate(List<Level> levels, int points) {
        for (Level l : levels) {
            if (l.atMost() == null || points <= l.atMost()) {
                return l.rating();
            }
        }
        return levels.get(levels.size() - 1).rating();
    }

    /** 0 for the best level, growing worse; -1 for a word that is not a level. */
    public int rank(String rating) {
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i).rating().equals(rating)) {
                return i;
            }
        }
        return -1;
    }

    public boolean statutory(String template, String question) {
        return statutoryQuestions.getOrDefault(template, Set.of()).contains(question);
    }

    /** Annual yes/no measure id → the audit question asking about the same duty, for a template. */
    public Map<String, String> duties(String template) {
        return duties.getOrDefault(template, Map.of());
    }

    /** Reads the rule; empty (with every mistake reported) when the file is not a usable rule. */
    public static Optional<AssuranceRule> read(String text, String file, Diagnostics diags) {
        long before = diags.errorCount();
        Optional<JsonValue> json = JsonReader.read(text, file, diags);
        if (json.isEmpty()) {
            return Optional.empty();
        }
        Optional<JsonObject> root = Fields.asObject(json.get(), file, "the assurance rule", diags);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        Fields f = new Fields(root.get(), file, "the assurance rule", diags);
        f.onlyKeys(TOP);
        about(f, file, diags);
        List<Level> levels = levels(f, "levels", file, diags);
        List<Level> standardLevels = levels(f, "standardLevels", file, diags);
        QuestionPoints statutory = new QuestionPoints(0, 0, 0, 0, 0, 0);
        QuestionPoints other = statutory;
        int[] single = new int[4];
        Optional<JsonObject> points = f.obj("points", true);
        if (points.isPresent()) {
            Fields p = new Fields(points.get(), file, "\"points\"", diags);
            p.onlyKeys(POINTS);
            about(p, file, diags);
            statutory = questionPoints(p, "statutoryQuestion", file, diags);
            other = questionPoints(p, "otherQuestion", file, diags);
            String[] keys = {"redAtQ4", "redEveryQuarter", "annualNo", "contradiction"};
            for (int i = 0; i < keys.length; i++) {
                single[i] = points(p, keys[i], file, diags);
            }
        }
        Map<Finding, String> atBest = new LinkedHashMap<>();
        Optional<JsonObject> caps = f.obj("atBest", false);
        if (caps.isPresent()) {
            Fields c = new Fields(caps.get(), file, "\"atBest\"", diags);
            List<String> known = new ArrayList<>(List.of("about"));
            for (Finding x : Finding.values()) {
                known.add(x.name());
            }
            c.onlyKeys(known);
            about(c, file, diags);
            Set<String> words = new LinkedHashSet<>();
            levels.forEach(l -> words.add(l.rating()));
            for (Finding x : Finding.values()) {
                JsonValue v = caps.get().get(x.name());
                if (v == null) {
                    continue;
                }
                if (!(v instanceof JsonString s) || !words.contains(s.value())) {
                    if (!levels.isEmpty()) {
                        diags.error(file, v.pos(), "\"atBest\" \"" + x.name() + "\" must name one of the levels, not "
                                + v.describe(), "the levels are " + String.join(", ", words.stream().map(w -> "\"" + w + "\"")
                                .toList()));
                    }
                    continue;
                }
                atBest.put(x, s.value());
            }
        }
        Map<String, Set<String>> statutoryQuestions = new LinkedHashMap<>();
        f.obj("statutoryQuestions", true).ifPresent(o -> {
            for (JsonValue.Member m : o.members().values()) {
                if (m.key().equals("about")) {
                    continue;
                }
                if (!(m.value() instanceof JsonArray a)) {
                    diags.error(file, m.value().pos(), "\"statutoryQuestions\" \"" + m.key()
                            + "\" must be a list of question numbers, e.g. [\"1.1\", \"1.2\"], not " + m.value().describe());
                    continue;
                }
                Set<String> ids = new LinkedHashSet<>();
                for (JsonValue item : a.items()) {
                    if (item instanceof JsonString s && QUESTION.matcher(s.value()).matches()) {
                        ids.add(s.value());
                    } else {
                        diags.error(file, item.pos(), "a question number is written \"standard.question\", e.g. \"1.5\", not "
                                + item.describe());
                    }
                }
                statutoryQuestions.put(m.key(), Set.copyOf(ids));
            }
        });
        Map<String, Map<String, String>> duties = new LinkedHashMap<>();
        f.obj("duties", false).ifPresent(o -> {
            for (JsonValue.Member m : o.members().values()) {
                if (m.key().equals("about")) {
                    continue;
                }
                Optional<JsonObject> t = Fields.asObject(m.value(), file, "\"duties\" \"" + m.key() + "\"", diags);
                if (t.isEmpty()) {
                    continue;
                }
                Map<String, String> map = new LinkedHashMap<>();
                for (JsonValue.Member d : t.get().members().values()) {
                    Optional<Measure> measure = MeasureCatalog.get().measure(d.key());
                    if (measure.isEmpty() || measure.get().kind() != MeasureKind.YES_NO
                            || measure.get().frequency() != Frequency.ANNUAL) {
                        List<String> yesNo = MeasureCatalog.get().all().stream().filter(x -> x.kind() == MeasureKind.YES_NO)
                                .map(Measure::id).toList();
                        String hint = org.safeguardingreport.text.Suggest.didYouMean(d.key(), yesNo);
                        diags.error(file, d.keyPos(), "\"" + d.key() + "\" is not an annual yes/no measure of the dashboard",
                                hint != null ? hint : "the yes/no measures are " + String.join(", ", yesNo));
                        continue;
                    }
                    if (d.value() instanceof JsonString s && QUESTION.matcher(s.value()).matches()) {
                        map.put(d.key(), s.value());
                    } else {
                        diags.error(file, d.value().pos(), "the audit question of \"" + d.key()
                                + "\" is written \"standard.question\", e.g. \"1.5\", not " + d.value().describe());
                    }
                }
                duties.put(m.key(), Map.copyOf(map));
            }
        });
        if (diags.errorCount() > before) {
            return Optional.empty();
        }
        return Optional.of(new AssuranceRule(file, levels, standardLevels, statutory, other, single[0], single[1], single[2],
                single[3], Map.copyOf(atBest), Map.copyOf(statutoryQuestions), Map.copyOf(duties)));
    }

    /** "about" holds the commissioner's own notes: text, or a list of lines. */
    private static void about(Fields f, String file, Diagnostics diags) {
        JsonValue v = f.raw("about");
        if (v == null || v instanceof JsonString) {
            return;
        }
        if (v instanceof JsonArray a && a.items().stream().allMatch(x -> x instanceof JsonString)) {
            return;
        }
        diags.error(file, v.pos(), "\"about\" holds notes for the reader: text, or a list of lines of text, not " + v.describe());
    }

    private static List<Level> levels(Fields f, String key, String file, Diagnostics diags) {
        Optional<List<JsonValue>> list = f.list(key, true);
        List<Level> out = new ArrayList<>();
        if (list.isEmpty()) {
            return out;
        }
        if (list.get().size() < 2) {
            diags.error(file, f.raw(key).pos(), "\"" + key + "\" needs at least two levels, best first",
                    "e.g. [ { \"rating\": \"Assured\", \"atMost\": 12 }, { \"rating\": \"Not assured\" } ]");
            return out;
        }
        Integer previous = null;
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < list.get().size(); i++) {
            JsonValue v = list.get().get(i);
            boolean last = i == list.get().size() - 1;
            Optional<JsonObject> o = Fields.asObject(v, file, "a level of \"" + key + "\"", diags);
            if (o.isEmpty()) {
                continue;
            }
            Fields l = new Fields(o.get(), file, "a level of \"" + key + "\"", diags);
            l.onlyKeys(List.of("rating", "atMost", "about"));
            Optional<String> rating = l.text("rating", true);
            Integer atMost = null;
            JsonValue most = o.get().get("atMost");
            if (last) {
                if (most != null) {
                    diags.error(file, most.pos(), "the last level of \"" + key + "\" takes every total above the others: it has no \"atMost\"",
                            "remove \"atMost\" from the last level");
                }
            } else if (most == null) {
                diags.error(file, o.get().pos(), "this level of \"" + key + "\" has no \"atMost\": the most points it allows",
                        "add \"atMost\": a whole number, larger than the level above's");
            } else {
                Optional<Long> n = Fields.wholeNumber(most, "\"atMost\"", file, diags);
                if (n.isPresent()) {
                    atMost = n.get().intValue();
                    if (previous != null && atMost <= previous) {
                        diags.error(file, most.pos(), "\"atMost\" " + atMost + " must be larger than the level above's ("
                                + previous + "): levels go from best to worst");
                    }
                    previous = atMost;
                }
            }
            if (rating.isPresent()) {
                if (!seen.add(rating.get())) {
                    diags.error(file, o.get().get("rating").pos(), "the level \"" + rating.get() + "\" is named twice in \"" + key + "\"");
                }
                out.add(new Level(rating.get(), atMost));
            }
        }
        return out;
    }

    private static QuestionPoints questionPoints(Fields p, String key, String file, Diagnostics diags) {
        Optional<JsonObject> o = p.obj(key, true);
        if (o.isEmpty()) {
            return new QuestionPoints(0, 0, 0, 0, 0, 0);
        }
        Fields q = new Fields(o.get(), file, "\"" + key + "\"", diags);
        q.onlyKeys(ANSWERS);
        int[] n = new int[ANSWERS.size()];
        for (int i = 0; i < n.length; i++) {
            n[i] = points(q, ANSWERS.get(i), file, diags);
        }
        return new QuestionPoints(n[0], n[1], n[2], n[3], n[4], n[5]);
    }

    private static int points(Fields f, String key, String file, Diagnostics diags) {
        JsonValue v = f.raw(key);
        if (v == null) {
            diags.error(file, f.object().pos(), "no points given for \"" + key + "\"", "add \"" + key + "\": 0 (or more)");
            return 0;
        }
        if (!(v instanceof JsonNumber)) {
            diags.error(file, v.pos(), "the points for \"" + key + "\" must be a whole number, not " + v.describe());
            return 0;
        }
        return Fields.wholeNumber(v, "the points for \"" + key + "\"", file, diags).map(Long::intValue).orElse(0);
    }
}
