package org.safeguardingreport.draft;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.safeguardingreport.model.Template;
import org.safeguardingreport.text.Suggest;

/**
 * Finds the template section a draft's heading stands for, allowing what people change when they
 * retype a heading: numbering ("1.", "4)", "iii."), case, punctuation, "&" for "and", small words
 * left out or added, a plural, a typo; a standard is also found by its number ("Standard 3: Training").
 */
public final class HeadingMatcher {
    private static final Pattern NUMBERING = Pattern.compile(
            "^\\s*(?:(?:section|item|part|chapter)\\s+)?(?:\\d{1,3}(?:\\.\\d{1,3})*[.):]?|[ivxlc]{1,6}[.):]|[a-z][.)])\\s+");
    private static final Pattern STANDARD = Pattern.compile("^standard\\s*(\\d{1,2})\\b");
    private static final Set<String> SMALL_WORDS = Set.of("the", "of", "and", "a", "an", "for", "to", "in", "on", "our",
            "with", "by", "at", "from", "this", "year", "s");
    /** Scores below this are no match. */
    static final double THRESHOLD = 0.6;

    /** A section found for a heading: how sure (0-1) and why, in words. */
    public record Match(String sectionId, double score, String how) {
    }

    private record Candidate(String id, String normal, Set<String> words, int standard) {
    }

    private final List<Candidate> candidates = new ArrayList<>();

    public HeadingMatcher(Template template) {
        for (Template.SectionSpec s : template.sections()) {
            int standard = org.safeguardingreport.model.SectionIds.standardNumber(s.id());
            List<String> names = new ArrayList<>();
            names.add(template.heading(s.id()));
            if (standard > 0) {
                names.add(template.standard(standard).title());
            }
            names.add(s.id().replace('-', ' '));
            for (String n : names) {
                String normal = normalise(n);
                candidates.add(new Candidate(s.id(), normal, words(normal), standard));
            }
        }
    }

    /** The best section for {@code heading} among those not {@code taken}, when it is a close enough match. */
    public Optional<Match> match(String heading, Set<String> taken) {
        String normal = normalise(heading);
        if (normal.isEmpty()) {
            return Optional.empty();
        }
        Matcher standard = STANDARD.matcher(normal);
        if (standard.find()) {
            int n = Integer.parseInt(standard.group(1));
            for (Candidate c : candidates) {
                if (c.standard() == n && !taken.contains(c.id())) {
                    return Optional.of(new Match(c.id(), 0.95, "standard " + n));
                }
            }
        }
        Set<String> words = words(normal);
        Match best = null;
        for (Candidate c : candidates) {
            if (taken.contains(c.id())) {
                continue;
            }
            double score;
            String how;
            if (c.normal().equals(normal)) {
                score = 1.0;
                how = "same heading";
            } else {
                double dice = dice(words, c.words());
                double typo = 1.0 - (double) Suggest.distance(normal, c.normal()) / Math.max(normal.length(), c.normal().length());
                boolean within = !words.isEmpty() && c.words().containsAll(words)
                        && c.words().iterator().next().equals(words.iterator().next());
                score = Math.max(Math.max(dice * 0.9, typo >= 0.8 ? typo * 0.9 : 0), within ? 0.7 : 0);
                how = "close wording";
            }
            if (score >= THRESHOLD && (best == null || score > best.score())) {
                best = new Match(c.id(), score, how);
            }
        }
        return Optional.ofNullable(best);
    }

    /** Lower case, without accents, numbering, punctuation and doubled spaces; "&" reads "and". */
    public static String normalise(String heading) {
        String s = Normalizer.normalize(heading, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
        s = s.replace("&", " and ").replace('\u00A0', ' ').strip();
        for (int i = 0; i < 2; i++) {
            s = NUMBERING.matcher(s).replaceFirst("");
        }
        s = s.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        return s;
    }

    private static Set<String> words(String normal) {
        Set<String> out = new LinkedHashSet<>();
        for (String w : normal.split(" ")) {
            if (w.isEmpty() || SMALL_WORDS.contains(w)) {
                continue;
            }
            out.add(w.length() > 4 && w.endsWith("s") ? w.substring(0, w.length() - 1) : w);
        }
        return out;
    }

    private static double dice(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        int common = 0;
        for (String w : a) {
            if (b.contains(w)) {
                common++;
            }
        }
        return 2.0 * common / (a.size() + b.size());
    }
}
