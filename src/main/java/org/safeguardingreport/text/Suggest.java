package org.safeguardingreport.text;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Finds the valid name nearest to a misspelt one, for "did you mean ...?" hints. */
public final class Suggest {
    private Suggest() {
    }

    public static Optional<String> nearest(String input, Collection<String> candidates) {
        String in = input.toLowerCase(Locale.ROOT).trim();
        if (in.isEmpty()) {
            return Optional.empty();
        }
        String best = null;
        int bestScore = Integer.MAX_VALUE;
        for (String c : candidates) {
            String cand = c.toLowerCase(Locale.ROOT);
            int score = distance(in, cand);
            // a name written without its prefix ("level-3" for "3b-level-3") is a near miss too
            if (in.length() >= 4 && (cand.endsWith(in) || cand.startsWith(in))) {
                score = Math.min(score, 1);
            }
            if (score < bestScore) {
                best = c;
                bestScore = score;
            }
        }
        int allowed = Math.max(2, in.length() / 3);
        return bestScore <= allowed ? Optional.ofNullable(best) : Optional.empty();
    }

    public static String didYouMean(String input, Collection<String> candidates) {
        return nearest(input, candidates).map(s -> "did you mean " + s + "?").orElse(null);
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps cost 1. */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
